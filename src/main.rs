//! The browser entry point: installs the panic hook, then mounts the Yew
//! app. On the host this binary only points to the command-line evaluator.

#[cfg(target_arch = "wasm32")]
fn main() {
    // Before the app mounts, so Yew keeps this hook instead of its own.
    yew::set_custom_panic_hook(Box::new(recovery::on_panic));
    sunset_planner::ui::run();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("sunset-planner is the browser app; build it with trunk. For the command line use the `sunset` binary.");
}

/// Panics on purpose, so the end-to-end tests can check what a panic leaves
/// on the page. Only script calling this module export reaches it: no
/// control, key or address of the app does.
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn panic_for_tests() {
    panic!("a panic on purpose, for the end-to-end tests");
}

#[cfg(target_arch = "wasm32")]
mod recovery {
    //! What a panic leaves on the page. Release builds abort on panic, so
    //! the app stops for good right after this hook: instead of a page
    //! that no longer answers, it shows a message in the page's language
    //! (`<html lang>`) with a Reload button, and says the saved plan is
    //! kept. It never touches local storage, where autosave keeps the plan.
    //! The button's click is handled by boot.js, because no Rust runs
    //! after the abort.
    //!
    //! Not for expected errors (bad input, refused storage): those are
    //! messages inside the app.

    use std::panic::PanicHookInfo;
    use wasm_bindgen::{JsCast, JsValue};
    use web_sys::{Document, Element, HtmlElement};

    /// The id of the message, so a second panic does not add another.
    const ID: &str = "panic-recovery";

    struct Words {
        title: &'static str,
        kept: &'static str,
        again: &'static str,
        reload: &'static str,
    }

    const ENGLISH: Words = Words {
        title: "Sunset Planner has stopped",
        kept: "An internal error stopped the planner. The plan saved in this browser is kept: reload the page to carry on from it.",
        again: "If this happens again, please report what you were doing when it stopped.",
        reload: "Reload the page",
    };

    const FRENCH: Words = Words {
        title: "Sunset Planner s’est arrêté",
        kept: "Une erreur interne a arrêté le planificateur. Le plan enregistré dans ce navigateur est conservé : rechargez la page pour le retrouver.",
        again: "Si cela se reproduit, merci de signaler ce que vous faisiez au moment de l’arrêt.",
        reload: "Recharger la page",
    };

    pub fn on_panic(info: &PanicHookInfo<'_>) {
        // For whoever debugs it: the message, its place and the stack.
        console_error_panic_hook::hook(info);
        if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
            // Nothing more can be done if the page refuses: the console has it.
            let _ = show(&doc);
        }
    }

    fn show(doc: &Document) -> Result<(), JsValue> {
        if doc.get_element_by_id(ID).is_some() {
            return Ok(());
        }
        let Some(body) = doc.body() else {
            return Ok(());
        };
        let french = doc
            .document_element()
            .and_then(|root| root.get_attribute("lang"))
            .is_some_and(|lang| lang.to_ascii_lowercase().starts_with("fr"));
        let words = if french { &FRENCH } else { &ENGLISH };

        // The app underneath no longer answers: take it out of reach of
        // the pointer, the keyboard and screen readers.
        let children = body.children();
        for i in 0..children.length() {
            if let Some(child) = children.item(i) {
                child.set_attribute("inert", "")?;
            }
        }

        let panel = element(doc, "div", None)?;
        panel.set_id(ID);
        panel.set_class_name("panic-recovery");
        panel.set_attribute("role", "alertdialog")?;
        panel.set_attribute("aria-modal", "true")?;
        panel.set_attribute("aria-labelledby", "panic-recovery-title")?;
        panel.set_attribute("aria-describedby", "panic-recovery-text")?;
        panel.set_attribute("data-testid", "panic-recovery")?;
        let title = element(doc, "h2", Some(words.title))?;
        title.set_id("panic-recovery-title");
        let kept = element(doc, "p", Some(words.kept))?;
        kept.set_id("panic-recovery-text");
        let again = element(doc, "p", Some(words.again))?;
        let button = element(doc, "button", Some(words.reload))?;
        button.set_attribute("type", "button")?;
        button.set_attribute("data-reload", "")?;
        button.set_attribute("data-testid", "panic-reload")?;
        for part in [&title, &kept, &again, &button] {
            panel.append_child(part)?;
        }
        body.append_child(&panel)?;
        if let Ok(button) = button.dyn_into::<HtmlElement>() {
            button.focus()?;
        }
        Ok(())
    }

    fn element(doc: &Document, tag: &str, text: Option<&str>) -> Result<Element, JsValue> {
        let el = doc.create_element(tag)?;
        el.set_text_content(text);
        Ok(el)
    }
}
