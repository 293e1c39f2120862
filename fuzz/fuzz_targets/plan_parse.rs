//! Any bytes given as a plan file or an autosave record must come back as
//! a plan or an error, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use sunset_planner::codec::{file, link, storage};

fuzz_target!(|data: &[u8]| {
    if let Ok(plan) = file::import_bytes(data) {
        let _ = link::encode_link(&plan);
        let _ = file::export_json(&plan);
    }
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = storage::parse_record(text);
    }
});
