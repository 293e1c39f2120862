//! The browser app: one `State` reduced by `Action`s (state.rs), small
//! components around it, and SVG charts.
//!
//! The core has no web API and builds and is tested on every target: the
//! state and its reducer, plan edits, presets, number formats, texts and
//! chart geometry. The components, the app shell and the browser glue
//! (storage, address, files) exist only on wasm32.

pub mod chart;
pub mod compare_words;
pub mod edit;
pub mod fan;
pub mod format;
pub mod i18n;
pub mod keeper;
pub mod labels;
pub mod pool;
pub mod prefs;
pub mod presets;
pub mod reach;
pub mod room;
pub mod spreads;
pub mod state;
pub mod typed_number;
pub mod wire;
pub mod workshop;

#[cfg(target_arch = "wasm32")]
pub mod app;
#[cfg(target_arch = "wasm32")]
pub mod chart_export;
#[cfg(target_arch = "wasm32")]
pub mod components;
#[cfg(target_arch = "wasm32")]
pub mod context;
#[cfg(target_arch = "wasm32")]
pub mod extras;
#[cfg(target_arch = "wasm32")]
pub mod focus;
#[cfg(target_arch = "wasm32")]
pub mod island;
#[cfg(target_arch = "wasm32")]
pub mod near;
#[cfg(target_arch = "wasm32")]
pub mod sim_client;
#[cfg(target_arch = "wasm32")]
pub mod sim_worker;
#[cfg(target_arch = "wasm32")]
pub mod sync;

/// Mounts the app on the page body, in place of the first view that the
/// release page shows until now (scripts/first-view.mjs): both happen in
/// this task, so no frame shows neither.
#[cfg(target_arch = "wasm32")]
pub fn run() {
    if let Some(first) = gloo::utils::document().get_element_by_id("first-view") {
        // Its bridge chart sits where the app's will, in the same layout.
        if let Ok(Some(frame)) = first.query_selector(".chart-frame") {
            chart::set_first_width(frame.client_width());
        }
        first.remove();
    }
    // An audience window only shows what the facilitator's window sends.
    if components::audience::is_audience_window() {
        yew::Renderer::<components::audience::AudienceApp>::new().render();
    } else {
        yew::Renderer::<app::App>::new().render();
    }
}
