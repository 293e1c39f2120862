//! Any text given as a share link must come back as a plan or a
//! `LinkError`, never a panic; a plan that opens must survive re-encoding
//! exactly. The same input is also fed to the format-1 and format-2
//! decoders behind the checksum, where random links rarely reach.
#![no_main]

use libfuzzer_sys::fuzz_target;
use sunset_planner::codec::link::{
    decode_compact_text, decode_compact_text_v2, decode_link, decode_link_unvalidated,
    encode_link, encode_link_with,
};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let _ = decode_link(&text);
    if let Ok(plan) = decode_link_unvalidated(&text) {
        assert_eq!(
            decode_link_unvalidated(&encode_link(&plan)).ok(),
            Some(plan)
        );
    }
    if let Ok(plan) = decode_compact_text(data) {
        let again = decode_link_unvalidated(&encode_link(&plan));
        assert_eq!(again.ok(), Some(plan));
    }
    if let Ok((plan, view)) = decode_compact_text_v2(data) {
        let link = encode_link_with(&plan, &view);
        assert_eq!(decode_link_unvalidated(&link).ok(), Some(plan));
    }
});
