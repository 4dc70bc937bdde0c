//! The application shell and its routes.

use crate::components::boot_scripts::BootScripts;
use crate::components::layout::Layout;
use crate::pages::accessibility::AccessibilityPage;
use crate::pages::frameworks::{
    FrameworkComparePage, FrameworkDimensionPage, FrameworkGeneralPage, FrameworkUploadPage, FrameworkVersionPage,
    FrameworkVersionsPage,
};
use crate::pages::org_changes::OrgChangePage;
use crate::pages::org_import::{OrgImportPage, OrgImportReviewPage};
use crate::pages::org_tree::{OrgNodePage, OrgTreePage};
use crate::pages::people::{
    ImportPage, ImportReviewPage, NewPersonPage, NodeAccessPage, PeoplePage, PersonActivationPage, PersonPage,
};
use crate::pages::reminders::{ReminderPage, ReminderReviewPage, ReminderStatusPage};
use crate::pages::set_password::SetPasswordPage;
use crate::pages::{
    actions::ActionsPage,
    admin::AdminPage,
    assessment::AssessmentPage,
    history::HistoryPage,
    home::HomePage,
    login::LoginPage,
    not_found::NotFound,
    presentation::{PreparePresentationPage, PresentationPage},
    results::ResultsPage,
    round_progress::RoundProgressPage,
};
use crate::pages::{
    admin_log::AdminLogPage,
    admin_rounds::{AdminRoundPage, AdminRoundsPage, NewRoundPage, RoundMovePage},
};
use leptos::prelude::*;
use leptos_meta::{MetaTags, Title, provide_meta_context};
use leptos_router::{
    SsrMode,
    components::{Outlet, ParentRoute, Route, Router, Routes},
    path,
};

/// The HTML document around the app, rendered on the server only.
pub fn shell(options: LeptosOptions) -> impl IntoView {
    #[cfg(feature = "ssr")]
    crate::security::send_content_security_policy();
    let names = crate::asset_names::current(&options);
    view! {
        <!DOCTYPE html>
        <html lang="sv">
            <head>
                <meta charset="utf-8" />
                <meta name="viewport" content="width=device-width, initial-scale=1" />
                <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
                <link rel="stylesheet" id="leptos" href=names.css.as_str() />
                <BootScripts names />
                <MetaTags />
            </head>
            <body>
                <App />
            </body>
        </html>
    }
}

/// The application: translations, styles, and one route per screen.
#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    view! {
        <Title formatter=|title: String| format!("{title} – Mognad") />
        <Router>
            <Layout>
                <Routes fallback=NotFound>
                    <Route path=path!("/") view=HomePage ssr=SsrMode::Async />
                    <Route path=path!("/logga-in") view=LoginPage ssr=SsrMode::Async />
                    <Route path=path!("/tillganglighet") view=AccessibilityPage ssr=SsrMode::Async />
                    <Route path=path!("/omgangar/:round") view=RoundProgressPage ssr=SsrMode::Async />
                    <Route path=path!("/resultat") view=ResultsPage ssr=SsrMode::Async />
                    <Route path=path!("/resultat/presentation") view=PresentationPage ssr=SsrMode::Async />
                    <Route path=path!("/resultat/presentation/forbered") view=PreparePresentationPage ssr=SsrMode::Async />
                    <Route path=path!("/admin") view=AdminPage ssr=SsrMode::Async />
                    // Rounds in the administration: the list, a new one, one round, a step's confirmation.
                    <ParentRoute path=path!("/admin/omgangar") view=Outlet ssr=SsrMode::Async>
                        <Route path=path!("") view=AdminRoundsPage ssr=SsrMode::Async />
                        <Route path=path!("ny") view=NewRoundPage ssr=SsrMode::Async />
                        <Route path=path!(":round") view=AdminRoundPage ssr=SsrMode::Async />
                        <Route path=path!(":round/:step") view=RoundMovePage ssr=SsrMode::Async />
                    </ParentRoute>
                    // Framework versions: fixed addresses before the version's `:version`.
                    <ParentRoute path=path!("/admin/ramverk") view=Outlet ssr=SsrMode::Async>
                        <Route path=path!("") view=FrameworkVersionsPage ssr=SsrMode::Async />
                        <Route path=path!("ladda-upp") view=FrameworkUploadPage ssr=SsrMode::Async />
                        <Route path=path!("jamfor") view=FrameworkComparePage ssr=SsrMode::Async />
                        <Route path=path!(":version") view=FrameworkVersionPage ssr=SsrMode::Async />
                        <Route path=path!(":version/allmant") view=FrameworkGeneralPage ssr=SsrMode::Async />
                        <Route path=path!(":version/dimension/:key") view=FrameworkDimensionPage ssr=SsrMode::Async />
                    </ParentRoute>
                    <Route path=path!("/admin/logg") view=AdminLogPage ssr=SsrMode::Async />
                    // People and roles: fixed addresses before the person's `:id`.
                    <Route path=path!("/admin/personer") view=PeoplePage ssr=SsrMode::Async />
                    <Route path=path!("/admin/personer/ny") view=NewPersonPage ssr=SsrMode::Async />
                    <Route path=path!("/admin/personer/import") view=ImportPage ssr=SsrMode::Async />
                    <Route path=path!("/admin/personer/import/:token") view=ImportReviewPage ssr=SsrMode::Async />
                    <Route path=path!("/admin/personer/:id") view=PersonPage ssr=SsrMode::Async />
                    <Route path=path!("/admin/personer/:id/inaktivera") view=PersonActivationPage ssr=SsrMode::Async />
                    <Route path=path!("/admin/personer/:id/aktivera") view=PersonActivationPage ssr=SsrMode::Async />
                    // The organisation tree: changes and the HR import before any `:id` route (the
                    // first route that matches wins), then browsing, one organisation, who can see it.
                    <Route path=path!("/admin/organisation/andring") view=OrgChangePage ssr=SsrMode::Async />
                    <Route path=path!("/admin/organisation/import") view=OrgImportPage ssr=SsrMode::Async />
                    <Route path=path!("/admin/organisation/import/:token") view=OrgImportReviewPage ssr=SsrMode::Async />
                    <Route path=path!("/admin/organisation") view=OrgTreePage ssr=SsrMode::Async />
                    <Route path=path!("/admin/organisation/:id") view=OrgNodePage ssr=SsrMode::Async />
                    <Route path=path!("/admin/organisation/:id/behorigheter") view=NodeAccessPage ssr=SsrMode::Async />
                    <Route path=path!("/losenord/:token") view=SetPasswordPage ssr=SsrMode::Async />
                    <Route path=path!("/omgangar/:round/enheter/:unit") view=AssessmentPage ssr=SsrMode::Async />
                    <Route path=path!("/omgangar/:round/enheter/:unit/historik") view=HistoryPage ssr=SsrMode::Async />
                    <Route path=path!("/omgangar/:round/enheter/:unit/atgarder") view=ActionsPage ssr=SsrMode::Async />
                    // Reminders by e-mail: write, review and confirm, follow the sending.
                    <Route path=path!("/omgangar/:round/paminnelse") view=ReminderPage ssr=SsrMode::Async />
                    <Route path=path!("/omgangar/:round/paminnelse/granska") view=ReminderReviewPage ssr=SsrMode::Async />
                    <Route path=path!("/omgangar/:round/paminnelser/:reminder") view=ReminderStatusPage ssr=SsrMode::Async />
                    // Unknown addresses render the 404 page on the server like any page.
                    <Route path=path!("/*any") view=NotFound ssr=SsrMode::Async />
                </Routes>
            </Layout>
        </Router>
    }
}
