//! The command line: clap-derive structs, turned into a checked [`mdbib::Config`].

use clap::{Args, Parser, Subcommand};
use mdbib::{enrich, write, Config, Error};
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

    /// Services to ask, comma-separated: arxiv, crossref, s2, datacite.
    #[arg(long, value_name = "LIST", default_value = "arxiv,crossref,s2,datacite", value_parser = enrich::Sources::parse)]
    pub sources: enrich::Sources,

    /// Write the published version of a preprint when one is known (published), or the preprint.
    #[arg(long, value_name = "WHICH", default_value = "published", value_parser = ["published", "preprint"])]
    pub prefer: String,

    /// Crossref API base URL (requests go to URL/works/DOI).
    #[arg(long, value_name = "URL", env = "MDBIB_CROSSREF_API", default_value = enrich::crossref::DEFAULT_API)]
    pub crossref_api: String,

    /// Semantic Scholar API base URL (requests go to URL/graph/v1/paper/batch).
    #[arg(long, value_name = "URL", env = "MDBIB_S2_API", default_value = enrich::s2::DEFAULT_API)]
    pub s2_api: String,

    /// DataCite API base URL (requests go to URL/dois/DOI).
    #[arg(long, value_name = "URL", env = "MDBIB_DATACITE_API", default_value = enrich::datacite::DEFAULT_API)]
    pub datacite_api: String,

    /// Contact address for Crossref's polite pool.
    #[arg(long, value_name = "EMAIL", env = "MDBIB_MAILTO")]
    pub mailto: Option<String>,

    /// Most seconds spent on one request, retries and waits included.
    #[arg(long, value_name = "SECONDS", default_value_t = 120.0)]
    pub retry_time: f64,

    /// Cache directory [default: $XDG_CACHE_HOME/mdbib or ~/.cache/mdbib].
    #[arg(long, value_name = "DIR")]
    pub cache_dir: Option<PathBuf>,
}

impl ExportArgs {
    /// Checks the arguments and builds the library's configuration.
    pub fn into_config(self, progress: bool) -> Result<(Config, bool, bool), Error> {
        let format = write::find(&self.format).ok_or_else(|| Error::UnknownFormat {
            name: self.format.clone(),
            known: write::names(),
        })?;
        let delay = seconds(self.arxiv_delay, 3.0);
        let config = Config {
            inputs: self.inputs,
            format,
            output: self.output,
            write: write::WriteOptions {
                abstracts: !self.no_abstract,
                csv_formula_guard: !self.no_formula_guard,
            },
            enrich: enrich::Settings {
                enabled: !self.no_enrich,
                offline: self.offline,
                refresh: self.refresh,
                title_search: !self.no_title_search,
                sources: self.sources,
                prefer_published: self.prefer == "published",
                crossref_api: self.crossref_api,
                s2_api: self.s2_api,
                datacite_api: self.datacite_api,
                mailto: self.mailto.filter(|m| !m.trim().is_empty()),
                // Read from the environment only: a key on the command line ends up in logs.
                s2_api_key: std::env::var("MDBIB_S2_API_KEY")
                    .ok()
                    .filter(|k| !k.trim().is_empty()),
                retry_time: seconds(self.retry_time, 120.0),
                arxiv_api: self.arxiv_api,
                arxiv_delay: delay,
                batch_size: usize::from(self.batch_size),
                cache_dir: self.cache_dir,
                progress: progress && !self.quiet,
            },
        };
        Ok((config, self.strict, self.quiet))
    }
}

/// A number of seconds from the command line; negative or not-a-number values take the default.
fn seconds(value: f64, default: f64) -> Duration {
    let value = if value.is_finite() && value >= 0.0 {
        value
    } else {
        default
    };
    Duration::from_secs_f64(value.min(3600.0))
}
