//! The results stamp: the one-row read that tells the results cache whether a round's
//! results may have changed.

use crate::common::Fixture;
use app::db::assessments::{Target, reopen, save};
use app::db::audit::ChangeContext;
use app::db::results::{ResultsStamp, results_stamp, results_stamps};
use app::domain::answers::{Answers, TextField};
use app::domain::ids::NodeId;
use app::domain::keys::StatementKey;
use app::domain::level::{Level, Rating};
use app::domain::merge::edits_setting;
use app::domain::raw_answers::Intent;
use app::domain::status::AssessmentStatus;

fn context(fixture: &Fixture) -> ChangeContext {
    ChangeContext { actor: fixture.manager_a, request_id: Some("test-request".into()), at: chrono::Utc::now() }
}

/// The round's stamp, read alone and among several rounds' stamps (the results page reads
/// all its rounds' at once), which must agree.
async fn stamp(fixture: &Fixture) -> ResultsStamp {
    let round = app::db::rounds::get(&fixture.pool, fixture.round).await.unwrap().unwrap();
    let on = round.tree_date(app::db::clock::today());
    let alone = results_stamp(&fixture.pool, &round, on).await.unwrap();
    let together = results_stamps(&fixture.pool, &[(&round, on), (&round, on)]).await.unwrap();
    assert_eq!(together, [alone.clone(), alone.clone()], "read together, the stamp is the same");
    assert!(results_stamps(&fixture.pool, &[]).await.unwrap().is_empty());
    alone
}

/// Every statement rated `level` with a motivation, or only the first statement.
fn answers(fixture: &Fixture, level: u8, every_statement: bool) -> Answers {
    let mut answers = Answers::default();
    let keys = fixture.statement_keys();
    let count = if every_statement { keys.len() } else { 1 };
    for key in keys.into_iter().take(count) {
        let key = StatementKey::parse(&key).unwrap();
        answers.ratings.insert(key.clone(), Rating::Level(Level::parse(level).unwrap()));
        answers.texts.insert(TextField::Motivation(key), "Belägg".into());
    }
    answers
}

async fn write(fixture: &Fixture, unit: NodeId, base: i64, answers: &Answers, intent: Intent) -> i64 {
    let target = Target { round: fixture.round, unit, framework: &fixture.framework };
    save(&fixture.pool, &context(fixture), target, base, &edits_setting(answers), intent).await.unwrap().version
}

#[tokio::test]
async fn the_stamp_moves_on_with_every_submission_and_reopening_and_never_with_a_draft() {
    let fixture = Fixture::new().await;
    let before = stamp(&fixture).await;

    let version = write(&fixture, fixture.unit_a, 0, &answers(&fixture, 2, false), Intent::Save).await;
    assert_eq!(stamp(&fixture).await, before, "a draft changes no result");

    write(&fixture, fixture.unit_a, version, &answers(&fixture, 3, true), Intent::Submit).await;
    let submitted = stamp(&fixture).await;
    assert_ne!(submitted, before, "a submission changes the results");

    write(&fixture, fixture.unit_b, 0, &answers(&fixture, 4, false), Intent::Save).await;
    assert_eq!(stamp(&fixture).await, submitted, "another unit's draft changes no result");

    let reopened =
        reopen(&fixture.pool, &context(&fixture), fixture.round, fixture.unit_a, "Fel siffror").await.unwrap();
    let after_reopening = stamp(&fixture).await;
    assert_ne!(after_reopening, submitted, "a reopening takes the unit out of the results");
    assert_ne!(after_reopening, before, "the stamp never goes back to an earlier one");

    let outcome = save(
        &fixture.pool,
        &context(&fixture),
        Target { round: fixture.round, unit: fixture.unit_a, framework: &fixture.framework },
        reopened,
        &edits_setting(&answers(&fixture, 3, true)),
        Intent::Submit,
    )
    .await
    .unwrap();
    assert_eq!(outcome.status, AssessmentStatus::Submitted);
    let resubmitted = stamp(&fixture).await;
    assert!(
        [before, submitted, after_reopening].iter().all(|earlier| *earlier != resubmitted),
        "the same answers submitted again still give a new stamp"
    );
}
