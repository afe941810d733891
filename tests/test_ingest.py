from __future__ import annotations

import gzip
import json
from pathlib import Path

from lagebild.errors import MalformedInputError
from lagebild.ingest import InputFailure, JsonlFields, RawInput, expand_paths, read_paths

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
