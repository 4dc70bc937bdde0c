//! The server's database and HTTP tests, as one test binary with a module per area: the
//! whole app is linked once, not once per file (zero2prod's `tests/api/main.rs`). Shared
//! fixtures are in `common`; its runtime and router lock are shared by every module.
//! The demo city's test is the one other binary (`tests/seed_demo.rs`, which says why).

mod common;
mod db_assessments;
mod db_framework_cache;
mod db_org;
mod db_people_search;
mod db_results;
mod db_users;
mod http_accessibility_statement;
mod http_actions;
mod http_admin_log;
mod http_admin_rounds;
mod http_compression;
mod http_exports;
mod http_frameworks;
mod http_hardening;
mod http_input;
mod http_org_changes;
mod http_org_import;
mod http_org_import_merger;
mod http_org_rights;
mod http_org_tree;
mod http_password_links;
mod http_people;
mod http_people_import;
mod http_presentation;
mod http_previous_round;
mod http_reminders;
mod http_reopen_history;
mod http_results;
mod http_rights;
mod http_security;
mod http_trend_today;
mod http_unit_lists;
mod org_support;
mod people_support;
