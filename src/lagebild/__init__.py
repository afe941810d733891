"""lagebild: who did what to whom, where, when and how many — from German news.

    >>> import lagebild
    >>> doc = lagebild.analyze("Die Luftwaffe griff am Montag die Stadt Charkiw an.",
    ...                        published="2022-05-03")
    >>> doc.events[0].type
    'ASSAULT'

``analyze`` builds (and caches) a default pipeline; for many articles call
``load()`` once and reuse it. Every record carries ``start``/``end`` offsets
into ``doc.article.text``.
"""

from __future__ import annotations

import logging
from typing import Any

from .doc import Doc
from .errors import LagebildError
from .pipeline import Pipeline
from .pipeline import load as _load_pipeline

__version__ = "0.1.0"
__all__ = ["analyze", "load", "Analyzer", "Doc", "LagebildError", "__version__"]

logging.getLogger(__name__).addHandler(logging.NullHandler())


class Analyzer:
    """A loaded pipeline plus input preparation: the reusable object ``load()`` returns."""

    def __init__(self, pipeline: Pipeline):
        self.pipeline = pipeline

    @property
    def mode(self) -> str:
        return self.pipeline.mode

    def prepare(self, text_or_html: str | bytes, *, url: str | None = None, published: str | None = None,
                language: str | None = None, source_format: str | None = None) -> Doc:
        from .clean import prepare_article

        article = prepare_article(text_or_html, url=url, published=published, language=language,
                                  source_format=source_format)
        return Doc(article=article)

    def analyze(self, text_or_html: str | bytes, *, url: str | None = None, published: str | None = None,
                language: str | None = None) -> Doc:
        return self.pipeline(self.prepare(text_or_html, url=url, published=published, language=language))

    __call__ = analyze


def load(mode: str = "fast", *, disable: tuple[str, ...] | list[str] = (),
         config: dict[str, Any] | None = None) -> Analyzer:
    """Load models once; returns an :class:`Analyzer` to call on many articles."""
    return Analyzer(_load_pipeline(mode, disable=disable, config=config))


_default: dict[str, Analyzer] = {}


def analyze(text_or_html: str | bytes, *, url: str | None = None, published: str | None = None,
            language: str | None = None, mode: str = "fast") -> Doc:
    """Analyse one article (plain text or HTML) with a cached default pipeline."""
    if mode not in _default:
        _default[mode] = load(mode)
    return _default[mode].analyze(text_or_html, url=url, published=published, language=language)
