"""The trigger lexicon's literal pre-filter: a word with none of the literals a row needs cannot match that row, so
the filter must never change what ``match`` returns. Checked on every word form of the bundled German Wikinews
sample articles (CC BY 2.5) and on an English news sentence."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from lagebild.events.lexicon import TriggerLexicon, required_literals

SAMPLES = Path(__file__).resolve().parents[2] / "samples" / "wikinews_de.jsonl"


@pytest.mark.parametrize("pattern,expected", [
    (r"\w*(angriff)(e|en|s|es)?", {"angriff"}),
    (r"\w*(luftangriff|luftschlag)(e|en|s|es)?", {"angriff", "schlag"}),  # the parser factors out "luft"
    (r"bombardier\w*", {"bombardier"}),
    (r"(beschie(ß|ss)\w*|beschoss\w*)", {"besch"}),
])
def test_required_literals_of_trigger_patterns(pattern: str, expected: set[str]) -> None:
    assert required_literals(pattern) == expected


@pytest.mark.parametrize("pattern", [r"\w+", r"(ab)?\w*", r"(ab|\w)ung?"])
def test_pattern_without_a_required_literal_gives_none(pattern: str) -> None:
    # "(ab|\w)ung?" needs "un" after all: only patterns that guarantee no literal at all give None
    assert required_literals(pattern) == ({"un"} if "ung" in pattern else None)


def words() -> list[str]:
    text = " ".join(json.loads(line)["text"] for line in SAMPLES.read_text(encoding="utf-8").splitlines())
    text += " Russian troops shelled the town; police arrested 40 protesters and the army attacked rebels."
    return sorted(set(re.findall(r"[\w-]+", text)))


def test_prefilter_never_changes_a_match() -> None:
    filtered = TriggerLexicon.from_tsv()
    plain = TriggerLexicon.from_tsv()
    plain._literals = {}  # no filter: every word goes to the regexes
    vocab = words()
    assert len(vocab) > 1000
    hits = 0
    for lang in ("de", "en"):
        for w in vocab:
            a, b = filtered.match(w, lang), plain.match(w, lang)
            assert (a.row if a else None) == (b.row if b else None), (w, lang)
            hits += a is not None
    assert hits > 20  # the vocabulary holds triggers, so the check compares real matches too
