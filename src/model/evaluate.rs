//! The evaluator: MODEL.md's sections run year by year, in the spec's order
//! (macro path, shocks, revenue, need, donors, balance and reserve,
//! indicators), then the headline results. It assumes a validated plan but
//! never panics: a figure that stops being a finite number ends the run with
//! a problem naming the calendar year.

use super::conventions::{epsilon, snap_zero, total};
use super::donors::{cofinancing_flow, evaluation_order, gap_filling_flow, pledged_flow};
use super::indicators::{donor_drop_pct, donor_share_pct, pct_of_gdp, self_sufficiency_pct};
use super::macro_path::{macro_year_next, macro_year_zero};
use super::need::{line_need, programme_need};
use super::plan::{DonorKind, Plan};
use super::projection::{Projection, Summary, YearResult, METRICS};
use super::reserve::reserve_year;
use super::revenue::{core_next, reform_yield, stream_revenue};
use super::shocks::shock_multipliers;
use super::summary::{npv, summarise};
use super::validate::MAX_HORIZON;
use super::Problem;

/// What a co-financing donor pays part of.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Target {
    Cost(usize),
    Programme(usize),
}

/// The cost line or programme a co-financing donor's `target` names.
fn resolve_target(plan: &Plan, target: Option<&str>) -> Option<Target> {
    let name = target?;
    if let Some(i) = plan.costs.iter().position(|c| c.name == name) {
        return Some(Target::Cost(i));
    }
    plan.programmes
        .iter()
        .position(|p| p.name == name)
        .map(Target::Programme)
}

/// The projection of a valid plan, or the year where it stops being finite.
pub fn evaluate(plan: &Plan) -> Result<Projection, Problem> {
    let horizon = plan.meta.horizon_years;
    if !(1..=MAX_HORIZON).contains(&horizon) {
        return Err(Problem::new(
            "meta.horizon_years",
            format!("must be between 1 and {MAX_HORIZON} years (got {horizon})"),
        ));
    }
    let targets: Vec<Option<Target>> = plan
        .donors
        .iter()
        .map(|d| resolve_target(plan, d.target.as_deref()))
        .collect();
    let order: Vec<usize> = evaluation_order(&plan.donors).collect();
    let mut cores: Vec<f64> = plan.revenues.iter().map(|r| r.base).collect();
    let mut macro_year = macro_year_zero(&plan.macro_path);
    let mut prev_reserve = plan.reserve.opening;
    let mut prev_programmed = None;
    let mut years = Vec::with_capacity(horizon as usize);

    for t in 0..horizon {
        if t > 0 {
            macro_year = macro_year_next(&plan.macro_path, t, &macro_year);
            for (core, stream) in cores.iter_mut().zip(&plan.revenues) {
                *core = core_next(*core, macro_year.nominal_growth, stream.buoyancy);
            }
        }
        let year = plan.meta.start_year.saturating_add(t as i32);
        let shock = shock_multipliers(&plan.shocks, t);

        let revenues: Vec<f64> = plan
            .revenues
            .iter()
            .zip(&cores)
            .map(|(stream, core)| {
                let reform = stream
                    .reform
                    .as_ref()
                    .map_or(0.0, |r| reform_yield(r, macro_year.gdp, t));
                stream_revenue(*core, reform, shock.revenue)
            })
            .collect();
        let local_revenue = total(revenues.iter().copied());

        let costs: Vec<f64> = plan
            .costs
            .iter()
            .map(|c| line_need(c, t, macro_year.price_index, shock.cost))
            .collect();
        let programmes: Vec<f64> = plan
            .programmes
            .iter()
            .map(|p| {
                programme_need(
                    p,
                    t,
                    macro_year.population,
                    macro_year.price_index,
                    shock.cost,
                )
            })
            .collect();
        let programmes_need = total(programmes.iter().copied());
        let need = total(costs.iter().copied()) + programmes_need;

        let mut donors = vec![0.0; plan.donors.len()];
        let mut donor_funding = 0.0;
        let mut programmed = 0.0;
        for &i in &order {
            let Some(donor) = plan.donors.get(i) else {
                continue;
            };
            let flow = match donor.kind {
                DonorKind::BudgetSupport => {
                    let flow = pledged_flow(donor, t, macro_year.fx, shock.donor);
                    programmed += flow;
                    flow
                }
                DonorKind::Cofinancing => {
                    let target_need = match targets.get(i).copied().flatten() {
                        Some(Target::Cost(j)) => costs.get(j).copied().unwrap_or(0.0),
                        Some(Target::Programme(j)) => programmes.get(j).copied().unwrap_or(0.0),
                        None => 0.0,
                    };
                    let flow = cofinancing_flow(donor, target_need, t, shock.donor);
                    programmed += flow;
                    flow
                }
                DonorKind::GapFilling => {
                    let cap = pledged_flow(donor, t, macro_year.fx, shock.donor);
                    programmed += cap;
                    // ε_t is already final here: a gap-filling flow never lifts
                    // L + G above N, so max(1, N, L + G) does not change.
                    let eps = epsilon(need, local_revenue + donor_funding);
                    let missing = snap_zero(need - local_revenue - donor_funding, eps);
                    snap_zero(gap_filling_flow(cap, missing), eps)
                }
            };
            donors[i] = flow;
            donor_funding += flow;
        }

        let eps = epsilon(need, local_revenue + donor_funding);
        let balance = snap_zero(local_revenue + donor_funding - need, eps);
        let reserve = reserve_year(&plan.reserve, prev_reserve, balance, need, eps);

        let result = YearResult {
            year,
            gdp: macro_year.gdp,
            price_index: macro_year.price_index,
            population: macro_year.population,
            fx: macro_year.fx,
            local_revenue,
            need,
            donor_funding,
            programmed_donor_funding: programmed,
            balance,
            reserve: reserve.closing,
            deposit: reserve.deposit,
            draw: reserve.draw,
            unfunded_gap: reserve.unfunded_gap,
            fiscal_space: reserve.fiscal_space,
            self_sufficiency_pct: self_sufficiency_pct(local_revenue, need),
            donor_share_pct: donor_share_pct(donor_funding, local_revenue),
            revenue_pct_gdp: pct_of_gdp(local_revenue, macro_year.gdp),
            social_protection_pct_gdp: pct_of_gdp(programmes_need, macro_year.gdp),
            donor_drop_pct: donor_drop_pct(prev_programmed, programmed, need, eps),
            revenues,
            costs,
            programmes,
            donors,
        };
        if let Some(field) = first_non_finite(&result) {
            return Err(overflow_in_year(t, year, field));
        }
        prev_reserve = reserve.closing;
        prev_programmed = Some(programmed);
        years.push(result);
    }

    let summary = summarise(plan, &years);
    check_totals(plan, &years, &summary)?;
    Ok(Projection { years, summary })
}

/// The first per-year figure, in result order, that is not a finite number.
fn first_non_finite(y: &YearResult) -> Option<&'static str> {
    (0..METRICS.len())
        .find(|&i| !y.metric_at(i).is_some_and(f64::is_finite))
        .map(|i| METRICS[i])
}

/// How a user can read a non-finite figure, and what to change. The path
/// indexes the result's `years` list by plan year (`years[3].gdp`, as in
/// the result JSON); the message names the calendar year.
fn overflow_in_year(t: u32, year: i32, field: &str) -> Problem {
    let (label, hint) = match field {
        "gdp" => ("GDP", "lower the growth or inflation rates"),
        "price_index" => ("the price index", "lower the inflation rates"),
        "population" => ("population", "lower the population growth rate"),
        "fx" => (
            "the exchange rate",
            "lower the inflation or depreciation rates",
        ),
        "local_revenue" => (
            "local revenue",
            "lower the buoyancies, reform gains or growth rates",
        ),
        "need" => (
            "need",
            "lower the cost and benefit growth rates or the inflation rates",
        ),
        "donor_funding" | "programmed_donor_funding" => (
            "donor funding",
            "lower the donor amounts or the exchange-rate path",
        ),
        "reserve" | "deposit" | "draw" => {
            ("the reserve", "lower the reserve interest rate or target")
        }
        _ => (field, "lower the growth or inflation rates"),
    };
    Problem::new(
        format!("years[{t}].{field}"),
        format!("the projection overflows in {year} ({label} is not a finite number); {hint}"),
    )
}

/// The message for an overflow of `field` (for the French table's tests).
#[cfg(test)]
pub(crate) fn overflow_message_for_tests(field: &str) -> String {
    overflow_in_year(1, 2027, field).message
}

/// Totals can overflow even when every year is finite. The problem names
/// the first year whose running total is not finite (MODEL.md: "refused
/// with the year where it does"). The peaks are maxima of finite figures,
/// so they are finite whenever every year is.
fn check_totals(plan: &Plan, years: &[YearResult], s: &Summary) -> Result<(), Problem> {
    let rate = plan.meta.discount_rate_pct;
    let gap: fn(&YearResult) -> f64 = |y| y.unfunded_gap;
    let donors: fn(&YearResult) -> f64 = |y| y.donor_funding;
    let totals = [
        ("cumulative_gap", s.cumulative_gap, gap, None),
        ("cumulative_gap_npv", s.cumulative_gap_npv, gap, Some(rate)),
        ("total_donor_funding", s.total_donor_funding, donors, None),
        (
            "total_donor_funding_npv",
            s.total_donor_funding_npv,
            donors,
            Some(rate),
        ),
    ];
    let Some(&(field, _, value, discount)) = totals.iter().find(|(_, x, _, _)| !x.is_finite())
    else {
        return Ok(());
    };
    // Replays the sum as summary.rs takes it, year by year.
    let year = (1..=years.len())
        .find(|&n| {
            let values = years[..n].iter().map(value);
            let running = match discount {
                Some(rate) => npv(values, rate),
                None => total(values),
            };
            !running.is_finite()
        })
        .and_then(|n| years.get(n - 1))
        .map_or(plan.meta.start_year, |y| y.year);
    Err(Problem::new(
        format!("summary.{field}"),
        format!("the projection's totals overflow in {year} ({field} is not a finite number); lower the amounts or growth rates"),
    ))
}
