//! Saving, reloading and submitting assessments against a real SQLite file.

use crate::common;

use crate::common::Fixture;
use app::db::answers::load_answers;
use app::db::assessments::{SaveError, Target, find, save};
use app::db::audit::{ChangeContext, for_assessment};
use app::domain::answers::{Answers, TextField};
use app::domain::changes::AnswerField;
use app::domain::completeness::{Gap, GapKind};
use app::domain::fingerprint::fingerprint;
use app::domain::keys::{DimensionKey, StatementKey};
use app::domain::level::{Level, Rating};
use app::domain::merge::{Edit, edits_setting};
use app::domain::raw_answers::Intent;
use app::domain::status::AssessmentStatus;

fn context(fixture: &Fixture) -> ChangeContext {
    ChangeContext { actor: fixture.manager_a, request_id: Some("test-request".into()), at: chrono::Utc::now() }
}

fn level(value: u8) -> Rating {
    Rating::Level(Level::parse(value).unwrap())
}

/// Every statement rated 3 with a motivation.
fn complete(fixture: &Fixture) -> Answers {
    let mut answers = Answers::default();
    for key in fixture.statement_keys() {
        let key = StatementKey::parse(&key).unwrap();
        answers.ratings.insert(key.clone(), level(3));
        answers.texts.insert(TextField::Motivation(key), "Vi följer upp detta på APT.".into());
    }
    answers
}

#[tokio::test]
async fn migrations_apply_cleanly_and_twice() {
    let (pool, _dir) = common::empty_database().await;
    app::db::pool::migrate(&pool).await.expect("running migrations again is a no-op");
    let tables = match pool.dialect() {
        app::db::Dialect::Sqlite => "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name",
        app::db::Dialect::Postgres => {
            "SELECT CAST(table_name AS TEXT) FROM information_schema.tables WHERE table_schema = current_schema() \
             ORDER BY table_name"
        }
    };
    let tables: Vec<String> = app::db::sql::query_scalar(tables).fetch_all(&pool).await.unwrap();
    for table in [
        "app_user",
        "assessment",
        "audit_event",
        "org_node",
        "org_node_version",
        "rating",
        "round",
        "statement",
        "text_answer",
    ] {
        assert!(tables.iter().any(|name| name == table), "missing table {table}: {tables:?}");
    }
}

#[tokio::test]
async fn a_saved_draft_reloads_exactly_as_saved() {
    let fixture = Fixture::new().await;
    let target = Target { round: fixture.round, unit: fixture.unit_a, framework: &fixture.framework };
    let keys = fixture.statement_keys();
    let mut answers = Answers::default();
    answers.ratings.insert(StatementKey::parse(&keys[0]).unwrap(), level(4));
    answers.ratings.insert(StatementKey::parse(&keys[1]).unwrap(), Rating::NotApplicable);
    answers
        .texts
        .insert(TextField::Motivation(StatementKey::parse(&keys[0]).unwrap()), "Belägg: enkät 2026.\nRad två.".into());
    answers
        .texts
        .insert(TextField::Strengths(DimensionKey::parse("upplevelse").unwrap()), "<script>alert(1)</script>".into());

    let outcome =
        save(&fixture.pool, &context(&fixture), target, 0, &edits_setting(&answers), Intent::Save).await.unwrap();
    assert_eq!(outcome.version, 1);
    assert_eq!(outcome.changed, 4);
    assert_eq!(outcome.status, AssessmentStatus::Draft);

    let record = find(&fixture.pool, fixture.round, fixture.unit_a).await.unwrap().unwrap();
    assert_eq!(record.version, 1);
    assert_eq!(load_answers(&fixture.pool, record.id).await.unwrap(), answers);

    // Every changed field is in the audit log with the request id.
    let events = for_assessment(&fixture.pool, record.id).await.unwrap();
    let fields: Vec<_> = events.iter().filter_map(|event| event.field.clone()).collect();
    assert_eq!(events[0].action, "created");
    assert_eq!(fields.len(), 4);
    assert!(events.iter().all(|event| event.request_id.as_deref() == Some("test-request")));

    // Saving the same answers again changes nothing and bumps no version.
    let again =
        save(&fixture.pool, &context(&fixture), target, 1, &edits_setting(&answers), Intent::Save).await.unwrap();
    assert_eq!((again.version, again.changed), (1, 0));
}

#[tokio::test]
async fn clearing_a_field_removes_it_and_is_audited() {
    let fixture = Fixture::new().await;
    let target = Target { round: fixture.round, unit: fixture.unit_a, framework: &fixture.framework };
    let key = StatementKey::parse(&fixture.statement_keys()[0]).unwrap();
    let mut answers = Answers::default();
    answers.ratings.insert(key.clone(), level(2));
    save(&fixture.pool, &context(&fixture), target, 0, &edits_setting(&answers), Intent::Save).await.unwrap();
    let clear = [Edit { field: AnswerField::Rating(key.clone()), new: None, base: Some(fingerprint(Some("2"))) }];
    let outcome = save(&fixture.pool, &context(&fixture), target, 1, &clear, Intent::Save).await.unwrap();
    assert_eq!(outcome.version, 2);
    let record = find(&fixture.pool, fixture.round, fixture.unit_a).await.unwrap().unwrap();
    assert_eq!(load_answers(&fixture.pool, record.id).await.unwrap(), Answers::default());
    let events = for_assessment(&fixture.pool, record.id).await.unwrap();
    let last = events.last().unwrap();
    assert_eq!((last.old_value.as_deref(), last.new_value.as_deref()), (Some("2"), None));
}

#[tokio::test]
async fn submitting_with_gaps_saves_the_draft_and_names_exactly_what_is_missing() {
    let fixture = Fixture::new().await;
    let target = Target { round: fixture.round, unit: fixture.unit_a, framework: &fixture.framework };
    let keys = fixture.statement_keys();
    let mut answers = complete(&fixture);
    let unrated = StatementKey::parse(&keys[5]).unwrap();
    let unmotivated = StatementKey::parse(&keys[20]).unwrap();
    answers.ratings.remove(&unrated);
    answers.texts.remove(&TextField::Motivation(unrated.clone()));
    answers.texts.remove(&TextField::Motivation(unmotivated.clone()));

    let outcome =
        save(&fixture.pool, &context(&fixture), target, 0, &edits_setting(&answers), Intent::Submit).await.unwrap();
    assert_eq!(outcome.status, AssessmentStatus::Draft);
    let dimension_of = |key: &StatementKey| fixture.framework.statement(key).unwrap().0.key.clone();
    assert_eq!(
        outcome.gaps,
        vec![
            Gap { dimension: dimension_of(&unrated), statement: unrated.clone(), kind: GapKind::Unrated },
            Gap {
                dimension: dimension_of(&unmotivated),
                statement: unmotivated.clone(),
                kind: GapKind::MissingMotivation
            },
        ]
    );
    let record = find(&fixture.pool, fixture.round, fixture.unit_a).await.unwrap().unwrap();
    assert_eq!(record.status, AssessmentStatus::Draft);
    assert_eq!(load_answers(&fixture.pool, record.id).await.unwrap(), answers, "everything typed is kept");
}

#[tokio::test]
async fn a_complete_submission_locks_the_assessment_and_a_repeat_submits_once() {
    let fixture = Fixture::new().await;
    let target = Target { round: fixture.round, unit: fixture.unit_a, framework: &fixture.framework };
    let answers = complete(&fixture);
    let first =
        save(&fixture.pool, &context(&fixture), target, 0, &edits_setting(&answers), Intent::Submit).await.unwrap();
    assert_eq!(first.status, AssessmentStatus::Submitted);
    assert!(first.gaps.is_empty());

    let repeat =
        save(&fixture.pool, &context(&fixture), target, 0, &edits_setting(&answers), Intent::Submit).await.unwrap();
    assert_eq!(repeat.status, AssessmentStatus::Submitted);
    assert_eq!(repeat.version, first.version);

    let record = find(&fixture.pool, fixture.round, fixture.unit_a).await.unwrap().unwrap();
    let events = for_assessment(&fixture.pool, record.id).await.unwrap();
    assert_eq!(events.iter().filter(|event| event.action == "submitted").count(), 1);

    let mut changed = answers.clone();
    changed.ratings.insert(StatementKey::parse(&fixture.statement_keys()[0]).unwrap(), level(5));
    let locked =
        save(&fixture.pool, &context(&fixture), target, first.version, &edits_setting(&changed), Intent::Save).await;
    assert!(matches!(locked, Err(SaveError::Locked)));
    assert_eq!(load_answers(&fixture.pool, record.id).await.unwrap(), answers);
}

fn motivation(key: &str) -> AnswerField {
    AnswerField::Text(TextField::Motivation(StatementKey::parse(key).unwrap()))
}

fn text_edit(field: &AnswerField, new: &str, started_from: Option<&str>) -> Edit {
    Edit { field: field.clone(), new: Some(new.to_owned()), base: Some(fingerprint(started_from)) }
}

#[tokio::test]
async fn two_editors_of_different_fields_merge_and_of_the_same_field_get_both_texts() {
    let fixture = Fixture::new().await;
    let target = Target { round: fixture.round, unit: fixture.unit_a, framework: &fixture.framework };
    let keys = fixture.statement_keys();
    let (first, second) = (motivation(&keys[0]), motivation(&keys[1]));

    // Both open version 0 (empty). Anna saves field 1.
    let anna =
        save(&fixture.pool, &context(&fixture), target, 0, &[text_edit(&first, "Annas belägg", None)], Intent::Save)
            .await
            .unwrap();
    assert_eq!(anna.version, 1);

    // Bo, still on version 0, sends his whole form: field 1 untouched, field 2 written.
    let bo = [text_edit(&first, "", None), text_edit(&second, "Bos belägg", None)];
    let merged = save(&fixture.pool, &context(&fixture), target, 0, &bo, Intent::Save).await.unwrap();
    assert_eq!((merged.conflicts.len(), merged.changed, merged.version), (0, 1, 2));

    // Bo now also writes field 1, from what he loaded (empty): both changed it.
    let clash =
        save(&fixture.pool, &context(&fixture), target, 0, &[text_edit(&first, "Bos version", None)], Intent::Save)
            .await
            .unwrap();
    assert_eq!(clash.version, 2, "nothing was written");
    assert_eq!(clash.conflicts.len(), 1);
    assert_eq!(clash.conflicts[0].theirs.as_deref(), Some("Annas belägg"));
    assert_eq!(clash.conflicts[0].yours.as_deref(), Some("Bos version"));

    let record = find(&fixture.pool, fixture.round, fixture.unit_a).await.unwrap().unwrap();
    let stored = load_answers(&fixture.pool, record.id).await.unwrap();
    assert_eq!(first.value_in(&stored).as_deref(), Some("Annas belägg"));
    assert_eq!(second.value_in(&stored).as_deref(), Some("Bos belägg"));

    // Having seen Anna's text, Bo keeps his: he saves from hers, and it goes through.
    let resolved = save(
        &fixture.pool,
        &context(&fixture),
        target,
        2,
        &[text_edit(&first, "Bos version", Some("Annas belägg"))],
        Intent::Save,
    )
    .await
    .unwrap();
    assert_eq!((resolved.conflicts.len(), resolved.version), (0, 3));
}

#[tokio::test]
async fn an_edit_without_a_base_needs_the_current_version() {
    let fixture = Fixture::new().await;
    let target = Target { round: fixture.round, unit: fixture.unit_a, framework: &fixture.framework };
    let key = StatementKey::parse(&fixture.statement_keys()[0]).unwrap();
    let mut first = Answers::default();
    first.ratings.insert(key.clone(), level(2));
    save(&fixture.pool, &context(&fixture), target, 0, &edits_setting(&first), Intent::Save).await.unwrap();

    let mut other = Answers::default();
    other.ratings.insert(key.clone(), level(5));
    let stale = save(&fixture.pool, &context(&fixture), target, 0, &edits_setting(&other), Intent::Save).await.unwrap();
    assert_eq!(stale.conflicts.len(), 1);
    assert_eq!((stale.conflicts[0].theirs.as_deref(), stale.conflicts[0].yours.as_deref()), (Some("2"), Some("5")));

    // The same content based on an old version overwrites nothing and is accepted.
    let same = save(&fixture.pool, &context(&fixture), target, 0, &edits_setting(&first), Intent::Save).await.unwrap();
    assert_eq!((same.changed, same.conflicts.len()), (0, 0));
}

#[tokio::test]
async fn the_audit_log_cannot_be_changed_or_deleted() {
    let fixture = Fixture::new().await;
    let target = Target { round: fixture.round, unit: fixture.unit_a, framework: &fixture.framework };
    save(&fixture.pool, &context(&fixture), target, 0, &edits_setting(&complete(&fixture)), Intent::Save)
        .await
        .unwrap();
    let update = app::db::sql::query("UPDATE audit_event SET new_value = 'x'").execute(&fixture.pool).await;
    let delete = app::db::sql::query("DELETE FROM audit_event").execute(&fixture.pool).await;
    assert!(update.is_err() && delete.is_err());
    let count: i64 =
        app::db::sql::query_scalar("SELECT count(*) FROM audit_event").fetch_one(&fixture.pool).await.unwrap();
    assert!(count > 100);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn concurrent_saves_from_two_servers_into_one_assessment_and_into_others_all_land() {
    let fixture = Fixture::new().await;
    // A second pool on the same database, as another server has.
    let other = app::db::pool::connect(&fixture.url).await.unwrap();
    let keys = fixture.statement_keys();
    let units = [fixture.unit_a, fixture.unit_b, fixture.unit_c];
    // Each save writes one motivation of its own, from version 0 (as editors who opened an
    // empty form): every save merges, none conflicts, whichever server and order.
    let mut saves = Vec::new();
    for (n, key) in keys.iter().enumerate().take(24) {
        let pool = if n % 2 == 0 { fixture.pool.clone() } else { other.clone() };
        let (framework, context, round) = (fixture.framework.clone(), context(&fixture), fixture.round);
        let (unit, field) = (units[n % 3], motivation(key));
        saves.push(tokio::spawn(async move {
            let target = Target { round, unit, framework: &framework };
            let edit = text_edit(&field, &format!("Belägg {n}"), None);
            save(&pool, &context, target, 0, &[edit], Intent::Save).await.unwrap()
        }));
    }
    for save in saves {
        let outcome = save.await.unwrap();
        assert!(outcome.conflicts.is_empty() && outcome.changed == 1, "{outcome:?}");
    }
    for (u, unit) in units.iter().enumerate() {
        let record = find(&fixture.pool, fixture.round, *unit).await.unwrap().expect("one assessment per unit");
        assert_eq!(record.version, 8, "eight saves, each one version");
        let stored = load_answers(&fixture.pool, record.id).await.unwrap();
        for (n, key) in keys.iter().enumerate().take(24).filter(|(n, _)| n % 3 == u) {
            assert_eq!(motivation(key).value_in(&stored), Some(format!("Belägg {n}")));
        }
    }
    other.close().await;
}
