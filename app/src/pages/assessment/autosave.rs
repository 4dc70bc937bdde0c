//! Saving the form from the page: shortly after the user stops typing, when a button is
//! pressed, and again with a growing pause after a failure until the server has it.
//!
//! One save is on its way at a time (a save must not clash with the same editor's previous
//! one); what is asked for meanwhile waits and goes next, read fresh from the form. Every
//! keystroke also updates the copy in the browser's storage (see `local_copy`), which is
//! emptied as the server confirms each field.

use super::field_dom::focus_soon;
use super::form_state::FormState;
use super::local_copy::{self, LocalCopy, UnsavedField};
use crate::api::assessment::{SaveAssessment, SaveResult, save_assessment};
use crate::api::error::AppError;
use crate::domain::completeness::Gap;
use crate::domain::fingerprint::fingerprint;
use crate::domain::raw_answers::{AssessmentForm as FormFields, Intent};
use crate::domain::status::AssessmentStatus;
use leptos::form::FromFormData;
use leptos::html::{Form, H2};
use leptos::prelude::*;
use std::time::Duration;

/// How long after the last keystroke the form is saved.
const AUTOSAVE_DELAY: Duration = Duration::from_millis(1200);
/// The first pause after a failed save; it doubles with every failure, up to the longest.
const FIRST_RETRY_DELAY: Duration = Duration::from_secs(2);
const LONGEST_RETRY_DELAY: Duration = Duration::from_secs(30);

/// What asked for a save.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Trigger {
    /// A pause in typing, a retry, or a restored copy: quiet, never moves focus.
    Typing,
    /// "Spara utkast" or "Skicka in": the user waits for the answer.
    Button,
}

/// Where saving stands, for the announced status line.
#[derive(Clone, Debug, PartialEq)]
pub enum SaveState {
    Idle,
    /// Saved by a plain form post (the page was reloaded with `?sparad=1`).
    SavedWithoutScript,
    Saving,
    /// Saved at this Stockholm clock time.
    Saved(Option<String>),
    /// Saved, except fields someone else changed too (listed above the form).
    Conflicted,
    /// Not saved; another attempt is scheduled.
    Retrying,
    /// Not saved, and trying again would not help (see the notice).
    Failed,
}

/// The page's handles on the form and on what it shows about saving.
#[derive(Clone, Copy)]
pub struct Saver {
    pub form: NodeRef<Form>,
    pub state: FormState,
    pub version: RwSignal<i64>,
    pub status: RwSignal<SaveState>,
    /// The error to explain above the form, if any.
    pub notice: RwSignal<Option<AppError>>,
    pub gaps: RwSignal<Option<Vec<Gap>>>,
    pub gaps_heading: NodeRef<H2>,
    /// Where the page goes once the assessment is submitted (the read-only view).
    submitted_address: StoredValue<String>,
    local_key: StoredValue<String>,
    timer: StoredValue<Option<TimeoutHandle>>,
    busy: StoredValue<bool>,
    queued: StoredValue<Option<(Intent, Trigger)>>,
    failures: StoredValue<u32>,
}

/// The signals a [`Saver`] works on.
pub struct SaverParts {
    pub form: NodeRef<Form>,
    pub state: FormState,
    pub version: RwSignal<i64>,
    pub status: RwSignal<SaveState>,
    pub notice: RwSignal<Option<AppError>>,
    pub gaps: RwSignal<Option<Vec<Gap>>>,
    pub gaps_heading: NodeRef<H2>,
    pub submitted_address: String,
    pub local_key: String,
}

impl Saver {
    pub fn new(parts: SaverParts) -> Self {
        Saver {
            form: parts.form,
            state: parts.state,
            version: parts.version,
            status: parts.status,
            notice: parts.notice,
            gaps: parts.gaps,
            gaps_heading: parts.gaps_heading,
            submitted_address: StoredValue::new(parts.submitted_address),
            local_key: StoredValue::new(parts.local_key),
            timer: StoredValue::new(None),
            busy: StoredValue::new(false),
            queued: StoredValue::new(None),
            failures: StoredValue::new(0),
        }
    }

    /// Where this form's copy is kept in the browser.
    pub fn local_key(&self) -> String {
        self.local_key.get_value()
    }

    /// Whether the last attempt failed and another is waiting.
    pub fn is_retrying(&self) -> bool {
        self.failures.get_value() > 0
    }

    /// The form as it is now, with each field's base as the page knows it.
    pub fn read(&self, intent: Intent) -> Option<FormFields> {
        let form = self.form.get_untracked()?;
        let data = leptos::web_sys::FormData::new_with_form(&form).ok()?;
        let mut fields = SaveAssessment::from_form_data(&data).ok()?.form;
        fields.intent = intent;
        fields.base_version = self.version.get_untracked();
        fields.base = self.state.bases.get_untracked();
        Some(fields)
    }

    /// The fields of `fields` the server does not have, each with the base it started from.
    pub fn unsaved(&self, fields: &FormFields) -> LocalCopy {
        let bases = self.state.bases.get_untracked();
        let held = self.state.held.get_untracked();
        let mut copy = LocalCopy { written_at: local_copy::now(), ..LocalCopy::default() };
        for (name, value) in fields.named_fields() {
            let known = bases.get(&name);
            if known != Some(&fingerprint(value)) {
                let base = held.get(&name).or(known).cloned().unwrap_or_default();
                copy.fields.insert(name, UnsavedField { value: value.map(str::to_owned), base });
            }
        }
        copy
    }

    /// Brings the browser's copy up to date with the form.
    pub fn remember(&self) {
        if let Some(fields) = self.read(Intent::Save) {
            local_copy::write(&self.local_key(), &self.unsaved(&fields));
        }
    }

    /// The user typed or chose something.
    pub fn changed(&self) {
        self.remember();
        self.save_after(AUTOSAVE_DELAY);
    }

    /// Saves (quietly) after `delay`, unless something else starts a save first.
    pub fn save_after(&self, delay: Duration) {
        self.cancel_timer();
        let saver = *self;
        if let Ok(handle) = set_timeout_with_handle(move || saver.save(Intent::Save, Trigger::Typing), delay) {
            self.timer.set_value(Some(handle));
        }
    }

    fn cancel_timer(&self) {
        if let Some(handle) = self.timer.try_update_value(Option::take).flatten() {
            handle.clear();
        }
    }

    /// Saves the form now, or as soon as the save on its way has come back.
    pub fn save(&self, intent: Intent, trigger: Trigger) {
        if self.busy.get_value() {
            self.queued.update_value(|queued| *queued = Some(stronger(*queued, (intent, trigger))));
            return;
        }
        self.cancel_timer();
        let Some(mut fields) = self.read(intent) else { return };
        if trigger == Trigger::Typing {
            // A field in conflict stays one until the editor chooses a version: sent with
            // the base it started from, the server keeps reporting it instead of storing it.
            for (name, base) in self.state.held.get_untracked() {
                fields.base.insert(name, base);
            }
            if intent == Intent::Save && self.unsaved(&fields).fields.is_empty() {
                return;
            }
        }
        self.busy.set_value(true);
        self.status.set(SaveState::Saving);
        let saver = *self;
        leptos::task::spawn_local(async move {
            let result = save_assessment(fields.clone()).await;
            saver.busy.set_value(false);
            saver.finish(&fields, trigger, result);
            if let Some((intent, trigger)) = saver.queued.try_update_value(Option::take).flatten() {
                saver.save(intent, trigger);
            }
        });
    }

    /// The fields sent now start from what was sent, except those named in `except`.
    fn settle(&self, sent: &FormFields, except: &[String]) {
        self.state.bases.update(|bases| {
            for (name, value) in sent.named_fields() {
                if !except.contains(&name) {
                    bases.insert(name, fingerprint(value));
                }
            }
        });
    }

    fn finish(&self, sent: &FormFields, trigger: Trigger, result: Result<SaveResult, AppError>) {
        match result {
            Ok(result) => self.saved(sent, trigger, result),
            Err(AppError::Conflict { current_version, fields: conflicts }) => {
                self.failures.set_value(0);
                self.notice.set(None);
                self.version.set(current_version);
                let names: Vec<String> = conflicts.iter().map(|conflict| conflict.field.to_string()).collect();
                self.settle(sent, &names);
                self.state.held.update(|held| {
                    held.retain(|name, _| names.contains(name));
                    for name in &names {
                        if !held.contains_key(name) {
                            held.insert(name.clone(), sent.base.get(name).cloned().unwrap_or_default());
                        }
                    }
                });
                // Saving again from the page (a button) keeps the editor's version.
                self.state.bases.update(|bases| {
                    for conflict in &conflicts {
                        bases.insert(conflict.field.to_string(), fingerprint(conflict.theirs.as_deref()));
                    }
                });
                self.state.conflicts.set(conflicts);
                self.status.set(SaveState::Conflicted);
                if trigger == Trigger::Button {
                    focus_soon("conflict-heading");
                }
                self.remember();
            }
            Err(AppError::Invalid { fields: refused, saved_version }) => {
                self.failures.set_value(0);
                if let Some(saved) = saved_version {
                    self.version.set(saved);
                    let names: Vec<String> =
                        refused.iter().map(|field| format!("{}:{}", field.group, field.key)).collect();
                    self.settle(sent, &names);
                }
                self.status.set(SaveState::Failed);
                self.notice.set(Some(AppError::Invalid { fields: refused, saved_version }));
                self.remember();
            }
            Err(error @ (AppError::Forbidden | AppError::NotFound | AppError::ReadOnly)) => {
                self.failures.set_value(0);
                self.status.set(SaveState::Failed);
                self.notice.set(Some(error));
            }
            // Unreachable, expired session, server error: the server does not have it yet.
            Err(error) => {
                let failures = self.failures.get_value() + 1;
                self.failures.set_value(failures);
                self.status.set(SaveState::Retrying);
                self.notice.set(Some(error));
                self.remember();
                self.save_after(retry_delay(failures));
            }
        }
    }

    fn saved(&self, sent: &FormFields, trigger: Trigger, result: SaveResult) {
        self.failures.set_value(0);
        self.notice.set(None);
        self.version.set(result.version);
        self.settle(sent, &[]);
        self.state.held.set(Default::default());
        self.state.conflicts.set(Vec::new());
        self.status.set(SaveState::Saved(result.saved_at));
        if result.status == AssessmentStatus::Submitted {
            local_copy::remove(&self.local_key());
            let _ = window().location().assign(&self.submitted_address.get_value());
            return;
        }
        self.remember();
        if sent.intent == Intent::Submit {
            let heading = self.gaps_heading;
            self.gaps.set((!result.gaps.is_empty()).then_some(result.gaps));
            if trigger == Trigger::Button {
                request_animation_frame(move || {
                    if let Some(heading) = heading.get_untracked() {
                        let _ = heading.focus();
                    }
                });
            }
        }
    }
}

/// Of two requests, the one to keep: a submission over a save, a button over typing.
fn stronger(queued: Option<(Intent, Trigger)>, asked: (Intent, Trigger)) -> (Intent, Trigger) {
    let Some(queued) = queued else { return asked };
    let intent = if queued.0 == Intent::Submit || asked.0 == Intent::Submit { Intent::Submit } else { Intent::Save };
    let trigger =
        if queued.1 == Trigger::Button || asked.1 == Trigger::Button { Trigger::Button } else { Trigger::Typing };
    (intent, trigger)
}

/// The pause before attempt `failures + 1`: 2 s, 4 s, 8 s, … up to 30 s.
pub fn retry_delay(failures: u32) -> Duration {
    let doubled = FIRST_RETRY_DELAY.saturating_mul(1u32 << failures.saturating_sub(1).min(16));
    doubled.min(LONGEST_RETRY_DELAY)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retries_wait_longer_each_time_up_to_half_a_minute() {
        let delays: Vec<u64> = (1..=8).map(|failures| retry_delay(failures).as_secs()).collect();
        assert_eq!(delays, [2, 4, 8, 16, 30, 30, 30, 30]);
        assert_eq!(retry_delay(u32::MAX), LONGEST_RETRY_DELAY);
    }

    #[test]
    fn a_submission_or_a_button_is_never_downgraded_by_what_comes_after() {
        let typing = (Intent::Save, Trigger::Typing);
        let submit = (Intent::Submit, Trigger::Button);
        assert_eq!(stronger(None, typing), typing);
        assert_eq!(stronger(Some(submit), typing), submit);
        assert_eq!(stronger(Some(typing), submit), submit);
        assert_eq!(stronger(Some((Intent::Save, Trigger::Button)), typing), (Intent::Save, Trigger::Button));
    }
}
