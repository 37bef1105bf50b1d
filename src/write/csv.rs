//! CSV: one row per reference, RFC 4180 quoting, UTF-8, safe to open in a spreadsheet.

use super::{WriteOptions, Writer};
use crate::model::Reference;
use std::io;

/// The CSV writer.
pub struct Csv;

/// The columns, in order. The first eleven are a stable contract.
pub const DEFAULT_COLUMNS: &[&str] = &[
    "citekey",
    "type",
    "title",
    "authors",
    "year",
    "venue",
    "arxiv",
    "doi",
    "url",
    "code",
    "section",
    "month",
    "abstract",
    "primary_category",
    "journal_ref",
    "project",
    "file",
    "line",
    "volume",
    "issue",
    "pages",
    "publisher",
];

impl Writer for Csv {
    fn name(&self) -> &'static str {
        "csv"
    }

    fn extension(&self) -> &'static str {
        "csv"
    }

    fn description(&self) -> &'static str {
        "CSV for spreadsheets: one row per reference, formula-like cells neutralised"
    }

    fn write(
        &self,
        refs: &[Reference],
        options: &WriteOptions,
        out: &mut dyn io::Write,
    ) -> io::Result<()> {
        let mut w = csv::WriterBuilder::new()
            .terminator(csv::Terminator::CRLF)
            .from_writer(out);
        w.write_record(DEFAULT_COLUMNS)?;
        for r in refs {
            let row = DEFAULT_COLUMNS.iter().map(|c| {
                let cell = cell(r, c);
                if options.csv_formula_guard {
                    guard(cell)
                } else {
                    cell
                }
            });
            w.write_record(row)?;
        }
        w.flush()
    }
}

/// The value of `column` for `r`.
fn cell(r: &Reference, column: &str) -> String {
    let opt = |o: &Option<String>| o.clone().unwrap_or_default();
    match column {
        "citekey" => r.citekey.clone(),
        "type" => r.kind.name().to_string(),
        "title" => r.title.clone(),
        "authors" => r
            .authors
            .iter()
            .map(|p| p.display())
            .collect::<Vec<_>>()
            .join("; "),
        "year" => r.year().map(|y| y.to_string()).unwrap_or_default(),
        "month" => r
            .date
            .and_then(|d| d.month)
            .map(|m| m.to_string())
            .unwrap_or_default(),
        "venue" => r.venue.as_ref().map(|v| v.name.clone()).unwrap_or_default(),
        "arxiv" => r.arxiv.as_ref().map(|a| a.id.clone()).unwrap_or_default(),
        "doi" => opt(&r.doi),
        "url" => super::bibtex::paper_url(r).unwrap_or_default(),
        "code" => opt(&r.links.code),
        "project" => opt(&r.links.project),
        "section" => r
            .sections
            .iter()
            .map(|p| p.join(" > "))
            .collect::<Vec<_>>()
            .join(" | "),
        "abstract" => opt(&r.abstract_text),
        "primary_category" => opt(&r.primary_category),
        "journal_ref" => opt(&r.journal_ref),
        "volume" => opt(&r.volume),
        "issue" => opt(&r.issue),
        "pages" => opt(&r.pages),
        "publisher" => opt(&r.publisher),
        "file" => r.origin.file.display().to_string(),
        "line" => r.origin.line.to_string(),
        _ => String::new(),
    }
}

/// Spreadsheets run cells that start with `=`, `+`, `-`, `@`, tab or carriage return as formulas;
/// a leading apostrophe makes them text (the OWASP recommendation).
fn guard(cell: String) -> String {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{cell}")
    } else {
        cell
    }
}
