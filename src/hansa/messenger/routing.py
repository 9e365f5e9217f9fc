"""WebSocket routes of the trade messenger (mounted by ``hansa.asgi``)."""

from __future__ import annotations

websocket_urlpatterns: list = []
