//! Command-line evaluator (native only): checks a plan file and prints its
//! projection, the same model the app runs in the browser.
//!
//! Exit codes: 0 success; 1 usage error or unreadable file; 2 the plan is
//! refused (every problem on stderr, one per line `path: message`).

use std::io::Read;
use std::process::ExitCode;

use sunset_planner::codec::csv::year_table_csv;
use sunset_planner::model::{evaluate, parse_plan, projection_to_json, Plan, Problem};

const USAGE: &str = "\
sunset: evaluate Sunset Planner plans (plan format version 1)

Usage:
  sunset evaluate PLAN.json [--format json|csv]   print the projection
  sunset validate PLAN.json                       check the plan only
  sunset --help                                   this text

PLAN.json may be - to read the plan from standard input.
evaluate prints the MODEL.md result as JSON (default) or the year table as CSV.

Exit codes: 0 success; 1 usage error or unreadable file;
2 the plan is refused (every problem listed on stderr as `path: message`).";

enum Format {
    Json,
    Csv,
}

enum Command {
    Help,
    Evaluate { file: String, format: Format },
    Validate { file: String },
}

fn parse_args(args: &[String]) -> Result<Command, String> {
    if args.iter().any(|a| a == "--help" || a == "-h") {
        return Ok(Command::Help);
    }
    let Some((command, rest)) = args.split_first() else {
        return Err("no command given".into());
    };
    let mut file = None;
    let mut format = None;
    let mut rest = rest.iter();
    while let Some(arg) = rest.next() {
        match arg.as_str() {
            "--format" => {
                format = Some(match rest.next().map(String::as_str) {
                    Some("json") => Format::Json,
                    Some("csv") => Format::Csv,
                    Some(other) => {
                        return Err(format!("unknown format \"{other}\"; use json or csv"))
                    }
                    None => return Err("--format needs a value: json or csv".into()),
                })
            }
            a if a.starts_with("--format=") => {
                format = Some(match &a["--format=".len()..] {
                    "json" => Format::Json,
                    "csv" => Format::Csv,
                    other => return Err(format!("unknown format \"{other}\"; use json or csv")),
                })
            }
            a if a.starts_with("--") => return Err(format!("unknown option {a}")),
            a if file.is_none() => file = Some(a.to_string()),
            a => return Err(format!("unexpected argument \"{a}\"; give one plan file")),
        }
    }
    let file = file.ok_or("no plan file given (use - for standard input)")?;
    match command.as_str() {
        "evaluate" => Ok(Command::Evaluate {
            file,
            format: format.unwrap_or(Format::Json),
        }),
        "validate" if format.is_some() => Err("validate takes no --format".into()),
        "validate" => Ok(Command::Validate { file }),
        other => Err(format!(
            "unknown command \"{other}\"; use evaluate or validate"
        )),
    }
}

fn read_plan_text(file: &str) -> Result<String, String> {
    if file == "-" {
        let mut text = String::new();
        std::io::stdin()
            .read_to_string(&mut text)
            .map_err(|e| format!("cannot read standard input: {e}"))?;
        Ok(text)
    } else {
        std::fs::read_to_string(file).map_err(|e| format!("cannot read {file}: {e}"))
    }
}

fn refuse(problems: &[Problem]) -> ExitCode {
    for p in problems {
        eprintln!("{p}");
    }
    ExitCode::from(2)
}

fn load(file: &str) -> Result<Plan, ExitCode> {
    let text = read_plan_text(file).map_err(|e| {
        eprintln!("sunset: {e}");
        ExitCode::from(1)
    })?;
    parse_plan(&text).map_err(|problems| refuse(&problems))
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let command = match parse_args(&args) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("sunset: {e}\n\n{USAGE}");
            return ExitCode::from(1);
        }
    };
    match command {
        Command::Help => {
            println!("{USAGE}");
            ExitCode::SUCCESS
        }
        Command::Validate { file } => match load(&file) {
            Ok(plan) => match evaluate(&plan) {
                // A plan whose projection overflows is refused too (MODEL.md).
                Ok(_) => {
                    println!("valid");
                    ExitCode::SUCCESS
                }
                Err(p) => refuse(&[p]),
            },
            Err(code) => code,
        },
        Command::Evaluate { file, format } => {
            let plan = match load(&file) {
                Ok(plan) => plan,
                Err(code) => return code,
            };
            let projection = match evaluate(&plan) {
                Ok(p) => p,
                Err(p) => return refuse(&[p]),
            };
            match format {
                Format::Json => {
                    match serde_json::to_string_pretty(&projection_to_json(&plan, &projection)) {
                        Ok(text) => println!("{text}"),
                        Err(e) => {
                            eprintln!("sunset: cannot write the projection: {e}");
                            return ExitCode::from(1);
                        }
                    }
                }
                Format::Csv => print!("{}", year_table_csv(&plan, &projection)),
            }
            ExitCode::SUCCESS
        }
    }
}
