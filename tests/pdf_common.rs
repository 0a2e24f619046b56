//! Shared helpers of the pdf/text integration tests (included with `#[path]`).
#![allow(dead_code)]

/// The word measures of `referat eval` (tokens: runs of letters/digits, NFC).
pub use referat::eval::{bag_f1, order_f1, words as tokens};
