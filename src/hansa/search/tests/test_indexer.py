"""The outbox and the indexer: ordering, crash safety, other readers, the server thread."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from datetime import timedelta
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import transaction
from django.utils import timezone

from hansa.catalog.tests.factories import LiveProductFactory
from hansa.companies.choices import VerificationStatus
from hansa.search import indexer, ranking
from hansa.search.engine import forget_engines, get_engine
from hansa.search.engine.tantivy_engine import TantivyEngine
from hansa.search.models import IndexConsumer, OutboxEntry
from hansa.search.params import SearchParams
from hansa.search.selectors import engine_query, search_products

pytestmark = pytest.mark.django_db


def total(q: str) -> int:
    return search_products(SearchParams(q=q), log=False, facets=False).total


def restart() -> None:
    """What a new process sees: no engine objects, no writer, only the files on disk."""
    engine = get_engine()
    engine._writer = None  # dropped without commit, as a killed process drops it
    forget_engines()


def test_the_outbox_row_is_written_in_the_same_transaction(search_index):
    before = OutboxEntry.objects.count()
    with pytest.raises(RuntimeError), transaction.atomic():
        LiveProductFactory(title="Rolled back widget")
        raise RuntimeError
    assert OutboxEntry.objects.count() == before
    LiveProductFactory(title="Committed widget")
    assert OutboxEntry.objects.filter(kind="product").count() > before


def test_draining_twice_or_from_the_start_again_duplicates_nothing(search_index):
    for i in range(5):
        LiveProductFactory(title=f"Brass fitting {i}")
    search_index.drain()
    engine = get_engine()
    assert engine.cursor() == OutboxEntry.objects.latest("id").id
    assert total("brass") == 5
    assert search_index.drain() == 0  # nothing new
    # Replay the whole log over the existing index (a lost cursor file): still 5, not 10.
    engine.commit(0)
    search_index.drain()
    assert total("brass") == 5
    assert engine.count("product") == 5


def test_dying_after_indexing_but_before_the_index_commit_loses_nothing(search_index, monkeypatch):
    for i in range(3):
        LiveProductFactory(title=f"Nylon rope {i}")
    search_index.drain()
    for i in range(3, 6):
        LiveProductFactory(title=f"Nylon rope {i}")
    engine = get_engine()

    def die(cursor: int) -> None:
        raise SystemExit("killed")

    monkeypatch.setattr(engine, "commit", die)
    monkeypatch.setattr(engine, "rollback", lambda: None)  # a killed process rolls nothing back
    with pytest.raises(SystemExit):
        search_index.drain()
    monkeypatch.undo()
    restart()
    assert get_engine().count("product") == 3  # the dead batch never became visible
    search_index.drain()
    assert total("nylon") == 6
    assert get_engine().count("product") == 6


def test_dying_between_the_index_commit_and_the_cursor_write_duplicates_nothing(
    search_index, monkeypatch
):
    for i in range(4):
        LiveProductFactory(title=f"Teak bench {i}")
    real_replace = os.replace

    def die(src: str, dst: str) -> None:
        if str(dst).endswith("hansa-cursor.json"):
            raise SystemExit("killed")
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", die)
    with pytest.raises(SystemExit):
        search_index.drain()
    monkeypatch.undo()
    restart()
    assert get_engine().cursor() == 0  # the batch will be read again ...
    search_index.drain()
    assert total("teak") == 4  # ... and replaces, never adds
    assert get_engine().count("product") == 4


def test_a_young_gap_in_the_log_holds_the_cursor_an_old_one_does_not(search_index):
    LiveProductFactory(title="First listing")
    search_index.drain()
    start = get_engine().cursor()
    LiveProductFactory(title="Gap alpha")
    LiveProductFactory(title="Gap beta")
    ids = list(OutboxEntry.objects.filter(id__gt=start).order_by("id").values_list("id", flat=True))
    # Pretend the entry after the first one belongs to a transaction that has not committed.
    hole = ids[1]
    OutboxEntry.objects.filter(id=hole).delete()
    search_index.drain()
    engine = get_engine()
    assert total("gap") == 2  # everything already written is indexed at once ...
    assert engine.cursor() == ids[0]  # ... but the cursor waits at the gap
    OutboxEntry.objects.filter(id__gt=hole).update(
        created_at=timezone.now() - timedelta(seconds=indexer.GAP_GRACE_S + 1)
    )
    search_index.drain()
    assert engine.cursor() == ids[-1]  # an old gap was a rollback: move on


def test_a_killed_indexer_process_restarts_without_loss_or_duplicates(tmp_path):
    """A real process, a real SIGKILL in the middle of draining, then a new process."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "hansa.settings.base",
        "HANSA_VAR_DIR": str(tmp_path),
        "SEARCH_INDEX_DIR": str(tmp_path / "search"),
        "SEARCH_INDEXER": "manual",
        "DATABASE_URL": "",
        "REDIS_URL": "",
    }
    env.pop("DATABASE_URL")
    hansa = [sys.executable, "-m", "hansa.cli"]
    subprocess.run([*hansa, "migrate", "-v0"], env=env, check=True, timeout=300)
    make = textwrap.dedent(
        """
        import django; django.setup()
        from hansa.catalog.tests.factories import LiveProductFactory
        from hansa.companies.tests.factories import SupplierCompanyFactory
        company = SupplierCompanyFactory()
        for i in range(600):
            LiveProductFactory(company=company, title=f"Killtest gasket {i}")
        """
    )
    subprocess.run([sys.executable, "-c", make], env=env, check=True, timeout=300)
    drain = (
        "import django; django.setup(); "
        "from hansa.search import indexer; indexer.drain(batch_size=50)"
    )
    proc = subprocess.Popen([sys.executable, "-c", drain], env=env)
    # Kill it once it has committed part of the log, wherever it is in its batch.
    cursor_file = tmp_path / "search" / "hansa-cursor.json"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and proc.poll() is None:
        if cursor_file.exists() and json.loads(cursor_file.read_text())["cursor"] > 0:
            break
        time.sleep(0.01)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    subprocess.run([sys.executable, "-c", drain], env=env, check=True, timeout=300)
    check = textwrap.dedent(
        """
        import django; django.setup()
        from hansa.search.engine import get_engine
        from hansa.search.models import OutboxEntry
        from hansa.search.params import SearchParams
        from hansa.search.selectors import search_products
        page = search_products(SearchParams(q="killtest gasket", per_page=50), log=False)
        engine = get_engine()
        last = OutboxEntry.objects.latest("id").id
        print(page.total, engine.count("product"), engine.cursor() == last)
        """
    )
    out = subprocess.run(
        [sys.executable, "-c", check],
        env=env,
        check=True,
        timeout=120,
        capture_output=True,
        text=True,
    ).stdout.split()
    assert out == ["600", "600", "True"]
    # The same catalog rebuilt by forked workers (the path a big catalog takes) gives the same.
    parallel = {**env, "SEARCH_PARALLEL_MIN_PRODUCTS": "1"}
    subprocess.run([*hansa, "reindex", "-v0"], env=parallel, check=True, timeout=300)
    # Entries younger than the gap grace are read again after a rebuild: the server does that.
    subprocess.run([sys.executable, "-c", drain], env=env, check=True, timeout=300)
    run = subprocess.run(
        [sys.executable, "-c", check], env=env, check=True, timeout=120, capture_output=True
    )
    assert run.stdout.decode().split() == ["600", "600", "True"]


def test_supplier_changes_reach_its_listings(search_index):
    product = LiveProductFactory(title="Granite slab")
    search_index.drain()
    q = engine_query(SearchParams(q="granite"), facets=False)
    before = get_engine().ranked_keys(q, 10)[0][2]
    company = product.company
    company.verification_status = VerificationStatus.VERIFIED
    company.star_rating = 6
    company.save()
    search_index.drain()
    after = get_engine().ranked_keys(q, 10)[0][2]
    assert ranking.multiplier_of(after) > ranking.multiplier_of(before) + 0.4
    verified = search_products(SearchParams(q="granite", verified=True), log=False)
    assert verified.total == 1
    company.is_active = False
    company.save()
    search_index.drain()
    assert total("granite") == 0
    assert get_engine().count("company") == 0


def test_another_process_reader_sees_new_commits_without_restart(search_index):
    reader = TantivyEngine(get_engine().path)  # a second process opening the same index
    assert reader.count("product") == 0
    LiveProductFactory(title="Velvet cushion")
    search_index.drain()
    time.sleep(0.25)  # readers look at the commit stamp at most every RELOAD_CHECK_S
    assert reader.count("product") == 1


def test_a_new_schema_version_starts_an_empty_index_that_rebuilds_itself(search_index):
    LiveProductFactory(title="Wool blanket")
    search_index.drain()
    path = Path(get_engine().path)
    get_engine().release_writer()
    forget_engines()
    (path / "hansa-schema.json").write_text(json.dumps({"schema": -1}))
    engine = get_engine()
    assert engine.count() == 0 and engine.cursor() == 0
    search_index.drain()  # an empty index with cursor 0 starts from a full copy
    assert total("wool") == 1


def test_reindex_command_rebuilds_and_reports(search_index, capsys):
    LiveProductFactory(title="Linen apron")
    call_command("reindex", verbosity=0)
    assert "Indexed 2 documents" in capsys.readouterr().out  # the product and its supplier
    assert total("linen") == 1
    assert IndexConsumer.objects.get().documents == 2


def test_prune_keeps_what_a_recent_consumer_has_not_read(search_index):
    LiveProductFactory(title="Oak barrel")
    search_index.drain()
    read = OutboxEntry.objects.count()
    LiveProductFactory(title="Pine barrel")  # not drained yet
    OutboxEntry.objects.update(created_at=timezone.now() - timedelta(days=2))
    assert indexer.prune() == read
    assert OutboxEntry.objects.count() >= 1
    search_index.drain()
    assert total("barrel") == 2


@pytest.mark.django_db(transaction=True)
def test_the_server_thread_makes_a_change_searchable_within_two_seconds(reference_db, settings):
    settings.SEARCH_INDEXER = "thread"
    LiveProductFactory(title="Existing listing")
    indexer.drain()  # the node's index exists: what is measured is one change reaching it
    get_engine().release_writer()  # the server thread takes the writer, as in a server
    indexer.ensure_indexer_started()
    try:
        started = time.monotonic()
        LiveProductFactory(title="Quartz countertop")
        while total("quartz") == 0 and time.monotonic() - started < 5:
            time.sleep(0.05)
        elapsed = time.monotonic() - started
        assert total("quartz") == 1
        assert elapsed < 2.0, f"took {elapsed:.2f} s"
    finally:
        thread = indexer._thread
        if thread is not None:
            thread.stop()
            thread.join(timeout=5)
        indexer._thread = None


def test_the_daily_tidy_refreshes_freshness_and_statistics(search_index):
    from hansa.search.tasks import refresh_freshness, tidy

    old = LiveProductFactory(title="Aged cheese", published_at=timezone.now() - timedelta(days=90))
    search_index.drain()
    result = tidy()
    assert set(result) == {"outbox_pruned", "queries_dropped", "freshness_refreshed"}

    def queued_on(day: int) -> bool:
        before = OutboxEntry.objects.latest("id").id
        now = timezone.now() + timedelta(days=day)
        refresh_freshness(now)
        return OutboxEntry.objects.filter(kind="product", object_id=old.pk, id__gt=before).exists()

    # Over a week every listing between 29 days and a year old is queued exactly once.
    assert [queued_on(day) for day in range(7)].count(True) == 1


def test_reindex_while_a_server_writes_asks_the_server_through_the_outbox(search_index, capsys):
    LiveProductFactory(title="Felt hat")
    search_index.drain()
    server = get_engine()  # holds the writer, as a running server's indexer thread does
    forget_engines()  # the command opens the index as a separate process would
    try:
        call_command("reindex", verbosity=0)
        assert "will rebuild it" in capsys.readouterr().out
        assert OutboxEntry.objects.filter(kind=OutboxEntry.Kind.ALL).exists()
    finally:
        server.release_writer()
    # The server's next drain rebuilds once and moves past the request.
    asked = OutboxEntry.objects.get(kind=OutboxEntry.Kind.ALL).id
    search_index.drain()
    assert get_engine().cursor() >= asked
    assert search_index.drain() == 0
    assert total("felt") == 1
