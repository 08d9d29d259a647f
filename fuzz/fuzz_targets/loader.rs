//! Fuzz target: any bytes as a user glossary file, through the loader's
//! validation, the store and the renderers. Nothing may panic, and no
//! problem message or output may hold a control character.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    kamus::fuzzing::glossary_file(data);
});
