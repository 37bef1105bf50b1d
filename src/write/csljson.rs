//! CSL-JSON: an array of items valid against the official `csl-data.json` schema.

use super::{WriteOptions, Writer};
use crate::model::{Kind, Person, Reference};
use serde::ser::{SerializeMap, Serializer};
use serde::Serialize;
use serde_json::Value;
use std::borrow::Cow;
use std::io;

/// The CSL-JSON writer.
pub struct CslJson;

impl Writer for CslJson {
    fn name(&self) -> &'static str {
        "csljson"
    }

    fn extension(&self) -> &'static str {
        "json"
    }

    fn description(&self) -> &'static str {
        "CSL-JSON for Zotero, pandoc --citeproc and other CSL processors"
    }

    fn write(
        &self,
        refs: &[Reference],
        options: &WriteOptions,
        out: &mut dyn io::Write,
    ) -> io::Result<()> {
        // A concrete buffer in front of `out`: serde_json's many small writes then stay inlined
        // instead of each going through `dyn Write`.
        let mut out = io::BufWriter::with_capacity(1 << 16, out);
        if refs.is_empty() {
            io::Write::write_all(&mut out, b"[]\n")?;
            return io::Write::flush(&mut out);
        }
        // The second half of a long list is written to memory by another thread meanwhile.
        io::Write::write_all(&mut out, b"[")?;
        let (first, second) = crate::parallel::halves(
            refs,
            crate::parallel::FROM,
            |first| write_items(first, options, &mut out, true),
            |second| {
                let mut buffer = Vec::new();
                write_items(second, options, &mut buffer, false).map(|()| buffer)
            },
        );
        first?;
        io::Write::write_all(&mut out, &second?)?;
        io::Write::write_all(&mut out, b"\n]\n")?;
        io::Write::flush(&mut out)
    }
}

/// Writes `refs` as items of the array, each at its place in it; `first` when they start it.
/// Generic over the writer, so that serde_json's many small writes stay inlined.
fn write_items<W: io::Write>(
    refs: &[Reference],
    options: &WriteOptions,
    out: &mut W,
    first: bool,
) -> io::Result<()> {
    for (n, r) in refs.iter().enumerate() {
        Pretty::new_line(out, first && n == 0, 1)?;
        let pretty = Pretty {
            level: 1,
            has_value: false,
        };
        let mut json = serde_json::Serializer::with_formatter(&mut *out, pretty);
        Item { r, options }.serialize(&mut json)?;
    }
    Ok(())
}

/// serde_json's pretty layout (two spaces a level), with each line break and its indentation
/// written at once: serde_json's own `PrettyFormatter` writes the indentation a level at a time,
/// and those small writes were a tenth of converting a large BibTeX file.
#[derive(Default)]
struct Pretty {
    level: usize,
    has_value: bool,
}

impl Pretty {
    /// Writes `,` (unless `first`), a line break and the indentation of `level`.
    fn new_line<W: ?Sized + io::Write>(out: &mut W, first: bool, level: usize) -> io::Result<()> {
        const LINE: &[u8] = b",\n                                                                ";
        let start = usize::from(first);
        match LINE.get(start..2 + 2 * level) {
            Some(line) => out.write_all(line),
            None => {
                out.write_all(&LINE[start..2])?;
                (0..level).try_for_each(|_| out.write_all(b"  "))
            }
        }
    }

    fn begin<W: ?Sized + io::Write>(&mut self, out: &mut W, open: &[u8]) -> io::Result<()> {
        self.level += 1;
        self.has_value = false;
        out.write_all(open)
    }

    fn end<W: ?Sized + io::Write>(&mut self, out: &mut W, close: &[u8]) -> io::Result<()> {
        self.level -= 1;
        if self.has_value {
            Self::new_line(out, true, self.level)?;
        }
        out.write_all(close)
    }
}

impl serde_json::ser::Formatter for Pretty {
    fn begin_array<W: ?Sized + io::Write>(&mut self, out: &mut W) -> io::Result<()> {
        self.begin(out, b"[")
    }

    fn end_array<W: ?Sized + io::Write>(&mut self, out: &mut W) -> io::Result<()> {
        self.end(out, b"]")
    }

    fn begin_array_value<W: ?Sized + io::Write>(
        &mut self,
        out: &mut W,
        first: bool,
    ) -> io::Result<()> {
        Self::new_line(out, first, self.level)
    }

    fn end_array_value<W: ?Sized + io::Write>(&mut self, _out: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }

    fn begin_object<W: ?Sized + io::Write>(&mut self, out: &mut W) -> io::Result<()> {
        self.begin(out, b"{")
    }

    fn end_object<W: ?Sized + io::Write>(&mut self, out: &mut W) -> io::Result<()> {
        self.end(out, b"}")
    }

    fn begin_object_key<W: ?Sized + io::Write>(
        &mut self,
        out: &mut W,
        first: bool,
    ) -> io::Result<()> {
        Self::new_line(out, first, self.level)
    }

    fn begin_object_value<W: ?Sized + io::Write>(&mut self, out: &mut W) -> io::Result<()> {
        out.write_all(b": ")
    }

    fn end_object_value<W: ?Sized + io::Write>(&mut self, _out: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }
}

fn csl_type(kind: Kind) -> &'static str {
    match kind {
        // Zotero writes preprints as `article` with publisher arXiv.
        Kind::Preprint => "article",
        Kind::ConferencePaper => "paper-conference",
        Kind::JournalArticle => "article-journal",
        Kind::Dataset => "dataset",
        Kind::Book => "book",
        Kind::Chapter => "chapter",
        Kind::Thesis => "thesis",
        Kind::Report => "report",
        Kind::Other => "document",
    }
}

/// A name as CSL-JSON: `literal`, or `family`, `given` and `non-dropping-particle`.
struct Name<'a>(&'a Person);

/// A list of names (`author`, `editor`), written as it is read, without a vector of its own.
struct Names<'a>(&'a [Person]);

impl Serialize for Names<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.0.iter().map(Name))
    }
}

impl Serialize for Name<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let p = self.0;
        let mut m = s.serialize_map(None)?;
        if !p.literal.is_empty() {
            m.serialize_entry("literal", &p.literal)?;
            return m.end();
        }
        // A capitalised particle (`Van Gool`, `Di Lauro`) is part of the family name as its
        // bearer writes it: as a particle, styles that demote particles (Chicago) would print
        // `Gool, Luc Van`. `parse-names` keeps processors from splitting it off again, as it
        // does a family name that starts with a particle's word and was given whole (BibTeX's
        // `{van de Pol}`, or `De Lange` read back).
        let capitalised = p.particle.starts_with(char::is_uppercase);
        if capitalised {
            m.serialize_entry("family", &[p.particle.as_str(), " ", &p.family].concat())?;
            m.serialize_entry("parse-names", &false)?;
        } else {
            m.serialize_entry("family", &p.family)?;
            if p.particle.is_empty() && crate::model::starts_with_particle(&p.family) {
                m.serialize_entry("parse-names", &false)?;
            }
        }
        if !p.given.is_empty() {
            m.serialize_entry("given", &p.given)?;
        }
        if !p.particle.is_empty() && !capitalised {
            m.serialize_entry("non-dropping-particle", &p.particle)?;
        }
        if !p.suffix.is_empty() {
            m.serialize_entry("suffix", &p.suffix)?;
        }
        m.end()
    }
}

/// The title with protected capitals in `<span class="nocase">`, which CSL processors leave as
/// written when a style changes the case.
fn title(text: &str, kept: &[String]) -> String {
    let mut out = String::with_capacity(text.len());
    let mut push = |run: &str, protect: bool| {
        if protect {
            out.push_str("<span class=\"nocase\">");
            out.push_str(run);
            out.push_str("</span>");
        } else {
            out.push_str(run);
        }
    };
    // TeX math (`$\\mathcal{O}(n)$`) is kept whole, as the LaTeX writers keep it.
    for (piece, math) in super::latex::math_split(text) {
        if math {
            push(piece, true);
        } else {
            for (run, protect) in super::capitals::segments_keeping(piece, kept) {
                push(run, protect);
            }
        }
    }
    out
}

/// A venue's name, with a first word in lower case (a brand: `npj Digital Medicine`,
/// `i-Perception`, `mBio`) kept from styles that capitalise containers (APA's `Npj`).
fn container(name: &str) -> Cow<'_, str> {
    let first = name.split(' ').next().unwrap_or_default();
    if first.starts_with(|c: char| c.is_lowercase()) {
        Cow::Owned(format!(
            "<span class=\"nocase\">{first}</span>{}",
            &name[first.len()..]
        ))
    } else {
        Cow::Borrowed(name)
    }
}

/// One reference as a CSL-JSON item (a JSON value, for writers that adjust it).
pub(crate) fn item(r: &Reference, options: &WriteOptions) -> Value {
    serde_json::to_value(Item { r, options }).unwrap_or(Value::Null)
}

/// One reference as a CSL-JSON item, serialised straight to the output, field by field.
struct Item<'a> {
    r: &'a Reference,
    options: &'a WriteOptions,
}

impl Serialize for Item<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let r = self.r;
        let mut m = s.serialize_map(None)?;
        m.serialize_entry("id", &r.citekey)?;
        m.serialize_entry("type", csl_type(r.kind))?;
        let plain = super::latex::scripts_as_unicode(&r.title);
        m.serialize_entry("title", &title(&plain, &r.kept_case))?;
        if !r.authors.is_empty() {
            m.serialize_entry("author", &Names(&r.authors))?;
        }
        if let Some(d) = r.date {
            let month = d.month.map(i32::from);
            let day = month.and(d.day.map(i32::from));
            let parts = [Some(d.year), month, day];
            let known = parts.iter().take_while(|p| p.is_some()).count();
            m.serialize_entry("issued", &Issued([&parts[..known]]))?;
        }
        let mut has_publisher = true;
        match (r.kind, &r.venue, &r.arxiv) {
            (Kind::Preprint, venue, Some(ax)) => {
                m.serialize_entry("publisher", "arXiv")?;
                m.serialize_entry("number", &["arXiv:", &ax.id].concat())?;
                // Where else the list says it appeared (`NLP4Prog`, a venue of no known kind).
                if let Some(v) = venue
                    .as_ref()
                    .filter(|v| !crate::venue::is_preprint_server(v))
                {
                    m.serialize_entry("container-title", &container(&v.name))?;
                }
            }
            (Kind::ConferencePaper, Some(v), _) => {
                has_publisher = false;
                m.serialize_entry("container-title", &container(&v.name))?;
            }
            (Kind::JournalArticle | Kind::Chapter, Some(v), _) => {
                has_publisher = false;
                m.serialize_entry("container-title", &container(&v.name))?;
            }
            (Kind::Book | Kind::Thesis | Kind::Report, _, _) => has_publisher = false,
            // A work other than a preprint with a venue beside its publisher appeared in that
            // venue (`@misc` with a `journal` and a `publisher`).
            (kind, Some(v), _) if kind != Kind::Preprint && r.publisher.is_some() => {
                has_publisher = false;
                m.serialize_entry("container-title", &container(&v.name))?;
            }
            // Where a work without a venue kind appeared (`Zenodo`, `Blog`) is its publisher. An
            // arXiv id is a number only beside arXiv as the publisher (above); here it would read
            // as the publisher's, so it is left to the URL.
            (_, Some(v), _) => m.serialize_entry("publisher", &v.name)?,
            _ => has_publisher = false,
        }
        if let Some(doi) = &r.doi {
            m.serialize_entry("DOI", doi)?;
        }
        if let Some(url) = super::bibtex::paper_url(r) {
            m.serialize_entry("URL", &url)?;
        }
        if let Some(a) = r.abstract_text.as_ref().filter(|_| self.options.abstracts) {
            m.serialize_entry("abstract", a)?;
        }
        if !r.sections.is_empty() {
            m.serialize_entry("keyword", &super::bibtex::keywords(r))?;
        }
        if let Some(j) = r.journal_ref_note() {
            m.serialize_entry("note", j)?;
        }
        let custom = Custom(r);
        if custom.has_any() {
            m.serialize_entry("custom", &custom)?;
        }
        if !r.editors.is_empty() {
            m.serialize_entry("editor", &Names(&r.editors))?;
        }
        // Published-version details (Crossref, or the BibTeX input); an arXiv preprint's
        // publisher stays arXiv. A report's number is its `number`; a book's or proceedings'
        // (BibTeX's `number` beside `series`) its number in the series; a journal's an issue.
        let issue = match r.kind {
            Kind::Report => "number",
            Kind::Book | Kind::Chapter | Kind::ConferencePaper => "collection-number",
            _ => "issue",
        };
        // Preprints say so (Zotero's and pandoc's styles print the genre: Nature's `Preprint at`).
        let genre = (r.genre.as_deref()).or((r.kind == Kind::Preprint).then_some("Preprint"));
        for (key, value) in [
            ("volume", r.volume.as_deref()),
            (issue, r.issue.as_deref()),
            ("page", r.pages.as_deref()),
            ("chapter-number", r.chapter.as_deref()),
            ("edition", r.edition.as_deref()),
            ("collection-title", r.series.as_deref()),
            ("publisher-place", r.place.as_deref()),
            ("genre", genre),
        ] {
            if let Some(v) = value {
                m.serialize_entry(key, v)?;
            }
        }
        if let Some(p) = r.publisher.as_ref().filter(|_| !has_publisher) {
            m.serialize_entry("publisher", p)?;
        }
        m.end()
    }
}

/// `issued` as CSL-JSON writes dates: `{"date-parts": [[year, month, day]]}`, as far as known.
struct Issued<'a>([&'a [Option<i32>]; 1]);

impl Serialize for Issued<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(Some(1))?;
        m.serialize_entry("date-parts", &self.0)?;
        m.end()
    }
}

/// mdbib's own fields, under `custom`: the arXiv id with version, the primary category, links.
struct Custom<'a>(&'a Reference);

impl Custom<'_> {
    fn fields(&self) -> [(&'static str, Option<Cow<'_, str>>); 5] {
        let r = self.0;
        fn borrowed(o: &Option<String>) -> Option<Cow<'_, str>> {
            o.as_deref().map(Cow::Borrowed)
        }
        [
            ("arxiv", r.arxiv.as_ref().map(|a| Cow::Owned(a.to_string()))),
            ("primary-category", borrowed(&r.primary_category)),
            ("code", borrowed(&r.links.code)),
            ("project", borrowed(&r.links.project)),
            ("dataset", borrowed(&r.links.dataset)),
        ]
    }

    fn has_any(&self) -> bool {
        let r = self.0;
        r.arxiv.is_some()
            || r.primary_category.is_some()
            || r.links.code.is_some()
            || r.links.project.is_some()
            || r.links.dataset.is_some()
            || !r.links.other.is_empty()
            || self.sections_need_list()
    }

    /// Whether a section name holds a comma, which `keyword`'s comma-separated paths cannot
    /// show: the paths then also go under `custom.sections`, one list of names each.
    fn sections_need_list(&self) -> bool {
        self.0
            .sections
            .iter()
            .flat_map(|p| p.iter())
            .any(|s| s.contains(','))
    }
}

impl Serialize for Custom<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(None)?;
        for (key, value) in self.fields() {
            if let Some(v) = value {
                m.serialize_entry(key, &v)?;
            }
        }
        if self.sections_need_list() {
            let paths: Vec<&[String]> = self.0.sections.iter().map(|p| &p[..]).collect();
            m.serialize_entry("sections", &paths)?;
        }
        // The list's other links, as `{label, url}` (`label` empty when the list gave none).
        if !self.0.links.other.is_empty() {
            #[derive(Serialize)]
            struct Link<'a> {
                label: &'a str,
                url: &'a str,
            }
            let links: Vec<Link> = (self.0.links.other.iter())
                .map(|(label, url)| Link { label, url })
                .collect();
            m.serialize_entry("links", &links)?;
        }
        m.end()
    }
}

#[cfg(test)]
mod tests {
    use super::{container, title};

    #[test]
    fn a_containers_first_word_in_lower_case_is_kept() {
        assert_eq!(
            container("npj Digital Medicine"),
            "<span class=\"nocase\">npj</span> Digital Medicine"
        );
        assert_eq!(
            container("i-Perception"),
            "<span class=\"nocase\">i-Perception</span>"
        );
        assert_eq!(container("Nature Medicine"), "Nature Medicine");
        assert_eq!(container(""), "");
    }

    #[test]
    fn protected_capitals_become_nocase_spans() {
        assert_eq!(
            title("MedCLIP for X-ray", &[]),
            "<span class=\"nocase\">MedCLIP</span> for <span class=\"nocase\">X</span>-ray"
        );
        assert_eq!(
            title("A Study", &["Study".to_string()]),
            "A <span class=\"nocase\">Study</span>"
        );
        assert_eq!(
            title("$\\mathcal{O}(n)$ Time", &[]),
            "<span class=\"nocase\">$\\mathcal{O}(n)$</span> Time"
        );
    }
}
