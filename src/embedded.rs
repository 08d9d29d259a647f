//! The built-in glossary: the store `build.rs` compiled from `data/`,
//! included in this one place.

/// Every string of the glossary.
pub static TEXT: &str = include_str!(concat!(env!("OUT_DIR"), "/glossary.txt"));

/// The tables that point into [`TEXT`]: see `store.rs`.
pub static DATA: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/glossary.bin"));

/// A fingerprint of the store, which a cache built over it is keyed by.
pub static ID: &str = include_str!(concat!(env!("OUT_DIR"), "/glossary.id"));
