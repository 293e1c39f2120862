//! Command-line evaluator (native only): checks a plan file and prints its
//! projection, a Monte Carlo run of it, or a goal-seek answer, with the
//! same model the app runs in the browser.
//!
//! Exit codes: 0 success; 1 usage error or unreadable file; 2 the plan is
//! refused (every problem on stderr, one per line `path: message`) or the
//! question asked of it names no suitable item.

use std::io::Read;
use std::process::ExitCode;

use sunset_planner::codec::csv::{comparison_csv, uncertainty_bands_csv, year_table_csv};
use sunset_planner::model::scenario::{self, evaluate_all, Evaluated};
use sunset_planner::model::seek::last_calendar_year;
use sunset_planner::model::uncertainty::{MAX_PATHS, MAX_SEED};
use sunset_planner::model::{
    merge_runs, parse_plan, projection_to_json, seek, seek_answer_to_json, simulate,
    simulate_paths, uncertainty_result, uncertainty_to_json, PartialRun, Plan, Problem, Projection,
    Question, Uncertainty, UncertaintyResult,
};

const USAGE: &str = "\
sunset: evaluate Sunset Planner plans

Usage:
  sunset evaluate PLAN.json [--scenario NAME] [--format json|csv]
                                                  print the projection
  sunset validate PLAN.json                       check the plan only
  sunset link PLAN.json                           the share-link payload
  sunset compare PLAN.json A B [--format json|csv]
                                                  scenario B minus scenario A
  sunset simulate PLAN.json [--scenario NAME] [--paths N] [--seed S]
                   [--format json|csv]            a Monte Carlo run
  sunset seek PLAN.json QUESTION --item NAME [--by YEAR] [--scenario NAME]
                                                  a goal-seek answer
  sunset --help                                   this text

PLAN.json may be - to read the plan from standard input.
evaluate prints the MODEL.md result as JSON (default), with every scenario
of the plan, or the year table as CSV; with --scenario, that scenario alone
(\"Baseline\" is the plan itself).
compare prints B - A in MODEL.md's comparison layout (JSON), or the
per-year differences as CSV; A and B name scenarios, or Baseline.
simulate prints the MODEL.md uncertainty result as JSON (default) or its
bands by year as CSV; the plan's uncertainty block sets the run (MODEL.md's
defaults without one), and --paths (1 to 100000) and --seed
(0 to 2^53 - 1) override it.
link prints what follows #plan= in a share link of the plan (2.…), as the
app writes it.
seek answers one QUESTION about the item named by --item:
  reform    the smallest reform gain (% of GDP a year) of a revenue stream
            that makes the plan self-sufficient by --by YEAR (default: the
            plan's last year)
  taper     the earliest end of a budget-support or gap-filling donor's
            linear taper that leaves no unfunded gap
  coverage  the largest coverage of a programme that leaves no unfunded gap
  pledge    the smallest base of a budget-support or gap-filling donor that
            leaves no unfunded gap

Exit codes: 0 success; 1 usage error or unreadable file;
2 the plan is refused (every problem listed on stderr as `path: message`)
or the question names no suitable item.";

#[derive(Clone, Copy)]
enum Format {
    Json,
    Csv,
}

enum Command {
    Help,
    Evaluate {
        file: String,
        format: Format,
        scenario: Option<String>,
    },
    Validate {
        file: String,
    },
    Link {
        file: String,
    },
    Compare {
        file: String,
        a: String,
        b: String,
        format: Format,
    },
    Simulate {
        file: String,
        format: Format,
        paths: Option<u32>,
        seed: Option<u64>,
        scenario: Option<String>,
    },
    Seek {
        file: String,
        question: QuestionName,
        item: String,
        by: Option<i32>,
        scenario: Option<String>,
    },
}

/// A seek question as typed; `reform` takes its year once the plan is read.
#[derive(Clone, Copy)]
enum QuestionName {
    Reform,
    Taper,
    Coverage,
    Pledge,
}

/// Every option given, before the command says which it accepts.
#[derive(Default)]
struct Options {
    format: Option<Format>,
    paths: Option<u32>,
    seed: Option<u64>,
    item: Option<String>,
    by: Option<i32>,
    scenario: Option<String>,
    /// The options given, in order, for "X takes no --Y" messages.
    given: Vec<&'static str>,
}

const COMMANDS: [&str; 6] = [
    "evaluate", "validate", "link", "compare", "simulate", "seek",
];

/// The options that take a value, as typed.
const VALUE_OPTIONS: [&str; 6] = [
    "--format",
    "--paths",
    "--seed",
    "--item",
    "--by",
    "--scenario",
];

fn parse_format(v: &str) -> Result<Format, String> {
    match v {
        "json" => Ok(Format::Json),
        "csv" => Ok(Format::Csv),
        other => Err(format!("unknown format \"{other}\"; use json or csv")),
    }
}

fn parse_paths(v: &str) -> Result<u32, String> {
    v.parse::<u32>()
        .ok()
        .filter(|n| (1..=MAX_PATHS).contains(n))
        .ok_or_else(|| {
            format!("--paths must be a whole number from 1 to {MAX_PATHS} (got \"{v}\")")
        })
}

fn parse_seed(v: &str) -> Result<u64, String> {
    v.parse::<u64>()
        .ok()
        .filter(|n| *n <= MAX_SEED)
        .ok_or_else(|| format!("--seed must be a whole number from 0 to {MAX_SEED} (got \"{v}\")"))
}

fn parse_year(v: &str) -> Result<i32, String> {
    v.parse::<i32>()
        .map_err(|_| format!("--by must be a calendar year such as 2035 (got \"{v}\")"))
}

fn parse_question(v: &str) -> Result<QuestionName, String> {
    match v {
        "reform" => Ok(QuestionName::Reform),
        "taper" => Ok(QuestionName::Taper),
        "coverage" => Ok(QuestionName::Coverage),
        "pledge" => Ok(QuestionName::Pledge),
        other => Err(format!(
            "unknown question \"{other}\"; use reform, taper, coverage or pledge"
        )),
    }
}

impl Options {
    /// Reads one option's value into its place.
    fn set(&mut self, name: &'static str, value: &str) -> Result<(), String> {
        if self.given.contains(&name) {
            return Err(format!("{name} given twice"));
        }
        self.given.push(name);
        match name {
            "--format" => self.format = Some(parse_format(value)?),
            "--paths" => self.paths = Some(parse_paths(value)?),
            "--seed" => self.seed = Some(parse_seed(value)?),
            "--item" => self.item = Some(value.to_string()),
            "--scenario" => self.scenario = Some(value.to_string()),
            _ => self.by = Some(parse_year(value)?),
        }
        Ok(())
    }

    /// Refuses any option the command does not take.
    fn only(&self, command: &str, allowed: &[&str]) -> Result<(), String> {
        match self.given.iter().find(|g| !allowed.contains(g)) {
            Some(g) => Err(format!("{command} takes no {g}")),
            None => Ok(()),
        }
    }
}

fn parse_args(args: &[String]) -> Result<Command, String> {
    if args.iter().any(|a| a == "--help" || a == "-h") {
        return Ok(Command::Help);
    }
    let Some((command, rest)) = args.split_first() else {
        return Err("no command given".into());
    };
    if !COMMANDS.contains(&command.as_str()) {
        return Err(format!(
            "unknown command \"{command}\"; use evaluate, validate, link, compare, simulate or seek"
        ));
    }
    let mut options = Options::default();
    let mut positional = Vec::new();
    let mut rest = rest.iter();
    while let Some(arg) = rest.next() {
        let (name, inline) = match arg.split_once('=') {
            Some((n, v)) if n.starts_with("--") => (n, Some(v)),
            _ => (arg.as_str(), None),
        };
        if let Some(&known) = VALUE_OPTIONS.iter().find(|o| **o == name) {
            let value = match inline {
                Some(v) => v,
                None => rest
                    .next()
                    .map(String::as_str)
                    .ok_or_else(|| format!("{known} needs a value"))?,
            };
            options.set(known, value)?;
        } else if name.starts_with("--") {
            return Err(format!("unknown option {name}"));
        } else {
            positional.push(arg.as_str());
        }
    }
    let mut positional = positional.into_iter();
    let file = positional
        .next()
        .ok_or("no plan file given (use - for standard input)")?
        .to_string();
    let command = match command.as_str() {
        "evaluate" => {
            options.only("evaluate", &["--format", "--scenario"])?;
            Command::Evaluate {
                file,
                format: options.format.unwrap_or(Format::Json),
                scenario: options.scenario,
            }
        }
        "validate" => {
            options.only("validate", &[])?;
            Command::Validate { file }
        }
        "link" => {
            options.only("link", &[])?;
            Command::Link { file }
        }
        "compare" => {
            options.only("compare", &["--format"])?;
            let mut names = || {
                positional
                    .next()
                    .map(str::to_string)
                    .ok_or("compare needs two scenario names, A and B (Baseline is the plan)")
            };
            let (a, b) = (names()?, names()?);
            Command::Compare {
                file,
                a,
                b,
                format: options.format.unwrap_or(Format::Json),
            }
        }
        "simulate" => {
            options.only("simulate", &["--format", "--paths", "--seed", "--scenario"])?;
            Command::Simulate {
                file,
                format: options.format.unwrap_or(Format::Json),
                paths: options.paths,
                seed: options.seed,
                scenario: options.scenario,
            }
        }
        // "seek", the last of COMMANDS.
        _ => {
            options.only("seek", &["--item", "--by", "--scenario"])?;
            let question = parse_question(
                positional
                    .next()
                    .ok_or("seek needs a question: reform, taper, coverage or pledge")?,
            )?;
            if options.by.is_some() && !matches!(question, QuestionName::Reform) {
                return Err("--by goes with the reform question only".into());
            }
            Command::Seek {
                file,
                question,
                item: options
                    .item
                    .ok_or("seek needs --item NAME: the item the question is about")?,
                by: options.by,
                scenario: options.scenario,
            }
        }
    };
    match positional.next() {
        Some(extra) => Err(format!(
            "unexpected argument \"{extra}\"; give one plan file"
        )),
        None => Ok(command),
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

/// A valid plan whose projections (its scenarios' too) do not overflow,
/// with them, or the exit code.
fn load(file: &str) -> Result<(Plan, Evaluated), ExitCode> {
    let text = read_plan_text(file).map_err(|e| {
        eprintln!("sunset: {e}");
        ExitCode::from(1)
    })?;
    let plan = parse_plan(&text).map_err(|problems| refuse(&problems))?;
    // A plan whose projection overflows is refused too (MODEL.md).
    let evaluated = evaluate_all(&plan).map_err(|p| refuse(&p))?;
    Ok((plan, evaluated))
}

/// The plan and projection of a scenario named on the command line
/// ("Baseline", in any case, is the plan itself).
fn pick(plan: &Plan, evaluated: &Evaluated, name: &str) -> Result<(Plan, Projection), ExitCode> {
    match scenario::find(plan, name) {
        Some(None) => Ok((plan.clone(), evaluated.baseline.clone())),
        Some(Some((i, _))) => Ok(evaluated.scenarios[i].clone()),
        None => {
            let names: Vec<&str> = std::iter::once(scenario::BASELINE)
                .chain(plan.scenarios.iter().map(|s| s.name.as_str()))
                .collect();
            eprintln!(
                "sunset: the plan has no scenario named \"{name}\"; it has {}",
                names.join(", ")
            );
            Err(ExitCode::from(2))
        }
    }
}

/// The run's settings: the plan's `uncertainty` block (MODEL.md's defaults
/// without one), with the flags on top. A scenario shares the plan's.
fn uncertainty_settings(plan: &Plan, paths: Option<u32>, seed: Option<u64>) -> Uncertainty {
    let mut u = plan.uncertainty.clone().unwrap_or_default();
    if let Some(paths) = paths {
        u.paths = paths;
    }
    if let Some(seed) = seed {
        u.seed = seed;
    }
    u
}

/// The run split over the machine's cores, one piece of paths each, then
/// merged: the same figures, bit for bit, as one piece (MODEL.md's run is
/// defined path by path), in about half the time on two cores.
fn simulate_on_all_cores(plan: &Plan, u: &Uncertainty) -> UncertaintyResult {
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let pieces = u64::try_from(cores.min(16)).unwrap_or(1).max(1);
    let bound = |i: u64| u32::try_from(u64::from(u.paths) * i / pieces).unwrap_or(u.paths);
    let runs: Vec<PartialRun> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..pieces)
            .map(|i| scope.spawn(move || simulate_paths(plan, u, bound(i)..bound(i + 1))))
            .collect();
        handles.into_iter().filter_map(|h| h.join().ok()).collect()
    });
    // A piece can only be missing if its thread panicked, which the model
    // never does; the run is then done again on this thread.
    match merge_runs(runs) {
        Ok(run) if run.end_path - run.first_path == u.paths => uncertainty_result(plan, &run),
        _ => simulate(plan, u),
    }
}

fn print_json(value: &serde_json::Value) -> ExitCode {
    match serde_json::to_string_pretty(value) {
        Ok(text) => {
            println!("{text}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("sunset: cannot write the result: {e}");
            ExitCode::from(1)
        }
    }
}

fn run(command: Command) -> Result<ExitCode, ExitCode> {
    match command {
        Command::Help => {
            println!("{USAGE}");
        }
        Command::Validate { file } => {
            load(&file)?;
            println!("valid");
        }
        Command::Link { file } => {
            let (plan, _) = load(&file)?;
            println!("{}", sunset_planner::codec::link::encode_link(&plan));
        }
        Command::Evaluate {
            file,
            format,
            scenario: None,
        } => {
            let (plan, evaluated) = load(&file)?;
            match format {
                Format::Json => return Ok(print_json(&scenario::result_json(&plan, &evaluated))),
                Format::Csv => print!("{}", year_table_csv(&plan, &evaluated.baseline)),
            }
        }
        Command::Evaluate {
            file,
            format,
            scenario: Some(name),
        } => {
            let (plan, evaluated) = load(&file)?;
            let (p, projection) = pick(&plan, &evaluated, &name)?;
            match format {
                Format::Json => return Ok(print_json(&projection_to_json(&p, &projection))),
                Format::Csv => print!("{}", year_table_csv(&p, &projection)),
            }
        }
        Command::Compare { file, a, b, format } => {
            let (plan, evaluated) = load(&file)?;
            let (pa, ja) = pick(&plan, &evaluated, &a)?;
            let (pb, jb) = pick(&plan, &evaluated, &b)?;
            let c = scenario::compare((&a, &pa, &ja), (&b, &pb, &jb));
            match format {
                Format::Json => return Ok(print_json(&c)),
                Format::Csv => print!("{}", comparison_csv(&c)),
            }
        }
        Command::Simulate {
            file,
            format,
            paths,
            seed,
            scenario,
        } => {
            let (plan, evaluated) = load(&file)?;
            let settings = uncertainty_settings(&plan, paths, seed);
            let plan = match scenario {
                Some(name) => pick(&plan, &evaluated, &name)?.0,
                None => plan,
            };
            let result = simulate_on_all_cores(&plan, &settings);
            match format {
                Format::Json => return Ok(print_json(&uncertainty_to_json(&plan, &result))),
                Format::Csv => print!("{}", uncertainty_bands_csv(&result)),
            }
        }
        Command::Seek {
            file,
            question,
            item,
            by,
            scenario,
        } => {
            let (plan, evaluated) = load(&file)?;
            let plan = match scenario {
                Some(name) => pick(&plan, &evaluated, &name)?.0,
                None => plan,
            };
            let question = match question {
                QuestionName::Reform => Question::Reform {
                    by: by.unwrap_or_else(|| last_calendar_year(&plan)),
                },
                QuestionName::Taper => Question::Taper,
                QuestionName::Coverage => Question::Coverage,
                QuestionName::Pledge => Question::Pledge,
            };
            let answer = seek(&plan, question, &item).map_err(|e| {
                eprintln!("sunset: {e}");
                ExitCode::from(2)
            })?;
            return Ok(print_json(&seek_answer_to_json(&answer)));
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match parse_args(&args) {
        Ok(command) => run(command).unwrap_or_else(|code| code),
        Err(e) => {
            eprintln!("sunset: {e}\n\n{USAGE}");
            ExitCode::from(1)
        }
    }
}
