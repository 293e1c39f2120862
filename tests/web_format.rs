//! Component-layer checks of the number formatting every view uses, run in
//! headless Chromium so that the wasm build of it is what is tested.
#![cfg(target_arch = "wasm32")]

use sunset_planner::ui::format::{money_short, number, pct, DisplayCurrency};
use sunset_planner::ui::i18n::Lang;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn money_uses_short_scales() {
    assert_eq!(money_short(3.5e10, Lang::En), "35.0 bn");
    assert_eq!(money_short(2.4e6, Lang::En), "2.40 M");
    assert_eq!(money_short(950.0, Lang::En), "950");
    assert_eq!(money_short(-1.25e3, Lang::En), "−1.25 k");
    assert_eq!(money_short(3.5e10, Lang::Fr), "35,0 Md");
}

#[wasm_bindgen_test]
fn numbers_group_by_language() {
    assert_eq!(number(1234567.891, 2, Lang::En), "1,234,567.89");
    assert_eq!(
        number(1234567.891, 1, Lang::Fr),
        "1\u{202f}234\u{202f}567,9"
    );
    assert_eq!(number(f64::NAN, 1, Lang::En), "–");
    assert_eq!(pct(12.345, Lang::En), "12.3\u{a0}%");
}

#[wasm_bindgen_test]
fn usd_divides_by_the_year_rate() {
    assert_eq!(DisplayCurrency::Usd.convert(300.0, 150.0), 2.0);
    assert_eq!(DisplayCurrency::Local.convert(300.0, 150.0), 300.0);
    assert!(DisplayCurrency::Usd.convert(300.0, 0.0).is_nan());
}
