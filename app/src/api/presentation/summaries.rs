//! The sentence on each slide, generated in plain Swedish from the figures the slide shows
//! (server only): only figures the viewer may see are used; a withheld one is said to be so.

use super::types::DeckAction;
use crate::api::results::{OrgResults, Shown};
use crate::domain::aggregate::INDEX_KEY;
use crate::domain::slide::SlideKind;
use crate::format;
use crate::i18n::{Locale, td_string};

/// The summary of `kind`'s slide.
pub fn summary(
    kind: SlideKind,
    results: &OrgResults,
    (strongest, weakest): (&[String], &[String]),
    actions: Option<&[DeckAction]>,
) -> String {
    match kind {
        SlideKind::Title => td_string!(
            Locale::sv,
            deck.summary_title,
            units = format::count(results.total),
            organisation = results.node_name.as_str(),
            round = results.round.name.as_str()
        )
        .to_string(),
        SlideKind::ResponseRate => response(results),
        SlideKind::Indices => index(results),
        SlideKind::Radar => radar(results),
        SlideKind::HeatMap => heat_map(results),
        SlideKind::Levels => levels(results),
        SlideKind::Extremes => extremes(strongest, weakest),
        SlideKind::Trend => trend(results),
        SlideKind::Actions => match actions {
            None => td_string!(Locale::sv, deck.summary_actions_withheld).to_string(),
            Some([]) => td_string!(Locale::sv, deck.summary_actions_none).to_string(),
            Some(actions) => {
                td_string!(Locale::sv, deck.summary_actions, count = actions.len().to_string()).to_string()
            }
        },
        SlideKind::Summary => [index(results), extremes(strongest, weakest), response(results)].join(" "),
    }
}

fn response(results: &OrgResults) -> String {
    match results.submitted.value() {
        Some(submitted) if results.total > 0 => td_string!(
            Locale::sv,
            deck.summary_response,
            submitted = format::count(*submitted),
            total = format::count(results.total),
            share = format::score(*submitted as f64 * 100.0 / results.total as f64)
        )
        .to_string(),
        _ => td_string!(Locale::sv, deck.summary_response_withheld).to_string(),
    }
}

fn index(results: &OrgResults) -> String {
    let Some(row) =
        results.comparison.as_ref().and_then(|comparison| comparison.rows.iter().find(|row| row.key == INDEX_KEY))
    else {
        return td_string!(Locale::sv, deck.summary_index_withheld).to_string();
    };
    let Shown::Value(own) = row.own else { return td_string!(Locale::sv, deck.summary_index_withheld).to_string() };
    let own = format::score(own);
    let previous_round = results.comparison.as_ref().and_then(|comparison| comparison.previous_round.clone());
    match (row.city.value(), row.change().zip(previous_round)) {
        (Some(city), Some((change, previous))) => td_string!(
            Locale::sv,
            deck.summary_index_city_change,
            own = own.as_str(),
            city = format::score(*city),
            change = format::change(change),
            previous = previous.as_str()
        )
        .to_string(),
        (Some(city), None) => {
            td_string!(Locale::sv, deck.summary_index_city, own = own.as_str(), city = format::score(*city)).to_string()
        }
        (None, Some((change, previous))) => td_string!(
            Locale::sv,
            deck.summary_index_change,
            own = own.as_str(),
            change = format::change(change),
            previous = previous.as_str()
        )
        .to_string(),
        (None, None) => td_string!(Locale::sv, deck.summary_index, own = own.as_str()).to_string(),
    }
}

fn radar(results: &OrgResults) -> String {
    let Some(comparison) = &results.comparison else { return String::new() };
    let compared: Vec<(f64, f64)> = comparison
        .rows
        .iter()
        .filter(|row| row.is_dimension())
        .filter_map(|row| Some((*row.own.value()?, *row.city.value()?)))
        .collect();
    if compared.is_empty() {
        return td_string!(Locale::sv, deck.summary_radar_alone).to_string();
    }
    let above = compared.iter().filter(|(own, city)| format::tenths(*own) > format::tenths(*city)).count();
    td_string!(Locale::sv, deck.summary_radar, above = above.to_string(), count = compared.len().to_string())
        .to_string()
}

fn heat_map(results: &OrgResults) -> String {
    let shown: Vec<(&str, f64)> =
        results.children.iter().filter_map(|row| Some((row.name.as_str(), *row.index.value()?))).collect();
    let high = shown.iter().copied().max_by(|a, b| a.1.total_cmp(&b.1));
    let low = shown.iter().copied().min_by(|a, b| a.1.total_cmp(&b.1));
    match (high, low) {
        (Some(high), Some(low)) if shown.len() >= 2 => td_string!(
            Locale::sv,
            deck.summary_heat_map,
            count = format::count(results.children.len()),
            high = high.0,
            high_value = format::score(high.1),
            low = low.0,
            low_value = format::score(low.1)
        )
        .to_string(),
        _ if results.children.is_empty() => td_string!(Locale::sv, deck.summary_heat_map_none).to_string(),
        _ => td_string!(Locale::sv, deck.summary_heat_map_count, count = format::count(results.children.len()))
            .to_string(),
    }
}

fn levels(results: &OrgResults) -> String {
    let index = results.figures.iter().find(|row| row.key == INDEX_KEY).and_then(|row| row.figure.value());
    match index.and_then(|figure| figure.spread.as_ref()) {
        Some(spread) => {
            let at_least_three: usize = spread.level_counts[2..].iter().sum();
            let all: usize = spread.level_counts.iter().sum();
            let share = if all == 0 { 0.0 } else { at_least_three as f64 * 100.0 / all as f64 };
            td_string!(Locale::sv, deck.summary_levels, share = format::score(share)).to_string()
        }
        None => td_string!(Locale::sv, deck.summary_levels_withheld).to_string(),
    }
}

fn extremes(strongest: &[String], weakest: &[String]) -> String {
    if strongest.is_empty() {
        return td_string!(Locale::sv, deck.summary_extremes_none).to_string();
    }
    td_string!(Locale::sv, deck.summary_extremes, strongest = strongest.join(", "), weakest = weakest.join(", "))
        .to_string()
}

fn trend(results: &OrgResults) -> String {
    let Some(index) = results.trend.rows.iter().find(|row| row.key == INDEX_KEY) else { return String::new() };
    let shown: Vec<(&str, f64)> = results
        .trend
        .rounds
        .iter()
        .zip(&index.values)
        .filter_map(|(round, value)| Some((round.as_str(), *value.value()?)))
        .collect();
    match (shown.first(), shown.last()) {
        (Some(first), Some(last)) if shown.len() >= 2 => td_string!(
            Locale::sv,
            deck.summary_trend,
            first = format::score(first.1),
            first_round = first.0,
            last = format::score(last.1),
            last_round = last.0
        )
        .to_string(),
        _ => td_string!(Locale::sv, deck.summary_trend_one).to_string(),
    }
}
