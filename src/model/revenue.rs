//! MODEL.md "Local revenue": each stream's core grows with nominal GDP at
//! its buoyancy; a revenue-administration reform adds points of GDP; shocks
//! scale the year's take without touching the core path. Powers go through
//! `libm` so that every platform gives the same bits (MODEL.md "Bit for bit").

use super::plan::Reform;

/// C_t = C_{t-1} (1 + n_t)^b.
pub fn core_next(prev_core: f64, nominal_growth: f64, buoyancy: f64) -> f64 {
    prev_core * libm::pow(1.0 + nominal_growth, buoyancy)
}

/// U_t = GDP_t · gain · clamp(t - start + 1, 0, years) / 100.
pub fn reform_yield(reform: &Reform, gdp: f64, t: u32) -> f64 {
    let steps = (i64::from(t) - i64::from(reform.start) + 1).clamp(0, i64::from(reform.years));
    gdp * reform.gain_pct_gdp_per_year * steps as f64 / 100.0
}

/// R_t = (C_t + U_t) · S^rev_t.
pub fn stream_revenue(core: f64, reform_yield: f64, shock_revenue: f64) -> f64 {
    (core + reform_yield) * shock_revenue
}
