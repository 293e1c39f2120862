//! The plan: the MODEL.md file format, declared once. Each type below is
//! written with `record!`, `tagged!` or `string_enum!` (see `shape`), which
//! derive from this one declaration the reader, the writer, the structural
//! walk, the typed field addresses and access by address.
//!
//! Policies: `req` required; `def(x)` defaults to x and is always written;
//! `opt(x)` defaults to x and is left out of the file at x.
//!
//! Rules a valid plan must meet live in `validate`; the arithmetic in
//! `evaluate`.

use std::collections::BTreeMap;

use super::field::Field;
use super::shape::{record, string_enum, tagged};

/// The `format` value every plan file carries.
pub const FORMAT: &str = "sunset-plan";
/// The plan format version this release reads and writes.
pub const VERSION: u32 = 2;
/// The oldest plan format version this release reads (and saves as `VERSION`).
pub const OLDEST_VERSION: u32 = 1;

/// The longest note, in Unicode code points.
pub const MAX_NOTE_CHARS: usize = 500;
/// The most scenarios a plan holds.
pub const MAX_SCENARIOS: usize = 12;

/// A plan-year index t (0 = `start_year`). Whole and non-negative by type;
/// points past the horizon are allowed and never reached.
pub type PlanYear = u32;

/// Plan-year indices and counts as the file may write them.
pub mod whole {
    /// A whole number, 0 to u32::MAX, written as an integer or a whole
    /// decimal (`1.0` is the plan year 1; MODEL.md asks for a whole
    /// number, not for a spelling).
    pub fn from_f64(x: f64) -> Option<u32> {
        (x.is_finite() && x >= 0.0 && x.fract() == 0.0 && x <= f64::from(u32::MAX))
            .then_some(x as u32)
    }

    /// `{ "<t>": value }`: a key is a plan year written in digits, without
    /// sign or leading zeros ("01" could be a typo for "10" or for "1").
    pub fn key(key: &str) -> Option<u32> {
        let canonical = !key.is_empty()
            && key.bytes().all(|b| b.is_ascii_digit())
            && (key == "0" || !key.starts_with('0'));
        canonical.then(|| key.parse().ok()).flatten()
    }
}

/// The address of the whole plan: `root().donors().at(1).taper()`.
pub fn root() -> PlanAt {
    PlanAt(Field::root())
}

record! {
    pub struct Plan at PlanAt {
        pub format: String = req,
        pub version: u32 = req,
        pub meta: Meta = req,
        pub macro_path as "macro": Macro = req,
        pub revenues: Vec<Revenue> = opt(Vec::new()),
        pub costs: Vec<CostLine> = opt(Vec::new()),
        pub programmes: Vec<Programme> = opt(Vec::new()),
        pub donors: Vec<Donor> = opt(Vec::new()),
        pub shocks: Vec<Shock> = opt(Vec::new()),
        pub reserve: Reserve = opt(Reserve::default()),
        pub criteria: Vec<Criterion> = opt(Vec::new()),
        pub reengagement: Option<Reengagement> = opt(None),
        /// Variants of the plan, each the baseline with its `changes`.
        pub scenarios: Vec<Scenario> = opt(Vec::new()) since 2,
        /// Spreads for a Monte Carlo run.
        pub uncertainty: Option<Uncertainty> = opt(None) since 2,
    }
}

record! {
    pub struct Meta at MetaAt {
        pub name: String = def(String::new()),
        pub country: String = def(String::new()),
        /// Display code only (e.g. "XLC"); donor money uses `Donor::currency`.
        pub currency: String = def("LCU".to_string()),
        pub start_year: i32 = req,
        pub horizon_years: u32 = req,
        pub discount_rate_pct: f64 = opt(0.0),
        pub exit_threshold_pct: f64 = opt(1.0),
        /// The source or reasoning behind the figures (at most 500 characters).
        pub note: String = opt(String::new()) since 2,
    }
}

record! {
    pub struct Macro at MacroAt {
        pub gdp_base: f64 = req,
        pub real_growth_pct: f64 = def(0.0),
        pub inflation_pct: f64 = def(0.0),
        pub population_base: f64 = req,
        pub population_growth_pct: f64 = def(0.0),
        pub fx_base: f64 = def(1.0),
        pub foreign_inflation_pct: f64 = def(0.0),
        pub real_depreciation_pct: f64 = def(0.0),
        pub overrides: Overrides = opt(Overrides::default()),
    }
}

record! {
    /// Year-specific values, keyed by plan-year index.
    pub struct Overrides at OverridesAt {
        pub real_growth_pct: BTreeMap<PlanYear, f64> = opt(BTreeMap::new()),
        pub inflation_pct: BTreeMap<PlanYear, f64> = opt(BTreeMap::new()),
    }
}

record! {
    pub struct Revenue at RevenueAt {
        pub name: String = req,
        pub base: f64 = req,
        pub buoyancy: f64 = def(1.0),
        pub reform: Option<Reform> = opt(None),
        /// The source or reasoning behind the figures (at most 500 characters).
        pub note: String = opt(String::new()) since 2,
    }
}

record! {
    /// Revenue-administration reform: `gain_pct_gdp_per_year` points of GDP
    /// gained in each of `years` years from `start`, and kept.
    pub struct Reform at ReformAt {
        pub start: PlanYear = req,
        pub years: u32 = req,
        pub gain_pct_gdp_per_year: f64 = req,
    }
}

record! {
    pub struct CostLine at CostLineAt {
        pub name: String = req,
        pub base: f64 = req,
        pub indexed: bool = opt(true),
        pub real_growth_pct: f64 = opt(0.0),
        /// Staged handover from the international mission to the local budget.
        pub handover: Option<Ramp> = opt(None),
        /// The source or reasoning behind the figures (at most 500 characters).
        pub note: String = opt(String::new()) since 2,
    }
}

record! {
    /// `ramp(from, to, start, years)` of MODEL.md, in percent.
    pub struct Ramp at RampAt {
        pub from_pct: f64 = req,
        pub to_pct: f64 = req,
        pub start: PlanYear = req,
        pub years: u32 = req,
    }
}

record! {
    pub struct Programme at ProgrammeAt {
        pub name: String = req,
        pub eligible_share_pct: f64 = req,
        pub benefit_base: f64 = req,
        pub indexed: bool = opt(true),
        pub real_benefit_growth_pct: f64 = opt(0.0),
        pub admin_pct: f64 = opt(0.0),
        pub coverage: Option<Ramp> = opt(None),
        /// The source or reasoning behind the figures (at most 500 characters).
        pub note: String = opt(String::new()) since 2,
    }
}

string_enum! {
    pub enum DonorKind {
        BudgetSupport = "budget_support",
        Cofinancing = "cofinancing",
        GapFilling = "gap_filling",
    }
}

string_enum! {
    pub enum Currency {
        Lcu = "LCU",
        Usd = "USD",
    }
}

record! {
    /// One donor. The fields a kind does not use stay `None`; validation
    /// refuses them when present (MODEL.md: "a field the item's kind does
    /// not use"). `budget_support` and `gap_filling` use base, currency and
    /// taper; `cofinancing` uses target, initial_country_share_pct, step_pp
    /// and start.
    pub struct Donor at DonorAt {
        pub name: String = req,
        pub kind: DonorKind = req,
        pub currency: Option<Currency> = opt(None),
        pub fulfilment_pct: f64 = opt(100.0),
        pub base: Option<f64> = opt(None),
        pub taper: Option<Taper> = opt(None),
        pub target: Option<String> = opt(None),
        pub initial_country_share_pct: Option<f64> = opt(None),
        pub step_pp: Option<f64> = opt(None),
        pub start: Option<PlanYear> = opt(None),
        /// The source or reasoning behind the figures (at most 500 characters).
        pub note: String = opt(String::new()) since 2,
    }
}

tagged! {
    /// The taper multiplier m(t)'s shape. Every shape may carry `end`, a
    /// cliff after which m(t) = 0; for `linear` it is the shape's own end.
    pub enum Taper at TaperAt tag "shape" kinds TaperShape {
        None(none) = "none" at TaperNoneAt {
            end: Option<PlanYear> = opt(None),
        },
        Linear(linear) = "linear" at TaperLinearAt {
            start: PlanYear = req,
            end: PlanYear = req,
        },
        Exponential(exponential) = "exponential" at TaperExponentialAt {
            start: PlanYear = req,
            rate_pct: f64 = req,
            end: Option<PlanYear> = opt(None),
        },
        Steps(steps) = "steps" at TaperStepsAt {
            /// `[t, pct]` pairs, t strictly ascending.
            points: Vec<(PlanYear, f64)> = req,
            end: Option<PlanYear> = opt(None),
        },
        Logistic(logistic) = "logistic" at TaperLogisticAt {
            midpoint: f64 = req,
            steepness: f64 = req,
            end: Option<PlanYear> = opt(None),
        },
    }
}

impl Default for Taper {
    fn default() -> Self {
        Taper::None { end: None }
    }
}

record! {
    pub struct Shock at ShockAt {
        pub at: PlanYear = req,
        pub years: u32 = opt(1),
        pub revenue_pct: f64 = opt(0.0),
        pub donor_pct: f64 = opt(0.0),
        pub cost_pct: f64 = opt(0.0),
        /// The source or reasoning behind the figures (at most 500 characters).
        pub note: String = opt(String::new()) since 2,
    }
}

record! {
    pub struct Reserve at ReserveAt {
        pub opening: f64 = def(0.0),
        pub target_months: f64 = def(0.0),
        pub interest_pct: f64 = def(0.0),
    }
}

string_enum! {
    pub enum Op {
        Ge = ">=",
        Gt = ">",
        Le = "<=",
        Lt = "<",
    }
}

record! {
    pub struct Criterion at CriterionAt {
        pub name: Option<String> = opt(None),
        /// Any numeric per-year result field but `year`, e.g. `self_sufficiency_pct`.
        pub metric: String = req,
        pub op: Op = req,
        pub value: f64 = req,
        pub consecutive_years: u32 = opt(1),
        /// The source or reasoning behind the figures (at most 500 characters).
        pub note: String = opt(String::new()) since 2,
    }
}

record! {
    pub struct Reengagement at ReengagementAt {
        pub trigger_pct: f64 = req,
        pub reserve_floor_months: f64 = req,
    }
}

record! {
    /// A variant of the plan: the baseline with `changes` applied (MODEL.md
    /// "Scenarios"), so it follows later edits of everything it leaves alone.
    pub struct Scenario at ScenarioAt {
        pub name: String = req,
        /// What the scenario stands for.
        pub note: String = opt(String::new()),
        pub changes: Changes = req,
    }
}

record! {
    /// A Monte Carlo run's spreads (MODEL.md "Uncertainty").
    pub struct Uncertainty at UncertaintyAt {
        /// Path k's generator starts at `seed + k`.
        pub seed: u64 = opt(1),
        /// K, the number of paths.
        pub paths: u32 = opt(1000),
        /// σ_g, percentage points of real growth.
        pub real_growth_sd_pp: f64 = opt(0.0),
        /// σ_π, percentage points of inflation.
        pub inflation_sd_pp: f64 = opt(0.0),
        /// ρ, the share of a year's surprise that carries into the next.
        pub persistence: f64 = opt(0.5),
        /// The revenue level error's σ, in percent.
        pub revenue_error_pct: f64 = opt(0.0),
        /// The cost level error's σ, in percent.
        pub cost_error_pct: f64 = opt(0.0),
        /// The spread of each donor's fulfilment, percentage points.
        pub fulfilment_sd_pp: f64 = opt(0.0),
    }
}

/// A scenario's changes: MODEL.md paths (checked against the plan's
/// definition) and the JSON each puts there (`null` removes the node), in
/// the file's order. The values are checked when the changes are applied.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Changes(pub Vec<(Field, serde_json::Value)>);
