//! The block steps of `cleaner`, in Rust: cutting a page's text into blocks,
//! measuring each block, the generic phrase lists, the jusText labels, tag lines,
//! the article's extent and the learned block model.
//!
//! Everything here is pure Rust; `python.rs` (the `python` feature) is the only
//! file that knows Python, and only converts values and errors.

pub mod anchors;
pub mod blockfeatures;
pub mod error;
pub mod extent;
pub mod features;
pub mod forest;
pub mod labels;
pub mod patterns;
pub mod phrases;
pub mod pyunicode;
#[allow(clippy::all, clippy::pedantic)]
mod pyunicode_tables;
pub mod segment;
pub mod tags;

#[cfg(feature = "python")]
mod python;
