//! Rewrites the golden results, `tests/golden/<name>.projection.json`,
//! from `tests/golden/<name>.plan.json` for every plan there:
//! `make golden` (or `cargo run --example regenerate-golden`). Run it by
//! hand after a model change that is meant to move figures, and read the
//! diff before committing it. It writes those files and nothing else; the
//! golden tests only compare with them.

use std::path::Path;
use std::process::ExitCode;

use sunset_planner::model::{evaluate, parse_plan, projection_to_json};

fn main() -> ExitCode {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden");
    let mut names: Vec<String> = match std::fs::read_dir(&dir) {
        Ok(entries) => entries
            .filter_map(|e| {
                let name = e.ok()?.file_name().into_string().ok()?;
                name.strip_suffix(".plan.json").map(str::to_string)
            })
            .collect(),
        Err(e) => {
            eprintln!("cannot read {}: {e}", dir.display());
            return ExitCode::FAILURE;
        }
    };
    names.sort();
    let mut failed = false;
    for name in names {
        match regenerate(&dir, &name) {
            Ok(changed) => println!(
                "{name}.projection.json {}",
                if changed { "rewritten" } else { "unchanged" }
            ),
            Err(e) => {
                eprintln!("{name}: {e}");
                failed = true;
            }
        }
    }
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

/// Writes one projection; whether its text changed.
fn regenerate(dir: &Path, name: &str) -> Result<bool, String> {
    let plan_path = dir.join(format!("{name}.plan.json"));
    let text = std::fs::read_to_string(&plan_path).map_err(|e| e.to_string())?;
    let plan = parse_plan(&text).map_err(|problems| {
        let lines: Vec<String> = problems.iter().map(ToString::to_string).collect();
        format!("the plan is refused:\n  {}", lines.join("\n  "))
    })?;
    let projection = evaluate(&plan).map_err(|p| format!("the plan does not evaluate: {p}"))?;
    let json = serde_json::to_string_pretty(&projection_to_json(&plan, &projection))
        .map_err(|e| e.to_string())?
        + "\n";
    let out = dir.join(format!("{name}.projection.json"));
    let changed = std::fs::read_to_string(&out).ok().as_deref() != Some(json.as_str());
    if changed {
        std::fs::write(&out, json).map_err(|e| format!("cannot write {}: {e}", out.display()))?;
    }
    Ok(changed)
}
