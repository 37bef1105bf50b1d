//! The CSL-JSON reader: an array of CSL items (or one item), as Zotero, pandoc and mdbib write them.

use crate::error::{Error, Result};
use crate::ids;
use crate::model::{Date, Field, Kind, Origin, Person, Reference};
use crate::venue;
use serde_json::Value;
use std::path::Path;

/// Reads CSL-JSON. Invalid JSON is an error naming its line; an item that is not an object or has
/// no title is skipped with a warning.
pub fn read(text: &str, file: &Path, warnings: &mut Vec<super::Warning>) -> Result<Vec<Reference>> {
    let value: Value = serde_json::from_str(text).map_err(|e| Error::Parse {
        path: file.to_path_buf(),
        line: e.line(),
        message: format!("invalid CSL-JSON: {e}"),
    })?;
    let items = match value {
        Value::Array(items) => items,
        item @ Value::Object(_) => vec![item],
        _ => {
            return Err(Error::Parse {
                path: file.to_path_buf(),
                line: 1,
                message: "CSL-JSON must be an array of items".into(),
            })
        }
    };
    let mut out = Vec::with_capacity(items.len());
    let shared: std::sync::Arc<Path> = file.into();
    let lines = item_lines(text);
    for (n, item) in items.iter().enumerate() {
        let line = lines.get(n).copied().unwrap_or(1);
        match reference(item, &shared, line) {
            Some(r) => out.push(r),
            None => warnings.push(super::Warning {
                line,
                message: format!("item {} skipped: no title", n + 1),
            }),
        }
    }
    Ok(out)
}

/// The 1-based line where each element of the top-level array starts; empty when the text is
/// one item rather than an array. serde_json's values do not keep their positions.
fn item_lines(text: &str) -> Vec<usize> {
    let mut lines = Vec::new();
    let (mut line, mut depth) = (1, 0usize);
    let (mut in_string, mut escaped, mut expecting) = (false, false, false);
    for &b in text.as_bytes() {
        if b == b'\n' {
            line += 1;
        }
        if in_string {
            match b {
                _ if escaped => escaped = false,
                b'\\' => escaped = true,
                b'"' => in_string = false,
                _ => {}
            }
            continue;
        }
        if expecting && depth == 1 && !b.is_ascii_whitespace() && b != b']' {
            lines.push(line);
            expecting = false;
        }
        match b {
            b'"' => in_string = true,
            b'[' | b'{' => {
                depth += 1;
                expecting |= depth == 1 && b == b'[';
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            b',' => expecting |= depth == 1,
            _ => {}
        }
    }
    lines
}

/// CSL's rich text (`<i>`, `<b>`, `<sup>`, `<sub>`, `<span class="nocase">`, small caps) as
/// plain text, and the text of its nocase spans, whose case a style must keep.
fn rich_text(text: &str) -> (String, Vec<String>) {
    if !text.contains('<') {
        return (text.to_string(), Vec::new());
    }
    const NOCASE: &str = "<span class=\"nocase\">";
    const TAGS: [&str; 11] = [
        "<i>",
        "</i>",
        "<b>",
        "</b>",
        "<sup>",
        "</sup>",
        "<sub>",
        "</sub>",
        "<span style=\"font-variant:small-caps;\">",
        "<span class=\"nocase\">",
        "</span>",
    ];
    // A span inside a word (`<nocase>A</nocase>rtificial`) keeps that word's case, not the
    // span's text wherever else it stands.
    let word_char = |c: char| c.is_alphanumeric();
    let mut kept = Vec::new();
    let mut rest = text;
    while let Some(at) = rest.find(NOCASE) {
        let before = &rest[..at];
        let head = &before[before.trim_end_matches(word_char).len()..];
        let inner = &rest[at + NOCASE.len()..];
        let end = inner.find("</span>").unwrap_or(inner.len());
        let after = inner[end..].strip_prefix("</span>").unwrap_or_default();
        let tail = &after[..after.len() - after.trim_start_matches(word_char).len()];
        let mut plain = [head, &inner[..end], tail].concat();
        TAGS.iter().for_each(|t| plain = plain.replace(t, ""));
        kept.push(plain);
        rest = &inner[end..];
    }
    let mut plain = text.to_string();
    TAGS.iter().for_each(|t| plain = plain.replace(t, ""));
    (plain, kept)
}

fn string(item: &Value, key: &str) -> Option<String> {
    let text = match item.get(key)? {
        Value::String(s) => s.trim().to_string(),
        Value::Number(n) => n.to_string(),
        _ => return None,
    };
    (!text.is_empty()).then_some(text)
}

fn person(v: &Value) -> Option<Person> {
    if let Some(literal) = string(v, "literal") {
        return Some(Person::literal(&literal));
    }
    Some(Person {
        family: string(v, "family")?,
        given: string(v, "given").unwrap_or_default(),
        particle: string(v, "non-dropping-particle")
            .or_else(|| string(v, "dropping-particle"))
            .unwrap_or_default(),
        suffix: string(v, "suffix").unwrap_or_default(),
        literal: String::new(),
    })
}

fn date(item: &Value) -> Option<Date> {
    let parts = item.get("issued")?.get("date-parts")?.get(0)?.as_array()?;
    date_parts(parts.iter().map(Some))
}

/// A CSL `date-parts` row (`[year, month, day]`, numbers or numeric strings; Crossref uses the
/// same form), as far as it gives a valid date.
pub(crate) fn date_parts<'a>(parts: impl IntoIterator<Item = Option<&'a Value>>) -> Option<Date> {
    let mut numbers = parts.into_iter().map(|p| match p? {
        Value::Number(n) => n.as_i64(),
        Value::String(s) => s.trim().parse().ok(),
        _ => None,
    });
    let year = i32::try_from(numbers.next()??).ok()?;
    let month = numbers
        .next()
        .flatten()
        .and_then(|m| u8::try_from(m).ok())
        .filter(|m| (1..=12).contains(m));
    let day = numbers
        .next()
        .flatten()
        .and_then(|d| u8::try_from(d).ok())
        .filter(|d| (1..=31).contains(d));
    Some(Date {
        year,
        month,
        day: month.and(day),
    })
}

fn reference(item: &Value, file: &std::sync::Arc<Path>, line: usize) -> Option<Reference> {
    let (title, kept_case) = rich_text(&string(item, "title")?);
    let mut r = Reference::new(
        crate::text::clean_owned(title),
        Origin {
            file: file.clone(),
            line,
        },
    );
    r.kept_case = kept_case;
    // The key a document cites stays the entry's key.
    r.citekey = string(item, "id").unwrap_or_default();
    if !r.citekey.is_empty() {
        r.mark(Field::Citekey, crate::model::Source::List, None);
    }
    if let Some(authors) = item.get("author").and_then(Value::as_array) {
        r.authors = authors.iter().filter_map(person).collect();
        // pandoc writes BibTeX's `and others` as a last author `{"literal": "others"}`.
        let others =
            |p: &Person| p.literal == "others" || (p.family == "others" && p.given.is_empty());
        if r.authors.last().is_some_and(others) {
            r.authors.pop();
            r.et_al = true;
        }
    }
    r.date = date(item);
    r.doi = string(item, "DOI").and_then(|d| ids::parse_doi(&d).or_else(|| ids::doi_from_url(&d)));
    let url = string(item, "URL").and_then(|u| ids::clean_url(&u));
    let custom = item.get("custom");
    r.arxiv = custom
        .and_then(|c| string(c, "arxiv"))
        .and_then(|a| ids::parse_arxiv_id(&a))
        .or_else(|| string(item, "number").and_then(|n| ids::arxiv_in_text(&n).into_iter().next()))
        .or_else(|| url.as_deref().and_then(ids::arxiv_from_url))
        .or_else(|| r.doi.as_deref().and_then(ids::arxiv_from_doi));
    r.primary_category = custom
        .and_then(|c| string(c, "primary-category"))
        .filter(|_| r.arxiv.is_some());
    // Rich text in a container too (mdbib keeps a brand's first word: `npj`).
    let container = string(item, "container-title").map(|c| rich_text(&c).0);
    let csl_type = string(item, "type").unwrap_or_default();
    // Only a preprint's, data set's or document's publisher names where it appeared (TechRxiv,
    // Zenodo); a book's or paper's publisher is a publisher.
    let publisher_is_venue = !matches!(
        csl_type.as_str(),
        "paper-conference" | "article-journal" | "chapter" | "book" | "thesis" | "report"
    );
    r.venue = container
        .clone()
        .or_else(|| string(item, "event"))
        .or_else(|| string(item, "publisher").filter(|_| publisher_is_venue))
        // arXiv is said by the arXiv id, when there is one.
        .filter(|v| !v.eq_ignore_ascii_case("arxiv") || container.is_some() || r.arxiv.is_none())
        .map(|v| venue::recognise_or_as_written(&v));
    r.kind = match csl_type.as_str() {
        "paper-conference" => Kind::ConferencePaper,
        "article-journal" => Kind::JournalArticle,
        "dataset" => Kind::Dataset,
        "book" => Kind::Book,
        "chapter" => Kind::Chapter,
        "thesis" => Kind::Thesis,
        "report" => Kind::Report,
        // A document that appeared somewhere other than arXiv is a work of unknown kind.
        "document"
            if r.venue
                .as_ref()
                .is_some_and(|v| !venue::is_preprint_server(v)) =>
        {
            Kind::Other
        }
        _ if r.arxiv.is_some() => Kind::Preprint,
        // Zotero's and mdbib's preprint: an `article` whose publisher is the server (bioRxiv).
        _ if r.venue.as_ref().is_some_and(venue::is_preprint_server) => Kind::Preprint,
        _ => Kind::Other,
    };
    r.volume = string(item, "volume");
    r.issue = string(item, "issue")
        .or_else(|| string(item, "number").filter(|_| r.kind == Kind::Report))
        .or_else(|| string(item, "collection-number"));
    r.pages = string(item, "page");
    r.publisher = string(item, "publisher").filter(|p| {
        !p.eq_ignore_ascii_case("arxiv") && r.venue.as_ref().is_none_or(|v| v.written != *p)
    });
    r.editors = item
        .get("editor")
        .and_then(Value::as_array)
        .map(|names| names.iter().filter_map(person).collect())
        .unwrap_or_default();
    r.place = string(item, "publisher-place");
    r.series = string(item, "collection-title");
    r.edition = string(item, "edition");
    r.chapter = string(item, "chapter-number");
    r.genre = string(item, "genre");
    r.abstract_text = string(item, "abstract");
    r.links.paper = url;
    r.links.code = custom.and_then(|c| string(c, "code"));
    r.links.project = custom.and_then(|c| string(c, "project"));
    r.links.dataset = custom.and_then(|c| string(c, "dataset"));
    r.links.other = custom
        .and_then(|c| c.get("links"))
        .and_then(Value::as_array)
        .map(|links| {
            let link =
                |l: &Value| Some((string(l, "label").unwrap_or_default(), string(l, "url")?));
            links.iter().filter_map(link).collect()
        })
        .unwrap_or_default();
    // `custom.sections` when a section name holds a comma, else the comma-separated `keyword`.
    let listed = custom
        .and_then(|c| c.get("sections"))
        .and_then(Value::as_array)
        .map(|paths| {
            let names = |p: &Value| -> Option<Vec<String>> {
                p.as_array()?
                    .iter()
                    .map(|s| s.as_str().map(str::to_string))
                    .collect()
            };
            paths
                .iter()
                .filter_map(names)
                .map(|p| p.join(" > "))
                .collect()
        });
    let paths: Vec<String> = listed.unwrap_or_else(|| {
        string(item, "keyword")
            .map(|k| k.split(", ").map(str::to_string).collect())
            .unwrap_or_default()
    });
    super::take_keywords_and_mark(&mut r, paths);
    Some(r)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rich_text_titles_become_plain_and_keep_nocase_case() {
        let (plain, kept) = rich_text(
            "A <span class=\"nocase\">Bayesian</span> view of <i>E. coli</i> in H<sub>2</sub>O",
        );
        assert_eq!(plain, "A Bayesian view of E. coli in H2O");
        assert_eq!(kept, ["Bayesian"]);
        let (plain, kept) = rich_text(
            "Medical <span class=\"nocase\">A</span>rtificial Intelligence — <span class=\"nocase\">A</span> Review",
        );
        assert_eq!(plain, "Medical Artificial Intelligence — A Review");
        assert_eq!(kept, ["Artificial", "A"]);
        assert_eq!(rich_text("a < b").0, "a < b");
    }

    #[test]
    fn item_lines_skip_strings_and_nested_values() {
        let text = "[\n{\"title\": \"a [b], {c} \\\" ]\"},\n\n  {\"author\": [{}, {}]}, {}\n,\n7]";
        assert_eq!(item_lines(text), [2, 4, 4, 6]);
        assert!(item_lines("{\"title\": \"x\"}").is_empty());
    }

    #[test]
    fn an_article_on_a_preprint_server_is_a_preprint() {
        let text = r#"[{"id": "a", "type": "article", "title": "T", "publisher": "bioRxiv"},
                       {"id": "b", "type": "article", "title": "U", "publisher": "Zenodo"},
                       {"id": "c", "type": "article", "title": "V", "publisher": "arXiv",
                        "genre": "Preprint"}]"#;
        let refs = read(text, Path::new("x.json"), &mut Vec::new()).unwrap();
        // arXiv's preprint without its number, as mdbib writes it, is one too.
        let kinds: Vec<Kind> = refs.iter().map(|r| r.kind).collect();
        assert_eq!(kinds, [Kind::Preprint, Kind::Other, Kind::Preprint]);
        let venues: Vec<Option<&str>> = (refs.iter())
            .map(|r| r.venue.as_ref().map(|v| v.name.as_str()))
            .collect();
        assert_eq!(venues, [Some("bioRxiv"), Some("Zenodo"), Some("arXiv")]);
    }

    #[test]
    fn zotero_style_preprint_and_journal_article() {
        let text = r#"[
          {"id": "a", "type": "article", "title": "Attention Is All You Need",
           "author": [{"family": "Vaswani", "given": "Ashish"}, {"literal": "Google Brain"}],
           "issued": {"date-parts": [[2017, 6, 12]]}, "publisher": "arXiv",
           "number": "arXiv:1706.03762", "keyword": "Papers > Transformers"},
          {"id": "b", "type": "article-journal", "title": "Deep Learning",
           "container-title": "Nature", "DOI": "10.1038/nature14539",
           "issued": {"date-parts": [["2015"]]}},
          {"id": "c", "type": "dataset"}
        ]"#;
        let mut warnings = Vec::new();
        let refs = read(text, Path::new("x.json"), &mut warnings).unwrap();
        assert_eq!(refs.len(), 2);
        let located: Vec<String> = warnings
            .iter()
            .map(|w| w.located(Path::new("x.json")))
            .collect();
        assert_eq!(located, ["x.json:9: item 3 skipped: no title"]);
        assert_eq!((refs[0].origin.line, refs[1].origin.line), (2, 6));
        assert_eq!(refs[0].arxiv.as_ref().unwrap().id, "1706.03762");
        assert_eq!(refs[0].kind, Kind::Preprint);
        assert!(refs[0].venue.is_none());
        assert_eq!(refs[0].authors[1].literal, "Google Brain");
        assert_eq!(refs[0].date.unwrap().day, Some(12));
        assert_eq!(
            refs[0].sections[..],
            [["Papers", "Transformers"].map(String::from).into()]
        );
        assert_eq!(refs[1].kind, Kind::JournalArticle);
        assert_eq!(refs[1].year(), Some(2015));
        assert_eq!(refs[1].venue.as_ref().unwrap().name, "Nature");
    }

    #[test]
    fn pandocs_others_author_is_et_al() {
        let text = r#"[{"title": "T", "author": [{"family": "Wang", "given": "Zifeng"},
            {"literal": "others"}]}, {"title": "U", "author": [{"literal": "Others Inc."}]}]"#;
        let refs = read(text, Path::new("x.json"), &mut Vec::new()).unwrap();
        assert_eq!((refs[0].authors.len(), refs[0].et_al), (1, true));
        assert_eq!((refs[1].authors.len(), refs[1].et_al), (1, false));
    }

    #[test]
    fn invalid_json_names_the_line() {
        let err = read("[\n{\"title\": }\n]", Path::new("x.json"), &mut Vec::new()).unwrap_err();
        assert!(
            err.to_string().starts_with("x.json:2: invalid CSL-JSON"),
            "{err}"
        );
    }
}
