//! Reminders through the outbox transport: a fresh SQLite file with a city of `--units`
//! units (one manager each by default, `--managers-per-unit` for more), one reminder to all
//! of them made as the send endpoint makes it (plan, render, insert every message and log
//! it in one transaction), then sent by the app's background sender
//! (`app::api::reminders::sending::deliver`, `--parallel` senders) into a folder of `.eml`
//! files.
//!
//! It reports how long making the reminder took and the sending's throughput in
//! messages/s, then counts the files back: exactly one message per recipient, each to the
//! right address with the unit's own link, every message marked sent once in the
//! database; and a second run of the senders sends nothing. Exits non-zero if any check
//! fails, never because of speed.
//!
//! ```text
//! cargo bench -p server --bench reminders -- --units 2000
//! ```

use anyhow::{Context, ensure};
use app::api::context::Caller;
use app::api::reminders::audience::{message, plan};
use app::api::reminders::sending::{PARALLEL_SENDS, deliver};
use app::db::admin_log::{AdminEntry, append};
use app::db::audit::ChangeContext;
use app::db::org::{NewNode, insert_node};
use app::db::reminders::NewReminder;
use app::db::rounds::NewRound;
use app::db::{self, Pool};
use app::domain::admin_action::AdminAction;
use app::domain::ids::NodeId;
use app::domain::org::OrgKind;
use app::domain::reminder::ReminderTarget;
use app::domain::reminder_text::checked_text;
use app::domain::rights::{Role, RoleGrant};
use app::domain::round::RoundStatus;
use app::state::mailer::Mailer;
use chrono::NaiveDate;
use clap::Parser;
use std::collections::HashMap;
use std::process::ExitCode;
use std::time::Instant;

#[derive(Parser, Debug)]
#[command(about = "Benchmark of sending a reminder through the outbox transport")]
struct Args {
    /// Units in the city, each reminded.
    #[arg(long, env = "REMINDER_BENCH_UNITS", default_value_t = 2000)]
    units: usize,
    /// Managers of each unit (each gets one message per unit).
    #[arg(long, env = "REMINDER_BENCH_MANAGERS_PER_UNIT", default_value_t = 1)]
    managers_per_unit: usize,
    /// Senders working on the reminder at once.
    #[arg(long, env = "REMINDER_BENCH_PARALLEL", default_value_t = PARALLEL_SENDS)]
    parallel: usize,
    /// Keep the database and the outbox and print where they are.
    #[arg(long)]
    keep: bool,
    /// Passed by `cargo bench`; ignored.
    #[arg(long, hide = true)]
    bench: bool,
}

const BASE_URL: &str = "https://mognad.example";
const SUBJECT: &str = "Påminnelse: {omgång} – sista dag {sista_dag}";
const BODY: &str = "Hej {namn}!\n\n{enhet} i {förvaltning} har ännu inte skickat in sin självskattning i {omgång}. \
                    Sista dag är {sista_dag}.\n\nFyll i och skicka in här:\n{länk}\n\nVänliga hälsningar\nKvalitetsavdelningen";

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
}

/// An organisation in the tree since 2015.
fn node(kind: OrgKind, name: &str, parent: Option<NodeId>) -> NewNode<'_> {
    NewNode { kind, name, parent, valid_from: date(2015, 1, 1), valid_to: None }
}

/// The city: one administration, departments of 50 units, every unit with its managers.
/// Returns the quality department's caller, the round and each manager's address with
/// the unit they manage.
async fn city(
    pool: &Pool,
    args: &Args,
) -> anyhow::Result<(Caller, app::domain::ids::RoundId, HashMap<String, NodeId>)> {
    let (key, framework) = server::seed::framework_file::parse(server::seed::framework_file::DEFAULT_FRAMEWORK)?;
    let mut tx = db::pool::begin_write(pool).await?;
    let city = insert_node(&mut tx, &node(OrgKind::City, "Stockholms stad", None)).await?;
    let administration =
        insert_node(&mut tx, &node(OrgKind::DistrictAdministration, "Järva stadsdelsförvaltning", Some(city))).await?;
    let version = db::framework::insert(&mut tx, &key, &framework).await?;
    let round = db::rounds::insert(
        &mut tx,
        &NewRound {
            name: "Självskattning 2026",
            framework_version: version,
            root: city,
            opens_on: date(2020, 1, 1),
            closes_on: date(2099, 12, 31),
            status: RoundStatus::Open,
        },
    )
    .await?;
    let quality = db::users::upsert(&mut tx, "kvalitet@bench.example", "Kvalitet", None).await?;
    db::users::grant(&mut tx, quality, city, Role::QualityDepartment).await?;
    let mut managers = HashMap::new();
    let mut department = city;
    for number in 0..args.units {
        if number % 50 == 0 {
            let name = format!("Avdelning {}", number / 50 + 1);
            department = insert_node(&mut tx, &node(OrgKind::Department, &name, Some(administration))).await?;
        }
        let unit = insert_node(&mut tx, &node(OrgKind::Unit, &format!("Enhet {number}"), Some(department))).await?;
        for second in 0..args.managers_per_unit {
            let email = format!("chef{number}-{second}@bench.example");
            let user = db::users::upsert(&mut tx, &email, &format!("Chef {number} {second}"), None).await?;
            db::users::grant(&mut tx, user, unit, Role::UnitManager).await?;
            managers.insert(email, unit);
        }
    }
    tx.commit().await?;
    let caller = Caller {
        id: quality,
        display_name: "Kvalitet".into(),
        email: "kvalitet@bench.example".into(),
        grants: vec![RoleGrant { role: Role::QualityDepartment, node: city }],
    };
    Ok((caller, round, managers))
}

/// The `To` address and the body of an `.eml` file (the body decoded enough to find an
/// ASCII link: quoted-printable soft breaks joined).
fn address_and_body(raw: &str) -> Option<(String, String)> {
    let raw = raw.replace("\r\n", "\n");
    let (head, body) = raw.split_once("\n\n")?;
    let to = head.lines().find_map(|line| line.strip_prefix("To: "))?;
    let address = to.rsplit_once('<')?.1.trim_end_matches('>').to_owned();
    Some((address, body.replace("=\n", "")))
}

async fn bench(args: Args) -> anyhow::Result<bool> {
    let dir = tempfile::tempdir()?;
    let database = dir.path().join("reminders.db");
    let outbox = dir.path().join("outbox");
    let pool = db::pool::connect_and_migrate(&format!("sqlite://{}", database.display())).await?;
    let started = Instant::now();
    let (caller, round, managers) = city(&pool, &args).await?;
    println!(
        "City: {} units, {} manager(s) each ({:.1} s to build).",
        args.units,
        args.managers_per_unit,
        started.elapsed().as_secs_f64()
    );

    // Making the reminder, as the send endpoint does.
    let made = Instant::now();
    let planned =
        plan(&pool, &caller, round, ReminderTarget::Both, None).await.map_err(|error| anyhow::anyhow!("{error}"))?;
    let text = checked_text(SUBJECT, BODY).map_err(|problems| anyhow::anyhow!("{problems:?}"))?;
    let messages: Vec<_> = planned
        .audience
        .messages
        .iter()
        .map(|(unit, manager)| message(&planned.round, BASE_URL, &text, unit, manager))
        .collect();
    let context = ChangeContext { actor: caller.id, request_id: None, at: chrono::Utc::now() };
    let mut tx = db::pool::begin_write(&pool).await?;
    let new = NewReminder {
        idempotency_key: &uuid::Uuid::new_v4().to_string(),
        round,
        target: ReminderTarget::Both,
        administration: None,
        subject: &text.subject,
        body: &text.body,
        units: planned.audience.units,
        units_without_manager: planned.audience.units_without_manager.len(),
    };
    let reminder = db::reminders::insert(&mut tx, &context, &new, &messages).await?;
    let detail = format!("Påminnelse {reminder} till {} mottagare", messages.len());
    append(
        &mut tx,
        &context,
        &[AdminEntry { round: Some(round), detail: Some(&detail), ..AdminEntry::of(AdminAction::ReminderSent) }],
    )
    .await?;
    tx.commit().await?;
    let made = made.elapsed();
    println!(
        "Reminder made: {} messages in {:.0} ms (plan, render, insert, log).",
        messages.len(),
        made.as_secs_f64() * 1e3
    );

    // Sending.
    let mailer = Mailer::outbox(&outbox, "Mognad <noreply@mognad.test>")?;
    let sending = Instant::now();
    let delivered = deliver(&pool, &mailer, reminder, args.parallel).await?;
    let seconds = sending.elapsed().as_secs_f64();
    println!(
        "Sent: {} messages in {:.2} s with {} senders: {:.0} messages/s ({} failed). Load average {}.",
        delivered.sent,
        seconds,
        args.parallel,
        delivered.sent as f64 / seconds,
        delivered.failed,
        std::fs::read_to_string("/proc/loadavg")
            .ok()
            .and_then(|load| load.split_whitespace().next().map(str::to_owned))
            .unwrap_or_else(|| "?".into())
    );

    // A second run finds nothing to send.
    let again = deliver(&pool, &mailer, reminder, args.parallel).await?;

    // Counting back.
    let mut received: HashMap<String, usize> = HashMap::new();
    let mut wrong_link = 0;
    let mut files = 0;
    for entry in std::fs::read_dir(&outbox)? {
        let path = entry?.path();
        if path.extension().is_none_or(|extension| extension != "eml") {
            continue;
        }
        files += 1;
        let raw = std::fs::read_to_string(&path)?;
        let (address, body) = address_and_body(&raw).with_context(|| format!("{} unreadable", path.display()))?;
        let own_link = managers.get(&address).map(|unit| format!("{BASE_URL}/omgangar/{round}/enheter/{unit}"));
        if !own_link.is_some_and(|link| body.contains(&link)) {
            wrong_link += 1;
        }
        *received.entry(address).or_default() += 1;
    }
    let twice = received.values().filter(|count| **count > 1).count();
    let missing = managers.keys().filter(|address| !received.contains_key(*address)).count();
    let strangers = received.keys().filter(|address| !managers.contains_key(*address)).count();
    let (sent_once, other_rows): (i64, i64) = app::db::sql::query_as(
        "SELECT count(*) FILTER (WHERE status = 'sent' AND attempts = 1), count(*) FILTER (WHERE NOT (status = 'sent' AND attempts = 1))
         FROM reminder_recipient WHERE reminder_id = $1",
    )
    .bind(reminder.0)
    .fetch_one(&pool)
    .await?;
    println!(
        "Counted back: {files} .eml files for {} recipients; {} received exactly one, {twice} more than one, {missing} none, \
         {strangers} unknown addresses, {wrong_link} without their unit's link; database: {sent_once} sent once, {other_rows} \
         otherwise; a second run sent {}.",
        managers.len(),
        received.values().filter(|count| **count == 1).count(),
        again.sent
    );
    if args.keep {
        let kept = dir.keep();
        println!("Kept: {}", kept.display());
    }
    let expected = args.units * args.managers_per_unit;
    let checks = [
        (delivered.sent == expected && delivered.failed == 0, "every message sent"),
        (files == expected, "one file per message"),
        (twice == 0 && missing == 0 && strangers == 0, "each recipient exactly once"),
        (wrong_link == 0, "each message with its unit's own link"),
        (usize::try_from(sent_once).ok() == Some(expected) && other_rows == 0, "each row sent once"),
        (again.sent == 0, "a second run sends nothing"),
    ];
    let mut ok = true;
    for (passed, what) in checks {
        if !passed {
            eprintln!("reminders: FAILED: {what}");
            ok = false;
        }
    }
    ensure!(ok, "some checks failed");
    Ok(true)
}

fn main() -> ExitCode {
    let args = Args::parse();
    let runtime = match tokio::runtime::Builder::new_multi_thread().enable_all().build() {
        Ok(runtime) => runtime,
        Err(error) => {
            eprintln!("reminders: cannot start the runtime: {error}");
            return ExitCode::FAILURE;
        }
    };
    match runtime.block_on(bench(args)) {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::FAILURE,
        Err(error) => {
            eprintln!("reminders: {error:#}");
            ExitCode::FAILURE
        }
    }
}
