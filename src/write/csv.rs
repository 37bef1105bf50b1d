//! CSV: one row per reference, RFC 4180 quoting, UTF-8, safe to open in a spreadsheet.

use super::{WriteOptions, Writer};
use crate::error::Error;
use crate::model::Reference;
use std::io;

/// The CSV writer.
pub struct Csv;

/// Every column, in the default order. The first eleven are a stable contract.
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
    "dataset",
    "links",
    "date",
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
        if options.csv_bom {
            out.write_all("\u{feff}".as_bytes())?;
        }
        let mut w = csv::WriterBuilder::new()
            .terminator(csv::Terminator::CRLF)
            .from_writer(out);
        w.write_record(&options.csv_columns).map_err(io_error)?;
        let cells: Vec<Cell> = options.csv_columns.iter().map(|c| cell_of(c)).collect();
        // Each cell is made in this one buffer, behind the apostrophe a formula
        // needs (written only then).
        let mut buf = String::new();
        for r in refs {
            for cell in &cells {
                buf.clear();
                buf.push('\'');
                cell(r, &mut buf);
                let start = if options.csv_formula_guard && is_formula(&buf[1..]) {
                    0
                } else {
                    1
                };
                w.write_field(&buf.as_bytes()[start..]).map_err(io_error)?;
            }
            w.write_record(None::<&[u8]>).map_err(io_error)?;
        }
        w.flush()
    }
}

/// The I/O error inside a csv error, so its kind (a closed pipe) survives; csv's own conversion
/// makes every error `ErrorKind::Other`.
fn io_error(err: csv::Error) -> io::Error {
    match err.kind() {
        csv::ErrorKind::Io(inner) => io::Error::new(inner.kind(), err),
        _ => io::Error::other(err),
    }
}

/// Reads `--columns`: names from [`DEFAULT_COLUMNS`], comma-separated, in the order wanted.
pub fn parse_columns(list: &str) -> Result<Vec<&'static str>, Error> {
    let mut columns = Vec::new();
    // Names in any case; an empty name (`title,`, `title,,year`) is no column.
    for name in list.split(',').map(str::trim).filter(|n| !n.is_empty()) {
        let column = (DEFAULT_COLUMNS.iter().copied())
            .find(|c| c.eq_ignore_ascii_case(name))
            .ok_or_else(|| Error::UnknownColumn {
                name: name.to_string(),
                known: DEFAULT_COLUMNS.join(", "),
            })?;
        if columns.contains(&column) {
            return Err(Error::ColumnTwice {
                name: column.to_string(),
            });
        }
        columns.push(column);
    }
    if columns.is_empty() {
        return Err(Error::NoColumns {
            known: DEFAULT_COLUMNS.join(", "),
        });
    }
    Ok(columns)
}

/// How a column's cell is made from a reference: appended to the buffer given.
type Cell = fn(&Reference, &mut String);

/// The cell maker of `column`, looked up once per column rather than once per cell.
fn cell_of(column: &str) -> Cell {
    fn opt(o: &Option<String>, out: &mut String) {
        out.push_str(o.as_deref().unwrap_or_default());
    }
    match column {
        "citekey" => |r, out| out.push_str(&r.citekey),
        "type" => |r, out| out.push_str(r.kind.name()),
        "title" => |r, out| out.push_str(&super::latex::scripts_as_unicode(&r.title)),
        "authors" => |r, out| {
            for (i, p) in r.authors.iter().enumerate() {
                if i > 0 {
                    out.push_str("; ");
                }
                p.display_into(out);
            }
            if r.et_al {
                out.push_str(if r.authors.is_empty() {
                    "et al."
                } else {
                    "; et al."
                });
            }
        },
        "year" => |r, out| {
            if let Some(y) = r.year() {
                crate::text::push_number(out, y, 0);
            }
        },
        "month" => |r, out| {
            if let Some(m) = r.date.and_then(|d| d.month) {
                crate::text::push_number(out, m, 0);
            }
        },
        // The whole date as far as known, `2024-01-02`, `2024-01` or `2024`: one column a
        // spreadsheet sorts by (and reads as a date).
        "date" => |r, out| {
            if let Some(d) = r.date {
                d.iso_into(out);
            }
        },
        "venue" => |r, out| out.push_str(r.venue.as_ref().map_or("", |v| v.name.as_str())),
        // `arXiv:1803.07710`: a bare new-style id is a number to a spreadsheet (1803.0771).
        "arxiv" => |r, out| {
            if let Some(a) = &r.arxiv {
                out.push_str("arXiv:");
                out.push_str(&a.id);
            }
        },
        "doi" => |r, out| opt(&r.doi, out),
        "url" => |r, out| out.extend(super::bibtex::paper_url_parts(r).into_iter().flatten()),
        "code" => |r, out| opt(&r.links.code, out),
        "project" => |r, out| opt(&r.links.project, out),
        "dataset" => |r, out| opt(&r.links.dataset, out),
        // Links of no other column, as the list labels them: `blog: https://... | model: ...`.
        "links" => |r, out| {
            let start = out.len();
            for (label, url) in &r.links.other {
                if out.len() > start {
                    out.push_str(" | ");
                }
                if !label.is_empty() {
                    out.push_str(label);
                    out.push_str(": ");
                }
                out.push_str(url);
            }
        },
        "section" => |r, out| r.sections_into(" | ", out),
        "abstract" => |r, out| opt(&r.abstract_text, out),
        "primary_category" => |r, out| opt(&r.primary_category, out),
        "journal_ref" => |r, out| opt(&r.journal_ref, out),
        "volume" => |r, out| opt(&r.volume, out),
        "issue" => |r, out| opt(&r.issue, out),
        "pages" => |r, out| opt(&r.pages, out),
        "publisher" => |r, out| opt(&r.publisher, out),
        "file" => |r, out| match r.origin.file.to_str() {
            Some(file) => out.push_str(file),
            None => out.push_str(&r.origin.file.to_string_lossy()),
        },
        "line" => |r, out| {
            crate::text::push_number(out, r.origin.line, 0);
        },
        _ => |_, _| {},
    }
}

/// Spreadsheets run cells that start with `=`, `+`, `-`, `@`, tab or carriage return as formulas;
/// a leading apostrophe makes them text (the OWASP recommendation).
/// A lone `-` (standard input in the `file` column) is no formula and stays as it is.
fn is_formula(cell: &str) -> bool {
    cell.starts_with(['=', '+', '-', '@', '\t', '\r']) && cell != "-"
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_are_checked_and_ordered() {
        assert_eq!(parse_columns("title, year").unwrap(), ["title", "year"]);
        // Any case; empty names are none.
        assert_eq!(parse_columns("Title,,YEAR,").unwrap(), ["title", "year"]);
        let twice = parse_columns("title,year,title").unwrap_err().to_string();
        assert!(twice.contains("`title` named twice"), "{twice}");
        assert!(parse_columns(" , ")
            .unwrap_err()
            .to_string()
            .contains("no CSV column"));
        let err = parse_columns("title,colour").unwrap_err().to_string();
        assert!(
            err.contains("`colour`") && err.contains("citekey, type, title"),
            "{err}"
        );
    }

    #[test]
    fn embedded_newlines_and_quotes_are_quoted() {
        let mut r = Reference::new(
            "Say \"hi\",\nthen go".into(),
            crate::model::Origin {
                file: std::path::Path::new("t.md").into(),
                line: 1,
            },
        );
        r.abstract_text = Some("line one\r\nline two".into());
        let options = WriteOptions {
            csv_columns: vec!["title", "abstract"],
            ..WriteOptions::default()
        };
        let mut out = Vec::new();
        Csv.write(&[r], &options, &mut out).unwrap();
        assert_eq!(
            String::from_utf8(out.clone()).unwrap(),
            "title,abstract\r\n\"Say \"\"hi\"\",\nthen go\",\"line one\r\nline two\"\r\n"
        );
        let mut rdr = ::csv::Reader::from_reader(out.as_slice());
        let row = rdr.records().next().unwrap().unwrap();
        assert_eq!(&row[0], "Say \"hi\",\nthen go");
        assert_eq!(&row[1], "line one\r\nline two");
    }

    #[test]
    fn formula_starts_are_told_apart() {
        for cell in ["=SUM(A1)", "+1", "-1", "@home", "\tx", "\rx"] {
            assert!(is_formula(cell), "{cell:?}");
        }
        for cell in ["a=b", "-", "", "x-1"] {
            assert!(!is_formula(cell), "{cell:?}");
        }
    }
}
