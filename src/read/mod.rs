//! Readers: input files → references.

pub mod limit;
pub mod markdown;

use crate::error::{Error, Result};
use crate::model::Reference;
use std::path::Path;

/// Decodes `bytes` read from `path` as UTF-8 (a leading BOM is dropped), or says where it is not.
pub fn decode(bytes: Vec<u8>, path: &Path) -> Result<String> {
    let bytes = match bytes.strip_prefix(b"\xEF\xBB\xBF") {
        Some(rest) => rest.to_vec(),
        None => bytes,
    };
    String::from_utf8(bytes).map_err(|e| {
        let offset = e.utf8_error().valid_up_to();
        let line = e.as_bytes()[..offset]
            .iter()
            .filter(|&&b| b == b'\n')
            .count()
            + 1;
        Error::InvalidUtf8 {
            path: path.to_path_buf(),
            line,
            offset,
        }
    })
}

/// Reads one input's text into references.
pub fn read(text: &str, path: &Path) -> Vec<Reference> {
    markdown::read(text, path)
}
