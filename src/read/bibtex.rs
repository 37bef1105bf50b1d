//! The BibTeX/BibLaTeX reader, on the biblatex crate.
//!
//! A whole file is parsed at once when it can be. When the crate rejects it (one lone `$` in an
//! abstract is enough), the file is cut into entries at top-level `@` and each is parsed on its
//! own, so one bad entry costs that entry only, and is named with its line. An entry that fails
//! because of `$` signs is read again with them taken literally.

use crate::ids;
use crate::model::{Date, Kind, Origin, Person, Reference, Source, Venue};
use crate::venue;
use biblatex::{Bibliography, ChunksExt, Entry, EntryType, Field, Pair, RawBibliography, RawChunk};
use std::collections::HashMap;
use std::path::Path;

/// One `@type{...}` block of the file.
struct Block<'t> {
    text: &'t str,
    line: usize,
    /// `@string{...}` definitions are needed by every entry that uses them.
    is_string: bool,
    key: Option<&'t str>,
    /// How many braces, opening and closing, the block holds.
    braces: usize,
}

/// The most braces an entry may hold. The biblatex crate takes time quadratic in the braces of
/// a field (a 200 KB field of them takes minutes); real entries hold a few dozen.
const MAX_BRACES: usize = 2000;

/// How deep `@string` definitions may refer to one another. The biblatex crate expands them
/// recursively, so one that refers back to itself would overflow the stack.
const MAX_STRING_DEPTH: usize = 32;

/// Parses with the biblatex crate, with the definitions of `strings` the text uses, after
/// checking the `@string` definitions it would expand. Only the fields that are read are
/// resolved (LaTeX to Unicode): bibliography managers add large fields (`bdsk-file-1`, `file`,
/// `date-added`) that would double the work.
fn parse(text: &str, strings: &[Pair]) -> Result<Bibliography, String> {
    let mut raw = RawBibliography::parse(text).map_err(|e| e.kind.to_string())?;
    for entry in &mut raw.entries {
        entry
            .v
            .fields
            .retain(|f| USED_FIELDS.iter().any(|u| f.key.v.eq_ignore_ascii_case(u)));
    }
    let mut used = used_strings(&raw, strings);
    used.append(&mut raw.abbreviations);
    raw.abbreviations = used;
    if let Some(name) = too_deep_string(&raw.abbreviations) {
        return Err(format!(
            "@string {name} refers to itself or nests more than {MAX_STRING_DEPTH} deep"
        ));
    }
    Bibliography::from_raw(raw).map_err(|e| e.kind.to_string())
}

/// The definitions in `strings` that the entries of `raw` use, directly or through one another,
/// in their order. Handing the crate only these keeps reading entry by entry linear in the
/// entries, not in entries × strings.
fn used_strings<'s>(raw: &RawBibliography<'s>, strings: &[Pair<'s>]) -> Vec<Pair<'s>> {
    fn names<'a, 's>(field: &'a Field<'s>) -> impl Iterator<Item = &'s str> + 'a {
        field.iter().filter_map(|chunk| match chunk.v {
            RawChunk::Abbreviation(name) => Some(name),
            RawChunk::Normal(_) => None,
        })
    }
    let mut wanted: Vec<&str> = raw
        .entries
        .iter()
        .flat_map(|e| &e.v.fields)
        .flat_map(|f| names(&f.value.v))
        .collect();
    let mut used = vec![false; strings.len()];
    while let Some(name) = wanted.pop() {
        for (pair, used) in strings.iter().zip(used.iter_mut()) {
            if !*used && pair.key.v == name {
                *used = true;
                wanted.extend(names(&pair.value.v));
            }
        }
    }
    strings
        .iter()
        .zip(used)
        .filter(|(_, used)| *used)
        .map(|(pair, _)| pair.clone())
        .collect()
}

/// The first `@string` whose expansion goes deeper than [`MAX_STRING_DEPTH`] or never ends.
fn too_deep_string<'s>(strings: &[Pair<'s>]) -> Option<&'s str> {
    let definitions: HashMap<&str, &Field> =
        strings.iter().map(|p| (p.key.v, &p.value.v)).collect();
    let mut depths = HashMap::new();
    strings
        .iter()
        .map(|p| p.key.v)
        .find(|name| expansion_depth(name, &definitions, &mut depths, 0) > MAX_STRING_DEPTH)
}

/// How many levels of `@string` the expansion of `name` goes through; the search stops past
/// [`MAX_STRING_DEPTH`], so a cycle counts as too deep. `depths` remembers finished names.
fn expansion_depth<'s>(
    name: &'s str,
    definitions: &HashMap<&'s str, &Field<'s>>,
    depths: &mut HashMap<&'s str, usize>,
    level: usize,
) -> usize {
    if level > MAX_STRING_DEPTH {
        return level;
    }
    if let Some(&depth) = depths.get(name) {
        return depth;
    }
    let Some(field) = definitions.get(name) else {
        return 0;
    };
    let depth = 1 + field
        .iter()
        .filter_map(|chunk| match chunk.v {
            RawChunk::Abbreviation(used) => Some(used),
            RawChunk::Normal(_) => None,
        })
        .map(|used| expansion_depth(used, definitions, depths, level + 1))
        .max()
        .unwrap_or(0);
    depths.insert(name, depth);
    depth
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
            braces: block.matches(['{', '}']).count(),
        });
        line += block.matches('\n').count();
    }
    out
}

/// Reads a BibTeX or BibLaTeX file. Entries that cannot be read are skipped with a warning
/// naming their line.
pub fn read(text: &str, file: &Path, warnings: &mut Vec<String>) -> Vec<Reference> {
    let (blocks, too_many): (Vec<Block>, Vec<Block>) = blocks(text)
        .into_iter()
        .partition(|b| b.braces <= MAX_BRACES);
    for block in &too_many {
        warnings.push(format!(
            "{}:{}: entry {} skipped: more than {MAX_BRACES} braces",
            file.display(),
            block.line,
            block.key.unwrap_or("?")
        ));
    }
    let lines: HashMap<&str, usize> = blocks
        .iter()
        .filter_map(|b| Some((b.key?, b.line)))
        .collect();
    let origin = |key: &str| Origin {
        file: file.to_path_buf(),
        line: lines.get(key).copied().unwrap_or(1),
    };
    if too_many.is_empty() {
        if let Ok(bib) = parse(text, &[]) {
            return bib.iter().map(|e| reference(e, origin(&e.key))).collect();
        }
    }
    // The `@string` definitions are parsed once; each entry gets those it uses.
    let strings_text: String = blocks
        .iter()
        .filter(|b| b.is_string)
        .map(|b| b.text)
        .collect();
    let strings = RawBibliography::parse(&strings_text)
        .map(|raw| raw.abbreviations)
        .map_err(|e| e.kind.to_string());
    let parse_entry = |text: &str| match &strings {
        Ok(strings) => parse(text, strings),
        Err(e) => Err(e.clone()),
    };
    let mut out = Vec::new();
    for block in blocks.iter().filter(|b| !b.is_string) {
        let head = block.text[1..].trim_start().to_ascii_lowercase();
        if head.starts_with("comment") || head.starts_with("preamble") {
            continue;
        }
        let where_ = format!("{}:{}", file.display(), block.line);
        let parsed = parse_entry(block.text);
        let parsed = match parsed {
            Ok(bib) => Ok(bib),
            Err(first) if block.text.contains('$') => {
                let literal = block.text.replace("\\$", "$").replace('$', "\\$");
                match parse_entry(&literal) {
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
                e
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
    fn entry_with_too_many_braces_costs_only_itself() {
        let nested = format!("{}x{}", "{".repeat(20_000), "}".repeat(20_000));
        let repeated = format!("{{{}}}", "{{x}}".repeat(20_000));
        for (key, title) in [("nested", nested), ("repeated", repeated)] {
            let text = format!(
                "@misc{{before, title={{Before}}}}\n@misc{{{key}, title={{{title}}}}}\n@misc{{after, title={{After}}}}\n"
            );
            let (refs, warnings) = read_str(&text);
            let titles: Vec<&str> = refs.iter().map(|r| r.title.as_str()).collect();
            assert_eq!(titles, ["Before", "After"]);
            assert_eq!(
                warnings,
                [format!(
                    "refs.bib:2: entry {key} skipped: more than 2000 braces"
                )]
            );
        }
    }

    #[test]
    fn string_that_refers_to_itself_is_refused_not_expanded() {
        for strings in ["@string{a = a}", "@string{a = b}\n@string{b = a}"] {
            let (refs, warnings) = read_str(&format!("{strings}\n@misc{{k, title = a}}\n"));
            assert!(refs.is_empty());
            assert_eq!(warnings.len(), 1, "{warnings:?}");
            assert!(
                warnings[0].contains("entry k skipped: @string a refers to itself"),
                "{warnings:?}"
            );
        }
    }

    #[test]
    fn strings_chained_as_deep_as_allowed_expand() {
        // s0 is defined directly, each further string uses the one before it.
        let last = MAX_STRING_DEPTH - 1;
        let chain: String = (1..=last)
            .map(|i| format!("@string{{s{i} = s{} # \"x\"}}\n", i - 1))
            .collect();
        let text = format!("@string{{s0 = \"T\"}}\n{chain}@misc{{k, title = s{last}}}\n");
        let (refs, warnings) = read_str(&text);
        assert!(warnings.is_empty(), "{warnings:?}");
        assert_eq!(refs[0].title, format!("T{}", "x".repeat(last)));
    }

    #[test]
    fn strings_reach_entries_read_one_by_one() {
        // The lone `$` sends the file entry by entry; each entry gets the strings it uses.
        let text = "@string{j = \"Journal\"}\n@string{jj = j # \" Two\"}\n\
                    @misc{a, title = jj}\n@misc{b, title = j # { costs $5}}\n";
        let (refs, warnings) = read_str(text);
        let titles: Vec<&str> = refs.iter().map(|r| r.title.as_str()).collect();
        assert_eq!(titles, ["Journal Two", "Journal costs $5"]);
        assert_eq!(warnings.len(), 1, "{warnings:?}");
        assert!(warnings[0].contains("entry b read with its `$` signs taken literally"));
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
