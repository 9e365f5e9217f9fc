"""The cast of the messenger tests: a supplier (owner, admin, two reps), a buyer (owner, staff),
and an unrelated company of each kind."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from hansa.accounts.models import User
from hansa.catalog.tests.factories import LiveProductFactory
from hansa.companies.models import Company
from hansa.companies.roles import Role
from hansa.companies.tests.factories import (
    BuyerCompanyFactory,
    MembershipFactory,
    SupplierCompanyFactory,
)
from hansa.messenger import services
from hansa.messenger.models import Conversation


@dataclass
class Cast:
    supplier: Company
    owner: User
    admin: User
    rep: User
    rep2: User
    buyer_company: Company
    buyer_owner: User
    staff: User
    staff2: User
    other_supplier: Company
    other_owner: User
    other_buyer_company: Company
    other_buyer: User

    def chat(self, buyer: User | None = None, rep: User | None = None) -> Conversation:
        buyer = buyer or self.staff
        conversation, _ = services.conversation_start(
            membership=buyer.membership, supplier=self.supplier, rep_id=(rep or self.rep).pk
        )
        return conversation


def make_cast() -> Cast:
    supplier = SupplierCompanyFactory(name="Brightway Lighting")
    buyer_company = BuyerCompanyFactory(name="Nordlicht Import GmbH")
    other_supplier = SupplierCompanyFactory(name="Other Lamps Ltd")
    other_buyer_company = BuyerCompanyFactory(name="Other Import BV")

    def member(company: Company, role: str, name: str) -> User:
        return MembershipFactory(company=company, role=role, user__full_name=name).user

    return Cast(
        supplier=supplier,
        owner=member(supplier, Role.OWNER, "Wei Owner"),
        admin=member(supplier, Role.ADMIN, "Lin Admin"),
        rep=member(supplier, Role.SALES_REP, "Amy Rep"),
        rep2=member(supplier, Role.SALES_REP, "Bob Rep"),
        buyer_company=buyer_company,
        buyer_owner=member(buyer_company, Role.OWNER, "Greta Owner"),
        staff=member(buyer_company, Role.BUYER_STAFF, "Hans Staff"),
        staff2=member(buyer_company, Role.BUYER_STAFF, "Ida Staff"),
        other_supplier=other_supplier,
        other_owner=member(other_supplier, Role.OWNER, "Olaf Other"),
        other_buyer_company=other_buyer_company,
        other_buyer=member(other_buyer_company, Role.OWNER, "Pia Other"),
    )


@pytest.fixture
def cast(db) -> Cast:
    return make_cast()


@pytest.fixture
def product(cast: Cast):
    return LiveProductFactory(company=cast.supplier, owner=cast.rep2)
