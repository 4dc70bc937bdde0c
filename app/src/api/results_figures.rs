//! Picking one figure out of an organisation's figures, and cutting it to what a viewer
//! may see: shared by the results page, the unit profile and the trend (server only).

use super::results::Shown;
use crate::domain::aggregate::{OrgFigures, Spread, may_show_to_others};
use crate::domain::framework::{DimensionGroup, Framework};
use crate::domain::results::ResultsAccess;

/// A figure as a viewer with `access` may see it: withheld over fewer than 3 units unless
/// they see everything there.
pub fn shown(access: Option<ResultsAccess>, spread: Option<&Spread>) -> Shown<Spread> {
    match (access, spread) {
        (None, _) => Shown::TooFew,
        (_, None) => Shown::Missing,
        (Some(ResultsAccess::AggregatesOnly), Some(spread)) if !may_show_to_others(spread.n) => Shown::TooFew,
        (_, Some(spread)) => Shown::Value(spread.clone()),
    }
}

/// The mean of [`shown`].
pub fn shown_mean(access: Option<ResultsAccess>, spread: Option<&Spread>) -> Shown<f64> {
    match shown(access, spread) {
        Shown::Value(spread) => Shown::Value(spread.mean),
        Shown::TooFew => Shown::TooFew,
        Shown::Missing => Shown::Missing,
    }
}

/// One figure of `figures`: `index`, a group's key or a dimension's key.
pub fn figure<'a>(figures: Option<&'a OrgFigures>, key: &str) -> Option<&'a Spread> {
    let figures = figures?;
    match key {
        "index" => figures.index.as_ref(),
        _ => match DimensionGroup::from_key(key) {
            Some(DimensionGroup::Approaches) => figures.approaches.as_ref(),
            Some(DimensionGroup::FocusAreas) => figures.focus_areas.as_ref(),
            None => figures.dimensions.iter().find(|(k, _)| k.as_str() == key).and_then(|(_, spread)| spread.as_ref()),
        },
    }
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
    fn a_figure_over_fewer_than_three_units_is_withheld_from_those_who_see_aggregates_only() {
        let two = spread(&[2.0, 4.0]).unwrap();
        let three = spread(&[2.0, 3.0, 4.0]).unwrap();
        assert_eq!(shown_mean(Some(ResultsAccess::AggregatesOnly), Some(&two)), Shown::TooFew);
        assert_eq!(shown_mean(Some(ResultsAccess::AggregatesOnly), Some(&three)), Shown::Value(3.0));
        assert_eq!(shown_mean(Some(ResultsAccess::Everything), Some(&two)), Shown::Value(3.0));
        assert_eq!(shown_mean(None, Some(&three)), Shown::TooFew, "no access: nothing");
        assert_eq!(shown_mean(Some(ResultsAccess::Everything), None), Shown::Missing);
    }
}
