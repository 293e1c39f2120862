//! The bridge chart as a standalone picture. The chart is styled by the
//! page's CSS, which a saved .svg does not carry, so each element's computed
//! look is copied onto it before serialising; the PNG is that SVG drawn on
//! a canvas at twice its size, for slides.

use base64::engine::general_purpose::STANDARD;
use base64::Engine as _;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
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

/// The chart as SVG text with its look inlined, and its size in CSS pixels.
pub fn chart_svg() -> Result<(String, f64, f64), String> {
    let window = web_sys::window().ok_or("no window")?;
    let doc = window.document().ok_or("no document")?;
    let svg = doc
        .query_selector(SELECTOR)
        .map_err(js_err)?
        .ok_or("The chart is not on screen (the plan has no projection yet).")?;
    let copy: Element = svg.clone_node_with_deep(true).map_err(js_err)?.dyn_into().map_err(|_| "not an element")?;
    inline(&window, &svg, &copy);
    let rect = svg.get_bounding_client_rect();
    let (w, h) = (rect.width().max(1.0), rect.height().max(1.0));
    let _ = copy.set_attribute("xmlns", "http://www.w3.org/2000/svg");
    let _ = copy.set_attribute("width", &format!("{w:.0}"));
    let _ = copy.set_attribute("height", &format!("{h:.0}"));
    // A white ground, so the picture reads on dark slides and viewers.
    if let Ok(bg) = doc.create_element_ns(Some("http://www.w3.org/2000/svg"), "rect") {
        let _ = bg.set_attribute("width", "100%");
        let _ = bg.set_attribute("height", "100%");
        let _ = bg.set_attribute("fill", "#ffffff");
        let _ = copy.insert_before(&bg, copy.first_child().as_ref());
    }
    let text = web_sys::XmlSerializer::new().map_err(js_err)?.serialize_to_string(&copy).map_err(js_err)?;
    Ok((format!("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n{text}\n"), w, h))
}

/// Copies the computed look of `src` and its descendants onto `dst`, a
/// deep clone of it (so both trees have the same shape).
fn inline(window: &web_sys::Window, src: &Element, dst: &Element) {
    if let Ok(Some(cs)) = window.get_computed_style(src) {
        let mut style = dst.get_attribute("style").map(|s| format!("{s};")).unwrap_or_default();
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
pub fn chart_png(done: impl FnOnce(Result<Vec<u8>, String>) + 'static) {
    let (svg, w, h) = match chart_svg() {
        Ok(v) => v,
        Err(e) => return done(Err(e)),
    };
    let img = match HtmlImageElement::new() {
        Ok(i) => i,
        Err(e) => return done(Err(js_err(e))),
    };
    let done = std::rc::Rc::new(std::cell::RefCell::new(Some(done)));
    let finish = move |r: Result<Vec<u8>, String>| {
        if let Some(f) = done.borrow_mut().take() {
            f(r);
        }
    };
    let on_load = {
        let img = img.clone();
        let finish = finish.clone();
        Closure::once_into_js(move || finish(draw(&img, w, h)))
    };
    let on_error = {
        let finish = finish.clone();
        Closure::once_into_js(move || finish(Err("the browser could not draw the chart".into())))
    };
    img.set_onload(Some(on_load.unchecked_ref()));
    img.set_onerror(Some(on_error.unchecked_ref()));
    let src = format!("data:image/svg+xml;charset=utf-8,{}", js_sys::encode_uri_component(&svg));
    img.set_src(&src);
}

fn draw(img: &HtmlImageElement, w: f64, h: f64) -> Result<Vec<u8>, String> {
    const SCALE: f64 = 2.0;
    let doc = web_sys::window().and_then(|w| w.document()).ok_or("no document")?;
    let canvas: HtmlCanvasElement =
        doc.create_element("canvas").map_err(js_err)?.dyn_into().map_err(|_| "no canvas")?;
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
    ctx.draw_image_with_html_image_element_and_dw_and_dh(img, 0.0, 0.0, w, h).map_err(js_err)?;
    let url = canvas.to_data_url_with_type("image/png").map_err(js_err)?;
    let data = url.split_once("base64,").map(|(_, d)| d).ok_or("the canvas gave no PNG")?;
    STANDARD.decode(data).map_err(|e| e.to_string())
}
