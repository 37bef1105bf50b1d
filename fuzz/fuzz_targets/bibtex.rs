//! The BibTeX/BibLaTeX reader on any input: no panic, no overflow, no blow-up.
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::path::Path;

fuzz_target!(|data: &[u8]| {
    let path = Path::new("fuzz.bib");
    if let Ok(text) = mdbib::read::decode(data.to_vec(), path) {
        mdbib::read::bibtex::read(&text, path, &mut Vec::new());
    }
});
