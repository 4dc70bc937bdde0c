//! The assessment form as it arrives from the browser, and its parsing into [`Answers`].
//!
//! Field names follow the form: `form[rating][<statement key>]`, `form[motivation][..]`,
//! `form[strengths][<dimension key>]`, `form[improvements][..]`. Parsing checks every key
//! against the framework, every rating against the scale and every text against its limit,
//! and reports all problems at once.

use super::answers::{Answers, TextField};
use super::framework::Framework;
use super::level::Rating;
use super::limits::{char_count, max_chars, normalise_text};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

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
}

/// A problem with a named form field, e.g. `motivation` / `upplevelse_behov`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldError {
    pub group: String,
    pub key: String,
    pub problem: FieldProblem,
}

/// Checks the form against the framework. Empty ratings and blank texts are unanswered.
pub fn parse_answers(framework: &Framework, form: &AssessmentForm) -> Result<Answers, Vec<FieldError>> {
    let mut answers = Answers::default();
    let mut errors = Vec::new();
    let mut fail = |group: &str, key: &str, problem| {
        errors.push(FieldError { group: group.to_owned(), key: key.to_owned(), problem });
    };

    for (key, value) in &form.rating {
        let Some((_, statement)) = framework.statement_by_str(key) else {
            fail("rating", key, FieldProblem::UnknownKey);
            continue;
        };
        if value.is_empty() {
            continue;
        }
        match Rating::parse(value) {
            Ok(rating) => {
                answers.ratings.insert(statement.key.clone(), rating);
            }
            Err(_) => fail("rating", key, FieldProblem::InvalidRating),
        }
    }

    let text_groups: [(&str, &HashMap<String, String>); 3] =
        [("motivation", &form.motivation), ("strengths", &form.strengths), ("improvements", &form.improvements)];
    for (group, texts) in text_groups {
        for (key, value) in texts {
            let field = match group {
                "motivation" => {
                    framework.statement_by_str(key).map(|(_, statement)| TextField::Motivation(statement.key.clone()))
                }
                "strengths" => framework.dimension_by_str(key).map(|d| TextField::Strengths(d.key.clone())),
                _ => framework.dimension_by_str(key).map(|d| TextField::Improvements(d.key.clone())),
            };
            let Some(field) = field else {
                fail(group, key, FieldProblem::UnknownKey);
                continue;
            };
            let Some(text) = normalise_text(value) else { continue };
            let (max, actual) = (max_chars(&field), char_count(&text));
            if actual > max {
                fail(group, key, FieldProblem::TooLong { max, actual });
                continue;
            }
            answers.texts.insert(field, text);
        }
    }

    if errors.is_empty() {
        Ok(answers)
    } else {
        errors.sort_by(|a, b| (&a.group, &a.key).cmp(&(&b.group, &b.key)));
        Err(errors)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::framework::fixtures::framework;
    use crate::domain::keys::StatementKey;
    use crate::domain::level::Level;
    use crate::domain::limits::MOTIVATION_MAX_CHARS;

    fn form() -> AssessmentForm {
        AssessmentForm { round_id: 1, unit_id: 2, ..Default::default() }
    }

    #[test]
    fn ratings_and_texts_are_parsed() {
        let mut form = form();
        form.rating.insert("a_1".into(), "4".into());
        form.rating.insert("a_2".into(), "na".into());
        form.rating.insert("b_1".into(), "".into());
        form.motivation.insert("a_1".into(), " Vi mäter varje år.\r\n".into());
        form.strengths.insert("a".into(), "   ".into());
        let answers = parse_answers(&framework(), &form).unwrap();
        assert_eq!(answers.ratings.len(), 2);
        assert_eq!(answers.rating(&StatementKey::parse("a_1").unwrap()), Some(Rating::Level(Level::parse(4).unwrap())));
        assert_eq!(answers.texts.len(), 1, "blank texts are unanswered");
        assert_eq!(
            answers.text(&TextField::Motivation(StatementKey::parse("a_1").unwrap())),
            Some("Vi mäter varje år.")
        );
    }

    #[test]
    fn every_problem_is_reported_at_once() {
        let mut form = form();
        form.rating.insert("a_1".into(), "7".into());
        form.rating.insert("okand".into(), "3".into());
        form.motivation.insert("a_2".into(), "x".repeat(MOTIVATION_MAX_CHARS + 1));
        form.strengths.insert("a_1".into(), "a statement key is not a dimension".into());
        let errors = parse_answers(&framework(), &form).unwrap_err();
        assert_eq!(
            errors,
            vec![
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
        assert!(parse_answers(&framework(), &form).is_ok());
    }
}
