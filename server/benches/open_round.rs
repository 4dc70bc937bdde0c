//! Opening a round over a whole city: the demo city seeded at `--units` units (default
//! 2,500) into a fresh SQLite file, then `--rounds` draft rounds over the city root, each
//! opened through exactly what the `move_round` server function runs after reading the
//! request: who is asking and whether they manage the round (`managed_round`), then the
//! transaction that checks the step, sets the status, freezes the framework version,
//! counts the units covered and writes the admin log (`changes::make_move`). The
//! confirmation page's count (`load::preview`) is timed too.
//!
//! ```text
//! cargo bench -p server --bench open_round -- --units 2500 --rounds 10
//! ```
//!
//! Prints min, median and max per step; exits non-zero if a step fails or the median
//! opening takes more than a second (the requirement: ≤ 1 s server time).

use anyhow::{Context, ensure};
use app::api::admin_rounds::{changes, load};
use app::api::context::load_caller;
use app::db::audit::ChangeContext;
use app::db::{self, clock};
use app::domain::ids::FrameworkVersionId;
use app::domain::round::RoundStatus;
use app::domain::round_lifecycle::{Move, RoundDetails};
use clap::Parser;
use std::process::ExitCode;
use std::time::{Duration, Instant};

#[derive(Parser, Debug)]
#[command(about = "Benchmark of opening a round over the whole city")]
struct Args {
    /// Roughly how many units the city has.
    #[arg(long, default_value_t = 2_500)]
    units: usize,
    /// How many rounds to create and open, one after the other.
    #[arg(long, default_value_t = 10)]
    rounds: usize,
    /// Passed by `cargo bench`; ignored.
    #[arg(long, hide = true)]
    bench: bool,
}

fn summary(name: &str, times: &mut [Duration]) -> Duration {
    times.sort_unstable();
    let median = times[times.len() / 2];
    println!(
        "{name:<44} min {:>8.1} ms   median {:>8.1} ms   max {:>8.1} ms",
        times[0].as_secs_f64() * 1e3,
        median.as_secs_f64() * 1e3,
        times[times.len() - 1].as_secs_f64() * 1e3
    );
    median
}

async fn run(args: Args) -> anyhow::Result<bool> {
    let dir = tempfile::tempdir()?;
    let url = format!("sqlite://{}", dir.path().join("open-round.db").display());
    let pool = db::pool::connect_and_migrate(&url).await?;
    let seeding = Instant::now();
    let seeded =
        server::seed::seed_demo(&pool, server::seed::SeedOptions { units: Some(args.units), ..Default::default() })
            .await?;
    println!(
        "Seeded a city of {} units in {} administrations in {:.1} s",
        seeded.units,
        seeded.administrations,
        seeding.elapsed().as_secs_f64()
    );

    let quality = db::users::find_by_email(&pool, "kvalitet@mognad.test").await?.context("the quality department")?;
    let caller = load_caller(&pool, quality.id).await.map_err(|error| anyhow::anyhow!("{error:?}"))?;
    let city = db::org::city_root(&pool).await?.context("a city")?;
    let version: i64 = app::db::sql::query_scalar("SELECT id FROM framework_version WHERE frozen ORDER BY id LIMIT 1")
        .fetch_one(&pool)
        .await?;
    let today = clock::today();

    let (mut previews, mut openings) = (Vec::new(), Vec::new());
    let mut covered = 0;
    for number in 0..args.rounds {
        let context = ChangeContext { actor: caller.id, request_id: None, at: clock::now() };
        let details = RoundDetails {
            name: format!("Mätning {number}"),
            framework_version: FrameworkVersionId(version),
            root: city,
            opens_on: today,
            closes_on: today + chrono::Duration::days(30),
            intro: None,
        };
        let round = changes::create(&pool, &context, &details).await.map_err(|error| anyhow::anyhow!("{error:?}"))?;

        let started = Instant::now();
        let preview =
            load::preview(&pool, &caller, round, Move::Open).await.map_err(|error| anyhow::anyhow!("{error:?}"))?;
        previews.push(started.elapsed());
        ensure!(preview.problems.is_empty(), "the round cannot open: {:?}", preview.problems);

        let started = Instant::now();
        load::managed_round(&pool, &caller, round).await.map_err(|error| anyhow::anyhow!("{error:?}"))?;
        let done = changes::make_move(&pool, &context, round, Move::Open, "", "", today)
            .await
            .map_err(|error| anyhow::anyhow!("{error:?}"))?;
        openings.push(started.elapsed());
        covered = done.units;
        let status = db::rounds::get(&pool, round).await?.context("the round")?.status;
        ensure!(status == RoundStatus::Open, "round {round} is {status:?}");
    }
    println!("Each round covers {covered} units ({} rounds)", args.rounds);
    summary("Confirmation page's count (preview)", &mut previews);
    let median = summary("Opening (rights + transaction + admin log)", &mut openings);
    let within = median <= Duration::from_secs(1);
    println!("Requirement ≤ 1 s server time: {}", if within { "met" } else { "NOT met" });
    Ok(within)
}

fn main() -> ExitCode {
    let args = Args::parse();
    let runtime = match tokio::runtime::Builder::new_multi_thread().enable_all().build() {
        Ok(runtime) => runtime,
        Err(error) => {
            eprintln!("no runtime: {error}");
            return ExitCode::FAILURE;
        }
    };
    match runtime.block_on(run(args)) {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::FAILURE,
        Err(error) => {
            eprintln!("open_round failed: {error:#}");
            ExitCode::FAILURE
        }
    }
}
