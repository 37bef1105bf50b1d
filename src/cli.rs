//! The command line: clap-derive structs, turned into a checked [`mdbib::Config`].

use clap::{Args, Parser, Subcommand};
use mdbib::{enrich, key, write, Config, Error};
use std::path::PathBuf;
use std::time::Duration;

/// Turn Markdown paper lists into BibTeX, CSL-JSON and CSV, enriched from arXiv.
#[derive(Debug, Parser)]
#[command(name = "mdbib", version, about, long_about = None, propagate_version = true)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Read paper lists and write references in one format.
    Export(Box<ExportArgs>),
    /// List the output formats.
    Formats,
}

/// Arguments of `mdbib export`.
#[derive(Debug, Args)]
pub struct ExportArgs {
    /// Markdown files to read; `-` (or none) reads standard input.
    #[arg(value_name = "INPUT")]
    pub inputs: Vec<PathBuf>,

    /// Output format (see `mdbib formats`).
    #[arg(short, long, value_name = "FORMAT", default_value = "bibtex")]
    pub format: String,

    /// Write to FILE instead of standard output (atomically: all or nothing).
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// Leave abstracts out of BibTeX and CSL-JSON.
    #[arg(long)]
    pub no_abstract: bool,

    /// Do not neutralise CSV cells that start like a spreadsheet formula.
    #[arg(long)]
    pub no_formula_guard: bool,

    /// BibTeX/BibLaTeX: spell non-ASCII characters as LaTeX accents (é → {\'e}).
    #[arg(long)]
    pub ascii: bool,

    /// CSV columns to write, in order, comma-separated (default: all).
    #[arg(long, value_name = "LIST")]
    pub columns: Option<String>,

    /// CSV: start with a UTF-8 byte order mark, so Excel reads UTF-8.
    #[arg(long)]
    pub bom: bool,

    /// Render a minijinja template FILE instead of a built-in format.
    #[arg(long, value_name = "FILE", conflicts_with = "format")]
    pub template: Option<PathBuf>,

    /// Citation-key pattern, e.g. '{auth}{year}{shorttitle}' (see the README).
    #[arg(long, value_name = "PATTERN", default_value = key::DEFAULT_PATTERN)]
    pub citekey: String,

    /// Write the citation keys that changed, as `old<TAB>new` lines, to FILE.
    #[arg(long, value_name = "FILE")]
    pub keymap: Option<PathBuf>,

    /// Do not contact any service; use cached metadata only.
    #[arg(long)]
    pub offline: bool,

    /// Skip enrichment: write what the list says.
    #[arg(long)]
    pub no_enrich: bool,

    /// Fetch again even what the cache holds.
    #[arg(long)]
    pub refresh: bool,

    /// Do not search arXiv by title for entries without an arXiv id.
    #[arg(long)]
    pub no_title_search: bool,

    /// Exit with code 3 when some entries could not be enriched.
    #[arg(long)]
    pub strict: bool,

    /// Print no progress, summary or warnings; errors only.
    #[arg(short, long)]
    pub quiet: bool,

    /// arXiv API query endpoint (a mirror or a test server).
    #[arg(long, value_name = "URL", env = "MDBIB_ARXIV_API", default_value = enrich::DEFAULT_ARXIV_API)]
    pub arxiv_api: String,

    /// Seconds between two arXiv requests (arXiv asks for 3; 0 for mirrors and tests).
    #[arg(long, value_name = "SECONDS", default_value_t = 3.0)]
    pub arxiv_delay: f64,

    /// arXiv ids per request.
    #[arg(long, value_name = "N", default_value_t = 100, value_parser = clap::value_parser!(u16).range(1..=2000))]
    pub batch_size: u16,

    /// Seconds one try of a request may take before it counts as failed.
    #[arg(long, value_name = "SECONDS", default_value = "30", value_parser = seconds)]
    pub timeout: Duration,

    /// How often a request that timed out or got HTTP 429/5xx is tried again.
    #[arg(long, value_name = "N", default_value_t = 3, value_parser = clap::value_parser!(u32).range(0..=20))]
    pub max_retries: u32,

    /// Seconds to wait before the first retry; each further one waits twice as long (with jitter).
    #[arg(long, value_name = "SECONDS", default_value = "1", value_parser = seconds)]
    pub retry_backoff: Duration,

    /// Cache directory [default: $XDG_CACHE_HOME/mdbib or ~/.cache/mdbib].
    #[arg(long, value_name = "DIR")]
    pub cache_dir: Option<PathBuf>,
}

impl ExportArgs {
    /// Checks the arguments and builds the library's configuration.
    pub fn into_config(self, progress: bool) -> Result<(Config, bool, bool), Error> {
        let format: &'static dyn write::Writer = match &self.template {
            // The template lives for the whole run, which is the rest of the process.
            Some(path) => Box::leak(Box::new(write::Template::from_file(path)?)),
            None => write::find(&self.format).ok_or_else(|| Error::UnknownFormat {
                name: self.format.clone(),
                known: write::names(),
            })?,
        };
        let csv_columns = match &self.columns {
            Some(list) => write::parse_columns(list)?,
            None => write::DEFAULT_COLUMNS.to_vec(),
        };
        let citekey = key::Pattern::parse(&self.citekey)?;
        let delay = if self.arxiv_delay.is_finite() && self.arxiv_delay >= 0.0 {
            Duration::from_secs_f64(self.arxiv_delay.min(3600.0))
        } else {
            Duration::from_secs(3)
        };
        let config = Config {
            inputs: self.inputs,
            format,
            output: self.output,
            write: write::WriteOptions {
                abstracts: !self.no_abstract,
                csv_formula_guard: !self.no_formula_guard,
                ascii: self.ascii,
                csv_columns,
                csv_bom: self.bom,
            },
            enrich: enrich::Settings {
                enabled: !self.no_enrich,
                offline: self.offline,
                refresh: self.refresh,
                title_search: !self.no_title_search,
                arxiv_api: self.arxiv_api,
                arxiv_delay: delay,
                batch_size: usize::from(self.batch_size),
                timeout: self.timeout,
                max_retries: self.max_retries,
                retry_backoff: self.retry_backoff,
                cache_dir: self.cache_dir,
                progress: progress && !self.quiet,
            },
            citekey,
            keymap: self.keymap,
        };
        Ok((config, self.strict, self.quiet))
    }
}

/// A number of seconds (fractions allowed) from 0 to one hour.
fn seconds(text: &str) -> Result<Duration, String> {
    match text.parse::<f64>() {
        Ok(s) if (0.0..=3600.0).contains(&s) => Ok(Duration::from_secs_f64(s)),
        _ => Err(format!(
            "`{text}` is not a number of seconds from 0 to 3600"
        )),
    }
}
