//! Demo accounts: one of the quality department, one head of a stadsdelsförvaltning, two
//! unit managers of units in different administrations; and a disabled system account that
//! the generated answers are recorded as.

use super::city::DemoCity;
use anyhow::Context;
use app::db::users::{grant, upsert};
use app::db::{self, Conn, Pool};
use app::domain::ids::{NodeId, UserId};
use app::domain::rights::Role;

/// How every demo account's e-mail address ends.
pub const DEMO_EMAIL_SUFFIX: &str = "@mognad.test";

/// The password of every demo account. Demo data only: `serve --demo` is for trying the
/// service out, never for real use.
pub const DEMO_PASSWORD: &str = "Mognad-demo-2026";

/// A person who can sign in to the demo.
#[derive(Clone, Debug)]
pub struct DemoUser {
    pub email: String,
    pub name: String,
    /// What they are, in Swedish, e.g. "Enhetschef, Förskolan Blåklockan (Järva)".
    pub description: String,
    /// The unit they manage, for unit managers.
    pub unit: Option<NodeId>,
}

/// The demo accounts.
#[derive(Clone, Debug)]
pub struct DemoUsers {
    pub system: UserId,
    pub people: Vec<DemoUser>,
}

const HEAD_ADMINISTRATION: &str = "Järva stadsdelsförvaltning";
const OTHER_ADMINISTRATION: &str = "Södermalms stadsdelsförvaltning";

/// The first unit of an administration in a department whose name starts with `department`.
fn first_unit<'c>(city: &'c DemoCity, administration: &str, department: &str) -> anyhow::Result<&'c super::city::Unit> {
    let administration =
        city.administration_named(administration).with_context(|| format!("{administration} missing"))?;
    city.units
        .iter()
        .find(|unit| unit.administration == administration.id && unit.department.starts_with(department))
        .with_context(|| format!("no unit in {department}"))
}

pub async fn create(conn: &mut Conn, city: &DemoCity) -> anyhow::Result<DemoUsers> {
    let password = app::api::auth::passwords::hash(DEMO_PASSWORD);
    let system = upsert(conn, "system@mognad.invalid", "Demodata (genererad)", None).await?;
    app::db::sql::query("UPDATE app_user SET disabled = TRUE WHERE id = $1").bind(system.0).execute(&mut *conn).await?;

    let head_node = city.administration_named(HEAD_ADMINISTRATION).context("head's administration missing")?.id;
    let unit_a = first_unit(city, HEAD_ADMINISTRATION, "Avdelningen för förskola")?;
    let unit_b = first_unit(city, OTHER_ADMINISTRATION, "Avdelningen för äldreomsorg")?;
    let unit_c = first_unit(city, HEAD_ADMINISTRATION, "Avdelningen för kultur och fritid")?;

    let people = [
        (
            "kvalitet@mognad.test",
            "Eva Lindqvist",
            "Kvalitetsavdelningen, stadsledningskontoret: allt i hela staden".to_owned(),
            city.root,
            Role::QualityDepartment,
            None,
        ),
        (
            "forvaltningschef@mognad.test",
            "Ahmed Hassan",
            format!("Förvaltningschef, {HEAD_ADMINISTRATION}: läser alla enheter i förvaltningen"),
            head_node,
            Role::Head,
            None,
        ),
        (
            "enhetschef.jarva@mognad.test",
            "Maria Svensson",
            format!("Enhetschef, {} ({HEAD_ADMINISTRATION})", unit_a.name),
            unit_a.id,
            Role::UnitManager,
            Some(unit_a.id),
        ),
        (
            "enhetschef.sodermalm@mognad.test",
            "Johan Berg",
            format!("Enhetschef, {} ({OTHER_ADMINISTRATION})", unit_b.name),
            unit_b.id,
            Role::UnitManager,
            Some(unit_b.id),
        ),
        (
            "bitradande.jarva@mognad.test",
            "Lina Ek",
            format!("Biträdande enhetschef, {} ({HEAD_ADMINISTRATION})", unit_c.name),
            unit_c.id,
            Role::UnitManager,
            Some(unit_c.id),
        ),
    ];
    let mut created = Vec::with_capacity(people.len());
    for (email, name, description, node, role, unit) in people {
        let id = upsert(conn, email, name, Some(&password)).await?;
        grant(conn, id, node, role).await?;
        created.push(DemoUser { email: email.to_owned(), name: name.to_owned(), description, unit });
    }
    Ok(DemoUsers { system, people: created })
}

/// The demo accounts of an already seeded database, described from their roles, e.g.
/// "Enhetschef, Förskolan Blåklockan".
pub async fn accounts_in(pool: &Pool) -> anyhow::Result<Vec<DemoUser>> {
    let today = db::clock::today();
    let mut accounts = Vec::new();
    for email in db::users::emails_ending_with(pool, DEMO_EMAIL_SUFFIX).await? {
        let Some(user) = db::users::find_by_email(pool, &email).await? else { continue };
        let mut roles = Vec::new();
        for grant in db::users::grants(pool, user.id).await? {
            let node = db::org::node_at(pool, grant.node, today).await?.map(|node| node.name).unwrap_or_default();
            roles.push(format!("{}, {node}", app::api::auth::role_name(grant.role)));
        }
        accounts.push(DemoUser { email, name: user.display_name, description: roles.join("; "), unit: None });
    }
    Ok(accounts)
}
