//! base64 for share links (base64url, no padding) and for the PNG the
//! canvas gives as a data URL (standard alphabet, padded): a few lines
//! instead of the base64 crate in the wasm. Tests compare both directions
//! with that crate.

const URL_SAFE: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// `bytes` as base64url without padding.
pub fn encode_url_safe(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk.iter().fold(0u32, |n, &b| n << 8 | u32::from(b)) << (8 * (3 - chunk.len()));
        for i in 0..=chunk.len() {
            out.push(char::from(URL_SAFE[(n >> (18 - 6 * i) & 63) as usize]));
        }
    }
    out
}

/// base64 text to bytes, in either alphabet (`+/` or `-_`), padded or not
/// (decoding stops at the first `=`), the unused low bits of the last
/// character ignored. `None` for any other character, or a length (before
/// the padding) of 1 more than a multiple of 4, which no bytes encode to.
pub fn decode(text: &[u8]) -> Option<Vec<u8>> {
    let end = text.iter().position(|&c| c == b'=').unwrap_or(text.len());
    let text = &text[..end];
    if text.len() % 4 == 1 {
        return None;
    }
    let mut out = Vec::with_capacity(text.len() / 4 * 3 + 2);
    let (mut acc, mut bits) = (0u32, 0u32);
    for &c in text {
        let v = match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'-' | b'+' => 62,
            b'_' | b'/' => 63,
            _ => return None,
        };
        acc = (acc << 6 | u32::from(v)) & 0xffff;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use ::base64::engine::general_purpose::{GeneralPurpose, GeneralPurposeConfig, STANDARD, URL_SAFE_NO_PAD};
    use ::base64::engine::DecodePaddingMode;
    use ::base64::Engine as _;

    const LENIENT: GeneralPurpose = GeneralPurpose::new(
        &::base64::alphabet::URL_SAFE,
        GeneralPurposeConfig::new()
            .with_encode_padding(false)
            .with_decode_padding_mode(DecodePaddingMode::Indifferent)
            .with_decode_allow_trailing_bits(true),
    );

    #[test]
    fn agrees_with_the_base64_crate() {
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        for len in 0..300 {
            let bytes: Vec<u8> = (0..len)
                .map(|_| {
                    seed ^= seed << 13;
                    seed ^= seed >> 7;
                    seed ^= seed << 17;
                    seed as u8
                })
                .collect();
            let url = encode_url_safe(&bytes);
            assert_eq!(url, URL_SAFE_NO_PAD.encode(&bytes));
            assert_eq!(decode(url.as_bytes()), Some(bytes.clone()));
            assert_eq!(decode(STANDARD.encode(&bytes).as_bytes()), Some(bytes.clone()));
            // A cut-off link: every prefix the lenient decoder reads.
            for cut in 0..url.len().min(12) {
                let text = &url[..url.len() - cut];
                if text.len() % 4 != 1 {
                    assert_eq!(decode(text.as_bytes()), LENIENT.decode(text).ok(), "{text}");
                }
            }
        }
        // Stray low bits in the last character are ignored, as before.
        assert_eq!(decode(b"AB"), LENIENT.decode("AB").ok());
        assert_eq!(decode(b"A"), None);
        assert_eq!(decode(b"A*"), None);
    }
}
