//! Writes the frozen link fixtures that are missing, never one that
//! exists: `make fixtures` (or `cargo run --example write-fixtures`).
//!
//! - `tests/fixtures/links/<name>.link` for each `<name>.plan.json` there
//!   without one: the link this release makes for the plan. Later releases
//!   must open it to exactly that plan.
//! - `tests/fixtures/hostile/*.link` and `expected.tsv`: damaged, hostile
//!   and invalid links with the error each must give.
//!
//! A fixture records what an earlier release wrote, so rewriting one would
//! hide a break: files are created with `create_new`, and an existing file
//! is left as it is and listed. No test runs this.

use std::fs::OpenOptions;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;
use sunset_planner::codec::link::{compact_text_v1, link_url};
use sunset_planner::model::{Node as _, Plan, VERSION};

fn fixture(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(rel)
}

/// What happened to one file.
enum Outcome {
    Written,
    Kept,
}

/// Creates `path` with `text`; an existing file is kept as it is.
fn create(path: &Path, text: &str) -> Result<Outcome, String> {
    match OpenOptions::new().write(true).create_new(true).open(path) {
        Ok(mut file) => {
            file.write_all(text.as_bytes())
                .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
            Ok(Outcome::Written)
        }
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Ok(Outcome::Kept),
        Err(e) => Err(format!("cannot create {}: {e}", path.display())),
    }
}

/// A fixture plan as the link tests read it: the file's fields, not
/// validated (a fixture may hold what validation refuses), at the current
/// version as the parser reads an older file.
fn read_plan(path: &Path) -> Result<Plan, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let value: serde_json::Value =
        serde_json::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut plan = Plan::read(&value).ok_or_else(|| format!("{}: not a plan", path.display()))?;
    plan.version = VERSION;
    Ok(plan)
}

/// Packs compact text as a link payload with `tag`, as the encoder does.
fn pack(tag: &str, text: &[u8]) -> String {
    let z = miniz_oxide::deflate::compress_to_vec_zlib(text, 10);
    format!("{tag}.{}", URL_SAFE_NO_PAD.encode(z))
}

/// `(file, link)` for each missing `links/<name>.link`.
fn plan_links() -> Result<Vec<(PathBuf, String)>, String> {
    let dir = fixture("links");
    let mut out = Vec::new();
    let entries = std::fs::read_dir(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    for entry in entries {
        let entry = entry.map_err(|e| e.to_string())?;
        let file = entry.file_name().to_string_lossy().into_owned();
        let Some(name) = file.strip_suffix(".plan.json") else {
            continue;
        };
        let link = dir.join(format!("{name}.link"));
        if !link.exists() {
            let plan = read_plan(&entry.path())?;
            out.push((link, link_url("https://example.org/sunset/", &plan) + "\n"));
        }
    }
    Ok(out)
}

/// The hostile fixtures: (file, link, expected error kind, needs-model).
/// They were first written when links were format 1, and damage a format-1
/// link of the example plan; a case added later may damage either format.
fn hostile_cases() -> Result<Vec<(&'static str, String, &'static str, bool)>, String> {
    let good = pack(
        "1",
        compact_text_v1(&read_plan(&fixture("links/example.plan.json"))?).as_bytes(),
    );
    let html_names = std::fs::read_to_string(fixture("links/html-names.link"))
        .map_err(|e| format!("links/html-names.link: {e}"))?;
    let base = "https://example.org/sunset/#plan=";
    let data = &good[2..];
    let zlib = URL_SAFE_NO_PAD
        .decode(data)
        .map_err(|e| format!("own link: {e}"))?;
    let mut flipped = zlib.clone();
    flipped[zlib.len() / 2] ^= 0x5a;
    let mut bad_sum = zlib.clone();
    let last = bad_sum.len() - 1;
    bad_sum[last] ^= 1;
    let mut bad_char = data.to_string();
    bad_char.replace_range(100..101, "!");
    let empty = r#"[["","","L",2026,10,0,1],[1e11,0,0,1e6,0,1,0,0,[],[]],"#;
    let with = |rest: &str| format!("{empty}{rest}");
    let cases: Vec<(&'static str, String, &'static str, bool)> = vec![
        ("empty.link", base.to_string(), "empty", false),
        ("no-fragment.link", "https://example.org/sunset/".into(), "empty", false),
        ("truncated.link", format!("{base}{}", &good[..good.len() * 3 / 5]), "truncated", false),
        ("bad-base64.link", format!("{base}1.{bad_char}"), "bad_character", false),
        ("corrupt-deflate.link", format!("{base}1.{}", URL_SAFE_NO_PAD.encode(&flipped)), "corrupt", false),
        ("bad-checksum.link", format!("{base}1.{}", URL_SAFE_NO_PAD.encode(&bad_sum)), "corrupt", false),
        ("bomb.link", format!("{base}{}", pack("1", &vec![b' '; 4 << 20])), "too_large", false),
        // Made when link format 2 did not exist yet; this release reads it
        // as format 2, whose payload it is not.
        ("newer-version.link", format!("{base}2.{data}"), "shape", false),
        ("newer-version-3.link", format!("{base}3.{data}"), "newer", false),
        ("unknown-tag.link", format!("{base}x1.{data}"), "unknown_tag", false),
        ("not-json.link", format!("{base}{}", pack("1", b"<script>alert(1)</script>")), "shape", false),
        (
            "wrong-shape.link",
            format!("{base}{}", pack("1", with(r#"[],[],[],[["a","b",null,100,1,null,null,null,null]],[],[0,0,0],[],null]"#).as_bytes())),
            "shape",
            false,
        ),
        (
            "negative-year.link",
            format!("{base}{}", pack("1", with(r#"[],[],[],[],[[-3,1,0,0,0]],[0,0,0],[],null]"#).as_bytes())),
            "shape",
            false,
        ),
        ("html-names.link", html_names, "ok", false),
        (
            "invalid-plan.link",
            format!(
                "{base}{}",
                pack(
                    "1",
                    br#"[["","","L",2026,0,0,1],[1e11,0,0,1e6,0,1,0,0,[],[]],[["Tax",-5e9,9,null]],[["Police",1e9,1,0,[40,140,0,6]]],[],[["Aid","b",null,100,1e8,["l",5,2],null,null,null,null],["Co","c",null,100,null,null,"Nobody",10,15,1]],[[2,0,0,0,0]],[0,0,0],[],null]"#
                )
            ),
            "invalid",
            true,
        ),
        (
            "absurd-numbers.link",
            format!(
                "{base}{}",
                pack(
                    "1",
                    br#"[["","","L",2026,10,1e308,1],[1e308,-1e308,1e300,-1,0,0,0,0,[],[]],[["Tax",1e308,1e308,null]],[],[],[],[[0,1,-100,-1e300,1e308]],[-1,-1,-1e308],[],null]"#
                )
            ),
            "invalid",
            true,
        ),
    ];
    Ok(cases)
}

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("write-fixtures: {e}");
            ExitCode::FAILURE
        }
    }
}

fn run() -> Result<(), String> {
    let mut files = plan_links()?;
    let cases = hostile_cases()?;
    let header = "# file\texpected error kind (LinkError::kind; ok = opens)\t[needs-model: refused only by the real model::validate]\n";
    let lines: Vec<String> = cases
        .iter()
        .map(|(file, _, kind, needs_model)| {
            format!(
                "{file}\t{kind}{}\n",
                if *needs_model { "\tneeds-model" } else { "" }
            )
        })
        .collect();
    let manifest = fixture("hostile/expected.tsv");
    let listed = std::fs::read_to_string(&manifest).unwrap_or_default();
    for ((file, link, _, _), line) in cases.iter().zip(&lines) {
        files.push((
            fixture(&format!("hostile/{file}")),
            format!("{}\n", link.trim_end()),
        ));
        if !listed.is_empty() && !listed.lines().any(|l| format!("{l}\n") == *line) {
            println!(
                "expected.tsv exists and lacks this line; add it by hand: {}",
                line.trim_end()
            );
        }
    }
    files.push((manifest, format!("{header}{}", lines.concat())));
    for (path, text) in files {
        let shown = path
            .strip_prefix(env!("CARGO_MANIFEST_DIR"))
            .unwrap_or(&path)
            .display()
            .to_string();
        match create(&path, &text)? {
            Outcome::Written => println!("written: {shown}"),
            Outcome::Kept => println!("kept (frozen, never rewritten): {shown}"),
        }
    }
    Ok(())
}
