"""The demo chats: realistic, some unread, one with a file, deterministic for a seed."""

from __future__ import annotations

import random
from datetime import UTC, datetime

import pytest

from hansa.demo import messenger_demo
from hansa.demo.generator import BUYER_EMAIL, SALES_REP_EMAIL, generate_market
from hansa.messenger.models import ChatAttachment, Conversation, Message

pytestmark = pytest.mark.django_db
NOW = datetime(2026, 11, 26, 8, 0, tzinfo=UTC)


def _rows() -> list[tuple]:
    return list(
        Message.objects.order_by("created_at", "id").values_list(
            "conversation__buyer__email", "conversation__rep__email", "body", "created_at"
        )
    ) + list(
        Conversation.objects.order_by("created_at", "id").values_list(
            "buyer__email", "rep__email", "product__slug", "created_at"
        )
    )


def test_populate_adds_conversations_with_unread_messages_and_a_file():
    generate_market(suppliers=30, buyers=12, products=400, progress=False)
    counts = messenger_demo.populate(rng=random.Random(7), now=NOW)
    assert counts["conversations"] >= 8 and counts["messages"] >= 25, counts
    assert counts["files"] == 1 and ChatAttachment.objects.get().name == "price-list.pdf"
    assert counts["unread_for_demo_buyer"] == 2 and counts["unread_for_demo_rep"] >= 1
    demo = Conversation.objects.filter(buyer__email=BUYER_EMAIL, rep__email=SALES_REP_EMAIL).get()
    assert demo.product is not None and demo.messages.count() == 7
    assert all(m.created_at < NOW for m in Message.objects.all())
    first = _rows()
    Conversation.objects.all().delete()
    messenger_demo.populate(rng=random.Random(7), now=NOW)
    assert [r[:3] for r in _rows()] == [r[:3] for r in first]
    assert _rows() == first
