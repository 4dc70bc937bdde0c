//! The translation context. With islands, the app provides it once on the server (no
//! island around the whole page, so a page without islands needs no script); an island
//! hydrated in the browser has no server owner above it and provides its own.

use crate::i18n::Locale;
use leptos::prelude::*;
use leptos_i18n::I18nContext;

/// Provides the translations where they are missing and returns them: call it first in the
/// app and in every island.
pub fn provide_translations() -> I18nContext<Locale> {
    use_context::<I18nContext<Locale>>().unwrap_or_else(|| {
        let context = leptos_i18n::context::init_i18n_context::<Locale>();
        provide_context(context);
        context
    })
}
