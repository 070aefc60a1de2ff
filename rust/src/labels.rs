//! Block quality labels after jusText: a context-free label from the block's own
//! measures, then a revision of short and near-good blocks from their neighbours
//! (`cleaner/classify.py` is the front).

use crate::blockfeatures::Label;
use crate::features::Features;

// jusText 3.0 defaults (Pomikálek 2011, "Removing boilerplate and duplicate content
// from web corpora", tuned on CleanEval); lengths are in characters.
pub const LENGTH_LOW: usize = 70;
pub const LENGTH_HIGH: usize = 200;
pub const STOPWORDS_LOW: f64 = 0.25;
pub const STOPWORDS_HIGH: f64 = 0.32;
pub const MAX_URL_DENSITY: f64 = 0.2;

/// Below this page-wide stopword density the stoplist does not fit the page (a
/// language jusText has no list for, or CJK text without spaces); classify by
/// length alone then, as jusText's language-independent mode does.
pub const LANGUAGE_FREE_DENSITY: f64 = 0.08;

/// jusText wants 200 characters for a good block, but a dump has no link density to
/// tell teaser links from prose, and news paragraphs are often one 100-200
/// character sentence; a finished sentence of this length with enough stopwords
/// counts as good (measured on the development sets: see README).
pub const SENTENCE_MIN_CHARS: usize = 80;

/// A line of five or more words, most of them capitalised, with no closing
/// punctuation, is a heading or a menu bar, never a paragraph (prose runs 10-30%
/// capitalised words); it is judged by its neighbours like any short block.
pub const TITLE_CASE_SHARE: f64 = 0.7;
pub const TITLE_CASE_MIN_WORDS: usize = 5;

/// A block's label from its own measures alone.
pub fn context_free(f: &Features, use_stopwords: bool) -> Label {
    if f.url_density > MAX_URL_DENSITY {
        return Label::Bad;
    }
    if f.chars < LENGTH_LOW {
        return Label::Short;
    }
    if !f.ends_sentence
        && f.words >= TITLE_CASE_MIN_WORDS
        && f.capitalised_share >= TITLE_CASE_SHARE
    {
        return Label::Short;
    }
    if !use_stopwords {
        return if f.chars > LENGTH_HIGH || f.ends_sentence {
            Label::Good
        } else {
            Label::NearGood
        };
    }
    if f.stopword_density >= STOPWORDS_HIGH {
        let long_enough =
            f.chars > LENGTH_HIGH || (f.ends_sentence && f.chars >= SENTENCE_MIN_CHARS);
        return if long_enough {
            Label::Good
        } else {
            Label::NearGood
        };
    }
    if f.stopword_density >= STOPWORDS_LOW {
        return Label::NearGood;
    }
    Label::Bad
}

/// Whether the page's words fit its stoplist well enough to judge blocks by it.
pub fn uses_stopwords(features: &[Features]) -> bool {
    let words: usize = features.iter().map(|f| f.words).sum();
    let stops: usize = features.iter().map(|f| f.stopwords).sum();
    words > 0 && stops as f64 / words as f64 >= LANGUAGE_FREE_DENSITY
}

/// For each block, the label of its nearest neighbour in one direction whose label
/// is not skipped; `Bad` past the page's edge (jusText's convention).
fn nearest(labels: &[Label], skip: impl Fn(Label) -> bool, forwards: bool) -> Vec<Label> {
    let mut out = vec![Label::Bad; labels.len()];
    let mut seen = Label::Bad;
    let mut visit = |i: usize| {
        out[i] = seen;
        if !skip(labels[i]) {
            seen = labels[i];
        }
    };
    if forwards {
        (0..labels.len()).for_each(&mut visit);
    } else {
        (0..labels.len()).rev().for_each(&mut visit);
    }
    out
}

/// jusText's context pass: short and near-good blocks take their neighbours' side.
pub fn revise(labels: &[Label]) -> Vec<Label> {
    let short = |l: Label| l == Label::Short;
    let short_or_near = |l: Label| matches!(l, Label::Short | Label::NearGood);
    let prev_firm = nearest(labels, short_or_near, true);
    let next_firm = nearest(labels, short_or_near, false);
    let prev_any = nearest(labels, short, true);
    let next_any = nearest(labels, short, false);
    labels
        .iter()
        .enumerate()
        .map(|(i, &label)| {
            let (prev, next) = (prev_firm[i], next_firm[i]);
            match label {
                Label::Short => {
                    if prev == Label::Good && next == Label::Good {
                        Label::Good
                    } else if prev == Label::Bad && next == Label::Bad {
                        Label::Bad
                    } else if (prev == Label::Bad && prev_any[i] == Label::NearGood)
                        || (next == Label::Bad && next_any[i] == Label::NearGood)
                    {
                        Label::Good
                    } else {
                        Label::Bad
                    }
                }
                Label::NearGood => {
                    if prev == Label::Bad && next == Label::Bad {
                        Label::Bad
                    } else {
                        Label::Good
                    }
                }
                firm => firm,
            }
        })
        .collect()
}

/// A page's labels: each block's context-free label, and the revised labels of the
/// unmarked blocks (marked ones are no context, and are `Bad`).
pub fn label_page(features: &[Features], marked: &[bool]) -> (Vec<Label>, Vec<Label>) {
    let use_stops = uses_stopwords(features);
    let free: Vec<Label> = features
        .iter()
        .map(|f| context_free(f, use_stops))
        .collect();
    let unmarked: Vec<usize> = (0..features.len())
        .filter(|&i| !marked.get(i).copied().unwrap_or(false))
        .collect();
    let context: Vec<Label> = unmarked.iter().map(|&i| free[i]).collect();
    let mut labels = vec![Label::Bad; features.len()];
    for (i, label) in unmarked.into_iter().zip(revise(&context)) {
        labels[i] = label;
    }
    (free, labels)
}

#[cfg(test)]
mod tests {
    use super::*;
    use Label::{Bad as B, Good as G, NearGood as N, Short as S};

    fn block(chars: usize, words: usize, stop_density: f64, ends: bool) -> Features {
        Features {
            chars,
            words,
            stopwords: (words as f64 * stop_density) as usize,
            stopword_density: stop_density,
            ends_sentence: ends,
            capitalised_share: 0.1,
            url_density: 0.0,
            digit_share: 0.0,
            sentences: usize::from(ends),
        }
    }

    #[test]
    fn context_free_follows_length_stopwords_and_links() {
        assert_eq!(context_free(&block(250, 40, 0.4, true), true), G);
        assert_eq!(context_free(&block(90, 15, 0.4, true), true), G);
        assert_eq!(context_free(&block(90, 15, 0.4, false), true), N);
        assert_eq!(context_free(&block(90, 15, 0.28, true), true), N);
        assert_eq!(context_free(&block(90, 15, 0.1, true), true), B);
        assert_eq!(context_free(&block(40, 6, 0.5, true), true), S);
        let linked = Features {
            url_density: 0.5,
            ..block(40, 6, 0.5, true)
        };
        assert_eq!(context_free(&linked, true), B);
        let title_case = Features {
            capitalised_share: 0.8,
            ..block(90, 12, 0.4, false)
        };
        assert_eq!(context_free(&title_case, true), S);
        // Without stopwords, length or a closing mark decide.
        assert_eq!(context_free(&block(90, 15, 0.0, true), false), G);
        assert_eq!(context_free(&block(90, 15, 0.0, false), false), N);
    }

    #[test]
    fn revise_takes_the_neighbours_side() {
        assert_eq!(revise(&[G, S, G]), [G, G, G]);
        assert_eq!(revise(&[B, S, B]), [B, B, B]);
        assert_eq!(revise(&[G, S, B]), [G, B, B]);
        assert_eq!(revise(&[B, N, B]), [B, B, B]);
        assert_eq!(revise(&[G, N, B]), [G, G, B]);
        // A short block whose bad side is only reached past a near-good one is kept.
        assert_eq!(revise(&[B, N, S, G]), [B, G, G, G]);
        assert_eq!(revise(&[G, S, S, N, B]), [G, G, G, G, B]);
        assert_eq!(revise(&[B, S, N, B, G]), [B, B, B, B, G]);
        assert_eq!(revise(&[]), []);
    }

    #[test]
    fn marked_blocks_are_bad_and_no_context() {
        let page = [
            block(250, 40, 0.4, true),
            block(250, 40, 0.1, true),
            block(40, 6, 0.5, true),
            block(250, 40, 0.4, true),
        ];
        let (free, labels) = label_page(&page, &[false, false, false, false]);
        assert_eq!(free, [G, B, S, G]);
        assert_eq!(labels, [G, B, B, G]);
        let (_, labels) = label_page(&page, &[false, true, false, false]);
        assert_eq!(labels, [G, B, G, G]); // the bad block is marked: no longer context
    }

    #[test]
    fn stoplists_that_do_not_fit_are_not_used() {
        assert!(!uses_stopwords(&[block(90, 100, 0.05, true)]));
        assert!(uses_stopwords(&[block(90, 100, 0.08, true)]));
        assert!(!uses_stopwords(&[]));
    }
}
