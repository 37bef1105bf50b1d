//! BibTeX syntax: `@type{key, name = value, ...}` entries, `@string` macros, `#` concatenation.
//!
//! Values stay raw LaTeX slices of the input ([`super::latex`] converts them). Only the fields
//! mdbib reads are kept, as ranges into one shared list of slices, so an entry costs no
//! allocation of its own.
//!
//! A broken entry is skipped with its line and the reason, and reading resumes at the next line
//! that starts with `@`. Such a line also ends any value still open: no real field value holds
//! one, and so an unclosed brace costs its own entry only, and every byte is read a bounded number
//! of times.

use crate::HashMap;
use std::fmt;
use std::ops::Range;

/// The fields mdbib reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    /// `title`
    Title,
    /// `author`
    Author,
    /// `date` (BibLaTeX)
    Date,
    /// `year`
    Year,
    /// `month`
    Month,
    /// `doi`
    Doi,
    /// `url`
    Url,
    /// `eprint`
    Eprint,
    /// `archiveprefix`
    ArchivePrefix,
    /// `eprinttype`
    EprintType,
    /// `journal`
    Journal,
    /// `journaltitle`
    JournalTitle,
    /// `booktitle`
    BookTitle,
    /// `eventtitle`
    EventTitle,
    /// `note`
    Note,
    /// `howpublished`
    HowPublished,
    /// `abstract`
    Abstract,
    /// `code`
    Code,
    /// `keywords`
    Keywords,
    /// `volume`
    Volume,
    /// `number`
    Number,
    /// `pages`
    Pages,
    /// `publisher`
    Publisher,
    /// `editor`
    Editor,
    /// `address`
    Address,
    /// `location` (BibLaTeX)
    Location,
    /// `series`
    Series,
    /// `edition`
    Edition,
    /// `chapter`
    Chapter,
    /// `school`
    School,
    /// `institution`
    Institution,
    /// `organization`
    Organization,
    /// `type` (of a thesis or report)
    Type,
    /// `primaryclass`, or BibLaTeX's `eprintclass`: an arXiv preprint's primary category
    PrimaryClass,
    /// `crossref`
    Crossref,
    /// `xdata`
    Xdata,
}

/// How many [`Field`]s there are.
const FIELD_COUNT: usize = Field::Xdata as usize + 1;

impl Field {
    /// Every field.
    pub const ALL: &'static [Field] = &[
        Field::Title,
        Field::Author,
        Field::Date,
        Field::Year,
        Field::Month,
        Field::Doi,
        Field::Url,
        Field::Eprint,
        Field::ArchivePrefix,
        Field::EprintType,
        Field::Journal,
        Field::JournalTitle,
        Field::BookTitle,
        Field::EventTitle,
        Field::Note,
        Field::HowPublished,
        Field::Abstract,
        Field::Code,
        Field::Keywords,
        Field::Volume,
        Field::Number,
        Field::Pages,
        Field::Publisher,
        Field::Editor,
        Field::Address,
        Field::Location,
        Field::Series,
        Field::Edition,
        Field::Chapter,
        Field::School,
        Field::Institution,
        Field::Organization,
        Field::Type,
        Field::PrimaryClass,
        Field::Crossref,
        Field::Xdata,
    ];

    /// The field named `name`, in any case.
    fn named(name: &str) -> Option<Field> {
        let mut lower = [0u8; 16];
        let bytes = name.as_bytes();
        let lower = lower.get_mut(..bytes.len())?;
        for (l, b) in lower.iter_mut().zip(bytes) {
            *l = b.to_ascii_lowercase();
        }
        Some(match &*lower {
            b"title" => Field::Title,
            b"author" => Field::Author,
            b"date" => Field::Date,
            b"year" => Field::Year,
            b"month" => Field::Month,
            b"doi" => Field::Doi,
            b"url" => Field::Url,
            b"eprint" => Field::Eprint,
            b"archiveprefix" => Field::ArchivePrefix,
            b"eprinttype" => Field::EprintType,
            b"journal" => Field::Journal,
            b"journaltitle" => Field::JournalTitle,
            b"booktitle" => Field::BookTitle,
            b"eventtitle" => Field::EventTitle,
            b"note" => Field::Note,
            b"howpublished" => Field::HowPublished,
            b"abstract" => Field::Abstract,
            b"code" => Field::Code,
            b"keywords" => Field::Keywords,
            b"volume" => Field::Volume,
            b"number" => Field::Number,
            b"pages" => Field::Pages,
            b"publisher" => Field::Publisher,
            b"editor" => Field::Editor,
            b"address" => Field::Address,
            b"location" => Field::Location,
            b"series" => Field::Series,
            b"edition" => Field::Edition,
            b"chapter" => Field::Chapter,
            b"school" => Field::School,
            b"institution" => Field::Institution,
            b"organization" => Field::Organization,
            b"type" => Field::Type,
            b"crossref" => Field::Crossref,
            b"xdata" => Field::Xdata,
            b"primaryclass" | b"eprintclass" => Field::PrimaryClass,
            _ => return None,
        })
    }

    /// Fields whose value is taken as written, LaTeX escapes aside (identifiers, addresses: the
    /// `~` of `https://host/~user` is no space there).
    pub fn is_verbatim(self) -> bool {
        matches!(self, Field::Doi | Field::Url | Field::Eprint | Field::Code)
    }
}

/// One entry: its type, key, line and the raw values of the fields mdbib reads.
#[derive(Debug, Clone)]
pub struct Entry<'t> {
    /// The entry type as written (`article`, `InProceedings`).
    pub kind: &'t str,
    /// The citation key.
    pub key: &'t str,
    /// The line of the entry's `@`, from 1.
    pub line: usize,
    /// Per [`Field`], its pieces in [`Bib::pieces`]; an empty range when absent.
    fields: [(u32, u32); FIELD_COUNT],
}

impl Entry<'_> {
    /// Whether the entry has `field`.
    pub fn has(&self, field: Field) -> bool {
        let (start, end) = self.fields[field as usize];
        start < end
    }

    /// Gives `field` the value of `other`'s, when `other` has it.
    pub fn inherit(&mut self, field: Field, other: &Entry, from: Field) {
        if other.has(from) {
            self.fields[field as usize] = other.fields[from as usize];
        }
    }
}

/// A parsed file: its entries and the raw value pieces they point into.
#[derive(Debug, Default)]
pub struct Bib<'t> {
    /// The entries, in file order.
    pub entries: Vec<Entry<'t>>,
    /// Raw value pieces; a field is a range of them, concatenated.
    pieces: Vec<&'t str>,
    /// Entries that could not be read.
    pub skipped: Vec<Skipped<'t>>,
}

impl<'t> Bib<'t> {
    /// The raw pieces of `entry`'s `field`, or `None` when it has none.
    pub fn get(&self, entry: &Entry<'t>, field: Field) -> Option<&[&'t str]> {
        let (start, end) = entry.fields[field as usize];
        (start < end).then(|| &self.pieces[start as usize..end as usize])
    }
}

/// An entry left out, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skipped<'t> {
    /// The line of its `@`.
    pub line: usize,
    /// What follows its `@`: `article`, `string`, `preamble`...
    pub kind: &'t str,
    /// Its key, when it got that far.
    pub key: Option<&'t str>,
    /// What is wrong.
    pub problem: Problem,
}

/// What makes an entry unreadable.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// `{` without its `}` before the end of the file or the next entry.
    UnclosedBrace,
    /// `"` without its partner.
    UnclosedQuote,
    /// The entry does not end before the file or the next entry does.
    Unclosed,
    /// No key after `@type{`.
    MissingKey,
    /// Something else where a field name, `=`, a value, `,` or the end was due.
    Expected(&'static str),
    /// A macro name that no `@string` defines.
    UnknownString(String),
    /// `@string` macros that expand to more text than the file could mean.
    TooLong,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Problem::UnclosedBrace => f.write_str("unclosed brace"),
            Problem::UnclosedQuote => f.write_str("unclosed quote"),
            Problem::Unclosed => f.write_str("entry not closed"),
            Problem::MissingKey => f.write_str("missing key"),
            Problem::Expected(what) => write!(f, "expected {what}"),
            Problem::UnknownString(name) => write!(f, "unknown @string `{name}`"),
            Problem::TooLong => f.write_str("@string macros expand to more than 8 times the file"),
        }
    }
}

const MONTHS: [(&str, &str); 12] = [
    ("jan", "January"),
    ("feb", "February"),
    ("mar", "March"),
    ("apr", "April"),
    ("may", "May"),
    ("jun", "June"),
    ("jul", "July"),
    ("aug", "August"),
    ("sep", "September"),
    ("oct", "October"),
    ("nov", "November"),
    ("dec", "December"),
];

/// Parses a whole file.
pub fn parse(text: &str) -> Bib<'_> {
    let mut p = Parser {
        text,
        b: text.as_bytes(),
        pos: 0,
        line: 1,
        line_pos: 0,
        macros: HashMap::default(),
        expansion_left: text.len().saturating_mul(8).saturating_add(1 << 20),
        bib: Bib::default(),
    };
    p.run();
    p.bib
}

struct Parser<'t> {
    text: &'t str,
    b: &'t [u8],
    pos: usize,
    /// The line of byte `line_pos` (entry starts only move forward).
    line: usize,
    line_pos: usize,
    /// `@string` names, lower case, to their pieces.
    macros: HashMap<String, Range<u32>>,
    /// Bytes that `@string` expansions may still add: eight times the file and 1 MiB, so that
    /// macros doubling one another (`@string{b = a # a}`, ...) cannot fill the memory.
    expansion_left: usize,
    bib: Bib<'t>,
}

/// A table of bytes, built at compile time.
pub(super) const fn byte_table(bytes: &[u8], controls: bool) -> [bool; 256] {
    let mut table = [false; 256];
    let mut c = 0;
    while c < 256 {
        table[c] = controls && (c < 0x20 || c == 0x7f);
        c += 1;
    }
    let mut i = 0;
    while i < bytes.len() {
        table[bytes[i] as usize] = true;
        i += 1;
    }
    table
}

/// Bytes that end a field name, entry type or macro name.
const NOT_NAME: [bool; 256] = byte_table(b"@{}\"#'(),=%\\~ ", true);

/// Bytes a delimited value stops at.
const IN_VALUE: [bool; 256] = byte_table(b"\\{}\"\n", false);

fn is_name_byte(c: u8) -> bool {
    !NOT_NAME[usize::from(c)]
}

impl<'t> Parser<'t> {
    fn run(&mut self) {
        while let Some(at) = self.next_at() {
            self.pos = at + 1;
            self.skip_space();
            let kind = self.name();
            self.skip_space();
            let close = match self.b.get(self.pos) {
                Some(b'{') => b'}',
                Some(b'(') => b')',
                // `@` in text between entries, such as an e-mail address.
                _ => continue,
            };
            self.pos += 1;
            let mut key = None;
            let result = if kind.eq_ignore_ascii_case("comment") {
                // An unbalanced comment is text between entries, as BibTeX has it.
                let body = self.pos;
                if self.skip_group(close).is_err() {
                    self.pos = body;
                }
                Ok(())
            } else if kind.eq_ignore_ascii_case("preamble") {
                self.skip_group(close)
            } else if kind.eq_ignore_ascii_case("string") {
                self.fields(close, None)
            } else {
                self.entry(kind, close, at, &mut key)
            };
            if let Err(problem) = result {
                let line = self.line_at(at);
                self.bib.skipped.push(Skipped {
                    line,
                    kind,
                    key,
                    problem,
                });
                self.pos = self.next_line_at(at + 1).unwrap_or(self.b.len());
            }
        }
    }

    /// The next `@` outside entries, skipping `%` comment lines.
    fn next_at(&mut self) -> Option<usize> {
        while let Some(&c) = self.b.get(self.pos) {
            match c {
                b'@' => return Some(self.pos),
                b'%' => self.skip_line(),
                _ => self.pos += 1,
            }
        }
        None
    }

    fn skip_line(&mut self) {
        self.pos = match self.b[self.pos..].iter().position(|&c| c == b'\n') {
            Some(n) => self.pos + n + 1,
            None => self.b.len(),
        };
    }

    /// Whether a line starting at `i` starts with `@` (after blanks): the start of an entry.
    fn starts_entry(&self, mut i: usize) -> bool {
        while matches!(self.b.get(i), Some(b' ' | b'\t')) {
            i += 1;
        }
        self.b.get(i) == Some(&b'@')
    }

    /// The first `@` after `from` that starts a line.
    fn next_line_at(&self, from: usize) -> Option<usize> {
        let mut i = from;
        while let Some(n) = self.b.get(i..)?.iter().position(|&c| c == b'\n') {
            i += n + 1;
            if self.starts_entry(i) {
                return Some(i);
            }
        }
        None
    }

    fn line_at(&mut self, pos: usize) -> usize {
        if pos >= self.line_pos {
            self.line += self.b[self.line_pos..pos]
                .iter()
                .filter(|&&c| c == b'\n')
                .count();
        } else {
            self.line -= self.b[pos..self.line_pos]
                .iter()
                .filter(|&&c| c == b'\n')
                .count();
        }
        self.line_pos = pos;
        self.line
    }

    fn skip_space(&mut self) {
        while self.b.get(self.pos).is_some_and(u8::is_ascii_whitespace) {
            self.pos += 1;
        }
    }

    /// Blanks and `%` comments inside an entry.
    fn skip_space_and_comments(&mut self) {
        loop {
            self.skip_space();
            if self.b.get(self.pos) == Some(&b'%') {
                self.skip_line();
            } else {
                return;
            }
        }
    }

    fn name(&mut self) -> &'t str {
        let start = self.pos;
        while self.b.get(self.pos).is_some_and(|&c| is_name_byte(c)) {
            self.pos += 1;
        }
        &self.text[start..self.pos]
    }

    fn entry(
        &mut self,
        kind: &'t str,
        close: u8,
        at: usize,
        key_out: &mut Option<&'t str>,
    ) -> Result<(), Problem> {
        self.skip_space();
        let start = self.pos;
        while self
            .b
            .get(self.pos)
            .is_some_and(|&c| c != b',' && c != close && !c.is_ascii_whitespace() && c != b'}')
        {
            self.pos += 1;
        }
        let key = &self.text[start..self.pos];
        if key.is_empty() {
            return Err(Problem::MissingKey);
        }
        *key_out = Some(key);
        let mut entry = Entry {
            kind,
            key,
            line: 0,
            fields: [(0, 0); FIELD_COUNT],
        };
        self.skip_space_and_comments();
        match self.b.get(self.pos) {
            Some(b',') => {
                self.pos += 1;
                self.fields(close, Some(&mut entry))?;
            }
            Some(&c) if c == close => self.pos += 1,
            Some(_) => return Err(Problem::Expected("`,` after the key")),
            None => return Err(Problem::Unclosed),
        }
        entry.line = self.line_at(at);
        self.bib.entries.push(entry);
        Ok(())
    }

    /// `name = value, ...` up to `close`: into `entry`, or as macros when there is none.
    fn fields(&mut self, close: u8, mut entry: Option<&mut Entry<'t>>) -> Result<(), Problem> {
        loop {
            self.skip_space_and_comments();
            match self.b.get(self.pos) {
                Some(&c) if c == close => {
                    self.pos += 1;
                    return Ok(());
                }
                None => return Err(Problem::Unclosed),
                Some(_) => {}
            }
            if self.b.get(self.pos) == Some(&b'@') {
                // The next entry: this one lacks its end.
                return Err(Problem::Unclosed);
            }
            let name = self.name();
            if name.is_empty() {
                return Err(Problem::Expected("a field name"));
            }
            self.skip_space_and_comments();
            if self.b.get(self.pos) != Some(&b'=') {
                return Err(Problem::Expected("`=` after a field name"));
            }
            self.pos += 1;
            self.skip_space_and_comments();
            match entry.as_deref_mut() {
                Some(entry) => {
                    let field = Field::named(name);
                    let range = self.value(field.is_some())?;
                    if let Some(field) = field {
                        entry.fields[field as usize] = (range.start, range.end);
                    }
                }
                None => {
                    let range = self.value(true)?;
                    self.macros.insert(name.to_ascii_lowercase(), range);
                }
            }
            self.skip_space_and_comments();
            match self.b.get(self.pos) {
                Some(b',') => self.pos += 1,
                Some(&c) if c == close => {}
                None | Some(b'@') => return Err(Problem::Unclosed),
                Some(_) => return Err(Problem::Expected("`,` between fields")),
            }
        }
    }

    /// One value, parts joined by `#`; its pieces are stored when `keep`.
    fn value(&mut self, keep: bool) -> Result<Range<u32>, Problem> {
        let start = self.pieces_len();
        loop {
            match self.b.get(self.pos) {
                Some(b'{') => {
                    let piece = self.delimited(b'}')?;
                    if keep {
                        self.bib.pieces.push(piece);
                    }
                }
                Some(b'"') => {
                    let piece = self.delimited(b'"')?;
                    if keep {
                        self.bib.pieces.push(piece);
                    }
                }
                Some(c) if c.is_ascii_digit() => {
                    let from = self.pos;
                    while self.b.get(self.pos).is_some_and(u8::is_ascii_digit) {
                        self.pos += 1;
                    }
                    if keep {
                        self.bib.pieces.push(&self.text[from..self.pos]);
                    }
                }
                _ => {
                    let name = self.name();
                    if name.is_empty() {
                        return Err(Problem::Expected("a value"));
                    }
                    if keep {
                        self.expand(name)?;
                    }
                }
            }
            self.skip_space_and_comments();
            if self.b.get(self.pos) != Some(&b'#') {
                break;
            }
            self.pos += 1;
            self.skip_space_and_comments();
        }
        Ok(start..self.pieces_len())
    }

    fn pieces_len(&self) -> u32 {
        u32::try_from(self.bib.pieces.len()).unwrap_or(u32::MAX)
    }

    /// Appends the pieces of macro `name`.
    fn expand(&mut self, name: &str) -> Result<(), Problem> {
        let lower = name.to_ascii_lowercase();
        if let Some(range) = self.macros.get(&lower) {
            let range = range.start as usize..range.end as usize;
            let bytes: usize = self.bib.pieces[range.clone()].iter().map(|p| p.len()).sum();
            self.expansion_left = self
                .expansion_left
                .checked_sub(bytes)
                .ok_or(Problem::TooLong)?;
            self.bib.pieces.extend_from_within(range);
            return Ok(());
        }
        match MONTHS.iter().find(|(abbr, _)| *abbr == lower) {
            Some((_, month)) => {
                self.bib.pieces.push(month);
                Ok(())
            }
            None => Err(Problem::UnknownString(name.to_string())),
        }
    }

    /// The text between the `{` or `"` at the current position and its `close`, braces balanced
    /// inside. A backslash escapes the next character.
    fn delimited(&mut self, close: u8) -> Result<&'t str, Problem> {
        self.pos += 1;
        let start = self.pos;
        let mut depth = 0usize;
        let unclosed = if close == b'"' {
            Problem::UnclosedQuote
        } else {
            Problem::UnclosedBrace
        };
        while let Some(&c) = self.b.get(self.pos) {
            if !IN_VALUE[usize::from(c)] {
                self.pos += 1;
                continue;
            }
            match c {
                b'\\' => self.pos += 1,
                b'{' => depth += 1,
                b'}' if depth > 0 => depth -= 1,
                _ if c == close && depth == 0 => {
                    self.pos += 1;
                    return Ok(&self.text[start..self.pos - 1]);
                }
                b'}' => return Err(Problem::Expected("`\"` before `}`")),
                b'\n' if self.starts_entry(self.pos + 1) => return Err(unclosed),
                _ => {}
            }
            self.pos += 1;
        }
        Err(unclosed)
    }

    /// Skips a `@comment` or `@preamble` body up to `close`.
    fn skip_group(&mut self, close: u8) -> Result<(), Problem> {
        let mut depth = 0usize;
        while let Some(&c) = self.b.get(self.pos) {
            self.pos += 1;
            match c {
                b'\\' => self.pos += 1,
                b'{' => depth += 1,
                b'}' if depth > 0 => depth -= 1,
                _ if c == close && depth == 0 => return Ok(()),
                b'\n' if self.starts_entry(self.pos) => return Err(Problem::Unclosed),
                _ => {}
            }
        }
        Err(Problem::Unclosed)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values<'t>(bib: &Bib<'t>, n: usize, field: Field) -> Vec<&'t str> {
        bib.get(&bib.entries[n], field)
            .map(<[&str]>::to_vec)
            .unwrap_or_default()
    }

    #[test]
    fn braces_quotes_numbers_and_parentheses() {
        let bib = parse(
            "@Article{a,\n  TITLE = {A {B} c},\n  year = 2020,\n  journal = \"J {\"} x\",\n}\n\
             @misc(b, title = {T})",
        );
        assert!(bib.skipped.is_empty(), "{:?}", bib.skipped);
        assert_eq!(bib.entries.len(), 2);
        assert_eq!(bib.entries[0].kind, "Article");
        assert_eq!(bib.entries[0].key, "a");
        assert_eq!(values(&bib, 0, Field::Title), ["A {B} c"]);
        assert_eq!(values(&bib, 0, Field::Year), ["2020"]);
        assert_eq!(values(&bib, 0, Field::Journal), ["J {\"} x"]);
        assert_eq!(bib.entries[1].line, 6);
        assert_eq!(values(&bib, 1, Field::Title), ["T"]);
    }

    #[test]
    fn doubling_strings_stop_at_the_expansion_budget() {
        // Each macro twice the one before: 2^60 copies of `x` in a 2 KB file.
        let mut text = String::from("@string{s0 = \"x\"}\n");
        for i in 1..=60 {
            text.push_str(&format!("@string{{s{i} = s{} # s{}}}\n", i - 1, i - 1));
        }
        text.push_str("@article{boom, title = s60}\n@article{fine, title = {Fine}}\n");
        let bib = parse(&text);
        assert!(bib.skipped.iter().any(|s| s.problem == Problem::TooLong));
        assert!(bib.skipped.iter().any(|s| s.key == Some("boom")));
        assert_eq!(bib.entries.len(), 1, "the entry after it is read");
    }

    #[test]
    fn strings_months_and_concatenation() {
        let bib = parse(
            "@String{conf = \"Proc. of \"}\n@string(Big = {Big})\n\
             @inproceedings{k, booktitle = conf # big # {Conf}, month = aug, title = {x}}",
        );
        assert!(bib.skipped.is_empty(), "{:?}", bib.skipped);
        assert_eq!(
            values(&bib, 0, Field::BookTitle),
            ["Proc. of ", "Big", "Conf"]
        );
        assert_eq!(values(&bib, 0, Field::Month), ["August"]);
    }

    #[test]
    fn comments_preamble_and_text_between_entries_are_skipped() {
        let bib = parse(
            "% @article{no, title={x}}\nmail me@example.org\n@comment{ @article{nor, } }\n\
             @preamble{ \"\\newcommand{\\x}{y}\" }\n@misc{yes, % a comment\n title={T}, % another\n}",
        );
        assert!(bib.skipped.is_empty(), "{:?}", bib.skipped);
        let keys: Vec<&str> = bib.entries.iter().map(|e| e.key).collect();
        assert_eq!(keys, ["yes"]);
        assert_eq!(bib.entries[0].line, 5);
    }

    #[test]
    fn broken_entries_are_named_and_reading_resumes() {
        let text = "@article{a, title={Unclosed, year=2021\n\n\
                    @article{b, title={Fine}}\n\
                    @article{, title={No key}}\n\
                    @article{c title={No comma}}\n\
                    @article{d, title={x} year={y}}\n\
                    @article{e, title=undefined}\n\
                    @article{f, title={Last}}\n";
        let bib = parse(text);
        let keys: Vec<&str> = bib.entries.iter().map(|e| e.key).collect();
        assert_eq!(keys, ["b", "f"]);
        let skipped: Vec<(usize, Option<&str>, String)> = bib
            .skipped
            .iter()
            .map(|s| (s.line, s.key, s.problem.to_string()))
            .collect();
        assert_eq!(
            skipped,
            [
                (1, Some("a"), "unclosed brace".to_string()),
                (4, None, "missing key".to_string()),
                (5, Some("c"), "expected `,` after the key".to_string()),
                (6, Some("d"), "expected `,` between fields".to_string()),
                (7, Some("e"), "unknown @string `undefined`".to_string()),
            ]
        );
        assert_eq!(bib.entries[1].line, 8);
    }

    #[test]
    fn unclosed_last_entry_and_unused_macros() {
        let bib = parse("@misc{a, isbn = undefined, title = {x}}\n@misc{b, title = {y}");
        assert_eq!(bib.entries.len(), 1);
        assert_eq!(bib.skipped[0].problem, Problem::Unclosed);
        assert_eq!(bib.skipped[0].line, 2);
    }

    #[test]
    fn later_field_of_the_same_name_wins() {
        let bib = parse("@misc{a, title = {x}, Title = {y}}");
        assert_eq!(values(&bib, 0, Field::Title), ["y"]);
    }
}
