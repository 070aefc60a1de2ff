//! The learned block classifier's trees: parsed from the shipped JSON into typed
//! values, checked (feature indices, child links, no node reached twice), and summed
//! per row. Nothing in the file is ever executed.

use serde::Deserialize;

use crate::error::CoreError;

#[derive(Deserialize)]
struct TreeFile {
    feature: Vec<i64>,
    threshold: Vec<f64>,
    left: Vec<i64>,
    right: Vec<i64>,
    value: Vec<f64>,
    leaf: Vec<bool>,
}

#[derive(Deserialize)]
struct ModelFile {
    features: Vec<String>,
    baseline: f64,
    low: f64,
    high: f64,
    trees: Vec<TreeFile>,
}

/// One node, laid out breadth first so a split's two children are neighbours.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Node {
    /// The feature a split reads; `u32::MAX` at a leaf.
    feature: u32,
    /// A split's first child (the second follows it).
    child: u32,
    /// A split's threshold, or a leaf's value.
    value: f64,
}

const LEAF: u32 = u32::MAX;

/// Gradient-boosted trees: a row's raw score is the baseline plus one leaf value per
/// tree, the trees added in order.
#[derive(Clone, Debug, PartialEq)]
pub struct Forest {
    pub features: Vec<String>,
    pub baseline: f64,
    pub low: f64,
    pub high: f64,
    nodes: Vec<Node>,
    roots: Vec<u32>,
}

fn index(value: i64, len: usize, what: &str, tree: usize) -> Result<usize, CoreError> {
    usize::try_from(value)
        .ok()
        .filter(|&i| i < len)
        .ok_or_else(|| CoreError::Model(format!("tree {tree}: {what} {value} out of range")))
}

impl Forest {
    /// Parse and check a model file's text.
    pub fn from_json(text: &str) -> Result<Self, CoreError> {
        let file: ModelFile =
            serde_json::from_str(text).map_err(|e| CoreError::Model(e.to_string()))?;
        let width = file.features.len();
        let mut nodes = Vec::new();
        let mut roots = Vec::with_capacity(file.trees.len());
        for (k, tree) in file.trees.iter().enumerate() {
            let n = tree.leaf.len();
            let lengths = [
                tree.feature.len(),
                tree.threshold.len(),
                tree.left.len(),
                tree.right.len(),
                tree.value.len(),
            ];
            if n == 0 || lengths.iter().any(|&l| l != n) {
                return Err(CoreError::Model(format!(
                    "tree {k}: its node lists differ in length or are empty"
                )));
            }
            roots.push(
                u32::try_from(nodes.len())
                    .map_err(|_| CoreError::Model("too many nodes".into()))?,
            );
            // Breadth first: each split's children appended as a pair. A node reached
            // twice (a cycle, or two parents) is refused.
            let mut order = vec![0usize];
            let mut seen = vec![false; n];
            seen[0] = true;
            let mut at = 0;
            while at < order.len() {
                let node = order[at];
                at += 1;
                if tree.leaf[node] {
                    continue;
                }
                for child in [tree.left[node], tree.right[node]] {
                    let child = index(child, n, "child", k)?;
                    if std::mem::replace(&mut seen[child], true) {
                        return Err(CoreError::Model(format!(
                            "tree {k}: node {child} is reached twice"
                        )));
                    }
                    order.push(child);
                }
            }
            let base = nodes.len();
            let mut position = vec![0usize; n];
            for (p, &node) in order.iter().enumerate() {
                position[node] = base + p;
            }
            for &node in &order {
                if tree.leaf[node] {
                    nodes.push(Node {
                        feature: LEAF,
                        child: 0,
                        value: tree.value[node],
                    });
                } else {
                    let feature = index(tree.feature[node], width, "feature", k)? as u32;
                    let child = position[index(tree.left[node], n, "child", k)?] as u32;
                    nodes.push(Node {
                        feature,
                        child,
                        value: tree.threshold[node],
                    });
                }
            }
        }
        Ok(Self {
            features: file.features,
            baseline: file.baseline,
            low: file.low,
            high: file.high,
            nodes,
            roots,
        })
    }

    /// How many features a row holds.
    pub fn width(&self) -> usize {
        self.features.len()
    }

    /// Baseline plus every tree's leaf value, per row (`rows` row-major, `width()`
    /// wide). A split goes to its second child unless the feature is `<=` the
    /// threshold, so a NaN goes there.
    pub fn raw_scores(&self, rows: &[f64]) -> Result<Vec<f64>, CoreError> {
        let width = self.width();
        if width == 0 || rows.len() % width != 0 {
            return Err(CoreError::Model(format!(
                "rows must hold {width} features each"
            )));
        }
        let count = rows.len() / width;
        let mut total = vec![self.baseline; count];
        for &root in &self.roots {
            for (r, sum) in total.iter_mut().enumerate() {
                let row = &rows[r * width..(r + 1) * width];
                let mut i = root as usize;
                loop {
                    let node = self.nodes[i];
                    if node.feature == LEAF {
                        *sum += node.value;
                        break;
                    }
                    let left = row[node.feature as usize] <= node.value;
                    i = node.child as usize + usize::from(!left);
                }
            }
        }
        Ok(total)
    }
}

/// The logistic function without overflow: a tree fitted to a pure leaf can carry a
/// value in the thousands.
pub fn sigmoid(x: f64) -> f64 {
    if x < -EXP_LIMIT {
        return 0.0;
    }
    1.0 / (1.0 + (-x).exp())
}

/// `exp` overflows past ~709.78; at -700 the probability is already ~1e-304.
pub const EXP_LIMIT: f64 = 700.0;

#[cfg(test)]
#[allow(clippy::float_cmp)] // the sums must be exact, not close
mod tests {
    use super::*;

    const STUMP: &str = r#"{"features": ["a", "b"], "baseline": 0.5, "low": 0.1, "high": 0.6, "trees": [
        {"feature": [1, 0, 0], "threshold": [2.0, 0, 0], "left": [1, 0, 0], "right": [2, 0, 0],
         "value": [0, -1.0, 3.0], "leaf": [false, true, true]},
        {"feature": [0], "threshold": [0], "left": [0], "right": [0], "value": [0.25], "leaf": [true]}]}"#;

    #[test]
    fn a_row_sums_one_leaf_per_tree() {
        let forest = Forest::from_json(STUMP).unwrap();
        let scores = forest
            .raw_scores(&[0.0, 2.0, 0.0, 2.5, 0.0, f64::NAN])
            .unwrap();
        assert_eq!(
            scores,
            [0.5 - 1.0 + 0.25, 0.5 + 3.0 + 0.25, 0.5 + 3.0 + 0.25]
        );
    }

    #[test]
    fn malformed_models_are_refused() {
        for bad in [
            STUMP.replace("\"left\": [1, 0, 0]", "\"left\": [0, 0, 0]"), // a loop to the root
            STUMP.replace("\"right\": [2, 0, 0]", "\"right\": [9, 0, 0]"), // out of range
            STUMP.replace("\"feature\": [1, 0, 0]", "\"feature\": [7, 0, 0]"),
            STUMP.replace("\"leaf\": [false, true, true]", "\"leaf\": [false, true]"),
            STUMP.replace("\"baseline\": 0.5", "\"baseline\": \"x\""),
        ] {
            assert!(Forest::from_json(&bad).is_err(), "{bad}");
        }
        let forest = Forest::from_json(STUMP).unwrap();
        assert!(forest.raw_scores(&[1.0, 2.0, 3.0]).is_err());
    }

    #[test]
    fn sigmoid_never_overflows() {
        assert_eq!(sigmoid(-1e6), 0.0);
        assert!((sigmoid(0.0) - 0.5).abs() < 1e-15);
        assert!((sigmoid(1e6) - 1.0).abs() < 1e-15);
    }
}
