"""Geoparsing evaluation: toponym resolution on English gold sets and a German check set.

    lagebild eval geo --dataset geowebnews|lgl|trnews|geovirus|de [--data DIR] [--split all|dev|test]
                      [--mode gold|e2e] [--json]

Given gold spans (``--mode gold``, default): every gold toponym of an article is a mention (the ones
without coordinates only serve as context); scored are those with coordinates: accuracy within 161 km,
median/mean error, AUC of log error, exact GeoNames id match where gold ids exist, and per GWN type.
``--mode e2e``: the system finds toponyms itself (PlaceStage on the text); precision/recall/F1 of spans
(exact and overlapping) and acc@161km over matched spans.
Split: articles are split by position; the first half is ``dev`` (used for tuning), the second ``test``.
"""

from __future__ import annotations

import argparse
import json
import logging
import statistics
import sys
import time
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

FILES = {"geowebnews": "GeoWebNews_GWN.xml", "lgl": "lgl.xml", "trnews": "TR-News.xml", "geovirus": "GeoVirus.xml"}


@dataclass
class GoldToponym:
    start: int
    end: int
    text: str
    lat: float | None = None
    lon: float | None = None
    geonameid: int | None = None
    type: str | None = None


@dataclass
class GoldArticle:
    id: str
    text: str
    toponyms: list[GoldToponym] = field(default_factory=list)


def _f(x: str | None) -> float | None:
    try:
        return float(x) if x not in (None, "") else None
    except ValueError:
        return None


def _offset(el: ET.Element, tag: str) -> int:
    """The integer in child ``tag``; a gold file without it is broken (not a toponym to skip)."""
    value = el.findtext(tag)
    try:
        return int(value if value is not None else "")
    except ValueError:
        from ..errors import MalformedInputError

        raise MalformedInputError(
            f"gold toponym without a numeric <{tag}>: {ET.tostring(el, encoding='unicode')[:200]}") from None


def _realign(text: str, start: int, end: int, phrase: str) -> tuple[int, int] | None:
    if text[start:end] == phrase:
        return start, end
    best = None
    pos = text.find(phrase)
    while pos >= 0:
        if best is None or abs(pos - start) < abs(best - start):
            best = pos
        pos = text.find(phrase, pos + 1)
    return (best, best + len(phrase)) if best is not None else None


def load(dataset: str, data_dir: Path) -> list[GoldArticle]:
    path = data_dir / FILES[dataset]
    root = ET.parse(path).getroot()
    out: list[GoldArticle] = []
    for n, art in enumerate(root.iter("article")):
        text_el = art.find("text")
        text = (text_el.text or "") if text_el is not None else ""
        if not text.strip():
            continue
        ga = GoldArticle(id=art.get("docid") or art.get("file") or str(n), text=text)
        if dataset == "geowebnews":
            for t in art.iter("toponym"):
                s, e = _offset(t, "start"), _offset(t, "end")
                name = t.findtext("extractedName") or ""
                lat, lon = _f(t.findtext("latitude")), _f(t.findtext("longitude"))
                if lat is None:
                    continue
                span = _realign(text, s, e, name)
                if span is None:  # garbage offsets (EVAL-NOTES: 5 of them)
                    continue
                gid_s = t.findtext("geonamesID")
                ga.toponyms.append(GoldToponym(span[0], span[1], name, lat, lon,
                                               int(gid_s) if gid_s and gid_s.strip().isdigit() else None,
                                               t.findtext("type")))
        elif dataset in ("lgl", "trnews"):
            for t in art.iter("toponym"):
                s, e = _offset(t, "start"), _offset(t, "end")
                phrase = t.findtext("phrase") or ""
                span = _realign(text, s, e, phrase)
                if span is None:
                    continue
                gz = t.find("gaztag")
                gid: int | None = None
                lat = lon = None
                if gz is not None:
                    lat, lon = _f(gz.findtext("lat")), _f(gz.findtext("lon"))
                    g = gz.get("geonameid")
                    gid = int(g) if g and g.isdigit() else None
                ga.toponyms.append(GoldToponym(span[0], span[1], phrase, lat, lon, gid))
        else:  # geovirus: offsets shifted by one
            for t in art.iter("location"):
                name = t.findtext("name") or ""
                s, e = _offset(t, "start") - 1, _offset(t, "end") - 1
                span = _realign(text, s, e, name)
                if span is None:
                    continue
                ga.toponyms.append(GoldToponym(span[0], span[1], name, _f(t.findtext("lat")),
                                               _f(t.findtext("lon"))))
        out.append(ga)
    return out


def load_de() -> list[GoldArticle]:
    text = resources.files("lagebild.evaluation").joinpath("gold/geo_de.jsonl").read_text(encoding="utf-8")
    out = []
    for line in text.splitlines():
        if not line.strip():
            continue
        r = json.loads(line)
        ga = GoldArticle(id=r["id"], text=r["text"])
        for t in r["toponyms"]:
            ga.toponyms.append(GoldToponym(t["start"], t["end"], t["text"], t.get("lat"), t.get("lon"),
                                           t.get("geonameid"), t.get("type")))
        out.append(ga)
    return out


def _is_big_place(resolver, text: str) -> bool:
    return any(c.flag == 0 and (c.ftype == "country" or c.pop > 100000) for c in resolver.gaz.search(text, 20))


def split(articles: list[GoldArticle], which: str) -> list[GoldArticle]:
    half = len(articles) // 2
    return {"all": articles, "dev": articles[:half], "test": articles[half:]}[which]


def resolve_gold(articles: list[GoldArticle], resolver=None, language: str = "en") -> list[tuple]:
    """(gold, predicted Candidate | None) for every gold toponym with coordinates."""
    from ..geo.demonyms import lookup as demonym
    from ..geo.resolver import Mention, Resolver, link_containers

    resolver = resolver or Resolver()
    pairs = []
    for ga in articles:
        mentions = []
        for t in ga.toponyms:
            m = Mention(t.start, t.end, t.text)
            d = demonym(t.text)
            if d and not _is_big_place(resolver, t.text):
                m.kind = d[1]
                m.country = resolver.fixed_code(d[0])
            mentions.append(m)
        link_containers(mentions, ga.text)
        resolver.resolve(mentions, language=language)
        for t, m in zip(ga.toponyms, mentions, strict=True):
            if t.lat is not None:
                pairs.append((t, m.choice))
    return pairs


def score(pairs: list[tuple], by_type: bool = False) -> dict:
    from ..geo.resolver import haversine_km

    errs, id_hits, id_n, resolved = [], 0, 0, 0
    errs_id = []
    types: dict[str, list[float]] = {}
    for g, c in pairs:
        if c is None:
            e = 20038.0  # half the circumference: an unresolved toponym counts as maximally wrong
        else:
            resolved += 1
            e = haversine_km(g.lat, g.lon, c.lat, c.lon)
        errs.append(e)
        same_id = c is not None and g.geonameid is not None and c.geonameid == g.geonameid
        errs_id.append(0.0 if same_id else e)
        if g.geonameid is not None:
            id_n += 1
            id_hits += same_id
        if by_type and g.type:
            types.setdefault(g.type, []).append(e)
    n = len(errs)
    import math

    out: dict[str, Any] = {
        "n": n,
        "acc_161km": round(sum(e <= 161 for e in errs) / n, 4) if n else None,
        "acc_161km_id_credit": round(sum(e <= 161 for e in errs_id) / n, 4) if n else None,
        "median_km": round(statistics.median(errs), 1) if n else None,
        "mean_km": round(statistics.fmean(errs), 1) if n else None,
        "auc": round(statistics.fmean(math.log(1 + e) / math.log(20039) for e in errs), 4) if n else None,
        "exact_id": round(id_hits / id_n, 4) if id_n else None,
        "n_with_id": id_n,
        "coverage": round(resolved / n, 4) if n else None,
    }
    if by_type:
        out["by_type"] = {t: {"n": len(v), "acc_161km": round(sum(e <= 161 for e in v) / len(v), 3)}
                          for t, v in sorted(types.items(), key=lambda kv: -len(kv[1]))}
    return out


def end_to_end(articles: list[GoldArticle], language: str, adjectives: bool = False) -> dict:
    """Spans found by the stage itself vs. gold spans (all gold toponyms; scored coordinates where given).

    ``adjectives``: the gold also marks demonyms and country adjectives ("Russian", "syrische": GWN and the
    German check set), so the stage's adjective/demonym places count as predictions too.
    """
    from ..doc import Doc
    from ..geo.resolver import haversine_km
    from ..geo.stage import PlaceStage
    from ..records import Article, content_id
    from ..segment import SegmentStage

    seg, stage = SegmentStage(), PlaceStage()
    tp = fp = fn = overlap_tp = 0
    errs = []
    for ga in articles:
        doc = seg(Doc(Article(id=content_id(ga.text), text=ga.text, language=language)))
        doc = stage(doc)
        pred = [(p.start, p.end, p) for p in doc.places if adjectives or p.kind == "toponym"]
        gold = {(t.start, t.end): t for t in ga.toponyms}
        pset = {(s, e) for s, e, _ in pred}
        tp += len(pset & gold.keys())
        fp += len(pset - gold.keys())
        fn += len(gold.keys() - pset)
        for (s, e), t in gold.items():
            hit = next((p for ps, pe, p in pred if ps < e and s < pe), None)
            if hit is not None:
                overlap_tp += 1
                if t.lat is not None and t.lon is not None and hit.lat is not None and hit.lon is not None:
                    errs.append(haversine_km(t.lat, t.lon, hit.lat, hit.lon))
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    ng = sum(len(ga.toponyms) for ga in articles)
    return {"e2e_precision": round(p, 4), "e2e_recall": round(r, 4),
            "e2e_f1": round(2 * p * r / (p + r), 4) if p + r else 0.0,
            "e2e_overlap_recall": round(overlap_tp / ng, 4) if ng else None,
            "e2e_acc_161km_matched": round(sum(e <= 161 for e in errs) / len(errs), 4) if errs else None,
            "e2e_n_matched_with_coords": len(errs)}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="lagebild eval geo", description="Evaluate toponym resolution.")
    ap.add_argument("--data", type=Path, default=Path("../shared/data/geoparsing_en"))
    ap.add_argument("--dataset", default="geowebnews", choices=[*FILES, "de"])
    ap.add_argument("--split", default="all", choices=["all", "dev", "test"])
    ap.add_argument("--mode", default="gold", choices=["gold", "e2e", "both"])
    ap.add_argument("--limit", type=int, default=0, help="only the first N articles of the split")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    t0 = time.time()
    if args.dataset == "de":
        articles, language = load_de(), "de"
    else:
        data = args.data
        if not (data / FILES[args.dataset]).exists() and (Path("shared/data/geoparsing_en") / FILES[args.dataset]).exists():
            data = Path("shared/data/geoparsing_en")  # run from the workspace root instead of the repo
        if not (data / FILES[args.dataset]).exists():
            from ..errors import InputError

            raise InputError(f"{data / FILES[args.dataset]} not found: pass --data DIR (the geoparsing_en folder)")
        articles, language = load(args.dataset, data), "en"
    articles = split(articles, args.split)
    if args.limit:
        articles = articles[: args.limit]
    result: dict = {"task": "geo", "dataset": args.dataset, "split": args.split, "articles": len(articles)}
    if args.mode in ("gold", "both"):
        result.update(score(resolve_gold(articles, language=language), by_type=args.dataset == "geowebnews"))
    if args.mode in ("e2e", "both"):
        result.update(end_to_end(articles, language, adjectives=args.dataset in ("de", "geowebnews")))
    result["seconds"] = round(time.time() - t0, 1)
    for k, v in result.items():
        if k != "by_type":
            print(f"{k:28s} {v}")
    for t, v in result.get("by_type", {}).items():
        print(f"  type {t:24s} n={v['n']:5d} acc@161km={v['acc_161km']}")
    if args.json:
        print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
