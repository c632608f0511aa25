//! Keeping plans in the browser: a key-value store abstraction over local storage, the plan
//! library on top of it (load, save, delete, set aside unreadable entries) and the session.

pub mod browser;
pub mod library;
pub mod memory;
pub mod store;
