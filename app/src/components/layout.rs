//! The frame of every page: skip link, header with the user menu, main content, footer.

use super::user_menu::UserMenu;
use crate::i18n::*;
use crate::routes::ACCESSIBILITY;
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn Layout(children: Children) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <a class="skip-link" href="#main">{t!(i18n, skip_to_content)}</a>
        <header class="site-header">
            <div class="site-header__inner">
                <A href="/" attr:class="site-header__brand">
                    <span class="site-header__name">{t!(i18n, app_name)}</span>
                    <span class="site-header__tagline">{t!(i18n, app_tagline)}</span>
                </A>
                <UserMenu />
            </div>
        </header>
        <main id="main" tabindex="-1" class="site-main">
            {children()}
        </main>
        <footer class="site-footer">
            <p>
                {t!(i18n, footer.text)}
                " · "
                <a href=ACCESSIBILITY>{t!(i18n, footer.accessibility_link)}</a>
            </p>
        </footer>
    }
}
