//! Properties every valid plan's projection must have (MODEL.md's
//! accounting identity, no NaN, no negative reserve or gap, tapers in
//! [0, 1], lossless JSON), over random valid plans from `common::arb`.

mod common;

use common::arb::{arb_plan, arb_taper};
use proptest::prelude::*;
use sunset_planner::model::donors::{fulfilment, pledged_flow, taper_multiplier, taper_of};
use sunset_planner::model::shocks::shock_multipliers;
use sunset_planner::model::*;

/// The plan with a sunset facility large enough to fill most years' gaps
/// (random caps are mostly smaller than the gap), so that the zero rule
/// meets real rounding residues.
fn with_facility(mut plan: Plan) -> Plan {
    plan.donors.push(Donor {
        name: "Facility".into(),
        kind: DonorKind::GapFilling,
        currency: None,
        fulfilment_pct: 100.0,
        base: Some(1e14),
        taper: None,
        target: None,
        initial_country_share_pct: None,
        step_pp: None,
        start: None,
        ..Default::default()
    });
    plan
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    #[test]
    fn the_reader_reads_what_the_writer_writes(plan in arb_plan()) {
        let value = plan_to_value(&plan);
        prop_assert_eq!(Plan::read(&value), Some(plan.clone()));
        prop_assert_eq!(plan_from_value(&value), Ok(plan));
    }

    #[test]
    fn random_plans_are_valid(plan in arb_plan()) {
        prop_assert_eq!(validate(&plan), Ok(()));
    }

    #[test]
    fn every_year_balances(plan in arb_plan()) {
        let p = evaluate(&plan).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(p.years.len(), plan.meta.horizon_years as usize);
        for y in &p.years {
            // L + G + draw + gap = N + deposit + fiscal_space. The zero rule
            // drops at most one residue of at most ε_t a year (the balance's,
            // the draw's or the gap's); the rest is a few roundings of sums
            // no larger than max(N, L + G).
            let scale = y.need.max(y.local_revenue + y.donor_funding);
            let eps = 1e-9 * scale.max(1.0);
            let rounding = 16.0 * f64::EPSILON * scale;
            let sources = y.local_revenue + y.donor_funding + y.draw + y.unfunded_gap;
            let uses = y.need + y.deposit + y.fiscal_space;
            prop_assert!((sources - uses).abs() <= eps + rounding, "{} : {} vs {}", y.year, sources, uses);
            prop_assert!(y.reserve >= 0.0 && y.unfunded_gap >= 0.0 && y.draw >= 0.0 && y.deposit >= 0.0);
            prop_assert!(y.fiscal_space >= 0.0);
            prop_assert!(y.donor_funding <= y.programmed_donor_funding * (1.0 + 1e-12) + eps);
            for (i, name) in METRICS.iter().enumerate() {
                prop_assert!(y.metric_at(i).is_some_and(f64::is_finite), "{} {}", y.year, name);
            }
            for x in y.revenues.iter().chain(&y.costs).chain(&y.programmes).chain(&y.donors) {
                prop_assert!(x.is_finite() && *x >= 0.0);
            }
        }
    }

    #[test]
    fn the_zero_rule_leaves_exact_zeros(plan in arb_plan().prop_map(with_facility)) {
        // MODEL.md "Zero": a balance, gap, draw or gap-filling amount with
        // |x| <= ε_t is exactly 0, so none may lie in (0, ε_t].
        let p = evaluate(&plan).map_err(|e| TestCaseError::fail(e.to_string()))?;
        for (t, y) in (0u32..).zip(&p.years) {
            let eps = 1e-9 * 1f64.max(y.need).max(y.local_revenue + y.donor_funding);
            let exact = |x: f64| x == 0.0 || x.abs() > eps;
            prop_assert!(exact(y.balance), "{}: balance {} (ε {})", y.year, y.balance, eps);
            prop_assert!(exact(y.draw), "{}: draw {} (ε {})", y.year, y.draw, eps);
            prop_assert!(exact(y.unfunded_gap), "{}: gap {} (ε {})", y.year, y.unfunded_gap, eps);
            // A zero balance moves nothing in or out of the reserve.
            if y.balance == 0.0 {
                prop_assert_eq!((y.deposit, y.draw, y.unfunded_gap, y.fiscal_space), (0.0, 0.0, 0.0, 0.0));
            }
            let shock = shock_multipliers(&plan.shocks, t);
            for (d, &paid) in plan.donors.iter().zip(&y.donors) {
                if d.kind != DonorKind::GapFilling {
                    continue;
                }
                prop_assert!(exact(paid), "{}: {} pays {} (ε {})", y.year, d.name, paid, eps);
                // A facility paying less than its cap covered the whole gap:
                // the balance is exactly 0, not a rounding residue.
                let cap = pledged_flow(d, taper_multiplier(taper_of(d), t), y.fx, fulfilment(d), shock.donor);
                if paid > 0.0 && paid < cap {
                    prop_assert_eq!(y.balance, 0.0, "{}: {} paid {} of {}", y.year, d.name, paid, cap);
                }
            }
        }
    }

    #[test]
    fn tapers_stay_between_0_and_1(taper in arb_taper(), t in 0..100u32) {
        let m = taper_multiplier(&taper, t);
        prop_assert!((0.0..=1.0).contains(&m), "m({}) = {}", t, m);
    }

    #[test]
    fn json_round_trip_is_lossless(plan in arb_plan()) {
        let text = plan_to_value(&plan).to_string();
        prop_assert_eq!(parse_plan(&text), Ok(plan));
    }

    #[test]
    fn evaluate_never_panics_on_wild_numbers(plan in arb_plan(), wild in prop_oneof![Just(f64::NAN), Just(f64::INFINITY), Just(-1e308), Just(1e308), Just(-100.0), Just(0.0)]) {
        // Not validated: evaluate must still return, Ok or a problem.
        let mut plan = plan;
        plan.macro_path.real_growth_pct = wild;
        plan.macro_path.gdp_base = wild;
        if let Some(r) = plan.revenues.first_mut() { r.buoyancy = wild; }
        if let Some(d) = plan.donors.first_mut() { d.base = Some(wild); d.fulfilment_pct = wild; }
        let _ = evaluate(&plan);
    }
}
