//! The command line: clap-derive structs, turned into a checked [`mdbib::Config`].

use clap::{Args, Parser, Subcommand};
use mdbib::{enrich, filter, key, write, Config, Error};
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
    /// Read paper lists (Markdown, BibTeX, CSL-JSON) and write references in one or more formats.
    Export(Box<ExportArgs>),
    /// List the output formats.
    Formats,
    /// Report problems in paper lists: paper lines that gave no entry, entries without an
    /// identifier, duplicates, malformed links, odd names.
    Check(CheckArgs),
    /// Print a shell completion script.
    Completions {
        /// The shell.
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
}

/// Arguments of `mdbib check`.
#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Lists to check (Markdown, BibTeX, CSL-JSON; directories are searched for `*.md`).
    #[arg(value_name = "INPUT")]
    pub inputs: Vec<PathBuf>,

    /// Exit with code 3 when there are findings.
    #[arg(long)]
    pub strict: bool,

    /// Print no findings, only errors (with --strict, the exit code tells whether there were
    /// any).
    #[arg(short, long)]
    pub quiet: bool,
}

/// Arguments of `mdbib export`.
#[derive(Debug, Args)]
pub struct ExportArgs {
    /// Lists to read: Markdown, BibTeX (.bib), CSL-JSON (.json), or directories searched for
    /// `*.md`; `-` (or none) reads standard input.
    #[arg(value_name = "INPUT")]
    pub inputs: Vec<PathBuf>,

    /// Output formats, comma-separated (see `mdbib formats`); several need --out-dir.
    #[arg(short, long, value_name = "FORMAT", default_value = "bibtex", hide_possible_values = true,
          value_parser = Completes::new(&FORMATS, clap::builder::StringValueParser::new()))]
    pub format: String,

    /// Write to FILE instead of standard output (atomically: all or nothing); `-` is standard
    /// output.
    #[arg(short, long, value_name = "FILE", conflicts_with = "out_dir")]
    pub output: Option<PathBuf>,

    /// Write one file per input and format into DIR (`a.md` → `DIR/a.bib`; lists found in a
    /// directory given keep their subfolders: `repos/x/README.md` → `DIR/x/README.bib`).
    #[arg(long, value_name = "DIR")]
    pub out_dir: Option<PathBuf>,

    /// Keep entries with a section path containing TEXT (case-insensitive).
    #[arg(long, value_name = "TEXT")]
    pub section: Option<String>,

    /// Keep entries from YEAR or later.
    #[arg(long, value_name = "YEAR")]
    pub since: Option<i32>,

    /// Keep entries from YEAR or earlier.
    #[arg(long, value_name = "YEAR")]
    pub until: Option<i32>,

    /// Keep entries of one kind: preprint, conference-paper, journal-article, dataset, book,
    /// chapter, thesis, report, other.
    #[arg(long, value_name = "KIND", hide_possible_values = true,
          value_parser = Completes::new(&KINDS, parse_kind))]
    pub kind: Option<mdbib::model::Kind>,

    /// Leave abstracts out of BibTeX, BibLaTeX, CSL-JSON, RIS and templates.
    #[arg(long)]
    pub no_abstract: bool,

    /// CSL style for `text`, `markdown` and `html`: a bundled name (apa, ieee, vancouver,
    /// chicago-author-date, mla, nature, ...) or a .csl file.
    #[arg(long, value_name = "NAME|FILE.csl", hide_possible_values = true,
          value_parser = Completes::new(&STYLES, clap::builder::StringValueParser::new()))]
    pub style: Option<String>,

    /// Group formatted reference lists under the list's sections.
    #[arg(long, value_name = "GROUPING", value_parser = ["section"])]
    pub group_by: Option<String>,

    /// Do not neutralise CSV cells that start like a spreadsheet formula.
    #[arg(long)]
    pub no_formula_guard: bool,

    /// BibTeX/BibLaTeX: spell non-ASCII characters as LaTeX (é → {\'e}, “ → ``,
    /// α → \ensuremath{\alpha}), other scripts by their closest ASCII.
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

    /// Exit with code 3 when some lookups got no answer (a service failed, or offline, nothing was
    /// cached); an entry no service knows is no failure. No effect with --no-enrich.
    #[arg(long)]
    pub strict: bool,

    /// Print no progress, summary or warnings; errors only.
    #[arg(short, long)]
    pub quiet: bool,

    /// arXiv API query endpoint (a mirror or a test server).
    #[arg(long, value_name = "URL", env = "MDBIB_ARXIV_API", default_value = enrich::DEFAULT_ARXIV_API, value_parser = |t: &str| parse_api_url(t, "MDBIB_ARXIV_API"))]
    pub arxiv_api: String,

    /// Seconds between two arXiv requests, 0 to 3600 (arXiv asks for 3; 0 for mirrors and tests).
    #[arg(long, value_name = "SECONDS", default_value = "3", value_parser = parse_seconds, allow_negative_numbers = true)]
    pub arxiv_delay: Duration,

    /// arXiv ids per request, 1 to 2000.
    #[arg(long, value_name = "N", default_value_t = 100, value_parser = clap::value_parser!(u16).range(1..=2000))]
    pub batch_size: u16,

    /// Services to ask, comma-separated: arxiv, crossref, s2, datacite.
    #[arg(long, value_name = "LIST", default_value = "arxiv,crossref,s2,datacite", hide_possible_values = true,
          value_parser = Completes::new(&SOURCES, enrich::Sources::parse))]
    pub sources: enrich::Sources,

    /// Write the published version of a preprint when one is known (published), or the preprint.
    #[arg(long, value_name = "WHICH", default_value = "published", value_parser = ["published", "preprint"])]
    pub prefer: String,

    /// Crossref API base URL (requests go to URL/works/DOI).
    #[arg(long, value_name = "URL", env = "MDBIB_CROSSREF_API", default_value = enrich::crossref::DEFAULT_API, value_parser = |t: &str| parse_api_url(t, "MDBIB_CROSSREF_API"))]
    pub crossref_api: String,

    /// Semantic Scholar API base URL (requests go to URL/graph/v1/paper/batch).
    #[arg(long, value_name = "URL", env = "MDBIB_S2_API", default_value = enrich::s2::DEFAULT_API, value_parser = |t: &str| parse_api_url(t, "MDBIB_S2_API"))]
    pub s2_api: String,

    /// DataCite API base URL (requests go to URL/dois/DOI).
    #[arg(long, value_name = "URL", env = "MDBIB_DATACITE_API", default_value = enrich::datacite::DEFAULT_API, value_parser = |t: &str| parse_api_url(t, "MDBIB_DATACITE_API"))]
    pub datacite_api: String,

    /// Contact address for Crossref's polite pool.
    #[arg(long, value_name = "EMAIL", env = "MDBIB_MAILTO")]
    pub mailto: Option<String>,

    /// Most seconds spent on one request, retries and waits included (0 to 3600).
    #[arg(long, value_name = "SECONDS", default_value = "120", value_parser = parse_seconds, allow_negative_numbers = true)]
    pub retry_time: Duration,

    /// Seconds one try of a request may take before it counts as failed (above 0, at most 3600).
    #[arg(long, value_name = "SECONDS", default_value = "30", value_parser = parse_timeout, allow_negative_numbers = true)]
    pub timeout: Duration,

    /// How often a request that timed out or got HTTP 429/5xx is tried again, 0 to 20.
    #[arg(long, value_name = "N", default_value_t = 3, value_parser = clap::value_parser!(u32).range(0..=20))]
    pub max_retries: u32,

    /// Seconds to wait before the first retry, 0 to 3600; each further one waits twice as long
    /// (with jitter).
    #[arg(long, value_name = "SECONDS", default_value = "1", value_parser = parse_seconds, allow_negative_numbers = true)]
    pub retry_backoff: Duration,

    /// Cache directory [default: $XDG_CACHE_HOME/mdbib or ~/.cache/mdbib].
    #[arg(long, value_name = "DIR")]
    pub cache_dir: Option<PathBuf>,
}

impl ExportArgs {
    /// Checks the arguments and builds the library's configuration.
    pub fn into_config(self, progress: bool) -> Result<(Config, bool, bool, Vec<String>), Error> {
        let mut formats = match &self.template {
            // The template lives for the whole run, which is the rest of the process.
            Some(path) => vec![&*Box::leak(Box::new(write::Template::from_file(path)?))
                as &'static dyn write::Writer],
            None => self
                .format
                .split(',')
                .map(str::trim)
                .filter(|n| !n.is_empty())
                .map(|name| {
                    write::find(name).ok_or_else(|| Error::UnknownFormat {
                        name: name.to_string(),
                        known: write::names(),
                    })
                })
                .collect::<Result<Vec<_>, _>>()?,
        };
        if formats.is_empty() {
            return Err(Error::Usage(format!(
                "--format `{}` names no format (known: {})",
                self.format,
                write::names()
            )));
        }
        // A format named twice is written once.
        let mut named = Vec::new();
        formats.retain(|f| {
            let first = !named.contains(&f.name());
            named.push(f.name());
            first
        });
        // Two formats with one extension would write the same file for each input.
        for (i, a) in formats.iter().enumerate() {
            if let Some(b) = formats[..i].iter().find(|b| b.extension() == a.extension()) {
                return Err(Error::Usage(format!(
                    "--format {}: {} and {} both write .{} files; export them in two runs",
                    self.format,
                    b.name(),
                    a.name(),
                    a.extension()
                )));
            }
        }
        if formats.len() != 1 && self.out_dir.is_none() {
            return Err(Error::Usage(format!(
                "--format {}: several formats need --out-dir (standard output and -o take one)",
                self.format
            )));
        }
        // Options for formats this run does not write do nothing: say so rather than ignore them.
        let names: Vec<&str> = formats.iter().map(|f| f.name()).collect();
        let is_template = self.template.is_some();
        let mut unused = Vec::new();
        for (given, flag, affects) in [
            (self.bom, "--bom", &["csv"][..]),
            (self.columns.is_some(), "--columns", &["csv"]),
            (self.no_formula_guard, "--no-formula-guard", &["csv"]),
            (self.ascii, "--ascii", &["bibtex", "biblatex"]),
            (
                self.style.is_some(),
                "--style",
                &["text", "html", "markdown"],
            ),
            (
                self.group_by.is_some(),
                "--group-by",
                &["text", "html", "markdown"],
            ),
            (
                self.no_abstract,
                "--no-abstract",
                &["bibtex", "biblatex", "csljson", "ris"],
            ),
        ] {
            let used = names.iter().any(|n| affects.contains(n))
                || (is_template && flag == "--no-abstract");
            if given && !used {
                unused.push(format!(
                    "{flag} has no effect on {} output (it is for {})",
                    names.join(", "),
                    affects.join(", ")
                ));
            }
        }
        if let (Some(since), Some(until)) = (self.since, self.until) {
            if since > until {
                return Err(mdbib::Error::Usage(format!(
                    "--since {since} is after --until {until}: no year is in between"
                )));
            }
        }
        let csv_columns = match &self.columns {
            Some(list) => write::parse_columns(list)?,
            None => write::DEFAULT_COLUMNS.to_vec(),
        };
        let citekey = key::Pattern::parse(&self.citekey)?;
        let style = self
            .style
            .as_deref()
            .map(write::csl::CslStyle::load)
            .transpose()?;
        let style_files = style.as_ref().map(|s| s.files.clone()).unwrap_or_default();
        let config = Config {
            inputs: self.inputs,
            formats,
            output: self.output.filter(|o| o.as_os_str() != "-"),
            out_dir: self.out_dir,
            filter: filter::Filter {
                section: self.section,
                since: self.since,
                until: self.until,
                kind: self.kind,
            },
            write: write::WriteOptions {
                abstracts: !self.no_abstract,
                csv_formula_guard: !self.no_formula_guard,
                ascii: self.ascii,
                csv_columns,
                csv_bom: self.bom,
                style,
                group_by_section: self.group_by.is_some(),
            },
            enrich: enrich::Settings {
                enabled: !self.no_enrich,
                offline: self.offline,
                refresh: self.refresh,
                title_search: !self.no_title_search,
                sources: self.sources,
                prefer_published: self.prefer == "published",
                crossref_api: or_default(self.crossref_api, enrich::crossref::DEFAULT_API),
                s2_api: or_default(self.s2_api, enrich::s2::DEFAULT_API),
                datacite_api: or_default(self.datacite_api, enrich::datacite::DEFAULT_API),
                mailto: self.mailto.filter(|m| !m.trim().is_empty()),
                // Read from the environment only: a key on the command line ends up in logs.
                s2_api_key: std::env::var("MDBIB_S2_API_KEY")
                    .ok()
                    .filter(|k| !k.trim().is_empty()),
                retry_time: self.retry_time,
                arxiv_api: or_default(self.arxiv_api, enrich::DEFAULT_ARXIV_API),
                arxiv_delay: self.arxiv_delay,
                batch_size: usize::from(self.batch_size),
                timeout: self.timeout,
                max_retries: self.max_retries,
                retry_backoff: self.retry_backoff,
                cache_dir: self.cache_dir,
                progress: progress && !self.quiet,
            },
            citekey,
            keymap: self.keymap,
            reads: self.template.into_iter().chain(style_files).collect(),
        };
        Ok((config, self.strict, self.quiet, unused))
    }
}

/// The values shell completions offer for an option whose own parser reads it (comma-separated
/// lists, its own messages): `mdbib completions` lists them, parsing is left to `parse`.
#[derive(Clone)]
struct Completes<P> {
    values: &'static std::sync::LazyLock<Vec<&'static str>>,
    parse: P,
}

impl<P> Completes<P> {
    fn new(values: &'static std::sync::LazyLock<Vec<&'static str>>, parse: P) -> Self {
        Completes { values, parse }
    }
}

impl<P: clap::builder::TypedValueParser> clap::builder::TypedValueParser for Completes<P> {
    type Value = P::Value;

    fn parse_ref(
        &self,
        cmd: &clap::Command,
        arg: Option<&clap::Arg>,
        value: &std::ffi::OsStr,
    ) -> Result<Self::Value, clap::Error> {
        self.parse.parse_ref(cmd, arg, value)
    }

    fn possible_values(
        &self,
    ) -> Option<Box<dyn Iterator<Item = clap::builder::PossibleValue> + '_>> {
        Some(Box::new(
            self.values
                .iter()
                .map(|v| clap::builder::PossibleValue::new(*v)),
        ))
    }
}

static FORMATS: std::sync::LazyLock<Vec<&'static str>> =
    std::sync::LazyLock::new(|| write::REGISTRY.iter().map(|w| w.name()).collect());
static KINDS: std::sync::LazyLock<Vec<&'static str>> =
    std::sync::LazyLock::new(|| mdbib::model::Kind::ALL.iter().map(|k| k.name()).collect());
static STYLES: std::sync::LazyLock<Vec<&'static str>> =
    std::sync::LazyLock::new(|| write::csl::COMMON_STYLES.to_vec());
static SOURCES: std::sync::LazyLock<Vec<&'static str>> =
    std::sync::LazyLock::new(|| vec!["arxiv", "crossref", "s2", "datacite"]);

fn parse_kind(name: &str) -> Result<mdbib::model::Kind, String> {
    filter::parse_kind(name).ok_or_else(|| {
        let known: Vec<&str> = mdbib::model::Kind::ALL.iter().map(|k| k.name()).collect();
        format!("unknown kind `{name}` (known: {})", known.join(", "))
    })
}

/// A number of seconds (fractions allowed) from 0 to one hour.
/// A metadata service's address: an `http` or `https` URL with a host, else a usage error (not a
/// warning per request, after which the run would still succeed).
/// An API's URL; empty for the default (an environment variable set to nothing is no setting).
/// `env` names the variable that may have given it, as the error names only the option.
fn parse_api_url(text: &str, env: &str) -> Result<String, String> {
    match reqwest::Url::parse(text) {
        _ if text.trim().is_empty() => Ok(String::new()),
        Ok(url) if matches!(url.scheme(), "http" | "https") && url.host().is_some() => {
            Ok(text.to_string())
        }
        _ => Err(format!(
            "`{text}` is not an http or https URL (from the option or from {env})"
        )),
    }
}

/// `url`, or `default` when it was given empty.
fn or_default(url: String, default: &str) -> String {
    match url.is_empty() {
        true => default.to_string(),
        false => url,
    }
}

/// [`parse_seconds`] above 0: a try that may take no time at all always fails.
fn parse_timeout(text: &str) -> Result<Duration, String> {
    parse_seconds(text)
        .ok()
        .filter(|d| !d.is_zero())
        .ok_or_else(|| format!("`{text}` is not a number of seconds above 0, at most 3600"))
}

fn parse_seconds(text: &str) -> Result<Duration, String> {
    match text.parse::<f64>() {
        Ok(s) if (0.0..=3600.0).contains(&s) => Ok(Duration::from_secs_f64(s)),
        _ => Err(format!(
            "`{text}` is not a number of seconds from 0 to 3600"
        )),
    }
}
