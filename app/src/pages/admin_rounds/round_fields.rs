//! The fields of a round: name, framework version, the part of the tree it covers, its
//! dates and its introduction. Shared by the new-round form and a draft's edit form.
//!
//! The part of the tree: the city (the default), the organisation chosen so far, and what a
//! search finds, as radio buttons. The search is a button of the same form that sends the
//! whole form as a GET to the page itself (`formmethod="get"`), so everything typed so far
//! comes back filled in, with the hits (the form is plain HTML with script too).

use super::errors::{FieldMessage, described_by, field_id, invalid};
use crate::api::admin_rounds::{NodeChoice, RoundFormOptions, SEARCH_KEY};
use crate::components::text_counter::textarea_content;
use crate::components::translations::locale;
use crate::domain::limits::{ROUND_INTRO_MAX_CHARS, ROUND_NAME_MAX_CHARS};
use crate::domain::round_lifecycle::{RawRound, RoundField, RoundFieldError};
use crate::format;
use crate::i18n::*;
use leptos::prelude::*;

/// The id of the part-of-the-tree group, where a search lands.
const SCOPE_ANCHOR: &str = "omfattning";

/// One organisation to choose.
#[component]
fn ScopeOption(
    choice: NodeChoice,
    id: String,
    checked: bool,
    #[prop(optional)] label: Option<String>,
) -> impl IntoView {
    let within = (!choice.within.is_empty()).then(|| choice.within.join(" › "));
    let label = label.unwrap_or_else(|| choice.name.clone());
    view! {
        <div class="choice">
            <input type="radio" id=id.clone() name=RoundField::Root.key() value=choice.id.to_string() checked=checked />
            <label for=id>
                {label}
                {within.map(|within| view! { <span class="choice__context">{within}</span> })}
            </label>
        </div>
    }
}

/// The fields of a round, filled in with `values`. `page` is the form's own page (where
/// the search sends the form).
#[component]
pub fn RoundFields(
    options: RoundFormOptions,
    values: RawRound,
    search: String,
    page: String,
    problems: Signal<Vec<RoundFieldError>>,
) -> impl IntoView {
    let i18n = locale();
    let RoundFormOptions { versions, city, chosen, hits, searched, today: _ } = options;
    let id = field_id;
    let hint = |field: RoundField| format!("{}-hint", field_id(field));

    let chosen_root = values.root.trim().to_owned();
    // The city unless another organisation shown is the one chosen.
    let is_chosen = |choice: &NodeChoice| choice.id.to_string() == chosen_root;
    let city_checked = !chosen.iter().any(is_chosen) && !hits.iter().any(is_chosen);
    let city_label = td_string!(i18n, admin_rounds.scope_city, name = city.name.clone()).to_string();
    let hit_count = hits.len();
    let search_status = searched.then(|| {
        if hit_count == 0 {
            td_string!(i18n, admin_rounds.scope_no_hits).to_string()
        } else {
            td_string!(i18n, admin_rounds.scope_hits, count = format::count(hit_count)).to_string()
        }
    });
    let version_selected = |id: &str| values.framework_version == id || values.framework_version.is_empty();
    let first_version = versions.first().map(|version| version.id.to_string()).unwrap_or_default();

    view! {
        <div class="field">
            <label for=id(RoundField::Name) class="field__label">{td!(i18n, admin_rounds.field_name)}</label>
            <p id=hint(RoundField::Name) class="field__hint">
                {td!(i18n, admin_rounds.field_name_hint, max = move || format::count(ROUND_NAME_MAX_CHARS))}
            </p>
            <FieldMessage field=RoundField::Name problems />
            <input
                id=id(RoundField::Name)
                name=RoundField::Name.key()
                type="text"
                class="field__input"
                value=values.name.clone()
                autocomplete="off"
                aria-describedby=described_by(RoundField::Name, Some(hint(RoundField::Name)), problems)
                aria-invalid=invalid(RoundField::Name, problems)
            />
        </div>

        <div class="field">
            <label for=id(RoundField::FrameworkVersion) class="field__label">{td!(i18n, admin_rounds.field_version)}</label>
            <p id=hint(RoundField::FrameworkVersion) class="field__hint">{td!(i18n, admin_rounds.field_version_hint)}</p>
            <FieldMessage field=RoundField::FrameworkVersion problems />
            {if versions.is_empty() {
                view! { <p class="notice notice--warning">{td!(i18n, admin_rounds.no_versions)}</p> }.into_any()
            } else {
                view! {
                    <select
                        id=id(RoundField::FrameworkVersion)
                        name=RoundField::FrameworkVersion.key()
                        class="field__select"
                        aria-describedby=described_by(
                            RoundField::FrameworkVersion,
                            Some(hint(RoundField::FrameworkVersion)),
                            problems,
                        )
                        aria-invalid=invalid(RoundField::FrameworkVersion, problems)
                    >
                        {versions.into_iter().map(|version| {
                            let value = version.id.to_string();
                            let selected = if values.framework_version.is_empty() {
                                value == first_version
                            } else {
                                version_selected(&value)
                            };
                            let text = td_string!(
                                i18n, admin_rounds.version_option, name = version.name.clone(), label = version.label.clone()
                            ).to_string();
                            view! { <option value=value selected=selected>{text}</option> }
                        }).collect_view()}
                    </select>
                }.into_any()
            }}
        </div>

        <fieldset
            id=SCOPE_ANCHOR
            class="field scope"
            aria-describedby=described_by(RoundField::Root, Some(hint(RoundField::Root)), problems)
        >
            <legend class="field__label">{td!(i18n, admin_rounds.scope_legend)}</legend>
            <p id=hint(RoundField::Root) class="field__hint">{td!(i18n, admin_rounds.scope_hint)}</p>
            <FieldMessage field=RoundField::Root problems />
            <ScopeOption choice=city.clone() id=id(RoundField::Root) checked=city_checked label=city_label />
            {chosen.map(|choice| {
                let checked = choice.id.to_string() == chosen_root;
                view! { <ScopeOption id=format!("{}-{}", id(RoundField::Root), choice.id) choice checked /> }
            })}
            {hits.into_iter().map(|choice| {
                let checked = choice.id.to_string() == chosen_root;
                view! { <ScopeOption id=format!("{}-{}", id(RoundField::Root), choice.id) choice checked /> }
            }).collect_view()}
            <div class="field scope__search">
                <label for="round-sok" class="field__label">{td!(i18n, admin_rounds.scope_search)}</label>
                <p id="round-sok-hint" class="field__hint">{td!(i18n, admin_rounds.scope_search_hint)}</p>
                <div class="search-row">
                    <input
                        id="round-sok"
                        name=SEARCH_KEY
                        type="search"
                        class="field__input"
                        value=search
                        autocomplete="off"
                        aria-describedby="round-sok-hint"
                    />
                    <button
                        type="submit"
                        class="button button--secondary"
                        formmethod="get"
                        formaction=format!("{page}#{SCOPE_ANCHOR}")
                        formnovalidate=true
                    >
                        {td!(i18n, admin_rounds.scope_search_button)}
                    </button>
                </div>
                {search_status.map(|status| view! { <p role="status">{status}</p> })}
            </div>
        </fieldset>

        <div class="field-row">
            <div class="field">
                <label for=id(RoundField::OpensOn) class="field__label">{td!(i18n, admin_rounds.field_opens)}</label>
                <p id=hint(RoundField::OpensOn) class="field__hint">{td!(i18n, admin_rounds.date_hint)}</p>
                <FieldMessage field=RoundField::OpensOn problems />
                <input
                    id=id(RoundField::OpensOn)
                    name=RoundField::OpensOn.key()
                    type="date"
                    class="field__input field__input--date"
                    value=values.opens_on.clone()
                    aria-describedby=described_by(RoundField::OpensOn, Some(hint(RoundField::OpensOn)), problems)
                    aria-invalid=invalid(RoundField::OpensOn, problems)
                />
            </div>
            <div class="field">
                <label for=id(RoundField::ClosesOn) class="field__label">{td!(i18n, admin_rounds.field_closes)}</label>
                <p id=hint(RoundField::ClosesOn) class="field__hint">{td!(i18n, admin_rounds.date_hint)}</p>
                <FieldMessage field=RoundField::ClosesOn problems />
                <input
                    id=id(RoundField::ClosesOn)
                    name=RoundField::ClosesOn.key()
                    type="date"
                    class="field__input field__input--date"
                    value=values.closes_on.clone()
                    aria-describedby=described_by(RoundField::ClosesOn, Some(hint(RoundField::ClosesOn)), problems)
                    aria-invalid=invalid(RoundField::ClosesOn, problems)
                />
            </div>
        </div>

        <div class="field">
            <label for=id(RoundField::Intro) class="field__label">{td!(i18n, admin_rounds.field_intro)}</label>
            <p id=hint(RoundField::Intro) class="field__hint">
                {td!(i18n, admin_rounds.intro_hint)}
                " "
                {td!(i18n, assessment.chars_max, max = move || format::count(ROUND_INTRO_MAX_CHARS))}
            </p>
            <FieldMessage field=RoundField::Intro problems />
            <textarea
                id=id(RoundField::Intro)
                name=RoundField::Intro.key()
                class="field__textarea"
                rows="5"
                aria-describedby=described_by(RoundField::Intro, Some(hint(RoundField::Intro)), problems)
                aria-invalid=invalid(RoundField::Intro, problems)
            >
                {textarea_content(&values.intro)}
            </textarea>
        </div>
    }
}
