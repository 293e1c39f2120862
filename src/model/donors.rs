//! MODEL.md "Donors": the taper multiplier m(t) and each donor kind's flow.
//! Budget support and co-financing are evaluated first, in listed order;
//! gap-filling donors (sunset facilities) come last, in listed order, each
//! topping up what is still missing, up to its cap. Powers and exponentials
//! go through `libm` (MODEL.md "Bit for bit").

use super::plan::{Currency, Donor, DonorKind, Taper};

/// m(t) in [0, 1] for a taper shape, its optional `end` cliff included.
pub fn taper_multiplier(taper: &Taper, t: u32) -> f64 {
    let tf = f64::from(t);
    let (m, end) = match *taper {
        Taper::None { end } => (1.0, end),
        Taper::Linear { start, end } => {
            let m = if t <= start {
                1.0
            } else if t >= end {
                0.0
            } else {
                1.0 - (tf - f64::from(start)) / (f64::from(end) - f64::from(start))
            };
            (m, Some(end))
        }
        Taper::Exponential {
            start,
            rate_pct,
            end,
        } => {
            let m = if t <= start {
                1.0
            } else {
                libm::pow(1.0 - rate_pct / 100.0, f64::from(t - start))
            };
            (m, end)
        }
        Taper::Steps { ref points, end } => {
            // pct of the last point with t_i <= t; 1 before the first.
            let m = points
                .iter()
                .take_while(|p| p.0 <= t)
                .last()
                .map_or(1.0, |p| p.1 / 100.0);
            (m, end)
        }
        Taper::Logistic {
            midpoint,
            steepness,
            end,
        } => (logistic(midpoint, steepness, tf), end),
    };
    if end.is_some_and(|e| t >= e) {
        0.0
    } else {
        // Clamped for logistic (MODEL.md) and harmless for the others; NaN stays NaN
        // so that the overflow check names the year.
        m.clamp(0.0, 1.0)
    }
}

/// (1 + e^(-k·mid)) / (1 + e^(k·(t - mid))). When a term overflows (a
/// steep curve or a midpoint far from t) the same ratio is taken in logs,
/// ln(1 + e^x) = max(x, 0) + ln(1 + e^(-|x|)), which stays finite for any
/// finite input; otherwise the direct form, the spec's formula, is kept.
fn logistic(midpoint: f64, steepness: f64, t: f64) -> f64 {
    let (a, b) = (-steepness * midpoint, steepness * (t - midpoint));
    let (exp_a, exp_b) = (libm::exp(a), libm::exp(b));
    let direct = (1.0 + exp_a) / (1.0 + exp_b);
    if direct.is_finite() && exp_a.is_finite() && exp_b.is_finite() {
        return direct;
    }
    let softplus = |x: f64| x.max(0.0) + libm::log1p(libm::exp(-x.abs()));
    libm::exp(softplus(a) - softplus(b))
}

/// The taper a donor uses: its own, or `none`.
pub fn taper_of(donor: &Donor) -> &Taper {
    const NONE: Taper = Taper::None { end: None };
    donor.taper.as_ref().unwrap_or(&NONE)
}

/// X_t: the exchange rate for a USD donor, 1 for an LCU one.
pub fn currency_factor(donor: &Donor, fx: f64) -> f64 {
    match donor.currency {
        Some(Currency::Usd) => fx,
        _ => 1.0,
    }
}

/// F, the share of pledges actually disbursed.
pub fn fulfilment(donor: &Donor) -> f64 {
    donor.fulfilment_pct / 100.0
}

/// base · m(t) · X_t · F · S^don_t: a budget-support flow, or a gap-filling
/// cap, given m(t) (`taper_multiplier`, taken once per plan) and F (the
/// plan's `fulfilment`, or a Monte Carlo path's).
pub fn pledged_flow(donor: &Donor, taper: f64, fx: f64, fulfilment: f64, shock_donor: f64) -> f64 {
    donor.base.unwrap_or(0.0) * taper * currency_factor(donor, fx) * fulfilment * shock_donor
}

/// s_t, the country's share of a co-financed item, in percent.
pub fn country_share_pct(initial_pct: f64, step_pp: f64, start: u32, t: u32) -> f64 {
    if t < start {
        initial_pct
    } else {
        (initial_pct + step_pp * f64::from(t - start)).min(100.0)
    }
}

/// D_t of a co-financing donor given its target's need this year and F.
pub fn cofinancing_flow(
    donor: &Donor,
    target_need: f64,
    t: u32,
    fulfilment: f64,
    shock_donor: f64,
) -> f64 {
    let s = country_share_pct(
        donor.initial_country_share_pct.unwrap_or(0.0),
        donor.step_pp.unwrap_or(0.0),
        donor.start.unwrap_or(0),
        t,
    );
    target_need * (1.0 - s / 100.0) * fulfilment * shock_donor
}

/// D_t of a gap-filling donor: min(cap_t, what is still missing), never negative.
pub fn gap_filling_flow(cap: f64, still_missing: f64) -> f64 {
    cap.min(still_missing.max(0.0))
}

/// Donor indices in evaluation order: every donor that is not gap-filling in
/// listed order, then the gap-filling ones in listed order.
pub fn evaluation_order(donors: &[Donor]) -> impl Iterator<Item = usize> + '_ {
    let first = donors
        .iter()
        .enumerate()
        .filter(|(_, d)| d.kind != DonorKind::GapFilling);
    let last = donors
        .iter()
        .enumerate()
        .filter(|(_, d)| d.kind == DonorKind::GapFilling);
    first.chain(last).map(|(i, _)| i)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(taper: &Taper) -> Vec<f64> {
        (0..7).map(|t| taper_multiplier(taper, t)).collect()
    }

    #[test]
    fn none_is_one_until_its_end() {
        assert_eq!(m(&Taper::None { end: None }), vec![1.0; 7]);
        assert_eq!(
            m(&Taper::None { end: Some(3) }),
            vec![1.0, 1.0, 1.0, 0.0, 0.0, 0.0, 0.0]
        );
    }

    #[test]
    fn linear_falls_from_start_to_end() {
        // start 1, end 5: 1 at t<=1, then 1 - (t-1)/4 = .75, .5, .25, 0 at t>=5.
        assert_eq!(
            m(&Taper::Linear { start: 1, end: 5 }),
            vec![1.0, 1.0, 0.75, 0.5, 0.25, 0.0, 0.0]
        );
    }

    #[test]
    fn exponential_decays_after_start_and_ends() {
        // start 2, 50 %: 1, 1, 1, .5, .25, then the end at 5 cuts it to 0.
        let taper = Taper::Exponential {
            start: 2,
            rate_pct: 50.0,
            end: Some(5),
        };
        assert_eq!(m(&taper), vec![1.0, 1.0, 1.0, 0.5, 0.25, 0.0, 0.0]);
    }

    #[test]
    fn steps_hold_the_last_point_reached() {
        // 1 before t=2; 80 % from 2; 30 % from 4; end at 6.
        let taper = Taper::Steps {
            points: vec![(2, 80.0), (4, 30.0)],
            end: Some(6),
        };
        assert_eq!(m(&taper), vec![1.0, 1.0, 0.8, 0.8, 0.3, 0.3, 0.0]);
    }

    #[test]
    fn logistic_is_one_at_zero_and_half_near_midpoint() {
        // midpoint 3, steepness 1: m(0) = (1+e^-3)/(1+e^-3) = 1;
        // m(3) = (1+e^-3)/2 = 0.52489...; m(6) = (1+e^-3)/(1+e^3) = 0.04978...
        let taper = Taper::Logistic {
            midpoint: 3.0,
            steepness: 1.0,
            end: None,
        };
        assert_eq!(taper_multiplier(&taper, 0), 1.0);
        assert!((taper_multiplier(&taper, 3) - (1.0 + libm::exp(-3.0)) / 2.0).abs() < 1e-15);
        assert!(
            (taper_multiplier(&taper, 6) - (1.0 + libm::exp(-3.0)) / (1.0 + libm::exp(3.0))).abs()
                < 1e-15
        );
    }

    #[test]
    fn logistic_with_zero_steepness_is_one_and_extremes_stay_finite() {
        // steepness 0: (1 + e^0)/(1 + e^0) = 1 every year.
        assert_eq!(
            m(&Taper::Logistic {
                midpoint: 1.0,
                steepness: 0.0,
                end: None
            }),
            vec![1.0; 7]
        );
        // midpoint -100, steepness 10: e^1000 overflows, but the ratio is
        // (1 + e^1000)/(1 + e^(10 t + 1000)) ≈ e^(-10 t): 1 at t = 0, e^-10 at t = 1.
        let steep = Taper::Logistic {
            midpoint: -100.0,
            steepness: 10.0,
            end: None,
        };
        assert_eq!(taper_multiplier(&steep, 0), 1.0);
        assert!((taper_multiplier(&steep, 1) - libm::exp(-10.0)).abs() < 1e-15);
        // A huge steepness is a cliff at the midpoint: 1 before, 0 after.
        let cliff = Taper::Logistic {
            midpoint: 2.5,
            steepness: 1e6,
            end: None,
        };
        assert_eq!(m(&cliff), vec![1.0, 1.0, 1.0, 0.0, 0.0, 0.0, 0.0]);
    }

    #[test]
    fn steps_without_points_are_one() {
        assert_eq!(
            m(&Taper::Steps {
                points: vec![],
                end: None
            }),
            vec![1.0; 7]
        );
    }

    #[test]
    fn country_share_rises_by_steps_to_100() {
        // 10 % before start 2, then 10 + 40 (t - 2) capped at 100.
        let s: Vec<f64> = (0..5)
            .map(|t| country_share_pct(10.0, 40.0, 2, t))
            .collect();
        assert_eq!(s, vec![10.0, 10.0, 10.0, 50.0, 90.0]);
        assert_eq!(country_share_pct(10.0, 40.0, 2, 5), 100.0);
    }
}
