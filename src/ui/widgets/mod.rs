//! Building blocks shared by the workspaces.

pub mod notices;
pub mod save_status;
pub mod text_field;
