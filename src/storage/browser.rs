//! [`KeyValueStore`] over the browser's local storage. Availability is checked on every
//! call, so disabled or blocked storage becomes an error the user sees, never a crash.

use gloo_storage::{LocalStorage, Storage};
use wasm_bindgen::{JsCast, JsValue};

use super::store::{KeyValueStore, StoreError};

/// The browser's local storage for this origin.
#[derive(Clone, Copy, Debug, Default)]
pub struct BrowserStore;

impl BrowserStore {
    fn storage(&self) -> Result<web_sys::Storage, StoreError> {
        let window =
            web_sys::window().ok_or_else(|| StoreError::Unavailable("no window".into()))?;
        match window.local_storage() {
            // Only once the browser has handed out local storage is gloo's handle safe to take.
            Ok(Some(_)) => Ok(LocalStorage::raw()),
            Ok(None) => Err(StoreError::Unavailable(
                "this browser has no local storage".into(),
            )),
            Err(e) => Err(StoreError::Unavailable(error_text(&e))),
        }
    }
}

fn error_text(e: &JsValue) -> String {
    match e.dyn_ref::<js_sys::Error>() {
        Some(error) => String::from(error.message()),
        None => e.as_string().unwrap_or_else(|| "unknown error".into()),
    }
}

fn to_store_error(e: JsValue) -> StoreError {
    let name = js_sys::Reflect::get(&e, &"name".into())
        .ok()
        .and_then(|n| n.as_string())
        .unwrap_or_default();
    match name.as_str() {
        "QuotaExceededError" | "NS_ERROR_DOM_QUOTA_REACHED" => StoreError::QuotaExceeded,
        "SecurityError" => StoreError::Unavailable(error_text(&e)),
        _ => StoreError::Failed(error_text(&e)),
    }
}

impl KeyValueStore for BrowserStore {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        self.storage()?.get_item(key).map_err(to_store_error)
    }

    fn set(&self, key: &str, value: &str) -> Result<(), StoreError> {
        self.storage()?.set_item(key, value).map_err(to_store_error)
    }

    fn remove(&self, key: &str) -> Result<(), StoreError> {
        self.storage()?.remove_item(key).map_err(to_store_error)
    }

    fn keys(&self) -> Result<Vec<String>, StoreError> {
        let storage = self.storage()?;
        let length = storage.length().map_err(to_store_error)?;
        // A key that cannot be read fails the listing: a library that silently looks emptier
        // than it is could lead to stored plans being overwritten.
        (0..length)
            .filter_map(|i| storage.key(i).map_err(to_store_error).transpose())
            .collect()
    }
}
