"""Language data: one folder per ISO 639-1 code, each stage's words in its own YAML file.

Adding a language means adding a folder here (and tests), never a branch in the code.
"""

from __future__ import annotations

from importlib import resources
from typing import Any

import yaml

__all__ = ["available_languages", "load_language_data"]


def available_languages() -> tuple[str, ...]:
    root = resources.files("warta.lang")
    return tuple(sorted(p.name for p in root.iterdir() if p.is_dir() and len(p.name) == 2))


def load_language_data(language: str, name: str) -> Any:
    """Parsed ``lang/<language>/<name>.yaml``; None when that language lacks the file."""
    path = resources.files("warta.lang").joinpath(language, f"{name}.yaml")
    if not path.is_file():
        return None
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return yaml.load(path.read_text(encoding="utf-8"), Loader=loader)
