"""Saved RFQ searches: kept with the saved searches, checked by the alerts' due-check."""

from __future__ import annotations

from datetime import timedelta

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from hansa.alerts import services as alert_services
from hansa.alerts.models import SavedSearch, Target
from hansa.conftest import client_for
from hansa.core.errors import BusinessError
from hansa.notifications.models import Notification
from hansa.rfqs import services
from hansa.rfqs.selectors import MarketParams
from hansa.rfqs.tests.conftest import rfq_input

pytestmark = pytest.mark.django_db


def test_saved_rfq_search_alerts_new_matching_rfqs(supplier_a, buyer_member, operator):
    saved = services.rfq_search_save(
        membership=supplier_a, params=MarketParams.parse({"q": "strip", "country": "DE"}), name=""
    )
    assert saved.target == Target.RFQ and saved.name == "strip"
    with pytest.raises(BusinessError):
        services.rfq_search_save(
            membership=supplier_a, params=MarketParams.parse({"q": "strip", "country": "DE"})
        )
    start = timezone.now()
    with time_machine.travel(start + timedelta(hours=2), tick=False):
        match = services.rfq_create(membership=buyer_member, data=rfq_input())
        services.rfq_approve(operator=operator, rfq_id=match.pk)
        other = services.rfq_create(
            membership=buyer_member,
            data=rfq_input(
                product_name="Solar panel 400 W", destination_port="", destination_country="FR"
            ),
        )
        services.rfq_approve(operator=operator, rfq_id=other.pk)
    with time_machine.travel(start + timedelta(days=1, minutes=5), tick=False):
        run = alert_services.run_due_alerts()
    assert run.checked == 1 and run.notified == 1
    [note] = [
        n for n in Notification.objects.filter(user=supplier_a.user) if "new RFQ for" in n.title
    ]
    assert "LED strip" in note.body and "Solar" not in note.body
    saved.refresh_from_db()
    assert saved.last_match_count == 1


def test_a_deactivated_member_gets_no_rfq_alerts(supplier_a, buyer_member, operator):
    saved = services.rfq_search_save(
        membership=supplier_a, params=MarketParams.parse({"q": "strip"}), name=""
    )
    supplier_a.is_active = False
    supplier_a.save()
    start = timezone.now()
    with time_machine.travel(start + timedelta(hours=2), tick=False):
        match = services.rfq_create(membership=buyer_member, data=rfq_input())
        services.rfq_approve(operator=operator, rfq_id=match.pk)
    with time_machine.travel(start + timedelta(days=1, minutes=5), tick=False):
        alert_services.run_due_alerts()
    assert not Notification.objects.filter(user=supplier_a.user, title__contains="new RFQ")
    saved.refresh_from_db()
    assert saved.last_match_count == 0


def test_saved_rfq_searches_show_on_the_saved_searches_page(supplier_a):
    client = client_for(supplier_a.user)
    response = client.post(reverse("rfqs:market_save"), {"q": "panel", "frequency": "weekly"})
    assert response.status_code == 302
    saved = SavedSearch.objects.get(user=supplier_a.user)
    page = client.get(reverse("alerts:list")).content.decode()
    assert "RFQs" in page and "panel" in page and reverse("rfqs:market") in page
    client.post(reverse("alerts:update", args=[saved.pk]), {"frequency": "off"})
    saved.refresh_from_db()
    assert saved.frequency == "off"


def test_buyers_cannot_save_rfq_searches(buyer_member):
    response = client_for(buyer_member.user).post(reverse("rfqs:market_save"), {"q": "x"})
    assert response.status_code == 403
    assert not SavedSearch.objects.exists()


def test_saved_searches_api_lists_rfq_searches_and_refuses_creating_them(supplier_a):
    client = client_for(supplier_a.user)
    response = client.post(
        "/api/v1/rfqs/market/saved-searches",
        data={"q": "panel", "country": "US", "frequency": "weekly"},
        content_type="application/json",
    )
    assert response.status_code == 201, response.json()
    [row] = client.get("/api/v1/saved-searches").json()
    assert row["target"] == "rfq" and row["search_url"].startswith(reverse("rfqs:market"))
    assert "“panel”" in row["description"]
    refused = client.post(
        "/api/v1/saved-searches",
        data={"target": "rfq", "params": {"q": "x"}},
        content_type="application/json",
    )
    assert refused.status_code == 400 and refused.json()["field"] == "target"
    assert SavedSearch.objects.count() == 1
