//! The accessibility statement: public, linked from every page's footer (signed in or not),
//! with the parts the national model statement asks for.

use crate::common;
use crate::common::QUALITY_EMAIL;
use crate::common::http::TestApp;
use axum::http::StatusCode;

#[test]
fn the_statement_is_public_and_every_page_links_to_it() {
    common::run(async {
        let app = TestApp::new().await;
        let statement = app.send(TestApp::get("/tillganglighet", None)).await;
        assert_eq!(statement.status, StatusCode::OK, "no sign-in needed");
        for part in [
            "<h1>Tillgänglighet för Mognad</h1>",
            "2018:1937",
            "WCAG 2.1 på nivå AA",
            "Innehåll som inte är tillgängligt",
            "Rapportera brister i tjänstens tillgänglighet",
            "Myndigheten för digital förvaltning (Digg)",
            "href=\"https://www.digg.se/tdosanmalan\"",
            "axe-core",
            "Hur vi testat tjänsten",
        ] {
            assert!(statement.body.contains(part), "the statement has {part:?}");
        }

        let link = "href=\"/tillganglighet\"";
        let sign_in = app.send(TestApp::get("/logga-in", None)).await;
        assert!(sign_in.body.contains(link), "the sign-in page's footer");
        let cookie = app.login(QUALITY_EMAIL).await;
        for page in ["/", "/resultat", "/admin", "/finns-inte"] {
            let reply = app.send(TestApp::get(page, Some(&cookie))).await;
            assert!(reply.body.contains(link), "{page}'s footer");
        }
    })
}
