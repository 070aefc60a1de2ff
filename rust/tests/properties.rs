//! Properties of the pure core on arbitrary input (proptest): nothing panics, blocks
//! are what the Python front expects of them, the forest sums what a naive walk of
//! the same trees sums, labels end good or bad, and an extent is a run of the page
//! weighing what it reports (with no markers, the heaviest run). `PROPTEST_CASES=100000 cargo test --release --test
//! properties` runs a long fuzz.

use std::collections::HashSet;
use std::sync::LazyLock;

use _core::blockfeatures::Label;
use _core::extent::{find_extent, MIN_ARTICLE_SCORE};
use _core::features::{measure, Lexicon};
use _core::forest::Forest;
use _core::labels::label_page;
use _core::phrases::{CategorySpec, PhraseBook};
use _core::pyunicode::{char_len, is_space};
use _core::segment::{fold, segment, unwrap};
use proptest::prelude::*;

/// Text that mixes the characters the steps treat specially: line breaks of every
/// kind, spaces CPython knows, zero-width characters, URL and handle marks, letters
/// with and without case, digits of other scripts, CJK and combining marks.
fn page_text() -> impl Strategy<Value = String> {
    let pieces = prop_oneof![
        Just("\n".to_owned()),
        Just("\r\n".to_owned()),
        Just("\u{2028}".to_owned()),
        Just(" ".to_owned()),
        Just("\u{a0}".to_owned()),
        Just("\u{200b}".to_owned()),
        Just("\u{ad}".to_owned()),
        Just("https://".to_owned()),
        Just("www.".to_owned()),
        Just(".com".to_owned()),
        Just("@".to_owned()),
        Just("#".to_owned()),
        Just("…".to_owned()),
        Just("e\u{301}".to_owned()),
        Just("ß".to_owned()),
        Just("İ".to_owned()),
        Just("٣".to_owned()),
        Just("日本".to_owned()),
        "[a-zA-Z]{1,8}",
        "[.,;:!?-]",
        any::<char>().prop_map(String::from),
    ];
    prop::collection::vec(pieces, 0..60).prop_map(|parts| parts.concat())
}

/// A small phrase book with the shipped patterns' hardest shapes, compiled once.
static BOOK: LazyLock<PhraseBook> = LazyLock::new(|| {
    let categories = [
        CategorySpec {
            max_words: 12,
            patterns: vec![r"^(home|menu)$".into(), r"\bsign ?up\b".into()],
        },
        CategorySpec {
            max_words: 40,
            patterns: vec![r"^[^\W\d_][^\W\d_ /&-]*( [^\W\d_/&-]+){0,3} ?\*$".into()],
        },
    ];
    PhraseBook::new(&categories, &[vec!["related( articles)?".into()]]).unwrap()
});

/// Characters no block may hold: line breaks and removed zero-width characters.
const INVISIBLE_OR_BREAKS: [char; 4] = ['\n', '\r', '\u{2028}', '\u{200b}'];

proptest! {
    #[test]
    fn blocks_are_trimmed_non_empty_single_lines(text in page_text()) {
        for block in unwrap(&segment(&text)) {
            prop_assert!(!block.text.is_empty());
            prop_assert!(!block.text.starts_with(is_space) && !block.text.ends_with(is_space));
            let breaks = block.text.contains(INVISIBLE_OR_BREAKS);
            prop_assert!(!breaks);
        }
    }

    #[test]
    fn unwrapping_only_joins_lines(text in page_text()) {
        let lines = segment(&text);
        let joined = unwrap(&lines);
        prop_assert!(joined.len() <= lines.len());
        let all: Vec<&str> = lines.iter().map(|b| b.text.as_str()).collect();
        prop_assert_eq!(joined.iter().map(|b| b.text.clone()).collect::<Vec<_>>().join(" "), all.join(" "));
    }

    #[test]
    fn fold_is_stable(text in page_text()) {
        let once = fold(&text);
        prop_assert_eq!(fold(&once), once);
    }

    #[test]
    fn measures_are_consistent(text in page_text()) {
        let stopwords: HashSet<String> = ["the", "of", "ß", "ss"].iter().map(|s| (*s).to_owned()).collect();
        let f = measure(&text, &Lexicon { stoplists: vec![stopwords], wide_weight: 1 });
        prop_assert_eq!(f.chars, char_len(&text));
        let wide = measure(&text, &Lexicon { wide_weight: 2, ..Lexicon::default() });
        prop_assert!(wide.chars >= f.chars && wide.chars <= 2 * f.chars);
        prop_assert!(f.stopwords <= f.words);
        prop_assert!((0.0..=1.0).contains(&f.stopword_density));
        prop_assert!((0.0..=1.0).contains(&f.capitalised_share));
        prop_assert!((0.0..=1.0).contains(&f.digit_share));
    }

    #[test]
    fn phrase_matching_never_panics(text in page_text(), words in 0usize..100) {
        let _ = BOOK.category_of(&text, words);
        let _ = BOOK.end_marker(&text);
    }
}

/// One random tree as the model file writes it: node 0 the root, each split's
/// children further on, features below `width`.
fn tree(width: usize) -> impl Strategy<Value = String> {
    (1usize..6).prop_flat_map(move |splits| {
        let values = prop::collection::vec(-5.0f64..5.0, 2 * splits + 1);
        let features = prop::collection::vec(0..width, splits);
        let thresholds = prop::collection::vec(prop_oneof![Just(0.5), -3.0f64..3.0], splits);
        (values, features, thresholds).prop_map(move |(values, features, thresholds)| {
            // A chain: split k's left child is leaf 2k+1, its right child split k+1.
            let n = 2 * splits + 1;
            let mut feature = vec![0usize; n];
            let mut threshold = vec![0.0; n];
            let mut left = vec![0usize; n];
            let mut right = vec![0usize; n];
            let mut leaf = vec![true; n];
            for k in 0..splits {
                let node = 2 * k;
                leaf[node] = false;
                feature[node] = features[k];
                threshold[node] = thresholds[k];
                left[node] = node + 1;
                right[node] = node + 2;
            }
            format!(
                r#"{{"feature": {feature:?}, "threshold": {threshold:?}, "left": {left:?}, "right": {right:?}, "value": {values:?}, "leaf": {leaf:?}}}"#
            )
        })
    })
}

fn naive(tree: &serde_json::Value, row: &[f64]) -> f64 {
    let mut node = 0;
    while !tree["leaf"][node].as_bool().unwrap() {
        let feature = tree["feature"][node].as_u64().unwrap() as usize;
        let go_left = row[feature] <= tree["threshold"][node].as_f64().unwrap();
        node = tree[if go_left { "left" } else { "right" }][node]
            .as_u64()
            .unwrap() as usize;
    }
    tree["value"][node].as_f64().unwrap()
}

proptest! {
    #[test]
    fn the_forest_sums_what_a_naive_walk_sums(
        trees in prop::collection::vec(tree(3), 1..6),
        rows in prop::collection::vec(prop::collection::vec(prop_oneof![Just(0.5), -4.0f64..4.0], 3), 1..8),
    ) {
        let text = format!(
            r#"{{"features": ["a", "b", "c"], "baseline": 0.25, "low": 0.1, "high": 0.6, "trees": [{}]}}"#,
            trees.join(",")
        );
        let forest = Forest::from_json(&text).unwrap();
        let parsed: serde_json::Value = serde_json::from_str(&text).unwrap();
        let scores = forest.raw_scores(&rows.concat()).unwrap();
        for (row, score) in rows.iter().zip(scores) {
            let mut expected = 0.25;
            for tree in parsed["trees"].as_array().unwrap() {
                expected += naive(tree, row);
            }
            prop_assert!(score.to_bits() == expected.to_bits(), "{score} != {expected}");
        }
    }
}

/// Block weights as the extent step makes them: whole or half characters, so every
/// sum is exact.
fn weights() -> impl Strategy<Value = Vec<f64>> {
    prop::collection::vec(
        prop_oneof![
            Just(0.0),
            (-400i32..-39).prop_map(f64::from),
            (1i32..1200).prop_map(|w| f64::from(w) / 2.0)
        ],
        0..40,
    )
}

proptest! {
    #[test]
    fn an_extent_is_a_run_whose_score_is_its_weight(
        weights in weights(),
        ends in prop::collection::vec(0usize..45, 0..4),
        anchors in prop::collection::vec(0usize..45, 0..3),
        thread in prop::option::of(0usize..45),
    ) {
        if let Some(found) = find_extent(&weights, &ends, &anchors, thread) {
            prop_assert!(found.start <= found.end && found.end < weights.len());
            let sum: f64 = weights[found.start..=found.end].iter().sum();
            prop_assert!(sum.to_bits() == found.score.to_bits(), "{sum} != {}", found.score);
            prop_assert!(found.score >= MIN_ARTICLE_SCORE);
            prop_assert!(weights[found.start] > 0.0 && weights[found.end] > 0.0);
        }
    }

    #[test]
    fn with_no_markers_the_extent_is_the_heaviest_run(weights in weights()) {
        let heaviest = (0..weights.len())
            .flat_map(|i| (i..weights.len()).map(move |j| (i, j)))
            .map(|(i, j)| weights[i..=j].iter().sum::<f64>())
            .fold(f64::NEG_INFINITY, f64::max);
        match find_extent(&weights, &[], &[], None) {
            Some(found) => prop_assert!(found.score.to_bits() == heaviest.to_bits()),
            None => prop_assert!(heaviest < MIN_ARTICLE_SCORE),
        }
    }

    #[test]
    fn marked_blocks_are_bad_and_labels_cover_the_page(
        texts in prop::collection::vec(page_text(), 0..12),
        marks in prop::collection::vec(any::<bool>(), 12),
    ) {
        let stops: HashSet<String> = ["the", "of", "a", "in"].iter().map(|s| (*s).to_owned()).collect();
        let lexicon = Lexicon { stoplists: vec![stops], wide_weight: 1 };
        let features: Vec<_> = texts.iter().map(|t| measure(t, &lexicon)).collect();
        let marked = &marks[..texts.len()];
        let (free, labels) = label_page(&features, marked);
        prop_assert_eq!(free.len(), texts.len());
        prop_assert_eq!(labels.len(), texts.len());
        for (label, &m) in labels.iter().zip(marked) {
            prop_assert!(!m || *label == Label::Bad);
            prop_assert!(*label == Label::Good || *label == Label::Bad);
        }
    }
}
