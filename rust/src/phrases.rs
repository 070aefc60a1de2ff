//! The generic phrase lists (`cleaner/data/boilerplate.toml`) compiled into one
//! `RegexSet`: which category of furniture a block is, and which end marker a
//! heading is. The lists stay data; the Python front reads the file and hands the
//! patterns over.

use regex::{Regex, RegexBuilder};

use crate::error::{CoreError, PatternError};
use crate::patterns::pattern_errors;
use crate::pyunicode::{char_len, is_space};

/// Compiled size a single rule pattern may take; a pattern past it is a mistake in a
/// rule file, reported by `--check-rules` (the largest shipped one needs ~1 MB).
pub const PATTERN_SIZE_LIMIT: usize = 8 << 20;

/// One kind of furniture: the first category whose pattern describes a block of at
/// most `max_words` words names it.
#[derive(Clone, Debug)]
pub struct CategorySpec {
    pub max_words: usize,
    pub patterns: Vec<String>,
}

/// The phrase lists, compiled once per process: each category's patterns as one
/// alternation (tried in order of precedence, as the Python lists were). One
/// `RegexSet` over all of them was tried and measured 40 ms a page: the set's lazy
/// DFA runs out of cache on hundreds of case-insensitive Unicode patterns and falls
/// back to the slowest engine.
#[derive(Clone, Debug)]
pub struct PhraseBook {
    categories: Vec<(usize, Regex)>,
    /// Each end-marker kind as one pattern that must match a trimmed heading whole.
    ends: Vec<Regex>,
}

/// End markers are section headings; 120 characters covers "12 responses to <headline>".
pub const END_MARKER_MAX_CHARS: usize = 120;

/// A pattern compiled case-insensitively with the core's size limit.
pub fn compile(pattern: &str) -> Result<Regex, regex::Error> {
    rule_regex(pattern, true)
}

/// A rule pattern compiled as rule files mean it: with the core's size limit, and
/// `\b`/`\B` as ASCII word boundaries. A Unicode word boundary makes the regex
/// crate's fast engines give up on any block with a character past ASCII (15% of
/// the development blocks) and run the slowest one: 10-35 µs a block and category
/// instead of 0.1-0.4 µs. The two agree wherever the characters around the boundary
/// are ASCII, which the shipped patterns' boundaries all sit beside.
pub fn rule_regex(pattern: &str, case_insensitive: bool) -> Result<Regex, regex::Error> {
    RegexBuilder::new(&ascii_boundaries(pattern))
        .case_insensitive(case_insensitive)
        .size_limit(PATTERN_SIZE_LIMIT)
        .build()
}

/// The pattern with each `\b` and `\B` escape made an ASCII one.
pub fn ascii_boundaries(pattern: &str) -> String {
    let mut out = String::with_capacity(pattern.len() + 16);
    let mut chars = pattern.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some(b @ ('b' | 'B')) => {
                out.push_str("(?-u:\\");
                out.push(b);
                out.push(')');
            }
            Some(other) => {
                out.push('\\');
                out.push(other);
            }
            None => out.push('\\'),
        }
    }
    out
}

fn union(patterns: &[String]) -> String {
    patterns
        .iter()
        .map(|p| format!("(?:{p})"))
        .collect::<Vec<_>>()
        .join("|")
}

impl PhraseBook {
    /// Compile the categories (in order of precedence) and the end-marker kinds;
    /// every pattern that does not compile is reported, not just the first.
    pub fn new(categories: &[CategorySpec], ends: &[Vec<String>]) -> Result<Self, CoreError> {
        let mut errors = Vec::new();
        for (k, category) in categories.iter().enumerate() {
            errors.extend(named_errors("category", k, &category.patterns));
        }
        for (k, patterns) in ends.iter().enumerate() {
            errors.extend(named_errors("end_marker", k, patterns));
        }
        if !errors.is_empty() {
            return Err(CoreError::Patterns(errors));
        }
        let categories = categories
            .iter()
            .map(|c| Ok((c.max_words, compile(&union(&c.patterns))?)))
            .collect::<Result<Vec<_>, regex::Error>>()
            .map_err(|e| CoreError::Patterns(vec![PatternError::new("category".into(), "", &e)]))?;
        let ends = ends
            .iter()
            .map(|patterns| compile(&format!("^(?:{})$", union(patterns))))
            .collect::<Result<Vec<_>, _>>()
            .map_err(|e| {
                CoreError::Patterns(vec![PatternError::new("end_marker".into(), "", &e)])
            })?;
        Ok(Self { categories, ends })
    }

    /// The first category that describes a block of `words` words, if any. A list
    /// bullet that text renderers put before menu items is not part of the block.
    pub fn category_of(&self, text: &str, words: usize) -> Option<usize> {
        let text = strip_bullet(text);
        self.categories
            .iter()
            .position(|(max_words, pattern)| words <= *max_words && pattern.is_match(text))
    }

    /// The end-marker kind a heading-like block is, if any.
    pub fn end_marker(&self, text: &str) -> Option<usize> {
        if char_len(text) > END_MARKER_MAX_CHARS {
            return None;
        }
        let trimmed = trim_marks(text);
        self.ends.iter().position(|marker| marker.is_match(trimmed))
    }
}

/// The patterns of one list that do not compile, each named by its place in the data.
fn named_errors(group: &str, k: usize, patterns: &[String]) -> Vec<PatternError> {
    pattern_errors(patterns)
        .into_iter()
        .map(|(n, message)| PatternError {
            place: format!("{group}[{k}].patterns[{n}]"),
            pattern: patterns[n].clone(),
            message,
        })
        .collect()
}

/// A list bullet and the space after it (`^[*•·◦▪‣-]\s+`).
pub fn strip_bullet(text: &str) -> &str {
    let mut chars = text.chars();
    match chars.next() {
        Some('*' | '•' | '·' | '◦' | '▪' | '‣' | '-') => {
            let rest = chars.as_str();
            let trimmed = rest.trim_start_matches(is_space);
            if trimmed.len() < rest.len() {
                trimmed
            } else {
                text
            }
        }
        _ => text,
    }
}

/// A heading without the marks around it: leading `#*•·|>-` and spaces, trailing
/// `:.…»›→>|▶-` and spaces.
pub fn trim_marks(text: &str) -> &str {
    let lead = |c: char| is_space(c) || matches!(c, '#' | '*' | '•' | '·' | '|' | '>' | '-');
    let trail = |c: char| {
        is_space(c) || matches!(c, ':' | '.' | '…' | '»' | '›' | '→' | '>' | '|' | '▶' | '-')
    };
    text.trim_start_matches(lead).trim_end_matches(trail)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn book() -> PhraseBook {
        let categories = [
            CategorySpec {
                max_words: 3,
                patterns: vec!["^(home|menu)$".into()],
            },
            CategorySpec {
                max_words: 20,
                patterns: vec!["sign up for our newsletter".into(), "^subscribe".into()],
            },
        ];
        PhraseBook::new(
            &categories,
            &[
                vec!["related (articles|stories)".into()],
                vec!["comments?".into()],
            ],
        )
        .unwrap()
    }

    #[test]
    fn the_first_category_that_fits_names_the_block() {
        let book = book();
        assert_eq!(book.category_of("• Home", 1), Some(0));
        assert_eq!(book.category_of("MENU", 1), Some(0));
        assert_eq!(
            book.category_of("Sign up for our newsletter today", 6),
            Some(1)
        );
        assert_eq!(
            book.category_of("Sign up for our newsletter today", 60),
            None
        );
        assert_eq!(book.category_of("Home improvement", 2), None);
    }

    #[test]
    fn end_markers_match_whole_trimmed_headings() {
        let book = book();
        assert_eq!(book.end_marker("## Related Articles:"), Some(0));
        assert_eq!(book.end_marker("Comments ›"), Some(1));
        assert_eq!(book.end_marker("Related articles about the war"), None);
    }

    #[test]
    fn word_boundaries_become_ascii_ones_and_escaped_backslashes_stay() {
        assert_eq!(ascii_boundaries(r"\bnews\B\\b"), r"(?-u:\b)news(?-u:\B)\\b");
        let re = compile(r"\bsubscribe\b").unwrap();
        assert!(re.is_match("Subscribe now"));
        assert!(re.is_match("“Subscribe” — já"));
        assert!(!re.is_match("unsubscribed"));
    }

    #[test]
    fn every_bad_pattern_is_reported() {
        let categories = [CategorySpec {
            max_words: 3,
            patterns: vec!["(a".into(), "ok".into(), "(?<=x)y".into()],
        }];
        let Err(CoreError::Patterns(errors)) = PhraseBook::new(&categories, &[]) else {
            panic!("compiled")
        };
        assert_eq!(errors.len(), 2);
        assert_eq!(errors[1].place, "category[0].patterns[2]");
    }
}
