//! `arb_plan()`: a proptest strategy for valid plans (MODEL.md rules) that
//! covers every field, donor kind and taper shape. Names are unique by a
//! prefix and may carry any text after it (HTML, quotes, non-ASCII).

use proptest::collection::{btree_map, vec};
use proptest::option;
use proptest::prelude::*;
use sunset_planner::model::*;

fn share() -> impl Strategy<Value = f64> {
    prop_oneof![
        Just(0.0),
        Just(100.0),
        (0u32..=100).prop_map(f64::from),
        0.0..=100.0f64
    ]
}
fn rate() -> impl Strategy<Value = f64> {
    prop_oneof![
        Just(0.0),
        (-20i32..=30).prop_map(f64::from),
        -99.0..=1000.0f64
    ]
}
fn money() -> impl Strategy<Value = f64> {
    prop_oneof![
        Just(0.0),
        (1u32..=999, 0i32..=12).prop_map(|(m, e)| f64::from(m) * 10f64.powi(e)),
        0.0..1e13f64
    ]
}
fn positive() -> impl Strategy<Value = f64> {
    prop_oneof![
        (1u32..=999, 0i32..=12).prop_map(|(m, e)| f64::from(m) * 10f64.powi(e)),
        1e-3..1e13f64
    ]
}
fn year() -> impl Strategy<Value = PlanYear> {
    0u32..80
}
fn tail() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(String::new()),
        Just(" <img src=x onerror=alert(1)>".to_string()),
        "[ a-zA-Z0-9\"'<>&\\\\é✓-]{0,16}",
    ]
}
fn named(prefix: &'static str, i: usize, tail: String) -> String {
    format!("{prefix}{i}{tail}")
}

fn ramp() -> impl Strategy<Value = Ramp> {
    (share(), share(), year(), 0u32..20).prop_map(|(from_pct, to_pct, start, years)| Ramp {
        from_pct,
        to_pct,
        start,
        years,
    })
}

fn meta() -> impl Strategy<Value = Meta> {
    (
        tail(),
        tail(),
        "[A-Z]{3}",
        1950i32..2200,
        1u32..=60,
        rate(),
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
            },
        )
}

fn macro_path() -> impl Strategy<Value = Macro> {
    (
        positive(),
        rate(),
        rate(),
        positive(),
        rate(),
        positive(),
        rate(),
        rate(),
        btree_map(year(), rate(), 0..4),
        btree_map(year(), rate(), 0..4),
    )
        .prop_map(|(gdp, g, pi, pop, popg, fx, fi, dep, og, oi)| Macro {
            gdp_base: gdp,
            real_growth_pct: g,
            inflation_pct: pi,
            population_base: pop,
            population_growth_pct: popg,
            fx_base: fx,
            foreign_inflation_pct: fi,
            real_depreciation_pct: dep,
            overrides: Overrides {
                real_growth_pct: og,
                inflation_pct: oi,
            },
        })
}

fn revenues() -> impl Strategy<Value = Vec<Revenue>> {
    vec(
        (
            tail(),
            money(),
            0.0..=5.0f64,
            option::of((year(), 0u32..20, 0.0..=5.0f64)),
        ),
        0..5,
    )
    .prop_map(|items| {
        items
            .into_iter()
            .enumerate()
            .map(|(i, (t, base, buoyancy, reform))| Revenue {
                name: named("R", i, t),
                base,
                buoyancy,
                reform: reform.map(|(start, years, gain)| Reform {
                    start,
                    years,
                    gain_pct_gdp_per_year: gain,
                }),
            })
            .collect()
    })
}

fn costs() -> impl Strategy<Value = Vec<CostLine>> {
    vec(
        (tail(), money(), any::<bool>(), rate(), option::of(ramp())),
        0..5,
    )
    .prop_map(|items| {
        items
            .into_iter()
            .enumerate()
            .map(|(i, (t, base, indexed, g, handover))| CostLine {
                name: named("C", i, t),
                base,
                indexed,
                real_growth_pct: g,
                handover,
            })
            .collect()
    })
}

fn programmes() -> impl Strategy<Value = Vec<Programme>> {
    vec(
        (
            tail(),
            share(),
            money(),
            any::<bool>(),
            rate(),
            share(),
            option::of(ramp()),
        ),
        0..4,
    )
    .prop_map(|items| {
        items
            .into_iter()
            .enumerate()
            .map(
                |(i, (t, eligible, benefit, indexed, g, admin, coverage))| Programme {
                    name: named("P", i, t),
                    eligible_share_pct: eligible,
                    benefit_base: benefit,
                    indexed,
                    real_benefit_growth_pct: g,
                    admin_pct: admin,
                    coverage,
                },
            )
            .collect()
    })
}

fn end_after(start: PlanYear) -> impl Strategy<Value = Option<PlanYear>> {
    option::of((start + 1)..(start + 40))
}

fn taper() -> impl Strategy<Value = Taper> {
    prop_oneof![
        option::of(year()).prop_map(|end| Taper::None { end }),
        year()
            .prop_flat_map(|start| ((start + 1)..(start + 40))
                .prop_map(move |end| Taper::Linear { start, end })),
        year().prop_flat_map(|start| (share(), end_after(start)).prop_map(
            move |(rate_pct, end)| Taper::Exponential {
                start,
                rate_pct,
                end
            }
        )),
        (btree_map(year(), share(), 0..5), option::of(year())).prop_map(|(points, end)| {
            Taper::Steps {
                points: points.into_iter().collect(),
                end,
            }
        }),
        (0.0..60.0f64, 0.0..5.0f64, option::of(year())).prop_map(|(midpoint, steepness, end)| {
            Taper::Logistic {
                midpoint,
                steepness,
                end,
            }
        }),
    ]
}

/// A donor of `kind` (0 budget support, 1 co-financing, 2 gap filling);
/// co-financing targets one of `targets` (or is made budget support when
/// there is none).
fn donor(i: usize, targets: Vec<String>) -> impl Strategy<Value = Donor> {
    (
        0u8..3,
        tail(),
        share(),
        option::of(prop_oneof![Just(Currency::Lcu), Just(Currency::Usd)]),
        money(),
        option::of(taper()),
        any::<prop::sample::Index>(),
        share(),
        share(),
        year(),
    )
        .prop_map(
            move |(k, t, fulfilment_pct, currency, base, taper, pick, initial, step, start)| {
                let name = named("D", i, t);
                if k == 1 && !targets.is_empty() {
                    Donor {
                        name,
                        kind: DonorKind::Cofinancing,
                        currency: None,
                        fulfilment_pct,
                        base: None,
                        taper: None,
                        target: Some(targets[pick.index(targets.len())].clone()),
                        initial_country_share_pct: Some(initial),
                        step_pp: Some(step),
                        start: Some(start),
                    }
                } else {
                    Donor {
                        name,
                        kind: if k == 2 {
                            DonorKind::GapFilling
                        } else {
                            DonorKind::BudgetSupport
                        },
                        currency,
                        fulfilment_pct,
                        base: Some(base),
                        taper,
                        target: None,
                        initial_country_share_pct: None,
                        step_pp: None,
                        start: None,
                    }
                }
            },
        )
}

fn donors(targets: Vec<String>) -> impl Strategy<Value = Vec<Donor>> {
    (0usize..6).prop_flat_map(move |n| {
        (0..n)
            .map(|i| donor(i, targets.clone()))
            .collect::<Vec<_>>()
    })
}

fn shock() -> impl Strategy<Value = Shock> {
    (year(), 1u32..5, rate(), rate(), rate()).prop_map(
        |(at, years, revenue_pct, donor_pct, cost_pct)| Shock {
            at,
            years,
            revenue_pct,
            donor_pct,
            cost_pct,
        },
    )
}

const METRICS: [&str; 8] = [
    "self_sufficiency_pct",
    "donor_share_pct",
    "revenue_pct_gdp",
    "social_protection_pct_gdp",
    "donor_drop_pct",
    "unfunded_gap",
    "reserve",
    "fiscal_space",
];

fn criterion(i: usize) -> impl Strategy<Value = Criterion> {
    (
        option::of(tail()),
        0usize..METRICS.len(),
        prop_oneof![Just(Op::Ge), Just(Op::Gt), Just(Op::Le), Just(Op::Lt)],
        rate(),
        1u32..6,
    )
        .prop_map(move |(name, m, op, value, consecutive_years)| Criterion {
            name: name.map(|t| named("K", i, t)),
            metric: METRICS[m].to_string(),
            op,
            value,
            consecutive_years,
        })
}

/// A valid plan covering every field, donor kind and taper shape.
pub fn arb_plan() -> impl Strategy<Value = Plan> {
    (
        meta(),
        macro_path(),
        revenues(),
        costs(),
        programmes(),
        vec(shock(), 0..3),
        (money(), 0.0..=24.0f64, rate()),
        (0usize..3).prop_flat_map(|n| (0..n).map(criterion).collect::<Vec<_>>()),
        option::of((share(), 0.0..=12.0f64)),
    )
        .prop_flat_map(
            |(
                meta,
                macro_path,
                revenues,
                costs,
                programmes,
                shocks,
                reserve,
                criteria,
                reengagement,
            )| {
                let targets: Vec<String> = costs
                    .iter()
                    .map(|c| c.name.clone())
                    .chain(programmes.iter().map(|p| p.name.clone()))
                    .collect();
                donors(targets).prop_map(move |donors| Plan {
                    format: FORMAT.to_string(),
                    version: VERSION,
                    meta: meta.clone(),
                    macro_path: macro_path.clone(),
                    revenues: revenues.clone(),
                    costs: costs.clone(),
                    programmes: programmes.clone(),
                    donors,
                    shocks: shocks.clone(),
                    reserve: Reserve {
                        opening: reserve.0,
                        target_months: reserve.1,
                        interest_pct: reserve.2,
                    },
                    criteria: criteria.clone(),
                    reengagement: reengagement.map(|(trigger_pct, reserve_floor_months)| {
                        Reengagement {
                            trigger_pct,
                            reserve_floor_months,
                        }
                    }),
                })
            },
        )
}
