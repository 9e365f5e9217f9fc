#!/usr/bin/env python
"""Trade messenger benchmark: message throughput and delivery latency over WebSockets.

    .venv/bin/python bench/chat.py [--clients 200] [--seconds 20] [--rate 0.25] [--seed 7]

Builds a fresh temporary SQLite database (migrated), creates ``clients / 2`` buyer staff members
and as many supplier reps with one conversation per pair and a signed-in session each, then
starts ONE server process (uvicorn, one worker, ``hansa.asgi``, the in-memory channel layer: no
``REDIS_URL``) and connects every client's WebSocket with its session cookie. For ``--seconds``
each client sends a message every ``1 / rate`` seconds on average (Poisson arrivals; both sides
of each pair talk) through the socket. A message counts as delivered when the OTHER client of the
pair receives it; latency is send → that receipt, on one clock. Every message goes through the
real path (``services.message_send``: checks, database write, notification check, broadcast on
commit). The per-user flood limit is lifted for the run (``MESSENGER_FLOOD_PER_MINUTE``).

Human-readable lines first; the LAST line is one JSON object with every figure.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import math
import os
import random
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
SETTINGS = """from hansa.settings.base import *  # noqa: F403
MESSENGER_FLOOD_PER_MINUTE = 1_000_000
LOGGING = {"version": 1, "disable_existing_loggers": False}
"""


def pct(values: list[float], p: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[max(0, math.ceil(p / 100 * len(ordered)) - 1)]


def environment(var_dir: str) -> dict[str, str]:
    Path(var_dir, "bench_chat_settings.py").write_text(SETTINGS, encoding="utf-8")
    env = {
        k: v for k, v in os.environ.items() if k not in ("REDIS_URL", "DATABASE_URL", "PYTHONPATH")
    }
    env.update(
        HANSA_VAR_DIR=var_dir,
        DATABASE_URL=f"sqlite:///{var_dir}/bench.sqlite3",
        DJANGO_SETTINGS_MODULE="bench_chat_settings",
        SEARCH_INDEXER="manual",
        PERIODIC_IN_PROCESS="0",
        PYTHONPATH=os.pathsep.join([var_dir, str(PROJECT / "src")]),
    )
    return env


def setup(env: dict[str, str]) -> None:
    os.environ.update(env)
    sys.path[:0] = env["PYTHONPATH"].split(os.pathsep)
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def build(pairs: int) -> list[tuple[int, str, str]]:
    """(conversation id, buyer's session key, rep's session key) per pair."""
    from importlib import import_module

    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.db import transaction

    from hansa.accounts.models import User
    from hansa.companies.choices import CompanyKind
    from hansa.companies.models import Company, Membership
    from hansa.companies.roles import Role
    from hansa.messenger.models import Conversation

    store = import_module(settings.SESSION_ENGINE).SessionStore
    rows = []
    with transaction.atomic():
        supplier = Company.objects.create(
            slug="bench-supplier", name="Bench Supplier", kind=CompanyKind.SUPPLIER, country="CN"
        )
        buyer_co = Company.objects.create(
            slug="bench-buyer", name="Bench Buyer", kind=CompanyKind.BUYER, country="DE"
        )
        Membership.objects.create(
            user=User.objects.create(email="owner@bench.test", full_name="Owner"),
            company=supplier,
            role=Role.OWNER,
        )
        Membership.objects.create(
            user=User.objects.create(email="bowner@bench.test", full_name="Buyer owner"),
            company=buyer_co,
            role=Role.OWNER,
        )
        for i in range(pairs):
            buyer = User.objects.create(email=f"b{i}@bench.test", full_name=f"Buyer {i}")
            rep = User.objects.create(email=f"r{i}@bench.test", full_name=f"Rep {i}")
            for user in (buyer, rep):
                user.set_unusable_password()
                user.save(update_fields=["password"])
            Membership.objects.create(user=buyer, company=buyer_co, role=Role.BUYER_STAFF)
            Membership.objects.create(user=rep, company=supplier, role=Role.SALES_REP)
            conversation = Conversation.objects.create(
                buyer=buyer, buyer_company=buyer_co, supplier=supplier, rep=rep
            )
            keys = []
            for user in (buyer, rep):
                session = store()
                session[SESSION_KEY] = str(user.pk)
                session[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[0]
                session[HASH_SESSION_KEY] = user.get_session_auth_hash()
                session.save()
                keys.append(session.session_key)
            rows.append((conversation.pk, keys[0], keys[1]))
    return rows


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


async def run_clients(
    port: int, pairs: list[tuple[int, str, str]], seconds: float, rate: float, seed: int
) -> dict[str, float]:
    from websockets.asyncio.client import connect

    url = f"ws://127.0.0.1:{port}/ws/messenger/"
    origin = f"http://127.0.0.1:{port}"
    sent_at: dict[str, float] = {}
    latencies: list[float] = []
    errors: list[str] = []
    sent = 0
    rng = random.Random(seed)

    async def open_socket(session_key: str):
        return await connect(
            url,
            additional_headers={"Cookie": f"sessionid={session_key}", "Origin": origin},
            max_queue=None,
            open_timeout=60,
        )

    t_connect = time.perf_counter()
    sockets = []
    for conversation, buyer_key, rep_key in pairs:
        sockets.append((conversation, await open_socket(buyer_key), await open_socket(rep_key)))
    connect_s = time.perf_counter() - t_connect

    stop_at = 0.0

    async def reader(ws, me: str) -> None:
        try:
            async for raw in ws:
                frame = json.loads(raw)
                kind = frame.get("type")
                if kind == "message":
                    client_id = frame.get("client_id", "")
                    if client_id and not client_id.startswith(me):
                        started = sent_at.pop(client_id, None)
                        if started is not None:
                            latencies.append(time.perf_counter() - started)
                elif kind == "error":
                    errors.append(frame.get("message", ""))
        except Exception as exc:  # connection closed at the end
            if time.perf_counter() < stop_at:
                errors.append(repr(exc))

    async def writer(ws, conversation: int, me: str, seed_: int) -> None:
        nonlocal sent
        local = random.Random(seed_)
        n = 0
        await asyncio.sleep(local.random() / rate)
        while time.perf_counter() < stop_at:
            client_id = f"{me}-{n}"
            n += 1
            sent_at[client_id] = time.perf_counter()
            await ws.send(
                json.dumps(
                    {
                        "type": "send",
                        "conversation": conversation,
                        "body": f"Quote request {n}: 5,000 m LED strip, CIF Hamburg?",
                        "client_id": client_id,
                    }
                )
            )
            sent += 1
            pause = local.expovariate(rate)
            if time.perf_counter() + pause >= stop_at:
                break
            await asyncio.sleep(pause)

    readers, writers = [], []
    start = time.perf_counter()
    stop_at = start + seconds
    for conversation, buyer_ws, rep_ws in sockets:
        b, r = f"b{conversation}", f"r{conversation}"
        readers += [
            asyncio.create_task(reader(buyer_ws, b)),
            asyncio.create_task(reader(rep_ws, r)),
        ]
        writers += [
            asyncio.create_task(writer(buyer_ws, conversation, b, rng.randrange(1 << 30))),
            asyncio.create_task(writer(rep_ws, conversation, r, rng.randrange(1 << 30))),
        ]
    await asyncio.gather(*writers)
    sending_s = time.perf_counter() - start
    drain_deadline = time.perf_counter() + 30
    while sent_at and time.perf_counter() < drain_deadline:
        await asyncio.sleep(0.05)
    wall = time.perf_counter() - start
    for _conversation, buyer_ws, rep_ws in sockets:
        await buyer_ws.close()
        await rep_ws.close()
    for task in readers:
        task.cancel()
    delivered = len(latencies)
    return {
        "clients": len(pairs) * 2,
        "connect_s": round(connect_s, 2),
        "seconds_sending": round(sending_s, 2),
        "messages_sent": sent,
        "messages_delivered": delivered,
        "undelivered": len(sent_at),
        "errors": len(errors),
        "first_error": errors[0] if errors else "",
        "throughput_msg_per_s": round(delivered / wall, 1),
        "latency_ms_p50": round(pct(latencies, 50) * 1000, 1),
        "latency_ms_p95": round(pct(latencies, 95) * 1000, 1),
        "latency_ms_p99": round(pct(latencies, 99) * 1000, 1),
        "latency_ms_max": round(max(latencies) * 1000, 1) if latencies else float("nan"),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--clients", type=int, default=200, help="WebSocket clients (pairs x 2)")
    parser.add_argument("--seconds", type=float, default=20.0, help="how long clients send")
    parser.add_argument(
        "--rate", type=float, default=0.25, help="messages/s per client (0.25: 50 msg/s in all)"
    )
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--keep", action="store_true", help="keep the temporary directory")
    args = parser.parse_args()

    var_dir = tempfile.mkdtemp(prefix="hansa-bench-chat-")
    env = environment(var_dir)
    server = None
    try:
        t0 = time.perf_counter()
        setup(env)
        pairs = build(max(1, args.clients // 2))
        print(f"database ready: {len(pairs)} pairs in {time.perf_counter() - t0:.1f} s")
        port = free_port()
        server = subprocess.Popen(  # noqa: S603 (our own interpreter and arguments)
            [
                sys.executable,
                "-m",
                "uvicorn",
                "hansa.asgi:application",
                "--host",
                "127.0.0.1",
                "--port",
                str(port),
                "--workers",
                "1",
                "--log-level",
                "warning",
                "--lifespan",
                "off",
            ],
            env=env,
            cwd=var_dir,
        )
        deadline = time.time() + 30
        while True:
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                    break
            except OSError:
                if time.time() > deadline or server.poll() is not None:
                    raise SystemExit("the server did not start") from None
                time.sleep(0.1)
        print(f"server: uvicorn, 1 worker, in-memory channel layer, port {port}")
        result = asyncio.run(run_clients(port, pairs, args.seconds, args.rate, args.seed))
        result.update(rate_per_client=args.rate, database="sqlite", workers=1)
        print(
            f"{result['clients']} clients connected in {result['connect_s']} s; "
            f"{result['messages_delivered']}/{result['messages_sent']} messages delivered, "
            f"{result['throughput_msg_per_s']} msg/s; latency p50 {result['latency_ms_p50']} ms, "
            f"p95 {result['latency_ms_p95']} ms, p99 {result['latency_ms_p99']} ms; "
            f"errors {result['errors']}"
        )
        print(json.dumps(result))
    finally:
        if server is not None:
            server.terminate()
            try:
                server.wait(timeout=10)
            except subprocess.TimeoutExpired:
                server.kill()
        if not args.keep:
            shutil.rmtree(var_dir, ignore_errors=True)


if __name__ == "__main__":
    main()
