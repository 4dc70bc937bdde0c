//! Choosing organisations by name inside a plain GET form: what is chosen so far, what the
//! search found (radio buttons, or check boxes for several), and the search field with its
//! button. Searching sends the whole form, so nothing typed is lost; it works by keyboard
//! and without script.

use crate::api::org_changes::Chosen;
use crate::api::organisation::NodeHit;
use crate::components::translations::locale;
use crate::i18n::*;
use crate::pages::people::shared::hit_description;
use leptos::prelude::*;

#[component]
pub fn Picker(
    /// The form field the choice is sent as.
    field: &'static str,
    /// The form field the search is sent as.
    search_field: &'static str,
    legend: String,
    /// An explanation under the legend.
    #[prop(optional)]
    hint: Option<String>,
    chosen: Vec<Chosen>,
    hits: Vec<NodeHit>,
    search: String,
    /// Several may be chosen (check boxes).
    #[prop(optional)]
    multiple: bool,
) -> impl IntoView {
    let i18n = locale();
    let input_type = if multiple { "checkbox" } else { "radio" };
    let searched = !search.trim().is_empty();
    let nothing_found = searched && hits.is_empty();
    let chosen_ids: Vec<_> = chosen.iter().map(|chosen| chosen.id).collect();
    let hint_id = format!("{field}-hint");
    let described = hint.is_some().then(|| hint_id.clone());
    let chosen_view = chosen
        .into_iter()
        .map(|chosen| {
            let id = format!("{field}-vald-{}", chosen.id);
            view! {
                <div class="choice">
                    <input type=input_type id=id.clone() name=field value=chosen.id.to_string() checked=true />
                    <label for=id>{chosen.name}</label>
                </div>
            }
        })
        .collect_view();
    let hits_view = hits
        .into_iter()
        .filter(|hit| !chosen_ids.contains(&hit.id))
        .enumerate()
        .map(|(index, hit)| {
            let id = format!("{field}-traff-{index}");
            let description_id = format!("{id}-beskrivning");
            let description = hit_description(i18n, &hit);
            view! {
                <div class="choice">
                    <input
                        type=input_type
                        id=id.clone()
                        name=field
                        value=hit.id.to_string()
                        aria-describedby=description_id.clone()
                    />
                    <label for=id>{hit.name.clone()}</label>
                    <span id=description_id class="choice__description">{description}</span>
                </div>
            }
        })
        .collect_view();
    view! {
        <fieldset class="field" aria-describedby=described>
            <legend class="field__label">{legend}</legend>
            {hint.map(|hint| view! { <p id=hint_id.clone() class="field__hint">{hint}</p> })}
            <div class="choice-list">{chosen_view}{hits_view}</div>
            {nothing_found.then(|| view! { <p role="status">{td!(i18n, org_change.picker_none)}</p> })}
            <div class="field">
                <label for=search_field class="field__label">{td!(i18n, org_change.picker_search_label)}</label>
                <input id=search_field type="search" name=search_field class="field__input" value=search maxlength="100" />
            </div>
            <button type="submit" class="button button--secondary" name="step" value="search">
                {td!(i18n, org_change.picker_search_submit)}
            </button>
        </fieldset>
    }
}
