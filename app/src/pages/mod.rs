//! One module per screen.

pub mod accessibility;
pub mod actions;
pub mod admin;
pub mod admin_log;
pub mod admin_rounds;
pub mod assessment;
pub mod frameworks;
pub mod history;
pub mod home;
pub mod login;
pub mod not_found;
pub mod org_changes;
pub mod org_import;
pub mod org_tree;
pub mod people;
pub mod presentation;
pub mod reminders;
pub mod results;
pub mod round_progress;
pub mod route_ids;
pub mod set_password;
