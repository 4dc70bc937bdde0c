//! The interface language. Mognad speaks Swedish; every string comes from the catalogue
//! (`locales/`) through leptos_i18n's `td!`/`td_string!` macros given this locale. There is
//! no reactive translation context: nothing is provided per request on the server (where its
//! effects could outlive the request) and islands carry none of the i18n runtime.

use crate::i18n::Locale;

/// The locale every page, island and message is written in.
pub fn locale() -> Locale {
    Locale::sv
}
