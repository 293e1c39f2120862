//! One hand-computed test per MODEL.md section, on small plans built in
//! code. The arithmetic is in the comments; expectations are exact up to
//! floating-point reordering (1e-12 relative).

mod common;

use common::*;
use sunset_planner::model::*;

#[test]
fn macro_path_with_overrides_population_and_fx() {
    let mut plan = bare_plan(3);
    let m = &mut plan.macro_path;
    m.real_growth_pct = 10.0;
    m.inflation_pct = 5.0;
    m.population_growth_pct = 10.0;
    m.fx_base = 2.0;
    m.foreign_inflation_pct = 5.0;
    m.real_depreciation_pct = 10.0;
    m.overrides.real_growth_pct.insert(2, -10.0);
    m.overrides.inflation_pct.insert(0, 50.0); // t = 0 changes nothing
    let p = project(&plan);
    // GDP: 1000; 1000·1.10·1.05 = 1155; 1155·0.90·1.05 = 1091.475
    assert_all_close(&series(&p, |y| y.gdp), &[1000.0, 1155.0, 1091.475]);
    // P: 1; 1.05; 1.1025
    assert_all_close(&series(&p, |y| y.price_index), &[1.0, 1.05, 1.1025]);
    // pop: 100; 110; 121
    assert_all_close(&series(&p, |y| y.population), &[100.0, 110.0, 121.0]);
    // fx: 2; 2·1.05/1.05·1.10 = 2.2; 2.42 (equal inflation, 10 % real depreciation)
    assert_all_close(&series(&p, |y| y.fx), &[2.0, 2.2, 2.42]);
    assert_eq!(
        series(&p, |y| f64::from(y.year)),
        vec![2026.0, 2027.0, 2028.0]
    );
}

#[test]
fn revenue_core_buoyancy_reform_and_shares_of_gdp() {
    let mut plan = bare_plan(4);
    plan.macro_path.inflation_pct = 10.0; // n_t = 10 %: GDP 1000, 1100, 1210, 1331
    let mut stream = revenue("VAT", 100.0, 2.0);
    stream.reform = Some(Reform {
        start: 1,
        years: 2,
        gain_pct_gdp_per_year: 1.0,
    });
    plan.revenues = vec![stream, revenue("Fees", 10.0, 0.0)];
    let p = project(&plan);
    // C_t = 100·(1.1^2)^t: 100, 121, 146.41, 177.1561
    // U_t = GDP_t·1·clamp(t-1+1, 0, 2)/100: 0, 11, 24.2, 26.62
    // R_t = C + U: 100, 132, 170.61, 203.7761
    assert_all_close(
        &series(&p, |y| y.revenues[0]),
        &[100.0, 132.0, 170.61, 203.7761],
    );
    // buoyancy 0: the core never grows
    assert_all_close(&series(&p, |y| y.revenues[1]), &[10.0; 4]);
    assert_all_close(
        &series(&p, |y| y.local_revenue),
        &[110.0, 142.0, 180.61, 213.7761],
    );
    // 100·L/GDP: 11; 142/11 = 12.909…; 180.61/12.1; 213.7761/13.31
    assert_all_close(
        &series(&p, |y| y.revenue_pct_gdp),
        &[11.0, 14200.0 / 1100.0, 18061.0 / 1210.0, 21377.61 / 1331.0],
    );
}

#[test]
fn cost_lines_with_real_growth_indexing_and_staged_handover() {
    let mut plan = bare_plan(4);
    plan.macro_path.inflation_pct = 10.0;
    let mut police = cost("Police", 100.0);
    police.real_growth_pct = 10.0;
    police.handover = Some(Ramp {
        from_pct: 50.0,
        to_pct: 100.0,
        start: 1,
        years: 2,
    });
    let mut rent = cost("Rent", 10.0);
    rent.indexed = false;
    plan.costs = vec![police, rent];
    let p = project(&plan);
    // cost_t = 100·1.1^t (prices)·1.1^t (real) = 100·1.21^t: 100, 121, 146.41, 177.1561
    // h_t = ramp(50, 100, 1, 2): .5, .5, .75, 1
    // need: 50, 60.5, 109.8075, 177.1561
    assert_all_close(
        &series(&p, |y| y.costs[0]),
        &[50.0, 60.5, 109.8075, 177.1561],
    );
    // not indexed, no real growth, no handover: 10 throughout
    assert_all_close(&series(&p, |y| y.costs[1]), &[10.0; 4]);
    assert_all_close(&series(&p, |y| y.need), &[60.0, 70.5, 119.8075, 187.1561]);
}

#[test]
fn handover_ramp_with_zero_years_steps_at_start() {
    let mut plan = bare_plan(3);
    let mut line = cost("Courts", 100.0);
    line.handover = Some(Ramp {
        from_pct: 20.0,
        to_pct: 100.0,
        start: 1,
        years: 0,
    });
    plan.costs = vec![line];
    let p = project(&plan);
    assert_all_close(&series(&p, |y| y.costs[0]), &[20.0, 100.0, 100.0]);
}

#[test]
fn programmes_costed_ilo_way() {
    let mut plan = bare_plan(3);
    plan.macro_path.inflation_pct = 10.0;
    plan.macro_path.population_base = 1000.0;
    plan.programmes = vec![Programme {
        name: "Child grant".into(),
        eligible_share_pct: 10.0,
        benefit_base: 10.0,
        indexed: true,
        real_benefit_growth_pct: 0.0,
        admin_pct: 50.0,
        coverage: Some(Ramp {
            from_pct: 20.0,
            to_pct: 60.0,
            start: 0,
            years: 2,
        }),
        ..Default::default()
    }];
    let p = project(&plan);
    // eligible 1000·10 % = 100; coverage .2, .4, .6; benefit 10, 11, 12.1; admin ×1.5
    // need: 100·.2·10·1.5 = 300; 100·.4·11·1.5 = 660; 100·.6·12.1·1.5 = 1089
    assert_all_close(&series(&p, |y| y.programmes[0]), &[300.0, 660.0, 1089.0]);
    // 100·need/GDP with GDP 1000, 1100, 1210: 30, 60, 90
    assert_all_close(
        &series(&p, |y| y.social_protection_pct_gdp),
        &[30.0, 60.0, 90.0],
    );
}

#[test]
fn budget_support_in_usd_with_fulfilment_and_linear_taper() {
    let mut plan = bare_plan(3);
    plan.macro_path.fx_base = 2.0;
    plan.macro_path.inflation_pct = 10.0; // fx follows: 2, 2.2, 2.42
    let mut d = pledging("BS", DonorKind::BudgetSupport, 10.0);
    d.currency = Some(Currency::Usd);
    d.fulfilment_pct = 50.0;
    d.taper = Some(Taper::Linear { start: 0, end: 2 });
    plan.donors = vec![d];
    let p = project(&plan);
    // D = 10·m·fx·0.5: 10·1·2·.5 = 10; 10·.5·2.2·.5 = 5.5; m = 0 at end
    assert_all_close(&series(&p, |y| y.donors[0]), &[10.0, 5.5, 0.0]);
    assert_all_close(
        &series(&p, |y| y.programmed_donor_funding),
        &[10.0, 5.5, 0.0],
    );
}

#[test]
fn every_taper_shape_in_a_plan() {
    let shapes = [
        (Taper::None { end: Some(2) }, [1.0, 1.0, 0.0, 0.0]),
        (Taper::Linear { start: 1, end: 3 }, [1.0, 1.0, 0.5, 0.0]),
        (
            Taper::Exponential {
                start: 1,
                rate_pct: 50.0,
                end: None,
            },
            [1.0, 1.0, 0.5, 0.25],
        ),
        (
            Taper::Steps {
                points: vec![(1, 60.0), (3, 10.0)],
                end: None,
            },
            [1.0, 0.6, 0.6, 0.1],
        ),
    ];
    for (taper, m) in shapes {
        let mut plan = bare_plan(4);
        let mut d = pledging("BS", DonorKind::BudgetSupport, 100.0);
        d.taper = Some(taper);
        plan.donors = vec![d];
        let p = project(&plan);
        assert_all_close(&series(&p, |y| y.donors[0]), &m.map(|x| 100.0 * x));
    }
    // logistic, midpoint 1, steepness ln 3: m(t) = (1 + 1/3)/(1 + 3^(t-1)):
    // t=0: (4/3)/(4/3) = 1; t=1: (4/3)/2 = 2/3; t=2: (4/3)/4 = 1/3; end at 3 → 0
    let mut plan = bare_plan(4);
    let mut d = pledging("BS", DonorKind::BudgetSupport, 100.0);
    d.taper = Some(Taper::Logistic {
        midpoint: 1.0,
        steepness: 3f64.ln(),
        end: Some(3),
    });
    plan.donors = vec![d];
    let p = project(&plan);
    assert_all_close(
        &series(&p, |y| y.donors[0]),
        &[100.0, 200.0 / 3.0, 100.0 / 3.0, 0.0],
    );
}

#[test]
fn cofinancing_rising_country_share() {
    let mut plan = bare_plan(4);
    plan.costs = vec![cost("Vaccines", 100.0)];
    plan.programmes = vec![Programme {
        name: "Pension".into(),
        eligible_share_pct: 10.0,
        benefit_base: 2.0,
        indexed: true,
        real_benefit_growth_pct: 0.0,
        admin_pct: 0.0,
        coverage: None,
        ..Default::default()
    }];
    let mut on_programme = cofinancing("Pension co-financing", "Pension", 50.0, 0.0, 0);
    on_programme.fulfilment_pct = 50.0;
    plan.donors = vec![cofinancing("Gavi", "Vaccines", 40.0, 30.0, 1), on_programme];
    let p = project(&plan);
    // s_t: 40 (t < 1), 40, 70, min(100, 100) → D = 100·(1 - s): 60, 60, 30, 0
    assert_all_close(&series(&p, |y| y.donors[0]), &[60.0, 60.0, 30.0, 0.0]);
    // programme need 100·10 %·2 = 20; D = 20·0.5·0.5 = 5
    assert_all_close(&series(&p, |y| y.donors[1]), &[5.0; 4]);
}

#[test]
fn gap_filling_donors_come_last_in_listed_order_and_leave_exact_zero() {
    let mut plan = bare_plan(2);
    plan.revenues = vec![revenue("Tax", 50.0, 1.0)];
    plan.costs = vec![cost("State", 100.0)];
    plan.donors = vec![
        pledging("Facility A", DonorKind::GapFilling, 20.0),
        pledging("BS", DonorKind::BudgetSupport, 20.0),
        pledging("Facility B", DonorKind::GapFilling, 100.0),
    ];
    plan.shocks = vec![shock(1, 1, 60.0, 0.0, 0.0)];
    let p = project(&plan);
    let y0 = &p.years[0];
    // BS first: 20; A: min(20, 100 - 50 - 20 = 30) = 20; B: min(100, 10) = 10
    assert_all_close(&y0.donors, &[20.0, 20.0, 10.0]);
    assert_eq!(y0.balance, 0.0);
    // Q counts the facilities at their caps: 20 + 20 + 100
    assert_close(y0.programmed_donor_funding, 140.0);
    // Year 1: revenue 50·1.6 = 80, BS 20 → nothing missing, facilities pay 0;
    // Q stays 140, so the lower payment is no cliff.
    let y1 = &p.years[1];
    assert_all_close(&y1.donors, &[0.0, 20.0, 0.0]);
    assert_eq!(y1.donor_drop_pct, 0.0);
}

#[test]
fn shocks_multiply_while_active_and_leave_the_core() {
    let mut plan = bare_plan(4);
    plan.revenues = vec![revenue("Tax", 100.0, 1.0)];
    plan.costs = vec![cost("State", 10.0)];
    plan.donors = vec![pledging("BS", DonorKind::BudgetSupport, 10.0)];
    plan.shocks = vec![
        shock(1, 2, -50.0, 0.0, 0.0),
        shock(2, 1, -50.0, 100.0, -50.0),
    ];
    let p = project(&plan);
    // revenue: 100; ×.5 = 50; ×.5·.5 = 25; back to 100 (core untouched)
    assert_all_close(
        &series(&p, |y| y.local_revenue),
        &[100.0, 50.0, 25.0, 100.0],
    );
    // cost ×2 in year 2 only; donor ×.5 in year 2 only
    assert_all_close(&series(&p, |y| y.need), &[10.0, 10.0, 20.0, 10.0]);
    assert_all_close(&series(&p, |y| y.donor_funding), &[10.0, 10.0, 5.0, 10.0]);
}

/// Need 100 (no revenue), donor flows 250, 50, 0, 150 through a steps taper,
/// reserve opening 100 at 10 % interest with a target of 12 months (= N).
fn reserve_plan() -> Plan {
    let mut plan = bare_plan(4);
    plan.costs = vec![cost("State", 100.0)];
    let mut d = pledging("BS", DonorKind::BudgetSupport, 250.0);
    d.taper = Some(Taper::Steps {
        points: vec![(1, 20.0), (2, 0.0), (3, 60.0)],
        end: None,
    });
    plan.donors = vec![d];
    plan.reserve = Reserve {
        opening: 100.0,
        target_months: 12.0,
        interest_pct: 10.0,
    };
    plan.meta.discount_rate_pct = 10.0;
    plan
}

#[test]
fn reserve_deposits_draws_and_unfunded_gap() {
    let p = project(&reserve_plan());
    // t0: B = 150; opening 110 ≥ target 100 → deposit 0, fiscal space 150, V 110
    // t1: B = -50; opening 121 → draw 50, gap 0, V 71
    // t2: B = -100; opening 78.1 → draw 78.1, gap 21.9, V 0
    // t3: B = 50; opening 0, target 100 → deposit 50, fiscal space 0, V 50
    assert_all_close(&series(&p, |y| y.balance), &[150.0, -50.0, -100.0, 50.0]);
    assert_all_close(&series(&p, |y| y.deposit), &[0.0, 0.0, 0.0, 50.0]);
    assert_all_close(&series(&p, |y| y.fiscal_space), &[150.0, 0.0, 0.0, 0.0]);
    assert_all_close(&series(&p, |y| y.draw), &[0.0, 50.0, 78.1, 0.0]);
    assert_all_close(&series(&p, |y| y.unfunded_gap), &[0.0, 0.0, 21.9, 0.0]);
    assert_all_close(&series(&p, |y| y.reserve), &[110.0, 71.0, 0.0, 50.0]);
}

#[test]
fn indicators_with_their_division_rules() {
    let p = project(&reserve_plan());
    // self-sufficiency 100·0/100 = 0; donor share 100·G/(0 + G) = 100 while G > 0, 0 when G = 0
    assert_all_close(&series(&p, |y| y.self_sufficiency_pct), &[0.0; 4]);
    assert_all_close(
        &series(&p, |y| y.donor_share_pct),
        &[100.0, 100.0, 0.0, 100.0],
    );
    // Q: 250, 50, 0, 150 → drop 100·200/100 = 200, then 50, then 0 (a rise)
    assert_all_close(&series(&p, |y| y.donor_drop_pct), &[0.0, 200.0, 50.0, 0.0]);

    // N = 0: self-sufficiency 100 and a donor drop of 0; L + G = 0: donor share 0
    let mut plan = bare_plan(2);
    let mut d = pledging("BS", DonorKind::BudgetSupport, 10.0);
    d.taper = Some(Taper::None { end: Some(1) });
    plan.donors = vec![d];
    let p = project(&plan);
    assert_eq!(series(&p, |y| y.self_sufficiency_pct), vec![100.0, 100.0]);
    assert_eq!(series(&p, |y| y.donor_share_pct), vec![100.0, 0.0]);
    assert_eq!(series(&p, |y| y.donor_drop_pct), vec![0.0, 0.0]);
}

#[test]
fn headline_totals_npv_and_peaks() {
    let p = project(&reserve_plan());
    let s = &p.summary;
    assert_close(s.cumulative_gap, 21.9);
    // 21.9 in t = 2 at 10 %: 21.9/1.21
    assert_close(s.cumulative_gap_npv, 21.9 / 1.21);
    assert_close(s.peak_gap, 21.9);
    assert_eq!(s.peak_gap_year, Some(2028));
    // G: 250 + 50 + 0 + 150 = 450; NPV 250 + 50/1.1 + 150/1.331
    assert_close(s.total_donor_funding, 450.0);
    assert_close(
        s.total_donor_funding_npv,
        250.0 + 50.0 / 1.1 + 150.0 / 1.331,
    );
    assert_close(s.max_donor_drop_pct, 200.0);
    assert_eq!(s.max_donor_drop_year, Some(2027));
    // never self-sufficient (L = 0); G ≤ 1 % of N only in t = 2, not to the end
    assert_eq!(s.self_sufficiency_year, None);
    assert_eq!(s.donor_exit_year, None);
}

#[test]
fn ties_go_to_the_first_year_and_zero_peaks_have_no_year() {
    // Need 100, no money: gap 100 every year → peak 100 in the first year.
    let mut plan = bare_plan(3);
    plan.costs = vec![cost("State", 100.0)];
    let p = project(&plan);
    assert_eq!(p.summary.peak_gap_year, Some(2026));
    assert_eq!(p.summary.max_donor_drop_year, None);
    assert_eq!(p.summary.max_donor_drop_pct, 0.0);
    // And with no gap at all the peak has no year.
    plan.revenues = vec![revenue("Tax", 100.0, 1.0)];
    let p = project(&plan);
    assert_eq!((p.summary.peak_gap, p.summary.peak_gap_year), (0.0, None));
}

/// Revenue 100 against need 100, halved by a shock in 2027 and raised 20 %
/// in 2029; budget support 10, 5, 0, 0; reserve target 1.2 months (= 10).
fn headline_plan() -> Plan {
    let mut plan = bare_plan(4);
    plan.revenues = vec![revenue("Tax", 100.0, 1.0)];
    plan.costs = vec![cost("State", 100.0)];
    let mut d = pledging("BS", DonorKind::BudgetSupport, 10.0);
    d.taper = Some(Taper::Linear { start: 0, end: 2 });
    plan.donors = vec![d];
    plan.shocks = vec![shock(1, 1, -50.0, 0.0, 0.0), shock(3, 1, 20.0, 0.0, 0.0)];
    plan.reserve = Reserve {
        opening: 0.0,
        target_months: 1.2,
        interest_pct: 0.0,
    };
    plan
}

#[test]
fn self_sufficiency_and_donor_exit_years() {
    let p = project(&headline_plan());
    // self-sufficiency: 100, 50, 100, 120 → from 2028 to the end
    assert_all_close(
        &series(&p, |y| y.self_sufficiency_pct),
        &[100.0, 50.0, 100.0, 120.0],
    );
    assert_eq!(p.summary.self_sufficiency_year, Some(2028));
    // G: 10, 5, 0, 0 ≤ 1 % of 100 from 2028 on
    assert_eq!(p.summary.donor_exit_year, Some(2028));
    // drops 5 % in 2027 and 5 % in 2028: the first wins
    assert_eq!(p.summary.max_donor_drop_year, Some(2027));
    assert_close(p.summary.max_donor_drop_pct, 5.0);
}

#[test]
fn criteria_keyed_by_name_or_index() {
    let mut plan = headline_plan();
    let c = |name: Option<&str>, metric: &str, op, value, n| Criterion {
        name: name.map(String::from),
        metric: metric.into(),
        op,
        value,
        consecutive_years: n,
        ..Default::default()
    };
    plan.criteria = vec![
        c(
            Some("self-sufficient 2 years"),
            "self_sufficiency_pct",
            Op::Ge,
            100.0,
            2,
        ),
        c(None, "donor_share_pct", Op::Gt, 0.0, 1),
        c(Some("never"), "need", Op::Lt, 100.0, 1),
        c(Some("dip"), "self_sufficiency_pct", Op::Le, 50.0, 1),
    ];
    let p = project(&plan);
    // ss: 100, 50, 100, 120 → the run 2028–2029 reaches 2 years in 2029
    // donor share > 0 in 2026 already; need is never < 100; ss ≤ 50 in 2027
    assert_eq!(
        p.summary.criteria,
        vec![
            ("self-sufficient 2 years".to_string(), Some(2029)),
            ("1".to_string(), Some(2026)),
            ("never".to_string(), None),
            ("dip".to_string(), Some(2027)),
        ]
    );
}

#[test]
fn reengagement_years_from_the_exit_year() {
    let mut plan = headline_plan();
    plan.reengagement = Some(Reengagement {
        trigger_pct: 100.0,
        reserve_floor_months: 0.6,
    });
    let p = project(&plan);
    // reserve: 2026 B = 10 → deposit 10, V 10; 2027 B = -45 → draw 10, V 0;
    // 2028 B = 0 → V 0; 2029 B = 20 → deposit 10, V 10
    assert_all_close(&series(&p, |y| y.reserve), &[10.0, 0.0, 0.0, 10.0]);
    // from the exit year 2028: ss 100 and 120 are not < 100; V < 0.05·100 = 5 only in 2028
    assert_eq!(p.summary.reengagement_years, vec![2028]);
    // 2027 (ss 50) is before the exit year, so it does not count.

    // Without an exit year there is nothing to re-engage from.
    plan.donors[0].taper = None;
    let p = project(&plan);
    assert_eq!(p.summary.donor_exit_year, None);
    assert!(p.summary.reengagement_years.is_empty());
}

#[test]
fn an_overflowing_projection_names_its_year() {
    let mut plan = bare_plan(3);
    plan.macro_path.gdp_base = 1e307;
    // GDP_1 = 1e307 · 11 · 11 = 1.21e309: past the largest f64.
    plan.macro_path.real_growth_pct = 1000.0;
    plan.macro_path.inflation_pct = 1000.0;
    assert_eq!(validate(&plan), Ok(()));
    let e = evaluate(&plan).unwrap_err();
    // Plan year 1 (the path indexes `years`), calendar year 2027 (the message).
    assert_eq!(e.path.to_string(), "years[1].gdp");
    assert_eq!(
        e.message(),
        "the projection overflows in 2027 (GDP is not a finite number); lower the growth or inflation rates"
    );
    assert_eq!(
        e.rule.fr(),
        "la projection dépasse les limites du calcul en 2027 (le PIB n’est plus un nombre fini) ; réduisez les taux de croissance ou d’inflation"
    );
}

#[test]
fn metrics_read_the_year_result() {
    let p = project(&reserve_plan());
    let y = &p.years[2];
    assert_eq!(y.metric("unfunded_gap"), Some(y.unfunded_gap));
    assert_eq!(y.metric("reserve"), Some(0.0));
    assert_eq!(y.metric("year"), None);
    assert_eq!(y.metric("nonsense"), None);
}

/// Revenue 100 against need 100, budget support 10 in 2026 only (so donors
/// exit in 2027), revenue cut 20 % in 2028 and 5 % in 2029; a reserve of
/// 1000 that never comes near a floor of one month of need (8.33).
fn trigger_plan(trigger_pct: f64) -> Plan {
    let mut plan = bare_plan(5);
    plan.revenues = vec![revenue("Tax", 100.0, 1.0)];
    plan.costs = vec![cost("State", 100.0)];
    let mut d = pledging("BS", DonorKind::BudgetSupport, 10.0);
    d.taper = Some(Taper::Linear { start: 0, end: 1 });
    plan.donors = vec![d];
    plan.shocks = vec![shock(2, 1, -20.0, 0.0, 0.0), shock(3, 1, -5.0, 0.0, 0.0)];
    plan.reserve = Reserve {
        opening: 1000.0,
        target_months: 0.0,
        interest_pct: 0.0,
    };
    plan.reengagement = Some(Reengagement {
        trigger_pct,
        reserve_floor_months: 1.0,
    });
    plan
}

#[test]
fn reengagement_by_the_trigger_alone() {
    let p = project(&trigger_plan(90.0));
    // ss: 100, 100, 80, 95, 100; G: 10, 0, 0, 0, 0 → exit 2027
    assert_all_close(
        &series(&p, |y| y.self_sufficiency_pct),
        &[100.0, 100.0, 80.0, 95.0, 100.0],
    );
    assert_eq!(p.summary.donor_exit_year, Some(2027));
    // V: 1000, 1000, 980 (draw 20), 975 (draw 5), 975: always far above 8.33,
    // so the reserve test never fires and only the trigger decides.
    assert_all_close(
        &series(&p, |y| y.reserve),
        &[1000.0, 1000.0, 980.0, 975.0, 975.0],
    );
    // 80 < 90 in 2028; 95 is not below 90 in 2029.
    assert_eq!(p.summary.reengagement_years, vec![2028]);
    // A higher trigger catches 2029 too; 100 is never below 100.
    assert_eq!(
        project(&trigger_plan(96.0)).summary.reengagement_years,
        vec![2028, 2029]
    );
    assert_eq!(
        project(&trigger_plan(100.0)).summary.reengagement_years,
        vec![2028, 2029]
    );
}

#[test]
fn no_reengagement_when_self_sufficiency_stays_at_or_above_the_trigger() {
    // Trigger 80: 2028 sits exactly at it (80 is not below 80), and the
    // reserve never falls below its floor: no year calls donors back.
    let p = project(&trigger_plan(80.0));
    assert_eq!(p.summary.donor_exit_year, Some(2027));
    assert_eq!(p.summary.reengagement_years, Vec::<i32>::new());
    // Trigger 0 never fires either.
    assert!(project(&trigger_plan(0.0))
        .summary
        .reengagement_years
        .is_empty());
}

/// Revenue r0 + r1, one cost line c0 + c1 (two lines), budget support `bs`
/// and a sunset facility large enough to fill the rest.
fn facility_plan(r: [f64; 2], c: [f64; 2], bs: f64) -> Plan {
    let mut plan = bare_plan(1);
    plan.revenues = vec![revenue("Tax A", r[0], 1.0), revenue("Tax B", r[1], 1.0)];
    plan.costs = vec![cost("Line A", c[0]), cost("Line B", c[1])];
    plan.donors = vec![
        pledging("BS", DonorKind::BudgetSupport, bs),
        pledging("Facility", DonorKind::GapFilling, 1e6),
    ];
    plan
}

/// The balance the evaluator's sums would leave without the zero rule: the
/// facility pays (N - L) - bs and B = (L + (bs + paid)) - N, in that order.
fn raw_balance(r: [f64; 2], c: [f64; 2], bs: f64) -> (f64, f64) {
    let (l, n) = (r[0] + r[1], c[0] + c[1]);
    let paid = n - l - bs;
    let raw = l + (bs + paid) - n;
    (raw, 1e-9 * n.max(l + bs + paid).max(1.0))
}

#[test]
fn a_facility_filling_the_gap_leaves_exactly_zero_not_a_residue_below() {
    // L = 374.53, N = 986.1, bs = 97.82: the facility pays 513.75, and
    // L + G - N comes out at -1.1e-13 in floating point (ε_t ≈ 9.9e-7).
    let (r, c, bs) = ([134.66, 239.87], [726.12, 259.98], 97.82);
    let (raw, eps) = raw_balance(r, c, bs);
    assert!(raw < 0.0 && -raw <= eps, "residue {raw} (ε {eps})");
    let mut plan = facility_plan(r, c, bs);
    // Without the rule the residue would be drawn from this reserve.
    plan.reserve.opening = 50.0;
    let y = &project(&plan).years[0];
    assert_close(y.donors[1], 513.75);
    assert_eq!(y.balance, 0.0);
    assert_eq!((y.draw, y.unfunded_gap), (0.0, 0.0));
    assert_eq!((y.deposit, y.fiscal_space), (0.0, 0.0));
    assert_eq!(y.reserve, 50.0);
}

#[test]
fn a_facility_filling_the_gap_leaves_exactly_zero_not_a_residue_above() {
    // L = 165.19, N = 826.1, bs = 601.08: the facility pays 59.83, and
    // L + G - N comes out at +1.1e-13 (ε_t ≈ 8.3e-7).
    let (r, c, bs) = ([74.25, 90.94], [582.57, 243.53], 601.08);
    let (raw, eps) = raw_balance(r, c, bs);
    assert!(raw > 0.0 && raw <= eps, "residue {raw} (ε {eps})");
    let mut plan = facility_plan(r, c, bs);
    // Without the rule the residue would be deposited towards this target.
    plan.reserve.target_months = 12.0;
    let y = &project(&plan).years[0];
    assert_close(y.donors[1], 59.83);
    assert_eq!(y.balance, 0.0);
    assert_eq!((y.deposit, y.fiscal_space), (0.0, 0.0));
    assert_eq!((y.draw, y.unfunded_gap, y.reserve), (0.0, 0.0, 0.0));
}

#[test]
fn a_facility_pays_exactly_zero_when_the_gap_is_only_a_residue() {
    // L + bs = 397.18 + 772.37 + 455.45 = 1625 = N = 949.84 + 675.16 in
    // decimals; in floating point (N - L) - bs is 5.7e-14 (ε_t = 1.6e-6).
    let (r, c, bs) = ([397.18, 772.37], [949.84, 675.16], 455.45);
    let (l, n) = (r[0] + r[1], c[0] + c[1]);
    let missing = n - l - bs;
    assert!(missing > 0.0 && missing <= 1e-9 * n, "residue {missing}");
    let y = &project(&facility_plan(r, c, bs)).years[0];
    assert_eq!(y.donors, vec![455.45, 0.0]);
    assert_eq!(y.donor_funding, 455.45);
    assert_eq!(y.balance, 0.0);
    assert_eq!((y.draw, y.unfunded_gap, y.fiscal_space), (0.0, 0.0, 0.0));
    // The facility still counts at its cap in what donors programme.
    assert_close(y.programmed_donor_funding, 455.45 + 1e6);
}

#[test]
fn a_facility_cap_within_epsilon_pays_exactly_zero() {
    // Need 1000 (ε_t = 1e-6) and no revenue: a facility capped at 1e-7
    // would pay its cap; a gap-filling amount that small is 0.
    let mut plan = bare_plan(1);
    plan.costs = vec![cost("State", 1000.0)];
    plan.donors = vec![pledging("Facility", DonorKind::GapFilling, 1e-7)];
    let y = &project(&plan).years[0];
    assert_eq!(y.donors, vec![0.0]);
    assert_eq!(y.donor_funding, 0.0);
    assert_eq!(y.unfunded_gap, 1000.0);
}

#[test]
fn a_draw_or_a_gap_within_epsilon_is_exactly_zero() {
    // Need 100, revenue 50 (B = -50, ε_t = 1e-7).
    let plan_with_reserve = |opening: f64| {
        let mut plan = bare_plan(1);
        plan.revenues = vec![revenue("Tax", 50.0, 1.0)];
        plan.costs = vec![cost("State", 100.0)];
        plan.reserve.opening = opening;
        plan
    };
    // A reserve of 1e-12 could only pay a draw below ε_t: no draw, the
    // whole 50 is unfunded, and the reserve keeps its crumb.
    let y = &project(&plan_with_reserve(1e-12)).years[0];
    assert_eq!((y.balance, y.draw, y.unfunded_gap), (-50.0, 0.0, 50.0));
    assert_eq!(y.reserve, 1e-12);
    // A reserve 1e-10 short of the deficit leaves a gap below ε_t: no gap.
    let opening = 50.0 - 1e-10;
    let y = &project(&plan_with_reserve(opening)).years[0];
    assert_eq!((y.draw, y.unfunded_gap), (opening, 0.0));
    assert_eq!(y.reserve, 0.0);
}

#[test]
fn evaluate_refuses_a_horizon_outside_1_to_60_itself() {
    // validate refuses these too; evaluate must not trust its caller, or
    // an unvalidated plan could make it allocate without bound.
    for (horizon, line) in [
        (
            0,
            "meta.horizon_years: must be between 1 and 60 years (got 0)",
        ),
        (
            61,
            "meta.horizon_years: must be between 1 and 60 years (got 61)",
        ),
        (
            u32::MAX,
            "meta.horizon_years: must be between 1 and 60 years (got 4294967295)",
        ),
    ] {
        let plan = bare_plan(horizon);
        assert_eq!(
            evaluate(&plan).map(|_| ()).map_err(|p| p.to_string()),
            Err(line.to_string())
        );
    }
    assert_eq!(project(&bare_plan(60)).years.len(), 60);
    assert_eq!(project(&bare_plan(1)).years.len(), 1);
}

#[test]
fn totals_that_overflow_are_refused_with_the_year_they_do() {
    // Need 1e308 a year, no money: every year's gap is finite, but the
    // cumulative gap is 2e308 by 2027, past the largest f64.
    let mut plan = bare_plan(3);
    plan.costs = vec![cost("State", 1e308)];
    assert_eq!(validate(&plan), Ok(()));
    assert_eq!(
        evaluate(&plan).map(|_| ()).map_err(|p| p.to_string()),
        Err(
            "summary.cumulative_gap: the projection's totals overflow in 2027 \
             (cumulative_gap is not a finite number); lower the amounts or growth rates"
                .to_string()
        )
    );

    assert_eq!(
        evaluate(&plan).map(|_| ()).map_err(|p| p.fr()),
        Err("summary.cumulative_gap: les totaux de la projection dépassent les limites du calcul \
             en 2027 (cumulative_gap n’est plus un nombre fini) ; réduisez les montants ou les taux \
             de croissance"
            .to_string())
    );

    // Donor money of 1e308 a year against no need: total donor funding.
    let mut plan = bare_plan(2);
    plan.donors = vec![pledging("BS", DonorKind::BudgetSupport, 1e308)];
    assert_eq!(validate(&plan), Ok(()));
    assert_eq!(
        evaluate(&plan).map(|_| ()).map_err(|p| p.to_string()),
        Err(
            "summary.total_donor_funding: the projection's totals overflow in 2027 \
             (total_donor_funding is not a finite number); lower the amounts or growth rates"
                .to_string()
        )
    );

    // A gap of 1e300 a year discounted at -99 % weighs 100^t: the sum stays
    // near 6e300, the present value passes 1e308 at t = 5 (2031).
    let mut plan = bare_plan(8);
    plan.costs = vec![cost("State", 1e300)];
    plan.meta.discount_rate_pct = -99.0;
    assert_eq!(validate(&plan), Ok(()));
    assert_eq!(
        evaluate(&plan).map(|_| ()).map_err(|p| p.to_string()),
        Err(
            "summary.cumulative_gap_npv: the projection's totals overflow in 2031 \
             (cumulative_gap_npv is not a finite number); lower the amounts or growth rates"
                .to_string()
        )
    );
    // One year short of it, the same plan evaluates.
    plan.meta.horizon_years = 5;
    assert!(project(&plan).summary.cumulative_gap_npv.is_finite());
}

#[test]
fn a_donor_drop_of_at_most_epsilon_is_no_drop() {
    use sunset_planner::model::indicators::donor_drop_pct;
    // MODEL.md: the drop is 0 "when the drop is at most ε_t". Programmed
    // money falls from 3 to 2 with ε_t = 1: exactly ε_t, so no drop.
    assert_eq!(donor_drop_pct(Some(3.0), 2.0, 100.0, 1.0), 0.0);
    // Just above ε_t it counts: 100 · 1.5 / 100.
    assert_eq!(donor_drop_pct(Some(3.5), 2.0, 100.0, 1.0), 1.5);
    // No year before, or nothing to finance: no drop.
    assert_eq!(donor_drop_pct(None, 2.0, 100.0, 1.0), 0.0);
    assert_eq!(donor_drop_pct(Some(3.5), 2.0, 0.0, 1.0), 0.0);
}

#[test]
fn amounts_just_above_epsilon_are_kept() {
    // Need 1e6 (ε_t = 1e-3), revenue 5e5: the rule zeroes only what is
    // within ε_t, never a real unit.
    let with_donors = |donors: Vec<Donor>| {
        let mut plan = bare_plan(1);
        plan.revenues = vec![revenue("Tax", 5e5, 1.0)];
        plan.costs = vec![cost("State", 1e6)];
        plan.donors = donors;
        project(&plan).years[0].clone()
    };
    // Budget support leaves a gap of 1: the facility pays it.
    let y = with_donors(vec![
        pledging("BS", DonorKind::BudgetSupport, 499_999.0),
        pledging("Facility", DonorKind::GapFilling, 10.0),
    ]);
    assert_eq!(y.donors, vec![499_999.0, 1.0]);
    assert_eq!((y.balance, y.unfunded_gap), (0.0, 0.0));
    // Without the facility the 1 is unfunded.
    let y = with_donors(vec![pledging("BS", DonorKind::BudgetSupport, 499_999.0)]);
    assert_eq!((y.balance, y.unfunded_gap), (-1.0, 1.0));
    // A surplus of 1 is fiscal space.
    let y = with_donors(vec![pledging("BS", DonorKind::BudgetSupport, 500_001.0)]);
    assert_eq!((y.balance, y.fiscal_space), (1.0, 1.0));
}

#[test]
fn each_figure_that_overflows_is_named_with_its_own_advice() {
    let overflow = |plan: &Plan| evaluate(plan).map(|_| ()).map_err(|p| p.to_string());
    // Population 1e308 doubling: past the largest f64 in 2027.
    let mut plan = bare_plan(3);
    plan.macro_path.population_base = 1e308;
    plan.macro_path.population_growth_pct = 100.0;
    let population = plan;
    // An exchange rate of 1e308 depreciating 100 % a year.
    let mut plan = bare_plan(3);
    plan.macro_path.fx_base = 1e308;
    plan.macro_path.real_depreciation_pct = 100.0;
    let fx = plan;
    // A revenue stream of 1e308 growing with 100 % inflation (in an
    // economy big enough for its share of GDP to stay finite).
    let mut plan = bare_plan(3);
    plan.macro_path.gdp_base = 1e300;
    plan.macro_path.inflation_pct = 100.0;
    plan.revenues = vec![revenue("Tax", 1e308, 1.0)];
    let revenue_plan = plan;
    // A cost line of 1e308 growing 100 % a year in real terms.
    let mut plan = bare_plan(3);
    let mut line = cost("State", 1e308);
    line.real_growth_pct = 100.0;
    plan.costs = vec![line];
    let need = plan;
    // Two donors of 1e308 each: 2e308 in the first year.
    let mut plan = bare_plan(3);
    plan.donors = vec![
        pledging("A", DonorKind::BudgetSupport, 1e308),
        pledging("B", DonorKind::BudgetSupport, 1e308),
    ];
    let donors = plan;
    // A reserve of 1e308 earning 100 %: 2e308 when the first year opens.
    let mut plan = bare_plan(3);
    plan.reserve.opening = 1e308;
    plan.reserve.interest_pct = 100.0;
    let reserve = plan;
    for (plan, line) in [
        (
            &population,
            "years[1].population: the projection overflows in 2027 (population is not a \
             finite number); lower the population growth rate",
        ),
        (
            &fx,
            "years[1].fx: the projection overflows in 2027 (the exchange rate is not a \
             finite number); lower the inflation or depreciation rates",
        ),
        (
            &revenue_plan,
            "years[1].local_revenue: the projection overflows in 2027 (local revenue is not \
             a finite number); lower the buoyancies, reform gains or growth rates",
        ),
        (
            &need,
            "years[1].need: the projection overflows in 2027 (need is not a finite number); \
             lower the cost and benefit growth rates or the inflation rates",
        ),
        (
            &donors,
            "years[0].donor_funding: the projection overflows in 2026 (donor funding is not \
             a finite number); lower the donor amounts or the exchange-rate path",
        ),
        (
            &reserve,
            "years[0].reserve: the projection overflows in 2026 (the reserve is not a finite \
             number); lower the reserve interest rate or target",
        ),
    ] {
        assert_eq!(validate(plan), Ok(()), "{line}");
        assert_eq!(overflow(plan), Err(line.to_string()));
    }

    // No valid plan overflows the price index (at most 11^59 in 60 years
    // at 1000 %), but evaluate names it for an unvalidated one: GDP starts
    // at 1e-300, so the price index, 1e298 times higher each year, goes
    // first, in 2028.
    let mut plan = bare_plan(3);
    plan.macro_path.gdp_base = 1e-300;
    plan.macro_path.inflation_pct = 1e300;
    assert!(validate(&plan).is_err());
    assert_eq!(
        overflow(&plan),
        Err(
            "years[2].price_index: the projection overflows in 2028 (the price index is not \
             a finite number); lower the inflation rates"
                .to_string()
        )
    );
}

#[test]
fn a_steep_logistic_keeps_its_small_tail() {
    // midpoint 0, steepness 720: m(1) = (1 + e^0)/(1 + e^720) = 2/(1 + e^720).
    // e^720 is past the largest f64, so m is taken in logs; the result,
    // about 2·e^-720 (a subnormal number), must still be that ratio.
    let taper = Taper::Logistic {
        midpoint: 0.0,
        steepness: 720.0,
        end: None,
    };
    let m = sunset_planner::model::donors::taper_multiplier(&taper, 1);
    let expected = 2.0 * (-720f64).exp();
    assert!(
        m > 0.0 && ((m - expected) / expected).abs() < 1e-6,
        "m(1) = {m:e}, expected {expected:e}"
    );
    assert_eq!(
        sunset_planner::model::donors::taper_multiplier(&taper, 0),
        1.0
    );
}

#[test]
fn reengagement_by_the_reserve_floor_alone() {
    // Revenue 100 against need 100, budget support 10 in 2026 only (exit
    // 2027); a reserve of 10 drawn to 3 by a 7 % revenue cut in 2028. The
    // floor is 0.6 months of need, 5: 10 is above it, 3 below.
    let mut plan = bare_plan(4);
    plan.revenues = vec![revenue("Tax", 100.0, 1.0)];
    plan.costs = vec![cost("State", 100.0)];
    let mut d = pledging("BS", DonorKind::BudgetSupport, 10.0);
    d.taper = Some(Taper::Linear { start: 0, end: 1 });
    plan.donors = vec![d];
    plan.shocks = vec![shock(2, 1, -7.0, 0.0, 0.0)];
    plan.reserve.opening = 10.0;
    plan.reengagement = Some(Reengagement {
        trigger_pct: 0.0,
        reserve_floor_months: 0.6,
    });
    let p = project(&plan);
    assert_eq!(p.summary.donor_exit_year, Some(2027));
    assert_all_close(&series(&p, |y| y.reserve), &[10.0, 10.0, 3.0, 3.0]);
    assert_eq!(p.summary.reengagement_years, vec![2028, 2029]);
}

#[test]
fn donor_exit_allows_money_up_to_the_threshold_share_of_need() {
    // Need 100; budget support 10, then 0.5 a year (a 5 % step): with the
    // default threshold of 1 % (1 of need), 0.5 counts as exit from 2027.
    let mut plan = bare_plan(4);
    plan.costs = vec![cost("State", 100.0)];
    let mut d = pledging("BS", DonorKind::BudgetSupport, 10.0);
    d.taper = Some(Taper::Steps {
        points: vec![(1, 5.0)],
        end: None,
    });
    plan.donors = vec![d];
    let p = project(&plan);
    assert_all_close(&series(&p, |y| y.donor_funding), &[10.0, 0.5, 0.5, 0.5]);
    assert_eq!(p.summary.donor_exit_year, Some(2027));
    // A threshold of 0.4 % (0.4 of need) is never met; 0.5 % is, exactly.
    plan.meta.exit_threshold_pct = 0.4;
    assert_eq!(project(&plan).summary.donor_exit_year, None);
    plan.meta.exit_threshold_pct = 0.5;
    assert_eq!(project(&plan).summary.donor_exit_year, Some(2027));
}

#[test]
fn ties_are_relative_to_the_size_of_the_figures() {
    use sunset_planner::model::summary::{nearly_equal, satisfies};
    // A trillion and a trillion and one differ by 1e-12 of their size:
    // rounding, so equal. 1e4 apart (1e-8) is a real difference.
    assert!(nearly_equal(1e12, 1e12 + 1.0));
    assert!(!nearly_equal(1e12, 1e12 + 1e4));
    assert!(satisfies(Op::Ge, 1e12 - 1.0, 1e12));
    assert!(!satisfies(Op::Lt, 1e12 - 1.0, 1e12));
    assert!(satisfies(Op::Lt, 1e12 - 1e4, 1e12));
    // The same holds for small figures.
    assert!(nearly_equal(1e-3, 1e-3 * (1.0 + 1e-12)));
    assert!(!nearly_equal(1e-3, 1e-3 * (1.0 + 1e-8)));
    // Peak gaps of 1e12 and 1e12 + 1 tie: the first year is the peak year.
    let mut plan = bare_plan(3);
    plan.costs = vec![cost("State", 1e12)];
    plan.shocks = vec![shock(1, 1, 0.0, 1e-12, 0.0)];
    let p = project(&plan);
    assert!(p.years[1].unfunded_gap > p.years[0].unfunded_gap);
    assert_eq!(p.summary.peak_gap_year, Some(2026));
}

#[test]
fn epsilon_grows_with_revenue_plus_donor_money_not_only_need() {
    // ε_t = 1e-9 · max(1, N_t, L_t + G_t). Need 747 532 367 alone gives
    // 0.747532367; revenue and budget support that overshoot it by
    // 0.7475323677 give L + G = N + 0.7475…, so ε_t = 0.74753236775: the
    // surplus is within it, hence exactly 0, not fiscal space.
    let (need, donor, local) = (747_532_367.0, 308_168.0, 747_224_199.747_532_4);
    let surplus = local + donor - need;
    assert!(surplus > 1e-9 * need && surplus <= 1e-9 * (local + donor));
    let mut plan = bare_plan(1);
    plan.revenues = vec![revenue("Tax", local, 1.0)];
    plan.costs = vec![cost("State", need)];
    plan.donors = vec![pledging("BS", DonorKind::BudgetSupport, donor)];
    let y = &project(&plan).years[0];
    assert_eq!((y.balance, y.fiscal_space, y.deposit), (0.0, 0.0, 0.0));
}
