//! The Web Worker binary: runs Monte Carlo paths and goal-seek questions
//! for the app (`ui::sim_worker`). Trunk builds it beside the app and the
//! app starts it after its first paint, so it is no part of the first load.

#[cfg(target_arch = "wasm32")]
fn main() {
    use gloo::worker::Registrable;
    use sunset_planner::ui::sim_worker::{SerdeWasm, SimWorker};
    SimWorker::registrar().encoding::<SerdeWasm>().register();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("sunset-worker is the app's Web Worker; trunk builds it. For the command line use the `sunset` binary.");
}
