//! The browser app: one `State` reduced by `Action`s (state.rs), small
//! components around it, and SVG charts. Exists only on wasm32.

pub mod app;
pub mod chart;
pub mod components;
pub mod edit;
pub mod format;
pub mod i18n;
pub mod presets;
pub mod state;

/// Mounts the app on the page body.
pub fn run() {
    yew::Renderer::<app::App>::new().render();
}
