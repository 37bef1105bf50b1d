//! The CSL-JSON reader on any input: an error or references, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::path::Path;

fuzz_target!(|data: &[u8]| {
    let path = Path::new("fuzz.json");
    if let Ok(text) = mdbib::read::decode(data.to_vec(), path) {
        let _ = mdbib::read::csljson::read(&text, path, &mut Vec::new());
    }
});
