//! Building blocks shared by the workspaces.

pub mod chart_view;
pub mod checked_field;
pub mod choice_select;
pub mod confirm_button;
pub mod date_field;
pub mod downloads;
pub mod lazy_section;
pub mod modal;
pub mod notices;
pub mod number_field;
pub mod save_status;
pub mod scroll_table;
pub mod section_index;
pub mod text_field;
pub mod undo_redo;
pub mod whole_dates;
