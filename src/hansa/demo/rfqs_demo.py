"""Demo RFQs and quotations: every state, real matching, quotes with revisions and questions.

Added to an existing demo market (see ``generator.py``) through the services, so the rules
(review flags, matching, the ten-quote cap, quotas, accepting) are the real ones; only the
creation dates are moved back afterwards. The demo buyer (Rhein Import) gets an open RFQ with
three quotes to compare (one from the featured supplier's sales rep, revised, with a question
thread), an RFQ closed by accepting a quote (with its order draft), one waiting for review with
a flag, a rejected one, an expired one with quotes and a fresh open one without quotes. Other
buyers add RFQs with 0 to 10 quotes, a few flagged ones in the review queue, expired and closed
ones. The featured supplier keeps two saved RFQ searches. Deterministic for a given ``rng``.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import datetime, timedelta
from decimal import Decimal

from django.db import transaction

from hansa.accounts.models import User
from hansa.alerts.models import Frequency
from hansa.catalog.listing_selectors import public_products
from hansa.companies.models import Membership
from hansa.companies.roles import Role
from hansa.core.errors import BusinessError
from hansa.demo.generator import (
    BUYER_EMAIL,
    FEATURED_SUPPLIER,
    OPERATOR_EMAIL,
    SALES_REP_EMAIL,
    SUPPLIER_ADMIN_EMAIL,
)
from hansa.rfqs import matching, services
from hansa.rfqs.models import MAX_QUOTES, Quote, Rfq
from hansa.rfqs.selectors import MarketParams
from hansa.rfqs.services import QuoteInput, RfqInput

LOADING_PORTS = ["CNSZX", "CNNGB", "CNSHA", "CNCAN", "CNXMN", "CNTAO"]
DESTINATIONS = [
    ("DE", "DEHAM"),
    ("US", "USLAX"),
    ("GB", "GBFXT"),
    ("FR", "FRLEH"),
    ("AE", "AEJEA"),
    ("BR", "BRSSZ"),
    ("AU", "AUMEL"),
    ("NG", "NGLOS"),
    ("IN", "INNSA"),
    ("US", "USNYC"),
]
REQUIREMENTS = (
    "We are sourcing {name} for our wholesale customers. Specification as in your standard "
    "range; please state material, finish and packaging (export carton, {pack} pcs per carton). "
    "CE marking required, our logo on the carton.",
    "Regular supply of {name}: first order {qty} {unit}, then about the same every quarter. "
    "Please quote with tier prices, lead time and the payment terms you accept. Samples needed "
    "before the first order.",
    "Looking for a manufacturer of {name} with quality control on every batch and an inspection "
    "report before shipment. Private label possible? Please attach your catalogue.",
    "Tender for a retail chain: {name}, consistent colour and size across batches, individual "
    "retail box with barcode. Delivery within 45 days of the deposit.",
)
QUESTIONS = (
    "Can you confirm the warranty period and whether spare parts are included?",
    "What is the earliest shipment date if we confirm this week?",
    "Could you send two samples by express before we decide?",
)
ANSWERS = (
    "Warranty is 2 years; we add 1% spare parts free of charge.",
    "If you confirm this week we can ship in 18 days.",
    "Yes, samples can leave tomorrow by DHL; the cost is deducted from the first order.",
)
MESSAGES = (
    "Factory direct price. We export this item to {country} every month and can share references.",
    "Price includes export carton and pallet. We can print your logo from 1,000 units.",
    "Our QC team inspects every batch; third-party inspection (SGS) is welcome.",
    "",
)


def _name(title: str) -> str:
    """A buyer's short product name from a listing title: no model numbers or dangling words."""
    words = [
        w
        for w in title.replace(",", " ").split()
        if not any(ch.isdigit() for ch in w) and w.lower() not in ("ft", "cm", "mm", "pcs")
    ][:5]
    while words and words[-1].lower() in ("for", "with", "and", "of", "in", "to", "-"):
        words.pop()
    return " ".join(words)[:150] or title[:150]


def _owner(company_id: int) -> Membership | None:
    return (
        Membership.objects.select_related("company", "user")
        .filter(company_id=company_id, role=Role.OWNER, is_active=True)
        .first()
    )


def _backdate(rfq: Rfq, at: datetime) -> None:
    Rfq.objects.filter(pk=rfq.pk).update(created_at=at)


def _rfq_input(
    rng: random.Random, product: object, dest: tuple[str, str], **over: object
) -> RfqInput:
    title = product.published["title"]  # type: ignore[attr-defined]
    qty = rng.choice([500, 1000, 2000, 5000, 10000])
    name = over.pop("product_name", None) or _name(title)
    data = {
        "product_name": name,
        "category_id": product.category_id,  # type: ignore[attr-defined]
        "requirements": rng.choice(REQUIREMENTS).format(
            name=name.lower(), qty=qty, unit="pieces", pack=rng.choice([10, 20, 50, 100])
        ),
        "quantity": Decimal(qty),
        "unit": "H87",
        "destination_country": dest[0],
        "destination_port": dest[1],
        "incoterm": rng.choice(["FOB", "FOB", "CIF", "CFR", "EXW"]),
        "payment_method": rng.choice(["TT", "TT", "LC", "DP"]),
        "sourcing_type": rng.choice(["one_time", "regular"]),
        "certifications": rng.choice([["CE"], ["CE", "RoHS"], [], ["ISO 9001"]]),
        "validity_days": rng.choice([15, 15, 30]),
    }
    price = product.published.get("price_min")  # type: ignore[attr-defined]
    if price and rng.random() < 0.6:
        data["target_price"] = (Decimal(price) * Decimal("0.9")).quantize(Decimal("0.01"))
        data["currency"] = product.published.get("currency") or "USD"  # type: ignore[attr-defined]
    data.update(over)
    return RfqInput(**data)  # type: ignore[arg-type]


def _quote_input(rng: random.Random, rfq: Rfq, now: datetime, country: str) -> QuoteInput:
    base = rfq.target_price or Decimal(rng.choice(["1.20", "3.50", "8.90", "24.00", "65.00"]))
    price = (base * Decimal(rng.choice(["0.92", "0.97", "1.00", "1.04", "1.10"]))).quantize(
        Decimal("0.01")
    )
    currency = rfq.currency if rfq.target_price else rng.choice(["USD", "USD", "CNY", "EUR"])
    if currency == "CNY" and not rfq.target_price:
        price = (price * Decimal("7.2")).quantize(Decimal("0.01"))
    qty = rfq.quantity
    incoterm = rfq.incoterm
    port = (
        ""
        if incoterm == "EXW"
        else (
            rfq.destination_port.locode
            if incoterm in ("CIF", "CFR") and rfq.destination_port_id
            else rng.choice(LOADING_PORTS)
        )
    )
    return QuoteInput(
        unit_price=price,
        currency=currency,
        quantity=qty,
        moq=min(qty, Decimal(rng.choice([100, 200, 500, 1000]))),
        incoterm=incoterm,
        port=port,
        lead_time_days=rng.choice([10, 15, 20, 25, 30, 45]),
        payment_methods=rng.choice([["TT"], ["TT", "LC"], ["TT", "CARD"], ["LC", "DP"]]),
        valid_until=(now + timedelta(days=rng.choice([15, 30, 45]))).date(),
        tiers=[
            {
                "min_quantity": str(qty * 2),
                "unit_price": str((price * Decimal("0.95")).quantize(Decimal("0.01"))),
            }
        ]
        if rng.random() < 0.5
        else [],
        sample_available=rng.random() < 0.7,
        sample_cost=Decimal(rng.choice([0, 20, 35, 50])),
        shipping_cost=Decimal(rng.choice([450, 800, 1200, 2100])) if incoterm != "EXW" else None,
        shipping_days=rng.choice([18, 25, 32, 40]) if incoterm != "EXW" else None,
        message=rng.choice(MESSAGES).format(country=country),
    )


def _quote(rng: random.Random, rfq: Rfq, member: Membership, now: datetime) -> Quote | None:
    try:
        return services.quote_create(
            membership=member,
            rfq_id=rfq.pk,
            data=_quote_input(rng, rfq, now, str(rfq.destination_country.name)),
            now=now,
        )
    except BusinessError:
        return None  # quota used up, cap reached: the real rules hold in the demo too


def _quoters(rfq: Rfq, exclude: set[int]) -> list[Membership]:
    ids = list(rfq.matches.order_by("-score", "supplier_id").values_list("supplier_id", flat=True))
    members = [_owner(pk) for pk in ids if pk not in exclude]
    return [m for m in members if m is not None]


def populate(
    *, rng: random.Random, now: datetime, progress: Callable[[int], object] | None = None
) -> dict[str, int]:
    """Adds demo RFQs, quotes, an order draft and saved RFQ searches; returns counts."""
    counts = {
        "rfqs": 0,
        "quotes": 0,
        "revisions": 0,
        "messages": 0,
        "order_drafts": 0,
        "saved_searches": 0,
    }
    operator = User.objects.get(email=OPERATOR_EMAIL)
    buyer = Membership.objects.select_related("company", "user").get(user__email=BUYER_EMAIL)
    featured_admin = Membership.objects.select_related("company", "user").get(
        user__email=SUPPLIER_ADMIN_EMAIL
    )
    featured = featured_admin.company
    assert featured.name == FEATURED_SUPPLIER
    rep = (
        Membership.objects.select_related("company", "user")
        .filter(user__email=SALES_REP_EMAIL)
        .first()
    )
    featured_products = list(public_products().filter(company=featured).order_by("pk")[:40])
    others = list(
        public_products()
        .filter(company__is_demo=True)
        .exclude(company=featured)
        .order_by("pk")[:3000]
    )
    buyers = list(
        Membership.objects.filter(
            company__is_demo=True,
            company__kind="buyer",
            company__is_active=True,
            is_active=True,
            role=Role.OWNER,
        )
        .exclude(pk=buyer.pk)
        .select_related("company", "user")
        .order_by("company__slug")[:40]
    )
    if not featured_products or not others or not buyers:
        return counts

    def post(member: Membership, data: RfqInput, days_ago: float) -> Rfq:
        at = now - timedelta(days=days_ago)
        rfq = services.rfq_create(membership=member, data=data, now=at)
        _backdate(rfq, at)
        counts["rfqs"] += 1
        return rfq

    def approve(rfq: Rfq, days_ago: float) -> Rfq:
        return services.rfq_approve(
            operator=operator, rfq_id=rfq.pk, now=now - timedelta(days=days_ago)
        )

    with transaction.atomic():
        matching.profiles_rebuild(now=now)
        dest_de = ("DE", "DEHAM")
        # 1. The demo buyer's open RFQ with three quotes to compare.
        panel = rng.choice(featured_products)
        rfq = approve(post(buyer, _rfq_input(rng, panel, dest_de, validity_days=30), 4), 3.9)
        first = rep or featured_admin
        quotes = []
        q = _quote(rng, rfq, first, now - timedelta(days=3))
        if q is not None:
            quotes.append(q)
            services.quote_revise(
                membership=first,
                quote_id=q.pk,
                data=_quote_input(rng, rfq, now - timedelta(days=2), "Germany"),
                now=now - timedelta(days=2),
            )
            counts["revisions"] += 1
        for member in _quoters(rfq, {featured.pk})[:2]:
            if (q2 := _quote(rng, rfq, member, now - timedelta(days=2))) is not None:
                quotes.append(q2)
        for i, q in enumerate(quotes[:2]):
            services.quote_message_post(membership=buyer, quote_id=q.pk, body=QUESTIONS[i])
            author = first if q.supplier_id == featured.pk else _owner(q.supplier_id)
            services.quote_message_post(membership=author, quote_id=q.pk, body=ANSWERS[i])
            counts["messages"] += 2
        if quotes:
            services.quote_shortlist(membership=buyer, quote_id=quotes[-1].pk)
        counts["quotes"] += len(quotes)
        # 2. Closed by accepting a quote: an order draft.
        product = rng.choice(featured_products)
        rfq = approve(post(buyer, _rfq_input(rng, product, dest_de), 25), 24.8)
        accepted = None
        for member in [featured_admin, *_quoters(rfq, {featured.pk})[:2]]:
            if (q := _quote(rng, rfq, member, now - timedelta(days=23))) is not None:
                counts["quotes"] += 1
                accepted = accepted or q
        if accepted is not None:
            services.quote_rate(membership=buyer, quote_id=accepted.pk, rating=5)
            services.quote_accept(
                membership=buyer, quote_id=accepted.pk, now=now - timedelta(days=20)
            )
            counts["order_drafts"] += 1
        # 3. Waiting for review, flagged (contact details), and 4. rejected.
        product = rng.choice(featured_products)
        post(
            buyer,
            _rfq_input(
                rng,
                product,
                dest_de,
                requirements=(
                    "Please send offers for this item, quality as sample. Reply to "
                    "purchasing@rhein-import.example or WhatsApp +49 40 5550 1234 for faster "
                    "answers."
                ),
            ),
            0.2,
        )
        rejected = post(buyer, _rfq_input(rng, rng.choice(others), dest_de), 9)
        services.rfq_reject(
            operator=operator,
            rfq_id=rejected.pk,
            reason="Please describe the product in more detail: size, material, pieces per carton.",
        )
        # 5. Expired with quotes, and 6. open without quotes.
        product = rng.choice(others)
        rfq = approve(post(buyer, _rfq_input(rng, product, dest_de, validity_days=15), 22), 21.5)
        for member in _quoters(rfq, set())[:2]:
            counts["quotes"] += 1 if _quote(rng, rfq, member, now - timedelta(days=20)) else 0
        services.rfqs_expire(now)
        approve(post(buyer, _rfq_input(rng, rng.choice(featured_products), dest_de), 0.5), 0.4)
        # Other buyers: open RFQs with 0..10 quotes, flagged, expired and closed ones.
        for n, member in enumerate(buyers):
            if progress:
                progress(n)
            dest = DESTINATIONS[n % len(DESTINATIONS)]
            source = featured_products if n % 3 == 0 else others
            product = rng.choice(source)
            kind = n % 8
            if kind == 7:  # flagged in the review queue: the same text posted twice
                data = _rfq_input(rng, product, dest)
                post(member, data, 1.5)
                post(member, data, 0.3)
                continue
            age = {0: 2, 1: 5, 2: 9, 3: 1, 4: 12, 5: 20, 6: 3}[kind]
            rfq = approve(post(member, _rfq_input(rng, product, dest), age), age - 0.2)
            wanted = min(MAX_QUOTES, [3, 6, 10, 0, 2, 4, 1][kind] + rng.randint(0, 1))
            exclude = {featured.pk} if wanted > 3 else set()
            for supplier in _quoters(rfq, exclude)[:wanted]:
                when = now - timedelta(days=max(age - 1, 0.1))
                q = _quote(rng, rfq, supplier, when)
                if q is not None:
                    counts["quotes"] += 1
                    if rng.random() < 0.15 and q.can_revise:
                        services.quote_revise(
                            membership=supplier,
                            quote_id=q.pk,
                            data=_quote_input(rng, rfq, when, str(rfq.destination_country.name)),
                            now=when,
                        )
                        counts["revisions"] += 1
            if kind == 4 and rfq.quotes.exists():
                q = rfq.quotes.order_by("unit_price", "pk").first()
                services.quote_accept(membership=member, quote_id=q.pk, now=now - timedelta(days=8))
                counts["order_drafts"] += 1
            elif kind == 2 and rfq.quotes.count() > 1:
                worst = rfq.quotes.order_by("-unit_price", "pk").first()
                services.quote_reject(
                    membership=member, quote_id=worst.pk, reason="Price too high for our market."
                )
        services.rfqs_expire(now)
        # Saved RFQ searches for the featured supplier.
        lighting = featured_products[0].category.path.split("/")[0]
        for params, name, frequency in (
            ({"q": "LED"}, "LED requests", Frequency.DAILY),
            (
                {"category": lighting, "quotes_left_min": "3"},
                "Lighting, still open",
                Frequency.WEEKLY,
            ),
        ):
            try:
                services.rfq_search_save(
                    membership=featured_admin,
                    params=MarketParams.parse(params),
                    name=name,
                    frequency=frequency,
                )
                counts["saved_searches"] += 1
            except BusinessError:
                pass  # already saved by an earlier run
    return counts
