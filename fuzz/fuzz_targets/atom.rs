//! The arXiv Atom feed parser on any input: an error or a feed, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(xml) = std::str::from_utf8(data) {
        let _ = mdbib::enrich::atom::parse_feed(xml);
    }
});
