//! Where a dump repeats the article's headline: the body starts under it.
//!
//! A dump that starts with the page's <title> (html-text does) names the headline;
//! one that does not has the page's URL, whose slug is the headline in most news
//! and blog sites' URLs (`cleaner/anchors.py` reads the slug's words). The slug
//! constants' figures are the heuristics alone on the development dumps
//! (`scripts/evaluate.py --systems cleaner-heuristics --modes text`) with the
//! constant changed; it is inscriptis dumps that move.

use std::collections::HashSet;

use crate::features::Features;
use crate::pyunicode::{is_decimal, is_space, split_whitespace};
use crate::segment::fold;

/// Shorter headlines ("Live updates") recur in menus and are no anchor.
pub const ANCHOR_MIN_WORDS: usize = 4;

/// A slug of fewer distinct words ("/news/world", "/about-us") names a section or a
/// page kind as often as a headline. 3 and 5 measured about the same as 4 (WCXB
/// inscriptis 0.9004 and 0.9015 against 0.9016, ScrapingHub unchanged).
pub const SLUG_MIN_WORDS: usize = 4;

/// A headline holds at least this share of the slug's distinct words (slugs drop or
/// shorten a word now and then). Anything from 0.7 to 0.9 measured the same.
pub const SLUG_SHARE: f64 = 0.8;

/// At least this share of the headline's words are in the slug, so a longer teaser
/// or a sentence that mentions the slug's words is not taken for it (0.5 measured
/// the same; 0.75 cost WCXB inscriptis 0.0006, where slugs drop the headline's
/// small words).
pub const HEADLINE_SHARE: f64 = 0.6;

/// A headline is echoed once or twice in a dump (page header, article header). A
/// slug matched more often ("best-accounting-software" in a buying guide) names the
/// topic, and its matches are the guide's own section headings and image captions.
pub const MAX_SLUG_ANCHORS: usize = 2;

/// The bullets text renderers put before list items (`cleaner.phrases.BULLET`).
const BULLETS: &[char] = &['*', '•', '·', '◦', '▪', '‣', '-'];

/// A bulleted or numbered line (`^[*•·◦▪‣-]\s+|^\d+[.)]\s+`): a table of contents
/// or menu entry, not a headline.
pub fn is_list_item(text: &str) -> bool {
    let mut chars = text.chars().peekable();
    match chars.next() {
        Some(c) if BULLETS.contains(&c) => {}
        Some(c) if is_decimal(c) => {
            while chars.next_if(|&c| is_decimal(c)).is_some() {}
            if chars.next_if(|&c| c == '.' || c == ')').is_none() {
                return false;
            }
        }
        _ => return false,
    }
    chars.next().is_some_and(is_space)
}

fn is_anchor_shaped(f: &Features) -> bool {
    f.words >= ANCHOR_MIN_WORDS && f.headline_like()
}

/// Blocks that repeat the page's first line, when that line is its <title>:
/// html-text dumps start with it ("Headline - Site Name").
pub fn title_anchors(texts: &[String], features: &[Features]) -> Vec<usize> {
    if texts.len() < 2 || features[0].ends_sentence {
        return Vec::new();
    }
    let title = fold(&texts[0]);
    (1..texts.len())
        .filter(|&i| is_anchor_shaped(&features[i]))
        .filter(|&i| {
            let key = fold(&texts[i]);
            !key.is_empty() && title.contains(&key)
        })
        .collect()
}

/// Blocks that are the headline a markdown dump marked ("# ..."), if it has one.
pub fn headline_anchors(texts: &[String], headline: Option<&str>) -> Vec<usize> {
    let Some(headline) = headline.filter(|h| !h.is_empty()) else {
        return Vec::new();
    };
    let key = fold(headline);
    (0..texts.len())
        .filter(|&i| fold(&texts[i]) == key)
        .collect()
}

/// Headline-like blocks that repeat the URL's slug (its distinct words), where the
/// dump has no title line to anchor on. `weights` are the blocks' extent weights: a
/// match with prose right above it is a subheading inside the article, unless that
/// prose is a list item. List items and slugs matched more than `MAX_SLUG_ANCHORS`
/// times are no anchor either.
pub fn slug_anchors(
    texts: &[String],
    features: &[Features],
    weights: &[f64],
    slug: &[String],
) -> Vec<usize> {
    let slug: HashSet<&str> = slug.iter().map(String::as_str).collect();
    if slug.len() < SLUG_MIN_WORDS {
        return Vec::new();
    }
    let found: Vec<usize> = (0..texts.len())
        .filter(|&i| repeats_slug(&texts[i], &features[i], &slug))
        .collect();
    if found.len() > MAX_SLUG_ANCHORS {
        return Vec::new();
    }
    found
        .into_iter()
        .filter(|&i| !under_prose(texts, weights, i))
        .collect()
}

fn repeats_slug(text: &str, features: &Features, slug: &HashSet<&str>) -> bool {
    if !is_anchor_shaped(features) || is_list_item(text) {
        return false;
    }
    let folded = fold(text);
    let words: Vec<&str> = split_whitespace(&folded).collect();
    let distinct: HashSet<&str> = words.iter().copied().collect();
    let slug_found = distinct.iter().filter(|w| slug.contains(*w)).count();
    let from_slug = words.iter().filter(|w| slug.contains(*w)).count();
    slug_found as f64 >= SLUG_SHARE * slug.len() as f64
        && from_slug as f64 >= HEADLINE_SHARE * words.len() as f64
}

/// Whether the nearest block above `i` that carries weight is prose.
fn under_prose(texts: &[String], weights: &[f64], i: usize) -> bool {
    (0..i)
        .rev()
        .find(|&j| weights[j] != 0.0)
        .is_some_and(|j| weights[j] > 0.0 && !is_list_item(&texts[j]))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shaped(words: usize, ends_sentence: bool) -> Features {
        Features {
            chars: words * 6,
            words,
            stopwords: 0,
            stopword_density: 0.0,
            ends_sentence,
            capitalised_share: 0.0,
            url_density: 0.0,
            digit_share: 0.0,
            sentences: 0,
        }
    }

    fn page(lines: &[&str]) -> (Vec<String>, Vec<Features>) {
        let texts: Vec<String> = lines.iter().map(|&l| l.to_owned()).collect();
        let features = lines
            .iter()
            .map(|l| shaped(l.split_whitespace().count(), l.ends_with('.')))
            .collect();
        (texts, features)
    }

    const HEADLINE: &str = "Harbour Sea Wall To Be Rebuilt After Winter Storms";
    const PROSE: &str = "The council voted on Monday to rebuild the sea wall.";

    fn slug() -> Vec<String> {
        [
            "harbour", "sea", "wall", "to", "be", "rebuilt", "after", "storms",
        ]
        .map(String::from)
        .to_vec()
    }

    #[test]
    fn list_items_are_bulleted_or_numbered_lines() {
        assert!(is_list_item("* Home"));
        assert!(is_list_item("• News"));
        assert!(is_list_item("12. Chapter"));
        assert!(is_list_item("٣) item"));
        assert!(is_list_item("- a\u{1c}"));
        assert!(!is_list_item("12 Chapter"));
        assert!(!is_list_item("*Home"));
        assert!(!is_list_item("1."));
        assert!(!is_list_item("Home"));
        assert!(!is_list_item(""));
    }

    #[test]
    fn the_title_lines_repeat_is_an_anchor() {
        let (texts, features) = page(&[
            &format!("{HEADLINE} - The Harbour Times"),
            "News",
            HEADLINE,
            PROSE,
        ]);
        assert_eq!(title_anchors(&texts, &features), [2]);
        let (texts, features) = page(&["A first line that ends a sentence.", HEADLINE]);
        assert!(title_anchors(&texts, &features).is_empty());
    }

    #[test]
    fn a_markdown_headline_anchors_where_it_repeats() {
        let (texts, _) = page(&["News", HEADLINE, PROSE]);
        assert_eq!(
            headline_anchors(
                &texts,
                Some("harbour sea wall to be rebuilt after winter storms")
            ),
            [1]
        );
        assert!(headline_anchors(&texts, Some("")).is_empty());
        assert!(headline_anchors(&texts, None).is_empty());
    }

    #[test]
    fn the_headline_repeating_the_slug_is_an_anchor() {
        let (texts, features) = page(&["News", "Sport", HEADLINE, PROSE]);
        let weights = [-40.0, -40.0, 0.0, 300.0];
        assert_eq!(slug_anchors(&texts, &features, &weights, &slug()), [2]);
        let short = slug()[..3].to_vec();
        assert!(slug_anchors(&texts, &features, &weights, &short).is_empty());
    }

    #[test]
    fn a_slug_match_under_prose_is_a_subheading_unless_that_prose_is_a_list_item() {
        let (texts, features) = page(&[PROSE, HEADLINE, PROSE]);
        assert!(slug_anchors(&texts, &features, &[300.0, 0.0, 300.0], &slug()).is_empty());
        let bulleted = format!("* {PROSE}");
        let (texts, features) = page(&[&bulleted, HEADLINE, PROSE]);
        assert_eq!(
            slug_anchors(&texts, &features, &[300.0, 0.0, 300.0], &slug()),
            [1]
        );
    }

    #[test]
    fn list_items_and_topic_slugs_are_no_anchor() {
        let bulleted = format!("* {HEADLINE}");
        let numbered = format!("3. {HEADLINE}");
        let (texts, features) = page(&["News", &bulleted, &numbered, PROSE]);
        assert!(slug_anchors(&texts, &features, &[-40.0, 0.0, 0.0, 300.0], &slug()).is_empty());
        let (texts, features) = page(&[HEADLINE, "Menu", HEADLINE, "Menu", HEADLINE, PROSE]);
        let weights = [0.0, -40.0, 0.0, -40.0, 0.0, 300.0];
        assert!(slug_anchors(&texts, &features, &weights, &slug()).is_empty());
    }
}
