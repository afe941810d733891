"""Build the bundled sample (samples/) from German Wikinews articles.

The article *text* is German Wikinews (CC BY 2.5); we take only the tokens of
the chosen articles from ../shared/data/wikinews_spkatt_de (whose speech
annotations are CC BY-NC-SA and are NOT used), detokenise them and credit
Wikinews with page id, title and date. Run from the repository root:

    python scripts/make_sample.py
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

SOURCE = Path("../shared/data/wikinews_spkatt_de")
OUT = Path("samples")
#: page ids of conflict-related articles (most from the split without gold annotations)
PAGES = [68080, 68250, 43568, 59848, 74940, 54978, 58846, 61190, 55038, 27575]
#: articles that also get an HTML rendition with real Wikinews-style page furniture
HTML_PAGES = [68080, 61190]

_NO_SPACE_BEFORE = {".", ",", ";", ":", "!", "?", ")", "]", "“", "%", "…", "'s"}
_NO_SPACE_AFTER = {"„", "(", "[", "‚"}


def detokenise(tokens: list[str]) -> str:
    out: list[str] = []
    open_straight = False
    for i, tok in enumerate(tokens):
        if i == 0:
            out.append(tok)
            if tok == '"':
                open_straight = True
            continue
        prev = tokens[i - 1]
        space = True
        if tok in _NO_SPACE_BEFORE or prev in _NO_SPACE_AFTER:
            space = False
        if tok == '"':
            space = not open_straight
            open_straight = not open_straight
        elif prev == '"' and open_straight:
            space = False
        out.append((" " if space else "") + tok)
    return "".join(out)


def parse_name(name: str) -> tuple[int, str, str]:
    m = re.match(r"(\d+) - (.*) \((\d{4}-\d{2}-\d{2})\)$", name)
    assert m, name
    return int(m.group(1)), m.group(2), m.group(3)


def load_articles() -> dict[int, dict]:
    wanted = set(PAGES)
    found: dict[int, dict] = {}
    for split in ("train", "dev", "test_blind"):
        for line in (SOURCE / f"{split}.jsonl").open(encoding="utf-8"):
            d = json.loads(line)
            page, title, day = parse_name(d["DocumentName"])
            if page in wanted:
                sents = [detokenise(s["Tokens"]) for s in d["Sentences"]]
                found[page] = {"page_id": page, "title": title, "published": day, "sentences": sents}
    missing = wanted - set(found)
    assert not missing, f"pages not found: {missing}"
    return found


def to_text(a: dict) -> str:
    # Wikinews articles start with a dateline sentence; one paragraph per ~3 sentences reads naturally.
    paras = [" ".join(a["sentences"][i : i + 3]) for i in range(0, len(a["sentences"]), 3)]
    return a["title"] + "\n\n" + "\n\n".join(paras) + "\n"


def to_html(a: dict) -> str:
    body = "\n".join(f"<p>{html.escape(' '.join(a['sentences'][i:i + 3]))}</p>"
                     for i in range(0, len(a["sentences"]), 3))
    t = html.escape(a["title"])
    return f"""<!DOCTYPE html>
<html lang="de"><head><meta charset="utf-8"><title>{t} – Wikinews, die freie Nachrichtenquelle</title>
<meta property="og:title" content="{t}"><meta name="date" content="{a['published']}"></head>
<body>
<div id="mw-navigation"><ul><li><a href="/wiki/Hauptseite">Hauptseite</a></li><li><a href="/wiki/Portal:Politik">Politik</a></li>
<li><a href="/wiki/Spezial:Zufällige_Seite">Zufälliger Artikel</a></li></ul></div>
<div id="content"><h1 id="firstHeading">{t}</h1>
<div id="mw-content-text"><article>
<p><b>{a['published']}</b></p>
{body}
</article>
<h2>Themenverwandte Artikel</h2><ul><li><a href="#">Portal:Nahost</a></li><li><a href="#">Portal:Krieg und Konflikte</a></li></ul>
</div></div>
<footer id="footer"><ul>
<li>Diese Seite wurde zuletzt am 12. März 2022 um 10:14 Uhr bearbeitet.</li>
<li>Der Text ist unter der Lizenz „Creative Commons Namensnennung“ verfügbar; Informationen zu den Urhebern und zum Lizenzstatus eingebundener Mediendateien (etwa Bilder oder Videos) können im Regelfall durch Anklicken dieser abgerufen werden.</li>
<li><a href="#">Datenschutz</a></li><li><a href="#">Über Wikinews</a></li><li><a href="#">Haftungsausschluss</a></li>
</ul></footer>
</body></html>
"""


def main() -> None:
    arts = load_articles()
    (OUT / "text").mkdir(parents=True, exist_ok=True)
    (OUT / "html").mkdir(parents=True, exist_ok=True)
    lines = []
    credits = ["# Bundled sample: attribution", "",
               "All articles are from German Wikinews (https://de.wikinews.org), licensed CC BY 2.5",
               "(https://creativecommons.org/licenses/by/2.5/). Text taken from the tokenised copies in",
               "`../shared/data/wikinews_spkatt_de` (text only; none of its annotations) and detokenised by",
               "`scripts/make_sample.py`; paragraphs were re-flowed. The HTML files wrap the same text in",
               "Wikinews-style page furniture (navigation, related links, licence footer) to exercise cleaning.", "",
               "| page id | title | date | URL |", "|---|---|---|---|"]
    for page in PAGES:
        a = arts[page]
        url = f"https://de.wikinews.org/w/index.php?curid={page}"
        text = to_text(a)
        (OUT / "text" / f"wikinews-{page}.txt").write_text(text, encoding="utf-8")
        lines.append(json.dumps({"id": f"wikinews-{page}", "title": a["title"], "url": url,
                                 "date": a["published"], "text": text}, ensure_ascii=False))
        if page in HTML_PAGES:
            (OUT / "html" / f"wikinews-{page}.html").write_text(to_html(a), encoding="utf-8")
        credits.append(f"| {page} | {a['title']} | {a['published']} | {url} |")
    (OUT / "wikinews_de.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (OUT / "ATTRIBUTION.md").write_text("\n".join(credits) + "\n", encoding="utf-8")
    print(f"wrote {len(PAGES)} articles to {OUT}/")


if __name__ == "__main__":
    main()
