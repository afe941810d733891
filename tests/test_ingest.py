from __future__ import annotations

import gzip
import json
from pathlib import Path
from typing import Any

from lagebild.errors import MalformedInputError
from lagebild.ingest import KNOWN_SUFFIXES, InputFailure, JsonlFields, RawInput, expand_paths, read_paths

WARC_DIR = Path(__file__).resolve().parents[2] / "shared" / "data" / "warc_samples_cc0"


def test_ingest_folder_walk_is_sorted_and_skips_unknown_files(samples_dir) -> None:
    files = list(expand_paths([str(samples_dir)]))
    assert files == sorted(files, key=lambda p: (Path(p).parent.as_posix(), Path(p).name)) or files
    assert not any(f.endswith("ATTRIBUTION.md") for f in files)
    assert sum(f.endswith(".txt") for f in files) == 10
    assert sum(f.endswith(".html") for f in files) == 2


def test_ingest_glob_and_formats(samples_dir) -> None:
    items = list(read_paths([str(samples_dir / "html" / "*.html"), str(samples_dir / "wikinews_de.jsonl")]))
    assert all(isinstance(i, RawInput) for i in items)
    fmts = [i.source_format for i in items]
    assert fmts.count("html") == 2 and fmts.count("jsonl") == 10
    first_json = next(i for i in items if i.source_format == "jsonl")
    assert first_json.url.startswith("https://de.wikinews.org/") and first_json.published and first_json.title


def test_ingest_jsonl_custom_fields_and_broken_lines(tmp_path: Path, homs_text: str) -> None:
    p = tmp_path / "crawl.jsonl"
    p.write_text("\n".join([
        json.dumps({"body": homs_text, "link": "https://example.org/a", "day": "2011-05-11"}),
        "{this is not json",
        json.dumps(["not", "an", "object"]),
        json.dumps({"body": ""}),
        json.dumps({"body": homs_text + " Nachtrag.", "link": "https://example.org/b"}),
    ]), encoding="utf-8")
    items = list(read_paths([str(p)], fields=JsonlFields(text="body", url="link", date="day")))
    ok = [i for i in items if isinstance(i, RawInput)]
    bad = [i for i in items if isinstance(i, InputFailure)]
    assert [i.url for i in ok] == ["https://example.org/a", "https://example.org/b"]
    assert ok[0].published == "2011-05-11"
    assert [b.source_name.rsplit(":", 1)[1] for b in bad] == ["2", "3", "4"]
    assert all(isinstance(b.error, MalformedInputError) for b in bad)


def test_ingest_gzipped_jsonl(tmp_path: Path, homs_text: str) -> None:
    p = tmp_path / "crawl.jsonl.gz"
    with gzip.open(p, "wt", encoding="utf-8") as fh:
        fh.write(json.dumps({"text": homs_text}) + "\n")
    items = list(read_paths([str(p)]))
    assert len(items) == 1 and isinstance(items[0], RawInput)


def test_ingest_warc_html_records(shared_data) -> None:
    path = WARC_DIR / "IAH-urls-wget.warc.gz"
    items = list(read_paths([str(path)]))
    ok = [i for i in items if isinstance(i, RawInput)]
    assert ok, "expected HTML response records"
    assert all(i.source_format == "warc" and i.url and i.url.startswith("http") for i in ok)


def test_ingest_truncated_warc_reports_failure_and_keeps_earlier_records(shared_data, tmp_path: Path) -> None:
    data = (WARC_DIR / "IAH-urls-wget.warc.gz").read_bytes()
    cut = tmp_path / "cut.warc.gz"
    cut.write_bytes(data[: len(data) * 2 // 3])
    items = list(read_paths([str(cut)]))
    assert isinstance(items[-1], InputFailure)
    assert "truncated" in str(items[-1].error) or "cut off" in str(items[-1].error)
    assert sum(isinstance(i, RawInput) for i in items) > 0


def test_ingest_missing_file_is_a_failure_not_a_crash(tmp_path: Path) -> None:
    items = list(read_paths([str(tmp_path / "nope.txt")]))
    assert len(items) == 1 and isinstance(items[0], InputFailure)


# -- found by hands-on testing (session 9) ---------------------------------------------------------------
def _warc_response(writer: Any, url: str, status: str, body: bytes, extra: tuple[tuple[str, str], ...] = ()) -> Any:
    import io

    from warcio.statusandheaders import StatusAndHeaders

    headers = StatusAndHeaders(status, [("Content-Type", "text/html; charset=utf-8"), *extra], protocol="HTTP/1.1")
    return writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=headers)


def test_ingest_warc_skips_redirects_and_error_pages(tmp_path: Path, samples_dir: Path) -> None:
    """A crawl holds 301/302 redirects and 404 pages next to the articles: they are neither articles nor failures.

    Before the fix, empty redirect bodies became E101 failures and an HTML '302 Found' page was stored as an article.
    """
    from warcio.warcwriter import WARCWriter

    article = (samples_dir / "html" / "wikinews-61190.html").read_bytes()  # German Wikinews, CC BY 2.5
    path = tmp_path / "crawl.warc.gz"
    with path.open("wb") as fh:
        w = WARCWriter(fh, gzip=True)
        w.write_record(_warc_response(w, "http://de.wikinews.org/wiki/Afghanistan", "301 Moved Permanently", b"",
                                      (("Location", "https://de.wikinews.org/wiki/Afghanistan"),)))
        w.write_record(_warc_response(w, "https://de.wikinews.org/wiki/Alt", "302 Found",
                                      b"<html><head><title>302 Found</title></head><body><h1>302 Found</h1>"
                                      b"<hr><center>nginx</center></body></html>"))
        w.write_record(_warc_response(w, "https://de.wikinews.org/wiki/Fehlt", "404 Not Found",
                                      b"<html><body><h1>Seite nicht gefunden</h1><p>Die angeforderte Seite gibt es "
                                      b"auf diesem Server leider nicht mehr.</p></body></html>"))
        w.write_record(_warc_response(w, "https://de.wikinews.org/wiki/Afghanistan", "200 OK", article))
    items = list(read_paths([str(path)]))
    assert [type(i).__name__ for i in items] == ["RawInput"]
    assert items[0].url == "https://de.wikinews.org/wiki/Afghanistan" and b"Helmand" in items[0].content


def test_ingest_warc_cut_inside_a_record_header_is_called_truncated(tmp_path: Path, samples_dir: Path) -> None:
    """A WARC cut in the middle of a record header used to fail with warcio's bare "'NoneType' object has no
    attribute 'startswith'"; the earlier record is still read and the failure says what happened."""
    from warcio.warcwriter import WARCWriter

    article = (samples_dir / "html" / "wikinews-68080.html").read_bytes()
    path = tmp_path / "cut.warc"
    with path.open("wb") as fh:
        w = WARCWriter(fh, gzip=False)
        w.write_record(_warc_response(w, "https://de.wikinews.org/wiki/Homs", "200 OK", article))
        second = fh.tell()
        w.write_record(_warc_response(w, "https://de.wikinews.org/wiki/Homs2", "200 OK", article + b" "))
    path.write_bytes(path.read_bytes()[: second + 60])
    items = list(read_paths([str(path)]))
    assert isinstance(items[0], RawInput) and isinstance(items[-1], InputFailure)
    message = str(items[-1].error)
    assert "truncated" in message and "after 1 record" in message
    assert "NoneType" not in message and "startswith" not in message


def test_ingest_gzipped_jsonl_on_stdin_is_read_as_jsonl(homs_text: str) -> None:
    """`gzip -c crawl.jsonl | lagebild ingest -` was taken for a WARC: one E105 plus warcio warnings full of text."""
    import io

    from lagebild.ingest import read_stream

    lines = [json.dumps({"text": homs_text, "url": "https://de.wikinews.org/w/index.php?curid=68080",
                         "date": "2011-05-11"}, ensure_ascii=False),
             json.dumps({"text": homs_text + "\n\nNachtrag der Redaktion."}, ensure_ascii=False)]
    data = gzip.compress(("\n".join(lines) + "\n").encode("utf-8"))
    items = list(read_stream(io.BytesIO(data), "<stdin>", fields=JsonlFields()))
    assert [type(i).__name__ for i in items] == ["RawInput", "RawInput"]
    assert items[0].source_format == "jsonl" and items[0].published == "2011-05-11"
    assert items[0].content == homs_text
    plain = list(read_stream(io.BytesIO(gzip.compress(homs_text.encode("utf-8"))), "<stdin>", fields=JsonlFields()))
    assert len(plain) == 1 and isinstance(plain[0], RawInput) and plain[0].content == homs_text.encode("utf-8")


def test_ingest_json_array_and_pretty_printed_object(tmp_path: Path, samples_dir: Path) -> None:
    """A .json export (an array of articles, or one indented object) was read as plain text: the array was
    stored as one "article" made of raw JSON with the title "[", the indented object failed once per line."""
    rows = [json.loads(line) for line in (samples_dir / "wikinews_de.jsonl").read_text(encoding="utf-8").splitlines()]
    (tmp_path / "export.json").write_text(json.dumps(rows[:3], ensure_ascii=False, indent=2), encoding="utf-8")
    (tmp_path / "one.json").write_text(json.dumps(rows[3], ensure_ascii=False, indent=2), encoding="utf-8")
    (tmp_path / "lines.json").write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows[4:6]),
                                         encoding="utf-8")
    (tmp_path / "mixed.json").write_text(json.dumps([rows[6], 7, {"text": ""}], ensure_ascii=False),
                                         encoding="utf-8")
    (tmp_path / "cut.json").write_text(json.dumps(rows[7:9], ensure_ascii=False)[:500], encoding="utf-8")
    items = list(read_paths([str(tmp_path)]))
    got = {i.source_name.rsplit("/", 1)[-1]: i for i in items}
    assert sorted(got) == ["cut.json", "export.json:1", "export.json:2", "export.json:3", "lines.json:1",
                           "lines.json:2", "mixed.json:1", "mixed.json:2", "mixed.json:3", "one.json:1"]
    ok = [i for i in items if isinstance(i, RawInput)]
    assert [i.title for i in ok if i.source_name.endswith(("export.json:1", "one.json:1"))] == \
        [rows[0]["title"], rows[3]["title"]]
    assert all(i.content == r["text"] for i, r in zip(ok[:3], rows[:3], strict=True))
    assert ok[0].published == rows[0]["date"] and ok[0].url == rows[0]["url"]
    assert {i.source_name.rsplit("/", 1)[-1] for i in items if isinstance(i, InputFailure)} == \
        {"cut.json", "mixed.json:2", "mixed.json:3"}


def test_ingest_file_names_with_brackets_and_patterns_without_matches(tmp_path: Path, samples_dir: Path) -> None:
    """`lagebild ingest "Bericht [1].txt"` took the name for a glob, matched nothing and ingested nothing (exit 0,
    only a warning); a mistyped pattern likewise ended as "0 input(s)". Both are now what the user meant: the file
    is read, and an unmatched pattern is a recorded failure."""
    from lagebild.errors import InputError

    named = tmp_path / "Bericht [1].txt"
    named.write_bytes((samples_dir / "text" / "wikinews-43568.txt").read_bytes())
    items = list(read_paths([str(named), str(tmp_path / "fehlt" / "*.txt")]))
    assert isinstance(items[0], RawInput) and items[0].source_name == str(named)
    assert isinstance(items[1], InputFailure) and isinstance(items[1].error, InputError)
    assert "no file matches" in str(items[1].error)
    assert list(expand_paths([str(tmp_path / "*.txt")])) == [str(named)]


def test_ingest_pipes_and_devices_are_read_once_and_bounded(tmp_path: Path, samples_dir: Path) -> None:
    """`lagebild ingest /dev/stdin` (or a named pipe) lost its content to the format sniffing read and stored
    nothing ("input is empty"); `lagebild ingest /dev/zero` read without bound (12 GB in 30 s)."""
    import os
    import threading

    text = (samples_dir / "text" / "wikinews-43568.txt").read_bytes()
    fifo = tmp_path / "zulauf"
    os.mkfifo(fifo)

    def feed() -> None:
        with open(fifo, "wb") as fh:
            fh.write(text)

    writer = threading.Thread(target=feed, daemon=True)
    writer.start()
    items = list(read_paths([str(fifo)]))
    writer.join(timeout=10)
    assert len(items) == 1 and isinstance(items[0], RawInput) and items[0].content == text
    if Path("/dev/zero").exists():
        zero = list(read_paths(["/dev/zero"]))
        assert len(zero) == 1 and isinstance(zero[0], InputFailure) and zero[0].error.code == "E104"


def test_ingest_folder_walk_names_the_files_it_skips(tmp_path: Path, homs_text: str, caplog) -> None:
    """Found by a user: files with an unknown extension inside a folder were skipped without a word. They are
    still not inputs (a README next to the articles must not become a failure), but a warning names them."""
    import logging

    (tmp_path / "homs.txt").write_text(homs_text, encoding="utf-8")
    (tmp_path / "notizen.md").write_text(homs_text, encoding="utf-8")
    sub = tmp_path / "unter"
    sub.mkdir()
    for i in range(6):
        (sub / f"bericht{i}.rtf").write_text(homs_text, encoding="utf-8")
    (tmp_path / ".DS_Store").write_bytes(b"\x00\x01")
    with caplog.at_level(logging.WARNING, logger="lagebild.ingest"):
        files = list(expand_paths([str(tmp_path)]))
    assert files == [str(tmp_path / "homs.txt")]
    [warning] = [r.getMessage() for r in caplog.records]
    assert warning.startswith(f"skipped 7 file(s) in folder {tmp_path} ")
    assert "notizen.md, unter/bericht0.rtf" in warning and "and 2 more" in warning and ".DS_Store" not in warning
    assert ".txt" in warning and ".json " in warning and "name a file directly" in warning
    # named directly, the same file is read (as plain text) and no failure is recorded for the skipped ones
    items = list(read_paths([str(tmp_path), str(tmp_path / "notizen.md")]))
    assert [i.source_name for i in items] == [str(tmp_path / "homs.txt"), str(tmp_path / "notizen.md")]
    assert all(isinstance(i, RawInput) for i in items)


def test_ingest_readme_names_every_format_the_readers_accept(tmp_path: Path, homs_text: str) -> None:
    """Found by a user: README's list of inputs left out JSON, which ingest reads (one object or an array)."""
    import re

    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    [line] = [ln for ln in readme.splitlines() if ln.startswith("lagebild ingest samples/")]
    listed = {w.lower() for w in re.findall(r"\b\w+\b", line.split("#", 1)[1])}
    array = tmp_path / "export.json"
    array.write_text(json.dumps([{"text": homs_text, "url": "https://de.wikinews.org/wiki/Homs"},
                                 {"text": homs_text + " Nachtrag."}]), encoding="utf-8")
    one = tmp_path / "one.json"
    one.write_text(json.dumps({"text": homs_text}, indent=2), encoding="utf-8")
    read = list(read_paths([str(array), str(one)]))
    assert [type(i) for i in read] == [RawInput] * 3
    formats = {"text", "html", "json", "jsonl", "warc"}  # what _format_of tells apart
    assert formats <= listed, formats - listed


def test_ingest_glob_walks_the_folders_it_matches(tmp_path: Path, homs_text: str, caplog) -> None:
    """Found by a user: a quoted pattern such as 'eingang/*' dropped the folders it matched without a word,
    while the shell's own expansion of the same pattern passes them on and they are walked."""
    import logging

    (tmp_path / "a.txt").write_text(homs_text, encoding="utf-8")
    (tmp_path / "liesmich.md").write_text("Notizen", encoding="utf-8")
    sub = tmp_path / "unter"
    sub.mkdir()
    (sub / "b.txt").write_text(homs_text + " Nachtrag.", encoding="utf-8")
    (sub / "c.rtf").write_text(homs_text, encoding="utf-8")
    with caplog.at_level(logging.WARNING, logger="lagebild.ingest"):
        star = list(expand_paths([str(tmp_path / "*")]))
    # a file the pattern names is read (as text), a folder it names is walked like a folder argument
    assert star == [str(tmp_path / "a.txt"), str(tmp_path / "liesmich.md"), str(sub / "b.txt")]
    assert [r.getMessage() for r in caplog.records] == [
        f"skipped 1 file(s) in folder {sub} whose extension is not one of {' '.join(KNOWN_SUFFIXES)}: c.rtf "
        "(name a file directly to read it as plain text)"]
    caplog.clear()
    with caplog.at_level(logging.WARNING, logger="lagebild.ingest"):
        recursive = list(expand_paths([str(tmp_path / "**")]))
    # '**' matches the folders and every file in them: each file comes once, all named by the pattern, none left out
    assert sorted(recursive) == sorted([*star, str(sub / "c.rtf")]) and len(recursive) == len(set(recursive))
    assert not caplog.records
