//! Where the app mounts, and the hand-over from the page's first screen. On a first visit
//! the page already shows the Plans page with the example plan, written into index.html at
//! build time from this same app (scripts/prerender.mjs); the app then renders out of sight
//! and takes its place in one step once its first workspace is drawn, so nothing flashes or
//! moves. Any other visit shows the loading header until the app mounts, as before.

use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

/// The id of the element the app mounts into.
const APP_ID: &str = "app";

/// Mounts `app` into a root of its own: hidden while the first screen stands in for it,
/// shown at once otherwise.
pub fn mount<V: IntoView + 'static>(app: impl FnOnce() -> V + 'static) {
    let document = document();
    let standing_in = first_screen_shown();
    if !standing_in {
        if let Some(screen) = document.get_element_by_id("first-screen") {
            screen.remove();
        }
    }
    let Ok(root) = document.create_element("div") else {
        return;
    };
    root.set_id(APP_ID);
    if standing_in {
        let _ = root.set_attribute("hidden", "");
    }
    let Some(body) = document.body() else {
        return;
    };
    let _ = body.append_child(&root);
    if let Some(boot) = document.get_element_by_id("boot") {
        boot.remove();
    }
    leptos::mount::mount_to(root.unchecked_into(), app).forget();
}

/// Shows the app in place of the first screen (carrying over clicks, typing and focus made
/// on it), or just shows it. Called when the first workspace is drawn, or cannot be.
pub fn reveal() {
    let Some(root) = document().get_element_by_id(APP_ID) else {
        return;
    };
    match first_screen() {
        Some(screen) => {
            let reveal = js_sys::Reflect::get(&screen, &"reveal".into())
                .ok()
                .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
            if let Some(reveal) = reveal {
                let _ = reveal.call1(&screen, &root);
                return;
            }
            let _ = root.remove_attribute("hidden");
        }
        None => {
            let _ = root.remove_attribute("hidden");
        }
    }
}

/// The page's first-screen hand-over (index.html), present on a first visit only.
fn first_screen() -> Option<JsValue> {
    let screen = js_sys::Reflect::get(&window(), &"workbookFirstScreen".into()).ok()?;
    (!screen.is_undefined()).then_some(screen)
}

/// Whether the first screen is shown now (the page may have dropped it when the address
/// changed before the app started).
fn first_screen_shown() -> bool {
    let Some(screen) = first_screen() else {
        return false;
    };
    js_sys::Reflect::get(&screen, &"shown".into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
        .and_then(|f| f.call0(&screen).ok())
        .is_some_and(|shown| shown.is_truthy())
}
