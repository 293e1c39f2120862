//! The `sunset` command line, run as a built binary.

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

fn sunset(args: &[&str], stdin: Option<&str>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_sunset"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the sunset binary runs");
    if let Some(text) = stdin {
        child
            .stdin
            .take()
            .expect("stdin")
            .write_all(text.as_bytes())
            .expect("write stdin");
    }
    drop(child.stdin.take());
    child.wait_with_output().expect("sunset finishes")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn evaluate_prints_the_result_json() {
    let out = sunset(&["evaluate", "plans/example.json"], None);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON on stdout");
    assert_eq!(json["years"].as_array().map(Vec::len), Some(15));
    assert_eq!(json["years"][0]["year"], 2026);
    assert_eq!(json["years"][0]["local_revenue"], 7.5e10);
    assert!(json["summary"]["criteria"]
        .get("self-sufficient 3 years")
        .is_some());
}

#[test]
fn evaluate_prints_the_year_table_csv() {
    let out = sunset(&["evaluate", "plans/example.json", "--format", "csv"], None);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let csv = text(&out.stdout);
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(lines.len(), 16, "a header and 15 years");
    assert!(lines[0].starts_with("year,gdp,price_index,population,fx,local_revenue,need,"));
    assert!(lines[0]
        .ends_with("donors.Budget support,donors.Child grant co-financing,donors.Sunset facility"));
    assert!(lines[1].starts_with("2026,600000000000,1,5300000,150,75000000000,"));
}

#[test]
fn stdin_is_read_with_a_dash() {
    let plan = std::fs::read_to_string(
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("plans/example.json"),
    )
    .expect("example");
    let out = sunset(&["validate", "-"], Some(&plan));
    assert!(out.status.success());
    assert_eq!(text(&out.stdout).trim(), "valid");
}

#[test]
fn an_invalid_plan_exits_2_with_every_problem_on_stderr() {
    let plan = std::fs::read_to_string(
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("plans/example.json"),
    )
    .expect("example")
    .replace("\"buoyancy\": 1.2", "\"buoyancy\": 7")
    .replace("\"gdp_base\": 6.0e11", "\"gdp_base\": -1")
    .replace("\"target\": \"Child grant\"", "\"target\": \"Vaccines\"");
    for command in ["evaluate", "validate"] {
        let out = sunset(&[command, "-"], Some(&plan));
        assert_eq!(out.status.code(), Some(2));
        assert!(out.stdout.is_empty());
        let stderr = text(&out.stderr);
        let lines: Vec<&str> = stderr.lines().collect();
        assert_eq!(
            lines,
            vec![
                "macro.gdp_base: must be above 0 (got -1)",
                "revenues[1].buoyancy: must be between 0 and 5 (got 7)",
                "donors[1].target: no cost line or programme is named \"Vaccines\"",
            ]
        );
    }
}

#[test]
fn an_overflowing_plan_exits_2_naming_the_year() {
    let plan = std::fs::read_to_string(
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("plans/example.json"),
    )
    .expect("example")
    .replace("\"gdp_base\": 6.0e11", "\"gdp_base\": 1e307")
    .replace("\"real_growth_pct\": 4.5", "\"real_growth_pct\": 1000");
    // GDP: 1e307; ·11·1.07 = 1.18e308 in 2027 (finite); ·11·1.07 again in 2028 overflows.
    let out = sunset(&["evaluate", "-"], Some(&plan));
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).starts_with("years[2].gdp: the projection overflows in 2028"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn usage_errors_and_unreadable_files_exit_1() {
    let out = sunset(&["evaluate", "no/such/plan.json"], None);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("cannot read no/such/plan.json"));
    for args in [
        &[][..],
        &["frobnicate", "x.json"],
        &["evaluate"],
        &["evaluate", "plans/example.json", "--format", "xml"],
    ] {
        let out = sunset(args, None);
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        assert!(text(&out.stderr).contains("Usage:"));
    }
}

#[test]
fn help_prints_usage() {
    let out = sunset(&["--help"], None);
    assert!(out.status.success());
    assert!(text(&out.stdout).contains("sunset evaluate PLAN.json [--format json|csv]"));
}

fn example_text() -> String {
    std::fs::read_to_string(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("plans/example.json"))
        .expect("example")
}

#[test]
fn validate_refuses_a_valid_plan_whose_projection_overflows() {
    // Each year's GDP overflows in 2028 (see the evaluate test above).
    let years = example_text()
        .replace("\"gdp_base\": 6.0e11", "\"gdp_base\": 1e307")
        .replace("\"real_growth_pct\": 4.5", "\"real_growth_pct\": 1000");
    // Every year is finite, but a need of 1e308 a year with no money sums
    // past the largest number: the cumulative gap overflows in 2027.
    let totals = r#"{"format": "sunset-plan", "version": 1,
        "meta": {"start_year": 2026, "horizon_years": 3},
        "macro": {"gdp_base": 1e9, "population_base": 1e6},
        "costs": [{"name": "State", "base": 1e308}]}"#
        .to_string();
    for (plan, line) in [
        (
            years,
            "years[2].gdp: the projection overflows in 2028 (GDP is not a finite number); \
             lower the growth or inflation rates",
        ),
        (
            totals,
            "summary.cumulative_gap: the projection's totals overflow in 2027 \
             (cumulative_gap is not a finite number); lower the amounts or growth rates",
        ),
    ] {
        let out = sunset(&["validate", "-"], Some(&plan));
        assert_eq!(out.status.code(), Some(2), "{}", text(&out.stderr));
        assert!(out.stdout.is_empty(), "{}", text(&out.stdout));
        assert_eq!(text(&out.stderr), format!("{line}\n"));
    }
}

#[test]
fn the_csv_year_table_agrees_with_the_json_result() {
    let json = sunset(&["evaluate", "plans/example.json"], None);
    assert!(json.status.success(), "{}", text(&json.stderr));
    let result: serde_json::Value = serde_json::from_slice(&json.stdout).expect("JSON");
    let out = sunset(&["evaluate", "plans/example.json", "--format", "csv"], None);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let mut reader = csv::Reader::from_reader(out.stdout.as_slice());
    let header: Vec<String> = reader
        .headers()
        .expect("a header")
        .iter()
        .map(String::from)
        .collect();
    let rows: Vec<csv::StringRecord> = reader
        .records()
        .collect::<Result<_, _>>()
        .expect("CSV rows");

    // The header: `year`, every per-year figure in result order, then one
    // column per item, `<breakdown>.<name>`, in the plan's order.
    let years = result["years"].as_array().expect("years");
    let first = years[0].as_object().expect("a year");
    let mut expected = Vec::new();
    for (key, value) in first {
        match value.as_object() {
            Some(items) => expected.extend(items.keys().map(|name| format!("{key}.{name}"))),
            None => expected.push(key.clone()),
        }
    }
    assert_eq!(header, expected);
    assert_eq!(header.len(), 1 + 19 + 4 + 5 + 2 + 3);

    // Every cell of every row is the JSON figure, to the last bit.
    assert_eq!(rows.len(), years.len());
    for (row, year) in rows.iter().zip(years) {
        for (column, cell) in header.iter().zip(row) {
            let json_value = match column.split_once('.') {
                Some((group, name)) if year[group].is_object() => &year[group][name],
                _ => &year[column.as_str()],
            };
            let want = json_value
                .as_f64()
                .unwrap_or_else(|| panic!("{column}: {json_value}"));
            let got: f64 = cell
                .parse()
                .unwrap_or_else(|e| panic!("{column}: {cell:?}: {e}"));
            assert_eq!(got, want, "{column} in {}", year["year"]);
        }
    }
    // A year row reads as the year it is.
    assert_eq!(&rows[14][0], "2040");
}
