//! What the board presentation's pages receive and send.

use crate::api::results::OrgResults;
use crate::domain::actions::ActionStatus;
use crate::domain::ids::ActionId;
use crate::domain::slide::SlideKind;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// The presentation of one organisation in one published round, as the viewer may see it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Deck {
    /// The organisation's results, under the same rules as the results page.
    pub results: OrgResults,
    /// Today, as the title slide shows it (ISO, e.g. `2026-12-01`).
    pub date: String,
    /// Whether the viewer may change the comments, notes, hidden slides and actions.
    pub can_edit: bool,
    /// Every slide in order, hidden ones included (the show leaves them out).
    pub slides: Vec<DeckSlide>,
    /// The dimensions with the highest and lowest means as shown (all that tie).
    pub strongest: Vec<String>,
    pub weakest: Vec<String>,
    /// The chosen improvement actions; `None` when the viewer may not see the units'.
    pub actions: Option<Vec<DeckAction>>,
    /// For the presenter editing: every action of the units below, the chosen ones marked.
    pub candidates: Vec<DeckAction>,
}

impl Deck {
    /// The slides the show and the print include.
    pub fn visible_slides(&self) -> impl Iterator<Item = &DeckSlide> {
        self.slides.iter().filter(|slide| !slide.hidden)
    }
}

/// One slide: its heading, the generated summary and the presenter's comment and notes.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DeckSlide {
    pub kind: SlideKind,
    pub title: String,
    /// A sentence or two in plain Swedish, generated from the figures shown.
    pub summary: String,
    /// The presenter's comment, shown on the slide.
    pub comment: String,
    /// The presenter's speaker notes, not shown to the board nor printed.
    pub notes: String,
    pub hidden: bool,
}

/// An improvement action on the actions slide.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DeckAction {
    pub id: ActionId,
    pub unit: String,
    pub dimension: String,
    pub title: String,
    pub owner: String,
    pub due_on: String,
    pub status: ActionStatus,
    pub chosen: bool,
}

/// The presenter's edit form, unchecked: per slide key its comment, notes and whether it is
/// hidden (a checkbox, present when ticked), and the ids of the chosen actions (checkboxes).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct DeckForm {
    pub round_id: i64,
    pub node_id: i64,
    #[serde(default)]
    pub comment: HashMap<String, String>,
    #[serde(default)]
    pub notes: HashMap<String, String>,
    #[serde(default)]
    pub hidden: HashMap<String, String>,
    #[serde(default)]
    pub action: HashMap<String, String>,
}
