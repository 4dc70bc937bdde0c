//! Who is signed in, and the sign-out button (a form, so it works without JavaScript).

use crate::api::auth::{Logout, current_user};
use crate::components::translations::locale;
use crate::i18n::*;
use crate::routes::ADMIN;
use leptos::prelude::*;
use leptos_router::hooks::use_location;

#[component]
pub fn UserMenu() -> impl IntoView {
    let i18n = locale();
    let location = use_location();
    let logout = ServerAction::<Logout>::new();
    // Asked again on every navigation, so signing in or out shows at once.
    let me = Resource::new(move || (location.pathname.get(), logout.version().get()), |_| current_user());
    view! {
        <nav class="user-menu" aria-label=move || td_string!(i18n, nav.label)>
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    me.await.ok().flatten().map(|me| {
                        let name = me.display_name.clone();
                        view! {
                            {me.administers.then(|| view! {
                                <a class="user-menu__link" href=ADMIN>{td!(i18n, nav.admin)}</a>
                            })}
                            <span class="user-menu__name">
                                {td!(i18n, nav.signed_in_as, name = move || name.clone())}
                            </span>
                            <ActionForm action=logout attr:class="user-menu__logout">
                                <button type="submit" class="button button--secondary">
                                    {td!(i18n, nav.logout)}
                                </button>
                            </ActionForm>
                        }
                    })
                })}
            </Suspense>
        </nav>
    }
}
