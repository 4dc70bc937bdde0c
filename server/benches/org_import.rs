//! Importing the organisation from the HR register at a city's size: a generated file of
//! 3,000 units (with their förvaltningar and avdelningar, and a manager's e-mail on every
//! tenth unit) into an empty city, then next year's file (a tenth renamed, a twentieth moved,
//! a fiftieth gone). Each import is timed as the server does it: the dry run (the file read,
//! its lines kept for review and read back, the tree loaded and compared) and the application
//! (compared again and written in one transaction). Budgets: dry run ≤ 2 s, apply ≤ 5 s, on a
//! fresh SQLite file (release build, WAL); also prints the process's peak resident size.
//!
//! ```text
//! cargo bench -p server --bench org_import -- --units 3000
//! ```

use anyhow::{Context, bail};
use app::api::context::Caller;
use app::api::org_changes::access::Organiser;
use app::api::org_import::{OrgImportView, apply, kept, read};
use app::db::org::{NewNode, insert_node};
use app::db::{self, Pool};
use app::domain::day::Day;
use app::domain::ids::{NodeId, UserId};
use app::domain::org::OrgKind;
use app::domain::rights::{Role, RoleGrant};
use app::state::AppState;
use clap::Parser;
use leptos::config::LeptosOptions;
use std::fmt::Write;
use std::time::{Duration, Instant};

#[derive(Parser, Debug)]
#[command(about = "The HR register import of a city-sized file")]
struct Args {
    /// Units (enheter) in the file.
    #[arg(long, default_value_t = 3_000)]
    units: usize,
    /// Ignored: cargo bench passes it.
    #[arg(long, hide = true)]
    bench: bool,
}

const DRY_RUN_BUDGET: Duration = Duration::from_secs(2);
const APPLY_BUDGET: Duration = Duration::from_secs(5);

/// One year's register: 20 förvaltningar, 10 avdelningar each, the units spread over them.
/// `year` 1 renames every tenth unit, moves every twentieth to the next department and leaves
/// out every fiftieth.
fn register(units: usize, year: u8) -> String {
    let mut file = String::from("Id;Namn;Överordnad;Typ;Giltig från;Enhetschef\n");
    let from = if year == 0 { "2020-01-01" } else { "2024-01-01" };
    for administration in 0..20 {
        let _ = writeln!(file, "F{administration};Förvaltning {administration};;fackforvaltning;2020-01-01;");
        for department in 0..10 {
            let _ = writeln!(
                file,
                "F{administration}-A{department};Avdelning {department} i förvaltning {administration};F{administration};avdelning;2020-01-01;"
            );
        }
    }
    for unit in 0..units {
        if year == 1 && unit % 50 == 49 {
            continue;
        }
        let department = unit % 200;
        let department = if year == 1 && unit % 20 == 7 { (department + 1) % 200 } else { department };
        let name =
            if year == 1 && unit % 10 == 3 { format!("Enheten {unit} (nytt namn)") } else { format!("Enheten {unit}") };
        let manager = if unit % 10 == 0 { format!("chef{unit}@bench.example") } else { String::new() };
        let _ = writeln!(file, "E{unit};{name};F{}-A{};enhet;{from};{manager}", department / 10, department % 10);
    }
    file
}

/// The process's peak resident size in MB (Linux), if known.
fn peak_resident_mb() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|line| line.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

fn ms(duration: Duration) -> String {
    format!("{:.0} ms", duration.as_secs_f64() * 1000.0)
}

/// One import, timed: (dry run, apply) and the dry run's counts in words.
async fn import(organiser: &Organiser, bytes: &[u8], change_day: Day) -> anyhow::Result<(Duration, Duration, String)> {
    let owner = organiser.caller.id;
    let started = Instant::now();
    let lines = read::read_file(bytes).map_err(|problem| anyhow::anyhow!("file refused: {problem:?}"))?;
    let token = kept::keep_import(&organiser.pool, owner, &lines, change_day).await?;
    let Some(kept::KeptImport::Pending { lines, change_day }) = kept::import(&organiser.pool, owner, &token).await?
    else {
        bail!("the kept lines are gone")
    };
    let OrgImportView::Review { counts, diff, .. } = apply::review(organiser, &lines, change_day).await? else {
        bail!("not a review")
    };
    let dry_run = started.elapsed();
    if !diff.errors.is_empty() {
        bail!("refused lines: {:?}", &diff.errors[..diff.errors.len().min(3)]);
    }
    let started = Instant::now();
    let applied = apply::apply(organiser, &lines, change_day).await?.context("not applied")?;
    let applied_in = started.elapsed();
    let counts = format!(
        "{} lines: {} new, {} renamed, {} moved, {} closed, {} unchanged, {} managers ({} given)",
        counts.lines,
        counts.new,
        counts.renamed,
        counts.moved,
        counts.closed,
        counts.unchanged,
        counts.managers,
        applied.managers_given
    );
    Ok((dry_run, applied_in, counts))
}

async fn seed(pool: &Pool) -> anyhow::Result<(NodeId, UserId)> {
    let mut tx = db::pool::begin_write(pool).await?;
    let from = chrono::NaiveDate::from_ymd_opt(2015, 1, 1).context("a date")?;
    let city = NewNode { kind: OrgKind::City, name: "Stockholms stad", parent: None, valid_from: from, valid_to: None };
    let city = insert_node(&mut tx, &city).await?;
    let quality = db::users::upsert(&mut tx, "kvalitet@bench.example", "Kvalitet", None).await?;
    db::users::grant(&mut tx, quality, city, Role::QualityDepartment).await?;
    // Every tenth manager has an account.
    for unit in (0..10_000).step_by(100) {
        db::users::upsert(&mut tx, &format!("chef{unit}@bench.example"), &format!("Chef {unit}"), None).await?;
    }
    tx.commit().await?;
    Ok((city, quality))
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let args = Args::parse();
    let dir = tempfile::tempdir()?;
    let url = format!("sqlite://{}", dir.path().join("bench.db").display());
    let pool = db::pool::connect_and_migrate(&url).await?;
    let (city, quality) = seed(&pool).await?;
    let options = LeptosOptions::builder().output_name("mognad").site_root("target/site").build();
    let state = AppState::new(options, pool.clone(), false);
    let grants = vec![RoleGrant { role: Role::QualityDepartment, node: city }];
    let caller = Caller { id: quality, display_name: String::new(), email: String::new(), grants };
    let organiser = Organiser { state, pool: pool.clone(), caller, city };

    let mut over_budget = false;
    for (year, change_day) in [(0u8, "2020-01-01"), (1, "2024-01-01")] {
        let file = register(args.units, year);
        let change_day = Day::parse(change_day).context("a day")?;
        let (dry_run, applied, counts) = import(&organiser, file.as_bytes(), change_day).await?;
        let label = if year == 0 { "first import" } else { "next year's" };
        println!("{label}: {} kB, {counts}", file.len() / 1024);
        println!(
            "  dry run {} (budget {}), apply {} (budget {})",
            ms(dry_run),
            ms(DRY_RUN_BUDGET),
            ms(applied),
            ms(APPLY_BUDGET)
        );
        over_budget |= dry_run > DRY_RUN_BUDGET || applied > APPLY_BUDGET;
    }
    let nodes: i64 = app::db::sql::query_scalar("SELECT count(*) FROM org_node").fetch_one(&pool).await?;
    let versions: i64 = app::db::sql::query_scalar("SELECT count(*) FROM org_node_version").fetch_one(&pool).await?;
    println!("{nodes} organisations, {versions} versions stored");
    if let Some(peak) = peak_resident_mb() {
        println!("peak resident size {peak:.0} MB");
    }
    if over_budget && !cfg!(debug_assertions) {
        bail!("over budget");
    }
    Ok(())
}
