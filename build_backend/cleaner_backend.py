"""maturin's PEP 517 backend, stopping with one clear line where no Rust toolchain is.

`cleaner`'s block steps are a Rust core that `pip install` compiles with cargo. Left
to itself, maturin's backend downloads a Rust toolchain into a temporary folder when
cargo is missing; this wrapper says what to install instead (pyproject.toml names it
with `backend-path`, as maturin's own build does). maturin is imported only once cargo
is known to be there.
"""

from __future__ import annotations

import shutil
import sys
from collections.abc import Mapping
from typing import Any

NO_CARGO = (
    "cleaner: building its Rust core needs cargo (Rust 1.85 or newer) on PATH; "
    "install Rust from https://rustup.rs and run pip again"
)

Settings = Mapping[str, Any] | None


def _maturin() -> Any:
    if shutil.which("cargo") is None:
        sys.stderr.write(NO_CARGO + "\n")
        raise SystemExit(1)
    import maturin

    return maturin


def get_requires_for_build_wheel(config_settings: Settings = None) -> list[str]:
    return list(_maturin().get_requires_for_build_wheel(config_settings))


def get_requires_for_build_editable(config_settings: Settings = None) -> list[str]:
    return list(_maturin().get_requires_for_build_editable(config_settings))


def get_requires_for_build_sdist(config_settings: Settings = None) -> list[str]:
    return list(_maturin().get_requires_for_build_sdist(config_settings))


def prepare_metadata_for_build_wheel(
    metadata_directory: str, config_settings: Settings = None
) -> str:
    return str(_maturin().prepare_metadata_for_build_wheel(metadata_directory, config_settings))


def prepare_metadata_for_build_editable(
    metadata_directory: str, config_settings: Settings = None
) -> str:
    return str(_maturin().prepare_metadata_for_build_editable(metadata_directory, config_settings))


def build_wheel(
    wheel_directory: str, config_settings: Settings = None, metadata_directory: str | None = None
) -> str:
    return str(_maturin().build_wheel(wheel_directory, config_settings, metadata_directory))


def build_editable(
    wheel_directory: str, config_settings: Settings = None, metadata_directory: str | None = None
) -> str:
    return str(_maturin().build_editable(wheel_directory, config_settings, metadata_directory))


def build_sdist(sdist_directory: str, config_settings: Settings = None) -> str:
    return str(_maturin().build_sdist(sdist_directory, config_settings))
