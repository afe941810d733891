from __future__ import annotations

from lagebild.doc import Doc
from lagebild.records import Article, content_id
from lagebild.segment import (
    SegmentStage,
    ensure_pos,
    known_pos_tags,
    pos_tags,
    possible_tags,
    split_sentences,
    tag_is,
    tag_known,
    tokenize,
)


def sentences(text: str) -> list[str]:
    return [s.text for s in split_sentences(text, tokenize(text))]


def test_segment_ordinal_date_is_not_a_boundary() -> None:
    text = "Die EU hatte am 10. Mai ein Einreiseverbot gegen 13 ranghohe Syrer verhängt. Nun werden Sanktionen erwogen."
    assert sentences(text) == [
        "Die EU hatte am 10. Mai ein Einreiseverbot gegen 13 ranghohe Syrer verhängt.",
        "Nun werden Sanktionen erwogen.",
    ]


def test_segment_year_before_capital_is_a_boundary() -> None:
    text = "Die Bundeswehr ist seit dem Jahr 2002. Aber der Einsatz bleibt umstritten."
    assert sentences(text) == ["Die Bundeswehr ist seit dem Jahr 2002.", "Aber der Einsatz bleibt umstritten."]
    toks = [t.text for t in tokenize(text)]
    assert "2002" in toks and toks[toks.index("2002") + 1] == "."


def test_segment_abbreviations_and_hyphenated_names() -> None:
    text = ("Laut Dr. Heike van Laak u. a. von der Stiftung bekannte sich al-Kaida zu dem Anschlag. "
            "Abu-Bakr al-Baghdadi wurde nicht gefasst.")
    assert len(sentences(text)) == 2
    toks = [t.text for t in tokenize(text)]
    assert "al-Kaida" in toks and "Abu-Bakr" in toks and "Dr." in toks


def test_segment_numbered_abbreviations_keep_their_full_stop() -> None:
    text = ("Nach Art. 5 des Grundgesetzes und Kap. 3 des Berichts kostet der Ausbau 3 Mill. Euro. "
            "Das Gericht prüft den Fall.")
    assert len(sentences(text)) == 2
    toks = [t.text for t in tokenize(text)]
    assert {"Art.", "Kap.", "Mill."} <= set(toks)
    # without a number they are nouns that may end a sentence
    assert sentences("Das ist eine neue Art. Sie lebt im Wald.") == ["Das ist eine neue Art.", "Sie lebt im Wald."]
    assert sentences("Die Flotte umrundete das Kap. Dann kam der Sturm.")[0] == "Die Flotte umrundete das Kap."


def test_segment_citation_labels_stay_with_their_number() -> None:
    # court decisions cite margin numbers and file pages; the number after the label belongs to its sentence
    assert len(sentences("Das folgt schon aus dem Wortlaut der Vorschrift (vgl. Rn. 9 und 11). Die Klage ist zulässig.")) == 2
    assert len(sentences("Vgl. Bl. 12 der Verwaltungsakte und Anl. 2 zum Schriftsatz.")) == 1
    assert sentences("Im Radio lief wieder Mambo No. 5 von Lou Bega.") == ["Im Radio lief wieder Mambo No. 5 von Lou Bega."]
    toks = [t.text for t in tokenize("Siehe BT-Drucks. 17/1234 und Rnd. 33.")]
    assert "BT-Drucks." in toks and "Rnd." in toks
    # a label without a number may still end a sentence
    assert len(sentences("Die Antwort war ein klares No. Dann ging er.")) == 2


def test_segment_grouped_or_decimal_number_ends_a_sentence() -> None:
    # a glued full stop after "10.000" or "2,5" is never an ordinal's; a day-month date splits only before a
    # sentence starter
    assert sentences("Die Polizei zählte rund 10.000. Die Veranstalter sprachen von 25.000 Teilnehmern.") == [
        "Die Polizei zählte rund 10.000.", "Die Veranstalter sprachen von 25.000 Teilnehmern."]
    assert sentences("Die Inflationsrate lag im März bei 2,5. Im April stieg sie wieder.") == [
        "Die Inflationsrate lag im März bei 2,5.", "Im April stieg sie wieder."]
    assert sentences("The death toll rose to 6,750. Four more people died on Sunday.") == [
        "The death toll rose to 6,750.", "Four more people died on Sunday."]
    assert len(sentences("Die Frist endet am 31.12. Die Anträge liegen vor.")) == 2
    assert len(sentences("Am 3.10. Feiertag hatten alle Geschäfte geschlossen.")) == 1
    toks = [t.text for t in tokenize("Die Polizei zählte rund 10.000. Die Veranstalter widersprachen.")]
    assert toks[4:6] == ["10.000", "."]


def test_segment_abbreviation_may_end_a_sentence() -> None:
    assert sentences("Caesar wurde im Jahr 44 v. Chr. ermordet. Die Römer trauerten.") == [
        "Caesar wurde im Jahr 44 v. Chr. ermordet.", "Die Römer trauerten."]
    assert sentences("Caesar starb 44 v. Chr. Die Römer trauerten.") == ["Caesar starb 44 v. Chr.", "Die Römer trauerten."]
    assert sentences("He returned to the U.S. The next day he flew on to Mexico.") == [
        "He returned to the U.S.", "The next day he flew on to Mexico."]
    # "p.m." keeps its full stop and ends the sentence only before a sentence starter
    assert sentences("The attack began at 7 p.m. Sunday and ended at 9 a.m. on Monday.") == [
        "The attack began at 7 p.m. Sunday and ended at 9 a.m. on Monday."]
    assert sentences("It happened at 7 p.m. The police arrived later.") == [
        "It happened at 7 p.m.", "The police arrived later."]


def test_segment_english_number_and_code_end_sentences() -> None:
    def en(text: str) -> list[str]:
        return [s.text for s in split_sentences(text, tokenize(text, "en"), "en")]

    assert en("The first case was confirmed on June 13. Officials said it was imported.") == [
        "The first case was confirmed on June 13.", "Officials said it was imported."]
    assert en("Tests showed the strain was H5. The farm was closed.") == [
        "Tests showed the strain was H5.", "The farm was closed."]
    assert en("Dr. Smith met Gen. Jones at 10 a.m. on Monday.") == ["Dr. Smith met Gen. Jones at 10 a.m. on Monday."]
    # German keeps the ordinal reading
    assert sentences("Das Treffen fand am 13. Juni statt.") == ["Das Treffen fand am 13. Juni statt."]
    doc = SegmentStage()(Doc(Article(id="x", text="It began on June 13. Officials were told.", language="en")))
    assert len(doc.sentences) == 2


def test_segment_street_abbreviation_before_a_house_number() -> None:
    assert sentences("Die Geschäftsstelle zog in die Bahnhofstr. 9 in Ulm. Dort ist sie bis heute.") == [
        "Die Geschäftsstelle zog in die Bahnhofstr. 9 in Ulm.", "Dort ist sie bis heute."]
    assert sentences("Das Lager liegt in der Industriestr. Dort arbeiten 40 Menschen.") == [
        "Das Lager liegt in der Industriestr.", "Dort arbeiten 40 Menschen."]


def test_segment_closing_quote_stays_with_its_sentence() -> None:
    text = "Die Sprecherin sagte dazu: „Wir bleiben bei unseren Testergebnissen.“ Die Klage wird im Mai verhandelt."
    got = sentences(text)
    assert got[0].endswith("Testergebnissen.“")
    assert got[1] == "Die Klage wird im Mai verhandelt."


def test_segment_headline_line_without_full_stop(homs_text: str) -> None:
    got = sentences(homs_text)
    assert got[0] == "Syrien: Artilleriebeschuss der Stadt Homs"
    assert any(s.startswith("Aus der Stadt Homs, rund 160 Kilometer nördlich von Damaskus") for s in got)


def test_segment_offsets_index_the_text(homs_text: str) -> None:
    doc = SegmentStage()(Doc(Article(id=content_id(homs_text), text=homs_text)))
    for t in doc.tokens:
        assert homs_text[t.start:t.end] == t.text
    for i, s in enumerate(doc.sentences):
        assert homs_text[s.start:s.end] == s.text
        assert all(t.sent == i for t in doc.tokens[s.token_start:s.token_end])
    assert doc.sentence_of(doc.sentences[3].start + 2) == 3


def test_segment_pos_and_lemma_on_demand() -> None:
    text = "Die Luftwaffe griff die Stadt Charkiw an."
    doc = SegmentStage()(Doc(Article(id="x", text=text)))
    toks = ensure_pos(doc, 0)
    by_text = {t.text: t for t in toks}
    assert by_text["griff"].lemma == "greifen"
    assert by_text["griff"].pos.startswith("VV")
    assert by_text["an"].pos == "PTKVZ"


def test_segment_pos_never_gives_hanta_a_huge_token() -> None:
    from typing import Any

    from lagebild import segment

    word = "Donaudampfschifffahrtsgesellschaftskapitän" * 30
    text = f"Der {word} kam gestern in Wien an."
    doc = SegmentStage()(Doc(Article(id="x", text=text)))
    asked: list[str] = []
    tag_words = segment._tag_words

    def recording(words: tuple[str, ...]) -> Any:
        asked.extend(words)
        return tag_words(words)

    segment._tag_words = recording  # HanTa would take minutes on this token: it must never see it
    try:
        toks = ensure_pos(doc, 0)
    finally:
        segment._tag_words = tag_words
    assert asked and word not in asked and max(map(len, asked)) <= segment.MAX_TAGGED_WORD
    huge = next(t for t in toks if t.text == word)
    assert huge.pos == "NN" and huge.lemma == word
    assert next(t for t in toks if t.text == "kam").lemma == "kommen"


def _wikinews_texts() -> list[str]:
    from pathlib import Path

    folder = Path(__file__).resolve().parents[1] / "samples" / "text"
    return [p.read_text(encoding="utf-8") for p in sorted(folder.glob("wikinews-*.txt"))]


def _spans(text: str) -> list[tuple[int, int, str]]:
    return [(t.start, t.end, t.text) for t in tokenize(text)]


def test_segment_vocab_reset_keeps_tokens_and_offsets(monkeypatch) -> None:
    from lagebild import segment

    texts = _wikinews_texts()
    assert len(texts) >= 5
    segment._spacy_tokenizer.cache_clear()
    unbounded = [_spans(t) for t in texts]
    # a bound far below one article's vocabulary: the tokenizer is rebuilt before almost every article
    monkeypatch.setattr(segment, "MAX_LEXEMES", 50)
    resets0 = segment.tokenizer_stats()["spacy_resets"]
    bounded = [_spans(t) for t in texts]
    assert segment.tokenizer_stats()["spacy_resets"] - resets0 >= len(texts) - 1
    assert bounded == unbounded
    for text, spans in zip(texts, bounded, strict=True):
        assert all(text[s:e] == w for s, e, w in spans)


def test_segment_vocab_stays_within_its_bound(monkeypatch) -> None:
    from lagebild import segment

    texts = _wikinews_texts()
    segment._spacy_tokenizer.cache_clear()
    monkeypatch.setattr(segment, "MAX_LEXEMES", 1500)
    most = 0
    for _ in range(3):
        for t in texts:
            tokenize(t)
            most = max(most, segment.tokenizer_stats()["spacy_lexemes"])
    # the bound is checked before each article, so one article's new word forms may go past it
    one_article = max(len({w for _, _, w in _spans(t)}) for t in texts) + 20  # + whitespace tokens
    assert segment.tokenizer_stats()["spacy_resets"] >= 1
    assert most <= 1500 + one_article


def test_segment_tag_cache_stays_within_its_bound() -> None:
    from lagebild import segment

    assert segment._tag_words.cache_info().maxsize == segment.TAG_CACHE_SENTENCES <= 10_000
    docs = [SegmentStage()(Doc(Article(id=content_id(t), text=t, published="2011-05-11", language="de")))
            for t in _wikinews_texts()[:4]]
    first = [[(t.lemma, t.pos) for i in range(len(d.sentences)) for t in ensure_pos(d, i)] for d in docs]
    hits = segment._tag_words.cache_info().hits
    again = [SegmentStage()(Doc(d.article)) for d in docs]  # same sentences: answered from the cache
    second = [[(t.lemma, t.pos) for i in range(len(d.sentences)) for t in ensure_pos(d, i)] for d in again]
    assert second == first
    assert segment._tag_words.cache_info().hits - hits >= sum(len(d.sentences) for d in docs)
    assert segment._tag_words.cache_info().currsize <= segment.TAG_CACHE_SENTENCES


def test_segment_word_analysis_cache_gives_hantas_own_tags_and_lemmas() -> None:
    from HanTa import HanoverTagger as ht

    from lagebild import segment

    # every sentence of the bundled Wikinews samples (CC BY 2.5), tagged by a plain HanTa and by ours
    sentences = []
    for text in _wikinews_texts()[:4]:
        toks = tokenize(text)
        sentences += [[t.text for t in toks[s.token_start:s.token_end]][:segment.TAG_WINDOW]
                      for s in split_sentences(text, toks)]
    plain = ht.HanoverTagger("morphmodel_ger.pgz")
    ours = segment._hanta()
    assert [ours.tag_sent(s, taglevel=1) for s in sentences] == [plain.tag_sent(s, taglevel=1) for s in sentences]
    words = sorted({w for s in sentences for w in s})
    assert [ours.tag_word(w) for w in words] == [plain.tag_word(w) for w in words]
    # the same word forms again are answered from the word tables, which stay within their bound
    sentence = ["Die", "Luftwaffenstützpunkte", "wurden", "bombardiert", "."]  # rare forms: not in HanTa's own cache
    ours.tag_sent(sentence, taglevel=1)
    forward, viterbi = ours.analyze_forward.cache_info(), ours.analyze_viterbi.cache_info()
    ours.tag_sent(sentence, taglevel=1)
    assert ours.analyze_forward.cache_info().hits > forward.hits
    assert ours.analyze_viterbi.cache_info().hits > viterbi.hits
    assert forward.maxsize == ours.analyze_viterbi.cache_info().maxsize == segment.HANTA_WORD_CACHE <= 100_000


def test_segment_possible_tags_hold_every_tag_ensure_pos_gives() -> None:
    # every token of the bundled Wikinews samples (CC BY 2.5): its tag in context is one of its readings
    checked = ambiguous = 0
    for text in _wikinews_texts():
        doc = SegmentStage()(Doc(Article(id=content_id(text), text=text, language="de")))
        for si in range(len(doc.sentences)):
            for i, tok in enumerate(ensure_pos(doc, si)):
                readings = possible_tags(tok.text, i % 300 == 0)
                if readings is None:
                    continue
                assert tok.pos in readings, (tok.text, tok.pos, readings)
                checked += 1
                ambiguous += len(readings) > 1
    assert checked > 2000 and ambiguous > 500
    assert possible_tags("Donaudampfschifffahrtsgesellschaftskapitän" * 2, False) is None  # never sent to HanTa
    assert possible_tags("Er", True) is not None and "PPER" in possible_tags("Er", True)


def test_segment_pos_tags_are_ensure_pos_tags_kept_apart_from_the_tokens() -> None:
    huge = "Donaudampfschifffahrtsgesellschaftskapitän" * 2
    texts = _wikinews_texts()[:4] + [f"Der {huge} kam gestern in Wien an. Die {huge.lower()} Leute gingen."]

    def doc(text: str) -> Doc:
        return SegmentStage()(Doc(Article(id=content_id(text), text=text, language="de")))

    for text in texts:
        lazy, full = doc(text), doc(text)
        n = len(lazy.sentences)
        assert known_pos_tags(lazy, 0) is None
        tags = [pos_tags(lazy, si) for si in range(n)]
        assert all(t.pos is None and t.lemma is None for t in lazy.tokens)  # tokens as ensure_pos left them
        assert tags == [[t.pos for t in ensure_pos(full, si)] for si in range(n)]
        assert [known_pos_tags(lazy, si) for si in range(n)] == tags
        assert known_pos_tags(doc(text), 0) is None  # kept with the document, not across documents
    assert tags[0][1] == "NN" and tags[1][1] == "XY"  # over-long words: ensure_pos's own rule


def test_segment_tag_lattice_gives_hantas_tags_and_stops_where_the_path_is_decided() -> None:
    from lagebild import segment

    # every sentence of the bundled Wikinews samples (CC BY 2.5): the whole path is HanTa's own, and so is each
    # word's tag asked alone, mostly decided before the end of the sentence
    tagger = segment._hanta()
    asked = early = 0
    for text in _wikinews_texts()[:4]:
        toks = tokenize(text)
        for s in split_sentences(text, toks):
            words = tuple(t.text for t in toks[s.token_start:s.token_end])[:segment.TAG_WINDOW]
            path = tagger.tag_sent_viterbi(list(words))
            assert segment._TagLattice(words).tags() == path
            for k in range(len(words)):
                lattice = segment._TagLattice(words)
                assert lattice.tag(k) == path[k], (words, k)
                asked += 1
                early += len(lattice.decided) < len(words)
                assert lattice.tags() == path  # carried on from where it stopped
    assert early > asked / 2


def test_segment_tag_is_answers_as_the_tagged_sentence_does() -> None:
    # the Wikinews samples (CC BY 2.5), and the first one as a single sentence of more than 300 tokens (its full
    # stops and line breaks made commas and spaces), which HanTa tags in windows
    texts = _wikinews_texts()[:4]
    texts.append(texts[0].replace(".", ",").replace("\n", " ") + ".")

    def doc(text: str) -> Doc:
        return SegmentStage()(Doc(Article(id=content_id(text), text=text, language="de")))

    assert len(doc(texts[-1]).sentences) == 1 and len(doc(texts[-1]).tokens) > 300
    asked = 0
    for text in texts:
        tagged = doc(text)
        tags = [tag for si in range(len(tagged.sentences)) for tag in pos_tags(tagged, si)]
        for order in (range(len(tagged.tokens)), range(len(tagged.tokens) - 1, -1, -1)):
            lazy = doc(text)
            for i in order:
                def is_its_tag(tag: str, expected: str = tags[i]) -> bool:
                    return tag == expected

                if tag_known(lazy, i, is_its_tag) is None:
                    asked += 1
                assert tag_is(lazy, i, is_its_tag), (text[:40], i)
                assert tag_known(lazy, i, is_its_tag) is True
            assert all(known_pos_tags(lazy, si) is None for si in range(len(lazy.sentences)))  # only tags asked for
            assert [tag for si in range(len(lazy.sentences)) for tag in pos_tags(lazy, si)] == tags
    assert asked > 100


def test_segment_unit_with_the_sentences_full_stop_ends_the_sentence() -> None:
    # a product note and a record run in the style of 10kGNAD / Wikinews reports (our own sentences)
    text = "Das Gerät misst 12 mm und wiegt 165 g. Es kostet 300 Euro. Der Zug erreichte 574,8 km/h. Das ist Rekord."
    toks = tokenize(text)
    assert [s.text for s in split_sentences(text, toks)] == [
        "Das Gerät misst 12 mm und wiegt 165 g.", "Es kostet 300 Euro.", "Der Zug erreichte 574,8 km/h.",
        "Das ist Rekord."]
    assert all(text[t.start:t.end] == t.text for t in toks)
    # without a number before them, one-letter words with a full stop stay abbreviations
    text = "Die Regel gilt, d. h. Sie müssen zahlen, s. o. Die Frist läuft."
    toks = tokenize(text)
    assert [t.text for t in toks][4:6] == ["d.", "h."]
    assert len(split_sentences(text, toks)) == 1
