//! The restore drill: a seeded city is backed up while a writer keeps writing, restored into
//! a fresh database, and compared table by table, row by row, with the source as it was at
//! the backup's moment. On SQLite, and on PostgreSQL when the test command runs this binary
//! with its PostgreSQL server (`MOGNAD_TEST_POSTGRES`).
//!
//! A test binary of its own, as `seed_demo.rs` is: the seed holds this process's turn to
//! write for longer than another writer waits for it.

#[path = "it/common/database.rs"]
#[allow(dead_code, reason = "shared with the other test binaries; this one makes its databases itself")]
mod database;

use app::db;
use app::domain::ids::NodeId;
use app::domain::rights::Role;
use server::backup::{self, TableSums};
use server::seed::{DEFAULT_SEED, SeedOptions, seed_demo};
use sqlx::sqlite::{SqliteConnectOptions, SqlitePoolOptions};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::Duration;

/// Waits until the writer has written at least `count` users.
async fn until_written(written: &AtomicUsize, count: usize) {
    while written.load(Ordering::SeqCst) < count {
        tokio::time::sleep(Duration::from_millis(2)).await;
    }
}

/// The drill users (made by the writer below) in a database: how many, how many of them
/// hold their role, and the highest id.
async fn drill_users(pool: &db::Pool) -> (i64, i64, i64) {
    app::db::sql::query_as(
        "SELECT count(*), (SELECT count(*) FROM role_assignment r JOIN app_user d ON d.id = r.user_id
                           WHERE d.email LIKE 'drill-%'), coalesce(max(id), 0)
         FROM app_user WHERE email LIKE 'drill-%'",
    )
    .fetch_one(pool)
    .await
    .unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_backup_taken_while_the_server_writes_restores_to_the_source_at_the_backups_moment() {
    let dir = tempfile::tempdir().unwrap();
    let source_url = database::new_database_url(&dir).await;
    let source = db::pool::connect_and_migrate(&source_url).await.unwrap();
    seed_demo(&source, SeedOptions { units: Some(150), seed: DEFAULT_SEED }).await.unwrap();
    let city: i64 = app::db::sql::query_scalar("SELECT node_id FROM org_node_version WHERE parent_id IS NULL LIMIT 1")
        .fetch_one(&source)
        .await
        .unwrap();

    // A writer that adds users, each with a role, one write transaction at a time, until
    // it is told to stop.
    let stop = Arc::new(AtomicBool::new(false));
    let written = Arc::new(AtomicUsize::new(0));
    let writer = tokio::spawn({
        let (pool, stop, written) = (source.clone(), stop.clone(), written.clone());
        async move {
            let mut n = 0;
            while !stop.load(Ordering::SeqCst) {
                n += 1;
                let mut tx = db::pool::begin_write(&pool).await.unwrap();
                let user = db::users::upsert(&mut tx, &format!("drill-{n}@mognad.test"), &format!("Övning {n}"), None)
                    .await
                    .unwrap();
                db::users::grant(&mut tx, user, NodeId(city), Role::Head).await.unwrap();
                tx.commit().await.unwrap();
                written.store(n, Ordering::SeqCst);
            }
        }
    });
    until_written(&written, 5).await;
    let file = dir.path().join("mognad-backup.db");
    let backed_up = backup::backup(&source, &source_url, &file).await.unwrap();
    let after_backup = written.load(Ordering::SeqCst);
    until_written(&written, after_backup + 5).await;
    stop.store(true, Ordering::SeqCst);
    writer.await.unwrap();

    assert!(backup::backup(&source, &source_url, &file).await.is_err(), "a backup never replaces a file");

    let restored_url = match source {
        // A file in a directory that does not exist yet.
        db::Pool::Sqlite(_) => format!("sqlite://{}", dir.path().join("restored").join("mognad.db").display()),
        db::Pool::Postgres(_) => database::new_database_url(&dir).await,
    };
    let restored_sums = backup::restore(&file, &restored_url).await.unwrap();
    assert_eq!(restored_sums, backed_up, "the restore read the backup as it was written");
    let restored = db::pool::connect(&restored_url).await.unwrap();
    let restored_now: TableSums = backup::table_sums(&restored).await.unwrap();
    assert_eq!(restored_now, backed_up, "the restored database holds every row of the backup");
    assert!(backed_up["assessment"].rows > 0 && backed_up["audit_event"].rows > 0, "{backed_up:?}");

    // Whole transactions only, and the writes from both sides of the backup's moment.
    let (in_backup, with_role, last_in_backup) = drill_users(&restored).await;
    assert_eq!(in_backup, with_role, "no user without the role written with it");
    assert!(in_backup >= 5, "the writes before the backup are in it ({in_backup})");
    let (in_source, ..) = drill_users(&source).await;
    assert!(in_source > in_backup, "the source went on: {in_source} written, {in_backup} backed up");

    // The source as it was at the backup's moment: without the users written after it.
    // Every table, every row, is then as in the backup. (On SQLite, deleted on a connection
    // without foreign-key checks, which would scan every table that names a user.)
    let at_backup = match source {
        db::Pool::Sqlite(_) => {
            source.close().await;
            let options = SqliteConnectOptions::new().filename(dir.path().join("test.db")).foreign_keys(false);
            db::Pool::Sqlite(SqlitePoolOptions::new().max_connections(1).connect_with(options).await.unwrap())
        }
        db::Pool::Postgres(_) => source,
    };
    let mut conn = at_backup.acquire().await.unwrap();
    if at_backup.dialect() == db::Dialect::Postgres {
        // PostgreSQL's foreign-key checks off for this connection (the test server's user
        // is its superuser).
        app::db::sql::query("SET session_replication_role = replica").execute(&mut conn).await.unwrap();
    }
    let later = "SELECT id FROM app_user WHERE email LIKE 'drill-%' AND id > $1";
    app::db::sql::query(format!("DELETE FROM role_assignment WHERE user_id IN ({later})"))
        .bind(last_in_backup)
        .execute(&mut conn)
        .await
        .unwrap();
    app::db::sql::query(format!("DELETE FROM app_user WHERE id IN ({later})"))
        .bind(last_in_backup)
        .execute(&mut conn)
        .await
        .unwrap();
    drop(conn);
    assert_eq!(backup::table_sums(&at_backup).await.unwrap(), backed_up);

    assert!(backup::restore(&file, &restored_url).await.is_err(), "a restore never overwrites a database");
}

/// Runs the real binary with a database and arguments; returns success and what it printed.
fn mognad(database_url: &str, args: &[&str]) -> (bool, String) {
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_mognad"))
        .arg("--database-url")
        .arg(database_url)
        .args(args)
        .env_remove("RUST_BACKTRACE")
        .output()
        .unwrap();
    let printed = format!("{}{}", String::from_utf8_lossy(&output.stdout), String::from_utf8_lossy(&output.stderr));
    (output.status.success(), printed)
}

#[test]
fn the_commands_back_up_and_restore_and_refuse_to_overwrite() {
    let dir = tempfile::tempdir().unwrap();
    let source = format!("sqlite://{}", dir.path().join("mognad.db").display());
    let file = dir.path().join("nightly.db");
    let file = file.to_str().unwrap();

    let (ok, printed) = mognad(&source, &["backup", file]);
    assert!(ok, "{printed}");
    let table_line = printed.lines().find(|line| line.trim_start().starts_with("_sqlx_migrations")).unwrap().to_owned();

    let (ok, printed) = mognad(&source, &["backup", file]);
    assert!(!ok && printed.contains("already exists"), "{printed}");

    let restored = format!("sqlite://{}", dir.path().join("restored.db").display());
    let (ok, printed) = mognad(&restored, &["restore", file]);
    assert!(ok, "{printed}");
    assert!(printed.lines().any(|line| line == table_line), "the same sums as the backup printed:\n{printed}");

    let (ok, printed) = mognad(&restored, &["restore", file]);
    assert!(!ok && printed.contains("already exists"), "{printed}");
    std::fs::write(dir.path().join("moved.db-wal"), b"left behind").unwrap();
    let (ok, printed) = mognad(&format!("sqlite://{}", dir.path().join("moved.db").display()), &["restore", file]);
    assert!(!ok && printed.contains("moved.db-wal is left"), "{printed}");
    let (ok, printed) =
        mognad(&format!("sqlite://{}", dir.path().join("other.db").display()), &["restore", "missing.db"]);
    assert!(!ok && printed.contains("does not exist"), "{printed}");
}
