//! MODEL.md "Headline results": the years and totals a ministry quotes,
//! computed from the per-year results. Years are calendar years; a year
//! that never comes is None. Ties go to the first year.

use super::conventions::total;
use super::plan::{Criterion, Op, Plan};
use super::projection::{metric_index, Summary, YearResult};

/// The first calendar year from which `holds` is true in that and every
/// later plan year, or None.
pub fn first_year_holding_to_the_end(years: &[YearResult], holds: impl Fn(&YearResult) -> bool) -> Option<i32> {
    let tail = years.iter().rev().take_while(|y| holds(y)).count();
    (tail > 0).then(|| years[years.len() - tail].year)
}

/// Σ x_t / (1 + r)^t, plan year 0 undiscounted.
pub fn npv(values: impl Iterator<Item = f64>, discount_rate_pct: f64) -> f64 {
    let factor = 1.0 / (1.0 + discount_rate_pct / 100.0);
    let mut weight = 1.0;
    let mut sum = 0.0;
    for x in values {
        sum += x * weight;
        weight *= factor;
    }
    sum
}

/// The largest value and its calendar year, first on ties; (0, None) when
/// every value is 0.
pub fn peak(years: &[YearResult], value: impl Fn(&YearResult) -> f64) -> (f64, Option<i32>) {
    years.iter().fold((0.0, None), |(best, year), y| {
        let v = value(y);
        if v > best {
            (v, Some(y.year))
        } else {
            (best, year)
        }
    })
}

/// Whether `x op value` holds.
pub fn satisfies(op: Op, x: f64, value: f64) -> bool {
    match op {
        Op::Ge => x >= value,
        Op::Gt => x > value,
        Op::Le => x <= value,
        Op::Lt => x < value,
    }
}

/// The calendar year in which a run of consecutive years meeting the
/// criterion first reaches `consecutive_years` (the run's last year), or None.
pub fn criterion_met_year(c: &Criterion, years: &[YearResult]) -> Option<i32> {
    let index = metric_index(&c.metric)?;
    let mut run = 0u32;
    for y in years {
        let holds = y.metric_at(index).is_some_and(|x| satisfies(c.op, x, c.value));
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

/// The headline results of a plan's per-year results.
pub fn summarise(plan: &Plan, years: &[YearResult]) -> Summary {
    let rate = plan.meta.discount_rate_pct;
    let threshold = plan.meta.exit_threshold_pct / 100.0;
    let self_sufficiency_year = first_year_holding_to_the_end(years, |y| y.self_sufficiency_pct >= 100.0);
    let donor_exit_year = first_year_holding_to_the_end(years, |y| y.donor_funding <= threshold * y.need);
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
        cumulative_gap_npv: npv(years.iter().map(|y| y.unfunded_gap), rate),
        peak_gap,
        peak_gap_year,
        total_donor_funding: total(years.iter().map(|y| y.donor_funding)),
        total_donor_funding_npv: npv(years.iter().map(|y| y.donor_funding), rate),
        max_donor_drop_pct,
        max_donor_drop_year,
        criteria,
        reengagement_years: reengagement_years(plan, years, donor_exit_year),
    }
}

/// Every calendar year from the donor exit year on in which self-sufficiency
/// falls below the trigger or the reserve below its floor; empty without
/// `reengagement` or without an exit year.
pub fn reengagement_years(plan: &Plan, years: &[YearResult], donor_exit_year: Option<i32>) -> Vec<i32> {
    let (Some(r), Some(exit)) = (&plan.reengagement, donor_exit_year) else {
        return Vec::new();
    };
    years
        .iter()
        .filter(|y| {
            y.year >= exit
                && (y.self_sufficiency_pct < r.trigger_pct || y.reserve < r.reserve_floor_months / 12.0 * y.need)
        })
        .map(|y| y.year)
        .collect()
}
