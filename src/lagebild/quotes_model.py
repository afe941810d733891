"""Learned cue and role tagger for the quote stage (``accurate`` mode only).

Two small taggers read the shared encoder's word features (multilingual-e5-small,
``doc.cache["encoder"]``, computed once per sentence and shared with the NER
tagger) plus a few lexical flags:

* the **cue tagger** marks speech, thought and writing cue tokens in a sentence;
* the **role tagger** is run once per cue over the cue's sentence and its two
  neighbours, with the cue position as input, and tags every token as source,
  message or neither.

Both were trained on SpkAtt-2023 Task 1 (German Bundestag speeches, CC BY-SA
4.0; see ``models/quotes_accurate/MODEL_CARD.md``). The rule stage stays in
charge: :func:`augment` only adds model events in places the rules left empty
and fills or replaces rule speakers where the model is confident, with
thresholds chosen on the Wikinews train split (never on dev).
"""

from __future__ import annotations

import functools
import json
import logging
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

log = logging.getLogger(__name__)

MODEL_PATH = Path(__file__).resolve().parent / "models" / "quotes_accurate"
ROLE_WINDOW = 1  # sentences either side of the cue's sentence the role tagger sees
_PUNCT = frozenset(".,;:!?()[]{}„“”«»‚‘’'\"-–—/…")
_QUOTES = frozenset("„“”«»‚‘\"")
_PRON = frozenset("er sie ich wir es man ihr du".split())
_PARTICLES = frozenset("ab an auf aus bei ein fest her hin mit nach vor weg zu zurück hinzu bekannt fort dar "
                       "vorher heraus hervor".split())
N_LEX = 11
N_ROLE_EXTRA = 7


@functools.lru_cache(maxsize=1)
def _lexicon() -> tuple[frozenset[str], frozenset[str], frozenset[str], frozenset[str]]:
    from .quotes import _KONJ1, cues

    lex = cues()
    return frozenset(lex.verbs), frozenset(lex.preps), frozenset(lex.nouns | lex.speech_nouns), _KONJ1


def lexical_features(words: list[str]) -> np.ndarray:
    """(n, N_LEX) float32 flags of one token list (a sentence)."""
    verbs, preps, nouns, konj = _lexicon()
    out = np.zeros((len(words), N_LEX), dtype=np.float32)
    for i, w in enumerate(words):
        low = w.lower()
        out[i, 0] = w[:1].isupper()
        out[i, 1] = w in _PUNCT
        out[i, 2] = w in _QUOTES
        out[i, 3] = low in verbs
        out[i, 4] = low in preps
        out[i, 5] = low in nouns
        out[i, 6] = low in konj
        out[i, 7] = low in _PRON
        out[i, 8] = i == 0
        out[i, 9] = w in (",", ":")
        out[i, 10] = low in ("dass", "daß", "ob")
    return out


def role_extra(n: int, sent_off: np.ndarray, cue: list[int]) -> np.ndarray:
    """(n, N_ROLE_EXTRA) cue-relative features of a role window: cue flag, sentence offset, distance."""
    out = np.zeros((n, N_ROLE_EXTRA), dtype=np.float32)
    c = min(cue)
    pos = np.arange(n)
    out[cue, 0] = 1.0
    out[:, 1] = sent_off == -1
    out[:, 2] = sent_off == 0
    out[:, 3] = sent_off == 1
    out[:, 4] = np.clip((pos - c) / 10.0, -3, 3)
    out[:, 5] = pos < c
    out[:, 6] = pos > max(cue)
    return out


def make_net(n_in: int, n_out: int, hidden: int = 128, rnn: int = 96) -> Any:
    import torch
    from torch import nn

    class TaggerNet(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.drop = nn.Dropout(0.25)
            self.inp = nn.Linear(n_in, hidden)
            self.rnn = nn.GRU(hidden, rnn, batch_first=True, bidirectional=True)
            self.out = nn.Linear(2 * rnn, n_out)

        def forward(self, x: Any, lengths: Any = None) -> Any:
            h = torch.nn.functional.gelu(self.inp(self.drop(x)))
            if lengths is not None:
                packed = nn.utils.rnn.pack_padded_sequence(h, lengths, batch_first=True, enforce_sorted=False)
                r, _ = self.rnn(packed)
                r, _ = nn.utils.rnn.pad_packed_sequence(r, batch_first=True, total_length=x.shape[1])
            else:
                r, _ = self.rnn(h)
            return self.out(self.drop(r))

    return TaggerNet()


@dataclass
class ModelEvent:
    """One model reading: token indices into ``doc.tokens``."""

    cue: list[int]
    cue_p: float
    source: tuple[int, int] | None
    source_p: float
    message: tuple[int, int] | None
    message_p: float


#: environment variable naming another model folder (e.g. weights trained for an experiment under /tmp)
MODEL_ENV = "LAGEBILD_QUOTES_MODEL"


def model_dir() -> Path:
    """``$LAGEBILD_QUOTES_MODEL`` if set, else the shipped :data:`MODEL_PATH`."""
    env = os.environ.get(MODEL_ENV, "").strip()
    return Path(env) if env else MODEL_PATH


class QuoteModel:
    def __init__(self, cue_net: Any, role_net: Any, meta: dict[str, Any]):
        self.cue_net, self.role_net, self.meta = cue_net, role_net, meta

    @property
    def params(self) -> dict[str, float]:
        """Combination thresholds stored with these weights (``meta["params"]``; chosen where they were trained)."""
        return dict(self.meta.get("params") or {})

    @classmethod
    def load(cls, path: Path | str | None = None) -> QuoteModel:
        return cls._load(str(Path(path) if path is not None else model_dir()))

    @classmethod
    @functools.lru_cache(maxsize=4)
    def _load(cls, path: str) -> QuoteModel:
        import torch

        base = Path(path)
        meta = json.loads((base / "meta.json").read_text(encoding="utf-8"))
        nets = []
        for name, n_in, n_out in (("cue", meta["dim"] + N_LEX, 1), ("role", meta["dim"] + N_LEX + N_ROLE_EXTRA, 3)):
            net = make_net(n_in, n_out, meta["hidden"], meta["rnn"])
            with (base / f"{name}.pt").open("rb") as fh:
                state = torch.load(fh, map_location="cpu", weights_only=True)
            net.load_state_dict({k: v.float() for k, v in state.items()})
            net.eval()
            nets.append(net)
        return cls(nets[0], nets[1], meta)

    # ------------------------------------------------------------ inference
    def sentence_inputs(self, doc: Any) -> list[np.ndarray]:
        from .encoder import SharedEncoder

        enc = SharedEncoder.get()
        enc.prefetch(doc)
        out = []
        for si in range(len(doc.sentences)):
            words = [t.text for t in doc.sentence_tokens(si)]
            out.append(np.concatenate([enc.features_for(doc, si), lexical_features(words)], axis=1))
        return out

    def cue_probs(self, inputs: list[np.ndarray]) -> list[np.ndarray]:
        import torch

        if not inputs:
            return []
        lens = [len(x) for x in inputs]
        x = np.zeros((len(inputs), max(lens), inputs[0].shape[1]), dtype=np.float32)
        for i, a in enumerate(inputs):
            x[i, : len(a)] = a
        with torch.no_grad():
            p = torch.sigmoid(self.cue_net(torch.from_numpy(x), torch.tensor(lens))[..., 0]).numpy()
        return [p[i, :n] for i, n in enumerate(lens)]

    def role_probs(self, doc: Any, inputs: list[np.ndarray], cues: list[list[int]]) -> list[tuple[int, np.ndarray]]:
        """Per cue (doc token indices) the window's first doc token and its (n, 3) O/source/message probs."""
        import torch

        if not cues:
            return []
        rows, meta = [], []
        for cue in cues:
            si = doc.tokens[cue[0]].sent
            lo, hi = max(0, si - ROLE_WINDOW), min(len(doc.sentences) - 1, si + ROLE_WINDOW)
            t0 = doc.sentences[lo].token_start
            feats = np.concatenate([inputs[s] for s in range(lo, hi + 1)], axis=0)
            off = np.concatenate([np.full(len(inputs[s]), s - si) for s in range(lo, hi + 1)])
            rel = [c - t0 for c in cue]
            rows.append(np.concatenate([feats, role_extra(len(feats), off, rel)], axis=1))
            meta.append(t0)
        lens = [len(r) for r in rows]
        x = np.zeros((len(rows), max(lens), rows[0].shape[1]), dtype=np.float32)
        for i, a in enumerate(rows):
            x[i, : len(a)] = a
        with torch.no_grad():
            p = torch.softmax(self.role_net(torch.from_numpy(x), torch.tensor(lens)), -1).numpy()
        return [(meta[i], p[i, :n]) for i, n in enumerate(lens)]

    def predict(self, doc: Any, cue_threshold: float = 0.5, extra_cues: list[list[int]] | None = None,
                inputs: list[np.ndarray] | None = None) -> tuple[list[ModelEvent], list[ModelEvent]]:
        """Model events at the model's own cues, and role readings at ``extra_cues`` (e.g. the rules' cues)."""
        inputs = inputs if inputs is not None else self.sentence_inputs(doc)
        probs = self.cue_probs(inputs)
        self.last_cue_probs = np.concatenate(probs) if probs else np.zeros(0)
        own: list[tuple[list[int], float]] = []
        for si, p in enumerate(probs):
            t0 = doc.sentences[si].token_start
            own.extend((
                [t0 + k for k in grp], float(max(p[k] for k in grp)))
                for grp in group_cues([t.text for t in doc.sentence_tokens(si)], p, cue_threshold))
        extra = extra_cues or []
        roles = self.role_probs(doc, inputs, [c for c, _ in own] + extra)
        self.last_roles = roles
        events = []
        for (cue, cp), (t0, rp) in zip(own + [(c, 1.0) for c in extra], roles, strict=True):
            words = [doc.tokens[t0 + k].text for k in range(len(rp))]
            src = best_run(rp[:, 1], words, gap=0)
            msg = best_run(rp[:, 2], words, gap=2)
            events.append(ModelEvent(
                cue, cp,
                (t0 + src[0], t0 + src[1]) if src else None, src[2] if src else 0.0,
                (t0 + msg[0], t0 + msg[1]) if msg else None, msg[2] if msg else 0.0))
        return events[: len(own)], events[len(own):]


def group_cues(words: list[str], p: np.ndarray, threshold: float) -> list[list[int]]:
    """Token groups of one sentence whose cue probability passes ``threshold``: adjacent tokens form one
    cue, and a lone separable particle later in the clause joins the cue before it ("teilte … mit")."""
    groups: list[list[int]] = []
    for k in np.flatnonzero(p >= threshold).tolist():
        if groups and k == groups[-1][-1] + 1:
            groups[-1].append(k)
        elif groups and words[k].lower() in _PARTICLES:
            groups[-1].append(k)
        else:
            groups.append([k])
    return groups


def best_run(p: np.ndarray, words: list[str], gap: int, threshold: float = 0.5) -> tuple[int, int, float] | None:
    """The contiguous run of tokens with probability >= threshold (gaps of up to ``gap`` tokens bridged)
    with the highest probability mass: (start, end, mean probability); punctuation is trimmed off the ends."""
    on = np.flatnonzero(p >= threshold).tolist()
    if not on:
        return None
    runs: list[list[int]] = [[on[0], on[0]]]
    for k in on[1:]:
        if k - runs[-1][1] <= gap + 1:
            runs[-1][1] = k
        else:
            runs.append([k, k])
    best = max(runs, key=lambda r: float(p[r[0]: r[1] + 1].sum()))
    a, b = best[0], best[1] + 1
    while a < b and words[a] in _PUNCT:
        a += 1
    while b > a and words[b - 1] in _PUNCT:
        b -= 1
    if a >= b:
        return None
    return a, b, float(p[a:b].mean())


#: combination thresholds, chosen on the Wikinews train split (see docs/evaluation/quotes.md)
DEFAULT_PARAMS: dict[str, float] = {
    "cue_t": 0.5,  # cue probability of a model event
    "add_src_t": 0.6,  # mean source probability a new model event needs (below: no new event)
    "add_msg_t": 0.6,  # mean message probability a new model event needs
    "fill_t": 0.6,  # a rule quote without speaker takes the model's source at the rule cue
    "replace_t": 1.1,  # a rule speaker is replaced by a disjoint model source this confident (off)
    "drop_t": 0.0,  # a rule quote whose cue the cue tagger scores below this is dropped (off)
    "implausible_t": 1.1,  # ... and only when the rule speaker's own mean source probability is below this
    "strip_t": 0.0,  # a rule speaker the role tagger (at the rule cue) gives a mean source probability below
    # this is removed, the quote kept: an in-domain tagger vetoes the rules' unlikely speakers (off)
}
#: rule quote kinds the model may drop
_DROPPABLE = frozenset({"reported", "indirect"})


def rule_cue_tokens(doc: Any, q: Any) -> list[int]:
    from .quotes import _tok_index

    if q.cue_start is None:
        return []
    k = _tok_index(doc.tokens, q.cue_start)
    out = []
    while k < len(doc.tokens) and doc.tokens[k].start < q.cue_end:
        out.append(k)
        k += 1
    return out


def readings(model: QuoteModel, doc: Any, rule_quotes: list[Any], cue_t: float,
             inputs: list[np.ndarray] | None = None) -> dict[str, Any]:
    """Everything :func:`combine` needs from the model, so thresholds can be tried without re-running it
    (``inputs``: the sentences' model inputs if already computed, e.g. cached for training)."""
    rcues = [rule_cue_tokens(doc, q) for q in rule_quotes]
    with_cue = [c for c in rcues if c]
    own, at_rules = model.predict(doc, cue_t, with_cue, inputs=inputs)
    cp = model.last_cue_probs
    it = iter(at_rules)
    roles = iter(model.last_roles[len(own):])
    speaker_p: list[float | None] = []
    for q, c in zip(rule_quotes, rcues, strict=True):
        if not c:
            speaker_p.append(None)
            continue
        t0, rp = next(roles)
        if q.speaker_start is None:
            speaker_p.append(None)
            continue
        ks = [k - t0 for k in range(len(doc.tokens))[t0: t0 + len(rp)]
              if doc.tokens[k].start < q.speaker_end and doc.tokens[k].end > q.speaker_start]
        speaker_p.append(float(rp[ks, 1].mean()) if ks else 0.0)
    return {"own": own, "at_rule": [next(it) if c else None for c in rcues],
            "rule_cue_p": [float(cp[c].max()) if c else None for c in rcues], "cue_p": cp,
            "rule_speaker_p": speaker_p}


def combine(doc: Any, rule_quotes: list[Any], read: dict[str, Any], params: dict[str, float]) -> list[Any]:
    """Rule quotes plus the model's confident additions (new copies; ``rule_quotes`` is not changed)."""
    import copy

    from .quotes import _Ctx, _make, _speaker_fields

    ctx = _Ctx(doc=doc, toks=doc.tokens, low=[t.text.lower() for t in doc.tokens],
               ents=sorted(doc.entities, key=lambda m: m.start))
    toks = doc.tokens
    out = []
    sps = read.get("rule_speaker_p") or [None] * len(rule_quotes)
    for q, r, cp, sp in zip(rule_quotes, read["at_rule"], read["rule_cue_p"], sps, strict=True):
        if cp is not None and cp < params["drop_t"] and q.kind in _DROPPABLE:
            continue
        if q.speaker_start is not None and sp is not None and sp < params.get("strip_t", 0.0):
            q = copy.copy(q)
            q.speaker = q.speaker_start = q.speaker_end = q.speaker_entity = q.speaker_role = None
        elif r is not None and r.source is not None:
            s, e = toks[r.source[0]].start, toks[r.source[1] - 1].end
            if q.speaker_start is None and r.source_p >= params["fill_t"]:
                q = copy.copy(q)
                _speaker_fields(ctx, r.source, q)
            elif (q.speaker_start is not None and r.source_p >= params["replace_t"]
                  and (e <= q.speaker_start or s >= q.speaker_end)
                  and (sp is None or sp < params["implausible_t"])):
                q = copy.copy(q)
                q.speaker = q.speaker_start = q.speaker_end = q.speaker_entity = q.speaker_role = None
                _speaker_fields(ctx, r.source, q)
        out.append(q)
    taken = [(q.start, q.end) for q in rule_quotes] + [(q.message_start, q.message_end) for q in rule_quotes]
    for ev in read["own"]:
        if ev.cue_p < params["cue_t"] or ev.message is None:
            continue
        if ev.source is None and not params.get("sourceless", 0):
            continue
        if (ev.source is not None and ev.source_p < params["add_src_t"]) or ev.message_p < params["add_msg_t"]:
            continue
        ms, me = toks[ev.message[0]].start, toks[ev.message[1] - 1].end
        cs = toks[ev.cue[0]].start
        if any(a <= cs < b or (ms < b and me > a) for a, b in taken):
            continue
        before = toks[ev.message[0] - 1].text if ev.message[0] > 0 else ""
        kind = "direct" if before in _QUOTES else "indirect"
        q = _make(ctx, kind, ev.message, ev.cue, ev.source)
        out.append(q)
        taken.append((ms, me))
    out.sort(key=lambda q: q.message_start)
    return out


def augment(doc: Any, rule_quotes: list[Any], params: dict[str, float] | None = None) -> list[Any]:
    model = QuoteModel.load()
    p = {**DEFAULT_PARAMS, **model.params, **(params or {})}
    return combine(doc, rule_quotes, readings(model, doc, rule_quotes, p["cue_t"]), p)


#: thresholds of the model used alone (the defaults of the taggers, chosen on SpkAtt-2023 dev token F1)
ALONE_PARAMS: dict[str, float] = {**DEFAULT_PARAMS, "add_src_t": 0.0, "add_msg_t": 0.0, "sourceless": 1}


def model_only(doc: Any, params: dict[str, float] | None = None) -> list[Any]:
    """Quotes from the learned tagger alone (no rules)."""
    model = QuoteModel.load()
    p = {**ALONE_PARAMS, **(params or {})}
    rd = readings(model, doc, [], p["cue_t"])
    return combine(doc, [], rd, p)
