//! Time of a Monte Carlo run of the default plan with MODEL.md's example
//! spreads (1,000, 10,000 and 100,000 paths; targets: 10,000 paths well
//! under 150 ms over two browser workers, 100,000 paths at most 2 s on the
//! command line) and of each goal-seek question (target: a few ms here,
//! well under 50 ms in the browser). Figures are printed, never asserted.
//! Run with `cargo bench --bench uncertainty`.

use std::hint::black_box;
use std::time::Duration;

use criterion::{criterion_group, criterion_main};
use sunset_planner::model::*;

fn example_spreads(paths: u32) -> Uncertainty {
    Uncertainty {
        seed: 7,
        paths,
        real_growth_sd_pp: 1.5,
        inflation_sd_pp: 2.0,
        persistence: 0.5,
        revenue_error_pct: 8.0,
        cost_error_pct: 4.0,
        fulfilment_sd_pp: 10.0,
    }
}

fn bench_simulate(c: &mut criterion::Criterion) {
    let plan = default_plan();
    let mut group = c.benchmark_group("simulate default plan");
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(8));
    for paths in [1_000, 10_000, 100_000] {
        let u = example_spreads(paths);
        group.bench_function(format!("{paths} paths"), |b| {
            b.iter(|| simulate(black_box(&plan), black_box(&u)))
        });
    }
    // The browser's split: half the paths in each of two workers, then
    // the merge and the reduction on the page.
    let u = example_spreads(10_000);
    let halves = [
        simulate_paths(&plan, &u, 0..5_000),
        simulate_paths(&plan, &u, 5_000..10_000),
    ];
    group.bench_function("10000 paths: one worker's half (5000 paths, sorted)", |b| {
        b.iter(|| simulate_paths(black_box(&plan), black_box(&u), 0..5_000))
    });
    group.bench_function("10000 paths: merge and reduce two halves", |b| {
        b.iter(|| {
            let run = merge_runs(black_box(halves.to_vec())).expect("contiguous");
            uncertainty_result(&plan, &run)
        })
    });
    group.finish();
}

/// The MODEL.md example plan, whose answers all lie inside their ranges
/// (the longest bisections); the default plan's coverage and facility
/// pledge answers sit at a bound and take two evaluations.
fn example_plan() -> Plan {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/plans/example.json");
    let text = std::fs::read_to_string(path).expect("plans/example.json");
    parse_plan(&text).expect("a valid plan")
}

fn bench_seek(c: &mut criterion::Criterion) {
    let mut group = c.benchmark_group("seek");
    group.measurement_time(Duration::from_secs(2));
    for (name, plan) in [("default", default_plan()), ("example", example_plan())] {
        let last = seek::last_calendar_year(&plan);
        let questions = [
            (Question::Reform { by: last }, plan.revenues[0].name.clone()),
            (Question::Taper, "Budget support".to_string()),
            (Question::Coverage, "Child grant".to_string()),
            (Question::Pledge, "Budget support".to_string()),
        ];
        for (question, item) in questions {
            let answer = seek(&plan, question, &item).expect("a valid question");
            println!("{name}: {}", seek_answer_to_json(&answer));
            group.bench_function(format!("{name} plan, {} ({item})", question.name()), |b| {
                b.iter(|| seek(black_box(&plan), question, &item))
            });
        }
    }
    group.finish();
}

criterion_group!(benches, bench_simulate, bench_seek);
criterion_main!(benches);
