//! Rule patterns from data files (site rules, their markers and end headings),
//! compiled once: which of them each block matches.

use regex::Regex;

use crate::error::{CoreError, PatternError};
use crate::phrases::{compile, rule_regex};

/// A list of patterns, searched for anywhere in a text or matched against it whole.
#[derive(Clone, Debug)]
pub struct Patterns {
    patterns: Vec<Regex>,
}

impl Patterns {
    /// Compile every pattern; all that fail are reported, by index.
    pub fn new(
        patterns: &[String],
        case_insensitive: bool,
        whole: bool,
    ) -> Result<Self, CoreError> {
        let mut compiled = Vec::with_capacity(patterns.len());
        let mut errors = Vec::new();
        for (i, pattern) in patterns.iter().enumerate() {
            let wrapped = if whole {
                format!("^(?:{pattern})$")
            } else {
                pattern.clone()
            };
            match rule_regex(&wrapped, case_insensitive) {
                Ok(regex) => compiled.push(regex),
                Err(error) => errors.push(PatternError::new(format!("[{i}]"), pattern, &error)),
            }
        }
        if errors.is_empty() {
            Ok(Self { patterns: compiled })
        } else {
            Err(CoreError::Patterns(errors))
        }
    }

    /// The indices of the patterns that match `text`, ascending.
    pub fn matching(&self, text: &str) -> Vec<usize> {
        (0..self.patterns.len())
            .filter(|&i| self.patterns[i].is_match(text))
            .collect()
    }

    /// Whether any pattern matches `text`.
    pub fn any(&self, text: &str) -> bool {
        self.patterns.iter().any(|p| p.is_match(text))
    }
}

/// Each pattern's compile error under the core's syntax (matched case-insensitively),
/// as (index, message).
pub fn pattern_errors(patterns: &[String]) -> Vec<(usize, String)> {
    patterns
        .iter()
        .enumerate()
        .filter_map(|(i, p)| {
            compile(p)
                .err()
                .map(|e| (i, PatternError::new(String::new(), p, &e).message))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whole_patterns_match_the_whole_text() {
        let ends = Patterns::new(
            &["more from (us|them)".into(), "related".into()],
            true,
            true,
        )
        .unwrap();
        assert_eq!(ends.matching("More from us"), [0]);
        assert!(ends.matching("More from us today").is_empty());
        let markers = Patterns::new(&["Courier".into()], false, false).unwrap();
        assert!(markers.any("The Example Courier"));
        assert!(!markers.any("the example courier"));
    }

    #[test]
    fn look_around_and_back_references_are_refused() {
        let errors = pattern_errors(&["(?=x)".into(), "ok".into(), r"(a)\1".into()]);
        assert_eq!(errors.iter().map(|e| e.0).collect::<Vec<_>>(), [0, 2]);
    }
}
