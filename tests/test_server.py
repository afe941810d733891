"""HTTP API against a database built from the bundled Wikinews sample."""

from __future__ import annotations

import csv
import io
import json
import warnings
from pathlib import Path

import pytest

warnings.filterwarnings("ignore", message=".*httpx.*", category=DeprecationWarning)
from fastapi.testclient import TestClient  # noqa: E402
from serverdb import build_sample_db  # noqa: E402

import lagebild  # noqa: E402
from lagebild.search import SearchIndex, snippet, stem, terms  # noqa: E402
from lagebild.server import create_app, is_loopback, main  # noqa: E402
from lagebild.store import Store  # noqa: E402

INJECTIONS = [
    "'; DROP TABLE articles; --",
    "\" OR 1=1 --",
    "x' OR '1'='1",
    "%' UNION SELECT id, text FROM articles --",
    "); DELETE FROM events; --",
    "../../etc/passwd",
    "\\' OR 1=1",
    "%_%",
]
FILTERS = ["country", "event_type", "actor", "source", "article", "type", "q", "since", "until", "bbox"]
LISTINGS = ["/articles", "/events", "/entities", "/places", "/quotes", "/times", "/quantities"]


@pytest.fixture(scope="module")
def sample_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("api") / "sample.duckdb"
    stats = build_sample_db(path)
    assert stats["new"] == 10
    return path


@pytest.fixture(scope="module")
def client(sample_db: Path) -> TestClient:
    app = create_app(sample_db)
    with TestClient(app) as c:
        yield c


def _counts(db: Path) -> dict[str, int]:
    with Store(db, read_only=True) as s:
        return s.counts()


def test_server_health_and_stats(client: TestClient) -> None:
    assert client.get("/health").json()["writable"] is False
    st = client.get("/stats").json()
    assert st["counts"]["articles"] == 10
    assert st["published"] == ["2006-05-28", "2013-02-14"]
    assert sum(n for _, n in st["event_types"]) == st["counts"]["events"] > 0
    assert {"ASSAULT", "PROTEST"} <= {t for t, _ in st["event_types"]}


@pytest.mark.parametrize("path", LISTINGS)
def test_server_listings_paginate(client: TestClient, path: str) -> None:
    first = client.get(path, params={"limit": 3}).json()
    assert first["total"] >= 3 and len(first["items"]) == 3
    second = client.get(path, params={"limit": 3, "offset": 3}).json()
    key = "id" if path == "/articles" else "idx"
    ids1 = {(i.get("article_id"), i[key]) for i in first["items"]}
    ids2 = {(i.get("article_id"), i[key]) for i in second["items"]}
    assert not ids1 & ids2
    everything = client.get(path, params={"limit": 1000}).json()
    assert len(everything["items"]) == everything["total"]


def test_server_article_offsets_match_text(client: TestClient) -> None:
    arts = client.get("/articles", params={"limit": 50}).json()["items"]
    homs = next(a for a in arts if "Homs" in a["title"])
    assert homs["counts"]["places"] > 0
    doc = client.get(f"/articles/{homs['id']}").json()
    text = doc["article"]["text"]
    assert text.startswith("Syrien: Artilleriebeschuss der Stadt Homs")
    for layer in ("entities", "places", "times", "quantities", "quotes", "events"):
        for r in doc[layer]:
            assert text[r["start"] : r["end"]] == r["text"]
    assert client.get("/articles/doesnotexist").status_code == 404
    assert client.get("/articles/..%2F..%2Fetc%2Fpasswd").status_code == 404


def test_server_event_context_and_filters(client: TestClient) -> None:
    ev = client.get("/events", params={"country": "SY"}).json()
    assert ev["total"] >= 1
    for it in ev["items"]:
        assert it["country_iso3"] == "SYR"
        assert it["context"]["text"] == it["text"]
    assert client.get("/events", params={"country": "SYR"}).json()["total"] == ev["total"]
    protest = client.get("/events", params={"event_type": "PROTEST"}).json()
    assert protest["total"] >= 1 and {i["type"] for i in protest["items"]} == {"PROTEST"}
    dated = client.get("/events", params={"since": "2011-01-01", "until": "2011-12-31"}).json()
    assert dated["total"] >= 1 and all(i["published"].startswith("2011") for i in dated["items"])
    # article-level filters on other layers: places in articles that report a protest
    places = client.get("/places", params={"event_type": "PROTEST", "limit": 1000}).json()
    assert places["total"] >= 1
    assert {p["article_id"] for p in places["items"]} <= {e["article_id"] for e in protest["items"]}
    src = client.get("/articles", params={"source": "wikinews"}).json()
    assert src["total"] == 10
    assert client.get("/articles", params={"source": "spiegel.de"}).json()["total"] == 0
    speaker = client.get("/entities", params={"actor": "netanjahu"}).json()
    assert speaker["total"] >= 1 and all("Netanjahu" in i["text"] for i in speaker["items"])
    ctx = client.get("/places", params={"limit": 5}).json()["items"]
    for it in ctx:
        c = it["context"]
        assert c["start"] <= it["start"] and it["end"] <= c["end"] and it["text"] in c["text"]


def test_server_csv_and_geojson(client: TestClient) -> None:
    r = client.get("/events", params={"format": "csv", "limit": 5})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(r.text)))
    assert rows[0][:3] == ["article_id", "idx", "published"] and len(rows) == 6
    g = client.get("/places", params={"format": "geojson", "limit": 1000}).json()
    assert g["type"] == "FeatureCollection" and g["features"]
    f = next(x for x in g["features"] if x["properties"]["text"] == "Homs")
    lon, lat = f["geometry"]["coordinates"]  # GeoJSON order; Homs in GeoNames is (34.7268 N, 36.7234 E)
    assert abs(lon - 36.7234) < 0.1 and abs(lat - 34.7268) < 0.1
    assert client.get("/quotes", params={"format": "geojson"}).status_code == 422
    s = client.get("/places/summary", params={"format": "geojson"}).json()
    assert any(x["properties"]["name"] == "Gazastreifen" and x["properties"]["mentions"] >= 2
               for x in s["features"])


def test_server_aggregates(client: TestClient) -> None:
    tl = client.get("/timeline", params={"interval": "year"}).json()["items"]
    assert {"bucket": "2011-01-01", "type": "PROTEST", "count": 2} in tl or any(
        t["bucket"] == "2011-01-01" for t in tl)
    assert client.get("/timeline", params={"interval": "decade"}).status_code == 422
    ents = client.get("/entities/summary").json()["items"]
    assert ents[0]["articles"] >= ents[-1]["articles"]
    co = client.get("/entities/cooccurrence", params={"name": "Israel"}).json()["items"]
    assert "Gazastreifen" in {c["b"] for c in co}
    pairs = client.get("/entities/cooccurrence").json()["items"]
    assert all(p["a"] < p["b"] for p in pairs)
    assert client.get("/quotes/speakers").json()["items"][0]["quotes"] >= 1


def test_server_search_german_stemming(client: TestClient) -> None:
    r = client.get("/search", params={"q": "Angriff"}).json()
    titles = [i["title"] for i in r["items"]]
    # "Angriff" finds "Angriffe"/"Angriffen" too
    assert any("Angriffe auf Gaza" in t for t in titles)
    hit = r["items"][0]["snippet"]
    assert hit["match_start"] is not None
    filtered = client.get("/search", params={"q": "Angriff", "country": "IL"}).json()
    assert 0 < filtered["total"] <= r["total"]
    assert client.get("/search", params={"q": "Zwiebelkuchenrezept"}).json()["total"] == 0
    ev = client.get("/events", params={"q": "Homs"}).json()
    assert ev["total"] >= 1 and all("Homs" in i["title"] for i in ev["items"])
    assert client.get("/search").status_code == 422
    assert client.get("/search", params={"q": "x" * 500}).status_code == 422


def test_search_stemmer_german_forms() -> None:
    assert stem("Angriffe") == stem("Angriffen") == stem("Angriff")
    assert stem("Soldaten") == stem("Soldat")
    assert stem("Häusern") == stem("Häuser")
    assert stem("Städte") == "stadt"
    assert stem("Regierungen") == stem("Regierung")
    assert terms("Gaza-Streifen, 2011") == ["gaza", "streif", "2011"]
    text = "Israelische Kampfflugzeuge setzten ihre Angriffe auf Ziele im Gazastreifen fort."
    s = snippet(text, "Angriff")
    assert text[s["match_start"] : s["match_end"]] == "Angriffe"


def test_search_index_incremental(sample_db: Path) -> None:
    with Store(sample_db, read_only=True) as store:
        idx = SearchIndex(store)
        assert idx.search("Taloqan")
        idx.add([("new-1", "Test", "Die Demonstranten in Taloqan protestierten erneut.")])
        assert "new-1" in {a for a, _ in idx.search("Taloqan Demonstrant")}
        idx.close()


def test_server_validation_errors(client: TestClient) -> None:
    bad = [("/events", {"since": "gestern"}), ("/events", {"since": "2011-13-45"}),
           ("/events", {"since": "2012-01-01", "until": "2011-01-01"}), ("/events", {"country": "Atlantis"}),
           ("/events", {"bbox": "1,2,3"}), ("/events", {"bbox": "0,0,500,0"})]
    for path, params in bad:
        r = client.get(path, params=params)
        assert r.status_code == 400, (path, params, r.text)
        assert r.json()["detail"]
    for path, params in [("/events", {"limit": 0}), ("/events", {"limit": 100000}), ("/events", {"offset": -1}),
                         ("/events", {"format": "xml"}), ("/articles", {"actor": "x" * 101})]:
        assert client.get(path, params=params).status_code == 422, (path, params)
    assert client.get("/events", params={"limit": 5000}).status_code == 400  # JSON pages stop at 1000
    assert client.get("/events", params={"limit": 5000, "format": "csv"}).status_code == 200
    assert client.get("/nope").status_code == 404


@pytest.mark.parametrize("value", INJECTIONS)
def test_server_injection_strings_are_data(client: TestClient, sample_db: Path, value: str) -> None:
    before = _counts(sample_db)
    for path in LISTINGS:
        for name in FILTERS:
            r = client.get(path, params={name: value})
            assert r.status_code in (200, 400, 422), (path, name, r.status_code, r.text)
            if r.status_code == 200:
                body = r.json()
                # a filter value is compared as data, so it never widens the result
                if name in ("event_type", "type", "article"):
                    assert body["total"] == 0, (path, name, value)
    for path in ("/search", "/timeline", "/places/summary", "/entities/summary", "/entities/cooccurrence",
                 "/quotes/speakers"):
        r = client.get(path, params={"q": value, "actor": value, "name": value})
        assert r.status_code in (200, 400, 422), (path, r.status_code)
    assert client.get(f"/articles/{value}").status_code in (404, 422)
    assert _counts(sample_db) == before
    r = client.get("/entities", params={"actor": "%"}).json()
    assert r["total"] == 0  # LIKE wildcards in a value are escaped


def test_server_static_files_and_traversal(client: TestClient) -> None:
    assert client.get("/static/vendor/leaflet/leaflet.js").status_code == 200
    assert client.get("/static/vendor/leaflet/LICENSE").status_code == 200
    basemap = client.get("/static/vendor/natural-earth/countries.geojson", headers={"Accept-Encoding": "gzip"})
    assert basemap.headers.get("content-encoding") == "gzip" and len(basemap.json()["features"]) > 200
    for path in ("/static/../server.py", "/static/%2e%2e/server.py", "/static/..%2Fserver.py",
                 "/static/vendor/../../server.py", "/static//etc/passwd", "/static/%2e%2e/%2e%2e/store.py"):
        r = client.get(path)
        assert r.status_code == 404, (path, r.status_code)
        assert "import" not in r.text
    docs = client.get("/docs")
    assert docs.status_code == 200 and "/static/vendor/swagger-ui/" in docs.text and "cdn" not in docs.text
    spec = client.get("/openapi.json").json()
    for p in ("/analyze", "/articles", "/articles/{article_id}", "/events", "/entities", "/places", "/quotes",
              "/search", "/timeline"):
        assert p in spec["paths"]
    page = client.get("/")
    assert page.status_code == 200 and "Content-Security-Policy" in page.headers


def test_server_analyze_refused_when_read_only(client: TestClient, sample_db: Path) -> None:
    r = client.post("/analyze", json={"text": "Die Armee beschoss am Montag die Stadt Homs."})
    assert r.status_code == 403 and "--writable" in r.json()["detail"]
    assert _counts(sample_db)["articles"] == 10


@pytest.fixture()
def writable_client(tmp_path: Path) -> TestClient:
    db = tmp_path / "w.duckdb"
    app = create_app(db, writable=True, max_body=20_000)  # the real fast pipeline
    with TestClient(app) as c:
        yield c


def test_server_analyze_stores_idempotently(writable_client: TestClient, homs_text: str) -> None:
    body = {"text": homs_text, "published": "2011-05-11", "url": "https://de.wikinews.org/wiki/Homs"}
    assert writable_client.get("/stats").json()["counts"]["articles"] == 0
    r = writable_client.post("/analyze", json=body)
    assert r.status_code == 200, r.text
    # aggregates are cached, and the cache is cleared by a write
    assert writable_client.get("/stats").json()["counts"]["articles"] == 1
    out = r.json()
    assert out["stored"] and out["new"]
    doc = out["doc"]
    assert any(p["text"] == "Homs" for p in doc["places"])
    for p in doc["places"]:
        assert doc["article"]["text"][p["start"] : p["end"]] == p["text"]
    again = writable_client.post("/analyze", json=body).json()
    assert again["id"] == out["id"] and again["new"] is False
    assert writable_client.get("/articles").json()["total"] == 1
    assert writable_client.get("/search", params={"q": "Artilleriefeuer"}).json()["total"] == 1
    # plain text body and file upload
    r2 = writable_client.post("/analyze", content=b"Israel startete am Samstagabend die Bodenoffensive.",
                              headers={"content-type": "text/plain"}, params={"published": "2009-01-03"})
    assert r2.status_code == 200 and r2.json()["doc"]["article"]["published"] == "2009-01-03"
    r3 = writable_client.post("/analyze", files={"file": ("a.html", b"<html><body><p>" + homs_text[:800].encode()
                                                            + b"</p></body></html>", "text/html")})
    assert r3.status_code == 200, r3.text
    assert writable_client.get("/articles").json()["total"] == 3


def test_server_analyze_refuses_cross_origin_posts(writable_client: TestClient) -> None:
    r = writable_client.post("/analyze", content=b"Homs wurde beschossen.", headers={
        "content-type": "text/plain", "origin": "http://evil.example"})
    assert r.status_code == 403 and "cross-origin" in r.json()["detail"]
    assert writable_client.get("/articles").json()["total"] == 0
    same = writable_client.post("/analyze", content=b"Die Stadt Homs wurde am Montag beschossen.",
                                headers={"content-type": "text/plain", "origin": "http://testserver"})
    assert same.status_code == 200


def test_server_host_header_checked(sample_db: Path) -> None:
    app = create_app(sample_db, allowed_hosts=["127.0.0.1", "localhost"])
    with TestClient(app, base_url="http://127.0.0.1:8000") as c:
        assert c.get("/health").status_code == 200
        # a DNS-rebinding page reaches the server under its own host name
        assert c.get("/articles", headers={"host": "attacker.example"}).status_code == 400


def test_server_analyze_errors(writable_client: TestClient) -> None:
    assert writable_client.post("/analyze", json={"text": "   "}).status_code == 400
    assert writable_client.post("/analyze", json={"nope": 1}).status_code == 400
    assert writable_client.post("/analyze", content=b"{not json", headers={"content-type": "application/json"}
                                ).status_code == 400
    assert writable_client.post("/analyze", content=b"\x00\x01\x02" * 100,
                                headers={"content-type": "application/octet-stream"}).status_code == 400
    assert writable_client.post("/analyze", content=b"x", headers={"content-type": "image/png"}).status_code == 415
    r = writable_client.post("/analyze", json={"text": "Die Stadt. " * 5000})
    assert r.status_code == 413
    r = writable_client.post("/analyze", json={"text": "Homs wurde beschossen.", "published": "letzte Woche"})
    assert r.status_code == 400


def test_server_token_required(sample_db: Path) -> None:
    app = create_app(sample_db, token="s3cret-token")
    with TestClient(app) as c:
        assert c.get("/articles").status_code == 401
        assert c.get("/articles", headers={"Authorization": "Bearer wrong"}).status_code == 401
        assert c.get("/articles", headers={"Authorization": "Bearer s3cret-token"}).status_code == 200
        assert c.get("/events", headers={"X-API-Token": "s3cret-token"}).status_code == 200
        # the page and its files carry no data and load without the token
        assert c.get("/").status_code == 200
        assert c.get("/static/app.js").status_code == 200
        assert c.get("/health").status_code == 200


def test_server_concurrency_limit_answers_503(sample_db: Path) -> None:
    import asyncio

    from lagebild.server import LimitsMiddleware

    async def slow_app(scope: dict, receive: object, send: object) -> None:
        await asyncio.sleep(0.3)
        await send({"type": "http.response.start", "status": 200, "headers": []})
        await send({"type": "http.response.body", "body": b"ok"})

    mw = LimitsMiddleware(slow_app, max_body=100, max_concurrency=1, queue_timeout=0.05, request_timeout=0.2)
    sent: list[list[dict]] = [[], []]

    async def run() -> None:
        async def receive() -> dict:
            return {"type": "http.request", "body": b""}

        def sender(i: int):  # noqa: ANN202
            async def send(msg: dict) -> None:
                sent[i].append(msg)
            return send

        scope = {"type": "http", "headers": []}
        await asyncio.gather(mw(scope, receive, sender(0)), mw(scope, receive, sender(1)))

    asyncio.run(run())
    statuses = sorted(m[0]["status"] for m in sent)
    # one request times out (504), the other found no free slot (503)
    assert statuses == [503, 504]


def test_server_refuses_remote_host_without_flag(sample_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db", str(sample_db), "--host", "0.0.0.0"]) == 2
    assert "--allow-remote" in capsys.readouterr().err
    assert main(["--db", str(sample_db.parent / "missing.duckdb")]) == 5
    assert is_loopback("127.0.0.1") and is_loopback("::1") and is_loopback("localhost")
    assert not is_loopback("0.0.0.0") and not is_loopback("192.168.1.5")


def test_server_openapi_lists_formats(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    params = {p["name"] for p in spec["paths"]["/events"]["get"]["parameters"]}
    assert {"since", "until", "country", "event_type", "actor", "source", "limit", "offset", "format", "q"} <= params
    assert json.dumps(spec).count("geojson") >= 2


def test_server_loadtest_script_only_targets_loopback(capsys: pytest.CaptureFixture[str]) -> None:
    import importlib.util

    spec = importlib.util.spec_from_file_location("loadtest", Path(__file__).parents[1] / "scripts" / "loadtest.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    assert mod.main(["--url", "http://10.0.0.5:8000", "--duration", "1"]) == 2
    assert mod.main(["--url", "http://example.org", "--duration", "1"]) == 2
    assert mod.main(["--url", "http://127.0.0.1:9", "--clients", "100"]) == 2
    assert mod.is_loopback_url("http://127.0.0.1:8000") and mod.is_loopback_url("http://[::1]:80")


@pytest.fixture(scope="module")
def clustered(tmp_path_factory: pytest.TempPathFactory) -> TestClient:
    """The whole samples/ folder (HTML pages, texts, JSONL) with near-duplicates and story clusters marked."""
    from lagebild.dedup import assign_clusters
    from lagebild.ingest import read_paths
    from lagebild.runner import ingest

    path = tmp_path_factory.mktemp("clusters") / "c.duckdb"
    with Store(path) as store:
        ingest(read_paths([str(Path(__file__).parents[1] / "samples")]), lagebild.load("fast"), store)
        res = assign_clusters(store)
    assert res["articles"] == 12 and res["duplicates"] == 2
    with TestClient(create_app(path)) as c:
        yield c


def test_server_unique_hides_near_duplicate_copies(clustered: TestClient) -> None:
    every = clustered.get("/articles", params={"limit": 100}).json()
    unique = clustered.get("/articles", params={"limit": 100, "unique": "true"}).json()
    assert (every["total"], unique["total"]) == (12, 10)
    copies = [a for a in every["items"] if a["duplicate_of"]]
    assert len(copies) == 2
    originals = {a["id"] for a in unique["items"]}
    for c in copies:
        assert c["id"] not in originals and c["duplicate_of"] in originals
        # a copy joins its original's story cluster
        assert c["cluster_id"] == next(a["cluster_id"] for a in every["items"] if a["id"] == c["duplicate_of"])
        assert clustered.get(f"/articles/{c['id']}").json()["duplicate_of"] == c["duplicate_of"]


def test_server_unique_events_count_each_event_once_per_story(clustered: TestClient) -> None:
    every = clustered.get("/events", params={"limit": 1}).json()["total"]
    unique = clustered.get("/events", params={"limit": 1, "unique": "true"}).json()["total"]
    copy_events = sum(clustered.get("/events", params={"article": a["id"], "limit": 1}).json()["total"]
                      for a in clustered.get("/articles", params={"limit": 100}).json()["items"] if a["duplicate_of"])
    assert copy_events > 0
    assert unique <= every - copy_events


def test_server_clusters_group_articles_of_one_story(clustered: TestClient) -> None:
    res = clustered.get("/clusters", params={"limit": 100}).json()
    # 12 articles: 2 copies join their originals, and the two Gaza reports of 2008-12-31 and 2009-01-03 are one story
    assert res["total"] == len(res["items"]) == 9
    assert sum(c["articles"] for c in res["items"]) == 12
    multi = clustered.get("/clusters", params={"min_size": 2, "order": "size"}).json()["items"]
    assert multi and all(c["articles"] >= 2 for c in multi)
    assert sum(c["copies"] for c in multi) == 2
    for c in multi:
        arts = clustered.get("/articles", params={"cluster": c["cluster_id"], "limit": 100}).json()
        assert arts["total"] == c["articles"]
        assert {a["cluster_id"] for a in arts["items"]} == {c["cluster_id"]}
        evs = clustered.get("/events", params={"cluster": c["cluster_id"], "unique": "true", "limit": 1}).json()
        assert evs["total"] == c["events"]
    assert clustered.get("/clusters", params={"order": "nonsense"}).status_code == 422


def test_server_aggregates_count_each_story_once(clustered: TestClient) -> None:
    def total(path: str, key: str, **params: str) -> int:
        return sum(it[key] for it in clustered.get(path, params=params).json()["items"])

    assert total("/timeline", "count", interval="year", unique="true") == \
        clustered.get("/events", params={"unique": "true", "limit": 1}).json()["total"]
    assert total("/timeline", "count", interval="year", unique="true") < total("/timeline", "count", interval="year")
    assert total("/places/summary", "mentions", unique="true") < total("/places/summary", "mentions")
    assert total("/quotes/speakers", "quotes", unique="true") <= total("/quotes/speakers", "quotes")
    hits = clustered.get("/search", params={"q": "Homs", "limit": 100}).json()["total"]
    unique_hits = clustered.get("/search", params={"q": "Homs", "limit": 100, "unique": "true"}).json()["total"]
    assert unique_hits < hits


def test_server_aggregate_cache_stays_within_its_byte_bound(sample_db: Path, client: TestClient,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    from lagebild import server

    answers = [client.get(path, params={"limit": n}).content
               for path in ("/places/summary", "/entities/summary", "/quotes/speakers") for n in (5, 50, 500)]
    answers = [a for a in answers if a]
    big = max(len(a) for a in answers)
    monkeypatch.setattr(server, "CACHE_BYTES", 8 * big)
    backend = server.Backend(sample_db, writable=False, mode="fast", disable=(), analyzer_factory=None,
                             query_timeout=5.0, analyze_concurrency=1)
    try:
        for i in range(200):
            backend.cache_put(f"/q?i={i}", (answers[i % len(answers)], "application/json"))
            held = sum(len(v[0]) for v in backend._cache.values())
            assert held == backend._cache_bytes <= server.CACHE_BYTES
        assert backend.cache_get("/q?i=199") is not None and backend.cache_get("/q?i=0") is None
        backend.cache_put("/huge", (b"x" * (server.CACHE_BYTES // 8 + 1), None))  # too big to keep
        assert backend.cache_get("/huge") is None
        backend.cache_clear()
        assert backend._cache_bytes == 0 and not backend._cache
    finally:
        backend.store.close()


def test_server_analyze_refuses_a_forced_language_that_is_no_language(writable_client: TestClient) -> None:
    """Found by hands-on testing: {"language": "xx"} was analysed and stored as an article in language "xx"."""
    text = "Die Bundeswehr hat am Montag in Mali drei Soldaten verloren, teilte das Ministerium in Berlin mit."
    r = writable_client.post("/analyze", json={"text": text, "language": "xx"})
    assert r.status_code == 400 and r.json()["code"] == "E100" and "ISO 639-1" in r.json()["detail"]
    assert writable_client.get("/articles").json()["total"] == 0
    ok = writable_client.post("/analyze", json={"text": text, "language": "DE"})
    assert ok.status_code == 200 and ok.json()["doc"]["article"]["language"] == "de"


def test_server_port_in_use_is_a_clear_error_not_an_abort(sample_db: Path) -> None:
    """Found by hands-on testing: a second `lagebild serve` on a busy port printed uvicorn's bind error, then
    "terminate called after throwing an instance of ''" and aborted (exit 134) with the search-index thread
    still inside DuckDB."""
    import socket
    import subprocess
    import sys

    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen(1)
        port = busy.getsockname()[1]
        r = subprocess.run([sys.executable, "-m", "lagebild.server", "--db", str(sample_db), "--port", str(port)],
                           capture_output=True, text=True, timeout=120)
    assert r.returncode == 2, r.stderr
    assert f"cannot listen on 127.0.0.1:{port}" in r.stderr and "--port" in r.stderr
    assert "terminate called" not in r.stderr


def test_server_cluster_and_geonameid_filters_are_not_ignored(clustered: TestClient) -> None:
    """Found by hands-on testing: README and api.md promise cluster= on every listing and aggregate and
    geonameid= on events, but /timeline, /places/summary, /entities/summary, /entities/cooccurrence,
    /quotes/speakers and /clusters ignored cluster=, and /events ignored geonameid= (every event matched)."""
    multi = clustered.get("/clusters", params={"min_size": 2, "order": "size"}).json()["items"]
    homs = next(c for c in multi if "Homs" in (c["title"] or ""))
    cid = homs["cluster_id"]
    one = clustered.get("/clusters", params={"cluster": cid}).json()
    assert one["total"] == 1 and one["items"][0]["cluster_id"] == cid
    story_events = clustered.get("/events", params={"cluster": cid, "limit": 1}).json()["total"]
    timeline = clustered.get("/timeline", params={"interval": "year", "cluster": cid}).json()["items"]
    assert sum(it["count"] for it in timeline) == story_events
    assert {it["bucket"] for it in timeline} == {"2011-01-01"}
    places = clustered.get("/places/summary", params={"cluster": cid}).json()["items"]
    assert places and {p["country_iso3"] for p in places} == {"SYR"}
    names = {e["name"] for e in clustered.get("/entities/summary", params={"cluster": cid}).json()["items"]}
    assert "Homs" in names and "Gazastreifen" not in names
    pairs = clustered.get("/entities/cooccurrence", params={"cluster": cid, "limit": 500}).json()["items"]
    assert pairs and all("Gaza" not in p["a"] + p["b"] for p in pairs)
    speakers = clustered.get("/quotes/speakers", params={"cluster": cid}).json()["items"]
    assert sum(s["quotes"] for s in speakers) == clustered.get("/quotes", params={"cluster": cid}).json()["total"]
    # GeoNames 169577 is Homs, Syria
    every = clustered.get("/events", params={"limit": 1}).json()["total"]
    at_homs = clustered.get("/events", params={"geonameid": 169577, "limit": 1000}).json()
    assert 0 < at_homs["total"] < every
    assert all(e["place"]["geonameid"] == 169577 for e in at_homs["items"])


def test_server_aggregates_follow_the_place_filters_of_the_listings(client: TestClient) -> None:
    """Found by a user: api.md says bbox=, geonameid= and place= filter every listing and aggregate, but
    /timeline, /places/summary, /entities/summary, /entities/cooccurrence and /quotes/speakers ignored them
    (a map region's timeline counted the whole database). Each aggregate must now count what its listing lists."""
    afghanistan = {"bbox": "60,29,75,39"}  # the Wikinews sample's Taloqan, Helmand and Afghanistan articles
    every_event = client.get("/events", params={"limit": 1}).json()["total"]
    events = client.get("/events", params={**afghanistan, "limit": 1}).json()["total"]
    assert 0 < events < every_event
    timeline = client.get("/timeline", params={**afghanistan, "interval": "year"}).json()["items"]
    assert sum(it["count"] for it in timeline) == events
    places = client.get("/places", params={**afghanistan, "limit": 1}).json()["total"]
    summary = client.get("/places/summary", params=afghanistan).json()["items"]
    assert summary and sum(p["mentions"] for p in summary) == places
    assert {p["country_iso3"] for p in summary} == {"AFG"}
    entities = client.get("/entities", params={**afghanistan, "limit": 1}).json()["total"]
    assert 0 < entities < client.get("/entities", params={"limit": 1}).json()["total"]
    ents = client.get("/entities/summary", params={**afghanistan, "limit": 1000}).json()["items"]
    assert sum(e["mentions"] for e in ents) == entities
    quotes = client.get("/quotes", params={**afghanistan, "limit": 1}).json()["total"]
    speakers = client.get("/quotes/speakers", params=afghanistan).json()["items"]
    assert sum(s["quotes"] for s in speakers) == quotes
    names = {e["name"] for e in ents}
    pairs = client.get("/entities/cooccurrence", params={**afghanistan, "limit": 1000}).json()["items"]
    assert pairs and {p["a"] for p in pairs} | {p["b"] for p in pairs} <= names
    # one place by GeoNames id or by name: the timeline counts that place's events
    homs = client.get("/places", params={"place": "Homs", "limit": 1}).json()["items"][0]
    for params in ({"geonameid": homs["geonameid"]}, {"place": "Homs"}):
        listed = client.get("/events", params={**params, "limit": 1}).json()["total"]
        tl = client.get("/timeline", params={**params, "interval": "year"}).json()["items"]
        assert sum(it["count"] for it in tl) == listed < every_event
    assert client.get("/timeline", params={"bbox": "1,2,3"}).status_code == 400


def test_server_every_400_has_the_shape_and_code_of_a_bad_filter(client: TestClient,
                                                                 writable_client: TestClient) -> None:
    """Found by a user: limit=5000 on a JSON listing answered 400 with only {"detail"}, while a bad date
    answers {"detail", "code", "error"}; the malformed POST /analyze bodies had no code either."""
    shape = client.get("/events", params={"since": "gestern"}).json()
    assert shape["code"] == "E100" and shape["error"] == "InputError"
    r = client.get("/events", params={"limit": 5000})
    assert r.status_code == 400
    assert r.json() == {"detail": "limit must be at most 1000 for format=json", "code": "E100", "error": "InputError"}
    assert client.get("/entities/summary", params={"limit": 5000}).status_code == 422  # FastAPI's own bound
    for kwargs, code in [({"content": b"{not json", "headers": {"content-type": "application/json"}}, "E105"),
                         ({"json": {"nope": 1}}, "E100"),
                         ({"json": {"text": "Homs wurde beschossen.", "title": 3}}, "E100"),
                         ({"files": {"other": ("a.txt", b"Homs", "text/plain")}}, "E100")]:
        r = writable_client.post("/analyze", **kwargs)
        assert r.status_code == 400 and r.json()["code"] == code, (kwargs, r.text)
        assert set(r.json()) == {"detail", "code", "error"}


def test_server_bad_host_header_is_a_json_error_with_a_code(sample_db: Path) -> None:
    """Found by a user: a DNS-rebinding request got Starlette's plain-text "Invalid host header"; every other
    API error is JSON. The protection stays: only the loopback names (with or without a port) are answered."""
    from lagebild.server import LOOPBACK_NAMES

    app = create_app(sample_db, allowed_hosts=LOOPBACK_NAMES)
    with TestClient(app, base_url="http://127.0.0.1:8000") as c:
        for host in ("127.0.0.1:8000", "localhost", "LOCALHOST:8000", "[::1]:8000", "[::1]"):
            assert c.get("/health", headers={"host": host}).status_code == 200, host
        for host in ("attacker.example", "localhost.attacker.example", "127.0.0.1.nip.io:8000", ""):
            r = c.get("/articles", headers={"host": host})
            assert r.status_code == 400, host
            assert r.headers["content-type"] == "application/json"
            assert r.json()["code"] == "E108" and r.json()["error"] == "HostNotAllowedError"
            assert "Host header" in r.json()["detail"]


def test_server_refuses_to_start_with_segment_disabled(sample_db: Path) -> None:
    """Found by a user: `lagebild serve --disable segment` started; the pipeline (loaded on the first POST
    /analyze) silently kept the stage. A stage that cannot be disabled now stops the start."""
    from lagebild.errors import ConfigError

    with pytest.raises(ConfigError, match="segment cannot be disabled.*may be disabled: entities, places"):
        create_app(sample_db, disable=("segment",))
    r = main(["--db", str(sample_db), "--disable", "segment", "--port", "0"])
    assert r == 2


ERROR_SHAPE = {"detail", "code", "error"}


def _error(r: object, status: int, code: str, error: str) -> str:
    assert r.status_code == status, (r.status_code, r.text)  # type: ignore[attr-defined]
    body = r.json()  # type: ignore[attr-defined]
    assert set(body) == ERROR_SHAPE and isinstance(body["detail"], str) and body["detail"], body
    assert (body["code"], body["error"]) == (code, error), body
    return body["detail"]


def test_server_every_error_status_answers_detail_code_and_error(client: TestClient, writable_client: TestClient,
                                                                 sample_db: Path) -> None:
    """Found by review: 401/403/404/413/503/504 answered only {"detail"} and FastAPI's 422 kept its list of
    dicts, while every other error answered {"detail", "code", "error"}. Status codes stay as they were."""
    _error(client.get("/articles/doesnotexist"), 404, "E503", "NotFoundError")
    _error(client.get("/nope"), 404, "E503", "NotFoundError")
    _error(client.delete("/articles"), 405, "E500", "RequestError")
    detail = _error(client.get("/entities/summary", params={"limit": 20000}), 422, "E109", "ParameterError")
    assert "'limit'" in detail
    detail = _error(client.get("/events", params={"limit": "zwanzig"}), 422, "E109", "ParameterError")
    assert "'limit'" in detail and "integer" in detail
    _error(client.get("/search"), 422, "E109", "ParameterError")
    assert "--writable" in _error(client.post("/analyze", json={"text": "Homs wurde beschossen."}), 403, "E502",
                                  "ForbiddenError")
    _error(writable_client.post("/analyze", json={"text": "Homs wurde beschossen."},
                                headers={"origin": "http://evil.example"}), 403, "E502", "ForbiddenError")
    _error(writable_client.post("/analyze", content=b"x", headers={"content-type": "image/png"}), 415, "E504",
           "UnsupportedMediaTypeError")
    app = create_app(sample_db, token="s3cret-token", max_body=1000)
    with TestClient(app) as c:
        r = c.get("/articles")
        _error(r, 401, "E501", "AuthenticationError")
        assert r.headers["www-authenticate"].startswith("Bearer")
        _error(c.post("/analyze", content=b"x" * 2000, headers={"Authorization": "Bearer s3cret-token"}), 413,
               "E104", "InputTooLargeError")
        _error(c.post("/analyze", content=b"x", headers={"Authorization": "Bearer s3cret-token",
                                                          "content-length": "zwei"}), 400, "E100", "InputError")


def test_server_busy_and_timeout_answers_carry_codes() -> None:
    """The 503 (no free slot) and 504 (request over its time) written by the limits middleware itself."""
    import asyncio

    from lagebild.server import LimitsMiddleware

    async def slow_app(scope: dict, receive: object, send: object) -> None:
        await asyncio.sleep(0.3)
        await send({"type": "http.response.start", "status": 200, "headers": []})
        await send({"type": "http.response.body", "body": b"ok"})

    mw = LimitsMiddleware(slow_app, max_body=100, max_concurrency=1, queue_timeout=0.05, request_timeout=0.2)
    sent: list[list[dict]] = [[], []]

    async def run() -> None:
        async def receive() -> dict:
            return {"type": "http.request", "body": b""}

        def sender(i: int):  # noqa: ANN202
            async def send(msg: dict) -> None:
                sent[i].append(msg)
            return send

        scope = {"type": "http", "headers": []}
        await asyncio.gather(mw(scope, receive, sender(0)), mw(scope, receive, sender(1)))

    asyncio.run(run())
    answers = sorted((m[0]["status"], json.loads(m[1]["body"])) for m in sent)
    assert [(s, b["code"], b["error"]) for s, b in answers] == [(503, "E505", "ServerBusyError"),
                                                                (504, "E506", "RequestTimeoutError")]
    assert all(set(b) == ERROR_SHAPE for _, b in answers)


def test_server_unsupported_language_names_the_web_form(writable_client: TestClient) -> None:
    """The E107 message named the CLI and the API as ways to force a language; the web page's analyse form has a
    language select too (commit c48de00). French text from the French Wikipedia article 'Paris' (CC BY-SA)."""
    text = ("Paris est la capitale de la France. Elle se situe au cœur d'un vaste bassin sédimentaire aux sols "
            "fertiles et au climat tempéré, le bassin parisien, sur une boucle de la Seine.")
    detail = _error(writable_client.post("/analyze", json={"text": text}), 422, "E107", "UnsupportedLanguageError")
    assert "--language" in detail and "language=" in detail and "web page" in detail


def test_server_openapi_documents_the_422_it_sends(client: TestClient) -> None:
    """The spec described FastAPI's 422 list ({"detail": [{"loc", "msg", ...}]}), which the API no longer sends."""
    spec = client.get("/openapi.json").json()
    ref = spec["paths"]["/events"]["get"]["responses"]["422"]["content"]["application/json"]["schema"]["$ref"]
    schema = spec["components"]["schemas"][ref.rsplit("/", 1)[1]]
    assert set(schema["required"]) == ERROR_SHAPE
    assert all(p["type"] == "string" for p in schema["properties"].values())
    body = client.get("/events", params={"limit": "zwanzig"}).json()
    assert set(body) == set(schema["required"]) and all(isinstance(body[k], str) for k in body)
