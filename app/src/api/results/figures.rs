//! Picking one figure out of an organisation's figures, and cutting it to what a viewer
//! may see: shared by the results page, the unit profile and the trend (server only).

use super::types::{Figure, Shown};
use crate::domain::aggregate::{OrgFigures, Spread};
use crate::domain::framework::{DimensionGroup, Framework};
use crate::domain::privacy::Visibility;

/// A figure as a viewer may see it (`visibility` from `domain::disclosure`): n and the mean,
/// and the spread where it may be shown.
pub fn shown(visibility: Visibility, spread: Option<&Spread>) -> Shown<Figure> {
    match (visibility, spread) {
        (Visibility::Hidden, _) => Shown::TooFew,
        (_, None) => Shown::Missing,
        (visibility, Some(spread)) => Shown::Value(Figure {
            n: spread.n,
            mean: spread.mean,
            spread: (visibility == Visibility::Full).then(|| spread.distribution()),
        }),
    }
}

/// The mean of [`shown`].
pub fn shown_mean(visibility: Visibility, spread: Option<&Spread>) -> Shown<f64> {
    match (visibility, spread) {
        (Visibility::Hidden, _) => Shown::TooFew,
        (_, None) => Shown::Missing,
        (_, Some(spread)) => Shown::Value(spread.mean),
    }
}

/// How many units answered, where that may be shown.
pub fn shown_count(may_show: bool, submitted: usize) -> Shown<usize> {
    if may_show { Shown::Value(submitted) } else { Shown::TooFew }
}

/// One figure of `figures`: `index`, a group's key or a dimension's key.
pub fn figure<'a>(figures: Option<&'a OrgFigures>, key: &str) -> Option<&'a Spread> {
    figures?.by_key(key)
}

/// The keys and names of the figures, in the page's order: the index, the two sub-indices,
/// then each dimension.
pub fn figure_keys(framework: &Framework) -> Vec<(String, String, Option<DimensionGroup>)> {
    let mut keys = vec![("index".to_owned(), index_name(), None)];
    for group in DimensionGroup::ALL {
        let name =
            framework.groups.iter().find(|info| info.group == group).map(|info| info.name.clone()).unwrap_or_default();
        keys.push((group.key().to_owned(), name, Some(group)));
    }
    for dimension in &framework.dimensions {
        keys.push((dimension.key.to_string(), dimension.name.clone(), Some(dimension.group)));
    }
    keys
}

/// The index's name, for charts drawn on the server.
pub fn index_name() -> String {
    use crate::i18n::{Locale, td_string};
    td_string!(Locale::sv, results.index).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::aggregate::spread;

    #[test]
    fn a_figure_shows_as_much_as_its_visibility_allows() {
        let five = spread(&[1.0, 2.0, 3.0, 4.0, 5.0]).unwrap();
        assert_eq!(shown(Visibility::Hidden, Some(&five)), Shown::TooFew);
        let Shown::Value(mean_only) = shown(Visibility::Mean, Some(&five)) else { panic!("shown") };
        assert_eq!((mean_only.n, mean_only.mean, mean_only.spread), (5, 3.0, None), "no spread is sent");
        let Shown::Value(full) = shown(Visibility::Full, Some(&five)) else { panic!("shown") };
        assert_eq!(full.spread.map(|spread| spread.median), Some(3.0));
        assert_eq!(shown(Visibility::Full, None), Shown::Missing);
        assert_eq!(shown_mean(Visibility::Mean, Some(&five)), Shown::Value(3.0));
        assert_eq!(shown_count(false, 4), Shown::TooFew);
    }
}
