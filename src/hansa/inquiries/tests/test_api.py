"""The REST endpoints: same rules as the pages, JSON errors, nothing changed when refused."""

from __future__ import annotations

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from hansa.catalog.tests.factories import LiveProductFactory
from hansa.inquiries import services
from hansa.inquiries.models import Inquiry, InquiryMessage
from hansa.inquiries.tests.conftest import make_team
from hansa.inquiries.tests.test_views import PDF, login, snapshot

pytestmark = pytest.mark.django_db
URL = "/api/v1/inquiries"


def post(client: Client, url: str, data: dict) -> object:
    return client.post(url, data=json.dumps(data), content_type="application/json")


def test_create_list_detail_reply_flow(team, buyer_m, rep_product):
    buyer = login(buyer_m)
    r = post(
        buyer,
        URL,
        {
            "product_id": rep_product.pk,
            "subject": "Quote",
            "body": "5000 m",
            "quantity": "5000",
            "unit": "MTR",
            "target_price": "0.85",
            "currency": "USD",
            "destination_country": "DE",
            "incoterm": "FOB",
        },
    )
    assert r.status_code == 201, r.content
    pk = r.json()["ids"][0]
    rep = login(team.rep)
    listed = rep.get(f"{URL}?box=received&unread=1").json()
    assert listed["count"] == 1 and listed["results"][0]["assignee"]["id"] == team.rep.pk
    r = rep.post(
        f"{URL}/{pk}/messages",
        {"body": "USD 0.80", "attachments": [SimpleUploadedFile("q.pdf", PDF)]},
    )
    assert r.status_code == 201, r.content
    assert r.json()["attachments"][0]["name"] == "q.pdf"
    retry = {"body": "Lead time 20 days", "client_id": "retry-1"}
    first, second = rep.post(f"{URL}/{pk}/messages", retry), rep.post(f"{URL}/{pk}/messages", retry)
    assert first.status_code == second.status_code == 201
    assert first.json()["id"] == second.json()["id"]
    detail = buyer.get(f"{URL}/{pk}").json()
    assert [m["side"] for m in detail["messages"]] == ["buyer", "supplier", "supplier"]
    assert detail["status"] == "replied" and detail["unread"] is True
    assert buyer.get(detail["messages"][1]["attachments"][0]["url"]).status_code == 200
    assert buyer.put(f"{URL}/{pk}/star").json() == {"starred": True}
    assert buyer.get(f"{URL}?box=sent&starred=1").json()["count"] == 1
    assert post(buyer, f"{URL}/{pk}/read", {}).json()["unread"] is False


def test_a_product_id_past_the_database_integer_is_a_clear_400(buyer_m):
    buyer = login(buyer_m)
    huge = 99999999999999999999999
    for url, data in (
        (f"{URL}/bulk", {"product_ids": [huge], "subject": "Q", "body": "Hello"}),
        (URL, {"product_id": huge, "subject": "Q", "body": "Hello"}),
    ):
        r = post(buyer, url, data)
        assert r.status_code == 400 and r.json()["field"] == "product"
    assert buyer.get(f"/inquiries/new/?product={huge}").status_code == 302
    assert not Inquiry.objects.exists()


def test_bulk_is_one_per_supplier_and_errors_are_json(buyer_m):
    teams = [make_team() for _ in range(3)]
    products = [LiveProductFactory(company=t.company) for t in teams]
    buyer = login(buyer_m)
    r = post(
        buyer,
        f"{URL}/bulk",
        {"product_ids": [p.pk for p in products], "subject": "Q", "body": "<script>x</script>"},
    )
    assert r.status_code == 400 and r.json()["field"] == "body" and "script" in r.json()["message"]
    assert not Inquiry.objects.exists()
    r = post(
        buyer,
        f"{URL}/bulk",
        {"product_ids": [p.pk for p in products], "subject": "Q", "body": "Hello"},
    )
    assert r.status_code == 201 and len(r.json()["suppliers"]) == 3


def test_privacy_across_companies_roles_and_anonymous(
    team, other_team, buyer_m, other_buyer, rep_product
):
    inquiry = services.inquiry_send(
        membership=buyer_m,
        targets=[(team.company, [rep_product])],
        draft=services.clean_draft(subject="S", body="B"),
    )[0]
    pk = inquiry.pk
    before = snapshot()
    anonymous = Client()
    assert anonymous.get(URL).status_code == 401
    assert anonymous.get(f"{URL}/{pk}").status_code == 401
    for outsider in (other_team.owner, other_buyer, team.rep2):
        c = login(outsider)
        assert c.get(f"{URL}/{pk}").status_code == 404
        assert c.post(f"{URL}/{pk}/messages", {"body": "x"}).status_code == 404
        for action, data in (
            ("reassign", {"assignee_id": team.rep2.pk}),
            ("reject", {"reason": "x"}),
            ("spam", {"reason": "x"}),
            ("close", {}),
            ("read", {}),
        ):
            assert post(c, f"{URL}/{pk}/{action}", data).status_code == 404, action
        assert c.put(f"{URL}/{pk}/star").status_code == 404
    assert login(team.rep2).get(f"{URL}?box=received").json()["count"] == 0
    assert login(other_buyer).get(f"{URL}?box=sent").json()["count"] == 0
    assert login(buyer_m).get(f"{URL}?box=received").status_code == 403
    # Blocks: owner and admins only.
    assert login(team.rep).get(f"{URL}/blocks/").status_code == 403
    assert (
        post(login(team.rep), f"{URL}/blocks/", {"kind": "country", "value": "US"}).status_code
        == 403
    )
    assert snapshot() == before
    assert InquiryMessage.objects.count() == 1


def test_block_list_and_public_response_figures(team, buyer_m):
    owner = login(team.owner)
    r = post(owner, f"{URL}/blocks/", {"kind": "domain", "value": "spam.example"})
    assert r.status_code == 201 and r.json()["value"] == "spam.example"
    assert len(owner.get(f"{URL}/blocks/").json()) == 1
    assert login(make_team().owner).delete(f"{URL}/blocks/{r.json()['id']}").status_code == 404
    assert owner.delete(f"{URL}/blocks/{r.json()['id']}").status_code == 204
    public = Client().get(f"{URL}/suppliers/{team.company.slug}/response").json()
    assert public["rate"] is None and public["reply_time"] is None
    assert Client().get(f"{URL}/suppliers/{buyer_m.company.slug}/response").status_code == 404


def test_ops_spam_review_needs_the_permission(team, buyer_m, reviewer):
    from django.contrib.auth.models import Permission

    inquiry = services.inquiry_send(
        membership=buyer_m,
        targets=[(team.company, [])],
        draft=services.clean_draft(subject="S", body="Buy now!!!"),
    )[0]
    report = services.inquiry_report_spam(membership=team.owner, inquiry_id=inquiry.pk)
    c = Client()
    c.force_login(reviewer)
    assert c.get("/api/v1/ops/inquiries/spam-reports").status_code == 403
    assert login(team.owner).get("/api/v1/ops/inquiries/spam-reports").status_code == 403
    reviewer.user_permissions.add(Permission.objects.get(codename="review_spam"))
    c = Client()
    c.force_login(reviewer)
    assert c.get("/api/v1/ops/inquiries/spam-reports").json()[0]["message"] == "Buy now!!!"
    r = post(
        c, f"/api/v1/ops/inquiries/spam-reports/{report.pk}", {"decision": "confirm", "block": True}
    )
    assert r.json()["status"] == "confirmed"
    inquiry.refresh_from_db()
    assert inquiry.status == "spam"
