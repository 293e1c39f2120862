//! Sunset Planner: plan the end of donor funding year by year.
//!
//! `model` is the pure planning model (MODEL.md), usable on any target.
//! `codec` turns plans into share links and files. `ui` is the Yew app and
//! exists only on wasm32.

pub mod codec;
pub mod model;
#[cfg(target_arch = "wasm32")]
pub mod ui;
