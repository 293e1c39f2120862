//! The extras module: the uncertainty results and goal seek, the presenter
//! view, the comparison and the room summary (`ui::extras`). Trunk builds
//! it beside the app, which loads it after its first paint, so it is no
//! part of the first load.

#[cfg(target_arch = "wasm32")]
fn main() {
    sunset_planner::ui::extras::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("sunset-extras is part of the browser app; trunk builds it. For the command line use the `sunset` binary.");
}
