//! The deadline rush: the last afternoon of a round, against real servers over HTTP.
//!
//! Seeds a city of `--units` units into a fresh database (a SQLite file, or a new database on
//! the PostgreSQL server `--postgres` names), starts `--servers` release servers on it, and
//! signs in (sessions made in the store, as a sign-in makes them: no password hashing in
//! the way) `--managers` unit managers, one per unit that has not started, and `--readers`
//! people of the quality department. Then, for `--seconds`:
//!
//! - every manager saves a draft every `--save-every` milliseconds (first at a random offset),
//!   exactly as the form's autosave does: the whole form, every field's base fingerprint,
//!   the version it was loaded with; each save rates one more statement and writes its
//!   motivation, so every save changes the assessment;
//! - every reader opens the city's results (`/resultat`, compressed as Chromium and Edge ask)
//!   and reads for `--read-every` milliseconds before the next;
//! - the requests are spread over the servers in turn.
//!
//! Prints saves/s and page requests/s with p50/p99/max latency, the errors, and the saves
//! lost: every manager's last acknowledged save is compared with the database afterwards
//! (its version and every field it wrote). Exits non-zero if any request failed or any
//! acknowledged save is not in the database; never because of speed.
//!
//! ```text
//! cargo leptos build --release
//! cargo bench -p server --bench deadline_rush -- --managers 3000 --readers 200 --save-every 5000
//! cargo bench -p server --bench deadline_rush -- --postgres postgres://mognad@127.0.0.1:5432/postgres --servers 2
//! ```

use anyhow::{Context, bail, ensure};
use app::db::{self, Pool};
use app::domain::answers::{Answers, TextField};
use app::domain::changes::AnswerField;
use app::domain::fingerprint::fingerprint;
use app::domain::framework::Framework;
use app::domain::ids::FrameworkVersionId;
use app::domain::level::{Level, Rating};
use bytes::Bytes;
use clap::Parser;
use hdrhistogram::Histogram;
use http_body_util::{BodyExt, Full};
use hyper::Request;
use hyper_util::client::legacy::Client;
use hyper_util::client::legacy::connect::HttpConnector;
use hyper_util::rt::TokioExecutor;
use rand::{Rng, SeedableRng};
use sqlx::Connection;
use std::collections::HashMap;
use std::path::PathBuf;
use std::process::{Child, Command, ExitCode, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use tokio::task::JoinSet;
use tower_sessions::session::{Id, Record};
use tower_sessions::session_store::SessionStore;

#[derive(Parser, Debug)]
#[command(about = "The last afternoon of a round: saves and results pages under load")]
struct Args {
    /// The server binary (a release build); default: the workspace's `target/release/mognad`.
    #[arg(long, env = "MOGNAD_BIN")]
    bin: Option<PathBuf>,
    /// A PostgreSQL admin URL (`postgres://user@host:port/postgres`): the city goes into a new
    /// database there. Without it: a SQLite file.
    #[arg(long)]
    postgres: Option<String>,
    /// How many servers share the database.
    #[arg(long, default_value_t = 1)]
    servers: usize,
    /// Units in the seeded city: enough that `--managers` of them have a manager and have
    /// not started (the demo seed leaves some without a manager and starts many).
    #[arg(long, default_value_t = 8000)]
    units: usize,
    /// Unit managers saving.
    #[arg(long, default_value_t = 3000)]
    managers: usize,
    /// People reading the results.
    #[arg(long, default_value_t = 200)]
    readers: usize,
    /// Milliseconds between one manager's saves.
    #[arg(long, default_value_t = 5000)]
    save_every: u64,
    /// Milliseconds a reader reads before opening the results again.
    #[arg(long, default_value_t = 2000)]
    read_every: u64,
    /// Length of the rush, in seconds.
    #[arg(long, default_value_t = 60)]
    seconds: u64,
    /// Passed by `cargo bench`; ignored.
    #[arg(long, hide = true)]
    bench: bool,
}

type HttpClient = Client<HttpConnector, Full<Bytes>>;

/// The servers, stopped when dropped.
struct Servers(Vec<Child>);

impl Drop for Servers {
    fn drop(&mut self) {
        for child in &mut self.0 {
            let _ = child.kill();
            let _ = child.wait();
        }
    }
}

/// A manager's editor: the unit, its session, and what the server has acknowledged.
struct Editor {
    round: i64,
    unit: i64,
    cookie: String,
    version: i64,
    saved: Answers,
    saves: usize,
}

/// Latencies and failures of one kind of request.
struct Tally {
    latencies: Histogram<u64>,
    completed: u64,
    errors: u64,
    first_errors: Vec<String>,
}

impl Tally {
    fn new() -> anyhow::Result<Self> {
        Ok(Tally {
            latencies: Histogram::new_with_bounds(1, 120_000_000, 3)?,
            completed: 0,
            errors: 0,
            first_errors: Vec::new(),
        })
    }

    fn record(&mut self, outcome: Result<(), String>, latency: Duration) {
        match outcome {
            Ok(()) => {
                self.completed += 1;
                let micros = u64::try_from(latency.as_micros()).unwrap_or(u64::MAX).clamp(1, 120_000_000);
                let _ = self.latencies.record(micros);
            }
            Err(error) => {
                self.errors += 1;
                if self.first_errors.len() < 5 {
                    self.first_errors.push(error);
                }
            }
        }
    }

    fn report(&self, what: &str, seconds: f64) {
        let ms = |quantile: f64| self.latencies.value_at_quantile(quantile) as f64 / 1000.0;
        println!(
            "{what}: {} ok, {} errors = {:.0}/s; latency p50 {:.1} ms, p99 {:.1} ms, p99.9 {:.1} ms, max {:.1} ms",
            self.completed,
            self.errors,
            self.completed as f64 / seconds,
            ms(0.5),
            ms(0.99),
            ms(0.999),
            self.latencies.max() as f64 / 1000.0,
        );
        for error in &self.first_errors {
            println!("  e.g. {error}");
        }
    }
}

fn free_port() -> anyhow::Result<u16> {
    Ok(std::net::TcpListener::bind("127.0.0.1:0")?.local_addr()?.port())
}

/// A new empty database: its URL.
async fn new_database(args: &Args, dir: &tempfile::TempDir) -> anyhow::Result<String> {
    let Some(admin) = &args.postgres else {
        return Ok(format!("sqlite://{}", dir.path().join("rush.db").display()));
    };
    let name = format!("rush_{}", std::process::id());
    let mut conn = sqlx::PgConnection::connect(admin).await.context("connect to the PostgreSQL server")?;
    sqlx::query(&format!("CREATE DATABASE {name} TEMPLATE template0")).execute(&mut conn).await?;
    conn.close().await?;
    let (server, _) = admin.rsplit_once('/').context("an admin URL ends in /database")?;
    Ok(format!("{server}/{name}"))
}

fn mognad(bin: &std::path::Path, database: &str) -> Command {
    let mut command = Command::new(bin);
    command.env("MOGNAD_DATABASE_URL", database).env("RUST_LOG", "warn");
    command
}

async fn wait_until_up(client: &HttpClient, base: &str, server: &mut Child) -> anyhow::Result<()> {
    let started = Instant::now();
    while started.elapsed() < Duration::from_secs(300) {
        if let Some(status) = server.try_wait()? {
            bail!("a server stopped: {status}");
        }
        let request = Request::get(format!("{base}/readyz")).body(Full::new(Bytes::new()))?;
        if client.request(request).await.is_ok_and(|response| response.status() == 200) {
            return Ok(());
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    bail!("a server did not come up in 5 minutes")
}

/// A signed-in session for `user`, made in the store as a sign-in makes it; its cookie.
async fn session_for(store: &server::session_store::Store, user: i64) -> anyhow::Result<String> {
    let now = chrono::Utc::now().timestamp();
    let mut record = Record {
        id: Id::default(),
        data: HashMap::from([
            (app::api::context::SESSION_USER_KEY.to_owned(), serde_json::json!(user)),
            (app::api::context::SESSION_SIGNED_IN_AT_KEY.to_owned(), serde_json::json!(now)),
        ]),
        expiry_date: tower_sessions::cookie::time::OffsetDateTime::now_utc()
            + tower_sessions::cookie::time::Duration::hours(8),
    };
    store.create(&mut record).await.map_err(|error| anyhow::anyhow!("create a session: {error}"))?;
    Ok(format!("{}={}", server::sessions::COOKIE_NAME, record.id))
}

/// The form as the page's autosave sends it: every field, every base.
fn form_body(framework: &Framework, editor: &Editor, now: &Answers) -> String {
    let mut form = url::form_urlencoded::Serializer::new(String::new());
    form.append_pair("form[round_id]", &editor.round.to_string())
        .append_pair("form[unit_id]", &editor.unit.to_string())
        .append_pair("form[base_version]", &editor.version.to_string())
        .append_pair("form[intent]", "save");
    for field in AnswerField::all_of(framework) {
        let value = field.value_in(now);
        match &field {
            AnswerField::Rating(key) => {
                if let Some(value) = &value {
                    form.append_pair(&format!("form[rating][{key}]"), value);
                }
            }
            AnswerField::Text(text) => {
                let name = format!("form[{}][{}]", text.kind(), text.subject());
                form.append_pair(&name, value.as_deref().unwrap_or_default());
            }
        }
        form.append_pair(&format!("form[base][{field}]"), &fingerprint(field.value_in(&editor.saved).as_deref()));
    }
    form.finish()
}

/// The answers after the editor's next save: one more statement rated and motivated.
fn next_answers(framework: &Framework, editor: &Editor) -> Answers {
    let statements: Vec<_> = framework.dimensions.iter().flat_map(|dimension| &dimension.statements).collect();
    let statement = statements[editor.saves % statements.len()];
    let mut answers = editor.saved.clone();
    let level = Level::parse(u8::try_from(editor.saves % 5 + 1).unwrap_or(3)).expect("a level from 1 to 5");
    answers.ratings.insert(statement.key.clone(), Rating::Level(level));
    answers.texts.insert(
        TextField::Motivation(statement.key.clone()),
        format!(
            "Vi följer upp detta varje månad på arbetsplatsträffen och dokumenterar i verksamhetsplanen (utkast {}).",
            editor.saves + 1
        ),
    );
    answers
}

async fn save(client: &HttpClient, base: &str, framework: &Framework, editor: &mut Editor) -> Result<(), String> {
    let answers = next_answers(framework, editor);
    let body = form_body(framework, editor, &answers);
    let request = Request::post(format!("{base}/api/save_assessment"))
        .header("origin", base)
        .header("content-type", "application/x-www-form-urlencoded")
        .header("accept", "application/json")
        .header("cookie", &editor.cookie)
        .body(Full::new(Bytes::from(body)))
        .map_err(|error| error.to_string())?;
    let response = client.request(request).await.map_err(|error| format!("unit {}: {error}", editor.unit))?;
    let status = response.status();
    let body = response.into_body().collect().await.map_err(|error| error.to_string())?.to_bytes();
    if status != 200 {
        return Err(format!("unit {}: {status} {}", editor.unit, String::from_utf8_lossy(&body)));
    }
    let result: serde_json::Value = serde_json::from_slice(&body).map_err(|error| error.to_string())?;
    let version = result["version"].as_i64().ok_or_else(|| format!("unit {}: no version in {result}", editor.unit))?;
    if version != editor.version + 1 {
        return Err(format!("unit {}: version {} after {}", editor.unit, version, editor.version));
    }
    editor.version = version;
    editor.saved = answers;
    editor.saves += 1;
    Ok(())
}

/// Opens the city's results as a reader's browser (Chromium, Edge) does.
async fn read_results(client: &HttpClient, base: &str, cookie: &str) -> Result<(), String> {
    let request = Request::get(format!("{base}/resultat"))
        .header("cookie", cookie)
        .header("accept-encoding", "gzip, deflate, br, zstd")
        .body(Full::new(Bytes::new()))
        .map_err(|error| error.to_string())?;
    let response = client.request(request).await.map_err(|error| error.to_string())?;
    let status = response.status();
    response.into_body().collect().await.map_err(|error| error.to_string())?;
    if status != 200 { Err(format!("/resultat: {status}")) } else { Ok(()) }
}

/// The units to save into: one per manager, not started in the open round. Returns the
/// round, its framework version and (user, unit) pairs.
async fn managers(pool: &Pool, count: usize) -> anyhow::Result<(i64, FrameworkVersionId, Vec<(i64, i64)>)> {
    let (round, version): (i64, i64) =
        db::sql::query_as("SELECT id, framework_version_id FROM round WHERE status = 'open' ORDER BY id DESC LIMIT 1")
            .fetch_one(pool)
            .await
            .context("an open round")?;
    let pairs: Vec<(i64, i64)> = db::sql::query_as(
        "SELECT min(r.user_id), n.id FROM org_node n
         JOIN role_assignment r ON r.node_id = n.id AND r.role = 'unit_manager'
         LEFT JOIN assessment a ON a.round_id = $1 AND a.unit_id = n.id
         WHERE n.kind = 'enhet' AND n.valid_to IS NULL AND a.id IS NULL
         GROUP BY n.id ORDER BY n.id LIMIT $2",
    )
    .bind(round)
    .bind(i64::try_from(count).unwrap_or(i64::MAX))
    .fetch_all(pool)
    .await?;
    Ok((round, FrameworkVersionId(version), pairs))
}

/// The saves acknowledged but not in the database: per editor, its version and each field.
async fn lost_saves(pool: &Pool, framework: &Framework, editors: &[Editor]) -> anyhow::Result<usize> {
    let mut lost = 0;
    for editor in editors.iter().filter(|editor| editor.saves > 0) {
        let stored: Option<(i64, i64)> =
            db::sql::query_as("SELECT id, version FROM assessment WHERE round_id = $1 AND unit_id = $2")
                .bind(editor.round)
                .bind(editor.unit)
                .fetch_optional(pool)
                .await?;
        let Some((id, stored_version)) = stored else {
            lost += editor.saves;
            continue;
        };
        let answers = db::answers::load_answers(pool, app::domain::ids::AssessmentId(id)).await?;
        let fields_differ =
            AnswerField::all_of(framework).any(|field| field.value_in(&answers) != field.value_in(&editor.saved));
        if stored_version < editor.version || fields_differ {
            lost += usize::try_from((editor.version - stored_version).max(1)).unwrap_or(1);
        }
    }
    Ok(lost)
}

async fn run(args: Args) -> anyhow::Result<bool> {
    let bin =
        args.bin.clone().unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../target/release/mognad"));
    ensure!(bin.is_file(), "{} is missing: run `cargo leptos build --release` first", bin.display());
    let dir = tempfile::tempdir()?;
    let database = new_database(&args, &dir).await?;
    println!(
        "Seeding about {} units into {} …",
        args.units,
        if args.postgres.is_some() { "PostgreSQL" } else { "SQLite" }
    );
    let seeded =
        mognad(&bin, &database).args(["seed", "--units", &args.units.to_string()]).stdout(Stdio::null()).status()?;
    ensure!(seeded.success(), "the seed failed");

    let pool = db::pool::connect(&database).await?;
    let sessions = server::session_store::Store::open(&pool).await?;
    let (round, version, pairs) = managers(&pool, args.managers).await?;
    let framework = db::framework::load(&pool, version).await?.context("the round's framework")?;
    let quality: i64 = db::sql::query_scalar("SELECT id FROM app_user WHERE email = 'kvalitet@mognad.test'")
        .fetch_one(&pool)
        .await
        .context("the quality department's demo account")?;
    let mut editors = Vec::new();
    for (user, unit) in &pairs {
        let cookie = session_for(&sessions, *user).await?;
        editors.push(Editor { round, unit: *unit, cookie, version: 0, saved: Answers::default(), saves: 0 });
    }
    let mut readers = Vec::new();
    for _ in 0..args.readers {
        readers.push(session_for(&sessions, quality).await?);
    }
    println!("{} managers (one unit each, not started), {} readers of /resultat", editors.len(), readers.len());

    let mut children = Vec::new();
    let mut bases = Vec::new();
    for _ in 0..args.servers.max(1) {
        let port = free_port()?;
        let child = mognad(&bin, &database)
            .args(["serve", "--addr", &format!("127.0.0.1:{port}")])
            .stdout(Stdio::null())
            .stderr(Stdio::inherit())
            .spawn()
            .with_context(|| format!("start {}", bin.display()))?;
        children.push(child);
        bases.push(format!("http://127.0.0.1:{port}"));
    }
    let mut servers = Servers(children);
    let mut connector = HttpConnector::new();
    connector.set_nodelay(true);
    let client: HttpClient = Client::builder(TokioExecutor::new()).pool_max_idle_per_host(4096).build(connector);
    for (base, child) in bases.iter().zip(servers.0.iter_mut()) {
        wait_until_up(&client, base, child).await?;
    }

    let saves = Arc::new(Mutex::new(Tally::new()?));
    let pages = Arc::new(Mutex::new(Tally::new()?));
    let framework = Arc::new(framework);
    let started = Instant::now();
    let until = started + Duration::from_secs(args.seconds);
    let managers = editors.len();
    let mut tasks: JoinSet<Option<Editor>> = JoinSet::new();
    let mut rng = rand::rngs::StdRng::seed_from_u64(2026);
    for (n, mut editor) in editors.into_iter().enumerate() {
        let (client, base, framework, saves) =
            (client.clone(), bases[n % bases.len()].clone(), framework.clone(), saves.clone());
        let every = Duration::from_millis(args.save_every);
        let offset = Duration::from_millis(rng.random_range(0..args.save_every.max(1)));
        tasks.spawn(async move {
            // As the form's autosave: the next save goes when it is due and the previous one
            // has come back.
            let mut due = started + offset;
            loop {
                tokio::time::sleep_until(due.into()).await;
                if Instant::now() >= until {
                    break;
                }
                let sent = Instant::now();
                let outcome = save(&client, &base, &framework, &mut editor).await;
                saves.lock().unwrap().record(outcome, sent.elapsed());
                due = (due + every).max(Instant::now());
            }
            Some(editor)
        });
    }
    for (n, cookie) in readers.into_iter().enumerate() {
        let (client, base, pages) = (client.clone(), bases[n % bases.len()].clone(), pages.clone());
        let every = Duration::from_millis(args.read_every);
        let offset = Duration::from_millis(rng.random_range(0..args.read_every.max(1)));
        tasks.spawn(async move {
            tokio::time::sleep(offset).await;
            while Instant::now() < until {
                let sent = Instant::now();
                let outcome = read_results(&client, &base, &cookie).await;
                pages.lock().unwrap().record(outcome, sent.elapsed());
                tokio::time::sleep(every).await;
            }
            None
        });
    }
    let mut editors = Vec::new();
    while let Some(finished) = tasks.join_next().await {
        editors.extend(finished?);
    }
    let elapsed = started.elapsed().as_secs_f64();
    drop(servers);

    let lost = lost_saves(&pool, &framework, &editors).await?;
    pool.close().await;
    let (saves, pages) = (saves.lock().unwrap(), pages.lock().unwrap());
    println!(
        "\nDeadline rush on {} with {} server(s), {:.0} s: {} managers saving every {} ms, {} readers every {} ms",
        if args.postgres.is_some() { "PostgreSQL" } else { "SQLite" },
        bases.len(),
        elapsed,
        managers,
        args.save_every,
        args.readers,
        args.read_every
    );
    saves.report("saves", elapsed);
    pages.report("results pages", elapsed);
    println!("lost or overwritten saves (counted back from the database): {lost}");
    Ok(saves.errors == 0 && pages.errors == 0 && lost == 0)
}

fn main() -> ExitCode {
    let args = Args::parse();
    let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build().expect("runtime");
    match runtime.block_on(run(args)) {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::FAILURE,
        Err(error) => {
            eprintln!("deadline rush: {error:#}");
            ExitCode::FAILURE
        }
    }
}
