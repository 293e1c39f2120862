//! The evaluator: MODEL.md's sections run year by year, in the spec's order
//! (macro path, shocks, revenue, need, donors, balance and reserve,
//! indicators), then the headline results. It assumes a validated plan but
//! never panics: a figure that stops being a finite number ends the run with
//! a problem naming the calendar year. A Monte Carlo path is the same run
//! with the path's inputs (`PathInputs`); the plan as written is the path
//! with none.

use super::conventions::{epsilon, snap_zero, total};
use super::donors::{
    cofinancing_flow, evaluation_order, fulfilment, gap_filling_flow, pledged_flow,
    taper_multiplier, taper_of,
};
use super::field::Field;
use super::indicators::{donor_drop_pct, donor_share_pct, pct_of_gdp, self_sufficiency_pct};
use super::macro_path::{macro_year_next, macro_year_zero};
use super::need::{benefit_growth, line_growth, line_need, programme_need};
use super::plan::{root, DonorKind, Plan};
use super::problem::{Problem, Rule};
use super::projection::{Projection, Summary, YearResult, METRICS};
use super::reserve::reserve_year;
use super::revenue::{core_next, reform_yield, stream_revenue};
use super::shocks::shock_multipliers;
use super::summary::{discount_factors, npv, summarise};
use super::validate::MAX_HORIZON;

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

/// What one Monte Carlo path changes in the plan's inputs (MODEL.md
/// "Uncertainty"). `PathInputs::NONE` is the plan as written: a zero
/// surprise, a multiplier of 1 and the plan's own fulfilment leave every
/// figure exactly as it is, so the deterministic projection is the path
/// with no surprises and there is one evaluator, not two.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PathInputs<'a> {
    /// d^g_t in percentage points, indexed by plan year t; 0 past the end.
    pub growth_surprise_pp: &'a [f64],
    /// d^π_t in percentage points, indexed by plan year t; 0 past the end.
    pub inflation_surprise_pp: &'a [f64],
    /// M_rev: multiplies every revenue stream's R_t.
    pub revenue_multiplier: f64,
    /// M_cost: multiplies every cost line's and programme's need.
    pub cost_multiplier: f64,
    /// Each donor's `fulfilment_pct` on this path, in plan order; the
    /// plan's own past the end.
    pub fulfilment_pct: &'a [f64],
}

impl PathInputs<'_> {
    /// The plan as written.
    pub const NONE: PathInputs<'static> = PathInputs {
        growth_surprise_pp: &[],
        inflation_surprise_pp: &[],
        revenue_multiplier: 1.0,
        cost_multiplier: 1.0,
        fulfilment_pct: &[],
    };
}

/// The projection of a valid plan, or the year where it stops being finite.
pub fn evaluate(plan: &Plan) -> Result<Projection, Problem> {
    evaluate_with(plan, &PathInputs::NONE)
}

/// The projection of one path: the plan with a path's inputs.
pub fn evaluate_with(plan: &Plan, path: &PathInputs) -> Result<Projection, Problem> {
    let mut projection = Projection::default();
    Evaluator::new(plan)?.run(path, &mut projection)?;
    Ok(projection)
}

/// A plan ready to be evaluated many times (a Monte Carlo run's paths):
/// what no path changes is worked out once. The growth factors (1 + r)^t of
/// cost lines and benefits, the taper multipliers and the discount factors
/// are powers, most of a path's time if taken again for every path; each is
/// still computed by its section's function, only not repeated.
#[derive(Clone, Debug)]
pub struct Evaluator<'p> {
    plan: &'p Plan,
    horizon: usize,
    targets: Vec<Option<Target>>,
    order: Vec<usize>,
    /// (1 + real growth)^t per cost line, line-major (`i * horizon + t`).
    cost_growth: Vec<f64>,
    /// (1 + real benefit growth)^t per programme, likewise.
    benefit_growth: Vec<f64>,
    /// m(t) per donor, likewise.
    tapers: Vec<f64>,
    /// (1 + r)^t per plan year.
    discount: Vec<f64>,
}

/// f(item, t) for every item and plan year, item-major.
fn by_item_and_year<T>(items: &[T], horizon: usize, f: impl Fn(&T, u32) -> f64) -> Vec<f64> {
    items
        .iter()
        .flat_map(|item| (0..horizon as u32).map(move |t| (item, t)))
        .map(|(item, t)| f(item, t))
        .collect()
}

impl<'p> Evaluator<'p> {
    /// Refuses only a horizon the evaluator cannot run (1 – 60 years).
    pub fn new(plan: &'p Plan) -> Result<Self, Problem> {
        let horizon = plan.meta.horizon_years;
        if !(1..=MAX_HORIZON).contains(&horizon) {
            return Err(Problem::new(
                root().meta().horizon_years(),
                Rule::Horizon { got: horizon },
            ));
        }
        let h = horizon as usize;
        Ok(Evaluator {
            plan,
            horizon: h,
            targets: plan
                .donors
                .iter()
                .map(|d| resolve_target(plan, d.target.as_deref()))
                .collect(),
            order: evaluation_order(&plan.donors).collect(),
            cost_growth: by_item_and_year(&plan.costs, h, line_growth),
            benefit_growth: by_item_and_year(&plan.programmes, h, benefit_growth),
            tapers: by_item_and_year(&plan.donors, h, |d, t| taper_multiplier(taper_of(d), t)),
            discount: discount_factors(plan.meta.discount_rate_pct, h),
        })
    }

    /// The projection of one path written into `out`, reusing its buffers:
    /// a run of thousands of paths need not allocate each one's years
    /// afresh. On an error `out` holds a partial projection.
    pub fn run(&self, path: &PathInputs, out: &mut Projection) -> Result<(), Problem> {
        let plan = self.plan;
        let h = self.horizon;
        let fulfilments: Vec<f64> = plan
            .donors
            .iter()
            .enumerate()
            .map(|(i, d)| {
                path.fulfilment_pct
                    .get(i)
                    .map_or(fulfilment(d), |f| f / 100.0)
            })
            .collect();
        let mut cores: Vec<f64> = plan.revenues.iter().map(|r| r.base).collect();
        let mut macro_year = macro_year_zero(&plan.macro_path);
        let mut prev_reserve = plan.reserve.opening;
        let mut prev_programmed = None;
        out.years.resize_with(h, YearResult::default);

        for (t, slot) in (0..h as u32).zip(out.years.iter_mut()) {
            let at = |factors: &[f64], i: usize| factors.get(i * h + t as usize).copied();
            if t > 0 {
                let surprise = |d: &[f64]| d.get(t as usize).copied().unwrap_or(0.0);
                macro_year = macro_year_next(
                    &plan.macro_path,
                    t,
                    &macro_year,
                    surprise(path.growth_surprise_pp),
                    surprise(path.inflation_surprise_pp),
                );
                for (core, stream) in cores.iter_mut().zip(&plan.revenues) {
                    *core = core_next(*core, macro_year.nominal_growth, stream.buoyancy);
                }
            }
            let year = plan.meta.start_year.saturating_add(t as i32);
            let shock = shock_multipliers(&plan.shocks, t);

            // The breakdown buffers of the slot's last use, refilled.
            let mut revenues = std::mem::take(&mut slot.revenues);
            revenues.clear();
            revenues.extend(plan.revenues.iter().zip(&cores).map(|(stream, core)| {
                let reform = stream
                    .reform
                    .as_ref()
                    .map_or(0.0, |r| reform_yield(r, macro_year.gdp, t));
                stream_revenue(*core, reform, shock.revenue) * path.revenue_multiplier
            }));
            let local_revenue = total(revenues.iter().copied());

            let mut costs = std::mem::take(&mut slot.costs);
            costs.clear();
            costs.extend(plan.costs.iter().enumerate().map(|(i, c)| {
                let growth = at(&self.cost_growth, i).unwrap_or(f64::NAN);
                line_need(c, t, macro_year.price_index, growth, shock.cost) * path.cost_multiplier
            }));
            let mut programmes = std::mem::take(&mut slot.programmes);
            programmes.clear();
            programmes.extend(plan.programmes.iter().enumerate().map(|(i, p)| {
                let growth = at(&self.benefit_growth, i).unwrap_or(f64::NAN);
                programme_need(
                    p,
                    t,
                    macro_year.population,
                    macro_year.price_index,
                    growth,
                    shock.cost,
                ) * path.cost_multiplier
            }));
            let programmes_need = total(programmes.iter().copied());
            let need = total(costs.iter().copied()) + programmes_need;

            let mut donors = std::mem::take(&mut slot.donors);
            donors.clear();
            donors.resize(plan.donors.len(), 0.0);
            let mut donor_funding = 0.0;
            let mut programmed = 0.0;
            for &i in &self.order {
                let (Some(donor), Some(&f)) = (plan.donors.get(i), fulfilments.get(i)) else {
                    continue;
                };
                let m = at(&self.tapers, i).unwrap_or(f64::NAN);
                let flow = match donor.kind {
                    DonorKind::BudgetSupport => {
                        let flow = pledged_flow(donor, m, macro_year.fx, f, shock.donor);
                        programmed += flow;
                        flow
                    }
                    DonorKind::Cofinancing => {
                        let target_need = match self.targets.get(i).copied().flatten() {
                            Some(Target::Cost(j)) => costs.get(j).copied().unwrap_or(0.0),
                            Some(Target::Programme(j)) => programmes.get(j).copied().unwrap_or(0.0),
                            None => 0.0,
                        };
                        let flow = cofinancing_flow(donor, target_need, t, f, shock.donor);
                        programmed += flow;
                        flow
                    }
                    DonorKind::GapFilling => {
                        let cap = pledged_flow(donor, m, macro_year.fx, f, shock.donor);
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

            *slot = YearResult {
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
            if let Some(field) = first_non_finite(slot) {
                return Err(overflow_in_year(t, year, field));
            }
            prev_reserve = reserve.closing;
            prev_programmed = Some(programmed);
        }

        out.summary = summarise(plan, &out.years, &self.discount);
        check_totals(plan, &out.years, &out.summary, &self.discount)
    }
}

/// The first per-year figure, in result order, that is not a finite number.
fn first_non_finite(y: &YearResult) -> Option<&'static str> {
    (0..METRICS.len())
        .find(|&i| !y.metric_at(i).is_some_and(f64::is_finite))
        .map(|i| METRICS[i])
}

/// A figure that stopped being finite. The path indexes the result's
/// `years` list by plan year (`years[3].gdp`, as in the result JSON); the
/// message names the calendar year and what to lower.
fn overflow_in_year(t: u32, year: i32, field: &'static str) -> Problem {
    Problem::new(
        Field::root().key("years").index(t as usize).key(field),
        Rule::Overflow {
            year,
            figure: field,
        },
    )
}

/// Totals can overflow even when every year is finite. The problem names
/// the first year whose running total is not finite (MODEL.md: "refused
/// with the year where it does"). The peaks are maxima of finite figures,
/// so they are finite whenever every year is.
fn check_totals(
    plan: &Plan,
    years: &[YearResult],
    s: &Summary,
    discount: &[f64],
) -> Result<(), Problem> {
    let gap: fn(&YearResult) -> f64 = |y| y.unfunded_gap;
    let donors: fn(&YearResult) -> f64 = |y| y.donor_funding;
    let totals = [
        ("cumulative_gap", s.cumulative_gap, gap, false),
        ("cumulative_gap_npv", s.cumulative_gap_npv, gap, true),
        ("total_donor_funding", s.total_donor_funding, donors, false),
        (
            "total_donor_funding_npv",
            s.total_donor_funding_npv,
            donors,
            true,
        ),
    ];
    let Some(&(field, _, value, discounted)) = totals.iter().find(|(_, x, _, _)| !x.is_finite())
    else {
        return Ok(());
    };
    // Replays the sum as summary.rs takes it, year by year; a total that is
    // not finite has a first year whose running total is not.
    let year = (1..=years.len())
        .find(|&n| {
            let values = years[..n].iter().map(value);
            let running = if discounted {
                npv(values, discount)
            } else {
                total(values)
            };
            !running.is_finite()
        })
        .and_then(|n| years.get(n - 1))
        .map_or(plan.meta.start_year, |y| y.year);
    Err(Problem::new(
        Field::root().key("summary").key(field),
        Rule::TotalsOverflow { year, total: field },
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::default_plan;

    #[test]
    fn a_reused_buffer_gives_the_same_projection_as_a_fresh_one() {
        // A long plan with more items first, then the default plan: every
        // year and breakdown must be rewritten, none left over.
        let small = default_plan();
        let mut big = default_plan();
        big.meta.horizon_years = 30;
        big.revenues.push(big.revenues[0].clone());
        big.revenues[4].name = "Copy".into();
        let mut out = Projection::default();
        let run = |plan, out: &mut Projection| {
            Evaluator::new(plan).and_then(|e| e.run(&PathInputs::NONE, out))
        };
        run(&big, &mut out).expect("evaluates");
        assert_eq!(Ok(&out), evaluate(&big).as_ref());
        run(&small, &mut out).expect("evaluates");
        assert_eq!(Ok(out), evaluate(&small));
    }

    #[test]
    fn a_gap_filler_with_room_to_spare_pays_exactly_what_the_other_donors_leave() {
        // The Sunset facility's cap made far larger than any gap: in every
        // year it pays, it pays need - local revenue - the others' flows,
        // so the balance is exactly 0, while the others do pay.
        let mut plan = default_plan();
        let gf = plan
            .donors
            .iter()
            .position(|d| d.kind == DonorKind::GapFilling)
            .expect("the default plan has a gap-filling donor");
        plan.donors[gf].base = Some(1e15);
        let p = evaluate(&plan).expect("evaluates");
        let mut paid_with_others = 0;
        for y in &p.years {
            let others = y.donor_funding - y.donors[gf];
            if y.donors[gf] > 0.0 {
                assert_eq!(
                    y.balance, 0.0,
                    "{}: the gap filler leaves a balance",
                    y.year
                );
                paid_with_others += usize::from(others > 0.0);
            } else {
                assert!(
                    y.local_revenue + others >= y.need,
                    "{}: a gap left unfilled",
                    y.year
                );
            }
        }
        assert!(
            paid_with_others > 0,
            "no year where both the others and the gap filler pay"
        );
    }

    #[test]
    fn path_inputs_change_the_figures_they_name() {
        let plan = default_plan();
        let base = evaluate(&plan).expect("evaluates");
        // Revenue level error 1.1: every stream's R_t is 10 % higher.
        let path = PathInputs {
            revenue_multiplier: 1.1,
            ..PathInputs::NONE
        };
        let p = evaluate_with(&plan, &path).expect("evaluates");
        for (a, b) in base.years.iter().zip(&p.years) {
            for (ra, rb) in a.revenues.iter().zip(&b.revenues) {
                assert_eq!(*rb, ra * 1.1);
            }
            assert_eq!(a.need, b.need);
        }
        // Cost level error 1.1: every cost line's and programme's need is
        // 10 % higher, and revenue is untouched.
        let path = PathInputs {
            cost_multiplier: 1.1,
            ..PathInputs::NONE
        };
        let p = evaluate_with(&plan, &path).expect("evaluates");
        for (a, b) in base.years.iter().zip(&p.years) {
            for (ca, cb) in a.costs.iter().zip(&b.costs) {
                assert_eq!(*cb, ca * 1.1);
            }
            for (pa, pb) in a.programmes.iter().zip(&b.programmes) {
                assert_eq!(*pb, pa * 1.1);
            }
            assert_eq!(a.local_revenue, b.local_revenue);
        }
        // +1 pp of growth in year 1 only: GDP_1 rises by the factor
        // (1 + (g+1)/100) / (1 + g/100), and stays higher.
        let growth = [0.0, 1.0];
        let path = PathInputs {
            growth_surprise_pp: &growth,
            ..PathInputs::NONE
        };
        let p = evaluate_with(&plan, &path).expect("evaluates");
        assert_eq!(p.years[0].gdp, base.years[0].gdp);
        let g = plan.macro_path.real_growth_pct;
        let ratio = p.years[1].gdp / base.years[1].gdp;
        assert!((ratio - (1.0 + (g + 1.0) / 100.0) / (1.0 + g / 100.0)).abs() < 1e-12);
        assert!(p.years[5].gdp > base.years[5].gdp);
        // A donor fulfilling nothing pays nothing.
        let fulfilment = vec![0.0; plan.donors.len()];
        let path = PathInputs {
            fulfilment_pct: &fulfilment,
            ..PathInputs::NONE
        };
        let p = evaluate_with(&plan, &path).expect("evaluates");
        assert!(p.years.iter().all(|y| y.donor_funding == 0.0));
    }
}
