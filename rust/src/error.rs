//! What the core can refuse: rule patterns it cannot compile, and a block model it
//! cannot trust. The Python binding maps each kind to its own exception class.

use std::fmt;

/// One pattern that did not compile: where it sits in the data handed over, the
/// pattern, and the compiler's message (first line).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PatternError {
    pub place: String,
    pub pattern: String,
    pub message: String,
}

impl PatternError {
    pub fn new(place: String, pattern: &str, error: &regex::Error) -> Self {
        let message = match error {
            regex::Error::CompiledTooBig(limit) => {
                format!("pattern too large once compiled (over {limit} bytes)")
            }
            other => other
                .to_string()
                .lines()
                .last()
                .unwrap_or_default()
                .trim()
                .to_owned(),
        };
        Self {
            place,
            pattern: pattern.to_owned(),
            message,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CoreError {
    /// Rule patterns that the core cannot compile (all of them, not just the first).
    Patterns(Vec<PatternError>),
    /// A block model file that is malformed or inconsistent.
    Model(String),
}

impl fmt::Display for CoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Patterns(errors) => {
                let parts: Vec<String> = errors
                    .iter()
                    .map(|e| format!("{}: {}", e.place, e.message))
                    .collect();
                write!(f, "{}", parts.join("; "))
            }
            Self::Model(message) => write!(f, "block model: {message}"),
        }
    }
}

impl std::error::Error for CoreError {}
