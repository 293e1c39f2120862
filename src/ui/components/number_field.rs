//! A number control: a range slider for exploring and a typed input for
//! exact values, kept in step, with the value written out for reading.
//!
//! The slider covers a sensible range; typing may go beyond it (the slider
//! then stretches to show the value) and the model's `validate` judges the
//! bounds, its message shown under the control. Text that is not a number
//! is only flagged here and never reaches the plan.

use yew::prelude::*;

use crate::model::Field;
use crate::ui::components::presenter::PinBoard;
use crate::ui::context::{use_ctx, use_problem, Ctx};
use crate::ui::edit::Value;
use crate::ui::format;
use crate::ui::i18n::{tr, Lang};
use crate::ui::state::{Action, Edit};
use crate::ui::typed_number::{normalise, Unreadable};

/// How the value reads next to the control.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Kind {
    /// A large amount (money, people): "35.0 bn LCU".
    Amount,
    /// A percentage or percentage points: "4.5 %".
    Pct,
    /// A plain number with two decimals at most.
    #[default]
    Plain,
    /// A whole number 0 or more; a plan year when `start_year` is given.
    Whole,
    /// A count of years: "1 year", "8 years".
    Years,
    /// A calendar year, shown without grouping: "2026".
    Year,
}

#[derive(Properties, PartialEq, Clone)]
pub struct Props {
    /// The field, e.g. `root().macro_path().gdp_base()` (`macro.gdp_base`).
    pub field: Field,
    pub label: AttrValue,
    pub value: f64,
    /// Shown after the readable value: "% of GDP", "LCU", "years" …
    #[prop_or_default]
    pub unit: AttrValue,
    /// Slider range. With `log`, `min` must be above 0.
    pub min: f64,
    pub max: f64,
    /// Slider step; 0 picks one thousandth of the range.
    #[prop_or_default]
    pub step: f64,
    #[prop_or_default]
    pub log: bool,
    #[prop_or_default]
    pub kind: Kind,
    /// For plan-year fields: the start year. The value stays a plan-year
    /// index t, but the control shows and reads calendar years
    /// (`start_year + t`), from the start to the horizon's last year.
    #[prop_or_default]
    pub start_year: Option<i32>,
    /// For plan-year fields: the plan's number of years.
    #[prop_or(60)]
    pub horizon: u32,
    /// What the figure means, for a newcomer (shown when hovering the label).
    #[prop_or_default]
    pub hint: Option<AttrValue>,
}

/// Typed text to a number, as people write it in `lang`: "1,234.5" or
/// "1 234,5", "3.5e10", and magnitudes ("35 bn", "2.4 M", "900 Md"), the
/// same in both languages (`ui::typed_number`).
pub fn parse_number(text: &str, lang: Lang) -> Option<f64> {
    read_number(text, lang).ok()
}

/// `parse_number`, saying why text is refused.
pub fn read_number(text: &str, lang: Lang) -> Result<f64, Unreadable> {
    let (s, scale) = normalise(text, lang)?;
    Some(js_number(&s) * scale)
        .filter(|x| x.is_finite())
        .ok_or(Unreadable::NotANumber)
}

/// JavaScript's `+text`: NaN unless the whole text is a number (callers
/// rule out the empty string). The browser's own parser, so the app does
/// not ship a second one (about 15 KB of gzipped wasm).
fn js_number(text: &str) -> f64 {
    wasm_bindgen::JsValue::from_str(text).unchecked_into_f64()
}

/// Text on its way to a number ("-", "0.", "1e"), not yet worth an error.
fn incomplete(t: &str) -> bool {
    let t = t.trim();
    t.is_empty()
        || matches!(t, "-" | "+" | "−" | "." | "," | "-." | "-,")
        || t.ends_with(['e', 'E', '-', '+'])
}

/// Rounds to `sig` significant figures, so a dragged slider gives round
/// values. Goes through decimal text so the result prints without float
/// noise (1.9999999 stays 2).
fn round_sig(x: f64, sig: usize) -> f64 {
    if x == 0.0 || !x.is_finite() {
        return x;
    }
    let r = js_number(&format!("{:.*e}", sig.saturating_sub(1), x));
    if r.is_finite() {
        r
    } else {
        x
    }
}

/// The value as the typed input shows it: plain, without grouping.
fn edit_text(x: f64, lang: Lang) -> String {
    let s = format!("{}", round_sig(x, 12));
    // French writes a decimal comma; the parser reads either.
    match lang {
        Lang::En => s,
        Lang::Fr => s.replace('.', ","),
    }
}

/// The calendar years a plan-year field may hold, first and last.
fn calendar_years(p: &Props) -> Option<(f64, f64)> {
    let first = f64::from(p.start_year?);
    Some((first, first + f64::from(p.horizon.max(1)) - 1.0))
}

/// Why a typed year is refused: the calendar years allowed.
fn year_range_text((first, last): (f64, f64), lang: Lang) -> String {
    match lang {
        Lang::En => format!("Enter a year from {first} to {last}."),
        Lang::Fr => format!("Entrez une année de {first} à {last}."),
    }
}

fn readable(p: &Props, l: Lang) -> String {
    let v = p.value;
    if p.start_year.is_some() {
        // The input shows the calendar year; say where it falls in the plan.
        let n = format::number(v + 1.0, if v.fract() == 0.0 { 0 } else { 1 }, l);
        return match l {
            Lang::En => format!("year {n} of {}", p.horizon),
            Lang::Fr => format!("année {n} sur {}", p.horizon),
        };
    }
    let unit = if p.unit.is_empty() {
        String::new()
    } else {
        format!(" {}", p.unit)
    };
    match p.kind {
        Kind::Amount => format!("{}{unit}", format::money_short(v, l)),
        Kind::Pct => format!(
            "{}{}",
            format::number(v, 1, l),
            if p.unit.is_empty() { " %".into() } else { unit }
        ),
        Kind::Plain => format!(
            "{}{unit}",
            format::number(v, if v.fract() == 0.0 { 0 } else { 2 }, l)
        ),
        Kind::Years => match (l, v == 1.0) {
            (Lang::En, true) => "1 year".to_string(),
            (Lang::En, false) => format!("{} years", format::number(v, 0, l)),
            (Lang::Fr, true) => "1 an".to_string(),
            (Lang::Fr, false) => format!("{} ans", format::number(v, 0, l)),
        },
        Kind::Year => format!("{v}"),
        Kind::Whole => format!("{}{unit}", format::number(v, 0, l)),
    }
}

const LOG_STEPS: f64 = 1000.0;

#[function_component(NumberField)]
pub fn number_field(p: &Props) -> Html {
    let Ctx { lang, dispatch } = use_ctx();
    let problem = use_problem(&p.field);
    let ctx = Ctx::new(lang, dispatch.clone());
    let board = use_context::<PinBoard>();
    // What the person typed, and the plan value it was typed against: shown
    // instead of the plan value until the plan moves on (slider, undo).
    // The flag says the text was committed (change event): only then is
    // a half-typed number ("-", "1e") called an error.
    let draft = use_state(|| None::<(String, f64, bool)>);
    let whole = matches!(p.kind, Kind::Whole | Kind::Years | Kind::Year);
    // A plan-year field shows `offset + t` (the calendar year) and reads it back.
    let years = calendar_years(p);
    let offset = years.map_or(0.0, |(first, _)| first);
    let shown_draft = draft
        .as_ref()
        .filter(|(_, v, _)| *v == p.value)
        .map(|(t, _, done)| (t.clone(), *done));
    let text = shown_draft
        .as_ref()
        .map(|(t, _)| t.clone())
        .unwrap_or_else(|| edit_text(p.value + offset, lang));
    let parse = move |t: &str| -> Option<f64> {
        let x = parse_number(t, lang)?;
        if let Some((first, last)) = years {
            // A calendar year inside the plan, back to its plan-year index.
            let ok = (first..=last).contains(&x) && !(whole && x.fract() != 0.0);
            return ok.then_some(x - first);
        }
        // Whole fields are counts (u32 in the plan).
        if whole && (x < 0.0 || x.fract() != 0.0 || x > f64::from(u32::MAX)) {
            None
        } else {
            Some(x)
        }
    };
    let local_error = shown_draft.as_ref().and_then(|(t, done)| {
        if parse(t).is_some() {
            return None;
        }
        // A magnitude two readers read two ways: said at once, whatever the field.
        let ambiguous = read_number(t, lang)
            .err()
            .and_then(|e| e.ambiguous_text(lang));
        if ambiguous.is_some() {
            return ambiguous;
        }
        // Half-typed text ("-", "1e", "20" on the way to "2029") waits for the commit.
        if !done && (incomplete(t) || years.is_some()) {
            return None;
        }
        Some(match years {
            Some(range) => year_range_text(range, lang),
            None if whole => tr(
                lang,
                "Enter a whole number, 0 or more.",
                "Entrez un nombre entier, 0 ou plus.",
            )
            .to_string(),
            None => tr(lang, "Not a number.", "Ce n'est pas un nombre.").to_string(),
        })
    });
    // A plan year outside the plan (from a file or a link: typing refuses
    // it) is flagged, with the calendar years allowed.
    let outside = years.and_then(|(first, last)| {
        let y = p.value + first;
        (y < first || y > last).then(|| {
            let said = match lang {
                Lang::En => format!("{y} is outside the plan."),
                Lang::Fr => format!("{y} est hors du plan."),
            };
            format!("{said} {}", year_range_text((first, last), lang))
        })
    });
    let error: Option<AttrValue> = local_error
        .map(AttrValue::from)
        .or_else(|| problem.clone())
        .or_else(|| outside.map(AttrValue::from));

    let value_of = move |x: f64| {
        if whole {
            Value::Int(x as i64)
        } else {
            Value::Num(x)
        }
    };
    let send = {
        let field = p.field.clone();
        move |x: f64, edit: Edit| {
            dispatch.emit(Action::Set {
                field: field.clone(),
                value: value_of(x),
                edit,
            })
        }
    };

    // Slider geometry; a value outside the range stretches it.
    let (lo, hi) = (p.min.min(p.value), p.max.max(p.value));
    let log = p.log && lo > 0.0 && hi > lo;
    let (r_min, r_max, r_step, r_val) = if log {
        let pos = (p.value.ln() - lo.ln()) / (hi.ln() - lo.ln()) * LOG_STEPS;
        (0.0, LOG_STEPS, 1.0, pos)
    } else {
        let step = if p.step > 0.0 {
            p.step
        } else {
            ((hi - lo) / 1000.0).max(f64::MIN_POSITIVE)
        };
        (lo + offset, hi + offset, step, p.value + offset)
    };
    let from_slider = {
        let kind = p.kind;
        move |pos: f64| -> f64 {
            let x = if log {
                (lo.ln() + pos / LOG_STEPS * (hi.ln() - lo.ln())).exp()
            } else {
                pos
            };
            match kind {
                Kind::Whole | Kind::Years | Kind::Year => x.round(),
                Kind::Amount => round_sig(x, 3),
                _ => round_sig(x, 6),
            }
        }
    };

    let on_range = |edit: Edit| {
        let send = send.clone();
        let draft = draft.clone();
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            let pos = js_number(&input.value());
            if pos.is_finite() {
                draft.set(None);
                send(from_slider(pos) - offset, edit);
            }
        })
    };
    let range_input = {
        let cb = on_range(Edit::Slide);
        Callback::from(move |e: InputEvent| cb.emit(e.into()))
    };
    let range_change = on_range(Edit::Commit);

    let typed = |edit: Edit| {
        let send = send.clone();
        let draft = draft.clone();
        let value = p.value;
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            let t = input.value();
            match parse(&t) {
                Some(x) => {
                    // On commit the text is reformatted; while typing it stays as typed.
                    draft.set(if edit == Edit::Live {
                        Some((t, x, false))
                    } else {
                        None
                    });
                    send(x, edit);
                }
                None => draft.set(Some((t, value, edit == Edit::Commit))),
            }
        })
    };
    let num_input = {
        let cb = typed(Edit::Live);
        Callback::from(move |e: InputEvent| cb.emit(e.into()))
    };
    let num_change = typed(Edit::Commit);

    let changed = super::scenario_bar::use_changed(&p.field);
    let path = &p.field;
    let id = format!("field-{path}");
    let err_id = format!("error-{path}");
    let invalid = if error.is_some() { "true" } else { "false" };
    let describedby = error.as_ref().map(|_| err_id.clone());
    html! {
        <div class={classes!("field", "number-field", error.is_some().then_some("invalid"), changed.is_some().then_some("changed"))}>
            <label for={id.clone()}>
                <span class={classes!("label", p.hint.is_some().then_some("has-hint"))} title={p.hint.clone()}>{ &p.label }</span>
                <span class="readable" aria-hidden="true">{ readable(p, lang) }</span>
            </label>
            <div class="controls">
                <input type="range"
                    data-testid={format!("range-{path}")}
                    aria-label={p.label.clone()}
                    aria-valuetext={readable(p, lang)}
                    min={r_min.to_string()} max={r_max.to_string()} step={r_step.to_string()}
                    value={r_val.to_string()}
                    oninput={range_input} onchange={range_change} />
                <input type="text" inputmode={if whole { "numeric" } else { "decimal" }}
                    id={id}
                    data-testid={format!("input-{path}")}
                    value={text}
                    aria-invalid={invalid}
                    aria-describedby={describedby}
                    oninput={num_input} onchange={num_change} />
                if !p.unit.is_empty() && !whole {
                    <span class="unit">{ &p.unit }</span>
                }
                if let Some(resettable) = changed {
                    { super::scenario_bar::changed_mark(&p.field, resettable, &ctx) }
                }
                // Pinned controls stay at hand in the presenter view.
                if let Some(b) = board {
                    <button type="button" class="pin" data-testid={format!("pin-{path}")}
                        aria-pressed={b.pins.0.iter().any(|x| x.field == p.field).to_string()}
                        aria-label={format!("{}: {}", tr(lang, "Pin to the presenter view", "Épingler à la présentation"), p.label)}
                        onclick={let (t, p) = (b.toggle.clone(), p.clone()); Callback::from(move |_: MouseEvent| t.emit(p.clone()))}>
                        { "◆" }
                    </button>
                }
            </div>
            if let Some(msg) = error {
                <p class="error" id={err_id.clone()} data-testid={err_id} role="alert">{ msg }</p>
            }
        </div>
    }
}
