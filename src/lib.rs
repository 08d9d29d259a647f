//! kamus: an offline glossary of web-development, SEO and digital-marketing
//! terms in Indonesian and English. The binary is `src/main.rs`; this crate
//! holds everything it runs, so tests and benchmarks can reach it.

pub mod analyze;
pub mod app;
pub mod cache;
pub mod cli;
pub mod complete;
pub mod distance;
mod embedded;
pub mod export;
pub mod fields;
pub mod files;
#[doc(hidden)]
pub mod fuzzing;
pub mod fuzzy;
pub mod glossary;
pub mod keys;
pub mod lexicon;
pub mod lookup;
pub mod messages;
pub mod mode;
pub mod model;
pub mod normalize;
pub mod overlay;
pub mod pager;
pub mod render;
pub mod report;
pub mod search;
pub mod settings;
pub mod store;
pub mod style;
pub mod user;
pub mod validate;
