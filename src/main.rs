//! The browser entry point: mounts the Yew app. On the host this binary only
//! points to the command-line evaluator.

#[cfg(target_arch = "wasm32")]
fn main() {
    sunset_planner::ui::run();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("sunset-planner is the browser app; build it with trunk. For the command line use the `sunset` binary.");
}
