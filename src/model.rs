//! The one reference type that every reader produces and every writer consumes.

use serde::Serialize;
use std::fmt;
use std::path::Path;
use std::sync::Arc;

/// What kind of work a reference describes; decides the entry type in every writer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    /// A preprint on arXiv or another preprint server, not (known to be) published elsewhere.
    Preprint,
    /// A paper in the proceedings of a conference or workshop.
    ConferencePaper,
    /// An article in a journal.
    JournalArticle,
    /// A data set.
    Dataset,
    /// A book (BibTeX `@book`).
    Book,
    /// A chapter or contribution in a book (`@incollection`, `@inbook`).
    Chapter,
    /// A thesis (`@phdthesis`, `@mastersthesis`); [`Reference::genre`] says which.
    Thesis,
    /// A report of an institution (`@techreport`).
    Report,
    /// Anything else: a blog post, a paper of unknown venue.
    Other,
}

impl Kind {
    /// Every kind, in the order they are documented.
    pub const ALL: [Kind; 9] = [
        Kind::Preprint,
        Kind::ConferencePaper,
        Kind::JournalArticle,
        Kind::Dataset,
        Kind::Book,
        Kind::Chapter,
        Kind::Thesis,
        Kind::Report,
        Kind::Other,
    ];

    /// Whether the work appeared in a conference's proceedings or a journal.
    pub fn is_published(self) -> bool {
        matches!(self, Kind::ConferencePaper | Kind::JournalArticle)
    }

    /// The name used on the command line and in the CSV `type` column.
    pub fn name(self) -> &'static str {
        match self {
            Kind::Preprint => "preprint",
            Kind::ConferencePaper => "conference-paper",
            Kind::JournalArticle => "journal-article",
            Kind::Dataset => "dataset",
            Kind::Book => "book",
            Kind::Chapter => "chapter",
            Kind::Thesis => "thesis",
            Kind::Report => "report",
            Kind::Other => "other",
        }
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// The last words of organisations' names (`Seedream Team`, `SLAM Labs`, `Mistral AI`), which
/// [`Person::parse`] keeps whole; sorted.
const ORGANISATION: [&str; 11] = [
    "AI",
    "Collaboration",
    "Consortium",
    "Group",
    "Inc.",
    "Lab",
    "Labs",
    "Ltd.",
    "Project",
    "Research",
    "Team",
];

/// A person's name, split as far as it is known.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct Person {
    /// Given names ("Zifeng").
    pub given: String,
    /// Family name without particle ("Wang", "Maaten").
    pub family: String,
    /// The particle that belongs before the family name ("van der", "de", "Van").
    pub particle: String,
    /// A name that must not be split (an organisation, a consortium).
    pub literal: String,
    /// What follows the family name ("Jr.", "III"), as BibTeX's `von Last, Jr, First` gives it.
    pub suffix: String,
}

impl Person {
    /// Splits a display name such as "Laurens van der Maaten" into its parts.
    ///
    /// Names with a comma are read as "Family, Given". A single word becomes the family name.
    pub fn parse(name: &str) -> Person {
        let name = crate::text::collapse_whitespace(name);
        if let Some((family, given)) = name.split_once(',') {
            let (particle, family) = split_particle(family.trim());
            return Person {
                given: given.trim().to_string(),
                family,
                particle,
                ..Person::default()
            };
        }
        // An organisation (`Seedream Team`, `Team Seedream`) is one name.
        if let Some((rest, last)) = name.rsplit_once(' ') {
            if ORGANISATION.binary_search(&last).is_ok() || name.starts_with("Team ") {
                return Person::literal(&name);
            }
            // `Hal Daumé III`, `Martin Luther King Jr.`: the suffix after the family name.
            if rest.contains(' ') && is_suffix(last) {
                let mut person = Person::parse(rest.trim_end_matches(','));
                person.suffix = last.to_string();
                return person;
            }
        }
        // Words are single-space separated, so a run of words is a slice of `name`.
        let Some(last_space) = name.rfind(' ') else {
            // `E.Denton`, `J.M.Smith`: initials glued to the family name.
            let initials = name.rfind('.').map_or("", |dot| &name[..=dot]);
            let glued = initials.len() >= 2
                && initials
                    .split_terminator('.')
                    .all(|i| i.len() == 1 && i.starts_with(|c: char| c.is_uppercase()))
                && name[initials.len()..].chars().nth(1).is_some()
                && name[initials.len()..].starts_with(|c: char| c.is_uppercase())
                && name[initials.len()..]
                    .chars()
                    .all(|c| c.is_alphabetic() || "-'".contains(c));
            if glued {
                return Person {
                    given: initials.replace('.', ". ").trim_end().to_string(),
                    family: name[initials.len()..].to_string(),
                    ..Person::default()
                };
            }
            return Person {
                family: name.into_owned(),
                ..Person::default()
            };
        };
        // The particle starts at the first lower-case word after the first given name and runs
        // up to the family name, which is at least the last word.
        let last = last_space + 1;
        let (mut particle, mut family) = (last, last);
        let second_word = name.find(' ').map_or(last, |i| i + 1);
        let mut offset = second_word;
        for word in name.get(offset..last_space).unwrap_or_default().split(' ') {
            if particle == last && is_particle(word) {
                particle = offset;
            } else if particle != last && !is_particle(word) {
                family = offset;
                break;
            }
            offset += word.len() + 1;
        }
        let before = |at: usize| name[..at].trim_end_matches(' ');
        // Capitalised particles before the family name (`Luc Van Gool`, `Domenico Di Sante`,
        // `Fernando De La Torre` or `De la Torre`) are particles too, with any lower-case one
        // after them; a given name is left before them.
        let mut run = particle;
        while let Some(space) = before(run).rfind(' ').filter(|_| run > second_word) {
            let word = &name[space + 1..run - 1];
            // Particles are short: longer words need no lower-cased copy.
            if !word.starts_with(|c: char| c.is_uppercase())
                || word.len() > 5
                || !is_particle(&word.to_lowercase())
            {
                break;
            }
            run = space + 1;
        }
        let first = name[run..particle].split(' ').next().unwrap_or_default();
        // `Phi Van Nguyen`, `Nguyen Van Thanh`: Văn, a Vietnamese middle name, in a Vietnamese
        // name.
        let vietnamese = first == "Van"
            && (is_vietnamese_family_name(&name[family..])
                || VIETNAMESE_FAMILY_NAMES.contains(&name[..second_word].trim_end()));
        if run < particle && opens_a_family_name(&first.to_lowercase()) && !vietnamese {
            particle = run;
        }
        Person {
            given: before(particle).to_string(),
            particle: name[particle..family].trim_end_matches(' ').to_string(),
            family: name[family..].to_string(),
            ..Person::default()
        }
    }

    /// An organisation or any name kept whole.
    pub fn literal(name: &str) -> Person {
        Person {
            literal: name.to_string(),
            ..Person::default()
        }
    }

    /// The family name with its particle ("van der Maaten"), or the literal name.
    pub fn full_family(&self) -> String {
        if !self.literal.is_empty() {
            return self.literal.clone();
        }
        if self.particle.is_empty() {
            self.family.clone()
        } else {
            format!("{} {}", self.particle, self.family)
        }
    }

    /// The name as a person would write it ("Laurens van der Maaten").
    pub fn display(&self) -> String {
        let mut out = String::new();
        self.display_into(&mut out);
        out
    }

    /// Appends [`Person::display`] to `out`.
    pub fn display_into(&self, out: &mut String) {
        if !self.literal.is_empty() {
            out.push_str(&self.literal);
            return;
        }
        let parts = [&self.given, &self.particle, &self.family, &self.suffix];
        for (i, part) in parts.into_iter().filter(|s| !s.is_empty()).enumerate() {
            if i > 0 {
                out.push(' ');
            }
            out.push_str(part);
        }
    }
}

/// Whether a word is a name suffix: `Jr.`, `Sr.`, `II`, `III`, `IV`.
pub fn is_suffix(word: &str) -> bool {
    matches!(word, "Jr." | "Jr" | "Sr." | "Sr" | "II" | "III" | "IV")
}

/// A particle that, capitalised inside a name written given name first, starts the family name
/// (`Van Gool`, `La Marca`, `El Kheir`, `Al Sahili`, `Ben Abacha`); `Du` and `Da` are given and
/// family names of their own, and so is `Van` in Vietnamese names, which the caller tells apart.
/// `Le` is left out: a middle name as often as not (`Tom Le Paine`, `Son Le Thanh`, but `Cedric
/// Le Gentil`).
fn opens_a_family_name(word: &str) -> bool {
    matches!(
        word,
        "van"
            | "von"
            | "de"
            | "di"
            | "del"
            | "della"
            | "dos"
            | "das"
            | "ter"
            | "ten"
            | "la"
            | "el"
            | "al"
            | "ben"
    )
}

/// The commonest Vietnamese family names as written without diacritics, or any word written with
/// the letters only Vietnamese has (`Nguyễn`, `Đào`).
fn is_vietnamese_family_name(word: &str) -> bool {
    const VIETNAMESE: &str = "ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹĐ";
    VIETNAMESE_FAMILY_NAMES.contains(&word) || word.chars().any(|c| VIETNAMESE.contains(c))
}

/// The commonest Vietnamese family names, as written without diacritics.
const VIETNAMESE_FAMILY_NAMES: [&str; 39] = [
    "Bui", "Cao", "Chau", "Dang", "Dao", "Dinh", "Do", "Doan", "Duong", "Ha", "Hoang", "Ho",
    "Huynh", "Kieu", "Lai", "Lam", "Le", "Luong", "Luu", "Ly", "Ma", "Mai", "Ngo", "Nguyen",
    "Pham", "Phan", "Phung", "Quach", "Ta", "Tang", "Thach", "Thai", "To", "Tran", "Trieu",
    "Trinh", "Truong", "Vo", "Vu",
];

fn is_particle(word: &str) -> bool {
    matches!(
        word,
        "van"
            | "von"
            | "der"
            | "den"
            | "de"
            | "del"
            | "della"
            | "di"
            | "da"
            | "du"
            | "dos"
            | "das"
            | "le"
            | "la"
            | "ter"
            | "ten"
            | "zu"
            | "af"
            | "al"
            | "el"
            | "bin"
            | "ben"
            | "ibn"
    )
}

/// Whether a family name of several words starts with a particle's word in any case (`van de
/// Pol`, `De Lange`), which a CSL processor would split off it.
pub(crate) fn starts_with_particle(family: &str) -> bool {
    family
        .split_once(' ')
        .is_some_and(|(first, _)| is_particle(&first.to_lowercase()))
}

fn split_particle(family: &str) -> (String, String) {
    let words: Vec<&str> = family.split(' ').collect();
    let n = words
        .iter()
        .take(words.len().saturating_sub(1))
        .take_while(|w| is_particle(w))
        .count();
    (words[..n].join(" "), words[n..].join(" "))
}

/// A publication date, as precise as it is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Date {
    /// The year.
    pub year: i32,
    /// The month, 1 to 12.
    pub month: Option<u8>,
    /// The day of the month.
    pub day: Option<u8>,
}

impl Date {
    /// A date known only to the year.
    pub fn year(year: i32) -> Date {
        Date {
            year,
            month: None,
            day: None,
        }
    }

    /// Reads `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (anything after the day is ignored).
    pub fn parse_iso(text: &str) -> Option<Date> {
        let mut parts = text.get(..text.len().min(10))?.split('-');
        let year = parts.next()?.parse().ok()?;
        let month = parts
            .next()
            .and_then(|m| m.parse().ok())
            .filter(|m| (1..=12).contains(m));
        let day = parts
            .next()
            .and_then(|d| d.parse().ok())
            .filter(|d| (1..=31).contains(d));
        Some(Date {
            year,
            month,
            day: month.and(day),
        })
    }

    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, as far as known.
    pub fn iso(&self) -> String {
        let mut out = String::with_capacity(10);
        self.iso_into(&mut out);
        out
    }

    /// Appends [`Date::iso`] to `out`.
    pub fn iso_into(&self, out: &mut String) {
        crate::text::push_number(out, self.year, 4);
        if let Some(month) = self.month {
            out.push('-');
            crate::text::push_number(out, month, 2);
            if let Some(day) = self.day {
                out.push('-');
                crate::text::push_number(out, day, 2);
            }
        }
    }
}

/// Where a work appeared.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Venue {
    /// As the source wrote it ("NIPS workshop").
    pub written: String,
    /// The normalised name ("NeurIPS Workshops"); equal to `written` for unknown venues.
    pub name: String,
}

/// An arXiv identifier.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct ArxivId {
    /// The id without version: `2210.10163` or `hep-th/9901001`.
    pub id: String,
    /// The version number when one was given (`v2` → 2).
    pub version: Option<u32>,
}

impl fmt::Display for ArxivId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.version {
            Some(v) => write!(f, "{}v{}", self.id, v),
            None => f.write_str(&self.id),
        }
    }
}

/// Links found for a reference, by role.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Links {
    /// The paper itself (abstract page or PDF).
    pub paper: Option<String>,
    /// Source code.
    pub code: Option<String>,
    /// A project page.
    pub project: Option<String>,
    /// A data set.
    pub dataset: Option<String>,
    /// Everything else, with its label.
    pub other: Vec<(String, String)>,
}

/// The headings an entry stood under, outermost first. Shared: every entry under the same
/// headings holds the same path.
pub type SectionPath = Arc<[String]>;

/// Where a reference was read from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Origin {
    /// The input file (`-` for standard input), shared by every entry read from it.
    pub file: Arc<Path>,
    /// The 1-based line where the entry starts.
    pub line: usize,
}

/// Who supplied a field's value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Source {
    /// The input list itself.
    List,
    /// The arXiv API, looked up by id.
    Arxiv,
    /// The arXiv API, matched by title search.
    ArxivTitle,
    /// The Crossref REST API, looked up by DOI.
    Crossref,
    /// The Semantic Scholar Graph API, looked up by arXiv id.
    SemanticScholar,
    /// DataCite, looked up by arXiv's own DOI (`10.48550/arXiv.ID`).
    DataCite,
}

impl Source {
    /// A short lower-case name for messages and provenance columns.
    pub fn name(self) -> &'static str {
        match self {
            Source::List => "list",
            Source::Arxiv => "arxiv",
            Source::ArxivTitle => "arxiv-title",
            Source::Crossref => "crossref",
            Source::SemanticScholar => "s2",
            Source::DataCite => "datacite",
        }
    }
}

/// The origin of one field's value.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Provenance {
    /// Who supplied the value.
    pub source: Source,
    /// For matches by title, how closely the titles agreed (0 to 1).
    pub score: Option<f64>,
}

/// A field whose source is recorded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Field {
    /// The title.
    Title,
    /// The authors.
    Authors,
    /// The publication date.
    Date,
    /// The venue.
    Venue,
    /// The kind of work.
    Kind,
    /// The arXiv id.
    Arxiv,
    /// The DOI.
    Doi,
    /// The abstract.
    Abstract,
    /// arXiv's journal reference.
    JournalRef,
    /// The arXiv primary category.
    PrimaryCategory,
    /// The arXiv categories.
    Categories,
    /// The volume.
    Volume,
    /// The issue.
    Issue,
    /// The pages.
    Pages,
    /// The publisher.
    Publisher,
    /// The links.
    Links,
    /// The citation key, when the input gave one.
    Citekey,
}

impl Field {
    /// Every field, in the order of [`Field::name`]'s documentation.
    pub const ALL: [Field; 17] = [
        Field::Title,
        Field::Authors,
        Field::Date,
        Field::Venue,
        Field::Kind,
        Field::Arxiv,
        Field::Doi,
        Field::Abstract,
        Field::JournalRef,
        Field::PrimaryCategory,
        Field::Categories,
        Field::Volume,
        Field::Issue,
        Field::Pages,
        Field::Publisher,
        Field::Links,
        Field::Citekey,
    ];

    /// The field's name in messages and in serialised provenance.
    pub fn name(self) -> &'static str {
        match self {
            Field::Title => "title",
            Field::Authors => "authors",
            Field::Date => "date",
            Field::Venue => "venue",
            Field::Kind => "kind",
            Field::Arxiv => "arxiv",
            Field::Doi => "doi",
            Field::Abstract => "abstract",
            Field::JournalRef => "journal_ref",
            Field::PrimaryCategory => "primary_category",
            Field::Categories => "categories",
            Field::Volume => "volume",
            Field::Issue => "issue",
            Field::Pages => "pages",
            Field::Publisher => "publisher",
            Field::Links => "links",
            Field::Citekey => "citekey",
        }
    }
}

/// Which source filled each field: one byte per field, kept inside the reference (a map cost an
/// allocation of up to 1.5 KB per reference).
///
/// A reference is matched by title at most once, so one score serves every field that match filled.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Provenances {
    sources: [Option<Source>; Field::ALL.len()],
    title_match: Option<f64>,
}

impl Provenances {
    /// Records that `field` came from `source`; `score` is the closeness of a match by title.
    pub fn insert(&mut self, field: Field, source: Source, score: Option<f64>) {
        self.sources[field as usize] = Some(source);
        if score.is_some() {
            self.title_match = score;
        }
    }

    /// Who supplied `field`, if it is recorded.
    pub fn get(&self, field: Field) -> Option<Provenance> {
        let source = self.sources[field as usize]?;
        let score = if source == Source::ArxivTitle {
            self.title_match
        } else {
            None
        };
        Some(Provenance { source, score })
    }

    /// Whether `field`'s source is recorded.
    pub fn contains(&self, field: Field) -> bool {
        self.sources[field as usize].is_some()
    }

    /// The recorded fields with their provenance, in [`Field`] order.
    pub fn iter(&self) -> impl Iterator<Item = (Field, Provenance)> + '_ {
        Field::ALL
            .into_iter()
            .filter_map(|f| self.get(f).map(|p| (f, p)))
    }
}

impl Serialize for Provenances {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_map(self.iter().map(|(f, p)| (f.name(), p)))
    }
}

/// A value a later source offered for a field that already had a different one.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Disagreement {
    /// The field's name ("venue", "year", ...).
    pub field: &'static str,
    /// The value that was kept.
    pub kept: String,
    /// Who supplied the kept value.
    pub kept_from: Source,
    /// The value that was offered and not used.
    pub offered: String,
    /// Who offered it.
    pub offered_from: Source,
}

/// A later source that offered the same value as the one kept: it raises confidence in the field.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Agreement {
    /// The field's name ("venue", "kind", ...).
    pub field: &'static str,
    /// The value both sides gave (as the confirming source wrote it).
    pub value: String,
    /// Who confirmed it.
    pub source: Source,
}

/// One bibliographic reference.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Reference {
    /// The citation key, assigned by [`crate::key`] after all sources have been merged.
    pub citekey: String,
    /// What kind of work it is.
    pub kind: Kind,
    /// The title, cleaned of Markdown and mojibake.
    pub title: String,
    /// Parts of the title whose case the source fixed (BibTeX's `{Bayesian}`, CSL-JSON's nocase
    /// spans): writers keep their case as they keep acronyms'.
    #[serde(skip)]
    pub kept_case: Vec<String>,
    /// Authors in order.
    pub authors: Vec<Person>,
    /// The source named only the first authors (`et al.`, BibTeX's `and others`): a source with
    /// the whole list replaces them, and BibTeX gets `and others`.
    pub et_al: bool,
    /// Publication date.
    pub date: Option<Date>,
    /// Where it appeared.
    pub venue: Option<Venue>,
    /// The arXiv identifier.
    pub arxiv: Option<ArxivId>,
    /// The DOI, in its original case.
    pub doi: Option<String>,
    /// The arXiv primary category (`cs.CV`).
    pub primary_category: Option<String>,
    /// All arXiv categories.
    pub categories: Vec<String>,
    /// The abstract.
    #[serde(rename = "abstract")]
    pub abstract_text: Option<String>,
    /// A journal reference as arXiv reports it.
    pub journal_ref: Option<String>,
    /// The volume of the journal or proceedings.
    pub volume: Option<String>,
    /// The issue of the journal.
    pub issue: Option<String>,
    /// The page range (`877-882`) or article number.
    pub pages: Option<String>,
    /// The publisher (`Springer Nature Switzerland`); for a thesis its school, for a report its
    /// institution.
    pub publisher: Option<String>,
    /// The editors of the book or proceedings.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub editors: Vec<Person>,
    /// Where it was published (BibTeX `address`, CSL `publisher-place`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub place: Option<String>,
    /// The series of a book (`Lecture Notes in Computer Science`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub series: Option<String>,
    /// A book's edition (`2`, `Second`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub edition: Option<String>,
    /// A chapter's number.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub chapter: Option<String>,
    /// What kind of thesis or report (`PhD thesis`, `Master's thesis`, `Technical report`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub genre: Option<String>,
    /// Links by role.
    pub links: Links,
    /// Every section path the entry stood under (one path per occurrence).
    pub sections: Vec<SectionPath>,
    /// Where the entry was first read.
    pub origin: Origin,
    /// Which source filled each field.
    pub provenance: Provenances,
    /// Values offered by later sources that differ from the kept ones.
    pub disagreements: Vec<Disagreement>,
    /// Values later sources confirmed.
    pub agreements: Vec<Agreement>,
}

impl Reference {
    /// arXiv's journal reference as a note for BibTeX and CSL-JSON, unless the entry is a
    /// conference or journal paper with its venue: its fields say the same, and the note would
    /// print it twice.
    pub fn journal_ref_note(&self) -> Option<&str> {
        let redundant = self.kind.is_published() && self.venue.is_some();
        self.journal_ref.as_deref().filter(|_| !redundant)
    }

    /// An empty reference read from `origin`; readers fill it in.
    pub fn new(title: String, origin: Origin) -> Reference {
        let mut provenance = Provenances::default();
        provenance.insert(Field::Title, Source::List, None);
        Reference {
            citekey: String::new(),
            kind: Kind::Other,
            title,
            kept_case: Vec::new(),
            authors: Vec::new(),
            et_al: false,
            date: None,
            venue: None,
            arxiv: None,
            doi: None,
            primary_category: None,
            categories: Vec::new(),
            abstract_text: None,
            journal_ref: None,
            volume: None,
            issue: None,
            pages: None,
            publisher: None,
            editors: Vec::new(),
            place: None,
            series: None,
            edition: None,
            chapter: None,
            genre: None,
            links: Links::default(),
            sections: Vec::new(),
            origin,
            provenance,
            disagreements: Vec::new(),
            agreements: Vec::new(),
        }
    }

    /// The year of publication, if known.
    pub fn year(&self) -> Option<i32> {
        self.date.map(|d| d.year)
    }

    /// The first section path, joined with ` > `.
    pub fn section_label(&self) -> String {
        self.sections
            .first()
            .map(|path| path.join(" > "))
            .unwrap_or_default()
    }

    /// Every section path joined with ` > `, the paths separated by `between`.
    pub fn sections_joined(&self, between: &str) -> String {
        let mut out = String::new();
        self.sections_into(between, &mut out);
        out
    }

    /// Appends [`Reference::sections_joined`] to `out`.
    pub fn sections_into(&self, between: &str, out: &mut String) {
        for (i, path) in self.sections.iter().enumerate() {
            if i > 0 {
                out.push_str(between);
            }
            for (j, name) in path.iter().enumerate() {
                if j > 0 {
                    out.push_str(" > ");
                }
                out.push_str(name);
            }
        }
    }

    /// Records that `field` came from `source`.
    pub fn mark(&mut self, field: Field, source: Source, score: Option<f64>) {
        self.provenance.insert(field, source, score);
    }

    /// Who supplied `field`, defaulting to the list.
    pub fn source_of(&self, field: Field) -> Source {
        self.provenance
            .get(field)
            .map_or(Source::List, |p| p.source)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parts(name: &str) -> (String, String, String) {
        let p = Person::parse(name);
        (p.given, p.particle, p.family)
    }

    #[test]
    fn provenance_keeps_each_fields_source_and_the_title_match_score() {
        let mut r = Reference::new(
            "T".into(),
            Origin {
                file: std::path::Path::new("a.md").into(),
                line: 1,
            },
        );
        assert_eq!(r.source_of(Field::Title), Source::List);
        assert!(!r.provenance.contains(Field::Doi));
        r.mark(Field::Doi, Source::ArxivTitle, Some(0.93));
        r.mark(Field::Authors, Source::Crossref, None);
        r.mark(Field::Title, Source::Arxiv, None);
        let kept: Vec<_> = r
            .provenance
            .iter()
            .map(|(f, p)| (f.name(), p.source, p.score))
            .collect();
        assert_eq!(
            kept,
            [
                ("title", Source::Arxiv, None),
                ("authors", Source::Crossref, None),
                ("doi", Source::ArxivTitle, Some(0.93)),
            ]
        );
        assert_eq!(
            serde_json::to_string(&r.provenance).unwrap(),
            r#"{"title":{"source":"arxiv","score":null},"authors":{"source":"crossref","score":null},"doi":{"source":"arxiv-title","score":0.93}}"#
        );
        // Every field has its own slot and its own name.
        let names: std::collections::BTreeSet<_> = Field::ALL.iter().map(|f| f.name()).collect();
        assert_eq!(names.len(), Field::ALL.len());
        assert!(Field::ALL.iter().enumerate().all(|(i, f)| *f as usize == i));
    }

    #[test]
    fn an_organisation_is_one_name() {
        assert!(
            ORGANISATION.is_sorted(),
            "binary search needs the words in order"
        );
        for name in [
            "Seedream Team",
            "Team Seedream",
            "SLAM Labs",
            "Mistral AI",
            "The MedCLIP Consortium",
        ] {
            let p = Person::parse(name);
            assert_eq!(
                (p.literal.as_str(), p.family.as_str()),
                (name, ""),
                "{name}"
            );
        }
        // A person whose family name is written like such a word in another case is a person.
        assert_eq!(Person::parse("Wei Ai").family, "Ai");
    }

    #[test]
    fn names_split_into_given_particle_and_family() {
        let cases = [
            ("Laurens van der Maaten", ("Laurens", "van der", "Maaten")),
            (
                "  Laurens   van  der\tMaaten ",
                ("Laurens", "van der", "Maaten"),
            ),
            ("Maria del Mar Garcia", ("Maria", "del", "Mar Garcia")),
            ("A B van C van D", ("A B", "van", "C van D")),
            ("Ludwig van", ("Ludwig", "", "van")),
            ("de Gaulle", ("de", "", "Gaulle")),
            ("Jean van der", ("Jean", "van", "der")),
            ("Geoffrey E. Hinton", ("Geoffrey E.", "", "Hinton")),
            ("Hinton", ("", "", "Hinton")),
            ("", ("", "", "")),
            ("van der Maaten, Laurens", ("Laurens", "van der", "Maaten")),
            ("Luc Van Gool", ("Luc", "Van", "Gool")),
            ("Domenico Di Sante", ("Domenico", "Di", "Sante")),
            ("Fernando De La Torre", ("Fernando", "De La", "Torre")),
            ("Fernando De la Torre", ("Fernando", "De la", "Torre")),
            ("Rogier Van der Sluijs", ("Rogier", "Van der", "Sluijs")),
            // `Le`, `Da`: a given name as often; a first word: the given name.
            ("Anh Le Nguyen", ("Anh Le", "", "Nguyen")),
            ("Phi Van Nguyen", ("Phi Van", "", "Nguyen")),
            ("Hoa Van Nguyễn", ("Hoa Van", "", "Nguyễn")),
            ("Anh Van Dao", ("Anh Van", "", "Dao")),
            ("Nguyen Van Thanh", ("Nguyen Van", "", "Thanh")),
            ("Jérôme Van Hoeck", ("Jérôme", "Van", "Hoeck")),
            ("Van Gool", ("Van", "", "Gool")),
            ("Tom Le Paine", ("Tom Le", "", "Paine")),
            ("A. La Marca", ("A.", "La", "Marca")),
            ("Safouane El Ghazouali", ("Safouane", "El", "Ghazouali")),
            ("Mohamad Al Mdfaa", ("Mohamad", "Al", "Mdfaa")),
            ("Asma Ben Abacha", ("Asma", "Ben", "Abacha")),
            ("Le Song", ("Le", "", "Song")),
            ("Quoc V. Le", ("Quoc V.", "", "Le")),
            ("Ben Glocker", ("Ben", "", "Glocker")),
            ("E.Denton", ("E.", "", "Denton")),
            ("J.M.Smith", ("J. M.", "", "Smith")),
            ("U.S.", ("", "", "U.S.")),
            ("node.js", ("", "", "node.js")),
        ];
        for (name, (given, particle, family)) in cases {
            assert_eq!(
                parts(name),
                (given.into(), particle.into(), family.into()),
                "{name:?}"
            );
        }
    }
}
