//! MODEL.md "Indicators, per year": ratios a ministry reads off the
//! projection, with the spec's rules for dividing by zero.

/// 100 · L / N, 100 when N = 0 (nothing to finance is self-sufficient).
pub fn self_sufficiency_pct(local_revenue: f64, need: f64) -> f64 {
    if need == 0.0 {
        100.0
    } else {
        100.0 * local_revenue / need
    }
}

/// 100 · G / (L + G), 0 when L + G = 0.
pub fn donor_share_pct(donor_funding: f64, local_revenue: f64) -> f64 {
    let total = local_revenue + donor_funding;
    if total == 0.0 {
        0.0
    } else {
        100.0 * donor_funding / total
    }
}

/// 100 · x / GDP.
pub fn pct_of_gdp(x: f64, gdp: f64) -> f64 {
    100.0 * x / gdp
}

/// 100 · max(0, Q_{t-1} - Q_t) / N_t; 0 in plan year 0 (`prev_programmed`
/// None), when N_t = 0, or when the drop is at most ε_t. It measures what
/// donors programme, so a facility paying less because the gap closed is
/// not a cliff.
pub fn donor_drop_pct(prev_programmed: Option<f64>, programmed: f64, need: f64, epsilon: f64) -> f64 {
    match prev_programmed {
        Some(prev) if need != 0.0 && prev - programmed > epsilon => 100.0 * (prev - programmed) / need,
        _ => 0.0,
    }
}
