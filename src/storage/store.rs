//! The few key-value operations the library needs, so its logic runs on the host against
//! an in-memory store and in the browser against local storage.

use std::fmt;

/// Why a storage operation failed, in words shown to the user.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StoreError {
    /// The browser refused to store more (QuotaExceededError).
    QuotaExceeded,
    /// Local storage is disabled, blocked or missing.
    Unavailable(String),
    /// Any other failure reported by the browser.
    Failed(String),
}

impl fmt::Display for StoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StoreError::QuotaExceeded => write!(f, "browser storage is full (quota exceeded)"),
            StoreError::Unavailable(why) => write!(f, "browser storage is unavailable ({why})"),
            StoreError::Failed(why) => write!(f, "browser storage failed ({why})"),
        }
    }
}

/// A string key-value store such as the browser's local storage.
pub trait KeyValueStore {
    /// The value at `key`, if any.
    fn get(&self, key: &str) -> Result<Option<String>, StoreError>;
    /// Stores `value` at `key`, replacing what was there.
    fn set(&self, key: &str, value: &str) -> Result<(), StoreError>;
    /// Removes `key`; removing a missing key is not an error.
    fn remove(&self, key: &str) -> Result<(), StoreError>;
    /// Every key in the store.
    fn keys(&self) -> Result<Vec<String>, StoreError>;
}
