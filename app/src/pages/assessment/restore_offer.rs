//! The offer, on opening the form, of text this browser kept but the server never got
//! (a closed tab, a lost connection): put it back, or let it go.

use super::autosave::{Saver, Trigger};
use super::field_dom::{field_element_id, fill_field, focus, focus_soon};
use super::local_copy::{self, LocalCopy};
use crate::components::translations::locale;
use crate::domain::fingerprint::fingerprint;
use crate::domain::raw_answers::Intent;
use crate::i18n::*;
use leptos::prelude::*;

/// The fields of `copy` whose kept value differs from what the form shows now.
fn differing(saver: &Saver, copy: LocalCopy) -> LocalCopy {
    let Some(form) = saver.read(Intent::Save) else { return LocalCopy::default() };
    let shown: std::collections::HashMap<String, String> =
        form.named_fields().into_iter().map(|(name, value)| (name, fingerprint(value))).collect();
    let fields = copy
        .fields
        .into_iter()
        .filter(|(name, field)| shown.get(name).is_some_and(|value| *value != fingerprint(field.value.as_deref())))
        .collect();
    LocalCopy { fields, ..copy }
}

#[component]
pub fn RestoreOffer() -> impl IntoView {
    let i18n = locale();
    let saver = expect_context::<Saver>();
    let offer: RwSignal<Option<LocalCopy>> = RwSignal::new(None);
    // Runs once, in the browser, when the form is on the page.
    Effect::new(move |_| {
        let key = saver.local_key();
        let Some(copy) = local_copy::read(&key) else { return };
        let copy = differing(&saver, copy);
        if copy.fields.is_empty() {
            local_copy::remove(&key);
        } else {
            offer.set(Some(copy));
        }
    });

    let restore = move |_| {
        let Some(copy) = offer.get_untracked() else { return };
        // Each field goes back with the base it was typed on: if someone else has changed
        // it since, the save reports a conflict instead of overwriting their text.
        saver.state.bases.update(|bases| {
            for (name, field) in &copy.fields {
                bases.insert(name.clone(), field.base.clone());
            }
        });
        for (name, field) in &copy.fields {
            fill_field(name, field.value.as_deref());
        }
        offer.set(None);
        saver.remember();
        saver.save(Intent::Save, Trigger::Typing);
        if let Some((name, field)) = copy.fields.iter().next() {
            let id = field_element_id(name, field.value.as_deref());
            request_animation_frame(move || focus(&id));
        }
    };
    let discard = move |_| {
        local_copy::remove(&saver.local_key());
        offer.set(None);
        focus_soon("contents-heading");
    };

    move || {
        offer.get().map(|copy| {
            let count = copy.fields.len();
            let time = local_copy::clock_time(copy.written_at);
            view! {
                <section class="notice notice--warning" aria-labelledby="restore-heading">
                    <h2 id="restore-heading">{td!(i18n, assessment.restore_heading)}</h2>
                    <p>{td!(i18n, assessment.restore_intro, count = count, time = time)}</p>
                    <div class="notice__actions">
                        <button type="button" class="button" on:click=restore>{td!(i18n, assessment.restore_accept)}</button>
                        <button type="button" class="button button--secondary" on:click=discard>
                            {td!(i18n, assessment.restore_discard)}
                        </button>
                    </div>
                </section>
            }
        })
    }
}
