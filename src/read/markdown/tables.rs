//! Tables written the plain way, read without pulldown-cmark.
//!
//! Generated lists (cv-arxiv-daily and its many forks) are thousands of table rows such as
//! `|**2024-01-02**|**Title**|Ann Lee et.al.|[2401.00001](http://arxiv.org/abs/2401.00001)|null|`.
//! Parsing them is most of pulldown-cmark's work on such a list. A row whose every cell holds
//! only plain text, `**bold**` and `[label](url)` links is read here instead, and handed to a
//! [`Sink`] piece by piece: the reader builds its cells straight from them, and the tests build
//! the events pulldown-cmark gives for the row and compare the two. Any other row (math,
//! entities, escapes...) is left to pulldown-cmark, as a table of its own under the same header.
//! The reader's results do not depend on which of the two read a row: that is tested on the
//! corpus and with generated tables.

use super::{PieceEvent, Resolved};
use pulldown_cmark::{Alignment, BrokenLink, Event, Parser, Tag, TagEnd};
use std::ops::Range;

/// The plain tables of `source`, each from the start of its header line to the end of its
/// last row's line. A plain table's header and delimiter rows are plain, and it starts a line
/// after a blank line (or the text's start), so it is a top-level block unless a code or HTML
/// block is still open there, which the caller checks. Each of its lines starts with `|`, and
/// it ends at a blank line or the text's end.
pub(super) fn find(source: &str) -> Vec<Range<usize>> {
    let mut found = Vec::new();
    let bytes = source.as_bytes();
    let mut at = 0;
    let mut prev_blank = true;
    while at < source.len() {
        let end = line_end(bytes, at);
        if prev_blank && bytes[at] == b'|' {
            if let Some(table_end) = plain_table(source, at) {
                found.push(at..table_end);
                at = table_end;
                prev_blank = false;
                continue;
            }
        }
        prev_blank = is_blank(line(source, at..end));
        at = end;
    }
    found
}

/// The end of a plain table starting at `start`, if it is one.
fn plain_table(source: &str, start: usize) -> Option<usize> {
    let bytes = source.as_bytes();
    let header_end = line_end(bytes, start);
    let rule_end = line_end(bytes, header_end);
    let width = alignments(line(source, header_end..rule_end))?.len();
    if !plain_row(line(source, start..header_end), 0, width, &mut ()) {
        return None;
    }
    let mut at = rule_end;
    while at < source.len() {
        let end = line_end(bytes, at);
        let text = line(source, at..end);
        if is_blank(text) {
            break;
        }
        if !text.starts_with('|') {
            return None;
        }
        at = end;
    }
    Some(at)
}

/// What reading a plain row gives: cells, bold spans, links and text, each with its place in the
/// list. The reader builds its cells from them; tests build pulldown-cmark's events.
pub(super) trait Sink<'s> {
    fn start_cell(&mut self, range: Range<usize>);
    fn end_cell(&mut self, range: Range<usize>);
    fn start_bold(&mut self, span: Range<usize>);
    fn end_bold(&mut self, span: Range<usize>);
    fn start_link(&mut self, url: &'s str, span: Range<usize>);
    fn end_link(&mut self, span: Range<usize>);
    fn text(&mut self, text: &'s str, range: Range<usize>);
}

/// A sink that keeps nothing: for asking whether a row is plain.
impl<'s> Sink<'s> for () {
    fn start_cell(&mut self, _: Range<usize>) {}
    fn end_cell(&mut self, _: Range<usize>) {}
    fn start_bold(&mut self, _: Range<usize>) {}
    fn end_bold(&mut self, _: Range<usize>) {}
    fn start_link(&mut self, _: &'s str, _: Range<usize>) {}
    fn end_link(&mut self, _: Range<usize>) {}
    fn text(&mut self, _: &'s str, _: Range<usize>) {}
}

/// The lines of a plain table (a table found by [`find`]): its header row, its number of
/// columns, and where its body rows start.
pub(super) struct Layout<'s> {
    pub(super) header: &'s str,
    pub(super) width: usize,
    /// Where the delimiter row ends and the first body row starts.
    pub(super) body: usize,
}

impl<'s> Layout<'s> {
    pub(super) fn of(source: &'s str) -> Layout<'s> {
        let bytes = source.as_bytes();
        let header_end = line_end(bytes, 0);
        let body = line_end(bytes, header_end);
        Layout {
            header: line(source, 0..header_end),
            width: alignments(line(source, header_end..body)).map_or(0, |a| a.len()),
            body,
        }
    }

    /// Each body row of `source`, as its range and its text without the line ending.
    pub(super) fn rows(&self, source: &'s str) -> impl Iterator<Item = (Range<usize>, &'s str)> {
        let bytes = source.as_bytes();
        let mut at = self.body;
        std::iter::from_fn(move || {
            (at < source.len()).then(|| {
                let start = at;
                at = line_end(bytes, start);
                (start..at, line(source, start..at))
            })
        })
    }
}

/// The events of the row at `row` in the plain table `source`, a row that is not plain, from
/// pulldown-cmark parsing it as the only row of a table with this table's header: cells are
/// parsed on their own, so its events are those it has here. Links by reference are resolved
/// through `resolve`.
pub(super) fn parse_row<'s>(
    source: &'s str,
    layout: &Layout<'_>,
    row: Range<usize>,
    resolve: &mut dyn FnMut(BrokenLink<'s>) -> Resolved<'s>,
) -> Vec<PieceEvent<'s>> {
    let head = &source[..layout.body];
    let mut text = String::with_capacity(head.len() + row.len() + 1);
    text.push_str(head);
    text.push_str(&source[row.clone()]);
    let mut callback = |link: BrokenLink<'_>| resolve(link.into_static());
    let shift = |r: Range<usize>| {
        let clamp = |o: usize| (o.max(head.len()) - head.len() + row.start).min(row.end);
        clamp(r.start)..clamp(r.end)
    };
    let mut in_row = false;
    let mut events = Vec::new();
    for (event, range) in
        Parser::new_with_broken_link_callback(&text, super::OPTIONS, Some(&mut callback))
            .into_offset_iter()
    {
        in_row |= matches!(event, Event::Start(Tag::TableRow));
        if in_row {
            in_row = !matches!(event, Event::End(TagEnd::TableRow));
            events.push((event.into_static(), shift(range)));
        }
    }
    events
}

/// Whether `bytes` hold a byte that a plain row never holds: one that starts code, math, HTML,
/// an entity, an escape or strikethrough, a tab or another control character. Every byte is
/// tested, without an early exit, which lets the compiler test many at once.
fn has_markup(bytes: &[u8]) -> bool {
    bytes.iter().fold(false, |found, &b| {
        found
            | (b < 0x20)
            | (b == 0x7f)
            | (b == b'\\')
            | (b == b'`')
            | (b == b'<')
            | (b == b'&')
            | (b == b'$')
            | (b == b'~')
    })
}

/// Gives the cells of `row` (at `offset`) to `sink` if it is a plain row of `width` cells
/// written `|a|b|`; whether it is. The sink may have had some of them if not.
pub(super) fn plain_row<'s>(
    row: &'s str,
    offset: usize,
    width: usize,
    sink: &mut impl Sink<'s>,
) -> bool {
    let bytes = row.as_bytes();
    if bytes.len() < 2 || bytes[0] != b'|' || bytes[bytes.len() - 1] != b'|' || has_markup(bytes) {
        return false;
    }
    let mut count = 0;
    let mut at = 1;
    while at < bytes.len() {
        let end = at + memchr::memchr(b'|', &bytes[at..]).unwrap_or(bytes.len() - at);
        let cell = row[at..end].trim_matches(' ');
        let cell_at = offset + (cell.as_ptr() as usize - row.as_ptr() as usize);
        let range = cell_at..cell_at + cell.len();
        sink.start_cell(range.clone());
        if !spans(cell, cell_at, Nest::Top, sink) {
            return false;
        }
        sink.end_cell(range);
        count += 1;
        at = end + 1;
    }
    count == width
}

/// Where the line starting at `at` ends, its line ending included.
fn line_end(bytes: &[u8], at: usize) -> usize {
    memchr::memchr(b'\n', &bytes[at..]).map_or(bytes.len(), |i| at + i + 1)
}

/// A line without its line ending.
fn line(source: &str, range: Range<usize>) -> &str {
    let text = &source[range];
    let text = text.strip_suffix('\n').unwrap_or(text);
    text.strip_suffix('\r').unwrap_or(text)
}

fn is_blank(line: &str) -> bool {
    line.bytes()
        .all(|b| matches!(b, b' ' | b'\t' | b'\r' | b'\n'))
}

/// The cells of a row written `|a|b|`, each without the spaces around it.
fn row_cells(line: &str) -> Option<impl Iterator<Item = &str>> {
    let inner = line.strip_prefix('|')?.strip_suffix('|')?;
    Some(inner.split('|').map(|c| c.trim_matches(' ')))
}

/// The alignments of a delimiter row (`|---|:---:|`), if `line` is one.
fn alignments(line: &str) -> Option<Vec<Alignment>> {
    row_cells(line)?
        .map(|cell| {
            let left = cell.starts_with(':');
            let right = cell.ends_with(':') && cell.len() > 1;
            let dashes = &cell[usize::from(left)..cell.len() - usize::from(right)];
            if dashes.is_empty() || !dashes.bytes().all(|b| b == b'-') {
                return None;
            }
            Some(match (left, right) {
                (true, true) => Alignment::Center,
                (true, false) => Alignment::Left,
                (false, true) => Alignment::Right,
                (false, false) => Alignment::None,
            })
        })
        .collect()
}

/// Where a span is: what it may hold depends on that.
#[derive(Clone, Copy, PartialEq)]
enum Nest {
    Top,
    Bold,
    Label,
    BoldLabel,
}

/// Gives `text` (at `offset`) to `sink` if it is written as plain text, `**bold**` spans and
/// `[label](url)` links, a link's label holding no link and a bold span no bold; whether it is.
/// The sink may have had some of it if not.
fn spans<'s>(text: &'s str, offset: usize, nest: Nest, sink: &mut impl Sink<'s>) -> bool {
    let bytes = text.as_bytes();
    let mut at = 0;
    while at < bytes.len() {
        let rest = &bytes[at..];
        match rest[0] {
            b'*' => {
                if rest.get(1) != Some(&b'*') || matches!(nest, Nest::Bold | Nest::BoldLabel) {
                    return false;
                }
                let Some(len) = memchr::memchr(b'*', &rest[2..]) else {
                    return false;
                };
                let close = at + 2 + len;
                if bytes.get(close + 1) != Some(&b'*')
                    || !opens(
                        text[..at].chars().next_back(),
                        text[at + 2..].chars().next(),
                    )
                    || !closes(
                        text[..close].chars().next_back(),
                        text[close + 2..].chars().next(),
                    )
                {
                    return false;
                }
                let span = offset + at..offset + close + 2;
                sink.start_bold(span.clone());
                let inner = if nest == Nest::Label {
                    Nest::BoldLabel
                } else {
                    Nest::Bold
                };
                if !spans(&text[at + 2..close], offset + at + 2, inner, sink) {
                    return false;
                }
                sink.end_bold(span);
                at = close + 2;
            }
            b'[' => {
                if matches!(nest, Nest::Label | Nest::BoldLabel) || text[..at].ends_with('!') {
                    return false;
                }
                let Some(close) = memchr::memchr(b']', rest) else {
                    return false;
                };
                let Some(after) = rest[close + 1..].strip_prefix(b"(") else {
                    return false;
                };
                let Some(url_len) = memchr::memchr(b')', after) else {
                    return false;
                };
                let url = &text[at + close + 2..at + close + 2 + url_len];
                if close == 1 || rest[1] == b'^' || !is_plain_url(url) {
                    return false;
                }
                let end = at + close + 2 + url_len + 1;
                let span = offset + at..offset + end;
                sink.start_link(url, span.clone());
                let inner = if nest == Nest::Bold {
                    Nest::BoldLabel
                } else {
                    Nest::Label
                };
                if !spans(&text[at + 1..at + close], offset + at + 1, inner, sink) {
                    return false;
                }
                sink.end_link(span);
                at = end;
            }
            _ => {
                let len = memchr::memchr3(b'*', b'[', b']', rest).unwrap_or(rest.len());
                if len == 0 || memchr::memchr(b'_', &rest[..len]).is_some() {
                    return false;
                }
                let plain = &text[at..at + len];
                sink.text(plain, offset + at..offset + at + len);
                at += len;
            }
        }
    }
    true
}

/// A link target Markdown takes as it is: no spaces, parentheses or angle brackets (the row
/// holds no escapes, entities or controls).
fn is_plain_url(url: &str) -> bool {
    !url.is_empty() && !url.bytes().any(|b| matches!(b, b' ' | b'(' | b'>'))
}

/// Whether `**` between `before` and `after` opens a bold span under CommonMark's flanking
/// rules, judged only where ASCII makes it certain.
fn opens(before: Option<char>, after: Option<char>) -> bool {
    if before == Some('*') || after == Some('*') {
        return false; // a longer run of stars
    }
    match after {
        Some(c) if c.is_ascii_alphanumeric() => true,
        Some(c) if c.is_ascii_punctuation() => {
            before.is_none_or(|b| b == ' ' || b.is_ascii_punctuation())
        }
        _ => false,
    }
}

/// Whether `**` between `before` and `after` closes a bold span, as [`opens`].
fn closes(before: Option<char>, after: Option<char>) -> bool {
    if before == Some('*') || after == Some('*') {
        return false;
    }
    match before {
        Some(c) if c.is_ascii_alphanumeric() => true,
        Some(c) if c.is_ascii_punctuation() => {
            after.is_none_or(|a| a == ' ' || a.is_ascii_punctuation())
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    use pulldown_cmark::{CowStr, LinkType};

    /// A plain row's events, as pulldown-cmark gives them.
    impl<'s> Sink<'s> for Vec<PieceEvent<'s>> {
        fn start_cell(&mut self, range: Range<usize>) {
            self.push((Event::Start(Tag::TableCell), range));
        }
        fn end_cell(&mut self, range: Range<usize>) {
            self.push((Event::End(TagEnd::TableCell), range));
        }
        fn start_bold(&mut self, span: Range<usize>) {
            self.push((Event::Start(Tag::Strong), span));
        }
        fn end_bold(&mut self, span: Range<usize>) {
            self.push((Event::End(TagEnd::Strong), span));
        }
        fn start_link(&mut self, url: &'s str, span: Range<usize>) {
            let link = Tag::Link {
                link_type: LinkType::Inline,
                dest_url: CowStr::Borrowed(url),
                title: CowStr::Borrowed(""),
                id: CowStr::Borrowed(""),
            };
            self.push((Event::Start(link), span));
        }
        fn end_link(&mut self, span: Range<usize>) {
            self.push((Event::End(TagEnd::Link), span));
        }
        fn text(&mut self, text: &'s str, range: Range<usize>) {
            self.push((Event::Text(CowStr::Borrowed(text)), range));
        }
    }

    /// The events of the plain table `source` as the reader reads it: plain rows by hand, the
    /// others by pulldown-cmark.
    fn events(source: &str) -> Vec<PieceEvent<'_>> {
        let layout = Layout::of(source);
        let header_end = line_end(source.as_bytes(), 0);
        let aligns = alignments(line(source, header_end..layout.body)).unwrap();
        let mut events = vec![(Event::Start(Tag::Table(aligns)), 0..source.len())];
        let head = 0..layout.header.len();
        events.push((Event::Start(Tag::TableHead), head.clone()));
        assert!(plain_row(layout.header, 0, layout.width, &mut events));
        events.push((Event::End(TagEnd::TableHead), head));
        for (range, text) in layout.rows(source) {
            let mut row = vec![(Event::Start(Tag::TableRow), range.clone())];
            if plain_row(text, range.start, layout.width, &mut row) {
                row.push((Event::End(TagEnd::TableRow), range));
            } else {
                row = parse_row(source, &layout, range, &mut |_| None);
            }
            events.extend(row);
        }
        events.push((Event::End(TagEnd::Table), 0..source.len()));
        events
    }

    /// Each event written out, with a row's start.
    type Normalised = Vec<(String, usize)>;

    /// Events with adjacent texts joined, every range dropped but a row's start, and borrowed
    /// text made owned: what two parses must agree on.
    fn normalised<'s>(events: impl Iterator<Item = PieceEvent<'s>>) -> Normalised {
        let mut out: Normalised = Vec::new();
        let mut text = String::new();
        for (event, range) in events {
            if let Event::Text(t) = &event {
                text.push_str(t);
                continue;
            }
            if !text.is_empty() {
                out.push((format!("Text({text:?})"), 0));
                text.clear();
            }
            let at = if matches!(event, Event::Start(Tag::TableRow)) {
                range.start
            } else {
                0
            };
            out.push((format!("{:?}", event.into_static()), at));
        }
        out
    }

    /// The events of `source` from pulldown-cmark, and from [`events`] when [`find`] takes all
    /// of it for one plain table.
    fn both(source: &str) -> (Normalised, Option<Normalised>) {
        let parsed = normalised(
            pulldown_cmark::Parser::new_ext(source, super::super::OPTIONS).into_offset_iter(),
        );
        let found = find(source);
        let by_hand = (found.len() == 1 && found[0] == (0..source.len()))
            .then(|| normalised(events(source).into_iter()));
        (parsed, by_hand)
    }

    #[test]
    fn a_generated_list_is_read_by_hand_as_pulldown_cmark_reads_it() {
        let source = "|Publish Date|Title|Authors|PDF|Code|\n|---|:---|:-:|--:|---|\n\
            |**2024-01-02**|**MedCLIP: Learning (Unpaired) Images**|Ann Lee et.al.|[2401.00001](http://arxiv.org/abs/2401.00001)|null|\n\
            |**2024-01-03**|**A $^2$ Model & More**|Bo Li et.al.|[2401.00002](http://arxiv.org/abs/2401.00002)|**[link](https://github.com/a/b_c)**|\n\
            | [**Seed: A Card**](https://arxiv.org/pdf/2607.00248) | arXiv | 2026-06-30 | - |  |\r\n";
        let (parsed, by_hand) = both(source);
        assert_eq!(by_hand.as_ref(), Some(&parsed));
        // Three rows, one of them (with math) left to pulldown-cmark.
        let rows = parsed
            .iter()
            .filter(|(e, _)| e == "Start(TableRow)")
            .count();
        assert_eq!(rows, 3);
    }

    #[test]
    fn tables_written_otherwise_are_left_to_pulldown_cmark() {
        for source in [
            "|a|b|\n|---|\n|c|d|\n",    // header and delimiter differ
            "|a|b|\n|---|---|\nc|d\n",  // a row without its pipe
            "|a *b*|c|\n|---|---|\n",   // emphasis in the header
            "text\n|a|b|\n|---|---|\n", // after a paragraph line
            "  |a|b|\n  |---|---|\n",   // indented
        ] {
            assert_eq!(find(source), Vec::<Range<usize>>::new(), "{source:?}");
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]

        #[test]
        fn rows_read_by_hand_give_pulldown_cmarks_events(
            header in prop::collection::vec(
                prop::sample::select(vec!["Title", " Date ", "**Name**", "[a](u)", ""]),
                1..4,
            ),
            rows in prop::collection::vec(prop::collection::vec(cell(), 1..5), 0..4),
            rule in prop::sample::select(vec!["---", ":--", "--:", ":-:", "-"]),
        ) {
            let line = |cells: &[String]| format!("|{}|\n", cells.join("|"));
            let header: Vec<String> = header.iter().map(|h| h.to_string()).collect();
            let mut source = line(&header);
            source.push_str(&line(&vec![rule.to_string(); header.len()]));
            for row in &rows {
                source.push_str(&line(row));
            }
            let (parsed, by_hand) = both(&source);
            if let Some(by_hand) = by_hand {
                prop_assert_eq!(by_hand, parsed, "{:?}", source);
            }
        }
    }

    /// A cell made of pieces that are plain, nearly plain, or not plain at all.
    fn cell() -> impl Strategy<Value = String> {
        prop::collection::vec(
            prop::sample::select(vec![
                "Title",
                "word",
                " ",
                "  ",
                "**",
                "*",
                "[",
                "]",
                "(",
                ")",
                "!",
                "_",
                "&",
                "& ",
                "&amp;",
                "$x$",
                "$",
                "\\|",
                "\\",
                "~~",
                "~",
                "<b>",
                "`c`",
                "\t",
                "\u{a0}",
                "é",
                "\"",
                ".",
                ",",
                ":",
                "?",
                "-",
                "^",
                "#",
                "'",
                "http://x.org/a_b",
                "[a](http://x/y)",
                "[a](http://x/(y))",
                "[a](<u>)",
                "[a](u \"t\")",
                "**b**",
                "[**c**](u)",
                "**[d](u)**",
                "[^1]",
                "![i](u)",
                "[x][y]",
                "[x]",
                "**\"q\"**",
                "**x.**",
                "a**b**c",
                "**a** **b**",
                "[a](u&b)",
                "[a](u&amp;)",
                "{",
                "}",
            ]),
            0..6,
        )
        .prop_map(|pieces| pieces.concat())
    }
}
