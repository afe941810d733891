"""Train the fast German NER tagger (``lagebild train ner_fast``).

Gold data (all under ``../shared/data``), mapped to PER/LOC/ORG/MISC:

- GermEval 2014 dev (CC BY 4.0): outer tags; OTH -> MISC, *deriv/*part -> O.
  The last ``--holdout`` sentences are kept for model selection; the GermEval
  test split is never read here.
- Europarl German NER train (research data, no licence stated).
- German legal NER (CC BY 4.0), sentences with a mapped entity only.
- Europeana Newspapers German (CC0), split into pseudo-sentences.
- SmartData v3 dev+test news documents (CC BY 4.0).
- optionally WikiANN-de train (silver; ``--wikiann N`` sentences).

Usage: ``lagebild train ner_fast [--data ../shared/data] [--out src/lagebild/models/ner_fast]``.
"""

from __future__ import annotations

import argparse
import gzip
import json
import logging
import random
import sys
import time
from collections import Counter
from pathlib import Path

import numpy as np

from ..ner.fast import (
    MODEL_DIR,
    N_FLAGS,
    TAGS,
    E5Pieces,
    build_model,
    suffix,
    tags_to_spans,
    viterbi_bio,
    word_flags,
    word_shape,
)

log = logging.getLogger(__name__)

Sentence = tuple[list[str], list[str]]  # words, BIO tags over PER/LOC/ORG/MISC


# -- readers -------------------------------------------------------------------
def _iob1_to_bio(tags: list[str]) -> list[str]:
    out, prev = [], "O"
    for t in tags:
        if t.startswith("I-") and (prev == "O" or prev[2:] != t[2:]):
            t = "B-" + t[2:]
        out.append(t)
        prev = t
    return out


def _clean(tags: list[str], mapping: dict[str, str]) -> list[str]:
    """Map fine labels to ours; drop unmapped ones; repair orphan I- tags."""
    out = []
    for t in tags:
        if t == "O" or len(t) < 3 or t[1] not in "-_":
            out.append("O")
            continue
        lab = mapping.get(t[2:])
        out.append(f"{t[0]}-{lab}" if lab else "O")
    return _iob1_to_bio(out)


def read_germeval(path: Path) -> list[Sentence]:
    sents: list[Sentence] = []
    words: list[str] = []
    tags: list[str] = []
    m = {"PER": "PER", "LOC": "LOC", "ORG": "ORG", "OTH": "MISC"}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            continue
        if not line.strip():
            if words:
                sents.append((words, _clean(tags, m)))
                words, tags = [], []
            continue
        cols = line.split("\t")
        words.append(cols[1])
        tags.append(cols[2])
    if words:
        sents.append((words, _clean(tags, m)))
    return sents


def read_columns(path: Path, word_col: int, tag_col: int, mapping: dict[str, str], sep: str | None = None,
                 iob1: bool = False) -> list[Sentence]:
    opener = gzip.open if path.suffix == ".gz" else open
    sents: list[Sentence] = []
    words: list[str] = []
    tags: list[str] = []
    with opener(path, "rt", encoding="utf-8") as fh:  # type: ignore[operator]
        for line in fh:
            line = line.rstrip("\r\n")
            if not line.strip() or line.startswith("-DOCSTART-"):
                if words:
                    sents.append((words, _clean(tags, mapping)))
                    words, tags = [], []
                continue
            cols = line.split(sep)
            if len(cols) <= max(word_col, tag_col):
                continue
            w = cols[word_col]
            words.append(w[3:] if w.startswith("de:") else w)
            tags.append(cols[tag_col])
    if words:
        sents.append((words, _clean(tags, mapping)))
    return sents


def read_europeana(path: Path, cap: int = 60) -> list[Sentence]:
    """No sentence breaks in the source: cut after . ! ? before a capital, or at ``cap`` tokens."""
    fix = {"PEr": "PER", "ORg": "ORG", "LOCer": "LOC", "OLOC": "LOC"}
    sents, words, tags = [], [], []
    lines = [ln.split(" ") for ln in path.read_text(encoding="utf-8").splitlines() if " " in ln]
    for i, cols in enumerate(lines):
        w, t = cols[0], cols[-1]
        t = t.replace("B_", "B-").replace("B.", "B-")
        if len(t) > 2 and t[1] == "-":
            t = t[:2] + fix.get(t[2:], t[2:])
        words.append(w)
        tags.append(t)
        nxt = lines[i + 1][0] if i + 1 < len(lines) else ""
        if (w in {".", "!", "?"} and nxt[:1].isupper()) or len(words) >= cap:
            if not (tags[-1] != "O" and nxt and lines[i + 1][-1].startswith("I-")):
                sents.append((words, _clean(tags, {"PER": "PER", "LOC": "LOC", "ORG": "ORG"})))
                words, tags = [], []
    if words:
        sents.append((words, _clean(tags, {"PER": "PER", "LOC": "LOC", "ORG": "ORG"})))
    return sents


def read_smartdata_v3(path: Path, sources: set[str]) -> list[Sentence]:
    text = gzip.open(path, "rt", encoding="utf-8").read()
    dec, o, out = json.JSONDecoder(), 0, []
    while True:
        while o < len(text) and text[o].isspace():
            o += 1
        if o >= len(text):
            break
        doc, o = dec.raw_decode(text, o)
        if (doc.get("refids") or {}).get("map", {}).get("source") not in sources:
            continue
        raw = doc["text"]["string"] if isinstance(doc["text"], dict) else doc["text"]
        u16 = raw.encode("utf-16-le")
        toks = doc["tokens"]["array"]
        for s in doc["sentences"]["array"]:
            words, tags = [], []
            ss, se = s["span"]["start"], s["span"]["end"]
            for t in toks:
                a, b = t["span"]["start"], t["span"]["end"]
                if a >= ss and b <= se:
                    words.append(u16[2 * a : 2 * b].decode("utf-16-le"))
                    ner = (t.get("ner") or {}).get("string", "O")
                    tags.append(ner)
            m = {}
            for t in set(tags):
                lab = t[2:]
                if lab.startswith("LOCATION"):
                    m[lab] = "LOC"
                elif lab.startswith("ORGANIZATION"):
                    m[lab] = "ORG"
                elif lab == "PERSON":
                    m[lab] = "PER"
            if words:
                out.append((words, _clean(tags, m)))
    return out


LEGAL_MAP = {"PER": "PER", "RR": "PER", "AN": "PER", "LD": "LOC", "ST": "LOC", "STR": "LOC", "LDS": "LOC",
             "ORG": "ORG", "UN": "ORG", "INN": "ORG", "GRT": "ORG"}


def load_corpora(data: Path, args: argparse.Namespace, rng: random.Random) -> tuple[list[Sentence], list[Sentence], Counter]:
    gdev = read_germeval(data / "germeval2014" / "NER-de-dev.tsv")
    hold = args.holdout
    train_g, dev = gdev[:-hold], gdev[-hold:]
    parts: dict[str, list[Sentence]] = {"germeval": train_g * args.germeval_repeat}
    parts["europarl"] = read_columns(data / "europarl_ner_de" / "train.tsv", 0, 4,
                                     {"PER": "PER", "LOC": "LOC", "ORG": "ORG", "MISC": "MISC"}, sep="\t")
    legal: list[Sentence] = []
    for f in sorted((data / "ler_legal_ner_de" / "courts").glob("*.conll.gz")):
        legal += [s for s in read_columns(f, 0, 1, LEGAL_MAP, sep=" ") if any(t != "O" for t in s[1])]
    rng.shuffle(legal)
    parts["legal"] = legal[: args.legal]
    eur: list[Sentence] = []
    for f in sorted((data / "europeana_ner_de").glob("*.bio")):
        eur += read_europeana(f)
    parts["europeana"] = eur
    sd: list[Sentence] = []
    for split in ("dev", "test"):
        sd += read_smartdata_v3(data / "smartdata_de" / "v3_20200302" / f"{split}.json.gz", {"news"})
    parts["smartdata"] = sd
    if args.wikiann:
        wk = read_columns(data / "wikiann_de" / "train", 0, 1, {"PER": "PER", "LOC": "LOC", "ORG": "ORG"}, sep="\t")
        rng.shuffle(wk)
        parts["wikiann"] = wk[: args.wikiann]
    sizes = Counter({k: len(v) for k, v in parts.items()})
    train = [s for v in parts.values() for s in v]
    return train, dev, sizes


# -- scoring (strict spans, outer PER/LOC/ORG) ------------------------------------
def span_f1(gold: list[list[str]], pred: list[list[str]], labels=("PER", "LOC", "ORG")) -> dict[str, float]:
    tp = fp = fn = 0
    per: dict[str, list[int]] = {lab: [0, 0, 0] for lab in labels}
    for g, p in zip(gold, pred, strict=True):
        gs = {(a, b, lab) for a, b, lab, _ in tags_to_spans(g) if lab in labels}
        ps = {(a, b, lab) for a, b, lab, _ in tags_to_spans(p) if lab in labels}
        for s in ps & gs:
            per[s[2]][0] += 1
        for s in ps - gs:
            per[s[2]][1] += 1
        for s in gs - ps:
            per[s[2]][2] += 1
        tp += len(ps & gs)
        fp += len(ps - gs)
        fn += len(gs - ps)

    def f(t: int, a: int, b: int) -> float:
        return 2 * t / (2 * t + a + b) if t else 0.0

    out = {"p": tp / max(1, tp + fp), "r": tp / max(1, tp + fn), "f1": f(tp, fp, fn)}
    for lab, (t, a, b) in per.items():
        out[lab] = f(t, a, b)
    return out


def save_weights(model, path: Path) -> None:
    """float16 numpy weights for :class:`lagebild.ner.fast.NumpyTagger` (inference needs no torch)."""
    np.savez_compressed(path, **{k: v.detach().cpu().numpy().astype(np.float16) for k, v in model.state_dict().items()})


def _label_silver(data: Path, out: Path, threads: int) -> int:
    """Distillation data: the accurate model's PER/LOC/ORG/MISC labels on Wikinews sentences (text only)."""
    import torch

    from ..ner import get_tagger

    torch.set_num_threads(threads)
    sents: list[list[str]] = []
    for split in ("train", "dev", "test_blind"):
        with open(data / "wikinews_spkatt_de" / f"{split}.jsonl", encoding="utf-8") as fh:
            for line in fh:
                sents += [s["Tokens"] for s in json.loads(line)["Sentences"] if len(s["Tokens"]) > 3]
    tagger = get_tagger("accurate")
    t0 = time.time()
    with open(out, "w", encoding="utf-8") as fh:
        for b in range(0, len(sents), 256):
            batch = sents[b : b + 256]
            for words, spans in zip(batch, tagger.predict(batch), strict=True):
                tags = ["O"] * len(words)
                for a, e, lab, _ in spans:
                    tags[a] = f"B-{lab}"
                    for k in range(a + 1, e):
                        tags[k] = f"I-{lab}"
                fh.write(json.dumps([words, tags], ensure_ascii=False) + "\n")
            log.info("labelled %d/%d sentences (%.0fs)", b + len(batch), len(sents), time.time() - t0)
    return 0


def _tune_bias(model_dir: Path, data: Path, holdout: int) -> int:
    """Pick the O-tag log-prob bias with the best holdout F1 (never the test split)."""
    from ..evaluation.conll import read_germeval, score_spans
    from ..evaluation.conll import tags_to_spans as gold_spans
    from ..ner.fast import FastNER

    sents = read_germeval(data / "germeval2014" / "NER-de-dev.tsv", scheme="outer3")[-holdout:]
    gold = [gold_spans(s.tags) for s in sents]
    ner = FastNER.load(model_dir)
    best = (-1.0, 0.0)
    for bias in (-1.0, -0.75, -0.5, -0.25, 0.0, 0.25, 0.5):
        ner.o_bias = bias
        pred = ner.predict([s.tokens for s in sents])
        f1 = score_spans(gold, [[(a, b, lab) for a, b, lab, _ in p] for p in pred], labels=("PER", "LOC", "ORG"))["micro"]["f1"]
        print(f"o_bias {bias:+.2f}: holdout F1 {f1:.4f}")
        best = max(best, (f1, bias))
    vfile = model_dir / "vocab.json"  # the first member's vocabulary carries the ensemble's bias
    vocab = json.loads(vfile.read_text(encoding="utf-8"))
    vocab["config"]["o_bias"] = best[1]
    vfile.write_text(json.dumps(vocab, ensure_ascii=False), encoding="utf-8")
    print(f"stored o_bias {best[1]:+.2f} (holdout F1 {best[0]:.4f}) in {vfile}")
    return 0


def _evaluate(model_dir: Path, data: Path, split: str, limit: int, holdout: int) -> int:
    """GermEval 2014 outer PER/LOC/ORG strict micro-F1 on gold tokens, with throughput."""
    from ..evaluation.conll import format_scores, read_germeval, score_spans
    from ..evaluation.conll import tags_to_spans as gold_spans
    from ..ner.fast import FastNER

    if split == "holdout":
        sents = read_germeval(data / "germeval2014" / "NER-de-dev.tsv", scheme="outer3")[-holdout:]
    else:
        sents = read_germeval(data / "germeval2014" / "NER-de-test.tsv", scheme="outer3")
    if limit:
        sents = sents[:limit]
    ner = FastNER.load(model_dir)
    t0 = time.perf_counter()
    pred = ner.predict([s.tokens for s in sents])
    secs = time.perf_counter() - t0
    ntok = sum(len(s.tokens) for s in sents)
    res = score_spans([gold_spans(s.tags) for s in sents],
                      [[(a, b, lab) for a, b, lab, _ in p] for p in pred], labels=("PER", "LOC", "ORG"))
    print(format_scores(res, f"GermEval 2014 {split} ({len(sents)} sentences), outer PER/LOC/ORG strict"))
    print(f"{ntok / secs:.0f} tokens/s (cold word-vector cache, one process)")
    print(json.dumps({"split": split, "sentences": len(sents), "f1": round(res["micro"]["f1"], 4),
                      "precision": round(res["micro"]["precision"], 4), "recall": round(res["micro"]["recall"], 4),
                      **{lab: round(r["f1"], 4) for lab, r in res["per_type"].items()},
                      "tokens_per_s": round(ntok / secs)}))
    return 0


# -- training --------------------------------------------------------------------
def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="lagebild train ner_fast", description=__doc__.split("\n")[0])
    ap.add_argument("--data", default="../shared/data")
    ap.add_argument("--out", default=str(MODEL_DIR))
    ap.add_argument("--epochs", type=int, default=14)
    ap.add_argument("--batch", type=int, default=32)
    ap.add_argument("--lr", type=float, default=2e-3)
    ap.add_argument("--holdout", type=int, default=300, help="last N GermEval dev sentences for model selection")
    ap.add_argument("--germeval-repeat", type=int, default=3)
    ap.add_argument("--legal", type=int, default=4000)
    ap.add_argument("--wikiann", type=int, default=0)
    ap.add_argument("--hidden", type=int, default=160)
    ap.add_argument("--proj", type=int, default=192)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--no-flags", action="store_true", help="no gazetteer word flags")
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--init", metavar="DIR",
                    help="start from the weights and shape/suffix vocabulary in DIR (fine-tuning, e.g. distillation)")
    ap.add_argument("--extra", action="append", default=[], help="extra JSONL (words, tags) e.g. distilled silver data")
    ap.add_argument("--evaluate", choices=("holdout", "test"),
                    help="score the model in --out on the GermEval dev holdout or GermEval test, and exit")
    ap.add_argument("--label-silver", metavar="JSONL",
                    help="label German Wikinews text (CC BY 2.5) with the accurate model into JSONL and exit")
    ap.add_argument("--limit", type=int, default=0, help="with --evaluate: first N sentences only")
    ap.add_argument("--tune-bias", action="store_true",
                    help="choose the O-tag bias on the GermEval dev holdout and store it in --out/vocab.json")
    args = ap.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
    if args.evaluate:
        return _evaluate(Path(args.out), Path(args.data), args.evaluate, args.limit, args.holdout)
    if args.tune_bias:
        return _tune_bias(Path(args.out), Path(args.data), args.holdout)
    if args.label_silver:
        return _label_silver(Path(args.data), Path(args.label_silver), args.threads)

    import torch

    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)
    rng = random.Random(args.seed)
    t0 = time.time()
    train, dev, sizes = load_corpora(Path(args.data), args, rng)
    for f in args.extra:
        extra = [tuple(json.loads(ln)) for ln in open(f, encoding="utf-8")]
        sizes[Path(f).stem] = len(extra)
        train += extra  # type: ignore[arg-type]
    log.info("training sentences %d (%s), holdout %d", len(train), dict(sizes), len(dev))

    shape_c = Counter(word_shape(w) for ws, _ in train for w in ws)
    suf_c = Counter(suffix(w) for ws, _ in train for w in ws)
    vocab = {
        "shape": {s: i + 2 for i, s in enumerate(s for s, c in shape_c.most_common() if c >= 3)},
        "suffix": {s: i + 2 for i, s in enumerate(s for s, c in suf_c.most_common() if c >= 3)},
    }
    if args.init:  # the initial weights' embedding rows are indexed by their own vocabulary
        init_vocab = json.loads((Path(args.init) / "vocab.json").read_text(encoding="utf-8"))
        vocab = {"shape": init_vocab["shape"], "suffix": init_vocab["suffix"]}
        args.hidden, args.proj = init_vocab["config"]["hidden"], init_vocab["config"]["proj"]
    pieces = E5Pieces()
    words = sorted({w for ws, _ in train + dev for w in ws})
    index = {w: i for i, w in enumerate(words)}
    import unicodedata

    table = np.stack([pieces.word_vector(unicodedata.normalize("NFC", w)) for w in words]).astype(np.float32)
    n_flags = 0 if args.no_flags else N_FLAGS
    flag_table = torch.from_numpy(np.stack([word_flags(w) for w in words])) if n_flags else None
    log.info("word vectors for %d words (%.0fs)", len(words), time.time() - t0)
    in_dim = table.shape[1]
    vocab["config"] = {"in_dim": in_dim, "hidden": args.hidden, "proj": args.proj, "flags": n_flags}
    tag_id = {t: i for i, t in enumerate(TAGS)}

    def encode(s: Sentence):
        ws, ts = s
        return ([index[w] for w in ws], [vocab["shape"].get(word_shape(w), 1) for w in ws],
                [vocab["suffix"].get(suffix(w), 1) for w in ws], [tag_id[t] for t in ts])

    enc_train = [encode(s) for s in train if s[0]]
    enc_dev = [encode(s) for s in dev]
    emb = torch.from_numpy(table)
    model = build_model(len(vocab["shape"]) + 2, len(vocab["suffix"]) + 2, in_dim, len(TAGS),
                        hidden=args.hidden, proj=args.proj, n_flags=n_flags)
    if args.init:
        state = np.load(Path(args.init) / "weights.npz")
        model.load_state_dict({k: torch.from_numpy(state[k].astype(np.float32)) for k in state.files})
        log.info("initialised from %s", args.init)
    opt = torch.optim.Adam(model.parameters(), lr=args.lr)
    steps_per_epoch = (len(enc_train) + args.batch - 1) // args.batch
    sched = torch.optim.lr_scheduler.OneCycleLR(opt, max_lr=args.lr, total_steps=args.epochs * steps_per_epoch,
                                                pct_start=0.1)
    loss_fn = torch.nn.CrossEntropyLoss(ignore_index=-100)

    def batchify(items):
        n = max(len(x[0]) for x in items)
        ids = torch.zeros(len(items), n, dtype=torch.long)
        sh = torch.zeros(len(items), n, dtype=torch.long)
        su = torch.zeros(len(items), n, dtype=torch.long)
        y = torch.full((len(items), n), -100, dtype=torch.long)
        for i, (a, b, c, d) in enumerate(items):
            k = len(a)
            ids[i, :k] = torch.tensor(a)
            sh[i, :k] = torch.tensor(b)
            su[i, :k] = torch.tensor(c)
            y[i, :k] = torch.tensor(d)
        lengths = torch.tensor([len(x[0]) for x in items])
        return emb[ids], sh, su, lengths, y, (flag_table[ids] if flag_table is not None else None)

    def evaluate() -> dict[str, float]:
        model.eval()
        preds, golds = [], []
        with torch.inference_mode():
            for b in range(0, len(enc_dev), 64):
                items = enc_dev[b : b + 64]
                v, sh, su, ln, _, fl = batchify(items)
                lp = torch.log_softmax(model(v, sh, su, ln, fl), -1).numpy()
                for i, it in enumerate(items):
                    preds.append([TAGS[t] for t in viterbi_bio(lp[i, : len(it[0])])])
                    golds.append([TAGS[t] for t in it[3]])
        model.train()
        return span_f1(golds, preds)

    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    best, best_epoch, history = -1.0, -1, []
    if args.init:  # the starting point competes too: fine-tuning must beat it on the holdout
        best = evaluate()["f1"]
        best_epoch = 0
        log.info("initial holdout F1 %.4f", best)
    # length-bucketed batches keep padding low
    for epoch in range(args.epochs):
        te = time.time()
        order = sorted(range(len(enc_train)), key=lambda i: (len(enc_train[i][0]) + rng.random() * 8))
        batches = [order[i : i + args.batch] for i in range(0, len(order), args.batch)]
        rng.shuffle(batches)
        total = 0.0
        for bidx in batches:
            v, sh, su, ln, y, fl = batchify([enc_train[i] for i in bidx])
            logits = model(v, sh, su, ln, fl)
            loss = loss_fn(logits.reshape(-1, len(TAGS)), y.reshape(-1))
            opt.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 5.0)
            opt.step()
            sched.step()
            total += float(loss.detach())
        scores = evaluate()
        history.append({"epoch": epoch + 1, "loss": total / len(batches), **{k: round(v, 4) for k, v in scores.items()}})
        log.info("epoch %d loss %.4f holdout F1 %.4f (P %.3f R %.3f PER %.3f LOC %.3f ORG %.3f) %.0fs", epoch + 1,
                 total / len(batches), scores["f1"], scores["p"], scores["r"], scores["PER"], scores["LOC"],
                 scores["ORG"], time.time() - te)
        if scores["f1"] > best:
            best, best_epoch = scores["f1"], epoch + 1
            save_weights(model, out / "weights.npz")
            (out / "vocab.json").write_text(json.dumps(vocab, ensure_ascii=False), encoding="utf-8")
    meta = {"best_holdout_f1": round(best, 4), "best_epoch": best_epoch, "history": history,
            "corpora": dict(sizes), "args": vars(args), "train_seconds": round(time.time() - t0)}
    (out / "training.json").write_text(json.dumps(meta, indent=1), encoding="utf-8")
    log.info("best holdout F1 %.4f at epoch %d; saved to %s (%.0fs)", best, best_epoch, out, time.time() - t0)
    return 0


if __name__ == "__main__":
    sys.exit(main())
