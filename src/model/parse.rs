//! Reading a plan file (MODEL.md "The file" and "Bad input"): JSON text to
//! a valid `Plan`, or every problem found. Four passes, each only when the
//! one before found nothing that makes the next meaningless:
//! 1. the text is JSON, an object, with `format` "sunset-plan" and `version` 1;
//! 2. a walk of the JSON against the file's shape, reporting every unknown
//!    field, missing required field and value of the wrong type at once;
//! 3. the typed plan read from the walked value (`plan_from_walked`, by
//!    hand to keep serde's derived code out of the browser build; tests
//!    check it equals serde's typed parse), a stray error with its path;
//! 4. `validate`, the rules on values.

use serde_json::Value;

use super::plan::*;
use super::validate::{newer_version_message, validate};
use super::Problem;

/// JSON text to a valid plan, or every problem found.
pub fn parse_plan(json: &str) -> Result<Plan, Vec<Problem>> {
    // from_slice, like every JSON read in the app (links, records): one
    // copy of serde_json's parser in the wasm. Same result for any &str.
    let value: Value = serde_json::from_slice(json.as_bytes()).map_err(|e| {
        vec![Problem::new(
            "plan",
            format!(
                "is not valid JSON (line {}, column {}: {})",
                e.line(),
                e.column(),
                json_error_reason(&e)
            ),
        )]
    })?;
    check_format_and_version(&value)?;
    let mut problems = Vec::new();
    walk(&value, &Shape::Object(PLAN), "", &mut problems);
    if !problems.is_empty() {
        return Err(problems);
    }
    let plan = plan_from_walked(&value).map_err(|p| vec![p])?;
    validate(&plan)?;
    Ok(plan)
}

fn json_error_reason(e: &serde_json::Error) -> String {
    // serde_json appends " at line L column C"; we already say where.
    let text = e.to_string();
    match text.find(" at line ") {
        Some(i) => text[..i].to_string(),
        None => text,
    }
}

/// Pass 1: an object, of our format, of a version this release reads.
fn check_format_and_version(value: &Value) -> Result<(), Vec<Problem>> {
    let Some(object) = value.as_object() else {
        return Err(vec![Problem::new(
            "plan",
            "must be a JSON object { … } holding a Sunset Planner plan",
        )]);
    };
    match object.get("format") {
        Some(Value::String(f)) if f == FORMAT => {}
        Some(other) => {
            return Err(vec![Problem::new(
                "format",
                format!("must be \"{FORMAT}\" (got {other}); this is not a Sunset Planner plan"),
            )])
        }
        None => {
            return Err(vec![Problem::new(
                "format",
                format!("is required and must be \"{FORMAT}\"; this is not a Sunset Planner plan"),
            )])
        }
    }
    match object.get("version") {
        Some(v) if v.as_u64() == Some(u64::from(VERSION)) => Ok(()),
        Some(v) => match v.as_u64() {
            Some(n) if n > u64::from(VERSION) => {
                Err(vec![Problem::new("version", newer_version_message(n))])
            }
            _ => Err(vec![Problem::new(
                "version",
                format!("must be {VERSION} (got {v})"),
            )]),
        },
        None => Err(vec![Problem::new(
            "version",
            format!("is required and must be {VERSION}"),
        )]),
    }
}

/// A plan as its MODEL.md JSON value: the one place a `Plan` is written
/// (the file export pretty-prints this value, the autosave record embeds
/// it). Written by hand, like `plan_from_walked`, rather than with serde's
/// derived `Serialize`: the same fields in the same order, the same ones
/// left out (the `skip_serializing_if` rules of `plan.rs`), numbers as
/// serde_json makes them (tests compare with `serde_json::to_value`).
pub fn plan_to_value(plan: &Plan) -> Value {
    let mut o = Out::default();
    o.text("format", &plan.format);
    o.put("version", plan.version.into());
    let m = &plan.meta;
    let mut meta = Out::default();
    meta.text("name", &m.name);
    meta.text("country", &m.country);
    meta.text("currency", &m.currency);
    meta.put("start_year", m.start_year.into());
    meta.put("horizon_years", m.horizon_years.into());
    meta.num_unless("discount_rate_pct", m.discount_rate_pct, 0.0);
    meta.num_unless("exit_threshold_pct", m.exit_threshold_pct, 1.0);
    o.put("meta", meta.done());
    let x = &plan.macro_path;
    let mut mac = Out::default();
    for (name, v) in [
        ("gdp_base", x.gdp_base),
        ("real_growth_pct", x.real_growth_pct),
        ("inflation_pct", x.inflation_pct),
        ("population_base", x.population_base),
        ("population_growth_pct", x.population_growth_pct),
        ("fx_base", x.fx_base),
        ("foreign_inflation_pct", x.foreign_inflation_pct),
        ("real_depreciation_pct", x.real_depreciation_pct),
    ] {
        mac.num(name, v);
    }
    if x.overrides != Overrides::default() {
        let mut ov = Out::default();
        ov.year_map("real_growth_pct", &x.overrides.real_growth_pct);
        ov.year_map("inflation_pct", &x.overrides.inflation_pct);
        mac.put("overrides", ov.done());
    }
    o.put("macro", mac.done());
    o.list("revenues", &plan.revenues, |r, o| {
        o.text("name", &r.name);
        o.num("base", r.base);
        o.num("buoyancy", r.buoyancy);
        if let Some(f) = &r.reform {
            let mut v = Out::default();
            v.put("start", f.start.into());
            v.put("years", f.years.into());
            v.num("gain_pct_gdp_per_year", f.gain_pct_gdp_per_year);
            o.put("reform", v.done());
        }
    });
    o.list("costs", &plan.costs, |c, o| {
        o.text("name", &c.name);
        o.num("base", c.base);
        if !c.indexed {
            o.put("indexed", false.into());
        }
        o.num_unless("real_growth_pct", c.real_growth_pct, 0.0);
        o.ramp("handover", &c.handover);
    });
    o.list("programmes", &plan.programmes, |p, o| {
        o.text("name", &p.name);
        o.num("eligible_share_pct", p.eligible_share_pct);
        o.num("benefit_base", p.benefit_base);
        if !p.indexed {
            o.put("indexed", false.into());
        }
        o.num_unless("real_benefit_growth_pct", p.real_benefit_growth_pct, 0.0);
        o.num_unless("admin_pct", p.admin_pct, 0.0);
        o.ramp("coverage", &p.coverage);
    });
    o.list("donors", &plan.donors, |d, o| {
        o.text("name", &d.name);
        let kind = match d.kind {
            DonorKind::BudgetSupport => "budget_support",
            DonorKind::Cofinancing => "cofinancing",
            DonorKind::GapFilling => "gap_filling",
        };
        o.text("kind", kind);
        if let Some(c) = d.currency {
            o.text("currency", if c == Currency::Usd { "USD" } else { "LCU" });
        }
        o.num_unless("fulfilment_pct", d.fulfilment_pct, 100.0);
        o.opt_num("base", d.base);
        if let Some(t) = &d.taper {
            let mut v = Out::default();
            let end = match t {
                Taper::None { end } => {
                    v.text("shape", "none");
                    end
                }
                Taper::Linear { start, end } => {
                    v.text("shape", "linear");
                    v.put("start", (*start).into());
                    v.put("end", (*end).into());
                    &None
                }
                Taper::Exponential {
                    start,
                    rate_pct,
                    end,
                } => {
                    v.text("shape", "exponential");
                    v.put("start", (*start).into());
                    v.num("rate_pct", *rate_pct);
                    end
                }
                Taper::Steps { points, end } => {
                    v.text("shape", "steps");
                    let points = points
                        .iter()
                        .map(|&(t, pct)| Value::Array(vec![t.into(), pct.into()]))
                        .collect();
                    v.put("points", Value::Array(points));
                    end
                }
                Taper::Logistic {
                    midpoint,
                    steepness,
                    end,
                } => {
                    v.text("shape", "logistic");
                    v.num("midpoint", *midpoint);
                    v.num("steepness", *steepness);
                    end
                }
            };
            if let Some(e) = end {
                v.put("end", (*e).into());
            }
            o.put("taper", v.done());
        }
        if let Some(t) = &d.target {
            o.text("target", t);
        }
        o.opt_num("initial_country_share_pct", d.initial_country_share_pct);
        o.opt_num("step_pp", d.step_pp);
        if let Some(t) = d.start {
            o.put("start", t.into());
        }
    });
    o.list("shocks", &plan.shocks, |s, o| {
        o.put("at", s.at.into());
        if s.years != 1 {
            o.put("years", s.years.into());
        }
        o.num_unless("revenue_pct", s.revenue_pct, 0.0);
        o.num_unless("donor_pct", s.donor_pct, 0.0);
        o.num_unless("cost_pct", s.cost_pct, 0.0);
    });
    if plan.reserve != Reserve::default() {
        let r = &plan.reserve;
        let mut v = Out::default();
        v.num("opening", r.opening);
        v.num("target_months", r.target_months);
        v.num("interest_pct", r.interest_pct);
        o.put("reserve", v.done());
    }
    o.list("criteria", &plan.criteria, |c, o| {
        if let Some(n) = &c.name {
            o.text("name", n);
        }
        o.text("metric", &c.metric);
        let op = match c.op {
            Op::Ge => ">=",
            Op::Gt => ">",
            Op::Le => "<=",
            Op::Lt => "<",
        };
        o.text("op", op);
        o.num("value", c.value);
        if c.consecutive_years != 1 {
            o.put("consecutive_years", c.consecutive_years.into());
        }
    });
    if let Some(r) = &plan.reengagement {
        let mut v = Out::default();
        v.num("trigger_pct", r.trigger_pct);
        v.num("reserve_floor_months", r.reserve_floor_months);
        o.put("reengagement", v.done());
    }
    o.done()
}

/// A JSON object being written, for `plan_to_value`.
#[derive(Default)]
struct Out(serde_json::Map<String, Value>);

impl Out {
    fn put(&mut self, name: &str, v: Value) {
        self.0.insert(name.to_string(), v);
    }
    fn text(&mut self, name: &str, s: &str) {
        self.put(name, Value::String(s.to_string()));
    }
    /// A number as serde_json writes an f64 (null when not finite).
    fn num(&mut self, name: &str, x: f64) {
        self.put(name, x.into());
    }
    /// Left out when equal (`==`, as the derives compare) to its default.
    fn num_unless(&mut self, name: &str, x: f64, default: f64) {
        if x != default {
            self.num(name, x);
        }
    }
    fn opt_num(&mut self, name: &str, x: Option<f64>) {
        if let Some(x) = x {
            self.num(name, x);
        }
    }
    fn year_map(&mut self, name: &str, map: &std::collections::BTreeMap<u32, f64>) {
        if !map.is_empty() {
            let mut v = Out::default();
            for (t, x) in map {
                v.num(&t.to_string(), *x);
            }
            self.put(name, v.done());
        }
    }
    fn ramp(&mut self, name: &str, ramp: &Option<Ramp>) {
        if let Some(r) = ramp {
            let mut v = Out::default();
            v.num("from_pct", r.from_pct);
            v.num("to_pct", r.to_pct);
            v.put("start", r.start.into());
            v.put("years", r.years.into());
            self.put(name, v.done());
        }
    }
    fn list<T>(&mut self, name: &str, items: &[T], item: impl Fn(&T, &mut Out)) {
        if !items.is_empty() {
            let values = items
                .iter()
                .map(|x| {
                    let mut o = Out::default();
                    item(x, &mut o);
                    o.done()
                })
                .collect();
            self.put(name, Value::Array(values));
        }
    }
    fn done(self) -> Value {
        Value::Object(self.0)
    }
}

/// The typed parse with serde (the derives of `plan.rs`), its error path
/// in MODEL.md style. `parse_plan` reads plans with `plan_from_walked`
/// instead; this stays on the host, where the tests check that both give
/// the same plan.
#[cfg(not(target_arch = "wasm32"))]
pub fn plan_from_value(value: Value) -> Result<Plan, Problem> {
    serde_path_to_error::deserialize::<_, Plan>(value).map_err(|e| {
        let path = e.path().to_string();
        let path = if path == "." {
            "plan".to_string()
        } else {
            path
        };
        let raw = e.into_inner().to_string();
        typed_parse_problem(path, &raw)
    })
}

#[cfg(not(target_arch = "wasm32"))]
fn typed_parse_problem(path: String, raw: &str) -> Problem {
    let message = friendly_serde_message(&path, raw);
    Problem::new(path, message)
}

/// Pass 3: the typed plan from a value the walk (pass 2) accepted.
///
/// Written by hand rather than with serde's derived `Deserialize`, whose
/// code is a large part of the browser build: after the walk every field
/// has its type, so this only picks values and fills in the defaults the
/// derives declare in `plan.rs` (tests check it gives the plan serde
/// gives). A value the walk did not accept is still refused, with its path.
pub fn plan_from_walked(value: &Value) -> Result<Plan, Problem> {
    let o = Obj::new(value, "")?;
    Ok(Plan {
        format: o.text("format")?,
        version: o
            .get("version")
            .and_then(Value::as_u64)
            .and_then(|n| u32::try_from(n).ok())
            .ok_or_else(|| o.bad("version"))?,
        meta: meta(&o.obj("meta")?)?,
        macro_path: macro_path(&o.obj("macro")?)?,
        revenues: o.list("revenues", revenue)?,
        costs: o.list("costs", cost)?,
        programmes: o.list("programmes", programme)?,
        donors: o.list("donors", donor)?,
        shocks: o.list("shocks", shock)?,
        reserve: match o.opt_obj("reserve")? {
            Some(r) => Reserve {
                opening: r.num_or("opening", 0.0)?,
                target_months: r.num_or("target_months", 0.0)?,
                interest_pct: r.num_or("interest_pct", 0.0)?,
            },
            None => Reserve::default(),
        },
        criteria: o.list("criteria", criterion)?,
        reengagement: match o.opt_obj("reengagement")? {
            Some(r) => Some(Reengagement {
                trigger_pct: r.num("trigger_pct")?,
                reserve_floor_months: r.num("reserve_floor_months")?,
            }),
            None => None,
        },
    })
}

fn meta(o: &Obj) -> Result<Meta, Problem> {
    Ok(Meta {
        name: o.text_or("name", "")?,
        country: o.text_or("country", "")?,
        currency: o.text_or("currency", "LCU")?,
        start_year: o
            .get("start_year")
            .and_then(Value::as_i64)
            .and_then(|y| i32::try_from(y).ok())
            .ok_or_else(|| o.bad("start_year"))?,
        horizon_years: o.year("horizon_years")?,
        discount_rate_pct: o.num_or("discount_rate_pct", 0.0)?,
        exit_threshold_pct: o.num_or("exit_threshold_pct", 1.0)?,
    })
}

fn macro_path(o: &Obj) -> Result<Macro, Problem> {
    let overrides = match o.opt_obj("overrides")? {
        Some(v) => Overrides {
            real_growth_pct: v.year_map("real_growth_pct")?,
            inflation_pct: v.year_map("inflation_pct")?,
        },
        None => Overrides::default(),
    };
    Ok(Macro {
        gdp_base: o.num("gdp_base")?,
        real_growth_pct: o.num_or("real_growth_pct", 0.0)?,
        inflation_pct: o.num_or("inflation_pct", 0.0)?,
        population_base: o.num("population_base")?,
        population_growth_pct: o.num_or("population_growth_pct", 0.0)?,
        fx_base: o.num_or("fx_base", 1.0)?,
        foreign_inflation_pct: o.num_or("foreign_inflation_pct", 0.0)?,
        real_depreciation_pct: o.num_or("real_depreciation_pct", 0.0)?,
        overrides,
    })
}

fn revenue(o: &Obj) -> Result<Revenue, Problem> {
    Ok(Revenue {
        name: o.text("name")?,
        base: o.num("base")?,
        buoyancy: o.num_or("buoyancy", 1.0)?,
        reform: match o.opt_obj("reform")? {
            Some(r) => Some(Reform {
                start: r.year("start")?,
                years: r.year("years")?,
                gain_pct_gdp_per_year: r.num("gain_pct_gdp_per_year")?,
            }),
            None => None,
        },
    })
}

fn ramp(o: &Obj, name: &str) -> Result<Option<Ramp>, Problem> {
    Ok(match o.opt_obj(name)? {
        Some(r) => Some(Ramp {
            from_pct: r.num("from_pct")?,
            to_pct: r.num("to_pct")?,
            start: r.year("start")?,
            years: r.year("years")?,
        }),
        None => None,
    })
}

fn cost(o: &Obj) -> Result<CostLine, Problem> {
    Ok(CostLine {
        name: o.text("name")?,
        base: o.num("base")?,
        indexed: o.bool_or("indexed", true)?,
        real_growth_pct: o.num_or("real_growth_pct", 0.0)?,
        handover: ramp(o, "handover")?,
    })
}

fn programme(o: &Obj) -> Result<Programme, Problem> {
    Ok(Programme {
        name: o.text("name")?,
        eligible_share_pct: o.num("eligible_share_pct")?,
        benefit_base: o.num("benefit_base")?,
        indexed: o.bool_or("indexed", true)?,
        real_benefit_growth_pct: o.num_or("real_benefit_growth_pct", 0.0)?,
        admin_pct: o.num_or("admin_pct", 0.0)?,
        coverage: ramp(o, "coverage")?,
    })
}

fn donor(o: &Obj) -> Result<Donor, Problem> {
    let kind = match o.get("kind").and_then(Value::as_str) {
        Some("budget_support") => DonorKind::BudgetSupport,
        Some("cofinancing") => DonorKind::Cofinancing,
        Some("gap_filling") => DonorKind::GapFilling,
        _ => return Err(o.bad("kind")),
    };
    let currency = match o.get("currency") {
        None => None,
        Some(v) => Some(match v.as_str() {
            Some("LCU") => Currency::Lcu,
            Some("USD") => Currency::Usd,
            _ => return Err(o.bad("currency")),
        }),
    };
    Ok(Donor {
        name: o.text("name")?,
        kind,
        currency,
        fulfilment_pct: o.num_or("fulfilment_pct", 100.0)?,
        base: o.opt_num("base")?,
        taper: match o.opt_obj("taper")? {
            Some(t) => Some(taper(&t)?),
            None => None,
        },
        target: match o.get("target") {
            Some(_) => Some(o.text("target")?),
            None => None,
        },
        initial_country_share_pct: o.opt_num("initial_country_share_pct")?,
        step_pp: o.opt_num("step_pp")?,
        start: o.opt_year("start")?,
    })
}

fn taper(o: &Obj) -> Result<Taper, Problem> {
    Ok(match o.get("shape").and_then(Value::as_str) {
        Some("none") => Taper::None {
            end: o.opt_year("end")?,
        },
        Some("linear") => Taper::Linear {
            start: o.year("start")?,
            end: o.year("end")?,
        },
        Some("exponential") => Taper::Exponential {
            start: o.year("start")?,
            rate_pct: o.num("rate_pct")?,
            end: o.opt_year("end")?,
        },
        Some("steps") => {
            let mut points = Vec::new();
            for (i, point) in o
                .get("points")
                .and_then(Value::as_array)
                .ok_or_else(|| o.bad("points"))?
                .iter()
                .enumerate()
            {
                let pair = match point.as_array().map(Vec::as_slice) {
                    Some([t, pct]) => whole_u32(t).zip(pct.as_f64()),
                    _ => None,
                };
                points.push(pair.ok_or_else(|| o.bad(&format!("points[{i}]")))?);
            }
            Taper::Steps {
                points,
                end: o.opt_year("end")?,
            }
        }
        Some("logistic") => Taper::Logistic {
            midpoint: o.num("midpoint")?,
            steepness: o.num("steepness")?,
            end: o.opt_year("end")?,
        },
        _ => return Err(o.bad("shape")),
    })
}

fn shock(o: &Obj) -> Result<Shock, Problem> {
    Ok(Shock {
        at: o.year("at")?,
        years: o.year_or("years", 1)?,
        revenue_pct: o.num_or("revenue_pct", 0.0)?,
        donor_pct: o.num_or("donor_pct", 0.0)?,
        cost_pct: o.num_or("cost_pct", 0.0)?,
    })
}

fn criterion(o: &Obj) -> Result<Criterion, Problem> {
    let op = match o.get("op").and_then(Value::as_str) {
        Some(">=") => Op::Ge,
        Some(">") => Op::Gt,
        Some("<=") => Op::Le,
        Some("<") => Op::Lt,
        _ => return Err(o.bad("op")),
    };
    Ok(Criterion {
        name: match o.get("name") {
            Some(_) => Some(o.text("name")?),
            None => None,
        },
        metric: o.text("metric")?,
        op,
        value: o.num("value")?,
        consecutive_years: o.year_or("consecutive_years", 1)?,
    })
}

/// A plan year or count as the typed parse reads it (`plan::whole`).
fn whole_u32(v: &Value) -> Option<u32> {
    match v.as_u64() {
        Some(n) => u32::try_from(n).ok(),
        None => v.as_f64().and_then(whole::from_f64),
    }
}

/// An object of the plan and its path, for `plan_from_walked`.
struct Obj<'a> {
    map: &'a serde_json::Map<String, Value>,
    path: String,
}

impl<'a> Obj<'a> {
    fn new(value: &'a Value, path: &str) -> Result<Obj<'a>, Problem> {
        match value.as_object() {
            Some(map) => Ok(Obj {
                map,
                path: path.to_string(),
            }),
            None => Err(Problem::new(
                if path.is_empty() { "plan" } else { path },
                "must be an object { … }",
            )),
        }
    }
    fn get(&self, name: &str) -> Option<&'a Value> {
        self.map.get(name)
    }
    /// The problem of a field missing or of the wrong type (the walk
    /// reports these first, with their own messages).
    #[inline(never)]
    fn bad(&self, name: &str) -> Problem {
        Problem::new(child(&self.path, name), "is missing or of the wrong type")
    }
    fn num(&self, name: &str) -> Result<f64, Problem> {
        self.get(name)
            .and_then(Value::as_f64)
            .ok_or_else(|| self.bad(name))
    }
    fn num_or(&self, name: &str, default: f64) -> Result<f64, Problem> {
        self.opt_num(name).map(|x| x.unwrap_or(default))
    }
    fn opt_num(&self, name: &str) -> Result<Option<f64>, Problem> {
        match self.get(name) {
            None => Ok(None),
            Some(_) => self.num(name).map(Some),
        }
    }
    fn text(&self, name: &str) -> Result<String, Problem> {
        self.get(name)
            .and_then(Value::as_str)
            .map(str::to_string)
            .ok_or_else(|| self.bad(name))
    }
    fn text_or(&self, name: &str, default: &str) -> Result<String, Problem> {
        match self.get(name) {
            None => Ok(default.to_string()),
            Some(_) => self.text(name),
        }
    }
    fn bool_or(&self, name: &str, default: bool) -> Result<bool, Problem> {
        match self.get(name) {
            None => Ok(default),
            Some(v) => v.as_bool().ok_or_else(|| self.bad(name)),
        }
    }
    fn year(&self, name: &str) -> Result<u32, Problem> {
        self.get(name)
            .and_then(whole_u32)
            .ok_or_else(|| self.bad(name))
    }
    fn year_or(&self, name: &str, default: u32) -> Result<u32, Problem> {
        self.opt_year(name).map(|y| y.unwrap_or(default))
    }
    fn opt_year(&self, name: &str) -> Result<Option<u32>, Problem> {
        match self.get(name) {
            None => Ok(None),
            Some(_) => self.year(name).map(Some),
        }
    }
    fn obj(&self, name: &str) -> Result<Obj<'a>, Problem> {
        match self.get(name) {
            Some(v) => Obj::new(v, &child(&self.path, name)),
            None => Err(self.bad(name)),
        }
    }
    fn opt_obj(&self, name: &str) -> Result<Option<Obj<'a>>, Problem> {
        match self.get(name) {
            None => Ok(None),
            Some(_) => self.obj(name).map(Some),
        }
    }
    fn list<T>(&self, name: &str, item: fn(&Obj) -> Result<T, Problem>) -> Result<Vec<T>, Problem> {
        let Some(v) = self.get(name) else {
            return Ok(Vec::new());
        };
        let items = v.as_array().ok_or_else(|| self.bad(name))?;
        let path = child(&self.path, name);
        let mut out = Vec::with_capacity(items.len());
        for (i, v) in items.iter().enumerate() {
            out.push(item(&Obj::new(v, &format!("{path}[{i}]"))?)?);
        }
        Ok(out)
    }
    fn year_map(&self, name: &str) -> Result<std::collections::BTreeMap<u32, f64>, Problem> {
        let mut map = std::collections::BTreeMap::new();
        if let Some(v) = self.get(name) {
            let o = Obj::new(v, &child(&self.path, name))?;
            for (key, x) in o.map {
                let t = whole::key(key).ok_or_else(|| o.bad(key))?;
                map.insert(t, x.as_f64().ok_or_else(|| o.bad(key))?);
            }
        }
        Ok(map)
    }
}

#[cfg(not(target_arch = "wasm32"))]
/// serde's wording, rewritten where a ministry user would not follow it.
fn friendly_serde_message(path: &str, raw: &str) -> String {
    if raw.contains("expected u32") {
        let field = path.rsplit('.').next().unwrap_or(path);
        if is_time_point(field) || path.contains("overrides") || path.contains("points") {
            return TIME_POINT_MESSAGE.to_string();
        }
        return "must be a whole number, 0 or more".to_string();
    }
    if let Some(rest) = raw.strip_prefix("unknown field ") {
        return format!("unknown field {}", rest.replace('`', "\""));
    }
    raw.replace('`', "\"")
}

#[cfg(not(target_arch = "wasm32"))]
const TIME_POINT_MESSAGE: &str = "must be a whole number of plan years (0, 1, 2 …)";
const YEAR_KEY_MESSAGE: &str = "must be a plan year written as a whole number (0, 1, 2 …)";

#[cfg(not(target_arch = "wasm32"))]
fn is_time_point(field: &str) -> bool {
    matches!(field, "start" | "end" | "at")
}

/// What a place in the file may hold.
enum Shape {
    Number,
    /// A plan-year index t: whole, 0 or more.
    PlanYear,
    /// A count (horizon, years, consecutive_years): whole, 0 or more.
    Count,
    CalendarYear,
    Text,
    Bool,
    OneOf(&'static [&'static str]),
    Object(&'static [Field]),
    List(&'static Shape),
    /// `{ "<t>": number }`.
    YearMap,
    /// `[[t, pct], …]`.
    Points,
    /// An object whose fields depend on its `shape`.
    Taper,
}

struct Field {
    name: &'static str,
    shape: Shape,
    required: bool,
}

const fn req(name: &'static str, shape: Shape) -> Field {
    Field {
        name,
        shape,
        required: true,
    }
}
const fn opt(name: &'static str, shape: Shape) -> Field {
    Field {
        name,
        shape,
        required: false,
    }
}

use Shape::{Bool, CalendarYear, Count, Number, OneOf, PlanYear, Points, Text, YearMap};

static PLAN: &[Field] = &[
    req("format", Text),
    req("version", Count),
    req("meta", Shape::Object(META)),
    req("macro", Shape::Object(MACRO)),
    opt("revenues", Shape::List(&Shape::Object(REVENUE))),
    opt("costs", Shape::List(&Shape::Object(COST))),
    opt("programmes", Shape::List(&Shape::Object(PROGRAMME))),
    opt("donors", Shape::List(&Shape::Object(DONOR))),
    opt("shocks", Shape::List(&Shape::Object(SHOCK))),
    opt("reserve", Shape::Object(RESERVE)),
    opt("criteria", Shape::List(&Shape::Object(CRITERION))),
    opt("reengagement", Shape::Object(REENGAGEMENT)),
];
static META: &[Field] = &[
    opt("name", Text),
    opt("country", Text),
    opt("currency", Text),
    req("start_year", CalendarYear),
    req("horizon_years", Count),
    opt("discount_rate_pct", Number),
    opt("exit_threshold_pct", Number),
];
static MACRO: &[Field] = &[
    req("gdp_base", Number),
    opt("real_growth_pct", Number),
    opt("inflation_pct", Number),
    req("population_base", Number),
    opt("population_growth_pct", Number),
    opt("fx_base", Number),
    opt("foreign_inflation_pct", Number),
    opt("real_depreciation_pct", Number),
    opt("overrides", Shape::Object(OVERRIDES)),
];
static OVERRIDES: &[Field] = &[
    opt("real_growth_pct", YearMap),
    opt("inflation_pct", YearMap),
];
static REVENUE: &[Field] = &[
    req("name", Text),
    req("base", Number),
    opt("buoyancy", Number),
    opt("reform", Shape::Object(REFORM)),
];
static REFORM: &[Field] = &[
    req("start", PlanYear),
    req("years", Count),
    req("gain_pct_gdp_per_year", Number),
];
static RAMP: &[Field] = &[
    req("from_pct", Number),
    req("to_pct", Number),
    req("start", PlanYear),
    req("years", Count),
];
static COST: &[Field] = &[
    req("name", Text),
    req("base", Number),
    opt("indexed", Bool),
    opt("real_growth_pct", Number),
    opt("handover", Shape::Object(RAMP)),
];
static PROGRAMME: &[Field] = &[
    req("name", Text),
    req("eligible_share_pct", Number),
    req("benefit_base", Number),
    opt("indexed", Bool),
    opt("real_benefit_growth_pct", Number),
    opt("admin_pct", Number),
    opt("coverage", Shape::Object(RAMP)),
];
static DONOR: &[Field] = &[
    req("name", Text),
    req(
        "kind",
        OneOf(&["budget_support", "cofinancing", "gap_filling"]),
    ),
    opt("currency", OneOf(&["LCU", "USD"])),
    opt("fulfilment_pct", Number),
    opt("base", Number),
    opt("taper", Shape::Taper),
    opt("target", Text),
    opt("initial_country_share_pct", Number),
    opt("step_pp", Number),
    opt("start", PlanYear),
];
static TAPER_SHAPES: &[&str] = &["none", "linear", "exponential", "steps", "logistic"];
static TAPER_NONE: &[Field] = &[req("shape", Text), opt("end", PlanYear)];
static TAPER_LINEAR: &[Field] = &[
    req("shape", Text),
    req("start", PlanYear),
    req("end", PlanYear),
];
static TAPER_EXPONENTIAL: &[Field] = &[
    req("shape", Text),
    req("start", PlanYear),
    req("rate_pct", Number),
    opt("end", PlanYear),
];
static TAPER_STEPS: &[Field] = &[
    req("shape", Text),
    req("points", Points),
    opt("end", PlanYear),
];
static TAPER_LOGISTIC: &[Field] = &[
    req("shape", Text),
    req("midpoint", Number),
    req("steepness", Number),
    opt("end", PlanYear),
];
static SHOCK: &[Field] = &[
    req("at", PlanYear),
    opt("years", Count),
    opt("revenue_pct", Number),
    opt("donor_pct", Number),
    opt("cost_pct", Number),
];
static RESERVE: &[Field] = &[
    opt("opening", Number),
    opt("target_months", Number),
    opt("interest_pct", Number),
];
static CRITERION: &[Field] = &[
    opt("name", Text),
    req("metric", Text),
    req("op", OneOf(&[">=", ">", "<=", "<"])),
    req("value", Number),
    opt("consecutive_years", Count),
];
static REENGAGEMENT: &[Field] = &[
    req("trigger_pct", Number),
    req("reserve_floor_months", Number),
];

fn child(path: &str, field: &str) -> String {
    if path.is_empty() {
        field.to_string()
    } else {
        format!("{path}.{field}")
    }
}

/// A plan year or count: an integer, or a decimal with a whole value
/// (`1.0`), 0 to u32::MAX; the same rule as `plan::whole` in the typed parse.
fn is_whole_u32(v: &Value) -> bool {
    match v.as_u64() {
        Some(n) => n <= u64::from(u32::MAX),
        None => v.is_f64() && v.as_f64().and_then(whole::from_f64).is_some(),
    }
}

/// Pass 2: every structural problem under `value`.
fn walk(value: &Value, shape: &Shape, path: &str, problems: &mut Vec<Problem>) {
    let mut wrong = |message: String| problems.push(Problem::new(path, message));
    match shape {
        Number => {
            if !value.is_number() {
                wrong(format!("must be a number (got {})", describe(value)));
            }
        }
        // A count of plan years (horizon, years, consecutive_years) follows
        // the same rule and message as a plan year.
        PlanYear | Count => {
            if !is_whole_u32(value) {
                wrong(whole::not_whole_message(&describe(value)));
            }
        }
        CalendarYear => {
            let is_year = value.as_i64().and_then(|y| i32::try_from(y).ok()).is_some();
            if !is_year {
                wrong(format!(
                    "must be a calendar year such as 2026 (got {})",
                    describe(value)
                ));
            }
        }
        Text => {
            if !value.is_string() {
                wrong(format!("must be text in quotes (got {})", describe(value)));
            }
        }
        Bool => {
            if !value.is_boolean() {
                wrong(format!("must be true or false (got {})", describe(value)));
            }
        }
        OneOf(options) => {
            if !value.as_str().is_some_and(|s| options.contains(&s)) {
                wrong(format!(
                    "must be one of {} (got {})",
                    quoted_list(options),
                    describe(value)
                ));
            }
        }
        Shape::List(item) => match value.as_array() {
            Some(items) => {
                for (i, v) in items.iter().enumerate() {
                    walk(v, item, &format!("{path}[{i}]"), problems);
                }
            }
            None => wrong(format!("must be a list [ … ] (got {})", describe(value))),
        },
        YearMap => match value.as_object() {
            Some(map) => {
                for (key, v) in map {
                    let p = child(path, key);
                    if whole::key(key).is_none() {
                        problems.push(Problem::new(p.clone(), YEAR_KEY_MESSAGE));
                    }
                    walk(v, &Number, &p, problems);
                }
            }
            None => wrong(format!(
                "must be an object {{ \"<plan year>\": value }} (got {})",
                describe(value)
            )),
        },
        Points => match value.as_array() {
            Some(points) => {
                for (i, point) in points.iter().enumerate() {
                    let p = format!("{path}[{i}]");
                    match point.as_array().map(Vec::as_slice) {
                        // Paths as `validate` and the editor name them: the
                        // point `points[i]` is its plan year, `points[i].pct`
                        // its percentage.
                        Some([t, pct]) => {
                            walk(t, &PlanYear, &p, problems);
                            walk(pct, &Number, &format!("{p}.pct"), problems);
                        }
                        _ => problems.push(Problem::new(
                            p,
                            "must be a pair [plan year, percent], e.g. [3, 50]",
                        )),
                    }
                }
            }
            None => wrong(format!(
                "must be a list of [plan year, percent] pairs (got {})",
                describe(value)
            )),
        },
        Shape::Object(fields) => walk_object(value, fields, path, problems),
        Shape::Taper => {
            let shape = value.get("shape").and_then(Value::as_str);
            let fields = match shape {
                Some("none") => TAPER_NONE,
                Some("linear") => TAPER_LINEAR,
                Some("exponential") => TAPER_EXPONENTIAL,
                Some("steps") => TAPER_STEPS,
                Some("logistic") => TAPER_LOGISTIC,
                _ if !value.is_object() => {
                    wrong(format!(
                        "must be an object {{ \"shape\": … }} (got {})",
                        describe(value)
                    ));
                    return;
                }
                None if value.get("shape").is_none() => {
                    problems.push(Problem::new(
                        child(path, "shape"),
                        format!("is required: one of {}", quoted_list(TAPER_SHAPES)),
                    ));
                    return;
                }
                _ => {
                    let got = value.get("shape").map_or_else(String::new, describe);
                    problems.push(Problem::new(
                        child(path, "shape"),
                        format!("must be one of {} (got {got})", quoted_list(TAPER_SHAPES)),
                    ));
                    return;
                }
            };
            walk_object(value, fields, path, problems);
        }
    }
}

fn walk_object(value: &Value, fields: &[Field], path: &str, problems: &mut Vec<Problem>) {
    let Some(object) = value.as_object() else {
        let where_ = if path.is_empty() {
            "plan".to_string()
        } else {
            path.to_string()
        };
        problems.push(Problem::new(
            where_,
            format!("must be an object {{ … }} (got {})", describe(value)),
        ));
        return;
    };
    for (key, v) in object {
        match fields.iter().find(|f| f.name == key) {
            Some(f) => walk(v, &f.shape, &child(path, key), problems),
            None => problems.push(Problem::new(
                child(path, key),
                unknown_field_message(key, fields),
            )),
        }
    }
    for f in fields
        .iter()
        .filter(|f| f.required && !object.contains_key(f.name))
    {
        problems.push(Problem::new(child(path, f.name), "is required"));
    }
}

/// "unknown field", with the nearest known name when one is close (a typo).
fn unknown_field_message(key: &str, fields: &[Field]) -> String {
    let nearest = fields
        .iter()
        .map(|f| (edit_distance(key, f.name), f.name))
        .min_by_key(|(d, _)| *d)
        .filter(|(d, _)| *d <= 2);
    match nearest {
        Some((_, name)) => format!("unknown field; did you mean \"{name}\"?"),
        None => {
            let names: Vec<&str> = fields.iter().map(|f| f.name).collect();
            format!("unknown field; the fields here are {}", names.join(", "))
        }
    }
}

/// Levenshtein distance, for suggesting a misspelt field's intended name.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let substitute = diagonal + usize::from(ca != *cb);
            diagonal = row[j + 1];
            row[j + 1] = substitute.min(row[j] + 1).min(row[j + 1] + 1);
        }
    }
    row[b.len()]
}

fn quoted_list(options: &[&str]) -> String {
    options
        .iter()
        .map(|o| format!("\"{o}\""))
        .collect::<Vec<_>>()
        .join(", ")
}

/// A short description of a JSON value for messages.
fn describe(v: &Value) -> String {
    match v {
        Value::Null => "null".into(),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) => n.to_string(),
        Value::String(s) => format!("\"{s}\""),
        Value::Array(_) => "a list".into(),
        Value::Object(_) => "an object".into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edit_distance_counts_single_edits() {
        assert_eq!(edit_distance("strat", "start"), 2);
        assert_eq!(edit_distance("buoyancy", "buoyancy"), 0);
        assert_eq!(edit_distance("bouyancy", "buoyancy"), 2);
        assert_eq!(edit_distance("", "end"), 3);
    }

    /// Every plan file under tests/fixtures and plans/ that the walk
    /// accepts reads to the same plan by hand and with serde.
    #[test]
    fn walked_values_read_as_serde_reads_them() {
        let mut seen = 0;
        for dir in [
            "tests/fixtures/links",
            "tests/fixtures/hostile",
            "tests/fixtures/review",
            "tests/golden",
            "plans",
        ] {
            let Ok(entries) = std::fs::read_dir(dir) else {
                continue;
            };
            for entry in entries.flatten() {
                let path = entry.path();
                if path.extension().is_none_or(|e| e != "json") {
                    continue;
                }
                let Ok(text) = std::fs::read_to_string(&path) else {
                    continue;
                };
                let Ok(value) = serde_json::from_str::<Value>(&text) else {
                    continue;
                };
                if check_format_and_version(&value).is_err() {
                    continue;
                }
                let mut problems = Vec::new();
                walk(&value, &Shape::Object(PLAN), "", &mut problems);
                if !problems.is_empty() {
                    continue;
                }
                assert_eq!(
                    plan_from_walked(&value).ok(),
                    plan_from_value(value).ok(),
                    "{}",
                    path.display()
                );
                seen += 1;
            }
        }
        assert!(seen >= 4, "only {seen} plan files");
    }

    #[test]
    fn plans_are_written_as_serde_writes_them() {
        let mut plans = vec![crate::model::default_plan()];
        for text in [
            include_str!("../../plans/example.json"),
            include_str!("../../tests/fixtures/links/every-field.plan.json"),
        ] {
            plans.push(parse_plan(text).expect("a valid plan"));
        }
        let mut odd = plans[0].clone();
        odd.meta.discount_rate_pct = -0.0;
        odd.meta.exit_threshold_pct = f64::NAN;
        odd.macro_path.gdp_base = f64::INFINITY;
        odd.meta.start_year = -5;
        odd.reserve.opening = -0.0;
        plans.push(odd);
        for plan in &plans {
            assert_eq!(
                plan_to_value(plan),
                serde_json::to_value(plan).expect("serialises")
            );
        }
    }

    #[test]
    fn typed_parse_errors_keep_the_model_path() {
        // The walk would catch this first; the typed parse must still say where.
        let v: Value = serde_json::json!({
            "format": "sunset-plan", "version": 1,
            "meta": {"start_year": 2026, "horizon_years": 5},
            "macro": {"gdp_base": 1.0, "population_base": 1.0},
            "donors": [{"name": "a", "kind": "budget_support", "base": 1.0},
                       {"name": "b", "kind": "cofinancing", "target": "x",
                        "initial_country_share_pct": 1, "step_pp": 1, "start": -2}]
        });
        let p = plan_from_value(v).unwrap_err();
        assert_eq!(p.path, "donors[1].start");
        assert_eq!(p.message, format!("{TIME_POINT_MESSAGE} (got -2)"));
    }

    #[test]
    fn typed_parse_names_a_bad_override_key() {
        // serde_path_to_error cannot name a map key ("?"); the message does.
        let v: Value = serde_json::json!({
            "format": "sunset-plan", "version": 1,
            "meta": {"start_year": 2026, "horizon_years": 5},
            "macro": {"gdp_base": 1.0, "population_base": 1.0,
                      "overrides": {"real_growth_pct": {"01": 50}}}
        });
        let p = plan_from_value(v).unwrap_err();
        assert_eq!(p.path, "macro.overrides.real_growth_pct");
        assert_eq!(
            p.message,
            "the key \"01\" must be a plan year written as a whole number (0, 1, 2 …)"
        );
    }
}
