//! The domain: plain Rust shared by the server and the browser. No Leptos, no SQL.
//!
//! The framework (what is assessed), the maturity scale, a unit's answers, how they are
//! scored and checked for completeness, and who may do what in the organisation tree.

pub mod actions;
pub mod admin_action;
pub mod aggregate;
pub mod answers;
pub mod changes;
pub mod completeness;
pub mod day;
pub mod disclosure;
pub mod fingerprint;
pub mod framework;
pub mod framework_edit;
pub mod framework_file;
pub mod ids;
pub mod keys;
pub mod kind_filter;
pub mod level;
pub mod limits;
pub mod manager_import;
pub mod merge;
pub mod org;
pub mod org_change;
pub mod org_import;
pub mod org_now;
pub mod org_search;
pub mod org_steps;
pub mod password;
pub mod people;
pub mod people_access;
pub mod privacy;
pub mod raw_answers;
pub mod reason;
pub mod regrouped;
pub mod reminder;
pub mod reminder_text;
pub mod results;
pub mod rights;
pub mod round;
pub mod round_lifecycle;
pub mod save_plan;
pub mod scoring;
pub mod sign_in;
pub mod sign_in_budget;
pub mod slide;
pub mod spreadsheet_text;
pub mod status;
pub mod tree_paths;
