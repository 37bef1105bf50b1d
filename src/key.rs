//! Citation keys: `wang2022medclip` by default, or any `--citekey` pattern; stable across runs and
//! input orderings.
//!
//! A pattern is literal text (ASCII letters, digits, `-`, `_`, `:`, `.`) and fields in braces:
//!
//! | field | value |
//! |---|---|
//! | `{auth}` | first author's family name, ASCII, lower case (`wang`) |
//! | `{Auth}` | the same, capitalised (`Wang`) |
//! | `{authors2}` | one author: `wang`; two: `wangli`; more, or `et al.`: `wangetal` |
//! | `{year}` | the year (`2022`) |
//! | `{veryshorttitle}` | the first significant title word (`medclip`) |
//! | `{shorttitle}` | the first three significant title words (`medclipcontrastivelearning`) |
//! | `{title}` | every significant title word |
//! | `{arxiv}` | the arXiv id, `/` as `-` (`2210.10163`, `hep-th-9901001`) |
//!
//! Significant words skip short function words (`a`, `the`, `of`, ...). A reference without authors
//! uses its first significant title word for the author fields (or `anon` without one), and its title
//! fields then start at the next word. A field without a value is empty; a key that comes out empty
//! is `anon`. The default is [`DEFAULT_PATTERN`].

use crate::error::Error;
use crate::model::Reference;
use crate::text;
use crate::HashSet;

/// Title words that never make a key.
pub(crate) const STOPWORDS: &[&str] = &[
    "a", "an", "the", "on", "of", "for", "in", "to", "and", "with", "from", "by", "at", "via",
    "is", "are", "as", "towards", "toward", "does", "do", "how", "what", "when", "why", "can",
    "its",
];

/// The default key pattern: `wang2022medclip`, or `medclip2022contrastive` without authors.
pub const DEFAULT_PATTERN: &str = "{auth}{year}{veryshorttitle}";

/// The fields a pattern may use, by name, for parsing and for messages.
const FIELDS: &[(&str, Field)] = &[
    ("auth", Field::Auth),
    ("Auth", Field::AuthCapital),
    ("authors2", Field::Authors2),
    ("year", Field::Year),
    ("veryshorttitle", Field::VeryShortTitle),
    ("shorttitle", Field::ShortTitle),
    ("title", Field::Title),
    ("arxiv", Field::Arxiv),
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Field {
    Auth,
    AuthCapital,
    Authors2,
    Year,
    VeryShortTitle,
    ShortTitle,
    Title,
    Arxiv,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Part {
    Literal(String),
    Field(Field),
}

/// A parsed `--citekey` pattern (see the module documentation).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pattern {
    parts: Vec<Part>,
}

impl Default for Pattern {
    /// [`DEFAULT_PATTERN`], parsed (a unit test checks the two agree).
    fn default() -> Self {
        Pattern {
            parts: vec![
                Part::Field(Field::Auth),
                Part::Field(Field::Year),
                Part::Field(Field::VeryShortTitle),
            ],
        }
    }
}

impl Pattern {
    /// Parses a pattern such as `{auth}{year}{shorttitle}` or `{Auth}:{year}`.
    pub fn parse(pattern: &str) -> Result<Pattern, Error> {
        let fail = |message: String| Error::CitekeyPattern {
            pattern: pattern.to_string(),
            message,
        };
        let mut parts = Vec::new();
        let mut rest = pattern;
        while !rest.is_empty() {
            if let Some(after) = rest.strip_prefix('{') {
                let close = after
                    .find('}')
                    .ok_or_else(|| fail("`{` without `}`".to_string()))?;
                let name = &after[..close];
                let field = FIELDS
                    .iter()
                    .find(|(n, _)| *n == name)
                    .map(|(_, f)| *f)
                    .ok_or_else(|| {
                        let known: Vec<String> =
                            FIELDS.iter().map(|(n, _)| format!("{{{n}}}")).collect();
                        fail(format!(
                            "unknown field `{{{name}}}` (known: {})",
                            known.join(" ")
                        ))
                    })?;
                parts.push(Part::Field(field));
                rest = &after[close + 1..];
            } else {
                let end = rest.find('{').unwrap_or(rest.len());
                let literal = &rest[..end];
                if let Some(bad) = literal
                    .chars()
                    .find(|c| !(c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | ':' | '.')))
                {
                    return Err(fail(format!(
                        "`{bad}` cannot be part of a key (use letters, digits, - _ : .)"
                    )));
                }
                parts.push(Part::Literal(literal.to_string()));
                rest = &rest[end..];
            }
        }
        if !parts.iter().any(|p| matches!(p, Part::Field(_))) {
            return Err(fail(
                "no field in braces, so every key would be the same".to_string(),
            ));
        }
        Ok(Pattern { parts })
    }

    /// How many significant title words the pattern uses.
    fn title_words(&self) -> usize {
        self.parts
            .iter()
            .map(|p| match p {
                Part::Field(Field::VeryShortTitle) => 1,
                Part::Field(Field::ShortTitle) => 3,
                Part::Field(Field::Title) => usize::MAX - 1,
                _ => 0,
            })
            .max()
            .unwrap_or(0)
    }

    fn uses_authors(&self) -> bool {
        self.parts.iter().any(|p| {
            matches!(
                p,
                Part::Field(Field::Auth | Field::AuthCapital | Field::Authors2)
            )
        })
    }

    /// How many authors the pattern looks at: `{authors2}` tells two from three or more.
    fn author_count(&self) -> usize {
        self.parts
            .iter()
            .map(|p| match p {
                Part::Field(Field::Authors2) => 3,
                Part::Field(Field::Auth | Field::AuthCapital) => 1,
                _ => 0,
            })
            .max()
            .unwrap_or(0)
    }

    /// The key of `r` before de-duplication.
    pub fn key(&self, r: &Reference) -> String {
        // Only as many authors and title words as the pattern uses are made.
        let authors: Vec<String> = r
            .authors
            .iter()
            .map(|p| {
                if p.literal.is_empty() {
                    ascii_word(&p.family)
                } else {
                    ascii_word(&p.literal)
                }
            })
            .filter(|a| !a.is_empty())
            .take(self.author_count())
            .collect();
        let needs_fallback = authors.is_empty() && self.uses_authors();
        let mut words =
            significant_words(&r.title, self.title_words() + usize::from(needs_fallback));
        let fallback = needs_fallback.then(|| {
            if words.is_empty() {
                "anon".to_string()
            } else {
                words.remove(0)
            }
        });
        let first_author = fallback
            .as_deref()
            .or(authors.first().map(String::as_str))
            .unwrap_or_default();
        let mut key = String::with_capacity(32);
        for part in &self.parts {
            let field = match part {
                Part::Literal(text) => {
                    key.push_str(text);
                    continue;
                }
                Part::Field(field) => field,
            };
            match field {
                Field::Auth => key.push_str(first_author),
                Field::AuthCapital => {
                    let mut chars = first_author.chars();
                    key.extend(chars.next().map(|c| c.to_ascii_uppercase()));
                    key.push_str(chars.as_str());
                }
                Field::Authors2 => match (authors.as_slice(), r.et_al) {
                    ([a, b], false) if fallback.is_none() => {
                        key.push_str(a);
                        key.push_str(b);
                    }
                    ([a, _, _, ..], _) | ([a, ..], true) if fallback.is_none() => {
                        key.push_str(a);
                        key.push_str("etal");
                    }
                    _ => key.push_str(first_author),
                },
                Field::Year => {
                    if let Some(year) = r.year() {
                        crate::text::push_number(&mut key, year, 0);
                    }
                }
                Field::VeryShortTitle => key.extend(words.first().map(String::as_str)),
                Field::ShortTitle => key.extend(words.iter().take(3).map(String::as_str)),
                Field::Title => key.extend(words.iter().map(String::as_str)),
                Field::Arxiv => {
                    if let Some(a) = &r.arxiv {
                        key.extend(a.id.chars().map(|c| if c == '/' { '-' } else { c }));
                    }
                }
            }
        }
        if key.is_empty() {
            "anon".to_string()
        } else {
            key
        }
    }
}

/// Assigns every reference a unique key with the default pattern (see [`assign_with`]).
pub fn assign(refs: &mut [Reference]) {
    assign_with(refs, &Pattern::default(), &Previous::default());
}

/// Assigns every reference a unique key made by `pattern`. References that would share a key get
/// the suffixes `a`, `b`, ... in an order that depends only on their ids and titles, never on where
/// they stand in the input.
///
/// `previous[i]`, when given, is the key reference `i` had in the output this run replaces. It is
/// kept when the pattern still gives its stem (`wang2022medclip`, plus a suffix of one or two
/// letters), so a list that grows never moves a key a document cites: a new entry that clashes
/// takes the next free suffix.
pub fn assign_with(refs: &mut [Reference], pattern: &Pattern, previous: &Previous) {
    // Keys that came with the input (BibTeX, CSL-JSON) are the ones a document cites: they are
    // kept, except a repeated one, which the later entry gives up.
    let mut taken: HashSet<String> = HashSet::default();
    for r in refs.iter_mut() {
        if !r.citekey.is_empty() && !taken.insert(r.citekey.clone()) {
            r.citekey.clear();
        }
    }
    // The references without a key, by the key the pattern makes, in the order of those keys
    // and, for one key, of the references.
    let mut keyed: Vec<(String, usize)> = (refs.iter().enumerate())
        .filter(|(_, r)| r.citekey.is_empty())
        .map(|(i, r)| (pattern.key(r), i))
        .collect();
    keyed.sort_unstable();
    // Keys kept from the previous output first, so the others go around them.
    for group in keyed.chunk_by(|a, b| a.0 == b.0) {
        let base = group[0].0.as_str();
        for &(_, i) in group {
            let kept = previous
                .keys
                .get(i)
                .and_then(Option::as_deref)
                .filter(|old| {
                    old.strip_prefix(base)
                        .is_some_and(|s| s.len() <= 2 && s.bytes().all(|b| b.is_ascii_lowercase()))
                        && !taken.contains(*old)
                });
            if let Some(old) = kept {
                taken.insert(old.to_string());
                refs[i].citekey = old.to_string();
            }
        }
    }
    // A key the previous output gave a paper no longer listed goes to no other paper: a document
    // citing it should fail to find it, not find another paper.
    taken.extend(previous.retired.iter().cloned());
    for group in keyed.chunk_by_mut(|a, b| a.0 == b.0) {
        // Those that kept no previous key.
        let mut members: Vec<usize> = (group.iter().map(|&(_, i)| i))
            .filter(|&i| refs[i].citekey.is_empty())
            .collect();
        if members.is_empty() {
            continue;
        }
        let base = std::mem::take(&mut group[0].0);
        if group.len() == 1 && !taken.contains(&base) {
            refs[members[0]].citekey = base;
            continue;
        }
        members.sort_by_cached_key(|&i| order_key(&refs[i]));
        let mut n = 0;
        for i in members {
            let key = loop {
                let key = format!("{base}{}", suffix(n));
                n += 1;
                if !taken.contains(&key) {
                    break key;
                }
            };
            taken.insert(key.clone());
            refs[i].citekey = key;
        }
    }
}

/// The keys of the output a run replaces, for [`assign_with`].
#[derive(Debug, Default)]
pub struct Previous {
    /// For each reference of this run, the key its paper had there.
    pub keys: Vec<Option<String>>,
    /// Every key there, including those of papers this run no longer has.
    pub retired: Vec<String>,
}

/// `a`..`z`, then `aa`, `ab`, ...
fn suffix(mut n: usize) -> String {
    let mut s = Vec::new();
    loop {
        s.push(b'a' + (n % 26) as u8);
        if n < 26 {
            break;
        }
        n = n / 26 - 1;
    }
    s.reverse();
    String::from_utf8(s).unwrap_or_default()
}

/// What orders references that share a key: identifiers, then the title.
fn order_key(r: &Reference) -> (String, String, String, String) {
    (
        r.arxiv.as_ref().map(|a| a.id.clone()).unwrap_or_default(),
        r.doi
            .as_deref()
            .map(crate::ids::doi_key)
            .unwrap_or_default(),
        text::normalize_title(&r.title),
        r.title.clone(),
    )
}

fn ascii_word(word: &str) -> String {
    let folded;
    let word = if word.is_ascii() {
        word
    } else {
        // Chinese and Japanese write no spaces between words: a run of their characters is
        // one "word" here, of which the first two characters (one word, often) are enough.
        let mut cjk = 0;
        let cut = word
            .char_indices()
            .find(|&(_, c)| {
                cjk += usize::from(crate::write::latex::is_cjk(c));
                cjk > 2
            })
            .map_or(word.len(), |(at, _)| at);
        folded = deunicode::deunicode(&word[..cut]);
        &folded
    };
    let mut out = String::with_capacity(word.len());
    // Without TeX commands' names (`$\textit{S}^3$` is `s3`).
    let mut command = false;
    for b in word.bytes() {
        command = b == b'\\' || command && b.is_ascii_alphabetic();
        if !command && b.is_ascii_alphanumeric() {
            out.push(char::from(b.to_ascii_lowercase()));
        }
    }
    out
}

/// The first `limit` of the title's words for keys, without function words. A letter and the
/// math right after it are one name (`D $^2$ GSLAM` gives `d2`, as `$\textit{S}^3$` gives `s3`);
/// other single letters give way to a longer word (`V*: An Efficient Planner` gives
/// `efficient`, not `v`). Digits stay: `Llama 3` is not `Llama 2`. Words after the `limit`th are
/// not read.
fn significant_words(title: &str, limit: usize) -> Vec<String> {
    let single_letter = |w: &str| w.len() == 1 && w.as_bytes()[0].is_ascii_alphabetic();
    let mut words: Vec<String> = Vec::new();
    let mut longer = 0;
    for raw in title.split(|c: char| c.is_whitespace() || c == '/') {
        // Enough words that no later one can change; the last no letter to glue math to.
        if longer >= limit && words.last().is_none_or(|w| !single_letter(w)) {
            break;
        }
        let word = ascii_word(raw);
        if word.is_empty() {
            continue;
        }
        match words.last_mut() {
            Some(letter) if raw.starts_with('$') && single_letter(letter) => {
                letter.push_str(&word);
                longer += 1;
            }
            _ if STOPWORDS.contains(&word.as_str()) => {}
            _ => {
                longer += usize::from(!single_letter(&word));
                words.push(word);
            }
        }
    }
    if longer > 0 {
        words.retain(|w| !single_letter(w));
    }
    words.truncate(limit);
    words
}

/// The key before de-duplication, with the default pattern.
pub fn base_key(r: &Reference) -> String {
    Pattern::default().key(r)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Date, Origin, Person};

    #[test]
    fn words_in_other_scripts_fold_to_ascii_and_cjk_runs_are_cut() {
        assert_eq!(significant_words("Über Models", 2), ["uber", "models"]);
        // Two characters of a run without spaces, not the whole sentence.
        assert_eq!(
            significant_words("ChatGLM-Med: 基于中文医学知识的ChatGLM模型微调", 2),
            ["chatglmmed", "jiyu"]
        );
    }

    fn r(title: &str, author: Option<&str>, year: i32) -> Reference {
        let mut r = Reference::new(
            title.into(),
            Origin {
                file: std::path::Path::new("t.md").into(),
                line: 1,
            },
        );
        r.authors = author.map(Person::parse).into_iter().collect();
        r.date = Some(Date::year(year));
        r
    }

    #[test]
    fn author_year_word() {
        assert_eq!(
            base_key(&r(
                "MedCLIP: Contrastive Learning",
                Some("Zifeng Wang"),
                2022
            )),
            "wang2022medclip"
        );
        assert_eq!(
            base_key(&r("The Élan of Things", Some("José Núñez"), 2020)),
            "nunez2020elan"
        );
        assert_eq!(
            base_key(&r("MedCLIP: Contrastive Learning", None, 2022)),
            "medclip2022contrastive"
        );
        // A letter and its math are one name; other single letters give way to a longer word.
        for (title, key) in [
            (
                "D $^2$ GSLAM: 4D Dynamic Gaussian Splatting SLAM",
                "zhu2025d2",
            ),
            ("V*: An Efficient Planner", "zhu2025efficient"),
            ("∇ -SDF: Learning", "zhu2025sdf"),
            ("X", "zhu2025x"),
        ] {
            assert_eq!(
                base_key(&r(title, Some("Siting Zhu"), 2025)),
                key,
                "{title}"
            );
        }
        assert_eq!(base_key(&r("Llama 3: Herd", None, 2024)), "llama20243");
        // TeX commands name nothing of the title.
        assert_eq!(
            base_key(&r("$\\textit{S}^3$ Gaussian", Some("Nan Huang"), 2024)),
            "huang2024s3"
        );
    }

    #[test]
    fn collisions_are_independent_of_input_order() {
        let a = r("Deep Learning for X", Some("Li Wang"), 2022);
        let b = r("Deep learning for Y", Some("Wei Wang"), 2022);
        let mut one = vec![a.clone(), b.clone()];
        let mut two = vec![b, a];
        assign(&mut one);
        assign(&mut two);
        assert_eq!(one[0].citekey, two[1].citekey);
        assert_eq!(one[1].citekey, two[0].citekey);
        assert_ne!(one[0].citekey, one[1].citekey);
        assert_eq!(suffix(0), "a");
        assert_eq!(suffix(26), "aa");
    }

    #[test]
    fn previous_keys_stay_with_their_papers() {
        let paper = |t: &str| r(t, Some("Li Wang"), 2022);
        let (x, y, z) = (paper("Deep X"), paper("Deep Y"), paper("Deep Z"));
        let keys = |refs: &[Reference]| -> Vec<String> {
            refs.iter().map(|r| r.citekey.clone()).collect()
        };
        let previous = |k: &[&str]| Previous {
            keys: k
                .iter()
                .map(|k| (!k.is_empty()).then(|| k.to_string()))
                .collect(),
            retired: k.iter().map(|k| k.to_string()).collect(),
        };
        // Without earlier keys, `Deep X` sorts first and takes `a`.
        let mut fresh = vec![z.clone(), y.clone(), x.clone()];
        assign(&mut fresh);
        assert_eq!(
            keys(&fresh),
            ["wang2022deepc", "wang2022deepb", "wang2022deepa"]
        );
        // `Deep Y` and `Deep Z` were there first: they keep their keys, `Deep X` takes the next.
        let mut grown = vec![y.clone(), z.clone(), x.clone()];
        assign_with(
            &mut grown,
            &Pattern::default(),
            &previous(&["wang2022deepa", "wang2022deepb", ""]),
        );
        assert_eq!(
            keys(&grown),
            ["wang2022deepa", "wang2022deepb", "wang2022deepc"]
        );
        // A paper alone again keeps its suffixed key; one whose stem changed gets a new key.
        let mut alone = vec![y.clone(), paper("Other Title")];
        assign_with(
            &mut alone,
            &Pattern::default(),
            &previous(&["wang2022deepb", "wang2022deepa"]),
        );
        assert_eq!(keys(&alone), ["wang2022deepb", "wang2022other"]);
        // A kept key is never given twice.
        let mut twice = vec![y.clone(), z.clone()];
        assign_with(
            &mut twice,
            &Pattern::default(),
            &previous(&["wang2022deepa", "wang2022deepa"]),
        );
        assert_eq!(keys(&twice), ["wang2022deepa", "wang2022deepb"]);
        // A key whose paper left the list goes to no other paper: `Deep X` takes `c`, not `a`.
        let mut replaced = vec![y, z, x];
        let mut gone = previous(&["wang2022deepb", "wang2022deepc", ""]);
        gone.retired.push("wang2022deepa".into());
        assign_with(&mut replaced, &Pattern::default(), &gone);
        assert_eq!(
            keys(&replaced),
            ["wang2022deepb", "wang2022deepc", "wang2022deepd"]
        );
    }

    #[test]
    fn patterns_expand_each_field() {
        let mut medclip = r(
            "MedCLIP: Contrastive Learning from Unpaired Images",
            Some("Zifeng Wang"),
            2022,
        );
        medclip.arxiv = crate::ids::parse_arxiv_id("2210.10163");
        let key = |p: &str, r: &Reference| Pattern::parse(p).unwrap().key(r);
        assert_eq!(
            key("{auth}{year}{shorttitle}", &medclip),
            "wang2022medclipcontrastivelearning"
        );
        assert_eq!(key("{Auth}:{year}", &medclip), "Wang:2022");
        assert_eq!(key("arXiv:{arxiv}", &medclip), "arXiv:2210.10163");
        assert_eq!(
            key("{title}", &medclip),
            "medclipcontrastivelearningunpairedimages"
        );
        let mut two = medclip.clone();
        two.authors.push(Person::parse("Jimeng Sun"));
        assert_eq!(key("{authors2}{year}", &two), "wangsun2022");
        two.authors.push(Person::parse("Laurens van der Maaten"));
        assert_eq!(key("{authors2}{year}", &two), "wangetal2022");
        // A list cut short by `et al.` has more authors than it names.
        two.authors.truncate(1);
        two.et_al = true;
        assert_eq!(key("{authors2}{year}", &two), "wangetal2022");
        let anonymous = r("MedCLIP: Contrastive Learning", None, 2022);
        assert_eq!(
            key("{auth}{year}{shorttitle}", &anonymous),
            "medclip2022contrastivelearning"
        );
        assert_eq!(
            key("{year}{shorttitle}", &anonymous),
            "2022medclipcontrastivelearning"
        );
        assert_eq!(key("{arxiv}", &anonymous), "anon");
    }

    #[test]
    fn bad_patterns_say_what_is_wrong() {
        let err = |p: &str| Pattern::parse(p).unwrap_err().to_string();
        assert!(err("{auth}{yr}").contains("unknown field `{yr}` (known: {auth} {Auth}"));
        assert!(err("{auth").contains("`{` without `}`"));
        assert!(err("{auth} {year}").contains("` ` cannot be part of a key"));
        assert!(err("key").contains("no field"));
        assert_eq!(Pattern::parse(DEFAULT_PATTERN).unwrap(), Pattern::default());
    }
}
