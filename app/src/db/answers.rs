//! A unit's answers as stored: ratings (`rating`) and texts (`text_answer`) of one
//! assessment, loaded whole or only the fields a save touches, and written change by change.

use super::error::DbResult;
use super::sql::QueryBuilder;
use super::{Conn, Pool};
use crate::domain::answers::{Answers, TextField};
use crate::domain::changes::{AnswerField, FieldChange};
use crate::domain::ids::AssessmentId;
use crate::domain::keys::StatementKey;
use crate::domain::level::{Level, Rating};
use crate::domain::merge::Edit;

/// A rating row as stored: `None` for a row that rates nothing.
fn stored_rating(key: &str, level: Option<i64>, not_applicable: bool) -> DbResult<Option<(StatementKey, Rating)>> {
    let key = StatementKey::parse(key).map_err(|_| sqlx::Error::Decode(format!("bad statement key {key}").into()))?;
    let rating = match (level, not_applicable) {
        (_, true) => Rating::NotApplicable,
        (Some(level), false) => Rating::Level(
            u8::try_from(level)
                .ok()
                .and_then(|level| Level::parse(level).ok())
                .ok_or_else(|| sqlx::Error::Decode("rating level out of range".into()))?,
        ),
        (None, false) => return Ok(None),
    };
    Ok(Some((key, rating)))
}

pub async fn load_answers_in(conn: &mut Conn, id: AssessmentId) -> DbResult<Answers> {
    let mut answers = Answers::default();
    let ratings: Vec<(String, Option<i64>, bool)> =
        super::sql::query_as("SELECT statement_key, level, not_applicable FROM rating WHERE assessment_id = $1")
            .bind(id.0)
            .fetch_all(&mut *conn)
            .await?;
    for (key, level, not_applicable) in ratings {
        if let Some((key, rating)) = stored_rating(&key, level, not_applicable)? {
            answers.ratings.insert(key, rating);
        }
    }
    let texts: Vec<(String, String, String)> =
        super::sql::query_as("SELECT field, subject_key, body FROM text_answer WHERE assessment_id = $1")
            .bind(id.0)
            .fetch_all(&mut *conn)
            .await?;
    for (field, subject, body) in texts {
        let field = TextField::from_parts(&field, &subject)
            .ok_or_else(|| sqlx::Error::Decode(format!("bad text field {field}:{subject}").into()))?;
        answers.texts.insert(field, body);
    }
    Ok(answers)
}

/// The stored values of the fields `edits` name (and nothing else).
pub async fn load_fields_in(conn: &mut Conn, id: AssessmentId, edits: &[Edit]) -> DbResult<Answers> {
    let mut answers = Answers::default();
    let statements: Vec<&str> = edits
        .iter()
        .filter_map(|edit| match &edit.field {
            AnswerField::Rating(key) => Some(key.as_str()),
            AnswerField::Text(_) => None,
        })
        .collect();
    let texts: Vec<&TextField> = edits
        .iter()
        .filter_map(|edit| match &edit.field {
            AnswerField::Text(field) => Some(field),
            AnswerField::Rating(_) => None,
        })
        .collect();
    if !statements.is_empty() {
        let mut query =
            QueryBuilder::new("SELECT statement_key, level, not_applicable FROM rating WHERE assessment_id = ");
        query.push_bind(id.0).push(" AND statement_key IN (");
        let mut keys = query.separated(", ");
        for key in &statements {
            keys.push_bind(*key);
        }
        query.push(")");
        let rows: Vec<(String, Option<i64>, bool)> = query.build_query_as().fetch_all(&mut *conn).await?;
        for (key, level, not_applicable) in rows {
            if let Some((key, rating)) = stored_rating(&key, level, not_applicable)? {
                answers.ratings.insert(key, rating);
            }
        }
    }
    if !texts.is_empty() {
        let mut query = QueryBuilder::new("SELECT field, subject_key, body FROM text_answer WHERE assessment_id = ");
        query.push_bind(id.0).push(" AND (field, subject_key) IN (VALUES ");
        let mut pairs = query.separated(", ");
        for field in &texts {
            pairs
                .push("(")
                .push_bind_unseparated(field.kind())
                .push_unseparated(", ")
                .push_bind_unseparated(field.subject().to_owned())
                .push_unseparated(")");
        }
        query.push(")");
        let rows: Vec<(String, String, String)> = query.build_query_as().fetch_all(&mut *conn).await?;
        for (field, subject, body) in rows {
            let field = TextField::from_parts(&field, &subject)
                .ok_or_else(|| sqlx::Error::Decode(format!("bad text field {field}:{subject}").into()))?;
            answers.texts.insert(field, body);
        }
    }
    Ok(answers)
}

/// Everything the unit has answered in the assessment.
pub async fn load_answers(pool: &Pool, id: AssessmentId) -> DbResult<Answers> {
    let mut conn = pool.acquire().await?;
    load_answers_in(&mut conn, id).await
}

/// Writes the changed fields: at most one statement per table and kind of change.
pub async fn apply(conn: &mut Conn, id: AssessmentId, changes: &[FieldChange], version: i64) -> DbResult<()> {
    let mut set_ratings = Vec::new();
    let mut cleared_ratings = Vec::new();
    let mut set_texts = Vec::new();
    let mut cleared_texts = Vec::new();
    for change in changes {
        match change {
            FieldChange::Rating { key, new: Some(rating), .. } => set_ratings.push((key, *rating)),
            FieldChange::Rating { key, new: None, .. } => cleared_ratings.push(key),
            FieldChange::Text { field, new: Some(body), .. } => set_texts.push((field, body)),
            FieldChange::Text { field, new: None, .. } => cleared_texts.push(field),
        }
    }

    if !set_ratings.is_empty() {
        let mut upsert = QueryBuilder::new(
            "INSERT INTO rating (assessment_id, statement_key, level, not_applicable, changed_in_version) ",
        );
        upsert.push_values(&set_ratings, |mut row, (key, rating)| {
            let (level, not_applicable) = match rating {
                Rating::Level(level) => (Some(i64::from(level.get())), false),
                Rating::NotApplicable => (None, true),
            };
            row.push_bind(id.0).push_bind(key.as_str()).push_bind(level).push_bind(not_applicable).push_bind(version);
        });
        upsert.push(
            " ON CONFLICT (assessment_id, statement_key) DO UPDATE SET level = excluded.level,
              not_applicable = excluded.not_applicable, changed_in_version = excluded.changed_in_version",
        );
        upsert.build().execute(&mut *conn).await?;
    }
    if !cleared_ratings.is_empty() {
        let mut delete = QueryBuilder::new("DELETE FROM rating WHERE assessment_id = ");
        delete.push_bind(id.0).push(" AND statement_key IN (");
        let mut keys = delete.separated(", ");
        for key in &cleared_ratings {
            keys.push_bind(key.as_str());
        }
        delete.push(")");
        delete.build().execute(&mut *conn).await?;
    }
    if !set_texts.is_empty() {
        let mut upsert =
            QueryBuilder::new("INSERT INTO text_answer (assessment_id, field, subject_key, body, changed_in_version) ");
        upsert.push_values(&set_texts, |mut row, (field, body)| {
            row.push_bind(id.0)
                .push_bind(field.kind())
                .push_bind(field.subject())
                .push_bind(body.as_str())
                .push_bind(version);
        });
        upsert.push(
            " ON CONFLICT (assessment_id, field, subject_key) DO UPDATE SET body = excluded.body,
              changed_in_version = excluded.changed_in_version",
        );
        upsert.build().execute(&mut *conn).await?;
    }
    for field in cleared_texts {
        super::sql::query("DELETE FROM text_answer WHERE assessment_id = $1 AND field = $2 AND subject_key = $3")
            .bind(id.0)
            .bind(field.kind())
            .bind(field.subject())
            .execute(&mut *conn)
            .await?;
    }
    Ok(())
}

/// The motivations (belägg) of every submitted assessment of the round, by unit and
/// statement.
pub async fn submitted_motivations(
    pool: &Pool,
    round: crate::domain::ids::RoundId,
) -> DbResult<std::collections::HashMap<crate::domain::ids::NodeId, std::collections::HashMap<String, String>>> {
    let rows: Vec<(i64, String, String)> = super::sql::query_as(
        "SELECT a.unit_id, t.subject_key, t.body
         FROM assessment a JOIN text_answer t ON t.assessment_id = a.id
         WHERE a.round_id = $1 AND a.status = 'submitted' AND t.field = 'motivation'",
    )
    .bind(round.0)
    .fetch_all(pool)
    .await?;
    let mut texts: std::collections::HashMap<_, std::collections::HashMap<String, String>> =
        std::collections::HashMap::new();
    for (unit, key, body) in rows {
        texts.entry(crate::domain::ids::NodeId(unit)).or_default().insert(key, body);
    }
    Ok(texts)
}
