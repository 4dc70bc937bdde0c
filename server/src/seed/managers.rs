//! Unit managers for the demo city: most units get a generated manager (a name and an
//! address under `exempel.mognad.test`, a domain that receives no mail, and no password, so
//! they cannot sign in), some share one with the unit before them in the same department,
//! some have two, and a few have none, as in a real city. The demo accounts' units keep
//! only their demo manager. Drawn from their own random stream, so the rest of the demo
//! city is the same as without them.

use super::city::DemoCity;
use app::db::Conn;
use app::db::users::{grant, upsert};
use app::domain::ids::{NodeId, UserId};
use app::domain::rights::Role;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use std::collections::HashSet;

/// The domain of the generated managers' addresses.
pub const MANAGER_EMAIL_DOMAIN: &str = "exempel.mognad.test";

const FIRST_NAMES: [&str; 40] = [
    "Anna", "Erik", "Maria", "Lars", "Karin", "Johan", "Sara", "Anders", "Eva", "Mikael", "Lena", "Per", "Emma",
    "Fredrik", "Kristina", "Jonas", "Helena", "Daniel", "Sofia", "Magnus", "Linnéa", "Oskar", "Elin", "Ali", "Fatima",
    "Mohammed", "Amina", "Yusuf", "Leila", "Hassan", "Åsa", "Göran", "Ingrid", "Björn", "Märta", "Tomas", "Hanna",
    "Nils", "Ebba", "Zeynep",
];

const LAST_NAMES: [&str; 40] = [
    "Andersson",
    "Johansson",
    "Karlsson",
    "Nilsson",
    "Eriksson",
    "Larsson",
    "Olsson",
    "Persson",
    "Svensson",
    "Gustafsson",
    "Pettersson",
    "Jonsson",
    "Jansson",
    "Hansson",
    "Bengtsson",
    "Jönsson",
    "Lindberg",
    "Jakobsson",
    "Magnusson",
    "Lindström",
    "Olofsson",
    "Lindqvist",
    "Lindgren",
    "Berg",
    "Axelsson",
    "Bergström",
    "Lundberg",
    "Lind",
    "Lundgren",
    "Mattsson",
    "Berglund",
    "Fredriksson",
    "Sandberg",
    "Henriksson",
    "Ali",
    "Mohamed",
    "Ahmed",
    "Yilmaz",
    "Nyström",
    "Åberg",
];

/// Out of 100 units: how many have no manager, share the previous unit's, have two.
const WITHOUT_MANAGER: u32 = 4;
const SHARED_MANAGER: u32 = 8;
const TWO_MANAGERS: u32 = 5;

/// The random stream of the managers, apart from the city's.
const STREAM: u64 = 0x6d61_6e61_6765_7273;

/// A name as an address part: lower case, Swedish letters without their marks.
fn address_part(name: &str) -> String {
    name.to_lowercase()
        .chars()
        .map(|c| match c {
            'å' | 'ä' => 'a',
            'ö' => 'o',
            'é' => 'e',
            other => other,
        })
        .filter(char::is_ascii_alphanumeric)
        .collect()
}

/// Makes the managers of the city's units, except those in `already_managed`; returns
/// how many people were made.
pub async fn create(conn: &mut Conn, city: &DemoCity, seed: u64, already_managed: &[NodeId]) -> anyhow::Result<usize> {
    let mut rng = ChaCha8Rng::seed_from_u64(seed ^ STREAM);
    let mut taken: HashSet<String> = HashSet::new();
    let mut made = 0;
    let mut previous: Option<(UserId, NodeId, &str)> = None;
    for unit in city.units.iter().filter(|unit| !already_managed.contains(&unit.id)) {
        let roll = rng.random_range(0..100);
        if roll < WITHOUT_MANAGER {
            continue;
        }
        let same_department = previous.filter(|(_, administration, department)| {
            *administration == unit.administration && *department == unit.department
        });
        let manager = match same_department {
            Some((manager, ..)) if roll < WITHOUT_MANAGER + SHARED_MANAGER => manager,
            _ => {
                made += 1;
                new_manager(conn, &mut rng, &mut taken).await?
            }
        };
        grant(conn, manager, unit.id, Role::UnitManager).await?;
        if rng.random_range(0..100) < TWO_MANAGERS {
            made += 1;
            let second = new_manager(conn, &mut rng, &mut taken).await?;
            grant(conn, second, unit.id, Role::UnitManager).await?;
        }
        previous = Some((manager, unit.administration, &unit.department));
    }
    Ok(made)
}

async fn new_manager(conn: &mut Conn, rng: &mut ChaCha8Rng, taken: &mut HashSet<String>) -> anyhow::Result<UserId> {
    let first = FIRST_NAMES[rng.random_range(0..FIRST_NAMES.len())];
    let last = LAST_NAMES[rng.random_range(0..LAST_NAMES.len())];
    let base = format!("{}.{}", address_part(first), address_part(last));
    let mut email = format!("{base}@{MANAGER_EMAIL_DOMAIN}");
    let mut number = 1;
    while taken.contains(&email) {
        number += 1;
        email = format!("{base}{number}@{MANAGER_EMAIL_DOMAIN}");
    }
    taken.insert(email.clone());
    Ok(upsert(conn, &email, &format!("{first} {last}"), None).await?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_are_plain_ascii() {
        assert_eq!(address_part("Åsa"), "asa");
        assert_eq!(address_part("Linnéa"), "linnea");
        assert_eq!(address_part("Jönsson"), "jonsson");
        assert_eq!(address_part("Märta"), "marta");
    }
}
