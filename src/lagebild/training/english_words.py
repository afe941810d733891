"""Build ``data/english_words.tsv``: English words that are rare in German, for English names inside German text.

``python -m lagebild.training.english_words`` reads spaCy's lexeme probabilities for English and German
(``spacy-lookups-data``, MIT licence; already a dependency) and keeps lower-case alphabetic English words with a
log-probability of at least -14 (about 17,000 words beside 2,500 "neutral" ones). The file is shipped because
the two source tables hold a million entries each, which would cost about 250 MB of memory at run time.

Lower-case words that are frequent in German (log-probability -10 or more: "in", "an", "so", "was") are left
out. Classes (second column):

- ``E``: far more frequent in English than in German (either case) (difference of at least 1.5 in
  log-probability): "naval", "criminal", "crisis", "study", "group".
- ``N``: known in English and not much more frequent in German (difference above -2): "service", "war",
  "institute", "international". Such a word continues an English name ("Institute for the Study of War") but
  does not start one.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "data" / "english_words.tsv"
MIN_ENGLISH_LOGPROB = -14.0
ENGLISH_MARGIN = 1.5
NEUTRAL_MARGIN = -2.0
FREQUENT_GERMAN = -10.0
_ABSENT = -20.0  # below every entry of the German table


def _table(lang: str) -> dict[str, float]:
    import spacy_lookups_data

    folder = Path(os.path.dirname(spacy_lookups_data.__file__)) / "data"
    with gzip.open(folder / f"{lang}_lexeme_prob.json.gz", "rt", encoding="utf-8") as fh:
        table: dict[str, float] = json.load(fh)
    return table


def build(out: Path = OUT) -> dict[str, int]:
    en, de = _table("en"), _table("de")
    rows = []
    for word, logprob in en.items():
        if logprob < MIN_ENGLISH_LOGPROB or not word.isalpha() or not word.islower() or len(word) < 2:
            continue
        if de.get(word, _ABSENT) >= FREQUENT_GERMAN:
            continue  # "in", "an", "so", "was", "man", "will": German words, even capitalised at a sentence start
        margin = logprob - max(de.get(word.capitalize(), _ABSENT), de.get(word, _ABSENT))
        if margin >= ENGLISH_MARGIN:
            rows.append((word, "E"))
        elif margin > NEUTRAL_MARGIN:
            rows.append((word, "N"))
    rows.sort()
    header = ("# English words for English names in German text; built by python -m lagebild.training.english_words "
              "from spacy-lookups-data (MIT) lexeme probabilities\n")
    out.write_text(header + "".join(f"{w}\t{c}\n" for w, c in rows), encoding="utf-8")
    return {c: sum(1 for _, k in rows if k == c) for c in ("E", "N")}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args(argv)
    counts = build(args.out)
    print(f"wrote {args.out}: {counts['E']} English, {counts['N']} neutral words")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
