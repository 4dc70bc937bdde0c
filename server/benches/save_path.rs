//! The assessment save path under load: many editors saving as fast as they can into one
//! SQLite file (WAL, `BEGIN IMMEDIATE`, busy timeout), through the real
//! `app::db::assessments::save`.
//!
//! Each unit has `--editors-per-unit` editors (default 2), so editors of the same unit save
//! into the same assessment and their saves merge; each editor changes only the
//! motivations it owns, so no save should ever conflict. Every assessment starts complete
//! (every statement rated and motivated), and each save sends the whole form with the
//! fingerprint of every field, as the page does; one motivation is new in each save.
//!
//! Afterwards the saves are counted back from the database: the audit entries of every
//! editor, the sum of the versions, and each editor's last value of every field it wrote.
//! Exits non-zero if any save failed (SQLITE_BUSY/LOCKED, pool timeout, anything else),
//! conflicted, or is missing from the database; never because of speed.
//!
//! ```text
//! cargo bench -p server --bench save_path -- --editors 100 --seconds 30
//! ```
//!
//! `--mode phases` times the steps of the same transaction separately (waiting for a pooled
//! connection, waiting for the write lock, the work, the commit); `--mode single-writer`
//! runs the same steps on a separate pool of one connection for writes, and
//! `--mode write-turn` on the app's pool after a first-come-first-served in-process lock.

use anyhow::{Context, ensure};
use app::db::assessments::{SaveError, SaveOutcome, Target, save, save_in};
use app::db::audit::ChangeContext;
use app::db::error::DbError;
use app::db::org::{NewNode, insert_node};
use app::db::rounds::NewRound;
use app::db::{self, Pool};
use app::domain::answers::{Answers, TextField};
use app::domain::changes::AnswerField;
use app::domain::fingerprint::fingerprint;
use app::domain::framework::Framework;
use app::domain::ids::{NodeId, RoundId, UserId};
use app::domain::keys::StatementKey;
use app::domain::level::{Level, Rating};
use app::domain::merge::{Edit, edits_setting};
use app::domain::org::OrgKind;
use app::domain::raw_answers::Intent;
use app::domain::rights::Role;
use app::domain::round::RoundStatus;
use chrono::NaiveDate;
use clap::{Parser, ValueEnum};
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};
use std::collections::{BTreeMap, HashMap};
use std::process::ExitCode;
use std::str::FromStr;
use std::sync::Arc;
use std::time::{Duration, Instant};

#[derive(Parser, Debug)]
#[command(about = "Benchmark of the assessment save path on SQLite")]
struct Args {
    /// Concurrent editors.
    #[arg(long, env = "SAVE_BENCH_EDITORS", default_value_t = 100)]
    editors: usize,
    /// How long the editors save, in seconds.
    #[arg(long, env = "SAVE_BENCH_SECONDS", default_value_t = 30.0)]
    seconds: f64,
    /// Editors sharing one unit's assessment (their saves merge).
    #[arg(long, env = "SAVE_BENCH_EDITORS_PER_UNIT", default_value_t = 2)]
    editors_per_unit: usize,
    /// Offered load in saves per second over all editors (each editor paced evenly);
    /// 0 = every editor saves again as soon as its previous save returns.
    #[arg(long, env = "SAVE_BENCH_RATE", default_value_t = 0.0)]
    rate: f64,
    /// What each save sends.
    #[arg(long, value_enum, default_value_t = Edits::Form)]
    edits: Edits,
    /// Start from empty assessments instead of complete ones.
    #[arg(long)]
    empty: bool,
    /// Tokio worker threads (default: one per core).
    #[arg(long)]
    threads: Option<usize>,
    /// What runs each save.
    #[arg(long, value_enum, default_value_t = Mode::App)]
    mode: Mode,
    /// Keep the database file and print its path.
    #[arg(long)]
    keep: bool,
    /// Passed by `cargo bench`; ignored.
    #[arg(long, hide = true)]
    bench: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum Mode {
    /// `app::db::assessments::save` on the pool `connect_and_migrate` returns, unchanged.
    App,
    /// The same transaction on the same pool, with each step timed.
    Phases,
    /// The same timed transaction on a separate write pool of one connection.
    SingleWriter,
    /// The same timed transaction on the app's pool, after taking this process's turn to
    /// write from a first-come-first-served lock (`tokio::sync::Mutex`).
    WriteTurn,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum Edits {
    /// The whole form, every field with the fingerprint it started from, as the page sends it.
    Form,
    /// Only the changed field.
    Field,
}

/// Everything the editors share.
struct World {
    pool: Pool,
    /// The pool saves go through: the app's pool, or in `single-writer` mode a separate one.
    writer: Pool,
    framework: Framework,
    round: RoundId,
    keys: Vec<StatementKey>,
    /// Every field of the form: statement `i`'s rating at `2 * i`, its motivation at
    /// `2 * i + 1`, then each dimension's strengths and improvements.
    form: Vec<AnswerField>,
    /// What the form shows when the editors open it.
    initial: Vec<Option<String>>,
    mode: Mode,
    edits: Edits,
}

/// One editor: a user with a unit and the motivations it owns.
struct Editor {
    index: usize,
    user: UserId,
    unit: NodeId,
    /// The statements whose motivations this editor writes (indexes into `World::keys`).
    fields: Vec<usize>,
}

/// What happened to one editor's saves.
#[derive(Default)]
struct EditorStats {
    /// (ms since start when the save returned, latency in µs) of every successful save.
    latencies: Vec<(u32, u32)>,
    /// Per successful save: µs waiting for a connection, for the write lock, working, committing.
    phases: Vec<[u32; 4]>,
    saves: u64,
    changed_saves: u64,
    changed_fields: u64,
    conflicts: u64,
    busy: u64,
    pool_timeouts: u64,
    other: u64,
    error_samples: Vec<String>,
    /// The value this editor last stored in each of its fields (by statement index).
    last: BTreeMap<usize, String>,
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid date")
}

/// A motivation of realistic length (about 250 characters), unique per editor and save.
fn motivation_text(editor: usize, save: u64) -> String {
    format!(
        "Redaktör {editor}, sparning {save}: vi följer upp detta på varje arbetsplatsträff och i den årliga \
         brukarenkäten. Resultaten redovisas för nämnden och åtgärder dokumenteras i verksamhetsplanen, \
         med ansvarig och datum för uppföljning."
    )
}

fn level(value: u8) -> Rating {
    Rating::Level(Level::parse(value).expect("level 1-5"))
}

/// Fresh database with the default framework, one city, `units` units, an open round and
/// one unit manager per editor.
async fn build_world(args: &Args, url: &str) -> anyhow::Result<(World, Vec<Editor>)> {
    let pool = db::pool::connect_and_migrate(url).await?;
    let (key, framework) = server::seed::framework_file::parse(server::seed::framework_file::DEFAULT_FRAMEWORK)?;
    let units = args.editors.div_ceil(args.editors_per_unit);
    let from = date(2015, 1, 1);
    let node = |kind, name, parent| NewNode { kind, name, parent, valid_from: from, valid_to: None };

    let mut tx = db::pool::begin_write(&pool).await?;
    let city = insert_node(&mut tx, &node(OrgKind::City, "Bänkstad", None)).await?;
    let administration =
        insert_node(&mut tx, &node(OrgKind::DistrictAdministration, "Bänk stadsdelsförvaltning", Some(city))).await?;
    let department =
        insert_node(&mut tx, &node(OrgKind::Department, "Avdelningen för mätning", Some(administration))).await?;
    let mut unit_ids = Vec::with_capacity(units);
    for number in 0..units {
        let name = format!("Enhet {number}");
        let unit =
            NewNode { kind: OrgKind::Unit, name: &name, parent: Some(department), valid_from: from, valid_to: None };
        unit_ids.push(insert_node(&mut tx, &unit).await?);
    }
    let version = db::framework::insert(&mut tx, &key, &framework).await?;
    let round = db::rounds::insert(
        &mut tx,
        &NewRound {
            name: "Självskattning bänk",
            framework_version: version,
            root: city,
            opens_on: date(2020, 1, 1),
            closes_on: date(2099, 12, 31),
            status: RoundStatus::Open,
        },
    )
    .await?;
    let seeder = db::users::upsert(&mut tx, "seeder@bench.example", "Seeder", None).await?;
    db::users::grant(&mut tx, seeder, city, Role::QualityDepartment).await?;

    let keys: Vec<StatementKey> = framework
        .dimensions
        .iter()
        .flat_map(|dimension| dimension.statements.iter().map(|statement| statement.key.clone()))
        .collect();
    // Each editor of a unit needs a motivation of its own.
    ensure!(
        keys.len() >= args.editors_per_unit.min(args.editors),
        "{} editors per unit, but the framework has only {} statements",
        args.editors_per_unit,
        keys.len()
    );

    let mut editors = Vec::with_capacity(args.editors);
    for index in 0..args.editors {
        let unit = unit_ids[index / args.editors_per_unit];
        let slot = index % args.editors_per_unit;
        let email = format!("redaktor{index}@bench.example");
        let user = db::users::upsert(&mut tx, &email, &format!("Redaktör {index}"), None).await?;
        db::users::grant(&mut tx, user, unit, Role::UnitManager).await?;
        let fields = (slot..keys.len()).step_by(args.editors_per_unit).collect();
        editors.push(Editor { index, user, unit, fields });
    }
    tx.commit().await?;
    let framework = db::framework::load(&pool, version).await?.context("framework just stored")?;

    // Every assessment starts complete, as in the last weeks of a round.
    if !args.empty {
        let context = ChangeContext { actor: seeder, request_id: None, at: chrono::Utc::now() };
        for &unit in &unit_ids {
            let mut answers = Answers::default();
            for (number, key) in keys.iter().enumerate() {
                answers.ratings.insert(key.clone(), level(1 + (number % 5) as u8));
                answers.texts.insert(TextField::Motivation(key.clone()), motivation_text(usize::MAX, 0));
            }
            let target = Target { round, unit, framework: &framework };
            save(&pool, &context, target, 0, &edits_setting(&answers), Intent::Save).await?;
        }
    }

    let writer = match args.mode {
        Mode::App | Mode::Phases | Mode::WriteTurn => pool.clone(),
        Mode::SingleWriter => single_writer_pool(url).await?,
    };
    let mut form = Vec::new();
    let mut initial = Vec::new();
    for (number, key) in keys.iter().enumerate() {
        form.push(AnswerField::Rating(key.clone()));
        initial.push((!args.empty).then(|| level(1 + (number % 5) as u8).form_value()));
        form.push(AnswerField::Text(TextField::Motivation(key.clone())));
        initial.push((!args.empty).then(|| motivation_text(usize::MAX, 0)));
    }
    for dimension in &framework.dimensions {
        for field in [TextField::Strengths(dimension.key.clone()), TextField::Improvements(dimension.key.clone())] {
            form.push(AnswerField::Text(field));
            initial.push(None);
        }
    }
    Ok((World { pool, writer, framework, round, keys, form, initial, mode: args.mode, edits: args.edits }, editors))
}

/// The options of `app::db::pool::connect`, with one connection: every writer queues in
/// the pool (first come, first served) instead of polling SQLite's busy handler.
async fn single_writer_pool(url: &str) -> Result<Pool, sqlx::Error> {
    let options = SqliteConnectOptions::from_str(url)?
        .journal_mode(SqliteJournalMode::Wal)
        .synchronous(SqliteSynchronous::Normal)
        .busy_timeout(Duration::from_secs(10))
        .foreign_keys(true);
    Ok(Pool::Sqlite(
        SqlitePoolOptions::new()
            .max_connections(1)
            .acquire_timeout(Duration::from_secs(30))
            .connect_with(options)
            .await?,
    ))
}

/// This process's turn to write, for `--mode write-turn`: tokio's mutex queues first come,
/// first served.
static WRITE_TURN: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());

/// `save`, split into its steps with each one timed.
async fn timed_save(
    pool: &Pool,
    context: &ChangeContext,
    target: Target<'_>,
    base_version: i64,
    edits: &[Edit],
) -> Result<(SaveOutcome, [u32; 4]), SaveError> {
    let micros = |from: Instant| u32::try_from(from.elapsed().as_micros()).unwrap_or(u32::MAX);
    let start = Instant::now();
    let app::db::Conn::Sqlite(conn) = pool.acquire().await? else { unreachable!("the bench runs on SQLite") };
    let acquired = micros(start);
    let start = Instant::now();
    let mut tx = app::db::Conn::SqliteTx(sqlx::Transaction::begin(conn, Some("BEGIN IMMEDIATE".into())).await?);
    let locked = micros(start);
    let start = Instant::now();
    let outcome = save_in(&mut tx, context, target, base_version, edits, Intent::Save).await?;
    let worked = micros(start);
    let start = Instant::now();
    if let app::db::Conn::SqliteTx(tx) = tx {
        tx.commit().await?;
    }
    let committed = micros(start);
    Ok((outcome, [acquired, locked, worked, committed]))
}

enum Failure {
    Busy,
    PoolTimeout,
    Other,
}

fn classify(error: &SaveError) -> Failure {
    match error {
        SaveError::Database(DbError::Sqlx(sqlx::Error::Database(database))) => {
            // Extended result codes: the primary code is the low byte (5 BUSY, 6 LOCKED).
            let code = database.code().and_then(|code| code.parse::<i32>().ok()).unwrap_or(0);
            if matches!(code & 0xff, 5 | 6) { Failure::Busy } else { Failure::Other }
        }
        SaveError::Database(DbError::Sqlx(sqlx::Error::PoolTimedOut)) => Failure::PoolTimeout,
        _ => Failure::Other,
    }
}

async fn run_editor(
    world: Arc<World>,
    editor: Editor,
    start: Instant,
    deadline: Instant,
    interval: Option<Duration>,
) -> EditorStats {
    let mut stats = EditorStats::default();
    let target = Target { round: world.round, unit: editor.unit, framework: &world.framework };
    // What the editor's page shows: every field as loaded or last saved, and the version.
    let mut shown = world.initial.clone();
    let mut base_version = 0;
    let mut number = 0u64;
    // Spread the paced editors' first saves over one interval.
    let mut next =
        start + interval.map_or(Duration::ZERO, |interval| interval.mul_f64(editor.index as f64 / 97.0 % 1.0));
    loop {
        if let Some(interval) = interval {
            tokio::time::sleep_until(next.into()).await;
            next += interval;
        }
        if Instant::now() >= deadline {
            break;
        }
        number += 1;
        let field = editor.fields[(number as usize) % editor.fields.len()];
        let position = 2 * field + 1;
        let value = motivation_text(editor.index, number);
        let edit = |at: usize, new: Option<String>| Edit {
            field: world.form[at].clone(),
            new,
            base: Some(fingerprint(shown[at].as_deref())),
        };
        let edits: Vec<Edit> = match world.edits {
            Edits::Field => vec![edit(position, Some(value.clone()))],
            Edits::Form => (0..world.form.len())
                .map(|at| edit(at, if at == position { Some(value.clone()) } else { shown[at].clone() }))
                .collect(),
        };
        let context = ChangeContext {
            actor: editor.user,
            request_id: Some(format!("bench-{}-{number}", editor.index)),
            at: chrono::Utc::now(),
        };
        let began = Instant::now();
        let result = match world.mode {
            Mode::App => save(&world.writer, &context, target, base_version, &edits, Intent::Save)
                .await
                .map(|outcome| (outcome, None)),
            Mode::WriteTurn => {
                let _turn = WRITE_TURN.lock().await;
                let waited = u32::try_from(began.elapsed().as_micros()).unwrap_or(u32::MAX);
                timed_save(&world.writer, &context, target, base_version, &edits).await.map(|(outcome, mut phases)| {
                    phases[0] = phases[0].saturating_add(waited);
                    (outcome, Some(phases))
                })
            }
            Mode::Phases | Mode::SingleWriter => {
                timed_save(&world.writer, &context, target, base_version, &edits).await.map(|(o, p)| (o, Some(p)))
            }
        };
        let latency = began.elapsed();
        match result {
            Ok((outcome, phases)) => {
                stats.saves += 1;
                stats.latencies.push((
                    u32::try_from(began.duration_since(start).as_millis() + latency.as_millis()).unwrap_or(u32::MAX),
                    u32::try_from(latency.as_micros()).unwrap_or(u32::MAX),
                ));
                stats.phases.extend(phases);
                if !outcome.conflicts.is_empty() {
                    stats.conflicts += outcome.conflicts.len() as u64;
                    if stats.error_samples.len() < 3 {
                        stats.error_samples.push(format!("conflict: {:?}", outcome.conflicts));
                    }
                }
                if outcome.changed > 0 {
                    stats.changed_saves += 1;
                    stats.changed_fields += outcome.changed as u64;
                    shown[position] = Some(value.clone());
                    stats.last.insert(field, value);
                }
                base_version = outcome.version;
            }
            Err(error) => {
                match classify(&error) {
                    Failure::Busy => stats.busy += 1,
                    Failure::PoolTimeout => stats.pool_timeouts += 1,
                    Failure::Other => stats.other += 1,
                }
                if stats.error_samples.len() < 3 {
                    stats.error_samples.push(error.to_string());
                }
                // Never retried: the editor reloads what is stored, as the page would, and goes on.
                if let Ok(Some(record)) = db::assessments::find(&world.pool, world.round, editor.unit).await
                    && let Ok(answers) = db::answers::load_answers(&world.pool, record.id).await
                {
                    base_version = record.version;
                    for (field, value) in world.form.iter().zip(shown.iter_mut()) {
                        *value = field.value_in(&answers);
                    }
                }
            }
        }
    }
    stats
}

/// The `fraction` quantile of sorted values.
fn quantile(sorted: &[u32], fraction: f64) -> u32 {
    if sorted.is_empty() {
        return 0;
    }
    let rank = ((sorted.len() as f64) * fraction).ceil() as usize;
    sorted[rank.clamp(1, sorted.len()) - 1]
}

fn ms(micros: u32) -> String {
    format!("{:.2} ms", f64::from(micros) / 1000.0)
}

/// What the database holds before the editors start, to count their saves back from.
struct Baseline {
    version_sum: i64,
    field_events: i64,
}

async fn baseline(pool: &Pool, round: RoundId) -> Result<Baseline, sqlx::Error> {
    let version_sum: Option<i64> =
        app::db::sql::query_scalar("SELECT SUM(version) FROM assessment WHERE round_id = $1")
            .bind(round.0)
            .fetch_one(pool)
            .await?;
    let field_events: i64 =
        app::db::sql::query_scalar("SELECT COUNT(*) FROM audit_event WHERE action = 'field_changed'")
            .fetch_one(pool)
            .await?;
    Ok(Baseline { version_sum: version_sum.unwrap_or(0), field_events })
}

async fn bench(args: Args) -> anyhow::Result<bool> {
    ensure!(args.editors > 0 && args.editors_per_unit > 0, "need at least one editor and one editor per unit");
    ensure!(args.seconds > 0.0, "--seconds must be positive");
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("bench.db");
    let url = format!("sqlite://{}", path.display());
    let setup = Instant::now();
    let (world, editors) = build_world(&args, &url).await.context("setting up the database")?;
    let world = Arc::new(world);
    let before = baseline(&world.pool, world.round).await?;
    println!(
        "Set up {} units, {} editors, {} statements in {:.1} s ({}); saving for {} s, mode {:?}, edits {:?}{}…",
        args.editors.div_ceil(args.editors_per_unit),
        args.editors,
        world.keys.len(),
        setup.elapsed().as_secs_f64(),
        if args.empty { "empty assessments" } else { "complete assessments" },
        args.seconds,
        args.mode,
        args.edits,
        if args.rate > 0.0 { format!(", offered load {} saves/s", args.rate) } else { String::new() },
    );

    let load_before = load_average();
    let cpu_before = process_cpu_seconds();
    let interval = (args.rate > 0.0).then(|| Duration::from_secs_f64(args.editors as f64 / args.rate));
    let start = Instant::now();
    let deadline = start + Duration::from_secs_f64(args.seconds);
    let owners: Vec<(UserId, NodeId)> = editors.iter().map(|editor| (editor.user, editor.unit)).collect();
    let tasks: Vec<_> = editors
        .into_iter()
        .map(|editor| tokio::spawn(run_editor(Arc::clone(&world), editor, start, deadline, interval)))
        .collect();
    let mut all = Vec::with_capacity(tasks.len());
    for task in tasks {
        all.push(task.await?);
    }
    let elapsed = start.elapsed().as_secs_f64();
    let cpu = process_cpu_seconds().zip(cpu_before).map(|(after, before)| after - before);
    let load_after = load_average();

    // Count everything back from the database.
    let after = baseline(&world.pool, world.round).await?;
    let saves: u64 = all.iter().map(|stats| stats.saves).sum();
    let changed_saves: u64 = all.iter().map(|stats| stats.changed_saves).sum();
    let changed_fields: u64 = all.iter().map(|stats| stats.changed_fields).sum();
    let busy: u64 = all.iter().map(|stats| stats.busy).sum();
    let pool_timeouts: u64 = all.iter().map(|stats| stats.pool_timeouts).sum();
    let other: u64 = all.iter().map(|stats| stats.other).sum();
    let conflicts: u64 = all.iter().map(|stats| stats.conflicts).sum();

    let per_actor: HashMap<i64, i64> = app::db::sql::query_as::<(i64, i64)>(
        "SELECT actor_id, COUNT(*) FROM audit_event WHERE action = 'field_changed' AND actor_id IS NOT NULL GROUP BY actor_id",
    )
    .fetch_all(&world.pool)
    .await?
    .into_iter()
    .collect();
    let stored: HashMap<(i64, String), String> = app::db::sql::query_as::<(i64, String, String)>(
        "SELECT a.unit_id, t.subject_key, t.body FROM text_answer t JOIN assessment a ON a.id = t.assessment_id
         WHERE a.round_id = $1 AND t.field = 'motivation'",
    )
    .bind(world.round.0)
    .fetch_all(&world.pool)
    .await?
    .into_iter()
    .map(|(unit, key, body)| ((unit, key), body))
    .collect();

    let mut lost = 0u64;
    let mut extra = 0u64;
    let mut wrong_values = 0u64;
    for ((user, unit), stats) in owners.iter().zip(&all) {
        let found = per_actor.get(&user.0).copied().unwrap_or(0);
        let expected = i64::try_from(stats.changed_fields)?;
        lost += u64::try_from((expected - found).max(0))?;
        extra += u64::try_from((found - expected).max(0))?;
        for (&field, value) in &stats.last {
            if stored.get(&(unit.0, world.keys[field].to_string())) != Some(value) {
                wrong_values += 1;
            }
        }
    }
    let version_delta = after.version_sum - before.version_sum;
    let event_delta = after.field_events - before.field_events;

    let mut latencies: Vec<u32> =
        all.iter().flat_map(|stats| stats.latencies.iter().map(|&(_, micros)| micros)).collect();
    latencies.sort_unstable();
    let mut per_second: BTreeMap<u32, u64> = BTreeMap::new();
    for stats in &all {
        for &(at_ms, _) in &stats.latencies {
            *per_second.entry(at_ms / 1000).or_default() += 1;
        }
    }
    let full_seconds: Vec<u64> =
        per_second.iter().filter(|&(&second, _)| f64::from(second + 1) <= args.seconds).map(|(_, &n)| n).collect();

    println!();
    println!("Save path benchmark ({:?} mode, {:?} edits)", args.mode, args.edits);
    println!(
        "  editors            {} ({} per unit, {} units)",
        args.editors,
        args.editors_per_unit,
        args.editors.div_ceil(args.editors_per_unit)
    );
    println!("  duration           {elapsed:.1} s");
    println!("  saves              {saves} ({changed_saves} with changes, {changed_fields} fields changed)");
    println!("  saves/s            {:.0}", saves as f64 / elapsed);
    if let (Some(low), Some(high)) = (full_seconds.iter().min(), full_seconds.iter().max()) {
        println!("  saves/s by second  {low} min, {high} max");
    }
    println!(
        "  latency            p50 {}, p90 {}, p99 {}, p99.9 {}, max {}",
        ms(quantile(&latencies, 0.50)),
        ms(quantile(&latencies, 0.90)),
        ms(quantile(&latencies, 0.99)),
        ms(quantile(&latencies, 0.999)),
        ms(latencies.last().copied().unwrap_or(0))
    );
    let phases: Vec<[u32; 4]> = all.iter().flat_map(|stats| stats.phases.iter().copied()).collect();
    if !phases.is_empty() {
        for (index, name) in ["waiting for connection/turn", "waiting for the write lock", "work (save_in)", "commit"]
            .into_iter()
            .enumerate()
        {
            let mut values: Vec<u32> = phases.iter().map(|phase| phase[index]).collect();
            values.sort_unstable();
            let mean = values.iter().map(|&v| u64::from(v)).sum::<u64>() / values.len() as u64;
            println!(
                "    {name:<28} mean {}, p50 {}, p99 {}, max {}",
                ms(u32::try_from(mean).unwrap_or(u32::MAX)),
                ms(quantile(&values, 0.5)),
                ms(quantile(&values, 0.99)),
                ms(values.last().copied().unwrap_or(0))
            );
        }
    }
    if let Some(cpu) = cpu {
        println!(
            "  CPU of this process {:.1} s ({:.2} ms per save, {:.0}% of {} cores)",
            cpu,
            cpu * 1000.0 / saves.max(1) as f64,
            100.0 * cpu / elapsed / cores() as f64,
            cores()
        );
    }
    if let (Some(before), Some(after)) = (load_before, load_after) {
        println!("  load average       {before:.2} before, {after:.2} after (other processes compete for the cores)");
    }
    println!("  busy errors        {busy}");
    println!("  pool timeouts      {pool_timeouts}");
    println!("  other errors       {other}");
    println!("  conflicts          {conflicts}");
    println!("  lost saves         {lost}  (audit entries missing per editor)");
    if extra > 0 {
        println!("  unexpected entries {extra}");
    }
    println!("  wrong last values  {wrong_values}");
    println!(
        "  counted back       versions +{version_delta} (expected +{changed_saves}), field audit entries +{event_delta} (expected +{changed_fields})"
    );
    for sample in all.iter().flat_map(|stats| &stats.error_samples).take(5) {
        println!("  e.g. {sample}");
    }
    if args.keep {
        let kept = dir.keep();
        println!("  database kept at   {}", kept.join("bench.db").display());
    }

    let ok = busy == 0
        && pool_timeouts == 0
        && other == 0
        && conflicts == 0
        && lost == 0
        && extra == 0
        && wrong_values == 0
        && version_delta == i64::try_from(changed_saves)?
        && event_delta == i64::try_from(changed_fields)?
        && saves > 0;
    println!("  result             {}", if ok { "OK: every save stored exactly once" } else { "FAILED" });
    Ok(ok)
}

/// The 1-minute load average of the machine (Linux), to tell a busy machine from a slow save.
fn load_average() -> Option<f64> {
    std::fs::read_to_string("/proc/loadavg").ok()?.split_whitespace().next()?.parse().ok()
}

/// User plus system CPU time of this process so far (Linux; clock ticks of 1/100 s).
fn process_cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // The fields after the command name (which may hold spaces): utime and stime are the
    // 12th and 13th of them.
    let mut fields = stat.rsplit_once(')')?.1.split_whitespace().skip(11);
    let user: f64 = fields.next()?.parse().ok()?;
    let system: f64 = fields.next()?.parse().ok()?;
    Some((user + system) / 100.0)
}

fn cores() -> usize {
    std::thread::available_parallelism().map_or(1, usize::from)
}

fn main() -> ExitCode {
    let args = Args::parse();
    let mut runtime = tokio::runtime::Builder::new_multi_thread();
    if let Some(threads) = args.threads {
        runtime.worker_threads(threads);
    }
    let runtime = match runtime.enable_all().build() {
        Ok(runtime) => runtime,
        Err(error) => {
            eprintln!("save_path: cannot start the runtime: {error}");
            return ExitCode::FAILURE;
        }
    };
    match runtime.block_on(bench(args)) {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::FAILURE,
        Err(error) => {
            eprintln!("save_path: {error:#}");
            ExitCode::FAILURE
        }
    }
}
