//! MODEL.md "Indicators, per year": ratios a ministry reads off the
//! projection, with the spec's rules for dividing by zero.

/// 100 · L / N, 100 when N = 0 (nothing to finance is self-sufficient).
/// Computed as 100 · (L / N): the ratio is exactly 1 when L == N and at
/// least 1 when L >= N (IEEE division is correctly rounded and monotone),
/// so rounding never flips "self-sufficient", and 100 · L cannot overflow
/// when L is near f64::MAX.
pub fn self_sufficiency_pct(local_revenue: f64, need: f64) -> f64 {
    if need == 0.0 {
        100.0
    } else {
        100.0 * (local_revenue / need)
    }
}

/// 100 · G / (L + G), 0 when L + G = 0. Computed as 100 · (G / (L + G)):
/// with L >= 0 the ratio is at most 1 (L + G rounds to at least G), so
/// the share never exceeds 100.
pub fn donor_share_pct(donor_funding: f64, local_revenue: f64) -> f64 {
    let total = local_revenue + donor_funding;
    if total == 0.0 {
        0.0
    } else {
        100.0 * (donor_funding / total)
    }
}

/// 100 · x / GDP, as 100 · (x / GDP) like every percentage here (no
/// overflow of 100 · x for x near f64::MAX).
pub fn pct_of_gdp(x: f64, gdp: f64) -> f64 {
    100.0 * (x / gdp)
}

/// 100 · max(0, Q_{t-1} - Q_t) / N_t; 0 in plan year 0 (`prev_programmed`
/// None), when N_t = 0, or when the drop is at most ε_t. It measures what
/// donors programme, so a facility paying less because the gap closed is
/// not a cliff.
pub fn donor_drop_pct(
    prev_programmed: Option<f64>,
    programmed: f64,
    need: f64,
    epsilon: f64,
) -> f64 {
    match prev_programmed {
        Some(prev) if need != 0.0 && prev - programmed > epsilon => {
            100.0 * ((prev - programmed) / need)
        }
        _ => 0.0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equal_revenue_and_need_is_exactly_100() {
        // L == N bit for bit: (100 · L) / N rounds 100 · 3295621231.654795
        // first and can land just below 100; 100 · (L / N) = 100 · 1 = 100.
        let x = 3295621231.654795;
        assert_eq!(self_sufficiency_pct(x, x), 100.0);
        // L = N = 1.7e308: 100 · L overflows to infinity; L / N = 1 does not.
        assert_eq!(self_sufficiency_pct(1.7e308, 1.7e308), 100.0);
    }

    #[test]
    fn donor_share_never_exceeds_100() {
        // The reviewer's case: G = 46716064.22270449, L = 0 in year 0 would be
        // 100 exactly; with a tiny L the old (100 · G) / (L + G) could round
        // above 100. G / (L + G) <= 1 whenever L >= 0.
        let g = 46716064.22270449;
        assert_eq!(donor_share_pct(g, 0.0), 100.0);
        for l in [0.0, 1e-300, 1e-9, 1.0] {
            assert!(donor_share_pct(g, l) <= 100.0, "L = {l}");
        }
    }
}
