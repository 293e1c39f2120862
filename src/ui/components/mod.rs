//! The app's components, one to a file. Editor controls and sections are
//! listed first; result views (charts, indicators, year table) after.

// Result views.
pub mod indicators;
pub mod year_table;
