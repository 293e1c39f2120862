//! The bridge chart as a standalone picture. The chart is styled by the
//! page's CSS, which a saved .svg does not carry, so each element's computed
//! look is copied onto it before serialising; the PNG is that SVG drawn on
//! a canvas at twice its size, for slides.

use base64::engine::general_purpose::STANDARD;
use base64::Engine as _;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{CanvasRenderingContext2d, Element, HtmlCanvasElement, HtmlImageElement};

/// The chart's svg on the page.
const SELECTOR: &str = "[data-testid=\"bridge-chart\"] svg";
/// Properties that decide how an SVG element looks.
const PROPS: [&str; 17] = [
    "fill",
    "fill-opacity",
    "stroke",
    "stroke-width",
    "stroke-opacity",
    "stroke-dasharray",
    "stroke-linecap",
    "stroke-linejoin",
    "opacity",
    "font-family",
    "font-size",
    "font-weight",
    "text-anchor",
    "dominant-baseline",
    "visibility",
    "display",
    "shape-rendering",
];

fn js_err(e: wasm_bindgen::JsValue) -> String {
    e.as_string().unwrap_or_else(|| format!("{e:?}"))
}

const SVG_NS: &str = "http://www.w3.org/2000/svg";
/// Room above the chart for its title, and per legend row below it.
const TITLE_H: f64 = 34.0;
const LEGEND_ROW_H: f64 = 24.0;
const FONT_PX: f64 = 14.0;

/// The chart as SVG text with its look inlined, its title above and its
/// legend below (both are HTML on the page), and its size in CSS pixels.
pub fn chart_svg() -> Result<(String, f64, f64), String> {
    let window = gloo::utils::window();
    let doc = gloo::utils::document();
    let svg = doc
        .query_selector(SELECTOR)
        .map_err(js_err)?
        .ok_or("The chart is not on screen (the plan has no projection yet).")?;
    let chart: Element = svg
        .clone_node_with_deep(true)
        .map_err(js_err)?
        .dyn_into()
        .map_err(|_| "not an element")?;
    inline(&window, &svg, &chart);
    let rect = svg.get_bounding_client_rect();
    let (w, h) = (rect.width().max(1.0), rect.height().max(1.0));
    let _ = chart.set_attribute("x", "0");
    let _ = chart.set_attribute("y", &format!("{TITLE_H}"));
    let _ = chart.set_attribute("width", &format!("{w:.0}"));
    let _ = chart.set_attribute("height", &format!("{h:.0}"));

    let el = |name: &str| doc.create_element_ns(Some(SVG_NS), name).map_err(js_err);
    let root = el("svg")?;
    // A white ground, so the picture reads on dark slides and viewers.
    let ground = el("rect")?;
    let _ = ground.set_attribute("width", "100%");
    let _ = ground.set_attribute("height", "100%");
    let _ = ground.set_attribute("fill", "#ffffff");
    let _ = root.append_child(&ground);
    let title = el("text")?;
    let heading = |sel: &str| {
        doc.query_selector(&format!("[data-testid=\"bridge-chart\"] {sel}"))
            .ok()
            .flatten()
            .and_then(|e| e.text_content())
            .unwrap_or_default()
    };
    title.set_text_content(Some(&format!(
        "{} — {}",
        heading(".chart-title"),
        heading(".chart-unit")
    )));
    let font = window
        .get_computed_style(&svg)
        .ok()
        .flatten()
        .and_then(|cs| cs.get_property_value("font-family").ok())
        .unwrap_or_default();
    let _ = title.set_attribute("x", "8");
    let _ = title.set_attribute("y", "24");
    let _ = title.set_attribute(
        "style",
        &format!("font-family:{font};font-size:18px;font-weight:700;fill:#1d2430"),
    );
    let _ = root.append_child(&title);
    let _ = root.append_child(&chart);
    let legend_h = legend(&doc, &window, &root, &el, w, TITLE_H + h + 8.0, &font)?;

    let (tw, th) = (w, TITLE_H + h + legend_h);
    let _ = root.set_attribute("xmlns", SVG_NS);
    let _ = root.set_attribute("width", &format!("{tw:.0}"));
    let _ = root.set_attribute("height", &format!("{th:.0}"));
    let _ = root.set_attribute("viewBox", &format!("0 0 {tw:.0} {th:.0}"));
    let text = web_sys::XmlSerializer::new()
        .map_err(js_err)?
        .serialize_to_string(&root)
        .map_err(js_err)?;
    Ok((
        format!("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n{text}\n"),
        tw,
        th.round(),
    ))
}

/// Draws the page's legend (swatch and label per item) in rows from `top`;
/// returns the height used. Patterned swatches become their main colour.
fn legend(
    doc: &web_sys::Document,
    window: &web_sys::Window,
    root: &Element,
    el: &dyn Fn(&str) -> Result<Element, String>,
    width: f64,
    top: f64,
    font: &str,
) -> Result<f64, String> {
    let Ok(items) = doc.query_selector_all("[data-testid=\"bridge-chart\"] .chart-legend li")
    else {
        return Ok(0.0);
    };
    let (mut x, mut row) = (8.0, 0.0);
    let mut any = false;
    for i in 0..items.length() {
        let Some(li) = items.item(i).and_then(|n| n.dyn_into::<Element>().ok()) else {
            continue;
        };
        let label = li.text_content().unwrap_or_default();
        let swatch = li.query_selector(".swatch").ok().flatten();
        let class = swatch.as_ref().map(|s| s.class_name()).unwrap_or_default();
        let colour = swatch
            .as_ref()
            .and_then(|s| window.get_computed_style(s).ok().flatten())
            .and_then(|cs| cs.get_property_value("background-color").ok())
            .filter(|c| !c.is_empty() && c != "rgba(0, 0, 0, 0)" && c != "transparent")
            .unwrap_or_else(|| {
                if class.contains("gap") {
                    "#D55E00".into()
                } else if class.contains("line") {
                    "#000000".into()
                } else if class.contains("hatch") {
                    // Lighter than the deposit bars, as the hatching reads.
                    "#9a9a9a".into()
                } else {
                    "#555555".into()
                }
            });
        // A rough text width is enough to lay items out in rows.
        let item_w = 22.0 + label.chars().count() as f64 * FONT_PX * 0.58 + 18.0;
        if x + item_w > width && x > 8.0 {
            x = 8.0;
            row += 1.0;
        }
        let y = top + row * LEGEND_ROW_H;
        let mark = el("rect")?;
        let line = class.contains("line");
        let _ = mark.set_attribute("x", &format!("{x:.1}"));
        let _ = mark.set_attribute("y", &format!("{:.1}", if line { y + 7.0 } else { y + 2.0 }));
        let _ = mark.set_attribute("width", "18");
        let _ = mark.set_attribute("height", if line { "4" } else { "13" });
        let _ = mark.set_attribute("fill", &colour);
        if !line {
            let _ = mark.set_attribute("stroke", "#333333");
            let _ = mark.set_attribute("stroke-width", "1");
        }
        let _ = root.append_child(&mark);
        let text = el("text")?;
        text.set_text_content(Some(&label));
        let _ = text.set_attribute("x", &format!("{:.1}", x + 24.0));
        let _ = text.set_attribute("y", &format!("{:.1}", y + 13.0));
        let _ = text.set_attribute(
            "style",
            &format!("font-family:{font};font-size:{FONT_PX}px;fill:#1d2430"),
        );
        let _ = root.append_child(&text);
        x += item_w;
        any = true;
    }
    Ok(if any {
        (row + 1.0) * LEGEND_ROW_H + 8.0
    } else {
        0.0
    })
}

/// Copies the computed look of `src` and its descendants onto `dst`, a
/// deep clone of it (so both trees have the same shape).
fn inline(window: &web_sys::Window, src: &Element, dst: &Element) {
    if let Ok(Some(cs)) = window.get_computed_style(src) {
        let mut style = dst
            .get_attribute("style")
            .map(|s| format!("{s};"))
            .unwrap_or_default();
        for prop in PROPS {
            if let Ok(v) = cs.get_property_value(prop) {
                if !v.is_empty() {
                    style.push_str(&format!("{prop}:{v};"));
                }
            }
        }
        let _ = dst.set_attribute("style", &style);
    }
    let (a, b) = (src.children(), dst.children());
    for i in 0..a.length().min(b.length()) {
        if let (Some(x), Some(y)) = (a.item(i), b.item(i)) {
            inline(window, &x, &y);
        }
    }
}

/// Draws the chart at 2× on a canvas and hands back the PNG bytes.
pub async fn chart_png() -> Result<Vec<u8>, String> {
    let (svg, w, h) = chart_svg()?;
    let img = HtmlImageElement::new().map_err(js_err)?;
    let src = format!(
        "data:image/svg+xml;charset=utf-8,{}",
        js_sys::encode_uri_component(&svg)
    );
    img.set_src(&src);
    // Resolves once the picture is loaded and decoded, ready to draw.
    JsFuture::from(img.decode())
        .await
        .map_err(|_| "the browser could not draw the chart".to_string())?;
    draw(&img, w, h)
}

fn draw(img: &HtmlImageElement, w: f64, h: f64) -> Result<Vec<u8>, String> {
    const SCALE: f64 = 2.0;
    let doc = gloo::utils::document();
    let canvas: HtmlCanvasElement = doc
        .create_element("canvas")
        .map_err(js_err)?
        .dyn_into()
        .map_err(|_| "no canvas")?;
    canvas.set_width((w * SCALE).round() as u32);
    canvas.set_height((h * SCALE).round() as u32);
    let ctx: CanvasRenderingContext2d = canvas
        .get_context("2d")
        .map_err(js_err)?
        .ok_or("no 2d canvas")?
        .dyn_into()
        .map_err(|_| "no 2d canvas")?;
    ctx.scale(SCALE, SCALE).map_err(js_err)?;
    ctx.set_fill_style_str("#ffffff");
    ctx.fill_rect(0.0, 0.0, w, h);
    ctx.draw_image_with_html_image_element_and_dw_and_dh(img, 0.0, 0.0, w, h)
        .map_err(js_err)?;
    let url = canvas.to_data_url_with_type("image/png").map_err(js_err)?;
    let data = url
        .split_once("base64,")
        .map(|(_, d)| d)
        .ok_or("the canvas gave no PNG")?;
    STANDARD.decode(data).map_err(|e| e.to_string())
}
