//! MODEL.md "Shocks": temporary multipliers on revenue, costs and donor
//! flows. Overlapping shocks multiply. The core revenue path is untouched.

use super::plan::Shock;

/// S^rev_t, S^cost_t and S^don_t of one plan year.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ShockMultipliers {
    pub revenue: f64,
    pub cost: f64,
    pub donor: f64,
}

impl ShockMultipliers {
    pub const NONE: ShockMultipliers = ShockMultipliers {
        revenue: 1.0,
        cost: 1.0,
        donor: 1.0,
    };
}

/// Whether a shock is active in plan year t: at <= t < at + years.
pub fn is_active(shock: &Shock, t: u32) -> bool {
    let t = u64::from(t);
    u64::from(shock.at) <= t && t < u64::from(shock.at) + u64::from(shock.years)
}

/// The product of every active shock's multipliers in plan year t.
pub fn shock_multipliers(shocks: &[Shock], t: u32) -> ShockMultipliers {
    shocks
        .iter()
        .filter(|s| is_active(s, t))
        .fold(ShockMultipliers::NONE, |acc, s| ShockMultipliers {
            revenue: acc.revenue * (1.0 + s.revenue_pct / 100.0),
            cost: acc.cost * (1.0 + s.cost_pct / 100.0),
            donor: acc.donor * (1.0 + s.donor_pct / 100.0),
        })
}
