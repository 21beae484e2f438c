//! Reusable components.
pub mod header;
pub mod quick_exit;
