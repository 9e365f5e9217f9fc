"""Fixtures for RFQ tests: a buyer with an open RFQ, suppliers with live listings, inputs."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from hansa.catalog.tests.factories import LiveProductFactory, strip_category
from hansa.companies.models import Membership
from hansa.companies.roles import Role
from hansa.companies.tests.factories import (
    BuyerCompanyFactory,
    MembershipFactory,
    OperatorFactory,
    SupplierCompanyFactory,
)
from hansa.rfqs import services
from hansa.rfqs.services import QuoteInput, RfqInput


def rfq_input(**overrides: object) -> RfqInput:
    data = {
        "product_name": "LED strip light 5050 RGB",
        "category_id": strip_category().pk,
        "requirements": "12 V, 60 LEDs per metre, IP65, 5 m reels with remote, CE and RoHS.",
        "quantity": Decimal("5000"),
        "unit": "H87",
        "destination_country": "DE",
        "destination_port": "DEHAM",
        "incoterm": "FOB",
        "payment_method": "TT",
        "target_price": Decimal("1.80"),
        "currency": "USD",
        "certifications": ["CE", "RoHS"],
    }
    data.update(overrides)
    return RfqInput(**data)  # type: ignore[arg-type]


def quote_input(**overrides: object) -> QuoteInput:
    data = {
        "unit_price": Decimal("1.75"),
        "currency": "USD",
        "quantity": Decimal("5000"),
        "moq": Decimal("1000"),
        "incoterm": "FOB",
        "port": "CNSZX",
        "lead_time_days": 20,
        "payment_methods": ["TT"],
        "valid_until": timezone.localdate() + timedelta(days=30),
        "tiers": [{"min_quantity": "3000", "unit_price": "1.70"}],
        "sample_available": True,
        "sample_cost": Decimal("30"),
        "shipping_cost": Decimal("800"),
        "shipping_days": 30,
        "message": "We make these in our own factory.",
    }
    data.update(overrides)
    return QuoteInput(**data)  # type: ignore[arg-type]


def membership_of(user: object) -> Membership:
    return Membership.objects.select_related("company", "user").get(user=user)


def supplier_owner(**company: object) -> Membership:
    supplier = SupplierCompanyFactory(**company)
    LiveProductFactory(company=supplier)
    return membership_of(MembershipFactory(company=supplier, role=Role.OWNER).user)


@pytest.fixture
def operator(db):
    from django.contrib.auth.models import Permission

    user = OperatorFactory()
    user.user_permissions.add(
        Permission.objects.get(codename="review_listing", content_type__app_label="catalog")
    )
    return user


@pytest.fixture
def buyer_member(db) -> Membership:
    return membership_of(MembershipFactory(company=BuyerCompanyFactory(), role=Role.OWNER).user)


@pytest.fixture
def other_buyer_member(db) -> Membership:
    return membership_of(
        MembershipFactory(company=BuyerCompanyFactory(), role=Role.BUYER_STAFF).user
    )


@pytest.fixture
def supplier_a(db) -> Membership:
    return supplier_owner()


@pytest.fixture
def supplier_b(db) -> Membership:
    return supplier_owner()


@pytest.fixture
def rep_a(supplier_a) -> Membership:
    return membership_of(MembershipFactory(company=supplier_a.company, role=Role.SALES_REP).user)


@pytest.fixture
def pending_rfq(buyer_member):
    return services.rfq_create(membership=buyer_member, data=rfq_input())


@pytest.fixture
def open_rfq(pending_rfq, operator):
    return services.rfq_approve(operator=operator, rfq_id=pending_rfq.pk)


@pytest.fixture
def quote_a(open_rfq, supplier_a):
    return services.quote_create(membership=supplier_a, rfq_id=open_rfq.pk, data=quote_input())


@pytest.fixture
def quote_b(open_rfq, supplier_b):
    return services.quote_create(
        membership=supplier_b,
        rfq_id=open_rfq.pk,
        data=quote_input(unit_price=Decimal("12.10"), currency="CNY"),
    )
