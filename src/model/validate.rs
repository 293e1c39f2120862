//! MODEL.md "Bad input": every rule a plan must meet, checked on the typed
//! plan, every problem reported with its path. Rules on the file's shape
//! (unknown fields, wrong types, time points that are not whole) are found
//! earlier, by `parse`; this module also guards plans built in code.
//!
//! Where MODEL.md is silent we chose (see docs/model-notes.md):
//! - names must not be empty or blank (they key the result's breakdowns);
//! - `meta.start_year` lies in 1900–2200;
//! - `meta.exit_threshold_pct` is a share (0–100);
//! - a reform's `gain_pct_gdp_per_year` lies in 0–100;
//! - logistic `midpoint` is any finite number (a point on a curve, not a
//!   time point), `steepness` any finite number 0 or more (0 is m ≡ 1);
//! - a `steps` taper may list no points (m ≡ 1, "1 before the first");
//! - `end` must be after `start` for the shapes that have a start
//!   (linear, exponential);
//! - criterion keys (name, or index for an unnamed one) must be unique;
//! - a criterion's `value` is any finite number;
//! - reserve `target_months` and `reserve_floor_months` are 0 or more.

use std::collections::HashMap;

use super::plan::{Donor, DonorKind, Plan, Ramp, Taper, FORMAT, VERSION};
use super::projection::METRICS;
use super::Problem;

/// The longest plan, in years.
pub const MAX_HORIZON: u32 = 60;
/// The range of `meta.start_year`.
pub const START_YEARS: std::ops::RangeInclusive<i32> = 1900..=2200;

/// Every problem of a plan, or Ok.
pub fn validate(plan: &Plan) -> Result<(), Vec<Problem>> {
    let mut c = Checker::default();
    c.format_and_version(plan);
    c.meta(plan);
    c.macro_path(plan);
    c.revenues(plan);
    c.costs_and_programmes(plan);
    c.donors(plan);
    c.shocks(plan);
    c.reserve(plan);
    c.criteria(plan);
    c.reengagement(plan);
    if c.problems.is_empty() {
        Ok(())
    } else {
        Err(c.problems)
    }
}

/// Collects problems; each check formats a path only when it finds one.
#[derive(Default)]
struct Checker {
    problems: Vec<Problem>,
}

fn join(prefix: &str, field: &str) -> String {
    if prefix.is_empty() {
        field.to_string()
    } else {
        format!("{prefix}.{field}")
    }
}

/// A number as a message shows it: plain for everyday sizes, in scientific
/// notation when plain digits would run to dozens of characters (1e308).
fn shown(x: f64) -> String {
    if x == 0.0 || (1e-4..1e15).contains(&x.abs()) {
        format!("{x}")
    } else {
        format!("{x:e}")
    }
}

impl Checker {
    fn report(&mut self, path: String, message: String) {
        self.problems.push(Problem { path, message });
    }

    /// Finite, and inside [lo, hi] (or (lo, hi] when `open_low`).
    fn number(
        &mut self,
        prefix: &str,
        field: &str,
        x: f64,
        lo: f64,
        hi: f64,
        open_low: bool,
    ) -> bool {
        if !x.is_finite() {
            self.report(join(prefix, field), "must be a finite number".into());
            return false;
        }
        let low_ok = if open_low { x > lo } else { x >= lo };
        if !low_ok || x > hi {
            let message = if open_low {
                format!("must be above {lo} and at most {hi} (got {})", shown(x))
            } else {
                format!("must be between {lo} and {hi} (got {})", shown(x))
            };
            self.report(join(prefix, field), message);
            return false;
        }
        true
    }

    /// A share in percent, 0–100.
    fn share(&mut self, prefix: &str, field: &str, x: f64) {
        self.number(prefix, field, x, 0.0, 100.0, false);
    }

    /// A growth, inflation, interest or shock rate in percent: above -100, at most 1000.
    fn rate(&mut self, prefix: &str, field: &str, x: f64) {
        self.number(prefix, field, x, -100.0, 1000.0, true);
    }

    /// Money (or months of need): finite and not negative.
    fn non_negative(&mut self, prefix: &str, field: &str, x: f64) {
        if !x.is_finite() {
            self.report(join(prefix, field), "must be a finite number".into());
        } else if x < 0.0 {
            self.report(
                join(prefix, field),
                format!("must not be negative (got {})", shown(x)),
            );
        }
    }

    /// A base that must be above 0 (GDP, population, exchange rate).
    fn positive(&mut self, prefix: &str, field: &str, x: f64) {
        if !x.is_finite() {
            self.report(join(prefix, field), "must be a finite number".into());
        } else if x <= 0.0 {
            self.report(
                join(prefix, field),
                format!("must be above 0 (got {})", shown(x)),
            );
        }
    }

    fn name(&mut self, prefix: &str, name: &str) {
        if name.trim().is_empty() {
            self.report(join(prefix, "name"), "must not be empty".into());
        }
    }

    /// Names used twice in one list, reported at the second use.
    fn unique_names<'a>(&mut self, list: &str, names: impl Iterator<Item = &'a str>) {
        let mut seen: HashMap<&str, usize> = HashMap::new();
        for (i, n) in names.enumerate() {
            if let Some(first) = seen.get(n) {
                self.report(
                    format!("{list}[{i}].name"),
                    format!("\"{n}\" is already used by {list}[{first}]"),
                );
            } else {
                seen.insert(n, i);
            }
        }
    }

    fn format_and_version(&mut self, plan: &Plan) {
        if plan.format != FORMAT {
            self.report(
                "format".into(),
                format!("must be \"{FORMAT}\" (got \"{}\")", plan.format),
            );
        }
        if plan.version > VERSION {
            self.report(
                "version".into(),
                newer_version_message(u64::from(plan.version)),
            );
        } else if plan.version != VERSION {
            self.report(
                "version".into(),
                format!("must be {VERSION} (got {})", plan.version),
            );
        }
    }

    fn meta(&mut self, plan: &Plan) {
        let m = &plan.meta;
        if !START_YEARS.contains(&m.start_year) {
            self.report(
                "meta.start_year".into(),
                format!(
                    "must be a calendar year between {} and {} (got {})",
                    START_YEARS.start(),
                    START_YEARS.end(),
                    m.start_year
                ),
            );
        }
        if !(1..=MAX_HORIZON).contains(&m.horizon_years) {
            self.report(
                "meta.horizon_years".into(),
                format!(
                    "must be between 1 and {MAX_HORIZON} years (got {})",
                    m.horizon_years
                ),
            );
        }
        self.rate("meta", "discount_rate_pct", m.discount_rate_pct);
        self.share("meta", "exit_threshold_pct", m.exit_threshold_pct);
    }

    fn macro_path(&mut self, plan: &Plan) {
        let m = &plan.macro_path;
        self.positive("macro", "gdp_base", m.gdp_base);
        self.positive("macro", "population_base", m.population_base);
        self.positive("macro", "fx_base", m.fx_base);
        self.rate("macro", "real_growth_pct", m.real_growth_pct);
        self.rate("macro", "inflation_pct", m.inflation_pct);
        self.rate("macro", "population_growth_pct", m.population_growth_pct);
        self.rate("macro", "foreign_inflation_pct", m.foreign_inflation_pct);
        self.rate("macro", "real_depreciation_pct", m.real_depreciation_pct);
        for (t, x) in &m.overrides.real_growth_pct {
            self.rate("macro.overrides.real_growth_pct", &format!("{t}"), *x);
        }
        for (t, x) in &m.overrides.inflation_pct {
            self.rate("macro.overrides.inflation_pct", &format!("{t}"), *x);
        }
    }

    fn revenues(&mut self, plan: &Plan) {
        for (i, r) in plan.revenues.iter().enumerate() {
            let p = format!("revenues[{i}]");
            self.name(&p, &r.name);
            self.non_negative(&p, "base", r.base);
            self.number(&p, "buoyancy", r.buoyancy, 0.0, 5.0, false);
            if let Some(reform) = &r.reform {
                self.number(
                    &format!("{p}.reform"),
                    "gain_pct_gdp_per_year",
                    reform.gain_pct_gdp_per_year,
                    0.0,
                    100.0,
                    false,
                );
            }
        }
        self.unique_names("revenues", plan.revenues.iter().map(|r| r.name.as_str()));
    }

    fn ramp(&mut self, prefix: &str, r: &Ramp) {
        self.share(prefix, "from_pct", r.from_pct);
        self.share(prefix, "to_pct", r.to_pct);
    }

    fn costs_and_programmes(&mut self, plan: &Plan) {
        for (i, c) in plan.costs.iter().enumerate() {
            let p = format!("costs[{i}]");
            self.name(&p, &c.name);
            self.non_negative(&p, "base", c.base);
            self.rate(&p, "real_growth_pct", c.real_growth_pct);
            if let Some(h) = &c.handover {
                self.ramp(&format!("{p}.handover"), h);
            }
        }
        for (i, g) in plan.programmes.iter().enumerate() {
            let p = format!("programmes[{i}]");
            self.name(&p, &g.name);
            self.share(&p, "eligible_share_pct", g.eligible_share_pct);
            self.non_negative(&p, "benefit_base", g.benefit_base);
            self.rate(&p, "real_benefit_growth_pct", g.real_benefit_growth_pct);
            self.share(&p, "admin_pct", g.admin_pct);
            if let Some(cov) = &g.coverage {
                self.ramp(&format!("{p}.coverage"), cov);
            }
        }
        self.unique_names("costs", plan.costs.iter().map(|c| c.name.as_str()));
        self.unique_names(
            "programmes",
            plan.programmes.iter().map(|g| g.name.as_str()),
        );
        // A co-financing target names one item, so the two lists share a namespace.
        for (i, g) in plan.programmes.iter().enumerate() {
            if let Some(j) = plan.costs.iter().position(|c| c.name == g.name) {
                self.report(
                    format!("programmes[{i}].name"),
                    format!("\"{}\" is already the name of cost line costs[{j}]; a cost line and a programme need different names", g.name),
                );
            }
        }
    }

    fn donors(&mut self, plan: &Plan) {
        for (i, d) in plan.donors.iter().enumerate() {
            let p = format!("donors[{i}]");
            self.name(&p, &d.name);
            self.share(&p, "fulfilment_pct", d.fulfilment_pct);
            match d.kind {
                DonorKind::BudgetSupport | DonorKind::GapFilling => self.pledging_donor(&p, d),
                DonorKind::Cofinancing => self.cofinancing_donor(&p, d, plan),
            }
        }
        self.unique_names("donors", plan.donors.iter().map(|d| d.name.as_str()));
    }

    fn unused(&mut self, prefix: &str, field: &str, present: bool, kind: &str) {
        if present {
            self.report(
                join(prefix, field),
                format!("a {kind} donor does not use {field}; remove it"),
            );
        }
    }

    fn required(&mut self, prefix: &str, field: &str, present: bool, kind: &str) {
        if !present {
            self.report(
                join(prefix, field),
                format!("is required for a {kind} donor"),
            );
        }
    }

    /// budget_support and gap_filling: base, currency, taper.
    fn pledging_donor(&mut self, p: &str, d: &Donor) {
        let kind = kind_name(d.kind);
        self.required(p, "base", d.base.is_some(), kind);
        if let Some(base) = d.base {
            self.non_negative(p, "base", base);
        }
        if let Some(taper) = &d.taper {
            self.taper(&format!("{p}.taper"), taper);
        }
        self.unused(p, "target", d.target.is_some(), kind);
        self.unused(
            p,
            "initial_country_share_pct",
            d.initial_country_share_pct.is_some(),
            kind,
        );
        self.unused(p, "step_pp", d.step_pp.is_some(), kind);
        self.unused(p, "start", d.start.is_some(), kind);
    }

    /// cofinancing: target, initial_country_share_pct, step_pp, start.
    fn cofinancing_donor(&mut self, p: &str, d: &Donor, plan: &Plan) {
        let kind = kind_name(d.kind);
        self.unused(p, "base", d.base.is_some(), kind);
        self.unused(p, "currency", d.currency.is_some(), kind);
        self.unused(p, "taper", d.taper.is_some(), kind);
        self.required(p, "target", d.target.is_some(), kind);
        self.required(
            p,
            "initial_country_share_pct",
            d.initial_country_share_pct.is_some(),
            kind,
        );
        self.required(p, "step_pp", d.step_pp.is_some(), kind);
        self.required(p, "start", d.start.is_some(), kind);
        if let Some(s) = d.initial_country_share_pct {
            self.share(p, "initial_country_share_pct", s);
        }
        if let Some(s) = d.step_pp {
            self.share(p, "step_pp", s);
        }
        if let Some(target) = &d.target {
            let known = plan.costs.iter().any(|c| &c.name == target)
                || plan.programmes.iter().any(|g| &g.name == target);
            if !known {
                self.report(
                    join(p, "target"),
                    format!("no cost line or programme is named \"{target}\""),
                );
            }
        }
    }

    fn end_after_start(&mut self, p: &str, start: u32, end: Option<u32>) {
        if let Some(end) = end {
            if end <= start {
                self.report(join(p, "end"), format!("must be after start ({start})"));
            }
        }
    }

    fn taper(&mut self, p: &str, taper: &Taper) {
        match taper {
            Taper::None { .. } => {}
            Taper::Linear { start, end } => self.end_after_start(p, *start, Some(*end)),
            Taper::Exponential {
                start,
                rate_pct,
                end,
            } => {
                self.share(p, "rate_pct", *rate_pct);
                self.end_after_start(p, *start, *end);
            }
            Taper::Steps { points, .. } => {
                // No points is valid: m(t) is 1 before the first point, so always 1.
                for (i, (t, pct)) in points.iter().enumerate() {
                    self.share(&format!("{p}.points[{i}]"), "pct", *pct);
                    if i > 0 && points[i - 1].0 >= *t {
                        self.report(
                            format!("{p}.points[{i}]"),
                            format!(
                                "plan years must be strictly ascending ({t} follows {})",
                                points[i - 1].0
                            ),
                        );
                    }
                }
            }
            Taper::Logistic {
                midpoint,
                steepness,
                ..
            } => {
                // The midpoint is a real number on the curve, not a time point.
                if !midpoint.is_finite() {
                    self.report(join(p, "midpoint"), "must be a finite number".into());
                }
                // 0 is no taper (m ≡ 1); any larger finite value is a curve.
                self.non_negative(p, "steepness", *steepness);
            }
        }
    }

    fn shocks(&mut self, plan: &Plan) {
        for (i, s) in plan.shocks.iter().enumerate() {
            let p = format!("shocks[{i}]");
            if s.years < 1 {
                self.report(join(&p, "years"), "must be at least 1 year".into());
            }
            self.rate(&p, "revenue_pct", s.revenue_pct);
            self.rate(&p, "donor_pct", s.donor_pct);
            self.rate(&p, "cost_pct", s.cost_pct);
        }
    }

    fn reserve(&mut self, plan: &Plan) {
        let r = &plan.reserve;
        self.non_negative("reserve", "opening", r.opening);
        self.non_negative("reserve", "target_months", r.target_months);
        self.rate("reserve", "interest_pct", r.interest_pct);
    }

    fn criteria(&mut self, plan: &Plan) {
        let mut keys: HashMap<String, usize> = HashMap::new();
        for (i, c) in plan.criteria.iter().enumerate() {
            let p = format!("criteria[{i}]");
            if !METRICS.contains(&c.metric.as_str()) {
                self.report(
                    join(&p, "metric"),
                    format!(
                        "\"{}\" is not a per-year figure; use one of {}",
                        c.metric,
                        METRICS.join(", ")
                    ),
                );
            }
            if !c.value.is_finite() {
                self.report(join(&p, "value"), "must be a finite number".into());
            }
            if c.consecutive_years < 1 {
                self.report(join(&p, "consecutive_years"), "must be at least 1".into());
            }
            if let Some(name) = &c.name {
                if name.trim().is_empty() {
                    self.report(
                        join(&p, "name"),
                        "must not be empty (leave it out to key the result by index)".into(),
                    );
                }
            }
            let key = c.name.clone().unwrap_or_else(|| i.to_string());
            if let Some(first) = keys.get(&key) {
                self.report(
                    join(&p, "name"),
                    format!("\"{key}\" already keys criteria[{first}] in the result"),
                );
            } else {
                keys.insert(key, i);
            }
        }
    }

    fn reengagement(&mut self, plan: &Plan) {
        if let Some(r) = &plan.reengagement {
            self.share("reengagement", "trigger_pct", r.trigger_pct);
            self.non_negative(
                "reengagement",
                "reserve_floor_months",
                r.reserve_floor_months,
            );
        }
    }
}

/// The file name of a donor kind, for messages.
pub fn kind_name(kind: DonorKind) -> &'static str {
    match kind {
        DonorKind::BudgetSupport => "budget_support",
        DonorKind::Cofinancing => "cofinancing",
        DonorKind::GapFilling => "gap_filling",
    }
}

/// The message for a plan written by a newer release.
pub fn newer_version_message(version: u64) -> String {
    format!(
        "made by a newer release of Sunset Planner (plan format version {version}); this release reads version {VERSION}"
    )
}

#[cfg(test)]
mod shown_tests {
    use super::shown;

    #[test]
    fn huge_and_tiny_numbers_stay_short() {
        assert_eq!(shown(1e308), "1e308");
        assert_eq!(shown(-2.5e-7), "-2.5e-7");
        assert_eq!(shown(7.0), "7");
        assert_eq!(shown(-5.0), "-5");
        assert_eq!(shown(123456789012.0), "123456789012");
    }
}
