//! The pages under load, on loopback, from another process: the city's results page at a
//! fixed rate, then the start page, a unit's form and the city's results flat out beside the
//! same bytes as a static file, then the browser bundle's sizes.
//!
//! Starts the release server (`--bin`, default `target/release/mognad`) on a fresh demo
//! database, pinned to one core (`--server-core`), while this process runs on another
//! (`./scripts/bench` pins it with `taskset`). Then:
//!
//! 1. **At a fixed rate** (`--rate`, default 200/s, for `--seconds`, default 30), signed in as
//!    the quality department, `/resultat` — the city overview of the newest round, exactly
//!    what that user opens: requests go out on schedule whether or not earlier ones have come
//!    back (open loop), and each latency counts from when the request was due, so a slow
//!    server cannot hide its queue (no coordinated omission). Prints p50/p90/p99/p99.9/max.
//! 2. **Side by side, as fast as it goes** (`--connections` in flight, `--max-seconds` each):
//!    the start page (the quality department's), the form (the first on a Järva unit
//!    manager's start page) and the city's results, each uncompressed, compressed as Chromium
//!    and Firefox ask (`gzip, deflate, br, zstd`: the server answers zstd) and as Safari
//!    asks (`gzip, deflate, br`: answered with gzip), and the same HTML saved under the site's `pkg/` and served
//!    as a static file by the same server through the same layers — the fair ceiling. A
//!    table of requests/s and each page's share of its ceiling; then each script, bundle and
//!    stylesheet, raw and with brotli.
//!
//! Fails (non-zero exit) when a request fails or gets a status other than 200, or when the
//! script and bundle a page with islands loads are over their byte budget
//! ([`SCRIPT_BUDGET_BROTLI`]; bytes are deterministic); never because of speed.
//!
//! ```text
//! cargo leptos build --release
//! taskset -c 1 cargo bench -p server --bench city_page -- --rate 200 --seconds 30
//! ```

use anyhow::{Context, bail, ensure};
use bytes::Bytes;
use clap::Parser;
use hdrhistogram::Histogram;
use http_body_util::{BodyExt, Full};
use hyper::Request;
use hyper_util::client::legacy::Client;
use hyper_util::client::legacy::connect::HttpConnector;
use hyper_util::rt::TokioExecutor;
use std::cell::RefCell;
use std::net::TcpListener;
use std::path::PathBuf;
use std::process::{Child, Command, ExitCode, Stdio};
use std::rc::Rc;
use std::time::{Duration, Instant};

#[derive(Parser, Debug)]
#[command(about = "The city results page under load")]
struct Args {
    /// The server binary (a release build); default: the workspace's `target/release/mognad`.
    #[arg(long, env = "MOGNAD_BIN")]
    bin: Option<PathBuf>,
    /// The core the server runs on (`taskset -c`); empty: not pinned.
    #[arg(long, default_value = "0")]
    server_core: String,
    /// Requests per second in the fixed-rate run.
    #[arg(long, default_value_t = 200)]
    rate: u32,
    /// Length of the fixed-rate run, in seconds.
    #[arg(long, default_value_t = 30)]
    seconds: u64,
    /// Concurrent requests in the as-fast-as-it-goes runs.
    #[arg(long, default_value_t = 8)]
    connections: usize,
    /// Length of each as-fast-as-it-goes run, in seconds.
    #[arg(long, default_value_t = 10)]
    max_seconds: u64,
    /// Page to ask for.
    #[arg(long, default_value = "/resultat")]
    page: String,
    /// Passed by `cargo bench`; ignored.
    #[arg(long, hide = true)]
    bench: bool,
}

type HttpClient = Client<HttpConnector, Full<Bytes>>;

/// The server process; stopped when dropped.
struct Server {
    child: Child,
    _dir: tempfile::TempDir,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn free_port() -> anyhow::Result<u16> {
    Ok(TcpListener::bind("127.0.0.1:0")?.local_addr()?.port())
}

fn start_server(args: &Args, bin: &std::path::Path, port: u16) -> anyhow::Result<Server> {
    let dir = tempfile::tempdir()?;
    let database = format!("sqlite://{}", dir.path().join("bench.db").display());
    let mut command = if args.server_core.is_empty() {
        Command::new(bin)
    } else {
        let mut taskset = Command::new("taskset");
        taskset.arg("-c").arg(&args.server_core).arg(bin);
        taskset
    };
    command
        .args(["serve", "--demo", "--addr", &format!("127.0.0.1:{port}")])
        .env("MOGNAD_DATABASE_URL", database)
        .env("RUST_LOG", "warn")
        .stdout(Stdio::null())
        .stderr(Stdio::inherit());
    let child = command.spawn().with_context(|| format!("start {}", bin.display()))?;
    Ok(Server { child, _dir: dir })
}

/// One request; the status, the body and the `set-cookie` values.
async fn send(client: &HttpClient, request: Request<Full<Bytes>>) -> anyhow::Result<(u16, Bytes, Vec<String>)> {
    let response = client.request(request).await?;
    let status = response.status().as_u16();
    let cookies = response
        .headers()
        .get_all(hyper::header::SET_COOKIE)
        .iter()
        .filter_map(|value| value.to_str().ok().map(str::to_owned))
        .collect();
    let body = response.into_body().collect().await?.to_bytes();
    Ok((status, body, cookies))
}

fn get(base: &str, path: &str, cookie: &str) -> anyhow::Result<Request<Full<Bytes>>> {
    Ok(Request::get(format!("{base}{path}")).header(hyper::header::COOKIE, cookie).body(Full::new(Bytes::new()))?)
}

async fn wait_until_up(client: &HttpClient, base: &str, server: &mut Server) -> anyhow::Result<()> {
    let started = Instant::now();
    while started.elapsed() < Duration::from_secs(600) {
        if let Some(status) = server.child.try_wait()? {
            bail!("the server stopped: {status}");
        }
        if let Ok((200, _, _)) =
            send(client, Request::get(format!("{base}/readyz")).body(Full::new(Bytes::new()))?).await
        {
            return Ok(());
        }
        tokio::time::sleep(Duration::from_millis(250)).await;
    }
    bail!("the server did not come up in 10 minutes")
}

/// What a run measured.
struct Measured {
    latencies: Histogram<u64>,
    completed: u64,
    errors: u64,
    elapsed: Duration,
}

impl Measured {
    fn new() -> anyhow::Result<Self> {
        Ok(Measured {
            latencies: Histogram::new_with_bounds(1, 60_000_000, 3)?,
            completed: 0,
            errors: 0,
            elapsed: Duration::ZERO,
        })
    }

    fn record(&mut self, ok: bool, latency: Duration) {
        if ok {
            self.completed += 1;
            let micros = u64::try_from(latency.as_micros()).unwrap_or(u64::MAX).clamp(1, 60_000_000);
            let _ = self.latencies.record(micros);
        } else {
            self.errors += 1;
        }
    }

    fn rate(&self) -> f64 {
        self.completed as f64 / self.elapsed.as_secs_f64()
    }

    fn report(&self, what: &str) {
        let ms = |quantile: f64| self.latencies.value_at_quantile(quantile) as f64 / 1000.0;
        println!(
            "{what}: {} ok, {} errors in {:.1} s = {:.0} requests/s; latency p50 {:.2} ms, p90 {:.2} ms, p99 {:.2} ms, \
             p99.9 {:.2} ms, max {:.2} ms",
            self.completed,
            self.errors,
            self.elapsed.as_secs_f64(),
            self.rate(),
            ms(0.5),
            ms(0.9),
            ms(0.99),
            ms(0.999),
            self.latencies.max() as f64 / 1000.0,
        );
    }
}

/// Requests at `rate` per second for `seconds`, each timed from when it was due.
async fn fixed_rate(
    client: &HttpClient,
    base: &str,
    path: &str,
    cookie: &str,
    rate: u32,
    seconds: u64,
) -> anyhow::Result<Measured> {
    let measured = Rc::new(RefCell::new(Measured::new()?));
    let total = u64::from(rate) * seconds;
    let interval = Duration::from_secs(1) / rate;
    let started = tokio::time::Instant::now();
    let local = tokio::task::LocalSet::new();
    local
        .run_until(async {
            let mut tasks = Vec::with_capacity(usize::try_from(total).unwrap_or(0));
            for number in 0..total {
                let due = started + interval * u32::try_from(number).unwrap_or(u32::MAX);
                tokio::time::sleep_until(due).await;
                let (client, measured, request) = (client.clone(), Rc::clone(&measured), get(base, path, cookie)?);
                tasks.push(tokio::task::spawn_local(async move {
                    let ok = matches!(send(&client, request).await, Ok((200, _, _)));
                    measured.borrow_mut().record(ok, due.elapsed());
                }));
            }
            for task in tasks {
                task.await?;
            }
            anyhow::Ok(())
        })
        .await?;
    let mut measured = Rc::try_unwrap(measured).ok().context("tasks still running")?.into_inner();
    measured.elapsed = started.elapsed();
    Ok(measured)
}

/// `connections` requests in flight at all times for `seconds`.
async fn flat_out(
    client: &HttpClient,
    base: &str,
    path: &str,
    cookie: &str,
    connections: usize,
    seconds: u64,
    accept_encoding: Option<&'static str>,
) -> anyhow::Result<Measured> {
    let measured = Rc::new(RefCell::new(Measured::new()?));
    let deadline = Instant::now() + Duration::from_secs(seconds);
    let started = Instant::now();
    let local = tokio::task::LocalSet::new();
    local
        .run_until(async {
            let workers: Vec<_> = (0..connections)
                .map(|_| {
                    let (client, measured) = (client.clone(), Rc::clone(&measured));
                    let (base, path, cookie) = (base.to_owned(), path.to_owned(), cookie.to_owned());
                    tokio::task::spawn_local(async move {
                        while Instant::now() < deadline {
                            let Ok(mut request) = get(&base, &path, &cookie) else { break };
                            if let Some(encodings) = accept_encoding {
                                request.headers_mut().insert(
                                    hyper::header::ACCEPT_ENCODING,
                                    hyper::header::HeaderValue::from_static(encodings),
                                );
                            }
                            let sent = Instant::now();
                            let ok = matches!(send(&client, request).await, Ok((200, _, _)));
                            measured.borrow_mut().record(ok, sent.elapsed());
                        }
                    })
                })
                .collect();
            for worker in workers {
                worker.await?;
            }
            anyhow::Ok(())
        })
        .await?;
    let mut measured = Rc::try_unwrap(measured).ok().context("workers still running")?.into_inner();
    measured.elapsed = started.elapsed();
    Ok(measured)
}

/// Signs in as `email` (a demo account).
async fn sign_in_as(client: &HttpClient, base: &str, email: &str) -> anyhow::Result<String> {
    let body = format!("email={}&password=Mognad-demo-2026", email.replace('@', "%40"));
    let request = Request::post(format!("{base}/api/login"))
        .header(hyper::header::ORIGIN, base)
        .header(hyper::header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header(hyper::header::ACCEPT, "application/json")
        .body(Full::new(Bytes::from(body)))?;
    let (status, _, cookies) = send(client, request).await?;
    ensure!(status == 200, "sign-in as {email} answered {status}");
    let cookie = cookies
        .iter()
        .find(|cookie| cookie.starts_with(server::sessions::COOKIE_NAME))
        .and_then(|cookie| cookie.split(';').next())
        .context("no session cookie")?;
    Ok(cookie.to_owned())
}

/// The first link in `html` to a unit's form (`/omgangar/…/enheter/…`).
fn first_form_link(html: &[u8]) -> Option<String> {
    let text = String::from_utf8_lossy(html);
    let at = text.find("href=\"/omgangar/")? + "href=\"".len();
    let link = &text[at..at + text[at..].find('"')?];
    (link.contains("/enheter/") && !link.contains('?')).then(|| link.to_owned())
}

/// One page's row of the side-by-side table.
struct PageRow {
    name: &'static str,
    bytes: usize,
    page: f64,
    browser: f64,
    safari: f64,
    static_file: f64,
}

/// What Chromium and Firefox send as `Accept-Encoding`.
const BROWSER_ENCODINGS: &str = "gzip, deflate, br, zstd";

/// What Safari sends as `Accept-Encoding`.
const SAFARI_ENCODINGS: &str = "gzip, deflate, br";

/// Asks for `path` flat out, plain, as Chromium asks and as Safari asks, and the same bytes
/// as a static file.
async fn measure_page(
    client: &HttpClient,
    base: &str,
    args: &Args,
    site_root: &std::path::Path,
    (name, path, cookie): (&'static str, &str, &str),
) -> anyhow::Result<(PageRow, u64)> {
    let (status, html, _) = send(client, get(base, path, cookie)?).await?;
    ensure!(status == 200, "{path} answered {status}");
    for _ in 0..50 {
        send(client, get(base, path, cookie)?).await?;
    }
    let file = format!("bench-{}.html", name.replace(' ', "-"));
    let static_path = site_root.join("pkg").join(&file);
    std::fs::write(&static_path, &html).with_context(|| format!("write {}", static_path.display()))?;
    let plain = flat_out(client, base, path, cookie, args.connections, args.max_seconds, None).await?;
    plain.report(&format!("{name} ({path}), flat out"));
    let browser =
        flat_out(client, base, path, cookie, args.connections, args.max_seconds, Some(BROWSER_ENCODINGS)).await?;
    browser.report(&format!("{name}, flat out, as a browser asks ({BROWSER_ENCODINGS})"));
    let safari =
        flat_out(client, base, path, cookie, args.connections, args.max_seconds, Some(SAFARI_ENCODINGS)).await?;
    safari.report(&format!("{name}, flat out, as Safari asks ({SAFARI_ENCODINGS})"));
    let ceiling =
        flat_out(client, base, &format!("/pkg/{file}"), cookie, args.connections, args.max_seconds, None).await?;
    ceiling.report(&format!("{name}, the same bytes as a static file"));
    let _ = std::fs::remove_file(&static_path);
    let row = PageRow {
        name,
        bytes: html.len(),
        page: plain.rate(),
        browser: browser.rate(),
        safari: safari.rate(),
        static_file: ceiling.rate(),
    };
    Ok((row, plain.errors + browser.errors + safari.errors + ceiling.errors))
}

/// The most the script and the wasm bundle together may weigh with brotli (what a page with
/// islands loads once; a page without loads none). Today's size with a small margin, so a
/// change that makes it heavier is noticed; the goal is 150 kB.
const SCRIPT_BUDGET_BROTLI: usize = 400_000;

/// The site's script, bundle and styles: name, bytes, bytes compressed as `mognad
/// precompress` does for the server to send them.
fn bundle_sizes(site_root: &std::path::Path) -> anyhow::Result<Vec<(String, usize, usize)>> {
    let mut sizes = Vec::new();
    for entry in std::fs::read_dir(site_root.join("pkg"))? {
        let path = entry?.path();
        let name = path.file_name().map(|name| name.to_string_lossy().into_owned()).unwrap_or_default();
        if !matches!(path.extension().and_then(|ext| ext.to_str()), Some("wasm" | "js" | "css")) {
            continue;
        }
        let bytes = std::fs::read(&path)?;
        sizes.push((name, bytes.len(), server::precompress::brotli_best(&bytes)?.len()));
    }
    sizes.sort();
    Ok(sizes)
}

async fn run(args: Args) -> anyhow::Result<bool> {
    let port = free_port()?;
    let base = format!("http://127.0.0.1:{port}");
    let client: HttpClient = Client::builder(TokioExecutor::new()).pool_max_idle_per_host(512).build_http();
    let workspace = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..");
    let bin = args.bin.clone().unwrap_or_else(|| workspace.join("target/release/mognad"));
    println!("Starting {} on core {:?} (seeding the demo city)…", bin.display(), args.server_core);
    let mut server = start_server(&args, &bin, port)?;
    wait_until_up(&client, &base, &mut server).await?;
    let cookie = sign_in_as(&client, &base, "kvalitet@mognad.test").await?;

    // Warm up (computes and caches the round's results), and keep the page's HTML.
    let (status, html, _) = send(&client, get(&base, &args.page, &cookie)?).await?;
    ensure!(status == 200, "{} answered {status}", args.page);
    ensure!(html.windows(14).any(|window| window == b"Stockholms sta"), "not the city page");
    for _ in 0..50 {
        send(&client, get(&base, &args.page, &cookie)?).await?;
    }
    let site_root = std::env::var("LEPTOS_SITE_ROOT").map_or_else(|_| workspace.join("target/site"), PathBuf::from);
    println!("The page: {} bytes of HTML (uncompressed; the client asks for no compression).", html.len());

    let at_rate = fixed_rate(&client, &base, &args.page, &cookie, args.rate, args.seconds).await?;
    at_rate.report(&format!("Fixed rate {}/s for {} s", args.rate, args.seconds));
    let mut errors = at_rate.errors;

    // The start page and the city's results as the quality department; the form as the
    // manager of a unit in Järva, their first form on their start page.
    let manager = sign_in_as(&client, &base, "enhetschef.jarva@mognad.test").await?;
    let (_, start, _) = send(&client, get(&base, "/", &manager)?).await?;
    let form = first_form_link(&start).context("no form on the unit manager's start page")?;
    let pages = [
        ("start", "/", cookie.as_str()),
        ("form", form.as_str(), manager.as_str()),
        ("city results", args.page.as_str(), cookie.as_str()),
    ];
    let mut rows = Vec::new();
    for page in pages {
        let (row, failed) = measure_page(&client, &base, &args, &site_root, page).await?;
        rows.push(row);
        errors += failed;
    }
    drop(server);

    println!("\nRequests/s, server on one core, {} in flight, {} s each:", args.connections, args.max_seconds);
    println!(
        "{:<14} {:>9} {:>9} {:>10} {:>9} {:>12} {:>7}",
        "page", "bytes", "req/s", "zstd req/s", "gzip req/s", "static req/s", "share"
    );
    for row in &rows {
        println!(
            "{:<14} {:>9} {:>9.0} {:>10.0} {:>9.0} {:>12.0} {:>6.1}%",
            row.name,
            row.bytes,
            row.page,
            row.browser,
            row.safari,
            row.static_file,
            100.0 * row.page / row.static_file
        );
    }
    println!("\nThe browser bundle ({}):", site_root.join("pkg").display());
    println!("{:<44} {:>10} {:>10}", "file", "bytes", "brotli");
    let sizes = bundle_sizes(&site_root)?;
    for (name, raw, compressed) in &sizes {
        println!("{name:<44} {raw:>10} {compressed:>10}");
    }
    let script: usize =
        sizes.iter().filter(|(name, _, _)| name.ends_with(".wasm") || name.ends_with(".js")).map(|size| size.2).sum();
    println!("Script and bundle with brotli: {script} bytes (budget {SCRIPT_BUDGET_BROTLI}).");
    if script > SCRIPT_BUDGET_BROTLI {
        eprintln!("The script and bundle are over their budget by {} bytes.", script - SCRIPT_BUDGET_BROTLI);
        return Ok(false);
    }
    Ok(errors == 0)
}

fn main() -> ExitCode {
    let args = Args::parse();
    let runtime = match tokio::runtime::Builder::new_current_thread().enable_all().build() {
        Ok(runtime) => runtime,
        Err(error) => {
            eprintln!("runtime: {error}");
            return ExitCode::FAILURE;
        }
    };
    match runtime.block_on(run(args)) {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => {
            eprintln!("Some requests failed, or the bundle is over its budget (see above).");
            ExitCode::FAILURE
        }
        Err(error) => {
            eprintln!("{error:#}");
            ExitCode::FAILURE
        }
    }
}
