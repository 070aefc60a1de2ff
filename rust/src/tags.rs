//! Tag and topic lists printed as one comma-separated line of short labels
//! (`cleaner/rules/tags.py` is the front).

use crate::features::Features;
use crate::pyunicode::{is_space, is_upper, split_whitespace};

/// Tags are 1-4 word labels; three or more make a list (two is a phrase like "A, B").
pub const MIN_TAGS: usize = 3;
pub const MAX_TAG_WORDS: usize = 4;

/// What separates tags: `re.split(r"\s*[,|•·]\s*", text)`.
const SEPARATORS: &[char] = &[',', '|', '•', '·'];

/// The items of a line split at its separators, the whitespace around each separator
/// dropped, and empty items left out.
fn items(text: &str) -> Vec<&str> {
    let pieces: Vec<&str> = text.split(SEPARATORS).collect();
    let last = pieces.len() - 1;
    pieces
        .iter()
        .enumerate()
        .map(|(k, piece)| {
            let piece = if k > 0 {
                piece.trim_start_matches(is_space)
            } else {
                piece
            };
            if k < last {
                piece.trim_end_matches(is_space)
            } else {
                piece
            }
        })
        .filter(|piece| !piece.is_empty())
        .collect()
}

fn is_tag(item: &str) -> bool {
    let words = split_whitespace(item).count();
    (1..=MAX_TAG_WORDS).contains(&words) && item.chars().next().is_some_and(is_upper)
}

/// Whether a block is a line of tags: no closing punctuation, and three or more
/// short capitalised labels between separators.
pub fn is_tag_line(text: &str, features: &Features) -> bool {
    if features.ends_sentence {
        return false;
    }
    let found = items(text);
    found.len() >= MIN_TAGS && found.iter().all(|item| is_tag(item))
}

/// The blocks of a page that are tag lines.
pub fn tag_lines(texts: &[String], features: &[Features]) -> Vec<usize> {
    (0..texts.len())
        .filter(|&i| is_tag_line(&texts[i], &features[i]))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::features::{measure, Lexicon};

    fn tag_line(text: &str) -> bool {
        is_tag_line(text, &measure(text, &Lexicon::default()))
    }

    #[test]
    fn items_drop_the_space_around_separators_only() {
        assert_eq!(items("A , B| C •D"), ["A", "B", "C", "D"]);
        assert_eq!(items("A, ,B"), ["A", "B"]);
        assert_eq!(items(" A\u{a0}, B "), [" A", "B "]);
        assert_eq!(items(""), Vec::<&str>::new());
    }

    #[test]
    fn tag_lines_are_three_short_capitalised_labels() {
        assert!(tag_line(
            "North Korea, North Korean missiles, Missile attack, Volodymyr Zelensky"
        ));
        assert!(tag_line("Économie · Énergie · Öl"));
        assert!(!tag_line("North Korea, Missiles")); // two make a phrase
        assert!(!tag_line("North Korea, missiles, Missile attack"));
        assert!(!tag_line("One, Two, Three Four Five Six Seven"));
        assert!(!tag_line("Paris, London, Berlin."));
        assert!(!tag_line(
            "Visitors came from Paris, London, Berlin and Rome to see the new harbour."
        ));
    }
}
