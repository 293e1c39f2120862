//! MODEL.md "Uncertainty": a Monte Carlo run of a plan. Each path draws its
//! growth and inflation surprises, revenue and cost level errors and donor
//! fulfilments (in MODEL.md's order, always in full), is evaluated by the
//! one evaluator (`Evaluator::run` with the path's `PathInputs`), and leaves
//! a few figures; the run reduces them to percentile bands and shares.
//!
//! A run can be split: `simulate_paths` runs paths a..b and sorts each
//! banded figure's values, `merge_runs` joins pieces (merging the sorted
//! series), and `uncertainty_result` reads the percentiles off, bit for bit
//! as one run. The browser splits paths over workers, so the sorting, the
//! costly part of the reduction, is done there in parallel. Not the plan file's
//! `uncertainty` block (reading and validating it live with the plan), not
//! the random numbers themselves (`random`), not JSON or CSV
//! (`uncertainty_json`, `codec::csv`).

use std::ops::Range;

use serde::{Deserialize, Serialize};

use super::conventions::total;
use super::evaluate::{Evaluator, PathInputs};
use super::plan::Plan;
use super::projection::{metric_index, Projection};
use super::random::PathRng;
use super::summary::criterion_key;
use super::validate::MAX_HORIZON;

// The run's settings are the plan file's `uncertainty` block
// (`plan::Uncertainty`, declared with the plan); its bounds are
// `validate::MAX_PATHS` and `shape::MAX_SEED`.
pub use super::plan::Uncertainty;
pub use super::shape::MAX_SEED;
pub use super::validate::MAX_PATHS;

/// The per-year figures that get bands, in the result's order.
pub const BAND_METRICS: [&str; 7] = [
    "local_revenue",
    "need",
    "donor_funding",
    "unfunded_gap",
    "reserve",
    "self_sufficiency_pct",
    "donor_share_pct",
];

/// The percentiles of a band, MODEL.md's p5 … p95.
pub const QUANTILES: [f64; 5] = [0.05, 0.25, 0.5, 0.75, 0.95];

/// One path's inputs, drawn in place so that a run reuses the buffers.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PathDraws {
    /// d^g_t by plan year (index 0 is 0).
    pub growth_surprise_pp: Vec<f64>,
    /// d^π_t by plan year (index 0 is 0).
    pub inflation_surprise_pp: Vec<f64>,
    /// M_rev.
    pub revenue_multiplier: f64,
    /// M_cost.
    pub cost_multiplier: f64,
    /// Each donor's fulfilment on this path, percent, in plan order.
    pub fulfilment_pct: Vec<f64>,
}

impl PathDraws {
    /// Draws path k's inputs for `plan`, in MODEL.md's order: for t = 1 …
    /// H-1, z^g_t then z^π_t; then z^rev, z^cost; then z^f_i per donor.
    pub fn draw(&mut self, plan: &Plan, u: &Uncertainty, k: u32) {
        let horizon = plan.meta.horizon_years.min(MAX_HORIZON) as usize;
        let mut rng = PathRng::for_path(u.seed, u64::from(k));
        self.growth_surprise_pp.clear();
        self.inflation_surprise_pp.clear();
        self.growth_surprise_pp.push(0.0);
        self.inflation_surprise_pp.push(0.0);
        let (mut d_g, mut d_pi) = (0.0, 0.0);
        for _ in 1..horizon {
            let (z_g, z_pi) = (rng.normal(), rng.normal());
            d_g = u.persistence * d_g + u.real_growth_sd_pp * z_g;
            d_pi = u.persistence * d_pi + u.inflation_sd_pp * z_pi;
            self.growth_surprise_pp.push(d_g);
            self.inflation_surprise_pp.push(d_pi);
        }
        self.revenue_multiplier = level_error(u.revenue_error_pct, rng.normal());
        self.cost_multiplier = level_error(u.cost_error_pct, rng.normal());
        self.fulfilment_pct.clear();
        for donor in &plan.donors {
            let z = rng.normal();
            self.fulfilment_pct
                .push((donor.fulfilment_pct + u.fulfilment_sd_pp * z).clamp(0.0, 100.0));
        }
    }

    /// The draws as the evaluator's inputs.
    pub fn inputs(&self) -> PathInputs<'_> {
        PathInputs {
            growth_surprise_pp: &self.growth_surprise_pp,
            inflation_surprise_pp: &self.inflation_surprise_pp,
            revenue_multiplier: self.revenue_multiplier,
            cost_multiplier: self.cost_multiplier,
            fulfilment_pct: &self.fulfilment_pct,
        }
    }
}

/// exp(σ z - σ²/2) with σ = pct/100: a lognormal level error with mean 1
/// (exactly 1 when σ = 0).
pub fn level_error(pct: f64, z: f64) -> f64 {
    let sigma = pct / 100.0;
    libm::exp(sigma * z - sigma * sigma / 2.0)
}

/// What the paths a..b of a run left: enough to merge with other pieces and
/// reduce to the result exactly as one run would. Plain data (serde), so a
/// worker can send it back.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct PartialRun {
    /// The paths run: k from `first_path` to `end_path` (excluded).
    pub first_path: u32,
    pub end_path: u32,
    /// Paths whose projection was refused for a non-finite figure.
    pub failed_paths: u32,
    /// Plan years per path (the horizon).
    pub years: u32,
    /// The number of the plan's criteria.
    pub criteria: u32,
    /// The `BAND_METRICS` figures of the paths that did not fail, one
    /// series per figure and year (series `m * years + t`, each
    /// `succeeded()` long, one after the other), each sorted ascending.
    /// Percentiles need only the order, so pieces merge by merging sorted
    /// series, and the sorting is done where the paths are run (in the
    /// browser, in the workers).
    pub band_values: Vec<f64>,
    /// Each path's `self_sufficiency_year`, in path order (failed left out).
    pub self_sufficiency_year: Vec<Option<i32>>,
    /// Each path's `donor_exit_year`.
    pub donor_exit_year: Vec<Option<i32>>,
    /// Each path's `cumulative_gap`.
    pub cumulative_gap: Vec<f64>,
    /// For each path, whether each criterion was met, in plan order.
    pub criteria_met: Vec<bool>,
}

impl PartialRun {
    /// The paths that did not fail.
    pub fn succeeded(&self) -> usize {
        self.cumulative_gap.len()
    }

    /// Whether the lists agree with each other and with the path range (a
    /// piece that travelled between workers could have been cut short).
    pub fn is_consistent(&self) -> bool {
        let n = self.succeeded();
        let per_path = BAND_METRICS.len() * self.years as usize;
        let count = |per: usize| n.checked_mul(per);
        self.first_path <= self.end_path
            && self.years <= MAX_HORIZON
            && n as u64 + u64::from(self.failed_paths) == u64::from(self.end_path - self.first_path)
            && count(per_path) == Some(self.band_values.len())
            && self.self_sufficiency_year.len() == n
            && self.donor_exit_year.len() == n
            && count(self.criteria as usize) == Some(self.criteria_met.len())
    }
}

/// Runs paths k in `paths` (a sub-range of 0 … K-1, or all of it): at
/// most `MAX_PATHS` of them, as a run has; a longer range runs its first
/// `MAX_PATHS` paths and the piece's `end_path` says so.
pub fn simulate_paths(plan: &Plan, u: &Uncertainty, paths: Range<u32>) -> PartialRun {
    let horizon = plan.meta.horizon_years;
    let first = paths.start;
    let end = paths.end.clamp(first, first.saturating_add(MAX_PATHS));
    let mut run = PartialRun {
        first_path: first,
        end_path: end,
        years: horizon,
        criteria: plan.criteria.len() as u32,
        ..PartialRun::default()
    };
    let Ok(evaluator) = Evaluator::new(plan) else {
        // A horizon the evaluator cannot run: every path fails.
        run.years = 0;
        run.failed_paths = end - first;
        return run;
    };
    let count = (end - first) as usize;
    let band_index: Vec<usize> = BAND_METRICS
        .iter()
        .filter_map(|m| metric_index(m))
        .collect();
    let h = horizon as usize;
    // Series by series from the start (series `b * h + t` at `count`
    // times its number, path n at n), as `order_key`s: sorting and the
    // pieces' merge need only the order, and no pass turns paths into
    // series afterwards.
    let mut keys = vec![0u64; band_index.len() * h * count];
    let mut draws = PathDraws::default();
    let mut projection = Projection::default();
    for k in first..end {
        draws.draw(plan, u, k);
        if evaluator.run(&draws.inputs(), &mut projection).is_err() {
            run.failed_paths += 1;
            continue;
        }
        let n = run.cumulative_gap.len();
        for (b, &i) in band_index.iter().enumerate() {
            for (t, y) in projection.years.iter().enumerate().take(h) {
                if let Some(key) = keys.get_mut((b * h + t) * count + n) {
                    *key = order_key(y.metric_at(i).unwrap_or(f64::NAN));
                }
            }
        }
        let s = &projection.summary;
        run.self_sufficiency_year.push(s.self_sufficiency_year);
        run.donor_exit_year.push(s.donor_exit_year);
        run.cumulative_gap.push(s.cumulative_gap);
        run.criteria_met
            .extend(s.criteria.iter().map(|(_, year)| year.is_some()));
    }
    run.band_values = sorted_series(keys, count, run.succeeded());
    run
}

/// Series laid out `room` apart, the first `paths` of each filled, as
/// one list of sorted series `paths` long each. Sorted as `order_key`
/// integers: a float comparison function would cost a call per comparison
/// in a size-optimised build, and sorting is most of a piece's reduction.
fn sorted_series(mut keys: Vec<u64>, room: usize, paths: usize) -> Vec<f64> {
    if room == 0 || paths == 0 {
        return Vec::new();
    }
    let series = keys.len() / room;
    // Failed paths left room at each series' end: close it up.
    for s in 1..series {
        keys.copy_within(s * room..s * room + paths, s * paths);
    }
    keys.truncate(series * paths);
    for series in keys.chunks_exact_mut(paths) {
        series.sort_unstable();
    }
    keys.into_iter().map(from_order_key).collect()
}

/// The values in ascending order (`f64::total_cmp`'s, numeric for the
/// finite figures of a run).
fn sorted(values: Vec<f64>) -> impl Iterator<Item = f64> {
    let mut keys: Vec<u64> = values.into_iter().map(order_key).collect();
    keys.sort_unstable();
    keys.into_iter().map(from_order_key)
}

/// Two sorted series as one sorted series, written over `out` (as long as
/// both together).
fn merge_sorted(a: &[f64], b: &[f64], out: &mut [f64]) {
    let (mut i, mut j) = (0, 0);
    for slot in out {
        let next = match (a.get(i), b.get(j)) {
            (Some(&x), Some(&y)) if order_key(y) < order_key(x) => {
                j += 1;
                y
            }
            (Some(&x), _) => {
                i += 1;
                x
            }
            (None, Some(&y)) => {
                j += 1;
                y
            }
            (None, None) => break,
        };
        *slot = next;
    }
}

/// Why pieces of a run do not make one run.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MergeError {
    /// No pieces at all.
    Empty,
    /// A piece whose lists disagree with its path range.
    Inconsistent { first_path: u32, end_path: u32 },
    /// Pieces of plans with different horizons or criteria.
    DifferentPlans,
    /// Paths `from` … `to` are missing, or run twice when `to` < `from`.
    NotContiguous { expected: u32, got: u32 },
}

impl std::fmt::Display for MergeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            MergeError::Empty => write!(f, "no paths to merge"),
            MergeError::Inconsistent {
                first_path,
                end_path,
            } => write!(
                f,
                "the piece with paths {first_path} to {end_path} is incomplete"
            ),
            MergeError::DifferentPlans => {
                write!(f, "the pieces come from plans of different shapes")
            }
            MergeError::NotContiguous { expected, got } => write!(
                f,
                "the pieces do not follow on: expected path {expected} next, got {got}"
            ),
        }
    }
}

impl std::error::Error for MergeError {}

/// The pieces of one run, in any order, joined in path order. They must
/// cover one range of paths with no gap or overlap.
pub fn merge_runs(mut parts: Vec<PartialRun>) -> Result<PartialRun, MergeError> {
    parts.sort_by_key(|p| p.first_path);
    let mut parts = parts.into_iter();
    let mut run = parts.next().ok_or(MergeError::Empty)?;
    let check = |p: &PartialRun| {
        if p.is_consistent() {
            Ok(())
        } else {
            Err(MergeError::Inconsistent {
                first_path: p.first_path,
                end_path: p.end_path,
            })
        }
    };
    check(&run)?;
    for p in parts {
        check(&p)?;
        if (p.years, p.criteria) != (run.years, run.criteria) {
            return Err(MergeError::DifferentPlans);
        }
        if p.first_path != run.end_path {
            return Err(MergeError::NotContiguous {
                expected: run.end_path,
                got: p.first_path,
            });
        }
        let (n, m) = (run.succeeded(), p.succeeded());
        let mut merged = vec![0.0; run.band_values.len() + p.band_values.len()];
        // Both pieces are consistent: the same number of series, n and m long.
        for (s, out) in merged.chunks_exact_mut((n + m).max(1)).enumerate() {
            merge_sorted(
                run.band_values.get(s * n..(s + 1) * n).unwrap_or_default(),
                p.band_values.get(s * m..(s + 1) * m).unwrap_or_default(),
                out,
            );
        }
        run.band_values = merged;
        run.end_path = p.end_path;
        run.failed_paths += p.failed_paths;
        run.self_sufficiency_year.extend(p.self_sufficiency_year);
        run.donor_exit_year.extend(p.donor_exit_year);
        run.cumulative_gap.extend(p.cumulative_gap);
        run.criteria_met.extend(p.criteria_met);
    }
    Ok(run)
}

/// p5, p25, p50, p75 and p95 of a figure over the paths.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Percentiles {
    pub p5: f64,
    pub p25: f64,
    pub p50: f64,
    pub p75: f64,
    pub p95: f64,
}

impl Percentiles {
    /// The five values in `QUANTILES` order.
    pub fn values(&self) -> [f64; 5] {
        [self.p5, self.p25, self.p50, self.p75, self.p95]
    }
}

/// The result of a run (MODEL.md's `uncertainty` object).
#[derive(Clone, Debug, PartialEq)]
pub struct UncertaintyResult {
    /// K, the paths run (failed ones included).
    pub paths: u32,
    pub failed_paths: u32,
    /// The plan's calendar years.
    pub years: Vec<i32>,
    /// Everything measured over the paths that did not fail; None when
    /// every path failed (or none was run).
    pub figures: Option<RunFigures>,
}

/// The run's figures over the paths that did not fail; shares are fractions.
#[derive(Clone, Debug, PartialEq)]
pub struct RunFigures {
    /// One band per `BAND_METRICS` entry, in that order; each year by year.
    pub bands: Vec<Vec<Percentiles>>,
    /// Per plan year Y, the share of paths self-sufficient by Y.
    pub p_self_sufficient_by: Vec<f64>,
    /// Per plan year Y, the share of paths whose donors have exited by Y.
    pub p_donor_exit_by: Vec<f64>,
    /// The share of paths with a cumulative gap above 0.
    pub p_unfunded_gap: f64,
    pub cumulative_gap_mean: f64,
    pub cumulative_gap_p95: f64,
    /// Per criterion key (its name or index), the share of paths meeting it.
    pub p_criteria: Vec<(String, f64)>,
}

impl RunFigures {
    /// The band of a figure named in `BAND_METRICS`, year by year.
    pub fn band(&self, metric: &str) -> Option<&[Percentiles]> {
        let i = BAND_METRICS.iter().position(|m| *m == metric)?;
        self.bands.get(i).map(Vec::as_slice)
    }
}

/// The Monte Carlo run of `plan`: K paths, reduced.
pub fn simulate(plan: &Plan, u: &Uncertainty) -> UncertaintyResult {
    uncertainty_result(plan, &simulate_paths(plan, u, 0..u.paths))
}

/// A whole run (one piece, or pieces joined by `merge_runs`) reduced to
/// bands and shares. `plan` gives the calendar years and criterion keys.
pub fn uncertainty_result(plan: &Plan, run: &PartialRun) -> UncertaintyResult {
    let consistent = run.is_consistent();
    let horizon = if consistent { run.years } else { 0 };
    let years: Vec<i32> = (0..horizon)
        .map(|t| plan.meta.start_year.saturating_add(t as i32))
        .collect();
    let figures =
        (consistent && horizon > 0 && run.succeeded() > 0).then(|| run_figures(plan, run, &years));
    UncertaintyResult {
        paths: run.end_path.saturating_sub(run.first_path),
        failed_paths: run.failed_paths,
        years,
        figures,
    }
}

/// The figures of a consistent run with at least one path and one year.
fn run_figures(plan: &Plan, run: &PartialRun, years: &[i32]) -> RunFigures {
    let n = run.succeeded();
    let share = |count: usize| count as f64 / n as f64;
    let h = run.years as usize;
    let mut series = run.band_values.chunks_exact(n.max(1));
    let bands = (0..BAND_METRICS.len())
        .map(|_| series.by_ref().take(h).map(percentiles).collect())
        .collect();
    let by = |list: &[Option<i32>]| -> Vec<f64> {
        years
            .iter()
            .map(|&y| share(list.iter().filter(|v| v.is_some_and(|v| v <= y)).count()))
            .collect()
    };
    let criteria = run.criteria as usize;
    let p_criteria = plan
        .criteria
        .iter()
        .enumerate()
        .take(criteria)
        .map(|(i, c)| {
            let met = run
                .criteria_met
                .iter()
                .skip(i)
                .step_by(criteria)
                .filter(|m| **m)
                .count();
            (criterion_key(c, i), share(met))
        })
        .collect();
    let gaps: Vec<f64> = sorted(run.cumulative_gap.clone()).collect();
    RunFigures {
        bands,
        p_self_sufficient_by: by(&run.self_sufficiency_year),
        p_donor_exit_by: by(&run.donor_exit_year),
        p_unfunded_gap: share(run.cumulative_gap.iter().filter(|g| **g > 0.0).count()),
        // Summed in path order, so pieces merged give the same bits.
        cumulative_gap_mean: total(run.cumulative_gap.iter().copied()) / n as f64,
        cumulative_gap_p95: percentile(&gaps, 0.95),
        p_criteria,
    }
}

/// An f64 as an integer with the same order as `f64::total_cmp`.
fn order_key(x: f64) -> u64 {
    let bits = x.to_bits();
    if bits >> 63 == 1 {
        !bits
    } else {
        bits | 1 << 63
    }
}

/// The f64 an `order_key` came from.
fn from_order_key(key: u64) -> f64 {
    f64::from_bits(if key >> 63 == 1 {
        key & !(1 << 63)
    } else {
        !key
    })
}

/// The five percentiles of a non-empty sorted series.
fn percentiles(sorted: &[f64]) -> Percentiles {
    let [p5, p25, p50, p75, p95] = QUANTILES.map(|q| percentile(sorted, q));
    Percentiles {
        p5,
        p25,
        p50,
        p75,
        p95,
    }
}

/// MODEL.md's percentile q of sorted x_0 ≤ … ≤ x_{K-1}: h = (K - 1) q,
/// l = ⌊h⌋, x_l + (h - l)(x_{l+1} - x_l), or x_l when l = K - 1. NaN for
/// an empty series (never asked for: a run with no path has no figures).
fn percentile(sorted: &[f64], q: f64) -> f64 {
    let Some(last) = sorted.len().checked_sub(1) else {
        return f64::NAN;
    };
    let h = last as f64 * q;
    let l = (h.floor() as usize).min(last);
    match (sorted.get(l), sorted.get(l + 1)) {
        (Some(&x), Some(&next)) => x + (h - l as f64) * (next - x),
        (Some(&x), None) => x,
        _ => f64::NAN,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn percentiles_of(values: &[f64]) -> Percentiles {
        let sorted: Vec<f64> = sorted(values.to_vec()).collect();
        percentiles(&sorted)
    }

    #[test]
    fn order_keys_sort_as_numbers_and_come_back_to_the_bit() {
        let xs = [
            f64::MIN,
            -1e300,
            -2.5,
            -1e-300,
            -0.0,
            0.0,
            1e-300,
            1.0,
            3.5e9,
            f64::MAX,
        ];
        for pair in xs.windows(2) {
            assert!(order_key(pair[0]) < order_key(pair[1]), "{pair:?}");
        }
        for x in xs {
            assert_eq!(from_order_key(order_key(x)).to_bits(), x.to_bits());
        }
    }

    fn sorted_percentile(values: &[f64], q: f64) -> f64 {
        let mut v = values.to_vec();
        v.sort_by(f64::total_cmp);
        let h = (v.len() - 1) as f64 * q;
        let l = h.floor() as usize;
        if l + 1 >= v.len() {
            v[l]
        } else {
            v[l] + (h - l as f64) * (v[l + 1] - v[l])
        }
    }

    #[test]
    fn percentiles_interpolate_between_order_statistics() {
        // K = 5: h = 4q. p25: h = 1 → x_1 = 2. p5: h = 0.2 → 1 + 0.2 · 1.
        // p95: h = 3.8 → 4 + 0.8 · (10 - 4) = 8.8.
        let p = percentiles_of(&[10.0, 2.0, 4.0, 1.0, 3.0]);
        assert_eq!(p.p25, 2.0);
        assert_eq!(p.p50, 3.0);
        assert_eq!(p.p75, 4.0);
        assert!((p.p5 - 1.2).abs() < 1e-12);
        assert!((p.p95 - 8.8).abs() < 1e-12);
        // One value: every percentile is that value.
        let p = percentiles_of(&[7.0]);
        assert_eq!(p.values(), [7.0; 5]);
    }

    #[test]
    fn series_with_room_for_failed_paths_close_up_sorted() {
        // Three series with room for 4 paths each, 2 of which succeeded.
        let left = order_key(99.0);
        let keys = [
            3.0, 1.0, 99.0, 99.0, 2.0, 5.0, 99.0, 99.0, -1.0, -0.5, 99.0, 99.0,
        ]
        .map(order_key)
        .map(|k| if k == left { u64::MAX } else { k });
        assert_eq!(
            sorted_series(keys.to_vec(), 4, 2),
            [1.0, 3.0, 2.0, 5.0, -1.0, -0.5]
        );
        assert_eq!(sorted_series(keys.to_vec(), 4, 4).len(), 12);
        assert!(sorted_series(keys.to_vec(), 4, 0).is_empty());
    }

    #[test]
    fn sorting_and_merging_agree_with_a_plain_sort() {
        let mut rng = PathRng::for_path(3, 0);
        for len in [1, 2, 3, 5, 20, 21, 1001] {
            // Ties included: values on a coarse grid, and normals.
            let grid: Vec<f64> = (0..len).map(|_| (rng.uniform() * 7.0).floor()).collect();
            let normals: Vec<f64> = (0..len).map(|_| rng.normal()).collect();
            for values in [grid, normals] {
                let p = percentiles_of(&values);
                for (got, q) in p.values().into_iter().zip(QUANTILES) {
                    assert_eq!(got, sorted_percentile(&values, q), "len {len}, q {q}");
                }
                let cut = len / 3;
                let a: Vec<f64> = sorted(values[..cut].to_vec()).collect();
                let b: Vec<f64> = sorted(values[cut..].to_vec()).collect();
                let mut merged = vec![0.0; len];
                merge_sorted(&a, &b, &mut merged);
                let whole: Vec<f64> = sorted(values.clone()).collect();
                assert_eq!(merged, whole);
            }
        }
    }

    #[test]
    fn level_error_is_one_without_spread() {
        assert_eq!(level_error(0.0, -1.7), 1.0);
        assert_eq!(level_error(0.0, 2.3), 1.0);
        // σ = 0.1, z = 1: exp(0.1 - 0.005).
        assert_eq!(level_error(10.0, 1.0), libm::exp(0.095));
    }

    #[test]
    fn odd_pieces_reduce_to_no_figures_without_panicking() {
        let plan = crate::model::default_plan();
        let no_years = PartialRun {
            first_path: 0,
            end_path: 1,
            cumulative_gap: vec![1.0],
            self_sufficiency_year: vec![None],
            donor_exit_year: vec![None],
            ..PartialRun::default()
        };
        assert!(no_years.is_consistent());
        let r = uncertainty_result(&plan, &no_years);
        assert_eq!((r.paths, r.figures), (1, None));
        let huge = PartialRun {
            years: u32::MAX,
            criteria: u32::MAX,
            ..no_years
        };
        assert!(!huge.is_consistent());
        assert_eq!(uncertainty_result(&plan, &huge).years, Vec::<i32>::new());
    }

    #[test]
    fn a_piece_with_any_one_list_or_count_wrong_is_inconsistent() {
        let mut plan = crate::model::default_plan();
        plan.uncertainty = Some(Uncertainty {
            real_growth_sd_pp: 1.5,
            ..Uncertainty::default()
        });
        let u = plan.uncertainty.clone().unwrap_or_default();
        let good = simulate_paths(&plan, &u, 10..30);
        assert!(good.is_consistent());
        assert_eq!((good.succeeded(), good.failed_paths), (20, 0));
        let breaks: [fn(&mut PartialRun); 8] = [
            |r| r.first_path = r.end_path + 1,
            |r| r.years = MAX_HORIZON + 1,
            |r| r.failed_paths += 1,
            |r| r.end_path += 1,
            |r| {
                r.band_values.pop();
            },
            |r| {
                r.self_sufficiency_year.pop();
            },
            |r| {
                r.donor_exit_year.pop();
            },
            |r| {
                r.criteria_met.pop();
            },
        ];
        for (i, broken) in breaks.iter().enumerate() {
            let mut r = good.clone();
            broken(&mut r);
            assert!(!r.is_consistent(), "break {i} went unseen");
        }
    }

    #[test]
    fn a_plan_the_evaluator_cannot_run_fails_every_path_of_its_piece() {
        let mut plan = crate::model::default_plan();
        plan.meta.horizon_years = MAX_HORIZON + 1;
        let r = simulate_paths(&plan, &Uncertainty::default(), 10..25);
        assert_eq!(
            (r.first_path, r.end_path, r.failed_paths, r.years),
            (10, 25, 15, 0)
        );
        assert!(r.is_consistent());
        assert_eq!(uncertainty_result(&plan, &r).figures, None);
        // Pieces merged count every failed path.
        let rest = simulate_paths(&plan, &Uncertainty::default(), 25..30);
        let merged = merge_runs(vec![rest, r]).expect("they follow on");
        assert_eq!(
            (merged.first_path, merged.end_path, merged.failed_paths),
            (10, 30, 20)
        );
        assert!(merged.is_consistent());
    }

    #[test]
    fn a_band_is_found_by_its_metric_name() {
        let mut plan = crate::model::default_plan();
        plan.uncertainty = Some(Uncertainty::default());
        let u = plan.uncertainty.clone().unwrap_or_default();
        let r = uncertainty_result(&plan, &simulate_paths(&plan, &u, 0..5));
        let f = r.figures.expect("figures");
        for (i, m) in BAND_METRICS.iter().enumerate() {
            assert_eq!(f.band(m), Some(f.bands[i].as_slice()), "{m}");
        }
        assert_eq!(f.band("gdp"), None);
    }

    #[test]
    fn a_merge_that_fails_says_why() {
        let says = |e: MergeError| e.to_string();
        assert_eq!(says(MergeError::Empty), "no paths to merge");
        assert_eq!(
            says(MergeError::Inconsistent {
                first_path: 3,
                end_path: 9
            }),
            "the piece with paths 3 to 9 is incomplete"
        );
        assert_eq!(
            says(MergeError::DifferentPlans),
            "the pieces come from plans of different shapes"
        );
        assert_eq!(
            says(MergeError::NotContiguous {
                expected: 5,
                got: 7
            }),
            "the pieces do not follow on: expected path 5 next, got 7"
        );
        assert_eq!(merge_runs(Vec::new()), Err(MergeError::Empty));
    }

    #[test]
    fn a_piece_survives_json_to_the_bit() {
        // Workers send pieces back as data; f64 and None must come through.
        let plan = crate::model::default_plan();
        let u = Uncertainty {
            paths: 5,
            revenue_error_pct: 10.0,
            ..Uncertainty::default()
        };
        let piece = simulate_paths(&plan, &u, 2..5);
        let text = serde_json::to_string(&piece).expect("serialises");
        let back: PartialRun = serde_json::from_str(&text).expect("deserialises");
        assert_eq!(back, piece);
    }
}
