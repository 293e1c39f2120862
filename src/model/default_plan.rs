//! The plan the app opens with: "Tamaru", a fictional aid-dependent country
//! calibrated to the orders of magnitude of a post-conflict West African
//! economy (Liberia's IMF Article IV and World Bank WDI figures): about
//! 5 million people, tax revenue near 12 % of GDP, grants of 10–14 % of
//! GDP falling over a decade. docs/calibration.md gives the sources.
//! The same plan is `plans/default.json`; a test keeps the two equal.
//!
//! Its projection shows every mechanism at work: budget support tapering,
//! co-financing rising to full country financing, the sunset facility
//! paying in the lean years, a revenue shock drawing the reserve, and
//! self-sufficiency reached inside the 15-year horizon.

use std::collections::BTreeMap;

use super::plan::*;

fn revenue(name: &str, base: f64, buoyancy: f64, reform: Option<Reform>) -> Revenue {
    Revenue {
        name: name.into(),
        base,
        buoyancy,
        reform,
        ..Default::default()
    }
}

fn cost(name: &str, base: f64, real_growth_pct: f64, handover: Option<Ramp>) -> CostLine {
    CostLine {
        name: name.into(),
        base,
        real_growth_pct,
        handover,
        ..Default::default()
    }
}

fn ramp(from_pct: f64, to_pct: f64, start: u32, years: u32) -> Ramp {
    Ramp {
        from_pct,
        to_pct,
        start,
        years,
    }
}

/// An ILO-style programme costing: eligible share × coverage ramp × benefit + admin.
fn programme(
    name: &str,
    eligible_share_pct: f64,
    benefit_base: f64,
    admin_pct: f64,
    coverage: Ramp,
) -> Programme {
    Programme {
        name: name.into(),
        eligible_share_pct,
        benefit_base,
        admin_pct,
        coverage: Some(coverage),
        ..Default::default()
    }
}

fn usd_donor(name: &str, kind: DonorKind, base: f64, fulfilment_pct: f64, taper: Taper) -> Donor {
    Donor {
        name: name.into(),
        kind,
        currency: Some(Currency::Usd),
        fulfilment_pct,
        base: Some(base),
        taper: Some(taper),
        ..Default::default()
    }
}

fn criterion(name: &str, metric: &str, op: Op, value: f64, consecutive_years: u32) -> Criterion {
    Criterion {
        name: Some(name.into()),
        metric: metric.into(),
        op,
        value,
        consecutive_years,
        ..Default::default()
    }
}

/// The default plan (equal to `plans/default.json`).
pub fn default_plan() -> Plan {
    Plan {
        format: FORMAT.into(),
        version: VERSION,
        meta: Meta {
            name: "Tamaru transition plan".into(),
            country: "Tamaru (fictional)".into(),
            currency: "TMD".into(),
            start_year: 2026,
            horizon_years: 15,
            discount_rate_pct: 6.0,
            ..Default::default()
        },
        macro_path: Macro {
            gdp_base: 8.5e11,
            real_growth_pct: 4.5,
            inflation_pct: 8.0,
            population_base: 5.2e6,
            population_growth_pct: 2.3,
            fx_base: 190.0,
            foreign_inflation_pct: 2.5,
            real_depreciation_pct: 1.0,
            overrides: Overrides {
                real_growth_pct: BTreeMap::new(),
                inflation_pct: BTreeMap::new(),
            },
        },
        revenues: vec![
            revenue(
                "Goods and services taxes",
                3.4e10,
                1.1,
                Some(Reform {
                    start: 1,
                    years: 6,
                    gain_pct_gdp_per_year: 0.5,
                }),
            ),
            revenue("Income taxes", 3.8e10, 1.2, None),
            revenue("Trade taxes", 3.0e10, 0.9, None),
            revenue("Non-tax revenue", 1.7e10, 1.0, None),
        ],
        costs: vec![
            cost(
                "Police and border",
                2.5e10,
                1.0,
                Some(ramp(30.0, 100.0, 0, 6)),
            ),
            cost(
                "Courts and civil registry",
                1.0e10,
                0.0,
                Some(ramp(50.0, 100.0, 1, 5)),
            ),
            cost("Health", 4.5e10, 2.0, None),
            cost("Education", 5.5e10, 2.0, None),
            cost("Administration", 4.5e10, 0.5, None),
            cost("Road maintenance", 2.5e10, 1.0, None),
        ],
        programmes: vec![
            programme("Child grant", 15.0, 11400.0, 10.0, ramp(10.0, 60.0, 1, 6)),
            programme("Social pension", 3.0, 22800.0, 6.0, ramp(20.0, 100.0, 2, 8)),
        ],
        donors: vec![
            usd_donor(
                "Budget support",
                DonorKind::BudgetSupport,
                3.5e8,
                90.0,
                Taper::Linear { start: 2, end: 11 },
            ),
            Donor {
                name: "Health co-financing".into(),
                kind: DonorKind::Cofinancing,
                currency: None,
                fulfilment_pct: 100.0,
                base: None,
                taper: None,
                target: Some("Health".into()),
                initial_country_share_pct: Some(40.0),
                step_pp: Some(10.0),
                start: Some(1),
                ..Default::default()
            },
            usd_donor(
                "Sunset facility",
                DonorKind::GapFilling,
                1.0e8,
                100.0,
                Taper::Exponential {
                    start: 4,
                    rate_pct: 25.0,
                    end: Some(12),
                },
            ),
        ],
        shocks: vec![Shock {
            at: 5,
            years: 1,
            revenue_pct: -10.0,
            donor_pct: 0.0,
            cost_pct: 3.0,
            ..Default::default()
        }],
        reserve: Reserve {
            opening: 5.0e9,
            target_months: 2.0,
            interest_pct: 2.0,
        },
        criteria: vec![
            criterion(
                "Self-sufficient 3 years",
                "self_sufficiency_pct",
                Op::Ge,
                100.0,
                3,
            ),
            criterion("Donor share under 10 %", "donor_share_pct", Op::Lt, 10.0, 2),
            criterion("No unfunded gap 3 years", "unfunded_gap", Op::Le, 0.0, 3),
        ],
        reengagement: Some(Reengagement {
            trigger_pct: 95.0,
            reserve_floor_months: 1.0,
        }),
        ..Default::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{evaluate, parse_plan, validate};

    #[test]
    fn equals_the_plan_file() {
        let from_file = parse_plan(include_str!("../../plans/default.json"));
        assert_eq!(from_file, Ok(default_plan()));
    }

    #[test]
    fn shows_the_facility_the_reserve_and_self_sufficiency() {
        let plan = default_plan();
        assert_eq!(validate(&plan), Ok(()));
        let p = evaluate(&plan).expect("the default plan evaluates");
        let facility = plan
            .donors
            .iter()
            .position(|d| d.kind == DonorKind::GapFilling)
            .expect("a facility");
        assert!(
            p.years.iter().any(|y| y.donors[facility] > 0.0),
            "the facility pays in some years"
        );
        assert!(
            p.years.iter().any(|y| y.draw > 0.0),
            "the reserve is drawn in some years"
        );
        let year = p
            .summary
            .self_sufficiency_year
            .expect("self-sufficiency is reached");
        assert!(year < 2026 + 15);
        // Grants start near the calibrated 10 % of GDP and fall.
        let first = &p.years[0];
        let share = 100.0 * first.donor_funding / first.gdp;
        assert!((9.0..=14.0).contains(&share), "grants {share} % of GDP");
        assert!((13.0..=15.0).contains(&first.revenue_pct_gdp));
    }
}
