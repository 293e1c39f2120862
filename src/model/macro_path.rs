//! MODEL.md "Macro path": real growth, inflation, the price index, GDP,
//! population and the exchange rate, year by year. Overrides replace the
//! constant rates for single plan years; a Monte Carlo path adds its
//! growth and inflation surprises here. Not revenue or need.

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

/// A rate with a Monte Carlo surprise added, floored as MODEL.md
/// "Uncertainty" says: max(rate + surprise, min(rate, -99)). A surprise may
/// push a rate down to -99 but no further (a rate already below -99 stays
/// the floor). With a zero surprise this is `rate` exactly.
pub fn surprised_rate(rate_pct: f64, surprise_pp: f64) -> f64 {
    (rate_pct + surprise_pp).max(rate_pct.min(-99.0))
}

/// Plan year t >= 1 from year t - 1, with the path's surprises d^g_t and
/// d^π_t in percentage points (0 and 0 for the plan as written).
pub fn macro_year_next(
    m: &Macro,
    t: u32,
    prev: &MacroYear,
    growth_surprise_pp: f64,
    inflation_surprise_pp: f64,
) -> MacroYear {
    let g = surprised_rate(real_growth_pct(m, t), growth_surprise_pp) / 100.0;
    let pi = surprised_rate(inflation_pct(m, t), inflation_surprise_pp) / 100.0;
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_surprise_may_not_push_a_rate_below_minus_99() {
        assert_eq!(surprised_rate(4.5, 0.0), 4.5);
        assert_eq!(surprised_rate(4.5, -2.0), 2.5);
        assert_eq!(surprised_rate(4.5, -200.0), -99.0);
        // A rate already below -99 keeps its own value as the floor.
        assert_eq!(surprised_rate(-99.5, -3.0), -99.5);
        assert_eq!(surprised_rate(-99.5, 1.0), -98.5);
    }
}
