//! A field's name as a person reads it, and where it is on the page.

use crate::domain::answers::TextField;
use crate::domain::changes::AnswerField;
use crate::domain::framework::Framework;
use crate::i18n::*;
use crate::routes::{dimension_anchor, statement_anchor};

/// e.g. ("Lärande organisation: Vi lär av avvikelser … – belägg", "pastaende-larande_avvikelser").
pub fn field_label(i18n: Locale, framework: &Framework, field: &AnswerField) -> (String, String) {
    match field {
        AnswerField::Rating(key) | AnswerField::Text(TextField::Motivation(key)) => {
            let what = if matches!(field, AnswerField::Rating(_)) {
                td_string!(i18n, assessment.field_rating)
            } else {
                td_string!(i18n, assessment.field_motivation)
            };
            match framework.statement(key) {
                Some((dimension, statement)) => (
                    format!("{}: {} – {what}", dimension.name, statement.text),
                    statement_anchor(statement.key.as_str()),
                ),
                None => (field.to_string(), String::new()),
            }
        }
        AnswerField::Text(TextField::Strengths(key) | TextField::Improvements(key)) => {
            let what = if matches!(field, AnswerField::Text(TextField::Strengths(_))) {
                td_string!(i18n, assessment.field_strengths)
            } else {
                td_string!(i18n, assessment.field_improvements)
            };
            match framework.dimension(key) {
                Some(dimension) => (format!("{} – {what}", dimension.name), dimension_anchor(dimension.key.as_str())),
                None => (field.to_string(), String::new()),
            }
        }
    }
}
