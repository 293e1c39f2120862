//! SVG charts of a projection, drawn by our own components: the bridge from
//! donor money to local revenue (`BridgeChart`) and three small percentage
//! charts (`SmallCharts`). Geometry is pure (geometry.rs), and so is what
//! this module holds: the colour palette and the names and years charts
//! write. The components and what they share (their props, a hook that
//! measures the width a chart has, the stale badge: view.rs) are wasm32 only.

pub mod geometry;

#[cfg(target_arch = "wasm32")]
mod bridge;
#[cfg(target_arch = "wasm32")]
mod small;
#[cfg(target_arch = "wasm32")]
mod view;

#[cfg(target_arch = "wasm32")]
pub use bridge::BridgeChart;
#[cfg(target_arch = "wasm32")]
pub use small::SmallCharts;
#[cfg(target_arch = "wasm32")]
pub(crate) use view::next_uid;
#[cfg(target_arch = "wasm32")]
pub use view::{first_width, set_first_width, stale_badge, use_container_width, ProjectionProps};

use crate::model::Plan;
use crate::ui::format::DisplayCurrency;
use crate::ui::i18n::{tr, Lang};

/// Okabe–Ito colours, distinguishable with the common colour-vision
/// deficiencies. Local revenue is green; donors take the rest in turn.
pub const REVENUE_COLOUR: &str = "#009E73";
/// The unfunded gap is the alarm: red, cross-hatched (bridge.rs), and no
/// donor's colour is near it.
pub const GAP_COLOUR: &str = "#C0172B";
/// Ten donors before a colour comes back (a plan often has more than five):
/// Okabe–Ito's five, then five chosen as far apart as possible (in CIELAB)
/// from those, from each other and from every other colour of the bridge,
/// with no green or red (revenue, the gap) and no grey (a deposit).
const DONOR_COLOURS: [&str; 10] = [
    "#0072B2", "#E69F00", "#56B4E9", "#CC79A7", "#F0E442", // Okabe–Ito
    "#882255", "#DDCC77", "#E7298A", "#A6761D", "#EE8866",
];
/// Gap-filling facilities: calm blues, far from the gap's red (a warm donor
/// colour under stripes passed for the gap), drawn dotted.
const FACILITY_COLOURS: [&str; 2] = ["#332288", "#5E7FC1"];

/// The colour of the donor at `index` in plan order.
pub fn donor_colour(index: usize) -> &'static str {
    DONOR_COLOURS[index % DONOR_COLOURS.len()]
}

/// The colour of the plan's `rank`-th gap-filling facility.
pub fn facility_colour(rank: usize) -> &'static str {
    FACILITY_COLOURS[rank % FACILITY_COLOURS.len()]
}

/// The name of the plan item at `index` in `names`, or a numbered stand-in
/// when the projection has more items than the plan (a kept projection).
pub fn item_name<'a>(names: impl Iterator<Item = &'a str>, index: usize, fallback: &str) -> String {
    names
        .into_iter()
        .nth(index)
        .map(str::to_string)
        .unwrap_or_else(|| format!("{} {}", fallback, index + 1))
}

/// The code money is shown in: the plan's own display code, or USD.
pub fn currency_code(plan: &Plan, currency: DisplayCurrency) -> String {
    match currency {
        DisplayCurrency::Local if plan.meta.currency.is_empty() => "LCU".to_string(),
        DisplayCurrency::Local => plan.meta.currency.clone(),
        DisplayCurrency::Usd => "USD".to_string(),
    }
}

/// Whether any year has a need to cover: without one, "self-sufficient"
/// says nothing (revenue always covers 0).
pub fn has_need(p: &crate::model::Projection) -> bool {
    p.years.iter().any(|y| y.need > 0.0)
}

/// A year from the summary, or what to say when there is none.
pub fn year_or_never(year: Option<i32>, lang: Lang) -> String {
    match year {
        Some(y) => y.to_string(),
        None => tr(
            lang,
            "not within the plan horizon",
            "pas dans l’horizon du plan",
        )
        .to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ten_donors_have_ten_colours_none_of_them_another_series_colour() {
        let colours: Vec<&str> = (0..10).map(donor_colour).collect();
        let mut distinct = colours.clone();
        distinct.sort_unstable();
        distinct.dedup();
        assert_eq!(distinct.len(), 10);
        for c in &colours {
            assert!(![REVENUE_COLOUR, GAP_COLOUR].contains(c), "{c}");
            assert!(!FACILITY_COLOURS.contains(c), "{c}");
        }
        assert_eq!(donor_colour(10), donor_colour(0));
    }
}
