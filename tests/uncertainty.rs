//! MODEL.md "Uncertainty": the Monte Carlo run through the public API.
//! With no spread every path is the deterministic projection; seeds
//! repeat; the draws follow MODEL.md's order and distributions; bands are
//! ordered; pieces of a run merge into the run.

mod common;

use common::arb::arb_plan;
use common::{bare_plan, example_plan};
use proptest::prelude::*;
use sunset_planner::model::random::PathRng;
use sunset_planner::model::uncertainty::{level_error, PathDraws, RunFigures};
use sunset_planner::model::*;

/// MODEL.md example's spreads, `paths` paths from `seed`.
fn spread(seed: u64, paths: u32) -> Uncertainty {
    Uncertainty {
        seed,
        paths,
        real_growth_sd_pp: 1.5,
        inflation_sd_pp: 2.0,
        persistence: 0.5,
        revenue_error_pct: 8.0,
        cost_error_pct: 4.0,
        fulfilment_sd_pp: 10.0,
    }
}

fn golden_plan(name: &str) -> Plan {
    let path = format!(
        "{}/tests/golden/{name}.plan.json",
        env!("CARGO_MANIFEST_DIR")
    );
    let text = std::fs::read_to_string(&path).expect("a golden plan");
    parse_plan(&text).expect("a valid plan")
}

fn figures(r: &UncertaintyResult) -> &RunFigures {
    r.figures.as_ref().expect("some path succeeded")
}

/// With every spread 0, every band is the deterministic figure, every
/// share 0 or 1, bit for bit (the mean is a sum of K equal values over K,
/// so it is only equal to within rounding).
fn check_no_spread_is_the_projection(plan: &Plan) {
    let projection = evaluate(plan).expect("evaluates");
    let u = Uncertainty {
        seed: 99,
        paths: 50,
        ..Uncertainty::default()
    };
    let r = simulate(plan, &u);
    assert_eq!((r.paths, r.failed_paths), (50, 0));
    let f = figures(&r);
    for (m, name) in BAND_METRICS.iter().enumerate() {
        for (t, y) in projection.years.iter().enumerate() {
            let expected = y.metric(name).expect("a metric");
            assert_eq!(
                f.bands[m][t].values(),
                [expected; 5],
                "{name} in {}",
                y.year
            );
        }
    }
    let s = &projection.summary;
    for (t, y) in projection.years.iter().enumerate() {
        let by = |year: Option<i32>| {
            if year.is_some_and(|v| v <= y.year) {
                1.0
            } else {
                0.0
            }
        };
        assert_eq!(f.p_self_sufficient_by[t], by(s.self_sufficiency_year));
        assert_eq!(f.p_donor_exit_by[t], by(s.donor_exit_year));
    }
    let gap = s.cumulative_gap;
    assert_eq!(f.p_unfunded_gap, if gap > 0.0 { 1.0 } else { 0.0 });
    assert_eq!(f.cumulative_gap_p95, gap);
    assert!((f.cumulative_gap_mean - gap).abs() <= 1e-12 * gap);
    for ((key, share), (key2, year)) in f.p_criteria.iter().zip(&s.criteria) {
        assert_eq!(key, key2);
        assert_eq!(*share, if year.is_some() { 1.0 } else { 0.0 });
    }
}

#[test]
fn without_spread_the_bands_are_the_projection() {
    check_no_spread_is_the_projection(&default_plan());
    check_no_spread_is_the_projection(&example_plan());
    // The edge-case golden plan has an unfunded gap: p_unfunded_gap is 1.
    let edge = golden_plan("edge");
    assert!(evaluate(&edge).expect("evaluates").summary.cumulative_gap > 0.0);
    check_no_spread_is_the_projection(&edge);
}

#[test]
fn one_seed_gives_the_same_run_twice_and_another_seed_another() {
    let plan = example_plan();
    let a = simulate(&plan, &spread(7, 300));
    assert_eq!(a, simulate(&plan, &spread(7, 300)));
    let b = simulate(&plan, &spread(8, 300));
    assert_ne!(figures(&a).bands, figures(&b).bands);
    // And the spreads matter: the p5 and p95 of local revenue differ.
    let band = figures(&a).band("local_revenue").expect("a band");
    assert!(band[14].p5 < band[14].p95);
}

#[test]
fn draws_follow_model_md_order() {
    // For t = 1 … H-1 z^g_t then z^π_t; then z^rev, z^cost; then z^f_i.
    let plan = example_plan();
    let u = spread(7, 1);
    let mut draws = PathDraws::default();
    draws.draw(&plan, &u, 3);
    let mut rng = PathRng::for_path(7, 3);
    let h = plan.meta.horizon_years as usize;
    let (mut d_g, mut d_pi) = (0.0, 0.0);
    assert_eq!(draws.growth_surprise_pp[0], 0.0);
    for t in 1..h {
        let (z_g, z_pi) = (rng.normal(), rng.normal());
        d_g = 0.5 * d_g + 1.5 * z_g;
        d_pi = 0.5 * d_pi + 2.0 * z_pi;
        assert_eq!(draws.growth_surprise_pp[t], d_g, "d^g_{t}");
        assert_eq!(draws.inflation_surprise_pp[t], d_pi, "d^π_{t}");
    }
    let (z_rev, z_cost) = (rng.normal(), rng.normal());
    assert_eq!(
        draws.revenue_multiplier,
        libm::exp(0.08 * z_rev - 0.08 * 0.08 / 2.0)
    );
    assert_eq!(
        draws.cost_multiplier,
        libm::exp(0.04 * z_cost - 0.04 * 0.04 / 2.0)
    );
    for (i, donor) in plan.donors.iter().enumerate() {
        let z = rng.normal();
        let expected = (donor.fulfilment_pct + 10.0 * z).clamp(0.0, 100.0);
        assert_eq!(draws.fulfilment_pct[i], expected, "donor {i}");
    }
}

#[test]
fn draws_are_made_in_full_whatever_the_spreads() {
    // A zero revenue spread still draws z^rev: the fulfilments do not move
    // when only the revenue spread changes.
    let plan = example_plan();
    let (mut a, mut b) = (PathDraws::default(), PathDraws::default());
    a.draw(&plan, &spread(7, 1), 0);
    let no_revenue_error = Uncertainty {
        revenue_error_pct: 0.0,
        ..spread(7, 1)
    };
    b.draw(&plan, &no_revenue_error, 0);
    assert_eq!(a.fulfilment_pct, b.fulfilment_pct);
    assert_eq!(b.revenue_multiplier, 1.0);
    assert_ne!(a.revenue_multiplier, 1.0);
}

#[test]
fn the_revenue_multiplier_has_mean_1() {
    // M_rev is lognormal with mean 1: the sample mean over 20,000 paths
    // lies within three standard errors of 1.
    let plan = example_plan();
    let u = Uncertainty {
        revenue_error_pct: 20.0,
        ..spread(11, 1)
    };
    let mut draws = PathDraws::default();
    let n = 20_000;
    let xs: Vec<f64> = (0..n)
        .map(|k| {
            draws.draw(&plan, &u, k);
            draws.revenue_multiplier
        })
        .collect();
    let mean = xs.iter().sum::<f64>() / f64::from(n);
    let var = xs.iter().map(|x| (x - mean).powi(2)).sum::<f64>() / f64::from(n - 1);
    let se = (var / f64::from(n)).sqrt();
    assert!((mean - 1.0).abs() < 3.0 * se, "mean {mean}, se {se}");
    // The spread is the lognormal's: sd = sqrt(e^σ² - 1) ≈ 0.2020 for σ = 0.2.
    assert!((var.sqrt() - (0.04f64.exp() - 1.0).sqrt()).abs() < 0.01);
    // And a z of 0 is a little below 1: exp(-σ²/2).
    assert_eq!(level_error(20.0, 0.0), libm::exp(-0.02));
}

#[test]
fn fulfilment_stays_between_0_and_100() {
    let plan = example_plan();
    let u = Uncertainty {
        fulfilment_sd_pp: 100.0,
        ..spread(5, 1)
    };
    let mut draws = PathDraws::default();
    let mut clamped = 0;
    for k in 0..500 {
        draws.draw(&plan, &u, k);
        for f in &draws.fulfilment_pct {
            assert!((0.0..=100.0).contains(f));
            clamped += usize::from(*f == 0.0 || *f == 100.0);
        }
    }
    assert!(clamped > 0, "a spread of 100 pp must hit the bounds");
}

#[test]
fn pieces_merged_in_any_order_equal_one_run() {
    let plan = example_plan();
    let u = spread(7, 257);
    let whole = simulate(&plan, &u);
    let pieces = vec![
        simulate_paths(&plan, &u, 200..257),
        simulate_paths(&plan, &u, 0..1),
        simulate_paths(&plan, &u, 1..128),
        simulate_paths(&plan, &u, 128..128),
        simulate_paths(&plan, &u, 128..200),
    ];
    let merged = merge_runs(pieces).expect("the pieces follow on");
    assert_eq!(merged, simulate_paths(&plan, &u, 0..257));
    assert_eq!(uncertainty_result(&plan, &merged), whole);
}

#[test]
fn pieces_with_a_gap_or_an_overlap_are_refused() {
    let plan = example_plan();
    let u = spread(7, 20);
    let piece = |a, b| simulate_paths(&plan, &u, a..b);
    use sunset_planner::model::uncertainty::MergeError;
    assert_eq!(
        merge_runs(vec![piece(0, 5), piece(6, 20)]),
        Err(MergeError::NotContiguous {
            expected: 5,
            got: 6
        })
    );
    assert_eq!(
        merge_runs(vec![piece(0, 5), piece(4, 20)]),
        Err(MergeError::NotContiguous {
            expected: 5,
            got: 4
        })
    );
    assert_eq!(merge_runs(vec![]), Err(MergeError::Empty));
    let mut cut = piece(5, 20);
    cut.cumulative_gap.pop();
    assert_eq!(
        merge_runs(vec![piece(0, 5), cut.clone()]),
        Err(MergeError::Inconsistent {
            first_path: 5,
            end_path: 20
        })
    );
    // A damaged piece reduces to no figures rather than a panic.
    assert_eq!(uncertainty_result(&plan, &cut).figures, None);
    let mut other = bare_plan(3);
    other.meta.horizon_years = 4;
    let foreign = simulate_paths(&other, &u, 5..20);
    assert_eq!(
        merge_runs(vec![piece(0, 5), foreign]),
        Err(MergeError::DifferentPlans)
    );
}

/// A plan on the edge of overflow: GDP near f64::MAX (1.8e308), so a path
/// whose growth surprises add up overflows and one whose surprises fall
/// does not.
fn fragile_plan() -> Plan {
    let mut plan = bare_plan(10);
    plan.macro_path.gdp_base = 1.5e308;
    plan
}

#[test]
fn failed_paths_are_counted_and_left_out() {
    let plan = fragile_plan();
    let u = Uncertainty {
        real_growth_sd_pp: 5.0,
        ..spread(3, 200)
    };
    let r = simulate(&plan, &u);
    assert_eq!(r.paths, 200);
    assert!(
        r.failed_paths > 0 && r.failed_paths < 200,
        "{} failed",
        r.failed_paths
    );
    let run = simulate_paths(&plan, &u, 0..200);
    assert_eq!(run.succeeded() as u32 + run.failed_paths, 200);
    // Shares are of the paths that did not fail: with no revenue and no
    // need every such path is self-sufficient from the first year.
    assert!(figures(&r).p_self_sufficient_by.iter().all(|s| *s == 1.0));
}

#[test]
fn when_every_path_fails_every_figure_is_null() {
    let mut plan = fragile_plan();
    plan.macro_path.real_growth_pct = 900.0;
    let r = simulate(&plan, &spread(1, 10));
    assert_eq!(
        (r.paths, r.failed_paths, r.figures.as_ref()),
        (10, 10, None)
    );
    let json = uncertainty_to_json(&plan, &r);
    assert_eq!(json["bands"]["need"][0]["p50"], serde_json::Value::Null);
    assert_eq!(json["bands"]["need"][0]["year"], 2026);
    assert_eq!(json["p_unfunded_gap"], serde_json::Value::Null);
    assert_eq!(
        json["p_self_sufficient_by"]["2035"],
        serde_json::Value::Null
    );
}

#[test]
fn the_json_has_model_md_layout() {
    let plan = example_plan();
    let r = simulate(&plan, &spread(7, 100));
    let json = uncertainty_to_json(&plan, &r);
    let keys: Vec<&str> = json
        .as_object()
        .expect("object")
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(
        keys,
        [
            "paths",
            "failed_paths",
            "bands",
            "p_self_sufficient_by",
            "p_donor_exit_by",
            "p_unfunded_gap",
            "cumulative_gap_mean",
            "cumulative_gap_p95",
            "p_criteria"
        ]
    );
    assert_eq!(json["paths"], 100);
    assert_eq!(json["failed_paths"], 0);
    let bands: Vec<&str> = json["bands"]
        .as_object()
        .expect("bands")
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(bands, BAND_METRICS);
    let first = &json["bands"]["unfunded_gap"][0];
    let keys: Vec<&str> = first
        .as_object()
        .expect("a year")
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(keys, ["year", "p5", "p25", "p50", "p75", "p95"]);
    assert_eq!(json["bands"]["need"].as_array().map(Vec::len), Some(15));
    let by = json["p_self_sufficient_by"].as_object().expect("by year");
    assert_eq!(by.len(), 15);
    assert!(by.contains_key("2026") && by.contains_key("2040"));
    // Shares are fractions 0 – 1.
    for v in by
        .values()
        .chain(json["p_donor_exit_by"].as_object().expect("by").values())
    {
        let s = v.as_f64().expect("a share");
        assert!((0.0..=1.0).contains(&s));
    }
    let share = json["p_criteria"]["self-sufficient 3 years"]
        .as_f64()
        .expect("the example's criterion");
    assert!((0.0..=1.0).contains(&share));
    // The shares are counts over 100 paths.
    let p = json["p_unfunded_gap"].as_f64().expect("a share");
    assert_eq!((p * 100.0).round() / 100.0, p);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn bands_are_ordered(plan in arb_plan(), seed in any::<u64>(), sd in 0.0..20.0f64) {
        let u = Uncertainty { seed, paths: 25, ..spread(0, 0) };
        let u = Uncertainty { real_growth_sd_pp: sd, revenue_error_pct: sd, ..u };
        let r = simulate(&plan, &u);
        prop_assert_eq!(r.paths, 25);
        if let Some(f) = &r.figures {
            for (m, band) in f.bands.iter().enumerate() {
                prop_assert_eq!(band.len(), plan.meta.horizon_years as usize);
                for p in band {
                    let v = p.values();
                    prop_assert!(v.windows(2).all(|w| w[0] <= w[1]), "{}: {:?}", BAND_METRICS[m], v);
                }
            }
            for shares in [&f.p_self_sufficient_by, &f.p_donor_exit_by] {
                prop_assert!(shares.windows(2).all(|w| w[0] <= w[1]), "by-year shares never fall");
                prop_assert!(shares.iter().all(|s| (0.0..=1.0).contains(s)));
            }
        }
    }

    #[test]
    fn without_spread_every_path_is_the_projection(plan in arb_plan(), seed in any::<u64>(), k in any::<u32>()) {
        // Persistence and the seed do not matter when every spread is 0.
        let u = Uncertainty { seed, persistence: 0.9, ..Uncertainty::default() };
        let mut draws = PathDraws::default();
        draws.draw(&plan, &u, k);
        prop_assert_eq!(evaluate_with(&plan, &draws.inputs()), evaluate(&plan));
    }
}
