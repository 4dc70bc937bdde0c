//! The administration's two searches on a city-sized register: people by name or e-mail
//! address over 5,000 people, and organisations by name over a 2,500-unit tree — the work
//! of the server functions `search_people` (as the quality department, and as the head of a
//! large administration) and `search_organisation`, timed on a fresh SQLite file (release
//! build, WAL). Prints the median, p99 and slowest of each query; fails only on an error.
//!
//! ```text
//! cargo bench -p server --bench admin_search -- --people 5000 --units 2500 --runs 200
//! ```

use anyhow::Context;
use app::api::context::Caller;
use app::api::people::access::{Admin, Paths};
use app::api::people::search;
use app::db::{self, clock};
use app::domain::ids::{NodeId, UserId};
use app::domain::org_search;
use app::domain::people_access::PeopleScope;
use app::domain::rights::{Role, RoleGrant};
use app::state::AppState;
use clap::Parser;
use leptos::config::LeptosOptions;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use server::seed::{city, city_file};
use std::future::Future;
use std::time::{Duration, Instant};

#[derive(Parser, Debug)]
#[command(about = "People and organisation search over a city-sized register")]
struct Args {
    /// People in the register.
    #[arg(long, default_value_t = 5_000)]
    people: usize,
    /// Roughly how many units the city has.
    #[arg(long, default_value_t = 2_500)]
    units: usize,
    /// Timed runs of each query (after five untimed ones).
    #[arg(long, default_value_t = 200)]
    runs: usize,
    /// Ignored: cargo bench passes it.
    #[arg(long, hide = true)]
    bench: bool,
}

const FIRST_NAMES: [&str; 24] = [
    "Anna", "Erik", "Maria", "Lars", "Karin", "Anders", "Eva", "Johan", "Sara", "Per", "Åsa", "Mikael", "Lena", "Ali",
    "Fatima", "Örjan", "Elin", "Ahmed", "Ingrid", "Mohammed", "Emma", "Oskar", "Linnea", "Björn",
];
const LAST_NAMES: [&str; 24] = [
    "Andersson",
    "Johansson",
    "Karlsson",
    "Nilsson",
    "Eriksson",
    "Larsson",
    "Olsson",
    "Persson",
    "Svensson",
    "Gustafsson",
    "Pettersson",
    "Jonsson",
    "Berg",
    "Lindqvist",
    "Hassan",
    "Öberg",
    "Åkesson",
    "Ek",
    "Lindberg",
    "Ali",
    "Mohamed",
    "Sandberg",
    "Holm",
    "Wallin",
];

/// Seeds the city and the people: a unit manager for every unit (a second one for some),
/// a head for every administration, a quality department, and people without a role.
async fn seed(pool: &db::Pool, args: &Args) -> anyhow::Result<(city::DemoCity, UserId)> {
    let mut rng = ChaCha8Rng::seed_from_u64(2026);
    let file = city_file::parse(city_file::DEMO_CITY)?;
    let mut tx = db::pool::begin_write(pool).await?;
    let city = city::generate(&mut tx, &file, &mut rng, Some(args.units)).await?;
    let mut roles: Vec<(NodeId, Role)> = vec![(city.root, Role::QualityDepartment)];
    roles.extend(city.administrations.iter().map(|administration| (administration.id, Role::Head)));
    roles.extend(city.units.iter().map(|unit| (unit.id, Role::UnitManager)));
    let mut quality = None;
    for number in 0..args.people {
        let first = FIRST_NAMES[rng.random_range(0..FIRST_NAMES.len())];
        let last = LAST_NAMES[rng.random_range(0..LAST_NAMES.len())];
        let name = format!("{first} {last}");
        let email = format!("{}.{}.{number}@stockholm.se", first.to_lowercase(), last.to_lowercase());
        let person = db::users::upsert(&mut tx, &email, &name, None).await?;
        let role = roles.get(number).copied().or_else(|| {
            // Past one role each: a second manager for every other unit, then nobody.
            let unit = city.units.get((number - roles.len()) * 2)?;
            Some((unit.id, Role::UnitManager))
        });
        if let Some((node, role)) = role {
            db::users::grant(&mut tx, person, node, role).await?;
        }
        quality.get_or_insert(person);
    }
    tx.commit().await?;
    Ok((city, quality.context("no people")?))
}

/// Median, p99 and the slowest of `runs` timed runs of `work`, and what the last found.
async fn time<F, Fut>(runs: usize, mut work: F) -> anyhow::Result<((Duration, Duration, Duration), usize)>
where
    F: FnMut() -> Fut,
    Fut: Future<Output = anyhow::Result<usize>>,
{
    for _ in 0..5 {
        work().await?;
    }
    let mut times = Vec::with_capacity(runs);
    let mut found = 0;
    for _ in 0..runs {
        let start = Instant::now();
        found = std::hint::black_box(work().await?);
        times.push(start.elapsed());
    }
    times.sort();
    let at = |share: f64| times[((times.len() as f64 * share) as usize).min(times.len() - 1)];
    Ok(((at(0.5), at(0.99), *times.last().context("no runs")?), found))
}

fn report(what: &str, ((median, p99, max), found): ((Duration, Duration, Duration), usize)) {
    let ms = |duration: Duration| duration.as_secs_f64() * 1000.0;
    println!(
        "{what:<58} median {:>6.2} ms   p99 {:>6.2} ms   max {:>6.2} ms   ({found} found)",
        ms(median),
        ms(p99),
        ms(max)
    );
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let args = Args::parse();
    let dir = tempfile::tempdir()?;
    let url = format!("sqlite://{}", dir.path().join("bench.db").display());
    let pool = db::pool::connect_and_migrate(&url).await?;
    println!("Seeding {} people and a city of about {} units…", args.people, args.units);
    let (city, quality) = seed(&pool, &args).await?;
    let people: i64 = app::db::sql::query_scalar("SELECT count(*) FROM app_user").fetch_one(&pool).await?;
    let nodes = db::results::nodes_under(&pool, city.root, clock::today()).await?;
    println!(
        "{people} people, {} units, {} organisations in all; {} runs per query\n",
        city.units.len(),
        nodes.len(),
        args.runs
    );

    let options = LeptosOptions::builder().output_name("mognad").site_root("target/site").build();
    let state = AppState::new(options, pool.clone(), false);
    let admin = |grants: Vec<RoleGrant>| {
        let scope = PeopleScope::of(&grants, city.root).expect("an administrator");
        let caller = Caller { id: quality, display_name: String::new(), email: String::new(), grants };
        Admin { state: state.clone(), pool: pool.clone(), caller, city: city.root, scope }
    };
    let quality_admin = admin(vec![RoleGrant { role: Role::QualityDepartment, node: city.root }]);
    // The head of the administration with the most units.
    let largest = city
        .administrations
        .iter()
        .max_by_key(|administration| city.units.iter().filter(|unit| unit.administration == administration.id).count())
        .context("no administrations")?;
    let head_admin = admin(vec![RoleGrant { role: Role::Head, node: largest.id }]);

    for (who, admin) in [("quality department", &quality_admin), ("head", &head_admin)] {
        for query in ["anna", "berg", "åsa öberg", "stockholm.se", "", "ingen-sådan"] {
            let measured = time(args.runs, || async {
                // What `search_people` does: today's tree, then the search.
                let paths = Paths::today(&admin.pool).await.map_err(|error| anyhow::anyhow!("{error}"))?;
                let page = search::find(admin, &paths, query, 1).await.map_err(|error| anyhow::anyhow!("{error}"))?;
                Ok(page.total)
            })
            .await?;
            report(&format!("people search as {who}: {query:?}"), measured);
        }
    }
    println!();
    for query in ["förskola", "ängen", "hemtjänst", "järva", "a"] {
        let measured = time(args.runs, || async {
            // What `search_organisation` does for the quality department.
            let root = db::org::city_root(&pool).await?.context("no city")?;
            let nodes = db::results::nodes_under(&pool, root, clock::today()).await?;
            Ok(org_search::search(&nodes, query, app::api::organisation::SEARCH_LIMIT).len())
        })
        .await?;
        report(&format!("organisation search: {query:?}"), measured);
    }
    Ok(())
}
