//! Edits to a plan, addressed the way MODEL.md and `validate` address
//! fields (`donors[1].taper.end`). Pure functions on `&mut Plan`: no web
//! APIs, no undo, no evaluation (that is `state.rs`). An edit that cannot be
//! applied (unknown path, wrong kind of value) returns `Err` and leaves the
//! plan as it was; out-of-range numbers are applied and left to `validate`,
//! so the model stays the one judge of what a valid plan is.

use std::any::Any;
use std::collections::BTreeMap;

use crate::model::{
    root, At, CostLine, Criterion, Currency, Donor, DonorKind, Field, Node, Op, Plan, Programme,
    Ramp, Reform, Revenue, Seg, Shock, Taper,
};
use crate::ui::i18n::{tr, Lang};

/// A value typed or picked in a control.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    Num(f64),
    /// Whole numbers: plan years, counts of years, the start year.
    Int(i64),
    Text(String),
    Bool(bool),
}

/// Why an edit was not applied. Controls avoid these; the reducer ignores them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EditError(pub &'static str);

type Edit = Result<(), EditError>;

fn num(v: Value) -> Result<f64, EditError> {
    match v {
        Value::Num(x) if x.is_finite() => Ok(x),
        Value::Int(i) => Ok(i as f64),
        _ => Err(EditError("expected a number")),
    }
}

/// A plan-year index or a count of years: whole and not negative.
fn year(v: Value) -> Result<u32, EditError> {
    match v {
        Value::Int(i) => u32::try_from(i).map_err(|_| EditError("expected a whole number ≥ 0")),
        Value::Num(x) if x.fract() == 0.0 && (0.0..=u32::MAX as f64).contains(&x) => Ok(x as u32),
        _ => Err(EditError("expected a whole number ≥ 0")),
    }
}

fn text(v: Value) -> Result<String, EditError> {
    match v {
        Value::Text(s) => Ok(s),
        _ => Err(EditError("expected text")),
    }
}

fn flag(v: Value) -> Result<bool, EditError> {
    match v {
        Value::Bool(b) => Ok(b),
        _ => Err(EditError("expected on/off")),
    }
}

const NO_FIELD: EditError = EditError("no such field");

fn item<T>(list: &mut [T], i: usize) -> Result<&mut T, EditError> {
    list.get_mut(i).ok_or(EditError("no such item"))
}

/// Sets the field `field` names to `v`. The plan's definition finds the
/// field (`Node::node_mut`); the value is converted to the field's type.
pub fn set_field(plan: &mut Plan, field: &Field, v: Value) -> Edit {
    use Seg::{Index as I, Key as K, Year as Y};
    match field.segs() {
        // A renamed cost line or programme keeps its co-financing donors.
        [K(list @ ("costs" | "programmes")), I(i), K("name")] => {
            let name = text(v)?;
            let old = if *list == "costs" {
                std::mem::replace(&mut item(&mut plan.costs, *i)?.name, name.clone())
            } else {
                std::mem::replace(&mut item(&mut plan.programmes, *i)?.name, name.clone())
            };
            retarget(plan, &old, &name);
            return Ok(());
        }
        // A donor without a taper gets one of shape `none` at its first taper edit.
        [K("donors"), I(i), K("taper"), ..] => {
            item(&mut plan.donors, *i)?
                .taper
                .get_or_insert_with(Taper::default);
        }
        // An override for a year not overridden yet.
        [K("macro"), K("overrides"), K(series), Y(t)] => {
            let x = num(v)?;
            let map = plan
                .node_mut(&field.segs()[..3])
                .and_then(|m| m.downcast_mut::<BTreeMap<u32, f64>>())
                .ok_or(NO_FIELD)?;
            debug_assert!(matches!(*series, "real_growth_pct" | "inflation_pct"));
            map.insert(*t, x);
            return Ok(());
        }
        _ => {}
    }
    let slot = plan.node_mut(field.segs()).ok_or(NO_FIELD)?;
    assign(slot, v)
}

/// Puts `v` into a field of whatever type the plan gives it there.
fn assign(slot: &mut dyn Any, v: Value) -> Edit {
    if let Some(x) = slot.downcast_mut::<f64>() {
        *x = num(v)?;
    } else if let Some(x) = slot.downcast_mut::<Option<f64>>() {
        *x = Some(num(v)?);
    } else if let Some(x) = slot.downcast_mut::<u32>() {
        *x = year(v)?;
    } else if let Some(x) = slot.downcast_mut::<u64>() {
        // A run's seed: whole and not negative (its upper bound is validate's).
        *x = match v {
            Value::Int(i) => {
                u64::try_from(i).map_err(|_| EditError("expected a whole number ≥ 0"))?
            }
            Value::Num(x) if x.fract() == 0.0 && (0.0..=u64::MAX as f64).contains(&x) => x as u64,
            _ => return Err(EditError("expected a whole number ≥ 0")),
        };
    } else if let Some(x) = slot.downcast_mut::<Option<u32>>() {
        *x = Some(year(v)?);
    } else if let Some(x) = slot.downcast_mut::<i32>() {
        *x = match v {
            Value::Int(i) => i32::try_from(i).map_err(|_| EditError("year out of range"))?,
            _ => return Err(EditError("expected a year")),
        };
    } else if let Some(x) = slot.downcast_mut::<String>() {
        *x = text(v)?;
    } else if let Some(x) = slot.downcast_mut::<Option<String>>() {
        // An optional name left empty is no name (a criterion keyed by index).
        let s = text(v)?;
        *x = (!s.is_empty()).then_some(s);
    } else if let Some(x) = slot.downcast_mut::<bool>() {
        *x = flag(v)?;
    } else if let Some(x) = slot.downcast_mut::<Option<Currency>>() {
        *x = Some(Currency::from_name(&text(v)?).ok_or(EditError("LCU or USD"))?);
    } else if let Some(x) = slot.downcast_mut::<Op>() {
        *x = Op::from_name(&text(v)?).ok_or(EditError("unknown comparison"))?;
    } else {
        return Err(EditError("not a field a control sets"));
    }
    Ok(())
}

/// A cofinancing donor follows its target when the target is renamed.
fn retarget(plan: &mut Plan, old: &str, new: &str) {
    if old == new {
        return;
    }
    // Follow only when the new name is unique, so a rename that collides
    // with another line does not silently repoint a donor.
    if need_names(plan).iter().filter(|n| **n == new).count() > 1 {
        return;
    }
    for d in &mut plan.donors {
        if d.target.as_deref() == Some(old) {
            d.target = Some(new.to_string());
        }
    }
}

// ---------------------------------------------------------------- lists

/// The plan's editable lists.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum List {
    Revenues,
    Costs,
    Programmes,
    Donors,
    Shocks,
    Criteria,
}

impl List {
    /// The plan-file key, used in test ids.
    pub fn key(self) -> &'static str {
        match self {
            List::Revenues => "revenues",
            List::Costs => "costs",
            List::Programmes => "programmes",
            List::Donors => "donors",
            List::Shocks => "shocks",
            List::Criteria => "criteria",
        }
    }
    /// The list's address in the plan.
    pub fn field(self) -> Field {
        let r = root();
        match self {
            List::Revenues => r.revenues().field().clone(),
            List::Costs => r.costs().field().clone(),
            List::Programmes => r.programmes().field().clone(),
            List::Donors => r.donors().field().clone(),
            List::Shocks => r.shocks().field().clone(),
            List::Criteria => r.criteria().field().clone(),
        }
    }
    /// The name field of item `i`; shocks have none.
    pub fn name_at(self, i: usize) -> Option<Field> {
        let r = root();
        Some(match self {
            List::Revenues => r.revenues().at(i).name(),
            List::Costs => r.costs().at(i).name(),
            List::Programmes => r.programmes().at(i).name(),
            List::Donors => r.donors().at(i).name(),
            List::Shocks => return None,
            List::Criteria => r.criteria().at(i).name(),
        })
    }
    /// Singular, for `add-<noun>` test ids.
    pub fn noun(self) -> &'static str {
        match self {
            List::Revenues => "revenue",
            List::Costs => "cost",
            List::Programmes => "programme",
            List::Donors => "donor",
            List::Shocks => "shock",
            List::Criteria => "criterion",
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub enum ListOp {
    Add,
    Remove(usize),
    Rename(usize, String),
    Duplicate(usize),
    MoveUp(usize),
    MoveDown(usize),
}

/// Rounds to two significant figures, for starting values people can read.
fn round2(x: f64) -> f64 {
    if x <= 0.0 || !x.is_finite() {
        return 0.0;
    }
    let p = 10f64.powi(x.log10().floor() as i32 - 1);
    (x / p).round() * p
}

/// `base` if unused, else `base 2`, `base 3` …
fn unique_name(base: &str, taken: &[&str]) -> String {
    if !taken.contains(&base) {
        return base.to_string();
    }
    (2..)
        .map(|n| format!("{base} {n}"))
        .find(|c| !taken.contains(&c.as_str()))
        .unwrap_or_default()
}

/// Cost lines and programmes share one name space (MODEL.md).
fn need_names(plan: &Plan) -> Vec<&str> {
    plan.costs
        .iter()
        .map(|c| c.name.as_str())
        .chain(plan.programmes.iter().map(|p| p.name.as_str()))
        .collect()
}

fn names_of(plan: &Plan, list: List) -> Vec<&str> {
    match list {
        List::Revenues => plan.revenues.iter().map(|r| r.name.as_str()).collect(),
        List::Costs | List::Programmes => need_names(plan),
        List::Donors => plan.donors.iter().map(|d| d.name.as_str()).collect(),
        List::Shocks => Vec::new(),
        List::Criteria => plan
            .criteria
            .iter()
            .filter_map(|c| c.name.as_deref())
            .collect(),
    }
}

/// A new item, neutral: it changes no figure until the person says how
/// much. (A placeholder amount is a trap: eleven placeholder donors once
/// closed an 81 bn gap.) What is not named here is the format's default,
/// which is neutral already (no amount, no growth, no ramp); rates and
/// shapes start where they read naturally.
fn fresh(plan: &Plan, list: List, lang: Lang) -> Item {
    let gdp = plan.macro_path.gdp_base.max(0.0);
    let h = plan.meta.horizon_years.max(1);
    let taken = names_of(plan, list);
    let name = |en, fr| unique_name(tr(lang, en, fr), &taken);
    match list {
        List::Revenues => Item::Revenue(Revenue {
            name: name("New revenue", "Nouvelle recette"),
            ..Default::default()
        }),
        List::Costs => Item::Cost(CostLine {
            name: name("New cost line", "Nouvelle dépense"),
            ..Default::default()
        }),
        List::Programmes => {
            let per_head = gdp / plan.macro_path.population_base.max(1.0);
            Item::Programme(Programme {
                name: name("New programme", "Nouveau programme"),
                benefit_base: round2(per_head * 0.1),
                admin_pct: 5.0,
                ..Default::default()
            })
        }
        List::Donors => Item::Donor(Donor {
            name: name("New donor", "Nouveau bailleur"),
            base: Some(0.0),
            taper: Some(Taper::Linear {
                start: 0,
                end: (h / 2).max(1),
            }),
            ..Default::default()
        }),
        List::Shocks => Item::Shock(Shock {
            at: 1.min(h - 1),
            ..Default::default()
        }),
        List::Criteria => Item::Criterion(Criterion {
            metric: "self_sufficiency_pct".into(),
            value: 100.0,
            ..Default::default()
        }),
    }
}

enum Item {
    Revenue(Revenue),
    Cost(CostLine),
    Programme(Programme),
    Donor(Donor),
    Shock(Shock),
    Criterion(Criterion),
}

/// Moves, removes or copies item `i` of `v`; `None` when `i` is out of range
/// or the move would leave the list.
fn reorder<T: Clone>(v: &mut Vec<T>, op: &ListOp) -> Option<()> {
    match *op {
        ListOp::Remove(i) if i < v.len() => {
            v.remove(i);
        }
        ListOp::MoveUp(i) if i > 0 && i < v.len() => v.swap(i - 1, i),
        ListOp::MoveDown(i) if i + 1 < v.len() => v.swap(i, i + 1),
        _ => return None,
    }
    Some(())
}

/// Applies a list operation.
pub fn list_op(plan: &mut Plan, list: List, op: ListOp, lang: Lang) -> Edit {
    let bad = EditError("no such item");
    match op {
        ListOp::Add => {
            match fresh(plan, list, lang) {
                Item::Revenue(x) => plan.revenues.push(x),
                Item::Cost(x) => plan.costs.push(x),
                Item::Programme(x) => plan.programmes.push(x),
                Item::Donor(x) => plan.donors.push(x),
                Item::Shock(x) => plan.shocks.push(x),
                Item::Criterion(x) => plan.criteria.push(x),
            }
            Ok(())
        }
        ListOp::Rename(i, name) => {
            let field = list.name_at(i).ok_or(EditError("shocks have no name"))?;
            set_field(plan, &field, Value::Text(name))
        }
        ListOp::Duplicate(i) => {
            let copy = |n: &str| unique_name(n, &names_of(plan, list));
            match list {
                List::Revenues => {
                    let mut x = plan.revenues.get(i).ok_or(bad)?.clone();
                    x.name = copy(&x.name);
                    plan.revenues.insert(i + 1, x);
                }
                List::Costs => {
                    let mut x = plan.costs.get(i).ok_or(bad)?.clone();
                    x.name = copy(&x.name);
                    plan.costs.insert(i + 1, x);
                }
                List::Programmes => {
                    let mut x = plan.programmes.get(i).ok_or(bad)?.clone();
                    x.name = copy(&x.name);
                    plan.programmes.insert(i + 1, x);
                }
                List::Donors => {
                    let mut x = plan.donors.get(i).ok_or(bad)?.clone();
                    x.name = copy(&x.name);
                    plan.donors.insert(i + 1, x);
                }
                List::Shocks => {
                    let x = plan.shocks.get(i).ok_or(bad)?.clone();
                    plan.shocks.insert(i + 1, x);
                }
                List::Criteria => {
                    let mut x = plan.criteria.get(i).ok_or(bad)?.clone();
                    x.name = x.name.as_deref().map(copy);
                    plan.criteria.insert(i + 1, x);
                }
            }
            Ok(())
        }
        op => match list {
            List::Revenues => reorder(&mut plan.revenues, &op),
            List::Costs => reorder(&mut plan.costs, &op),
            List::Programmes => reorder(&mut plan.programmes, &op),
            List::Donors => reorder(&mut plan.donors, &op),
            List::Shocks => reorder(&mut plan.shocks, &op),
            List::Criteria => reorder(&mut plan.criteria, &op),
        }
        .ok_or(bad),
    }
}

/// The donors that co-finance item `i` of `list` (a cost line or a
/// programme): what removing the item would leave without a target.
pub fn cofinancers(plan: &Plan, list: List, i: usize) -> Vec<String> {
    let name = match list {
        List::Costs => plan.costs.get(i).map(|c| &c.name),
        List::Programmes => plan.programmes.get(i).map(|p| &p.name),
        _ => None,
    };
    plan.donors
        .iter()
        .filter(|d| name.is_some() && d.target.as_ref() == name)
        .map(|d| d.name.clone())
        .collect()
}

/// Which donor co-finances what, by name: the part of the donors a cost or
/// programme section compares to know its items' co-financers.
pub fn cofinance_links(plan: &Plan) -> Vec<(&str, &str)> {
    plan.donors
        .iter()
        .filter_map(|d| Some((d.name.as_str(), d.target.as_deref()?)))
        .collect()
}

// ---------------------------------------------------------------- donors

/// Switches a donor's kind, keeping what the new kind uses and filling what
/// it requires, so the donor stays valid where it can.
pub fn set_donor_kind(plan: &mut Plan, i: usize, kind: DonorKind) -> Edit {
    let first_target = plan
        .programmes
        .first()
        .map(|p| p.name.clone())
        .or_else(|| plan.costs.first().map(|c| c.name.clone()));
    let d = item(&mut plan.donors, i)?;
    if d.kind == kind {
        return Ok(());
    }
    d.kind = kind;
    match kind {
        DonorKind::BudgetSupport | DonorKind::GapFilling => {
            // Neutral, as a new donor: no placeholder amount.
            d.base.get_or_insert(0.0);
            d.taper.get_or_insert_with(Taper::default);
            d.target = None;
            d.initial_country_share_pct = None;
            d.step_pp = None;
            d.start = None;
        }
        DonorKind::Cofinancing => {
            d.base = None;
            d.currency = None;
            d.taper = None;
            d.target = Some(d.target.take().or(first_target).unwrap_or_default());
            d.initial_country_share_pct.get_or_insert(10.0);
            d.step_pp.get_or_insert(10.0);
            d.start.get_or_insert(0);
        }
    }
    Ok(())
}

/// The taper shapes, without their parameters (for the shape select).
pub use crate::model::TaperShape as Shape;

fn taper_start(t: &Taper) -> Option<u32> {
    match t {
        Taper::Linear { start, .. } | Taper::Exponential { start, .. } => Some(*start),
        // (`as` takes a midpoint before the plan's start to year 0.)
        Taper::Logistic { midpoint, .. } => Some(*midpoint as u32),
        Taper::Steps { points, .. } => points.first().map(|p| p.0),
        _ => None,
    }
}

fn taper_end(t: &Taper) -> Option<u32> {
    match t {
        Taper::Linear { end, .. } => Some(*end),
        Taper::None { end }
        | Taper::Exponential { end, .. }
        | Taper::Steps { end, .. }
        | Taper::Logistic { end, .. } => *end,
    }
}

/// Changes a budget-support or gap-filling donor's taper shape, carrying
/// over the start and the cliff `end` and filling the rest.
pub fn set_taper_shape(plan: &mut Plan, i: usize, shape: Shape) -> Edit {
    let h = plan.meta.horizon_years.max(2);
    let d = item(&mut plan.donors, i)?;
    if d.kind == DonorKind::Cofinancing {
        return Err(EditError("cofinancing has no taper"));
    }
    let old = d.taper.take().unwrap_or_default();
    if old.kind() == shape {
        d.taper = Some(old);
        return Ok(());
    }
    let start = taper_start(&old).unwrap_or(0);
    let end = taper_end(&old);
    d.taper = Some(match shape {
        Shape::None => Taper::None { end },
        Shape::Linear => Taper::Linear {
            start,
            end: end
                .filter(|e| *e > start)
                .unwrap_or(start.saturating_add((h / 2).max(1))),
        },
        Shape::Exponential => Taper::Exponential {
            start,
            rate_pct: 20.0,
            end,
        },
        Shape::Steps => {
            let mid = start.saturating_add((h / 3).max(1));
            Taper::Steps {
                points: vec![(start, 100.0), (mid, 50.0)],
                end,
            }
        }
        Shape::Logistic => Taper::Logistic {
            midpoint: f64::from(start) + f64::from(h / 3),
            steepness: 1.0,
            end,
        },
    });
    Ok(())
}

/// Optional sub-objects a control can switch on and off.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Optional {
    Reform(usize),
    Handover(usize),
    Coverage(usize),
    /// The cliff `end` of a donor's taper (linear's end is not optional).
    TaperEnd(usize),
    Reengagement,
    /// The plan's Monte Carlo run (`uncertainty`), switched on with
    /// IMF-typical spreads.
    Uncertainty,
}

pub fn toggle(plan: &mut Plan, what: Optional) -> Edit {
    let h = plan.meta.horizon_years;
    let ramp = || Ramp {
        from_pct: 50.0,
        to_pct: 100.0,
        start: 0,
        years: (h / 2).max(1),
    };
    match what {
        Optional::Reform(i) => {
            let r = &mut item(&mut plan.revenues, i)?.reform;
            *r = match r {
                Some(_) => None,
                None => Some(Reform {
                    start: 1,
                    years: 5,
                    gain_pct_gdp_per_year: 0.2,
                }),
            }
        }
        Optional::Handover(i) => {
            let r = &mut item(&mut plan.costs, i)?.handover;
            *r = if r.is_some() { None } else { Some(ramp()) }
        }
        Optional::Coverage(i) => {
            let r = &mut item(&mut plan.programmes, i)?.coverage;
            *r = if r.is_some() { None } else { Some(ramp()) }
        }
        Optional::TaperEnd(i) => {
            let t = item(&mut plan.donors, i)?
                .taper
                .get_or_insert_with(Taper::default);
            let after = taper_start(t).unwrap_or(0);
            let fill = after.saturating_add(1).max(h.saturating_sub(1));
            match t {
                Taper::None { end }
                | Taper::Exponential { end, .. }
                | Taper::Steps { end, .. }
                | Taper::Logistic { end, .. } => {
                    *end = if end.is_some() { None } else { Some(fill) }
                }
                Taper::Linear { .. } => return Err(EditError("a linear taper always ends")),
            }
        }
        Optional::Reengagement => {
            plan.reengagement = match plan.reengagement {
                Some(_) => None,
                None => Some(crate::model::Reengagement {
                    trigger_pct: 90.0,
                    reserve_floor_months: 1.0,
                }),
            }
        }
        Optional::Uncertainty => match plan.uncertainty {
            Some(_) => plan.uncertainty = None,
            None => crate::ui::spreads::apply(plan, crate::ui::spreads::SpreadPreset::ImfTypical),
        },
    }
    Ok(())
}

pub fn add_step_point(plan: &mut Plan, i: usize) -> Edit {
    match item(&mut plan.donors, i)?.taper.as_mut() {
        Some(Taper::Steps { points, .. }) => {
            let (t, pct) = points.last().copied().unwrap_or((0, 100.0));
            points.push((t.saturating_add(1), (pct / 2.0).round()));
            Ok(())
        }
        _ => Err(EditError("not a step taper")),
    }
}

pub fn remove_step_point(plan: &mut Plan, i: usize, j: usize) -> Edit {
    match item(&mut plan.donors, i)?.taper.as_mut() {
        Some(Taper::Steps { points, .. }) if j < points.len() => {
            points.remove(j);
            Ok(())
        }
        _ => Err(EditError("no such step")),
    }
}

// ---------------------------------------------------------------- overrides

/// The two macro series that take year-by-year overrides.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Series {
    RealGrowth,
    Inflation,
}

impl Series {
    pub fn key(self) -> &'static str {
        match self {
            Series::RealGrowth => "real_growth_pct",
            Series::Inflation => "inflation_pct",
        }
    }
}

impl Series {
    /// The override for plan year `t` of this series.
    pub fn at(self, t: u32) -> Field {
        let o = root().macro_path().overrides();
        match self {
            Series::RealGrowth => o.real_growth_pct().year(t),
            Series::Inflation => o.inflation_pct().year(t),
        }
    }
}

fn series_mut(plan: &mut Plan, s: Series) -> (&mut std::collections::BTreeMap<u32, f64>, f64) {
    let m = &mut plan.macro_path;
    match s {
        Series::RealGrowth => (&mut m.overrides.real_growth_pct, m.real_growth_pct),
        Series::Inflation => (&mut m.overrides.inflation_pct, m.inflation_pct),
    }
}

/// Adds an override at the first plan year ≥ 1 without one, at the base rate.
pub fn add_override(plan: &mut Plan, s: Series) -> Edit {
    let (map, base) = series_mut(plan, s);
    let t = (1..)
        .find(|t| !map.contains_key(t))
        .ok_or(EditError("full"))?;
    map.insert(t, base);
    Ok(())
}

pub fn remove_override(plan: &mut Plan, s: Series, t: u32) -> Edit {
    series_mut(plan, s)
        .0
        .remove(&t)
        .map(|_| ())
        .ok_or(EditError("no such override"))
}

/// Moves an override to another plan year; refused if that year has one.
pub fn move_override(plan: &mut Plan, s: Series, from: u32, to: u32) -> Edit {
    let (map, _) = series_mut(plan, s);
    if from == to || map.contains_key(&to) {
        return Err(EditError("that year already has a value"));
    }
    let v = map.remove(&from).ok_or(EditError("no such override"))?;
    map.insert(to, v);
    Ok(())
}
