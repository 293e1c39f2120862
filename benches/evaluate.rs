//! Time to evaluate the default plan (target ≤ 20 µs) and a 60-year plan
//! with 10 items in every list (target ≤ 100 µs).
//! Run with `cargo bench --bench evaluate`.

use std::hint::black_box;

use criterion::{criterion_group, criterion_main};
use sunset_planner::model::*;

/// 60 years, 10 revenues, cost lines, programmes, donors (every kind and
/// taper shape), shocks and criteria, with overrides and reengagement.
fn large_plan() -> Plan {
    let mut plan = default_plan();
    plan.meta.horizon_years = 60;
    for t in 0..10u32 {
        plan.macro_path
            .overrides
            .real_growth_pct
            .insert(t * 5, 2.0 + f64::from(t) * 0.3);
        plan.macro_path
            .overrides
            .inflation_pct
            .insert(t * 6 + 1, 6.0 + f64::from(t) * 0.5);
    }
    let base = default_plan();
    plan.revenues = (0..10)
        .map(|i| {
            let mut r = base.revenues[i % base.revenues.len()].clone();
            r.name = format!("Revenue {i}");
            r
        })
        .collect();
    plan.costs = (0..10)
        .map(|i| {
            let mut c = base.costs[i % base.costs.len()].clone();
            c.name = format!("Cost {i}");
            c
        })
        .collect();
    plan.programmes = (0..10)
        .map(|i| {
            let mut p = base.programmes[i % base.programmes.len()].clone();
            p.name = format!("Programme {i}");
            p
        })
        .collect();
    let tapers = [
        Taper::None { end: Some(30) },
        Taper::Linear { start: 2, end: 20 },
        Taper::Exponential {
            start: 4,
            rate_pct: 10.0,
            end: Some(40),
        },
        Taper::Steps {
            points: vec![(5, 80.0), (10, 50.0), (20, 10.0)],
            end: None,
        },
        Taper::Logistic {
            midpoint: 15.0,
            steepness: 0.4,
            end: None,
        },
    ];
    plan.donors = (0..10)
        .map(|i| {
            let mut d = base.donors[i % base.donors.len()].clone();
            d.name = format!("Donor {i}");
            if d.kind == DonorKind::Cofinancing {
                d.target = Some(format!("Programme {i}"));
            } else {
                d.taper = Some(tapers[i % tapers.len()].clone());
            }
            d
        })
        .collect();
    plan.shocks = (0..10u32)
        .map(|i| Shock {
            at: i * 6,
            years: 2,
            revenue_pct: -8.0,
            donor_pct: -5.0,
            cost_pct: 3.0,
            ..Default::default()
        })
        .collect();
    plan.criteria = (0..10)
        .map(|i| sunset_planner::model::Criterion {
            name: Some(format!("Criterion {i}")),
            metric: METRICS[i % METRICS.len()].to_string(),
            op: Op::Ge,
            value: 50.0,
            consecutive_years: 3,
            ..Default::default()
        })
        .collect();
    plan
}

fn bench_evaluate(c: &mut criterion::Criterion) {
    let default = default_plan();
    let large = large_plan();
    assert_eq!(validate(&large), Ok(()), "the benchmark plan is valid");
    c.bench_function("evaluate default plan (15 years)", |b| {
        b.iter(|| evaluate(black_box(&default)))
    });
    c.bench_function("evaluate 60-year plan, 10 items per list", |b| {
        b.iter(|| evaluate(black_box(&large)))
    });
}

criterion_group!(benches, bench_evaluate);
criterion_main!(benches);
