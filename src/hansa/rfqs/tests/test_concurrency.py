"""Two suppliers sending the tenth quote at the same moment: exactly one wins.

The cap is checked and the counter raised inside one transaction that first locks the RFQ row
(``SELECT … FOR UPDATE`` on PostgreSQL; SQLite's IMMEDIATE transactions take the write lock at
``BEGIN``), so the second writer waits and then sees ten quotes.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading

import pytest
from django.db import close_old_connections, connection

from hansa.core.errors import BusinessError
from hansa.rfqs import services
from hansa.rfqs.models import MAX_QUOTES, Quote, Rfq
from hansa.rfqs.tests.conftest import quote_input, rfq_input, supplier_owner


@pytest.mark.django_db(transaction=True)
def test_only_one_of_two_simultaneous_tenth_quotes_wins(reference_db, operator, buyer_member):
    if connection.vendor == "sqlite":
        pytest.skip("in-memory SQLite: see test_tenth_quote_race_on_a_sqlite_file")
    rfq = services.rfq_create(membership=buyer_member, data=rfq_input())
    services.rfq_approve(operator=operator, rfq_id=rfq.pk)
    for _ in range(MAX_QUOTES - 1):
        services.quote_create(membership=supplier_owner(), rfq_id=rfq.pk, data=quote_input())
    racers = [supplier_owner(), supplier_owner()]
    barrier = threading.Barrier(2)
    outcomes: list[str] = []

    def send(member: object) -> None:
        try:
            barrier.wait()
            services.quote_create(membership=member, rfq_id=rfq.pk, data=quote_input())
            outcomes.append("won")
        except BusinessError as exc:
            outcomes.append(exc.message)
        finally:
            close_old_connections()
            connection.close()

    threads = [threading.Thread(target=send, args=(m,)) for m in racers]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    assert sorted(outcomes)[-1] == "won" and outcomes.count("won") == 1, outcomes
    assert any("most quotes" in o for o in outcomes)
    rfq.refresh_from_db()
    assert rfq.quote_count == MAX_QUOTES == Quote.objects.filter(rfq=rfq).count()
    assert Rfq.objects.get(pk=rfq.pk).quotes_left == 0


def test_tenth_quote_race_on_a_sqlite_file(tmp_path):
    """The same race on the embedded default: a SQLite file in WAL mode, in its own process
    (threads cannot wait on locks of the suite's in-memory database)."""
    env = {
        k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "DJANGO_SETTINGS_MODULE")
    }
    done = subprocess.run(
        [sys.executable, "-m", "hansa.rfqs.tests.race", str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=300,
        env=env,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result["vendor"] == "sqlite"
    assert result["outcomes"].count("won") == 1, result
    assert any("most quotes" in o for o in result["outcomes"]), result
    assert result["quote_count"] == result["quotes"] == MAX_QUOTES
