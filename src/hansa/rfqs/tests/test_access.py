"""Privacy across companies and roles, for every page and endpoint of RFQs, quotes and drafts.

Each case also checks that nothing changed after a refused request.
"""

from __future__ import annotations

import json
from datetime import timedelta
from decimal import Decimal

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from hansa.companies.roles import Role
from hansa.companies.tests.factories import MembershipFactory
from hansa.conftest import client_for
from hansa.core.tests import files
from hansa.orders.models import OrderDraft
from hansa.rfqs import services
from hansa.rfqs.models import Quote, QuoteStatus, Rfq, RfqStatus
from hansa.rfqs.tests.conftest import membership_of, quote_input, rfq_input

pytestmark = pytest.mark.django_db


def post_json(client: Client, url: str, data: object = None):
    return client.post(url, data=json.dumps(data or {}), content_type="application/json")


def snapshot() -> list[tuple]:
    rows = [
        *Rfq.objects.values_list("pk", "status", "quantity", "quote_count"),
        *Quote.objects.values_list("pk", "status", "shortlisted", "rating", "unit_price"),
    ]
    return [*sorted(rows), ("drafts", OrderDraft.objects.count())]


# -- pages ------------------------------------------------------------------------------------


def test_buyer_pages_for_the_buyer(open_rfq, quote_a, quote_b, buyer_member):
    client = client_for(buyer_member.user)
    assert client.get(reverse("rfqs:mine")).status_code == 200
    page = client.get(reverse("rfqs:detail", args=[open_rfq.pk]))
    assert page.status_code == 200
    html = page.content.decode()
    assert quote_a.supplier.name in html and quote_b.supplier.name in html
    assert "indicative" in html
    assert client.get(reverse("rfqs:new")).status_code == 200
    assert client.get(reverse("rfqs:quote_thread", args=[quote_a.pk])).status_code == 200


@pytest.mark.parametrize("who", ["other_buyer", "supplier_b", "rep", "anonymous"])
def test_buyer_pages_refuse_everyone_else(
    who, open_rfq, quote_a, other_buyer_member, supplier_b, rep_a
):
    user = {
        "other_buyer": other_buyer_member.user,
        "supplier_b": supplier_b.user,
        "rep": rep_a.user,
        "anonymous": None,
    }[who]
    client = client_for(user)
    before = snapshot()
    gets = [
        reverse("rfqs:detail", args=[open_rfq.pk]),
        reverse("rfqs:edit", args=[open_rfq.pk]),
    ]
    posts = [
        (reverse("rfqs:close", args=[open_rfq.pk]), {}),
        (reverse("rfqs:quote_decide", args=[quote_a.pk, "accept"]), {}),
        (reverse("rfqs:quote_decide", args=[quote_a.pk, "shortlist"]), {}),
        (reverse("rfqs:quote_decide", args=[quote_a.pk, "rate"]), {"rating": 1}),
        (reverse("rfqs:quote_decide", args=[quote_a.pk, "reject"]), {"reason": "x"}),
    ]
    for url in gets:
        response = client.get(url)
        assert response.status_code in (302, 403, 404), url
        if who == "anonymous":
            assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    for url, data in posts:
        response = client.post(url, data)
        assert response.status_code in (302, 403, 404), url
        if who != "anonymous":
            assert response.status_code in (403, 404), url
    assert snapshot() == before


def test_buyer_staff_see_the_rfqs_they_posted_the_owner_sees_all(open_rfq, quote_a, buyer_member):
    """ARCHITECTURE.md: on the buyer side a member sees their own, the owner and admins all."""
    staff = membership_of(
        MembershipFactory(company=buyer_member.company, role=Role.BUYER_STAFF).user
    )
    own = services.rfq_create(membership=staff, data=rfq_input(product_name="Solar panel 400 W"))
    client = client_for(staff.user)
    before = snapshot()
    for url in (
        reverse("rfqs:detail", args=[open_rfq.pk]),
        reverse("rfqs:quote_thread", args=[quote_a.pk]),
        f"/api/v1/rfqs/{open_rfq.pk}",
        f"/api/v1/rfqs/{open_rfq.pk}/quotes",
        f"/api/v1/quotes/{quote_a.pk}",
    ):
        assert client.get(url).status_code == 404, url
    assert client.post(reverse("rfqs:quote_decide", args=[quote_a.pk, "accept"])).status_code == 404
    assert post_json(client, f"/api/v1/quotes/{quote_a.pk}/accept").status_code == 404
    assert client.post(reverse("rfqs:close", args=[open_rfq.pk])).status_code == 404
    assert snapshot() == before
    listing = client.get(reverse("rfqs:mine")).content.decode()
    assert "Solar panel" in listing and open_rfq.product_name not in listing
    assert [r["id"] for r in client.get("/api/v1/rfqs").json()] == [own.pk]
    # The owner sees both and accepts; the order draft is the owner's and not the staff's.
    owner = client_for(buyer_member.user)
    assert owner.get(reverse("rfqs:detail", args=[own.pk])).status_code == 200
    assert post_json(owner, f"/api/v1/quotes/{quote_a.pk}/accept").status_code == 200
    draft = OrderDraft.objects.get()
    assert owner.get(reverse("orders:detail", args=[draft.pk])).status_code == 200
    assert client.get(reverse("orders:detail", args=[draft.pk])).status_code == 404
    assert client.get("/api/v1/orders/drafts").json() == []


def test_quote_thread_only_for_its_buyer_and_its_supplier(
    quote_a, other_buyer_member, supplier_b, rep_a, supplier_a
):
    url = reverse("rfqs:quote_thread", args=[quote_a.pk])
    assert client_for(supplier_a.user).get(url).status_code == 200
    for member in (other_buyer_member, supplier_b, rep_a):
        assert client_for(member.user).get(url).status_code == 404
        assert client_for(member.user).post(url, {"body": "hello"}).status_code == 404
    assert quote_a.messages.count() == 0


def test_sales_rep_sees_their_own_quote(open_rfq, rep_a, supplier_a):
    quote = services.quote_create(membership=rep_a, rfq_id=open_rfq.pk, data=quote_input())
    assert (
        client_for(rep_a.user).get(reverse("rfqs:quote_thread", args=[quote.pk])).status_code == 200
    )
    assert (
        client_for(supplier_a.user).get(reverse("rfqs:quote_thread", args=[quote.pk])).status_code
        == 200
    )
    listing = client_for(rep_a.user).get(reverse("rfqs:my_quotes")).content.decode()
    assert open_rfq.product_name in listing


def test_a_sales_rep_does_not_see_a_colleagues_quote_on_the_rfq_page(
    open_rfq, quote_a, rep_a, supplier_a
):
    html = client_for(rep_a.user).get(reverse("rfqs:market_detail", args=[open_rfq.pk]))
    html = html.content.decode()
    assert reverse("rfqs:quote_thread", args=[quote_a.pk]) not in html
    assert "Your company has already quoted" in html and 'name="unit_price"' not in html
    owner = client_for(supplier_a.user).get(reverse("rfqs:market_detail", args=[open_rfq.pk]))
    assert reverse("rfqs:quote_thread", args=[quote_a.pk]) in owner.content.decode()


def test_market_shows_the_public_part_only(open_rfq, quote_a, supplier_b, buyer_member):
    client = client_for(supplier_b.user)
    market = client.get(reverse("rfqs:market")).content.decode()
    detail = client.get(reverse("rfqs:market_detail", args=[open_rfq.pk])).content.decode()
    for html in (market, detail):
        assert open_rfq.product_name in html
        assert buyer_member.company.name not in html
        assert buyer_member.user.email not in html
        assert quote_a.supplier.name not in html
        assert "1.75" not in html  # supplier A's price
    assert "Germany" in detail and "9 quotes left" in market


def test_market_is_for_supplier_members(open_rfq, buyer_member, other_buyer_member):
    for member in (buyer_member, other_buyer_member):
        client = client_for(member.user)
        assert client.get(reverse("rfqs:market")).status_code == 403
        assert client.get(reverse("rfqs:market_detail", args=[open_rfq.pk])).status_code == 403
    anonymous = Client().get(reverse("rfqs:market"))
    assert anonymous.status_code == 302


def test_pending_and_rejected_rfqs_are_not_in_the_market(pending_rfq, supplier_a):
    client = client_for(supplier_a.user)
    assert client.get(reverse("rfqs:market_detail", args=[pending_rfq.pk])).status_code == 404
    assert pending_rfq.product_name not in client.get(reverse("rfqs:market")).content.decode()


def test_quote_through_the_page_and_attachment_privacy(
    open_rfq, supplier_a, supplier_b, buyer_member, other_buyer_member
):
    data = {
        "unit_price": "1.80",
        "currency": "USD",
        "quantity": "5000",
        "moq": "500",
        "incoterm": "FOB",
        "port": "CNSZX",
        "lead_time_days": "25",
        "payment_methods": ["TT", "LC"],
        "valid_until": "2099-01-01",
        "message": "Our offer",
        "attachments": [files.pdf("offer.pdf")],
    }
    data["valid_until"] = str(timezone.localdate() + timedelta(days=20))
    response = client_for(supplier_a.user).post(
        reverse("rfqs:market_detail", args=[open_rfq.pk]), data
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    quote = Quote.objects.get()
    attachment = quote.attachments.get()
    url = reverse("rfqs:quote_attachment", args=[quote.pk, attachment.pk])
    assert client_for(buyer_member.user).get(url).status_code == 200
    assert client_for(supplier_a.user).get(url).status_code == 200
    assert client_for(supplier_b.user).get(url).status_code == 404
    assert client_for(other_buyer_member.user).get(url).status_code == 404


def test_suppliers_never_see_the_buyers_file_names(buyer_member, operator, supplier_a):
    # A buyer's file is often named after the buyer: suppliers get a neutral name instead.
    rfq = services.rfq_create(
        membership=buyer_member,
        data=rfq_input(),
        uploads=[files.pdf("Nordlicht Import GmbH tender.pdf")],
    )
    services.rfq_approve(operator=operator, rfq_id=rfq.pk)
    attachment = rfq.attachments.get()
    url = reverse("rfqs:attachment", args=[rfq.pk, attachment.pk])
    supplier = client_for(supplier_a.user)
    pages = [
        supplier.get(reverse("rfqs:market_detail", args=[rfq.pk])),
        supplier.get(reverse("rfqs:market")),
        supplier.get(f"/api/v1/rfqs/market/{rfq.pk}"),
        supplier.get("/api/v1/rfqs/market"),
    ]
    for response in pages:
        assert response.status_code == 200
        assert "Nordlicht" not in response.content.decode()
    assert f"rfq-{rfq.pk}-file-{attachment.pk}.pdf" in pages[0].content.decode()
    download = supplier.get(url)
    assert download.status_code == 200
    assert "Nordlicht" not in download["Content-Disposition"]
    assert f"rfq-{rfq.pk}-file-{attachment.pk}.pdf" in download["Content-Disposition"]
    own = client_for(buyer_member.user).get(url)
    assert "Nordlicht" in own["Content-Disposition"]


def test_script_in_a_page_form_is_refused_and_nothing_saved(open_rfq, supplier_a, buyer_member):
    response = client_for(buyer_member.user).post(
        reverse("rfqs:new"),
        {
            "product_name": "Strips",
            "category": open_rfq.category_id,
            "requirements": "<script>alert(1)</script> and a long enough text",
            "quantity": "10",
            "unit": "H87",
            "currency": "USD",
            "destination_country": "DE",
            "incoterm": "FOB",
            "payment_method": "TT",
            "sourcing_type": "one_time",
            "validity_days": "15",
        },
    )
    assert response.status_code == 200 and "script or HTML code" in response.content.decode()
    assert Rfq.objects.count() == 1


def test_order_drafts_for_both_parties_only(
    quote_a, buyer_member, supplier_a, supplier_b, other_buyer_member, rep_a
):
    draft = services.quote_accept(membership=buyer_member, quote_id=quote_a.pk)
    url = reverse("orders:detail", args=[draft.pk])
    assert client_for(buyer_member.user).get(url).status_code == 200
    assert client_for(supplier_a.user).get(url).status_code == 200
    for member in (supplier_b, other_buyer_member, rep_a):
        assert client_for(member.user).get(url).status_code == 404
    assert Client().get(url).status_code == 302
    api = f"/api/v1/orders/drafts/{draft.pk}"
    assert client_for(buyer_member.user).get(api).json()["total"] == "9300.00"
    for member in (supplier_b, other_buyer_member, rep_a):
        assert client_for(member.user).get(api).status_code == 404
    assert Client().get(api).status_code == 401


def test_ops_review_for_reviewers_only(pending_rfq, operator, supplier_a, buyer_member):
    url = reverse("rfqs:review", args=[pending_rfq.pk])
    assert client_for(operator).get(reverse("rfqs:review_queue")).status_code == 200
    assert client_for(operator).get(url).status_code == 200
    for user in (supplier_a.user, buyer_member.user):
        assert client_for(user).get(url).status_code == 403
        assert (
            client_for(user)
            .post(reverse("rfqs:decide", args=[pending_rfq.pk]), {"action": "approve"})
            .status_code
            == 403
        )
    assert Client().get(url).status_code == 302
    pending_rfq.refresh_from_db()
    assert pending_rfq.status == RfqStatus.PENDING
    ops = client_for(operator).get(reverse("ops")).content.decode()
    assert "RFQ review queue" in ops
    response = client_for(operator).post(
        reverse("rfqs:decide", args=[pending_rfq.pk]), {"action": "approve"}
    )
    assert response.status_code == 302
    pending_rfq.refresh_from_db()
    assert pending_rfq.status == RfqStatus.OPEN


# -- API --------------------------------------------------------------------------------------


def test_api_buyer_flow(buyer_member, operator, supplier_a, supplier_b):
    buyer = client_for(buyer_member.user)
    response = buyer.post(
        "/api/v1/rfqs",
        {
            "product_name": "LED panel 600x600",
            "category_id": rfq_input().category_id,
            "requirements": "40 W, 4000 K, UGR<19, flicker free driver, 5 years warranty.",
            "quantity": "2000",
            "unit": "H87",
            "destination_country": "DE",
            "incoterm": "CIF",
            "payment_method": "LC",
            "certifications": "CE, RoHS",
            "attachments": [files.pdf()],
        },
    )
    assert response.status_code == 201, response.json()
    rfq_id = response.json()["id"]
    assert (
        response.json()["certifications"] == ["CE", "RoHS"]
        and response.json()["status"] == "pending"
    )
    assert client_for(supplier_a.user).post(f"/api/v1/ops/rfqs/{rfq_id}/approve").status_code == 403
    assert (
        client_for(operator).post(f"/api/v1/ops/rfqs/{rfq_id}/approve").json()["status"] == "open"
    )
    market = client_for(supplier_a.user).get("/api/v1/rfqs/market?q=panel").json()
    assert [r["id"] for r in market] == [rfq_id]
    assert "buyer_company" not in json.dumps(
        market
    ) and buyer_member.company.name not in json.dumps(market)
    quote = client_for(supplier_a.user).post(
        "/api/v1/quotes",
        {
            "rfq_id": rfq_id,
            "unit_price": "9.50",
            "currency": "EUR",
            "quantity": "2000",
            "moq": "200",
            "incoterm": "CIF",
            "port": "DEHAM",
            "lead_time_days": "30",
            "payment_methods": "LC,TT",
            "valid_until": "2099-12-31",
            "tiers": "1000:9.20",
        },
    )
    assert quote.status_code == 400 and quote.json()["field"] == "valid_until"
    quote = client_for(supplier_a.user).post(
        "/api/v1/quotes",
        {
            "rfq_id": rfq_id,
            "unit_price": "9.50",
            "currency": "EUR",
            "quantity": "2000",
            "moq": "200",
            "incoterm": "CIF",
            "port": "DEHAM",
            "lead_time_days": "30",
            "payment_methods": "LC,TT",
            "valid_until": str(timezone.localdate()),
            "tiers": "1000:9.20",
        },
    )
    assert quote.status_code == 201, quote.json()
    quote_id = quote.json()["id"]
    # Privacy: supplier B sees neither the quote nor the list of quotes.
    assert client_for(supplier_b.user).get(f"/api/v1/quotes/{quote_id}").status_code == 404
    assert client_for(supplier_b.user).get(f"/api/v1/rfqs/{rfq_id}/quotes").status_code == 403
    assert client_for(supplier_b.user).get("/api/v1/quotes").json() == []
    assert [q["id"] for q in buyer.get(f"/api/v1/rfqs/{rfq_id}/quotes").json()] == [quote_id]
    assert post_json(buyer, f"/api/v1/quotes/{quote_id}/rate", {"rating": 9}).status_code == 400
    assert post_json(buyer, f"/api/v1/quotes/{quote_id}/shortlist", {"shortlisted": True}).json()[
        "shortlisted"
    ]
    msg = post_json(buyer, f"/api/v1/quotes/{quote_id}/messages", {"body": "<script>1</script>"})
    assert msg.status_code == 400 and msg.json()["field"] == "body"
    assert (
        post_json(
            client_for(supplier_a.user), f"/api/v1/quotes/{quote_id}/messages", {"body": "OK"}
        ).status_code
        == 201
    )
    accepted = post_json(buyer, f"/api/v1/quotes/{quote_id}/accept")
    assert (
        accepted.status_code == 200 and accepted.json()["quote"]["status"] == QuoteStatus.ACCEPTED
    )
    again = post_json(buyer, f"/api/v1/quotes/{quote_id}/accept")
    assert again.json()["order_draft_id"] == accepted.json()["order_draft_id"]
    drafts = client_for(supplier_a.user).get("/api/v1/orders/drafts").json()
    assert drafts[0]["currency"] == "EUR" and drafts[0]["lines"][0]["unit_price"] == "9.2000"


@pytest.mark.parametrize("who", ["other_buyer", "supplier_a", "anonymous"])
def test_api_refuses_other_companies(who, open_rfq, quote_b, other_buyer_member, supplier_a):
    user = {
        "other_buyer": other_buyer_member.user,
        "supplier_a": supplier_a.user,
        "anonymous": None,
    }[who]
    client = client_for(user)
    before = snapshot()
    expected = {401} if who == "anonymous" else {403, 404}
    for method, url, data in [
        ("get", f"/api/v1/rfqs/{open_rfq.pk}", None),
        ("get", f"/api/v1/rfqs/{open_rfq.pk}/quotes", None),
        ("post", f"/api/v1/rfqs/{open_rfq.pk}/close", {}),
        ("get", f"/api/v1/quotes/{quote_b.pk}", None),
        ("post", f"/api/v1/quotes/{quote_b.pk}/accept", {}),
        ("post", f"/api/v1/quotes/{quote_b.pk}/reject", {"reason": "no"}),
        ("post", f"/api/v1/quotes/{quote_b.pk}/revise", {}),
        ("get", f"/api/v1/quotes/{quote_b.pk}/messages", None),
    ]:
        response = client.get(url) if method == "get" else post_json(client, url, data)
        assert response.status_code in expected | {422}, (url, response.status_code)
        assert "message" in response.json()
    assert snapshot() == before


def test_api_ops_queue(pending_rfq, operator, buyer_member):
    assert [r["id"] for r in client_for(operator).get("/api/v1/ops/rfqs").json()] == [
        pending_rfq.pk
    ]
    assert client_for(buyer_member.user).get("/api/v1/ops/rfqs").status_code == 403
    response = post_json(
        client_for(operator), f"/api/v1/ops/rfqs/{pending_rfq.pk}/reject", {"reason": "Spam"}
    )
    assert response.json()["status"] == "rejected"
    assert (
        Decimal(
            client_for(buyer_member.user).get(f"/api/v1/rfqs/{pending_rfq.pk}").json()["quantity"]
        )
        == 5000
    )


def test_compare_shows_supplier_facts(quote_a, open_rfq, buyer_member):
    from django.utils import timezone as tz

    from hansa.inquiries.models import ResponseStats

    company = quote_a.supplier
    company.verification_status = "verified"
    company.star_rating = 4
    company.save()
    ResponseStats.objects.create(company=company, rate=Decimal("0.875"), computed_at=tz.now())
    html = client_for(buyer_member.user).get(reverse("rfqs:detail", args=[open_rfq.pk])).content
    html = html.decode()
    assert "Response rate 88%" in html and "4 of 6 stars" in html and "Verified" in html


def test_a_quote_revised_while_the_buyer_decides_is_not_accepted_unseen(
    quote_a, buyer_member, supplier_a
):
    page = client_for(buyer_member.user)
    html = page.get(reverse("rfqs:detail", args=[quote_a.rfq_id])).content.decode()
    assert 'name="revision" value="0"' in html
    services.quote_revise(
        membership=supplier_a,
        quote_id=quote_a.pk,
        data=quote_input(unit_price=Decimal("2.40"), tiers=[]),
    )
    url = reverse("rfqs:quote_decide", args=[quote_a.pk, "accept"])
    response = page.post(url, {"revision": "0"}, follow=True)
    assert "was revised" in response.content.decode()
    assert post_json(page, f"/api/v1/quotes/{quote_a.pk}/accept?revision=0").status_code == 400
    quote_a.refresh_from_db()
    assert quote_a.status == QuoteStatus.SUBMITTED and not OrderDraft.objects.exists()
    assert page.post(url, {"revision": "1"}).status_code == 302
    draft = OrderDraft.objects.get()
    assert draft.lines.get().unit_price == Decimal("2.40")
