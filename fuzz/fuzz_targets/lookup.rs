//! Fuzz target: any bytes as a query, through lookup, search and every
//! renderer. Nothing may panic, text may hold no control character but a
//! newline, and JSON must parse.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    kamus::fuzzing::query(data);
});
