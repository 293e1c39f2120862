//! MODEL.md "Macro path": real growth, inflation, the price index, GDP,
//! population and the exchange rate, year by year. Overrides replace the
//! constant rates for single plan years. Not revenue or need.

use super::plan::Macro;

/// The macro figures of one plan year.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct MacroYear {
    /// GDP_t, nominal LCU.
    pub gdp: f64,
    /// P_t, 1 in plan year 0.
    pub price_index: f64,
    /// pop_t.
    pub population: f64,
    /// fx_t, LCU per USD.
    pub fx: f64,
    /// n_t = GDP_t / GDP_{t-1} - 1; 0 in plan year 0 (unused there).
    pub nominal_growth: f64,
}

/// g_t: the override for plan year t, or the constant rate.
pub fn real_growth_pct(m: &Macro, t: u32) -> f64 {
    m.overrides
        .real_growth_pct
        .get(&t)
        .copied()
        .unwrap_or(m.real_growth_pct)
}

/// π_t: the override for plan year t, or the constant rate.
pub fn inflation_pct(m: &Macro, t: u32) -> f64 {
    m.overrides
        .inflation_pct
        .get(&t)
        .copied()
        .unwrap_or(m.inflation_pct)
}

/// Plan year 0: the base figures as given (overrides for t = 0 change nothing).
pub fn macro_year_zero(m: &Macro) -> MacroYear {
    MacroYear {
        gdp: m.gdp_base,
        price_index: 1.0,
        population: m.population_base,
        fx: m.fx_base,
        nominal_growth: 0.0,
    }
}

/// Plan year t >= 1 from year t - 1.
pub fn macro_year_next(m: &Macro, t: u32, prev: &MacroYear) -> MacroYear {
    let g = real_growth_pct(m, t) / 100.0;
    let pi = inflation_pct(m, t) / 100.0;
    let gdp = prev.gdp * (1.0 + g) * (1.0 + pi);
    // Purchasing-power parity plus any real depreciation.
    let fx = prev.fx * (1.0 + pi) / (1.0 + m.foreign_inflation_pct / 100.0)
        * (1.0 + m.real_depreciation_pct / 100.0);
    MacroYear {
        gdp,
        price_index: prev.price_index * (1.0 + pi),
        population: prev.population * (1.0 + m.population_growth_pct / 100.0),
        fx,
        nominal_growth: gdp / prev.gdp - 1.0,
    }
}
