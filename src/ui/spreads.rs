//! The uncertainty panel's presets: sets of spreads for a plan's Monte
//! Carlo run (MODEL.md "Uncertainty"), in the units of the plan's
//! `uncertainty` block. Pure; applied by the reducer (`Action::Spreads`).
//! Not the run itself (`model::uncertainty`, in the worker) and not the
//! editing of single spreads (ordinary `Action::Set` on typed fields).

use crate::model::{Plan, Uncertainty};
use crate::ui::i18n::{tr, Lang};

/// The paths a run gets when the panel first switches it on: enough for
/// smooth p5 and p95 bands, and what the worker runs within a frame or so
/// on a laptop.
pub const DEFAULT_PATHS: u32 = 10_000;

/// The paths of the quick run that follows a slider while it is dragged.
pub const PREVIEW_PATHS: u32 = 1_000;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SpreadPreset {
    /// Forecast errors of a stable economy with steady donors.
    Calm,
    /// Forecast errors of the size IMF programme reviews typically find
    /// for low-income countries: about 1.5 points of real growth and 2 of
    /// inflation a year, revenue levels 8 % off, costs 4 %, and donors
    /// paying within about 10 points of their pledge.
    ImfTypical,
    /// A fragile or post-conflict setting: large shocks, persistent, and
    /// donors who often fall short.
    Fragile,
}

impl SpreadPreset {
    pub const ALL: [SpreadPreset; 3] = [
        SpreadPreset::Calm,
        SpreadPreset::ImfTypical,
        SpreadPreset::Fragile,
    ];

    /// The test-id key.
    pub fn key(self) -> &'static str {
        match self {
            SpreadPreset::Calm => "calm",
            SpreadPreset::ImfTypical => "imf",
            SpreadPreset::Fragile => "fragile",
        }
    }

    pub fn title(self, l: Lang) -> &'static str {
        match self {
            SpreadPreset::Calm => tr(l, "Calm", "Calme"),
            SpreadPreset::ImfTypical => tr(
                l,
                "IMF-typical forecast errors",
                "Erreurs de prévision typiques du FMI",
            ),
            SpreadPreset::Fragile => tr(l, "Fragile state", "État fragile"),
        }
    }

    /// The spreads (seed and paths left to the caller).
    fn spreads(self) -> Uncertainty {
        let (growth, inflation, persistence, revenue, cost, fulfilment) = match self {
            SpreadPreset::Calm => (0.75, 1.0, 0.3, 4.0, 2.0, 5.0),
            SpreadPreset::ImfTypical => (1.5, 2.0, 0.5, 8.0, 4.0, 10.0),
            SpreadPreset::Fragile => (3.0, 5.0, 0.7, 15.0, 8.0, 20.0),
        };
        Uncertainty {
            real_growth_sd_pp: growth,
            inflation_sd_pp: inflation,
            persistence,
            revenue_error_pct: revenue,
            cost_error_pct: cost,
            fulfilment_sd_pp: fulfilment,
            ..Uncertainty::default()
        }
    }

    /// Whether `u` has exactly this preset's spreads.
    pub fn matches(self, u: &Uncertainty) -> bool {
        let p = self.spreads();
        Uncertainty {
            seed: u.seed,
            paths: u.paths,
            ..p
        } == *u
    }
}

/// Puts `preset`'s spreads into the plan's run, keeping its seed and paths
/// (a plan without a run gets one of `DEFAULT_PATHS` paths, seed 1).
pub fn apply(plan: &mut Plan, preset: SpreadPreset) {
    let (seed, paths) = plan
        .uncertainty
        .as_ref()
        .map_or((1, DEFAULT_PATHS), |u| (u.seed, u.paths));
    plan.uncertainty = Some(Uncertainty {
        seed,
        paths,
        ..preset.spreads()
    });
}

/// The paths a run asks for while a slider is dragged: the preview's, or
/// fewer when the plan's run is smaller.
pub fn preview_paths(u: &Uncertainty) -> u32 {
    u.paths.min(PREVIEW_PATHS)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_preset_keeps_the_seed_and_paths_and_starts_a_run_when_there_is_none() {
        let mut plan = crate::model::default_plan();
        assert!(plan.uncertainty.is_none());
        apply(&mut plan, SpreadPreset::ImfTypical);
        let u = plan.uncertainty.clone().expect("a run");
        assert_eq!((u.seed, u.paths), (1, DEFAULT_PATHS));
        assert_eq!((u.real_growth_sd_pp, u.revenue_error_pct), (1.5, 8.0));
        assert!(SpreadPreset::ImfTypical.matches(&u));
        assert!(!SpreadPreset::Fragile.matches(&u));
        plan.uncertainty = Some(Uncertainty {
            seed: 42,
            paths: 500,
            ..u
        });
        apply(&mut plan, SpreadPreset::Fragile);
        let u = plan.uncertainty.clone().expect("a run");
        assert_eq!((u.seed, u.paths), (42, 500));
        assert!(SpreadPreset::Fragile.matches(&u));
        assert_eq!(preview_paths(&u), 500);
        assert_eq!(crate::model::validate(&plan), Ok(()));
    }

    #[test]
    fn presets_are_valid_and_grow_from_calm_to_fragile() {
        let s: Vec<Uncertainty> = SpreadPreset::ALL.iter().map(|p| p.spreads()).collect();
        for pair in s.windows(2) {
            let each = |u: &Uncertainty| {
                [
                    u.real_growth_sd_pp,
                    u.inflation_sd_pp,
                    u.persistence,
                    u.revenue_error_pct,
                    u.cost_error_pct,
                    u.fulfilment_sd_pp,
                ]
            };
            let (a, b) = (each(&pair[0]), each(&pair[1]));
            assert!(a.iter().zip(b).all(|(x, y)| *x < y), "{a:?} then {b:?}");
        }
        // Each preset has its own test id and name, in both languages.
        let keys: Vec<&str> = SpreadPreset::ALL.iter().map(|p| p.key()).collect();
        assert_eq!(keys, ["calm", "imf", "fragile"]);
        for l in [Lang::En, Lang::Fr] {
            let mut titles: Vec<&str> = SpreadPreset::ALL.iter().map(|p| p.title(l)).collect();
            titles.dedup();
            assert_eq!(titles.len(), 3, "{l:?}");
        }
        assert_eq!(
            SpreadPreset::ImfTypical.title(Lang::Fr),
            "Erreurs de prévision typiques du FMI"
        );
        for p in SpreadPreset::ALL {
            let mut plan = crate::model::default_plan();
            apply(&mut plan, p);
            assert_eq!(crate::model::validate(&plan), Ok(()), "{p:?}");
        }
    }
}
