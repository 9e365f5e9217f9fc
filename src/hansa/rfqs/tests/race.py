"""Run as a program: two suppliers send the tenth quote at once on a real SQLite file database.

``python -m hansa.rfqs.tests.race DIR`` migrates a fresh SQLite database in DIR (WAL,
IMMEDIATE transactions, busy_timeout: the embedded production settings), prepares an RFQ with
nine quotes and races two threads for the tenth. Prints one JSON line with the outcomes.
The test suite's own database is in memory, where threads cannot wait on each other's locks,
hence the separate process (``test_concurrency.py``).
"""

from __future__ import annotations

import json
import os
import sys
import threading


def main(var_dir: str) -> None:
    os.environ["HANSA_VAR_DIR"] = var_dir
    os.environ["DATABASE_URL"] = f"sqlite:///{var_dir}/race.sqlite3"
    os.environ["DJANGO_SETTINGS_MODULE"] = "hansa.settings.base"
    os.environ["SEARCH_INDEXER"] = "manual"
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    call_command("migrate", verbosity=0)
    from hansa.companies.roles import Role
    from hansa.companies.tests.factories import (
        BuyerCompanyFactory,
        MembershipFactory,
        OperatorFactory,
    )
    from hansa.core.errors import BusinessError
    from hansa.rfqs import services
    from hansa.rfqs.models import MAX_QUOTES, Quote, Rfq
    from hansa.rfqs.tests.conftest import membership_of, quote_input, rfq_input, supplier_owner

    buyer = membership_of(MembershipFactory(company=BuyerCompanyFactory(), role=Role.OWNER).user)
    operator = OperatorFactory()
    rfq = services.rfq_create(membership=buyer, data=rfq_input())
    services.rfq_approve(operator=operator, rfq_id=rfq.pk)
    for _ in range(MAX_QUOTES - 1):
        services.quote_create(membership=supplier_owner(), rfq_id=rfq.pk, data=quote_input())
    racers = [supplier_owner(), supplier_owner()]
    connection.close()
    barrier = threading.Barrier(2)
    outcomes: list[str] = []

    def send(member: object) -> None:
        from django.db import connection as thread_connection

        try:
            barrier.wait()
            services.quote_create(membership=member, rfq_id=rfq.pk, data=quote_input())
            outcomes.append("won")
        except BusinessError as exc:
            outcomes.append(exc.message)
        finally:
            thread_connection.close()

    threads = [threading.Thread(target=send, args=(m,)) for m in racers]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    fresh = Rfq.objects.get(pk=rfq.pk)
    print(
        json.dumps(
            {
                "vendor": connection.vendor,
                "outcomes": outcomes,
                "quote_count": fresh.quote_count,
                "quotes": Quote.objects.filter(rfq=rfq).count(),
            }
        )
    )


if __name__ == "__main__":
    main(sys.argv[1])
