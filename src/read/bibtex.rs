//! The BibTeX/BibLaTeX reader, on the biblatex crate.
//!
//! A whole file is parsed at once when it can be. When the crate rejects it (one lone `$` in an
//! abstract is enough), the file is cut into entries at top-level `@` and each is parsed on its
//! own, so one bad entry costs that entry only, and is named with its line. An entry that fails
//! because of `$` signs is read again with them taken literally.

use crate::ids;
use crate::model::{Date, Kind, Origin, Person, Reference, Source, Venue};
use crate::venue;
use biblatex::{Bibliography, ChunksExt, Entry, EntryType, RawBibliography};
use std::collections::HashMap;
use std::path::Path;

/// One `@type{...}` block of the file.
struct Block<'t> {
    text: &'t str,
    line: usize,
    /// `@string{...}` definitions are needed by every entry that uses them.
    is_string: bool,
    key: Option<&'t str>,
}

/// Cuts `text` at every `@` outside braces. Text between entries is BibTeX's comment.
fn blocks(text: &str) -> Vec<Block<'_>> {
    let mut starts = Vec::new();
    let mut depth = 0usize;
    for (i, c) in text.char_indices() {
        match c {
            '{' => depth += 1,
            '}' => depth = depth.saturating_sub(1),
            '@' if depth == 0 => starts.push(i),
            _ => {}
        }
    }
    let mut out = Vec::with_capacity(starts.len());
    let mut line = 1 + text[..starts.first().copied().unwrap_or(0)]
        .matches('\n')
        .count();
    for (n, &start) in starts.iter().enumerate() {
        let end = starts.get(n + 1).copied().unwrap_or(text.len());
        let block = &text[start..end];
        let head = block[1..].trim_start().to_ascii_lowercase();
        let key = block
            .find(['{', '('])
            .and_then(|open| block[open + 1..].split(',').next())
            .map(str::trim)
            .filter(|k| !k.is_empty() && !k.contains(char::is_whitespace));
        out.push(Block {
            text: block,
            line,
            is_string: head.starts_with("string"),
            key,
        });
        line += block.matches('\n').count();
    }
    out
}

/// Reads a BibTeX or BibLaTeX file. Entries that cannot be read are skipped with a warning
/// naming their line.
pub fn read(text: &str, file: &Path, warnings: &mut Vec<String>) -> Vec<Reference> {
    let blocks = blocks(text);
    let lines: HashMap<&str, usize> = blocks
        .iter()
        .filter_map(|b| Some((b.key?, b.line)))
        .collect();
    let origin = |key: &str| Origin {
        file: file.to_path_buf(),
        line: lines.get(key).copied().unwrap_or(1),
    };
    if let Ok(bib) = parse(text) {
        return bib.iter().map(|e| reference(e, origin(&e.key))).collect();
    }
    let strings: String = blocks
        .iter()
        .filter(|b| b.is_string)
        .map(|b| b.text)
        .collect();
    let mut out = Vec::new();
    for block in blocks.iter().filter(|b| !b.is_string) {
        let head = block.text[1..].trim_start().to_ascii_lowercase();
        if head.starts_with("comment") || head.starts_with("preamble") {
            continue;
        }
        let where_ = format!("{}:{}", file.display(), block.line);
        let parsed = parse(&format!("{strings}{}", block.text));
        let parsed = match parsed {
            Ok(bib) => Ok(bib),
            Err(first) if block.text.contains('$') => {
                let literal = block.text.replace("\\$", "$").replace('$', "\\$");
                match parse(&format!("{strings}{literal}")) {
                    Ok(bib) => {
                        warnings.push(format!(
                            "{where_}: entry {} read with its `$` signs taken literally",
                            block.key.unwrap_or("?")
                        ));
                        Ok(bib)
                    }
                    Err(_) => Err(first),
                }
            }
            Err(e) => Err(e),
        };
        match parsed {
            Ok(bib) => out.extend(bib.iter().map(|e| reference(e, origin(&e.key)))),
            Err(e) => warnings.push(format!(
                "{where_}: entry {} skipped: {}",
                block.key.unwrap_or("?"),
                e.kind
            )),
        }
    }
    out
}

/// The fields [`reference`] reads, and those that make one entry inherit from another.
const USED_FIELDS: &[&str] = &[
    "title",
    "author",
    "date",
    "year",
    "month",
    "doi",
    "url",
    "eprint",
    "archiveprefix",
    "eprinttype",
    "journal",
    "journaltitle",
    "booktitle",
    "eventtitle",
    "note",
    "howpublished",
    "abstract",
    "code",
    "keywords",
    "volume",
    "number",
    "pages",
    "publisher",
    "crossref",
    "xdata",
];

/// Parses BibTeX, resolving (LaTeX to Unicode) only the fields that are read: bibliography
/// managers add large fields (`bdsk-file-1`, `file`, `date-added`) that would double the work.
fn parse(text: &str) -> Result<Bibliography, biblatex::ParseError> {
    let mut raw = RawBibliography::parse(text)?;
    for entry in &mut raw.entries {
        entry
            .v
            .fields
            .retain(|f| USED_FIELDS.iter().any(|u| f.key.v.eq_ignore_ascii_case(u)));
    }
    Bibliography::from_raw(raw)
}

fn field(e: &Entry, name: &str) -> Option<String> {
    let text = e.get(name)?.format_verbatim();
    let text = crate::text::clean(&text);
    (!text.is_empty()).then_some(text)
}

/// Converts one parsed entry into a reference.
fn reference(e: &Entry, origin: Origin) -> Reference {
    let mut r = Reference::new(field(e, "title").unwrap_or_default(), origin);
    // The key a document cites stays the entry's key.
    r.citekey = e.key.clone();
    r.mark("citekey", crate::model::Source::List, None);
    if let Some(people) = e
        .get("author")
        .and_then(|c| c.parse::<Vec<biblatex::Person>>().ok())
    {
        r.authors = people
            .into_iter()
            .map(|p| {
                if p.given_name.is_empty() && p.prefix.is_empty() && p.name.contains(' ') {
                    Person::literal(&p.name)
                } else {
                    Person {
                        given: p.given_name,
                        family: p.name,
                        particle: p.prefix,
                        literal: String::new(),
                    }
                }
            })
            .collect();
    }
    r.date = field(e, "date")
        .and_then(|d| Date::parse_iso(d.trim()))
        .or_else(|| {
            let year: i32 = field(e, "year")?.trim().get(..4)?.parse().ok()?;
            let month = field(e, "month").and_then(|m| month_number(&m));
            Some(Date {
                year,
                month,
                day: None,
            })
        });
    r.doi = field(e, "doi").and_then(|d| ids::parse_doi(&d).or_else(|| ids::doi_from_url(&d)));
    let url = field(e, "url");
    let eprint = field(e, "eprint");
    let is_arxiv_eprint = ["archiveprefix", "eprinttype"]
        .iter()
        .filter_map(|f| field(e, f))
        .any(|v| v.eq_ignore_ascii_case("arxiv"));
    r.arxiv = eprint
        .as_deref()
        .and_then(|id| ids::parse_arxiv_id(id.trim_start_matches("arXiv:")))
        .filter(|_| {
            is_arxiv_eprint
                || field(e, "archiveprefix").is_none() && field(e, "eprinttype").is_none()
        })
        .or_else(|| url.as_deref().and_then(ids::arxiv_from_url))
        .or_else(|| r.doi.as_deref().and_then(ids::arxiv_from_doi))
        .or_else(|| {
            ["journal", "journaltitle", "note", "howpublished"]
                .iter()
                .filter_map(|f| field(e, f))
                .find_map(|v| ids::arxiv_in_text(&v).into_iter().next())
        });
    let venue_text = ["journaltitle", "journal", "booktitle", "eventtitle"]
        .iter()
        .find_map(|f| field(e, f));
    r.venue = venue_text.map(|v| {
        venue::recognise(&v).unwrap_or(Venue {
            written: v.clone(),
            name: v,
        })
    });
    let venue_is_arxiv = r.venue.as_ref().is_some_and(venue::is_preprint_server)
        || r.venue
            .as_ref()
            .is_some_and(|v| v.written.to_lowercase().contains("arxiv"));
    r.kind = match e.entry_type {
        EntryType::Article if venue_is_arxiv => Kind::Preprint,
        EntryType::Article => Kind::JournalArticle,
        EntryType::InProceedings | EntryType::Proceedings => Kind::ConferencePaper,
        EntryType::Dataset => Kind::Dataset,
        _ if r.arxiv.is_some() && (r.venue.is_none() || venue_is_arxiv) => Kind::Preprint,
        _ => Kind::Other,
    };
    r.abstract_text = field(e, "abstract");
    r.volume = field(e, "volume");
    r.issue = field(e, "number");
    r.pages = field(e, "pages");
    r.publisher = field(e, "publisher");
    r.links.paper = url;
    r.links.code = field(e, "code");
    // Sections travel in `keywords` as `A > B, C > D` (what the BibTeX writer writes).
    if let Some(k) = field(e, "keywords") {
        r.sections = k
            .split(", ")
            .map(|path| path.split(" > ").map(|s| s.trim().to_string()).collect())
            .collect();
    }
    for f in [
        "title", "authors", "date", "venue", "arxiv", "doi", "abstract", "links",
    ] {
        r.mark(f, Source::List, None);
    }
    for (f, value) in [
        ("volume", &r.volume),
        ("issue", &r.issue),
        ("pages", &r.pages),
        ("publisher", &r.publisher),
    ] {
        if value.is_some() {
            r.provenance.insert(
                f,
                crate::model::Provenance {
                    source: Source::List,
                    score: None,
                },
            );
        }
    }
    r
}

fn month_number(m: &str) -> Option<u8> {
    if let Ok(n) = m.trim().parse::<u8>() {
        return (1..=12).contains(&n).then_some(n);
    }
    let lower = m.trim().to_lowercase();
    const MONTHS: [&str; 12] = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    MONTHS
        .iter()
        .position(|p| lower.starts_with(p))
        .and_then(|i| u8::try_from(i + 1).ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_str(text: &str) -> (Vec<Reference>, Vec<String>) {
        let mut warnings = Vec::new();
        let refs = read(text, Path::new("refs.bib"), &mut warnings);
        (refs, warnings)
    }

    #[test]
    fn arxiv_ids_from_eprint_url_and_doi() {
        let (refs, warnings) = read_str(include_str!("../../fixtures/bibtex/valid.bib"));
        assert!(warnings.is_empty(), "{warnings:?}");
        let ids: Vec<Option<&str>> = refs
            .iter()
            .map(|r| r.arxiv.as_ref().map(|a| a.id.as_str()))
            .collect();
        assert_eq!(
            ids,
            [
                Some("1706.03762"),
                Some("2010.11929"),
                Some("2103.00020"),
                None
            ]
        );
        assert_eq!(refs[0].kind, Kind::Preprint);
        assert_eq!(refs[0].authors[0].family, "Vaswani");
        assert_eq!(refs[0].authors[0].given, "Ashish");
        assert_eq!(refs[0].year(), Some(2017));
        assert_eq!(refs[1].kind, Kind::ConferencePaper);
        assert_eq!(refs[1].venue.as_ref().unwrap().name, "ICLR");
        assert_eq!(refs[3].kind, Kind::JournalArticle);
        assert_eq!(refs[3].doi.as_deref(), Some("10.1038/nature14539"));
        assert_eq!(
            refs[3].date,
            Some(Date {
                year: 2015,
                month: Some(5),
                day: None
            })
        );
        assert_eq!(refs[3].origin.line, 26);
        assert_eq!(
            refs[2].sections,
            vec![
                vec!["Papers".to_string(), "Pre-training".to_string()],
                vec!["Models".to_string()]
            ]
        );
    }

    #[test]
    fn lone_dollar_costs_no_other_entry() {
        let (refs, warnings) = read_str(include_str!("../../fixtures/bibtex/lone-dollar.bib"));
        let titles: Vec<&str> = refs.iter().map(|r| r.title.as_str()).collect();
        assert_eq!(
            titles,
            [
                "First Paper",
                "Training Costs of Large Models",
                "Third Paper"
            ]
        );
        assert_eq!(warnings.len(), 1, "{warnings:?}");
        assert!(
            warnings[0].starts_with("refs.bib:7: entry costly"),
            "{warnings:?}"
        );
        assert!(refs[1].abstract_text.as_deref().unwrap().contains("$6.5M"));
    }

    #[test]
    fn broken_entry_is_named_and_skipped() {
        let (refs, warnings) = read_str(
            "@article{good, title={Good}, year=2020}\n\n@article{bad, title={Unclosed, year=2021\n",
        );
        assert_eq!(refs.len(), 1);
        assert_eq!(warnings.len(), 1, "{warnings:?}");
        assert!(
            warnings[0].starts_with("refs.bib:3: entry bad skipped"),
            "{warnings:?}"
        );
    }
}
