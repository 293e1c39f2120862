//! Share links, plan files and local storage formats. Not the model.
//!
//! - `link`: the share link (`#plan=1.…`), format in docs/link-format.md.
//! - `file`: plan JSON export and import (the file the CLI reads).
//! - `storage`: the autosave record and the start-up restore rule (pure).
//! - `qr`: a share link as an SVG QR code.
//! - `csv`: the year table as CSV (the CLI and the app's export).
//! - `browser` (wasm32 only): URL fragment, local storage, clipboard,
//!   downloads and file reading.

#[cfg(target_arch = "wasm32")]
pub mod browser;
pub mod csv;
pub mod file;
pub mod link;
pub mod qr;
pub mod storage;
