//! The frame of every page: skip link, header with the user menu, main content, footer.

use super::user_menu::UserMenu;
use crate::components::translations::locale;
use crate::i18n::*;
use crate::routes::ACCESSIBILITY;
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn Layout(children: Children) -> impl IntoView {
    let i18n = locale();
    view! {
        <a class="skip-link" href="#main">{td!(i18n, skip_to_content)}</a>
        <header class="site-header">
            <div class="site-header__inner">
                <A href="/" attr:class="site-header__brand">
                    <span class="site-header__name">{td!(i18n, app_name)}</span>
                    <span class="site-header__tagline">{td!(i18n, app_tagline)}</span>
                </A>
                <UserMenu />
            </div>
        </header>
        <main id="main" tabindex="-1" class="site-main">
            {children()}
        </main>
        <footer class="site-footer">
            <p>
                {td!(i18n, footer.text)}
                " · "
                <a href=ACCESSIBILITY>{td!(i18n, footer.accessibility_link)}</a>
            </p>
        </footer>
    }
}
