"""The web page in Debian's chromium, driven by Playwright, against a live server on 127.0.0.1.

Screenshots go to artifacts/screenshots/ (kept as test artefacts); the article view is also
copied to docs/screenshot.png for the README.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import expect

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from serverdb import build_sample_db  # noqa: E402

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
SHOTS = ROOT / "artifacts" / "screenshots"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]
LAYERS = ("entities", "places", "times", "quantities", "quotes", "events")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def live_server(db: Path, *options: str) -> Iterator[str]:
    """``lagebild serve`` on a free loopback port in a subprocess; yields its base URL."""
    port = _free_port()
    log_path = db.parent / f"server-{port}.log"
    with open(log_path, "w") as log:
        proc = subprocess.Popen([sys.executable, "-m", "lagebild.server", "--db", str(db), "--port", str(port),
                                 *options],
                                stdout=log, stderr=subprocess.STDOUT, env={**os.environ, "PYTHONUNBUFFERED": "1"})
        base = f"http://127.0.0.1:{port}"
        try:
            for _ in range(300):
                try:
                    with urllib.request.urlopen(base + "/health", timeout=1) as r:
                        if r.status == 200:
                            break
                except OSError:
                    time.sleep(0.1)
            else:
                raise RuntimeError("server did not start: " + log_path.read_text())
            yield base
        finally:
            proc.terminate()
            proc.wait(timeout=10)


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    if not Path(CHROMIUM).exists():
        pytest.skip("Debian chromium is not installed (apt-get install chromium)")
    db = tmp_path_factory.mktemp("web") / "sample.duckdb"
    build_sample_db(db)
    with live_server(db) as base:
        yield base


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture()
def page(browser: object, server: str) -> Iterator[object]:
    ctx = browser.new_context(viewport={"width": 1280, "height": 800}, locale="de-DE")  # type: ignore[attr-defined]
    pg = ctx.new_page()
    errors: list[str] = []
    pg.on("pageerror", lambda e: errors.append(str(e)))
    # the page must not reach beyond this server (no CDN); online tiles are off by default
    outside: list[str] = []
    pg.on("request", lambda r: outside.append(r.url) if not r.url.startswith(server) else None)
    pg.base = server  # type: ignore[attr-defined]
    yield pg
    ctx.close()
    assert not errors, errors
    assert not outside, outside


def _go(pg: object, hash_: str) -> None:
    pg.evaluate("document.body && document.body.removeAttribute('data-ready')")  # type: ignore[attr-defined]
    pg.goto(pg.base + "/" + hash_)  # type: ignore[attr-defined]
    pg.wait_for_selector("body[data-ready]:not([data-ready=error])", timeout=15000)  # type: ignore[attr-defined]


def check_article_spans(pg: object) -> int:
    """Every highlighted record's text (joined over its fragments) equals the stored record text."""
    aid = pg.evaluate("decodeURIComponent(location.hash.split('/')[2])")  # type: ignore[attr-defined]
    doc = pg.evaluate("(id) => fetch('/articles/' + encodeURIComponent(id)).then(r => r.json())", aid)  # type: ignore[attr-defined]
    text = doc["article"]["text"]
    # the rendered text is exactly the stored text that the offsets index
    assert pg.evaluate("document.getElementById('doc-text').textContent") == text  # type: ignore[attr-defined]
    rendered = pg.evaluate("""() => {
        const out = {};
        for (const m of document.querySelectorAll('#doc-text mark[data-layer]')) {
            const k = m.dataset.layer + ':' + m.dataset.idx;
            out[k] = (out[k] || '') + m.textContent;
        }
        return out;
    }""")  # type: ignore[attr-defined]
    n = 0
    for layer in LAYERS:
        for i, rec in enumerate(doc[layer]):
            if rec["end"] > rec["start"]:
                assert rendered[f"{layer}:{i}"] == rec["text"] == text[rec["start"] : rec["end"]], (layer, i)
                n += 1
    return n


def _shot(pg: object, name: str) -> Path:
    SHOTS.mkdir(parents=True, exist_ok=True)
    path = SHOTS / f"{name}.png"
    pg.screenshot(path=str(path))  # type: ignore[attr-defined]
    return path


def test_web_loads_and_searches(page: object) -> None:
    _go(page, "#/articles")
    assert page.locator(".article-card").count() == 10
    assert page.locator(".tabs a[data-view=map]").inner_text() == "Karte"
    _shot(page, "01-articles")
    page.fill("#f-q", "Angriffe")
    page.click("#f-apply")
    expect(page.locator("#articles-meta")).to_contain_text("Treffer")
    titles = page.locator(".article-card h3").all_inner_texts()
    assert 1 <= len(titles) < 10
    assert any("Angriffe auf Gaza" in t for t in titles)
    # the matched word is highlighted in the snippet
    assert page.locator(".article-card .snippet mark").first.inner_text().lower().startswith("angriff")
    _shot(page, "02-search")


def test_web_article_highlights_match_stored_offsets(page: object) -> None:
    _go(page, "#/articles")
    page.locator("a.article-link", has_text="Artilleriebeschuss der Stadt Homs").click()
    page.wait_for_selector("body[data-ready=article]")
    assert check_article_spans(page) >= 10
    place = page.locator("#doc-text mark.hl-places", has_text="Damaskus").first
    place.hover()
    assert page.locator("#tooltip").is_visible()
    assert "170654" in page.locator("#tooltip").inner_text()  # GeoNames id of Damascus
    _shot(page, "03-article")
    readme_shot = ROOT / "docs" / "screenshot.png"
    if not readme_shot.exists() or os.environ.get("LAGEBILD_UPDATE_SCREENSHOT"):
        shutil.copy(SHOTS / "03-article.png", readme_shot)
    # click an event: its place is linked and shown in the detail panel
    page.locator("#doc-text mark.hl-events").first.dispatch_event("click")  # not its nested marks
    detail = page.locator("#detail").inner_text()
    assert "ASSAULT" in detail or "PROTEST" in detail
    # keyboard: tab to a highlight and open it with Enter
    page.locator("#doc-text mark.hl-entities").first.focus()
    page.keyboard.press("Enter")
    assert page.locator("#doc-text mark.active").count() >= 1
    # switching a layer off hides its colouring
    page.uncheck("#toggle-entities")
    assert "hide-entities" in page.get_attribute("#doc-text", "class")


def test_web_map_marker_shows_sentences(page: object) -> None:
    _go(page, "#/map?country=IR")  # one place (Iran) in the sample: a single marker, no cluster
    page.uncheck("#map-events")
    page.wait_for_selector("path.leaflet-interactive.marker-place")
    page.locator("path.leaflet-interactive.marker-place").first.click(force=True)
    page.wait_for_selector("#map-detail .sentences li")
    sentences = page.locator("#map-detail .sentences li").all_inner_texts()
    assert sentences and all("iran" in s.lower() for s in sentences)  # "Iran", "iranischen", ...
    assert page.locator("#map-detail .sentences li mark.hit").first.inner_text().lower().startswith("iran")
    _shot(page, "04-map")
    # keyboard: a focused marker opens its sentences with Enter
    page.evaluate("document.getElementById('map-detail').replaceChildren()")
    page.locator("path.leaflet-interactive.marker-place").first.focus()
    page.keyboard.press("Enter")
    page.wait_for_selector("#map-detail .sentences li")
    page.check("#map-events")
    page.wait_for_selector("path.leaflet-interactive.marker-event, .marker-cluster")
    _go(page, "#/map")
    assert page.locator(".leaflet-overlay-pane path").count() > 100  # offline country outlines


def test_web_timeline_and_entities(page: object) -> None:
    _go(page, "#/timeline")
    bars = page.locator("#timeline rect.bar")
    assert bars.count() >= 5
    _shot(page, "05-timeline")
    bars.first.click()
    expect(page.locator("#tl-events-title")).to_contain_text("…")
    assert page.locator("#tl-events li").count() >= 1
    _go(page, "#/entities")
    page.locator("#entity-list button", has_text="Israel").first.click()
    expect(page.locator("#ent-partner-title")).to_contain_text("Israel")
    partners = page.locator("#cooc .bar-row").all_inner_texts()
    assert any("Gazastreifen" in p for p in partners)
    _shot(page, "06-entities")


def test_web_phone_width_and_english(browser: object, server: str) -> None:
    ctx = browser.new_context(viewport={"width": 390, "height": 844}, locale="en-US")  # type: ignore[attr-defined]
    pg = ctx.new_page()
    pg.base = server
    _go(pg, "#/articles")
    assert pg.locator(".tabs a[data-view=map]").inner_text() == "Map"
    pg.locator("a.article-link").first.click()
    pg.wait_for_selector("body[data-ready=article]")
    width = pg.evaluate("document.documentElement.scrollWidth")
    assert width <= 392, width  # no sideways scrolling at phone width
    _shot(pg, "07-phone-article")
    pg.click("#lang")
    assert pg.locator(".tabs a[data-view=map]").inner_text() == "Karte"
    ctx.close()


def test_web_analyze_form_read_only_notice(page: object) -> None:
    _go(page, "#/analyze")
    page.wait_for_selector("#analyze-readonly", state="visible")
    assert page.locator("#an-submit").is_disabled()


def test_web_analyze_form_can_force_the_language(browser: object, tmp_path: Path) -> None:
    """Found by a user: POST /analyze takes "language" (the E107 answer says to force one) but the page's
    analyse form had no way to send it. A select offers automatic identification and every supported language;
    the choice reaches the stored article, for pasted text (JSON) and for an uploaded file (multipart)."""
    from lagebild.clean import SUPPORTED_LANGUAGES

    if not Path(CHROMIUM).exists():
        pytest.skip("Debian chromium is not installed (apt-get install chromium)")
    samples = ROOT / "samples" / "text"
    # three real German Wikinews articles (CC BY 2.5, samples/ATTRIBUTION.md), the first 600 characters of each
    homs = (samples / "wikinews-68080.txt").read_text(encoding="utf-8")[:600]
    zug = samples / "wikinews-43568.txt"
    upload = tmp_path / "schnellzug.txt"
    upload.write_text(zug.read_text(encoding="utf-8")[:600], encoding="utf-8")
    with live_server(tmp_path / "analyse.duckdb", "--writable") as base:
        ctx = browser.new_context(viewport={"width": 1280, "height": 800}, locale="de-DE")  # type: ignore[attr-defined]
        pg = ctx.new_page()
        errors: list[str] = []
        pg.on("pageerror", lambda e: errors.append(str(e)))
        pg.base = base
        _go(pg, "#/analyze")
        select = pg.locator("#an-language")
        assert select.evaluate("s => [...s.options].map(o => o.value)") == ["", *SUPPORTED_LANGUAGES]
        assert select.evaluate("s => [...s.options].map(o => o.textContent)") == [
            "automatisch erkennen", "Deutsch", "Englisch"]
        assert pg.locator("label:has(#an-language) span").inner_text() == "Sprache"
        pg.select_option("#an-language", "en")
        _shot(pg, "08-analyse-language")

        def analyse(language: str, *, text: str | None = None, file: Path | None = None) -> dict:
            pg.goto("about:blank")  # a fresh form (from the article view only the hash would change)
            _go(pg, "#/analyze")
            if text is not None:
                pg.fill("#an-text", text)
            if file is not None:
                pg.set_input_files("#an-file", str(file))
            pg.select_option("#an-language", language)
            with pg.expect_request(lambda r: r.url.endswith("/analyze") and r.method == "POST") as sent:
                pg.click("#an-submit")
            pg.wait_for_selector("body[data-ready=article]", timeout=120_000)
            aid = pg.evaluate("decodeURIComponent(location.hash.split('/')[2])")
            stored = pg.evaluate("(id) => fetch('/articles/' + encodeURIComponent(id)).then(r => r.json())", aid)
            body = (sent.value.post_data_buffer or b"").decode("utf-8", "replace")
            return {"body": body, "language": stored["article"]["language"]}

        auto = analyse("", text=homs)
        assert auto["language"] == "de" and '"language"' not in auto["body"]
        # German text forced to English: only the form's choice can have made it "en" (Playwright does not
        # expose multipart bodies, so the stored article is the check)
        assert analyse("en", file=upload)["language"] == "en"
        pasted = analyse("en", text=(samples / "wikinews-74940.txt").read_text(encoding="utf-8")[:600])
        assert pasted["language"] == "en" and '"language":"en"' in pasted["body"]
        # an API error under the form reads as a sentence with its code, not as a JSON string; French text from
        # the French Wikipedia article 'Paris' (CC BY-SA), as in tests/test_server.py, gets E107
        pg.goto("about:blank")
        _go(pg, "#/analyze")
        pg.fill("#an-text", "Paris est la capitale de la France. Elle se situe au cœur d'un vaste bassin "
                "sédimentaire aux sols fertiles et au climat tempéré, le bassin parisien, sur une boucle de la Seine.")
        pg.select_option("#an-language", "")
        pg.click("#an-submit")
        expect(pg.locator("#an-status")).to_contain_text("E107", timeout=60_000)
        shown = pg.locator("#an-status").inner_text()
        assert shown.startswith("Fehler: E107: language is fr") and '"' not in shown, shown
        assert "language select of the web page" in shown, shown
        ctx.close()
    assert not errors, errors


WEB_DB = os.environ.get("LAGEBILD_WEB_DB")


@pytest.mark.slow
@pytest.mark.skipif(not WEB_DB, reason="set LAGEBILD_WEB_DB=path.duckdb to check every view against that database")
def test_web_every_view_on_given_db(browser: object) -> None:
    """Opt-in: LAGEBILD_WEB_DB=big.duckdb pytest -m slow tests/browser -k given_db"""
    db = Path(WEB_DB or "")
    with live_server(db) as base:
        ctx = browser.new_context(viewport={"width": 1280, "height": 800}, locale="de-DE")  # type: ignore[attr-defined]
        pg = ctx.new_page()
        errors: list[str] = []
        pg.on("pageerror", lambda e: errors.append(str(e)))
        pg.base = base
        tag = db.stem
        for view in ("articles", "map", "timeline", "entities", "analyze"):
            _go(pg, f"#/{view}")
            _shot(pg, f"db-{tag}-{view}")
        _go(pg, "#/articles")
        pg.locator("a.article-link").first.click()
        pg.wait_for_selector("body[data-ready=article]")
        check_article_spans(pg)
        _shot(pg, f"db-{tag}-article")
        _go(pg, "#/map")
        markers = pg.locator("path.leaflet-interactive.marker-place")
        if markers.count():
            markers.first.click(force=True)
            pg.wait_for_selector("#map-detail .sentences li")
        _go(pg, "#/articles?q=Regierung")
        ctx.close()
        assert not errors, errors


def test_web_each_story_once_filter(browser: object, tmp_path_factory: pytest.TempPathFactory) -> None:
    """The whole samples/ folder with its 2 near-duplicate copies: the checkbox hides them (and keeps the hash)."""
    import lagebild
    from lagebild.dedup import assign_clusters
    from lagebild.ingest import read_paths
    from lagebild.runner import ingest
    from lagebild.store import Store

    db = tmp_path_factory.mktemp("web-dedup") / "c.duckdb"
    with Store(db) as store:
        ingest(read_paths([str(Path(__file__).parents[2] / "samples")]), lagebild.load("fast"), store)
        assert assign_clusters(store, embeddings=False)["duplicates"] == 2
    with live_server(db) as base:
        pg = browser.new_page()  # type: ignore[attr-defined]
        pg.base = base
        try:
            _go(pg, "#/articles")
            assert pg.locator(".article-card").count() == 12
            pg.check("#f-unique")
            pg.click("#f-apply")
            expect(pg.locator(".article-card")).to_have_count(10)
            assert "unique=true" in pg.evaluate("location.hash")
            pg.reload()
            pg.wait_for_selector("body[data-ready]:not([data-ready=error])", timeout=15000)
            assert pg.locator("#f-unique").is_checked()
            expect(pg.locator(".article-card")).to_have_count(10)
        finally:
            pg.close()



def test_web_error_does_not_linger_after_navigation(page: object) -> None:
    """Found by hands-on testing: after an unknown article id, the next (valid) article still showed the old
    "Fehler: no such article" banner above it, and the unknown id was shown under the previous article's text;
    a mistyped view name gave an empty page."""
    _go(page, "#/articles")
    page.locator("a.article-link", has_text="Artilleriebeschuss der Stadt Homs").click()
    page.wait_for_selector("body[data-ready=article]")
    homs_id = page.evaluate("decodeURIComponent(location.hash.split('/')[2])")
    page.evaluate("location.hash = '#/article/gibt-es-nicht'")
    page.wait_for_selector("body[data-ready=error]")
    assert page.locator(".view-error").count() == 1
    # the API's {detail, code, error} as a sentence with its code; it was shown JSON-quoted ('"no such article"')
    assert page.locator(".view-error").inner_text() == "Fehler: E503: no such article"
    assert page.locator("#doc-title").inner_text() == "" and page.locator("#doc-text mark").count() == 0
    page.evaluate("(id) => { location.hash = '#/article/' + id; }", homs_id)
    page.wait_for_selector("body[data-ready=article]")
    assert page.locator(".view-error").count() == 0
    assert page.locator("#doc-title").inner_text() == "Syrien: Artilleriebeschuss der Stadt Homs"
    page.evaluate("location.hash = '#/landkarte'")
    page.wait_for_selector("body[data-ready=articles]")
    assert page.locator("#view-articles").is_visible()
