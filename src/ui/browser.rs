//! The few browser services the UI needs beyond storage: the clock, randomness, file
//! downloads and reads, the location hash and the service worker.

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// Milliseconds since the Unix epoch, from the browser's clock.
pub fn now_millis() -> i64 {
    js_sys::Date::now() as i64
}

/// Records a named moment on the page's performance timeline, for `make bench`.
pub fn mark(name: &str) {
    if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
        let _ = performance.mark(name);
    }
}

/// Records the time from mark `start` to now as the measure `name`, for `make bench`.
pub fn measure_since(name: &str, start: &str) {
    if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
        let _ = performance.measure_with_start_mark(name, start);
    }
}

/// A random 32-bit number.
pub fn random_u32() -> u32 {
    (js_sys::Math::random() * u32::MAX as f64) as u32
}

fn js_error(e: JsValue) -> String {
    e.dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| e.as_string())
        .unwrap_or_else(|| "unknown error".into())
}

/// The absolute address of the plan format's JSON Schema, shipped beside the page.
pub fn schema_url() -> String {
    let base = leptos::prelude::document()
        .base_uri()
        .ok()
        .flatten()
        .unwrap_or_default();
    web_sys::Url::new_with_base(crate::model::plan::format::SCHEMA_FILE, &base)
        .map(|u| u.href())
        .unwrap_or_else(|_| crate::model::plan::format::SCHEMA_FILE.to_string())
}

/// Offers `text` to the user as a downloaded file named `file_name`.
pub fn download_text(file_name: &str, text: &str, mime: &str) -> Result<(), String> {
    let window = web_sys::window().ok_or("no window")?;
    let document = window.document().ok_or("no document")?;
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob =
        web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).map_err(js_error)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(js_error)?;
    let anchor: web_sys::HtmlAnchorElement = document
        .create_element("a")
        .map_err(js_error)?
        .unchecked_into();
    anchor.set_href(&url);
    anchor.set_download(file_name);
    anchor.click();
    // Revoking at once can cancel the download in some browsers; give it a moment.
    let _ = leptos::prelude::set_timeout_with_handle(
        move || {
            let _ = web_sys::Url::revoke_object_url(&url);
        },
        std::time::Duration::from_secs(10),
    );
    Ok(())
}

/// The bytes of a file the user picked or dropped.
pub async fn read_file_bytes(file: &web_sys::File) -> Result<Vec<u8>, String> {
    let buffer = JsFuture::from(file.array_buffer())
        .await
        .map_err(js_error)?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// Waits for the browser's next task, so it can paint and handle input in the middle of
/// long work. A message to itself, not a zero-delay timeout: timeouts in a chain are held
/// to 4 ms each, and to one a second in a background tab.
pub async fn next_task() {
    let Ok(channel) = web_sys::MessageChannel::new() else {
        return;
    };
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        channel.port1().set_onmessage(Some(&resolve));
    });
    let _ = channel.port2().post_message(&JsValue::NULL);
    let _ = JsFuture::from(promise).await;
    // The channel lives until its message has arrived.
    channel.port1().set_onmessage(None);
}

/// The current location hash, e.g. `#/slos`.
pub fn location_hash() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
}

/// The address fragment the page was opened with. A share link's (`#share=…`, up to a
/// megabyte) was taken out of the address by index.html's first script, before the page
/// loaded its files, and kept in `workbookOpenedWith`; it is handed over once.
pub fn opened_with() -> String {
    let Some(window) = web_sys::window() else {
        return String::new();
    };
    let key = JsValue::from_str("workbookOpenedWith");
    match js_sys::Reflect::get(&window, &key)
        .ok()
        .and_then(|v| v.as_string())
    {
        Some(fragment) => {
            let _ = js_sys::Reflect::delete_property(&window, &key);
            fragment
        }
        None => location_hash(),
    }
}

/// Whether the page was opened with a share link; unlike [`opened_with`], leaves the
/// fragment to be handed over.
pub fn opened_with_share_link() -> bool {
    web_sys::window()
        .and_then(|w| js_sys::Reflect::get(&w, &JsValue::from_str("workbookOpenedWith")).ok())
        .and_then(|v| v.as_string())
        .is_some_and(|f| crate::interop::share_link::payload_of(&f).is_some())
}

/// Replaces the location hash without adding a history entry.
pub fn replace_hash(hash: &str) {
    if let Some(window) = web_sys::window() {
        if let Ok(history) = window.history() {
            let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(hash));
        }
    }
}

/// Registers the service worker that keeps the app working offline, where supported.
pub fn register_service_worker() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let navigator = window.navigator();
    if js_sys::Reflect::has(&navigator, &"serviceWorker".into()).unwrap_or(false) {
        let _ = navigator.service_worker().register("sw.js");
    }
}

/// Today's date in days since 1970-01-01 (UTC).
pub fn today() -> i64 {
    now_millis().div_euclid(86_400_000)
}

/// Scrolls the element with `id` to the top of the view once the page has been laid out,
/// and moves keyboard focus there (the element gets `tabindex="-1"` if it has none).
pub fn scroll_to_element(id: &str) {
    let id = id.to_string();
    leptos::prelude::request_animation_frame(move || {
        let Some(element) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id(&id))
        else {
            return;
        };
        if !element.has_attribute("tabindex") {
            let _ = element.set_attribute("tabindex", "-1");
        }
        element.scroll_into_view();
        if let Some(html) = wasm_bindgen::JsCast::dyn_ref::<web_sys::HtmlElement>(&element) {
            let options = web_sys::FocusOptions::new();
            options.set_prevent_scroll(true);
            let _ = html.focus_with_options(&options);
        }
    });
}

/// Moves keyboard focus, once the page has been laid out, to the first element matching the
/// first of `selectors` that matches anything.
pub fn focus_first_of(selectors: &'static [&'static str]) {
    leptos::prelude::request_animation_frame(move || {
        let Some(document) = web_sys::window().and_then(|w| w.document()) else {
            return;
        };
        let found = selectors
            .iter()
            .find_map(|s| document.query_selector(s).ok().flatten());
        if let Some(html) =
            found.and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok())
        {
            let _ = html.focus();
        }
    });
}
