//! LaTeX in field values → Unicode: accents, special letters, escapes, dashes, text commands.
//!
//! It follows what the biblatex crate's `format_verbatim` made of the same text, so outputs stay
//! as they were: braces go, `--`/`---` become en and em dashes, `~` stays, `$...$` math is kept as
//! written, and an unknown command stays as `\name{argument}` or `\name`. It differs where that was
//! wrong: font commands (`\emph{x}`, `\textit x`) give their text, a lone `$` is a dollar sign,
//! and identifiers (`doi`, `url`, `eprint`) keep their hyphens.

use super::parse::byte_table;
use unicode_normalization::char::compose;

/// Appends the Unicode text of `raw` to `out`. `verbatim` values (identifiers) only lose braces
/// and escapes. Returns `false` when a `$` had no partner and was taken literally.
pub fn to_unicode(raw: &str, verbatim: bool, out: &mut String) -> bool {
    let mut c = Converter {
        s: raw,
        b: raw.as_bytes(),
        pos: 0,
        verbatim,
        balanced: true,
        single_open: false,
    };
    c.run(raw.len(), 0, out);
    c.balanced
}

/// Text that may hold LaTeX (arXiv's titles, abstracts and names: `Landauer-B\"uttiker`,
/// `Schr\"{o}dinger`) as Unicode; text without a backslash is returned as it is, braces and all.
/// Math (`$I$-$V$`) stays as written.
pub(crate) fn detex(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.contains('\\') {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    to_unicode(text, false, &mut out);
    std::borrow::Cow::Owned(out)
}

/// Command arguments nest at most this deep; deeper ones are read as plain groups.
const MAX_DEPTH: usize = 32;

struct Converter<'t> {
    s: &'t str,
    b: &'t [u8],
    pos: usize,
    verbatim: bool,
    balanced: bool,
    /// A ``` ` ``` opened a single quote that no `'` has closed yet.
    single_open: bool,
}

/// The combining mark of an accent command.
fn accent(name: &str) -> Option<char> {
    Some(match name {
        "`" => '\u{300}',
        "'" => '\u{301}',
        "^" => '\u{302}',
        "~" => '\u{303}',
        "=" => '\u{304}',
        "u" => '\u{306}',
        "." => '\u{307}',
        "\"" => '\u{308}',
        "r" => '\u{30A}',
        "H" => '\u{30B}',
        "v" => '\u{30C}',
        "d" => '\u{323}',
        "c" => '\u{327}',
        "k" => '\u{328}',
        "b" => '\u{332}',
        _ => return None,
    })
}

/// Commands that stand for a character or a word.
fn symbol(name: &str) -> Option<&'static str> {
    Some(match name {
        "i" => "ı",
        "j" => "ȷ",
        "ss" => "ß",
        "SS" => "ẞ",
        "o" => "ø",
        "O" => "Ø",
        "ae" => "æ",
        "AE" => "Æ",
        "oe" => "œ",
        "OE" => "Œ",
        "aa" => "å",
        "AA" => "Å",
        "l" => "ł",
        "L" => "Ł",
        "dh" => "ð",
        "DH" => "Ð",
        "dj" => "đ",
        "DJ" => "Đ",
        "ng" => "ŋ",
        "NG" => "Ŋ",
        "th" => "þ",
        "TH" => "Þ",
        "LaTeX" => "LaTeX",
        "TeX" => "TeX",
        "textendash" => "–",
        "textemdash" => "—",
        "textquoteleft" => "‘",
        "textquoteright" => "’",
        "textquotedblleft" => "“",
        "textquotedblright" => "”",
        "textquotedbl" => "\"",
        "textquotesingle" => "'",
        "guillemotleft" => "«",
        "guillemotright" => "»",
        "dots" | "ldots" | "textellipsis" => "…",
        "textregistered" => "®",
        "texttrademark" => "™",
        "copyright" | "textcopyright" => "©",
        "pounds" => "£",
        "textdollar" => "$",
        "textbackslash" => "\\",
        "textunderscore" => "_",
        "textasciitilde" => "~",
        "textasciicircum" => "^",
        "textless" => "<",
        "textgreater" => ">",
        "textbar" => "|",
        "textbraceleft" => "{",
        "textbraceright" => "}",
        "textasciigrave" => "`",
        "textasteriskcentered" => "⁎",
        "textvisiblespace" => "␣",
        "textordfeminine" => "ª",
        "textordmasculine" => "º",
        "textperiodcentered" => "·",
        "quotedblbase" | "textquotestraightdblbase" => "„",
        "quotesinglbase" | "textquotestraightbase" => "‚",
        "guilsinglleft" => "‹",
        "guilsinglright" => "›",
        "textbullet" => "•",
        "textdagger" => "†",
        "textdaggerdbl" | "ddag" => "‡",
        "textexclamdown" => "¡",
        "textquestiondown" => "¿",
        "S" | "textsection" => "§",
        "P" | "textparagraph" => "¶",
        "-" => "",
        // Font switches and no-ops: their text is what follows.
        "em" | "it" | "bf" | "sc" | "tt" | "rm" | "sf" | "sl" | "itshape" | "bfseries"
        | "scshape" | "upshape" | "mdseries" | "normalfont" | "relax" | "protect" => "",
        _ => return None,
    })
}

/// Commands whose argument is their text.
fn is_font_command(name: &str) -> bool {
    matches!(
        name,
        "emph"
            | "textit"
            | "textbf"
            | "textsc"
            | "texttt"
            | "textrm"
            | "textsf"
            | "textsl"
            | "textup"
            | "textmd"
            | "textnormal"
            | "mbox"
            | "text"
            | "url"
    )
}

impl Converter<'_> {
    /// Converts bytes up to `end` (a group's close or the end).
    fn run(&mut self, end: usize, depth: usize, out: &mut String) {
        while self.pos < end {
            let c = self.b[self.pos];
            match c {
                b'\\' => self.command(end, depth, out),
                b'{' | b'}' => self.pos += 1,
                b'$' if !self.verbatim => {
                    match self.b[self.pos + 1..end].iter().position(|&c| c == b'$') {
                        Some(n) => {
                            let close = self.pos + 1 + n;
                            let math = &self.s[self.pos..=close];
                            match crate::write::latex::plain_math(math) {
                                Some(c) => out.push(c),
                                None => out.push_str(math),
                            }
                            self.pos = close + 1;
                        }
                        None => {
                            self.balanced = false;
                            out.push('$');
                            self.pos += 1;
                        }
                    }
                }
                b'-' if !self.verbatim => {
                    let run = self.b[self.pos..end]
                        .iter()
                        .take(3)
                        .take_while(|&&c| c == b'-')
                        .count();
                    out.push_str(["-", "–", "—"][run - 1]);
                    self.pos += run;
                }
                // TeX's quote ligatures: ``` `` ``` and `''` are double quotes, a lone ``` ` ```
                // an opening single one, and the lone `'` after it that no letter follows its
                // closing one (``` `safe' ```); any other `'` is an apostrophe as it is.
                b'`' | b'\'' if !self.verbatim => {
                    let double = self.b.get(self.pos + 1) == Some(&c) && self.pos + 1 < end;
                    let letter_after = (self.b.get(self.pos + 1))
                        .is_some_and(|b| b.is_ascii_alphanumeric() && self.pos + 1 < end);
                    out.push(match (c, double) {
                        (b'`', true) => '“',
                        (b'`', false) => {
                            self.single_open = true;
                            '‘'
                        }
                        (_, true) => '”',
                        _ if self.single_open && !letter_after => {
                            self.single_open = false;
                            '’'
                        }
                        _ => '\'',
                    });
                    self.pos += 1 + usize::from(double);
                }
                // A tie: the space LaTeX does not break at.
                b'~' if !self.verbatim => {
                    out.push(' ');
                    self.pos += 1;
                    self.skip_space(end);
                }
                _ if c.is_ascii_whitespace() => {
                    out.push(' ');
                    self.skip_space(end);
                }
                _ => {
                    let from = self.pos;
                    while self.pos < end && !is_special(self.b[self.pos]) {
                        self.pos += 1;
                    }
                    if self.pos == from {
                        // `$` or `-` in a verbatim value.
                        self.pos += 1;
                    }
                    out.push_str(&self.s[from..self.pos]);
                }
            }
        }
    }

    fn skip_space(&mut self, end: usize) -> bool {
        let from = self.pos;
        while self.pos < end && self.b[self.pos].is_ascii_whitespace() {
            self.pos += 1;
        }
        self.pos > from
    }

    /// The end of the group whose `{` is at the current position (its `}` or `end`).
    fn group_end(&self, end: usize) -> usize {
        let mut depth = 0usize;
        let mut i = self.pos;
        while i < end {
            match self.b[i] {
                b'\\' => i += 1,
                b'{' => depth += 1,
                b'}' => {
                    depth -= 1;
                    if depth == 0 {
                        return i;
                    }
                }
                _ => {}
            }
            i += 1;
        }
        end
    }

    /// Converts the group at the current position, if there is one, into `out`.
    fn group(&mut self, end: usize, depth: usize, out: &mut String) -> bool {
        if self.pos >= end || self.b[self.pos] != b'{' {
            return false;
        }
        let close = self.group_end(end);
        self.pos += 1;
        self.run(close, depth + 1, out);
        self.pos = (close + 1).min(end);
        true
    }

    /// A backslash: an escaped character or a command.
    fn command(&mut self, end: usize, depth: usize, out: &mut String) {
        self.pos += 1;
        let Some(&c) = self.b.get(self.pos).filter(|_| self.pos < end) else {
            out.push('\\');
            return;
        };
        let escapable = match c {
            b'{' | b'}' | b'\\' | b':' => true,
            b'#' | b'&' | b'%' | b'$' | b'_' => !self.verbatim,
            _ => false,
        };
        if escapable {
            out.push(char::from(c));
            self.pos += 1;
            return;
        }
        if self.verbatim || c.is_ascii_whitespace() {
            out.push('\\');
            return;
        }
        let from = self.pos;
        if c.is_ascii_alphabetic() {
            while self.pos < end && self.b[self.pos].is_ascii_alphabetic() {
                self.pos += 1;
            }
        } else {
            self.pos += self.s[from..].chars().next().map_or(1, char::len_utf8);
        }
        let name = &self.s[from..self.pos];
        let spaced = self.skip_space(end);
        if depth >= MAX_DEPTH {
            out.push('\\');
            out.push_str(name);
            out.push(' ');
            return;
        }
        if let Some(mark) = accent(name)
            .filter(|_| spaced || !c.is_ascii_alphabetic() || self.b.get(self.pos) == Some(&b'{'))
        {
            self.accent(mark, end, depth, out);
        } else if let Some(text) = symbol(name) {
            out.push_str(text);
        } else if is_font_command(name) {
            self.group(end, depth, out);
        } else if name == "ensuremath" && self.b.get(self.pos) == Some(&b'{') {
            // Math outside `$`, as mdbib writes Greek letters and symbols: `H\ensuremath{\alpha}`.
            let close = self.group_end(end);
            let math = format!("${}$", &self.s[self.pos + 1..close.max(self.pos + 1)]);
            match crate::write::latex::plain_math(&math) {
                Some(c) => out.push(c),
                None => out.push_str(&math),
            }
            self.pos = (close + 1).min(end);
        } else if !spaced && self.pos < end && self.b[self.pos] == b'{' {
            out.push('\\');
            out.push_str(name);
            out.push('{');
            self.group(end, depth, out);
            out.push('}');
        } else {
            out.push('\\');
            out.push_str(name);
            out.push(' ');
        }
    }

    /// An accent on the next character, group or command.
    fn accent(&mut self, mark: char, end: usize, depth: usize, out: &mut String) {
        let mut base = String::new();
        if !self.group(end, depth, &mut base) && self.pos < end {
            if self.b[self.pos] == b'\\' {
                self.command(end, depth + 1, &mut base);
            } else if let Some(c) = self.s[self.pos..end].chars().next() {
                base.push(c);
                self.pos += c.len_utf8();
            }
        }
        let Some(last) = base.pop() else {
            out.push(match mark {
                '\u{302}' => '^',
                '\u{303}' => '~',
                _ => mark,
            });
            return;
        };
        out.push_str(&base);
        let last = match last {
            'ı' => 'i',
            'ȷ' => 'j',
            c => c,
        };
        match compose(last, mark) {
            Some(composed) => out.push(composed),
            None => {
                out.push(last);
                out.push(mark);
            }
        }
    }
}

/// Bytes that end a run of plain text.
const SPECIAL: [bool; 256] = byte_table(b"\\{}$-~`' \t\n\r\x0c", true);

fn is_special(c: u8) -> bool {
    SPECIAL[usize::from(c)]
}

/// Whether `raw` is plain ASCII without blanks, braces or commands: its own Unicode text, clean.
pub fn is_plain(raw: &str) -> bool {
    raw.bytes().all(|c| c < 0x80 && !is_special(c))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn convert(raw: &str) -> String {
        let mut out = String::new();
        assert!(to_unicode(raw, false, &mut out), "lone $ in {raw}");
        out
    }

    #[test]
    fn what_the_bibtex_writer_writes_for_symbols_and_quotes_reads_back() {
        assert_eq!(
            convert("H\\ensuremath{\\alpha} \\ensuremath{\\leq } 2, \\ensuremath{x^2}"),
            "Hα ≤ 2, $x^2$"
        );
        assert_eq!(
            convert("A ``Quoted'' and `single' word, don't"),
            "A “Quoted” and ‘single’ word, don't"
        );
        // An apostrophe inside the quote is none of its ends.
        assert_eq!(
            convert("`don't panic', he's right"),
            "‘don't panic’, he's right"
        );
        // Verbatim fields keep them.
        let mut out = String::new();
        to_unicode("http://x.org/``a''", true, &mut out);
        assert_eq!(out, "http://x.org/``a''");
        // `code = {https://x.org/~me}`: no space for the tilde.
        assert!(super::super::parse::Field::Code.is_verbatim());
    }

    #[test]
    fn greek_letters_and_their_variants_read_back_as_written() {
        // ε and ϵ, φ and ϕ are different glyphs, as `\varepsilon` and `\epsilon` are.
        // Math of one symbol reads as that symbol.
        for (title, back) in [
            ("ε Eridani, ϵ-greedy", "ε Eridani, ϵ-greedy"),
            ("$ε$ Eridani", "ε Eridani"),
            ("φ and ϕ in $φ$", "φ and ϕ in φ"),
            ("μ and ϑ", "μ and ϑ"),
        ] {
            let mut written = String::new();
            crate::write::latex::title_onto(&mut written, title, &[], false);
            assert_eq!(convert(&written), back, "{written}");
        }
        assert_eq!(convert(r"${\varepsilon}$ $\epsilon$"), "ε ϵ");
        // A command that several characters are written as reads as the plain letter.
        assert_eq!(
            convert(r"\ensuremath{\iota} $\upsilon$ $\omega$ $\Upsilon$ $\Delta$ $\mu$"),
            "ι υ ω Υ Δ μ"
        );
    }

    #[test]
    fn accents_in_every_spelling() {
        assert_eq!(
            convert(
                r#"\"o \"{o} {\"o} \'e \`e \^o \~n \=a \.z \u{g} \v{c} \H{o} \c{c} \k{a} \r{a}"#
            ),
            "ö ö ö é è ô ñ ā ż ğ č ő ç ą å"
        );
        assert_eq!(convert(r#"\c c \v s Schr{\"o}dinger"#), "ç š Schrödinger");
        assert_eq!(convert(r"\'{\i} \'\i{} \^{\j}"), "í í ĵ");
        assert_eq!(convert(r"\v{}"), "\u{30c}");
    }

    #[test]
    fn letters_escapes_and_dashes() {
        assert_eq!(
            convert(r"{\i} {\j} \ss{} {\o} {\O} {\ae} {\AE} {\oe} {\OE} {\aa} {\AA} {\l} \L"),
            "ı ȷ ß ø Ø æ Æ œ Œ å Å ł Ł"
        );
        assert_eq!(convert(r"\& \% \$ \# \_ \{ \}"), "& % $ # _ { }");
        assert_eq!(convert("1--2 a---b c-d ----"), "1–2 a—b c-d —-");
        // A tie is a space (one that does not break), not a tilde.
        assert_eq!(convert("Fig.~1 and~ 2"), "Fig. 1 and 2");
    }

    #[test]
    fn a_control_word_eats_the_blanks_after_it() {
        assert_eq!(convert(r#"Sch\"utz \ss x \o ne"#), "Schütz ßx øne");
    }

    #[test]
    fn braces_font_commands_and_unknown_commands() {
        assert_eq!(
            convert(r"The {NASA} \emph{in vivo} \textit{x} \textbf{y} {\em z} \textit Cataglyphis"),
            "The NASA in vivo x y z Cataglyphis"
        );
        assert_eq!(convert(r"\foo{bar} \gamma-band"), r"\foo{bar} \gamma -band");
        assert_eq!(convert("line\n  break\ttab"), "line break tab");
    }

    #[test]
    fn math_is_kept_a_single_symbol_is_its_character_and_a_lone_dollar_is_literal() {
        assert_eq!(convert(r"$\alpha$-band {GABA$_B$}"), r"α-band GABA$_B$");
        assert_eq!(
            convert(r"{A$\beta$25-35} $<$1 {Hz} $\{$beta$\}$ $x$"),
            "Aβ25-35 <1 Hz {beta} $x$"
        );
        let mut out = String::new();
        assert!(!to_unicode("can cost $6.5M -- a lot", false, &mut out));
        assert_eq!(out, "can cost $6.5M – a lot");
    }

    #[test]
    fn identifiers_keep_hyphens_and_backslashes() {
        let mut out = String::new();
        to_unicode(r"10.1000/a--b\_c{D}\x", true, &mut out);
        assert_eq!(out, r"10.1000/a--b\_cD\x");
    }

    #[test]
    fn deep_nesting_stays_bounded() {
        let raw = r"\emph{".repeat(10_000) + "x" + &"}".repeat(10_000);
        let out = convert(&raw);
        assert!(out.ends_with('x'), "{}", &out[out.len() - 20..]);
    }
}
