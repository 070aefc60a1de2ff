//! Rule patterns from data files (site rules, their markers and end headings),
//! compiled into one `RegexSet` per list: which of them each block matches.

use regex::{RegexSet, RegexSetBuilder};

use crate::error::{CoreError, PatternError};
use crate::phrases::{compile, PATTERN_SIZE_LIMIT};

/// A list of patterns, searched for anywhere in a text or matched against it whole.
#[derive(Clone, Debug)]
pub struct Patterns {
    set: RegexSet,
}

impl Patterns {
    /// Compile every pattern; all that fail are reported, by index.
    pub fn new(
        patterns: &[String],
        case_insensitive: bool,
        whole: bool,
    ) -> Result<Self, CoreError> {
        let wrapped: Vec<String> = patterns
            .iter()
            .map(|p| {
                if whole {
                    format!("^(?:{p})$")
                } else {
                    p.clone()
                }
            })
            .collect();
        let errors: Vec<PatternError> = patterns
            .iter()
            .zip(&wrapped)
            .enumerate()
            .filter_map(|(i, (p, w))| {
                let checked = regex::RegexBuilder::new(w)
                    .case_insensitive(case_insensitive)
                    .size_limit(PATTERN_SIZE_LIMIT)
                    .build();
                checked
                    .err()
                    .map(|e| PatternError::new(format!("[{i}]"), p, &e))
            })
            .collect();
        if !errors.is_empty() {
            return Err(CoreError::Patterns(errors));
        }
        let set = RegexSetBuilder::new(&wrapped)
            .case_insensitive(case_insensitive)
            .size_limit(PATTERN_SIZE_LIMIT * 8)
            .build()
            .map_err(|e| CoreError::Patterns(vec![PatternError::new(String::new(), "", &e)]))?;
        Ok(Self { set })
    }

    /// The indices of the patterns that match `text`, ascending.
    pub fn matching(&self, text: &str) -> Vec<usize> {
        self.set.matches(text).into_iter().collect()
    }

    /// Whether any pattern matches `text`.
    pub fn any(&self, text: &str) -> bool {
        self.set.is_match(text)
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
