"""From raw input (bytes or str, text or HTML) to the stored article text.

Order matters and is the same for every input, so that offsets stay exact:
decode -> (HTML: trafilatura main text + metadata) -> normalise (NFC,
whitespace, control characters) -> remove boilerplate lines -> identify the
language. The result is an :class:`Article` whose ``text`` is final: every
later offset indexes exactly this string.
"""

from __future__ import annotations

import functools
import json
import logging
import re
import unicodedata
from datetime import date, datetime
from importlib import resources
from typing import Any
from urllib.parse import urlparse

from .errors import (
    BinaryInputError,
    EmptyInputError,
    EncodingError,
    InputError,
    InputTooLargeError,
    MalformedInputError,
    NoTextError,
    UnsupportedLanguageError,
)
from .records import Article, BoilerplateSpan, content_id

log = logging.getLogger(__name__)

#: Inputs larger than this are refused before any parsing (bytes of raw input).
MAX_INPUT_BYTES = 10_000_000
#: Cleaned article text longer than this is refused: the full pipeline takes about two minutes per million
#: characters, so a 9.6 MB page (under the byte limit) ran for over ten minutes in 1.4 GB before this cap.
#: ~300 long articles' worth; the reliability suite runs a one-million-character line through every stage.
MAX_TEXT_CHARS = 1_500_000
#: Languages the annotation stages support; others get a clear error.
SUPPORTED_LANGUAGES = ("de", "en")
#: Minimum characters of text for an article worth analysing.
MIN_TEXT_CHARS = 20

_HTML_SNIFF = re.compile(r"^\s*(<\?xml[^>]*>\s*)?(<!--.*?-->\s*)*(<!doctype html|<html|<head|<body|<(div|p|article|section|meta|title)\b)",
                         re.IGNORECASE)
# bidi *override/isolate* controls can make displayed text differ from stored text; implicit RTL stays
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b\u200c\u200d\u2060\ufeff\u00ad\u202a-\u202e\u2066-\u2069]")
_HSPACE = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_MANY_NEWLINES = re.compile(r"\n{3,}")
_MOJIBAKE = re.compile(r"Ã[\x80-\xbf¤¶¼Ÿ„–—œ]|â€[\x9c\x9d\x93\x94žœ™]")
_SURROGATE = re.compile(r"[\ud800-\udfff]")
_META_CHARSET = re.compile(rb"<meta[^>]+charset=[\"']?([A-Za-z0-9_\-]+)", re.IGNORECASE)


@functools.lru_cache(maxsize=1)
def _boilerplate_rules() -> dict[str, Any]:
    data = json.loads(resources.files("lagebild.data").joinpath("boilerplate_de.json").read_text("utf-8"))
    return data


# -- decoding -------------------------------------------------------------------------------------
def utf16_without_bom(raw: bytes) -> str | None:
    """'utf-16-le'/'utf-16-be' when the bytes read like BOM-less UTF-16 text (NUL in every other byte)."""
    sample = raw[:8192]
    if len(sample) < 16:
        return None
    even, odd = sample[0::2], sample[1::2]
    nul_even, nul_odd = even.count(0) / len(even), odd.count(0) / len(odd)
    # Latin-script UTF-16: the high byte of almost every code unit is 0, the low byte almost never
    if nul_odd > 0.6 and nul_even < 0.05:
        return "utf-16-le"
    if nul_even > 0.6 and nul_odd < 0.05:
        return "utf-16-be"
    return None


def looks_binary(raw: bytes) -> bool:
    sample = raw[:8192]
    if not sample:
        return False
    if sample.startswith((b"\xff\xfe", b"\xfe\xff")):
        return False  # UTF-16 with BOM is text
    if utf16_without_bom(sample):
        return False
    if b"\x00" in sample:
        return True
    ctrl = sum(1 for b in sample if b < 9 or 13 < b < 32)
    return ctrl / len(sample) > 0.05


def decode(raw: bytes, *, source: str | None = None) -> str:
    """Bytes to str: BOMs, UTF-8, the HTML meta charset, then Windows-1252 as a last resort."""
    if looks_binary(raw):
        raise BinaryInputError("input looks binary (NUL or control bytes), not text or HTML", source=source)
    if raw.startswith(b"\xef\xbb\xbf"):
        return raw[3:].decode("utf-8", errors="replace")
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return raw.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise EncodingError(f"declared UTF-16 but cannot be decoded: {exc.reason}", source=source) from exc
    utf16 = utf16_without_bom(raw)
    if utf16:
        text16 = raw.decode(utf16, errors="replace")
        if text16.count("\ufffd") <= max(5, len(text16) // 100):
            return text16
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    m = _META_CHARSET.search(raw[:4096])
    if m:
        declared = m.group(1).decode("ascii", "ignore").lower()
        if declared not in ("utf-8", "utf8"):
            try:
                return raw.decode(declared)
            except (LookupError, UnicodeDecodeError):
                pass
    # Latin-1 labelled (or served) as UTF-8 is the usual case on German sites.
    text = raw.decode("cp1252", errors="replace")
    if text.count("\ufffd") > max(5, len(text) // 100):
        raise EncodingError("input is neither UTF-8 nor Windows-1252 text", source=source)
    log.info("%s: not valid UTF-8, decoded as Windows-1252", source or "input")
    return text


def repair_mojibake(text: str) -> str:
    """Undo UTF-8 read as Latin-1 ("MÃ¼nchen" -> "München") when the pattern is unmistakable."""
    if len(_MOJIBAKE.findall(text)) < 2:
        return text
    try:
        return text.encode("cp1252").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return text


# -- normalisation ----------------------------------------------------------------------------------
def normalise(text: str) -> str:
    """NFC, one kind of newline, no control characters, single spaces, no blank-line runs."""
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n\n")
    text = _CONTROL.sub("", text)
    lines = [_HSPACE.sub(" ", line).strip() for line in text.split("\n")]
    text = "\n".join(lines)
    return _MANY_NEWLINES.sub("\n\n", text).strip()


# -- boilerplate ------------------------------------------------------------------------------------
def _is_linkish(line: str) -> bool:
    """A short line that reads like a teaser/link rather than a sentence."""
    return 0 < len(line) < 140 and not line.rstrip().endswith((".", "!", "?", ":", "“", '"', "»"))


def remove_boilerplate(text: str) -> tuple[str, list[BoilerplateSpan]]:
    """Drop site furniture line by line; keep every article sentence.

    A line goes only when it matches a rule *and* is short enough not to be an
    article sentence that merely mentions a keyword.
    """
    rules = _boilerplate_rules()
    starts = tuple(rules["line_starts"])
    headings = tuple(rules["link_list_headings"])
    keywords = rules["keywords"]
    house_terms = rules["house_note_terms"]
    max_kw = rules["max_keyword_line_chars"]

    paragraphs = text.split("\n\n")
    kept_pars: list[str] = []
    removed: list[BoilerplateSpan] = []
    n_par = len(paragraphs)
    in_link_list = False
    for p_index, par in enumerate(paragraphs):
        low_par = par.lower()
        # newsroom self-descriptions near the end of an article
        if p_index > 0 and p_index >= n_par * 0.5 and len(par) < 1500:
            hits = sum(1 for t in house_terms if t in low_par)
            if hits >= 2:
                removed.append(BoilerplateSpan(par, "house-note"))
                continue
        kept_lines: list[str] = []
        for line in par.split("\n"):
            low = line.lower()
            reason = None
            if in_link_list and _is_linkish(line):
                reason = "related-links"
            else:
                in_link_list = False
                for phrase in starts:
                    if low.startswith(phrase):
                        limit = 40 if " " not in phrase.strip() and not phrase.endswith(":") else 200
                        if len(line) <= limit:
                            reason = "site-furniture"
                            if phrase in headings:
                                in_link_list = True
                                reason = "related-links"
                        break
                if reason is None and len(line) < max_kw and any(k in low for k in keywords):
                    if _is_linkish(line) or re.search(r"\b(jetzt|hier|klicken|sie)\b", low):
                        reason = "newsletter-cookie-paywall"
            if reason:
                removed.append(BoilerplateSpan(line, reason))
            else:
                kept_lines.append(line)
        if kept_lines:
            kept_pars.append("\n".join(kept_lines))
        in_link_list = in_link_list and not kept_lines
    return "\n\n".join(kept_pars).strip(), removed


# -- language ---------------------------------------------------------------------------------------
@functools.lru_cache(maxsize=1)
def _language_detector() -> Any:
    from lingua import Language, LanguageDetectorBuilder

    # A restricted set keeps memory small (all languages cost > 1 GB).
    langs = [Language.GERMAN, Language.ENGLISH, Language.FRENCH, Language.SPANISH, Language.ITALIAN,
             Language.DUTCH, Language.POLISH, Language.RUSSIAN, Language.UKRAINIAN, Language.ARABIC,
             Language.TURKISH, Language.PORTUGUESE, Language.DANISH, Language.SWEDISH, Language.CZECH]
    return LanguageDetectorBuilder.from_languages(*langs).with_low_accuracy_mode().build()


def identify_language(text: str) -> tuple[str | None, float]:
    sample = text[:1500]
    if not any(c.isalpha() for c in sample):
        return None, 0.0
    values = _language_detector().compute_language_confidence_values(sample)
    if not values:
        return None, 0.0
    best = values[0]
    return best.language.iso_code_639_1.name.lower(), round(float(best.value), 4)


# -- dates ------------------------------------------------------------------------------------------
def normalise_published(value: Any) -> str | None:
    """Accept date/datetime/ISO/German "3.5.2022"; return an ISO date (time kept if given)."""
    if value in (None, ""):
        return None
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    s = str(value).strip()
    # every branch checks the calendar: "2011-13-45" or "31.02.2022" from a feed must not reach the store,
    # where one impossible date failed the whole batch's transaction
    try:
        m = re.fullmatch(r"(\d{1,2})\.(\d{1,2})\.(\d{4})", s)
        if m:
            return date(int(m.group(3)), int(m.group(2)), int(m.group(1))).isoformat()
        try:
            if len(s) == 10:
                return date.fromisoformat(s).isoformat()
            return datetime.fromisoformat(s.replace("Z", "+00:00")).isoformat()
        except ValueError:
            pass
        m = re.match(r"(\d{4}-\d{2}-\d{2})", s)
        if m:
            return date.fromisoformat(m.group(1)).isoformat()
        if re.match(r"(?:[A-Za-z]{3},\s*)?\d{1,2}\s+[A-Za-z]{3}\s+\d{4}", s):  # RSS/HTTP: RFC 2822
            from email.utils import parsedate_to_datetime

            return parsedate_to_datetime(s).isoformat()
    except (ValueError, TypeError, OverflowError):
        pass
    log.warning("unparseable publication date %r ignored", s)
    return None


# -- HTML -------------------------------------------------------------------------------------------
def html_removed_blocks(html: str, kept: str) -> list[BoilerplateSpan]:
    """Visible text blocks of the page that the extraction left out (navigation, footers, teasers)."""
    import lxml.html

    try:
        root = lxml.html.fromstring(html)
    except Exception:  # informational only: never fail an article over it
        return []
    kept_norm = normalise(kept)
    out: list[BoilerplateSpan] = []
    for el in root.iter("p", "li", "h1", "h2", "h3", "h4", "h5", "td", "dd", "figcaption", "blockquote"):
        block = normalise(el.text_content()).replace("\n", " ")
        if len(block) > 2 and block not in kept_norm:
            out.append(BoilerplateSpan(block[:2000], "html-boilerplate"))
            if len(out) >= 200:
                break
    return out


def looks_like_html(text: str) -> bool:
    return bool(_HTML_SNIFF.match(text[:2000]))


def extract_html(html: str, *, url: str | None = None, source: str | None = None) -> dict[str, Any]:
    """Main text and metadata with trafilatura; raises NoTextError when nothing is left."""
    import trafilatura

    try:
        result = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False,
                                             include_tables=False, favor_precision=True, deduplicate=False)
    except Exception as exc:  # trafilatura raises assorted lxml errors on hostile markup
        raise MalformedInputError(f"HTML could not be parsed: {exc}", source=source) from exc
    if result is None:
        raise NoTextError("HTML holds no extractable article text", source=source)
    data = result.as_dict() if hasattr(result, "as_dict") else dict(result)
    if not (data.get("text") or "").strip():
        raise NoTextError("HTML holds no extractable article text", source=source)
    return data


def forced_language(value: str, *, source: str | None = None) -> str:
    """A language given by the user, as a lower-case ISO 639-1 code; anything else is refused, not stored."""
    import pycountry

    code = value.strip().lower()
    if not (len(code) == 2 and code.isascii() and code.isalpha() and pycountry.languages.get(alpha_2=code)):
        raise InputError(f"language must be an ISO 639-1 code such as de or en, got {value[:20]!r}", source=source)
    return code


# -- the one entry point ----------------------------------------------------------------------------
def prepare_article(
    raw: str | bytes,
    *,
    url: str | None = None,
    published: Any = None,
    language: str | None = None,
    title: str | None = None,
    source_format: str | None = None,
    source_name: str | None = None,
    supported_languages: tuple[str, ...] | None = SUPPORTED_LANGUAGES,
) -> Article:
    """Decode, extract, normalise and clean one input into a stored-ready :class:`Article`."""
    src = source_name or url
    if isinstance(raw, bytes):
        if len(raw) > MAX_INPUT_BYTES:
            raise InputTooLargeError(f"input has {len(raw):,} bytes; the limit is {MAX_INPUT_BYTES:,}", source=src)
        raw = decode(raw, source=src)
    elif not isinstance(raw, str):
        raise MalformedInputError(f"expected text or bytes, got {type(raw).__name__}", source=src)
    if _SURROGATE.search(raw):
        # lone surrogates arrive from JSON escapes ("\\udc80"); they cannot be stored or hashed as UTF-8
        raw = raw.encode("utf-16", "surrogatepass").decode("utf-16", "replace")
    if len(raw) > MAX_INPUT_BYTES:
        raise InputTooLargeError(f"input has {len(raw):,} characters; the limit is {MAX_INPUT_BYTES:,}", source=src)
    if "\x00" in raw[:8192]:
        raise BinaryInputError("input contains NUL characters; it looks binary", source=src)
    if not raw.strip():
        raise EmptyInputError("input is empty or whitespace only", source=src)

    meta: dict[str, Any] = {}
    fmt = source_format
    if looks_like_html(raw) and fmt in (None, "html", "warc", "jsonl", "text"):
        meta = extract_html(raw, url=url, source=src)
        body = meta.get("text") or ""
        fmt = fmt or "html"
    else:
        body = raw
        fmt = fmt or "text"
    body = normalise(repair_mojibake(body))
    body, removed = remove_boilerplate(body)
    if meta:
        removed = html_removed_blocks(raw, body) + removed
    if len(body) > MAX_TEXT_CHARS:
        raise InputTooLargeError(f"article text has {len(body):,} characters after cleaning; the limit is "
                                 f"{MAX_TEXT_CHARS:,}", source=src)
    if len(body) < MIN_TEXT_CHARS:
        raise NoTextError(f"only {len(body)} characters of text left after cleaning", source=src)

    if language:
        language = forced_language(language, source=src)
    lang, conf = (language, 1.0) if language else identify_language(body)
    if supported_languages and not language and lang not in supported_languages:
        raise UnsupportedLanguageError(
            f"language is {lang or 'unknown'} (confidence {conf:.2f}); supported: {', '.join(supported_languages)}"
            " — force one with --language (CLI), language=... (API) or the language select of the web page's"
            " analyse form", source=src)

    url = url or meta.get("url")
    site = meta.get("sitename") or (urlparse(url).hostname if url else None)
    if title is None:
        title = meta.get("title")
    if title is None and fmt == "text":
        first = body.split("\n", 1)[0]
        if len(first) < 160 and not first.endswith((".", "!", "?")):
            title = first
    pub = normalise_published(published) or normalise_published(meta.get("date"))
    return Article(
        id=content_id(body), text=body, url=url, site=site, title=title, author=meta.get("author"),
        published=pub, language=lang, language_confidence=conf, source_format=fmt, source_name=source_name,
        removed=removed,
    )
