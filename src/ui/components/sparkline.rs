//! A small line of values in 0–1 over plan years: the shape of a handover,
//! a coverage ramp or a donor taper at a glance. Decorative; the numbers
//! are in the fields beside it.

use yew::prelude::*;

use crate::model::{Ramp, Taper};

const W: f64 = 160.0;
const H: f64 = 36.0;

/// A line of `values` (one per plan year, 0 to 1), with its label for
/// screen readers and its test id. A plain function, not a component: the
/// section has computed the values anyway.
#[inline(never)]
pub fn sparkline(values: &[f64], label: &str, testid: String) -> Html {
    let n = values.len();
    let x = |i: usize| {
        if n > 1 {
            2.0 + (W - 4.0) * i as f64 / (n - 1) as f64
        } else {
            W / 2.0
        }
    };
    let y = |v: f64| 2.0 + (H - 4.0) * (1.0 - v.clamp(0.0, 1.0));
    // A step line: the model is annual, so a value holds for its whole year.
    let mut d = String::new();
    for (i, v) in values.iter().enumerate() {
        let cmd = if i == 0 { 'M' } else { 'L' };
        d.push_str(&format!("{cmd}{:.1},{:.1} ", x(i), y(*v)));
    }
    html! {
        <svg class="sparkline" viewBox={format!("0 0 {W} {H}")} width={W.to_string()} height={H.to_string()}
            role="img" aria-label={label.to_string()} data-testid={testid}>
            <line class="axis" x1="0" x2={W.to_string()} y1={y(0.0).to_string()} y2={y(0.0).to_string()} />
            <line class="axis top" x1="0" x2={W.to_string()} y1={y(1.0).to_string()} y2={y(1.0).to_string()} />
            <path d={d} />
        </svg>
    }
}

/// MODEL.md's `ramp(from, to, start, years)(t) / 100` for t in 0..horizon.
pub fn ramp_values(r: &Ramp, horizon: u32) -> Vec<f64> {
    (0..horizon.min(60))
        .map(|t| {
            let v = if t < r.start {
                r.from_pct
            } else if t >= r.start.saturating_add(r.years) {
                r.to_pct
            } else {
                r.from_pct + (r.to_pct - r.from_pct) * (t - r.start) as f64 / r.years as f64
            };
            v / 100.0
        })
        .collect()
}

/// MODEL.md's taper multiplier m(t) for t in 0..horizon (a preview only;
/// the model computes the figures).
pub fn taper_values(taper: &Taper, horizon: u32) -> Vec<f64> {
    (0..horizon.min(60)).map(|t| taper_at(taper, t)).collect()
}

fn taper_at(taper: &Taper, t: u32) -> f64 {
    let tf = t as f64;
    let (m, end) = match taper {
        Taper::None { end } => (1.0, *end),
        Taper::Linear { start, end } => {
            let m = if t <= *start {
                1.0
            } else if t >= *end {
                0.0
            } else {
                1.0 - (tf - *start as f64) / (*end as f64 - *start as f64)
            };
            (m, Some(*end))
        }
        Taper::Exponential {
            start,
            rate_pct,
            end,
        } => {
            let m = if t <= *start {
                1.0
            } else {
                (1.0 - rate_pct / 100.0).powf(tf - *start as f64)
            };
            (m, *end)
        }
        Taper::Steps { points, end } => {
            let m = points
                .iter()
                .rev()
                .find(|(pt, _)| *pt <= t)
                .map_or(1.0, |(_, pct)| pct / 100.0);
            (m, *end)
        }
        Taper::Logistic {
            midpoint,
            steepness,
            end,
        } => {
            let m =
                (1.0 + (-steepness * midpoint).exp()) / (1.0 + (steepness * (tf - midpoint)).exp());
            (
                if m.is_finite() {
                    m.clamp(0.0, 1.0)
                } else {
                    0.0
                },
                *end,
            )
        }
    };
    if end.is_some_and(|e| t >= e) {
        0.0
    } else {
        m
    }
}
