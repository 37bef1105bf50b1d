//! Bounded input: mdbib refuses files larger than [`MAX_INPUT_BYTES`] instead of exhausting memory.

use crate::error::{Error, Result};
use std::io::Read;
use std::path::Path;

/// The largest input mdbib reads: 256 MiB, about 150 times the largest awesome list seen so far.
/// A larger file (or standard input) is refused with [`Error::TooLarge`] before it is read.
pub const MAX_INPUT_BYTES: u64 = 256 * 1024 * 1024;

/// Reads the input `path` (`-` is `stdin`) whole, refusing more than [`MAX_INPUT_BYTES`].
pub fn read_input(path: &Path, stdin: &mut dyn Read) -> Result<Vec<u8>> {
    let io_error = |source| Error::Read {
        path: path.to_path_buf(),
        source,
    };
    if path == Path::new("-") {
        return read_limited(stdin, path, MAX_INPUT_BYTES, 0);
    }
    let mut file = std::fs::File::open(path).map_err(io_error)?;
    // A regular file says its size up front, so an oversized one is refused without reading.
    let size = file.metadata().map_err(io_error)?.len();
    if size > MAX_INPUT_BYTES {
        return Err(Error::TooLarge {
            path: path.to_path_buf(),
            limit: MAX_INPUT_BYTES,
        });
    }
    read_limited(&mut file, path, MAX_INPUT_BYTES, size)
}

/// Reads `source` (the contents of `path`) to its end, or fails with [`Error::TooLarge`] as soon
/// as it yields more than `limit` bytes. Pipes and growing files are bounded this way too.
/// `expected` is the size the source announced (0 if unknown), read into one buffer of that size.
pub fn read_limited(
    source: &mut dyn Read,
    path: &Path,
    limit: u64,
    expected: u64,
) -> Result<Vec<u8>> {
    let mut bytes = Vec::with_capacity(usize::try_from(expected.min(limit)).unwrap_or(0));
    source
        .take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|source| Error::Read {
            path: path.to_path_buf(),
            source,
        })?;
    if bytes.len() as u64 > limit {
        return Err(Error::TooLarge {
            path: path.to_path_buf(),
            limit,
        });
    }
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stream_at_the_limit_is_read() {
        let bytes = read_limited(&mut &b"12345"[..], Path::new("-"), 5, 5).unwrap();
        assert_eq!(bytes, b"12345");
    }

    #[test]
    fn stream_over_the_limit_is_refused_naming_it() {
        let err = read_limited(&mut &b"123456"[..], Path::new("big.md"), 5, 0).unwrap_err();
        assert!(matches!(err, Error::TooLarge { limit: 5, .. }));
        assert_eq!(
            err.to_string(),
            "big.md: input larger than 5 bytes, the most mdbib reads"
        );
    }

    #[test]
    fn endless_stream_is_cut_at_the_limit() {
        let err = read_limited(&mut std::io::repeat(b'x'), Path::new("-"), 1 << 20, 0).unwrap_err();
        assert!(matches!(err, Error::TooLarge { .. }));
    }
}
