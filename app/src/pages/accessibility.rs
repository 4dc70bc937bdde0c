//! `/tillganglighet`: the accessibility statement (tillgänglighetsredogörelse) that the law on
//! accessible digital public services (2018:1937) requires, following the national model
//! statement: how accessible the service is, what to do when something cannot be used, how
//! to report a problem, the supervisory authority, the standard, known shortcomings and how
//! the service was tested. Public: anyone may read it, signed in or not.

use crate::components::translations::locale;
use crate::i18n::*;
use leptos::prelude::*;
use leptos_meta::Title;

/// Where a complaint goes if the city's answer is not good enough (Digg's form).
const SUPERVISION_FORM: &str = "https://www.digg.se/tdosanmalan";

#[component]
pub fn AccessibilityPage() -> impl IntoView {
    let i18n = locale();
    view! {
        <Title text=td_string!(i18n, accessibility.title).to_string() />
        <article class="statement">
            <h1>{td!(i18n, accessibility.title)}</h1>
            <p class="intro">{td!(i18n, accessibility.intro)}</p>

            <h2>{td!(i18n, accessibility.how_heading)}</h2>
            <p>{td!(i18n, accessibility.how_body)}</p>

            <h2>{td!(i18n, accessibility.report_heading)}</h2>
            <p>{td!(i18n, accessibility.report_body)}</p>

            <h2>{td!(i18n, accessibility.flaws_heading)}</h2>
            <p>{td!(i18n, accessibility.flaws_body)}</p>

            <h2>{td!(i18n, accessibility.supervision_heading)}</h2>
            <p>{td!(i18n, accessibility.supervision_body)}</p>
            <p><a href=SUPERVISION_FORM>{td!(i18n, accessibility.supervision_link)}</a></p>

            <h2>{td!(i18n, accessibility.technical_heading)}</h2>
            <p>{td!(i18n, accessibility.technical_body)}</p>

            <h2>{td!(i18n, accessibility.missing_heading)}</h2>
            <p>{td!(i18n, accessibility.missing_intro)}</p>
            <ul>
                <li>{td!(i18n, accessibility.missing_charts)}</li>
                <li>{td!(i18n, accessibility.missing_files)}</li>
                <li>{td!(i18n, accessibility.missing_wide_tables)}</li>
                <li>{td!(i18n, accessibility.missing_users)}</li>
            </ul>

            <h2>{td!(i18n, accessibility.tested_heading)}</h2>
            <p>{td!(i18n, accessibility.tested_body)}</p>
            <p class="muted">{td!(i18n, accessibility.dates)}</p>
        </article>
    }
}
