"""Alerts: new matching listings become one notification and one e-mail, once, on schedule."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command

from hansa.alerts import selectors, services
from hansa.alerts.models import SavedSearch
from hansa.alerts.tasks import tick
from hansa.catalog.tests.factories import LiveProductFactory
from hansa.companies.tests.factories import UserFactory
from hansa.notifications.models import Notification
from hansa.notifications.services import preference_set
from hansa.search.params import SearchParams

pytestmark = pytest.mark.django_db

H = timedelta(hours=1)


def save(user, q="led panel", frequency="daily", **filters) -> SavedSearch:
    return services.saved_search_create(
        user=user, name=None, params=SearchParams.parse({"q": q, **filters}), frequency=frequency
    )


def listing(title: str, at):
    return LiveProductFactory(title=title, published_at=at)


def test_a_new_matching_listing_makes_one_notification_and_one_email(buyer, search_index):
    saved = save(buyer)
    t0 = saved.last_checked_at
    listing("LED panel light 600x600 40W", t0 + H)
    listing("Copper cable 2.5 mm", t0 + H)  # does not match
    listing("LED panel light 300x300", t0 - H)  # there already when the search was saved
    search_index.drain()

    run, sent = tick(now=t0 + 25 * H)

    assert (run.checked, run.notified, sent) == (1, 1, 1)
    n = Notification.objects.get()
    assert n.user == buyer and n.kind == "saved_search"
    assert n.title == "1 new product for “led panel”"
    assert n.body == "LED panel light 600x600 40W"
    assert n.url == "/search/?q=led+panel&sort=newest"
    assert len(mail.outbox) == 1 and mail.outbox[0].to == [buyer.email]
    assert "1 new product for “led panel”" in mail.outbox[0].subject
    assert "http://127.0.0.1:8000/search/?q=led+panel&sort=newest" in mail.outbox[0].body
    saved.refresh_from_db()
    assert saved.last_match_count == 1 and saved.last_checked_at == t0 + 25 * H

    # Running again at once, or the next day without new listings, adds nothing.
    assert tick(now=t0 + 25 * H)[0].checked == 0
    run, sent = tick(now=t0 + 49 * H)
    assert (run.checked, run.notified, sent) == (1, 0, 0)
    assert Notification.objects.count() == 1 and len(mail.outbox) == 1
    saved.refresh_from_db()
    assert saved.last_match_count == 0


def test_alerts_count_several_and_name_a_few(buyer, search_index):
    saved = save(buyer, q="solar panel")
    t0 = saved.last_checked_at
    for i in range(5):
        listing(f"Solar panel 400 W model {i}", t0 + (i + 1) * H)
    search_index.drain()
    assert services.check_saved_search(saved, now=t0 + 25 * H) == 5
    n = Notification.objects.get()
    assert n.title == "5 new products for “solar panel”"
    assert n.body.startswith("Solar panel 400 W model 4, Solar panel 400 W model 3, ")
    assert n.body.endswith("and 2 more")


def test_a_listing_indexed_after_a_check_is_announced_by_the_next_and_never_twice(
    buyer, search_index
):
    saved = save(buyer, q="solar panel")
    t0 = saved.last_checked_at
    first_check = t0 + 25 * H
    listing("Solar panel A", first_check - timedelta(minutes=5))
    search_index.drain()
    assert services.check_saved_search(saved, now=first_check) == 1
    # Approved before the first check but only indexed after it (the index lags a moment).
    listing("Solar panel B", first_check - timedelta(minutes=2))
    search_index.drain()
    saved.refresh_from_db()
    assert services.check_saved_search(saved, now=first_check + 24 * H) == 1
    titles = list(Notification.objects.order_by("pk").values_list("body", flat=True))
    assert titles == ["Solar panel A", "Solar panel B"]


def test_filters_of_the_saved_search_apply(buyer, search_index):
    saved = save(buyer, q="led panel", price_max="10")
    t0 = saved.last_checked_at
    LiveProductFactory(title="LED panel cheap", price_min="2", price_max="4", published_at=t0 + H)
    LiveProductFactory(title="LED panel dear", price_min="50", price_max="90", published_at=t0 + H)
    search_index.drain()
    assert services.check_saved_search(saved, now=t0 + 25 * H) == 1
    assert Notification.objects.get().body == "LED panel cheap"


def test_similar_but_not_matching_listings_are_not_announced(buyer, search_index):
    """The search page widens a search that finds little (fuzzy, any word); an alert must not."""
    saved = save(buyer, q="led panel")
    t0 = saved.last_checked_at
    listing("LED strip light 5050", t0 + H)
    listing("Wooden panel door", t0 + H)
    search_index.drain()
    assert services.check_saved_search(saved, now=t0 + 25 * H) == 0
    assert not Notification.objects.exists()


def test_daily_and_weekly_checks_fall_due_on_time(buyer):
    daily = save(buyer, q="daily", frequency="daily")
    weekly = save(buyer, q="weekly", frequency="weekly")
    save(buyer, q="never", frequency="off")
    paused = save(buyer, q="paused", frequency="daily")
    services.saved_search_update(user=buyer, saved_id=paused.pk, is_active=False)
    gone = UserFactory(is_active=False)
    save(gone, q="gone")
    t0 = weekly.last_checked_at

    def due(at) -> set[str]:
        return {s.params["q"] for s in selectors.due_saved_searches(at)}

    assert daily.last_checked_at <= t0
    assert due(t0 + 23 * H) == set()
    assert due(t0 + 25 * H) == {"daily"}
    assert due(t0 + 6 * 24 * H) == {"daily"}
    assert due(t0 + 7 * 24 * H + H) == {"daily", "weekly"}


def test_weekly_search_is_checked_once_a_week(buyer, search_index):
    saved = save(buyer, frequency="weekly")
    t0 = saved.last_checked_at
    listing("LED panel light 600x600", t0 + H)
    search_index.drain()
    assert tick(now=t0 + 25 * H)[0].checked == 0
    assert not Notification.objects.exists()
    run, _sent = tick(now=t0 + 7 * 24 * H + H)
    assert run.checked == 1 and Notification.objects.count() == 1


def test_email_preference_off_keeps_the_notification_in_the_app(buyer, search_index):
    preference_set(user=buyer, kind="saved_search", email="off")
    saved = save(buyer)
    t0 = saved.last_checked_at
    listing("LED panel light 600x600", t0 + H)
    search_index.drain()
    run, sent = tick(now=t0 + 25 * H)
    assert run.notified == 1 and sent == 0 and mail.outbox == []
    assert Notification.objects.get().in_app


def test_a_runner_that_lost_the_race_skips_the_search(buyer, search_index, monkeypatch):
    saved = save(buyer)
    t0 = saved.last_checked_at
    listing("LED panel light 600x600", t0 + H)
    search_index.drain()
    stale = list(selectors.due_saved_searches(t0 + 25 * H).values_list("pk", "last_checked_at"))
    assert services.run_due_alerts(t0 + 25 * H).checked == 1  # the other runner

    class Stale:
        def values_list(self, *fields):
            return stale

    monkeypatch.setattr(selectors, "due_saved_searches", lambda now: Stale())
    assert services.run_due_alerts(t0 + 25 * H).checked == 0
    assert Notification.objects.count() == 1


def test_a_search_that_is_no_longer_valid_is_paused(buyer, search_index):
    saved = save(buyer)
    SavedSearch.objects.filter(pk=saved.pk).update(params={"q": "led", "sort": "bogus"})
    run = services.run_due_alerts(saved.last_checked_at + 25 * H)
    saved.refresh_from_db()
    assert run.notified == 0 and not saved.is_active
    assert not Notification.objects.exists()


def test_the_run_alerts_command(buyer, search_index, capsys):
    save(buyer)
    call_command("run_alerts")
    assert "Checked 0 saved searches" in capsys.readouterr().out


def test_a_search_in_another_language_reopens_in_that_language():
    from hansa.alerts.selectors import search_url
    from hansa.search.params import SearchParams

    assert search_url(SearchParams(q="panel solar", language="es")) == (
        "/search/?q=panel+solar&language=es"
    )
