"""Property-based tests: offsets always index the stored text; records survive the store and Parquet."""

from __future__ import annotations

import json
import math
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lagebild.batch import Partition, load_parquet, run_partition
from lagebild.clean import normalise
from lagebild.doc import LAYERS, Doc
from lagebild.records import Article, EntityMention, Place, Quantity, Quote, TimeExpression, content_id
from lagebild.store import Store

SAMPLES = Path(__file__).resolve().parents[2] / "samples" / "text"
#: real German sentences (Wikinews, CC BY 2.5) to build article-like texts from
SENTENCES = [s.strip() for p in sorted(SAMPLES.glob("*.txt"))
             for s in re.split(r"(?<=[.!?“])\s+", p.read_text(encoding="utf-8")) if len(s.strip()) > 3]
#: things that upset offset arithmetic: combining marks, wide and RTL characters, quotes, dashes, odd spaces
NOISE = ["\u0308", "́", "😀", "👍🏽", "„", "“", "»", "«", "–", "—", "…", "\u00a0", "\u202f", "\n", "\n\n", "\t",
         "ß", "ẞ", "İ", "ﬁ", "中文", "عربي", "2,5", "10.000", "3.", "z.B.", "Dr.", "(", ")", "-", "'", '"', "€", "%"]

PROFILE = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                         HealthCheck.function_scoped_fixture])


@st.composite
def article_texts(draw) -> str:
    parts = []
    for _ in range(draw(st.integers(1, 8))):
        sentence = draw(st.sampled_from(SENTENCES))
        if draw(st.booleans()):
            words = sentence.split(" ")
            at = draw(st.integers(0, len(words)))
            words.insert(at, draw(st.sampled_from(NOISE)) + draw(st.text(max_size=3)))
            sentence = " ".join(words)
        parts.append(sentence)
        parts.append(draw(st.sampled_from([" ", " ", "\n", "\n\n", "  "])))
    return normalise("".join(parts))


def make_doc(text: str) -> Doc:
    return Doc(Article(id=content_id(text), text=text, published="2011-05-11", language="de"))


@PROFILE
@given(text=article_texts())
def test_properties_every_span_indexes_the_text(full_analyzer, offsets_ok, text: str) -> None:
    if not text:
        return
    doc = full_analyzer.pipeline(make_doc(text))
    assert offsets_ok(doc) == []
    # tokens are ordered, non-overlapping and inside their sentence
    for a, b in zip(doc.tokens, doc.tokens[1:], strict=False):
        assert a.end <= b.start
    for i, s in enumerate(doc.sentences):
        assert all(t.sent == i for t in doc.tokens[s.token_start : s.token_end])


@PROFILE
@given(text=article_texts())
def test_properties_store_round_trip_is_exact(full_analyzer, text: str) -> None:
    if not text:
        return
    doc = full_analyzer.pipeline(make_doc(text))
    original = json.loads(doc.to_json())
    with Store(":memory:") as store:
        store.write_batch([doc])
        assert store.write_batch([doc]) == {"new": 0, "existing": 1, "failed": 0}
        back = store.get_doc(doc.article.id)
    assert back is not None
    for layer in LAYERS:
        assert back[layer] == original[layer], layer
    for key in ("id", "text", "published", "language", "title"):
        assert back["article"][key] == original["article"][key]


def _finite(x: float | None) -> bool:
    return x is None or math.isfinite(x)


offsets = st.tuples(st.integers(0, 60), st.integers(0, 60)).map(sorted)
label_text = st.text(max_size=12)
records = st.one_of(
    st.builds(lambda o, lab, can: EntityMention(o[0], o[1], "", lab, canonical=can), offsets,
              st.sampled_from(["PER", "LOC", "ORG", "MISC"]), st.none() | label_text),
    st.builds(lambda o, lat, n: Place(o[0], o[1], "", name=n, lat=lat, lon=lat, geonameid=7), offsets,
              st.none() | st.floats(-90, 90), st.none() | label_text),
    st.builds(lambda o, v: TimeExpression(o[0], o[1], "", "DATE", value=v), offsets, st.none() | label_text),
    st.builds(lambda o, v, u: Quantity(o[0], o[1], "", value=v, unit=u), offsets,
              st.none() | st.floats(allow_nan=False, allow_infinity=False), st.none() | label_text),
    st.builds(lambda o, m, sp: Quote(o[0], o[1], "", "direct", m, o[0], o[1], speaker=sp), offsets, label_text,
              st.none() | label_text),
)


@settings(max_examples=60, deadline=None)
@given(text=st.text(min_size=60, max_size=80).map(lambda s: s.replace("\x00", "")), recs=st.lists(records, max_size=6))
def test_properties_arbitrary_records_survive_store_and_parquet(tmp_path_factory, text: str, recs: list) -> None:
    doc = make_doc(text)
    for r in recs:
        r.text = text[r.start : r.end]
        if isinstance(r, Quote):
            r.message = r.text
        getattr(doc, {EntityMention: "entities", Place: "places", TimeExpression: "times", Quantity: "quantities",
                      Quote: "quotes"}[type(r)]).append(r)
    original = json.loads(doc.to_json())
    with Store(":memory:") as store:
        store.write_batch([doc])
        back = store.get_doc(doc.article.id)
        # the same rows through Parquet (the batch path) and back into a second store
        out = tmp_path_factory.mktemp("pq")
        for layer in ("articles", *LAYERS, "failures"):
            (out / layer).mkdir()
            store.con.execute(f"COPY (SELECT * FROM {layer}) TO '{out / layer / 'part-x.parquet'}' (FORMAT parquet)")
        (out / "_done").mkdir()
        (out / "_done" / "x.json").write_text("{}")
    with Store(":memory:") as second:
        assert load_parquet(out, second).articles == 1
        again = second.get_doc(doc.article.id)
    assert back is not None and again is not None
    assert back["article"]["text"] == text == again["article"]["text"]
    for layer in LAYERS:
        assert back[layer] == original[layer] == again[layer], layer


def test_properties_partition_output_equals_direct_store(tmp_path: Path, samples_dir: Path, full_analyzer) -> None:
    """One partition through Parquet and ``load`` gives exactly what ``ingest`` stores."""
    from _stages import missing_stages

    from lagebild.ingest import read_paths
    from lagebild.runner import ingest

    files = tuple(str(p) for p in sorted((samples_dir / "text").glob("*.txt"))[:4])
    run_partition(Partition("p1", "files", files), str(tmp_path / "out"), disable=missing_stages())
    with Store(tmp_path / "a.duckdb") as a, Store(tmp_path / "b.duckdb") as b:
        ingest(read_paths(list(files)), full_analyzer, a)
        assert load_parquet(tmp_path / "out", b).articles == 4
        ids = sorted(r[0] for r in a.query("SELECT id FROM articles")[1])
        assert ids == sorted(r[0] for r in b.query("SELECT id FROM articles")[1])
        for da, db_ in zip(a.iter_docs(ids=ids), b.iter_docs(ids=ids), strict=True):
            da.pop("stages"), db_.pop("stages")
            assert da == db_


@pytest.mark.parametrize("bad", ["\ud800", "\x00"])
def test_properties_text_that_cannot_be_stored_is_repaired_or_refused(bad: str) -> None:
    from lagebild.clean import prepare_article
    from lagebild.errors import LagebildError

    text = bad + " " + SENTENCES[0] + " " + SENTENCES[1]
    try:
        article = prepare_article(text)
    except LagebildError as exc:
        assert exc.code == "E102"
    else:
        article.text.encode("utf-8")  # storable
        assert "\ufffd" in article.text
