//! MODEL.md "Balance and reserve fund": a surplus first fills the reserve up
//! to its target, the rest is fiscal space; a deficit draws the reserve and
//! what it cannot cover is the unfunded gap.

use super::conventions::snap_zero;
use super::plan::Reserve;

/// The reserve's figures for one plan year.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ReserveYear {
    pub deposit: f64,
    pub draw: f64,
    pub unfunded_gap: f64,
    pub fiscal_space: f64,
    /// V_t, the reserve at the end of the year.
    pub closing: f64,
}

/// opening_t = V_{t-1} (1 + interest).
pub fn opening(reserve: &Reserve, prev_closing: f64) -> f64 {
    prev_closing * (1.0 + reserve.interest_pct / 100.0)
}

/// target_t = target_months / 12 · N_t.
pub fn target(reserve: &Reserve, need: f64) -> f64 {
    reserve.target_months / 12.0 * need
}

/// One year of the reserve given the balance B_t (already snapped to zero).
pub fn reserve_year(reserve: &Reserve, prev_closing: f64, balance: f64, need: f64, epsilon: f64) -> ReserveYear {
    let opening = opening(reserve, prev_closing);
    if balance >= 0.0 {
        let deposit = balance.min((target(reserve, need) - opening).max(0.0));
        ReserveYear {
            deposit,
            draw: 0.0,
            unfunded_gap: 0.0,
            fiscal_space: balance - deposit,
            closing: opening + deposit,
        }
    } else {
        let draw = snap_zero((-balance).min(opening), epsilon);
        let unfunded_gap = snap_zero(-balance - draw, epsilon);
        ReserveYear { deposit: 0.0, draw, unfunded_gap, fiscal_space: 0.0, closing: opening - draw }
    }
}
