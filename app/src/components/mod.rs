//! Widgets shared by several pages.

pub mod action_status;
pub mod address_list;
pub mod boot_scripts;
pub mod char_count;
pub mod char_counter;
pub mod clicked;
pub mod error_notice;
pub mod layout;
pub mod progress_note;
pub mod shown_text;
pub mod status_badge;
pub mod text_counter;
pub mod translations;
pub mod user_menu;
