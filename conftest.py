"""Fixtures for every test directory (src/ and tests/)."""

from __future__ import annotations

import pytest


@pytest.fixture
def reference_db(transactional_db):
    """A transactional database with the seeded reference data back in place.

    Transactional tests empty every table after they run, seeded ports and categories included,
    so each one that needs them puts them back (and the site, content types and permissions that
    migrate creates) instead of relying on serialized_rollback.
    """
    from django.core.management.sql import emit_post_migrate_signal

    from hansa.catalog.services import categories_load_seed
    from hansa.trade.services import ports_load_seed

    emit_post_migrate_signal(verbosity=0, interactive=False, db="default")
    ports_load_seed()
    categories_load_seed()
