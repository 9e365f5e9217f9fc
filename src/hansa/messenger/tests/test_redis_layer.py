"""Production wiring: with ``REDIS_URL`` the channel layer is Redis, and it joins processes.

The embedded default's in-memory layer reaches only its own process; several server processes
(``WEB_CONCURRENCY`` with Redis) must hear each other's messages. Two layer instances stand for
two processes here, against the real Redis server the machine runs (CI starts it).
"""

from __future__ import annotations

import asyncio
import os
import socket
import subprocess
import sys
import uuid
from concurrent.futures import ThreadPoolExecutor

import pytest
from channels_redis.core import RedisChannelLayer

REDIS_HOST, REDIS_PORT = "127.0.0.1", 6379


def redis_up() -> bool:
    try:
        with socket.create_connection((REDIS_HOST, REDIS_PORT), timeout=1):
            return True
    except OSError:
        return False


pytestmark = pytest.mark.skipif(not redis_up(), reason="needs the Redis server on 127.0.0.1:6379")


def test_settings_choose_the_redis_layer_when_redis_is_configured():
    code = (
        "import django; django.setup();"
        "from django.conf import settings;"
        "print(settings.CHANNEL_LAYERS['default']['BACKEND'], settings.PERIODIC_IN_PROCESS)"
    )
    env = os.environ | {
        "DJANGO_SETTINGS_MODULE": "hansa.settings.base",
        "REDIS_URL": f"redis://{REDIS_HOST}:{REDIS_PORT}/0",
    }
    env.pop("DATABASE_URL", None)
    out = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    ).stdout.split()
    assert out == ["channels_redis.core.RedisChannelLayer", "False"]


def test_a_group_message_from_one_process_reaches_a_socket_of_another():
    prefix = f"hansa-test-{uuid.uuid4().hex[:8]}"
    hosts = [f"redis://{REDIS_HOST}:{REDIS_PORT}/15"]

    async def scenario() -> dict:
        sender = RedisChannelLayer(hosts=hosts, prefix=prefix)
        receiver = RedisChannelLayer(hosts=hosts, prefix=prefix)
        channel = await receiver.new_channel()
        await receiver.group_add("chat-42", channel)
        try:
            await sender.group_send("chat-42", {"type": "chat.event", "text": "Hello, Hamburg"})
            return await asyncio.wait_for(receiver.receive(channel), timeout=5)
        finally:
            await receiver.group_discard("chat-42", channel)
            await sender.flush()
            await receiver.close_pools()
            await sender.close_pools()

    # A thread of its own: a browser test earlier in the session may have left a loop here.
    with ThreadPoolExecutor(1) as pool:
        message = pool.submit(asyncio.run, scenario()).result(timeout=30)
    assert message == {"type": "chat.event", "text": "Hello, Hamburg"}
