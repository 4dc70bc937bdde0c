//! The slides of a board presentation (nämndpresentation), in order. Each has a stable key
//! (stored with the presenter's comment and whether it is hidden) and a name in the
//! catalogue.

use serde::{Deserialize, Serialize};

/// One slide of the presentation of an organisation in a round.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum SlideKind {
    /// The organisation, the round and the date.
    Title,
    /// How many units answered.
    ResponseRate,
    /// The index and both sub-indices against the city and the previous round.
    Indices,
    /// Every dimension against the city and the previous round, as a radar.
    Radar,
    /// The organisations (or units) below, dimension by dimension.
    HeatMap,
    /// The share of units at each maturity level, per dimension.
    Levels,
    /// The strongest and the weakest dimensions.
    Extremes,
    /// The index and the dimensions over the rounds.
    Trend,
    /// Improvement actions chosen by the presenter.
    Actions,
    /// A closing summary.
    Summary,
}

impl SlideKind {
    pub const ALL: [SlideKind; 10] = [
        SlideKind::Title,
        SlideKind::ResponseRate,
        SlideKind::Indices,
        SlideKind::Radar,
        SlideKind::HeatMap,
        SlideKind::Levels,
        SlideKind::Extremes,
        SlideKind::Trend,
        SlideKind::Actions,
        SlideKind::Summary,
    ];

    /// The key stored in `deck_slide.slide` and used in the slide's element id.
    pub fn key(self) -> &'static str {
        match self {
            SlideKind::Title => "titel",
            SlideKind::ResponseRate => "svarsfrekvens",
            SlideKind::Indices => "index",
            SlideKind::Radar => "profil",
            SlideKind::HeatMap => "jamforelse",
            SlideKind::Levels => "nivaer",
            SlideKind::Extremes => "starkast-svagast",
            SlideKind::Trend => "utveckling",
            SlideKind::Actions => "atgarder",
            SlideKind::Summary => "sammanfattning",
        }
    }

    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|kind| kind.key() == key)
    }
}

/// The longest comment or speaker note on a slide.
pub const SLIDE_TEXT_MAX_CHARS: usize = 2_000;
/// The most improvement actions one presentation shows.
pub const MAX_CHOSEN_ACTIONS: usize = 12;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_slide_has_its_own_key() {
        for kind in SlideKind::ALL {
            assert_eq!(SlideKind::from_key(kind.key()), Some(kind));
        }
        assert_eq!(SlideKind::from_key("<script>"), None);
    }
}
