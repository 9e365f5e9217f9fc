"""Demo chats for the trade messenger: negotiations between buyers' staff and suppliers' reps.

Added to an existing demo market (see ``generator.py``) through the messenger's services, so
the rules (who answers, plain text, file checks, read markers, notifications) are the real ones;
only the dates are set to the past. The demo buyer (Jonas Becker) talks with the featured
supplier's sales rep (Amy Zhou) about a product, with a PDF price list and two messages he has
not read yet, and briefly with its owner; his colleague has a chat of her own that the owner
can read along; other buyers chat with other suppliers' reps, some waiting for an answer.
Deterministic for a given ``rng``.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import datetime, timedelta

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction

from hansa.catalog.listing_selectors import public_products
from hansa.companies.models import Membership
from hansa.companies.roles import Role
from hansa.core.errors import BusinessError
from hansa.demo.generator import BUYER_EMAIL, SALES_REP_EMAIL, SUPPLIER_ADMIN_EMAIL
from hansa.demo.pdf import simple_pdf
from hansa.messenger import services
from hansa.messenger.models import Conversation, Message

# (side, text): "b" the buyer, "s" the supplier's rep. {product}, {qty}, {port}, {price} filled in.
SCRIPTS: list[list[tuple[str, str]]] = [
    [
        ("b", "Hello, I saw your {product}. Do you ship to {port}?"),
        ("s", "Hello! Yes, we ship to {port} every week, by sea or by rail."),
        ("b", "What is your best price for {qty} pieces, CIF {port}?"),
        ("s", "For {qty} pieces it is USD {price} per piece CIF {port}, 30% T/T deposit."),
        ("b", "Can you do a sample first? And what is the lead time?"),
        ("s", "Sample in 5 days, courier cost refunded with the first order. Lead time 25 days."),
    ],
    [
        ("b", "Hi, is the {product} available with our logo?"),
        ("s", "Yes, OEM logo printing is free above {qty} pieces."),
        ("b", "Good. Please send your catalogue and certificates (CE, RoHS)."),
        ("s", "Sure, I will send them by e-mail today."),
    ],
    [
        ("b", "Good morning. We need {qty} units of {product} before the end of next month."),
        ("s", "Good morning! That is possible if the order is confirmed this week."),
        ("b", "Which payment terms do you accept? We prefer L/C at sight."),
        ("s", "L/C at sight is fine for orders above USD 20,000."),
        ("b", "Thank you, I will discuss it with my manager and come back to you."),
    ],
    [
        ("b", "Dear supplier, what is the MOQ for {product}?"),
        ("s", "Dear customer, MOQ is {qty} pieces, mixed models allowed."),
        ("b", "Could you quote FOB as well?"),
    ],
    [
        ("b", "Hello, are you a factory or a trading company?"),
        ("s", "We are a factory with our own production lines; you are welcome to visit us."),
        ("b", "Great, we plan a trip to China in spring. Price for {qty} pcs of {product}?"),
        ("s", "USD {price} per piece FOB, packed in export cartons."),
        ("b", "OK, noted. Is there a discount for a 40' container?"),
    ],
]
PORTS = ["Hamburg", "Rotterdam", "Felixstowe", "Los Angeles", "Jebel Ali", "Santos", "Melbourne"]
QUANTITIES = [500, 1000, 2000, 3000, 5000, 10000]


def _fill(text: str, values: dict[str, str]) -> str:
    return text.format(**values)


def _chat(
    *,
    buyer: Membership,
    rep: Membership,
    product_id: int | None,
    script: list[tuple[str, str]],
    values: dict[str, str],
    start: datetime,
    rng: random.Random,
    read_by_buyer: bool,
    read_by_rep: bool,
    file_at: int | None = None,
) -> tuple[Conversation, int, int]:
    conversation, _created = services.conversation_start(
        membership=buyer, supplier=rep.company, product_id=product_id, rep_id=rep.user_id, now=start
    )
    Conversation.objects.filter(pk=conversation.pk).update(created_at=start)
    when = start
    files = 0
    for i, (side, text) in enumerate(script):
        when += timedelta(minutes=rng.randint(2, 240))
        author = buyer if side == "b" else rep
        uploads = []
        if file_at == i:
            pdf = simple_pdf(
                f"Price list - {values['supplier']}",
                [
                    f"{values['product']}",
                    f"{values['qty']} pcs: USD {values['price']} / pc, CIF {values['port']}",
                    "Payment: 30% T/T deposit, 70% against B/L copy",
                    "Lead time: 25 days after deposit",
                ],
                created=when,
            )
            uploads.append(SimpleUploadedFile("price-list.pdf", pdf, "application/pdf"))
            files += 1
        services.message_send(
            membership=author,
            conversation=conversation,
            body=_fill(text, values),
            client_id=f"demo-{conversation.pk}-{i}",
            files=uploads,
            now=when,
        )
    conversation.refresh_from_db()
    for member, wanted in ((buyer, read_by_buyer), (rep, read_by_rep)):
        if wanted:
            services.conversation_mark_read(membership=member, conversation=conversation)
    return conversation, len(script), files


@transaction.atomic
def populate(
    *, rng: random.Random, now: datetime, progress: Callable[[int], object] | None = None
) -> dict[str, int]:
    """Adds demo chats; returns counts (conversations, messages, files, unread)."""
    counts = {"conversations": 0, "messages": 0, "files": 0}
    members = Membership.objects.select_related("company", "user")
    buyer = members.get(user__email=BUYER_EMAIL)
    rep = members.get(user__email=SALES_REP_EMAIL)
    owner = members.get(user__email=SUPPLIER_ADMIN_EMAIL)
    featured = owner.company
    featured_products = list(
        public_products().filter(company=featured).order_by("pk").values_list("pk", "title")[:40]
    )

    def values(product: tuple[int, str] | None, supplier_name: str) -> dict[str, str]:
        qty = rng.choice(QUANTITIES)
        return {
            "product": product[1] if product else "your products",
            "qty": f"{qty:,}",
            "port": rng.choice(PORTS),
            "price": f"{rng.uniform(0.8, 25):.2f}",
            "supplier": supplier_name,
        }

    def add(result: tuple[Conversation, int, int]) -> None:
        counts["conversations"] += 1
        counts["messages"] += result[1]
        counts["files"] += result[2]
        if progress:
            progress(1)

    # The demo buyer and the featured supplier's rep: a negotiation with a price list, the last
    # two answers unread; then a short, read chat with the owner.
    product = featured_products[0] if featured_products else None
    add(
        _chat(
            buyer=buyer,
            rep=rep,
            product_id=product[0] if product else None,
            script=[*SCRIPTS[0], ("s", "Here is our price list for your market.")],
            values=values(product, featured.name),
            start=now - timedelta(days=2, hours=5),
            rng=rng,
            read_by_buyer=False,
            read_by_rep=True,
            file_at=len(SCRIPTS[0]),
        )
    )
    Conversation.objects.filter(buyer=buyer.user, rep=rep.user).update(
        buyer_read_id=Message.objects.filter(
            conversation__buyer=buyer.user, conversation__rep=rep.user
        )
        .order_by("-id")
        .values_list("id", flat=True)[2]
    )
    add(
        _chat(
            buyer=buyer,
            rep=owner,
            product_id=None,
            script=SCRIPTS[1],
            values=values(None, featured.name),
            start=now - timedelta(days=9),
            rng=rng,
            read_by_buyer=True,
            read_by_rep=True,
        )
    )
    colleague = (
        members.filter(company=buyer.company, role=Role.BUYER_STAFF, is_active=True)
        .order_by("pk")
        .first()
    )
    if colleague is not None and len(featured_products) > 1:
        add(
            _chat(
                buyer=colleague,
                rep=rep,
                product_id=featured_products[1][0],
                script=SCRIPTS[2],
                values=values(featured_products[1], featured.name),
                start=now - timedelta(days=4),
                rng=rng,
                read_by_buyer=True,
                read_by_rep=True,
            )
        )

    # Other buyers with the featured rep (some waiting for her) and with other suppliers.
    buyers = list(
        members.filter(
            company__is_demo=True, company__kind="buyer", company__is_active=True, is_active=True
        )
        .exclude(company=buyer.company)
        .order_by("pk")
    )
    reps = list(
        members.filter(
            company__is_demo=True,
            company__kind="supplier",
            company__is_active=True,
            is_active=True,
            role__in=(Role.SALES_REP, Role.OWNER),
        )
        .exclude(company=featured)
        .order_by("pk")
    )
    picked = rng.sample(buyers, min(len(buyers), 14))
    for i, member in enumerate(picked):
        to_featured = i < 4
        target = rep if to_featured else rng.choice(reps) if reps else None
        if target is None:
            continue
        products = list(
            public_products()
            .filter(company=target.company)
            .order_by("pk")
            .values_list("pk", "title")[:20]
        )
        product = rng.choice(products) if products else None
        script = rng.choice(SCRIPTS)
        cut = rng.randint(1, len(script))
        try:
            add(
                _chat(
                    buyer=member,
                    rep=target,
                    product_id=product[0] if product else None,
                    script=script[:cut],
                    values=values(product, target.company.name),
                    start=now - timedelta(days=rng.randint(0, 20), hours=rng.randint(1, 20)),
                    rng=rng,
                    read_by_buyer=True,
                    read_by_rep=not to_featured and rng.random() < 0.6,
                )
            )
        except BusinessError:
            continue  # e.g. a supplier without anybody to answer
    counts["unread_for_demo_buyer"] = _unread(buyer)
    counts["unread_for_demo_rep"] = _unread(rep)
    return counts


def _unread(member: Membership) -> int:
    from hansa.messenger.selectors import unread_total

    return unread_total(member.user)
