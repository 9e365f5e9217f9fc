"""Fixtures shared by every app's tests."""

from __future__ import annotations

import pytest
from django.test import Client

from hansa.companies.roles import Role
from hansa.companies.tests.factories import (
    BuyerCompanyFactory,
    MembershipFactory,
    OperatorFactory,
    SupplierCompanyFactory,
    UserFactory,
)


@pytest.fixture(autouse=True)
def _media_and_cache(settings, tmp_path):
    from django.core.cache import cache

    settings.MEDIA_ROOT = str(tmp_path / "media")
    cache.clear()


@pytest.fixture(autouse=True)
def _default_language():
    """Each test starts in the default language: a request in Chinese (the language cookie)
    leaves zh-hans active in the thread, which made later tests in that worker fail."""
    from django.utils import translation

    translation.deactivate()
    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def _search_index_dir(settings, tmp_path):
    """Every test gets an empty search index of its own (the database rolls back; so must it)."""
    from hansa.search.engine import forget_engines, get_engine

    settings.SEARCH_INDEX_DIR = str(tmp_path / "search")
    yield
    engine = get_engine() if (tmp_path / "search").exists() else None
    if engine is not None:
        engine.release_writer()
    forget_engines()


class SearchIndex:
    """The test's index: ``drain()`` indexes what the outbox holds, as the server thread would."""

    def drain(self) -> int:
        from hansa.search import indexer

        return indexer.drain()

    @property
    def engine(self):
        from hansa.search.engine import get_engine

        return get_engine()


@pytest.fixture
def search_index(db) -> SearchIndex:
    return SearchIndex()


@pytest.fixture
def supplier(db):
    return SupplierCompanyFactory()


@pytest.fixture
def owner(supplier):
    return MembershipFactory(company=supplier, role=Role.OWNER).user


@pytest.fixture
def admin_member(supplier):
    return MembershipFactory(company=supplier, role=Role.ADMIN).user


@pytest.fixture
def sales_rep(supplier):
    return MembershipFactory(company=supplier, role=Role.SALES_REP).user


@pytest.fixture
def other_company(db):
    return SupplierCompanyFactory()


@pytest.fixture
def other_owner(other_company):
    return MembershipFactory(company=other_company, role=Role.OWNER).user


@pytest.fixture
def buyer_company(db):
    return BuyerCompanyFactory()


@pytest.fixture
def buyer(buyer_company):
    return MembershipFactory(company=buyer_company, role=Role.OWNER).user


@pytest.fixture
def reviewer(db):
    return OperatorFactory()


@pytest.fixture
def lone_user(db):
    return UserFactory()


def client_for(user) -> Client:
    client = Client()
    if user is not None:
        client.force_login(user)
    return client
