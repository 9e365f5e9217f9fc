"""The search engine behind a small interface (``base.SearchEngine``).

Callers build an :class:`~hansa.search.engine.base.EngineQuery` and never see tantivy, so a
clustered engine can replace :class:`~hansa.search.engine.tantivy_engine.TantivyEngine` later.
"""

from __future__ import annotations

import threading

from django.conf import settings

from hansa.search.engine.base import SearchEngine

_lock = threading.Lock()
_engines: dict[str, SearchEngine] = {}


def get_engine() -> SearchEngine:
    """The process's engine for the configured index directory (one per directory)."""
    path = str(settings.SEARCH_INDEX_DIR)
    engine = _engines.get(path)
    if engine is None:
        with _lock:
            engine = _engines.get(path)
            if engine is None:
                from hansa.search.engine.tantivy_engine import TantivyEngine

                engine = TantivyEngine(path)
                _engines[path] = engine
    return engine


def forget_engines() -> None:
    """Drop cached engines (tests that switch index directories)."""
    with _lock:
        _engines.clear()
