//! CPython's character classes and case folding, which the block steps were
//! written against: `re`'s `\w`, `\d` and `\s` on str patterns, `str.isdigit`,
//! `str.isupper`, `str.isspace`, `str.casefold` and `str.lower`. Rust's own
//! (`char::is_alphanumeric`, `to_lowercase`) differ on combining marks, numerals and
//! full case folding, so the core reads tables generated from CPython
//! (`scripts/gen_unicode_tables.py`).

use crate::pyunicode_tables as t;

fn in_ranges(table: &[(u32, u32)], c: char) -> bool {
    let code = c as u32;
    table
        .binary_search_by(|&(lo, hi)| {
            if hi < code {
                std::cmp::Ordering::Less
            } else if lo > code {
                std::cmp::Ordering::Greater
            } else {
                std::cmp::Ordering::Equal
            }
        })
        .is_ok()
}

/// `re.match(r"\w", c)`: a letter, a number of any kind, or `_`.
#[inline]
pub fn is_word(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric() || c == '_'
    } else {
        in_ranges(t::WORD, c)
    }
}

/// `re.match(r"\d", c)`: a decimal digit (category Nd).
#[inline]
pub fn is_decimal(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_digit()
    } else {
        in_ranges(t::DECIMAL, c)
    }
}

/// `c.isdigit()`.
#[inline]
pub fn is_digit(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_digit()
    } else {
        in_ranges(t::DIGIT, c)
    }
}

/// `c.isupper()` of one character.
#[inline]
pub fn is_upper(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_uppercase()
    } else {
        in_ranges(t::UPPER, c)
    }
}

/// `c.isspace()`, which `str.split()`, `str.strip()` and `re`'s `\s` use.
#[inline]
pub fn is_space(c: char) -> bool {
    if c.is_ascii() {
        matches!(
            c,
            ' ' | '\t' | '\n' | '\r' | '\x0b' | '\x0c' | '\x1c'..='\x1f'
        )
    } else {
        in_ranges(t::SPACE, c)
    }
}

/// `re.match("[a-z0-9-]", c, re.I)`: ASCII letters, digits and `-`, and the four other
/// characters that case-insensitive matching folds onto ASCII letters.
#[inline]
pub fn is_label_ci(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric() || c == '-'
    } else {
        in_ranges(t::ASCII_LABEL_CI, c)
    }
}

fn mapped(table: &'static [(u32, &'static str)], c: char) -> Option<&'static str> {
    let code = c as u32;
    table
        .binary_search_by_key(&code, |&(k, _)| k)
        .ok()
        .map(|i| table[i].1)
}

/// `text.casefold()`.
pub fn casefold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    casefold_into(text, &mut out);
    out
}

/// `text.casefold()`, appended to `out` (no allocation once `out` is large enough).
pub fn casefold_into(text: &str, out: &mut String) {
    if text.is_ascii() {
        out.extend(text.chars().map(|c| c.to_ascii_lowercase()));
        return;
    }
    for c in text.chars() {
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
        } else if let Some(folded) = mapped(t::CASEFOLD, c) {
            out.push_str(folded);
        } else {
            out.push(c);
        }
    }
}

/// `text.lower()` without the final-sigma rule (callers lower single words or
/// compare with ASCII).
pub fn lower(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
        } else if let Some(lowered) = mapped(t::LOWER, c) {
            out.push_str(lowered);
        } else {
            out.push(c);
        }
    }
    out
}

/// `re.findall(r"\w+", text)`: the runs of word characters.
pub fn words(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = text;
    std::iter::from_fn(move || {
        let start = rest.find(is_word)?;
        let tail = &rest[start..];
        let end = tail.find(|c: char| !is_word(c)).unwrap_or(tail.len());
        let word = &tail[..end];
        rest = &tail[end..];
        Some(word)
    })
}

/// `text.split()`: runs of non-whitespace.
pub fn split_whitespace(text: &str) -> impl Iterator<Item = &str> {
    text.split(is_space).filter(|part| !part.is_empty())
}

/// `text.strip()`.
pub fn strip(text: &str) -> &str {
    text.trim_matches(is_space)
}

/// `text.rstrip()`.
pub fn rstrip(text: &str) -> &str {
    text.trim_end_matches(is_space)
}

/// `len(text)`: code points.
pub fn char_len(text: &str) -> usize {
    if text.is_ascii() {
        text.len()
    } else {
        text.chars().count()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_excludes_combining_marks_as_cpython_does() {
        assert!(is_word('é'));
        assert!(is_word('½')); // a numeric character
        assert!(!is_word('\u{0301}')); // combining acute accent
        assert!(!is_word('-'));
        assert_eq!(
            words("Ünïcode, wörds_1 ½!").collect::<Vec<_>>(),
            ["Ünïcode", "wörds_1", "½"]
        );
    }

    #[test]
    fn casefold_is_full_case_folding() {
        assert_eq!(casefold("Straße ΣΑΣ"), "strasse σασ");
        assert_eq!(lower("İ"), "i\u{307}");
    }

    #[test]
    fn spaces_are_cpythons() {
        assert!(is_space('\u{1f}'));
        assert!(is_space('\u{a0}'));
        assert!(!is_space('\u{200b}'));
        assert_eq!(
            split_whitespace(" a\u{3000}b  c ").collect::<Vec<_>>(),
            ["a", "b", "c"]
        );
    }
}
