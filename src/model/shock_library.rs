//! Shocks a workshop asks about, one click each: each is a scenario of the
//! plan (its changes computed from the plan as it stands) with a note that
//! says what it assumes. Stylised, like the donor presets: the user edits
//! every number afterwards.

use serde_json::{json, Value};

use super::field::At;
use super::plan::{root, Changes, Plan, Scenario};
use super::scenario::free_name;

/// The shocks on offer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LibraryShock {
    /// Revenue −20 %, costs +10 %, for two years from plan year 1.
    ConflictRelapse,
    /// Revenue −12 % for three years from plan year 1 (exports and trade
    /// taxes fall with a commodity's price).
    CommodityPriceFall,
    /// Every donor disburses 30 points less of what it pledges.
    PledgeShortfall,
    /// The currency loses ground: 5 % a year of real depreciation, and the
    /// pass-through lifts inflation by 5 points in plan years 1 and 2.
    ExchangeRateShock,
}

impl LibraryShock {
    pub const ALL: [LibraryShock; 4] = [
        LibraryShock::ConflictRelapse,
        LibraryShock::CommodityPriceFall,
        LibraryShock::PledgeShortfall,
        LibraryShock::ExchangeRateShock,
    ];

    /// The scenario's name, in English (the app shows its own words).
    pub fn name(self) -> &'static str {
        match self {
            LibraryShock::ConflictRelapse => "Conflict relapse",
            LibraryShock::CommodityPriceFall => "Commodity price fall",
            LibraryShock::PledgeShortfall => "Pledge shortfall",
            LibraryShock::ExchangeRateShock => "Exchange-rate shock",
        }
    }

    /// What the scenario assumes, in English.
    pub fn note(self) -> &'static str {
        match self {
            LibraryShock::ConflictRelapse => "Conflict relapse: local revenue falls 20 % and the cost of every line and programme rises 10 % for two years from next year; donors pay as planned.",
            LibraryShock::CommodityPriceFall => "Commodity price fall: local revenue falls 12 % for three years from next year, as export earnings and trade taxes follow the price down.",
            LibraryShock::PledgeShortfall => "Pledge shortfall: every donor disburses 30 percentage points less of what it pledges (never below 0), for the whole plan.",
            LibraryShock::ExchangeRateShock => "Exchange-rate shock: the currency loses 5 % a year in real terms, and import prices lift inflation by 5 points in the next two years; dollar pledges buy more local currency.",
        }
    }
}

/// The scenario a library shock makes of `plan`, named so that it is free.
pub fn library_scenario(plan: &Plan, shock: LibraryShock) -> Scenario {
    let mut changes = Vec::new();
    let mut add_shock = |s: Value| {
        let mut shocks: Vec<Value> = plan.shocks.iter().map(super::shape::Node::write).collect();
        shocks.push(s);
        changes.push((root().shocks().field().clone(), Value::Array(shocks)));
    };
    match shock {
        LibraryShock::ConflictRelapse => {
            add_shock(json!({"at": 1, "years": 2, "revenue_pct": -20, "cost_pct": 10}))
        }
        LibraryShock::CommodityPriceFall => {
            add_shock(json!({"at": 1, "years": 3, "revenue_pct": -12}))
        }
        LibraryShock::PledgeShortfall => {
            for (i, d) in plan.donors.iter().enumerate() {
                let pct = (d.fulfilment_pct - 30.0).max(0.0);
                changes.push((root().donors().at(i).fulfilment_pct(), json!(pct)));
            }
        }
        LibraryShock::ExchangeRateShock => {
            let m = &plan.macro_path;
            changes.push((
                root().macro_path().real_depreciation_pct(),
                json!(m.real_depreciation_pct + 5.0),
            ));
            for t in [1, 2] {
                if t < plan.meta.horizon_years {
                    let base = m
                        .overrides
                        .inflation_pct
                        .get(&t)
                        .copied()
                        .unwrap_or(m.inflation_pct);
                    changes.push((
                        root().macro_path().overrides().inflation_pct().year(t),
                        json!(base + 5.0),
                    ));
                }
            }
        }
    }
    Scenario {
        name: free_name(plan, shock.name()),
        note: shock.note().to_string(),
        changes: Changes(changes),
    }
}
