//! The assessment form as it arrives from the browser, and its parsing into edits.
//!
//! Field names follow the form: `form[rating][<statement key>]`, `form[motivation][..]`,
//! `form[strengths][<dimension key>]`, `form[improvements][..]`, and
//! `form[base][<field>]` for the fingerprint of the value each field started from.

use super::answers::TextField;
use super::changes::AnswerField;
use super::framework::Framework;
use super::level::Rating;
use super::limits::{char_count, max_chars, normalise_text};
use super::merge::Edit;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeSet, HashMap};

/// What the user asked for with the form.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Intent {
    /// "Spara utkast".
    #[default]
    Save,
    /// "Skicka in".
    Submit,
}

/// The submitted form, unchecked.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct AssessmentForm {
    pub round_id: i64,
    pub unit_id: i64,
    /// The assessment version the form was loaded with.
    pub base_version: i64,
    #[serde(default)]
    pub intent: Intent,
    #[serde(default)]
    pub rating: HashMap<String, String>,
    #[serde(default)]
    pub motivation: HashMap<String, String>,
    #[serde(default)]
    pub strengths: HashMap<String, String>,
    #[serde(default)]
    pub improvements: HashMap<String, String>,
    /// The fingerprint of each field's value as the page showed it, by field name
    /// (`rating:<statement>`, `motivation:<statement>`, `strengths:<dimension>`, …).
    #[serde(default)]
    pub base: HashMap<String, String>,
}

/// What is wrong with one form field.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum FieldProblem {
    /// The key names no statement or dimension of the round's framework.
    UnknownKey,
    /// The rating is not 1–5 or "ej aktuellt".
    InvalidRating,
    /// The text is longer than allowed.
    TooLong { max: usize, actual: usize },
    /// A required text is empty.
    Missing,
    /// Not a date (`YYYY-MM-DD`).
    InvalidDate,
    /// Not one of the choices offered.
    InvalidChoice,
    /// An end date before its start date.
    EndsBeforeStart,
    /// A date that must not have passed, has.
    InThePast,
    /// A date that must have come, has not yet.
    InTheFuture,
    /// A choice that exists but may not be used now (e.g. a framework version that is not
    /// published, or a step a round cannot take in its status).
    NotAvailable,
    /// Not an e-mail address (`namn@example.se`).
    InvalidEmail,
    /// Holds characters not allowed there (line breaks, control characters).
    InvalidCharacters,
    /// Already used by someone else (an e-mail address).
    Taken,
    /// Shorter than allowed.
    TooShort { min: usize },
    /// Does not match the field it confirms (a repeated password).
    NotMatching,
    /// The person is deactivated.
    Deactivated,
    /// The role cannot be held on that level of the tree (`rights::Role::fits`).
    WrongLevel,
}

/// A problem with a named form field, e.g. `motivation` / `upplevelse_behov`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldError {
    pub group: String,
    pub key: String,
    pub problem: FieldProblem,
}

/// The form's fields as edits: every field named in `base` (the page sends the fingerprint
/// of each value it showed) and every field with a value. A field named in `base` without
/// a value is cleared (an unchecked radio group sends nothing). Keys are checked against
/// the framework, ratings against the scale, texts against their limits; the fields that
/// pass are returned as edits, the others as errors, so a bad field does not sink the rest.
pub fn parse_edits(framework: &Framework, form: &AssessmentForm) -> (Vec<Edit>, Vec<FieldError>) {
    let fields = form.named_fields();
    let mut edits = Vec::with_capacity(fields.len());
    let mut errors = Vec::new();
    for (name, raw) in fields {
        let (group, key) = name.split_once(':').unwrap_or((name.as_str(), ""));
        let fail = |problem| FieldError { group: group.to_owned(), key: key.to_owned(), problem };
        let known = match AnswerField::parse(&name) {
            Ok(field @ AnswerField::Rating(_)) | Ok(field @ AnswerField::Text(TextField::Motivation(_))) => {
                framework.statement_by_str(key).is_some().then_some(field)
            }
            Ok(field) => framework.dimension_by_str(key).is_some().then_some(field),
            Err(_) => None,
        };
        let Some(field) = known else {
            errors.push(fail(FieldProblem::UnknownKey));
            continue;
        };
        let raw = raw.unwrap_or_default();
        let new = match &field {
            AnswerField::Rating(_) if raw.is_empty() => None,
            AnswerField::Rating(_) => match Rating::parse(raw) {
                Ok(rating) => Some(rating.form_value()),
                Err(_) => {
                    errors.push(fail(FieldProblem::InvalidRating));
                    continue;
                }
            },
            AnswerField::Text(text_field) => match normalise_text(raw) {
                Some(text) if char_count(&text) > max_chars(text_field) => {
                    errors.push(fail(FieldProblem::TooLong { max: max_chars(text_field), actual: char_count(&text) }));
                    continue;
                }
                text => text,
            },
        };
        edits.push(Edit { field, new, base: form.base.get(&name).cloned() });
    }
    (edits, errors)
}

/// Whether the form holds only what the round's form can hold: every field names a
/// statement or dimension of the framework, every value is valid and within its length,
/// every base is a fingerprint. A post that arrives without a session is kept for its
/// sender only if it fits, so nothing bigger or stranger is stored for someone signed out.
pub fn fits_the_form(framework: &Framework, form: &AssessmentForm) -> bool {
    let (_, errors) = parse_edits(framework, form);
    errors.is_empty() && form.base.values().all(|base| super::fingerprint::is_fingerprint(base))
}

impl AssessmentForm {
    /// Every field the form names (in `base` or with a value), with its raw value.
    pub fn named_fields(&self) -> Vec<(String, Option<&str>)> {
        let mut names: BTreeSet<String> = self.base.keys().cloned().collect();
        for (group, values) in self.value_groups() {
            names.extend(values.keys().map(|key| format!("{group}:{key}")));
        }
        names
            .into_iter()
            .map(|name| {
                let value = name.split_once(':').and_then(|(group, key)| self.value(group, key));
                (name, value)
            })
            .collect()
    }

    fn value_groups(&self) -> [(&'static str, &HashMap<String, String>); 4] {
        [
            ("rating", &self.rating),
            ("motivation", &self.motivation),
            ("strengths", &self.strengths),
            ("improvements", &self.improvements),
        ]
    }

    fn value(&self, group: &str, key: &str) -> Option<&str> {
        self.value_groups()
            .into_iter()
            .find(|(name, _)| *name == group)
            .and_then(|(_, values)| values.get(key))
            .map(String::as_str)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::fingerprint::fingerprint;
    use crate::domain::framework::fixtures::framework;
    use crate::domain::limits::MOTIVATION_MAX_CHARS;

    fn form() -> AssessmentForm {
        AssessmentForm { round_id: 1, unit_id: 2, ..Default::default() }
    }

    fn named(edits: &[Edit]) -> Vec<(String, Option<String>)> {
        edits.iter().map(|edit| (edit.field.to_string(), edit.new.clone())).collect()
    }

    #[test]
    fn ratings_and_texts_become_edits_with_their_base() {
        let mut form = form();
        form.rating.insert("a_1".into(), "4".into());
        form.rating.insert("a_2".into(), "na".into());
        form.motivation.insert("a_1".into(), " Vi mäter varje år.\r\n".into());
        form.strengths.insert("a".into(), "   ".into());
        form.base.insert("rating:a_1".into(), fingerprint(Some("3")));
        let (edits, errors) = parse_edits(&framework(), &form);
        assert_eq!(errors, vec![]);
        assert_eq!(
            named(&edits),
            vec![
                ("motivation:a_1".into(), Some("Vi mäter varje år.".into())),
                ("rating:a_1".into(), Some("4".into())),
                ("rating:a_2".into(), Some("na".into())),
                ("strengths:a".into(), None),
            ]
        );
        assert_eq!(edits[1].base, Some(fingerprint(Some("3"))));
        assert_eq!(edits[0].base, None);
    }

    #[test]
    fn only_a_form_the_page_could_have_sent_fits_it() {
        let mut good = form();
        good.motivation.insert("a_1".into(), "Vi mäter.".into());
        good.base.insert("motivation:a_1".into(), fingerprint(None));
        assert!(fits_the_form(&framework(), &good));

        let mut unknown = good.clone();
        unknown.motivation.insert("no_such_statement".into(), "x".into());
        assert!(!fits_the_form(&framework(), &unknown));
        let mut too_long = good.clone();
        too_long.motivation.insert("a_1".into(), "x".repeat(MOTIVATION_MAX_CHARS + 1));
        assert!(!fits_the_form(&framework(), &too_long));
        let mut stuffed_base = good.clone();
        stuffed_base.base.insert("motivation:a_1".into(), "x".repeat(200_000));
        assert!(!fits_the_form(&framework(), &stuffed_base));
        let mut bad_rating = good;
        bad_rating.rating.insert("a_1".into(), "9".into());
        assert!(!fits_the_form(&framework(), &bad_rating));
    }

    #[test]
    fn a_field_named_in_base_without_a_value_is_cleared() {
        let mut form = form();
        form.base.insert("rating:b_2".into(), fingerprint(Some("5")));
        let (edits, _) = parse_edits(&framework(), &form);
        assert_eq!(named(&edits), vec![("rating:b_2".into(), None)]);
    }

    #[test]
    fn bad_fields_are_reported_and_good_ones_kept() {
        let mut form = form();
        form.rating.insert("a_1".into(), "7".into());
        form.rating.insert("okand".into(), "3".into());
        form.rating.insert("b_1".into(), "2".into());
        form.motivation.insert("a_2".into(), "x".repeat(MOTIVATION_MAX_CHARS + 1));
        form.strengths.insert("a_1".into(), "a statement key is not a dimension".into());
        form.base.insert("bogus".into(), "0".into());
        let (edits, errors) = parse_edits(&framework(), &form);
        assert_eq!(named(&edits), vec![("rating:b_1".into(), Some("2".into()))]);
        assert_eq!(
            errors,
            vec![
                FieldError { group: "bogus".into(), key: "".into(), problem: FieldProblem::UnknownKey },
                FieldError {
                    group: "motivation".into(),
                    key: "a_2".into(),
                    problem: FieldProblem::TooLong { max: MOTIVATION_MAX_CHARS, actual: MOTIVATION_MAX_CHARS + 1 }
                },
                FieldError { group: "rating".into(), key: "a_1".into(), problem: FieldProblem::InvalidRating },
                FieldError { group: "rating".into(), key: "okand".into(), problem: FieldProblem::UnknownKey },
                FieldError { group: "strengths".into(), key: "a_1".into(), problem: FieldProblem::UnknownKey },
            ]
        );
    }

    #[test]
    fn a_text_at_the_limit_is_accepted_even_with_crlf_line_breaks() {
        let mut form = form();
        let text = "ab\r\n".repeat(MOTIVATION_MAX_CHARS / 3) + "x";
        assert!(char_count(&text.replace("\r\n", "\n")) <= MOTIVATION_MAX_CHARS);
        form.motivation.insert("a_1".into(), text);
        assert_eq!(parse_edits(&framework(), &form).1, vec![]);
    }
}
