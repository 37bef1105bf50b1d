//! The Markdown reader: pulldown-cmark events → references.
//!
//! Headings and bold-only paragraphs (`**2023**`) form the section path; list items and table rows
//! become entries. Each entry's inline content is kept as a sequence of text and links, from which
//! the title, venue, year, identifiers and classified links are taken.

use crate::ids;
use crate::model::{Date, Kind, Origin, Reference, Source};
use crate::text;
use crate::venue;
use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};
use regex::Regex;
use std::path::Path;
use std::sync::LazyLock;

/// A piece of an entry's inline content.
#[derive(Debug, Clone)]
enum Piece {
    Text(String),
    Link { label: String, url: String },
}

/// What a link is for, decided by its label first and its URL second.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum LinkRole {
    Paper,
    Code,
    Project,
    Dataset,
    /// A labelled link that is neither (video, slides, blog...).
    Other,
    /// The label is not a link label but text (usually the title).
    Title,
}

/// Lower-case link labels and the role they name.
const LABELS: &[(&[&str], LinkRole)] = &[
    (
        &[
            "paper",
            "pdf",
            "arxiv",
            "abs",
            "abstract",
            "link",
            "url",
            "publication",
            "html",
            "doi",
            "openreview",
            "article",
            "preprint",
            "acl anthology",
            "springer",
            "ieee",
            "full paper",
            "paper link",
            "pdf link",
        ],
        LinkRole::Paper,
    ),
    (
        &[
            "code",
            "github",
            "repo",
            "repository",
            "official code",
            "source code",
            "pytorch",
            "tensorflow",
            "jax",
            "official",
            "implementation",
            "gitlab",
            "unofficial code",
        ],
        LinkRole::Code,
    ),
    (
        &[
            "project",
            "project page",
            "homepage",
            "home page",
            "website",
            "page",
            "webpage",
            "site",
            "demo",
            "web",
        ],
        LinkRole::Project,
    ),
    (
        &["dataset", "data", "datasets", "benchmark"],
        LinkRole::Dataset,
    ),
    (
        &[
            "video",
            "slides",
            "slide",
            "blog",
            "poster",
            "supp",
            "supplementary",
            "bibtex",
            "bib",
            "talk",
            "youtube",
            "model",
            "models",
            "weights",
            "huggingface",
            "hf",
            "colab",
            "notes",
            "summary",
            "review",
            "reviews",
            "zhihu",
            "media",
            "news",
            "tweet",
            "twitter",
        ],
        LinkRole::Other,
    ),
];

fn classify_link(label: &str, url: &str) -> LinkRole {
    let label = label
        .trim()
        .trim_matches(|c: char| matches!(c, '[' | ']' | '(' | ')' | ':' | '*' | ' '))
        .to_lowercase();
    if let Some((_, role)) = LABELS
        .iter()
        .find(|(words, _)| words.contains(&label.as_str()))
    {
        return *role;
    }
    // Labels that are only an identifier ("2604.24707", "arXiv:2301.04558") name the paper.
    if ids::parse_arxiv_id(&label).is_some()
        || label.starts_with("arxiv")
        || label.starts_with("10.")
    {
        return LinkRole::Paper;
    }
    if label.is_empty() {
        return role_by_url(url);
    }
    LinkRole::Title
}

fn role_by_url(url: &str) -> LinkRole {
    if ids::arxiv_from_url(url).is_some() || ids::doi_from_url(url).is_some() {
        return LinkRole::Paper;
    }
    let host = url::Url::parse(url)
        .ok()
        .and_then(|u| u.host_str().map(str::to_ascii_lowercase))
        .unwrap_or_default();
    if host == "github.com" || host == "gitlab.com" {
        LinkRole::Code
    } else {
        LinkRole::Other
    }
}

/// A bare URL in text, with the label written before it (`Paper: https://...`).
static BARE_URL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:\b([A-Za-z][A-Za-z ]{0,20}?)\s*:\s*)?\b(https?://[^\s<>\]\)]+)")
        .expect("valid regex")
});

/// A trailing `Venue Year` or `Year` at the end of an entry's text.
static TRAILING_YEAR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b((?:19|20)\d{2})\s*[\])]?\s*[.,;]?\s*$").expect("valid regex"));

/// A section name that is only a year.
static YEAR_ONLY: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*((?:19|20)\d{2})\s*$").expect("valid regex"));

/// Inline content of one list item or table cell while it is being read.
#[derive(Debug, Default)]
struct Inline {
    pieces: Vec<Piece>,
    /// The label of the link being read, and its URL.
    link: Option<(String, String)>,
}

impl Inline {
    fn text(&mut self, t: &str) {
        if let Some((label, _)) = &mut self.link {
            label.push_str(t);
            return;
        }
        // Bare URLs in text become links, labelled by the word before them. The regex is the
        // reader's hot spot (a third of its time on large lists), and most text holds no URL.
        if !t
            .as_bytes()
            .windows(4)
            .any(|w| w.eq_ignore_ascii_case(b"http"))
        {
            self.push_text(t);
            return;
        }
        let mut last = 0;
        for caps in BARE_URL.captures_iter(t) {
            let (Some(whole), Some(url)) = (caps.get(0), caps.get(2)) else {
                continue;
            };
            self.push_text(&t[last..whole.start()]);
            let label = caps
                .get(1)
                .map(|l| l.as_str().to_string())
                .unwrap_or_default();
            let url = url.as_str().trim_end_matches(['.', ',', ';']);
            self.pieces.push(Piece::Link {
                label,
                url: url.to_string(),
            });
            last = whole.end();
        }
        self.push_text(&t[last..]);
    }

    fn push_text(&mut self, t: &str) {
        if t.is_empty() {
            return;
        }
        if let Some(Piece::Text(prev)) = self.pieces.last_mut() {
            prev.push_str(t);
        } else {
            self.pieces.push(Piece::Text(t.to_string()));
        }
    }

    fn start_link(&mut self, url: &str) {
        self.link = Some((String::new(), url.to_string()));
    }

    fn end_link(&mut self) {
        if let Some((label, url)) = self.link.take() {
            self.pieces.push(Piece::Link { label, url });
        }
    }

    /// All text, with link labels, as one cleaned string (for headings and table cells).
    fn plain(&self) -> String {
        let mut s = String::new();
        for p in &self.pieces {
            match p {
                Piece::Text(t) => s.push_str(t),
                Piece::Link { label, .. } => s.push_str(label),
            }
        }
        text::clean(&s)
    }
}

/// One list item being read.
#[derive(Debug)]
struct Item {
    inline: Inline,
    line: usize,
    /// Set when a nested list starts under an item with no links: the item may be a heading.
    is_heading: bool,
    /// Entries produced by items nested under this one.
    children: usize,
}

/// A table being read.
#[derive(Debug, Default)]
struct Table {
    header: Vec<String>,
    rows: Vec<(usize, Vec<Inline>)>,
    in_head: bool,
    cell: Option<Inline>,
    row: Vec<Inline>,
    row_line: usize,
}

/// The section path: headings by level, then list items used as headings, then a bold-only line.
#[derive(Debug, Default)]
struct Sections {
    headings: Vec<(HeadingLevel, String)>,
    items: Vec<(usize, String)>,
    bold: Option<String>,
    /// The first level-1 heading is the document's title, not a section.
    seen_title: bool,
}

impl Sections {
    fn heading(&mut self, level: HeadingLevel, name: String) {
        self.bold = None;
        if level == HeadingLevel::H1 && !self.seen_title && self.headings.is_empty() {
            self.seen_title = true;
            return;
        }
        self.headings.retain(|(l, _)| *l < level);
        self.headings.push((level, name));
    }

    fn path(&self) -> Vec<String> {
        self.headings
            .iter()
            .map(|(_, n)| n.clone())
            .chain(self.items.iter().map(|(_, n)| n.clone()))
            .chain(self.bold.clone())
            .filter(|n| !n.is_empty())
            .collect()
    }
}

/// Reads a Markdown paper list. `file` is only used for the entries' origin.
pub fn read(source: &str, file: &Path) -> Vec<Reference> {
    Reader::new(source, file).run()
}

struct Reader<'a> {
    source: &'a str,
    file: &'a Path,
    line_starts: Vec<usize>,
    sections: Sections,
    items: Vec<Item>,
    table: Option<Table>,
    heading: Option<Inline>,
    /// A top-level paragraph: its inline content and whether all its text was bold.
    paragraph: Option<(Inline, bool)>,
    strong_depth: usize,
    image_depth: usize,
    out: Vec<Reference>,
}

impl<'a> Reader<'a> {
    fn new(source: &'a str, file: &'a Path) -> Self {
        let line_starts = std::iter::once(0)
            .chain(source.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        Reader {
            source,
            file,
            line_starts,
            sections: Sections::default(),
            items: Vec::new(),
            table: None,
            heading: None,
            paragraph: None,
            strong_depth: 0,
            image_depth: 0,
            out: Vec::new(),
        }
    }

    fn line_of(&self, offset: usize) -> usize {
        self.line_starts.partition_point(|&s| s <= offset)
    }

    /// Where inline content currently goes.
    fn sink(&mut self) -> Option<&mut Inline> {
        if let Some(h) = self.heading.as_mut() {
            return Some(h);
        }
        if let Some(t) = self.table.as_mut() {
            return t.cell.as_mut();
        }
        if let Some(item) = self.items.last_mut() {
            return Some(&mut item.inline);
        }
        self.paragraph.as_mut().map(|(p, _)| p)
    }

    fn run(mut self) -> Vec<Reference> {
        let options = Options::ENABLE_TABLES
            | Options::ENABLE_STRIKETHROUGH
            | Options::ENABLE_TASKLISTS
            | Options::ENABLE_FOOTNOTES;
        let source = self.source;
        for (event, range) in Parser::new_ext(source, options).into_offset_iter() {
            self.event(event, range.start);
        }
        self.out
    }

    fn event(&mut self, event: Event<'_>, offset: usize) {
        match event {
            Event::Start(tag) => self.start(tag, offset),
            Event::End(tag) => self.end(tag),
            Event::Text(t) | Event::Code(t) => {
                if self.image_depth > 0 {
                    return;
                }
                if let Some((_, all_bold)) = self.paragraph.as_mut() {
                    if self.strong_depth == 0 && !t.trim().is_empty() && self.items.is_empty() {
                        *all_bold = false;
                    }
                }
                if let Some(sink) = self.sink() {
                    sink.text(&t);
                }
            }
            Event::SoftBreak | Event::HardBreak => {
                if let Some(sink) = self.sink() {
                    sink.push_text(" ");
                }
            }
            Event::InlineHtml(html) | Event::Html(html) => {
                let lower = html.to_ascii_lowercase();
                if lower.starts_with("<br") {
                    if let Some(sink) = self.sink() {
                        sink.push_text(" ");
                    }
                }
            }
            _ => {}
        }
    }

    fn start(&mut self, tag: Tag<'_>, offset: usize) {
        match tag {
            Tag::Heading { .. } => self.heading = Some(Inline::default()),
            Tag::Paragraph if self.items.is_empty() && self.table.is_none() => {
                self.paragraph = Some((Inline::default(), true));
            }
            Tag::Strong => self.strong_depth += 1,
            Tag::Image { .. } => self.image_depth += 1,
            Tag::Link { dest_url, .. } if self.image_depth == 0 => {
                if let Some(sink) = self.sink() {
                    sink.start_link(&dest_url);
                }
            }
            Tag::List(_) => {
                // A nested list under an item without links: that item names a section.
                if let Some(parent) = self.items.last_mut() {
                    if !parent.is_heading
                        && !parent
                            .inline
                            .pieces
                            .iter()
                            .any(|p| matches!(p, Piece::Link { .. }))
                    {
                        let name = parent.inline.plain();
                        if !name.is_empty()
                            && TRAILING_YEAR.find(&name).is_none_or(|_| name.len() < 60)
                        {
                            parent.is_heading = true;
                            let depth = self.items.len();
                            self.sections.items.push((depth, name));
                        }
                    }
                }
            }
            Tag::Item => {
                let line = self.line_of(offset);
                self.items.push(Item {
                    inline: Inline::default(),
                    line,
                    is_heading: false,
                    children: 0,
                });
            }
            Tag::Table(_) => self.table = Some(Table::default()),
            Tag::TableHead => {
                if let Some(t) = self.table.as_mut() {
                    t.in_head = true;
                }
            }
            Tag::TableRow => {
                let line = self.line_of(offset);
                if let Some(t) = self.table.as_mut() {
                    t.row_line = line;
                }
            }
            Tag::TableCell => {
                if let Some(t) = self.table.as_mut() {
                    t.cell = Some(Inline::default());
                }
            }
            _ => {}
        }
    }

    fn end(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::Heading(level) => {
                if let Some(h) = self.heading.take() {
                    self.sections.heading(level, h.plain());
                }
            }
            TagEnd::Paragraph => {
                if let Some((p, all_bold)) = self.paragraph.take() {
                    let name = p.plain();
                    if all_bold && !name.is_empty() && name.len() <= 80 {
                        self.sections.bold = Some(name);
                    }
                }
            }
            TagEnd::Strong => self.strong_depth = self.strong_depth.saturating_sub(1),
            TagEnd::Image => self.image_depth = self.image_depth.saturating_sub(1),
            TagEnd::Link if self.image_depth == 0 => {
                if let Some(sink) = self.sink() {
                    sink.end_link();
                }
            }
            TagEnd::Item => {
                let depth = self.items.len();
                self.sections.items.retain(|(d, _)| *d < depth);
                if let Some(item) = self.items.pop() {
                    self.finish_item(item);
                }
            }
            TagEnd::TableHead => {
                if let Some(t) = self.table.as_mut() {
                    t.in_head = false;
                    t.header = t.row.drain(..).map(|c| c.plain().to_lowercase()).collect();
                }
            }
            TagEnd::TableCell => {
                if let Some(t) = self.table.as_mut() {
                    if let Some(cell) = t.cell.take() {
                        t.row.push(cell);
                    }
                }
            }
            TagEnd::TableRow => {
                if let Some(t) = self.table.as_mut() {
                    if !t.in_head {
                        let row = std::mem::take(&mut t.row);
                        t.rows.push((t.row_line, row));
                    }
                }
            }
            TagEnd::Table => {
                if let Some(t) = self.table.take() {
                    self.finish_table(t);
                }
            }
            _ => {}
        }
    }

    fn origin(&self, line: usize) -> Origin {
        Origin {
            file: self.file.to_path_buf(),
            line,
        }
    }

    fn finish_item(&mut self, item: Item) {
        // An item with nested papers names their section; one whose nested items only carried
        // links (`- Paper: https://...`) is a paper itself.
        let has_links = item
            .inline
            .pieces
            .iter()
            .any(|p| matches!(p, Piece::Link { .. }));
        if item.is_heading && (item.children > 0 || !has_links) {
            return;
        }
        let all_anchors = item.inline.pieces.iter().all(|p| match p {
            Piece::Link { url, .. } => url.starts_with('#'),
            Piece::Text(t) => t.trim().is_empty(),
        });
        if all_anchors {
            return; // a table of contents line
        }
        let path = self.sections.path();
        match build_entry(&item.inline.pieces, path, self.origin(item.line)) {
            Some(entry) => {
                self.out.push(entry);
                if let Some(parent) = self.items.last_mut() {
                    parent.children += 1;
                }
            }
            None => {
                // An item with links but no title text (`- Paper: https://...` under a paper)
                // gives its links to the entry above it.
                if let (Some(parent), true) =
                    (self.items.last_mut(), !item.inline.pieces.is_empty())
                {
                    parent.inline.pieces.extend(item.inline.pieces);
                }
            }
        }
    }

    fn finish_table(&mut self, table: Table) {
        let col = |names: &[&str]| {
            table
                .header
                .iter()
                .position(|h| names.iter().any(|n| h.contains(n)))
        };
        let title_col = col(&["title", "paper", "dataset", "name", "model", "method"]).unwrap_or(0);
        let year_col = col(&["year", "date", "published"]);
        let venue_col = col(&["venue", "conference", "journal", "publication"]);
        let code_col = col(&["code", "github", "repo"]);
        let path = self.sections.path();
        let is_dataset = table
            .header
            .get(title_col)
            .is_some_and(|h| h.contains("dataset"))
            || path.iter().any(|s| s.to_lowercase().contains("dataset"));
        for (line, row) in &table.rows {
            let Some(title_cell) = row.get(title_col) else {
                continue;
            };
            let mut pieces: Vec<Piece> = title_cell
                .pieces
                .iter()
                .map(|p| match p {
                    // In a title cell the link label is the title.
                    Piece::Link { label, url } if classify_link(label, url) == LinkRole::Title => {
                        Piece::Link {
                            label: label.clone(),
                            url: url.clone(),
                        }
                    }
                    other => other.clone(),
                })
                .collect();
            for (i, cell) in row.iter().enumerate() {
                if i == title_col {
                    continue;
                }
                for p in &cell.pieces {
                    if let Piece::Link { label, url } = p {
                        let label = if Some(i) == code_col {
                            "code".to_string()
                        } else {
                            label.clone()
                        };
                        pieces.push(Piece::Link {
                            label,
                            url: url.clone(),
                        });
                    }
                }
            }
            let Some(mut entry) = build_entry(&pieces, path.clone(), self.origin(*line)) else {
                continue;
            };
            if let Some(year) = year_col
                .and_then(|c| row.get(c))
                .and_then(|c| parse_date(&c.plain()))
            {
                entry.date = Some(year);
            }
            if let Some(v) = venue_col
                .and_then(|c| row.get(c))
                .and_then(|c| venue::recognise(&c.plain()))
            {
                entry.kind = venue::kind_of(&v).unwrap_or(entry.kind);
                entry.venue = Some(v);
            }
            if is_dataset {
                entry.kind = Kind::Dataset;
                if entry.links.dataset.is_none() {
                    entry.links.dataset = entry.links.paper.take();
                }
            }
            self.out.push(entry);
        }
    }
}

/// A date written as `2019`, `2023-04`, `2023-04-27`, `2023.10` or `2023/04/27`.
fn parse_date(cell: &str) -> Option<Date> {
    let cleaned: String = cell
        .trim()
        .chars()
        .map(|c| if c == '/' || c == '.' { '-' } else { c })
        .filter(|c| c.is_ascii_digit() || *c == '-')
        .collect();
    let date = Date::parse_iso(&cleaned)?;
    (1900..=2100).contains(&date.year).then_some(date)
}

/// Turns an entry's pieces into a reference: title, venue, year, ids, classified links.
/// Returns `None` when nothing is left for a title.
fn build_entry(pieces: &[Piece], sections: Vec<String>, origin: Origin) -> Option<Reference> {
    let mut title_text = String::new();
    let mut links: Vec<(LinkRole, String, String)> = Vec::new();
    for p in pieces {
        match p {
            Piece::Text(t) => title_text.push_str(t),
            Piece::Link { label, url } => {
                let role = classify_link(label, url);
                if role == LinkRole::Title {
                    title_text.push_str(label);
                    links.push((role_for_title_link(url), label.clone(), url.clone()));
                } else {
                    links.push((role, label.clone(), url.clone()));
                }
            }
        }
    }
    let cleaned = text::clean(&title_text);
    // Empty link brackets left behind by `[[paper](url)]` and separators.
    let cleaned = strip_link_debris(&cleaned);
    let (title, venue, year) = split_venue_year(&cleaned);
    let title = title
        .trim()
        .trim_end_matches(['.', ',', ';', ':', '-', '–', '|'])
        .trim()
        .to_string();
    if title.chars().filter(|c| c.is_alphanumeric()).count() < 2 {
        return None;
    }

    let mut entry = Reference::new(title, origin);
    for (role, label, url) in &links {
        let slot = match role {
            LinkRole::Paper => &mut entry.links.paper,
            LinkRole::Code => &mut entry.links.code,
            LinkRole::Project => &mut entry.links.project,
            LinkRole::Dataset => &mut entry.links.dataset,
            LinkRole::Other | LinkRole::Title => {
                entry.links.other.push((text::clean(label), url.clone()));
                continue;
            }
        };
        if slot.is_none() {
            *slot = Some(url.clone());
        } else {
            entry.links.other.push((text::clean(label), url.clone()));
        }
    }
    // Identifiers: the paper link first, then any other link, then the text.
    let urls: Vec<&str> = entry
        .links
        .paper
        .iter()
        .map(String::as_str)
        .chain(links.iter().map(|(_, _, u)| u.as_str()))
        .collect();
    entry.arxiv = urls
        .iter()
        .find_map(|u| ids::arxiv_from_url(u))
        .or_else(|| ids::arxiv_in_text(&title_text).into_iter().next());
    entry.doi = urls
        .iter()
        .find_map(|u| ids::doi_from_url(u))
        .or_else(|| ids::doi_in_text(&title_text));
    if entry.arxiv.is_none() {
        entry.arxiv = entry.doi.as_deref().and_then(ids::arxiv_from_doi);
    }
    if entry.links.paper.is_none() {
        entry.links.paper = links
            .iter()
            .find(|(r, _, u)| {
                *r == LinkRole::Title
                    && (ids::arxiv_from_url(u).is_some() || ids::doi_from_url(u).is_some())
            })
            .map(|(_, _, u)| u.clone());
    }

    // The year: from the text, else from the nearest year heading.
    let year = year.or_else(|| {
        sections.iter().rev().find_map(|s| {
            YEAR_ONLY
                .captures(s)
                .and_then(|c| c.get(1)?.as_str().parse().ok())
        })
    });
    entry.date = year.map(Date::year);
    entry.kind = venue
        .as_ref()
        .and_then(venue::kind_of)
        .unwrap_or(if entry.arxiv.is_some() {
            Kind::Preprint
        } else {
            Kind::Other
        });
    entry.venue = venue;
    for field in ["venue", "date", "arxiv", "doi", "links"] {
        entry.mark(field, Source::List, None);
    }
    entry.sections = vec![sections];
    Some(entry)
}

/// A title link (`[Title](url)`) is the paper when it points at a paper, else a project page.
fn role_for_title_link(url: &str) -> LinkRole {
    match role_by_url(url) {
        LinkRole::Other => LinkRole::Paper,
        role => role,
    }
}

/// Removes the brackets and separators that link labels leave behind: `[]`, `()`, `[ ] [ ]`, `|`.
fn strip_link_debris(text: &str) -> String {
    let mut s = text.to_string();
    loop {
        let before = s.len();
        for debris in ["[]", "()", "[ ]", "( )", "||", "| |"] {
            s = s.replace(debris, "");
        }
        if s.len() == before {
            break;
        }
    }
    text::collapse_whitespace(s.trim_end_matches(['|', ' ', '/']))
}

/// Splits `Title. Venue Year.` into its parts. The venue is accepted only when it looks like one.
fn split_venue_year(text: &str) -> (String, Option<crate::model::Venue>, Option<i32>) {
    let Some(caps) = TRAILING_YEAR.captures(text) else {
        return (text.to_string(), None, None);
    };
    let (Some(whole), Some(year_match)) = (caps.get(0), caps.get(1)) else {
        return (text.to_string(), None, None);
    };
    let year: i32 = year_match.as_str().parse().unwrap_or_default();
    let before = &text[..whole.start()];
    // The venue runs back to the last sentence boundary: ". ", "(", "[" or ", ".
    let boundary = [". ", "(", "[", ", ", " - ", "—", "–"]
        .iter()
        .filter_map(|b| before.rfind(b).map(|i| (i, i + b.len())))
        .max_by_key(|(i, _)| *i);
    let (title_end, venue_start) = boundary.unwrap_or((0, 0));
    let venue_text = before[venue_start..]
        .trim()
        .trim_end_matches([',', '-', '\''])
        .trim();
    if venue_text.is_empty() {
        // A bare year: `Title (2015)` or `Title. 2015`.
        return (before[..title_end].to_string(), None, Some(year));
    }
    match venue::recognise(venue_text) {
        Some(v) if venue_start > 0 => (before[..title_end].to_string(), Some(v), Some(year)),
        _ => (text.to_string(), None, None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(md: &str) -> Reference {
        let refs = read(md, Path::new("t.md"));
        assert_eq!(refs.len(), 1, "{refs:#?}");
        refs.into_iter().next().unwrap()
    }

    #[test]
    fn seed_style_item() {
        let r = one("### Pre-training\n\n**2022**\n\n- MedCLIP: Contrastive Learning from Unpaired Medical Images and Text. EMNLP 2022. [[paper](https://arxiv.org/pdf/2210.10163.pdf)][[code](https://github.com/RyanWangZf/MedCLIP)]\n");
        assert_eq!(
            r.title,
            "MedCLIP: Contrastive Learning from Unpaired Medical Images and Text"
        );
        assert_eq!(r.venue.as_ref().unwrap().name, "EMNLP");
        assert_eq!(r.year(), Some(2022));
        assert_eq!(r.kind, Kind::ConferencePaper);
        assert_eq!(r.arxiv.as_ref().unwrap().id, "2210.10163");
        assert_eq!(
            r.links.code.as_deref(),
            Some("https://github.com/RyanWangZf/MedCLIP")
        );
        assert_eq!(
            r.sections,
            vec![vec!["Pre-training".to_string(), "2022".to_string()]]
        );
        assert_eq!(r.origin.line, 5);
    }

    #[test]
    fn year_from_bold_heading_when_text_has_none() {
        let r = one(
            "**2021**\n\n- SCEHR: Supervised Contrastive Learning for Clinical Risk Prediction\n",
        );
        assert_eq!(r.year(), Some(2021));
        assert_eq!(r.kind, Kind::Other);
        assert!(r.venue.is_none());
    }

    #[test]
    fn table_of_contents_is_skipped() {
        let refs = read(
            "## Contents\n* [Datasets](#datasets)\n* [Papers](#papers)\n",
            Path::new("t.md"),
        );
        assert!(refs.is_empty(), "{refs:#?}");
    }

    #[test]
    fn venues_with_several_words() {
        let r = one("- Generalized radiograph representation learning. Nature Machine Intelligence 2022. [[paper](https://arxiv.org/abs/2111.03452)]\n");
        assert_eq!(r.kind, Kind::JournalArticle);
        assert_eq!(r.title, "Generalized radiograph representation learning");
        let r = one(
            "- Adapting Models. NIPS workshop 2022. [[paper](http://arxiv.org/abs/2210.04133)]\n",
        );
        assert_eq!(r.venue.unwrap().name, "NeurIPS Workshops");
        assert_eq!(r.kind, Kind::ConferencePaper);
    }

    #[test]
    fn title_sentence_with_year_is_not_a_venue() {
        let r = one("- A study of the 2020 pandemic. arxiv 2021.\n");
        assert_eq!(r.title, "A study of the 2020 pandemic");
        assert_eq!(r.year(), Some(2021));
    }

    #[test]
    fn raw_url_sub_bullets_join_their_paper() {
        let refs = read(
            "- **Some Paper Title**\n  - Paper: https://arxiv.org/abs/2312.00001\n  - Code: https://github.com/a/b\n",
            Path::new("t.md"),
        );
        assert_eq!(refs.len(), 1, "{refs:#?}");
        assert_eq!(refs[0].arxiv.as_ref().unwrap().id, "2312.00001");
        assert_eq!(
            refs[0].links.code.as_deref(),
            Some("https://github.com/a/b")
        );
    }

    #[test]
    fn dataset_table_rows() {
        let r = one("## Datasets\n\n| Dataset | Year | Modality |\n|---|---|---|\n| [MIMIC-CXR-JPG](https://physionet.org/content/mimic-cxr-jpg/2.0.0/) | 2019 | Chest X-ray |\n");
        assert_eq!(r.kind, Kind::Dataset);
        assert_eq!(r.title, "MIMIC-CXR-JPG");
        assert_eq!(r.year(), Some(2019));
        assert_eq!(
            r.links.dataset.as_deref(),
            Some("https://physionet.org/content/mimic-cxr-jpg/2.0.0/")
        );
    }
}
