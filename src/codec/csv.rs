//! The year table as CSV: one row per plan year, one column per MODEL.md
//! figure (`year` first), then one per breakdown item (`revenues.<name>`,
//! `costs.<name>`, `programmes.<name>`, `donors.<name>`). Each column's
//! header names its unit after the field ("need (TMD)", "fx (TMD per USD)",
//! "self_sufficiency_pct (%)"), so a sheet read months later still says
//! what its figures are. Money is written to the cent, plain (no grouping,
//! a decimal point); shares and rates to a hundredth. The CLI (local
//! currency) and the app's CSV export (the currency on screen) both call
//! `year_table_csv_in`.
//! `uncertainty_bands_csv` is a Monte Carlo run's bands the same way: one
//! row per year, `<figure>.p5` … `<figure>.p95` columns; `comparison_csv`
//! a comparison's per-year differences.

use crate::model::uncertainty::QUANTILES;
use crate::model::{Plan, Projection, UncertaintyResult, BAND_METRICS, METRICS};

/// The year table of a projection in local currency, as CSV text.
pub fn year_table_csv(plan: &Plan, projection: &Projection) -> String {
    year_table_csv_in(plan, projection, false)
}

/// What a year-table column holds, for its unit and its rounding.
#[derive(Clone, Copy, PartialEq)]
enum Unit {
    Money,
    Pct,
    Index,
    People,
    Rate,
}

/// The unit of the MODEL.md figure `metric`.
fn unit_of(metric: &str) -> Unit {
    match metric {
        "price_index" => Unit::Index,
        "population" => Unit::People,
        "fx" => Unit::Rate,
        m if m.ends_with("_pct") || m.contains("_pct_") => Unit::Pct,
        _ => Unit::Money,
    }
}

/// `x` to `decimals` places, without trailing zeros ("12.5", "7"); empty
/// when not finite (a year the model could not figure).
fn rounded(x: f64, decimals: usize) -> String {
    if !x.is_finite() {
        return String::new();
    }
    let s = format!("{x:.decimals$}");
    let s = if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.')
    } else {
        &s
    };
    if s == "-0" {
        "0".into()
    } else {
        s.into()
    }
}

/// The year table with money in US dollars (`usd`: each year's figure
/// divided by that year's exchange rate, as the app shows it) or in local
/// currency.
pub fn year_table_csv_in(plan: &Plan, projection: &Projection, usd: bool) -> String {
    let mut out = ::csv::Writer::from_writer(Vec::new());
    let local = if plan.meta.currency.is_empty() {
        "LCU"
    } else {
        plan.meta.currency.as_str()
    };
    let money = if usd { "USD" } else { local };
    let units: Vec<Unit> = METRICS.iter().map(|m| unit_of(m)).collect();
    let with_unit = |name: &str, unit: Unit| match unit {
        Unit::Money => format!("{name} ({money})"),
        Unit::Pct => format!("{name} (%)"),
        Unit::Index => format!("{name} (first year = 1)"),
        Unit::People => format!("{name} (people)"),
        Unit::Rate => format!("{name} ({local} per USD)"),
    };
    let header = std::iter::once("year".to_string())
        .chain(METRICS.iter().zip(&units).map(|(m, u)| with_unit(m, *u)))
        .chain(
            item_names(plan)
                .into_iter()
                .map(|n| with_unit(&n, Unit::Money)),
        );
    // Writing to a Vec cannot fail; an error here would be a csv crate bug,
    // so we stop writing rather than panic.
    if out.write_record(header).is_err() {
        return String::new();
    }
    for y in &projection.years {
        let cell = |x: f64, unit: Unit| match unit {
            Unit::Money if usd => rounded(if y.fx > 0.0 { x / y.fx } else { f64::NAN }, 2),
            Unit::Money | Unit::Pct => rounded(x, 2),
            Unit::Index | Unit::Rate => rounded(x, 6),
            Unit::People => rounded(x, 0),
        };
        let figures = units
            .iter()
            .enumerate()
            .map(|(i, u)| cell(y.metric_at(i).unwrap_or(f64::NAN), *u));
        let items = y
            .revenues
            .iter()
            .chain(&y.costs)
            .chain(&y.programmes)
            .chain(&y.donors)
            .map(|x| cell(*x, Unit::Money));
        let row = std::iter::once(y.year.to_string())
            .chain(figures)
            .chain(items);
        if out.write_record(row).is_err() {
            break;
        }
    }
    out.into_inner()
        .map(|bytes| String::from_utf8_lossy(&bytes).into_owned())
        .unwrap_or_default()
}

/// A comparison's per-year differences (the `years` of
/// `model::scenario::compare`) as CSV: `year`, every figure's B − A, then
/// each breakdown item's (`donors.<name>` …), in the comparison's order.
pub fn comparison_csv(comparison: &serde_json::Value) -> String {
    let years = comparison["years"]
        .as_array()
        .map_or(&[][..], Vec::as_slice);
    let mut columns: Vec<(String, Vec<&str>)> = std::iter::once("year")
        .chain(METRICS.iter().copied())
        .map(|m| (m.to_string(), vec![m]))
        .collect();
    if let Some(first) = years.first() {
        for list in ["revenues", "costs", "programmes", "donors"] {
            if let Some(items) = first[list].as_object() {
                for name in items.keys() {
                    columns.push((format!("{list}.{name}"), vec![list, name.as_str()]));
                }
            }
        }
    }
    let mut out = ::csv::Writer::from_writer(Vec::new());
    if out.write_record(columns.iter().map(|(h, _)| h)).is_err() {
        return String::new();
    }
    for y in years {
        let row = columns.iter().map(|(_, keys)| {
            let cell = keys.iter().fold(y, |v, k| &v[*k]);
            match cell {
                serde_json::Value::Null => String::new(),
                serde_json::Value::Number(n) => {
                    n.as_f64().map_or_else(|| n.to_string(), |x| x.to_string())
                }
                other => other.to_string(),
            }
        });
        if out.write_record(row).is_err() {
            break;
        }
    }
    out.into_inner()
        .map(|bytes| String::from_utf8_lossy(&bytes).into_owned())
        .unwrap_or_default()
}

/// The percentile columns' suffixes, in `QUANTILES` order.
const PERCENTILE_NAMES: [&str; QUANTILES.len()] = ["p5", "p25", "p50", "p75", "p95"];

/// A Monte Carlo run's bands as CSV text: `year`, then for each banded
/// figure its five percentiles. Cells are empty when every path failed.
pub fn uncertainty_bands_csv(result: &UncertaintyResult) -> String {
    let mut out = ::csv::Writer::from_writer(Vec::new());
    let header = std::iter::once("year".to_string()).chain(
        BAND_METRICS
            .iter()
            .flat_map(|m| PERCENTILE_NAMES.iter().map(move |p| format!("{m}.{p}"))),
    );
    if out.write_record(header).is_err() {
        return String::new();
    }
    for (t, year) in result.years.iter().enumerate() {
        let cells = (0..BAND_METRICS.len()).flat_map(|m| {
            let p = result
                .figures
                .as_ref()
                .and_then(|f| f.bands.get(m))
                .and_then(|band| band.get(t));
            (0..PERCENTILE_NAMES.len())
                .map(move |q| p.map_or(String::new(), |p| p.values()[q].to_string()))
        });
        let row = std::iter::once(year.to_string()).chain(cells);
        if out.write_record(row).is_err() {
            break;
        }
    }
    out.into_inner()
        .map(|bytes| String::from_utf8_lossy(&bytes).into_owned())
        .unwrap_or_default()
}

/// The breakdown columns' names, `revenues.<name>` …, in projection order.
fn item_names(plan: &Plan) -> Vec<String> {
    let mut h = Vec::new();
    h.extend(plan.revenues.iter().map(|r| format!("revenues.{}", r.name)));
    h.extend(plan.costs.iter().map(|c| format!("costs.{}", c.name)));
    h.extend(
        plan.programmes
            .iter()
            .map(|p| format!("programmes.{}", p.name)),
    );
    h.extend(plan.donors.iter().map(|d| format!("donors.{}", d.name)));
    h
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{default_plan, evaluate};

    #[test]
    fn one_row_per_year_and_one_column_per_figure_and_item() {
        let mut plan = default_plan();
        plan.revenues[0].name = "Taxes, goods \"and\" services".into();
        let projection = evaluate(&plan).expect("evaluates");
        let text = year_table_csv(&plan, &projection);
        let mut rows = ::csv::Reader::from_reader(text.as_bytes());
        let header = rows.headers().expect("header").clone();
        assert_eq!(header.len(), 1 + METRICS.len() + 4 + 6 + 2 + 3);
        assert_eq!(&header[0], "year");
        assert_eq!(
            &header[1 + METRICS.len()],
            "revenues.Taxes, goods \"and\" services (TMD)"
        );
        assert_eq!(&header[header.len() - 1], "donors.Sunset facility (TMD)");
        let records: Vec<_> = rows.records().collect::<Result<_, _>>().expect("rows");
        assert_eq!(records.len(), 15);
        assert_eq!(&records[0][0], "2026");
        // Money to the cent: need (column 1 + 5) is the model's, rounded.
        assert_eq!(&header[1 + 5], "need (TMD)");
        let need: f64 = records[3][1 + 5].parse().expect("a number");
        assert_eq!(need, (projection.years[3].need * 100.0).round() / 100.0);
    }

    #[test]
    fn every_column_says_its_unit_and_money_follows_the_currency() {
        let plan = default_plan();
        let projection = evaluate(&plan).expect("evaluates");
        let text = year_table_csv_in(&plan, &projection, true);
        let mut rows = ::csv::Reader::from_reader(text.as_bytes());
        let header = rows.headers().expect("header").clone();
        let names: Vec<&str> = header.iter().collect();
        for want in [
            "gdp (USD)",
            "price_index (first year = 1)",
            "population (people)",
            "fx (TMD per USD)",
            "need (USD)",
            "self_sufficiency_pct (%)",
            "revenue_pct_gdp (%)",
            "donors.Budget support (USD)",
        ] {
            assert!(names.contains(&want), "{want} in {names:?}");
        }
        assert!(names[1..].iter().all(|h| h.ends_with(')')), "{names:?}");
        let records: Vec<_> = rows.records().collect::<Result<_, _>>().expect("rows");
        let col = |name: &str| names.iter().position(|h| *h == name).expect(name);
        for (t, r) in records.iter().enumerate() {
            let y = &projection.years[t];
            let usd: f64 = r[col("need (USD)")].parse().expect("a number");
            assert_eq!(usd, (y.need / y.fx * 100.0).round() / 100.0);
            for (h, cell) in names.iter().zip(r.iter()) {
                if h.ends_with("(USD)") {
                    let decimals = cell.split_once('.').map_or(0, |(_, d)| d.len());
                    assert!(decimals <= 2, "{h} = {cell}: to the cent");
                }
            }
        }
    }

    #[test]
    fn rounding_writes_plain_short_numbers() {
        assert_eq!(rounded(1139898824999.9998, 2), "1139898825000");
        assert_eq!(rounded(12.504, 2), "12.5");
        assert_eq!(rounded(-0.001, 2), "0");
        assert_eq!(rounded(f64::NAN, 2), "");
        assert_eq!(rounded(1.0612345678, 6), "1.061235");
    }

    #[test]
    fn bands_csv_has_a_row_per_year_and_five_columns_per_figure() {
        use crate::model::{simulate, Uncertainty};
        let plan = default_plan();
        let u = Uncertainty {
            paths: 40,
            revenue_error_pct: 10.0,
            ..Uncertainty::default()
        };
        let result = simulate(&plan, &u);
        let text = uncertainty_bands_csv(&result);
        let mut rows = ::csv::Reader::from_reader(text.as_bytes());
        let header = rows.headers().expect("header").clone();
        assert_eq!(header.len(), 1 + 5 * BAND_METRICS.len());
        assert_eq!(&header[1], "local_revenue.p5");
        assert_eq!(&header[35], "donor_share_pct.p95");
        let records: Vec<_> = rows.records().collect::<Result<_, _>>().expect("rows");
        assert_eq!(records.len(), 15);
        assert_eq!(&records[14][0], "2040");
        // need in 2029 (row 3): p50 is column 1 + 5 + 2, read back to the bit.
        let p50: f64 = records[3][8].parse().expect("a number");
        let band = result.figures.as_ref().and_then(|f| f.band("need"));
        assert_eq!(Some(p50), band.map(|b| b[3].p50));
    }
}
