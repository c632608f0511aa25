//! Plans leaving and entering the workbook other than as plan files: share links, CSV for
//! spreadsheets and OpenSLO for the tools that enforce SLOs. Pure text in, text out.

pub mod csv;
pub mod openslo;
pub mod share_link;
