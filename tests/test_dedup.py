from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from lagebild.dedup import (
    Item,
    assign_clusters,
    minhash,
    near_duplicates,
    story_clusters,
)
from lagebild.doc import Doc
from lagebild.records import Article, Event, content_id
from lagebild.store import Store


@pytest.fixture(scope="module")
def wikinews(samples_dir: Path) -> list[Item]:
    """The ten real Wikinews articles (CC BY 2.5) with their publication dates."""
    rows = [json.loads(line) for line in (samples_dir / "wikinews_de.jsonl").read_text(encoding="utf-8").splitlines()]
    return [Item(content_id(r["text"]), r["text"], r.get("title"), r.get("date")) for r in rows]


def syndicated(item: Item, tag: str, days_later: int = 0) -> Item:
    """An agency copy: another dateline, a credit line and a footer, otherwise the same text."""
    title, _, body = item.text.partition("\n\n")
    text = f"{title}\n\n{tag} (dpa) – {body}\n\nMehr zum Thema lesen Sie auf unserer Webseite. © dpa"
    day = int(item.published[8:10]) + days_later
    return Item(content_id(text), text, item.title, f"{item.published[:8]}{day:02d}")


def test_dedup_minhash_separates_copies_from_other_articles(wikinews: list[Item]) -> None:
    a, b = wikinews[0], wikinews[1]
    copy = syndicated(a, "Damaskus")
    assert minhash(a.text).jaccard(minhash(copy.text)) > 0.8
    assert minhash(a.text).jaccard(minhash(b.text)) < 0.1


def test_dedup_near_duplicates_point_at_the_earliest_copy(wikinews: list[Item]) -> None:
    copies = [syndicated(wikinews[0], "Damaskus", 1), syndicated(wikinews[0], "Beirut", 2),
              syndicated(wikinews[3], "Jerusalem", 0)]
    dups = near_duplicates(wikinews + copies)
    assert dups[copies[0].id][0] == dups[copies[1].id][0] == wikinews[0].id
    # the copy of article 3 has the same date: the tie goes to the smaller id, deterministically
    first, second = sorted([wikinews[3].id, copies[2].id])
    assert dups[second][0] == first and first not in dups
    assert set(dups) == {copies[0].id, copies[1].id, second}


def test_dedup_story_clusters_join_the_same_story_only(wikinews: list[Item]) -> None:
    """Two Wikinews reports on the Gaza war three days apart form one story; the other eight stay alone."""
    clusters = story_clusters(wikinews)
    gaza = [it.id for it in wikinews if "Gaza" in (it.title or "")]
    assert len(gaza) == 2 and clusters[gaza[0]] == clusters[gaza[1]]
    others = [clusters[it.id] for it in wikinews if it.id not in gaza]
    assert len(set(others)) == len(others) == 8


def test_dedup_story_window_and_names_are_required(wikinews: list[Item]) -> None:
    # a fake embedding that says every lead is identical: only the window and shared names can separate
    same = lambda texts: np.ones((len(texts), 4), dtype="float32") / 2.0  # noqa: E731
    gaza = [it for it in wikinews if "Gaza" in (it.title or "")]
    far = Item(gaza[1].id, gaza[1].text, gaza[1].title, "2009-02-03")  # a month later
    assert len(set(story_clusters([gaza[0], far], embed=same).values())) == 2
    assert len(set(story_clusters(gaza, embed=same).values())) == 1
    homs, train = wikinews[0], wikinews[2]  # Syria vs. Russia: no shared names
    undated = [Item(homs.id, homs.text, homs.title), Item(train.id, train.text, train.title)]
    assert len(set(story_clusters(undated, embed=same).values())) == 2


def _doc(item: Item, event_key: str) -> Doc:
    doc = Doc(Article(id=item.id, text=item.text, title=item.title, published=item.published, language="de"))
    s = item.text.index(".") + 1
    doc.events = [Event(0, s, item.text[:s], trigger=item.text[:4], trigger_start=0, trigger_end=4,
                        type="ASSAULT", event_key=event_key)]
    return doc


def test_dedup_store_clusters_and_events_counted_once(tmp_path: Path, wikinews: list[Item]) -> None:
    copy = syndicated(wikinews[0], "Damaskus", 1)
    gaza = [it for it in wikinews if "Gaza" in (it.title or "")]
    docs = [_doc(it, f"key-{i}") for i, it in enumerate(wikinews)] + [_doc(copy, "key-0")]
    # the two Gaza reports state "the same" event (same key): one story, so it counts once
    docs[wikinews.index(gaza[1])].events[0].event_key = docs[wikinews.index(gaza[0])].events[0].event_key
    with Store(tmp_path / "d.duckdb") as store:
        store.write_batch(docs)
        res = assign_clusters(store)
        assert res == {**res, "articles": 11, "duplicates": 1, "clusters": 9, "multi_article_clusters": 2}
        dup = store.query("SELECT article_id, duplicate_of FROM article_duplicates")[1]
        assert dup == [(copy.id, wikinews[0].id)]
        cl = dict(store.query("SELECT id, cluster_id FROM articles")[1])
        assert cl[copy.id] == cl[wikinews[0].id] == wikinews[0].id
        assert cl[gaza[0].id] == cl[gaza[1].id]
        n_all = store.query("SELECT COUNT(*) FROM events")[1][0][0]
        n_unique = store.query("SELECT COUNT(*) FROM events_unique")[1][0][0]
        assert (n_all, n_unique) == (11, 9)
        # rerunning gives the same answer (recomputed, not appended)
        assert assign_clusters(store)["duplicates"] == 1
        assert store.query("SELECT COUNT(*) FROM article_duplicates")[1][0][0] == 1
