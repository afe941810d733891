"""Readers for the German NER gold sets and a strict span scorer.

Every reader returns a list of :class:`TaggedSentence` with IOB2 tags whose
labels are already mapped to one label set (see the ``scheme`` arguments), so
training and evaluation code never sees a corpus' own conventions.

Label schemes
-------------
``"outer4"``  PER/LOC/ORG/MISC from GermEval's outer column (OTH -> MISC,
              ``*deriv``/``*part`` -> O); Europarl's MISC stays MISC.
``"outer3"``  PER/LOC/ORG only (MISC/OTH, deriv, part -> O): the usual
              "outer PER/LOC/ORG strict" comparison.
``"germeval12"`` GermEval's own 12 outer classes (PER, PERderiv, PERpart,
              LOC..., ORG..., OTH...), for the official outer-chunk metric.

Scorer
------
:func:`score_spans` is exact-match (start, end, label) span P/R/F1, per type
and micro-averaged, like conlleval/the GermEval 2014 script.
"""

from __future__ import annotations

import gzip
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

Span = tuple[int, int, str]  # token start, end (exclusive), label


@dataclass
class TaggedSentence:
    tokens: list[str]
    tags: list[str]  # IOB2, mapped labels
    #: GermEval only: the inner (nested) column, IOB2, 12-class labels
    inner: list[str] | None = None
    source: str = ""
    extra: dict = field(default_factory=dict)


# ---------------------------------------------------------------- label maps
_GE_BASE = {"PER": "PER", "LOC": "LOC", "ORG": "ORG", "OTH": "MISC"}


def map_germeval_label(label: str, scheme: str) -> str | None:
    """Map a GermEval label (e.g. ``LOCderiv``) to ``scheme``; None means O."""
    if scheme == "germeval12":
        return label
    if label.endswith("deriv") or label.endswith("part"):
        return None
    out = _GE_BASE.get(label)
    if scheme == "outer3" and out == "MISC":
        return None
    return out


def map_label(label: str, scheme: str) -> str | None:
    """Map a PER/LOC/ORG/MISC (or OTH) label to ``scheme``; None means O."""
    if label == "OTH":
        label = "MISC"
    if scheme == "outer3" and label == "MISC":
        return None
    if scheme == "germeval12":
        return "OTH" if label == "MISC" else label
    return label


# ---------------------------------------------------------------- tag helpers
def to_iob2(tags: Sequence[str]) -> list[str]:
    """IOB1 (I- starts a chunk unless it continues one of the same type) -> IOB2."""
    out: list[str] = []
    prev = "O"
    for t in tags:
        if t.startswith("I-"):
            lab = t[2:]
            if prev == "O" or prev[2:] != lab:
                t = "B-" + lab
        out.append(t)
        prev = t
    return out


def tags_to_spans(tags: Sequence[str]) -> list[Span]:
    """IOB2 tags -> spans. A stray I- (no preceding B-/I- of the same type) opens a span."""
    spans: list[Span] = []
    start, label = -1, None
    for i, t in enumerate(list(tags) + ["O"]):
        if t == "O" or t.startswith("B-") or (t.startswith("I-") and t[2:] != label):
            if label is not None:
                spans.append((start, i, label))
                label = None
            if t != "O":
                start, label = i, t[2:]
    return spans


def spans_to_tags(spans: Iterable[Span], n: int) -> list[str]:
    tags = ["O"] * n
    for s, e, lab in spans:
        tags[s] = "B-" + lab
        for i in range(s + 1, e):
            tags[i] = "I-" + lab
    return tags


def _remap(tags: Sequence[str], fn) -> list[str]:
    """Apply a label map to IOB2 tags at the span level (keeps spans whole)."""
    spans = []
    for s, e, lab in tags_to_spans(tags):
        new = fn(lab)
        if new:
            spans.append((s, e, new))
    return spans_to_tags(spans, len(tags))


# ---------------------------------------------------------------- readers
def _open(path: str | Path):
    path = Path(path)
    if path.suffix == ".gz":
        return gzip.open(path, "rt", encoding="utf-8")
    return open(path, encoding="utf-8")


def read_germeval(path: str | Path, scheme: str = "outer4") -> list[TaggedSentence]:
    """GermEval 2014 TSV: ``# url [date]`` line, then ``idx token outer inner``."""
    out: list[TaggedSentence] = []
    toks: list[str] = []
    outer: list[str] = []
    inner: list[str] = []
    src = ""

    def flush():
        if toks:
            o = _remap(outer, lambda lab: map_germeval_label(lab, scheme))
            i = _remap(inner, lambda lab: map_germeval_label(lab, scheme))
            out.append(TaggedSentence(list(toks), o, i, source=src))
        toks.clear(), outer.clear(), inner.clear()

    with _open(path) as fh:
        for line in fh:
            line = line.rstrip("\n")
            if not line.strip():
                flush()
                continue
            if line.startswith("#\t"):
                src = line.split("\t")[1] if "\t" in line else ""
                continue
            cols = line.split("\t")
            toks.append(cols[1])
            outer.append(cols[2])
            inner.append(cols[3] if len(cols) > 3 else "O")
    flush()
    return out


def read_columns(
    path: str | Path,
    *,
    token_col: int = 0,
    tag_col: int = -1,
    sep: str | None = "\t",
    iob1: bool = False,
    scheme: str = "outer4",
    label_map: dict[str, str | None] | None = None,
    strip_prefix: str = "",
    comment: str | None = None,
) -> list[TaggedSentence]:
    """Generic CoNLL-style reader (one token per line, blank line between sentences).

    ``label_map`` maps the corpus' raw labels (without B-/I-) to PER/LOC/ORG/MISC
    (None or missing -> O) before ``scheme`` is applied.
    """
    out: list[TaggedSentence] = []
    toks: list[str] = []
    tags: list[str] = []

    def fn(lab: str) -> str | None:
        if label_map is not None:
            mapped = label_map.get(lab)
            if mapped is None:
                return None
            lab = mapped
        return map_label(lab, scheme)

    def flush():
        if toks:
            t = to_iob2(tags) if iob1 else list(tags)
            out.append(TaggedSentence(list(toks), _remap(t, fn), source=str(path)))
        toks.clear(), tags.clear()

    with _open(path) as fh:
        for line in fh:
            line = line.rstrip("\n").rstrip("\r")
            if not line.strip():
                flush()
                continue
            if comment and line.startswith(comment):
                continue
            cols = line.split(sep)
            tok = cols[token_col]
            if strip_prefix and tok.startswith(strip_prefix):
                tok = tok[len(strip_prefix) :]
            tag = cols[tag_col].strip() or "O"
            if tag != "O" and not (tag.startswith("B-") or tag.startswith("I-")):
                tag = "O"
            toks.append(tok)
            tags.append(tag)
    flush()
    return out


def read_europarl(path: str | Path, scheme: str = "outer4") -> list[TaggedSentence]:
    """Europarl NER (Faruqui & Padó): ``token lemma POS chunk NER`` in IOB1."""
    return read_columns(path, token_col=0, tag_col=4, sep="\t", iob1=True, scheme=scheme)


def read_wikiann(path: str | Path, scheme: str = "outer4") -> list[TaggedSentence]:
    """WikiANN/PAN-X: ``de:TOKEN<TAB>TAG`` in IOB2 (PER/LOC/ORG only)."""
    return read_columns(path, token_col=0, tag_col=1, sep="\t", strip_prefix="de:", scheme=scheme)


#: LER legal NER labels -> ours (see germeval2014/EVAL-NOTES.md)
LER_MAP: dict[str, str | None] = {
    "PER": "PER",
    "RR": "PER",
    "AN": "PER",
    "LD": "LOC",
    "ST": "LOC",
    "STR": "LOC",
    "LDS": "LOC",
    "ORG": "ORG",
    "UN": "ORG",
    "INN": "ORG",
    "GRT": "ORG",
}


def read_ler(path: str | Path, scheme: str = "outer4") -> list[TaggedSentence]:
    """German legal NER (LER), CoNLL ``token tag`` separated by a space."""
    return read_columns(path, token_col=0, tag_col=-1, sep=" ", label_map=LER_MAP, scheme=scheme)


# ---------------------------------------------------------------- scorer
def _prf(tp: int, fp: int, fn: int) -> dict[str, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": p, "recall": r, "f1": f, "tp": tp, "fp": fp, "fn": fn, "support": tp + fn}


def score_spans(
    gold: Sequence[Iterable[Span]],
    pred: Sequence[Iterable[Span]],
    labels: Iterable[str] | None = None,
) -> dict:
    """Strict span P/R/F1 per type and micro; ``labels`` restricts both sides.

    Returns ``{"micro": {...}, "per_type": {label: {...}}}`` with precision,
    recall, f1, tp, fp, fn, support.
    """
    if len(gold) != len(pred):
        raise ValueError(f"gold has {len(gold)} sentences, prediction {len(pred)}")
    keep = set(labels) if labels is not None else None
    counts: dict[str, list[int]] = {}
    for g, p in zip(gold, pred, strict=True):
        gs = {s for s in g if keep is None or s[2] in keep}
        ps = {s for s in p if keep is None or s[2] in keep}
        for s in gs | ps:
            c = counts.setdefault(s[2], [0, 0, 0])
            if s in gs and s in ps:
                c[0] += 1
            elif s in ps:
                c[1] += 1
            else:
                c[2] += 1
    if keep is not None:
        for lab in keep:
            counts.setdefault(lab, [0, 0, 0])
    per_type = {lab: _prf(*c) for lab, c in sorted(counts.items())}
    tot = [sum(c[i] for c in counts.values()) for i in range(3)]
    return {"micro": _prf(*tot), "per_type": per_type}


def format_scores(result: dict, title: str = "") -> str:
    """A small fixed-width table of a :func:`score_spans` result."""
    lines = [title] if title else []
    lines.append(f"{'type':<10} {'P':>6} {'R':>6} {'F1':>6} {'support':>8}")
    rows = list(result["per_type"].items()) + [("micro", result["micro"])]
    for lab, r in rows:
        lines.append(
            f"{lab:<10} {100 * r['precision']:6.2f} {100 * r['recall']:6.2f} {100 * r['f1']:6.2f} {r['support']:8d}"
        )
    return "\n".join(lines)
