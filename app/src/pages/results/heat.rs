//! The heat-map shading of a score in a table, and its legend: the 1–5 scale in eight half
//! steps, light to dark (the `heat-0` … `heat-7` classes of the style sheet).

use crate::components::translations::locale;
use crate::format;
use crate::i18n::*;
use leptos::prelude::*;

/// The class of a cell showing `score`: the step of the score as printed (one decimal), so
/// a cell reading 1,5 is never shaded as 1,0–1,4.
pub fn heat_class(score: f64) -> String {
    let tenths = format::tenths(score);
    let step = ((tenths - 10.0) / 5.0).floor().clamp(0.0, 7.0) as u8;
    format!("heat-{step}")
}

/// The legend of the shading.
#[component]
pub fn HeatLegend() -> impl IntoView {
    let i18n = locale();
    let steps = (0..8u8)
        .map(|step| {
            let low = 1.0 + f64::from(step) * 0.5;
            let high = if step == 7 { 5.0 } else { low + 0.4 };
            let label = format!("{}–{}", format::score(low), format::score(high));
            view! { <li class=format!("heat-{step}")>{label}</li> }
        })
        .collect_view();
    view! {
        <p class="field__hint" id="heat-legend-label">{td!(i18n, results.heat_legend)}</p>
        <ul class="heat-legend" aria-labelledby="heat-legend-label">{steps}</ul>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn half_steps_from_light_to_dark() {
        assert_eq!(heat_class(1.0), "heat-0");
        assert_eq!(heat_class(1.44), "heat-0");
        assert_eq!(heat_class(1.45), "heat-1", "printed as 1,5");
        assert_eq!(heat_class(1.5), "heat-1");
        assert_eq!(heat_class(4.99), "heat-7");
        assert_eq!(heat_class(5.0), "heat-7");
        assert_eq!(heat_class(0.0), "heat-0");
    }
}
