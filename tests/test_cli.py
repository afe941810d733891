from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from lagebild.cli import main

LB = [sys.executable, "-m", "lagebild.cli"]


@pytest.fixture(scope="module")
def sample_db(tmp_path_factory, samples_dir) -> Path:
    db = tmp_path_factory.mktemp("cli") / "s.duckdb"
    assert main(["-q", "ingest", str(samples_dir), "--db", str(db)]) == 0
    return db


def test_cli_analyze_json_with_published_date(samples_dir, capsys) -> None:
    path = samples_dir / "text" / "wikinews-68080.txt"
    assert main(["analyze", "--json", "--published", "2011-05-11", str(path)]) == 0
    record = json.loads(capsys.readouterr().out)
    assert record["article"]["published"] == "2011-05-11"
    assert record["article"]["title"] == "Syrien: Artilleriebeschuss der Stadt Homs"
    text = record["article"]["text"]
    for layer in ("entities", "places", "times", "quantities", "quotes", "events"):
        for r in record[layer]:
            assert text[r["start"]:r["end"]] == r["text"]


def test_cli_analyze_terminal_view(samples_dir, capsys) -> None:
    assert main(["analyze", str(samples_dir / "text" / "wikinews-68080.txt")]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Syrien: Artilleriebeschuss der Stadt Homs")
    assert "Places" in out and "Homs" in out


def test_cli_listings_formats_and_filters(sample_db: Path, capsys) -> None:
    assert main(["articles", "--db", str(sample_db), "--format", "json", "--limit", "100"]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert len(rows) == 12
    assert main(["articles", "--db", str(sample_db), "--format", "csv", "--since", "2011-01-01"]) == 0
    table = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert table and all(r["published"] >= "2011-01-01" for r in table)
    assert main(["places", "--db", str(sample_db), "--format", "json", "--text", "Homs"]) == 0
    places = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert places and all("homs" in p["text"].lower() for p in places)
    assert main(["stats", "--db", str(sample_db), "--format", "json"]) == 0
    stats = json.loads(capsys.readouterr().out)
    assert stats["counts"]["articles"] == 12


def test_cli_listing_filter_is_not_injectable(sample_db: Path, capsys) -> None:
    assert main(["articles", "--db", str(sample_db), "--format", "json",
                 "--text", "x' OR '1'='1"]) == 0
    assert capsys.readouterr().out.strip() == ""


def test_cli_errors_are_one_line_with_exit_codes(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    r = subprocess.run([*LB, "analyze", str(empty)], capture_output=True, text=True)
    assert r.returncode == 3
    assert r.stderr.strip().startswith("error[E101]") and "Traceback" not in r.stderr
    r = subprocess.run([*LB, "stats", "--db", str(tmp_path / "missing.duckdb")], capture_output=True, text=True)
    assert r.returncode == 5 and "does not exist" in r.stderr
    r = subprocess.run([*LB, "analyze", str(empty), "--mode", "turbo"], capture_output=True, text=True)
    assert r.returncode == 2


def test_cli_delegated_commands_receive_their_options(capsys) -> None:
    with pytest.raises(SystemExit) as info:
        main(["serve", "--help"])
    assert info.value.code == 0
    assert "--db" in capsys.readouterr().out
    r = subprocess.run([*LB, "eval", "nosuchtask"], capture_output=True, text=True)
    assert r.returncode == 1 and "has no 'nosuchtask'" in r.stderr


def test_cli_dedup_then_unique_listings(sample_db: Path, capsys) -> None:
    def rows(*args: str) -> list[dict]:
        capsys.readouterr()
        assert main([*args, "--db", str(sample_db), "--format", "json", "--limit", "1000"]) == 0
        return [json.loads(line) for line in capsys.readouterr().out.splitlines()]

    assert main(["dedup", "--db", str(sample_db), "--no-embeddings"]) == 0
    assert json.loads(capsys.readouterr().out.splitlines()[-1])["duplicates"] == 2
    every, unique = rows("articles"), rows("articles", "--unique")
    assert (len(every), len(unique)) == (12, 10)
    assert len(rows("events", "--unique")) < len(rows("events"))
    # the same filters as the API: an article-level country filter and an actor filter work on every listing
    syria = rows("articles", "--country", "SY")
    titles = {r["title"] for r in syria}
    assert "Syrien: Artilleriebeschuss der Stadt Homs" in titles
    assert "Ukraine: Tote bei Flugzeugunglück" not in titles
    assert {r["type"] for r in rows("events", "--event-type", "PROTEST")} == {"PROTEST"}


# -- found by hands-on testing (session 9) ---------------------------------------------------------------
def test_cli_bad_values_get_a_usage_error_not_a_database_error(sample_db: Path, tmp_path: Path, samples_dir) -> None:
    """Negative --limit/--offset reached DuckDB ("Binder Error: LIMIT/OFFSET cannot be negative", exit 1); a bad
    export date came back as a raw ConversionException after the CSV header was written; a missing file for
    `analyze` was a FileNotFoundError."""
    r = subprocess.run([*LB, "events", "--db", str(sample_db), "--limit", "-5"], capture_output=True, text=True)
    assert r.returncode == 2 and "--limit" in r.stderr and "Binder" not in r.stderr
    r = subprocess.run([*LB, "quotes", "--db", str(sample_db), "--offset", "-1"], capture_output=True, text=True)
    assert r.returncode == 2 and "--offset" in r.stderr
    out = tmp_path / "acled.csv"
    r = subprocess.run([*LB, "export", "--db", str(sample_db), "--format", "acled", "--since", "2011-13-45",
                        "--out", str(out)], capture_output=True, text=True)
    assert r.returncode == 3 and r.stderr.startswith("error[E100]") and "Conversion" not in r.stderr
    assert not out.exists()
    r = subprocess.run([*LB, "export", "--db", str(sample_db), "--format", "gkg", "--out",
                        str(tmp_path / "kein" / "ordner.tsv")], capture_output=True, text=True)
    assert r.returncode == 2 and r.stderr.startswith("error[E200]") and "cannot write --out" in r.stderr
    r = subprocess.run([*LB, "analyze", str(tmp_path / "fehlt.txt")], capture_output=True, text=True)
    assert r.returncode == 3 and r.stderr.startswith("error[E100]") and "no such file" in r.stderr
    r = subprocess.run([*LB, "analyze", str(samples_dir / "text")], capture_output=True, text=True)
    assert r.returncode == 3 and "lagebild ingest" in r.stderr
    if Path("/dev/zero").exists():  # read bounded (it grew without limit before)
        r = subprocess.run([*LB, "analyze", "/dev/zero"], capture_output=True, text=True, timeout=120)
        assert r.returncode == 3 and r.stderr.startswith("error[E104]")
    # a typed date is checked (it was dropped with a warning, leaving "gestern" etc. unresolved)
    r = subprocess.run([*LB, "analyze", str(samples_dir / "text" / "wikinews-43568.txt"), "--published",
                        "2007-13-45"], capture_output=True, text=True)
    assert r.returncode == 3 and "--published must be a date" in r.stderr


def test_cli_ingest_takes_quiet_after_the_sub_command(tmp_path: Path, samples_dir) -> None:
    """`lagebild batch ... --quiet` works, so users write `lagebild ingest ... -q` too (it was a usage error)."""
    db = tmp_path / "q.duckdb"
    path = samples_dir / "text" / "wikinews-43568.txt"
    assert main(["ingest", str(path), "--db", str(db), "-q"]) == 0
    assert main(["-q", "ingest", str(path), "--db", str(db)]) == 0
    with pytest.raises(SystemExit) as info:
        main(["ingest", str(path), "--db", str(db), "--batch-size", "0"])
    assert info.value.code == 2


def test_cli_ingest_language_forces_identification_and_refuses_non_codes(tmp_path: Path, samples_dir) -> None:
    """The E107 message told users to force the language, but `ingest` had no way to; and a forced language was
    stored unchecked (POST /analyze with language "xx" stored an article in language "xx")."""
    from lagebild.store import Store

    db = tmp_path / "l.duckdb"
    # a French note (our own wording): refused by language identification, accepted when forced
    note = tmp_path / "note_fr.txt"
    note.write_text("Le gouvernement a annoncé mardi de nouvelles sanctions contre les dirigeants du pays. "
                    "Les ministres se réuniront la semaine prochaine pour en discuter.", encoding="utf-8")
    assert main(["-q", "ingest", str(note), "--db", str(db)]) == 0
    assert main(["-q", "ingest", str(note), "--db", str(db), "--language", "FR"]) == 0
    r = subprocess.run([*LB, "ingest", str(samples_dir / "text" / "wikinews-43568.txt"), "--db", str(db),
                        "--language", "xx"], capture_output=True, text=True)
    assert r.returncode == 3 and "ISO 639-1" in r.stderr
    with Store(db, read_only=True) as store:
        _, langs = store.query("SELECT source_name, language FROM articles")
        _, fails = store.query("SELECT code FROM failures")
    assert langs == [(str(note), "fr")] and fails == []
    r = subprocess.run([*LB, "analyze", str(samples_dir / "text" / "wikinews-43568.txt"), "--language", "xx"],
                       capture_output=True, text=True)
    assert r.returncode == 3 and "ISO 639-1" in r.stderr


def test_cli_type_filters_ignore_letter_case(sample_db: Path, capsys) -> None:
    """`--type assault` or `--event-type assault` silently listed nothing (types are stored as ASSAULT)."""
    def n(*args: str) -> int:
        capsys.readouterr()
        assert main([*args, "--db", str(sample_db), "--format", "json", "--limit", "1000"]) == 0
        return len(capsys.readouterr().out.splitlines())

    assert n("events", "--type", "assault") == n("events", "--type", "ASSAULT") > 0
    assert n("articles", "--event-type", "Assault") == n("articles", "--event-type", "ASSAULT") > 0
    assert n("places", "--type", "City") == n("places", "--type", "city") > 0
    assert n("entities", "--type", "per") == n("entities", "--type", "PER") > 0


def test_cli_ingest_warns_about_files_a_folder_walk_skips(tmp_path: Path, samples_dir) -> None:
    """Found by a user: `lagebild ingest folder/` left out a .md and an .rtf article without a word."""
    folder = tmp_path / "eingang"
    folder.mkdir()
    text = (samples_dir / "text" / "wikinews-43568.txt").read_text(encoding="utf-8")
    (folder / "artikel.txt").write_text(text, encoding="utf-8")
    (folder / "artikel.md").write_text(text + "\nNachtrag.", encoding="utf-8")
    (folder / "artikel.rtf").write_text(text + "\nZweiter Nachtrag.", encoding="utf-8")
    r = subprocess.run([*LB, "-q", "ingest", str(folder), "--db", str(tmp_path / "w.duckdb"), "--strict"],
                       capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    assert f"skipped 2 file(s) in folder {folder}" in r.stderr and "artikel.md, artikel.rtf" in r.stderr
    assert "1 input(s): 1 new, 0 already stored, 0 failed" in r.stdout


def test_cli_disable_segment_is_a_usage_error_naming_the_stages_that_may_be_disabled(tmp_path: Path, samples_dir,
                                                                                     capsys) -> None:
    """Found by a user: `--disable segment` (a stage every other needs) was accepted and ignored."""
    article = str(samples_dir / "text" / "wikinews-68080.txt")
    commands = [["analyze", article], ["ingest", article, "--db", str(tmp_path / "d.duckdb")],
                ["batch", article, "--out", str(tmp_path / "out"), "--workers", "0"]]
    for command in commands:
        assert main([*command, "--disable", "segment"]) == 2, command
        err = capsys.readouterr().err
        assert err.startswith("error[E200]: stage segment cannot be disabled"), (command, err)
        assert "may be disabled: entities, places, times, quantities, quotes, events" in err
    assert not (tmp_path / "d.duckdb").exists() and not (tmp_path / "out").exists()
