//! People and their roles: finding people, a person's page, creating a person (who chooses
//! a password through a one-time link), giving and taking roles, deactivating and
//! reactivating, who can see an organisation, and importing unit managers from a file.
//! Who may do what is `domain::people_access` and `domain::rights`: the quality department
//! everything; a head appoints unit managers inside their subtree and nothing else.
//! Every change is in the admin log, in the change's own transaction.

#[cfg(feature = "ssr")]
pub mod access;
#[cfg(feature = "ssr")]
pub mod import;
#[cfg(feature = "ssr")]
pub mod kept;
#[cfg(feature = "ssr")]
pub mod search;
mod types;
#[cfg(feature = "ssr")]
pub mod upload;

pub use types::{
    AccessHolder, ImportView, NewPersonView, NodeAccess, PeoplePage, PersonSummary, PersonView, RefusedForm, RoleHeld,
};

use crate::api::error::AppError;
use crate::domain::ids::{NodeId, UserId};
use leptos::prelude::*;

/// The form fields of a person and of a role given.
pub const NAME_FIELD: &str = "name";
pub const EMAIL_FIELD: &str = "email";
pub const ROLE_FIELD: &str = "role";
pub const NODE_FIELD: &str = "node";
/// The field of an import's text.
pub const IMPORT_TEXT_FIELD: &str = "text";
/// The field of an import's file.
pub const IMPORT_FILE_FIELD: &str = "file";

/// People matching `query` (every word in the name or e-mail address), page `page`, in
/// what the viewer works with; and, if `org` is given, the organisations matching it (to
/// see who can see one).
#[server(endpoint = "people")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all, err(level = "debug")))]
pub async fn search_people(
    query: Option<String>,
    page: Option<usize>,
    org: Option<String>,
) -> Result<PeoplePage, AppError> {
    use self::access::{Paths, admin};

    let admin = admin().await?;
    let paths = Paths::today(&admin.pool).await?;
    let mut found = search::find(&admin, &paths, query.as_deref().unwrap_or(""), page.unwrap_or(1)).await?;
    if let Some(org) = org.filter(|org| !org.trim().is_empty()) {
        found.org_hits = admin.find_nodes(&org, false).await?;
        found.org_query = org;
    }
    Ok(found)
}

/// A person's page: who they are, their roles (those the viewer may see), what the viewer
/// may do; `org` searches the organisations to give a role on; `refused` names a refused
/// role form (`?avvisad=`).
#[server(endpoint = "person")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all, err(level = "debug")))]
pub async fn load_person(person: UserId, org: Option<String>, refused: Option<String>) -> Result<PersonView, AppError> {
    use self::access::{Paths, admin};
    use crate::db;
    use crate::domain::people_access::roles_to_give;

    let admin = admin().await?;
    let paths = Paths::today(&admin.pool).await?;
    let row = db::people::person(&admin.pool, person).await?.ok_or(AppError::NotFound)?;
    let roles = search::roles_of(&admin.pool, person).await?;
    if !admin.sees(&roles, &paths) {
        return Err(AppError::Forbidden);
    }
    let org_query = org.unwrap_or_default();
    let org_hits = admin.find_nodes(&org_query, !admin.scope.is_everyone()).await?;
    Ok(PersonView {
        person: admin.summary(row, &roles, &paths),
        manages_accounts: admin.manages_accounts(),
        is_self: person == admin.caller.id,
        roles_to_give: roles_to_give(&admin.caller.grants, admin.city),
        org_query,
        org_hits,
        refused: kept::refused(&admin.pool, admin.caller.id, refused.as_deref()).await?,
    })
}

/// The page that creates a person: as unit manager of `unit` (anyone who may appoint unit
/// managers there), or without a role (the quality department); `org` searches the units
/// the viewer may appoint managers of.
#[server(endpoint = "new_person")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all, err(level = "debug")))]
pub async fn load_new_person(
    unit: Option<NodeId>,
    org: Option<String>,
    refused: Option<String>,
) -> Result<NewPersonView, AppError> {
    use self::access::{Paths, admin};

    let admin = admin().await?;
    let paths = Paths::today(&admin.pool).await?;
    let unit = match unit {
        Some(unit) => Some(search::appointable_unit(&admin, &paths, unit)?),
        None => None,
    };
    let org_query = org.unwrap_or_default();
    Ok(NewPersonView {
        manages_accounts: admin.manages_accounts(),
        unit,
        unit_hits: admin.find_nodes(&org_query, true).await?,
        org_query,
        refused: kept::refused(&admin.pool, admin.caller.id, refused.as_deref()).await?,
    })
}

/// Creates a person, who gets an e-mail with a one-time link to choose a password. With
/// `unit`, they are appointed its unit manager — and if the address belongs to someone
/// already, that person is (the name is then not used). Without, only the quality
/// department may create. Goes to the person's page; `None` when a plain post was refused.
#[server(endpoint = "create_person")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all, err(level = "debug")))]
pub async fn create_person(name: String, email: String, unit: Option<NodeId>) -> Result<Option<UserId>, AppError> {
    use self::access::{Paths, admin};
    use crate::api::password::links::{self, LinkMail, LinkToSend};
    use crate::db::admin_log::{AdminEntry, append};
    use crate::db::{self, pool::begin_write};
    use crate::domain::admin_action::AdminAction;
    use crate::domain::people::{Email, PersonName};
    use crate::domain::raw_answers::{FieldError, FieldProblem};
    use crate::domain::rights::{Role, RoleGrant};
    use crate::routes::{ADMIN_NEW_PERSON, Notice, admin_person_path, new_unit_manager_path, with_notice};

    let admin = admin().await?;
    let paths = Paths::today(&admin.pool).await?;
    let page = match unit {
        Some(unit) => {
            search::appointable_unit(&admin, &paths, unit)?;
            new_unit_manager_path(unit)
        }
        None if admin.manages_accounts() => ADMIN_NEW_PERSON.to_owned(),
        None => return Err(AppError::Forbidden),
    };
    let problem = |key: &str, problem| FieldError { group: "person".to_owned(), key: key.to_owned(), problem };
    let mut problems = Vec::new();
    let parsed_email = Email::parse(&email).map_err(|error| problems.push(problem(EMAIL_FIELD, error))).ok();
    let existing = match &parsed_email {
        Some(email) => db::users::find_by_email(&admin.pool, email.as_str()).await?,
        None => None,
    };
    let parsed_name = match (&existing, unit) {
        // Appointing someone who exists: their stored name stays.
        (Some(_), Some(_)) => None,
        _ => PersonName::parse(&name).map_err(|error| problems.push(problem(NAME_FIELD, error))).ok(),
    };
    match (&existing, unit) {
        (Some(_), None) => problems.push(problem(EMAIL_FIELD, FieldProblem::Taken)),
        (Some(person), Some(_)) if person.disabled => problems.push(problem(EMAIL_FIELD, FieldProblem::Deactivated)),
        _ => {}
    }
    let (Some(email), true) = (parsed_email, problems.is_empty()) else {
        admin.refuse(&page, vec![(NAME_FIELD.into(), name), (EMAIL_FIELD.into(), email)], problems).await?;
        return Ok(None);
    };

    let context = admin.context();
    let mut tx = begin_write(&admin.pool).await?;
    let (person, created) = match &existing {
        Some(person) => (person.id, false),
        None => {
            let name = parsed_name.as_ref().map(PersonName::as_str).unwrap_or_default();
            // Inside the write nobody else creates people, so the address is still free.
            (db::people::create(&mut tx, email.as_str(), name).await?.ok_or(AppError::Internal)?, true)
        }
    };
    let mut entries = Vec::new();
    if created {
        entries.push(AdminEntry { person: Some(person), ..AdminEntry::of(AdminAction::PersonCreated) });
    }
    let role_given = match unit {
        Some(unit) => db::people::give_role(&mut tx, person, RoleGrant { role: Role::UnitManager, node: unit }).await?,
        None => false,
    };
    if role_given {
        entries.push(AdminEntry {
            person: Some(person),
            node: unit,
            detail: Some(Role::UnitManager.key()),
            ..AdminEntry::of(AdminAction::RoleGiven)
        });
    }
    let token = if created { Some(links::create(&mut tx, person, &context).await?) } else { None };
    append(&mut tx, &context, &entries).await?;
    tx.commit().await?;

    let not_sent = match token {
        Some(token) => {
            let name = parsed_name.map(|name| name.as_str().to_owned()).unwrap_or_default();
            let link = LinkToSend { person, email: email.as_str().to_owned(), name, token };
            links::send_all(&admin.state, &context, &[link], LinkMail::Welcome).await
        }
        None => 0,
    };
    let done = match (created, not_sent, role_given) {
        (true, 0, _) => "skapad",
        (true, _, _) => "skapad-utan-lank",
        (false, _, true) => "roll-given",
        (false, _, false) => "roll-fanns",
    };
    leptos_axum::redirect(&with_notice(&admin_person_path(person), &Notice::Done(done.to_owned())));
    Ok(Some(person))
}

/// Gives `person` the role `role` on `node`, if the viewer may give it there
/// (`rights::may_give_role`) and the role fits the node (`Role::fits`). `org` is the
/// organisation search the form was filled in with, kept if the form is refused.
#[server(endpoint = "give_role")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all, err(level = "debug")))]
pub async fn give_role(
    person: UserId,
    role: String,
    node: Option<NodeId>,
    org: Option<String>,
) -> Result<(), AppError> {
    use self::access::{Paths, admin};
    use crate::db::admin_log::{AdminEntry, append};
    use crate::db::{self, pool::begin_write};
    use crate::domain::admin_action::AdminAction;
    use crate::domain::raw_answers::{FieldError, FieldProblem};
    use crate::domain::rights::{Role, RoleGrant, may_give_role};
    use crate::routes::{Notice, admin_person_path, urlencode, with_notice};

    let admin = admin().await?;
    let paths = Paths::today(&admin.pool).await?;
    let row = db::people::person(&admin.pool, person).await?.ok_or(AppError::NotFound)?;
    if !admin.sees(&search::roles_of(&admin.pool, person).await?, &paths) {
        return Err(AppError::Forbidden);
    }
    let role = Role::from_key(&role).ok_or(AppError::BadRequest)?;
    let mut page = admin_person_path(person);
    if let Some(org) = org.as_deref().filter(|org| !org.trim().is_empty()) {
        page = format!("{page}?org={}", urlencode(org));
    }
    let values = vec![
        (ROLE_FIELD.into(), role.key().to_owned()),
        (NODE_FIELD.into(), node.map(|node| node.to_string()).unwrap_or_default()),
    ];
    let problem = |key: &str, problem| vec![FieldError { group: "role".to_owned(), key: key.to_owned(), problem }];
    let Some(node) = node else {
        return admin.refuse(&page, values, problem(NODE_FIELD, FieldProblem::Missing)).await;
    };
    let path = paths.of(node);
    if path.is_empty() {
        return Err(AppError::NotFound);
    }
    if !may_give_role(&admin.caller.grants, role, path) {
        return Err(AppError::Forbidden);
    }
    if !paths.kind(node).is_some_and(|kind| role.fits(kind)) {
        return admin.refuse(&page, values, problem(NODE_FIELD, FieldProblem::WrongLevel)).await;
    }
    if row.disabled {
        return admin.refuse(&page, values, problem(ROLE_FIELD, FieldProblem::Deactivated)).await;
    }
    let context = admin.context();
    let mut tx = begin_write(&admin.pool).await?;
    let given = db::people::give_role(&mut tx, person, RoleGrant { role, node }).await?;
    if given {
        let entry = AdminEntry {
            person: Some(person),
            node: Some(node),
            detail: Some(role.key()),
            ..AdminEntry::of(AdminAction::RoleGiven)
        };
        append(&mut tx, &context, &[entry]).await?;
    }
    tx.commit().await?;
    let done = if given { "roll-given" } else { "roll-fanns" };
    leptos_axum::redirect(&with_notice(&admin_person_path(person), &Notice::Done(done.to_owned())));
    Ok(())
}

/// Takes `role` on `node` from `person`, if the viewer may (`people_access::may_take_role`).
#[server(endpoint = "take_role")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all, err(level = "debug")))]
pub async fn take_role(person: UserId, role: String, node: NodeId) -> Result<(), AppError> {
    use self::access::{Paths, admin};
    use crate::db::admin_log::{AdminEntry, append};
    use crate::db::{self, pool::begin_write};
    use crate::domain::admin_action::AdminAction;
    use crate::domain::rights::{Role, RoleGrant};
    use crate::routes::{Notice, admin_person_path, with_notice};

    let admin = admin().await?;
    let paths = Paths::today(&admin.pool).await?;
    db::people::person(&admin.pool, person).await?.ok_or(AppError::NotFound)?;
    let grant = RoleGrant { role: Role::from_key(&role).ok_or(AppError::BadRequest)?, node };
    let visible = admin.sees(&search::roles_of(&admin.pool, person).await?, &paths);
    if !visible || !admin.may_take(grant, person, &paths) {
        return Err(AppError::Forbidden);
    }
    let context = admin.context();
    let mut tx = begin_write(&admin.pool).await?;
    if db::people::take_role(&mut tx, person, grant).await? {
        let entry = AdminEntry {
            person: Some(person),
            node: Some(node),
            detail: Some(grant.role.key()),
            ..AdminEntry::of(AdminAction::RoleTaken)
        };
        append(&mut tx, &context, &[entry]).await?;
    }
    tx.commit().await?;
    leptos_axum::redirect(&with_notice(&admin_person_path(person), &Notice::Done("roll-borttagen".to_owned())));
    Ok(())
}

/// Deactivates (`active` false) or reactivates a person: the quality department, never
/// themselves. A deactivated person's sessions end at once (every request checks), and
/// they cannot sign in; their roles stay for a reactivation.
#[server(endpoint = "set_person_active")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all, err(level = "debug")))]
pub async fn set_person_active(person: UserId, active: bool) -> Result<(), AppError> {
    use self::access::admin;
    use crate::db::admin_log::{AdminEntry, append};
    use crate::db::{self, pool::begin_write};
    use crate::domain::admin_action::AdminAction;
    use crate::domain::people_access::may_deactivate;
    use crate::routes::{Notice, admin_person_path, with_notice};

    let admin = admin().await?;
    db::people::person(&admin.pool, person).await?.ok_or(AppError::NotFound)?;
    let allowed = if active {
        admin.manages_accounts()
    } else {
        may_deactivate(&admin.caller.grants, admin.city, admin.caller.id, person).is_ok()
    };
    if !allowed {
        return Err(AppError::Forbidden);
    }
    let context = admin.context();
    let mut tx = begin_write(&admin.pool).await?;
    if db::people::set_disabled(&mut tx, person, !active).await? {
        let action = if active { AdminAction::PersonReactivated } else { AdminAction::PersonDeactivated };
        append(&mut tx, &context, &[AdminEntry { person: Some(person), ..AdminEntry::of(action) }]).await?;
    }
    tx.commit().await?;
    tracing::info!(%person, active, "account activation changed");
    let done = if active { "aktiverad" } else { "inaktiverad" };
    leptos_axum::redirect(&with_notice(&admin_person_path(person), &Notice::Done(done.to_owned())));
    Ok(())
}

/// Sends an active person a new one-time link to choose a password (their earlier unused
/// links stop working): the quality department.
#[server(endpoint = "send_password_link")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all, err(level = "debug")))]
pub async fn send_password_link(person: UserId) -> Result<(), AppError> {
    use self::access::admin;
    use crate::api::password::links::{self, LinkMail, LinkToSend};
    use crate::db::{self, pool::begin_write};
    use crate::routes::{Notice, admin_person_path, with_notice};

    let admin = admin().await?;
    if !admin.manages_accounts() {
        return Err(AppError::Forbidden);
    }
    let row = db::people::person(&admin.pool, person).await?.ok_or(AppError::NotFound)?;
    if row.disabled {
        return Err(AppError::ReadOnly);
    }
    let context = admin.context();
    let mut tx = begin_write(&admin.pool).await?;
    let token = links::create(&mut tx, person, &context).await?;
    tx.commit().await?;
    let link = LinkToSend { person, email: row.email, name: row.name, token };
    let not_sent = links::send_all(&admin.state, &context, &[link], LinkMail::Again).await;
    let done = if not_sent == 0 { "lank-skickad" } else { "lank-ej-skickad" };
    leptos_axum::redirect(&with_notice(&admin_person_path(person), &Notice::Done(done.to_owned())));
    Ok(())
}

/// Who can see an organisation: everyone whose role is held on it or on an organisation
/// above it, with the role and where it is held. For the quality department anywhere, for
/// a head inside their subtree.
#[server(endpoint = "node_access")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all, err(level = "debug")))]
pub async fn load_node_access(node: NodeId) -> Result<NodeAccess, AppError> {
    use self::access::{Paths, admin};

    let admin = admin().await?;
    let paths = Paths::today(&admin.pool).await?;
    search::node_access(&admin, &paths, node).await
}

/// Whether the viewer may import unit managers (`Forbidden` if not).
#[server(endpoint = "import_allowed")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all, err(level = "debug")))]
pub async fn import_allowed(refused: Option<String>) -> Result<Option<RefusedForm>, AppError> {
    use self::access::admin;

    let admin = admin().await?;
    kept::refused(&admin.pool, admin.caller.id, refused.as_deref()).await
}

/// An uploaded import: what it would do (checked again now), or what it did.
#[server(endpoint = "import_review")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all, err(level = "debug")))]
pub async fn load_import(token: String) -> Result<ImportView, AppError> {
    use self::access::admin;
    use self::kept::KeptImport;

    let admin = admin().await?;
    match kept::import(&admin.pool, admin.caller.id, &token).await?.ok_or(AppError::NotFound)? {
        KeptImport::Pending(text) => Ok(ImportView::Review { plan: import::plan_text(&admin, &text).await? }),
        KeptImport::Applied { counts, links_not_sent } => Ok(ImportView::Applied { counts, links_not_sent }),
    }
}

/// Applies an uploaded import, all of it in one transaction or nothing: if any line is
/// refused now, nothing changes (`Invalid`, and the review shows why). New people get
/// their links by e-mail afterwards. Goes to the outcome.
#[server(endpoint = "apply_import")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all, err(level = "debug")))]
pub async fn apply_import(token: String) -> Result<(), AppError> {
    use self::access::admin;
    use crate::routes::import_review_path;

    let admin = admin().await?;
    // Taken, so a second click cannot apply it twice; put back if it does not apply.
    let text = kept::take_import(&admin.pool, admin.caller.id, &token).await?.ok_or(AppError::NotFound)?;
    let applied = match import::apply(&admin, &text).await {
        Ok(Some(applied)) => applied,
        Ok(None) => {
            kept::restore_import(&admin.pool, admin.caller.id, &token, text).await?;
            return Err(AppError::Invalid { fields: Vec::new(), saved_version: None });
        }
        Err(error) => {
            kept::restore_import(&admin.pool, admin.caller.id, &token, text).await?;
            return Err(error);
        }
    };
    let outcome = kept::keep_imported(&admin.pool, admin.caller.id, applied.counts, applied.links_not_sent).await?;
    leptos_axum::redirect(&import_review_path(&outcome));
    Ok(())
}
