//! Random valid plans for property tests: every field, every donor kind and
//! taper shape, money in realistic ranges (up to about 10^12 LCU).

use std::collections::BTreeMap;

use proptest::collection::{btree_map, vec};
use proptest::option;
use proptest::prelude::*;
use proptest::sample::select;
use sunset_planner::model::*;

fn rate(lo: f64, hi: f64) -> impl Strategy<Value = f64> {
    lo..hi
}

fn money() -> impl Strategy<Value = f64> {
    prop_oneof![Just(0.0), 1.0e6..1.0e12]
}

fn share() -> impl Strategy<Value = f64> {
    prop_oneof![Just(0.0), Just(100.0), 0.0..=100.0]
}

fn label() -> impl Strategy<Value = String> {
    "[A-Za-z ,\"é]{0,12}"
}

pub fn arb_meta() -> impl Strategy<Value = Meta> {
    (
        label(),
        label(),
        "[A-Z]{3}",
        1990..2100i32,
        1..=60u32,
        rate(-5.0, 20.0),
        share(),
    )
        .prop_map(
            |(
                name,
                country,
                currency,
                start_year,
                horizon_years,
                discount_rate_pct,
                exit_threshold_pct,
            )| Meta {
                name,
                country,
                currency,
                start_year,
                horizon_years,
                discount_rate_pct,
                exit_threshold_pct,
                ..Default::default()
            },
        )
}

fn year_map() -> impl Strategy<Value = BTreeMap<u32, f64>> {
    btree_map(0..70u32, -20.0..20.0, 0..4)
}

pub fn arb_macro() -> impl Strategy<Value = Macro> {
    (
        (
            1.0e9..1.0e13,
            rate(-10.0, 12.0),
            rate(-5.0, 30.0),
            1.0e5..1.0e8,
            rate(-2.0, 4.0),
        ),
        (
            0.5..2000.0,
            rate(0.0, 5.0),
            rate(-5.0, 5.0),
            year_map(),
            year_map(),
        ),
    )
        .prop_map(|((gdp, g, pi, pop, pop_g), (fx, fi, dep, og, oi))| Macro {
            gdp_base: gdp,
            real_growth_pct: g,
            inflation_pct: pi,
            population_base: pop,
            population_growth_pct: pop_g,
            fx_base: fx,
            foreign_inflation_pct: fi,
            real_depreciation_pct: dep,
            overrides: Overrides {
                real_growth_pct: og,
                inflation_pct: oi,
            },
        })
}

fn arb_ramp() -> impl Strategy<Value = Ramp> {
    (share(), share(), 0..30u32, 0..15u32).prop_map(|(from_pct, to_pct, start, years)| Ramp {
        from_pct,
        to_pct,
        start,
        years,
    })
}

fn arb_revenue() -> impl Strategy<Value = Revenue> {
    (
        money(),
        prop_oneof![Just(1.0), 0.0..=5.0],
        option::of((0..20u32, 0..10u32, 0.0..2.0)),
    )
        .prop_map(|(base, buoyancy, reform)| Revenue {
            name: String::new(),
            base,
            buoyancy,
            reform: reform.map(|(start, years, gain)| Reform {
                start,
                years,
                gain_pct_gdp_per_year: gain,
            }),
            ..Default::default()
        })
}

fn arb_cost() -> impl Strategy<Value = CostLine> {
    (
        money(),
        any::<bool>(),
        rate(-5.0, 8.0),
        option::of(arb_ramp()),
    )
        .prop_map(|(base, indexed, g, handover)| CostLine {
            name: String::new(),
            base,
            indexed,
            real_growth_pct: g,
            handover,
            ..Default::default()
        })
}

fn arb_programme() -> impl Strategy<Value = Programme> {
    (
        share(),
        0.0..1.0e6,
        any::<bool>(),
        rate(-5.0, 8.0),
        0.0..30.0,
        option::of(arb_ramp()),
    )
        .prop_map(
            |(eligible, benefit, indexed, g, admin, coverage)| Programme {
                name: String::new(),
                eligible_share_pct: eligible,
                benefit_base: benefit,
                indexed,
                real_benefit_growth_pct: g,
                admin_pct: admin,
                coverage,
                ..Default::default()
            },
        )
}

/// Any taper shape, with and without `end`.
pub fn arb_taper() -> impl Strategy<Value = Taper> {
    prop_oneof![
        option::of(0..40u32).prop_map(|end| Taper::None { end }),
        (0..30u32, 1..30u32).prop_map(|(start, len)| Taper::Linear {
            start,
            end: start + len
        }),
        (0..30u32, share(), option::of(1..30u32)).prop_map(|(start, rate_pct, len)| {
            Taper::Exponential {
                start,
                rate_pct,
                end: len.map(|l| start + l),
            }
        }),
        (
            0..10u32,
            vec((1..6u32, share()), 1..6),
            option::of(0..40u32)
        )
            .prop_map(|(first, steps, end)| {
                let mut t = first;
                let points = steps
                    .into_iter()
                    .map(|(gap, pct)| {
                        t += gap;
                        (t, pct)
                    })
                    .collect();
                Taper::Steps { points, end }
            }),
        (0.0..30.0, 0.01..=10.0, option::of(0..40u32)).prop_map(|(midpoint, steepness, end)| {
            Taper::Logistic {
                midpoint,
                steepness,
                end,
            }
        }),
    ]
}

/// Every field a donor of any kind may use; `build` keeps those of its kind.
#[derive(Clone, Debug)]
struct DonorSeed {
    kind: DonorKind,
    usd: Option<bool>,
    fulfilment_pct: f64,
    base: f64,
    taper: Option<Taper>,
    target: usize,
    initial: f64,
    step: f64,
    start: u32,
}

fn arb_donor_seed() -> impl Strategy<Value = DonorSeed> {
    (
        select(vec![
            DonorKind::BudgetSupport,
            DonorKind::Cofinancing,
            DonorKind::GapFilling,
        ]),
        option::of(any::<bool>()),
        share(),
        prop_oneof![Just(0.0), 1.0e3..1.0e9],
        option::of(arb_taper()),
        any::<usize>(),
        (share(), share(), 0..20u32),
    )
        .prop_map(
            |(kind, usd, fulfilment_pct, base, taper, target, (initial, step, start))| DonorSeed {
                kind,
                usd,
                fulfilment_pct,
                base,
                taper,
                target,
                initial,
                step,
                start,
            },
        )
}

fn build_donor(i: usize, seed: DonorSeed, targets: &[String]) -> Donor {
    let name = format!("Donor {i}");
    let kind = if seed.kind == DonorKind::Cofinancing && targets.is_empty() {
        DonorKind::BudgetSupport
    } else {
        seed.kind
    };
    match kind {
        DonorKind::Cofinancing => Donor {
            name,
            kind,
            currency: None,
            fulfilment_pct: seed.fulfilment_pct,
            base: None,
            taper: None,
            target: Some(targets[seed.target % targets.len()].clone()),
            initial_country_share_pct: Some(seed.initial),
            step_pp: Some(seed.step),
            start: Some(seed.start),
            ..Default::default()
        },
        _ => Donor {
            name,
            kind,
            currency: seed
                .usd
                .map(|usd| if usd { Currency::Usd } else { Currency::Lcu }),
            fulfilment_pct: seed.fulfilment_pct,
            // USD amounts are smaller than LCU ones by the exchange rate.
            base: Some(seed.base),
            taper: seed.taper,
            target: None,
            initial_country_share_pct: None,
            step_pp: None,
            start: None,
            ..Default::default()
        },
    }
}

fn arb_shock() -> impl Strategy<Value = Shock> {
    (
        0..60u32,
        1..6u32,
        rate(-50.0, 50.0),
        rate(-50.0, 50.0),
        rate(-50.0, 50.0),
    )
        .prop_map(|(at, years, revenue_pct, donor_pct, cost_pct)| Shock {
            at,
            years,
            revenue_pct,
            donor_pct,
            cost_pct,
            ..Default::default()
        })
}

fn arb_reserve() -> impl Strategy<Value = Reserve> {
    (money(), 0.0..12.0, rate(-5.0, 10.0)).prop_map(|(opening, target_months, interest_pct)| {
        Reserve {
            opening,
            target_months,
            interest_pct,
        }
    })
}

fn arb_criterion() -> impl Strategy<Value = (bool, Criterion)> {
    (
        any::<bool>(),
        select(METRICS.to_vec()),
        select(vec![Op::Ge, Op::Gt, Op::Le, Op::Lt]),
        prop_oneof![0.0..=100.0, -1.0e12..1.0e12],
        1..6u32,
    )
        .prop_map(|(named, metric, op, value, consecutive_years)| {
            (
                named,
                Criterion {
                    name: None,
                    metric: metric.to_string(),
                    op,
                    value,
                    consecutive_years,
                    ..Default::default()
                },
            )
        })
}

fn arb_reengagement() -> impl Strategy<Value = Reengagement> {
    (share(), 0.0..6.0).prop_map(|(trigger_pct, reserve_floor_months)| Reengagement {
        trigger_pct,
        reserve_floor_months,
    })
}

/// A random plan that `validate` accepts.
pub fn arb_plan() -> impl Strategy<Value = Plan> {
    (
        (arb_meta(), arb_macro()),
        (
            vec(arb_revenue(), 0..5),
            vec(arb_cost(), 0..5),
            vec(arb_programme(), 0..4),
        ),
        vec(arb_donor_seed(), 0..6),
        (
            vec(arb_shock(), 0..4),
            option::of(arb_reserve()),
            vec(arb_criterion(), 0..4),
            option::of(arb_reengagement()),
        ),
    )
        .prop_map(
            |(
                (meta, macro_path),
                (revenues, costs, programmes),
                donor_seeds,
                (shocks, reserve, criteria, reengagement),
            )| {
                let revenues: Vec<Revenue> = revenues
                    .into_iter()
                    .enumerate()
                    .map(|(i, r)| Revenue {
                        name: format!("Revenue {i}"),
                        ..r
                    })
                    .collect();
                let costs: Vec<CostLine> = costs
                    .into_iter()
                    .enumerate()
                    .map(|(i, c)| CostLine {
                        name: format!("Cost {i}"),
                        ..c
                    })
                    .collect();
                let programmes: Vec<Programme> = programmes
                    .into_iter()
                    .enumerate()
                    .map(|(i, p)| Programme {
                        name: format!("Programme {i}"),
                        ..p
                    })
                    .collect();
                let targets: Vec<String> = costs
                    .iter()
                    .map(|c| c.name.clone())
                    .chain(programmes.iter().map(|p| p.name.clone()))
                    .collect();
                let donors = donor_seeds
                    .into_iter()
                    .enumerate()
                    .map(|(i, s)| build_donor(i, s, &targets))
                    .collect();
                let criteria = criteria
                    .into_iter()
                    .enumerate()
                    .map(|(i, (named, c))| Criterion {
                        name: named.then(|| format!("Criterion {i}")),
                        ..c
                    })
                    .collect();
                Plan {
                    format: FORMAT.into(),
                    version: VERSION,
                    meta,
                    macro_path,
                    revenues,
                    costs,
                    programmes,
                    donors,
                    shocks,
                    reserve: reserve.unwrap_or_default(),
                    criteria,
                    reengagement,
                    ..Default::default()
                }
            },
        )
}
