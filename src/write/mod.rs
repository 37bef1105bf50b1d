//! Output formats: one [`Writer`] per file, all listed in [`REGISTRY`].

mod biblatex;
mod bibtex;
mod capitals;
pub mod csl;
mod csljson;
mod csv;
pub(crate) mod latex;
mod template;

use crate::model::Reference;
use std::io;

pub use self::csv::{parse_columns, DEFAULT_COLUMNS};
pub use self::template::Template;

/// Options that shape what writers emit. Each writer reads the options that apply to it.
#[derive(Debug, Clone)]
pub struct WriteOptions {
    /// Leave abstracts out (BibTeX, BibLaTeX, CSL-JSON, RIS, templates).
    pub abstracts: bool,
    /// Neutralise CSV cells that a spreadsheet would run as a formula.
    pub csv_formula_guard: bool,
    /// Spell non-ASCII characters as LaTeX accents and commands (BibTeX, BibLaTeX).
    pub ascii: bool,
    /// The CSV columns, in order (see [`parse_columns`]).
    pub csv_columns: Vec<&'static str>,
    /// Start CSV output with a UTF-8 byte order mark, which Excel needs to read UTF-8.
    pub csv_bom: bool,
    /// The CSL style for formatted reference lists; `None` means the default style.
    pub style: Option<csl::CslStyle>,
    /// Keep the list's sections as headings in formatted reference lists.
    pub group_by_section: bool,
}

impl Default for WriteOptions {
    fn default() -> Self {
        WriteOptions {
            abstracts: true,
            csv_formula_guard: true,
            ascii: false,
            csv_columns: DEFAULT_COLUMNS.to_vec(),
            csv_bom: false,
            style: None,
            group_by_section: false,
        }
    }
}

/// An output format.
pub trait Writer: Sync {
    /// The name used with `--format`.
    fn name(&self) -> &'static str;
    /// The file extension used with `--out-dir`.
    fn extension(&self) -> &'static str;
    /// One line for `mdbib formats`.
    fn description(&self) -> &'static str;
    /// Writes every reference to `out`.
    fn write(
        &self,
        refs: &[Reference],
        options: &WriteOptions,
        out: &mut dyn io::Write,
    ) -> io::Result<()>;
}

/// Every writer, in the order `mdbib formats` lists them. A new format is one file and one line here.
pub static REGISTRY: &[&dyn Writer] = &[
    &bibtex::BibTeX,
    &biblatex::BibLaTeX,
    &csljson::CslJson,
    &csv::Csv,
    &template::MARKDOWN,
    &template::RIS,
    &csl::TEXT,
    &csl::HTML,
];

/// The writer called `name`.
pub fn find(name: &str) -> Option<&'static dyn Writer> {
    REGISTRY.iter().copied().find(|w| w.name() == name)
}

/// The names of all writers, comma-separated, for messages.
pub fn names() -> String {
    REGISTRY
        .iter()
        .map(|w| w.name())
        .collect::<Vec<_>>()
        .join(", ")
}
