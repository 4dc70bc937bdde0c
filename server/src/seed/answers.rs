//! Plausible answers for the demo rounds: each administration has its own maturity, each
//! unit varies around it, some dimensions are generally stronger than others, and the
//! city has improved a little since the earlier round. Stored through the same save path
//! as real answers, so the audit log is complete.

use super::city::DemoCity;
use super::normal::normal;
use app::db::Pool;
use app::db::assessments::{Target, save_in};
use app::db::audit::ChangeContext;
use app::domain::answers::{Answers, TextField};
use app::domain::framework::Framework;
use app::domain::ids::{NodeId, RoundId, UserId};
use app::domain::level::{Level, Rating};
use app::domain::merge::edits_setting;
use app::domain::raw_answers::Intent;
use chrono::{DateTime, Duration, NaiveDate, Utc};
use rand::Rng;
use rand::seq::IndexedRandom;
use std::collections::{HashMap, HashSet};

/// How the units answer one round.
#[derive(Clone, Debug)]
pub struct RoundShape {
    pub round: RoundId,
    /// When answers were saved: a time between these dates.
    pub from: NaiveDate,
    pub to: NaiveDate,
    /// Share of units that submitted, and that saved a draft only.
    pub submitted: f64,
    pub draft: f64,
    /// How much more mature the city is in this round than its baseline.
    pub shift: f64,
    /// Units that have not started (the demo users' own units in the open round).
    pub untouched: HashSet<NodeId>,
    /// Units that submitted whatever the draw (the demo users' units in the published
    /// round, so their form shows the previous round beside it).
    pub submitted_always: HashSet<NodeId>,
    /// Share of submitting units that planned improvement actions.
    pub with_actions: f64,
}

/// The demo's rounds.
#[derive(Clone, Debug)]
pub struct RoundPlan {
    pub rounds: Vec<RoundShape>,
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
}

impl RoundPlan {
    /// The published round of 2023 (most units answered), the open round of 2026 (a third
    /// submitted, a quarter in draft; the demo users' units not started) and the published
    /// round of 2020 (fewer answered, a little less mature), last so that adding it left the
    /// other rounds' answers as they were.
    pub fn for_demo(published: RoundId, open: RoundId, earliest: RoundId, keep_empty: &[NodeId]) -> Self {
        RoundPlan {
            rounds: vec![
                RoundShape {
                    round: published,
                    from: day(2023, 2, 1),
                    to: day(2023, 4, 28),
                    submitted: 0.88,
                    draft: 0.04,
                    shift: 0.0,
                    untouched: HashSet::new(),
                    submitted_always: keep_empty.iter().copied().collect(),
                    with_actions: 0.6,
                },
                RoundShape {
                    round: open,
                    from: day(2026, 10, 12),
                    to: day(2026, 11, 20),
                    submitted: 0.35,
                    draft: 0.25,
                    shift: 0.25,
                    untouched: keep_empty.iter().copied().collect(),
                    submitted_always: HashSet::new(),
                    with_actions: 0.0,
                },
                RoundShape {
                    round: earliest,
                    from: day(2020, 2, 3),
                    to: day(2020, 4, 30),
                    submitted: 0.8,
                    draft: 0.0,
                    shift: -0.2,
                    untouched: HashSet::new(),
                    submitted_always: keep_empty.iter().copied().collect(),
                    with_actions: 0.0,
                },
            ],
        }
    }
}

/// How dimensions tend to differ from a unit's overall maturity (by key; others 0).
fn dimension_offset(key: &str) -> f64 {
    match key {
        "larande" => 0.35,
        "upplevelse" => 0.25,
        "handlingsutrymme" => 0.2,
        "informationshantering" => 0.1,
        "oppenhet" => -0.1,
        "dialog" => -0.15,
        "hallbarhet" => -0.2,
        "partnerskap" => -0.35,
        "finansiering" => -0.45,
        "leverantorer" => -0.55,
        _ => 0.0,
    }
}

const MOTIVATIONS: &[&str] = &[
    "Vi följer upp detta varje termin på arbetsplatsträffar och i verksamhetsplanen.",
    "Det finns rutiner, men de används inte lika i hela enheten ännu.",
    "Vi har börjat arbeta med detta under året och ser de första resultaten.",
    "Resultaten från senaste brukarundersökningen visar att vi är på rätt väg.",
    "Arbetet är dokumenterat i vår kvalitetsplan och följs upp av ledningsgruppen.",
    "Medarbetarna beskriver arbetssättet i medarbetarenkäten och i utvecklingssamtal.",
    "Vi saknar fortfarande ett systematiskt sätt att följa upp detta.",
    "Vi har gemensamma mål med andra enheter i förvaltningen och följer dem kvartalsvis.",
    "Detta är inarbetat och vi delar våra erfarenheter med andra enheter.",
    "Vi har en plan för att utveckla arbetet under nästa år.",
];

const STRENGTHS: &[&str] = &[
    "Engagerade medarbetare och ett tydligt gemensamt fokus.",
    "Vi har bra rutiner för uppföljning och lär av varandra.",
    "Nära dialog med dem vi är till för.",
    "Ledningen ger utrymme för förbättringsarbete.",
];

const IMPROVEMENTS: &[&str] = &[
    "Systematisera uppföljningen och dokumentera resultaten.",
    "Involvera fler medarbetare i förbättringsarbetet.",
    "Sprida goda exempel mellan arbetslagen.",
    "Tydligare återkoppling till stockholmarna om vad deras synpunkter lett till.",
];

/// Answers for one unit: every statement rated (or only some, for a draft).
fn answers_for(framework: &Framework, rng: &mut impl Rng, maturity: f64, complete: bool) -> Answers {
    let mut answers = Answers::default();
    let share = if complete { 1.0 } else { rng.random_range(0.15..0.8) };
    for dimension in &framework.dimensions {
        let dimension_level = maturity + dimension_offset(dimension.key.as_str());
        for statement in &dimension.statements {
            if !complete && rng.random::<f64>() > share {
                continue;
            }
            let not_applicable_chance = if dimension.key.as_str() == "leverantorer" { 0.2 } else { 0.03 };
            let rating = if rng.random::<f64>() < not_applicable_chance {
                Rating::NotApplicable
            } else {
                let value = normal(rng, dimension_level, 0.6).round().clamp(1.0, 5.0);
                // Clamped to 1..=5, so the cast and the parse cannot fail.
                Rating::Level(Level::parse(value as u8).unwrap_or(Level::MIN))
            };
            answers.ratings.insert(statement.key.clone(), rating);
            if matches!(rating, Rating::Level(_)) && (complete || rng.random::<f64>() < 0.7) {
                let text = MOTIVATIONS.choose(rng).copied().unwrap_or_default();
                answers.texts.insert(TextField::Motivation(statement.key.clone()), text.to_owned());
            }
        }
        if complete || rng.random::<f64>() < 0.3 {
            let strengths = STRENGTHS.choose(rng).copied().unwrap_or_default();
            let improvements = IMPROVEMENTS.choose(rng).copied().unwrap_or_default();
            answers.texts.insert(TextField::Strengths(dimension.key.clone()), strengths.to_owned());
            answers.texts.insert(TextField::Improvements(dimension.key.clone()), improvements.to_owned());
        }
    }
    answers
}

fn moment_between(rng: &mut impl Rng, from: NaiveDate, to: NaiveDate) -> DateTime<Utc> {
    let days = (to - from).num_days().max(0);
    let day = from + Duration::days(rng.random_range(0..=days));
    let start = day.and_hms_opt(7, 30, 0).unwrap_or_default().and_utc();
    start + Duration::minutes(rng.random_range(0..9 * 60))
}

/// Saves generated answers for every round of the plan.
pub async fn fill(
    pool: &Pool,
    framework: &Framework,
    city: &DemoCity,
    plan: &RoundPlan,
    actor: UserId,
    rng: &mut impl Rng,
) -> anyhow::Result<()> {
    let administration_base: HashMap<NodeId, f64> =
        city.administrations.iter().map(|administration| (administration.id, normal(rng, 2.7, 0.3))).collect();
    let unit_base: HashMap<NodeId, f64> = city
        .units
        .iter()
        .map(|unit| {
            (unit.id, administration_base.get(&unit.administration).copied().unwrap_or(2.7) + normal(rng, 0.0, 0.4))
        })
        .collect();

    // One transaction for thousands of assessments: a seed is all or nothing, and fast.
    let mut tx = app::db::pool::begin_write(pool).await?;
    for shape in &plan.rounds {
        let target = |unit: NodeId| Target { round: shape.round, unit, framework };
        for unit in &city.units {
            if shape.untouched.contains(&unit.id) {
                continue;
            }
            let draw: f64 = rng.random();
            let complete = draw < shape.submitted || shape.submitted_always.contains(&unit.id);
            if !complete && draw >= shape.submitted + shape.draft {
                continue;
            }
            let maturity = unit_base[&unit.id] + shape.shift + normal(rng, 0.0, 0.15);
            let answers = answers_for(framework, rng, maturity, complete);
            let context = ChangeContext { actor, request_id: None, at: moment_between(rng, shape.from, shape.to) };
            let intent = if complete { Intent::Submit } else { Intent::Save };
            let saved = save_in(&mut tx, &context, target(unit.id), 0, &edits_setting(&answers), intent).await?;
            let showcased = shape.submitted_always.contains(&unit.id);
            let plans_actions = showcased || (unit.id.0 % 100) as f64 / 100.0 < shape.with_actions;
            if let (true, true, Some(assessment)) = (complete, plans_actions, saved.assessment) {
                for (dimension, values) in super::actions::actions_for(framework, unit.id.0, showcased) {
                    app::db::actions::insert_in(&mut tx, &context, assessment, &dimension, &values, None).await?;
                }
            }
        }
    }
    tx.commit().await?;
    Ok(())
}
