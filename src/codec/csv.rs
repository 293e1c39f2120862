//! The year table as CSV: one row per plan year, one column per MODEL.md
//! figure (`year` first), then one per breakdown item (`revenues.<name>`,
//! `costs.<name>`, `programmes.<name>`, `donors.<name>`). Numbers are
//! unformatted (shortest round-trip) so spreadsheets get full precision.
//! The CLI and the app's CSV export both call `year_table_csv`.

use crate::model::{Plan, Projection, METRICS};

/// The year table of a projection, as CSV text.
pub fn year_table_csv(plan: &Plan, projection: &Projection) -> String {
    let mut out = ::csv::Writer::from_writer(Vec::new());
    // Writing to a Vec cannot fail; an error here would be a csv crate bug,
    // so we stop writing rather than panic.
    if out.write_record(header(plan)).is_err() {
        return String::new();
    }
    for y in &projection.years {
        let figures = METRICS
            .iter()
            .enumerate()
            .map(|(i, _)| y.metric_at(i).unwrap_or(f64::NAN));
        let items = y
            .revenues
            .iter()
            .chain(&y.costs)
            .chain(&y.programmes)
            .chain(&y.donors)
            .copied();
        let row =
            std::iter::once(y.year.to_string()).chain(figures.chain(items).map(|x| x.to_string()));
        if out.write_record(row).is_err() {
            break;
        }
    }
    out.into_inner()
        .map(|bytes| String::from_utf8_lossy(&bytes).into_owned())
        .unwrap_or_default()
}

fn header(plan: &Plan) -> Vec<String> {
    let mut h: Vec<String> = std::iter::once("year")
        .chain(METRICS.iter().copied())
        .map(String::from)
        .collect();
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
            "revenues.Taxes, goods \"and\" services"
        );
        assert_eq!(&header[header.len() - 1], "donors.Sunset facility");
        let records: Vec<_> = rows.records().collect::<Result<_, _>>().expect("rows");
        assert_eq!(records.len(), 15);
        assert_eq!(&records[0][0], "2026");
        // Shortest round-trip numbers: reading them back gives the same f64.
        let need: f64 = records[3][1 + 5].parse().expect("a number");
        assert_eq!(need, projection.years[3].need);
    }
}
