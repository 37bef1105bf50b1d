//! mdbib reads Markdown paper lists ("awesome lists"), turns every paper into a structured
//! reference, enriches it from arXiv, and writes BibTeX, CSL-JSON or CSV.
//!
//! The pipeline runs one way: [`read`] → [`merge`] → [`enrich`] → [`key`] → [`write`].
//! [`run`] ties it together for the command line; each stage is usable on its own.
#![warn(missing_docs)]

pub mod check;
pub mod enrich;
pub mod error;
pub mod filter;
pub mod ids;
pub mod inputs;
pub mod key;
pub mod keymap;
pub mod merge;
pub mod model;
pub mod parallel;
pub mod read;
pub mod text;
pub mod venue;
pub mod write;

pub use error::{Error, Result};
pub use model::Reference;

/// Hash maps and sets keyed by text read from the input (titles, ids, keys, venue names):
/// foldhash's hasher, several times faster than the standard one on such keys, seeded per run.
pub(crate) type HashMap<K, V> = std::collections::HashMap<K, V, foldhash::fast::RandomState>;
/// See [`HashMap`].
pub(crate) type HashSet<T> = std::collections::HashSet<T, foldhash::fast::RandomState>;

use std::fs::File;
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use write::{WriteOptions, Writer};

/// Everything `mdbib export` needs, checked and independent of the command-line parser.
pub struct Config {
    /// Input files; `-` is standard input. Empty means standard input.
    pub inputs: Vec<PathBuf>,
    /// The output formats; several only with `out_dir`.
    pub formats: Vec<&'static dyn Writer>,
    /// The output file; standard output when `None` (and no `out_dir`).
    pub output: Option<PathBuf>,
    /// Write one file per input and format into this directory instead of one merged output.
    pub out_dir: Option<PathBuf>,
    /// Which references to write.
    pub filter: filter::Filter,
    /// Options for the writers.
    pub write: WriteOptions,
    /// How to enrich references.
    pub enrich: enrich::Settings,
    /// The citation-key pattern.
    pub citekey: key::Pattern,
    /// Where to write the `old<TAB>new` keys that changed (see [`keymap`]).
    pub keymap: Option<PathBuf>,
    /// Files the run reads besides its inputs (a template, a style), which no output replaces.
    pub reads: Vec<PathBuf>,
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
    /// With `--out-dir`: the inputs that could not be converted, each skipped while the others
    /// were written. The run failed when this is not empty.
    pub failed: Vec<Error>,
}

impl Report {
    /// The one-line summary printed at the end of a run.
    pub fn summary(&self) -> String {
        let s = &self.enrich;
        format!(
            "{} {}: {} from arXiv ({} cached), {} matched by title, \
             {} from Crossref ({} cached), {} from Semantic Scholar ({} cached), \
             {} from DataCite ({} cached), {} published versions, {} not enriched",
            self.entries,
            if self.entries == 1 {
                "entry"
            } else {
                "entries"
            },
            s.by_id,
            s.cached,
            s.by_title,
            s.crossref,
            s.crossref_cached,
            s.s2,
            s.s2_cached,
            s.datacite,
            s.datacite_cached,
            s.published,
            s.not_enriched
        )
    }
}

/// Reads one input (`-` is `stdin`), handing each reference to `sink` as soon as it is read;
/// problems with single entries go to `warnings`.
fn read_input(
    path: &Path,
    stdin: &mut dyn Read,
    warnings: &mut Vec<String>,
    sink: &mut dyn FnMut(Reference),
) -> Result<()> {
    let bytes = read::limit::read_input(path, stdin)?;
    let text = read::decode(bytes, path)?;
    let mut found = Vec::new();
    let result = read::read_each(&text, path, &mut found, sink);
    warnings.extend(found.iter().map(|w| w.located(path)));
    result
}

/// Reads inputs into one de-duplicated list, merging each reference as soon as it is read, so
/// memory holds the distinct references and one input's text, not every copy of every entry.
/// Every input is read even after one fails, so that one run names every bad input; then the
/// failures are the error.
fn read_merged(
    inputs: &[PathBuf],
    mut failed: Vec<Error>,
    stdin: &mut dyn Read,
    warnings: &mut Vec<String>,
) -> Result<Vec<Reference>> {
    let mut merger = merge::Merger::default();
    for input in inputs {
        if let Err(err) = read_input(input, stdin, warnings, &mut |r| merger.push(r)) {
            failed.push(err);
        }
    }
    if failed.len() > 1 {
        return Err(Error::Inputs(failed));
    }
    if let Some(err) = failed.pop() {
        return Err(err);
    }
    warnings.extend(merger.doubtful().iter().map(merge::Doubtful::message));
    Ok(merger.finish().0)
}

fn expanded_inputs(inputs: &[PathBuf], out_dir: Option<&Path>) -> inputs::Expanded {
    if inputs.is_empty() {
        return inputs::Expanded {
            files: inputs::expand(&[PathBuf::from("-")], None).files,
            failed: Vec::new(),
        };
    }
    inputs::expand(inputs, out_dir)
}

/// Whether two paths name one file, whether or not it exists yet (`out.bib` and
/// `sub/../out.bib`).
fn same_file(a: &Path, b: &Path) -> bool {
    let resolved = |p: &Path| {
        p.canonicalize().ok().or_else(|| {
            let dir = match p.parent() {
                Some(d) if !d.as_os_str().is_empty() => d,
                _ => Path::new("."),
            };
            Some(dir.canonicalize().ok()?.join(p.file_name()?))
        })
    };
    a == b || resolved(a).is_some_and(|a| resolved(b).is_some_and(|b| a == b))
}

/// Runs `mdbib export`: read, merge, filter, enrich, key, write. With `out_dir`, each input is
/// processed on its own and written once per format, and an input that fails is skipped and
/// listed in [`Report::failed`]; otherwise all inputs give one merged output.
pub fn run(config: &Config, stdin: &mut dyn Read, stdout: &mut dyn Write) -> Result<Report> {
    let inputs::Expanded {
        files: inputs,
        failed,
    } = expanded_inputs(&config.inputs, config.out_dir.as_deref());
    let paths: Vec<PathBuf> = inputs.iter().map(|i| i.path.clone()).collect();
    // Every file the run reads, which no output may replace.
    let reads: Vec<PathBuf> = paths.iter().chain(&config.reads).cloned().collect();
    let mut report = Report::default();
    if let Some(dir) = &config.out_dir {
        if config.keymap.is_some() {
            return Err(Error::Usage(
                "--keymap needs one output (standard output or -o), not --out-dir".into(),
            ));
        }
        if dir == Path::new("-") {
            return Err(Error::Usage(
                "--out-dir - : standard output takes one output; name a directory, or use -o -"
                    .into(),
            ));
        }
        // Every output path is checked before anything is written, and every conflict named.
        let mut planned: Vec<(PathBuf, &Path)> = Vec::new();
        let mut conflicts = Vec::new();
        for input in &inputs {
            for format in &config.formats {
                let out = inputs::output_path(dir, input, format.extension());
                if let Some((_, first)) = planned.iter().find(|(p, _)| *p == out) {
                    conflicts.push(Error::OutputClash {
                        path: out,
                        first: first.to_path_buf(),
                        second: input.path.clone(),
                    });
                    continue;
                }
                if let Err(err) = refuse_input_as_output(&out, &reads) {
                    conflicts.push(err);
                }
                planned.push((out, &input.path));
            }
        }
        match conflicts.len() {
            0 => {}
            1 => return Err(conflicts.remove(0)),
            _ => return Err(Error::Inputs(conflicts)),
        }
        if dir.exists() && !dir.is_dir() {
            return Err(Error::Write {
                path: dir.clone(),
                source: io::Error::new(
                    io::ErrorKind::AlreadyExists,
                    "exists and is not a directory (--out-dir)",
                ),
            });
        }
        // An input that fails is reported and skipped; the others are still converted.
        report.failed = failed;
        for input in &inputs {
            if let Err(err) = convert_one(input, dir, config, stdin, &mut report) {
                report.failed.push(err);
            }
        }
        return Ok(report);
    }
    let [format] = config.formats[..] else {
        return Err(Error::Usage(
            "several formats need --out-dir; standard output and -o take one".into(),
        ));
    };
    if let Some(out) = &config.output {
        refuse_input_as_output(out, &reads)?;
    }
    if let Some(keymap) = &config.keymap {
        check_keymap_path(keymap, config.output.as_deref(), &reads)?;
    }
    let refs = read_merged(&paths, failed, stdin, &mut report.warnings)?;
    // The output this run replaces: its keys stay with their papers, and `--keymap` compares
    // with them.
    let previous = config
        .output
        .as_deref()
        .filter(|_| has_keys(format))
        .and_then(|path| keymap::read_output(path, &mut report.warnings));
    let refs = prepare(refs, config, &mut report, previous.as_deref())?;
    let key_changes = config
        .keymap
        .as_ref()
        .map(|_| keymap::changes(&refs, previous.as_deref()));
    // The key map first: a map that cannot be written leaves the previous output, whose keys it
    // compares with, in place for the next run. A map written for an output that then fails
    // tells the changes that run will make again.
    if let (Some(path), Some(pairs)) = (&config.keymap, key_changes) {
        write_atomically(path, keymap::render(&pairs).as_bytes()).map_err(|source| {
            Error::Write {
                path: path.clone(),
                source,
            }
        })?;
    }
    match &config.output {
        None => {
            let mut out = io::BufWriter::with_capacity(1 << 16, &mut *stdout);
            match format
                .write(&refs, &config.write, &mut out)
                .and_then(|()| out.flush())
            {
                // A reader that stopped early (`| head`) wants no more output; the run still
                // ends as it would, with its warnings and exit code.
                Err(e) if e.kind() == io::ErrorKind::BrokenPipe => {}
                written => written.map_err(|source| output_error(Path::new("-"), source))?,
            }
        }
        Some(path) => write_file(format, &refs, config, path)?,
    }
    // Freeing thousands of references piece by piece is a tenth of a large run: another thread
    // does it while the report is printed, and the process may end before it is done.
    // Where no thread can be made (a process limit), `spawn` frees them itself, here.
    let _ = std::thread::Builder::new().spawn(move || drop(refs));
    Ok(report)
}

/// Whether `format`'s files hold citation keys that a later run can keep.
fn has_keys(format: &dyn Writer) -> bool {
    matches!(format.name(), "bibtex" | "biblatex" | "csljson" | "csv")
}

/// `--out-dir`: reads `input` on its own and writes it once per format into `dir`.
fn convert_one(
    input: &inputs::Input,
    dir: &Path,
    config: &Config,
    stdin: &mut dyn Read,
    report: &mut Report,
) -> Result<()> {
    let refs = read_merged(
        std::slice::from_ref(&input.path),
        Vec::new(),
        stdin,
        &mut report.warnings,
    )?;
    // The keys of this input's earlier output stay with their papers.
    let previous = config
        .formats
        .iter()
        .filter(|f| has_keys(**f))
        .find_map(|format| {
            let out = inputs::output_path(dir, input, format.extension());
            keymap::read_output(&out, &mut report.warnings)
        });
    let refs = prepare(refs, config, report, previous.as_deref())?;
    for format in &config.formats {
        let out = inputs::output_path(dir, input, format.extension());
        // Made only when there is something to write in it: the directory, and the folder of
        // a list found in a subfolder of a directory given.
        let folder = out.parent().unwrap_or(dir);
        std::fs::create_dir_all(folder).map_err(|source| Error::Write {
            path: folder.to_path_buf(),
            source,
        })?;
        write_file(*format, &refs, config, &out)?;
    }
    Ok(())
}

/// The stages between reading (and merging) and writing: filter, enrich, key.
fn prepare(
    refs: Vec<Reference>,
    config: &Config,
    report: &mut Report,
    previous: Option<&[keymap::Previous]>,
) -> Result<Vec<Reference>> {
    let read = refs.len();
    let mut refs = config.filter.apply(refs);
    // A batch job would otherwise ship an empty file without a word.
    if refs.is_empty() && read > 0 {
        report.warnings.push(format!(
            "the filters (--section, --since, --until, --kind) left none of the {read} entries"
        ));
    }
    enrich::enrich(
        &mut refs,
        &config.enrich,
        &mut report.enrich,
        &mut report.warnings,
    )?;
    for r in &mut refs {
        // A work not dated by the list or a service is dated by its arXiv id. A conference or
        // journal paper takes only a year, the nearest guess at its venue's: without one,
        // author-year styles print `n.d.` and natbib with apalike stops.
        if r.date.is_none() {
            r.date = r.arxiv.as_ref().and_then(ids::arxiv_month);
            if r.kind.is_published() {
                r.date = r.date.map(|d| venue::year_of_paper(r.venue.as_ref(), d));
            }
        }
        venue::name_as_of_year(r);
    }
    let previous = previous.map_or_else(Default::default, |p| keymap::previous_keys(&refs, p));
    key::assign_with(&mut refs, &config.citekey, &previous);
    report.entries += refs.len();
    Ok(refs)
}

fn write_file(format: &dyn Writer, refs: &[Reference], config: &Config, path: &Path) -> Result<()> {
    write_atomically_with(path, |out| format.write(refs, &config.write, out))
        .map_err(|source| output_error(path, source))
}

/// Why writing `path` failed: a template's own error as it is (it names the template and
/// line), anything else as a write error of `path`.
fn output_error(path: &Path, source: io::Error) -> Error {
    let write = |source| Error::Write {
        path: path.to_path_buf(),
        source,
    };
    if !source.get_ref().is_some_and(|e| e.is::<Error>()) {
        return write(source);
    }
    let kind = source.kind();
    match source.into_inner().map(|e| e.downcast::<Error>()) {
        Some(Ok(ours)) => *ours,
        Some(Err(other)) => write(io::Error::new(kind, other)),
        None => write(io::Error::from(kind)),
    }
}

/// Writes `bytes` to a temporary file beside `path` and renames it into place, so a failure never
/// leaves half a file and never clobbers the previous one. The file gets the permissions of the
/// one it replaces, or those of a newly created file (`0o666` less the umask on Unix). A symbolic
/// link stays a link: the file it names is replaced. A path that is no regular file (`/dev/null`,
/// `/dev/stdout`, a named pipe) is written in place, as there is nothing to replace.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> io::Result<()> {
    write_atomically_with(path, |out| out.write_all(bytes))
}

/// [`write_atomically`] for output that `write` produces piece by piece, streamed to the
/// temporary file rather than held in memory.
/// The temporary files of outputs being written, for [`remove_partial_outputs`].
static PARTIAL: std::sync::Mutex<Vec<PathBuf>> = std::sync::Mutex::new(Vec::new());

/// Removes the temporary files of the outputs still being written. For a signal handler: an
/// interrupted run leaves its previous outputs as they were and no stray temporary file.
pub fn remove_partial_outputs() {
    let paths = PARTIAL
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    for path in paths.iter() {
        let _ = std::fs::remove_file(path);
    }
}

/// Keeps a temporary file in [`PARTIAL`] while it lives.
struct Partial(PathBuf);

impl Partial {
    fn new(path: &Path) -> Partial {
        let mut paths = PARTIAL
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        paths.push(path.to_path_buf());
        Partial(path.to_path_buf())
    }
}

impl Drop for Partial {
    fn drop(&mut self) {
        let mut paths = PARTIAL
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        paths.retain(|p| *p != self.0);
    }
}

fn write_atomically_with(
    path: &Path,
    write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> io::Result<()> {
    let previous = std::fs::metadata(path).ok();
    if previous.as_ref().is_some_and(|m| !m.is_file()) {
        let mut out =
            io::BufWriter::with_capacity(1 << 16, File::options().write(true).open(path)?);
        write(&mut out)?;
        return out.flush();
    }
    let parent = |path: &Path| match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    // An existing path's links resolved, so the rename below replaces the file, not a link to it.
    let resolved = match previous {
        Some(_) => path.canonicalize()?,
        None => path.to_path_buf(),
    };
    let dir = parent(&resolved);
    // The directory for errors: as the user named it, unless a link leads elsewhere.
    let shown = match path.is_symlink() {
        true => dir.clone(),
        false => parent(path),
    };
    let path = resolved;
    let mut builder = tempfile::Builder::new();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        // A temporary file is private (0o600); the output is an ordinary file.
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    // tempfile's errors name its random file; the user knows only the directory.
    let tmp = builder.tempfile_in(&dir).map_err(|e| {
        let kind = e.kind();
        let why = match kind {
            io::ErrorKind::NotFound => "no such directory".to_string(),
            kind => kind.to_string(),
        };
        io::Error::new(
            kind,
            format!("cannot create a file in {}: {why}", shown.display()),
        )
    })?;
    let _partial = Partial::new(tmp.path());
    if let Some(previous) = previous {
        tmp.as_file().set_permissions(previous.permissions())?;
    }
    let mut out = io::BufWriter::with_capacity(1 << 16, tmp);
    write(&mut out)?;
    let tmp = out.into_inner().map_err(io::IntoInnerError::into_error)?;
    tmp.as_file().sync_all()?;
    tmp.persist(&path).map_err(|e| e.error)?;
    Ok(())
}

/// `--keymap`'s file is checked before the output is replaced: it is no file the run reads, not
/// the output itself, and its directory exists.
fn check_keymap_path(keymap: &Path, output: Option<&Path>, reads: &[PathBuf]) -> Result<()> {
    refuse_input_as_output(keymap, reads)?;
    if output.is_some_and(|out| same_file(out, keymap)) {
        return Err(Error::Usage(format!(
            "--keymap {} is also the output (-o)",
            keymap.display()
        )));
    }
    let dir = keymap
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    if !dir.is_dir() {
        return Err(Error::Write {
            path: keymap.to_path_buf(),
            source: io::Error::new(io::ErrorKind::NotFound, "no such directory"),
        });
    }
    if keymap.is_dir() {
        return Err(Error::Write {
            path: keymap.to_path_buf(),
            source: io::Error::new(io::ErrorKind::IsADirectory, "is a directory"),
        });
    }
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
