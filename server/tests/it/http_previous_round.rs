//! The previous round beside this one: a unit sees its own latest submitted answers from an
//! earlier round, with its scores then; never a draft, never another unit's.

use crate::common;

use crate::common::http::TestApp;
use crate::common::{HEAD_EMAIL, MANAGER_A_EMAIL, QUALITY_EMAIL};
use app::api::assessment::AssessmentView;
use app::domain::answers::{Answers, TextField};
use app::domain::ids::{NodeId, RoundId};
use app::domain::level::{Level, Rating};
use app::domain::raw_answers::Intent;
use app::domain::round::RoundStatus;
use axum::http::StatusCode;

const EARLIER_MOTIVATION: &str = "Vi följde upp <b>detta</b> 2019.";

/// An earlier, closed round in which `unit` stored `answers` (submitted or as a draft).
async fn earlier_round(
    app: &TestApp,
    name: &str,
    opens: i32,
    unit: NodeId,
    answers: &Answers,
    intent: Intent,
) -> RoundId {
    let round = app.fixture.other_round(name, opens, RoundStatus::Closed).await;
    app.fixture.store(round, unit, answers, intent).await;
    round
}

/// Every statement rated `level` with a motivation.
fn complete(app: &TestApp, level: u8) -> Answers {
    app.fixture.answers_at(level, EARLIER_MOTIVATION)
}

async fn view(app: &TestApp, email: &str, unit: NodeId) -> AssessmentView {
    let cookie = app.login(email).await;
    let reply = app.get_assessment(&cookie, unit).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    serde_json::from_str(&reply.body).unwrap()
}

#[test]
fn the_latest_submitted_round_before_this_one_is_shown_with_its_scores() {
    common::run(async {
        let app = TestApp::new().await;
        let unit = app.fixture.unit_a;
        earlier_round(&app, "Självskattning 2016", 2016, unit, &complete(&app, 2), Intent::Submit).await;
        earlier_round(&app, "Självskattning 2019", 2019, unit, &complete(&app, 4), Intent::Submit).await;

        let seen = view(&app, MANAGER_A_EMAIL, unit).await;
        let previous = seen.previous.expect("the previous round");
        assert_eq!(previous.round_name, "Självskattning 2019", "the latest earlier round, not an older one");
        let first = &app.fixture.framework.dimensions[0];
        let statement = &first.statements[0];
        assert_eq!(previous.answers.rating(&statement.key), Some(Rating::Level(Level::parse(4).unwrap())));
        assert_eq!(
            previous.answers.text(&TextField::Motivation(statement.key.clone())),
            Some(EARLIER_MOTIVATION),
            "text comes back as text, for the page to show escaped"
        );
        let score = previous.scores.dimensions.iter().find(|score| score.key == first.key).unwrap();
        assert_eq!(score.score, Some(4.0));

        // Those who may read the unit see it as well.
        for email in [HEAD_EMAIL, QUALITY_EMAIL] {
            assert!(view(&app, email, unit).await.previous.is_some(), "{email}");
        }
    })
}

#[test]
fn a_draft_or_another_units_answers_are_never_shown_as_the_previous_round() {
    common::run(async {
        let app = TestApp::new().await;
        earlier_round(&app, "Självskattning 2019", 2019, app.fixture.unit_a, &complete(&app, 4), Intent::Save).await;
        assert_eq!(view(&app, MANAGER_A_EMAIL, app.fixture.unit_a).await.previous, None, "a draft is not a result");

        earlier_round(&app, "Självskattning 2018", 2018, app.fixture.unit_b, &complete(&app, 3), Intent::Submit).await;
        assert_eq!(view(&app, MANAGER_A_EMAIL, app.fixture.unit_a).await.previous, None, "unit B's answers stay B's");
        let quality_on_b = view(&app, QUALITY_EMAIL, app.fixture.unit_b).await;
        assert_eq!(quality_on_b.previous.map(|previous| previous.round_name).as_deref(), Some("Självskattning 2018"));
    })
}
