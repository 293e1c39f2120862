//! MODEL.md "Conventions": the ramp used by handovers and coverage, and the
//! zero tolerance ε_t that turns rounding residues into exact zeros.
//! Nothing here knows about plans; the section modules build on it.

/// `ramp(from, to, start, years)(t)`: `from` before `start`, `to` from
/// `start + years` on, a straight line in between; `years = 0` is a step
/// at `start`.
pub fn ramp(from: f64, to: f64, start: u32, years: u32, t: u32) -> f64 {
    // u64 so that a start near u32::MAX cannot overflow.
    let (t, start, years) = (u64::from(t), u64::from(start), u64::from(years));
    if t < start {
        from
    } else if t >= start + years {
        to
    } else {
        from + (to - from) * (t - start) as f64 / years as f64
    }
}

/// ε_t = 1e-9 · max(1, N_t, L_t + G_t).
pub fn epsilon(need: f64, local_plus_donor: f64) -> f64 {
    1e-9 * 1f64.max(need).max(local_plus_donor)
}

/// `x` with |x| <= ε replaced by an exact 0.
pub fn snap_zero(x: f64, epsilon: f64) -> f64 {
    if x.abs() <= epsilon {
        0.0
    } else {
        x
    }
}

/// Σ x, starting from +0 so that an empty list sums to 0, not -0
/// (std's float `sum` starts from -0, which would print as "-0").
pub fn total(xs: impl IntoIterator<Item = f64>) -> f64 {
    xs.into_iter().fold(0.0, |acc, x| acc + x)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_empty_total_is_plus_zero() {
        assert!(total([]).is_sign_positive());
        assert_eq!(total([1.5, 2.5]), 4.0);
    }

    #[test]
    fn ramp_runs_from_start_over_years() {
        // ramp(40, 100, 2, 3): 40 at t=0,1,2; 60, 80 at t=3,4; 100 from t=5.
        let r: Vec<f64> = (0..7).map(|t| ramp(40.0, 100.0, 2, 3, t)).collect();
        assert_eq!(r, vec![40.0, 40.0, 40.0, 60.0, 80.0, 100.0, 100.0]);
    }

    #[test]
    fn ramp_with_zero_years_steps_at_start() {
        assert_eq!(ramp(10.0, 50.0, 3, 0, 2), 10.0);
        assert_eq!(ramp(10.0, 50.0, 3, 0, 3), 50.0);
    }

    #[test]
    fn residues_below_epsilon_are_zero() {
        let eps = epsilon(1e12, 5e11); // 1e-9 · 1e12 = 1000
        assert!((eps - 1000.0).abs() < 1e-9);
        assert_eq!(snap_zero(999.0, eps), 0.0);
        assert_eq!(snap_zero(-999.9, eps), 0.0);
        assert_eq!(snap_zero(1001.0, eps), 1001.0);
        assert_eq!(epsilon(0.0, 0.0), 1e-9);
    }
}
