//! `/admin/organisation/:id`: one organisation — where it sits today, its history (every
//! name and parent with their dates), what it carried on and what carries it on, what is
//! under it now and was before, everyone whose role covers it, and the rounds it took part
//! in. An organisation that no longer exists is shown as it was.

use super::{FormerLines, NodeLines};
use crate::api::org_tree::{NodeRound, OrgNodePage as NodeData, PeriodLine, SuccessionLine, load_org_node};
use crate::api::round_summary::round_path;
use crate::components::error_notice::PageError;
use crate::components::status_badge::StatusBadge;
use crate::components::translations::locale;
use crate::domain::ids::NodeId;
use crate::i18n::*;
use crate::pages::admin_rounds::round_status_label;
use crate::pages::people::HoldersTable;
use crate::pages::people::shared::kind_name;
use crate::routes::{
    ADMIN, ADMIN_ORGANISATION, new_unit_manager_path, node_access_path, org_change_path, org_node_path,
};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

#[component]
pub fn OrgNodePage() -> impl IntoView {
    let i18n = locale();
    let params = use_params_map();
    let node = move || NodeId(params.read().get("id").and_then(|id| id.parse().ok()).unwrap_or(0));
    let data = Resource::new(node, load_org_node);
    view! {
        <Suspense fallback=move || view! { <p>{td!(i18n, loading)}</p> }>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(node) => view! { <NodeView node /> }.into_any(),
                    Err(error) => view! { <PageError error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn NodeView(node: NodeData) -> impl IntoView {
    let i18n = locale();
    let NodeData {
        id,
        name,
        kind,
        above,
        from,
        until,
        periods,
        predecessors,
        successors,
        children,
        former_children,
        holders,
        rounds,
        may_change,
        may_appoint,
    } = node;
    let closed = until.is_some();
    let life = match &until {
        Some(until) => td_string!(
            i18n,
            org_tree.kind_and_life_closed,
            kind = kind_name(i18n, kind),
            from = from.clone(),
            until = until.clone()
        )
        .to_string(),
        None => {
            td_string!(i18n, org_tree.kind_and_life_open, kind = kind_name(i18n, kind), from = from.clone()).to_string()
        }
    };
    let roles_caption = td_string!(i18n, org_tree.roles_caption, name = name.clone()).to_string();
    let rounds_caption = td_string!(i18n, org_tree.rounds_caption, name = name.clone()).to_string();
    let has_successions = !predecessors.is_empty() || !successors.is_empty();
    view! {
        <Title text=name.clone() />
        <nav class="breadcrumb" aria-label=move || td_string!(i18n, org_tree.breadcrumb_label).to_string()>
            <ol>
                <li><a href=ADMIN>{td!(i18n, admin.title)}</a></li>
                <li><a href=ADMIN_ORGANISATION>{td!(i18n, org_tree.title)}</a></li>
                {above.into_iter().map(|(id, name, linkable)| view! {
                    <li>
                        {if linkable {
                            view! { <a href=org_node_path(id)>{name}</a> }.into_any()
                        } else {
                            view! { <span>{name}</span> }.into_any()
                        }}
                    </li>
                }).collect_view()}
                <li><span aria-current="page">{name.clone()}</span></li>
            </ol>
        </nav>
        <h1>{name.clone()}</h1>
        <p class="muted">{life}</p>
        {closed.then(|| view! { <p class="notice">{td!(i18n, org_tree.closed_note)}</p> })}
        {(!closed).then(|| view! {
            <ul class="link-list">
                <li><a href=node_access_path(id)>{td!(i18n, org_tree.access_link)}</a></li>
                {may_change.then(|| view! {
                    <li><a href=org_change_path(id)>{td!(i18n, org_tree.change_this_link)}</a></li>
                })}
                {may_appoint.then(|| view! {
                    <li><a href=new_unit_manager_path(id)>{td!(i18n, people.appoint_here)}</a></li>
                })}
            </ul>
        })}

        <section aria-labelledby="org-history-heading">
            <h2 id="org-history-heading">{td!(i18n, org_tree.history_heading)}</h2>
            <PeriodsTable periods />
        </section>

        {has_successions.then(|| view! {
            <section aria-labelledby="org-successions-heading">
                <h2 id="org-successions-heading">{td!(i18n, org_tree.successions_heading)}</h2>
                {(!predecessors.is_empty()).then(|| view! {
                    <p>{td!(i18n, org_tree.predecessors_intro)}</p>
                    <SuccessionList lines=predecessors />
                })}
                {(!successors.is_empty()).then(|| view! {
                    <p>{td!(i18n, org_tree.successors_intro)}</p>
                    <SuccessionList lines=successors />
                })}
            </section>
        })}

        {(!closed).then(|| view! {
            <section aria-labelledby="org-children-heading">
                <h2 id="org-children-heading">{td!(i18n, org_tree.children_heading)}</h2>
                {if children.is_empty() {
                    view! { <p>{td!(i18n, org_tree.children_none)}</p> }.into_any()
                } else {
                    view! { <NodeLines lines=children /> }.into_any()
                }}
            </section>
        })}

        {(!former_children.is_empty()).then(|| view! {
            <section aria-labelledby="org-former-children-heading">
                <h2 id="org-former-children-heading">{td!(i18n, org_tree.former_children_heading)}</h2>
                <FormerLines lines=former_children />
            </section>
        })}

        {(!closed).then(|| view! {
            <section aria-labelledby="org-roles-heading">
                <h2 id="org-roles-heading">{td!(i18n, org_tree.roles_heading)}</h2>
                {if holders.is_empty() {
                    view! { <p>{td!(i18n, org_tree.roles_none)}</p> }.into_any()
                } else {
                    view! { <HoldersTable holders caption=roles_caption /> }.into_any()
                }}
            </section>
        })}

        <section aria-labelledby="org-rounds-heading">
            <h2 id="org-rounds-heading">{td!(i18n, org_tree.rounds_heading)}</h2>
            {if rounds.is_empty() {
                view! { <p>{td!(i18n, org_tree.rounds_none)}</p> }.into_any()
            } else {
                view! { <RoundsTable rounds caption=rounds_caption /> }.into_any()
            }}
        </section>
    }
}

#[component]
fn PeriodsTable(periods: Vec<PeriodLine>) -> impl IntoView {
    let i18n = locale();
    view! {
        <div class="table-scroll" role="region" aria-labelledby="org-history-caption" tabindex="0">
            <table class="table">
                <caption id="org-history-caption">{td!(i18n, org_tree.history_caption)}</caption>
                <thead>
                    <tr>
                        <th scope="col">{td!(i18n, org_tree.col_from)}</th>
                        <th scope="col">{td!(i18n, org_tree.col_until)}</th>
                        <th scope="col">{td!(i18n, org_tree.col_name)}</th>
                        <th scope="col">{td!(i18n, org_tree.col_parent)}</th>
                    </tr>
                </thead>
                <tbody>
                    {periods.into_iter().map(|period| {
                        let until = period.until.clone().unwrap_or_else(|| td_string!(i18n, org_tree.still_valid).to_string());
                        let parent = match period.parent {
                            Some((parent, name)) if period.parent_linkable => {
                                view! { <a href=org_node_path(parent)>{name}</a> }.into_any()
                            }
                            Some((_, name)) => view! { <span>{name}</span> }.into_any(),
                            None => view! { <span>{td!(i18n, org_tree.no_parent)}</span> }.into_any(),
                        };
                        view! {
                            <tr>
                                <td>{period.from}</td>
                                <td>{until}</td>
                                <th scope="row">{period.name}</th>
                                <td>{parent}</td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}

#[component]
fn SuccessionList(lines: Vec<SuccessionLine>) -> impl IntoView {
    let i18n = locale();
    view! {
        <ul class="plain-list">
            {lines.into_iter().map(|line| {
                let text = td_string!(i18n, org_tree.succession_line, name = line.name.clone(), date = line.effective.clone()).to_string();
                view! {
                    <li>
                        {if line.linkable {
                            view! { <a href=org_node_path(line.id)>{text}</a> }.into_any()
                        } else {
                            view! { <span>{text}</span> }.into_any()
                        }}
                    </li>
                }
            }).collect_view()}
        </ul>
    }
}

#[component]
fn RoundsTable(rounds: Vec<NodeRound>, caption: String) -> impl IntoView {
    let i18n = locale();
    let unit = rounds.iter().any(|round| round.unit_status.is_some());
    view! {
        <div class="table-scroll" role="region" aria-labelledby="org-rounds-caption" tabindex="0">
            <table class="table">
                <caption id="org-rounds-caption">{caption}</caption>
                <thead>
                    <tr>
                        <th scope="col">{td!(i18n, org_tree.col_round)}</th>
                        <th scope="col">{td!(i18n, org_tree.col_period)}</th>
                        <th scope="col">{td!(i18n, org_tree.col_round_status)}</th>
                        {unit.then(|| view! { <th scope="col">{td!(i18n, org_tree.col_unit_status)}</th> })}
                    </tr>
                </thead>
                <tbody>
                    {rounds.into_iter().map(|line| {
                        let period = format!("{} – {}", line.round.opens_on, line.round.closes_on);
                        view! {
                            <tr>
                                <th scope="row"><a href=round_path(line.round.id)>{line.round.name.clone()}</a></th>
                                <td>{period}</td>
                                <td>{round_status_label(i18n, line.round.status)}</td>
                                {unit.then(|| view! {
                                    <td>{line.unit_status.map(|status| view! { <StatusBadge status /> })}</td>
                                })}
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}
