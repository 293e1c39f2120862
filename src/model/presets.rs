//! Presets the app offers when a user adds a donor or picks a taper: plain
//! constructors for common donor transition rules, each with a one-line
//! description and the policy it is modelled on. They are stylised readings
//! of those policies, not their exact terms; the user edits every number.

use super::plan::{Currency, Donor, DonorKind, Taper};

/// What a preset puts into a plan.
#[derive(Clone, Debug, PartialEq)]
pub enum PresetItem {
    Donor(Donor),
    Taper(Taper),
}

/// One preset: an id for the UI, a title, what it does and where it comes from.
#[derive(Clone, Debug, PartialEq)]
pub struct Preset {
    pub id: &'static str,
    pub title: &'static str,
    pub description: String,
    pub source: &'static str,
    pub item: PresetItem,
}

const GAVI_SOURCE: &str = "Gavi co-financing policy (accelerated transition phase)";
const GLOBAL_FUND_SOURCE: &str = "Global Fund Sustainability, Transition and Co-financing Policy";

fn cofinancing(name: &str, target: &str, initial_pct: f64, step_pp: f64, start: u32) -> Donor {
    Donor {
        name: name.to_string(),
        kind: DonorKind::Cofinancing,
        target: Some(target.to_string()),
        initial_country_share_pct: Some(initial_pct),
        step_pp: Some(step_pp),
        start: Some(start),
        ..Default::default()
    }
}

/// Gavi-style co-financing of `target`: the country pays 20 % in plan year 0
/// and its share rises in equal steps to 100 % in plan year `years`.
pub fn gavi_cofinancing(target: &str, years: u32) -> Preset {
    let years = years.max(1);
    let step = 80.0 / f64::from(years);
    Preset {
        id: if years == 5 { "gavi-5" } else if years == 8 { "gavi-8" } else { "gavi" },
        title: "Gavi-style co-financing",
        description: format!("Country share of the item's cost rises from 20 % to 100 % over {years} years, then the donor is out."),
        source: GAVI_SOURCE,
        item: PresetItem::Donor(cofinancing("Gavi-style co-financing", target, 20.0, step, 0)),
    }
}

/// Global-Fund-style co-financing requirement: the country pays 30 % and
/// takes on 10 more points of the item each year from plan year 1.
pub fn global_fund_cofinancing(target: &str) -> Preset {
    Preset {
        id: "global-fund",
        title: "Global-Fund-style co-financing",
        description: "Country pays 30 % of the item and 10 points more each year from year 1, fully domestic by year 8.".into(),
        source: GLOBAL_FUND_SOURCE,
        item: PresetItem::Donor(cofinancing("Global-Fund-style co-financing", target, 30.0, 10.0, 1)),
    }
}

/// A taper that falls in equal yearly steps from 100 % at `start` to 50 %
/// at `start + years`, and stays there.
pub fn halve_over(start: u32, years: u32) -> Preset {
    let years = years.max(1);
    let points = (1..=years)
        .map(|k| {
            (
                start.saturating_add(k),
                100.0 - 50.0 * f64::from(k) / f64::from(years),
            )
        })
        .collect();
    Preset {
        id: "halve",
        title: "Halve over N years",
        description: format!("Funding falls in equal steps to half its level over {years} years from year {start}, then holds."),
        source: "Common donor practice for phased budget-support exits",
        item: PresetItem::Taper(Taper::Steps { points, end: None }),
    }
}

/// A sunset facility: gap-filling money in USD that shrinks by `rate_pct` a
/// year from `start` and closes at `end`.
pub fn sunset_facility(base_usd: f64, start: u32, rate_pct: f64, end: u32) -> Preset {
    Preset {
        id: "sunset-facility",
        title: "Exponential sunset facility",
        description: format!(
            "Tops up the budget when revenue and other donors fall short, up to a cap shrinking {rate_pct} % a year from year {start}, closed from year {end}."
        ),
        source: "Transition facilities of multilateral donors (e.g. World Bank IDA transition support)",
        item: PresetItem::Donor(Donor {
            name: "Sunset facility".into(),
            kind: DonorKind::GapFilling,
            currency: Some(Currency::Usd),
            base: Some(base_usd),
            taper: Some(Taper::Exponential { start, rate_pct, end: Some(end) }),
            ..Default::default()
        }),
    }
}

/// A cliff: full funding until plan year `at`, nothing from then on.
pub fn cliff(at: u32) -> Preset {
    Preset {
        id: "cliff",
        title: "Cliff",
        description: format!(
            "Full funding until year {at}, none from then on: the risk a taper is meant to avoid."
        ),
        source: "Abrupt donor exits (e.g. mission drawdowns)",
        item: PresetItem::Taper(Taper::None { end: Some(at) }),
    }
}

/// Every preset the app offers, with sensible starting numbers. Co-financing
/// presets have an empty `target` for the user to pick.
pub fn presets() -> Vec<Preset> {
    vec![
        gavi_cofinancing("", 5),
        gavi_cofinancing("", 8),
        global_fund_cofinancing(""),
        halve_over(1, 4),
        sunset_facility(5.0e7, 2, 25.0, 10),
        cliff(5),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::donors::{country_share_pct, taper_multiplier};

    #[test]
    fn gavi_share_reaches_100_after_the_chosen_years() {
        for years in [5, 8] {
            let PresetItem::Donor(d) = gavi_cofinancing("Vaccines", years).item else {
                panic!("a donor")
            };
            let share = |t| {
                country_share_pct(
                    d.initial_country_share_pct.unwrap(),
                    d.step_pp.unwrap(),
                    d.start.unwrap(),
                    t,
                )
            };
            assert_eq!(share(0), 20.0);
            assert!(share(years - 1) < 100.0);
            assert_eq!(share(years), 100.0);
        }
    }

    fn donor(p: Preset) -> Donor {
        match p.item {
            PresetItem::Donor(d) => d,
            PresetItem::Taper(_) => panic!("{} is a taper", p.id),
        }
    }

    #[test]
    fn each_donor_preset_is_the_donor_it_describes() {
        let ids: Vec<&str> = [5, 8, 6].map(|y| gavi_cofinancing("", y).id).to_vec();
        assert_eq!(ids, ["gavi-5", "gavi-8", "gavi"]);
        let gavi = donor(gavi_cofinancing("Vaccines", 5));
        assert_eq!(
            (gavi.name.as_str(), gavi.kind, gavi.target.as_deref()),
            (
                "Gavi-style co-financing",
                DonorKind::Cofinancing,
                Some("Vaccines")
            )
        );
        let gf = donor(global_fund_cofinancing("HIV treatment"));
        assert_eq!(
            (gf.name.as_str(), gf.kind, gf.target.as_deref()),
            (
                "Global-Fund-style co-financing",
                DonorKind::Cofinancing,
                Some("HIV treatment")
            )
        );
        assert_eq!(
            (gf.initial_country_share_pct, gf.step_pp, gf.start),
            (Some(30.0), Some(10.0), Some(1))
        );
        // Co-financing pays a share of its target: no pledge, no taper.
        for d in [&gavi, &gf] {
            assert_eq!(
                (d.currency, d.base, &d.taper, d.fulfilment_pct),
                (None, None, &None, 100.0)
            );
        }
        let sf = donor(sunset_facility(5.0e7, 2, 25.0, 10));
        assert_eq!(
            (
                sf.name.as_str(),
                sf.kind,
                sf.currency,
                sf.base,
                sf.fulfilment_pct
            ),
            (
                "Sunset facility",
                DonorKind::GapFilling,
                Some(Currency::Usd),
                Some(5.0e7),
                100.0
            )
        );
        assert_eq!(
            sf.taper,
            Some(Taper::Exponential {
                start: 2,
                rate_pct: 25.0,
                end: Some(10)
            })
        );
        assert_eq!(
            (
                sf.target,
                sf.initial_country_share_pct,
                sf.step_pp,
                sf.start
            ),
            (None, None, None, None)
        );
    }

    #[test]
    fn halve_over_ends_at_half() {
        let PresetItem::Taper(t) = halve_over(1, 4).item else {
            panic!("a taper")
        };
        let m: Vec<f64> = (0..7).map(|y| taper_multiplier(&t, y)).collect();
        assert_eq!(m, vec![1.0, 1.0, 0.875, 0.75, 0.625, 0.5, 0.5]);
    }

    #[test]
    fn cliff_drops_to_zero() {
        let PresetItem::Taper(t) = cliff(3).item else {
            panic!("a taper")
        };
        assert_eq!(taper_multiplier(&t, 2), 1.0);
        assert_eq!(taper_multiplier(&t, 3), 0.0);
    }

    #[test]
    fn ids_are_unique() {
        let ids: Vec<&str> = presets().iter().map(|p| p.id).collect();
        let mut sorted = ids.clone();
        sorted.sort();
        sorted.dedup();
        assert_eq!(ids.len(), sorted.len());
    }
}
