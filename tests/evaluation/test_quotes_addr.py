"""Addressee scoring of the SpkAtt quote evaluation (``addr`` line, ``addr_f1`` in the JSON record)."""

from __future__ import annotations

import json

from lagebild.evaluation.quotes import GoldDoc, detokenize, new_counts, print_report, score_doc, summarize
from lagebild.records import Quote

# four sentences of our own wording, tokenised as SpkAtt tokenises
SENTS = [
    "Der Minister sagte der Zeitung , die Reform komme im Herbst .".split(),
    "Die Opposition warf der Regierung vor , sie habe gelogen .".split(),
    "Ein Sprecher erklärte , man prüfe den Fall .".split(),
    "„ Wir bleiben dabei “ , sagte sie den Reportern .".split(),
]


def _span(s: int, t0: int, t1: int) -> list[tuple[int, int]]:
    return [(s, t) for t in range(t0, t1 + 1)]


def _gold() -> GoldDoc:
    text, spans = detokenize(SENTS)

    def ev(cue, src, msg, addr, nested=False):
        return {"Cue": cue, "Source": src, "Message": msg, "Addr": addr, "nested": nested, "form": "Indirect"}

    events = [
        ev(_span(0, 2, 2), _span(0, 0, 1), _span(0, 6, 10), _span(0, 3, 4)),
        ev(_span(1, 2, 2) + _span(1, 5, 5), _span(1, 0, 1), _span(1, 7, 9), _span(1, 3, 4)),
        ev(_span(2, 2, 2), _span(2, 0, 1), _span(2, 4, 7), []),
        ev(_span(3, 6, 6), _span(3, 7, 7), _span(3, 1, 3), _span(3, 8, 9)),
    ]
    return GoldDoc("hand-made", text, spans, events)


def _quote(gd: GoldDoc, msg: list[tuple[int, int]], addr: list[tuple[int, int]] | None) -> Quote:
    ms, me = gd.spans[msg[0]][0], gd.spans[msg[-1]][1]
    q = Quote(start=ms, end=me, text=gd.text[ms:me], kind="indirect", message=gd.text[ms:me], message_start=ms,
              message_end=me)
    if addr:
        q.addressee_start, q.addressee_end = gd.spans[addr[0]][0], gd.spans[addr[-1]][1]
        q.addressee = gd.text[q.addressee_start:q.addressee_end]
    return q


def test_addr_scored_like_source_on_the_aligned_pairs():
    gd = _gold()
    preds = [
        _quote(gd, _span(0, 6, 10), _span(0, 4, 4)),  # "Zeitung": shares a token with "der Zeitung" -> right
        _quote(gd, _span(1, 7, 9), _span(1, 0, 1)),  # "Die Opposition" is the speaker, not the addressee -> wrong
        _quote(gd, _span(2, 4, 7), _span(2, 0, 1)),  # an addressee where the gold has none -> wrong
        _quote(gd, _span(3, 1, 3), None),  # "den Reportern" missed
    ]
    acc = new_counts()
    match = score_doc(gd, preds, acc)
    assert match == {0: 0, 1: 1, 2: 2, 3: 3}
    c = acc["c"]
    assert (c["addr_tp"], c["addr_pred"], c["addr_gold"]) == (1, 3, 3)
    res = summarize(acc)
    assert res["addr"] == {"p": 0.3333, "r": 0.3333, "f1": 0.3333}
    # the other roles are untouched by addressees
    assert (c["src_pred"], c["cue_pred"]) == (0, 0)


def test_addr_of_an_unaligned_prediction_is_wrong():
    gd = _gold()
    # the message lies outside every gold message: no pair, so its addressee cannot be right
    stray = _quote(gd, _span(0, 0, 1), _span(0, 3, 4))
    acc = new_counts()
    score_doc(gd, [stray], acc)
    assert (acc["c"]["addr_tp"], acc["c"]["addr_pred"]) == (0, 1)
    assert summarize(acc)["addr"] == {"p": 0.0, "r": 0.0, "f1": 0.0}


def test_addr_absent_when_gold_has_no_addressees(capsys):
    gd = _gold()
    for e in gd.events:
        e["Addr"] = []
    acc = new_counts()
    score_doc(gd, [_quote(gd, _span(0, 6, 10), _span(0, 3, 4))], acc)
    res = summarize(acc)
    assert res["addr"] is None  # not annotated is not the same as scored 0
    print_report(res, "heading", {"dataset": "x", "documents": 1}, True)
    lines = capsys.readouterr().out.strip().splitlines()
    assert "addr" in lines[4] and "absent" in lines[4]
    record = json.loads(lines[-1])
    assert list(record)[-2:] == ["documents", "addr_f1"]
    assert record["addr_f1"] is None


def test_addr_line_and_json_key_order(capsys):
    gd = _gold()
    acc = new_counts()
    score_doc(gd, [_quote(gd, _span(0, 6, 10), _span(0, 3, 4))], acc)
    res = summarize(acc)
    print_report(res, "heading", {"dataset": "x", "split": "train", "documents": 1}, True)
    lines = capsys.readouterr().out.strip().splitlines()
    assert lines[4].split() == ["addr", "P", "1.000", "R", "0.333", "F1", "0.500"]
    record = json.loads(lines[-1])
    assert list(record) == ["task", "dataset", "split", "cue_f1", "source_f1", "message_f1", "documents", "addr_f1"]
    assert record["addr_f1"] == 0.5
