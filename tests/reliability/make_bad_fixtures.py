"""Regenerate the small bad-input fixtures in tests/fixtures/bad/ (deterministic).

    python tests/reliability/make_bad_fixtures.py

The article text is real German Wikinews prose (CC BY 2.5, see samples/ATTRIBUTION.md).
Big hostile inputs (50 MB text, 1 MB line, compression bombs) are not committed:
the tests generate them in temporary folders (see ``big_inputs`` in conftest.py).
"""

from __future__ import annotations

import gzip
import io
import json
import random
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "tests" / "fixtures" / "bad"
TEXT = (ROOT / "samples" / "text" / "wikinews-68080.txt").read_text(encoding="utf-8")
TEXT2 = (ROOT / "samples" / "text" / "wikinews-43568.txt").read_text(encoding="utf-8")
LINE = TEXT.replace("\n", " ")  # one physical line, for raw bytes inside JSONL


def html_page(body: str, charset: str = "utf-8") -> str:
    pars = "".join(f"<p>{p}</p>" for p in body.split("\n\n"))
    return (f'<!DOCTYPE html><html><head><meta charset="{charset}"><title>Homs</title></head><body>'
            f'<nav><a href="/">Startseite</a> <a href="/politik">Politik</a></nav>'
            f"<article><h1>Homs</h1>{pars}</article><footer>Impressum</footer></body></html>")


def warc_bytes(pages: list[tuple[str, str]]) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=True)
    for url, html in pages:
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        rec = writer.create_warc_record(url, "response", payload=io.BytesIO(html.encode("utf-8")),
                                        http_headers=headers)
        writer.write_record(rec)
    return buf.getvalue()


def main() -> None:
    rnd = random.Random(7)
    OUT.mkdir(parents=True, exist_ok=True)
    files: dict[str, bytes] = {}
    files["empty.txt"] = b""
    files["whitespace_only.txt"] = b"  \n\t\r\n \u00a0 \n".replace(b"\\u00a0", "\u00a0".encode())
    files["binary.txt"] = b"\x89PNG\r\n\x1a\n" + bytes(rnd.getrandbits(8) for _ in range(2000))
    files["invalid_utf8.txt"] = TEXT.encode("utf-8")[:400] + b"\xff\xfe\xc3(" + TEXT.encode("utf-8")[400:]
    files["utf16_bom.txt"] = TEXT.encode("utf-16")
    files["utf16le_no_bom.txt"] = TEXT.encode("utf-16-le")
    files["latin1_declared_utf8.html"] = html_page(TEXT, "utf-8").encode("latin-1", "replace")
    files["cp1252.txt"] = (TEXT + " „Zitat“ – 5 €").encode("cp1252", "replace")
    files["nested_deep.html"] = ("<html><body>" + "<div>" * 3000 + f"<p>{TEXT}</p>" + "</div>" * 3000
                                 + "</body></html>").encode()
    page = html_page(TEXT)
    files["truncated.html"] = page[: len(page) * 2 // 3].encode() + b'<p class="x'
    files["only_navigation.html"] = (b'<html><body><nav><a href="/">Start</a><a href="/a">Politik</a></nav>'
                                     b"<script>var x = 1;</script></body></html>")
    files["xml_entities.html"] = (b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 '
                                  b'"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]><html><body><p>&lol2; '
                                  + TEXT[:400].encode() + b"</p></body></html>")
    warc = warc_bytes([("https://de.wikinews.org/wiki/Homs", page), ("https://de.wikinews.org/wiki/B", html_page(TEXT2)),
                       ("https://de.wikinews.org/wiki/C", html_page(TEXT2 + "\n\nNachtrag."))])
    files["truncated.warc.gz"] = warc[: len(warc) - 700]
    files["garbage.warc"] = b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 99999\r\n\r\n" + bytes(
        rnd.getrandbits(8) for _ in range(1500))
    files["garbage.warc.gz"] = b"\x1f\x8b\x08\x00" + bytes(rnd.getrandbits(8) for _ in range(1500))
    lines = gzip.compress("".join(json.dumps({"text": TEXT + f" ({i})"}) + "\n" for i in range(40)).encode(), mtime=0)
    files["truncated.jsonl.gz"] = lines[: len(lines) // 2]
    files["garbage.jsonl.gz"] = b"\x1f\x8b\x08\x00" + bytes(rnd.getrandbits(8) for _ in range(1500))
    files["broken_lines.jsonl"] = b"\n".join([
        json.dumps({"text": TEXT, "url": "https://de.wikinews.org/wiki/Homs", "date": "2011-05-11"}).encode(),
        b'{"text": "' + LINE.encode()[:120],  # cut-off line
        b'{"text": 5}',
        b"[1, 2, 3]",
        b"\xff\xfe\x00garbage",
        b'{"text": null, "html": ""}',
        b"",
        json.dumps({"text": TEXT2, "date": "kein Datum"}).encode(),
        b'{"text": "\\ud800 ' + LINE.encode()[:300] + b'"}',  # lone surrogate escape
        b'{"text": "\\u0000\\u0001 binary in JSON"}',
    ]) + b"\n"
    files["french.txt"] = ("Le gouvernement français a annoncé mardi de nouvelles mesures pour soutenir les entreprises "
                           "touchées par la crise énergétique. Les syndicats ont critiqué le plan. " * 3).encode()
    files["russian.txt"] = ("Правительство России объявило во вторник о новых мерах поддержки предприятий, "
                            "пострадавших от энергетического кризиса. " * 3).encode()
    files["english.txt"] = ("Syrian security forces shelled the city of Homs on Wednesday, killing at least "
                            "eighteen people, activists said. The army denied the reports. " * 2).encode()
    files["control_chars.txt"] = (TEXT[:300] + "\x01\x02\x1b[31m\x07" + TEXT[300:600] + "\u200b\ufeff\u00ad"
                                  + TEXT[600:]).encode()
    files["mostly_controls.txt"] = bytes([1, 2, 3, 4, 5, 6, 7, 8, 14, 15, 16, 17]) * 200 + TEXT.encode()
    files["rtl_arabic.txt"] = ("قصفت القوات السورية مدينة حمص يوم الأربعاء وقتل ثمانية عشر شخصا على الأقل. " * 4).encode()
    files["rtl_mixed.txt"] = ("\u202eDie Stadt Homs wurde beschossen.\u202c " + TEXT[:700]
                              + " Ein Bewohner rief: \u2067«حمص تحترق»\u2069. " + TEXT[700:]).encode()
    files["long_words.txt"] = (" ".join("Donaudampfschifffahrtsgesellschaftskapitän" * 40 for _ in range(60))
                               + ". " + TEXT).encode()
    files["punctuation_storm.txt"] = ("!!!???...„“»«––––" * 300 + "\n" + TEXT + "\n" + ". " * 2000).encode()
    for name, data in sorted(files.items()):
        (OUT / name).write_bytes(data)
    print(f"wrote {len(files)} fixtures to {OUT} ({sum(len(v) for v in files.values()):,} bytes)")


if __name__ == "__main__":
    main()
