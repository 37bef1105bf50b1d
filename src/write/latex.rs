//! LaTeX text shared by the BibTeX and BibLaTeX writers: escaping, LaTeX accents for `--ascii`,
//! titles with protected capitals, names, and the entry layout.

use super::capitals;
use crate::model::Person;
use smallvec::SmallVec;
use std::borrow::Cow;
use std::io;
use std::ops::Range;
use unicode_normalization::UnicodeNormalization;

/// BibTeX's month macros, January first.
pub(crate) const MONTHS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

/// Appends `text` to `out` with the characters LaTeX treats specially escaped; with `ascii`,
/// spells non-ASCII characters as LaTeX accents and commands where LaTeX has one (`é` →
/// `{\'e}`, `–` → `--`).
pub(crate) fn escape_onto(out: &mut String, text: &str, ascii: bool) {
    let balanced = balanced(text);
    for (piece, math) in math_split(text) {
        if math {
            push_math(out, piece);
        } else {
            escape_into(out, piece, ascii, balanced);
        }
    }
}

/// Splits `text` into pieces of text and TeX math (`$\kappa$-Ga$_2$O$_3$`), `(piece, is_math)`.
/// Math is what pandoc takes for it: a `$` with no space after it, the next `$` with no space
/// before it and no digit after it, so `costs $5 and $10` stays text. Math with unbalanced
/// braces, or with `%`, `#` or `&`, which mean something else there, stays text too.
pub(crate) fn math_split(text: &str) -> SmallVec<[(&str, bool); 1]> {
    if !text.contains('$') {
        return smallvec::smallvec![(text, false)];
    }
    let b = text.as_bytes();
    let mut pieces = SmallVec::new();
    let (mut start, mut from) = (0, 0);
    while let Some(open) = text[from..].find('$').map(|i| from + i) {
        from = open + 1;
        let Some(close) = text[open + 1..].find('$').map(|i| open + 1 + i) else {
            break;
        };
        let inner = &text[open + 1..close];
        let is_math = !inner.is_empty()
            && !inner.starts_with(char::is_whitespace)
            && !inner.ends_with(char::is_whitespace)
            && !b.get(close + 1).is_some_and(u8::is_ascii_digit)
            && !inner.contains(['%', '#', '&'])
            && commands_only(inner)
            && balanced(inner);
        if is_math {
            pieces.push((&text[start..open], false));
            pieces.push((&text[open..=close], true));
            (start, from) = (close + 1, close + 1);
        }
    }
    pieces.push((&text[start..], false));
    pieces.retain(|(piece, _): &mut (&str, bool)| !piece.is_empty());
    pieces
}

/// Whether every backslash in `math` starts a command of plain LaTeX's math (no package needed)
/// from [`MATH_COMMANDS`], or a space (`\\,`). Anything else (`\\input`, `\\def`, `\\end`,
/// `\\mathbb` without amssymb) would run, or stop the document: such math stays text.
fn commands_only(math: &str) -> bool {
    let b = math.as_bytes();
    let mut i = 0;
    while let Some(at) = b[i..].iter().position(|&c| c == b'\\').map(|p| i + p) {
        let name_len = b[at + 1..]
            .iter()
            .take_while(|c| c.is_ascii_alphabetic())
            .count();
        let name = &math[at + 1..at + 1 + name_len];
        let known = match name_len {
            0 => b.get(at + 1).is_some_and(|c| b",;:! |".contains(c)),
            _ => {
                MATH_COMMANDS.binary_search(&name).is_ok()
                    || math_symbol_named(name)
                    || AMS_COMMANDS.iter().any(|(n, _)| *n == name)
            }
        };
        if !known {
            return false;
        }
        i = at + 1 + name_len.max(1);
    }
    true
}

/// Commands of plain LaTeX's math mode that titles use, sorted (besides [`math_symbol`]'s names).
const MATH_COMMANDS: &[&str] = &[
    "Big",
    "Bigg",
    "Leftarrow",
    "Leftrightarrow",
    "Longrightarrow",
    "Rightarrow",
    "acute",
    "bar",
    "big",
    "bigg",
    "bmod",
    "breve",
    "cdots",
    "check",
    "cos",
    "ddot",
    "ddots",
    "det",
    "dim",
    "dot",
    "dots",
    "emph",
    "exp",
    "frac",
    "gcd",
    "grave",
    "hat",
    "inf",
    "langle",
    "lceil",
    "ldots",
    "left",
    "lfloor",
    "lim",
    "liminf",
    "limsup",
    "ln",
    "log",
    "mathbf",
    "mathcal",
    "mathit",
    "mathnormal",
    "mathrm",
    "mathsf",
    "mathtt",
    "max",
    "mid",
    "min",
    "mod",
    "neg",
    "not",
    "overline",
    "pmod",
    "rangle",
    "rceil",
    "rfloor",
    "right",
    "sin",
    "sqrt",
    "star",
    "sup",
    "tan",
    "tanh",
    "textbf",
    "textit",
    "textrm",
    "textsf",
    "texttt",
    "textup",
    "tilde",
    "to",
    "underline",
    "vdots",
    "vec",
    "vert",
    "widehat",
    "widetilde",
];

/// Commands of the AMS packages that titles and abstracts use in math (`$\\mathbb{R}^4$`), each
/// with a plain-LaTeX stand-in that [`preamble`] defines for documents that do not load them.
const AMS_COMMANDS: [(&str, &str); 6] = [
    ("boldsymbol", "\\mathbf{#1}"),
    ("mathbb", "\\mathbf{#1}"),
    ("mathfrak", "\\mathrm{#1}"),
    ("mathscr", "\\mathcal{#1}"),
    ("operatorname", "\\mathrm{#1}"),
    ("text", "\\mbox{#1}"),
];

/// A `@preamble` that provides the [`AMS_COMMANDS`] the math in `texts` uses, so that the file
/// compiles whether or not the document loads amssymb and amsmath; `None` when none is used.
pub(crate) fn preamble<'t>(texts: impl IntoIterator<Item = &'t str>) -> Option<String> {
    let mut used = [false; AMS_COMMANDS.len()];
    for text in texts {
        if !text.contains('$') {
            continue;
        }
        for (math, _) in math_split(text).into_iter().filter(|(_, m)| *m) {
            for (i, (name, _)) in AMS_COMMANDS.iter().enumerate() {
                let command = ["\\", name].concat();
                used[i] |= math.match_indices(&command).any(|(at, _)| {
                    !math[at + command.len()..].starts_with(|c: char| c.is_ascii_alphabetic())
                });
            }
        }
    }
    let defined: String = AMS_COMMANDS
        .iter()
        .zip(used)
        .filter(|(_, used)| *used)
        .map(|((name, stand_in), _)| format!("\\providecommand{{\\{name}}}[1]{{{stand_in}}}"))
        .collect();
    (!defined.is_empty()).then(|| format!("@preamble{{\"{defined}\"}}\n\n"))
}

/// Writes the [`preamble`] for the texts of `refs` that may hold math, if they need one.
pub(crate) fn write_preamble(
    refs: &[crate::model::Reference],
    abstracts: bool,
    out: &mut dyn io::Write,
) -> io::Result<()> {
    let texts = refs.iter().flat_map(|r| {
        let abstract_text = r.abstract_text.as_deref().filter(|_| abstracts);
        [
            Some(r.title.as_str()),
            abstract_text,
            r.venue.as_ref().map(|v| v.name.as_str()),
        ]
        .into_iter()
        .flatten()
    });
    match preamble(texts) {
        Some(p) => out.write_all(p.as_bytes()),
        None => Ok(()),
    }
}

/// Whether `name` is the command [`math_symbol`] writes for some character (`alpha`, `leq`).
fn math_symbol_named(name: &str) -> bool {
    SYMBOL_CHARS.contains_key(name)
}

/// [`math_symbol`] backwards: each command's character. Where several characters are written
/// with one command, the command stands for the plain one: `\iota` for ι, not the ϊ written as
/// it, and `\Delta` and `\mu` for the Greek letters, not the increment sign ∆ or the micro sign µ.
static SYMBOL_CHARS: std::sync::LazyLock<crate::HashMap<&'static str, char>> =
    std::sync::LazyLock::new(|| {
        let greek = |c: char| ('\u{370}'..='\u{3ff}').contains(&c);
        let mut chars = crate::HashMap::default();
        for c in '\u{80}'..='\u{2bff}' {
            let Some(name) = math_symbol(c).filter(|n| *n != "-") else {
                continue;
            };
            if std::iter::once(c).nfd().nth(1).is_some() {
                continue; // an accented letter
            }
            chars
                .entry(name)
                .and_modify(|kept: &mut char| {
                    if greek(c) && !greek(*kept) {
                        *kept = c;
                    }
                })
                .or_insert(c);
        }
        chars
    });

/// The one character a math piece stands for when it is a single symbol (`$\\beta$` → `β`,
/// `$<$` → `<`, `$\\{$` → `{`): such math is text in a title, and is read as that character.
pub(crate) fn plain_math(math: &str) -> Option<char> {
    let inner = math.strip_prefix('$')?.strip_suffix('$')?.trim();
    // `${\epsilon}$`, as mdbib writes a letter inside math.
    let inner = match inner.strip_prefix("{\\").and_then(|i| i.strip_suffix('}')) {
        Some(name) if name.bytes().all(|b| b.is_ascii_alphabetic()) => &inner[1..inner.len() - 1],
        _ => inner,
    };
    match inner.strip_prefix('\\') {
        Some("{") => Some('{'),
        Some("}") => Some('}'),
        Some(name) => SYMBOL_CHARS.get(name).copied(),
        None => {
            let mut chars = inner.chars();
            let c = chars.next()?;
            (chars.next().is_none() && "<>=+|/*:;,.!?()[]".contains(c)).then_some(c)
        }
    }
}

/// A math piece (`$...$`) as it is, braced so that no style changes its case, with Greek letters
/// and symbols as their commands (`κ` → `\kappa`).
fn push_math(out: &mut String, math: &str) {
    out.push('{');
    for c in math.chars() {
        match math_symbol(c) {
            Some("-") => out.push('-'),
            Some(name) => {
                out.push_str("{\\");
                out.push_str(name);
                out.push('}');
            }
            None => out.push(c),
        }
    }
    out.push('}');
}

/// Whether every `{` in `text` is closed by a later `}`: then `\{`/`\}` are safe in BibTeX (which
/// counts them as braces) and readers such as pandoc understand them.
fn balanced(text: &str) -> bool {
    let mut depth = 0usize;
    for c in text.chars() {
        match c {
            '{' => depth += 1,
            '}' => match depth.checked_sub(1) {
                Some(d) => depth = d,
                None => return false,
            },
            _ => {}
        }
    }
    depth == 0
}

/// [`escape_onto`] for text without math; the text between special characters is copied whole.
fn escape_into(out: &mut String, text: &str, ascii: bool, balanced: bool) {
    // Bytes that may start a special character: the ASCII ones, and every non-ASCII lead byte,
    // which `special` looks at more closely.
    const MAYBE: [bool; 256] = {
        let mut table = [false; 256];
        let mut b = 0;
        while b < 256 {
            table[b] = b >= 0x80
                || matches!(
                    b as u8,
                    b'&' | b'%'
                        | b'$'
                        | b'#'
                        | b'_'
                        | b'{'
                        | b'}'
                        | b'~'
                        | b'^'
                        | b'\\'
                        | b'<'
                        | b'>'
                        | b'|'
                );
            b += 1;
        }
        table
    };
    let special = |c: char| match u8::try_from(c) {
        Ok(b) if b.is_ascii() => MAYBE[usize::from(b)],
        _ => ascii || math_symbol(c).is_some(),
    };
    let mut rest = text;
    let mut from = 0;
    while let Some(at) = rest.as_bytes()[from..]
        .iter()
        .position(|&b| MAYBE[usize::from(b)])
        .map(|i| from + i)
    {
        let mut tail = rest[at..].chars();
        let Some(c) = tail.next() else {
            break;
        };
        if !special(c) {
            from = at + c.len_utf8();
            continue;
        }
        out.push_str(&rest[..at]);
        (rest, from) = (tail.as_str(), 0);
        match c {
            '&' | '%' | '$' | '#' | '_' => {
                out.push('\\');
                out.push(c);
            }
            '{' | '}' if balanced => {
                out.push('\\');
                out.push(c);
            }
            // BibTeX counts `\{` as a brace too, so an unbalanced one would break the entry.
            '{' => out.push_str("\\textbraceleft{}"),
            '}' => out.push_str("\\textbraceright{}"),
            '~' => out.push_str("\\textasciitilde{}"),
            '^' => out.push_str("\\textasciicircum{}"),
            '\\' => out.push_str("\\textbackslash{}"),
            // In text, the default OT1 font sets these as `¡`, `¿` and `—`.
            '<' => out.push_str("\\textless{}"),
            '>' => out.push_str("\\textgreater{}"),
            // pandoc reads no `\textbar`; math's bar is the same in print.
            '|' => out.push_str("$|$"),
            // Greek and mathematical symbols stop pdflatex even in UTF-8: always as commands.
            c if !ascii => out.push_str(&to_ascii_latex(c).unwrap_or_else(|| c.to_string())),
            c if !c.is_ascii() => match to_ascii_latex(c) {
                Some(latex) => out.push_str(&latex),
                None if is_cjk(c) => out.push(c),
                // Anything else would stop pdflatex: its closest ASCII (`Ж` → `Zh`), if any,
                // escaped in turn (`‰` is `%0`).
                None => {
                    let near = deunicode::deunicode_char(c).unwrap_or("").trim_matches(':');
                    escape_into(out, near, true, self::balanced(near));
                }
            },
            _ => out.push(c),
        }
    }
    out.push_str(rest);
}

/// Whether `c` is Chinese, Japanese or Korean, which `--ascii` leaves as UTF-8 for the CJK
/// packages to set.
pub(crate) fn is_cjk(c: char) -> bool {
    matches!(c,
        '\u{1100}'..='\u{11ff}' | '\u{2e80}'..='\u{2fdf}' | '\u{3000}'..='\u{9fff}'
        | '\u{a960}'..='\u{a97f}' | '\u{ac00}'..='\u{d7ff}' | '\u{f900}'..='\u{faff}'
        | '\u{fe30}'..='\u{fe4f}' | '\u{ff00}'..='\u{ffef}' | '\u{20000}'..='\u{3134f}')
}

/// The LaTeX math command of a Greek letter or a common symbol, set with `\ensuremath` so it
/// works in text (`αβ` in a title).
fn math_symbol(c: char) -> Option<&'static str> {
    const GREEK: [&str; 25] = [
        "alpha",
        "beta",
        "gamma",
        "delta",
        "varepsilon",
        "zeta",
        "eta",
        "theta",
        "iota",
        "kappa",
        "lambda",
        "mu",
        "nu",
        "xi",
        "o",
        "pi",
        "rho",
        "varsigma",
        "sigma",
        "tau",
        "upsilon",
        "varphi",
        "chi",
        "psi",
        "omega",
    ];
    // Capitals LaTeX has a command for; the others look like Latin letters.
    const GREEK_CAPITALS: [(char, &str); 11] = [
        ('Γ', "Gamma"),
        ('Δ', "Delta"),
        ('Θ', "Theta"),
        ('Λ', "Lambda"),
        ('Ξ', "Xi"),
        ('Π', "Pi"),
        ('Σ', "Sigma"),
        ('Υ', "Upsilon"),
        ('Φ', "Phi"),
        ('Ψ', "Psi"),
        ('Ω', "Omega"),
    ];
    if let Some(&name) = (c as u32)
        .checked_sub('α' as u32)
        .and_then(|i| GREEK.get(i as usize))
    {
        return (name != "o").then_some(name);
    }
    if let Some(&(_, name)) = GREEK_CAPITALS.iter().find(|(g, _)| *g == c) {
        return Some(name);
    }
    Some(match c {
        // Greek capitals shaped like Latin ones, which LaTeX writes as those.
        'Α' => "mathrm{A}",
        'Β' => "mathrm{B}",
        'Ε' => "mathrm{E}",
        'Ζ' => "mathrm{Z}",
        'Η' => "mathrm{H}",
        'Ι' => "mathrm{I}",
        'Κ' => "mathrm{K}",
        'Μ' => "mathrm{M}",
        'Ν' => "mathrm{N}",
        'Ο' => "mathrm{O}",
        'Ρ' => "mathrm{P}",
        'Τ' => "mathrm{T}",
        'Χ' => "mathrm{X}",
        'ℝ' => "mathbf{R}",
        'ℕ' => "mathbf{N}",
        'ℤ' => "mathbf{Z}",
        'ℚ' => "mathbf{Q}",
        'ℂ' => "mathbf{C}",
        '∆' => "Delta",
        '∧' => "wedge",
        '∨' => "vee",
        '∅' => "emptyset",
        '≅' => "cong",
        '∥' => "parallel",
        '≪' => "ll",
        '≫' => "gg",
        '∝' => "propto",
        '⊥' => "perp",
        '∠' => "angle",
        '⋆' => "star",
        '∖' => "setminus",
        '⟨' => "langle",
        '⟩' => "rangle",
        '≺' => "prec",
        '≻' => "succ",
        '⊙' => "odot",
        '⊇' => "supseteq",
        '⊃' => "supset",
        '⇔' => "Leftrightarrow",
        '⇐' => "Leftarrow",
        '⟶' => "longrightarrow",
        'µ' => "mu",
        'ϵ' => "epsilon",
        'ϑ' => "vartheta",
        'ϕ' => "phi",
        '∗' => "ast",
        '×' => "times",
        '÷' => "div",
        '±' => "pm",
        '∓' => "mp",
        '·' | '⋅' => "cdot",
        '→' => "rightarrow",
        '←' => "leftarrow",
        '↔' => "leftrightarrow",
        '⇒' => "Rightarrow",
        '↑' => "uparrow",
        '↓' => "downarrow",
        '≤' => "leq",
        '≥' => "geq",
        '≠' => "neq",
        '≈' => "approx",
        '∼' => "sim",
        '≃' => "simeq",
        '≡' => "equiv",
        '∞' => "infty",
        '∈' => "in",
        '∉' => "notin",
        '⊂' => "subset",
        '⊆' => "subseteq",
        '∪' => "cup",
        '∩' => "cap",
        '∀' => "forall",
        '∃' => "exists",
        '∂' => "partial",
        '∇' => "nabla",
        '√' => "surd",
        '∑' => "sum",
        '∏' => "prod",
        '∫' => "int",
        '−' => "-",
        '′' => "prime",
        'ℓ' => "ell",
        '∘' => "circ",
        '⊕' => "oplus",
        '⊗' => "otimes",
        '†' => "dagger",
        '‡' => "ddagger",
        // An accented Greek letter (`ά`) as its letter.
        '\u{386}'..='\u{3ce}' => {
            let base = std::iter::once(c).nfd().next().filter(|&b| b != c)?;
            return math_symbol(base);
        }
        _ => return None,
    })
}

/// The ASCII LaTeX spelling of `c`: a letter with accents, a letter LaTeX names, punctuation, or
/// a Greek letter or symbol in math. `None` for characters LaTeX has no ASCII spelling for.
fn to_ascii_latex(c: char) -> Option<String> {
    if let Some(symbol) = math_symbol(c) {
        return Some(if symbol == "-" {
            "\\ensuremath{-}".to_string()
        } else {
            format!("\\ensuremath{{\\{symbol}}}")
        });
    }
    let named = match c {
        'ß' => "{\\ss}",
        'æ' => "{\\ae}",
        'Æ' => "{\\AE}",
        'œ' => "{\\oe}",
        'Œ' => "{\\OE}",
        'ø' => "{\\o}",
        'Ø' => "{\\O}",
        'ł' => "{\\l}",
        'Ł' => "{\\L}",
        'ı' => "{\\i}",
        'å' => "{\\aa}",
        'Å' => "{\\AA}",
        '–' => "--",
        '—' => "---",
        '‘' => "`",
        '’' => "'",
        '“' => "``",
        '”' => "''",
        '…' => "{\\ldots}",
        '\u{a0}' => "~",
        '¡' => "{!`}",
        '¿' => "{?`}",
        '§' => "{\\S}",
        '¶' => "{\\P}",
        '©' => "{\\copyright}",
        '°' => "{\\textdegree}",
        '®' => "{\\textregistered}",
        '™' => "{\\texttrademark}",
        '€' => "{\\texteuro}",
        '£' => "{\\pounds}",
        '•' => "{\\textbullet}",
        '²' => "\\textsuperscript{2}",
        '³' => "\\textsuperscript{3}",
        '¹' => "\\textsuperscript{1}",
        '‐' | '‑' | '‒' => "-",
        '‚' => ",",
        '„' => ",,",
        '″' => "''",
        '\u{2009}' | '\u{202f}' => "\\,",
        '\u{2002}'..='\u{2008}' | '\u{200a}' => " ",
        _ => "",
    };
    if !named.is_empty() {
        return Some(named.to_string());
    }
    // A base letter followed by combining accents (NFD), each accent one LaTeX command.
    let mut parts = std::iter::once(c).nfd();
    let base = parts.next().filter(char::is_ascii_alphabetic)?;
    let mut latex = base.to_string();
    let mut marks = 0;
    for mark in parts {
        let command = match mark {
            '\u{300}' => "`",
            '\u{301}' => "'",
            '\u{302}' => "^",
            '\u{303}' => "~",
            '\u{304}' => "=",
            '\u{306}' => "u",
            '\u{307}' => ".",
            '\u{308}' => "\"",
            '\u{30a}' => "r",
            '\u{30b}' => "H",
            '\u{30c}' => "v",
            '\u{323}' => "d",
            '\u{327}' => "c",
            // The ogonek (`\k`) and the horn have no command in the default OT1 encoding, where
            // `\k` stops pdflatex: the letter goes without them (`ą` → `a`), as `ơ` → `o`.
            _ => return None,
        };
        let inner = if marks == 0 {
            latex
        } else {
            format!("{{{latex}}}")
        };
        latex = if command.chars().all(|c| c.is_ascii_alphabetic()) {
            format!("\\{command} {inner}")
        } else {
            format!("\\{command}{inner}")
        };
        marks += 1;
    }
    (marks > 0).then(|| format!("{{{latex}}}"))
}

/// URL and DOI fields are read verbatim; only characters that would break the braces (a brace, a
/// backslash before the closing brace) or open math mode in a parser that does not know the field
/// is verbatim (`$` in `code`) are percent-encoded. Appended to `out`.
pub(crate) fn verbatim_onto(out: &mut String, text: &str) {
    let mut rest = text;
    while let Some(at) = rest.find(['{', '}', ' ', '\\', '$']) {
        out.push_str(&rest[..at]);
        out.push_str(match rest.as_bytes()[at] {
            b'{' => "%7B",
            b'}' => "%7D",
            b' ' => "%20",
            b'\\' => "%5C",
            _ => "%24",
        });
        rest = &rest[at + 1..];
    }
    out.push_str(rest);
}

/// A title for plain-text outputs (CSV, CSL-JSON): math that is only a superscript or subscript
/// of digits and signs (`$^2$`, `$_{4}$`, `$^\circ$`) as Unicode (`²`, `₄`, `°`), joined to what
/// it follows (`D $^2$ GSLAM` is `D² GSLAM`, `CO $_{4}$` `CO₄`). Other math stays as written.
pub(crate) fn scripts_as_unicode(text: &str) -> Cow<'_, str> {
    if memchr::memchr2(b'^', b'_', text.as_bytes()).is_none() || !text.contains('$') {
        return Cow::Borrowed(text);
    }
    let pieces = math_split(text);
    let scripts: SmallVec<[Option<String>; 4]> = pieces
        .iter()
        .map(|&(piece, math)| math.then(|| script(piece)).flatten())
        .collect();
    if scripts.iter().all(Option::is_none) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut glue_next = false; // the script before goes with the text after it
    for (i, ((piece, _), script)) in pieces.iter().zip(&scripts).enumerate() {
        let next = pieces.get(i + 1).map_or("", |&(p, _)| p);
        match script {
            Some(script) => {
                // An isotope's mass before its element, after a word in lower case (`of
                // $^{124}$Te`): the script joins what follows; else what it follows.
                let before = out.trim_end_matches(' ');
                let word_before = before.rsplit(' ').next().unwrap_or_default();
                let leading = piece.starts_with("$^")
                    && before.len() < out.len()
                    && next.starts_with(char::is_alphabetic)
                    && word_before.starts_with(char::is_lowercase);
                if !leading {
                    out.truncate(before.len());
                }
                out.push_str(script);
                glue_next = true;
            }
            None => {
                // No space between the script and a punctuation mark (`I $^2$ -SLAM`,
                // `HarrisZ $^+$ :`); a dash between spaces stays one.
                let trimmed = piece.trim_start_matches(' ');
                let tight = trimmed.starts_with([':', ',', ';', '.', ')'])
                    || trimmed.starts_with('-') && !trimmed[1..].starts_with(' ');
                out.push_str(if glue_next && tight { trimmed } else { piece });
                glue_next = false;
            }
        }
    }
    Cow::Owned(out)
}

/// `$^2$`, `$^{-1}$`, `$_4$`, `$^\circ$` in Unicode; `None` for any other math.
fn script(math: &str) -> Option<String> {
    const DIGITS_UP: [char; 10] = ['⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'];
    const DIGITS_DOWN: [char; 10] = ['₀', '₁', '₂', '₃', '₄', '₅', '₆', '₇', '₈', '₉'];
    let inner = math.strip_prefix('$')?.strip_suffix('$')?.trim();
    let (up, body) = match inner.split_at_checked(1)? {
        ("^", body) => (true, body.trim()),
        ("_", body) => (false, body.trim()),
        _ => return None,
    };
    let body = match body.strip_prefix('{') {
        Some(b) => b.strip_suffix('}')?.trim(),
        None => body,
    };
    if up && body == "\\circ" {
        return Some("°".into());
    }
    let one = |c: char| -> Option<char> {
        Some(match (c, up) {
            ('0'..='9', true) => DIGITS_UP[c as usize - '0' as usize],
            ('0'..='9', false) => DIGITS_DOWN[c as usize - '0' as usize],
            ('+', true) => '⁺',
            ('+', false) => '₊',
            ('-', true) => '⁻',
            ('-', false) => '₋',
            ('=', true) => '⁼',
            ('=', false) => '₌',
            ('n', true) => 'ⁿ',
            ('i', true) => 'ⁱ',
            _ => return None,
        })
    };
    // One character unbraced (`$^23$` is `²3` in TeX, left as written).
    if !inner[1..].trim_start().starts_with('{') && body.chars().count() != 1 {
        return None;
    }
    (!body.is_empty()).then(|| body.chars().map(one).collect())?
}

/// Escapes a title and braces the parts whose capitals a style must not lower-case
/// (`{MedCLIP}`, `{GPT-4}`, `{X}-ray`), onto `out`.
/// Straight double quotes become TeX's: a `"` that opens a word is ``` `` ```, any other `''`
/// (`"Learning Together": ...` as ``` ``Learning Together'': ... ```), which every font sets as
/// curly quotes, and which no babel language takes for a shorthand.
fn tex_quotes(text: &str) -> Cow<'_, str> {
    if !text.contains('"') {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 4);
    let mut before: Option<char> = None;
    for c in text.chars() {
        if c == '"' {
            let opens = before.is_none_or(|b| b.is_whitespace() || "([{-–—/".contains(b));
            out.push_str(if opens { "``" } else { "''" });
        } else {
            out.push(c);
        }
        before = Some(c);
    }
    Cow::Owned(out)
}

/// Where the first word of a title that opens with a quote is (`` ``Learning Together'' ``):
/// styles that lower-case a title keep only its first character, the quote, as it is, so that
/// word is braced.
fn word_after_opening_quote(text: &str) -> Option<Range<usize>> {
    let start = ["``", "`", "'", "“", "‘", "«"]
        .iter()
        .find_map(|q| text.strip_prefix(q))
        .map(|rest| text.len() - rest.len())?;
    let word = &text[start..];
    let end = start
        + word
            .find(|c: char| !c.is_alphanumeric())
            .unwrap_or(word.len());
    word.starts_with(char::is_uppercase).then_some(start..end)
}

pub(crate) fn title_onto(out: &mut String, text: &str, kept: &[String], ascii: bool) {
    let text = &*tex_quotes(text);
    // The kept words with their quotes as the title now has them (`"JATOS"` is `“JATOS”`).
    let quoted: Vec<String>;
    let kept = if kept.iter().any(|k| k.contains('"')) {
        quoted = kept.iter().map(|k| tex_quotes(k).into_owned()).collect();
        &quoted[..]
    } else {
        kept
    };
    let balanced = balanced(text);
    let first_word = word_after_opening_quote(text);
    for (piece, math) in math_split(text) {
        if math {
            push_math(out, piece);
            continue;
        }
        let mut runs = capitals::segments_keeping(piece, kept);
        // The pieces are slices of `text`: the first word's run split off and braced.
        if let Some(word) = first_word
            .as_ref()
            .filter(|_| piece.as_ptr() == text.as_ptr())
        {
            runs = runs
                .into_iter()
                .scan(0, |at, (run, protect)| {
                    let range = *at..*at + run.len();
                    *at += run.len();
                    let cut = |i: usize| i.clamp(range.start, range.end) - range.start;
                    let (a, b) = (cut(word.start), cut(word.end));
                    Some([
                        (&run[..a], protect),
                        (&run[a..b], true),
                        (&run[b..], protect),
                    ])
                })
                .flatten()
                .filter(|(run, _)| !run.is_empty())
                .collect();
        }
        // Protected runs next to each other (the first word's inside a kept piece) are one group.
        let mut open = false;
        for (run, protect) in runs {
            if protect != open {
                out.push(if protect { '{' } else { '}' });
                open = protect;
            }
            escape_into(out, run, ascii, balanced);
        }
        if open {
            out.push('}');
        }
    }
}

/// The `author` field: `Family, Given and ...`, the particle in front of the family name
/// (`van der Maaten, Laurens`), organisations in braces so they are not split into names.
/// The names given, and `and others` when the source said `et al.` (`et_al`), never otherwise.
pub(crate) fn names_onto(out: &mut String, people: &[Person], et_al: bool, ascii: bool) {
    for (i, p) in people.iter().enumerate() {
        if i > 0 {
            out.push_str(" and ");
        }
        name_onto(out, p, ascii);
    }
    if et_al {
        out.push_str(if people.is_empty() {
            "others"
        } else {
            " and others"
        });
    }
}

fn name_onto(out: &mut String, p: &Person, ascii: bool) {
    if !p.literal.is_empty() {
        out.push('{');
        escape_onto(out, &p.literal, ascii);
        out.push('}');
        return;
    }
    // A name part that itself contains the word `and` (or a comma) is braced so it stays one part.
    let part = |out: &mut String, s: &str, braced: bool| {
        let brace =
            braced || s.contains(',') || s.split(' ').any(|w| w.eq_ignore_ascii_case("and"));
        if brace {
            out.push('{');
        }
        escape_onto(out, s, ascii);
        if brace {
            out.push('}');
        }
    };
    if !p.particle.is_empty() {
        escape_onto(out, &p.particle, ascii);
        out.push(' ');
    }
    // A family name of several words, one in lower case, with no particle apart (`{van de Pol}`,
    // braced so in the source) is braced, or BibTeX would take its lower-case words for one.
    let whole = p.particle.is_empty()
        && p.family.contains(' ')
        && p.family
            .split(' ')
            .any(|w| w.starts_with(char::is_lowercase));
    part(out, &p.family, whole);
    // `von Last, Jr, First`: the only form with a place for the suffix.
    if !p.suffix.is_empty() {
        out.push_str(", ");
        part(out, &p.suffix, false);
        out.push_str(", ");
        part(out, &p.given, false);
    } else if !p.given.is_empty() {
        out.push_str(", ");
        part(out, &p.given, false);
    }
}

/// One entry, made whole in memory and written with one call: `@type{key,`, a `name = value,`
/// line per field, `}`. Field values are written straight into it.
pub(crate) struct Entry {
    text: String,
    ascii: bool,
}

impl Entry {
    pub(crate) fn new(entry_type: &str, key: &str, ascii: bool) -> Entry {
        let mut text = String::with_capacity(512);
        for piece in ["@", entry_type, "{", key, ",\n"] {
            text.push_str(piece);
        }
        Entry { text, ascii }
    }

    /// A field whose value `value` appends (given whether to write ASCII), in braces.
    pub(crate) fn field(&mut self, name: &str, value: impl FnOnce(&mut String, bool)) {
        for piece in ["  ", name, " = {"] {
            self.text.push_str(piece);
        }
        value(&mut self.text, self.ascii);
        self.text.push_str("},\n");
    }

    /// A field of text, escaped.
    pub(crate) fn text(&mut self, name: &str, text: &str) {
        self.field(name, |out, ascii| escape_onto(out, text, ascii));
    }

    /// A field copied as it is: an identifier, a year.
    pub(crate) fn plain(&mut self, name: &str, value: &str) {
        self.field(name, |out, _| out.push_str(value));
    }

    /// A URL or DOI field (see [`verbatim_onto`]).
    pub(crate) fn verbatim(&mut self, name: &str, value: &str) {
        self.field(name, |out, _| verbatim_onto(out, value));
    }

    /// A field whose value is a macro, without braces (`month = jan`).
    pub(crate) fn bare(&mut self, name: &str, value: &str) {
        for piece in ["  ", name, " = ", value, ",\n"] {
            self.text.push_str(piece);
        }
    }

    /// Ends the entry and writes it.
    pub(crate) fn write(mut self, out: &mut dyn io::Write) -> io::Result<()> {
        self.text.push_str("}\n");
        out.write_all(self.text.as_bytes())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn onto(write: impl FnOnce(&mut String)) -> String {
        let mut out = String::new();
        write(&mut out);
        out
    }

    fn escape(text: &str, ascii: bool) -> String {
        onto(|out| escape_onto(out, text, ascii))
    }

    fn title(text: &str, kept: &[String], ascii: bool) -> String {
        onto(|out| title_onto(out, text, kept, ascii))
    }

    fn names(people: &[Person], et_al: bool, ascii: bool) -> String {
        onto(|out| names_onto(out, people, et_al, ascii))
    }

    fn name(p: &Person, ascii: bool) -> String {
        onto(|out| name_onto(out, p, ascii))
    }

    #[test]
    fn a_suffix_is_written_in_the_von_last_jr_first_form() {
        let p = |given: &str, particle: &str, family: &str, suffix: &str| Person {
            given: given.into(),
            particle: particle.into(),
            family: family.into(),
            suffix: suffix.into(),
            ..Person::default()
        };
        assert_eq!(
            name(&p("Anna", "van", "Berg", "III"), false),
            "van Berg, III, Anna"
        );
        assert_eq!(
            name(&p("John", "", "Smith", "Jr."), false),
            "Smith, Jr., John"
        );
        assert_eq!(name(&p("", "", "Smith", "Jr."), false), "Smith, Jr., ");
        assert_eq!(name(&p("John", "", "Smith", ""), false), "Smith, John");
    }

    #[test]
    fn protects_acronyms_and_mixed_case() {
        assert_eq!(
            title("MedCLIP: Contrastive Learning", &[], false),
            "{MedCLIP}: Contrastive Learning"
        );
        assert_eq!(
            title("Does CLIP help GPT-4 on iOS?", &[], false),
            "Does {CLIP} help {GPT-4} on {iOS}?"
        );
        assert_eq!(
            title("Chest X-ray Generation with ImageNet", &[], false),
            "Chest {X}-ray Generation with {ImageNet}"
        );
        assert_eq!(title("A Study", &[], false), "A Study");
        // A kept piece with a quote is found after the quote became TeX's, and is one group.
        assert_eq!(
            title(
                "\"Just Another Tool” (JATOS): an easy solution",
                &["\"Just Another Tool” (JATOS)".into()],
                false
            ),
            "{``Just Another Tool” (JATOS)}: an easy solution"
        );
    }

    #[test]
    fn ams_math_comes_with_a_preamble_that_provides_it() {
        assert_eq!(
            title("Flows in $\\mathbb{R}^4$", &[], false),
            "Flows in {$\\mathbb{R}^4$}"
        );
        assert_eq!(
            preamble(["Flows in $\\mathbb{R}^4$", "$\\text{x}$ and $\\mathbb{Z}$"]).as_deref(),
            Some(
                "@preamble{\"\\providecommand{\\mathbb}[1]{\\mathbf{#1}}\\providecommand{\\text}[1]{\\mbox{#1}}\"}\n\n"
            )
        );
        // Only math counts, and only the whole command name.
        assert_eq!(preamble(["\\mathbb R costs $5", "$\\textrm{a}$"]), None);
    }

    #[test]
    fn escapes_latex_specials() {
        assert_eq!(
            escape("50% & $5 #1 a_b {x} ~ ^ \\", false),
            "50\\% \\& \\$5 \\#1 a\\_b \\{x\\} \\textasciitilde{} \\textasciicircum{} \\textbackslash{}"
        );
        assert_eq!(title("R&D_v2", &[], false), "{R\\&D\\_v2}");
        assert_eq!(
            escape("<1 Hz | >2", false),
            "\\textless{}1 Hz $|$ \\textgreater{}2"
        );
        assert_eq!(
            title("a } b {C}", &[], false),
            "a \\textbraceright{} b \\textbraceleft{}{C}\\textbraceright{}"
        );
    }

    #[test]
    fn ascii_spells_accents_dashes_and_quotes() {
        assert_eq!(escape("é", true), "{\\'e}");
        assert_eq!(escape("é", false), "é");
        assert_eq!(
            escape("Façade naïve Øre Łódź Straße", true),
            "Fa{\\c c}ade na{\\\"i}ve {\\O}re {\\L}{\\'o}d{\\'z} Stra{\\ss}e"
        );
        assert_eq!(
            escape("Dvořák Erdős ǘ", true),
            "Dvo{\\v r}{\\'a}k Erd{\\H o}s {\\'{\\\"u}}"
        );
        // Letters with an ogonek or a horn, which OT1 cannot set, lose it.
        assert_eq!(escape("Zając Łęcka Phương", true), "Zajac {\\L}ecka Phuong");
        assert_eq!(escape("a–b — “q” ‘s’", true), "a--b --- ``q'' `s'");
        assert_eq!(escape("中文", true), "中文");
        // Greek and symbols in math; other scripts and emoji as their closest ASCII.
        assert_eq!(escape("Hα μBERT V∗ ≤ 2", true), "H\\ensuremath{\\alpha} \\ensuremath{\\mu}BERT V\\ensuremath{\\ast} \\ensuremath{\\leq} 2");
        assert_eq!(
            escape("Ωmega Жук x²", true),
            "\\ensuremath{\\Omega}mega Zhuk x\\textsuperscript{2}"
        );
        assert!(escape("fire 🔥 done", true).is_ascii());
        // Transliterations are escaped too: `‰` is `%0`, `⌂` is `^`.
        let odd = escape("a ‰ b ⌂ c ℔ d ‗ e ≅ f ∆ g", true);
        assert!(
            !odd.contains(" %") && !odd.contains(" ^") && !odd.contains(" #"),
            "{odd}"
        );
        assert!(
            odd.contains("\\ensuremath{\\cong}") && odd.contains("\\ensuremath{\\Delta}"),
            "{odd}"
        );
        // Greek capitals like Latin ones and accented Greek, in UTF-8 output too.
        assert_eq!(
            escape("ΑΒ ά", false),
            "\\ensuremath{\\mathrm{A}}\\ensuremath{\\mathrm{B}} \\ensuremath{\\alpha}"
        );
        assert_eq!(title("Über ÉCOLE", &[], true), "{\\\"U}ber {{\\'E}COLE}");
    }

    #[test]
    fn scripts_become_unicode_in_plain_text() {
        let plain = |t: &str| super::scripts_as_unicode(t).into_owned();
        assert_eq!(plain("D $^2$ GSLAM: 4D"), "D² GSLAM: 4D");
        assert_eq!(plain("CO $_{4}$ and Br $_2$"), "CO₄ and Br₂");
        assert_eq!(plain("360 $^\\circ$ Views"), "360° Views");
        assert_eq!(plain("x $^{-1}$"), "x⁻¹");
        // An isotope's mass goes with its element; a punctuation mark after a script joins it.
        assert_eq!(plain("Excitation of $^{124}$Te"), "Excitation of ¹²⁴Te");
        assert_eq!(
            plain("I $^2$ -SLAM and HarrisZ $^+$ : Fast"),
            "I²-SLAM and HarrisZ⁺: Fast"
        );
        assert_eq!(plain("CO $_2$ - a gas, H $_2$O"), "CO₂ - a gas, H₂O");
        // Other math, and what is no math, as written.
        assert_eq!(plain("$\\mathcal{O}(n)$ time"), "$\\mathcal{O}(n)$ time");
        assert_eq!(plain("a $^{x}$ b"), "a $^{x}$ b");
        assert_eq!(plain("$^23$"), "$^23$");
        assert_eq!(plain("snake_case ^ caret"), "snake_case ^ caret");
    }

    #[test]
    fn straight_quotes_become_tex_quotes_and_a_quoted_first_word_is_braced() {
        assert_eq!(
            title(
                "\"Learning Together\": Support for \"Group\" Work",
                &[],
                true
            ),
            "``{Learning} Together'': Support for ``Group'' Work"
        );
        assert_eq!(
            title("\u{201c}This is my unicorn\u{201d} Fluffy", &[], false),
            "\u{201c}{This} is my unicorn\u{201d} {Fluffy}"
        );
        // A lower-case first word and a title without quotes are as they were.
        assert_eq!(title("\"x\" marks", &[], true), "``x'' marks");
        assert_eq!(title("Plain Title", &[], true), "Plain Title");
    }

    #[test]
    fn text_styles_in_math_stay_math() {
        assert_eq!(
            title("$\\textit{S}^3$ Gaussian", &[], false),
            "{$\\textit{S}^3$} {Gaussian}"
        );
        assert_eq!(title("$\\emph{x}$", &[], false), "{$\\emph{x}$}");
    }

    #[test]
    fn tex_math_in_titles_is_kept_as_math() {
        assert_eq!(
            title("$κ$-Ga$_2$O$_3$ Films", &[], false),
            // The oxygen's `O` alone keeps its capital.
            "{$\\kappa$}-Ga{$_2$}{O}{$_3$} Films".replace("\\kappa", "{\\kappa}")
        );
        assert_eq!(
            title("With $\\alpha$-NeuS", &[], true),
            "With {$\\alpha$}-{NeuS}"
        );
        // Money, and a `$` before a space or digit, stay text.
        assert_eq!(escape("costs $5 and $10", false), "costs \\$5 and \\$10");
        assert_eq!(escape("a $ b $ c", false), "a \\$ b \\$ c");
        assert_eq!(escape("$x$5", false), "\\$x\\$5");
        // A command that is not plain math nor provided (`\\input`, `\\def`, `\\end`): text.
        for unsafe_math in [
            "$\\input{/etc/passwd}$",
            "$\\def\\x{y}$",
            "$\\end{document}$",
            "$\\mathds{R}^4$",
            "$\\par$",
        ] {
            assert!(
                !title(unsafe_math, &[], false).contains("{$"),
                "{unsafe_math}"
            );
        }
        assert_eq!(
            title("$\\mathcal{O}(n \\log n)$ and $\\alpha_1$", &[], false),
            "{$\\mathcal{O}(n \\log n)$} and {$\\alpha_1$}"
        );
        assert!(
            MATH_COMMANDS.windows(2).all(|w| w[0] < w[1]),
            "sorted for binary_search"
        );
        // Unbalanced braces, `%`, or a backslash that is no command inside: text.
        assert_eq!(
            escape("$\\Ω$a", false),
            "\\$\\textbackslash{}\\ensuremath{\\Omega}\\$a"
        );
        assert_eq!(escape("$a{b$", false), "\\$a\\textbraceleft{}b\\$");
        assert_eq!(escape("$50%$", false), "\\$50\\%\\$");
        // Greek outside math, in UTF-8 output too.
        assert_eq!(escape("Hα", false), "H\\ensuremath{\\alpha}");
        assert_eq!(escape("Ünïcode", false), "Ünïcode");
    }

    #[test]
    fn particles_go_before_the_family_name() {
        let people = [
            Person::parse("Laurens van der Maaten"),
            Person::parse("José Núñez"),
            Person::literal("R&D Team"),
            Person::parse("Ludwig van Beethoven"),
        ];
        assert_eq!(
            names(&people, false, false),
            "van der Maaten, Laurens and Núñez, José and {R\\&D Team} and van Beethoven, Ludwig"
        );
        assert_eq!(
            names(&people[1..2], false, true),
            "N{\\'u}{\\~n}ez, Jos{\\'e}"
        );
        assert!(!names(&people, false, false).contains("others"));
        assert_eq!(
            names(&people[..1], true, false),
            "van der Maaten, Laurens and others"
        );
    }
}
