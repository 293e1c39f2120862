//! A share link as a QR code, drawn as SVG: crisp at any size (a
//! `viewBox` and no fixed width or height, so CSS sizes it), black on
//! white with the standard four-module quiet zone, ready to inline.
//!
//! Not for: making the link (`codec::link`) or showing the code (the UI).

use std::fmt;

use qrcode::render::svg;
use qrcode::{EcLevel, QrCode};

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

impl std::error::Error for QrError {}

/// An SVG QR code of `link`. Uses error correction M (15 % of the code
/// may be damaged) when the link fits, else L (7 %), the most a code holds.
pub fn qr_svg(link: &str) -> Result<String, QrError> {
    let code = match QrCode::with_error_correction_level(link, EcLevel::M) {
        Ok(code) => code,
        Err(_) => QrCode::with_error_correction_level(link, EcLevel::L).map_err(|e| match e {
            qrcode::types::QrError::DataTooLong => QrError::TooBig {
                chars: link.chars().count(),
                max: MAX_QR_BYTES,
            },
            other => QrError::Failed(other.to_string()),
        })?,
    };
    let drawn = code
        .render::<svg::Color>()
        .quiet_zone(true)
        .module_dimensions(1, 1)
        .dark_color(svg::Color("#000"))
        .light_color(svg::Color("#fff"))
        .build();
    Ok(scalable(&drawn, code.width() + 8))
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
        // The code's modules plus a 4-module quiet zone each side.
        let side =
            QrCode::with_error_correction_level("https://example.org/#plan=1.eNpr", EcLevel::M)
                .expect("fits")
                .width()
                + 8;
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
    fn a_2000_character_link_still_fits() {
        let link = format!("https://example.org/#plan=1.{}", "aZ-_09".repeat(330));
        assert!(qr_svg(&link).is_ok());
    }
}
