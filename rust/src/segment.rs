//! Text to blocks: one block per non-empty line, whitespace normalised, and
//! paragraphs that a dump hard-wrapped across lines joined again. Also the `fold`
//! comparison key that the steps use to find repeated text.

use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

use crate::pyunicode::{self, char_len, is_decimal, is_word};

/// One paragraph-like unit of the page text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Block {
    pub text: String,
    /// Whether a blank line (or the page's start) comes before it.
    pub blank_before: bool,
}

/// Characters that collapse to one space: every whitespace character that
/// `str.splitlines()` does not break at, plus the zero-width space and the BOM.
fn collapses(c: char) -> bool {
    matches!(
        c,
        ' ' | '\t' | '\x1f' | '\u{a0}' | '\u{1680}' | '\u{2000}'..='\u{200b}'
    ) || matches!(c, '\u{202f}' | '\u{205f}' | '\u{3000}' | '\u{feff}')
}

/// Invisible characters that are removed (joiners, the word joiner, the soft hyphen).
fn zero_width(c: char) -> bool {
    matches!(c, '\u{200c}' | '\u{200d}' | '\u{2060}' | '\u{ad}')
}

/// Runs of spaces (incl. no-break and zero-width ones) collapsed, invisible
/// characters removed, and the ends trimmed.
pub fn normalise_line(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut in_space = false;
    for c in line.chars() {
        if zero_width(c) {
            continue;
        }
        if collapses(c) {
            if !in_space {
                out.push(' ');
                in_space = true;
            }
        } else {
            out.push(c);
            in_space = false;
        }
    }
    pyunicode::strip(&out).to_owned()
}

/// `str.splitlines()`: the line boundaries CPython knows.
pub fn split_lines(text: &str) -> Vec<&str> {
    let mut lines = Vec::new();
    let mut start = 0;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let breaks = matches!(
            c,
            '\n' | '\r'
                | '\x0b'
                | '\x0c'
                | '\x1c'
                | '\x1d'
                | '\x1e'
                | '\u{85}'
                | '\u{2028}'
                | '\u{2029}'
        );
        if !breaks {
            continue;
        }
        lines.push(&text[start..i]);
        let mut end = i + c.len_utf8();
        if c == '\r' {
            if let Some(&(j, '\n')) = chars.peek() {
                chars.next();
                end = j + 1;
            }
        }
        start = end;
    }
    if start < text.len() {
        lines.push(&text[start..]);
    }
    lines
}

/// The text in Unicode normal form C.
pub fn nfc(text: &str) -> std::borrow::Cow<'_, str> {
    if is_nfc_quick(text.chars()) == IsNormalized::Yes {
        std::borrow::Cow::Borrowed(text)
    } else {
        std::borrow::Cow::Owned(text.nfc().collect())
    }
}

/// Split text into blocks, remembering which ones follow a blank line.
pub fn segment(text: &str) -> Vec<Block> {
    let text = nfc(text);
    let mut blocks = Vec::new();
    let mut blank = true;
    for raw in split_lines(&text) {
        let line = normalise_line(raw);
        if line.is_empty() {
            blank = true;
            continue;
        }
        blocks.push(Block {
            text: line,
            blank_before: blank,
        });
        blank = false;
    }
    blocks
}

/// A comparison key: case-folded words only, for finding repeated text.
pub fn fold(text: &str) -> String {
    let folded = pyunicode::casefold(text);
    let mut out = String::with_capacity(folded.len());
    for word in pyunicode::words(&folded) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// A wrapped line runs close to the wrap width (72-100 columns in practice); menu
/// items and headings are far shorter, so they are never joined to what follows.
pub const WRAP_MIN_CHARS: usize = 50;

/// The last character of a line cut mid-sentence: a letter, or a comma or dash.
fn open_end(c: char) -> bool {
    (is_word(c) && !is_decimal(c) && c != '_') || matches!(c, ',' | ';' | '–' | '—' | '-')
}

/// A line that goes on a sentence: it starts with a letter that is not a capital
/// (A-Z, À-Ý).
fn continues(line: &str) -> bool {
    line.chars().next().is_some_and(|c| {
        is_word(c)
            && !is_decimal(c)
            && c != '_'
            && !c.is_ascii_uppercase()
            && !('À'..='Ý').contains(&c)
    })
}

/// Whether `line` continues the paragraph whose lines so far are `previous`.
fn wrapped(previous: &[&str], line: &str) -> bool {
    let last = previous[previous.len() - 1];
    if previous.len() == 1 && char_len(last) < WRAP_MIN_CHARS {
        return false; // once joined, a paragraph is already past the minimum
    }
    let Some(end) = last.chars().next_back() else {
        return false;
    };
    if !open_end(end) {
        return false;
    }
    continues(line) || matches!(end, ',' | '–' | '—' | '-')
}

/// Join a block to the previous one when the previous line was cut mid-sentence:
/// long, no closing punctuation, no blank line between, and the next line goes on
/// in lower case (or the cut came after a comma or dash).
pub fn unwrap(blocks: &[Block]) -> Vec<Block> {
    let mut parts: Vec<(Vec<&str>, bool)> = Vec::new();
    for block in blocks {
        if let Some((lines, _)) = parts.last_mut() {
            if !block.blank_before && wrapped(lines, &block.text) {
                lines.push(&block.text);
                continue;
            }
        }
        parts.push((vec![&block.text], block.blank_before));
    }
    parts
        .into_iter()
        .map(|(lines, blank_before)| Block {
            text: lines.join(" "),
            blank_before,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_split_as_cpython_splits_them() {
        assert_eq!(split_lines("a\r\nb\rc\u{2028}d\n"), ["a", "b", "c", "d"]);
        assert_eq!(split_lines("a\n\nb"), ["a", "", "b"]);
    }

    #[test]
    fn blocks_collapse_spaces_and_remember_blank_lines() {
        let blocks = segment("  One\u{a0}\u{200b} two \n\n\u{ad}Three\nFour");
        let texts: Vec<_> = blocks
            .iter()
            .map(|b| (b.text.as_str(), b.blank_before))
            .collect();
        assert_eq!(texts, [("One two", true), ("Three", true), ("Four", false)]);
    }

    #[test]
    fn fold_keeps_casefolded_words() {
        assert_eq!(fold("The STRASSE, straße!"), "the strasse strasse");
    }

    #[test]
    fn wrapped_paragraphs_are_joined_and_headings_are_not() {
        let long = "This line was cut by a dump that wraps its text at about";
        let blocks = segment(&format!("{long}\nsixty columns.\nShort heading\nNext line"));
        let joined = unwrap(&blocks);
        assert_eq!(joined[0].text, format!("{long} sixty columns."));
        assert_eq!(joined.len(), 3);
    }
}
