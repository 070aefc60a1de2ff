//! The Python binding `cleaner._core`: extract the arguments, detach from the
//! interpreter, call one pure function, convert the result or the error. No step
//! lives here.

use std::collections::HashSet;

use pyo3::exceptions::PyValueError;
use pyo3::panic::PanicException;
use pyo3::prelude::*;
use pyo3::types::PyTuple;
use pyo3::{create_exception, IntoPyObjectExt};

use crate::blockfeatures;
use crate::error::CoreError;
use crate::extent::{find_body, BodyInputs};
use crate::features::{measure, Features, Lexicon};
use crate::forest::{sigmoid, Forest as CoreForest};
use crate::labels;
use crate::patterns;
use crate::phrases::{CategorySpec, PhraseBook as CorePhraseBook};
use crate::segment as blocks;
use crate::tags;

create_exception!(
    cleaner._core,
    RuleError,
    PyValueError,
    "Rule patterns the core cannot compile."
);
create_exception!(
    cleaner._core,
    ModelError,
    PyValueError,
    "A block model file that is malformed."
);

/// `CoreError` as a Python exception (a newtype: the orphan rule forbids `From`
/// between two foreign types).
struct Refused(CoreError);

impl From<Refused> for PyErr {
    fn from(Refused(error): Refused) -> Self {
        match &error {
            CoreError::Patterns(_) => RuleError::new_err(error.to_string()),
            CoreError::Model(_) => ModelError::new_err(error.to_string()),
        }
    }
}

/// Run pure work with the interpreter released, and map its error: every entry
/// point that does real work goes through here.
fn detached<T: Send>(
    py: Python<'_>,
    work: impl FnOnce() -> Result<T, CoreError> + Send,
) -> PyResult<T> {
    py.detach(work).map_err(|e| Refused(e).into())
}

/// The page's text as blocks: (text, follows a blank line) per block; `unwrap`
/// joins the lines of hard-wrapped paragraphs.
#[pyfunction]
#[pyo3(signature = (text, /, *, unwrap))]
fn segment(py: Python<'_>, text: &str, unwrap: bool) -> PyResult<Vec<(String, bool)>> {
    let text = text.to_owned();
    let found = detached(py, move || {
        let lines = blocks::segment(&text);
        Ok(if unwrap {
            blocks::unwrap(&lines)
        } else {
            lines
        })
    })?;
    Ok(found
        .into_iter()
        .map(|b| (b.text, b.blank_before))
        .collect())
}

/// `segment.fold` of one text.
#[pyfunction]
fn fold(text: &str) -> String {
    blocks::fold(text)
}

/// `blockfeatures::title_case_lead`: the Title Case run opening a glued teaser.
#[pyfunction]
fn title_case_lead(text: &str) -> usize {
    blockfeatures::title_case_lead(text)
}

/// What a page's blocks are measured with (`features::Lexicon`): the stoplists of its
/// languages, case-folded, and the weight of a wide character; held once per process.
#[pyclass(frozen, module = "cleaner._core")]
struct Stoplist {
    lexicon: Lexicon,
}

#[pymethods]
impl Stoplist {
    #[new]
    #[pyo3(signature = (lists, *, wide_weight = 1))]
    fn new(lists: Vec<Vec<String>>, wide_weight: usize) -> Self {
        Self {
            lexicon: Lexicon {
                stoplists: lists
                    .into_iter()
                    .map(|words| words.into_iter().collect())
                    .collect(),
                wide_weight,
            },
        }
    }

    /// How many stopwords the lists hold together.
    fn __len__(&self) -> usize {
        self.lexicon.stoplists.iter().map(HashSet::len).sum()
    }
}

type Measures = (usize, usize, usize, f64, bool, f64, f64, f64, usize);

fn as_tuple(f: Features) -> Measures {
    (
        f.chars,
        f.words,
        f.stopwords,
        f.stopword_density,
        f.ends_sentence,
        f.capitalised_share,
        f.url_density,
        f.digit_share,
        f.sentences,
    )
}

/// Each block's measures, in `cleaner.features.Features` field order.
#[pyfunction]
fn measure_all(
    py: Python<'_>,
    texts: Vec<String>,
    stoplist: Py<Stoplist>,
) -> PyResult<Vec<Measures>> {
    let stoplist = stoplist.get();
    detached(py, || {
        Ok(texts
            .iter()
            .map(|t| as_tuple(measure(t, &stoplist.lexicon)))
            .collect())
    })
}

/// A page's blocks and their measures, held in the core, so the steps that read them
/// (the labels, the extent) take the page in one call without converting it again.
#[pyclass(frozen, module = "cleaner._core")]
struct MeasuredPage {
    texts: Vec<String>,
    features: Vec<Features>,
}

/// Each block's measures (`measure_all`), kept with the blocks' texts.
#[pyfunction]
fn measure_page(py: Python<'_>, texts: Vec<String>, stoplist: Py<Stoplist>) -> MeasuredPage {
    let stoplist = stoplist.get();
    let features = py.detach(|| {
        texts
            .iter()
            .map(|t| measure(t, &stoplist.lexicon))
            .collect()
    });
    MeasuredPage { texts, features }
}

/// One flag per block from the indices of the flagged ones.
fn mask(n: usize, indices: &[usize]) -> PyResult<Vec<bool>> {
    let mut out = vec![false; n];
    for &i in indices {
        *out.get_mut(i)
            .ok_or_else(|| PyValueError::new_err("a block index past the page's end"))? = true;
    }
    Ok(out)
}

fn codes(labels: &[blockfeatures::Label]) -> Vec<u8> {
    labels.iter().map(|&l| l as u8).collect()
}

#[pymethods]
impl MeasuredPage {
    fn __len__(&self) -> usize {
        self.texts.len()
    }

    /// Each block's measures, in `cleaner.features.Features` field order.
    fn rows(&self) -> Vec<Measures> {
        self.features.iter().copied().map(as_tuple).collect()
    }

    /// Whether the page's words fit its stoplist (`labels::uses_stopwords`).
    fn uses_stopwords(&self) -> bool {
        labels::uses_stopwords(&self.features)
    }

    /// The blocks that are lines of tags (`tags::tag_lines`).
    fn tag_lines(&self, py: Python<'_>) -> Vec<usize> {
        py.detach(|| tags::tag_lines(&self.texts, &self.features))
    }

    /// (context-free, revised) label codes per block; the `marked` blocks are no
    /// context and revised to bad.
    fn labels(&self, py: Python<'_>, marked: Vec<usize>) -> PyResult<(Vec<u8>, Vec<u8>)> {
        let marked = mask(self.texts.len(), &marked)?;
        let (free, revised) = py.detach(|| labels::label_page(&self.features, &marked));
        Ok((codes(&free), codes(&revised)))
    }

    /// The article's (start, end, score), or None (`extent::find_body`).
    #[pyo3(signature = (free, labels, marked, ends, *, thread, headline, slug))]
    #[allow(clippy::too_many_arguments)] // what the steps decided, each a column
    fn extent(
        &self,
        py: Python<'_>,
        free: Vec<u8>,
        labels: Vec<u8>,
        marked: Vec<usize>,
        ends: Vec<usize>,
        thread: Option<usize>,
        headline: Option<String>,
        slug: Vec<String>,
    ) -> PyResult<Option<(usize, usize, f64)>> {
        let n = self.texts.len();
        if free.len() != n || labels.len() != n {
            return Err(PyValueError::new_err("labels must hold one code per block"));
        }
        if ends.iter().chain(&thread).any(|&i| i >= n) {
            return Err(PyValueError::new_err("a block index past the page's end"));
        }
        let (free, labels) = (labels_of(&free)?, labels_of(&labels)?);
        let marked = mask(n, &marked)?;
        let given = BodyInputs {
            free: &free,
            labels: &labels,
            marked: &marked,
            ends: &ends,
            thread,
            headline: headline.as_deref(),
            slug: &slug,
        };
        let found = py.detach(|| find_body(&self.texts, &self.features, &given));
        Ok(found.map(|e| (e.start, e.end, e.score)))
    }
}

/// The generic phrase lists, compiled: categories in order of precedence as
/// (max_words, patterns), and end-marker kinds as lists of patterns.
#[pyclass(frozen, module = "cleaner._core")]
struct PhraseBook {
    book: CorePhraseBook,
    source: (Categories, Vec<Vec<String>>),
}

/// Categories as the front hands them over: (max_words, patterns) each.
type Categories = Vec<(usize, Vec<String>)>;

#[pymethods]
impl PhraseBook {
    #[new]
    fn new(
        py: Python<'_>,
        categories: Categories,
        end_markers: Vec<Vec<String>>,
    ) -> PyResult<Self> {
        let specs: Vec<CategorySpec> = categories
            .iter()
            .map(|(max_words, patterns)| CategorySpec {
                max_words: *max_words,
                patterns: patterns.clone(),
            })
            .collect();
        let ends = end_markers.clone();
        let book = detached(py, move || CorePhraseBook::new(&specs, &ends))?;
        Ok(Self {
            book,
            source: (categories, end_markers),
        })
    }

    /// Each block's category index, or -1; `words` are the blocks' word counts.
    fn categories(
        &self,
        py: Python<'_>,
        texts: Vec<String>,
        words: Vec<usize>,
    ) -> PyResult<Vec<i64>> {
        if texts.len() != words.len() {
            return Err(PyValueError::new_err("texts and words differ in length"));
        }
        detached(py, || {
            Ok(texts
                .iter()
                .zip(&words)
                .map(|(t, &n)| self.book.category_of(t, n).map_or(-1, |k| k as i64))
                .collect())
        })
    }

    /// The end-marker kind of each text, or -1.
    fn end_markers(&self, py: Python<'_>, texts: Vec<String>) -> PyResult<Vec<i64>> {
        detached(py, || {
            Ok(texts
                .iter()
                .map(|t| self.book.end_marker(t).map_or(-1, |k| k as i64))
                .collect())
        })
    }

    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyTuple>> {
        let py = slf.py();
        let args = slf.get().source.clone().into_bound_py_any(py)?;
        PyTuple::new(py, [slf.get_type().into_any(), args])
    }
}

/// What the heuristic steps decided about one page, as the block model's rows read
/// it, beside the page's blocks and measures as the core holds them.
#[pyclass(frozen, module = "cleaner._core")]
struct PageDecisions {
    page: Py<MeasuredPage>,
    blank_before: Vec<bool>,
    free: Vec<blockfeatures::Label>,
    labels: Vec<blockfeatures::Label>,
    marked: Vec<bool>,
    ends: Vec<bool>,
    extent: Option<(usize, usize)>,
    meta: Vec<usize>,
    title: Option<usize>,
    /// The first end marker after the extent's start: any, a thread's, a "Related" one.
    after: (Option<usize>, Option<usize>, Option<usize>),
}

fn labels_of(codes: &[u8]) -> PyResult<Vec<blockfeatures::Label>> {
    codes
        .iter()
        .map(|&c| {
            blockfeatures::Label::from_code(c)
                .ok_or_else(|| PyValueError::new_err(format!("no label {c}")))
        })
        .collect()
}

#[pymethods]
impl PageDecisions {
    #[new]
    #[pyo3(signature = (page, blank_before, free, labels, marked, ends, *, extent, meta, title, after))]
    #[allow(clippy::too_many_arguments)] // one page's decisions, each a column
    fn new(
        page: Py<MeasuredPage>,
        blank_before: Vec<bool>,
        free: Vec<u8>,
        labels: Vec<u8>,
        marked: Vec<bool>,
        ends: Vec<bool>,
        extent: Option<(usize, usize)>,
        meta: Vec<usize>,
        title: Option<usize>,
        after: (Option<usize>, Option<usize>, Option<usize>),
    ) -> PyResult<Self> {
        let n = page.get().texts.len();
        if [
            blank_before.len(),
            free.len(),
            labels.len(),
            marked.len(),
            ends.len(),
        ]
        .iter()
        .any(|&l| l != n)
        {
            return Err(PyValueError::new_err(
                "every column must hold one value per block",
            ));
        }
        let (free, labels) = (labels_of(&free)?, labels_of(&labels)?);
        Ok(Self {
            page,
            blank_before,
            free,
            labels,
            marked,
            ends,
            extent,
            meta,
            title,
            after,
        })
    }

    /// Rows for `blocks` (every block's index must be on the page).
    fn rows(&self, py: Python<'_>, blocks: Vec<usize>) -> PyResult<Vec<Vec<f64>>> {
        let flat = self.flat_rows(py, &blocks)?;
        Ok(flat
            .chunks(blockfeatures::WIDTH)
            .map(<[f64]>::to_vec)
            .collect())
    }
}

impl PageDecisions {
    fn flat_rows(&self, py: Python<'_>, blocks: &[usize]) -> PyResult<Vec<f64>> {
        let page = self.page.get();
        if blocks.iter().any(|&i| i >= page.texts.len()) {
            return Err(PyValueError::new_err("a block index past the page's end"));
        }
        let decided = blockfeatures::Decided {
            texts: &page.texts,
            blank_before: &self.blank_before,
            features: &page.features,
            free: &self.free,
            labels: &self.labels,
            marked: &self.marked,
            ends: &self.ends,
            extent: self.extent,
            meta: &self.meta,
            title: self.title,
            first_end_after: self.after.0,
            comments_after: self.after.1,
            related_after: self.after.2,
        };
        Ok(py.detach(|| blockfeatures::rows(&decided, blocks)))
    }
}

/// The block model's trees, parsed from the model file's text and checked.
#[pyclass(frozen, module = "cleaner._core")]
struct Forest {
    forest: CoreForest,
    source: String,
}

#[pymethods]
impl Forest {
    #[new]
    fn new(py: Python<'_>, text: String) -> PyResult<Self> {
        let source = text.clone();
        let forest = detached(py, move || CoreForest::from_json(&text))?;
        Ok(Self { forest, source })
    }

    #[getter]
    fn features(&self) -> Vec<String> {
        self.forest.features.clone()
    }

    #[getter]
    fn baseline(&self) -> f64 {
        self.forest.baseline
    }

    #[getter]
    fn low(&self) -> f64 {
        self.forest.low
    }

    #[getter]
    fn high(&self) -> f64 {
        self.forest.high
    }

    /// Baseline plus every tree's value, per row.
    fn raw_scores(&self, py: Python<'_>, rows: Vec<Vec<f64>>) -> PyResult<Vec<f64>> {
        let width = self.forest.width();
        if rows.iter().any(|r| r.len() != width) {
            return Err(ModelError::new_err(format!(
                "each row must hold {width} features"
            )));
        }
        detached(py, || self.forest.raw_scores(&rows.concat()))
    }

    /// The probability that each row's block is article text.
    fn probabilities(&self, py: Python<'_>, rows: Vec<Vec<f64>>) -> PyResult<Vec<f64>> {
        Ok(self
            .raw_scores(py, rows)?
            .into_iter()
            .map(sigmoid)
            .collect())
    }

    /// The probability that each of `blocks` is article text, from the page's rows
    /// built and scored here in one call.
    fn page_probabilities(
        &self,
        py: Python<'_>,
        page: &PageDecisions,
        blocks: Vec<usize>,
    ) -> PyResult<Vec<f64>> {
        if self.forest.width() != blockfeatures::WIDTH {
            return Err(ModelError::new_err(
                "the model reads other features than the core builds",
            ));
        }
        let rows = page.flat_rows(py, &blocks)?;
        let scores = detached(py, || self.forest.raw_scores(&rows))?;
        Ok(scores.into_iter().map(sigmoid).collect())
    }

    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyTuple>> {
        let py = slf.py();
        let args = PyTuple::new(py, [slf.get().source.clone()])?;
        PyTuple::new(py, [slf.get_type().into_any(), args.into_any()])
    }
}

/// Each pattern's compile error under the core's syntax (Rust `regex`, matched
/// case-insensitively), as (index, message); empty when all compile.
#[pyfunction]
fn pattern_errors(py: Python<'_>, patterns: Vec<String>) -> PyResult<Vec<(usize, String)>> {
    detached(py, move || Ok(patterns::pattern_errors(&patterns)))
}

/// Rule patterns from a data file, compiled once: searched for in a block, or
/// matched against it whole (`whole`).
#[pyclass(frozen, module = "cleaner._core")]
struct Patterns {
    patterns: patterns::Patterns,
    source: (Vec<String>, bool, bool),
}

#[pymethods]
impl Patterns {
    #[new]
    #[pyo3(signature = (patterns, *, case_insensitive, whole))]
    fn new(
        py: Python<'_>,
        patterns: Vec<String>,
        case_insensitive: bool,
        whole: bool,
    ) -> PyResult<Self> {
        let source = (patterns.clone(), case_insensitive, whole);
        let compiled = detached(py, move || {
            patterns::Patterns::new(&patterns, case_insensitive, whole)
        })?;
        Ok(Self {
            patterns: compiled,
            source,
        })
    }

    /// For each text, the indices of the patterns that match it, ascending.
    fn matching(&self, py: Python<'_>, texts: Vec<String>) -> PyResult<Vec<Vec<usize>>> {
        detached(py, || {
            Ok(texts.iter().map(|t| self.patterns.matching(t)).collect())
        })
    }

    /// For each text, whether any pattern matches it.
    fn any(&self, py: Python<'_>, texts: Vec<String>) -> PyResult<Vec<bool>> {
        detached(py, || {
            Ok(texts.iter().map(|t| self.patterns.any(t)).collect())
        })
    }

    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyTuple>> {
        let py = slf.py();
        let (patterns, case_insensitive, whole) = slf.get().source.clone();
        let builder = py.import("cleaner._core")?.getattr("_patterns")?;
        let args = (patterns, case_insensitive, whole).into_bound_py_any(py)?;
        PyTuple::new(py, [builder, args])
    }
}

/// `Patterns` from positional arguments, for unpickling.
#[pyfunction]
fn _patterns(
    py: Python<'_>,
    patterns: Vec<String>,
    case_insensitive: bool,
    whole: bool,
) -> PyResult<Patterns> {
    Patterns::new(py, patterns, case_insensitive, whole)
}

/// A test-only entry point that panics, so the tests can check that a panic in
/// the core reaches Python as `PanicException` and never ends the process.
#[pyfunction]
fn _panic_for_tests() {
    panic!("a deliberate panic for the tests");
}

#[pymodule(gil_used = false)]
fn _core(m: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = m.py();
    m.add_function(wrap_pyfunction!(segment, m)?)?;
    m.add_function(wrap_pyfunction!(fold, m)?)?;
    m.add_function(wrap_pyfunction!(measure_all, m)?)?;
    m.add_function(wrap_pyfunction!(measure_page, m)?)?;
    m.add_function(wrap_pyfunction!(title_case_lead, m)?)?;
    m.add_function(wrap_pyfunction!(pattern_errors, m)?)?;
    m.add_function(wrap_pyfunction!(_panic_for_tests, m)?)?;
    m.add_class::<Stoplist>()?;
    m.add_class::<PhraseBook>()?;
    m.add_class::<Forest>()?;
    m.add_class::<Patterns>()?;
    m.add_class::<PageDecisions>()?;
    m.add_class::<MeasuredPage>()?;
    m.add_function(wrap_pyfunction!(_patterns, m)?)?;
    m.add("RuleError", py.get_type::<RuleError>())?;
    m.add("ModelError", py.get_type::<ModelError>())?;
    m.add("PanicException", py.get_type::<PanicException>())?;
    Ok(())
}
