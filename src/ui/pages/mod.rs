//! One file per screen.
pub mod export;
pub mod fill;
pub mod home;
pub mod import;
pub mod meetings;
pub mod not_found;
pub mod privacy;
pub mod report;
pub mod rounds;
pub mod survey;
pub mod synthesis;
