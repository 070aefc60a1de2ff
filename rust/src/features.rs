//! Per-block measurements: pure functions of one block's text and the stoplist.
//!
//! Text dumps carry no markup, so link density is replaced by URL/handle density.

use std::collections::HashSet;

use crate::pyunicode::{
    casefold_into, char_len, is_decimal, is_digit, is_label_ci, is_space, is_upper, is_word,
    rstrip, words,
};

/// A block's measures, as `cleaner.features.Features` holds them.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Features {
    pub chars: usize,
    pub words: usize,
    pub stopwords: usize,
    pub stopword_density: f64,
    pub ends_sentence: bool,
    pub capitalised_share: f64,
    pub url_density: f64,
    pub digit_share: f64,
    pub sentences: usize,
}

/// News headlines rarely pass 20 words (median ~10 on the development sets).
pub const HEADLINE_MAX_WORDS: usize = 20;

impl Features {
    /// Short, no closing punctuation: a heading, a menu item or a label.
    pub fn headline_like(&self) -> bool {
        !self.ends_sentence && self.words <= HEADLINE_MAX_WORDS
    }
}

/// The characters a finished sentence may end on (with the danda of Hindi and
/// Bengali, the Khmer and Burmese full stops, and the Arabic-script question mark and
/// Urdu full stop).
const TERMINAL: &[char] = &[
    '.', '!', '?', '…', '。', '！', '？', ':', ';', '"', '”', '’', '»', ')', '।', '॥', '។', '။',
    '؟', '۔',
];

/// Closing punctuation, but not the ellipsis of a truncated teaser; or, in Thai and
/// Lao, which end a sentence with a space and no mark, a last character of their
/// scripts.
pub fn ends_sentence(text: &str) -> bool {
    let text = rstrip(text);
    (text.ends_with(TERMINAL) && !text.ends_with("...") && !text.ends_with('…'))
        || text.chars().next_back().is_some_and(is_unpunctuated)
}

/// A letter or mark of a script whose sentences end without punctuation (Thai, Lao).
fn is_unpunctuated(c: char) -> bool {
    matches!(c, '\u{0e01}'..='\u{0e4e}' | '\u{0e81}'..='\u{0ecd}')
}

/// Sentence ends: `[.!?…]` before whitespace or the end, and the full-width `。！？`
/// anywhere (Chinese and Japanese put no space after them).
fn sentence_count(text: &str) -> usize {
    let mut count = 0;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        let ends = match c {
            '.' | '!' | '?' | '…' => chars.peek().is_none_or(|&n| is_space(n)),
            '。' | '！' | '？' => true,
            _ => false,
        };
        count += usize::from(ends);
    }
    count
}

/// How many Latin characters one character of a script written without spaces
/// between words (Chinese, Japanese) or in syllable blocks (Korean) stands for in a
/// block's length, on a page in such a language. The same news story runs 2.2
/// (Japanese), 2.6 (Chinese) and 2.1 (Korean) times shorter in characters than in
/// English, French or German (the translations in `tests/test_decode.py`); jusText's
/// lengths (70 and 200 characters) were set on European text, so a 60-character
/// Japanese paragraph counted as short. On other pages such characters count once: a
/// language menu's "简体中文" is no paragraph, and weighting it there changed the block
/// model's answers on two English development pages (F1 0.89 -> 0.84, 0.76 -> 0.74).
pub const WIDE_CHAR_WEIGHT: usize = 2;

/// What a page's blocks are measured with: the stoplists of the page's languages,
/// their words case-folded, and the weight of a wide character in a block's length
/// (1, or `WIDE_CHAR_WEIGHT` on a page in Chinese, Japanese or Korean).
///
/// A block's stopwords are counted against each list and the list that finds most
/// counts: each block is judged in its own language. The union of the lists, tried
/// first, let the English words of an Italian page's product names count beside its
/// Italian ones and moved the block model's answers (a development page's F1 0.80 ->
/// 0.58).
#[derive(Clone, Debug, Default)]
pub struct Lexicon {
    pub stoplists: Vec<HashSet<String>>,
    pub wide_weight: usize,
}

/// A Han ideograph, kana or Hangul syllable: one of the characters `WIDE_CHAR_WEIGHT`
/// counts.
pub fn is_wide(c: char) -> bool {
    matches!(c,
        '\u{3040}'..='\u{30ff}' // hiragana, katakana
        | '\u{31f0}'..='\u{31ff}' // katakana phonetic extensions
        | '\u{3400}'..='\u{4dbf}' // CJK extension A
        | '\u{4e00}'..='\u{9fff}' // CJK unified ideographs
        | '\u{ac00}'..='\u{d7af}' // Hangul syllables
        | '\u{f900}'..='\u{faff}' // CJK compatibility ideographs
        | '\u{ff66}'..='\u{ff9f}' // half-width katakana
        | '\u{20000}'..='\u{3134f}' // CJK extensions B-G
    )
}

/// A block's length in characters, each wide character (`is_wide`) counted as
/// `weight`.
pub fn weighted_len(text: &str, weight: usize) -> usize {
    let plain = char_len(text);
    if weight <= 1 || text.is_ascii() {
        return plain;
    }
    plain + (weight - 1) * text.chars().filter(|&c| is_wide(c)).count()
}

/// Whether `text` starts with `word`, ASCII letters compared as `re.I` compares them
/// (where `s` also matches the long s).
fn starts_with_ci(text: &str, word: &str) -> Option<usize> {
    let mut used = 0;
    let mut chars = text.chars();
    for expected in word.chars() {
        let c = chars.next()?;
        let same = c.eq_ignore_ascii_case(&expected) || (expected == 's' && c == 'ſ');
        if !same {
            return None;
        }
        used += c.len_utf8();
    }
    Some(used)
}

/// Byte length of the run of non-space characters at the start of `text`.
fn non_space_run(text: &str) -> usize {
    text.find(is_space).unwrap_or(text.len())
}

/// `https?://\S+|www\.\S+` at the start of `text`: the match's byte length.
fn scheme_or_www(text: &str) -> Option<usize> {
    for prefix in ["https://", "http://", "www."] {
        if let Some(n) = starts_with_ci(text, prefix) {
            let run = non_space_run(&text[n..]);
            if run > 0 {
                return Some(n + run);
            }
        }
    }
    None
}

/// `(?:[a-z0-9-]++\.)++(?:com|org|net|co)\b(?:/\S*+)?` (case-insensitive, possessive)
/// at the start of `text`: a bare domain's byte length.
fn bare_domain(text: &str) -> Option<usize> {
    let mut at = 0;
    let mut labels = 0;
    loop {
        let rest = &text[at..];
        let run = rest.find(|c: char| !is_label_ci(c)).unwrap_or(rest.len());
        if run == 0 || !rest[run..].starts_with('.') {
            break;
        }
        at += run + 1;
        labels += 1;
    }
    if labels == 0 {
        return None;
    }
    let rest = &text[at..];
    let tld = ["com", "org", "net", "co"].iter().find_map(|tld| {
        let n = starts_with_ci(rest, tld)?;
        let boundary = rest[n..].chars().next().is_none_or(|c| !is_word(c));
        boundary.then_some(n)
    })?;
    at += tld;
    if text[at..].starts_with('/') {
        at += 1 + non_space_run(&text[at + 1..]);
    }
    Some(at)
}

/// `len(re.findall(URL, text, re.I))` of `cleaner.features._URL`.
pub fn url_count(text: &str) -> usize {
    let mut count = 0;
    let mut previous: Option<char> = None;
    let mut at = 0;
    while at < text.len() {
        let rest = &text[at..];
        let free = previous.is_none_or(|p| !(is_word(p) || p == '.' || p == '-'));
        let found = scheme_or_www(rest).or_else(|| if free { bare_domain(rest) } else { None });
        if let Some(n) = found {
            count += 1;
            previous = rest[..n].chars().next_back();
            at += n;
        } else {
            let c = rest.chars().next().expect("inside the text");
            previous = Some(c);
            at += c.len_utf8();
        }
    }
    count
}

/// `len(re.findall(r"(?<!\w)[@#]\w+", text))`: handles and hashtags.
pub fn handle_count(text: &str) -> usize {
    let mut count = 0;
    let mut previous: Option<char> = None;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if matches!(c, '@' | '#')
            && previous.is_none_or(|p| !is_word(p))
            && chars.peek().is_some_and(|&n| is_word(n))
        {
            count += 1;
            let mut last = c;
            while let Some(&n) = chars.peek() {
                if !is_word(n) {
                    break;
                }
                last = n;
                chars.next();
            }
            previous = Some(last);
            continue;
        }
        previous = Some(c);
    }
    count
}

/// The measures of one block.
pub fn measure(text: &str, lexicon: &Lexicon) -> Features {
    let lists = &lexicon.stoplists;
    let mut found = vec![0usize; lists.len()];
    let mut n = 0;
    let mut alpha = 0;
    let mut capitalised = 0;
    let mut folded = String::new();
    for word in words(text) {
        n += 1;
        if !lists.is_empty() {
            folded.clear();
            casefold_into(word, &mut folded);
            for (count, list) in found.iter_mut().zip(lists) {
                *count += usize::from(list.contains(folded.as_str()));
            }
        }
        let first = word.chars().next().expect("a word has a character");
        if !is_decimal(first) && first != '_' {
            alpha += 1;
            if is_upper(first) {
                capitalised += 1;
            }
        }
    }
    let stops = found.into_iter().max().unwrap_or(0);
    let plain = char_len(text);
    let chars = weighted_len(text, lexicon.wide_weight);
    let linky = url_count(text) + handle_count(text);
    let digits = text.chars().filter(|&c| is_digit(c)).count();
    let share = |part: usize, whole: usize| {
        if whole == 0 {
            0.0
        } else {
            part as f64 / whole as f64
        }
    };
    Features {
        chars,
        words: n,
        stopwords: stops,
        stopword_density: share(stops, n),
        ends_sentence: ends_sentence(text),
        capitalised_share: share(capitalised, alpha),
        url_density: share(linky, n),
        digit_share: share(digits, plain),
        sentences: sentence_count(text),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stops() -> Lexicon {
        Lexicon {
            stoplists: vec![list(&["the", "of", "and", "a"])],
            wide_weight: 1,
        }
    }

    fn list(words: &[&str]) -> HashSet<String> {
        words.iter().map(|s| (*s).to_owned()).collect()
    }

    #[test]
    fn each_block_counts_in_the_language_that_fits_it_best() {
        let two = Lexicon {
            stoplists: vec![list(&["der", "die", "und"]), list(&["the", "of", "a"])],
            wide_weight: 1,
        };
        let f = measure("The mayor of a town und der Rat", &two);
        assert_eq!(f.stopwords, 3); // English: the, of, a; not five from the union
        assert_eq!(measure("Der Rat und die Stadt", &two).stopwords, 3);
        assert_eq!(measure("No list at all", &Lexicon::default()).stopwords, 0);
    }

    fn wide() -> Lexicon {
        Lexicon {
            wide_weight: WIDE_CHAR_WEIGHT,
            ..stops()
        }
    }

    #[test]
    fn a_sentence_is_measured() {
        let f = measure("The mayor of Kyiv said a word.", &stops());
        assert_eq!((f.chars, f.words, f.stopwords, f.sentences), (30, 7, 3, 1));
        assert!(f.ends_sentence);
        assert!((f.capitalised_share - 2.0 / 7.0).abs() < 1e-12);
    }

    #[test]
    fn links_and_handles_count() {
        assert_eq!(
            url_count("see https://x.y/z and www.a.b or news.bbc.com/x, not a.b.co.uk"),
            3
        );
        assert_eq!(url_count("mail me@example.com"), 1); // "@" may precede a bare domain
        assert_eq!(url_count("x.example.com"), 1);
        assert_eq!(url_count("aexample.com-"), 1);
        assert_eq!(url_count("HTTPS://A.B example.comic"), 1);
        assert_eq!(handle_count("@jo and #tag, a@b, # none"), 2);
    }

    #[test]
    fn wide_characters_count_double_and_full_width_stops_end_sentences() {
        let f = measure("市議会は月曜日に決めた。技術者が説明した。", &wide());
        assert_eq!(f.chars, 2 * 21 - 2); // the two 。 count once
        assert_eq!(measure("简体中文", &stops()).chars, 4); // on other pages: once
        assert_eq!(f.sentences, 2);
        assert!(f.digit_share.abs() < 1e-12);
        let korean = measure("시의회는 월요일 결정했다.", &wide());
        assert_eq!(korean.chars, 14 + 11); // 11 syllables, 3 other characters
        let thai = measure("สภาเมืองลงมติ", &wide()); // an alphabet: no weight
        assert_eq!(thai.chars, 13);
        assert!(thai.ends_sentence); // Thai ends a sentence with no mark
        assert!(ends_sentence("यह एक वाक्य है।"));
        assert_eq!(weighted_len("plain ascii", WIDE_CHAR_WEIGHT), 11);
    }

    #[test]
    fn an_ellipsis_is_no_sentence_end() {
        assert!(!ends_sentence("Read more..."));
        assert!(ends_sentence("He said: «fine»"));
        assert!(!ends_sentence("Headline"));
    }
}
