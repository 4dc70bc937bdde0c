//! Shared test fixtures: a real SQLite database file in a temporary directory, a small
//! hand-built city, the shipped framework, an open round, and one user per role; and a
//! client that drives the real router.

pub mod database;
pub mod http;
pub mod outbox;

use app::db::assessments::Target;
use app::db::audit::ChangeContext;
use app::db::org::{NewNode, insert_node};
use app::db::rounds::NewRound;
use app::db::{self, Pool};
use app::domain::answers::{Answers, TextField};
use app::domain::framework::Framework;
use app::domain::ids::{NodeId, RoundId, UserId};
use app::domain::level::{Level, Rating};
use app::domain::merge::edits_setting;
use app::domain::org::OrgKind;
use app::domain::raw_answers::Intent;
use app::domain::rights::Role;
use app::domain::round::RoundStatus;
use chrono::{NaiveDate, Utc};
use std::future::Future;
use std::sync::LazyLock;
use tempfile::TempDir;

/// One multi-threaded runtime for all tests of a binary, as the server has in production.
/// (Leptos' server rendering is not made for many short-lived runtimes side by side.)
static RUNTIME: LazyLock<tokio::runtime::Runtime> = LazyLock::new(|| {
    tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build().expect("test runtime")
});

/// Runs a test's body on the shared runtime. What the server logs is shown with a failed
/// test's output (at `RUST_LOG`'s level, errors by default).
pub fn run<F: Future>(test: F) -> F::Output {
    static LOGS: std::sync::Once = std::sync::Once::new();
    LOGS.call_once(|| {
        let filter = tracing_subscriber::EnvFilter::try_from_default_env()
            .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("error"));
        tracing_subscriber::fmt().with_test_writer().with_env_filter(filter).try_init().ok();
    });
    RUNTIME.block_on(test)
}

pub const PASSWORD: &str = "test-password-1234";

/// A small city:
///
/// ```text
/// Stockholms stad
/// ├── Järva stadsdelsförvaltning ── Avdelningen för förskola ── Förskolan A, Förskolan B
/// └── Södermalms stadsdelsförvaltning ── Avdelningen för äldreomsorg ── Hemtjänst C
/// ```
pub struct Fixture {
    pub pool: Pool,
    /// The database's URL, for a second pool on it (as another server has).
    pub url: String,
    pub framework: Framework,
    pub round: RoundId,
    pub city: NodeId,
    pub jarva: NodeId,
    pub sodermalm: NodeId,
    /// Järva's Avdelningen för förskola (units A and B).
    pub preschools: NodeId,
    /// Södermalm's Avdelningen för äldreomsorg (unit C).
    pub elderly_care: NodeId,
    pub unit_a: NodeId,
    pub unit_b: NodeId,
    pub unit_c: NodeId,
    pub quality: UserId,
    #[expect(dead_code, reason = "one user per role; no test asks for this id yet")]
    pub head: UserId,
    pub manager_a: UserId,
    #[expect(dead_code, reason = "one user per role; no test asks for this id yet")]
    pub manager_c: UserId,
    _dir: TempDir,
}

impl Drop for Fixture {
    /// Closes the database's connections (tasks such as the session clean-up would keep the
    /// pool open for the rest of the run; a PostgreSQL server has only so many).
    fn drop(&mut self) {
        let pool = self.pool.clone();
        RUNTIME.spawn(async move { pool.close().await });
    }
}

pub const QUALITY_EMAIL: &str = "kvalitet@test.example";
pub const HEAD_EMAIL: &str = "chef.jarva@test.example";
pub const MANAGER_A_EMAIL: &str = "enhetschef.a@test.example";
pub const MANAGER_C_EMAIL: &str = "enhetschef.c@test.example";

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

pub use database::empty_database;

impl Fixture {
    pub async fn new() -> Fixture {
        let (pool, url, dir) = database::empty_database_at().await;
        let (key, framework) =
            server::seed::framework_file::parse(server::seed::framework_file::DEFAULT_FRAMEWORK).unwrap();
        let from = date(2015, 1, 1);
        let mut tx = db::pool::begin_write(&pool).await.unwrap();
        let node = |kind, name, parent| NewNode { kind, name, parent, valid_from: from, valid_to: None };
        let city = insert_node(&mut tx, &node(OrgKind::City, "Stockholms stad", None)).await.unwrap();
        let jarva =
            insert_node(&mut tx, &node(OrgKind::DistrictAdministration, "Järva stadsdelsförvaltning", Some(city)))
                .await
                .unwrap();
        let sodermalm =
            insert_node(&mut tx, &node(OrgKind::DistrictAdministration, "Södermalms stadsdelsförvaltning", Some(city)))
                .await
                .unwrap();
        let forskola =
            insert_node(&mut tx, &node(OrgKind::Department, "Avdelningen för förskola", Some(jarva))).await.unwrap();
        let aldre = insert_node(&mut tx, &node(OrgKind::Department, "Avdelningen för äldreomsorg", Some(sodermalm)))
            .await
            .unwrap();
        let unit_a = insert_node(&mut tx, &node(OrgKind::Unit, "Förskolan A", Some(forskola))).await.unwrap();
        let unit_b = insert_node(&mut tx, &node(OrgKind::Unit, "Förskolan B", Some(forskola))).await.unwrap();
        let unit_c = insert_node(&mut tx, &node(OrgKind::Unit, "Hemtjänst C", Some(aldre))).await.unwrap();

        let version = db::framework::insert(&mut tx, &key, &framework).await.unwrap();
        let round = db::rounds::insert(
            &mut tx,
            &NewRound {
                name: "Självskattning test",
                framework_version: version,
                root: city,
                opens_on: date(2020, 1, 1),
                closes_on: date(2099, 12, 31),
                status: RoundStatus::Open,
            },
        )
        .await
        .unwrap();

        let hash = app::api::auth::passwords::hash(PASSWORD);
        let mut user = async |email: &str, name: &str, node: NodeId, role: Role| {
            let id = db::users::upsert(&mut tx, email, name, Some(&hash)).await.unwrap();
            db::users::grant(&mut tx, id, node, role).await.unwrap();
            id
        };
        let quality = user(QUALITY_EMAIL, "Kvalitet", city, Role::QualityDepartment).await;
        let head = user(HEAD_EMAIL, "Chef Järva", jarva, Role::Head).await;
        let manager_a = user(MANAGER_A_EMAIL, "Enhetschef A", unit_a, Role::UnitManager).await;
        let manager_c = user(MANAGER_C_EMAIL, "Enhetschef C", unit_c, Role::UnitManager).await;
        tx.commit().await.unwrap();

        let framework = db::framework::load(&pool, version).await.unwrap().unwrap();
        Fixture {
            pool,
            url,
            framework,
            round,
            city,
            jarva,
            sodermalm,
            preschools: forskola,
            elderly_care: aldre,
            unit_a,
            unit_b,
            unit_c,
            quality,
            head,
            manager_a,
            manager_c,
            _dir: dir,
        }
    }

    /// Every statement key of the framework, in form order.
    pub fn statement_keys(&self) -> Vec<String> {
        self.framework
            .dimensions
            .iter()
            .flat_map(|dimension| dimension.statements.iter().map(|statement| statement.key.to_string()))
            .collect()
    }

    /// Every statement rated `level`, each with `motivation` as its belägg.
    pub fn answers_at(&self, level: u8, motivation: &str) -> Answers {
        let mut answers = Answers::default();
        for dimension in &self.framework.dimensions {
            for statement in &dimension.statements {
                answers.ratings.insert(statement.key.clone(), Rating::Level(Level::parse(level).expect("a level")));
                answers.texts.insert(TextField::Motivation(statement.key.clone()), motivation.to_owned());
            }
        }
        answers
    }

    /// Stores `answers` for `unit` in `round` through the real save path, as the quality
    /// department: a draft (`Intent::Save`) or a submission.
    pub async fn store(&self, round: RoundId, unit: NodeId, answers: &Answers, intent: Intent) {
        let mut tx = db::pool::begin_write(&self.pool).await.expect("begin");
        let context = ChangeContext { actor: self.quality, request_id: None, at: Utc::now() };
        let target = Target { round, unit, framework: &self.framework };
        db::assessments::save_in(&mut tx, &context, target, 0, &edits_setting(answers), intent).await.expect("save");
        tx.commit().await.expect("commit");
    }

    /// Adds an organisation of `kind` under `parent`, in the tree since 2015.
    pub async fn add_node(&self, kind: OrgKind, name: &str, parent: NodeId) -> NodeId {
        let mut tx = db::pool::begin_write(&self.pool).await.expect("begin");
        let node = NewNode { kind, name, parent: Some(parent), valid_from: date(2015, 1, 1), valid_to: None };
        let id = insert_node(&mut tx, &node).await.expect("insert node");
        tx.commit().await.expect("commit");
        id
    }

    /// Adds one unit under `parent` per level given, each with an assessment submitted in the
    /// fixture's round with every statement at that level.
    pub async fn add_submitted_units(&self, parent: NodeId, levels: &[u8]) -> Vec<NodeId> {
        let mut units = Vec::with_capacity(levels.len());
        for (number, level) in levels.iter().enumerate() {
            let unit = self.add_node(OrgKind::Unit, &format!("Enhet {parent}-{number}"), parent).await;
            self.store(self.round, unit, &self.answers_at(*level, "Belägg"), Intent::Submit).await;
            units.push(unit);
        }
        units
    }

    /// Another round over the same city and framework, open 1 February – 30 April of
    /// `year`, with `status`.
    pub async fn other_round(&self, name: &str, year: i32, status: RoundStatus) -> RoundId {
        let mut tx = db::pool::begin_write(&self.pool).await.expect("begin");
        let version: i64 = app::db::sql::query_scalar("SELECT framework_version_id FROM round WHERE id = $1")
            .bind(self.round.0)
            .fetch_one(&mut *tx)
            .await
            .expect("the round's framework");
        let round = db::rounds::insert(
            &mut tx,
            &NewRound {
                name,
                framework_version: app::domain::ids::FrameworkVersionId(version),
                root: self.city,
                opens_on: NaiveDate::from_ymd_opt(year, 2, 1).expect("a date"),
                closes_on: NaiveDate::from_ymd_opt(year, 4, 30).expect("a date"),
                status,
            },
        )
        .await
        .expect("insert round");
        tx.commit().await.expect("commit");
        round
    }
}
