//! Sunset Planner: plan the end of donor funding year by year.
//!
//! `model` is the pure planning model (MODEL.md), usable on any target.
//! `codec` turns plans into share links and files. `ui` is the Yew app: its
//! pure core (state and reducer, edits, formats, chart geometry, the
//! autosave machine) builds and is tested on every target; its components
//! and browser glue exist only on wasm32.

pub mod codec;
pub mod model;
pub mod ui;
