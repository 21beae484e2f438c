//! Reusable components.
pub mod header;
pub mod question;
pub mod quick_exit;
pub mod response_list;
pub mod storage_gate;
