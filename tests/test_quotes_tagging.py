"""The quote rules ask the POS tagger about single words; a sentence is tagged only when the word's own readings
cannot answer (lagebild.quotes._tag_is). The answers must be those of the tagged sentence.

Texts: the bundled German Wikinews samples (CC BY 2.5, samples/text)."""

from __future__ import annotations

from pathlib import Path

from lagebild import quotes
from lagebild.doc import Doc
from lagebild.records import Article, content_id
from lagebild.segment import SegmentStage, ensure_pos

SAMPLES = Path(__file__).resolve().parents[1] / "samples" / "text"
TESTS = (quotes._subject_tag, quotes._subject_or_untagged, quotes._dass_subject_tag, quotes._finite_tag,
         quotes._participle_tag, quotes._verb_tag)


def _docs() -> list[Doc]:
    texts = [p.read_text(encoding="utf-8") for p in sorted(SAMPLES.glob("wikinews-*.txt"))]
    assert len(texts) >= 5
    return [SegmentStage()(Doc(Article(id=content_id(t), text=t, language="de"))) for t in texts]


def _ctx(doc: Doc) -> quotes._Ctx:
    return quotes._Ctx(doc=doc, toks=doc.tokens, low=[t.text.lower() for t in doc.tokens], ents=[])


def test_quotes_word_level_tag_answers_are_those_of_the_tagged_sentence() -> None:
    answered = 0
    for doc in _docs():
        ctx = _ctx(doc)
        known = [[quotes._tag_known(ctx, i, test) for test in TESTS] for i in range(len(doc.tokens))]
        assert all(t.pos is None for t in doc.tokens)  # asking about words tagged no sentence
        for si in range(len(doc.sentences)):
            ensure_pos(doc, si)
        for i, tok in enumerate(doc.tokens):
            for test, answer in zip(TESTS, known[i], strict=True):
                if answer is not None:
                    assert answer == test(tok.pos), (tok.text, tok.pos, test.__name__)
                    answered += 1
                assert quotes._tag_known(ctx, i, test) == test(tok.pos)  # tagged: always answered
    assert answered > 0.7 * len(TESTS) * sum(len(d.tokens) for d in _docs())
