"""Sending, routing, replies and the anti-spam rules: refused input leaves nothing behind."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from hansa.catalog.tests.factories import LiveProductFactory
from hansa.core.errors import BusinessError, Forbidden, NotFound
from hansa.inquiries import services
from hansa.inquiries.models import (
    BlockKind,
    Inquiry,
    InquiryAttachment,
    InquiryMessage,
    InquiryPolicy,
    InquiryStatus,
    SpamReport,
    SpamSource,
    SpamStatus,
)
from hansa.inquiries.tests.conftest import NOW, draft, make_buyer, make_team, send
from hansa.notifications.models import Notification

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def nothing_written() -> bool:
    return not Inquiry.objects.exists() and not InquiryMessage.objects.exists()


def test_product_inquiry_goes_to_the_rep_who_owns_the_product(team, buyer_m, rep_product):
    inquiry = send(
        buyer_m,
        team.company,
        rep_product,
        quantity="5000",
        unit="MTR",
        target_price="0.85",
        target_currency="usd",
        destination_country="de",
        incoterm="fob",
    )
    assert inquiry.assignee == team.rep
    assert inquiry.product_title == rep_product.published["title"]
    assert str(inquiry.target_money) and inquiry.target_money.currency == "USD"
    assert inquiry.incoterm == "FOB" and str(inquiry.destination_country) == "DE"
    assert Notification.objects.filter(user=team.rep.user, kind="inquiry").count() == 1
    assert not Notification.objects.filter(user=team.owner.user).exists()


def test_without_a_product_owner_it_goes_to_the_owner(team, buyer_m):
    product = LiveProductFactory(company=team.company, owner=None)
    assert send(buyer_m, team.company, product).assignee == team.owner


def test_basket_send_is_one_to_one_per_supplier_and_all_or_nothing(buyer_m):
    teams = [make_team() for _ in range(3)]
    products = [LiveProductFactory(company=t.company, owner=t.rep.user) for t in teams]
    extra = LiveProductFactory(company=teams[0].company, owner=teams[0].rep.user)
    targets = services.targets_for_products(buyer_m, [p.pk for p in [*products, extra]])
    assert [len(ps) for _c, ps in targets] == [2, 1, 1]
    sent = services.inquiry_send(membership=buyer_m, targets=targets, draft=draft(), now=NOW)
    assert len(sent) == 3 and len({i.batch for i in sent}) == 1
    assert {i.supplier_company_id for i in sent} == {t.company.pk for t in teams}
    # One supplier blocked the buyer: the next basket send writes nothing at all.
    services.block_create(
        membership=teams[2].owner, kind=BlockKind.MEMBER, value=buyer_m.user.email
    )
    before = Inquiry.objects.count()
    with pytest.raises(BusinessError) as exc:
        services.inquiry_send(membership=buyer_m, targets=targets, draft=draft(), now=NOW)
    assert "cannot receive your inquiry" in exc.value.message
    assert "block" not in exc.value.message.lower()
    assert Inquiry.objects.count() == before


def test_buyers_cannot_inquire_to_their_own_company_and_suppliers_cannot_send(team):
    both = make_team(kind="both")
    with pytest.raises(BusinessError):
        send(both.owner, both.company)
    with pytest.raises(Forbidden):
        send(team.owner, both.company)
    assert nothing_written()


def test_script_in_messages_is_refused_with_a_clear_message(team, buyer_m):
    with pytest.raises(BusinessError) as exc:
        send(buyer_m, team.company, body="Hello <script>alert(1)</script>")
    assert exc.value.field == "body" and "script" in exc.value.message
    assert nothing_written()
    inquiry = send(buyer_m, team.company)
    with pytest.raises(BusinessError):
        services.inquiry_reply(
            membership=team.owner, inquiry_id=inquiry.pk, body='<img src=x onerror="x()">'
        )
    assert inquiry.messages.count() == 1


def test_oversized_or_bad_attachments_refuse_the_whole_send(team, buyer_m, settings):
    settings.ATTACHMENT_MAX_BYTES = 1024
    big = SimpleUploadedFile("spec.pdf", PDF + b"0" * 2048, content_type="application/pdf")
    with pytest.raises(BusinessError) as exc:
        services.inquiry_send(
            membership=buyer_m, targets=[(team.company, [])], draft=draft(), uploads=[big], now=NOW
        )
    assert "too large" in exc.value.message and exc.value.field == "attachments"
    html = SimpleUploadedFile("x.pdf", b"<html><script>1</script>", content_type="application/pdf")
    with pytest.raises(BusinessError):
        services.inquiry_send(
            membership=buyer_m, targets=[(team.company, [])], draft=draft(), uploads=[html], now=NOW
        )
    assert nothing_written() and not InquiryAttachment.objects.exists()
    ok = SimpleUploadedFile("spec.pdf", PDF, content_type="application/pdf")
    inquiry = services.inquiry_send(
        membership=buyer_m, targets=[(team.company, [])], draft=draft(), uploads=[ok], now=NOW
    )[0]
    assert inquiry.messages.get().attachments.get().name == "spec.pdf"


def test_flooding_is_refused_by_the_hourly_and_daily_limits(team, buyer_m):
    policy = InquiryPolicy.current()
    policy.max_per_hour, policy.max_per_day = 3, 4
    policy.save()
    for n in range(3):
        send(buyer_m, team.company, now=NOW + timedelta(minutes=n), body=f"Question {n}")
    with pytest.raises(BusinessError) as exc:
        send(buyer_m, team.company, now=NOW + timedelta(minutes=5))
    assert "limit is 3 per hour" in exc.value.message
    assert Inquiry.objects.count() == 3
    send(buyer_m, team.company, now=NOW + timedelta(hours=1, minutes=1))
    with pytest.raises(BusinessError) as exc:
        send(buyer_m, team.company, now=NOW + timedelta(hours=3))
    assert "per day" in exc.value.message
    assert Inquiry.objects.count() == 4
    send(make_buyer(), team.company, now=NOW + timedelta(hours=3))  # another buyer is unaffected


def test_same_text_to_many_suppliers_across_sends_is_flagged(buyer_m):
    policy = InquiryPolicy.current()
    policy.duplicate_threshold = 3
    policy.save()
    teams = [make_team() for _ in range(5)]
    first = services.inquiry_send(
        membership=buyer_m, targets=[(t.company, []) for t in teams[:3]], draft=draft(), now=NOW
    )
    assert not any(i.flagged for i in first)  # one basket send is legitimate
    assert not SpamReport.objects.exists()
    again = services.inquiry_send(
        membership=buyer_m,
        targets=[(t.company, []) for t in teams[3:]],
        draft=draft(body="please quote  FOB ningbo!"),
        now=NOW,
    )
    assert all(i.flagged for i in again)
    report = SpamReport.objects.get()
    assert report.source == SpamSource.DUPLICATE and report.status == SpamStatus.PENDING
    assert Inquiry.objects.count() == 5  # still delivered, one-to-one


def test_reply_reassign_reject_and_spam_review(team, buyer_m, rep_product, reviewer):
    inquiry = send(buyer_m, team.company, rep_product)
    with pytest.raises(NotFound):  # another rep cannot see it
        services.inquiry_reply(membership=team.rep2, inquiry_id=inquiry.pk, body="hi")
    services.inquiry_reassign(membership=team.rep, inquiry_id=inquiry.pk, assignee_id=team.rep2.pk)
    assert Notification.objects.filter(user=team.rep2.user).exists()
    with pytest.raises(BusinessError):
        services.inquiry_reassign(
            membership=team.owner, inquiry_id=inquiry.pk, assignee_id=make_team().rep.pk
        )
    services.inquiry_reply(
        membership=team.rep2,
        inquiry_id=inquiry.pk,
        body="Our quote: USD 0.80",
        now=NOW + timedelta(hours=1),
    )
    inquiry.refresh_from_db()
    assert inquiry.status == InquiryStatus.REPLIED and inquiry.first_reply_at is not None
    assert inquiry.unread_for_buyer
    report = services.inquiry_report_spam(membership=team.rep2, inquiry_id=inquiry.pk, reason="ads")
    with pytest.raises(Forbidden):
        services.spam_review(operator=team.owner.user, report_id=report.pk, confirm=True)
    from django.contrib.auth.models import Permission

    reviewer.user_permissions.add(Permission.objects.get(codename="review_spam"))
    reviewer = type(reviewer).objects.get(pk=reviewer.pk)
    services.spam_review(operator=reviewer, report_id=report.pk, confirm=True, block=True)
    inquiry.refresh_from_db()
    assert inquiry.status == InquiryStatus.SPAM
    from hansa.inquiries.selectors import is_blocked

    assert is_blocked(team.company.pk, buyer_m)
    with pytest.raises(BusinessError):
        services.inquiry_reply(membership=buyer_m, inquiry_id=inquiry.pk, body="hello?")


def test_reject_needs_a_reason_and_only_the_supplier_may(team, buyer_m):
    inquiry = send(buyer_m, team.company)
    with pytest.raises(BusinessError):
        services.inquiry_reject(membership=team.owner, inquiry_id=inquiry.pk, reason=" ")
    with pytest.raises(NotFound):
        services.inquiry_reject(membership=buyer_m, inquiry_id=inquiry.pk, reason="no")
    services.inquiry_reject(
        membership=team.owner, inquiry_id=inquiry.pk, reason="We only sell 220 V"
    )
    inquiry.refresh_from_db()
    assert (
        inquiry.status == InquiryStatus.REJECTED and inquiry.reject_reason == "We only sell 220 V"
    )


def test_block_list_rules(team, buyer_m):
    with pytest.raises(Forbidden):
        services.block_create(membership=team.rep, kind=BlockKind.DOMAIN, value="example.com")
    with pytest.raises(BusinessError):
        services.block_create(
            membership=team.owner, kind=BlockKind.MEMBER, value=team.rep.user.email
        )
    services.block_create(membership=team.owner, kind=BlockKind.DOMAIN, value="@Example.com")
    with pytest.raises(BusinessError):
        services.block_create(membership=team.owner, kind=BlockKind.DOMAIN, value="example.com")
    with pytest.raises(BusinessError):
        send(buyer_m, team.company)  # factories' e-mails are @example.com
    assert nothing_written()


@pytest.mark.parametrize(
    ("field", "values"),
    [("quantity", {"quantity": "0.0001"}), ("target_price", {"target_price": "0.001"})],
)
def test_amounts_below_what_is_stored_are_refused(field, values):
    # 0.0001 m would be stored as 0.000, USD 0.001 as 0.00: a zero the buyer never typed.
    with pytest.raises(BusinessError) as exc:
        services.clean_draft(subject="Price", body="Please quote.", target_currency="USD", **values)
    assert exc.value.field == field
