//! The plan: the typed form of the MODEL.md file format (plan format v1).
//!
//! These types only carry data and its serde shape (field names, defaults,
//! unknown fields refused). Rules a valid plan must meet live in `validate`;
//! the arithmetic lives in `evaluate`.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The `format` value every plan file carries.
pub const FORMAT: &str = "sunset-plan";
/// The plan format version this release reads and writes.
pub const VERSION: u32 = 1;

/// A plan-year index t (0 = `start_year`). Whole and non-negative by type;
/// points past the horizon are allowed and never reached.
pub type PlanYear = u32;

/// Serde readers for plan-year indices and counts: a JSON integer, or a
/// decimal with a whole value (`1.0` is the plan year 1; MODEL.md asks for
/// a whole number, not for a spelling). Written back as integers. Anything
/// negative, fractional, non-finite or above u32::MAX is refused with the
/// time-point message.
pub mod whole {
    use serde::de::{self, Deserializer, Visitor};
    use serde::Deserialize;
    use std::fmt;

    /// The message for a value that is not a plan year; parse.rs uses it too.
    pub fn not_whole_message(got: &dyn fmt::Display) -> String {
        format!("must be a whole number of plan years (0, 1, 2 …) (got {got})")
    }

    /// A whole number, 0 to u32::MAX, written as an integer or a whole decimal.
    pub fn from_f64(x: f64) -> Option<u32> {
        (x.is_finite() && x >= 0.0 && x.fract() == 0.0 && x <= f64::from(u32::MAX))
            .then_some(x as u32)
    }

    struct Whole(u32);

    impl<'de> Deserialize<'de> for Whole {
        fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
            d.deserialize_any(WholeVisitor).map(Whole)
        }
    }

    struct WholeVisitor;

    impl Visitor<'_> for WholeVisitor {
        type Value = u32;
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("a whole number of plan years (0, 1, 2 …)")
        }
        fn visit_u64<E: de::Error>(self, n: u64) -> Result<u32, E> {
            u32::try_from(n).map_err(|_| E::custom(not_whole_message(&n)))
        }
        fn visit_i64<E: de::Error>(self, n: i64) -> Result<u32, E> {
            u32::try_from(n).map_err(|_| E::custom(not_whole_message(&n)))
        }
        fn visit_f64<E: de::Error>(self, x: f64) -> Result<u32, E> {
            from_f64(x).ok_or_else(|| E::custom(not_whole_message(&x)))
        }
        fn visit_str<E: de::Error>(self, s: &str) -> Result<u32, E> {
            Err(E::custom(not_whole_message(&format!("\"{s}\""))))
        }
    }

    pub fn year<'de, D: Deserializer<'de>>(d: D) -> Result<u32, D::Error> {
        Whole::deserialize(d).map(|w| w.0)
    }

    pub fn opt_year<'de, D: Deserializer<'de>>(d: D) -> Result<Option<u32>, D::Error> {
        Option::<Whole>::deserialize(d).map(|o| o.map(|w| w.0))
    }

    pub fn points<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<(u32, f64)>, D::Error> {
        Vec::<(Whole, f64)>::deserialize(d)
            .map(|v| v.into_iter().map(|(t, pct)| (t.0, pct)).collect())
    }

    /// `{ "<t>": value }`: a key is a plan year written in digits, without
    /// sign or leading zeros ("01" could be a typo for "10" or for "1").
    pub fn key(key: &str) -> Option<u32> {
        let canonical = !key.is_empty()
            && key.bytes().all(|b| b.is_ascii_digit())
            && (key == "0" || !key.starts_with('0'));
        canonical.then(|| key.parse().ok()).flatten()
    }

    pub fn year_map<'de, D: Deserializer<'de>>(
        d: D,
    ) -> Result<std::collections::BTreeMap<u32, f64>, D::Error> {
        let raw = std::collections::BTreeMap::<String, f64>::deserialize(d)?;
        raw.into_iter()
            .map(|(k, v)| match key(&k) {
                Some(t) => Ok((t, v)),
                None => Err(de::Error::custom(format!(
                    "the key \"{k}\" must be a plan year written as a whole number (0, 1, 2 …)"
                ))),
            })
            .collect()
    }
}

fn is_default<T: Default + PartialEq>(v: &T) -> bool {
    *v == T::default()
}
fn is_true(b: &bool) -> bool {
    *b
}
fn yes() -> bool {
    true
}
fn one() -> f64 {
    1.0
}
fn is_one(x: &f64) -> bool {
    *x == 1.0
}
fn one_year() -> u32 {
    1
}
fn is_one_year(x: &u32) -> bool {
    *x == 1
}
fn hundred() -> f64 {
    100.0
}
fn is_hundred(x: &f64) -> bool {
    *x == 100.0
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Plan {
    pub format: String,
    pub version: u32,
    pub meta: Meta,
    #[serde(rename = "macro")]
    pub macro_path: Macro,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub revenues: Vec<Revenue>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub costs: Vec<CostLine>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub programmes: Vec<Programme>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub donors: Vec<Donor>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub shocks: Vec<Shock>,
    #[serde(default, skip_serializing_if = "is_default")]
    pub reserve: Reserve,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub criteria: Vec<Criterion>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reengagement: Option<Reengagement>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Meta {
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub country: String,
    /// Display code only (e.g. "XLC"); donor money uses `Donor::currency`.
    #[serde(default = "lcu")]
    pub currency: String,
    pub start_year: i32,
    #[serde(deserialize_with = "whole::year")]
    pub horizon_years: u32,
    #[serde(default, skip_serializing_if = "is_default")]
    pub discount_rate_pct: f64,
    #[serde(default = "one", skip_serializing_if = "is_one")]
    pub exit_threshold_pct: f64,
}

fn lcu() -> String {
    "LCU".to_string()
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Macro {
    pub gdp_base: f64,
    #[serde(default)]
    pub real_growth_pct: f64,
    #[serde(default)]
    pub inflation_pct: f64,
    pub population_base: f64,
    #[serde(default)]
    pub population_growth_pct: f64,
    #[serde(default = "one")]
    pub fx_base: f64,
    #[serde(default)]
    pub foreign_inflation_pct: f64,
    #[serde(default)]
    pub real_depreciation_pct: f64,
    #[serde(default, skip_serializing_if = "is_default")]
    pub overrides: Overrides,
}

/// Year-specific values, keyed by plan-year index.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Overrides {
    #[serde(
        default,
        deserialize_with = "whole::year_map",
        skip_serializing_if = "BTreeMap::is_empty"
    )]
    pub real_growth_pct: BTreeMap<PlanYear, f64>,
    #[serde(
        default,
        deserialize_with = "whole::year_map",
        skip_serializing_if = "BTreeMap::is_empty"
    )]
    pub inflation_pct: BTreeMap<PlanYear, f64>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Revenue {
    pub name: String,
    pub base: f64,
    #[serde(default = "one")]
    pub buoyancy: f64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reform: Option<Reform>,
}

/// Revenue-administration reform: `gain_pct_gdp_per_year` points of GDP
/// gained in each of `years` years from `start`, and kept.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Reform {
    #[serde(deserialize_with = "whole::year")]
    pub start: PlanYear,
    #[serde(deserialize_with = "whole::year")]
    pub years: u32,
    pub gain_pct_gdp_per_year: f64,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CostLine {
    pub name: String,
    pub base: f64,
    #[serde(default = "yes", skip_serializing_if = "is_true")]
    pub indexed: bool,
    #[serde(default, skip_serializing_if = "is_default")]
    pub real_growth_pct: f64,
    /// Staged handover from the international mission to the local budget.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub handover: Option<Ramp>,
}

/// `ramp(from, to, start, years)` of MODEL.md, in percent.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Ramp {
    pub from_pct: f64,
    pub to_pct: f64,
    #[serde(deserialize_with = "whole::year")]
    pub start: PlanYear,
    #[serde(deserialize_with = "whole::year")]
    pub years: u32,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Programme {
    pub name: String,
    pub eligible_share_pct: f64,
    pub benefit_base: f64,
    #[serde(default = "yes", skip_serializing_if = "is_true")]
    pub indexed: bool,
    #[serde(default, skip_serializing_if = "is_default")]
    pub real_benefit_growth_pct: f64,
    #[serde(default, skip_serializing_if = "is_default")]
    pub admin_pct: f64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub coverage: Option<Ramp>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DonorKind {
    BudgetSupport,
    Cofinancing,
    GapFilling,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Currency {
    #[default]
    #[serde(rename = "LCU")]
    Lcu,
    #[serde(rename = "USD")]
    Usd,
}

/// One donor. The fields a kind does not use stay `None`; validation refuses
/// them when present (MODEL.md: "a field the item's kind does not use").
/// `budget_support` and `gap_filling` use base, currency and taper;
/// `cofinancing` uses target, initial_country_share_pct, step_pp and start.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Donor {
    pub name: String,
    pub kind: DonorKind,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub currency: Option<Currency>,
    #[serde(default = "hundred", skip_serializing_if = "is_hundred")]
    pub fulfilment_pct: f64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub base: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub taper: Option<Taper>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub initial_country_share_pct: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub step_pp: Option<f64>,
    #[serde(
        default,
        deserialize_with = "whole::opt_year",
        skip_serializing_if = "Option::is_none"
    )]
    pub start: Option<PlanYear>,
}

/// The taper multiplier m(t)'s shape. Every shape may carry `end`, a cliff
/// after which m(t) = 0; for `linear` it is the shape's own end.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "shape", rename_all = "snake_case", deny_unknown_fields)]
pub enum Taper {
    None {
        #[serde(
            default,
            deserialize_with = "whole::opt_year",
            skip_serializing_if = "Option::is_none"
        )]
        end: Option<PlanYear>,
    },
    Linear {
        #[serde(deserialize_with = "whole::year")]
        start: PlanYear,
        #[serde(deserialize_with = "whole::year")]
        end: PlanYear,
    },
    Exponential {
        #[serde(deserialize_with = "whole::year")]
        start: PlanYear,
        rate_pct: f64,
        #[serde(
            default,
            deserialize_with = "whole::opt_year",
            skip_serializing_if = "Option::is_none"
        )]
        end: Option<PlanYear>,
    },
    Steps {
        /// `[t, pct]` pairs, t strictly ascending.
        #[serde(deserialize_with = "whole::points")]
        points: Vec<(PlanYear, f64)>,
        #[serde(
            default,
            deserialize_with = "whole::opt_year",
            skip_serializing_if = "Option::is_none"
        )]
        end: Option<PlanYear>,
    },
    Logistic {
        midpoint: f64,
        steepness: f64,
        #[serde(
            default,
            deserialize_with = "whole::opt_year",
            skip_serializing_if = "Option::is_none"
        )]
        end: Option<PlanYear>,
    },
}

impl Default for Taper {
    fn default() -> Self {
        Taper::None { end: None }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Shock {
    #[serde(deserialize_with = "whole::year")]
    pub at: PlanYear,
    #[serde(
        default = "one_year",
        deserialize_with = "whole::year",
        skip_serializing_if = "is_one_year"
    )]
    pub years: u32,
    #[serde(default, skip_serializing_if = "is_default")]
    pub revenue_pct: f64,
    #[serde(default, skip_serializing_if = "is_default")]
    pub donor_pct: f64,
    #[serde(default, skip_serializing_if = "is_default")]
    pub cost_pct: f64,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Reserve {
    #[serde(default)]
    pub opening: f64,
    #[serde(default)]
    pub target_months: f64,
    #[serde(default)]
    pub interest_pct: f64,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Op {
    #[serde(rename = ">=")]
    Ge,
    #[serde(rename = ">")]
    Gt,
    #[serde(rename = "<=")]
    Le,
    #[serde(rename = "<")]
    Lt,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Criterion {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Any numeric per-year result field but `year`, e.g. `self_sufficiency_pct`.
    pub metric: String,
    pub op: Op,
    pub value: f64,
    #[serde(
        default = "one_year",
        deserialize_with = "whole::year",
        skip_serializing_if = "is_one_year"
    )]
    pub consecutive_years: u32,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Reengagement {
    pub trigger_pct: f64,
    pub reserve_floor_months: f64,
}
