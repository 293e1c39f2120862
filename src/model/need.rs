//! MODEL.md "Spending need": what the local budget must finance. Cost
//! lines are handed over from the international mission along a ramp;
//! social-protection programmes are costed the ILO way (eligible people ×
//! coverage × benefit, plus administration).

use super::conventions::ramp;
use super::plan::{CostLine, Programme, Ramp};

/// A ramp in percent as a share in [0, 1]; `None` means 100 % throughout.
pub fn ramp_share(r: Option<&Ramp>, t: u32) -> f64 {
    match r {
        Some(r) => ramp(r.from_pct, r.to_pct, r.start, r.years, t) / 100.0,
        None => 1.0,
    }
}

/// (1 + rate/100)^t, by `libm` (MODEL.md "Bit for bit": std's `powi` may
/// differ between platforms).
fn compound(rate_pct: f64, t: u32) -> f64 {
    libm::pow(1.0 + rate_pct / 100.0, f64::from(t))
}

/// (1 + real growth/100)^t of a cost line. The evaluator takes it once per
/// plan, not once per Monte Carlo path.
pub fn line_growth(line: &CostLine, t: u32) -> f64 {
    compound(line.real_growth_pct, t)
}

/// cost_t = base · (P_t if indexed) · (1 + real growth)^t · S^cost_t, with
/// the growth factor from `line_growth`.
pub fn line_cost(line: &CostLine, price_index: f64, growth: f64, shock_cost: f64) -> f64 {
    let prices = if line.indexed { price_index } else { 1.0 };
    line.base * prices * growth * shock_cost
}

/// h_t, the on-budget share of the line after the staged handover.
pub fn on_budget_share(line: &CostLine, t: u32) -> f64 {
    ramp_share(line.handover.as_ref(), t)
}

/// The line's need, cost_t · h_t.
pub fn line_need(line: &CostLine, t: u32, price_index: f64, growth: f64, shock_cost: f64) -> f64 {
    line_cost(line, price_index, growth, shock_cost) * on_budget_share(line, t)
}

/// (1 + real benefit growth/100)^t of a programme.
pub fn benefit_growth(p: &Programme, t: u32) -> f64 {
    compound(p.real_benefit_growth_pct, t)
}

/// benefit_t = benefit_base · (P_t if indexed) · (1 + real benefit growth)^t,
/// with the growth factor from `benefit_growth`.
pub fn benefit(p: &Programme, price_index: f64, growth: f64) -> f64 {
    let prices = if p.indexed { price_index } else { 1.0 };
    p.benefit_base * prices * growth
}

/// The programme's need: eligible_t · coverage_t · benefit_t · (1 + admin) · S^cost_t.
pub fn programme_need(
    p: &Programme,
    t: u32,
    population: f64,
    price_index: f64,
    growth: f64,
    shock_cost: f64,
) -> f64 {
    let eligible = population * p.eligible_share_pct / 100.0;
    let coverage = ramp_share(p.coverage.as_ref(), t);
    eligible * coverage * benefit(p, price_index, growth) * (1.0 + p.admin_pct / 100.0) * shock_cost
}
