//! The Report workspace: the whole plan laid out for a reader who will not click, and
//! printable on A4 or Letter ("Print or save as PDF").

pub mod page;
pub mod policy;
