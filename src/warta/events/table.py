"""The CAMEO code table (code, name, quad class, Goldstein score), read from ``cameo.tsv``."""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from pathlib import Path

__all__ = ["CameoCode", "load_cameo_table"]


@dataclass(frozen=True, slots=True)
class CameoCode:
    """One CAMEO event code with its published quad class and Goldstein score."""

    code: str
    name: str
    quad: int
    goldstein: float


def load_cameo_table(path: Path | None = None) -> dict[str, CameoCode]:
    """Every code of the table, keyed by code ("173" -> Arrest, detain ...)."""
    if path is None:
        text = resources.files("warta.events").joinpath("cameo.tsv").read_text(encoding="utf-8")
    else:
        text = path.read_text(encoding="utf-8")
    table: dict[str, CameoCode] = {}
    for line in text.splitlines():
        if not line.strip() or line.startswith(("#", "code\t")):
            continue
        code, name, quad, goldstein = line.split("\t")
        table[code] = CameoCode(code, name, int(quad), float(goldstein))
    return table
