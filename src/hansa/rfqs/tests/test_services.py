"""The rules of RFQs and quotations, through the services."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from hansa.catalog.models import ProhibitedTerm
from hansa.core.errors import BusinessError, Forbidden, NotFound
from hansa.core.tests import files
from hansa.notifications.models import Notification
from hansa.orders.models import OrderDraft
from hansa.rfqs import services, tasks
from hansa.rfqs.models import MAX_QUOTES, Quote, QuoteStatus, Rfq, RfqStatus
from hansa.rfqs.tests.conftest import quote_input, rfq_input, supplier_owner

pytestmark = pytest.mark.django_db


# -- posting and review -----------------------------------------------------------------------


def test_rfq_is_posted_pending_with_attachment(buyer_member):
    rfq = services.rfq_create(membership=buyer_member, data=rfq_input(), uploads=[files.pdf()])
    assert rfq.status == RfqStatus.PENDING and rfq.valid_until is None
    assert rfq.attachments.get().name == "licence.pdf"
    assert rfq.certifications == ["CE", "RoHS"] and rfq.flags == []


def test_only_buyers_post_rfqs(supplier_a):
    supplier_a.company.kind = "supplier"
    with pytest.raises(Forbidden):
        services.rfq_create(membership=supplier_a, data=rfq_input())
    assert not Rfq.objects.exists()


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("requirements", "<script>alert(1)</script> need strips fast please", "script"),
        ("quantity", Decimal("0"), "positive"),
        ("destination_port", "CNSHA", "destination country"),
        ("incoterm", "XYZ", "Incoterms"),
        ("validity_days", 90, "days"),
        ("product_name", "", "empty"),
        ("category_id", 999999, "category"),
    ],
)
def test_bad_rfq_input_is_refused_with_a_clear_message(buyer_member, field, value, message):
    with pytest.raises(BusinessError) as exc:
        services.rfq_create(membership=buyer_member, data=rfq_input(**{field: value}))
    assert message in exc.value.message
    assert not Rfq.objects.exists()


def test_bad_attachment_refuses_the_whole_rfq(buyer_member, settings):
    settings.ATTACHMENT_MAX_BYTES = 1000
    big = SimpleUploadedFile("spec.pdf", b"%PDF-1.4\n" + b"0" * 5000 + b"\n%%EOF")
    with pytest.raises(BusinessError) as exc:
        services.rfq_create(membership=buyer_member, data=rfq_input(), uploads=[big])
    assert "too large" in exc.value.message and exc.value.field == "attachments"
    with pytest.raises(BusinessError):
        services.rfq_create(membership=buyer_member, data=rfq_input(), uploads=[files.svg()])
    assert not Rfq.objects.exists()


def test_flags_prohibited_goods_contact_details_and_spam(buyer_member, settings):
    ProhibitedTerm.objects.get_or_create(term="ivory", defaults={"kind": "goods"})
    settings.RFQ_DAILY_FLAG = 3
    rfq = services.rfq_create(
        membership=buyer_member,
        data=rfq_input(requirements="Carved ivory figures, write to buyer@example.com today"),
    )
    codes = {f["code"] for f in rfq.flags}
    assert {"prohibited_goods", "contact_details"} <= codes
    services.rfq_create(membership=buyer_member, data=rfq_input())
    third = services.rfq_create(membership=buyer_member, data=rfq_input())
    codes = {f["code"] for f in third.flags}
    assert {"duplicate_text", "many_rfqs"} <= codes


def test_flooding_is_refused_from_the_database_count(buyer_member, settings):
    settings.RFQ_DAILY_LIMIT = 2
    services.rfq_create(membership=buyer_member, data=rfq_input())
    services.rfq_create(membership=buyer_member, data=rfq_input(product_name="Other"))
    with pytest.raises(BusinessError) as exc:
        services.rfq_create(membership=buyer_member, data=rfq_input(product_name="Third"))
    assert "24 hours" in exc.value.message
    assert Rfq.objects.count() == 2
    with time_machine.travel(timezone.now() + timedelta(days=1, minutes=1)):
        services.rfq_create(membership=buyer_member, data=rfq_input(product_name="Next day"))


def test_approval_opens_for_validity_and_pushes_to_matching_suppliers(
    pending_rfq, operator, supplier_a
):
    rfq = services.rfq_approve(operator=operator, rfq_id=pending_rfq.pk)
    assert rfq.status == RfqStatus.OPEN
    assert rfq.valid_until == rfq.approved_at + timedelta(days=15)
    assert rfq.matches.filter(supplier=supplier_a.company).exists()
    note = Notification.objects.get(user=supplier_a.user, kind="rfq_match")
    assert "LED strip" in note.title and note.url.endswith(f"/rfq-market/{rfq.pk}/")
    with pytest.raises(BusinessError):
        services.rfq_approve(operator=operator, rfq_id=rfq.pk)


def test_only_reviewers_decide(pending_rfq, supplier_a):
    with pytest.raises(Forbidden):
        services.rfq_approve(operator=supplier_a.user, rfq_id=pending_rfq.pk)
    pending_rfq.refresh_from_db()
    assert pending_rfq.status == RfqStatus.PENDING


def test_reject_needs_a_reason_the_buyer_sees(pending_rfq, operator, buyer_member):
    with pytest.raises(BusinessError):
        services.rfq_reject(operator=operator, rfq_id=pending_rfq.pk, reason=" ")
    rfq = services.rfq_reject(
        operator=operator, rfq_id=pending_rfq.pk, reason="Weapons are not allowed."
    )
    assert rfq.status == RfqStatus.REJECTED and rfq.rejection_reason == "Weapons are not allowed."
    assert Notification.objects.filter(user=buyer_member.user, kind="quote").exists()


def test_edit_returns_to_review_and_is_refused_after_first_quote(
    open_rfq, buyer_member, supplier_a
):
    rfq = services.rfq_update(
        membership=buyer_member, rfq_id=open_rfq.pk, data=rfq_input(quantity=Decimal("8000"))
    )
    assert rfq.status == RfqStatus.PENDING and rfq.quantity == 8000
    rfq.status, rfq.valid_until = RfqStatus.OPEN, timezone.now() + timedelta(days=15)
    rfq.save()
    services.quote_create(membership=supplier_a, rfq_id=rfq.pk, data=quote_input())
    with pytest.raises(BusinessError) as exc:
        services.rfq_update(
            membership=buyer_member, rfq_id=rfq.pk, data=rfq_input(quantity=Decimal("1"))
        )
    assert "only closed" in exc.value.message
    rfq.refresh_from_db()
    assert rfq.quantity == 8000
    assert services.rfq_close(membership=buyer_member, rfq_id=rfq.pk).status == RfqStatus.CLOSED


def test_another_buyer_cannot_touch_the_rfq(open_rfq, other_buyer_member):
    with pytest.raises(NotFound):
        services.rfq_close(membership=other_buyer_member, rfq_id=open_rfq.pk)
    with pytest.raises(NotFound):
        services.rfq_update(membership=other_buyer_member, rfq_id=open_rfq.pk, data=rfq_input())
    open_rfq.refresh_from_db()
    assert open_rfq.status == RfqStatus.OPEN


# -- expiry -----------------------------------------------------------------------------------


def test_expiry_holds_without_a_worker_and_the_tick_writes_it_down(
    open_rfq, supplier_a, buyer_member
):
    later = open_rfq.valid_until + timedelta(minutes=1)
    with time_machine.travel(later, tick=False):
        rfq = Rfq.objects.get(pk=open_rfq.pk)
        assert rfq.status == RfqStatus.OPEN and rfq.state == RfqStatus.EXPIRED
        with pytest.raises(BusinessError) as exc:
            services.quote_create(membership=supplier_a, rfq_id=rfq.pk, data=quote_input())
        assert "no longer open" in exc.value.message
        assert tasks.tick()["expired"] == 1
        assert tasks.tick()["expired"] == 0
    rfq.refresh_from_db()
    assert rfq.status == RfqStatus.EXPIRED
    assert (
        Notification.objects.filter(user=buyer_member.user, title__contains="expired").count() == 1
    )


# -- quotes -----------------------------------------------------------------------------------


def test_quote_is_created_and_the_buyer_told(quote_a, open_rfq, buyer_member):
    open_rfq.refresh_from_db()
    assert open_rfq.quote_count == 1 and not open_rfq.is_editable
    assert quote_a.tiers == [{"min_quantity": "3000", "unit_price": "1.7"}]
    assert Notification.objects.filter(
        user=buyer_member.user, title__startswith="New quote"
    ).exists()


def test_one_quote_per_supplier_and_not_on_own_rfq(quote_a, open_rfq, supplier_a, buyer_member):
    with pytest.raises(BusinessError) as exc:
        services.quote_create(membership=supplier_a, rfq_id=open_rfq.pk, data=quote_input())
    assert "already quoted" in exc.value.message
    buyer_member.company.kind = "both"
    buyer_member.company.save()
    buyer_member.refresh_from_db()
    with pytest.raises(BusinessError) as exc:
        services.quote_create(membership=buyer_member, rfq_id=open_rfq.pk, data=quote_input())
    assert "own company" in exc.value.message
    assert Quote.objects.count() == 1


def test_no_quotes_on_pending_or_closed_rfqs(pending_rfq, supplier_a, buyer_member, operator):
    with pytest.raises(NotFound):
        services.quote_create(membership=supplier_a, rfq_id=pending_rfq.pk, data=quote_input())
    services.rfq_approve(operator=operator, rfq_id=pending_rfq.pk)
    services.rfq_close(membership=buyer_member, rfq_id=pending_rfq.pk)
    with pytest.raises(BusinessError):
        services.quote_create(membership=supplier_a, rfq_id=pending_rfq.pk, data=quote_input())
    assert not Quote.objects.exists()


def test_buyer_staff_cannot_quote(open_rfq, supplier_a):
    from hansa.companies.roles import Role
    from hansa.companies.tests.factories import MembershipFactory
    from hansa.rfqs.tests.conftest import membership_of

    staff = membership_of(MembershipFactory(company=supplier_a.company, role=Role.BUYER_STAFF).user)
    with pytest.raises(Forbidden):
        services.quote_create(membership=staff, rfq_id=open_rfq.pk, data=quote_input())


def test_an_rfq_accepts_at_most_ten_quotes(open_rfq):
    for _ in range(MAX_QUOTES):
        services.quote_create(membership=supplier_owner(), rfq_id=open_rfq.pk, data=quote_input())
    with pytest.raises(BusinessError) as exc:
        services.quote_create(membership=supplier_owner(), rfq_id=open_rfq.pk, data=quote_input())
    assert "most quotes" in exc.value.message
    open_rfq.refresh_from_db()
    assert open_rfq.quote_count == MAX_QUOTES == open_rfq.quotes.count()


def test_monthly_quota(open_rfq, supplier_a, settings, buyer_member, operator):
    settings.RFQ_MONTHLY_QUOTE_QUOTA = 1
    services.quote_create(membership=supplier_a, rfq_id=open_rfq.pk, data=quote_input())
    assert services.quotes_left(supplier_a.company) == 0
    second = services.rfq_create(membership=buyer_member, data=rfq_input(product_name="LED panel"))
    services.rfq_approve(operator=operator, rfq_id=second.pk)
    with pytest.raises(BusinessError) as exc:
        services.quote_create(membership=supplier_a, rfq_id=second.pk, data=quote_input())
    assert "all 1 quotes of this month" in exc.value.message


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("message", "Nice <iframe src=x></iframe>", "script"),
        ("unit_price", Decimal("-1"), "positive"),
        ("moq", Decimal("99999"), "minimum order"),
        ("payment_methods", ["BITCOIN"], "Unknown payment"),
        ("payment_methods", [], "at least one"),
        ("port", "", "Name the port"),
        (
            "tiers",
            [
                {"min_quantity": "500", "unit_price": "1"},
                {"min_quantity": "100", "unit_price": "1"},
            ],
            "grow",
        ),
        ("valid_until", timezone.localdate() - timedelta(days=1), "today or later"),
        ("lead_time_days", 0, "lead time"),
    ],
)
def test_bad_quote_input_is_refused(open_rfq, supplier_a, field, value, message):
    with pytest.raises(BusinessError) as exc:
        services.quote_create(
            membership=supplier_a, rfq_id=open_rfq.pk, data=quote_input(**{field: value})
        )
    assert message in exc.value.message
    open_rfq.refresh_from_db()
    assert open_rfq.quote_count == 0 and not Quote.objects.exists()


def test_a_quote_is_revised_once_and_the_first_version_kept(quote_a, supplier_a):
    revised = services.quote_revise(
        membership=supplier_a, quote_id=quote_a.pk, data=quote_input(unit_price=Decimal("1.65"))
    )
    assert revised.revision == 1 and revised.unit_price == Decimal("1.65")
    assert revised.original["unit_price"] == "1.75"
    with pytest.raises(BusinessError) as exc:
        services.quote_revise(membership=supplier_a, quote_id=quote_a.pk, data=quote_input())
    assert "only once" in exc.value.message


def test_sales_reps_see_only_their_own_quotes(quote_a, rep_a):
    with pytest.raises(NotFound):
        services.quote_revise(membership=rep_a, quote_id=quote_a.pk, data=quote_input())


# -- the buyer's decisions --------------------------------------------------------------------


def test_shortlist_reject_rate(quote_a, quote_b, buyer_member, supplier_a):
    assert services.quote_shortlist(membership=buyer_member, quote_id=quote_a.pk).shortlisted
    assert services.quote_rate(membership=buyer_member, quote_id=quote_a.pk, rating=4).rating == 4
    with pytest.raises(BusinessError):
        services.quote_rate(membership=buyer_member, quote_id=quote_a.pk, rating=6)
    with pytest.raises(BusinessError):
        services.quote_reject(membership=buyer_member, quote_id=quote_b.pk, reason="")
    rejected = services.quote_reject(
        membership=buyer_member, quote_id=quote_b.pk, reason="Too expensive"
    )
    assert rejected.status == QuoteStatus.REJECTED
    assert Notification.objects.filter(user=supplier_a.user, title__contains="shortlisted").exists()
    with pytest.raises(BusinessError):
        services.quote_accept(membership=buyer_member, quote_id=quote_b.pk)


def test_suppliers_cannot_decide_on_quotes(quote_a, supplier_a, supplier_b):
    for member in (supplier_a, supplier_b):
        with pytest.raises(NotFound):
            services.quote_accept(membership=member, quote_id=quote_a.pk)
        with pytest.raises(NotFound):
            services.quote_shortlist(membership=member, quote_id=quote_a.pk)
    quote_a.refresh_from_db()
    assert quote_a.status == QuoteStatus.SUBMITTED and not quote_a.shortlisted


def test_accept_declines_others_closes_and_prepares_one_draft(
    quote_a, quote_b, buyer_member, supplier_b
):
    draft = services.quote_accept(membership=buyer_member, quote_id=quote_a.pk)
    again = services.quote_accept(membership=buyer_member, quote_id=quote_a.pk)
    assert draft.pk == again.pk and OrderDraft.objects.count() == 1
    quote_a.refresh_from_db()
    quote_b.refresh_from_db()
    assert quote_a.status == QuoteStatus.ACCEPTED and quote_b.status == QuoteStatus.DECLINED
    assert quote_a.rfq.status == RfqStatus.CLOSED
    line = draft.lines.get()
    assert line.quantity == 5000 and line.unit_price == Decimal("1.7")  # the 3,000+ tier
    assert draft.goods_total.amount == Decimal("8500.00")
    assert draft.total.amount == Decimal("9300.00")  # plus the shipping estimate
    with pytest.raises(BusinessError):
        services.quote_accept(membership=buyer_member, quote_id=quote_b.pk)
    assert Notification.objects.filter(
        user=supplier_b.user, title__contains="another quote"
    ).exists()


def test_an_expired_quote_cannot_be_accepted(quote_a, buyer_member):
    later = timezone.now() + timedelta(days=31)  # the quote is valid for 30 days
    with pytest.raises(BusinessError, match="was valid until"):
        services.quote_accept(membership=buyer_member, quote_id=quote_a.pk, now=later)
    quote_a.refresh_from_db()
    assert quote_a.status == QuoteStatus.SUBMITTED and not OrderDraft.objects.exists()
    assert services.quote_accept(membership=buyer_member, quote_id=quote_a.pk) is not None


def test_thread_both_ways_plain_text_only(quote_a, buyer_member, supplier_a, supplier_b):
    services.quote_message_post(
        membership=buyer_member, quote_id=quote_a.pk, body="Can you do IP67?"
    )
    services.quote_message_post(membership=supplier_a, quote_id=quote_a.pk, body="Yes, +0.10 USD.")
    with pytest.raises(BusinessError) as exc:
        services.quote_message_post(
            membership=buyer_member, quote_id=quote_a.pk, body="<script>x</script>"
        )
    assert "script" in exc.value.message
    with pytest.raises(NotFound):
        services.quote_message_post(membership=supplier_b, quote_id=quote_a.pk, body="Hello")
    assert [m.from_buyer for m in quote_a.messages.all()] == [True, False]


def test_amounts_that_round_to_zero_are_refused_not_stored_as_zero(
    open_rfq, buyer_member, supplier_a
):
    # The columns keep 3 decimals for quantities and 4 for amounts: 0.0001 pieces would be
    # stored as an RFQ for nothing, a unit price of 0.00001 as a free offer.
    with pytest.raises(BusinessError) as exc:
        services.rfq_create(membership=buyer_member, data=rfq_input(quantity=Decimal("0.0001")))
    assert exc.value.field == "quantity"
    for field, value in (("unit_price", "0.00001"), ("moq", "0.0004"), ("quantity", "0.0001")):
        with pytest.raises(BusinessError) as exc:
            services.quote_create(
                membership=supplier_a,
                rfq_id=open_rfq.pk,
                data=quote_input(**{field: Decimal(value)}),
            )
        assert exc.value.field == field
    assert not Quote.objects.exists()
    quote = services.quote_create(
        membership=supplier_a,
        rfq_id=open_rfq.pk,
        data=quote_input(unit_price=Decimal("1.23456")),
    )
    quote.refresh_from_db()
    assert quote.unit_price == Decimal("1.2346")


def test_shortlisting_twice_notifies_the_supplier_once(quote_a, buyer_member, supplier_a):
    for _ in range(2):
        services.quote_shortlist(membership=buyer_member, quote_id=quote_a.pk)
    notes = Notification.objects.filter(user=supplier_a.user, title__contains="shortlisted")
    assert notes.count() == 1
