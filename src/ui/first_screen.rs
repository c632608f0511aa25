//! Where the app mounts, and how it takes over the page. The page shows something before
//! the app runs: on a first visit the Plans page with the example plan, written into
//! index.html at build time from this same app (scripts/prerender.mjs), otherwise a loading
//! header. The app renders out of sight, in several short tasks so none blocks input for
//! long, and takes the page's place in one step once its first workspace is drawn whole:
//! nothing flashes or moves.

use std::cell::Cell;
use std::time::Duration;

use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

/// The id of the element the app mounts into.
const APP_ID: &str = "app";

thread_local! {
    /// Parts of the first workspace still to be drawn ([`Later`]).
    static PENDING: Cell<usize> = const { Cell::new(0) };
    /// What to run once the app is shown, when it waits for pending parts.
    static ON_SHOWN: Cell<Option<Box<dyn FnOnce()>>> = const { Cell::new(None) };
    /// Whether the app has taken the page's place.
    static SHOWN: Cell<bool> = const { Cell::new(false) };
}

/// Mounts `app` into a hidden root of its own, in a task after this one (the caller's
/// work and the first render are not one long task). The page keeps what it shows until
/// [`reveal`].
pub fn mount<V: IntoView + 'static>(app: impl FnOnce() -> V + 'static) {
    let document = document();
    if !first_screen_shown() {
        if let Some(screen) = document.get_element_by_id("first-screen") {
            screen.remove();
        }
    }
    let (Ok(root), Some(body)) = (document.create_element("div"), document.body()) else {
        return;
    };
    root.set_id(APP_ID);
    let _ = root.set_attribute("hidden", "");
    let _ = body.append_child(&root);
    set_timeout(
        move || leptos::mount::mount_to(root.unchecked_into(), app).forget(),
        Duration::ZERO,
    );
}

/// Shows the app in place of what the page showed (for the first screen: carrying over
/// clicks, typing and focus made on it), as soon as no part of the first workspace is
/// pending; then runs `then`. Called when the first workspace is drawn, or cannot be.
pub fn reveal(then: impl FnOnce() + 'static) {
    if SHOWN.get() {
        return;
    }
    if PENDING.get() > 0 {
        ON_SHOWN.set(Some(Box::new(then)));
        return;
    }
    SHOWN.set(true);
    show_app();
    then();
}

/// Draws `children` in a task of their own after the rest of the view (what is below the
/// fold), holding [`reveal`] back until they are drawn, so the app never shows without them.
#[component]
pub fn Later(children: ChildrenFn) -> impl IntoView {
    let drawn = RwSignal::new(false);
    let waits = !SHOWN.get();
    if waits {
        PENDING.set(PENDING.get() + 1);
    }
    set_timeout(
        move || {
            let _ = drawn.try_set(true);
            // The children are drawn when this task's microtasks have run; the frame
            // callback comes after that and before the frame is painted.
            if waits {
                request_animation_frame(part_drawn);
            }
        },
        Duration::ZERO,
    );
    move || drawn.get().then(|| children())
}

/// One [`Later`] part was drawn: the app is shown if it waited only for that.
fn part_drawn() {
    PENDING.set(PENDING.get().saturating_sub(1));
    if PENDING.get() == 0 {
        if let Some(then) = ON_SHOWN.take() {
            reveal(then);
        }
    }
}

/// Puts the app root in place of the first screen or the loading header.
fn show_app() {
    let document = document();
    let Some(root) = document.get_element_by_id(APP_ID) else {
        return;
    };
    let handed_over = first_screen().is_some_and(|screen| {
        js_sys::Reflect::get(&screen, &"reveal".into())
            .ok()
            .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
            .is_some_and(|reveal| reveal.call1(&screen, &root).is_ok())
    });
    if !handed_over {
        let _ = root.remove_attribute("hidden");
    }
    if let Some(boot) = document.get_element_by_id("boot") {
        boot.remove();
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
