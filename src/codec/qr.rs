//! A share link as a QR code, drawn as SVG: crisp at any size (a
//! `viewBox` and no fixed width or height, so CSS sizes it), black on
//! white with the standard four-module quiet zone, ready to inline.
//!
//! Not for: making the link (`codec::link`) or showing the code (the UI).

use std::fmt;

use qrcode::bits::Bits;
use qrcode::render::svg;
use qrcode::{EcLevel, QrCode, Version};

use crate::model::Text;

/// The most bytes one QR code holds (version 40, error correction L, byte
/// mode).
pub const MAX_QR_BYTES: usize = 2953;

/// Why no QR code was made. `Display` is the message to show.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum QrError {
    /// The link does not fit one QR code.
    TooBig { chars: usize, max: usize },
    /// The QR encoder refused the text for another reason.
    Failed(String),
}

impl fmt::Display for QrError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            QrError::TooBig { chars, max } => write!(
                f,
                "The plan is too big for one QR code ({chars} characters; a QR code holds at most {max}). Share the link or the plan file instead."
            ),
            QrError::Failed(why) => write!(f, "No QR code could be made for this link ({why})."),
        }
    }
}

impl Text for QrError {
    fn en(&self) -> String {
        self.to_string()
    }

    /// The message in French, as `Display` gives it in English.
    fn fr(&self) -> String {
        match self {
            QrError::TooBig { chars, max } => format!(
                "Le plan est trop volumineux pour un seul code QR ({chars} caractères ; un code QR en contient au plus {max}). Partagez plutôt le lien ou le fichier du plan."
            ),
            QrError::Failed(why) => format!("Aucun code QR n’a pu être créé pour ce lien ({why})."),
        }
    }
}

impl std::error::Error for QrError {}

/// An SVG QR code of `link`, at error correction L (7 % of the code may
/// be damaged): a projected or on-screen code is clean, and L needs the
/// fewest modules, so each is as large as possible on the screen and
/// phones at the back of a room still read it. It is also the level that
/// holds the most.
///
/// Total: any text gives a code or a `QrError`, never a panic. The text is
/// encoded as one byte-mode segment in the smallest version that holds it,
/// not through the crate's automatic segmentation, whose Shift JIS (Kanji)
/// detection can mistake UTF-8 bytes for Kanji pairs it then cannot encode
/// (an arithmetic overflow, a panic in a debug build and a corrupt code in
/// a release one). A share link is ASCII (URL and base64url), which the
/// automatic modes would not have shortened anyway: its lower-case letters
/// rule out the alphanumeric mode.
pub fn qr_svg(link: &str) -> Result<String, QrError> {
    let bytes = link.as_bytes();
    if bytes.len() > MAX_QR_BYTES {
        return Err(QrError::TooBig {
            chars: link.chars().count(),
            max: MAX_QR_BYTES,
        });
    }
    let code = (1..=40)
        .find_map(|v| byte_mode_code(bytes, Version::Normal(v), EcLevel::L))
        .ok_or(QrError::TooBig {
            chars: link.chars().count(),
            max: MAX_QR_BYTES,
        })?
        .map_err(|e| QrError::Failed(e.to_string()))?;
    let drawn = code
        .render::<svg::Color>()
        .quiet_zone(true)
        .module_dimensions(1, 1)
        .dark_color(svg::Color("#000"))
        .light_color(svg::Color("#fff"))
        .build();
    Ok(scalable(&drawn, code.width() + 8))
}

/// `bytes` as one byte-mode segment in `version`: None when it does not
/// fit, Some(Err) when the encoder fails for another reason.
fn byte_mode_code(
    bytes: &[u8],
    version: Version,
    ec: EcLevel,
) -> Option<Result<QrCode, qrcode::types::QrError>> {
    let mut bits = Bits::new(version);
    match bits
        .push_byte_data(bytes)
        .and_then(|()| bits.push_terminator(ec))
    {
        Ok(()) => Some(QrCode::with_bits(bits, ec)),
        Err(qrcode::types::QrError::DataTooLong) => None,
        Err(e) => Some(Err(e)),
    }
}

/// The renderer's SVG without the XML prolog (so it can be inlined in HTML)
/// and without a fixed size (so the `viewBox` scales it), labelled.
fn scalable(drawn: &str, side: usize) -> String {
    let body = match drawn.find("<svg") {
        Some(i) => &drawn[i..],
        None => drawn,
    };
    let fixed = format!(r#" width="{side}" height="{side}""#);
    body.replacen(
        &fixed,
        r#" role="img" aria-label="QR code of the share link""#,
        1,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn draws_a_scalable_svg_with_quiet_zone() {
        let svg = qr_svg("https://example.org/#plan=1.eNpr").expect("fits");
        assert!(svg.starts_with("<svg "), "{svg}");
        assert!(svg.ends_with("</svg>"));
        assert!(svg.contains("shape-rendering=\"crispEdges\""));
        let svg_element = &svg[..svg.find('>').unwrap_or(0)];
        assert!(
            !svg_element.contains(" width="),
            "fixed size left: {svg_element}"
        );
        // 32 bytes in byte mode at level L: version 2 holds 32 bytes (at M
        // it holds 26, so M would need version 3), so 17 + 4·2 = 25
        // modules, plus a 4-module quiet zone each side: 33.
        let side = 33;
        assert!(
            svg.contains(&format!("viewBox=\"0 0 {side} {side}\"")),
            "{svg}"
        );
        assert!(!svg.contains("<?xml"));
    }

    #[test]
    fn a_plan_too_big_says_so() {
        let link = "a".repeat(4000);
        let e = qr_svg(&link).expect_err("too big");
        assert_eq!(
            e,
            QrError::TooBig {
                chars: 4000,
                max: MAX_QR_BYTES
            }
        );
        assert_eq!(
            e.to_string(),
            "The plan is too big for one QR code (4000 characters; a QR code holds at most 2953). Share the link or the plan file instead."
        );
    }

    #[test]
    fn the_largest_code_holds_2953_bytes_and_no_more() {
        // Version 40 at level L holds 2953 bytes in byte mode.
        assert!(qr_svg(&"a".repeat(MAX_QR_BYTES)).is_ok());
        assert_eq!(
            qr_svg(&"a".repeat(MAX_QR_BYTES + 1)),
            Err(QrError::TooBig {
                chars: MAX_QR_BYTES + 1,
                max: MAX_QR_BYTES
            })
        );
        // Bytes count, not characters: 1000 × "€" is 3000 bytes.
        assert!(matches!(
            qr_svg(&"€".repeat(1000)),
            Err(QrError::TooBig { chars: 1000, .. })
        ));
        assert!(qr_svg("").is_ok()); // an empty byte segment fits version 1
    }

    #[test]
    fn text_with_shift_jis_like_bytes_gives_a_code() {
        // UTF-8 lead bytes 0xE0–0xEB and continuation bytes 0x81–0x9F are
        // Shift JIS lead bytes; the crate's automatic mode would try Kanji.
        for text in [
            "€0€A€~",
            "Á0Á@",
            "\u{3042}\u{4e00}\u{ff01}",
            "\u{1f600}0\u{e000}\u{feff}",
            "\u{0}\u{7f}\u{80}",
        ] {
            assert!(qr_svg(text).is_ok(), "{text:?}");
        }
    }

    #[test]
    fn a_2000_character_link_still_fits() {
        let link = format!("https://example.org/#plan=1.{}", "aZ-_09".repeat(330));
        assert!(qr_svg(&link).is_ok());
    }
}
