"""cleaner: turn a messy web page (HTML or a plain-text dump) into its article body."""

from cleaner.api import clean
from cleaner.config import Config
from cleaner.errors import CleanerError, Problem
from cleaner.results import BlockDecision, BlockKind, Metadata, Reason, Removal, Result

__version__ = "0.1.0"

__all__ = [
    "BlockDecision",
    "BlockKind",
    "CleanerError",
    "Config",
    "Metadata",
    "Problem",
    "Reason",
    "Removal",
    "Result",
    "__version__",
    "clean",
]
