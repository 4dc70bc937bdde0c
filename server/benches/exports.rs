//! Exports of a whole city's round: the demo city seeded at `--units` units (default 2,500)
//! into a fresh SQLite file, then, for its newest published round as the quality department
//! sees the city:
//!
//! - the workbook of every table (unit × statement ≈ 130,000 rows at 2,500 units), written in
//!   low memory to a file, with the process's peak resident memory while writing it
//!   (the kernel's high-water mark, reset just before), and the peak of a process of its
//!   own that only opens the database and makes the workbook, as a server would;
//! - the unit × statement table as CSV for Swedish Excel, in rows/s, side by side with the
//!   ceiling of writing the same bytes to a file;
//! - the board presentation of the city (`presentation::load::deck`), server time.
//!
//! ```text
//! cargo bench -p server --bench exports -- --units 2500 --repeat 5
//! ```
//!
//! Exits non-zero if the workbook takes more than 2 s or 100 MB, the CSV goes slower than
//! 200,000 rows/s, or the deck takes more than 50 ms (medians).

use anyhow::{Context, ensure};
use app::api::context::{Caller, load_caller};
use app::api::exports::dialect::CsvDialect;
use app::api::exports::results_tables;
use app::api::exports::which::ResultTable;
use app::api::exports::{csv, xlsx};
use app::api::results::query::ResultsQuery;
use app::db;
use app::state::AppState;
use clap::Parser;
use leptos::config::LeptosOptions;
use std::io::Write;
use std::process::ExitCode;
use std::time::{Duration, Instant};

#[derive(Parser, Debug)]
#[command(about = "Benchmark of the results exports and the board presentation")]
struct Args {
    /// Roughly how many units the city has.
    #[arg(long, default_value_t = 2_500)]
    units: usize,
    /// How many times each export is made.
    #[arg(long, default_value_t = 5)]
    repeat: usize,
    /// Passed by `cargo bench`; ignored.
    #[arg(long, hide = true)]
    bench: bool,
    /// Internal: make one workbook from this seeded database file and print the process's
    /// peak resident memory (the benchmark runs itself so for a process that holds only
    /// what an export needs, as the server does, not what seeding the city left behind).
    #[arg(long, hide = true)]
    workbook_only: Option<std::path::PathBuf>,
}

fn median(times: &mut [Duration]) -> Duration {
    times.sort_unstable();
    times[times.len() / 2]
}

/// A memory figure of this process in MB (Linux): `VmHWM` the peak resident size since the
/// last reset, `VmRSS` the resident size now.
fn resident_mb(field: &str) -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|line| line.starts_with(field))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

/// Starts a new peak: the high-water mark becomes the current resident size.
fn reset_peak() {
    let _ = std::fs::write("/proc/self/clear_refs", "5");
}

/// What an export of the city's newest published round needs: the state, the quality
/// department as the caller, the city's query.
async fn city_export(pool: &db::Pool) -> anyhow::Result<(AppState, Caller, ResultsQuery)> {
    let quality = db::users::find_by_email(pool, "kvalitet@mognad.test").await?.context("the quality department")?;
    let caller = load_caller(pool, quality.id).await.map_err(|error| anyhow::anyhow!("{error:?}"))?;
    let round: i64 =
        app::db::sql::query_scalar("SELECT id FROM round WHERE status = 'published' ORDER BY closes_on DESC LIMIT 1")
            .fetch_one(pool)
            .await?;
    let city = db::org::city_root(pool).await?.context("a city")?;
    let options = LeptosOptions::builder().output_name("mognad").site_root("target/site").build();
    let state = AppState::new(options, pool.clone(), false);
    Ok((state, caller, ResultsQuery::of(round, city.0)))
}

/// One workbook of every table from the database at `path`, in a process of its own; prints
/// the process's peak resident memory in MB.
async fn workbook_only(path: &std::path::Path) -> anyhow::Result<bool> {
    let pool = db::pool::connect_and_migrate(&format!("sqlite://{}", path.display())).await?;
    let (state, caller, query) = city_export(&pool).await?;
    let prepared =
        results_tables::prepare(&state, &caller, &query).await.map_err(|error| anyhow::anyhow!("{error:?}"))?;
    let about = results_tables::about(&prepared, state.privacy);
    let out = path.with_extension("xlsx");
    xlsx::write(results_tables::tables(&prepared, &ResultTable::ALL), &about, &out)?;
    println!("{:.1}", resident_mb("VmHWM:").context("no /proc/self/status")?);
    Ok(true)
}

/// The peak resident memory (MB) of a process of its own that makes the workbook.
fn workbook_process_peak(db: &std::path::Path) -> anyhow::Result<f64> {
    let output = std::process::Command::new(std::env::current_exe()?)
        .arg("--workbook-only")
        .arg(db)
        .stderr(std::process::Stdio::inherit())
        .output()?;
    ensure!(output.status.success(), "the workbook process failed");
    let text = String::from_utf8(output.stdout)?;
    Ok(text.lines().last().context("no output")?.trim().parse()?)
}

async fn run(args: Args) -> anyhow::Result<bool> {
    if let Some(path) = &args.workbook_only {
        return workbook_only(path).await;
    }
    let dir = tempfile::tempdir()?;
    let db_path = dir.path().join("exports.db");
    let url = format!("sqlite://{}", db_path.display());
    let pool = db::pool::connect_and_migrate(&url).await?;
    let seeded =
        server::seed::seed_demo(&pool, server::seed::SeedOptions { units: Some(args.units), ..Default::default() })
            .await?;
    println!("Seeded a city of {} units", seeded.units);
    let (state, caller, query) = city_export(&pool).await?;
    let fail = |error: app::api::error::AppError| anyhow::anyhow!("{error:?}");
    let process_peak = workbook_process_peak(&db_path)?;

    let (mut preparing, mut workbooks, mut csvs, mut ceilings, mut decks) = (vec![], vec![], vec![], vec![], vec![]);
    let (mut peak, mut before, mut rows, mut bytes) = (0.0_f64, 0.0_f64, 0, 0);
    for _ in 0..args.repeat {
        let started = Instant::now();
        let prepared = results_tables::prepare(&state, &caller, &query).await.map_err(fail)?;
        preparing.push(started.elapsed());

        let path = dir.path().join("export.xlsx");
        let about = results_tables::about(&prepared, state.privacy);
        reset_peak();
        before = before.max(resident_mb("VmRSS:").unwrap_or(f64::NAN));
        let started = Instant::now();
        let written = xlsx::write(results_tables::tables(&prepared, &ResultTable::ALL), &about, &path)?;
        workbooks.push(started.elapsed());
        peak = peak.max(resident_mb("VmHWM:").unwrap_or(f64::NAN));
        rows = written[0];

        let mut file = Vec::with_capacity(bytes);
        let started = Instant::now();
        let table = results_tables::tables(&prepared, &[ResultTable::Statements]).pop().context("a table")?;
        let csv_rows = csv::write_table(table, CsvDialect::SwedishExcel, &mut file)?;
        csvs.push(started.elapsed());
        ensure!(csv_rows == rows, "the CSV has {csv_rows} rows, the workbook {rows}");
        bytes = file.len();

        let started = Instant::now();
        let mut out = std::fs::File::create(dir.path().join("ceiling.csv"))?;
        out.write_all(&file)?;
        out.flush()?;
        ceilings.push(started.elapsed());

        let started = Instant::now();
        let deck = app::api::presentation::load::deck(&state, &caller, &query, false).await.map_err(fail)?;
        decks.push(started.elapsed());
        ensure!(!deck.slides.is_empty(), "the deck has slides");
    }
    let (preparing, workbook, csv_time, ceiling, deck) =
        (median(&mut preparing), median(&mut workbooks), median(&mut csvs), median(&mut ceilings), median(&mut decks));
    let csv_rate = rows as f64 / csv_time.as_secs_f64();
    println!("Unit × statement rows: {rows}; CSV {:.1} MB", bytes as f64 / 1e6);
    println!("Loading what the tables need (prepare)   median {:>8.1} ms", preparing.as_secs_f64() * 1e3);
    println!(
        "Workbook, every table (XLSX)            median {:>8.1} ms   peak resident {peak:.0} MB, {before:.0} MB before it",
        workbook.as_secs_f64() * 1e3
    );
    println!(
        "CSV, unit × statement (Swedish Excel)   median {:>8.1} ms   {:>9.0} rows/s",
        csv_time.as_secs_f64() * 1e3,
        csv_rate
    );
    println!(
        "Ceiling: the same bytes to a file       median {:>8.1} ms   {:>9.0} rows/s",
        ceiling.as_secs_f64() * 1e3,
        rows as f64 / ceiling.as_secs_f64()
    );
    println!("Board presentation of the city (deck)   median {:>8.1} ms", deck.as_secs_f64() * 1e3);
    println!("A process that only opens the database and makes the workbook: peak resident {process_peak:.0} MB");
    let checks = [
        ("workbook ≤ 2 s (prepare included)", preparing + workbook <= Duration::from_secs(2)),
        ("workbook's own memory ≤ 100 MB (peak less what the process held before)", peak - before <= 100.0),
        ("a process making the workbook peaks at ≤ 100 MB", process_peak <= 100.0),
        ("CSV ≥ 200,000 rows/s", csv_rate >= 200_000.0),
        ("deck ≤ 50 ms", deck <= Duration::from_millis(50)),
    ];
    for (what, met) in checks {
        println!("Requirement {what}: {}", if met { "met" } else { "NOT met" });
    }
    Ok(checks.iter().all(|(_, met)| *met))
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
            eprintln!("exports failed: {error:#}");
            ExitCode::FAILURE
        }
    }
}
