"""Reproducible draw of fresh German Wikinews sentences for the second event dev set (`events_de_dev2.jsonl`).

    python -m lagebild.evaluation.events_sampling --batch A [--n 40] [--data ../shared/data/wikinews_spkatt_de]

Text only (CC BY 2.5) from the tokenised SpkAtt-2023 distribution; its annotations are not read. Pages used by
any row of `gold/events_de.jsonl` and pages of earlier batches are excluded. Three quarters of a batch are
sentences with conflict / protest / arrest / aid / diplomacy vocabulary from articles whose title has such
vocabulary too, the rest are drawn at random (for
precision). The draw depends only on the data, the batch name and `--n`.
"""
from __future__ import annotations

import argparse
import glob
import json
import random
import re
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

GOLD_DIR = Path(__file__).resolve().parent / "gold"
BATCHES = ("A", "B", "C")
CUE = re.compile(
    r"(angriff|anschlag|attent|bombe|bombard|beschoss|beschuss|rakete|granat|gefecht|kämpf|kampf|krieg|getötet|tötet|"
    r"erschoss|ermord|verletzt|soldat|truppen|armee|militär|polizei|festgenommen|festnahme|verhaft|haftbefehl|"
    r"demonstr|protest|streik|blockade|besetz|geisel|entführ|sanktion|embargo|boykott|hilfe|spende|unterstütz|"
    r"verhandl|abkommen|vertrag|gespräch|treffen|vereinbar|waffenstillstand|waffenruhe|forder|droh|warn|"
    r"vorwurf|wirft|kritisier|verurteil|ermittl|anklage|rücktritt|zurückgetreten|abzug|flucht|flücht|ausweis|"
    r"verbot|verbiet|evakuier|einsatz|stationier|mobilis)", re.I)
_NO_SPACE_BEFORE = {".", ",", ";", ":", "!", "?", ")", "]", "“", "”", "%", "…", "’"}
_NO_SPACE_AFTER = {"(", "[", "„", "‚"}


def detok(tokens: list[str]) -> str:
    out: list[str] = []
    prev = ""
    straight_open = False
    for tok in tokens:
        space = bool(out)
        if tok == '"':
            straight_open = not straight_open
            if not straight_open:
                space = False
        if tok in _NO_SPACE_BEFORE or prev in _NO_SPACE_AFTER or (prev == '"' and straight_open):
            space = False
        if space:
            out.append(" ")
        out.append(tok)
        prev = tok
    return "".join(out)


def articles(data: Path) -> Iterator[dict[str, Any]]:
    """One dict per SpkAtt document: page id, title, date and the sentences as token lists."""
    for f in sorted(glob.glob(str(data / "*.jsonl"))):
        for line in Path(f).read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            d = json.loads(line)
            m = re.match(r"(\d+) - (.*) \((\d{4}-\d{2}-\d{2})\)$", d["DocumentName"])
            if not m:
                continue
            yield {"page_id": int(m.group(1)), "title": m.group(2), "date": m.group(3),
                   "sentences": [s["Tokens"] for s in d["Sentences"]], "file": Path(f).name}


def used_pages() -> set[int]:
    """Pages of the first German event gold set (dev and test)."""
    pages: set[int] = set()
    for line in (GOLD_DIR / "events_de.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            pages.add(int(json.loads(line)["source"]["page_id"]))
    return pages


def draw(data: Path, batch: str, n: int = 40, per_page: int = 3) -> list[dict[str, Any]]:
    """Sentences for one batch: at most `per_page` per article, pages of all committed event gold rows excluded."""
    rng = random.Random(f"events-dev2-{batch}-{n}")
    exclude = used_pages()
    for earlier in BATCHES[: BATCHES.index(batch)]:
        exclude |= {r["source"]["page_id"] for r in draw(data, earlier, n, per_page)}
    docs = sorted((a for a in articles(data) if a["page_id"] not in exclude), key=lambda a: a["page_id"])
    seen: set[int] = set()
    uniq = []
    for a in docs:
        if a["page_id"] not in seen:
            seen.add(a["page_id"])
            uniq.append(a)
    rng.shuffle(uniq)
    cued: list[dict[str, Any]] = []
    rand: list[dict[str, Any]] = []
    n_cued = (3 * n) // 4
    for a in uniq:
        pages_in = {r["source"]["page_id"] for r in cued + rand}
        if len(cued) >= n_cued and len(rand) >= n - n_cued:
            break
        if a["page_id"] in pages_in:
            continue
        idx = list(range(len(a["sentences"])))
        rng.shuffle(idx)
        hits = [i for i in idx if CUE.search(detok(a["sentences"][i]))]
        pick: list[tuple[int, bool]] = []
        if len(cued) < n_cued and hits and CUE.search(a["title"]):
            pick = [(i, True) for i in sorted(hits[:per_page])][: n_cued - len(cued)]
        elif len(rand) < n - n_cued:
            pick = [(idx[0], False)]
        for i, is_cued in pick:
            text = detok(a["sentences"][i])
            if len(text) < 25:
                continue
            row = {"id": f"wikinews-de-{a['page_id']}-{i}", "split": "dev", "batch": batch, "text": text,
                   "published": a["date"],
                   "source": {"site": "de.wikinews.org", "page_id": a["page_id"], "title": a["title"],
                              "date": a["date"], "sentence": i, "via": f"SpkAtt-2023 {a['file']} (text CC BY 2.5)",
                              "url": f"https://de.wikinews.org/wiki?curid={a['page_id']}",
                              "licence": "CC BY 2.5, Wikinews (de.wikinews.org)",
                              "drawn": "cue" if is_cued else "random"},
                   "events": []}
            (cued if is_cued else rand).append(row)
    rows = cued + rand
    rows.sort(key=lambda r: (r["source"]["page_id"], r["source"]["sentence"]))
    return rows


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, default=Path("../shared/data/wikinews_spkatt_de"))
    ap.add_argument("--batch", choices=BATCHES, required=True)
    ap.add_argument("--n", type=int, default=40)
    args = ap.parse_args(argv)
    for row in draw(args.data, args.batch, args.n):
        print(json.dumps(row, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
