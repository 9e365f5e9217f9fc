"""Two redistributions of the same inquiry at the same moment: it happens once (PostgreSQL)."""

from __future__ import annotations

import threading
from datetime import timedelta

import pytest
from django.db import connection, connections

from hansa.catalog.tests.factories import LiveProductFactory
from hansa.inquiries import services
from hansa.inquiries.models import Inquiry
from hansa.inquiries.tests.conftest import NOW, make_buyer, make_team, send


@pytest.mark.django_db(transaction=True)
def test_two_workers_redistribute_once(reference_db):
    if connection.vendor != "postgresql":
        pytest.skip("row locks between connections need PostgreSQL (SQLite serialises writers)")
    team = make_team()
    product = LiveProductFactory(company=team.company, owner=team.rep.user)
    for _ in range(4):
        other = make_team()
        LiveProductFactory(company=other.company, owner=other.rep.user)
    original = send(make_buyer(), team.company, product)
    barrier = threading.Barrier(2)
    results: list[int] = []
    errors: list[BaseException] = []

    def work() -> None:
        try:
            barrier.wait()
            results.append(
                len(
                    services.inquiry_redistribute(
                        inquiry_id=original.pk, now=NOW + timedelta(days=1)
                    )
                )
            )
        except BaseException as exc:
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=work) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    assert sorted(results) == [0, 4]
    assert Inquiry.objects.filter(redistributed_from=original).count() == 4
