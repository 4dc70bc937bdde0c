//! What is missing before a submission, each item a link to the statement.

use crate::components::translations::locale;
use crate::domain::completeness::{Gap, GapKind};
use crate::domain::framework::Framework;
use crate::format;
use crate::i18n::*;
use crate::routes::statement_anchor;
use leptos::html::H2;
use leptos::prelude::*;
use std::sync::Arc;

#[component]
pub fn GapList(framework: Arc<Framework>, gaps: Vec<Gap>, heading_ref: NodeRef<H2>) -> impl IntoView {
    let i18n = locale();
    let count = gaps.len();
    view! {
        <section id="saknas" class="notice notice--warning" aria-labelledby="gaps-heading">
            <h2 id="gaps-heading" tabindex="-1" node_ref=heading_ref>{td!(i18n, assessment.gaps_heading)}</h2>
            <p>{td!(i18n, assessment.gaps_intro, count = move || format::count(count))}</p>
            <ul class="gaps">
                {gaps.into_iter().filter_map(|gap| {
                    let (dimension, statement) = framework.statement(&gap.statement)?;
                    let what = match gap.kind {
                        GapKind::Unrated => td_string!(i18n, assessment.gap_unrated),
                        GapKind::MissingMotivation => td_string!(i18n, assessment.gap_missing_motivation),
                    };
                    let href = format!("#{}", statement_anchor(statement.key.as_str()));
                    Some(view! {
                        <li>
                            <a href=href>{format!("{}: {}", dimension.name, statement.text)}</a>
                            {format!(" – {what}")}
                        </li>
                    })
                }).collect_view()}
            </ul>
        </section>
    }
}
