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
            // A command that reads its plan from a file may exit before
            // reading stdin at all; only the output is under test.
            .or_else(|e| match e.kind() {
                std::io::ErrorKind::BrokenPipe => Ok(()),
                _ => Err(e),
            })
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
    // Each column says its unit; the CLI writes local currency.
    assert!(lines[0].starts_with(
        "year,gdp (XLC),price_index (first year = 1),population (people),fx (XLC per USD),local_revenue (XLC),need (XLC),"
    ));
    assert!(lines[0].ends_with(
        "donors.Budget support (XLC),donors.Child grant co-financing (XLC),donors.Sunset facility (XLC)"
    ));
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
        &["simulate", "plans/example.json", "--paths", "0"],
        &["simulate", "plans/example.json", "--paths", "100001"],
        &["simulate", "plans/example.json", "--paths", "ten"],
        &[
            "simulate",
            "plans/example.json",
            "--seed",
            "9007199254740992",
        ],
        &["simulate", "plans/example.json", "--seed", "-1"],
        &["simulate", "plans/example.json", "--item", "Trade taxes"],
        &["simulate", "plans/example.json", "--paths"],
        &["seek", "plans/example.json", "--item", "Trade taxes"],
        &["seek", "plans/example.json", "reform"],
        &[
            "seek",
            "plans/example.json",
            "speed",
            "--item",
            "Trade taxes",
        ],
        &[
            "seek",
            "plans/example.json",
            "taper",
            "--item",
            "X",
            "--by",
            "2030",
        ],
        &[
            "seek",
            "plans/example.json",
            "reform",
            "--item",
            "X",
            "--by",
            "soon",
        ],
        &["validate", "plans/example.json", "--paths", "10"],
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
    let usage = text(&out.stdout);
    assert!(usage.contains("sunset evaluate PLAN.json [--scenario NAME] [--format json|csv]"));
    assert!(usage.contains("sunset compare PLAN.json A B [--format json|csv]"));
}

#[test]
fn simulate_prints_the_uncertainty_json() {
    let out = sunset(
        &[
            "simulate",
            "plans/example.json",
            "--paths",
            "200",
            "--seed",
            "7",
        ],
        None,
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON on stdout");
    assert_eq!(json["paths"], 200);
    assert_eq!(json["failed_paths"], 0);
    assert_eq!(json["bands"]["need"].as_array().map(Vec::len), Some(15));
    assert_eq!(json["bands"]["need"][0]["year"], 2026);
    // The spreads default to 0 for now: every path is the projection, so
    // each band is one number, the projection's.
    let projection = sunset(&["evaluate", "plans/example.json"], None);
    let projection: serde_json::Value =
        serde_json::from_slice(&projection.stdout).expect("JSON on stdout");
    let band = &json["bands"]["local_revenue"][4];
    assert_eq!(band["p5"], projection["years"][4]["local_revenue"]);
    assert_eq!(band["p95"], projection["years"][4]["local_revenue"]);
    // Fewer paths than cores: some pieces are empty, none is lost.
    for paths in ["1", "3"] {
        let out = sunset(&["simulate", "plans/example.json", "--paths", paths], None);
        let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
        assert_eq!(json["paths"].to_string(), paths);
        assert_eq!(
            json["bands"]["reserve"][14]["p50"],
            projection["years"][14]["reserve"]
        );
    }
    // The same run twice prints the same bytes.
    let again = sunset(
        &["simulate", "plans/example.json", "--paths=200", "--seed=7"],
        None,
    );
    assert_eq!(out.stdout, again.stdout);
}

#[test]
fn simulate_prints_the_bands_csv() {
    let out = sunset(
        &[
            "simulate",
            "plans/example.json",
            "--format",
            "csv",
            "--paths",
            "10",
        ],
        None,
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let csv = text(&out.stdout);
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(lines.len(), 16, "a header and 15 years");
    assert!(lines[0].starts_with("year,local_revenue.p5,local_revenue.p25,"));
    assert!(lines[0].ends_with(",donor_share_pct.p75,donor_share_pct.p95"));
    assert!(lines[1].starts_with("2026,75000000000,75000000000,"));
}

#[test]
fn seek_prints_each_answer() {
    let cases = [
        (
            &[
                "seek",
                "plans/example.json",
                "reform",
                "--item",
                "Income taxes",
            ][..],
            "revenues[1].reform.gain_pct_gdp_per_year",
        ),
        (
            &[
                "seek",
                "plans/example.json",
                "taper",
                "--item",
                "Budget support",
            ],
            "donors[0].taper.end",
        ),
        (
            &[
                "seek",
                "plans/example.json",
                "coverage",
                "--item",
                "Child grant",
            ],
            "programmes[0].coverage.to_pct",
        ),
        (
            &["seek", "-", "pledge", "--item", "Sunset facility"],
            "donors[2].base",
        ),
    ];
    let plan = std::fs::read_to_string(
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("plans/example.json"),
    )
    .expect("example");
    for (args, field) in cases {
        // Only `-` reads the plan on stdin: a command that reads a file may
        // exit before the write, which then fails with a broken pipe.
        let stdin = (args[1] == "-").then_some(plan.as_str());
        let out = sunset(args, stdin);
        assert!(out.status.success(), "{args:?}: {}", text(&out.stderr));
        let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
        assert_eq!(json["question"], args[2]);
        assert_eq!(json["item"], args[4]);
        assert_eq!(json["field"], field);
        assert!(json["reachable"].is_boolean());
        assert_eq!(json.get("calendar_year").is_some(), args[2] == "taper");
    }
    // --by moves the reform target: by the first year is out of reach.
    let out = sunset(
        &[
            "seek",
            "plans/example.json",
            "reform",
            "--item",
            "Income taxes",
            "--by",
            "2026",
        ],
        None,
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(json["reachable"], false);
    assert_eq!(json["value"], serde_json::Value::Null);
}

#[test]
fn seek_about_a_missing_or_wrong_item_exits_2() {
    let out = sunset(
        &[
            "seek",
            "plans/example.json",
            "pledge",
            "--item",
            "Child grant co-financing",
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        text(&out.stderr).trim(),
        "sunset: the pledge question: \"Child grant co-financing\" is a co-financing donor; \
         choose a budget-support or gap-filling donor"
    );
    let out = sunset(
        &[
            "seek",
            "plans/example.json",
            "coverage",
            "--item",
            "Pensions",
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        text(&out.stderr).trim(),
        "sunset: the coverage question: no programme named \"Pensions\"; \
         the plan has \"Child grant\", \"Social pension\""
    );
    assert!(out.stdout.is_empty());
}

#[test]
fn simulate_and_seek_refuse_an_invalid_plan_with_exit_2() {
    let plan = std::fs::read_to_string(
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("plans/example.json"),
    )
    .expect("example")
    .replace("\"buoyancy\": 1.2", "\"buoyancy\": 7");
    for args in [
        &["simulate", "-"][..],
        &["seek", "-", "taper", "--item", "Budget support"],
    ] {
        let out = sunset(args, Some(&plan));
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert_eq!(
            text(&out.stderr).trim(),
            "revenues[1].buoyancy: must be between 0 and 5 (got 7)"
        );
    }
}

/// Scenarios (plan format 2): `evaluate` prints every one, `--scenario`
/// one, `compare` B − A; `simulate` takes the plan's own uncertainty block.
mod scenarios {
    use super::*;
    use sunset_planner::model::scenario::{compare, evaluate_all};
    use sunset_planner::model::{parse_plan, projection_to_json};

    const V2: &str = "plans/example-v2.json";

    fn json(out: &Output) -> serde_json::Value {
        assert!(out.status.success(), "{}", text(&out.stderr));
        serde_json::from_slice(&out.stdout).expect("JSON on stdout")
    }

    fn plan() -> sunset_planner::model::Plan {
        parse_plan(
            &std::fs::read_to_string(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(V2))
                .expect("read"),
        )
        .expect("valid")
    }

    #[test]
    fn evaluate_prints_every_scenario_and_one_on_request() {
        let all = json(&sunset(&["evaluate", V2], None));
        let plan = plan();
        let e = evaluate_all(&plan).expect("evaluates");
        assert_eq!(
            all["summary"],
            projection_to_json(&plan, &e.baseline)["summary"]
        );
        let names: Vec<&str> = all["scenarios"]
            .as_array()
            .expect("scenarios")
            .iter()
            .map(|s| s["name"].as_str().unwrap_or(""))
            .collect();
        assert_eq!(names, ["Faster taper", "Relapse"]);
        let one = json(&sunset(&["evaluate", V2, "--scenario", "Relapse"], None));
        assert_eq!(one["summary"], all["scenarios"][1]["summary"]);
        assert_eq!(one["years"], all["scenarios"][1]["years"]);
        let base = json(&sunset(&["evaluate", V2, "--scenario", "baseline"], None));
        assert_eq!(base["summary"], all["summary"]);
        let csv = text(
            &sunset(
                &[
                    "evaluate",
                    V2,
                    "--scenario",
                    "Faster taper",
                    "--format",
                    "csv",
                ],
                None,
            )
            .stdout,
        );
        assert_eq!(csv.lines().count(), 16);
        // A plan without scenarios prints no `scenarios`.
        let v1 = json(&sunset(&["evaluate", "plans/example.json"], None));
        assert!(v1.get("scenarios").is_none());
    }

    #[test]
    fn compare_prints_b_minus_a() {
        let c = json(&sunset(&["compare", V2, "Baseline", "Faster taper"], None));
        let plan = plan();
        let e = evaluate_all(&plan).expect("evaluates");
        let (fp, fj) = &e.scenarios[0];
        assert_eq!(
            c,
            compare(("Baseline", &plan, &e.baseline), ("Faster taper", fp, fj))
        );
        let csv = text(
            &sunset(
                &["compare", V2, "Baseline", "Faster taper", "--format", "csv"],
                None,
            )
            .stdout,
        );
        let lines: Vec<&str> = csv.lines().collect();
        assert_eq!(lines.len(), 16);
        assert!(
            lines[0].starts_with("year,gdp,price_index,"),
            "{}",
            lines[0]
        );
        assert!(lines[0].contains(",donors.Budget support,"));
        // Year 2033 (plan year 7): budget support has ended in the faster taper.
        let header: Vec<&str> = lines[0].split(',').collect();
        let row: Vec<&str> = lines[8].split(',').collect();
        assert_eq!(row[0], "2033");
        let col = header
            .iter()
            .position(|h| *h == "donors.Budget support")
            .expect("column");
        let want = fj.years[7].donors[0] - e.baseline.years[7].donors[0];
        assert_eq!(row[col].parse::<f64>().expect("a number"), want);
        assert!(want < 0.0);
    }

    #[test]
    fn an_unknown_scenario_exits_2_and_lists_the_names() {
        let out = sunset(&["compare", V2, "Baseline", "Nope"], None);
        assert_eq!(out.status.code(), Some(2));
        assert_eq!(
            text(&out.stderr).trim(),
            "sunset: the plan has no scenario named \"Nope\"; it has Baseline, Faster taper, Relapse"
        );
        let out = sunset(&["compare", V2, "Baseline"], None);
        assert_eq!(out.status.code(), Some(1));
    }

    #[test]
    fn simulate_takes_the_plans_uncertainty_and_flags_override_it() {
        let own = json(&sunset(&["simulate", V2], None));
        assert_eq!(own["paths"], 2000, "the plan asks for 2,000 paths");
        let flagged = json(&sunset(
            &["simulate", V2, "--paths", "300", "--seed", "7"],
            None,
        ));
        assert_eq!(flagged["paths"], 300);
        let relapse = json(&sunset(
            &["simulate", V2, "--paths", "300", "--scenario", "Relapse"],
            None,
        ));
        assert_eq!(relapse["paths"], 300);
        assert_ne!(
            relapse["cumulative_gap_mean"],
            flagged["cumulative_gap_mean"]
        );
    }
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
    // Each column names its unit after the field: "need (XLC)".
    let (header, units): (Vec<String>, Vec<String>) = reader
        .headers()
        .expect("a header")
        .iter()
        .map(|h| match h.rsplit_once(" (") {
            Some((name, unit)) => (name.to_string(), unit.trim_end_matches(')').to_string()),
            None => (h.to_string(), String::new()),
        })
        .unzip();
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

    assert!(units[1..].iter().all(|u| !u.is_empty()), "{units:?}");
    // Every cell of every row is the JSON figure, rounded: money to the
    // cent, shares to a hundredth, people to one, index and rate to 1e-6.
    assert_eq!(rows.len(), years.len());
    for (row, year) in rows.iter().zip(years) {
        for ((column, unit), cell) in header.iter().zip(&units).zip(row) {
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
            let places = match unit.as_str() {
                "" => 0,
                "XLC" | "%" => 2,
                "people" => 0,
                _ => 6,
            };
            let rounded: f64 = format!("{want:.places$}").parse().expect("a number");
            assert_eq!(got, rounded, "{column} in {}", year["year"]);
        }
    }
    // A year row reads as the year it is.
    assert_eq!(&rows[14][0], "2040");
}

#[test]
fn link_prints_a_payload_that_opens_the_same_plan() {
    let out = sunset(&["link", "plans/example-v2.json"], None);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let payload = text(&out.stdout);
    assert!(payload.starts_with("2."), "{payload}");
    let plan = sunset_planner::codec::link::decode_link(payload.trim()).expect("decodes");
    let file = std::fs::read_to_string("plans/example-v2.json").expect("plan file");
    assert_eq!(
        plan,
        sunset_planner::model::parse_plan(&file).expect("valid")
    );
    let bad = sunset(&["link", "-"], Some("{\"format\": \"sunset-plan\"}"));
    assert_eq!(bad.status.code(), Some(2), "{}", text(&bad.stderr));
    let extra = sunset(&["link", "plans/example-v2.json", "--format", "csv"], None);
    assert_eq!(extra.status.code(), Some(1));
}
