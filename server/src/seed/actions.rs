//! Improvement actions for the demo: units that submitted in the published round planned
//! one to three actions, some since done or dropped, others still open, so the open round
//! shows them to follow up and carry on.

use app::domain::actions::{ActionStatus, ActionValues};
use app::domain::framework::Framework;
use rand::seq::IndexedRandom;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

const TITLES: &[&str] = &[
    "Gemensam rutin för uppföljning av mål",
    "Utbildning i förbättringsarbete för all personal",
    "Tydligare ansvarsfördelning i arbetslagen",
    "Regelbunden dialog med brukare och anhöriga",
    "Dokumentera och sprida goda exempel",
    "Kartlägga och förenkla våra arbetsprocesser",
    "Återkommande egenkontroller",
    "Handlingsplan efter brukarundersökningen",
    "Bättre information på webbplatsen",
    "Samverkan med närliggande verksamheter",
    "Uppföljning av avtal och leverantörer",
    "Mäta nöjdhet två gånger per år",
];
const OWNERS: &[&str] = &["Enhetschef", "Biträdande enhetschef", "Kvalitetsutvecklare", "Arbetsgruppen", "Samordnare"];
const DESCRIPTION: &str = "Beslutad på arbetsplatsträff. Följs upp på ledningsgruppens möten varje kvartal.";

/// The actions of one unit (by dimension key). `open_too`: at least two are still open.
pub fn actions_for(framework: &Framework, unit: i64, open_too: bool) -> Vec<(String, ActionValues)> {
    // A generator of its own, so actions do not shift the rest of the demo's numbers.
    let mut rng = ChaCha8Rng::seed_from_u64(0xAC71_0000 ^ unit.unsigned_abs());
    let count = if open_too { 3 } else { rng.random_range(1..=3) };
    (0..count)
        .map(|index| {
            let dimension = framework.dimensions.choose(&mut rng).map(|d| d.key.to_string()).unwrap_or_default();
            let status = match rng.random::<f64>() {
                _ if open_too && index == 0 => ActionStatus::InProgress,
                _ if open_too && index == 1 => ActionStatus::Planned,
                draw if draw < 0.25 => ActionStatus::Planned,
                draw if draw < 0.55 => ActionStatus::InProgress,
                draw if draw < 0.9 => ActionStatus::Done,
                _ => ActionStatus::Dropped,
            };
            let month = rng.random_range(1..=12);
            let values = ActionValues {
                title: TITLES.choose(&mut rng).copied().unwrap_or_default().to_owned(),
                description: DESCRIPTION.to_owned(),
                owner: OWNERS.choose(&mut rng).copied().unwrap_or_default().to_owned(),
                due_on: format!("2024-{month:02}-{}", if month == 2 { 28 } else { 30 }),
                status,
            };
            (dimension, values)
        })
        .collect()
}
