//! The library's error type: every variant names what the user needs to act on.

use std::path::PathBuf;

/// Errors that stop a run.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// An input could not be read.
    #[error("{path}: {source}")]
    Read {
        /// The input.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
    /// An input is not UTF-8.
    #[error("{path}:{line}: invalid UTF-8 at byte {offset}{hint}")]
    InvalidUtf8 {
        /// The input.
        path: PathBuf,
        /// 1-based line of the first invalid byte.
        line: usize,
        /// 0-based byte offset of the first invalid byte.
        offset: usize,
        /// What the bytes are instead, when it is known (UTF-16 by its byte order mark).
        hint: &'static str,
    },
    /// An input is larger than the limit (see [`crate::read::limit::MAX_INPUT_BYTES`]).
    #[error("{path}: input larger than {limit} bytes, the most mdbib reads")]
    TooLarge {
        /// The input.
        path: PathBuf,
        /// The limit in bytes.
        limit: u64,
    },
    /// `--format` named no known writer.
    #[error("unknown format `{name}` (known: {known})")]
    UnknownFormat {
        /// The name given.
        name: String,
        /// The known names.
        known: String,
    },
    /// `--columns` named no known CSV column.
    #[error("unknown CSV column `{name}` (known: {known})")]
    UnknownColumn {
        /// The name given.
        name: String,
        /// The known columns.
        known: String,
    },
    /// `--columns` named one column twice.
    #[error("CSV column `{name}` named twice in --columns")]
    ColumnTwice {
        /// The column named twice.
        name: String,
    },
    /// `--columns` named no column at all (`--columns ,`).
    #[error("--columns names no CSV column (known: {known})")]
    NoColumns {
        /// The known columns.
        known: String,
    },
    /// `--citekey` is not a valid key pattern.
    #[error("citekey pattern `{pattern}`: {message}")]
    CitekeyPattern {
        /// The pattern given.
        pattern: String,
        /// What is wrong with it.
        message: String,
    },
    /// A template could not be read or compiled.
    #[error("{}{}: {message}", path.display(), line.map(|l| format!(":{l}")).unwrap_or_default())]
    Template {
        /// The template file.
        path: std::path::PathBuf,
        /// The line, where known.
        line: Option<usize>,
        /// What is wrong.
        message: String,
    },
    /// An output could not be written.
    #[error("{path}: {source}")]
    Write {
        /// The output (`-` for standard output).
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
    /// The output file is also an input, which writing would destroy.
    #[error("{path}: refusing to overwrite an input file")]
    OutputIsInput {
        /// The file.
        path: PathBuf,
    },
    /// A directory given as input holds no Markdown file.
    #[error("{path}: no *.md files in this directory")]
    NoMarkdown {
        /// The directory.
        path: PathBuf,
    },
    /// Two inputs would write the same file under `--out-dir`.
    #[error(
        "{path}: written for both {first} and {second} (name a directory that holds both: \
         the outputs of the lists found in it keep their folders)"
    )]
    OutputClash {
        /// The output file.
        path: PathBuf,
        /// One input.
        first: PathBuf,
        /// The other input.
        second: PathBuf,
    },
    /// Options that do not go together.
    #[error("{0}")]
    Usage(String),
    /// An input in a structured format (CSL-JSON) could not be read at all.
    #[error("{path}:{line}: {message}")]
    Parse {
        /// The input.
        path: PathBuf,
        /// 1-based line.
        line: usize,
        /// What is wrong.
        message: String,
    },
    /// The metadata cache could not be opened or used.
    #[error("cache: {0}")]
    Cache(String),
    /// A CSL style could not be found or read.
    #[error("style {style}: {reason}")]
    Style {
        /// The style name or file given.
        style: String,
        /// What is wrong.
        reason: String,
    },
    /// Several inputs could not be read, or several outputs conflict (each error is one line).
    #[error("{}", .0.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n"))]
    Inputs(Vec<Error>),
    /// The HTTP client could not be built.
    #[error("http client: {0}")]
    Http(String),
}

/// The library's result type.
pub type Result<T, E = Error> = std::result::Result<T, E>;
