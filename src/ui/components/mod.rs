//! The app's components, one to a file. Editor controls and sections are
//! listed first; result views (charts, indicators, year table) after.

// Editor controls and sections.
pub mod confirm;
pub mod donor_editor;
pub mod donors_section;
pub mod header;
pub mod item_header;
pub mod macro_section;
pub mod number_field;
pub mod override_list;
pub mod panel;
pub mod plan_section;
pub mod problems_banner;
pub mod reserve_section;
pub mod revenue_section;
pub mod select_field;
pub mod shared;
pub mod shocks_section;
pub mod social_section;
pub mod sources;
pub mod sparkline;
pub mod spending_section;
pub mod text_field;
pub mod toggle_field;
pub mod uncertainty_section;
pub mod year_field;

// Share link, autosave and files.
pub mod brief;
pub mod files_panel;
pub mod notice;
pub mod plan_keeper;
pub mod qr_full;
pub mod qr_panel;
pub mod share_panel;
pub mod skip_link;

// Scenarios.
pub mod compare_view;
pub mod scenario_bar;

// Result views.
pub mod fan_panel;
pub mod indicators;
pub mod what_it_takes;
pub mod year_table;

// Workshop mode: the presenter view and the audience window.
pub mod audience;
pub mod presenter;
pub mod room_summary;
