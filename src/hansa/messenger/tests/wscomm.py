"""A WebSocket test client for the ASGI application, as ``channels.testing`` has it.

``channels.testing``'s package import pulls in daphne (its live-server test case), which this
project does not install, so the few lines of its ``WebsocketCommunicator`` live here.
"""

from __future__ import annotations

import json
from typing import Any
from unittest import mock

from asgiref.testing import ApplicationCommunicator


def _no_op() -> None:
    pass


class WebsocketCommunicator(ApplicationCommunicator):
    def __init__(self, application: Any, path: str, headers: list | None = None) -> None:
        self.scope = {
            "type": "websocket",
            "path": path,
            "query_string": b"",
            "headers": headers or [],
            "subprotocols": [],
        }
        super().__init__(application, self.scope)

    async def send_input(self, message: dict) -> None:
        with mock.patch("channels.db.close_old_connections", _no_op):
            return await super().send_input(message)

    async def receive_output(self, timeout: float = 1) -> dict:
        with mock.patch("channels.db.close_old_connections", _no_op):
            return await super().receive_output(timeout)

    async def connect(self, timeout: float = 2) -> tuple[bool, Any]:
        await self.send_input({"type": "websocket.connect"})
        response = await self.receive_output(timeout)
        if response["type"] == "websocket.close":
            return False, response.get("code", 1000)
        assert response["type"] == "websocket.accept"
        return True, response.get("subprotocol")

    async def send_json_to(self, data: Any) -> None:
        await self.send_input({"type": "websocket.receive", "text": json.dumps(data)})

    async def receive_json_from(self, timeout: float = 1) -> Any:
        response = await self.receive_output(timeout)
        assert response["type"] == "websocket.send", response
        return json.loads(response["text"])

    async def disconnect(self, code: int = 1000, timeout: float = 2) -> None:
        await self.send_input({"type": "websocket.disconnect", "code": code})
        await self.wait(timeout)


def run(scenario: Any) -> None:
    """Runs ``scenario()`` (a coroutine function) on an event loop of its own thread.

    ``async_to_sync`` would refuse when the test thread already has a loop (Playwright's sync
    API leaves one behind in browser test sessions).
    """
    import asyncio
    import threading

    failure: list[BaseException] = []

    def target() -> None:
        try:
            asyncio.run(scenario())
        except BaseException as exc:
            failure.append(exc)

    thread = threading.Thread(target=target)
    thread.start()
    thread.join(timeout=60)
    if failure:
        raise failure[0]
    assert not thread.is_alive(), "the WebSocket scenario did not finish"
