//! The demo city: the default framework, a generated Stockholm with ~2,000 units, three
//! rounds (2020 and 2023 published, 2026 open) with plausible answers, demo users, and
//! unit managers for most units (to follow up and remind). Generated
//! deterministically from a fixed seed, so every run gives the same city.

pub mod actions;
pub mod answers;
pub mod city;
pub mod city_file;
pub mod framework_file;
pub mod managers;
pub mod normal;
pub mod users;

use anyhow::Context;
use app::db::{self, Pool};
use app::domain::ids::NodeId;
use app::domain::round::RoundStatus;
use chrono::NaiveDate;
use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;

/// The seed the demo city is generated from.
pub const DEFAULT_SEED: u64 = 2026;

/// How big a city to generate.
#[derive(Clone, Copy, Debug)]
pub struct SeedOptions {
    /// Roughly how many units (enheter); `None` for the city as the data file describes it.
    pub units: Option<usize>,
    pub seed: u64,
}

impl Default for SeedOptions {
    fn default() -> Self {
        SeedOptions { units: None, seed: DEFAULT_SEED }
    }
}

/// What was created, for printing.
#[derive(Clone, Debug)]
pub struct SeedSummary {
    pub units: usize,
    pub administrations: usize,
    pub users: Vec<users::DemoUser>,
}

/// Whether the database already holds an organisation.
pub async fn is_seeded(pool: &Pool) -> app::db::error::DbResult<bool> {
    Ok(db::org::city_root(pool).await?.is_some())
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
}

/// Seeds the demo city into an empty database.
pub async fn seed_demo(pool: &Pool, options: SeedOptions) -> anyhow::Result<SeedSummary> {
    anyhow::ensure!(!is_seeded(pool).await?, "the database already holds an organisation; seed only an empty database");
    let mut rng = ChaCha8Rng::seed_from_u64(options.seed);

    let (framework_key, framework) = framework_file::parse(framework_file::DEFAULT_FRAMEWORK)?;
    let city_file = city_file::parse(city_file::DEMO_CITY)?;

    let mut tx = db::pool::begin_write(pool).await?;
    let framework_version = db::framework::insert(&mut tx, &framework_key, &framework).await?;
    let city = city::generate(&mut tx, &city_file, &mut rng, options.units).await?;
    let demo_users = users::create(&mut tx, &city).await?;
    let published = db::rounds::insert(
        &mut tx,
        &db::rounds::NewRound {
            name: "Självskattning 2023",
            framework_version,
            root: city.root,
            opens_on: date(2023, 2, 1),
            closes_on: date(2023, 4, 28),
            status: RoundStatus::Published,
        },
    )
    .await?;
    let open = db::rounds::insert(
        &mut tx,
        &db::rounds::NewRound {
            name: "Självskattning 2026",
            framework_version,
            root: city.root,
            opens_on: date(2026, 10, 12),
            closes_on: date(2026, 12, 11),
            status: RoundStatus::Open,
        },
    )
    .await?;
    let earliest = db::rounds::insert(
        &mut tx,
        &db::rounds::NewRound {
            name: "Självskattning 2020",
            framework_version,
            root: city.root,
            opens_on: date(2020, 2, 3),
            closes_on: date(2020, 4, 30),
            status: RoundStatus::Published,
        },
    )
    .await?;
    tx.commit().await?;

    let framework = db::framework::load(pool, framework_version).await?.context("framework just stored")?;
    let keep_empty: Vec<NodeId> = demo_users.people.iter().filter_map(|user| user.unit).collect();
    let plan = answers::RoundPlan::for_demo(published, open, earliest, &keep_empty);
    answers::fill(pool, &framework, &city, &plan, demo_users.system, &mut rng).await?;

    let mut tx = db::pool::begin_write(pool).await?;
    managers::create(&mut tx, &city, options.seed, &keep_empty).await?;
    tx.commit().await?;

    Ok(SeedSummary { units: city.units.len(), administrations: city.administrations.len(), users: demo_users.people })
}
