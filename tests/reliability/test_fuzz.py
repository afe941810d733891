"""Fuzzing ingest, clean and analyze with hypothesis, for a fixed budget.

The budget is ``LAGEBILD_FUZZ_EXAMPLES`` examples per target (default 150, a
few seconds each); in CI the examples are derandomised so that a run is
reproducible. A longer hunt: ``LAGEBILD_FUZZ_EXAMPLES=5000 pytest tests/reliability/test_fuzz.py``.
Allowed outcomes: a result, or a :class:`LagebildError` with a code; anything
else is a crash.
"""

from __future__ import annotations

import io
import os
import unicodedata
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lagebild.clean import prepare_article
from lagebild.doc import Doc
from lagebild.errors import LagebildError
from lagebild.ingest import (
    InputFailure,
    JsonlFields,
    RawInput,
    _read_jsonl_lines,
    _read_warc_stream,
    read_stream,
)
from lagebild.records import Article, content_id

BUDGET = int(os.environ.get("LAGEBILD_FUZZ_EXAMPLES", "150"))
FUZZ = settings(max_examples=BUDGET, deadline=None, derandomize=bool(os.environ.get("CI")),
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture,
                                       HealthCheck.data_too_large])
BAD = Path(__file__).resolve().parents[1] / "fixtures" / "bad"
SEED_WARC = (BAD / "truncated.warc.gz").read_bytes()
SEED_HTML = (BAD / "latin1_declared_utf8.html").read_bytes()
SEED_JSONL = (BAD / "broken_lines.jsonl").read_bytes()


def mutate(seed: bytes):
    """Byte-level mutations of a valid seed: flips, cuts, splices (what a damaged download looks like)."""
    return st.tuples(st.lists(st.tuples(st.integers(0, len(seed) - 1), st.integers(0, 255)), max_size=8),
                     st.integers(0, len(seed)), st.binary(max_size=64)).map(
        lambda m: _apply(seed, *m))


def _apply(seed: bytes, flips: list[tuple[int, int]], cut: int, splice: bytes) -> bytes:
    b = bytearray(seed)
    for pos, val in flips:
        b[pos] = val
    return bytes(b[:cut]) + splice + bytes(b[cut:]) if splice else bytes(b[: max(cut, 1)])


def _clean_or_error(raw: str | bytes) -> Article | None:
    try:
        article = prepare_article(raw, source_name="fuzz")
    except LagebildError as exc:
        assert exc.code.startswith("E") and exc.message
        return None
    article.text.encode("utf-8")  # storable: no lone surrogates
    assert article.id == content_id(article.text)
    assert article.text == article.text.strip() and "\x00" not in article.text
    assert unicodedata.is_normalized("NFC", article.text)
    return article


@FUZZ
@given(raw=st.binary(max_size=4096))
def test_fuzz_clean_random_bytes(raw: bytes) -> None:
    _clean_or_error(raw)


@FUZZ
@given(raw=st.one_of(mutate(SEED_HTML), st.text(max_size=3000)))
def test_fuzz_clean_mutated_html_and_random_text(raw: bytes | str) -> None:
    _clean_or_error(raw)


def _drain(items) -> list:
    out = list(items)
    assert all(isinstance(i, RawInput | InputFailure) for i in out)
    for i in out:
        if isinstance(i, InputFailure):
            assert isinstance(i.error, LagebildError) and i.error.message
    return out


@FUZZ
@given(data=st.one_of(mutate(SEED_WARC), st.binary(max_size=2048)))
def test_fuzz_warc_reader_never_raises(data: bytes) -> None:
    _drain(_read_warc_stream(io.BytesIO(data), "fuzz.warc.gz"))


@FUZZ
@given(data=st.one_of(mutate(SEED_JSONL), st.binary(max_size=2048)))
def test_fuzz_jsonl_reader_and_stdin_never_raise(data: bytes) -> None:
    _drain(_read_jsonl_lines(io.BytesIO(data), "fuzz.jsonl", JsonlFields()))
    _drain(read_stream(io.BytesIO(data), "<stdin>", fields=JsonlFields()))


GERMANISH = st.text(alphabet=st.sampled_from(list("abcdefghijklmnopqrstuvwxyzäöüßABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÜ"
                                                  "0123456789 .,;:!?-–„“\"'()[]%€/\n§&")), max_size=600)


@settings(max_examples=max(20, BUDGET // 3), deadline=None, derandomize=bool(os.environ.get("CI")),
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(text=st.one_of(GERMANISH, st.text(max_size=400)))
def test_fuzz_analyze_arbitrary_text(full_analyzer, offsets_ok, text: str) -> None:
    """Every stage on arbitrary text: no exception, every span exact."""
    article = _clean_or_error(text)
    if article is None:
        # still run the stages on the raw (normalised) text: a user may build a Doc by hand
        from lagebild.clean import normalise

        body = normalise(text.encode("utf-16", "surrogatepass").decode("utf-16", "replace"))
        if not body:
            return
        article = Article(id=content_id(body), text=body, language="de", published="2022-05-03")
    doc = full_analyzer.pipeline(Doc(article))
    assert offsets_ok(doc) == []
