"""The pages: who sees what (another company, a sales rep, an anonymous visitor) and that a
refused request changes nothing."""

from __future__ import annotations

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from hansa.catalog.tests.factories import LiveProductFactory
from hansa.compare.models import CompareItem
from hansa.inquiries import services
from hansa.inquiries.models import (
    BlockEntry,
    Inquiry,
    InquiryMessage,
    InquiryStar,
    SpamReport,
)
from hansa.inquiries.tests.conftest import make_team

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def login(membership) -> Client:
    c = Client()
    c.force_login(membership.user)
    return c


def snapshot() -> tuple:
    return (
        list(Inquiry.objects.order_by("pk").values()),
        InquiryMessage.objects.count(),
        InquiryStar.objects.count(),
        SpamReport.objects.count(),
        BlockEntry.objects.count(),
    )


@pytest.fixture
def conversation(team, buyer_m, rep_product):
    return services.inquiry_send(
        membership=buyer_m,
        targets=[(team.company, [rep_product])],
        draft=services.clean_draft(subject="Quote for strips", body="Need 5000 m"),
        uploads=[SimpleUploadedFile("spec.pdf", PDF)],
    )[0]


def test_send_from_a_product_page(team, buyer_m, rep_product):
    page = login(buyer_m).get(f"/inquiries/new/?product={rep_product.pk}")
    assert page.status_code == 200 and team.company.name in page.content.decode()
    r = login(buyer_m).post(
        "/inquiries/new/",
        {
            "product": rep_product.pk,
            "subject": "Quote please",
            "body": "5000 m, FOB Ningbo",
            "quantity": "5000",
            "unit": "MTR",
            "target_price": "0.9",
            "currency": "USD",
            "destination_country": "DE",
            "incoterm": "FOB",
            "allow_redistribution": "on",
        },
    )
    inquiry = Inquiry.objects.get()
    assert r.status_code == 302 and r["Location"] == inquiry.get_absolute_url()
    assert inquiry.assignee == team.rep


def test_product_page_shows_contact_button_and_company_page_the_figures(team, buyer_m, rep_product):
    html = login(buyer_m).get(rep_product.get_absolute_url()).content.decode()
    assert f"/inquiries/new/?product={rep_product.pk}" in html
    assert "Inquiries are coming soon" not in html
    html = Client().get(team.company.get_absolute_url()).content.decode()
    assert "Contact supplier" in html and "not enough inquiries yet" in html


def test_send_from_the_basket_one_per_supplier(buyer_m):
    teams = [make_team() for _ in range(3)]
    products = [LiveProductFactory(company=t.company, owner=t.rep.user) for t in teams]
    client = login(buyer_m)
    for p in products:
        client.post("/compare/add/", {"product": p.pk})
    assert CompareItem.objects.count() == 3
    assert 'action="/inquiries/new/"' in client.get("/compare/").content.decode()
    query = "&".join(f"product={p.pk}" for p in products)
    page = client.get(f"/inquiries/new/?{query}").content.decode()
    assert all(t.company.name in page for t in teams) and "Send to 3 suppliers" in page
    r = client.post(
        "/inquiries/new/",
        {"product": [p.pk for p in products], "subject": "Quote", "body": "Please quote"},
    )
    assert r.status_code == 302 and "/workspace/inquiries/sent/?batch=" in r["Location"]
    assert Inquiry.objects.count() == 3
    assert "3 suppliers" in client.get(r["Location"], follow=True).content.decode()


def test_bad_input_on_the_page_keeps_nothing_and_says_why(team, buyer_m, rep_product, settings):
    settings.ATTACHMENT_MAX_BYTES = 100
    client = login(buyer_m)
    r = client.post(
        "/inquiries/new/",
        {"product": rep_product.pk, "subject": "Hi", "body": "<script>alert(1)</script>"},
    )
    assert r.status_code == 200 and "script or HTML code" in r.content.decode()
    r = client.post(
        "/inquiries/new/",
        {
            "product": rep_product.pk,
            "subject": "Hi",
            "body": "ok",
            "attachments": SimpleUploadedFile("a.pdf", PDF * 10),
        },
    )
    assert "too large" in r.content.decode()
    assert not Inquiry.objects.exists()


def test_anonymous_visitors_are_sent_to_sign_in(conversation):
    before = snapshot()
    c = Client()
    for url in (
        "/workspace/inquiries/",
        "/workspace/inquiries/sent/",
        f"/workspace/inquiries/{conversation.pk}/",
        "/inquiries/new/?company=x",
        "/workspace/inquiries/blocked/",
    ):
        r = c.get(url)
        assert r.status_code == 302 and "/accounts/login/" in r["Location"], url
    for url in (
        f"/workspace/inquiries/{conversation.pk}/reply/",
        f"/workspace/inquiries/{conversation.pk}/reject/",
        f"/workspace/inquiries/{conversation.pk}/star/",
    ):
        assert c.post(url, {"body": "x", "reason": "x"}).status_code == 302
    assert snapshot() == before


def test_another_company_gets_404_everywhere_and_nothing_changes(
    conversation, other_team, other_buyer
):
    before = snapshot()
    pk = conversation.pk
    attachment = conversation.messages.get().attachments.get()
    for outsider in (other_team.owner, other_buyer):
        c = login(outsider)
        assert c.get(f"/workspace/inquiries/{pk}/").status_code == 404
        assert c.get(f"/workspace/inquiries/{pk}/files/{attachment.pk}/").status_code == 404
        assert c.post(f"/workspace/inquiries/{pk}/reply/", {"body": "hi"}).status_code == 404
        for action in ("reassign", "reject", "spam", "star", "close", "block"):
            r = c.post(f"/workspace/inquiries/{pk}/{action}/", {"reason": "x", "assignee": 1})
            assert r.status_code == 404, action
        assert conversation.subject not in c.get("/workspace/inquiries/").content.decode()
    assert login(other_buyer).get("/workspace/inquiries/sent/").status_code == 200
    assert snapshot() == before


def test_sales_reps_see_their_own_owner_and_admin_see_all(conversation, team):
    pk = conversation.pk
    assert login(team.rep).get(f"/workspace/inquiries/{pk}/").status_code == 200
    assert login(team.rep2).get(f"/workspace/inquiries/{pk}/").status_code == 404
    assert (
        conversation.subject not in login(team.rep2).get("/workspace/inquiries/").content.decode()
    )
    for m in (team.owner, team.admin):
        assert conversation.subject in login(m).get("/workspace/inquiries/").content.decode()
        assert login(m).get(f"/workspace/inquiries/{pk}/").status_code == 200
    before = snapshot()
    assert login(team.rep).get("/workspace/inquiries/blocked/").status_code == 404
    assert login(team.rep).post(f"/workspace/inquiries/{pk}/block/").status_code == 302
    assert snapshot()[4] == before[4]  # a rep cannot block


def test_conversation_reply_with_attachment_and_read_state(conversation, team, buyer_m):
    rep = login(team.rep)
    page = rep.get(f"/workspace/inquiries/{conversation.pk}/")
    assert "Need 5000 m" in page.content.decode() and "spec.pdf" in page.content.decode()
    file = conversation.messages.get().attachments.get()
    download = rep.get(f"/workspace/inquiries/{conversation.pk}/files/{file.pk}/")
    assert download.status_code == 200 and download["X-Content-Type-Options"] == "nosniff"
    r = rep.post(
        f"/workspace/inquiries/{conversation.pk}/reply/",
        {"body": "Price USD 0.80/m", "attachments": SimpleUploadedFile("q.pdf", PDF)},
    )
    assert r.status_code == 302
    html = login(buyer_m).get("/workspace/inquiries/sent/?unread=1").content.decode()
    assert "Quote for strips" in html
    login(buyer_m).get(f"/workspace/inquiries/{conversation.pk}/")
    html = login(buyer_m).get("/workspace/inquiries/sent/?unread=1").content.decode()
    assert "Quote for strips" not in html


def test_a_double_submitted_reply_is_stored_once(conversation, team):
    rep = login(team.rep)
    page = rep.get(f"/workspace/inquiries/{conversation.pk}/").content.decode()
    client_id = re.search(r'name="client_id" value="([0-9a-f]{32})"', page).group(1)
    url = f"/workspace/inquiries/{conversation.pk}/reply/"
    for _ in range(2):
        r = rep.post(url, {"body": "Price USD 0.80/m", "client_id": client_id})
        assert r.status_code == 302
    assert conversation.messages.filter(body="Price USD 0.80/m").count() == 1
    rep.post(url, {"body": "Price USD 0.80/m"})  # no id (an old page): stored as sent
    assert conversation.messages.filter(body="Price USD 0.80/m").count() == 2


def test_inbox_filters_and_search(conversation, team, buyer_m):
    owner = login(team.owner)
    assert "Quote for strips" in owner.get("/workspace/inquiries/?q=5000").content.decode()
    assert (
        "Quote for strips"
        in owner.get(f"/workspace/inquiries/?q={buyer_m.company.name[:8]}").content.decode()
    )
    assert "Quote for strips" not in owner.get("/workspace/inquiries/?q=zzz").content.decode()
    assert "Quote for strips" in owner.get("/workspace/inquiries/?unreplied=1").content.decode()
    assert (
        "Quote for strips" in owner.get(f"/workspace/inquiries/?rep={team.rep.pk}").content.decode()
    )
    assert (
        "Quote for strips"
        not in owner.get(f"/workspace/inquiries/?rep={team.rep2.pk}").content.decode()
    )
    assert "Quote for strips" not in owner.get("/workspace/inquiries/?starred=1").content.decode()
    owner.post(f"/workspace/inquiries/{conversation.pk}/star/")
    assert "Quote for strips" in owner.get("/workspace/inquiries/?starred=1").content.decode()
    assert owner.get("/workspace/inquiries/?sort=oldest&status=open").status_code == 200


@pytest.mark.parametrize(
    "query", ["q=%C2%B2", "rep=%C2%B2", "rep=99999999999999999999999", "q=99999999999999999999999"]
)
def test_odd_search_and_rep_values_do_not_crash_the_inboxes(conversation, team, buyer_m, query):
    # "²".isdigit() is true but int("²") fails; a huge id overflows the database integer.
    assert login(team.owner).get(f"/workspace/inquiries/?{query}").status_code == 200
    assert login(buyer_m).get(f"/workspace/inquiries/sent/?{query}").status_code == 200
    assert login(team.owner).get(f"/api/v1/inquiries?{query}").status_code == 200


def test_spam_queue_is_for_operators_with_the_permission(conversation, team, reviewer):
    from django.contrib.auth.models import Permission

    report = services.inquiry_report_spam(membership=team.rep, inquiry_id=conversation.pk)
    before = snapshot()
    assert login(team.owner).get("/ops/inquiries/spam/").status_code == 403
    c = Client()
    c.force_login(reviewer)
    assert c.get("/ops/inquiries/spam/").status_code == 403
    assert c.post(f"/ops/inquiries/spam/{report.pk}/", {"decision": "confirm"}).status_code == 403
    assert snapshot() == before
    reviewer.user_permissions.add(Permission.objects.get(codename="review_spam"))
    c = Client()
    c.force_login(reviewer)
    assert "Need 5000 m" in c.get("/ops/inquiries/spam/").content.decode()
    assert "Inquiry spam reports" in c.get("/ops/").content.decode()
    c.post(f"/ops/inquiries/spam/{report.pk}/", {"decision": "dismiss"})
    report.refresh_from_db()
    assert report.status == "dismissed"
