"""Fixtures of the inquiry tests: a supplier with a team, a buyer, live products."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

import pytest

from hansa.catalog.tests.factories import LiveProductFactory
from hansa.companies.models import Company, Membership
from hansa.companies.roles import Role
from hansa.companies.tests.factories import (
    BuyerCompanyFactory,
    MembershipFactory,
    SupplierCompanyFactory,
)
from hansa.inquiries import services

NOW = datetime(2026, 11, 26, 9, 0, tzinfo=UTC)


@dataclass
class Team:
    company: Company
    owner: Membership
    admin: Membership
    rep: Membership
    rep2: Membership


def make_team(**company: object) -> Team:
    c = SupplierCompanyFactory(**company)
    return Team(
        company=c,
        owner=MembershipFactory(company=c, role=Role.OWNER),
        admin=MembershipFactory(company=c, role=Role.ADMIN),
        rep=MembershipFactory(company=c, role=Role.SALES_REP),
        rep2=MembershipFactory(company=c, role=Role.SALES_REP),
    )


def make_buyer(**company: object) -> Membership:
    return MembershipFactory(company=BuyerCompanyFactory(**company), role=Role.OWNER)


def draft(**over: object) -> services.Draft:
    values = {"subject": "Price for 5,000 m of LED strip", "body": "Please quote FOB Ningbo."}
    values.update(over)
    return services.clean_draft(**values)  # type: ignore[arg-type]


def send(buyer: Membership, supplier: Company, product=None, now=NOW, **over: object):
    return services.inquiry_send(
        membership=buyer,
        targets=[(supplier, [product] if product else [])],
        draft=draft(**over),
        now=now,
    )[0]


@pytest.fixture
def team(db) -> Team:
    return make_team()


@pytest.fixture
def other_team(db) -> Team:
    return make_team()


@pytest.fixture
def buyer_m(db) -> Membership:
    return make_buyer()


@pytest.fixture
def other_buyer(db) -> Membership:
    return make_buyer()


@pytest.fixture
def rep_product(team):
    return LiveProductFactory(company=team.company, owner=team.rep.user)
