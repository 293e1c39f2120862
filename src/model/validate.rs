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

use super::field::{At, Field, ListAt};
use super::plan::{
    root, Donor, DonorKind, Plan, Ramp, RampAt, Taper, TaperAt, FORMAT, MAX_NOTE_CHARS,
    MAX_SCENARIOS, OLDEST_VERSION, VERSION,
};
use super::problem::{Got, Problem, Rule};
use super::projection::METRICS;
use super::scenario;

/// The longest plan, in years.
pub const MAX_HORIZON: u32 = 60;
/// The most Monte Carlo paths a plan asks for.
pub const MAX_PATHS: u32 = 100_000;
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
    c.notes(plan);
    c.uncertainty(plan);
    let baseline_valid = c.problems.is_empty();
    c.scenarios(plan, baseline_valid);
    if c.problems.is_empty() {
        Ok(())
    } else {
        Err(c.problems)
    }
}

/// Collects problems.
#[derive(Default)]
struct Checker {
    problems: Vec<Problem>,
}

impl Checker {
    fn report(&mut self, path: Field, rule: Rule) {
        self.problems.push(Problem::new(path, rule));
    }

    /// Finite, and inside [lo, hi] (or (lo, hi] when `open_low`).
    fn number(&mut self, at: Field, x: f64, lo: f64, hi: f64, open_low: bool) -> bool {
        if !x.is_finite() {
            self.report(at, Rule::NotFinite);
            return false;
        }
        let low_ok = if open_low { x > lo } else { x >= lo };
        if !low_ok || x > hi {
            let rule = if open_low {
                Rule::AboveAtMost { lo, hi, got: x }
            } else {
                Rule::Between { lo, hi, got: x }
            };
            self.report(at, rule);
            return false;
        }
        true
    }

    /// A share in percent, 0–100.
    fn share(&mut self, at: Field, x: f64) {
        self.number(at, x, 0.0, 100.0, false);
    }

    /// A growth, inflation, interest or shock rate in percent: above -100, at most 1000.
    fn rate(&mut self, at: Field, x: f64) {
        self.number(at, x, -100.0, 1000.0, true);
    }

    /// Money (or months of need): finite and not negative.
    fn non_negative(&mut self, at: Field, x: f64) {
        if !x.is_finite() {
            self.report(at, Rule::NotFinite);
        } else if x < 0.0 {
            self.report(at, Rule::Negative { got: x });
        }
    }

    /// A base that must be above 0 (GDP, population, exchange rate).
    fn positive(&mut self, at: Field, x: f64) {
        if !x.is_finite() {
            self.report(at, Rule::NotFinite);
        } else if x <= 0.0 {
            self.report(at, Rule::NotPositive { got: x });
        }
    }

    fn name(&mut self, at: Field, name: &str) {
        if name.trim().is_empty() {
            self.report(at, Rule::Empty);
        }
    }

    /// Names used twice in one list, reported at the second use.
    fn unique_names<'a, A: At>(&mut self, list: ListAt<A>, names: impl Iterator<Item = &'a str>) {
        let mut seen: HashMap<&str, usize> = HashMap::new();
        for (i, n) in names.enumerate() {
            if let Some(first) = seen.get(n) {
                self.report(
                    list.at(i).field().key("name"),
                    Rule::NameTaken {
                        name: n.to_string(),
                        first: list.at(*first).field().clone(),
                    },
                );
            } else {
                seen.insert(n, i);
            }
        }
    }

    fn format_and_version(&mut self, plan: &Plan) {
        if plan.format != FORMAT {
            self.report(
                root().format(),
                Rule::WrongFormat {
                    got: plan.format.clone(),
                },
            );
        }
        if plan.version > VERSION {
            self.report(
                root().version(),
                Rule::NewerVersion {
                    version: u64::from(plan.version),
                },
            );
        } else if plan.version < OLDEST_VERSION {
            self.report(
                root().version(),
                Rule::WrongVersion {
                    got: Got::Number(plan.version.to_string()),
                },
            );
        }
    }

    fn meta(&mut self, plan: &Plan) {
        let (m, at) = (&plan.meta, root().meta());
        if !START_YEARS.contains(&m.start_year) {
            self.report(at.start_year(), Rule::StartYear { got: m.start_year });
        }
        if !(1..=MAX_HORIZON).contains(&m.horizon_years) {
            self.report(
                at.horizon_years(),
                Rule::Horizon {
                    got: m.horizon_years,
                },
            );
        }
        self.rate(at.discount_rate_pct(), m.discount_rate_pct);
        self.share(at.exit_threshold_pct(), m.exit_threshold_pct);
    }

    fn macro_path(&mut self, plan: &Plan) {
        let (m, at) = (&plan.macro_path, root().macro_path());
        self.positive(at.gdp_base(), m.gdp_base);
        self.positive(at.population_base(), m.population_base);
        self.positive(at.fx_base(), m.fx_base);
        self.rate(at.real_growth_pct(), m.real_growth_pct);
        self.rate(at.inflation_pct(), m.inflation_pct);
        self.rate(at.population_growth_pct(), m.population_growth_pct);
        self.rate(at.foreign_inflation_pct(), m.foreign_inflation_pct);
        self.rate(at.real_depreciation_pct(), m.real_depreciation_pct);
        let overrides = at.overrides();
        for (t, x) in &m.overrides.real_growth_pct {
            self.rate(overrides.real_growth_pct().year(*t), *x);
        }
        for (t, x) in &m.overrides.inflation_pct {
            self.rate(overrides.inflation_pct().year(*t), *x);
        }
    }

    fn revenues(&mut self, plan: &Plan) {
        for (i, r) in plan.revenues.iter().enumerate() {
            let at = root().revenues().at(i);
            self.name(at.name(), &r.name);
            self.non_negative(at.base(), r.base);
            self.number(at.buoyancy(), r.buoyancy, 0.0, 5.0, false);
            if let Some(reform) = &r.reform {
                self.number(
                    at.reform().gain_pct_gdp_per_year(),
                    reform.gain_pct_gdp_per_year,
                    0.0,
                    100.0,
                    false,
                );
            }
        }
        self.unique_names(
            root().revenues(),
            plan.revenues.iter().map(|r| r.name.as_str()),
        );
    }

    fn ramp(&mut self, at: RampAt, r: &Ramp) {
        self.share(at.from_pct(), r.from_pct);
        self.share(at.to_pct(), r.to_pct);
    }

    fn costs_and_programmes(&mut self, plan: &Plan) {
        for (i, c) in plan.costs.iter().enumerate() {
            let at = root().costs().at(i);
            self.name(at.name(), &c.name);
            self.non_negative(at.base(), c.base);
            self.rate(at.real_growth_pct(), c.real_growth_pct);
            if let Some(h) = &c.handover {
                self.ramp(at.handover(), h);
            }
        }
        for (i, g) in plan.programmes.iter().enumerate() {
            let at = root().programmes().at(i);
            self.name(at.name(), &g.name);
            self.share(at.eligible_share_pct(), g.eligible_share_pct);
            self.non_negative(at.benefit_base(), g.benefit_base);
            self.rate(at.real_benefit_growth_pct(), g.real_benefit_growth_pct);
            self.share(at.admin_pct(), g.admin_pct);
            if let Some(cov) = &g.coverage {
                self.ramp(at.coverage(), cov);
            }
        }
        self.unique_names(root().costs(), plan.costs.iter().map(|c| c.name.as_str()));
        self.unique_names(
            root().programmes(),
            plan.programmes.iter().map(|g| g.name.as_str()),
        );
        // A co-financing target names one item, so the two lists share a namespace.
        for (i, g) in plan.programmes.iter().enumerate() {
            if let Some(j) = plan.costs.iter().position(|c| c.name == g.name) {
                self.report(
                    root().programmes().at(i).name(),
                    Rule::NameOfCostLine {
                        name: g.name.clone(),
                        cost: root().costs().at(j).field().clone(),
                    },
                );
            }
        }
    }

    fn donors(&mut self, plan: &Plan) {
        for (i, d) in plan.donors.iter().enumerate() {
            let at = root().donors().at(i);
            self.name(at.name(), &d.name);
            self.share(at.fulfilment_pct(), d.fulfilment_pct);
            match d.kind {
                DonorKind::BudgetSupport | DonorKind::GapFilling => self.pledging_donor(i, d),
                DonorKind::Cofinancing => self.cofinancing_donor(i, d, plan),
            }
        }
        self.unique_names(root().donors(), plan.donors.iter().map(|d| d.name.as_str()));
    }

    /// Fields the donor's kind does not use (reported when present) and
    /// fields it needs (reported when absent).
    fn kind_fields(
        &mut self,
        kind: DonorKind,
        unused: Vec<(Field, bool)>,
        needed: Vec<(Field, bool)>,
    ) {
        for (at, present) in unused {
            if present {
                let field = at.last_key().unwrap_or_default();
                self.report(at, Rule::UnusedByKind { kind, field });
            }
        }
        for (at, present) in needed {
            if !present {
                self.report(at, Rule::RequiredForKind { kind });
            }
        }
    }

    /// budget_support and gap_filling: base, currency, taper.
    fn pledging_donor(&mut self, i: usize, d: &Donor) {
        let at = root().donors().at(i);
        self.kind_fields(d.kind, vec![], vec![(at.base(), d.base.is_some())]);
        if let Some(base) = d.base {
            self.non_negative(at.base(), base);
        }
        if let Some(taper) = &d.taper {
            self.taper(at.taper(), taper);
        }
        self.kind_fields(
            d.kind,
            vec![
                (at.target(), d.target.is_some()),
                (
                    at.initial_country_share_pct(),
                    d.initial_country_share_pct.is_some(),
                ),
                (at.step_pp(), d.step_pp.is_some()),
                (at.start(), d.start.is_some()),
            ],
            vec![],
        );
    }

    /// cofinancing: target, initial_country_share_pct, step_pp, start.
    fn cofinancing_donor(&mut self, i: usize, d: &Donor, plan: &Plan) {
        let at = root().donors().at(i);
        self.kind_fields(
            d.kind,
            vec![
                (at.base(), d.base.is_some()),
                (at.currency(), d.currency.is_some()),
                (at.taper().field().clone(), d.taper.is_some()),
            ],
            vec![
                (at.target(), d.target.is_some()),
                (
                    at.initial_country_share_pct(),
                    d.initial_country_share_pct.is_some(),
                ),
                (at.step_pp(), d.step_pp.is_some()),
                (at.start(), d.start.is_some()),
            ],
        );
        if let Some(s) = d.initial_country_share_pct {
            self.share(at.initial_country_share_pct(), s);
        }
        if let Some(s) = d.step_pp {
            self.share(at.step_pp(), s);
        }
        if let Some(target) = &d.target {
            let known = plan.costs.iter().any(|c| &c.name == target)
                || plan.programmes.iter().any(|g| &g.name == target);
            if !known {
                self.report(
                    at.target(),
                    Rule::UnknownTarget {
                        target: target.clone(),
                    },
                );
            }
        }
    }

    fn end_after_start(&mut self, at: Field, start: u32, end: Option<u32>) {
        if let Some(end) = end {
            if end <= start {
                self.report(at, Rule::EndNotAfterStart { start });
            }
        }
    }

    fn taper(&mut self, at: TaperAt, taper: &Taper) {
        match taper {
            Taper::None { .. } => {}
            Taper::Linear { start, end } => {
                self.end_after_start(at.linear().end(), *start, Some(*end))
            }
            Taper::Exponential {
                start,
                rate_pct,
                end,
            } => {
                let e = at.exponential();
                self.share(e.rate_pct(), *rate_pct);
                self.end_after_start(e.end(), *start, *end);
            }
            Taper::Steps { points, .. } => {
                // No points is valid: m(t) is 1 before the first point, so always 1.
                let list = at.steps().points();
                for (i, (t, pct)) in points.iter().enumerate() {
                    self.share(list.at(i).pct(), *pct);
                    if i > 0 && points[i - 1].0 >= *t {
                        self.report(
                            list.at(i).year(),
                            Rule::NotAscending {
                                t: *t,
                                prev: points[i - 1].0,
                            },
                        );
                    }
                }
            }
            Taper::Logistic {
                midpoint,
                steepness,
                ..
            } => {
                let g = at.logistic();
                // The midpoint is a real number on the curve, not a time point.
                if !midpoint.is_finite() {
                    self.report(g.midpoint(), Rule::NotFinite);
                }
                // 0 is no taper (m ≡ 1); any larger finite value is a curve.
                self.non_negative(g.steepness(), *steepness);
            }
        }
    }

    fn shocks(&mut self, plan: &Plan) {
        for (i, s) in plan.shocks.iter().enumerate() {
            let at = root().shocks().at(i);
            if s.years < 1 {
                self.report(at.years(), Rule::AtLeastOneYear);
            }
            self.rate(at.revenue_pct(), s.revenue_pct);
            self.rate(at.donor_pct(), s.donor_pct);
            self.rate(at.cost_pct(), s.cost_pct);
        }
    }

    fn reserve(&mut self, plan: &Plan) {
        let (r, at) = (&plan.reserve, root().reserve());
        self.non_negative(at.opening(), r.opening);
        self.non_negative(at.target_months(), r.target_months);
        self.rate(at.interest_pct(), r.interest_pct);
    }

    fn criteria(&mut self, plan: &Plan) {
        let mut keys: HashMap<String, usize> = HashMap::new();
        for (i, c) in plan.criteria.iter().enumerate() {
            let at = root().criteria().at(i);
            if !METRICS.contains(&c.metric.as_str()) {
                self.report(
                    at.metric(),
                    Rule::NotAMetric {
                        metric: c.metric.clone(),
                    },
                );
            }
            if !c.value.is_finite() {
                self.report(at.value(), Rule::NotFinite);
            }
            if c.consecutive_years < 1 {
                self.report(at.consecutive_years(), Rule::AtLeastOne);
            }
            if let Some(name) = &c.name {
                if name.trim().is_empty() {
                    self.report(at.name(), Rule::CriterionNameEmpty);
                }
            }
            let key = c.name.clone().unwrap_or_else(|| i.to_string());
            if let Some(first) = keys.get(&key) {
                self.report(
                    at.name(),
                    Rule::CriterionKeyTaken {
                        key,
                        first: root().criteria().at(*first).field().clone(),
                    },
                );
            } else {
                keys.insert(key, i);
            }
        }
    }

    /// Every note at most `MAX_NOTE_CHARS` code points.
    fn notes(&mut self, plan: &Plan) {
        let mut note = |at: Field, text: &str| {
            let chars = text.chars().count();
            if chars > MAX_NOTE_CHARS {
                self.report(at, Rule::NoteTooLong { chars });
            }
        };
        note(root().meta().note(), &plan.meta.note);
        for (i, x) in plan.revenues.iter().enumerate() {
            note(root().revenues().at(i).note(), &x.note);
        }
        for (i, x) in plan.costs.iter().enumerate() {
            note(root().costs().at(i).note(), &x.note);
        }
        for (i, x) in plan.programmes.iter().enumerate() {
            note(root().programmes().at(i).note(), &x.note);
        }
        for (i, x) in plan.donors.iter().enumerate() {
            note(root().donors().at(i).note(), &x.note);
        }
        for (i, x) in plan.shocks.iter().enumerate() {
            note(root().shocks().at(i).note(), &x.note);
        }
        for (i, x) in plan.criteria.iter().enumerate() {
            note(root().criteria().at(i).note(), &x.note);
        }
        for (i, x) in plan.scenarios.iter().enumerate() {
            note(root().scenarios().at(i).note(), &x.note);
        }
    }

    /// Paths 1 – 100,000, spreads 0 – 100, persistence 0 – 1 (the seed's
    /// range is the file's shape).
    fn uncertainty(&mut self, plan: &Plan) {
        let Some(u) = &plan.uncertainty else {
            return;
        };
        let at = root().uncertainty();
        if !(1..=MAX_PATHS).contains(&u.paths) {
            self.report(
                at.paths(),
                Rule::Between {
                    lo: 1.0,
                    hi: f64::from(MAX_PATHS),
                    got: f64::from(u.paths),
                },
            );
        }
        for (f, x) in [
            (at.real_growth_sd_pp(), u.real_growth_sd_pp),
            (at.inflation_sd_pp(), u.inflation_sd_pp),
            (at.revenue_error_pct(), u.revenue_error_pct),
            (at.cost_error_pct(), u.cost_error_pct),
            (at.fulfilment_sd_pp(), u.fulfilment_sd_pp),
        ] {
            self.share(f, x);
        }
        self.number(at.persistence(), u.persistence, 0.0, 1.0, false);
    }

    fn scenarios(&mut self, plan: &Plan, baseline_valid: bool) {
        if plan.scenarios.len() > MAX_SCENARIOS {
            self.report(
                root().scenarios().field().clone(),
                Rule::TooManyScenarios {
                    count: plan.scenarios.len(),
                },
            );
        }
        self.problems
            .extend(scenario::scenario_problems(plan, baseline_valid));
    }

    fn reengagement(&mut self, plan: &Plan) {
        if let Some(r) = &plan.reengagement {
            let at = root().reengagement();
            self.share(at.trigger_pct(), r.trigger_pct);
            self.non_negative(at.reserve_floor_months(), r.reserve_floor_months);
        }
    }
}
