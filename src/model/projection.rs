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

/// The numeric per-year fields of MODEL.md's result, in result order,
/// without `year`: what criteria, charts and the CSV export can name.
pub const METRICS: &[&str] = &[
    "gdp",
    "price_index",
    "population",
    "fx",
    "local_revenue",
    "need",
    "donor_funding",
    "programmed_donor_funding",
    "balance",
    "reserve",
    "deposit",
    "draw",
    "unfunded_gap",
    "fiscal_space",
    "self_sufficiency_pct",
    "donor_share_pct",
    "revenue_pct_gdp",
    "social_protection_pct_gdp",
    "donor_drop_pct",
];

impl YearResult {
    /// The per-year figure called `name` (one of `METRICS`), or None.
    pub fn metric(&self, name: &str) -> Option<f64> {
        METRICS
            .iter()
            .position(|m| *m == name)
            .and_then(|i| self.metric_at(i))
    }

    /// The figure `METRICS[index]`, or None past the end. Lets a caller
    /// resolve a name once and read it every year without comparing strings.
    pub fn metric_at(&self, index: usize) -> Option<f64> {
        Some(match index {
            0 => self.gdp,
            1 => self.price_index,
            2 => self.population,
            3 => self.fx,
            4 => self.local_revenue,
            5 => self.need,
            6 => self.donor_funding,
            7 => self.programmed_donor_funding,
            8 => self.balance,
            9 => self.reserve,
            10 => self.deposit,
            11 => self.draw,
            12 => self.unfunded_gap,
            13 => self.fiscal_space,
            14 => self.self_sufficiency_pct,
            15 => self.donor_share_pct,
            16 => self.revenue_pct_gdp,
            17 => self.social_protection_pct_gdp,
            18 => self.donor_drop_pct,
            _ => return None,
        })
    }
}

/// The position of a metric name in `METRICS`.
pub fn metric_index(name: &str) -> Option<usize> {
    METRICS.iter().position(|m| *m == name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_metric_name_reads_its_own_field() {
        let y = YearResult {
            gdp: 1.0,
            need: 6.0,
            donor_drop_pct: 19.0,
            ..Default::default()
        };
        assert_eq!(y.metric("gdp"), Some(1.0));
        assert_eq!(y.metric("need"), Some(6.0));
        assert_eq!(y.metric("donor_drop_pct"), Some(19.0));
        assert_eq!(y.metric("year"), None);
        assert_eq!(METRICS.len(), 19);
        assert!((0..METRICS.len()).all(|i| y.metric_at(i).is_some()));
    }
}
