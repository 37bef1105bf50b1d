//! The Markdown reader on any input: no panic, no overflow, no blow-up.
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::path::Path;

fuzz_target!(|data: &[u8]| {
    let path = Path::new("fuzz.md");
    if let Ok(text) = mdbib::read::decode(data.to_vec(), path) {
        mdbib::read::markdown::read(&text, path);
    }
});
