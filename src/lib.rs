//! mdbib reads Markdown paper lists ("awesome lists"), turns every paper into a structured
//! reference, enriches it from arXiv, and writes BibTeX, CSL-JSON or CSV.
//!
//! The pipeline runs one way: [`read`] → [`merge`] → [`enrich`] → [`key`] → [`write`].
//! [`run`] ties it together for the command line; each stage is usable on its own.
#![warn(missing_docs)]

pub mod enrich;
pub mod error;
pub mod ids;
pub mod key;
pub mod keymap;
pub mod merge;
pub mod model;
pub mod read;
pub mod text;
pub mod venue;
pub mod write;

pub use error::{Error, Result};
pub use model::Reference;

use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use write::{WriteOptions, Writer};

/// Everything `mdbib export` needs, checked and independent of the command-line parser.
pub struct Config {
    /// Input files; `-` is standard input. Empty means standard input.
    pub inputs: Vec<PathBuf>,
    /// The output format.
    pub format: &'static dyn Writer,
    /// The output file; standard output when `None`.
    pub output: Option<PathBuf>,
    /// Options for the writers.
    pub write: WriteOptions,
    /// How to enrich references.
    pub enrich: enrich::Settings,
    /// The citation-key pattern.
    pub citekey: key::Pattern,
    /// Where to write the `old<TAB>new` keys that changed (see [`keymap`]).
    pub keymap: Option<PathBuf>,
}

/// What a run did, for the summary line and the exit code.
#[derive(Debug, Default)]
pub struct Report {
    /// References written.
    pub entries: usize,
    /// Enrichment counts.
    pub enrich: enrich::Stats,
    /// Warnings to show the user (one line each).
    pub warnings: Vec<String>,
}

impl Report {
    /// The one-line summary printed at the end of a run.
    pub fn summary(&self) -> String {
        let s = &self.enrich;
        format!(
            "{} entries: {} from arXiv ({} cached), {} matched by title, {} not enriched",
            self.entries, s.by_id, s.cached, s.by_title, s.not_enriched
        )
    }
}

/// Reads every input, in order. `-` (or no input at all) reads `stdin`.
pub fn read_inputs(inputs: &[PathBuf], stdin: &mut dyn Read) -> Result<Vec<Reference>> {
    let stdin_path = PathBuf::from("-");
    let inputs: Vec<&Path> = if inputs.is_empty() {
        vec![stdin_path.as_path()]
    } else {
        inputs.iter().map(PathBuf::as_path).collect()
    };
    let mut refs = Vec::new();
    for path in inputs {
        let bytes = read::limit::read_input(path, stdin)?;
        let text = read::decode(bytes, path)?;
        refs.extend(read::read(&text, path));
    }
    Ok(refs)
}

/// Runs `mdbib export`: read, merge, enrich, key, write.
pub fn run(config: &Config, stdin: &mut dyn Read, stdout: &mut dyn Write) -> Result<Report> {
    if let Some(out) = &config.output {
        refuse_input_as_output(out, &config.inputs)?;
    }
    let refs = read_inputs(&config.inputs, stdin)?;
    let mut refs = merge::dedupe(refs);
    let mut report = Report::default();
    enrich::enrich(
        &mut refs,
        &config.enrich,
        &mut report.enrich,
        &mut report.warnings,
    )?;
    key::assign_with(&mut refs, &config.citekey);
    // Read the keys of the output this run replaces before it is replaced.
    let key_changes = config
        .keymap
        .as_ref()
        .map(|_| keymap::changes(&refs, config.output.as_deref(), &mut report.warnings));
    report.entries = refs.len();
    let mut buffer = Vec::new();
    let write_error = |path: &Path, source: io::Error| Error::Write {
        path: path.to_path_buf(),
        source,
    };
    match &config.output {
        None => {
            config
                .format
                .write(&refs, &config.write, &mut buffer)
                .map_err(|e| write_error(Path::new("-"), e))?;
            stdout
                .write_all(&buffer)
                .map_err(|e| write_error(Path::new("-"), e))?;
            stdout.flush().map_err(|e| write_error(Path::new("-"), e))?;
        }
        Some(path) => {
            config
                .format
                .write(&refs, &config.write, &mut buffer)
                .map_err(|e| write_error(path, e))?;
            write_atomically(path, &buffer).map_err(|e| write_error(path, e))?;
        }
    }
    if let (Some(path), Some(pairs)) = (&config.keymap, key_changes) {
        write_atomically(path, keymap::render(&pairs).as_bytes())
            .map_err(|e| write_error(path, e))?;
    }
    Ok(report)
}

/// Writes `bytes` to a temporary file beside `path` and renames it into place, so a failure never
/// leaves half a file and never clobbers the previous one.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let mut tmp = tempfile::NamedTempFile::new_in(dir)?;
    tmp.write_all(bytes)?;
    tmp.as_file().sync_all()?;
    tmp.persist(path).map_err(|e| e.error)?;
    Ok(())
}

fn refuse_input_as_output(output: &Path, inputs: &[PathBuf]) -> Result<()> {
    let Ok(out) = output.canonicalize() else {
        return Ok(()); // does not exist yet, so it is no input
    };
    if inputs
        .iter()
        .any(|i| i.canonicalize().is_ok_and(|i| i == out))
    {
        return Err(Error::OutputIsInput {
            path: output.to_path_buf(),
        });
    }
    Ok(())
}
