//! One file per screen.
pub mod home;
pub mod not_built;
pub mod not_found;
