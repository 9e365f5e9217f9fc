"""Starts this process's background threads with the first request (embedded default): the
search indexer and the periodic-job runner (core/periodic.py)."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

from hansa.core import periodic
from hansa.search.indexer import ensure_indexer_started


class IndexerStartMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response
        self.started = False

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not self.started:
            ensure_indexer_started()
            periodic.ensure_started()
            self.started = True
        return self.get_response(request)
