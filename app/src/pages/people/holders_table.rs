//! Everyone whose role covers an organisation, as a table: the person (a link where the
//! viewer may open them), e-mail address, role, where it is held, and whether they can
//! sign in.

use super::shared::role_name;
use crate::api::people::AccessHolder;
use crate::components::translations::locale;
use crate::i18n::*;
use crate::routes::admin_person_path;
use leptos::prelude::*;

#[component]
pub fn HoldersTable(holders: Vec<AccessHolder>, caption: String) -> impl IntoView {
    let i18n = locale();
    view! {
        <div class="table-scroll" role="region" aria-labelledby="access-caption" tabindex="0">
            <table class="table">
                <caption id="access-caption">{caption}</caption>
                <thead>
                    <tr>
                        <th scope="col">{td!(i18n, people.col_name)}</th>
                        <th scope="col">{td!(i18n, people.col_email)}</th>
                        <th scope="col">{td!(i18n, people.col_role)}</th>
                        <th scope="col">{td!(i18n, people.col_held_on)}</th>
                        <th scope="col">{td!(i18n, people.col_status)}</th>
                    </tr>
                </thead>
                <tbody>
                    {holders.into_iter().map(|holder| {
                        let held_on = if holder.inherited {
                            td_string!(i18n, people.held_above, name = holder.held_on_name.clone()).to_string()
                        } else {
                            td_string!(i18n, people.held_here).to_string()
                        };
                        let status = if holder.active {
                            td_string!(i18n, people.status_active).to_string()
                        } else {
                            td_string!(i18n, people.status_deactivated_cannot).to_string()
                        };
                        view! {
                            <tr>
                                <th scope="row">
                                    {if holder.linkable {
                                        view! { <a href=admin_person_path(holder.person)>{holder.name.clone()}</a> }.into_any()
                                    } else {
                                        view! { <span>{holder.name.clone()}</span> }.into_any()
                                    }}
                                </th>
                                <td class="table__wrap">{holder.email.clone()}</td>
                                <td>{role_name(i18n, holder.role)}</td>
                                <td>{held_on}</td>
                                <td>{status}</td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}
