/* lagebild web page: plain JavaScript, no build step, no network beyond this server
   (online map tiles only when the user switches them on). Views are chosen by the URL hash,
   e.g. #/map?since=2011-01-01&country=SY; the filter bar writes the same query for every view. */
"use strict";

const LAYERS = ["events", "quotes", "entities", "places", "times", "quantities"];
const FILTER_KEYS = ["q", "since", "until", "country", "event_type", "actor", "source", "unique"];
const PAGE = 20;

const I18N = {
  de: {
    skip: "Zum Inhalt", views: "Ansichten", "nav.articles": "Artikel", "nav.map": "Karte", "nav.timeline": "Zeitleiste",
    "nav.entities": "Akteure", "nav.analyze": "Analysieren", "f.q": "Suche", "f.q.ph": "z. B. Angriffe Homs",
    "f.since": "von", "f.until": "bis", "f.country": "Land", "f.event_type": "Ereignistyp", "f.any": "alle",
    "f.actor": "Akteur", "f.source": "Quelle", "f.unique": "jede Meldung einmal", "f.apply": "Anwenden", "f.reset": "Zurücksetzen", "f.toggle": "Filter",
    "h.articles": "Artikel", back: "← zurück", layers: "Ebenen", details: "Details", records: "Fundstellen",
    "detail.hint": "Markierung anklicken oder mit Tab ansteuern.", "h.map": "Karte", "map.events": "Ereignisse",
    "map.places": "Orte", "map.tiles": "Online-Kacheln (OpenStreetMap)", "map.sentences": "Sätze",
    "map.hint": "Markierung anklicken.", "h.timeline": "Zeitleiste", "tl.interval": "Intervall", "tl.day": "Tag",
    "tl.week": "Woche", "tl.month": "Monat", "tl.year": "Jahr", "tl.events": "Ereignisse", "h.entities": "Akteure",
    "ent.top": "Häufigste Entitäten", "ent.cooc": "Gemeinsam genannt", "ent.quotes": "Zitate", "ent.speakers": "Sprecher",
    "h.analyze": "Artikel analysieren", "an.readonly": "Dieser Server ist schreibgeschützt. Starten Sie ihn mit --writable, um Artikel zu analysieren.",
    "an.text": "Text oder HTML", "an.file": "oder Datei hochladen", "an.published": "Veröffentlicht", "an.submit": "Analysieren",
    "an.language": "Sprache", "an.lang.auto": "automatisch erkennen", "an.lang.de": "Deutsch", "an.lang.en": "Englisch",
    token: "API-Token", "L.events": "Ereignisse", "L.quotes": "Zitate", "L.entities": "Entitäten", "L.places": "Orte",
    "L.times": "Zeitangaben", "L.quantities": "Mengen", results: "{n} Treffer", articles_n: "{n} Artikel",
    prev: "← vorherige", next: "nächste →", page: "Seite {p} von {n}", loading: "lädt …", none: "Keine Treffer.",
    open: "Artikel öffnen", mentions: "Nennungen", in_articles: "in {n} Artikeln", analysing: "Analyse läuft …",
    analysed: "Gespeichert.", error: "Fehler", sentences_at: "Sätze zu {name}", events_n: "{n} Ereignisse",
    places_n: "{n} Orte", "k.type": "Typ", "k.trigger": "Auslöser", "k.sources": "Quelle(n)", "k.targets": "Ziel(e)",
    "k.place": "Ort", "k.date": "Datum", "k.speaker": "Sprecher", "k.cue": "Redeverb", "k.kind": "Art",
    "k.label": "Klasse", "k.canonical": "Kanonisch", "k.country": "Land", "k.coords": "Koordinaten",
    "k.value": "Wert", "k.object": "Objekt", "k.category": "Kategorie", "k.flags": "Merkmale", "k.message": "Aussage",
    "k.feature": "Ortstyp", "k.fatalities": "Todesopfer", "k.reported_by": "Berichtet von", "k.confidence": "Konfidenz",
    "k.addressee": "Adressat", "k.other": "Weitere Nennungen", "k.in_event": "In Ereignissen", quotes_of: "Zitate von {name}",
    partners_of: "Gemeinsam genannt mit {name}", all_pairs: "Häufigste Paare", stored_offsets: "Zeichen {s}–{e}",
  },
  en: {
    skip: "Skip to content", views: "Views", "nav.articles": "Articles", "nav.map": "Map", "nav.timeline": "Timeline",
    "nav.entities": "Actors", "nav.analyze": "Analyse", "f.q": "Search", "f.q.ph": "e.g. attacks Homs",
    "f.since": "from", "f.until": "to", "f.country": "Country", "f.event_type": "Event type", "f.any": "any",
    "f.actor": "Actor", "f.source": "Source", "f.unique": "each story once", "f.apply": "Apply", "f.reset": "Reset", "f.toggle": "Filters",
    "h.articles": "Articles", back: "← back", layers: "Layers", details: "Details", records: "Annotations",
    "detail.hint": "Click a highlight or reach it with Tab.", "h.map": "Map", "map.events": "Events",
    "map.places": "Places", "map.tiles": "Online tiles (OpenStreetMap)", "map.sentences": "Sentences",
    "map.hint": "Click a marker.", "h.timeline": "Timeline", "tl.interval": "Interval", "tl.day": "Day",
    "tl.week": "Week", "tl.month": "Month", "tl.year": "Year", "tl.events": "Events", "h.entities": "Actors",
    "ent.top": "Most mentioned entities", "ent.cooc": "Mentioned together", "ent.quotes": "Quotes", "ent.speakers": "Speakers",
    "h.analyze": "Analyse an article", "an.readonly": "This server is read-only. Start it with --writable to analyse articles.",
    "an.text": "Text or HTML", "an.file": "or upload a file", "an.published": "Published", "an.submit": "Analyse",
    "an.language": "Language", "an.lang.auto": "detect automatically", "an.lang.de": "German", "an.lang.en": "English",
    token: "API token", "L.events": "Events", "L.quotes": "Quotes", "L.entities": "Entities", "L.places": "Places",
    "L.times": "Times", "L.quantities": "Quantities", results: "{n} results", articles_n: "{n} articles",
    prev: "← previous", next: "next →", page: "page {p} of {n}", loading: "loading …", none: "Nothing found.",
    open: "open article", mentions: "mentions", in_articles: "in {n} articles", analysing: "Analysing …",
    analysed: "Stored.", error: "Error", sentences_at: "Sentences about {name}", events_n: "{n} events",
    places_n: "{n} places", "k.type": "Type", "k.trigger": "Trigger", "k.sources": "Source(s)", "k.targets": "Target(s)",
    "k.place": "Place", "k.date": "Date", "k.speaker": "Speaker", "k.cue": "Cue", "k.kind": "Kind",
    "k.label": "Label", "k.canonical": "Canonical", "k.country": "Country", "k.coords": "Coordinates",
    "k.value": "Value", "k.object": "Object", "k.category": "Category", "k.flags": "Flags", "k.message": "Message",
    "k.feature": "Feature type", "k.fatalities": "Fatalities", "k.reported_by": "Reported by", "k.confidence": "Confidence",
    "k.addressee": "Addressee", "k.other": "Other mentions", "k.in_event": "In events", quotes_of: "Quotes by {name}",
    partners_of: "Mentioned with {name}", all_pairs: "Most frequent pairs", stored_offsets: "characters {s}–{e}",
  },
};

let lang = localStorage.getItem("lagebild.lang") || ((navigator.language || "de").startsWith("de") ? "de" : "en");
function t(key, vars) {
  let s = (I18N[lang] && I18N[lang][key]) || I18N.en[key] || key;
  if (vars) for (const [k, v] of Object.entries(vars)) s = s.replace("{" + k + "}", v);
  return s;
}
function applyI18n() {
  document.documentElement.lang = lang;
  document.querySelectorAll("[data-i18n]").forEach((el) => { el.textContent = t(el.dataset.i18n); });
  document.querySelectorAll("[data-i18n-ph]").forEach((el) => { el.placeholder = t(el.dataset.i18nPh); });
  document.querySelectorAll("[data-i18n-aria]").forEach((el) => { el.setAttribute("aria-label", t(el.dataset.i18nAria)); });
  document.getElementById("lang").textContent = lang === "de" ? "EN" : "DE";
}

/* ---------- helpers ---------- */
const $ = (id) => document.getElementById(id);
function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === "class") e.className = v;
    else if (k === "text") e.textContent = v;
    else if (k.startsWith("on")) e.addEventListener(k.slice(2), v);
    else if (k === "dataset") Object.assign(e.dataset, v);
    else e.setAttribute(k, v === true ? "" : v);
  }
  for (const c of children.flat()) if (c !== null && c !== undefined) e.append(c.nodeType ? c : String(c));
  return e;
}
const PALETTE = { ASSAULT: "#b3261e", FIGHT: "#d84315", COERCE: "#6a1b9a", PROTEST: "#ef6c00", THREATEN: "#8e24aa",
  AID: "#2e7d32", COOPERATE: "#00897b", CONSULT: "#1565c0", DEMAND: "#5d4037", DISAPPROVE: "#795548",
  MOBILIZE: "#ad1457", REJECT: "#4e342e", SANCTION: "#37474f", ACCIDENT: "#546e7a", RETREAT: "#9e9d24",
  country: "#2e7d32", city: "#1565c0", admin1: "#6a1b9a", region: "#ef6c00", continent: "#5d4037" };
function colour(type) {
  if (PALETTE[type]) return PALETTE[type];
  let h = 0;
  for (const ch of String(type || "?")) h = (h * 31 + ch.charCodeAt(0)) % 360;
  return `hsl(${h}, 55%, 40%)`;
}
function fmtDate(s) { return s ? String(s).slice(0, 10) : "–"; }

/* ---------- API access (token from sessionStorage when the server asks for one) ---------- */
async function api(path, params, options) {
  const url = new URL(path, location.origin);
  for (const [k, v] of Object.entries(params || {})) if (v !== "" && v !== null && v !== undefined) url.searchParams.set(k, v);
  const opts = Object.assign({ headers: {} }, options || {});
  const token = sessionStorage.getItem("lagebild.token");
  if (token) opts.headers["Authorization"] = "Bearer " + token;
  const r = await fetch(url, opts);
  if (r.status === 401) {
    const dlg = $("token-dialog");
    dlg.showModal();
    await new Promise((res) => dlg.addEventListener("close", res, { once: true }));
    sessionStorage.setItem("lagebild.token", $("token-input").value);
    return api(path, params, options);
  }
  const body = await r.json().catch(() => ({}));
  if (!r.ok) throw Object.assign(new Error(apiErrorText(body, r)), { status: r.status, code: body.code });
  return body;
}
// every API error body is {detail, code, error} (server.py); people read the sentence, the code finds it in
// docs/api.md. A body without them (a proxy's HTML page) falls back to the HTTP status line.
function apiErrorText(body, r) {
  const detail = typeof body.detail === "string" ? body.detail : "";
  const message = detail || r.statusText || `HTTP ${r.status}`;
  return typeof body.code === "string" && body.code ? `${body.code}: ${message}` : message;
}

/* ---------- routing and shared filters ---------- */
function route() {
  const h = location.hash.replace(/^#/, "") || "/articles";
  const [path, query] = h.split("?");
  const parts = path.split("/").filter(Boolean);
  return { view: parts[0] || "articles", arg: parts[1] ? decodeURIComponent(parts[1]) : null, params: new URLSearchParams(query || "") };
}
function currentFilters() {
  const p = route().params, f = {};
  for (const k of FILTER_KEYS) if (p.get(k)) f[k] = p.get(k);
  return f;
}
function hashWith(view, filters, extra) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(Object.assign({}, filters, extra || {}))) if (v) q.set(k, v);
  const s = q.toString();
  return "#/" + view + (s ? "?" + s : "");
}
function fillFilterForm() {
  const f = currentFilters();
  for (const k of FILTER_KEYS) {
    const input = $("f-" + k);
    if (!input) continue;
    if (input.type === "checkbox") input.checked = f[k] === "true"; else input.value = f[k] || "";
  }
}

let stats = null;
async function loadStats() {
  stats = await api("/stats");
  const sel = $("f-event_type");
  for (const [type, n] of stats.event_types) sel.append(el("option", { value: type, text: `${type} (${n})` }));
  const dl = $("countries");
  for (const [c] of stats.countries) dl.append(el("option", { value: c }));
  $("analyze-readonly").hidden = !!stats.writable;
  $("an-submit").disabled = !stats.writable;
  fillFilterForm();
}

/* ---------- article list / search ---------- */
function highlightSnippet(sn) {
  const p = el("p", { class: "snippet" });
  if (sn.match_start === null || sn.match_start === undefined) { p.textContent = sn.text + "…"; return p; }
  const a = sn.match_start - sn.start, b = sn.match_end - sn.start;
  p.append(sn.start > 0 ? "…" : "", sn.text.slice(0, a), el("mark", { text: sn.text.slice(a, b) }), sn.text.slice(b), "…");
  return p;
}
function pager(container, total, offset, go) {
  container.replaceChildren();
  const pages = Math.max(1, Math.ceil(total / PAGE)), p = Math.floor(offset / PAGE) + 1;
  if (pages <= 1) return;
  container.append(
    el("button", { type: "button", class: "secondary", disabled: p <= 1, onclick: () => go(offset - PAGE), text: t("prev") }),
    el("span", { text: t("page", { p, n: pages }) }),
    el("button", { type: "button", class: "secondary", disabled: p >= pages, onclick: () => go(offset + PAGE), text: t("next") }));
}
async function showArticles(offset = 0) {
  const f = currentFilters(), list = $("article-list");
  $("articles-meta").textContent = t("loading");
  const body = f.q ? await api("/search", Object.assign({}, f, { limit: PAGE, offset }))
                   : await api("/articles", Object.assign({}, f, { limit: PAGE, offset }));
  $("articles-meta").textContent = f.q ? t("results", { n: body.total }) : t("articles_n", { n: body.total });
  list.replaceChildren();
  if (!body.items.length) list.append(el("li", { text: t("none") }));
  for (const a of body.items) {
    const li = el("li", { class: "article-card" },
      el("h3", {}, el("a", { href: "#/article/" + encodeURIComponent(a.id), class: "article-link" },
        a.title || (a.preview || a.id).split("\n")[0].slice(0, 120))),
      el("div", { class: "meta", text: `${fmtDate(a.published)} · ${a.site || "–"} · ${a.language || ""}` }));
    if (a.snippet) li.append(highlightSnippet(a.snippet));
    else if (a.preview) li.append(el("p", { class: "snippet", text: a.preview.replace(/\s+/g, " ") + "…" }));
    if (a.counts) li.append(el("div", { class: "badges" }, ...Object.entries(a.counts).filter(([, n]) => n)
      .map(([k, n]) => el("span", { class: "badge", text: `${t("L." + k)}: ${n}` }))));
    list.append(li);
  }
  pager($("articles-pager"), body.total, offset, showArticles);
}

/* ---------- article view: displaCy-like highlighting on the stored offsets ---------- */
const PRIORITY = { events: 0, quotes: 1, entities: 2, places: 3, times: 4, quantities: 5, triggers: 6 };
let currentDoc = null;

function spanList(doc) {
  const spans = [];
  for (const layer of LAYERS) (doc[layer] || []).forEach((r, idx) => spans.push({ layer, idx, start: r.start, end: r.end, rec: r }));
  (doc.events || []).forEach((r, idx) => {
    if (r.trigger_start !== null && r.trigger_end > r.trigger_start) spans.push({ layer: "triggers", idx, start: r.trigger_start, end: r.trigger_end, rec: r });
  });
  return spans.filter((s) => s.end > s.start);
}
function tagOf(s) {
  if (s.layer === "entities") return s.rec.label;
  if (s.layer === "times") return s.rec.type;
  if (s.layer === "quantities") return s.rec.category || s.rec.unit || "#";
  return "";
}
/* Builds nested <mark>s; a span that crosses another is split into fragments that share data-layer/data-idx,
   so the concatenated text of a record's fragments is exactly text[start:end]. */
function renderText(text, spans, root) {
  root.replaceChildren();
  const points = new Set([0, text.length]);
  for (const s of spans) { points.add(s.start); points.add(s.end); }
  const sorted = [...points].sort((a, b) => a - b);
  const starts = new Map();
  for (const s of spans) { if (!starts.has(s.start)) starts.set(s.start, []); starts.get(s.start).push(s); }
  const stack = []; // {span, el}
  const seen = new Set();
  const top = () => (stack.length ? stack[stack.length - 1].el : root);
  const open = (s) => {
    const key = s.layer + ":" + s.idx;
    const m = el("mark", { class: "hl hl-" + s.layer, dataset: { layer: s.layer, idx: String(s.idx) } });
    const tag = tagOf(s);
    if (tag && !seen.has(key)) m.dataset.tag = tag;
    if (s.layer === "entities") m.dataset.label = s.rec.label;
    if (s.layer === "events" || s.layer === "triggers") m.style.setProperty("--ev", colour(s.rec.type));
    if (!seen.has(key) && s.layer !== "triggers") m.tabIndex = 0;
    seen.add(key);
    top().append(m);
    stack.push({ span: s, el: m });
  };
  const order = (a, b) => (b.end - a.end) || (PRIORITY[a.layer] - PRIORITY[b.layer]) || (a.idx - b.idx);
  let prev = 0;
  for (const p of sorted) {
    if (p > prev) top().append(text.slice(prev, p));
    prev = p;
    // close everything ending here; reopen (as a fragment) what was closed only because it sat above
    let k = stack.findIndex((x) => x.span.end <= p);
    const reopen = [];
    if (k >= 0) {
      while (stack.length > k) {
        const x = stack.pop();
        if (x.span.end > p) reopen.push(x.span);
      }
    }
    const next = reopen.concat(starts.get(p) || []).sort(order);
    for (const s of next) open(s);
  }
}
function recordFields(layer, r) {
  const rows = [];
  const add = (k, v) => { if (v !== null && v !== undefined && v !== "" && !(Array.isArray(v) && !v.length)) rows.push([t(k), String(v)]); };
  if (layer === "events" || layer === "triggers") {
    add("k.type", r.type + (r.mode ? " / " + r.mode : "")); add("k.trigger", r.trigger);
    add("k.sources", (r.sources || []).map((a) => a.code ? `${a.text} (${a.code})` : a.text).join(", "));
    add("k.targets", (r.targets || []).map((a) => a.code ? `${a.text} (${a.code})` : a.text).join(", "));
    add("k.place", r.place ? (r.place.name || r.place.text) + (r.place.country_iso3 ? ", " + r.place.country_iso3 : "") : null);
    add("k.date", r.date);
    add("k.flags", ["negated", "hypothetical", "reported", "historical"].filter((f) => r[f]).join(", "));
    add("k.fatalities", r.fatalities); add("k.reported_by", r.reported_by);
    add("k.confidence", typeof r.confidence === "number" ? r.confidence.toFixed(2) : null);
  } else if (layer === "quotes") {
    add("k.kind", r.kind); add("k.speaker", r.speaker || r.speaker_role); add("k.cue", r.cue);
    add("k.addressee", r.addressee); add("k.message", r.message);
  } else if (layer === "entities") {
    add("k.label", r.label); add("k.canonical", r.canonical); add("Wikidata", r.qid); add("CAMEO", r.actor_code); add("k.country", r.country);
  } else if (layer === "places") {
    add("k.place", r.name); add("k.feature", r.feature_type); add("k.country", r.country_iso2);
    add("k.coords", r.lat !== null && r.lat !== undefined ? `${r.lat.toFixed(3)}, ${r.lon.toFixed(3)}` : null); add("GeoNames", r.geonameid);
  } else if (layer === "times") {
    add("k.type", r.type); add("k.value", r.value); add("k.date", r.begin && r.end_date && r.begin !== r.end_date ? `${r.begin} … ${r.end_date}` : r.begin);
  } else if (layer === "quantities") {
    add("k.value", (r.qualifier ? r.qualifier + " " : "") + r.value + (r.value_max ? "–" + r.value_max : "") + (r.unit ? " " + r.unit : ""));
    add("k.object", r.object); add("k.category", [r.category, r.gkg_type].filter(Boolean).join(" / "));
  }
  return rows;
}
function tooltipFor(target) {
  const layer = target.dataset.layer, idx = +target.dataset.idx;
  const r = currentDoc[layer === "triggers" ? "events" : layer][idx];
  const tip = $("tooltip");
  tip.replaceChildren(el("b", { text: t("L." + (layer === "triggers" ? "events" : layer)) }), " ",
    ...recordFields(layer, r).slice(0, 5).map(([k, v]) => el("div", { text: `${k}: ${v.length > 120 ? v.slice(0, 119) + "…" : v}` })));
  const box = target.getBoundingClientRect();
  tip.hidden = false;
  tip.style.left = Math.min(box.left, window.innerWidth - 370) + "px";
  tip.style.top = (box.bottom + 6 + 120 > window.innerHeight ? box.top - tip.offsetHeight - 6 : box.bottom + 6) + "px";
}
function marks(layer, idx) { return [...document.querySelectorAll(`#doc-text mark[data-layer="${layer}"][data-idx="${idx}"]`)]; }
function findByOffsets(layer, start, end) {
  return (currentDoc[layer] || []).findIndex((r) => r.start === start && r.end === end);
}
function linkTo(layer, idx, label) {
  return el("button", { type: "button", class: "linkish", onclick: () => select(layer, idx, true), text: label });
}
function select(layer, idx, scroll) {
  document.querySelectorAll("#doc-text mark.active, #doc-text mark.linked").forEach((m) => m.classList.remove("active", "linked"));
  if (layer === "triggers") layer = "events";
  const r = currentDoc[layer][idx];
  const ms = marks(layer, idx);
  ms.forEach((m) => m.classList.add("active"));
  if (scroll && ms[0]) { ms[0].scrollIntoView({ block: "center", behavior: "smooth" }); ms[0].focus({ preventScroll: true }); }
  const detail = $("detail");
  const dl = el("dl");
  for (const [k, v] of recordFields(layer, r)) dl.append(el("dt", { text: k }), el("dd", { text: v }));
  const links = [];
  const linkRow = (title, items) => { if (items.length) links.push(el("div", {}, el("strong", { text: title + ": " }), ...items.flatMap((x, i) => (i ? [", ", x] : [x])))); };
  if (layer === "events") {
    const actors = [...(r.sources || []), ...(r.targets || [])];
    const ents = actors.map((a) => [findByOffsets("entities", a.start, a.end), a.text]).filter(([i]) => i >= 0);
    ents.forEach(([i]) => marks("entities", i).forEach((m) => m.classList.add("linked")));
    linkRow(t("L.entities"), ents.map(([i, txt]) => linkTo("entities", i, txt)));
    if (r.place) {
      const pi = findByOffsets("places", r.place.start, r.place.end);
      if (pi >= 0) { marks("places", pi).forEach((m) => m.classList.add("linked")); linkRow(t("L.places"), [linkTo("places", pi, r.place.text)]); }
    }
  } else if (layer === "quotes") {
    if (r.speaker_start !== null && r.speaker_start !== undefined) {
      const ei = findByOffsets("entities", r.speaker_start, r.speaker_end);
      if (ei >= 0) { marks("entities", ei).forEach((m) => m.classList.add("linked")); linkRow(t("k.speaker"), [linkTo("entities", ei, r.speaker)]); }
    }
  } else if (layer === "entities" || layer === "places") {
    const key = r.entity;
    const same = key ? (currentDoc[layer] || []).map((x, i) => [x, i]).filter(([x, i]) => x.entity === key && i !== idx) : [];
    same.forEach(([, i]) => marks(layer, i).forEach((m) => m.classList.add("linked")));
    linkRow(t("k.other"), same.map(([x, i]) => linkTo(layer, i, `${x.text} @${x.start}`)));
    const evs = (currentDoc.events || []).map((e, i) => [e, i]).filter(([e]) =>
      [...(e.sources || []), ...(e.targets || []), ...(e.place ? [e.place] : [])].some((a) => a.start === r.start && a.end === r.end));
    linkRow(t("k.in_event"), evs.map(([e, i]) => linkTo("events", i, `${e.type} «${e.trigger}»`)));
  }
  detail.replaceChildren(el("strong", { text: `${t("L." + layer)}: ` }), el("q", { text: r.text.length > 200 ? r.text.slice(0, 199) + "…" : r.text }),
    el("div", { class: "meta", text: t("stored_offsets", { s: r.start, e: r.end }) }), dl, ...links);
}
async function showArticle(id) {
  // the previous article must not stay on screen under an error about this one
  currentDoc = null;
  $("doc-title").textContent = "";
  $("doc-meta").replaceChildren();
  $("doc-text").replaceChildren();
  $("record-lists").replaceChildren();
  $("layer-toggles").querySelectorAll("label").forEach((l) => l.remove());
  const doc = await api("/articles/" + encodeURIComponent(id));
  currentDoc = doc;
  const a = doc.article;
  $("doc-title").textContent = a.title || a.id;
  $("doc-meta").replaceChildren(`${fmtDate(a.published)} · ${a.site || "–"} · `,
    /^https?:\/\//i.test(a.url || "") ? el("a", { href: a.url, rel: "noopener noreferrer", target: "_blank", text: a.url }) : (a.url || ""),
    ` · id ${a.id}`);
  const text = $("doc-text");
  text.lang = a.language || "de";
  renderText(a.text, spanList(doc), text);
  const toggles = $("layer-toggles");
  toggles.querySelectorAll("label").forEach((l) => l.remove());
  const sw = { events: "var(--event)", quotes: "var(--quote)", entities: "var(--per)", places: "var(--place)", times: "var(--time)", quantities: "var(--qty)" };
  for (const layer of LAYERS) {
    const cb = el("input", { type: "checkbox", checked: true, id: "toggle-" + layer,
      onchange: (e) => text.classList.toggle("hide-" + layer, !e.target.checked) });
    toggles.append(el("label", {}, cb, el("span", { class: "swatch", style: `background:${sw[layer]}` }), `${t("L." + layer)} (${(doc[layer] || []).length})`));
  }
  const lists = $("record-lists");
  lists.replaceChildren();
  for (const layer of LAYERS) {
    const recs = doc[layer] || [];
    if (!recs.length) continue;
    const ul = el("ul", { class: "rec-list", "aria-label": t("L." + layer) });
    recs.forEach((r, i) => {
      const label = layer === "events" ? `${r.type} «${r.trigger}»` : layer === "quotes" ? `${r.speaker || "?"}: ${r.message}` : r.text;
      ul.append(el("li", {}, el("button", { type: "button", onclick: () => select(layer, i, true), text: label.length > 90 ? label.slice(0, 89) + "…" : label })));
    });
    lists.append(el("h3", { text: `${t("L." + layer)} (${recs.length})` }), ul);
  }
  $("detail").replaceChildren(el("p", { class: "hint", text: t("detail.hint") }));
}
function wireDocEvents() {
  const text = $("doc-text"), tip = $("tooltip");
  const markOf = (e) => e.target.closest && e.target.closest("mark.hl");
  text.addEventListener("mouseover", (e) => { const m = markOf(e); if (m) tooltipFor(m); });
  text.addEventListener("mouseout", (e) => { if (markOf(e)) tip.hidden = true; });
  text.addEventListener("focusin", (e) => { const m = markOf(e); if (m) { tooltipFor(m); } });
  text.addEventListener("focusout", () => { tip.hidden = true; });
  text.addEventListener("click", (e) => { const m = markOf(e); if (m) { e.stopPropagation(); select(m.dataset.layer, +m.dataset.idx, false); } });
  text.addEventListener("keydown", (e) => {
    const m = markOf(e);
    if (m && (e.key === "Enter" || e.key === " ")) { e.preventDefault(); select(m.dataset.layer, +m.dataset.idx, false); }
  });
}

/* ---------- map ---------- */
let map = null, basemap = null, tiles = null, eventLayer = null, placeLayer = null;
async function ensureMap() {
  if (map) return;
  map = L.map("map", { worldCopyJump: true, minZoom: 2, maxZoom: 16 }).setView([30, 30], 3);
  const world = await fetch("/static/vendor/natural-earth/countries.geojson").then((r) => r.json());
  basemap = L.geoJSON(world, { style: { color: "#7c8796", weight: 0.8, fillColor: "#f4f1ea", fillOpacity: 1 }, interactive: false }).addTo(map);
  map.attributionControl.addAttribution("Natural Earth");
  $("map-tiles").addEventListener("change", (e) => {
    if (e.target.checked) {
      tiles = L.tileLayer("https://tile.openstreetmap.org/{z}/{x}/{y}.png", { maxZoom: 18, attribution: "© OpenStreetMap contributors" }).addTo(map);
    } else if (tiles) { map.removeLayer(tiles); tiles = null; }
  });
  // keyboard: markers are focusable paths; Enter or Space acts as a click
  const focusable = () => document.querySelectorAll("#map path.leaflet-interactive").forEach((p) => p.setAttribute("tabindex", "0"));
  map.on("zoomend moveend layeradd", () => setTimeout(focusable, 50));
  map.getContainer().addEventListener("keydown", (e) => {
    if ((e.key === "Enter" || e.key === " ") && e.target.tagName === "path") {
      e.preventDefault();
      e.target.dispatchEvent(new MouseEvent("click", { bubbles: true }));
    }
  });
  $("map-events").addEventListener("change", () => showMap());
  $("map-places").addEventListener("change", () => showMap());
}
/* events: filled dots; places: rings, so the two layers stay apart even where colours repeat */
function circle(latlng, type, kind, radius) {
  const c = colour(type);
  return kind === "place"
    ? L.circleMarker(latlng, { radius, color: c, weight: 3, fillColor: "#fff", fillOpacity: 0.6, className: "marker-place" })
    : L.circleMarker(latlng, { radius, color: "#fff", weight: 1.5, fillColor: c, fillOpacity: 0.9, className: "marker-event" });
}
function sentenceItem(it) {
  const c = it.context || { text: it.text, start: it.start };
  const a = it.start - c.start, b = it.end - c.start;
  return el("li", {},
    el("div", {}, c.text.slice(0, a), el("mark", { class: "hit", text: c.text.slice(a, b) }), c.text.slice(b)),
    el("div", { class: "meta" }, `${fmtDate(it.published)} · `, el("a", { href: "#/article/" + encodeURIComponent(it.article_id), text: it.title || t("open") })));
}
async function showPlaceSentences(p) {
  const box = $("map-detail");
  box.replaceChildren(el("p", { class: "meta", text: t("loading") }));
  const params = Object.assign({}, currentFilters(), { limit: 50 });
  if (p.geonameid !== null && p.geonameid !== undefined) params.geonameid = p.geonameid; else params.place = p.name;
  const body = await api("/places", params);
  const items = body.items;
  box.replaceChildren(el("h3", { text: t("sentences_at", { name: p.name }) }), el("ol", { class: "sentences" }, ...items.map(sentenceItem)));
}
function showEventSentence(p) {
  const it = { context: { text: p.text, start: p.start }, start: p.start, end: p.end, text: p.text,
    published: p.published, article_id: p.article_id, title: p.title };
  $("map-detail").replaceChildren(el("h3", { text: `${p.type} · ${p.place_name || ""}` }), el("ol", { class: "sentences" }, sentenceItem(it)));
}
async function showMap() {
  await ensureMap();
  setTimeout(() => map.invalidateSize(), 50);
  const f = currentFilters();
  for (const layer of [eventLayer, placeLayer]) if (layer) map.removeLayer(layer);
  eventLayer = placeLayer = null;
  const legend = new Map();
  let nEv = 0, nPl = 0;
  if ($("map-places").checked) {
    const g = await api("/places/summary", Object.assign({}, f, { format: "geojson", limit: 3000 }));
    placeLayer = L.markerClusterGroup({ maxClusterRadius: 40 });
    for (const feat of g.features) {
      const p = feat.properties;
      const m = circle([p.lat, p.lon], p.feature_type, "place", Math.min(14, 5 + Math.log2(1 + p.mentions) * 2));
      m.bindTooltip(`${p.name} (${p.mentions})`);
      m.on("click", () => showPlaceSentences(p));
      placeLayer.addLayer(m);
      legend.set(t("L.places") + ": " + (p.feature_type || "?"), colour(p.feature_type));
      nPl++;
    }
    map.addLayer(placeLayer);
  }
  if ($("map-events").checked) {
    const g = await api("/events", Object.assign({}, f, { format: "geojson", limit: 5000 }));
    eventLayer = L.markerClusterGroup({ maxClusterRadius: 40 });
    for (const feat of g.features) {
      const p = feat.properties;
      const [lon, lat] = feat.geometry.coordinates;
      const m = circle([lat, lon], p.type, "event", 7);
      m.bindTooltip(`${p.type}: ${p.place_name || ""}`);
      m.on("click", () => showEventSentence(p));
      eventLayer.addLayer(m);
      legend.set(p.type, colour(p.type));
      nEv++;
    }
    map.addLayer(eventLayer);
  }
  $("map-meta").textContent = `${t("events_n", { n: nEv })} · ${t("places_n", { n: nPl })}`;
  $("map-legend").replaceChildren(...[...legend].map(([k, c]) => el("span", {}, el("span", {
    class: "swatch", style: k.startsWith(t("L.places")) ? `background:#fff;border:3px solid ${c};border-radius:50%` : `background:${c};border-radius:50%` }), k)));
  // make the Leaflet markers reachable with the keyboard
  setTimeout(() => document.querySelectorAll("#map path.leaflet-interactive").forEach((p) => p.setAttribute("tabindex", "0")), 300);
}

/* ---------- timeline ---------- */
function bucketEnd(start, interval) {
  const d = new Date(start + "T00:00:00Z");
  if (interval === "day") d.setUTCDate(d.getUTCDate());
  else if (interval === "week") d.setUTCDate(d.getUTCDate() + 6);
  else if (interval === "month") { d.setUTCMonth(d.getUTCMonth() + 1); d.setUTCDate(0); }
  else { d.setUTCFullYear(d.getUTCFullYear() + 1); d.setUTCDate(0); }
  return d.toISOString().slice(0, 10);
}
async function showTimeline() {
  const f = currentFilters(), interval = $("tl-interval").value;
  const body = await api("/timeline", Object.assign({}, f, { interval }));
  const buckets = new Map(), types = new Set();
  for (const it of body.items) {
    if (!buckets.has(it.bucket)) buckets.set(it.bucket, {});
    buckets.get(it.bucket)[it.type] = it.count;
    types.add(it.type);
  }
  let keys = [...buckets.keys()].sort();
  // show empty periods too when that stays readable; a long sparse range keeps only filled buckets
  if (keys.length > 1) {
    const filled = [];
    for (let d = new Date(keys[0] + "T00:00:00Z"), end = new Date(keys[keys.length - 1] + "T00:00:00Z"); d <= end && filled.length <= 240;) {
      filled.push(d.toISOString().slice(0, 10));
      if (interval === "day") d.setUTCDate(d.getUTCDate() + 1);
      else if (interval === "week") d.setUTCDate(d.getUTCDate() + 7);
      else if (interval === "month") d.setUTCMonth(d.getUTCMonth() + 1);
      else d.setUTCFullYear(d.getUTCFullYear() + 1);
    }
    if (filled.length <= 240) {
      for (const k of filled) if (!buckets.has(k)) buckets.set(k, {});
      keys = filled;
    }
  }
  const max = Math.max(1, ...keys.map((k) => Object.values(buckets.get(k)).reduce((a, b) => a + b, 0)));
  const W = Math.max(600, keys.length * 14), H = 220, pad = 30, bw = Math.max(4, (W - 2 * pad) / Math.max(1, keys.length) - 2);
  const NS = "http://www.w3.org/2000/svg";
  const svg = document.createElementNS(NS, "svg");
  svg.setAttribute("width", W); svg.setAttribute("height", H + 40); svg.setAttribute("role", "img");
  svg.setAttribute("aria-label", t("h.timeline"));
  keys.forEach((k, i) => {
    let y = H;
    const x = pad + i * (bw + 2);
    for (const type of [...types].sort()) {
      const n = buckets.get(k)[type] || 0;
      if (!n) continue;
      const h = (n / max) * (H - 20);
      const r = document.createElementNS(NS, "rect");
      Object.entries({ x, y: y - h, width: bw, height: h, fill: colour(type), class: "bar", tabindex: 0 }).forEach(([a, v]) => r.setAttribute(a, v));
      const title = document.createElementNS(NS, "title");
      title.textContent = `${k}: ${type} ${n}`;
      r.append(title);
      const go = () => showTimelineEvents({ since: k, until: bucketEnd(k, interval), event_type: type }, 0);
      r.addEventListener("click", go);
      r.addEventListener("keydown", (e) => { if (e.key === "Enter" || e.key === " ") { e.preventDefault(); go(); } });
      svg.append(r);
      y -= h;
    }
    const labelEvery = Math.max(1, Math.ceil((interval === "year" ? 34 : interval === "month" ? 50 : 70) / (bw + 2)));
    if (i % labelEvery === 0) {
      const lab = document.createElementNS(NS, "text");
      Object.entries({ x: x, y: H + 14, "font-size": 10, fill: "#555" }).forEach(([a, v]) => lab.setAttribute(a, v));
      lab.textContent = interval === "year" ? k.slice(0, 4) : interval === "month" ? k.slice(0, 7) : k;
      svg.append(lab);
    }
  });
  $("timeline").replaceChildren(svg);
  $("tl-meta").textContent = t("events_n", { n: body.items.reduce((a, b) => a + b.count, 0) });
  $("tl-legend").replaceChildren(...[...types].sort().map((k) => el("span", {}, el("span", { class: "swatch", style: `background:${colour(k)}` }), k)));
  await showTimelineEvents({}, 0);
}
async function showTimelineEvents(extra, offset) {
  const params = Object.assign({}, currentFilters(), extra, { limit: PAGE, offset });
  const body = await api("/events", params);
  $("tl-events-title").textContent = `${t("tl.events")} (${body.total})` + (extra.since ? ` · ${extra.since} … ${extra.until} · ${extra.event_type}` : "");
  $("tl-events").replaceChildren(...body.items.map((e) => el("li", {},
    el("div", { class: "badges" }, el("span", { class: "badge", style: `background:${colour(e.type)};color:#fff`, text: e.type }),
      el("span", { class: "meta", text: `${fmtDate(e.date || e.published)} · ${e.place_name || ""}` })),
    el("p", { class: "snippet" }, e.text.slice(0, e.trigger_start - e.start), el("mark", { text: e.trigger }), e.text.slice(e.trigger_end - e.start)),
    el("a", { href: "#/article/" + encodeURIComponent(e.article_id), text: e.title || t("open") }))));
  pager($("tl-pager"), body.total, offset, (o) => showTimelineEvents(extra, o));
}

/* ---------- entities: co-occurrence and quotes by speaker ---------- */
function countList(ul, items, label, count, onpick) {
  ul.replaceChildren(...items.map((it) => el("li", {}, el("button", { type: "button", "aria-pressed": "false",
    onclick: (e) => { ul.querySelectorAll("button").forEach((b) => b.setAttribute("aria-pressed", "false")); e.currentTarget.setAttribute("aria-pressed", "true"); onpick(it); } },
    el("span", { text: label(it) }), el("span", { class: "meta", text: count(it) })))));
}
function bars(container, rows) {
  const max = Math.max(1, ...rows.map((r) => r.n));
  container.replaceChildren(...rows.map((r) => el("div", { class: "bar-row" }, el("span", { text: r.label, title: r.label }),
    el("div", { class: "bar-fill", style: `width:${(100 * r.n) / max}%` }), el("span", { text: r.n }))));
}
async function showQuotes(params, title) {
  const body = await api("/quotes", Object.assign({}, currentFilters(), params, { limit: PAGE }));
  document.querySelector("#view-entities h2:nth-of-type(2)");
  $("ent-quotes").replaceChildren(...(body.items.length ? body.items.map((q) => el("li", {},
    el("div", { class: "meta", text: `${q.speaker || q.speaker_role || "?"} · ${q.kind} · ${fmtDate(q.published)}` }),
    el("p", { class: "snippet", text: q.message }),
    el("a", { href: "#/article/" + encodeURIComponent(q.article_id), text: q.title || t("open") }))) : [el("li", { text: t("none") })]));
  $("ent-quotes").setAttribute("aria-label", title);
}
async function showEntities() {
  const f = currentFilters();
  const [ents, spk, pairs] = await Promise.all([api("/entities/summary", Object.assign({}, f, { limit: 100 })),
    api("/quotes/speakers", Object.assign({}, f, { limit: 100 })), api("/entities/cooccurrence", Object.assign({}, f, { limit: 30 }))]);
  const pickEntity = async (it) => {
    const body = await api("/entities/cooccurrence", Object.assign({}, f, { name: it.name, limit: 30 }));
    $("ent-partner-title").textContent = t("partners_of", { name: it.name });
    bars($("cooc"), body.items.map((r) => ({ label: `${r.b} (${r.b_label})`, n: r.articles })));
    showQuotes({ actor: it.name }, t("quotes_of", { name: it.name }));
  };
  countList($("entity-list"), ents.items, (it) => `${it.name} · ${it.label}`, (it) => `${it.mentions} / ${it.articles}`, pickEntity);
  countList($("speaker-list"), spk.items, (it) => it.speaker, (it) => String(it.quotes),
    (it) => showQuotes({ actor: it.speaker === "?" ? "" : it.speaker }, t("quotes_of", { name: it.speaker })));
  $("ent-partner-title").textContent = t("all_pairs");
  bars($("cooc"), pairs.items.map((r) => ({ label: `${r.a} + ${r.b}`, n: r.articles })));
  $("ent-quotes").replaceChildren();
}

/* ---------- analyse ---------- */
async function submitAnalysis(e) {
  e.preventDefault();
  const status = $("an-status");
  const file = $("an-file").files[0];
  const published = $("an-published").value, url = $("an-url").value;
  // empty: the server identifies the language; a choice skips that (a short or mixed text, or after an E107)
  const language = $("an-language").value;
  status.textContent = t("analysing");
  try {
    let body;
    if (file) {
      const fd = new FormData();
      fd.append("file", file);
      if (published) fd.append("published", published);
      if (url) fd.append("url", url);
      if (language) fd.append("language", language);
      body = await api("/analyze", {}, { method: "POST", body: fd });
    } else {
      body = await api("/analyze", {}, { method: "POST", headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ text: $("an-text").value, published: published || undefined, url: url || undefined,
          language: language || undefined }) });
    }
    status.textContent = t("analysed");
    location.hash = "#/article/" + encodeURIComponent(body.id);
  } catch (err) {
    status.textContent = `${t("error")}: ${err.message}`;
  }
}

/* ---------- wiring ---------- */
const VIEWS = ["articles", "article", "map", "timeline", "entities", "analyze"];
async function render() {
  const r = route();
  // an unknown view (a mistyped or old link) shows the article list instead of an empty page
  const view = VIEWS.includes(r.view) ? r.view : "articles";
  delete document.body.dataset.ready;
  document.querySelectorAll(".view-error").forEach((p) => p.remove());
  document.querySelectorAll(".view").forEach((v) => { v.hidden = v.id !== "view-" + view; });
  document.querySelectorAll(".tabs a").forEach((a) => {
    const on = a.dataset.view === view || (view === "article" && a.dataset.view === "articles");
    if (on) a.setAttribute("aria-current", "page"); else a.removeAttribute("aria-current");
  });
  // tabs keep the current filters
  const f = currentFilters();
  document.querySelectorAll(".tabs a").forEach((a) => { a.href = hashWith(a.dataset.view, f); });
  fillFilterForm();
  $("tooltip").hidden = true;
  try {
    if (view === "articles") await showArticles(0);
    else if (view === "article") await showArticle(r.arg);
    else if (view === "map") await showMap();
    else if (view === "timeline") await showTimeline();
    else if (view === "entities") await showEntities();
    document.body.dataset.ready = view;
  } catch (err) {
    console.error(err && err.stack ? err.stack : err);
    const v = $("view-" + view);
    v.prepend(el("p", { class: "warn view-error", role: "alert", text: `${t("error")}: ${err.message || err}` }));
    document.body.dataset.ready = "error";
  }
}
function init() {
  applyI18n();
  $("lang").addEventListener("click", () => { lang = lang === "de" ? "en" : "de"; localStorage.setItem("lagebild.lang", lang); applyI18n(); render(); });
  $("filters").addEventListener("submit", (e) => {
    e.preventDefault();
    const f = {};
    for (const k of FILTER_KEYS) {
      const input = $("f-" + k);
      const v = input.type === "checkbox" ? (input.checked ? "true" : "") : input.value.trim();
      if (v) f[k] = v;
    }
    let view = route().view;
    if (view === "article" || view === "analyze") view = "articles";
    location.hash = hashWith(view, f);
  });
  $("filter-toggle").addEventListener("click", (e) => {
    const open = $("filters").classList.toggle("open");
    e.currentTarget.setAttribute("aria-expanded", String(open));
    if (open) $("f-q").focus();
  });
  $("f-reset").addEventListener("click", () => { location.hash = hashWith(route().view === "article" ? "articles" : route().view, {}); });
  $("tl-interval").addEventListener("change", showTimeline);
  $("analyze-form").addEventListener("submit", submitAnalysis);
  wireDocEvents();
  window.addEventListener("hashchange", render);
  loadStats().catch(() => {}).finally(render);
}
document.addEventListener("DOMContentLoaded", init);
