"""The demo market's negotiation: inquiries, trade-messenger chats, RFQs and quotes.

Runs after the market and its listings exist (``hansa demo``, ``hansa generate``). Each part has
its own random stream derived from the seed, so adding data to one part never changes another.
Dates are relative to the moment of generation: conversations are recent, response figures
cover the last 30 days and open RFQs are still open when the demo starts.
"""

from __future__ import annotations

import random
import sys
from collections.abc import Callable
from datetime import datetime

from django.db import transaction
from django.utils import timezone, translation
from tqdm import tqdm

from hansa.demo import inquiries_demo, messenger_demo, rfqs_demo

PARTS: tuple[tuple[str, Callable[..., dict[str, int]]], ...] = (
    ("inquiries", inquiries_demo.populate),
    ("messenger", messenger_demo.populate),
    ("rfqs", rfqs_demo.populate),
)


def generate_negotiation(
    *, seed: int = 2026, now: datetime | None = None, progress: bool = True
) -> dict[str, dict[str, int]]:
    """Adds every part in one transaction; returns each part's counts."""
    now = now or timezone.now()
    counts: dict[str, dict[str, int]] = {}
    with (
        translation.override("en"),
        tqdm(
            total=len(PARTS), disable=not progress, file=sys.stderr, unit="part", desc="Negotiation"
        ) as bar,
        transaction.atomic(),
    ):
        for name, populate in PARTS:
            bar.set_postfix_str(name)
            counts[name] = populate(rng=random.Random(f"{seed}:{name}"), now=now)
            bar.update(1)
    return counts


def negotiation_lines(counts: dict[str, dict[str, int]]) -> list[str]:
    lines = ["Negotiation:"]
    for name, part in counts.items():
        figures = ", ".join(f"{value:,} {key.replace('_', ' ')}" for key, value in part.items())
        lines.append(f"  {name:<10} {figures}")
    return lines
