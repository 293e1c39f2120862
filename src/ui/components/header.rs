//! The app header: title, plan name, undo/redo, language and currency.

use yew::prelude::*;

use crate::ui::context::{use_ctx, Ctx};
use crate::ui::format::DisplayCurrency;
use crate::ui::i18n::{tr, Lang};
use crate::ui::state::Action;

#[derive(Properties, PartialEq, Clone)]
pub struct Props {
    pub plan_name: AttrValue,
    pub plan_currency: AttrValue,
    pub can_undo: bool,
    pub can_redo: bool,
    pub currency: DisplayCurrency,
}

#[function_component(Header)]
pub fn header(p: &Props) -> Html {
    let Ctx { lang: l, dispatch } = use_ctx();
    let send = |a: Action| {
        let on_edit = dispatch.clone();
        Callback::from(move |_: MouseEvent| on_edit.emit(a.clone()))
    };
    let toggle = |id: &'static str,
                  text: AttrValue,
                  title: &'static str,
                  pressed: bool,
                  a: Action| {
        html! {
            <button type="button" class={classes!("seg", pressed.then_some("on"))} aria-pressed={if pressed { "true" } else { "false" }}
                title={title} data-testid={id} onclick={send(a)}>{ text }</button>
        }
    };
    let local = if p.plan_currency.is_empty() {
        AttrValue::from("LCU")
    } else {
        p.plan_currency.clone()
    };
    html! {
        <header class="app-header">
            <div class="brand">
                <h1>{ "Sunset Planner" }</h1>
                if !p.plan_name.is_empty() {
                    <span class="plan-name" data-testid="plan-name">{ &p.plan_name }</span>
                }
            </div>
            <div class="header-tools">
                <div class="group" role="group" aria-label={tr(l, "History", "Historique")}>
                    <button type="button" data-testid="undo" disabled={!p.can_undo} onclick={send(Action::Undo)}
                        title={tr(l, "Undo (Ctrl+Z)", "Annuler (Ctrl+Z)")}>{ tr(l, "↶ Undo", "↶ Annuler") }</button>
                    <button type="button" data-testid="redo" disabled={!p.can_redo} onclick={send(Action::Redo)}
                        title={tr(l, "Redo (Ctrl+Shift+Z or Ctrl+Y)", "Rétablir (Ctrl+Maj+Z ou Ctrl+Y)")}>{ tr(l, "↷ Redo", "↷ Rétablir") }</button>
                </div>
                <div class="group" role="group" aria-label={tr(l, "Language", "Langue")}>
                    { toggle("lang-en", "EN".into(), "English", l == Lang::En, Action::SetLang(Lang::En)) }
                    { toggle("lang-fr", "FR".into(), "Français", l == Lang::Fr, Action::SetLang(Lang::Fr)) }
                </div>
                <div class="group" role="group" aria-label={tr(l, "Show money in", "Montants en")}>
                    { toggle("currency-lcu", local, tr(l, "Local currency", "Monnaie locale"), p.currency == DisplayCurrency::Local, Action::SetCurrency(DisplayCurrency::Local)) }
                    { toggle("currency-usd", "USD".into(), tr(l, "US dollars at the projected rate", "Dollars US au taux projeté"), p.currency == DisplayCurrency::Usd, Action::SetCurrency(DisplayCurrency::Usd)) }
                </div>
            </div>
        </header>
    }
}
