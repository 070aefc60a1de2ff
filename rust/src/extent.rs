//! Where the article is in a dump: the first substantial run of good blocks, cut at
//! end markers ("Related Articles", "Comments") that say the body is over, and
//! moved under the headline where the dump repeats it (`anchors`).
//!
//! Maximum-subarray over block scores (Finn, Kushmerick & Smyth 2001, "Fact or
//! fiction: content classification for digital libraries", body text extraction).
//! `cleaner/extent.py` is the front.

use crate::anchors;
use crate::blockfeatures::Label;
use crate::features::Features;

/// Every boilerplate block costs at least this many characters, so a stack of short
/// menu or widget lines separates two regions of prose (measured on the dev sets).
pub const BAD_MIN_WEIGHT: f64 = 40.0;

/// The article is the first region between end markers that holds at least this
/// share of the best region's score: spillover glued after "Related" can be longer
/// than the article itself, while teaser boxes above it are much shorter.
pub const FIRST_REGION_SHARE: f64 = 0.3;

/// A region whose net good text is under ~one sentence is no article at all.
pub const MIN_ARTICLE_SCORE: f64 = 100.0;

/// A near-good block promoted by its neighbours is probably prose, but half as
/// sure. Only a finished sentence counts so: an unpunctuated one is a teaser
/// headline as often as a list item, and a list of teaser headlines after the
/// article pulled the extent on over them. Weighing those as neutral (like a
/// subheading) kept lists inside the article and cut them at its edges; measured
/// with the model retrained (site-grouped CV, text mode, html-text / inscriptis):
/// ScrapingHub 0.905 / 0.897 -> 0.905 / 0.904, WCXB 0.916 / 0.911 -> 0.917 / 0.913.
pub const NEAR_GOOD_SHARE: f64 = 0.5;

/// The body starts within this many blocks after its headline (byline, date, author
/// card, caption and share buttons sit between; the seeds need 3 and 6).
pub const ANCHOR_WINDOW: usize = 15;

/// A run of prose that ends right above an anchor belongs to the article when it
/// outweighs the anchored run this many times: the anchor was a card inside the
/// article (a recipe card under the post, titled like the page), not the headline.
/// Teaser boxes above a headline are shorter than the story under it, though not
/// always by much: at an equal share, teaser cards were taken above a short story's
/// headline. Measured with the heuristics alone (`evaluate.py --systems cleaner-
/// heuristics --modes text`, against the same code with no lead-in): two recipe-
/// style pages rose 0.80 and 0.91 (ScrapingHub html-text 0.917 -> 0.920), none
/// fell; inscriptis dumps have no title line to anchor.
pub const LEAD_IN_SHARE: f64 = 2.0;

/// A run of blocks, first and last inclusive, and its summed weight.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Extent {
    pub start: usize,
    pub end: usize,
    pub score: f64,
}

/// A block's evidence for being article text: prose counts by its length,
/// boilerplate against it; a short line promoted by context or an unfinished
/// near-good one is neutral.
pub fn weight(free: Label, revised: Label, features: &Features, marked: bool) -> f64 {
    let chars = features.chars as f64;
    if marked || revised == Label::Bad {
        return -chars.max(BAD_MIN_WEIGHT);
    }
    match free {
        Label::Good => chars,
        Label::NearGood if features.ends_sentence => NEAR_GOOD_SHARE * chars,
        _ => 0.0,
    }
}

/// Kadane's maximum-sum run of `weights[lo..hi]`, starting and ending on positives.
pub fn best_run(weights: &[f64], lo: usize, hi: usize) -> Option<Extent> {
    let mut best: Option<Extent> = None;
    let (mut total, mut start) = (0.0, lo);
    for (i, &w) in weights.iter().enumerate().take(hi).skip(lo) {
        if total <= 0.0 {
            (total, start) = (0.0, i);
        }
        total += w;
        if total > 0.0 && best.is_none_or(|b| total > b.score) {
            best = Some(Extent {
                start,
                end: i,
                score: total,
            });
        }
    }
    best
}

/// The best run with one end at `fixed`, grown block by block over `reach` (which
/// starts at `fixed` and runs forwards or backwards); the first of equal scores.
fn grown(weights: &[f64], fixed: usize, reach: impl Iterator<Item = usize>) -> Extent {
    let mut best = Extent {
        start: fixed,
        end: fixed,
        score: weights[fixed],
    };
    let mut total = 0.0;
    for i in reach {
        total += weights[i];
        if total > best.score {
            best = Extent {
                start: fixed.min(i),
                end: fixed.max(i),
                score: total,
            };
        }
    }
    best
}

/// The best run that starts within `ANCHOR_WINDOW` blocks after `anchor`, ending
/// before `hi`.
pub fn best_run_after(weights: &[f64], anchor: usize, hi: usize) -> Option<Extent> {
    let mut best: Option<Extent> = None;
    for start in anchor + 1..(anchor + 1 + ANCHOR_WINDOW).min(hi) {
        if weights[start] <= 0.0 {
            continue;
        }
        let run = grown(weights, start, start..hi);
        if best.is_none_or(|b| run.score > b.score) {
            best = Some(run);
        }
    }
    best
}

/// The best run ending on the block right above `anchor`, starting at `lo` or later.
pub fn best_run_before(weights: &[f64], anchor: usize, lo: usize) -> Option<Extent> {
    let end = anchor.checked_sub(1)?;
    if end < lo || weights[end] <= 0.0 {
        return None;
    }
    Some(grown(weights, end, (lo..=end).rev()))
}

/// The body under a headline anchor, with a lead-in above it if that outweighs it
/// `LEAD_IN_SHARE` times; None when the body is too short. `ends` are sorted.
fn anchored(weights: &[f64], anchor: usize, ends: &[usize]) -> Option<Extent> {
    let hi = ends
        .iter()
        .copied()
        .find(|&e| e > anchor)
        .unwrap_or(weights.len());
    let run = best_run_after(weights, anchor, hi)?;
    if run.score < MIN_ARTICLE_SCORE {
        return None;
    }
    let lo = ends
        .iter()
        .filter(|&&e| e < anchor)
        .map(|&e| e + 1)
        .max()
        .unwrap_or(0);
    match best_run_before(weights, anchor, lo) {
        Some(lead_in) if lead_in.score >= LEAD_IN_SHARE * run.score => {
            let between: f64 = weights[anchor..run.start].iter().sum();
            Some(Extent {
                start: lead_in.start,
                end: run.end,
                score: lead_in.score + between + run.score,
            })
        }
        _ => Some(run),
    }
}

/// The article's block range, or None when the page holds no article.
///
/// `anchors` are blocks that repeat the page's headline; the body follows one of
/// them. `thread` is where a reader comment thread starts: the article is above it
/// wherever a region there is long enough.
pub fn find_extent(
    weights: &[f64],
    end_markers: &[usize],
    anchors: &[usize],
    thread: Option<usize>,
) -> Option<Extent> {
    let n = weights.len();
    let mut ends: Vec<usize> = end_markers.iter().copied().filter(|&e| e < n).collect();
    ends.sort_unstable();
    let mut best: Option<Extent> = None;
    for &a in anchors.iter().filter(|&&a| a < n) {
        if let Some(run) = anchored(weights, a, &ends) {
            if best.is_none_or(|b| run.score > b.score) {
                best = Some(run);
            }
        }
    }
    if best.is_some() {
        return best;
    }
    if let Some(thread) = thread.filter(|&t| t < n) {
        let before: Vec<usize> = ends.iter().copied().filter(|&e| e < thread).collect();
        if let Some(above) = first_region(weights, &before, thread) {
            return Some(above);
        }
    }
    first_region(weights, &ends, n)
}

/// The first region between end markers, up to `hi`, that holds
/// `FIRST_REGION_SHARE` of the best one's score.
fn first_region(weights: &[f64], ends: &[usize], hi: usize) -> Option<Extent> {
    let mut found = Vec::with_capacity(ends.len() + 1);
    let mut lo = 0;
    for &b in ends.iter().chain(std::iter::once(&hi)) {
        if let Some(run) = best_run(weights, lo, b) {
            if run.score >= MIN_ARTICLE_SCORE {
                found.push(run);
            }
        }
        lo = b + 1;
    }
    let top = found
        .iter()
        .map(|r| r.score)
        .fold(f64::NEG_INFINITY, f64::max);
    found
        .into_iter()
        .find(|r| r.score >= FIRST_REGION_SHARE * top)
}

/// What `find_body` reads of a page besides its blocks' measures.
pub struct BodyInputs<'a> {
    pub free: &'a [Label],
    pub labels: &'a [Label],
    pub marked: &'a [bool],
    pub ends: &'a [usize],
    pub thread: Option<usize>,
    /// The headline a markdown dump marked ("# "), if any.
    pub headline: Option<&'a str>,
    /// The distinct words of the URL's slug (`cleaner.anchors.slug_words`).
    pub slug: &'a [String],
}

/// The article's extent in a dump, under the headline where the dump repeats it: a
/// title line's repeat, else a markdown headline's or the URL slug's, which only
/// moves an extent that starts above it.
pub fn find_body(
    texts: &[String],
    features: &[Features],
    given: &BodyInputs<'_>,
) -> Option<Extent> {
    let weights: Vec<f64> = (0..texts.len())
        .map(|i| {
            weight(
                given.free[i],
                given.labels[i],
                &features[i],
                given.marked[i],
            )
        })
        .collect();
    let titled = anchors::title_anchors(texts, features);
    let found = find_extent(&weights, given.ends, &titled, given.thread);
    if !titled.is_empty() {
        return found;
    }
    let mut named = anchors::headline_anchors(texts, given.headline);
    if named.is_empty() {
        named = anchors::slug_anchors(texts, features, &weights, given.slug);
    }
    match named.first() {
        Some(&first) if found.is_none_or(|f| f.start <= first) => {
            find_extent(&weights, given.ends, &named, given.thread)
        }
        _ => found,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn span(extent: Option<Extent>) -> Option<(usize, usize)> {
        extent.map(|e| (e.start, e.end))
    }

    #[test]
    fn best_run_is_the_maximum_sum() {
        let run = best_run(&[-5.0, 10.0, -3.0, 20.0, -50.0, 40.0], 0, 6).unwrap();
        assert_eq!((run.start, run.end, run.score), (5, 5, 40.0));
        let run = best_run(&[-5.0, 10.0, -3.0, 20.0, -5.0], 0, 5).unwrap();
        assert_eq!((run.start, run.end), (1, 3));
        assert_eq!(best_run(&[1.0, 2.0], 2, 1), None);
    }

    #[test]
    fn the_extent_stops_at_the_first_end_marker() {
        let weights = [-40.0, 300.0, 200.0, -40.0, 0.0, 500.0, 600.0]; // 4: "Related"
        assert_eq!(span(find_extent(&weights, &[4], &[], None)), Some((1, 2)));
    }

    #[test]
    fn a_teaser_box_above_the_article_is_skipped() {
        let weights = [80.0, -40.0, 0.0, 400.0, 300.0, 200.0]; // "Trending" at 2
        assert_eq!(span(find_extent(&weights, &[2], &[], None)), Some((3, 5)));
    }

    #[test]
    fn the_body_follows_its_headline_anchor() {
        let weights = [-40.0, 300.0, 200.0, 0.0, -40.0, 500.0, 400.0];
        assert_eq!(span(find_extent(&weights, &[], &[3], None)), Some((5, 6)));
    }

    #[test]
    fn a_long_lead_in_right_above_an_anchor_is_the_article() {
        let weights = [-40.0, 900.0, 800.0, 700.0, 0.0, -40.0, 300.0, 200.0];
        assert_eq!(span(find_extent(&weights, &[], &[4], None)), Some((1, 7)));
        let gap = [-40.0, 900.0, 800.0, 700.0, -40.0, 0.0, -40.0, 300.0, 200.0];
        assert_eq!(span(find_extent(&gap, &[], &[5], None)), Some((7, 8)));
    }

    #[test]
    fn a_short_article_above_a_long_comment_thread_is_the_article() {
        let weights = [-40.0, 300.0, -40.0, 0.0, 900.0, 800.0, -40.0, 700.0];
        assert_eq!(find_extent(&weights, &[3], &[], None).unwrap().start, 4);
        assert_eq!(
            span(find_extent(&weights, &[3], &[], Some(3))),
            Some((1, 1))
        );
        let short = [-40.0, 50.0, 0.0, 900.0];
        assert_eq!(
            find_extent(&short, &[2], &[], Some(2)),
            find_extent(&short, &[2], &[], None)
        );
    }

    #[test]
    fn no_article_when_nothing_scores() {
        assert_eq!(find_extent(&[-40.0, -40.0, 30.0], &[], &[], None), None);
        assert_eq!(find_extent(&[], &[], &[0], Some(0)), None);
    }

    #[test]
    #[allow(clippy::float_cmp)] // the weights are exact
    fn weights_follow_the_labels() {
        use Label::{Bad, Good, NearGood, Short};
        let f = |chars, ends_sentence| Features {
            chars,
            words: 12,
            stopwords: 4,
            stopword_density: 0.33,
            ends_sentence,
            capitalised_share: 0.1,
            url_density: 0.0,
            digit_share: 0.0,
            sentences: 1,
        };
        assert_eq!(weight(Good, Good, &f(300, true), false), 300.0);
        assert_eq!(weight(Good, Good, &f(300, true), true), -300.0);
        assert_eq!(weight(Short, Bad, &f(10, false), false), -40.0);
        assert_eq!(weight(NearGood, Good, &f(90, true), false), 45.0);
        assert_eq!(weight(NearGood, Good, &f(90, false), false), 0.0);
        assert_eq!(weight(Short, Good, &f(30, false), false), 0.0);
    }
}
