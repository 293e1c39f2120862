//! Share links: fixtures made by this release, round trips, sizes and
//! every bad input, and the link's QR code.

mod common;

use std::fs;

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;
use common::arb::arb_plan;
use common::{example_plan, fixture, read_plan};
use proptest::prelude::*;
use sunset_planner::codec::link::{
    self, decode_link, decode_link_unvalidated, decode_link_view, encode_link, encode_link_with,
    link_url, LinkError, View,
};
use sunset_planner::codec::qr::{qr_svg, QrError};
use sunset_planner::model::*;

/// Packs compact text as a link payload with `tag`, as the encoder does.
fn pack(tag: &str, text: &[u8]) -> String {
    let z = miniz_oxide::deflate::compress_to_vec_zlib(text, 10);
    format!("{tag}.{}", URL_SAFE_NO_PAD.encode(z))
}

/// The positive fixtures: `tests/fixtures/links/<name>.plan.json` with the
/// link this release made for it in `<name>.link`.
fn link_fixture_names() -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(fixture("links"))
        .expect("tests/fixtures/links")
        .filter_map(|e| {
            e.ok()?
                .file_name()
                .into_string()
                .ok()?
                .strip_suffix(".plan.json")
                .map(str::to_string)
        })
        .collect();
    names.sort();
    names
}

#[test]
fn fixture_links_decode_to_exactly_their_plans() {
    let names = link_fixture_names();
    assert!(names.len() >= 4, "fixtures missing: {names:?}");
    for name in names {
        let plan = read_plan(&fixture(&format!("links/{name}.plan.json")));
        let link_path = fixture(&format!("links/{name}.link"));
        // Made once, then frozen: a link of this release must open in every
        // later one. `make fixtures` writes a new fixture's link and never
        // rewrites an existing one.
        let Ok(saved) = fs::read_to_string(&link_path) else {
            panic!(
                "{} is missing (write it once with `make fixtures`)",
                link_path.display()
            );
        };
        let decoded =
            decode_link_unvalidated(saved.trim()).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(decoded, plan, "{name}");
        // The plan also survives a fresh encoding.
        assert_eq!(
            decode_link_unvalidated(&encode_link(&plan)).as_ref(),
            Ok(&plan),
            "{name}"
        );
    }
}

/// Every fixture plan is valid (with the real model::validate; every-field
/// has a `steps` taper with no points, valid since m ≡ 1), so its link
/// opens through `decode_link`, not only unvalidated.
#[test]
fn fixture_links_open_as_valid_plans() {
    for name in link_fixture_names() {
        let saved =
            fs::read_to_string(fixture(&format!("links/{name}.link"))).expect("fixture link");
        let plan = read_plan(&fixture(&format!("links/{name}.plan.json")));
        assert_eq!(
            decode_link(saved.trim()).map_err(|e| e.to_string()),
            Ok(plan),
            "{name}"
        );
    }
}

#[test]
fn html_in_names_round_trips_as_plain_text() {
    let plan = read_plan(&fixture("links/html-names.plan.json"));
    let back = decode_link_unvalidated(&encode_link(&plan)).expect("decodes");
    assert_eq!(back.meta.name, "<img src=x onerror=alert(1)>");
    assert_eq!(back, plan);
}

#[test]
fn accepts_url_fragment_and_bare_payload() {
    let plan = example_plan();
    let payload = encode_link(&plan);
    for input in [
        link_url("https://example.org/app/?x=1#old", &plan),
        format!("#plan={payload}"),
        format!("plan={payload}"),
        payload.clone(),
        format!(
            "  https://example.org/#plan={}\n{}  ",
            &payload[..40],
            &payload[40..]
        ),
        format!("https://example.org/#tab=chart&plan={payload}"),
    ] {
        assert_eq!(
            decode_link_unvalidated(&input).as_ref(),
            Ok(&plan),
            "{input}"
        );
    }
    assert!(link_url("https://example.org/app/?x=1#old", &plan)
        .starts_with("https://example.org/app/?x=1#plan=2."));
}

/// Link sizes. To add a plan add a line to `cases`: (label, plan, budget
/// in characters).
#[test]
fn link_sizes_within_budget() {
    let cases: Vec<(&str, Plan, usize)> = vec![
        ("default plan", default_plan(), 1000),
        ("MODEL.md example", example_plan(), 1000),
        ("30 items", thirty_item_plan(), 2000),
        (
            "every field",
            read_plan(&fixture("links/every-field.plan.json")),
            2000,
        ),
    ];
    for (label, plan, budget) in cases {
        let fragment = format!("#plan={}", encode_link(&plan));
        let json = plan_to_value(&plan).to_string();
        println!(
            "link size {label}: {} characters in the fragment (budget {budget}); compact text {} bytes, plain JSON {} bytes",
            fragment.len(),
            link::compact_text(&plan).len(),
            json.len()
        );
        assert!(
            fragment.len() <= budget,
            "{label}: {} > {budget}",
            fragment.len()
        );
    }
}

/// The example grown to 30 items in all (revenues, costs, programmes,
/// donors), with distinct realistic names.
fn thirty_item_plan() -> Plan {
    let mut plan = example_plan();
    let taxes = [
        "Property tax",
        "Excise on fuel",
        "Excise on tobacco",
        "Mining royalties",
    ];
    for (i, n) in taxes.iter().enumerate() {
        plan.revenues.push(Revenue {
            name: n.to_string(),
            base: 1.0e9 * (i + 2) as f64,
            buoyancy: 1.05,
            reform: None,
            ..Default::default()
        });
    }
    let lines = [
        "Fire service",
        "Prisons",
        "Customs administration",
        "Statistics office",
        "Roads",
    ];
    for (i, n) in lines.iter().enumerate() {
        plan.costs.push(CostLine {
            name: n.to_string(),
            base: 2.5e9 * (i + 1) as f64,
            indexed: true,
            real_growth_pct: 1.5,
            handover: Some(Ramp {
                from_pct: 20.0,
                to_pct: 100.0,
                start: i as u32,
                years: 5,
            }),
            ..Default::default()
        });
    }
    for (i, n) in ["Disability grant", "School meals", "Public works"]
        .iter()
        .enumerate()
    {
        plan.programmes.push(Programme {
            name: n.to_string(),
            eligible_share_pct: 2.0 + i as f64,
            benefit_base: 12000.0,
            indexed: true,
            real_benefit_growth_pct: 0.0,
            admin_pct: 6.0,
            coverage: Some(Ramp {
                from_pct: 0.0,
                to_pct: 80.0,
                start: 1,
                years: 6,
            }),
            ..Default::default()
        });
    }
    let donors = [
        "World Bank DPO",
        "EU budget support",
        "Health pooled fund",
        "UN peacebuilding fund",
    ];
    for (i, n) in donors.iter().enumerate() {
        plan.donors.push(Donor {
            name: n.to_string(),
            kind: DonorKind::BudgetSupport,
            currency: Some(Currency::Usd),
            fulfilment_pct: 85.0,
            base: Some(5.0e7 * (i + 1) as f64),
            taper: Some(Taper::Steps {
                points: vec![(2, 75.0), (5, 40.0), (8, 0.0)],
                end: None,
            }),
            target: None,
            initial_country_share_pct: None,
            step_pp: None,
            start: None,
            ..Default::default()
        });
    }
    let n = plan.revenues.len() + plan.costs.len() + plan.programmes.len() + plan.donors.len();
    assert_eq!(n, 30);
    plan
}

// ---- hostile links ------------------------------------------------------

/// Every hostile fixture: (file, expected kind, needs the real model).
fn hostile_manifest() -> Vec<(String, String, bool)> {
    let text = fs::read_to_string(fixture("hostile/expected.tsv")).expect("hostile/expected.tsv");
    text.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| {
            let cols: Vec<&str> = l.split('\t').collect();
            assert!(cols.len() >= 2, "bad manifest line {l:?}");
            (
                cols[0].to_string(),
                cols[1].to_string(),
                cols.get(2) == Some(&"needs-model"),
            )
        })
        .collect()
}

fn check_hostile(with_model: bool) {
    for (file, kind, needs_model) in hostile_manifest() {
        let text =
            fs::read_to_string(fixture(&format!("hostile/{file}"))).expect("hostile fixture");
        if needs_model != with_model {
            if needs_model {
                // Well formed: only validation can refuse it, and decoding
                // its absurd numbers must not panic.
                assert!(decode_link_unvalidated(text.trim_end()).is_ok(), "{file}");
            }
            continue;
        }
        match decode_link(text.trim_end_matches('\n')) {
            Ok(_) if kind == "ok" => {}
            Ok(_) => panic!("{file}: opened, expected {kind}"),
            Err(e) => {
                println!("{file}: {e}");
                assert_eq!(e.kind(), kind, "{file}: {e}");
                assert!(!e.to_string().is_empty());
                common::assert_french(&e.to_string(), &e.fr());
            }
        }
    }
}

#[test]
fn hostile_fixtures_give_their_errors() {
    check_hostile(false);
}

/// The fixtures only the real model::validate refuses.
#[test]
fn hostile_fixtures_refused_by_validation() {
    check_hostile(true);
}

#[test]
fn errors_say_what_and_where() {
    let bad = pack("1", br#"[["","","L",2026,1,0,1],[1,0,0,1,0,1,0,0,[],[]],[],[],[],[["a","b",null,100,1,null,null,null,null]],[],[0,0,0],[],null]"#);
    let e = decode_link(&bad).expect_err("wrong shape");
    assert_eq!(
        e,
        LinkError::Shape {
            path: "donors[0]".into(),
            problem: sunset_planner::codec::link::Packed::FieldCount { want: 10, found: 9 }
        }
    );
    assert_eq!(
        e.to_string(),
        "The link's plan is malformed at donors[0]: expected 10 fields, found 9."
    );

    let e = decode_link("https://example.org/#plan=1.eJyr%t").expect_err("bad char");
    assert_eq!(
        e,
        LinkError::BadCharacter {
            position: 33,
            character: '%'
        }
    );
    assert!(e.to_string().contains("at character 33"), "{e}");

    let e = decode_link("#plan=7.eJyrVkrLz1eyUkpKLFKqBQA").expect_err("newer");
    assert!(e.to_string().contains("newer release"), "{e}");

    let negative_year = pack(
        "1",
        br#"[["","","L",2026,1,0,1],[1,0,0,1,0,1,0,0,[[-1,5]],[]],[],[],[],[],[],[0,0,0],[],null]"#,
    );
    let e = decode_link(&negative_year).expect_err("negative year");
    assert_eq!(e.kind(), "shape");
    assert!(
        e.to_string().contains("macro.overrides.real_growth_pct[0]"),
        "{e}"
    );
}

#[test]
fn every_cut_of_a_link_is_refused_cleanly() {
    let payload = encode_link(&example_plan());
    for n in 0..payload.len() {
        let cut = &payload[..n];
        match decode_link_unvalidated(cut) {
            Ok(p) => panic!("a cut link at {n} opened: {p:?}"),
            Err(e) => assert!(
                ["empty", "truncated", "unknown_tag", "corrupt"].contains(&e.kind()),
                "cut at {n}: {e:?}"
            ),
        }
    }
}

#[test]
fn every_changed_character_is_refused_or_harmless() {
    // With the Adler-32 checksum a changed character is caught; it must
    // never panic and never open a different plan in silence.
    let plan = example_plan();
    let payload = encode_link(&plan);
    let bytes = payload.as_bytes();
    for i in 2..bytes.len() {
        for c in [b'A', b'z', b'-', b'_', b'0'] {
            if bytes[i] == c {
                continue;
            }
            let mut changed = bytes.to_vec();
            changed[i] = c;
            let text = String::from_utf8(changed).expect("ascii");
            if let Ok(other) = decode_link_unvalidated(&text) {
                assert_eq!(
                    other, plan,
                    "character {i} changed to {} opened a different plan",
                    c as char
                );
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, .. ProptestConfig::default() })]

    #[test]
    fn any_valid_plan_round_trips_exactly(plan in arb_plan()) {
        let payload = encode_link(&plan);
        prop_assert_eq!(decode_link(&payload), Ok(plan));
    }

    /// Format 1 is read through the plan's definition; its writer (kept
    /// for tests) is the frozen field-by-field table of docs/link-format.md.
    #[test]
    fn any_format_1_text_reads_back_exactly(plan in arb_plan()) {
        let mut plan = plan;
        for r in &mut plan.revenues { r.note.clear(); }
        for c in &mut plan.costs { c.note.clear(); }
        for g in &mut plan.programmes { g.note.clear(); }
        for d in &mut plan.donors { d.note.clear(); }
        for s in &mut plan.shocks { s.note.clear(); }
        for c in &mut plan.criteria { c.note.clear(); }
        plan.meta.note.clear();
        plan.scenarios.clear();
        plan.uncertainty = None;
        let text = link::compact_text_v1(&plan);
        prop_assert_eq!(link::decode_compact_text(text.as_bytes()), Ok(plan));
    }

    #[test]
    fn any_text_gives_a_qr_code_or_an_error(s in "\\PC{0,400}") {
        match qr_svg(&s) {
            Ok(svg) => prop_assert!(svg.starts_with("<svg ")),
            Err(e) => prop_assert!(!e.to_string().is_empty()),
        }
    }

    #[test]
    fn arbitrary_text_never_panics(s in "\\PC{0,80}") {
        let _ = decode_link(&s);
        let _ = decode_link(&format!("#plan=1.{s}"));
    }
}

/// A long `meta.currency` (the case a fuzz target reported reaching a
/// panic in the QR encoder) only lengthens the link: every length gives a
/// QR code or `TooBig`, both at the level M/L boundaries and past 2953.
#[test]
fn long_currency_links_give_a_qr_code_or_too_big() {
    let mut seen_ok = false;
    let mut seen_too_big = false;
    let mut seed = 7u64;
    for n in (1..5000).step_by(97) {
        let mut plan = default_plan();
        // Pseudo-random letters deflate to about 4.7 bits each, so the link
        // grows by about 0.8 characters a letter and passes 2953 near 3500.
        plan.meta.currency = (0..n)
            .map(|_| {
                seed = seed
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                char::from(b'A' + ((seed >> 33) % 26) as u8)
            })
            .collect();
        let url = link_url("https://example.org/", &plan);
        match qr_svg(&url) {
            Ok(_) => seen_ok = true,
            Err(QrError::TooBig { chars, .. }) => {
                assert_eq!(chars, url.len());
                seen_too_big = true;
            }
            Err(e) => panic!("{n}: {e}"),
        }
    }
    assert!(seen_ok && seen_too_big);
}

#[test]
fn compact_text_of_the_smallest_plan_is_as_documented() {
    let plan = read_plan(&fixture("links/minimal.plan.json"));
    assert_eq!(
        link::compact_text_v1(&plan),
        r#"[["","","LCU",2026,1,0,1],[1,0,0,1,0,1,0,0,[],[]],[],[],[],[],[],[0,0,0],[],null]"#
    );
    assert_eq!(
        link::compact_text(&plan),
        r#"[[["","","LCU",2026,1],[1,0,0,1,0,1,0,0]]]"#
    );
}

/// The last link made is kept (`encode_link_with`): asking again for the
/// same plan and view gives it back, and any other plan or view its own.
#[test]
fn a_kept_link_is_given_only_for_its_own_plan_and_view() {
    let a = example_plan();
    let mut b = a.clone();
    b.meta.name.push_str(" (copy)");
    let french = View {
        lang: Some("fr".into()),
        ..View::default()
    };
    let link_a = encode_link(&a);
    assert_eq!(encode_link(&a), link_a);
    let link_b = encode_link(&b);
    assert_ne!(link_b, link_a);
    assert_eq!(decode_link(&link_b).unwrap(), b);
    let french_a = encode_link_with(&a, &french);
    assert_ne!(french_a, link_a);
    assert_eq!(decode_link_view(&french_a).unwrap(), (a.clone(), french));
    assert_eq!(encode_link(&a), link_a);
    assert_eq!(decode_link(&link_a).unwrap(), a);
}
