//! The fan chart's pure side: which banded figure it shows, its bands and
//! median as SVG paths through the year columns, its axis extent, and the
//! shares the cards read. No DOM, so it is tested on the host; the
//! component is `components/fan_panel.rs`.

use crate::model::{Percentiles, UncertaintyResult};
use crate::ui::chart::geometry::{finite, Columns, PathText, Scale};
use crate::ui::i18n::{tr, Lang};

/// The figures the fan can show (a subset of `model::BAND_METRICS`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FanMetric {
    UnfundedGap,
    SelfSufficiency,
    Reserve,
    LocalRevenue,
}

impl FanMetric {
    pub const ALL: [FanMetric; 4] = [
        FanMetric::UnfundedGap,
        FanMetric::SelfSufficiency,
        FanMetric::Reserve,
        FanMetric::LocalRevenue,
    ];

    /// The band's name in the run's result (and in MODEL.md).
    pub fn key(self) -> &'static str {
        match self {
            FanMetric::UnfundedGap => "unfunded_gap",
            FanMetric::SelfSufficiency => "self_sufficiency_pct",
            FanMetric::Reserve => "reserve",
            FanMetric::LocalRevenue => "local_revenue",
        }
    }

    pub fn from_key(key: &str) -> Option<FanMetric> {
        FanMetric::ALL.into_iter().find(|m| m.key() == key)
    }

    pub fn label(self, l: Lang) -> &'static str {
        match self {
            FanMetric::UnfundedGap => tr(l, "Unfunded gap", "Déficit non financé"),
            FanMetric::SelfSufficiency => tr(l, "Self-sufficiency", "Autosuffisance"),
            FanMetric::Reserve => tr(l, "Reserve fund", "Fonds de réserve"),
            FanMetric::LocalRevenue => tr(l, "Local revenue", "Recettes propres"),
        }
    }

    /// A percentage (else money in the plan's currency).
    pub fn is_pct(self) -> bool {
        self == FanMetric::SelfSufficiency
    }
}

/// The area between two per-year series through the column centres (one
/// year: across its column), as an SVG path; empty for no years.
pub fn area_path(cols: &Columns, y: &Scale, lower: &[f64], upper: &[f64]) -> String {
    let n = lower.len().min(upper.len()).min(cols.n);
    if n == 0 {
        return String::new();
    }
    let xs: Vec<f64> = if n == 1 {
        vec![cols.x0(0), cols.x1(0)]
    } else {
        (0..n).map(|i| cols.center(i)).collect()
    };
    let at = |s: &[f64], k: usize| s[k.min(n - 1)];
    let top = xs
        .iter()
        .enumerate()
        .map(|(k, x)| (*x, y.map(at(upper, k))));
    let bottom = xs
        .iter()
        .enumerate()
        .rev()
        .map(|(k, x)| (*x, y.map(at(lower, k))));
    PathText::new(2 * xs.len()).line(top.chain(bottom)).closed()
}

/// The three shapes of a fan: p5–p95, p25–p75 and the median line.
#[derive(Clone, Debug, PartialEq)]
pub struct FanPaths {
    pub outer: String,
    pub inner: String,
    pub median: String,
}

pub fn fan_paths(cols: &Columns, y: &Scale, band: &[Percentiles]) -> FanPaths {
    let s = |f: fn(&Percentiles) -> f64| -> Vec<f64> { band.iter().map(f).collect() };
    let median = crate::ui::chart::geometry::center_line_path(cols, y, &s(|p| p.p50));
    FanPaths {
        outer: area_path(cols, y, &s(|p| p.p5), &s(|p| p.p95)),
        inner: area_path(cols, y, &s(|p| p.p25), &s(|p| p.p75)),
        median,
    }
}

/// The lowest p5 and highest p95 (0 always in view; a percentage fan
/// keeps 100 % in view too).
pub fn fan_extent(band: &[Percentiles], pct: bool) -> (f64, f64) {
    let lo = band.iter().fold(0.0f64, |a, p| a.min(finite(p.p5)));
    let hi = band.iter().fold(if pct { 100.0f64 } else { 0.0 }, |a, p| {
        a.max(finite(p.p95))
    });
    (lo, hi)
}

/// The share of paths self-sufficient by calendar year `year` (None when
/// the run has no figures or the year is outside the plan).
pub fn p_self_sufficient_by(r: &UncertaintyResult, year: i32) -> Option<f64> {
    let t = r.years.iter().position(|y| *y == year)?;
    r.figures.as_ref()?.p_self_sufficient_by.get(t).copied()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{simulate, Uncertainty};

    fn cols(n: usize) -> Columns {
        Columns {
            left: 0.0,
            right: 100.0 * n as f64,
            n,
        }
    }

    #[test]
    fn each_figure_has_its_own_name_in_each_language_and_one_is_a_percentage() {
        for l in [Lang::En, Lang::Fr] {
            let mut names: Vec<&str> = FanMetric::ALL.iter().map(|m| m.label(l)).collect();
            names.sort_unstable();
            names.dedup();
            assert_eq!(names.len(), 4, "{l:?}");
        }
        assert_eq!(FanMetric::SelfSufficiency.label(Lang::Fr), "Autosuffisance");
        let pct: Vec<bool> = FanMetric::ALL.iter().map(|m| m.is_pct()).collect();
        assert_eq!(pct, [false, true, false, false]);
    }

    #[test]
    fn an_area_runs_along_the_top_and_back_along_the_bottom() {
        let y = Scale::new((0.0, 10.0), (100.0, 0.0));
        let p = area_path(&cols(2), &y, &[1.0, 2.0], &[5.0, 10.0]);
        assert_eq!(p, "M50.0,50.0L150.0,0.0L150.0,80.0L50.0,90.0Z");
        // One year spans its column; no years draw nothing.
        let one = area_path(&cols(1), &y, &[0.0], &[10.0]);
        assert_eq!(one, "M0.0,0.0L100.0,0.0L100.0,100.0L0.0,100.0Z");
        assert_eq!(area_path(&cols(0), &y, &[], &[]), "");
    }

    #[test]
    fn a_fan_of_a_real_run_nests_its_bands_and_reads_its_shares() {
        let mut plan = crate::model::default_plan();
        crate::ui::spreads::apply(&mut plan, crate::ui::spreads::SpreadPreset::ImfTypical);
        let u = Uncertainty {
            paths: 200,
            ..plan.uncertainty.clone().expect("a run")
        };
        let r = simulate(&plan, &u);
        let f = r.figures.as_ref().expect("figures");
        for m in FanMetric::ALL {
            let band = f.band(m.key()).expect("a band of the run");
            assert_eq!(band.len(), r.years.len());
            for p in band {
                assert!(p.p5 <= p.p25 && p.p25 <= p.p50 && p.p50 <= p.p75 && p.p75 <= p.p95);
            }
            let (lo, hi) = fan_extent(band, m.is_pct());
            assert!(lo <= 0.0 && band.iter().all(|p| p.p95 <= hi && p.p5 >= lo));
            let y = Scale::new((lo, hi), (200.0, 0.0));
            let paths = fan_paths(&cols(band.len()), &y, band);
            assert!(paths.outer.starts_with('M') && paths.outer.ends_with('Z'));
            assert_eq!(paths.median.matches('L').count(), band.len() - 1);
            assert_eq!(FanMetric::from_key(m.key()), Some(m));
        }
        let last = *r.years.last().expect("years");
        assert_eq!(
            p_self_sufficient_by(&r, last),
            f.p_self_sufficient_by.last().copied()
        );
        assert_eq!(p_self_sufficient_by(&r, 1900), None);
    }
}
