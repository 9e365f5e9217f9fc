"""Demo inquiries: conversations in every state, replies at varied delays, redistribution, spam.

Added to an existing demo market (see ``generator.py``): the featured supplier (Shenzhen
Brightway Lighting) receives inquiries from many buyers over the last 30 days, answered by its
reps within minutes, hours, a day or not at all, so that its response figures mean something;
the demo buyer has its own conversations with several suppliers, two of them redistributed after
going unanswered; one inquiry waits in the operator's spam queue. Everything goes through the
services, so the rules (routing, limits, figures) are the real ones. Deterministic for a given
``rng``.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import datetime, timedelta
from decimal import Decimal

from django.db import transaction

from hansa.catalog.listing_selectors import public_products
from hansa.catalog.models import Product
from hansa.companies.models import Company, Membership
from hansa.companies.roles import Role
from hansa.demo.generator import BUYER_EMAIL, FEATURED_SUPPLIER, SUPPLIER_ADMIN_EMAIL
from hansa.inquiries import services
from hansa.inquiries.models import Inquiry, InquiryStatus, SpamReport

QUESTIONS = (
    "We are looking for {product} for our distribution network in {country}. Please send your "
    "best price for {qty} {unit}, the MOQ, lead time and packaging details.",
    "Could you quote {qty} {unit} of {product}? We need CE and RoHS certificates, delivery "
    "{incoterm}. Please also tell us if samples are available and their cost.",
    "Hello, we are an importer in {country}. Is {product} available with our own logo (OEM)? "
    "Target quantity {qty} {unit} per order, regular orders every quarter.",
    "Please send your catalogue and price list for {product}. We would start with a trial order "
    "of {qty} {unit} and need the goods within 45 days.",
    "Our customer asks for {product}. What is your price for {qty} {unit} {incoterm}, and which "
    "payment terms do you accept (T/T 30/70 or L/C at sight)?",
)
FOLLOW_UPS = (
    "Thank you. Can you do a better price if we order double the quantity?",
    "Could you send a sample by express? We will pay the freight.",
    "What is the earliest shipment date if we confirm this week?",
    "Please confirm the warranty period and whether spare parts are included.",
)
REPLIES = (
    "Thank you for your inquiry. For {qty} {unit} our price is {price} per unit {incoterm}, "
    "lead time 25–30 days after deposit. MOQ is 500 units. Samples are available within 5 days.",
    "Dear buyer, thanks for contacting us. We can offer {price} per unit for this quantity, "
    "payment T/T 30% deposit and 70% before shipment. Certificates CE, RoHS attached on request.",
    "Hello, yes, OEM is possible: logo printing on the product and the carton. Price {price} per "
    "unit for {qty} {unit}; we can ship from Shenzhen or Hong Kong.",
    "Thanks. Our best offer is {price} per unit {incoterm}. We have stock for a trial order and "
    "can ship within 10 days.",
)
SECOND_REPLIES = (
    "Yes, for double the quantity we can reduce the price by 4%.",
    "Samples can leave tomorrow by DHL; I will send the tracking number.",
    "If you confirm by Friday we can ship in 18 days.",
    "Warranty is 3 years; we add 1% spare parts free of charge.",
)
SPAM = (
    "CHEAP SEO SERVICES!!! Rank first on Google in 7 days, guaranteed. Visit our website and "
    "write to our WhatsApp for a free audit. Limited offer!!!"
)
REJECT_REASONS = (
    "Sorry, we only supply 220 V models and do not make 110 V versions.",
    "The quantity is below our minimum order for custom packaging.",
)
UNITS = (("H87", "pieces"), ("SET", "sets"), ("MTR", "metres"))
INCOTERMS = ("FOB", "CIF", "EXW", "DDP")

# (minutes until the first reply or None, final status)
FEATURED_PLAN: tuple[tuple[int | None, str], ...] = (
    (12, "replied"),
    (25, "replied"),
    (40, "replied"),
    (55, "replied"),
    (80, "replied"),
    (150, "replied"),
    (200, "replied"),
    (320, "replied"),
    (420, "replied"),
    (600, "replied"),
    (900, "replied"),
    (1300, "replied"),
    (30, "closed"),
    (45, "replied"),
    (95, "replied"),
    (1800, "replied"),
    (2100, "replied"),
    (None, "open"),
    (None, "open"),
    (35, "replied"),
    (70, "replied"),
    (None, "rejected"),
    (None, "spam"),
    (500, "replied"),
    (18, "replied"),
)


def _title(product: Product) -> str:
    return str((product.published or {}).get("title") or product.title)


def _draft(rng: random.Random, product: Product | None, buyer: Company, **over: object):
    unit_code, unit_word = rng.choice(UNITS)
    qty = rng.choice((200, 500, 1000, 2000, 5000, 10000))
    incoterm = rng.choice(INCOTERMS)
    name = _title(product).lower() if product else "your products"
    body = rng.choice(QUESTIONS).format(
        product=name, country=buyer.country.name, qty=qty, unit=unit_word, incoterm=incoterm
    )
    values: dict[str, object] = {
        "subject": f"Inquiry: {_title(product)}"[:200] if product else "Inquiry about your range",
        "body": body,
        "quantity": qty,
        "unit": unit_code,
        "target_price": Decimal(rng.randint(80, 4500)) / 100 if rng.random() < 0.6 else None,
        "target_currency": "USD",
        "destination_country": str(buyer.country or ""),
        "incoterm": incoterm,
        "allow_redistribution": rng.random() < 0.8,
    }
    values.update(over)
    return services.clean_draft(**values)  # type: ignore[arg-type]


def _reply_text(rng: random.Random, inquiry: Inquiry) -> str:
    price = Decimal(rng.randint(60, 4000)) / 100
    return rng.choice(REPLIES).format(
        qty=int(inquiry.quantity or 500),
        unit=inquiry.get_unit_display().lower() or "pieces",
        price=f"USD {price}",
        incoterm=inquiry.incoterm or "FOB",
    )


def _author(inquiry: Inquiry) -> Membership:
    if inquiry.assignee_id:
        return inquiry.assignee  # type: ignore[return-value]
    return Membership.objects.get(company_id=inquiry.supplier_company_id, role=Role.OWNER)


def populate(
    *, rng: random.Random, now: datetime, progress: Callable[[int], object] | None = None
) -> dict[str, int]:
    """Adds demo inquiries; returns counts by kind."""
    counts = {"inquiries": 0, "messages": 0, "redistributed": 0, "spam_reports": 0}
    featured_admin = Membership.objects.select_related("company").get(
        user__email=SUPPLIER_ADMIN_EMAIL
    )
    featured = featured_admin.company
    assert featured.name == FEATURED_SUPPLIER
    demo_buyer = Membership.objects.select_related("company", "user").get(user__email=BUYER_EMAIL)
    products = list(
        public_products().filter(company=featured).select_related("company").order_by("pk")[:60]
    )
    buyers = list(
        Membership.objects.filter(
            company__is_demo=True,
            company__kind="buyer",
            company__is_active=True,
            is_active=True,
            role=Role.OWNER,
        )
        .exclude(pk=demo_buyer.pk)
        .select_related("company", "user")
        .order_by("company__slug")
    )
    rng.shuffle(buyers)
    with transaction.atomic():
        # 1. The featured supplier's inbox, over the last 30 days.
        for n, (delay, status) in enumerate(FEATURED_PLAN):
            if not buyers or not products:
                break
            buyer = buyers[n % len(buyers)]
            product = rng.choice(products)
            sent_at = now - timedelta(days=rng.uniform(1.5, 28), minutes=rng.randint(0, 600))
            if status == "open":
                sent_at = now - timedelta(hours=rng.uniform(2, 20))
            over = {"body": SPAM, "subject": "Business proposal"} if status == "spam" else {}
            if status == "open":
                over["allow_redistribution"] = False
            inquiry = services.inquiry_send(
                membership=buyer,
                targets=[(featured, [product])],
                draft=_draft(rng, product, buyer.company, **over),
                now=sent_at,
            )[0]
            counts["inquiries"] += 1
            counts["messages"] += 1
            if n % 7 == 3:  # the owner passes some on to a colleague
                colleagues = list(
                    Membership.objects.filter(
                        company=featured, is_active=True, role=Role.SALES_REP
                    ).order_by("pk")
                )
                if colleagues:
                    services.inquiry_reassign(
                        membership=featured_admin,
                        inquiry_id=inquiry.pk,
                        assignee_id=rng.choice(colleagues).pk,
                    )
                    inquiry.refresh_from_db()
            if status == "spam":
                services.inquiry_report_spam(
                    membership=featured_admin,
                    inquiry_id=inquiry.pk,
                    reason="Advertising, not a buyer.",
                    now=sent_at + timedelta(hours=1),
                )
                counts["spam_reports"] += 1
                continue
            if status == "rejected":
                services.inquiry_reject(
                    membership=featured_admin,
                    inquiry_id=inquiry.pk,
                    reason=rng.choice(REJECT_REASONS),
                    now=sent_at + timedelta(hours=3),
                )
                continue
            if delay is None:
                continue
            replied_at = sent_at + timedelta(minutes=delay)
            if replied_at >= now:
                continue
            services.inquiry_reply(
                membership=_author(inquiry),
                inquiry_id=inquiry.pk,
                body=_reply_text(rng, inquiry),
                now=replied_at,
            )
            counts["messages"] += 1
            if rng.random() < 0.5:
                follow = replied_at + timedelta(hours=rng.uniform(3, 30))
                if follow < now:
                    services.inquiry_reply(
                        membership=buyer,
                        inquiry_id=inquiry.pk,
                        body=rng.choice(FOLLOW_UPS),
                        now=follow,
                    )
                    answer = follow + timedelta(minutes=rng.randint(15, 600))
                    counts["messages"] += 1
                    if answer < now:
                        services.inquiry_reply(
                            membership=_author(inquiry),
                            inquiry_id=inquiry.pk,
                            body=rng.choice(SECOND_REPLIES),
                            now=answer,
                        )
                        counts["messages"] += 1
            if status == "closed":
                services.inquiry_close(membership=buyer, inquiry_id=inquiry.pk)
            if progress:
                progress(1)

        # 2. The demo buyer's own conversations, with the featured supplier and others.
        others = list(
            public_products()
            .filter(company__is_demo=True)
            .exclude(company=featured)
            .exclude(company=demo_buyer.company)
            .select_related("company")
            .order_by("pk")[:400]
        )
        rng.shuffle(others)
        # Redistribution needs other suppliers in the same category: prefer such products for
        # the two conversations that go unanswered.
        suppliers_in: dict[int, set[int]] = {}
        for product in others:
            suppliers_in.setdefault(product.category_id, set()).add(product.company_id)
        shared = [p for p in others if len(suppliers_in[p.category_id]) >= 2]
        seen: set[int] = set()
        unanswered: list[Product] = []
        for product in shared:
            if product.company_id not in seen and len(unanswered) < 2:
                seen.add(product.company_id)
                unanswered.append(product)
        picks: list[Product] = [*products[:2], *unanswered]
        for product in others:
            if product.company_id not in seen and len(picks) < 8:
                seen.add(product.company_id)
                picks.append(product)
        rng.shuffle(picks)
        to_redistribute = {p.pk for p in unanswered}
        waiting = next((p.pk for p in picks if p.pk not in to_redistribute), None)
        for n, product in enumerate(picks):
            sent_at = now - timedelta(days=rng.uniform(2, 12), hours=n)
            redistribute = product.pk in to_redistribute
            inquiry = services.inquiry_send(
                membership=demo_buyer,
                targets=[(product.company, [product])],
                draft=_draft(
                    rng, product, demo_buyer.company, allow_redistribution=redistribute or n == 0
                ),
                now=sent_at,
            )[0]
            counts["inquiries"] += 1
            counts["messages"] += 1
            if redistribute:
                made = services.inquiry_redistribute(
                    inquiry_id=inquiry.pk, now=sent_at + timedelta(hours=24, minutes=5)
                )
                counts["redistributed"] += 1
                counts["inquiries"] += len(made)
                counts["messages"] += len(made)
                if made:  # one of the new suppliers answers
                    services.inquiry_reply(
                        membership=_author(made[0]),
                        inquiry_id=made[0].pk,
                        body=_reply_text(rng, made[0]),
                        now=sent_at + timedelta(hours=26),
                    )
                    counts["messages"] += 1
                continue
            if product.pk == waiting:
                continue  # still waiting
            services.inquiry_reply(
                membership=_author(inquiry),
                inquiry_id=inquiry.pk,
                body=_reply_text(rng, inquiry),
                now=sent_at + timedelta(minutes=rng.choice((20, 90, 240, 700, 1600))),
            )
            counts["messages"] += 1
        # The window rolls: store every touched supplier's figures as of now.
        for company_id in sorted(
            set(Inquiry.objects.values_list("supplier_company_id", flat=True))
        ):
            services.stats_refresh(company_id=company_id, now=now)
    counts["spam_reports"] = SpamReport.objects.filter(status="pending").count()
    counts["unreplied"] = Inquiry.objects.filter(
        status=InquiryStatus.OPEN, first_reply_at__isnull=True
    ).count()
    return counts
