//! The block steps of `cleaner`, in Rust: cutting a page's text into blocks,
//! measuring each block, the generic phrase lists and the learned block model.
//!
//! Everything here is pure Rust; `python.rs` (the `python` feature) is the only
//! file that knows Python, and only converts values and errors.

pub mod blockfeatures;
pub mod error;
pub mod features;
pub mod forest;
pub mod patterns;
pub mod phrases;
pub mod pyunicode;
#[allow(clippy::all, clippy::pedantic)]
mod pyunicode_tables;
pub mod segment;

#[cfg(feature = "python")]
mod python;
