"""Reading the project's tab-separated data files (lexicons, actor and code tables)."""

from __future__ import annotations

from pathlib import Path
from typing import Any


def read_rows(path: Path | Any) -> list[dict[str, str]]:
    """Rows of a headed TSV as dicts; blank and ``#`` lines are skipped, short rows padded with ''."""
    header: list[str] | None = None
    out: list[dict[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if header is None:
            header = cells
            continue
        cells = cells[: len(header)] + [""] * (len(header) - len(cells))
        out.append(dict(zip(header, cells, strict=True)))
    return out
