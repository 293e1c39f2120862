//! MODEL.md "Headline results": the years and totals a ministry quotes,
//! computed from the per-year results. Years are calendar years; a year
//! that never comes is None. Ties go to the first year.
//!
//! Comparisons here use a relative tolerance `TIE` = 1e-9: two values within
//! 1e-9 of the larger's magnitude are equal. Floating-point rounding in a
//! long chain of products must not flip a tie (peak and drop years) or a
//! threshold (self-sufficiency at 100, the donor-exit threshold, criteria,
//! re-engagement) that the exact arithmetic settles; see docs/model-notes.md.

use super::conventions::total;
use super::plan::{Criterion, Op, Plan};
use super::projection::{metric_index, Summary, YearResult};

/// The first calendar year from which `holds` is true in that and every
/// later plan year, or None.
pub fn first_year_holding_to_the_end(
    years: &[YearResult],
    holds: impl Fn(&YearResult) -> bool,
) -> Option<i32> {
    let tail = years.iter().rev().take_while(|y| holds(y)).count();
    (tail > 0).then(|| years[years.len() - tail].year)
}

/// (1 + r)^t for plan years 0 … horizon-1, r = `discount_rate_pct`/100.
/// The power is `libm`'s (MODEL.md "Bit for bit").
pub fn discount_factors(discount_rate_pct: f64, horizon: usize) -> Vec<f64> {
    let base = 1.0 + discount_rate_pct / 100.0;
    (0..horizon as u32)
        .map(|t| libm::pow(base, f64::from(t)))
        .collect()
}

/// Σ x_t / (1 + r)^t, plan year 0 undiscounted, given the factors
/// (1 + r)^t from `discount_factors`.
pub fn npv(values: impl Iterator<Item = f64>, discount: &[f64]) -> f64 {
    values
        .zip(discount)
        .fold(0.0, |sum, (x, factor)| sum + x / factor)
}

/// The relative tolerance within which two results count as equal.
pub const TIE: f64 = 1e-9;

/// |a - b| <= TIE · max(|a|, |b|): equal but for rounding.
pub fn nearly_equal(a: f64, b: f64) -> bool {
    (a - b).abs() <= TIE * a.abs().max(b.abs())
}

/// The largest value and the first calendar year whose value equals it
/// within `TIE`; (0, None) when every value is 0.
pub fn peak(years: &[YearResult], value: impl Fn(&YearResult) -> f64) -> (f64, Option<i32>) {
    let best = years.iter().map(&value).fold(0.0, f64::max);
    if best <= 0.0 {
        return (0.0, None);
    }
    let year = years
        .iter()
        .find(|y| nearly_equal(value(y), best))
        .map(|y| y.year);
    (best, year)
}

/// Whether `x op value` holds, a value within `TIE` of the threshold
/// counting as equal to it (so `>=` and `<=` hold and `>` and `<` do not).
pub fn satisfies(op: Op, x: f64, value: f64) -> bool {
    let equal = nearly_equal(x, value);
    match op {
        Op::Ge => x >= value || equal,
        Op::Gt => x > value && !equal,
        Op::Le => x <= value || equal,
        Op::Lt => x < value && !equal,
    }
}

/// The calendar year in which a run of consecutive years meeting the
/// criterion first reaches `consecutive_years` (the run's last year), or None.
pub fn criterion_met_year(c: &Criterion, years: &[YearResult]) -> Option<i32> {
    let index = metric_index(&c.metric)?;
    let mut run = 0u32;
    for y in years {
        let holds = y
            .metric_at(index)
            .is_some_and(|x| satisfies(c.op, x, c.value));
        run = if holds { run + 1 } else { 0 };
        if run >= c.consecutive_years.max(1) {
            return Some(y.year);
        }
    }
    None
}

/// A criterion's key in the result: its name, or its index as a string.
pub fn criterion_key(c: &Criterion, index: usize) -> String {
    c.name.clone().unwrap_or_else(|| index.to_string())
}

/// The headline results of a plan's per-year results, with the discount
/// factors (1 + r)^t of `discount_factors`.
pub fn summarise(plan: &Plan, years: &[YearResult], discount: &[f64]) -> Summary {
    let threshold = plan.meta.exit_threshold_pct / 100.0;
    let self_sufficiency_year =
        first_year_holding_to_the_end(years, |y| satisfies(Op::Ge, y.self_sufficiency_pct, 100.0));
    let donor_exit_year = first_year_holding_to_the_end(years, |y| {
        satisfies(Op::Le, y.donor_funding, threshold * y.need)
    });
    let (peak_gap, peak_gap_year) = peak(years, |y| y.unfunded_gap);
    let (max_donor_drop_pct, max_donor_drop_year) = peak(years, |y| y.donor_drop_pct);
    let criteria = plan
        .criteria
        .iter()
        .enumerate()
        .map(|(i, c)| (criterion_key(c, i), criterion_met_year(c, years)))
        .collect();
    Summary {
        self_sufficiency_year,
        donor_exit_year,
        cumulative_gap: total(years.iter().map(|y| y.unfunded_gap)),
        cumulative_gap_npv: npv(years.iter().map(|y| y.unfunded_gap), discount),
        peak_gap,
        peak_gap_year,
        total_donor_funding: total(years.iter().map(|y| y.donor_funding)),
        total_donor_funding_npv: npv(years.iter().map(|y| y.donor_funding), discount),
        max_donor_drop_pct,
        max_donor_drop_year,
        criteria,
        reengagement_years: reengagement_years(plan, years, donor_exit_year),
    }
}

/// Every calendar year from the donor exit year on in which self-sufficiency
/// falls below the trigger or the reserve below its floor; empty without
/// `reengagement` or without an exit year.
pub fn reengagement_years(
    plan: &Plan,
    years: &[YearResult],
    donor_exit_year: Option<i32>,
) -> Vec<i32> {
    let (Some(r), Some(exit)) = (&plan.reengagement, donor_exit_year) else {
        return Vec::new();
    };
    years
        .iter()
        .filter(|y| {
            y.year >= exit
                && (satisfies(Op::Lt, y.self_sufficiency_pct, r.trigger_pct)
                    || satisfies(Op::Lt, y.reserve, r.reserve_floor_months / 12.0 * y.need))
        })
        .map(|y| y.year)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn years_with(values: &[f64]) -> Vec<YearResult> {
        values
            .iter()
            .enumerate()
            .map(|(i, &v)| YearResult {
                year: 2030 + i as i32,
                donor_drop_pct: v,
                ..Default::default()
            })
            .collect()
    }

    #[test]
    fn peak_ties_within_tolerance_go_to_the_first_year() {
        // 3 and 3 · (1 + 1e-15) are the same drop but for rounding: 2031, not 2032.
        let ys = years_with(&[0.0, 3.0, 3.0 * (1.0 + 1e-15), 1.0]);
        let (v, year) = peak(&ys, |y| y.donor_drop_pct);
        assert_eq!(year, Some(2031));
        assert_eq!(v, 3.0 * (1.0 + 1e-15));
        // A real difference (1e-6 relative) is not a tie.
        let ys = years_with(&[0.0, 3.0, 3.0 * (1.0 + 1e-6)]);
        assert_eq!(peak(&ys, |y| y.donor_drop_pct).1, Some(2032));
        assert_eq!(
            peak(&years_with(&[0.0, 0.0]), |y| y.donor_drop_pct),
            (0.0, None)
        );
    }

    #[test]
    fn thresholds_count_rounding_as_equal() {
        // 99.99999999999999 is 100 but for the last bit: >= 100 holds, > 100 not.
        let x = 99.99999999999999;
        assert!(satisfies(Op::Ge, x, 100.0));
        assert!(!satisfies(Op::Lt, x, 100.0));
        assert!(satisfies(Op::Le, 100.00000000000001, 100.0));
        assert!(!satisfies(Op::Gt, 100.00000000000001, 100.0));
        // 99.9999 is a real shortfall (1e-6 relative).
        assert!(!satisfies(Op::Ge, 99.9999, 100.0));
        assert!(satisfies(Op::Lt, 99.9999, 100.0));
        // Against 0 only 0 is equal.
        assert!(satisfies(Op::Le, 0.0, 0.0));
        assert!(!satisfies(Op::Le, 1e-300, 0.0));
    }
}
