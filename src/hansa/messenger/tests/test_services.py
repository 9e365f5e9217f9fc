from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile

from hansa.catalog.tests.factories import LiveProductFactory, ProductFactory
from hansa.companies.roles import Role
from hansa.companies.tests.factories import MembershipFactory
from hansa.core.errors import BusinessError, Forbidden, NotFound
from hansa.messenger import selectors, services
from hansa.messenger.models import ChatAttachment, Conversation, Message, Presence
from hansa.notifications.models import Notification

NOW = datetime(2026, 11, 26, 9, 0, tzinfo=UTC)


def send(cast, conversation, user, body="Hello", **kw):
    return services.message_send(
        membership=user.membership, conversation=conversation, body=body, **kw
    )


def test_chat_now_on_a_product_goes_to_the_rep_who_owns_it(cast, product):
    conversation, created = services.conversation_start(
        membership=cast.staff.membership, supplier=cast.supplier, product_id=product.pk
    )
    assert created and conversation.rep == cast.rep2 and conversation.product == product
    again, created = services.conversation_start(
        membership=cast.staff.membership, supplier=cast.supplier, product_id=product.pk
    )
    assert not created and again.pk == conversation.pk
    assert Conversation.objects.count() == 1


def test_without_a_product_owner_an_online_rep_answers_else_the_owner(cast):
    conversation, _ = services.conversation_start(
        membership=cast.staff.membership, supplier=cast.supplier
    )
    assert conversation.rep == cast.owner  # nobody online: the main account
    services.presence_touch(user=cast.rep)
    conversation, _ = services.conversation_start(
        membership=cast.staff2.membership, supplier=cast.supplier
    )
    assert conversation.rep == cast.rep


def test_a_product_without_an_active_owner_goes_to_an_online_rep(cast):
    product = LiveProductFactory(company=cast.supplier, owner=None)
    services.presence_touch(user=cast.rep2)
    conversation, _ = services.conversation_start(
        membership=cast.staff.membership, supplier=cast.supplier, product_id=product.pk
    )
    assert conversation.rep == cast.rep2


def test_the_buyer_may_pick_any_rep_but_not_someone_elses(cast):
    conversation, _ = services.conversation_start(
        membership=cast.staff.membership, supplier=cast.supplier, rep_id=cast.rep2.pk
    )
    assert conversation.rep == cast.rep2
    with pytest.raises(BusinessError) as err:
        services.conversation_start(
            membership=cast.staff.membership, supplier=cast.supplier, rep_id=cast.other_owner.pk
        )
    assert err.value.field == "rep"


def test_suppliers_cannot_start_chats_and_nobody_chats_with_themselves(cast):
    with pytest.raises(Forbidden):
        services.conversation_start(membership=cast.other_owner.membership, supplier=cast.supplier)
    with pytest.raises(NotFound):
        services.conversation_start(
            membership=cast.staff.membership, supplier=cast.other_buyer_company
        )
    assert not Conversation.objects.exists()


def test_a_draft_or_foreign_product_is_refused(cast):
    draft = ProductFactory(company=cast.supplier, owner=cast.rep)
    foreign = LiveProductFactory(company=cast.other_supplier)
    for product in (draft, foreign):
        with pytest.raises(BusinessError) as err:
            services.conversation_start(
                membership=cast.staff.membership, supplier=cast.supplier, product_id=product.pk
            )
        assert err.value.field == "product"
    assert not Conversation.objects.exists()


def test_messages_count_as_unread_until_read(cast):
    conversation = cast.chat()
    send(cast, conversation, cast.staff, "Do you ship to Hamburg?")
    send(cast, conversation, cast.staff, "And what is the MOQ?")
    assert selectors.unread_total(cast.rep) == 2
    assert selectors.unread_total(cast.staff) == 0
    assert selectors.unread_total(cast.owner) == 0  # reading along has no counters
    row = selectors.conversation_list(cast.rep.membership).get()
    assert row.unread == 2
    services.conversation_mark_read(membership=cast.rep.membership, conversation=conversation)
    assert selectors.unread_total(cast.rep) == 0
    send(cast, conversation, cast.rep, "Yes, MOQ 500 m.")
    assert selectors.unread_total(cast.staff) == 1
    assert selectors.unread_total(cast.rep) == 0


def test_a_resent_message_with_the_same_client_id_is_stored_once(cast):
    conversation = cast.chat()
    first, created = send(cast, conversation, cast.staff, "Hi", client_id="abc-1")
    again, created_again = send(cast, conversation, cast.staff, "Hi", client_id="abc-1")
    assert created and not created_again and first.pk == again.pk
    assert Message.objects.count() == 1


def test_script_is_refused_and_nothing_is_stored(cast):
    conversation = cast.chat()
    with pytest.raises(BusinessError) as err:
        send(cast, conversation, cast.staff, 'Look <script>alert("x")</script>')
    assert "script" in err.value.message and err.value.field == "body"
    with pytest.raises(BusinessError):
        send(cast, conversation, cast.staff, "x" * 4001)
    with pytest.raises(BusinessError):
        send(cast, conversation, cast.staff, "   ")
    assert not Message.objects.exists()
    ok, _ = send(cast, conversation, cast.staff, "Price < 2 USD per metre?")
    assert ok.body == "Price < 2 USD per metre?"


def test_flooding_is_refused_from_the_database_count(cast):
    conversation = cast.chat()
    with time_machine.travel(NOW, tick=False):
        for i in range(services.FLOOD_LIMIT):
            send(cast, conversation, cast.staff, f"message {i}")
        with pytest.raises(BusinessError) as err:
            send(cast, conversation, cast.staff, "one too many")
        assert "last minute" in err.value.message
    assert Message.objects.count() == services.FLOOD_LIMIT
    with time_machine.travel(NOW + timedelta(seconds=61), tick=False):
        send(cast, conversation, cast.staff, "after a pause")
    assert Message.objects.count() == services.FLOOD_LIMIT + 1


def test_files_are_checked_before_anything_is_written(cast, settings):
    settings.ATTACHMENT_MAX_BYTES = 1000
    conversation = cast.chat()
    good = SimpleUploadedFile("spec.txt", b"Voltage: 12 V\n", content_type="text/plain")
    big = SimpleUploadedFile("big.txt", b"a" * 2000, content_type="text/plain")
    with pytest.raises(BusinessError) as err:
        send(cast, conversation, cast.staff, "two files", files=[good, big])
    assert "too large" in err.value.message and err.value.field == "files"
    evil = SimpleUploadedFile("page.html", b"<html><script>x</script>", content_type="text/html")
    with pytest.raises(BusinessError) as err:
        send(cast, conversation, cast.staff, "", files=[evil])
    assert "cannot be sent" in err.value.message
    assert not Message.objects.exists() and not ChatAttachment.objects.exists()
    good.seek(0)
    message, _ = send(cast, conversation, cast.staff, "", files=[good])
    assert message.attachments.get().name == "spec.txt"


def test_only_the_two_participants_write(cast):
    conversation = cast.chat()
    for reader in (cast.owner, cast.admin, cast.buyer_owner):
        with pytest.raises(Forbidden):
            send(cast, conversation, reader, "I join in")
    assert not Message.objects.exists()


def test_an_offline_recipient_gets_one_notification_until_they_read(cast):
    conversation = cast.chat()
    send(cast, conversation, cast.staff, "First")
    send(cast, conversation, cast.staff, "Second")
    notes = Notification.objects.filter(user=cast.rep, kind="chat")
    assert notes.count() == 1 and notes.get().url == f"/messenger/{conversation.pk}/"
    services.conversation_mark_read(membership=cast.rep.membership, conversation=conversation)
    send(cast, conversation, cast.staff, "Third")
    assert notes.count() == 2
    services.presence_touch(user=cast.staff)
    send(cast, conversation, cast.rep, "I am online, you are too")
    assert not Notification.objects.filter(user=cast.staff).exists()


def test_presence_follows_sockets_and_polls(cast):
    with time_machine.travel(NOW, tick=False):
        assert services.presence_connect(user=cast.rep) is True
        assert services.presence_connect(user=cast.rep) is False  # second tab
        assert selectors.online_user_ids([cast.rep.pk]) == {cast.rep.pk}
        assert services.presence_disconnect(user=cast.rep) is False
        assert selectors.online_user_ids([cast.rep.pk]) == {cast.rep.pk}
        assert services.presence_disconnect(user=cast.rep) is True
        assert selectors.online_user_ids([cast.rep.pk]) == set()
        services.presence_touch(user=cast.rep2)
    with time_machine.travel(NOW + timedelta(seconds=59), tick=False):
        assert selectors.online_user_ids([cast.rep2.pk]) == {cast.rep2.pk}
    with time_machine.travel(NOW + timedelta(seconds=61), tick=False):
        assert selectors.online_user_ids([cast.rep2.pk]) == set()
    assert Presence.objects.get(user=cast.rep).sockets == 0


def test_who_sees_which_conversation(cast):
    mine = cast.chat(cast.staff, cast.rep)
    other_rep = cast.chat(cast.staff2, cast.rep2)

    def ids(user):
        return set(selectors.visible_conversations(user.membership).values_list("pk", flat=True))

    assert ids(cast.rep) == {mine.pk}
    assert ids(cast.rep2) == {other_rep.pk}
    assert ids(cast.owner) == ids(cast.admin) == {mine.pk, other_rep.pk}
    assert ids(cast.staff) == {mine.pk}
    assert ids(cast.buyer_owner) == {mine.pk, other_rep.pk}
    assert ids(cast.other_owner) == ids(cast.other_buyer) == set()
    with pytest.raises(NotFound):
        selectors.access_conversation(cast.rep2.membership, mine.pk)


def test_history_search_and_the_sub_account_filter(cast):
    a = cast.chat(cast.staff, cast.rep)
    b = cast.chat(cast.staff2, cast.rep2)
    send(cast, a, cast.staff, "We need IP65 strips for a warehouse")
    send(cast, b, cast.staff2, "Quote for panel lights please")
    owner = cast.owner.membership
    assert [c.pk for c in selectors.conversation_list(owner, q="ip65")] == [a.pk]
    assert [c.pk for c in selectors.conversation_list(owner, q="Ida")] == [b.pk]
    assert [c.pk for c in selectors.conversation_list(owner, rep_id=cast.rep2.pk)] == [b.pk]
    assert [c.pk for c in selectors.conversation_list(cast.rep.membership, q="panel")] == []
    assert [m.body for m in selectors.search_messages(cast.rep2.membership, "panel")] == [
        "Quote for panel lights please"
    ]
    assert selectors.search_messages(cast.rep.membership, "panel") == []
    assert [m.user_id for m in selectors.sub_accounts(owner)] == [cast.rep.pk, cast.rep2.pk]
    contacts = selectors.contacts(owner)
    assert {(c.buyer, c.rep) for c in contacts} == {
        (cast.staff, cast.rep),
        (cast.staff2, cast.rep2),
    }


def test_a_deactivated_rep_is_no_longer_offered(cast):
    m = cast.rep.membership
    m.is_active = False
    m.save()
    with pytest.raises(BusinessError):
        services.conversation_start(
            membership=cast.staff.membership, supplier=cast.supplier, rep_id=cast.rep.pk
        )
    reps = [r.user for r in selectors.company_reps(cast.supplier)]
    assert cast.rep not in reps and cast.rep2 in reps


def test_a_company_of_both_kinds_can_buy_from_others(cast):
    from hansa.companies.choices import CompanyKind

    cast.other_supplier.kind = CompanyKind.BOTH
    cast.other_supplier.save()
    MembershipFactory(company=cast.other_supplier, role=Role.SALES_REP)
    other = cast.other_owner
    other.membership.refresh_from_db()
    conversation, created = services.conversation_start(
        membership=other.membership, supplier=cast.supplier
    )
    assert created and conversation.buyer_company == cast.other_supplier


def test_two_starts_at_once_give_the_same_chat_not_an_error(cast, monkeypatch):
    """A double click on "Chat now": the other request inserts the chat between our check and
    our insert; the unique key answers, and we return that chat instead of a 500."""
    other = Conversation.objects.create(
        buyer=cast.staff,
        buyer_company=cast.buyer_company,
        supplier=cast.supplier,
        rep=cast.rep,
    )
    real_filter = Conversation.objects.filter
    missed: list[bool] = []

    def filter_missing_it_once(*args, **kwargs):
        rows = real_filter(*args, **kwargs)
        if "rep" in kwargs and not missed:  # our check ran just before the other insert
            missed.append(True)
            return rows.none()
        return rows

    monkeypatch.setattr(Conversation.objects, "filter", filter_missing_it_once)
    conversation, created = services.conversation_start(
        membership=cast.staff.membership, supplier=cast.supplier, rep_id=cast.rep.pk
    )
    assert missed and created is False and conversation.pk == other.pk
    assert Conversation.objects.count() == 1


def test_the_suppliers_block_list_holds_for_chats(cast):
    from hansa.inquiries.models import BlockEntry, BlockKind

    conversation = cast.chat()
    send(cast, conversation, cast.staff, "Before the block")
    BlockEntry.objects.create(supplier=cast.supplier, kind=BlockKind.MEMBER, user=cast.staff)
    with pytest.raises(BusinessError, match="cannot receive your messages"):
        send(cast, conversation, cast.staff, "After the block")
    with pytest.raises(BusinessError, match="cannot receive your messages"):
        services.conversation_start(membership=cast.staff.membership, supplier=cast.supplier)
    assert Message.objects.filter(conversation=conversation).count() == 1
    # The supplier may still write; a colleague of the blocked buyer may still chat.
    send(cast, conversation, cast.rep, "We have closed this request.")
    other, _ = services.conversation_start(
        membership=cast.staff2.membership, supplier=cast.supplier, rep_id=cast.rep.pk
    )
    assert other.buyer_id == cast.staff2.pk
