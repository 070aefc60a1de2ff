//! The rows the learned block classifier reads: a block's own measures, what the
//! heuristic steps decided about it, and its neighbourhood, one row per block
//! (`cleaner/blockfeatures.py` names the columns; training and inference both read
//! these rows, so the two never disagree about a column).

use std::collections::HashMap;

use crate::features::Features;
use crate::pyunicode::{is_digit, is_upper, lower, split_whitespace};
use crate::segment::fold;

/// Blocks on each side whose prose share describes a block's neighbourhood.
pub const CONTEXT: usize = 3;

/// Distances are capped: past 50 blocks, further away says nothing more.
pub const FAR: f64 = 50.0;

/// How many columns a row has.
pub const WIDTH: usize = 40;

/// A block's jusText label, as the front numbers them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum Label {
    Good = 0,
    NearGood = 1,
    Short = 2,
    Bad = 3,
}

impl Label {
    pub fn from_code(code: u8) -> Option<Self> {
        match code {
            0 => Some(Self::Good),
            1 => Some(Self::NearGood),
            2 => Some(Self::Short),
            3 => Some(Self::Bad),
            _ => None,
        }
    }
}

/// What the heuristic steps decided about a page, block by block.
pub struct Decided<'a> {
    pub texts: &'a [String],
    pub blank_before: &'a [bool],
    pub features: &'a [Features],
    pub free: &'a [Label],
    pub labels: &'a [Label],
    pub marked: &'a [bool],
    pub ends: &'a [bool],
    /// The article's extent (first and last block), if found.
    pub extent: Option<(usize, usize)>,
    /// Title, byline and date blocks.
    pub meta: &'a [usize],
    pub title: Option<usize>,
    /// The first end marker after the extent's start: of any kind, a comment
    /// thread's, a "Related" heading's.
    pub first_end_after: Option<usize>,
    pub comments_after: Option<usize>,
    pub related_after: Option<usize>,
}

fn log1p(n: f64) -> f64 {
    n.max(0.0).ln_1p()
}

fn flag(b: bool) -> f64 {
    if b {
        1.0
    } else {
        0.0
    }
}

/// Rows for `blocks`, row-major, `WIDTH` wide.
pub fn rows(page: &Decided<'_>, blocks: &[usize]) -> Vec<f64> {
    let n = page.texts.len();
    let mut out = Vec::with_capacity(blocks.len() * WIDTH);
    if n == 0 {
        return out;
    }
    let f = page.features;
    let good: Vec<usize> = (0..n)
        .map(|i| {
            if page.labels[i] == Label::Good {
                f[i].chars
            } else {
                0
            }
        })
        .collect();
    let all_chars = f.iter().map(|x| x.chars).sum::<usize>().max(1);
    let page_good_share = good.iter().sum::<usize>() as f64 / all_chars as f64;
    let mut chars_upto = vec![0usize; n + 1];
    let mut good_upto = vec![0usize; n + 1];
    for i in 0..n {
        chars_upto[i + 1] = chars_upto[i] + f[i].chars;
        good_upto[i + 1] = good_upto[i] + good[i];
    }
    let keys: Vec<String> = page.texts.iter().map(|t| fold(t)).collect();
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for key in &keys {
        *counts.entry(key.as_str()).or_insert(0) += 1;
    }
    let after = |first: Option<usize>, i: usize| first.is_some_and(|e| i > e);
    for &i in blocks {
        let x = &f[i];
        let (lo, hi) = (i.saturating_sub(CONTEXT), (i + CONTEXT + 1).min(n));
        let window = match chars_upto[hi] - chars_upto[lo] {
            0 => 1,
            w => w,
        };
        let prev = if i > 0 { Some(&f[i - 1]) } else { None };
        let next = f.get(i + 1);
        let free = page.free[i];
        let (in_extent, before, beyond, from_start, to_end) = match page.extent {
            Some((start, end)) => (
                start <= i && i <= end,
                i < start,
                i > end,
                FAR.min(i.abs_diff(start) as f64),
                FAR.min(end.abs_diff(i) as f64),
            ),
            None => (false, false, false, FAR, FAR),
        };
        let after_title = match page.title {
            Some(t) if t < i => FAR.min((i - t) as f64),
            _ => FAR,
        };
        out.extend_from_slice(&[
            log1p(x.chars as f64),
            x.words as f64,
            x.stopword_density,
            flag(x.ends_sentence),
            x.capitalised_share,
            x.url_density,
            x.digit_share,
            x.sentences as f64,
            flag(x.headline_like()),
            flag(page.blank_before[i]),
            flag(free == Label::Good),
            flag(free == Label::NearGood),
            flag(free == Label::Short),
            flag(free == Label::Bad),
            flag(page.labels[i] == Label::Good),
            flag(page.marked[i]),
            flag(in_extent),
            flag(before),
            flag(beyond),
            flag(page.extent.is_none()),
            from_start,
            to_end,
            i as f64 / n as f64,
            flag(page.ends[i]),
            flag(after(page.first_end_after, i)),
            flag(page.meta.contains(&i)),
            after_title,
            prev.map_or(0.0, |p| p.stopword_density),
            next.map_or(0.0, |p| p.stopword_density),
            prev.map_or(0.0, |p| log1p(p.chars as f64)),
            next.map_or(0.0, |p| log1p(p.chars as f64)),
            flag(i > 0 && page.marked[i - 1]),
            flag(i + 1 < n && page.marked[i + 1]),
            (good_upto[hi] - good_upto[lo]) as f64 / window as f64,
            (counts[keys[i].as_str()] - 1) as f64,
            log1p(n as f64),
            page_good_share,
            title_case_lead(&page.texts[i]) as f64,
            flag(after(page.comments_after, i)),
            flag(after(page.related_after, i)),
        ]);
    }
    out
}

/// Function words a headline capitalises and prose does not (mid-sentence).
const FUNCTION_WORDS: [&str; 18] = [
    "a", "an", "and", "as", "at", "by", "for", "from", "in", "into", "is", "of", "on", "or",
    "over", "the", "to", "with",
];

/// Words read from a block's start for its Title Case lead.
pub const TITLE_LEAD_CAP: usize = 12;

/// The quotes and brackets around a word that do not count as its first letter.
const AROUND: &[char] = &[
    '\'', '"', '‘', '’', '“', '”', '(', ')', '[', ']', ',', '.', '!', '?', ';',
];

/// How many words open the block in Title Case when that run capitalises a function
/// word ("Customers Leave Without Paying At Troy Steakhouse A party of six..."): a
/// teaser's headline glued to its summary; 0 otherwise, and 0 for a run ending in a
/// colon (a glossary term).
pub fn title_case_lead(text: &str) -> usize {
    let mut run = 0;
    let mut function_word = false;
    for (k, word) in split_whitespace(text).take(TITLE_LEAD_CAP).enumerate() {
        let core = word.trim_matches(AROUND);
        let Some(first) = core.chars().next() else {
            break;
        };
        if !(is_upper(first) || is_digit(first) || first == '$') {
            break;
        }
        if word.ends_with(':') {
            return 0;
        }
        function_word = function_word || (k > 0 && FUNCTION_WORDS.contains(&lower(core).as_str()));
        run += 1;
    }
    if function_word {
        run
    } else {
        0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_glued_teaser_headline_is_counted() {
        assert!(
            title_case_lead(
                "Customers Leave Without Paying Bill At Troy Steakhouse A party of six left"
            ) >= 7
        );
        assert_eq!(
            title_case_lead("The council voted on Monday to rebuild the sea wall."),
            0
        );
        assert_eq!(
            title_case_lead("Principle Of Full Disclosure: All information must be shown"),
            0
        );
        assert_eq!(
            title_case_lead("John Smith said the wall would be rebuilt by spring."),
            0
        );
    }
}
