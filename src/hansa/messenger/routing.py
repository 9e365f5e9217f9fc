"""WebSocket routes of the trade messenger (mounted by ``hansa.asgi``)."""

from __future__ import annotations

from django.urls import path

from hansa.messenger.consumers import MessengerConsumer

websocket_urlpatterns: list = [path("ws/messenger/", MessengerConsumer.as_asgi())]
