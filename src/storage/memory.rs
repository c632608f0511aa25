//! An in-memory [`KeyValueStore`] with a size limit and switchable faults, for host tests
//! of the library logic (quota exceeded, storage throwing).

use std::cell::{Cell, RefCell};
use std::collections::BTreeMap;

use super::store::{KeyValueStore, StoreError};

/// A store kept in memory; `capacity_bytes` imitates the browser's quota.
#[derive(Default)]
pub struct MemoryStore {
    entries: RefCell<BTreeMap<String, String>>,
    capacity_bytes: Cell<Option<usize>>,
    broken: Cell<bool>,
}

impl MemoryStore {
    /// An empty store without limits.
    pub fn new() -> Self {
        Self::default()
    }

    /// Limits the total size of keys and values, as a browser quota does.
    pub fn set_capacity(&self, bytes: Option<usize>) {
        self.capacity_bytes.set(bytes);
    }

    /// Makes every operation fail, as a blocked or disabled storage does.
    pub fn set_broken(&self, broken: bool) {
        self.broken.set(broken);
    }

    fn check(&self) -> Result<(), StoreError> {
        if self.broken.get() {
            Err(StoreError::Unavailable("access denied".into()))
        } else {
            Ok(())
        }
    }

    fn used_bytes_without(&self, key: &str) -> usize {
        self.entries
            .borrow()
            .iter()
            .filter(|(k, _)| k.as_str() != key)
            .map(|(k, v)| k.len() + v.len())
            .sum()
    }
}

impl KeyValueStore for MemoryStore {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        self.check()?;
        Ok(self.entries.borrow().get(key).cloned())
    }

    fn set(&self, key: &str, value: &str) -> Result<(), StoreError> {
        self.check()?;
        if let Some(capacity) = self.capacity_bytes.get() {
            if self.used_bytes_without(key) + key.len() + value.len() > capacity {
                return Err(StoreError::QuotaExceeded);
            }
        }
        self.entries
            .borrow_mut()
            .insert(key.to_string(), value.to_string());
        Ok(())
    }

    fn remove(&self, key: &str) -> Result<(), StoreError> {
        self.check()?;
        self.entries.borrow_mut().remove(key);
        Ok(())
    }

    fn keys(&self) -> Result<Vec<String>, StoreError> {
        self.check()?;
        Ok(self.entries.borrow().keys().cloned().collect())
    }
}
