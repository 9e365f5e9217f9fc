from __future__ import annotations

from datetime import UTC, datetime, timedelta

import time_machine

from hansa.messenger import services, tasks
from hansa.messenger.models import Presence
from hansa.notifications.models import Notification

NOW = datetime(2026, 11, 26, 9, 0, tzinfo=UTC)


def test_tick_notifies_a_message_left_unread_while_online_once(cast):
    conversation = cast.chat()
    with time_machine.travel(NOW, tick=False):
        services.presence_touch(user=cast.rep)  # the rep's page is open: no notification now
        services.message_send(
            membership=cast.staff.membership, conversation=conversation, body="Still there?"
        )
        assert not Notification.objects.filter(user=cast.rep).exists()
        assert tasks.tick()["notified"] == 0  # too early
    with time_machine.travel(NOW + timedelta(minutes=6), tick=False):
        assert tasks.tick() == {"notified": 1, "presence_reset": 0}
        assert tasks.tick()["notified"] == 0  # once until read
    note = Notification.objects.get(user=cast.rep, kind="chat")
    assert "Still there?" in note.body and note.url == f"/messenger/{conversation.pk}/"
    assert not Notification.objects.filter(user=cast.staff).exists()


def test_tick_leaves_read_messages_alone_and_resets_dead_sockets(cast):
    conversation = cast.chat()
    with time_machine.travel(NOW, tick=False):
        services.presence_connect(user=cast.rep)
        services.message_send(membership=cast.rep.membership, conversation=conversation, body="Hi")
        services.presence_touch(user=cast.staff)
        services.conversation_mark_read(membership=cast.staff.membership, conversation=conversation)
    with time_machine.travel(NOW + timedelta(hours=1), tick=False):
        assert tasks.tick() == {"notified": 0, "presence_reset": 1}
    assert Presence.objects.get(user=cast.rep).sockets == 0
