//! The projection: what `evaluate` returns, one `YearResult` per plan year
//! and a `Summary` of headline results (MODEL.md "Indicators" and
//! "Headline results"). Breakdowns are kept as vectors aligned with the
//! plan's lists (revenues[i] is the plan's revenues[i]) so evaluation does
//! not allocate names; `to_json` gives the MODEL.md result shape with names.

/// Every per-year figure of MODEL.md for one plan year.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct YearResult {
    /// Calendar year, `start_year + t`.
    pub year: i32,
    pub gdp: f64,
    pub price_index: f64,
    pub population: f64,
    /// LCU per USD.
    pub fx: f64,
    pub local_revenue: f64,
    pub need: f64,
    pub donor_funding: f64,
    pub programmed_donor_funding: f64,
    pub balance: f64,
    pub reserve: f64,
    pub deposit: f64,
    pub draw: f64,
    pub unfunded_gap: f64,
    pub fiscal_space: f64,
    pub self_sufficiency_pct: f64,
    pub donor_share_pct: f64,
    pub revenue_pct_gdp: f64,
    pub social_protection_pct_gdp: f64,
    pub donor_drop_pct: f64,
    /// R_t per revenue stream, in plan order.
    pub revenues: Vec<f64>,
    /// Each cost line's need (cost_t · h_t), in plan order.
    pub costs: Vec<f64>,
    /// Each programme's need, in plan order.
    pub programmes: Vec<f64>,
    /// D_t per donor, in plan order.
    pub donors: Vec<f64>,
}

/// Headline results. A year that does not exist is `None` (JSON `null`).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Summary {
    pub self_sufficiency_year: Option<i32>,
    pub donor_exit_year: Option<i32>,
    pub cumulative_gap: f64,
    pub cumulative_gap_npv: f64,
    pub peak_gap: f64,
    pub peak_gap_year: Option<i32>,
    pub total_donor_funding: f64,
    pub total_donor_funding_npv: f64,
    pub max_donor_drop_pct: f64,
    pub max_donor_drop_year: Option<i32>,
    /// One entry per plan criterion, in plan order: (key, year met). The key
    /// is the criterion's name, or its index as a string.
    pub criteria: Vec<(String, Option<i32>)>,
    pub reengagement_years: Vec<i32>,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Projection {
    pub years: Vec<YearResult>,
    pub summary: Summary,
}
