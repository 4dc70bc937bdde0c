//! Changing framework versions (server only): a new draft copied from the latest published
//! version, a draft's general texts and dimensions edited, a draft published, a draft made
//! from an uploaded file. Each checks the version inside the write (only a draft no round
//! uses may change; the database refuses changes to a frozen one as well) and appends its
//! admin-log entry in the same transaction.

use super::fields::{self, StatementPart};
use super::types::{DraftEdit, DraftOutcome, UploadOutcome};
use crate::api::error::AppError;
use crate::db::admin_log::{self, AdminEntry};
use crate::db::audit::ChangeContext;
use crate::db::framework::VersionInfo;
use crate::db::{self, Conn, Pool};
use crate::domain::admin_action::AdminAction;
use crate::domain::framework::Framework;
use crate::domain::framework_edit::{DraftProblem, StatementInput, assign_keys, next_label, validate};
use crate::domain::framework_file::FileProblem;
use crate::domain::ids::FrameworkVersionId;
use crate::domain::keys::StatementKey;
use crate::i18n::{Locale, td_string};
use std::collections::HashMap;

/// A form's text: line breaks as `\n`, trimmed.
fn text(value: &str) -> String {
    value.replace("\r\n", "\n").replace('\r', "\n").trim().to_owned()
}

/// The log's note on a version, e.g. "Mognadsmodell …, version 2026:2 (nr 3)".
fn version_note(framework: &Framework, id: FrameworkVersionId) -> String {
    td_string!(
        Locale::sv,
        admin_log.detail_framework_version,
        name = framework.name.clone(),
        label = framework.version_label.clone(),
        id = id.0
    )
    .to_string()
}

async fn log(conn: &mut Conn, context: &ChangeContext, action: AdminAction, notes: &[String]) -> Result<(), AppError> {
    let detail = notes.join("; ");
    let entry = AdminEntry { detail: Some(&detail), ..AdminEntry::of(action) };
    admin_log::append(conn, context, &[entry]).await?;
    Ok(())
}

/// The draft `id` as it is inside the write: `NotFound` if there is none, `ReadOnly` if it
/// is published or a round uses it.
async fn editable_draft(conn: &mut Conn, id: FrameworkVersionId) -> Result<(VersionInfo, Framework), AppError> {
    let info = db::framework::version_in(conn, id).await?.ok_or(AppError::NotFound)?;
    if info.frozen || info.rounds > 0 {
        return Err(AppError::ReadOnly);
    }
    let framework = db::framework::load_in(conn, id).await?.ok_or(AppError::NotFound)?;
    Ok((info, framework))
}

/// A new draft: a copy of the latest published version under the next free label. `NotFound`
/// if nothing is published yet.
pub async fn new_draft(pool: &Pool, context: &ChangeContext) -> Result<FrameworkVersionId, AppError> {
    let mut tx = db::pool::begin_write(pool).await?;
    let base = db::framework::latest_published(&mut tx).await?.ok_or(AppError::NotFound)?;
    let info = db::framework::version_in(&mut tx, base).await?.ok_or(AppError::NotFound)?;
    let mut framework = db::framework::load_in(&mut tx, base).await?.ok_or(AppError::NotFound)?;
    let taken = db::framework::labels(&mut tx, &info.framework_key).await?;
    framework.version_label = next_label(&info.version_label, &taken);
    // A copy starts with every key kept: nothing in it replaces anything yet.
    for dimension in &mut framework.dimensions {
        for statement in &mut dimension.statements {
            statement.replaces = None;
        }
    }
    let id = db::framework::insert_based_on(&mut tx, &info.framework_key, &framework, Some(base)).await?;
    let copied = td_string!(Locale::sv, admin_log.detail_framework_copied, label = info.version_label.clone());
    log(&mut tx, context, AdminAction::FrameworkDraftCreated, &[version_note(&framework, id), copied.to_string()])
        .await?;
    tx.commit().await?;
    Ok(id)
}

/// Checks `framework` and stores it in draft `id`, or returns why not (nothing stored).
async fn store_if_valid(
    conn: &mut Conn,
    context: &ChangeContext,
    info: &VersionInfo,
    framework: &Framework,
    notes: Vec<String>,
) -> Result<Vec<DraftProblem>, AppError> {
    let id = FrameworkVersionId(info.id);
    let mut problems = validate(framework);
    if db::framework::label_taken(conn, &info.framework_key, &framework.version_label, Some(id)).await? {
        problems.push(DraftProblem::LabelTaken { label: framework.version_label.clone() });
    }
    if !problems.is_empty() {
        return Ok(problems);
    }
    db::framework::replace_content(conn, id, framework).await?;
    let mut all = vec![version_note(framework, id)];
    all.extend(notes);
    log(conn, context, AdminAction::FrameworkDraftEdited, &all).await?;
    Ok(Vec::new())
}

/// Changes a draft's name, label, levels and groups (a field not sent stays as it was).
pub async fn save_general(pool: &Pool, context: &ChangeContext, edit: &DraftEdit) -> Result<DraftOutcome, AppError> {
    let id = FrameworkVersionId(edit.version);
    let mut tx = db::pool::begin_write(pool).await?;
    let (info, mut framework) = editable_draft(&mut tx, id).await?;
    let get = |name: &str| edit.field.get(name).map(|value| text(value));
    if let Some(name) = get(fields::NAME) {
        framework.name = name;
    }
    if let Some(label) = get(fields::LABEL) {
        framework.version_label = label;
    }
    for level in &mut framework.levels {
        if let Some(name) = get(&fields::level_name(level.level.get())) {
            level.name = name;
        }
        if let Some(description) = get(&fields::level_description(level.level.get())) {
            level.description = description;
        }
    }
    for group in &mut framework.groups {
        if let Some(name) = get(&fields::group_name(group.group.key())) {
            group.name = name;
        }
        if let Some(description) = get(&fields::group_description(group.group.key())) {
            group.description = description;
        }
    }
    let note = td_string!(Locale::sv, admin_log.detail_framework_general).to_string();
    let problems = store_if_valid(&mut tx, context, &info, &framework, vec![note]).await?;
    if problems.is_empty() {
        tx.commit().await?;
    }
    Ok(DraftOutcome { problems })
}

/// The statement rows of a dimension's form, in their new order, removed ones left out.
fn statement_inputs(edit: &DraftEdit, existing: usize) -> Vec<StatementInput> {
    let get = |row: &str, part| edit.field.get(&fields::statement(row, part));
    let checked = |row: &str, part| get(row, part).is_some_and(|value| !value.is_empty());
    let rows = (0..existing.max(1) + crate::domain::framework_edit::MAX_STATEMENTS)
        .map(|row| row.to_string())
        .chain([fields::NEW_ROW.to_owned()]);
    let mut ordered: Vec<(i64, usize, StatementInput)> = Vec::new();
    for (at, row) in rows.enumerate() {
        let key = get(&row, StatementPart::Key).map(|key| text(key)).filter(|key| !key.is_empty());
        let Some(raw_text) = get(&row, StatementPart::Text) else { continue };
        let statement_text = text(raw_text);
        if checked(&row, StatementPart::Remove) || (key.is_none() && statement_text.is_empty()) {
            continue;
        }
        let order = get(&row, StatementPart::Order).and_then(|order| order.trim().parse::<i64>().ok());
        let fallback = i64::try_from(at).unwrap_or(i64::MAX).saturating_add(1);
        ordered.push((
            order.unwrap_or(fallback),
            at,
            StatementInput {
                key: key.and_then(|key| StatementKey::parse(&key).ok()),
                text: statement_text,
                guidance: get(&row, StatementPart::Guidance).map(|value| text(value)).unwrap_or_default(),
                comparable: checked(&row, StatementPart::Comparable),
            },
        ));
    }
    ordered.sort_by_key(|(order, at, _)| (*order, *at));
    ordered.into_iter().map(|(_, _, input)| input).collect()
}

/// Changes one dimension of a draft: its name, description, descriptors and statements
/// (added, removed, reordered, reworded; keys kept or replaced by `assign_keys`).
pub async fn save_dimension(pool: &Pool, context: &ChangeContext, edit: &DraftEdit) -> Result<DraftOutcome, AppError> {
    let id = FrameworkVersionId(edit.version);
    let mut tx = db::pool::begin_write(pool).await?;
    let (info, mut framework) = editable_draft(&mut tx, id).await?;
    let base = match info.based_on_id {
        Some(base) => db::framework::load_in(&mut tx, FrameworkVersionId(base)).await?,
        None => None,
    };
    let used = db::framework::used_keys(&mut tx).await?;
    let Some(dimension) = framework.dimensions.iter_mut().find(|dimension| dimension.key.as_str() == edit.dimension)
    else {
        return Err(AppError::NotFound);
    };
    let get = |name: &str| edit.field.get(name).map(|value| text(value));
    if let Some(name) = get(fields::NAME) {
        dimension.name = name;
    }
    if let Some(description) = get(fields::DESCRIPTION) {
        dimension.description = description;
    }
    for (level, descriptor) in (1u8..).zip(dimension.level_descriptors.iter_mut()) {
        if let Some(text) = get(&fields::descriptor(level)) {
            *descriptor = text;
        }
    }
    let inputs = statement_inputs(edit, dimension.statements.len());
    let statements = assign_keys(base.as_ref(), &dimension.key, &dimension.statements, inputs, &used);
    let new_keys: Vec<String> = statements
        .iter()
        .filter(|statement| !dimension.statements.iter().any(|before| before.key == statement.key))
        .map(|statement| match &statement.replaces {
            Some(replaced) => format!("{} ({replaced})", statement.key),
            None => statement.key.to_string(),
        })
        .collect();
    dimension.statements = statements;
    let mut notes = vec![
        td_string!(Locale::sv, admin_log.detail_framework_dimension, dimension = dimension.name.clone()).to_string(),
    ];
    if !new_keys.is_empty() {
        notes.push(td_string!(Locale::sv, admin_log.detail_framework_new_keys, keys = new_keys.join(", ")).to_string());
    }
    let problems = store_if_valid(&mut tx, context, &info, &framework, notes).await?;
    if problems.is_empty() {
        tx.commit().await?;
    }
    Ok(DraftOutcome { problems })
}

/// Publishes a draft: from now on it never changes and rounds may use it. Refused with its
/// problems if it is not complete.
pub async fn publish(pool: &Pool, context: &ChangeContext, id: FrameworkVersionId) -> Result<DraftOutcome, AppError> {
    let mut tx = db::pool::begin_write(pool).await?;
    let (_, framework) = editable_draft(&mut tx, id).await?;
    let problems = validate(&framework);
    if !problems.is_empty() {
        return Ok(DraftOutcome { problems });
    }
    db::framework::freeze(&mut tx, id).await?;
    log(&mut tx, context, AdminAction::FrameworkPublished, &[version_note(&framework, id)]).await?;
    tx.commit().await?;
    Ok(DraftOutcome::default())
}

/// A draft made from an uploaded file, beside the latest published version (whose keys its
/// later edits keep or replace). Nothing is stored if the file has problems.
pub async fn upload(pool: &Pool, context: &ChangeContext, file: &str) -> Result<UploadOutcome, AppError> {
    let (key, mut framework) = match crate::domain::framework_file::parse(file) {
        Ok(parsed) => parsed,
        Err(problems) => return Ok(UploadOutcome { created: None, problems }),
    };
    framework.version_label = framework.version_label.trim().to_owned();
    let mut tx = db::pool::begin_write(pool).await?;
    if db::framework::label_taken(&mut tx, &key, &framework.version_label, None).await? {
        let problem = DraftProblem::LabelTaken { label: framework.version_label.clone() };
        return Ok(UploadOutcome { created: None, problems: vec![FileProblem::Content(problem)] });
    }
    let base = db::framework::latest_published(&mut tx).await?;
    let id = db::framework::insert_based_on(&mut tx, &key, &framework, base).await?;
    log(&mut tx, context, AdminAction::FrameworkUploaded, &[version_note(&framework, id)]).await?;
    tx.commit().await?;
    Ok(UploadOutcome { created: Some(id), problems: Vec::new() })
}

/// The fields as a map, for keeping a refused form.
pub fn typed(edit: &DraftEdit) -> HashMap<String, String> {
    edit.field.clone()
}
