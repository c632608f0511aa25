//! The Transition workspace: from misalignment to ownership using SRE.

pub mod page;
