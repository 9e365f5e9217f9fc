"""The operator's listing review: the queue (with bulk decisions) and one listing's review page.

Reviewers see the working copy beside the version buyers see now, the automatic flags next to
the fields they concern, the quality report and the problems the detectors find, and decide
with ``listing_approve`` / ``listing_reject``. Only staff with ``catalog.review_listing``.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.contrib import messages
from django.core.files.storage import default_storage
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from django_countries import countries

from hansa.catalog import detectors, listing_selectors, quality
from hansa.catalog import listing_services as ls
from hansa.catalog.models import AttributeType, Category, Product, ProductImage
from hansa.catalog.models.listings import REVIEW_STATUSES, ListingStatus, SupplyPeriod
from hansa.catalog.snapshot import build_snapshot
from hansa.core.errors import BusinessError
from hansa.core.http import operator_required
from hansa.trade.models import Port
from hansa.trade.payments import PAYMENT_METHODS
from hansa.trade.units import UNITS as TRADE_UNITS

REVIEW = ls.REVIEW_PERMISSION
PAGE_SIZE = 50
BULK_MAX = 100

# What a reviewer can give a reason for; the supplier's editor shows each beside its section.
REJECT_FIELDS: list[tuple[str, Any]] = [
    ("title", gettext_lazy("Title")),
    ("keywords", gettext_lazy("Keywords")),
    ("category", gettext_lazy("Category")),
    ("attributes", gettext_lazy("Attributes")),
    ("images", gettext_lazy("Photos")),
    ("description", gettext_lazy("Description")),
    ("trade", gettext_lazy("Trade information")),
    ("translations", gettext_lazy("Other languages")),
]
REJECT_KEYS = {key for key, _label in REJECT_FIELDS}
PROBLEM_BADGES = {
    "duplicate_of": gettext_lazy("Duplicate"),
    "suggested_category": gettext_lazy("Wrong category?"),
    "keyword_stuffing": gettext_lazy("Keyword stuffing"),
}


def reason_labels(reasons: dict[str, str]) -> list[tuple[str, str]]:
    """A reviewer's reasons in form order, each with its section's name in the reader's language."""
    labels = {key: str(label) for key, label in REJECT_FIELDS}
    order = [key for key, _label in REJECT_FIELDS]
    keys = sorted(reasons, key=lambda k: (order.index(k) if k in order else len(order), k))
    return [(labels.get(k, k), reasons[k]) for k in keys]


def _group(field: str) -> str:
    """The reject section a flagged field belongs to (price_min → trade)."""
    head = field.split(".", 1)[0]
    return head if head in REJECT_KEYS else "trade"


def _badges(problems: dict[str, Any]) -> list[str]:
    return [str(label) for key, label in PROBLEM_BADGES.items() if problems.get(key)]


# --- Queue --------------------------------------------------------------------------------------


@operator_required(REVIEW)
def review_queue(request: HttpRequest) -> HttpResponse:
    listings = listing_selectors.review_queue().prefetch_related(
        "translations", "tiers", "category__attributes"
    )
    page = Paginator(listings, PAGE_SIZE).get_page(request.GET.get("page"))
    model = detectors.classifier()
    rows = []
    for product in page:
        # Judged live: problems are stored only at approval, and the queue is what is new.
        problems = detectors.find_problems(product, model=model)
        score = quality.score_listing(product, problems=problems).score
        rows.append(
            {
                "product": product,
                "score": score,
                "band": quality.band(score),
                "flags": len(product.auto_flags or []),
                "badges": _badges(problems),
                "is_edit": product.status == ListingStatus.EDITED,
            }
        )
    return render(
        request,
        "catalog/review/queue.html",
        {"rows": rows, "page": page, "reject_fields": REJECT_FIELDS},
    )


@operator_required(REVIEW)
@require_POST
def review_bulk(request: HttpRequest) -> HttpResponse:
    """Approves or rejects the ticked listings one by one; each decision is its own transaction,
    so one listing that cannot be decided does not hold back the others."""
    back = reverse("catalog:listing_review_queue")
    if request.POST.get("page", "").isdigit():
        back += f"?page={request.POST['page']}"
    ids = list(dict.fromkeys(int(x) for x in request.POST.getlist("listing") if x.isdigit()))
    action = request.POST.get("action")
    if not ids:
        messages.error(request, _("Tick at least one listing."))
        return redirect(back)
    if len(ids) > BULK_MAX:
        messages.error(request, _("Decide on at most %(n)d listings at once.") % {"n": BULK_MAX})
        return redirect(back)
    field = request.POST.get("reject_field", "")
    reason = request.POST.get("reason", "").strip()
    if action == "reject" and (field not in REJECT_KEYS or not reason):
        messages.error(
            request,
            _("To reject, choose the field at fault and write the reason the supplier will read."),
        )
        return redirect(back)
    if action not in ("approve", "reject"):
        messages.error(request, _("Choose approve or reject."))
        return redirect(back)
    done: list[int] = []
    failed: list[str] = []
    products = Product.objects.in_bulk(ids)
    for pk in ids:
        product = products.get(pk)
        if product is None:
            failed.append(_("#%(id)d: no such listing") % {"id": pk})
            continue
        try:
            if action == "approve":
                ls.listing_approve(product=product, by=request.user)
            else:
                ls.listing_reject(product=product, by=request.user, reasons={field: reason})
        except BusinessError as exc:
            failed.append(
                _("#%(id)d “%(title)s”: %(why)s")
                % {"id": pk, "title": product.title, "why": exc.message}
            )
        else:
            done.append(pk)
    if done:
        text = (
            _("%(n)d approved and published.")
            if action == "approve"
            else _("%(n)d rejected; their suppliers see your reason.")
        )
        messages.success(request, text % {"n": len(done)})
    if failed:
        messages.error(
            request,
            _("%(m)d failed: %(why)s") % {"m": len(failed), "why": "; ".join(failed)},
        )
    return redirect(back)


# --- One listing ------------------------------------------------------------------------------


def _load(pk: int) -> Product:
    product = (
        Product.objects.select_related("company", "category", "port_of_loading", "owner")
        .prefetch_related("images", "translations", "tiers", "category__attributes")
        .filter(pk=pk)
        .first()
    )
    if product is None:
        raise Http404()
    return product


def _next_waiting(product: Product) -> str:
    nxt = listing_selectors.review_queue().exclude(pk=product.pk).first()
    if nxt is None:
        return reverse("catalog:listing_review_queue")
    return reverse("catalog:listing_review", args=[nxt.pk])


@operator_required(REVIEW)
def review_listing(request: HttpRequest, pk: int) -> HttpResponse:
    product = _load(pk)
    waiting = product.status in REVIEW_STATUSES
    posted: dict[str, str] = {}
    error = ""
    if request.method == "POST":
        decision = request.POST.get("decision")
        posted = {key: request.POST.get(f"reason_{key}", "") for key in REJECT_KEYS}
        try:
            if decision == "approve":
                ls.listing_approve(product=product, by=request.user)
                messages.success(
                    request, _("“%(title)s” is approved and published.") % {"title": product.title}
                )
                return redirect(_next_waiting(product))
            if decision == "reject":
                ls.listing_reject(product=product, by=request.user, reasons=posted)
                messages.success(
                    request,
                    _("“%(title)s” is rejected; the supplier sees your reasons.")
                    % {"title": product.title},
                )
                return redirect(_next_waiting(product))
            error = _("Choose approve or reject.")
        except BusinessError as exc:
            error = exc.message
    problems = detectors.find_problems(product)
    report = quality.score_listing(product, problems=problems)
    current = build_snapshot(product)
    published = product.published
    rows, loose_flags = compare(product, current, published)
    flags_by_group: dict[str, list[str]] = {}
    for flag in product.auto_flags or []:
        flags_by_group.setdefault(_group(flag.get("field", "")), []).append(flag.get("message", ""))
    reject_fields = [
        {
            "key": key,
            "label": label,
            "value": posted.get(key, ""),
            "flags": flags_by_group.get(key, []),
        }
        for key, label in REJECT_FIELDS
    ]
    duplicate = None
    if problems.get("duplicate_of"):
        duplicate = Product.objects.filter(pk=problems["duplicate_of"]).first()
    return render(
        request,
        "catalog/review/listing.html",
        {
            "product": product,
            "c": product.company,
            "waiting": waiting,
            "is_edit": published is not None,
            "rows": rows,
            "loose_flags": loose_flags,
            "report": quality.report_items(report.as_json()),
            "score": report.score,
            "band": quality.band(report.score),
            "problems": problems,
            "duplicate": duplicate,
            "suggested": _suggested(problems),
            "reject_fields": reject_fields,
            "error": error,
            "events": [
                {"event": e, "reasons": reason_labels(e.reasons or {})}
                for e in product.events.select_related("by")[:50]
            ],
            "flag_count": len(product.auto_flags or []),
        },
    )


def _suggested(problems: dict[str, Any]) -> dict[str, Any] | None:
    found = problems.get("suggested_category")
    if not found:
        return None
    category = Category.objects.filter(code=found["code"]).first()
    return {
        **found,
        "name": category.name if category else found["name"],
        "percent": min(99, round(100 * found["probability"])),
    }


# --- Side by side -----------------------------------------------------------------------------

# Plural unit names ("pieces", "metres"), translated when formatted.
UNITS = {code: unit.name_plural for code, unit in TRADE_UNITS.items()}
PERIODS = dict(SupplyPeriod.choices)


def _dec(value: Any) -> str:
    if value in (None, ""):
        return ""
    number = Decimal(str(value)).normalize()
    return f"{number:f}"


def _yes(value: Any) -> str:
    return _("Yes") if value else _("No")


def _attribute_text(definition: Any, value: Any) -> str:
    if value in (None, "", []):
        return ""
    if definition is None:
        return ", ".join(map(str, value)) if isinstance(value, list) else str(value)
    if definition.type == AttributeType.BOOL:
        return _yes(value)
    if definition.type == AttributeType.MULTICHOICE:
        return ", ".join(definition.choice_label(v) for v in value)
    if definition.type == AttributeType.CHOICE:
        return definition.choice_label(value)
    if definition.type == AttributeType.NUMBER and definition.unit:
        return f"{value} {definition.unit}"
    return str(value)


def _price(s: dict[str, Any]) -> str:
    if s.get("price_kind") == "negotiable":
        return _("Negotiable")
    currency = s.get("currency", "")
    if s.get("price_kind") == "tiers" and s.get("tiers"):
        return "; ".join(
            f"≥ {_dec(t['min_quantity'])}: {currency} {_dec(t['unit_price'])}" for t in s["tiers"]
        )
    low, high = _dec(s.get("price_min")), _dec(s.get("price_max"))
    if not low:
        return ""
    return f"{currency} {low}" + (f" – {high}" if high and high != low else "")


def _lead_times(rows: list[dict[str, Any]]) -> str:
    return "; ".join(
        _("up to %(q)s: %(d)s days") % {"q": r["up_to"], "d": r["days"]} for r in rows or []
    )


def _port(locode: str | None, ports: dict[str, Port]) -> str:
    if not locode:
        return ""
    port = ports.get(locode)
    return str(port) if port else locode


def _translation_text(version: dict[str, Any] | None) -> str:
    if not version:
        return ""
    keywords = ", ".join(version.get("keywords") or [])
    return version.get("title", "") + (f" · {keywords}" if keywords else "")


def _description(html: str) -> SafeString:
    # Sanitised when saved; cleaned again here so that the review page never trusts storage.
    from django.utils.safestring import mark_safe

    return mark_safe(ls.sanitize_html(html or ""))  # noqa: S308


def compare(
    product: Product, current: dict[str, Any], published: dict[str, Any] | None
) -> tuple[list[dict[str, Any]], list[dict[str, str]]]:
    """Rows of (label, waiting, published, changed, flags), one per field a reviewer checks."""
    old = published or {}
    definitions = {d.code: d for d in product.category.attributes.all()}
    codes = {current.get("category"), old.get("category")} - {None}
    categories = {c.code: c for c in Category.objects.filter(code__in=codes)}
    locodes = {current.get("port_of_loading"), old.get("port_of_loading")} - {None}
    ports = {p.locode: p for p in Port.objects.filter(locode__in=locodes)}
    rows: list[dict[str, Any]] = []

    def add(
        key: str,
        label: Any,
        new: Any,
        was: Any,
        *,
        raw: tuple[Any, Any] | None = None,
        kind: str = "text",
    ) -> None:
        new_raw, old_raw = raw if raw is not None else (new, was)
        rows.append(
            {
                "key": key,
                "label": label,
                "new": new,
                "old": was,
                "kind": kind,
                "changed": published is not None and new_raw != old_raw,
                "flags": [],
            }
        )

    def both(fn: Any, *keys: str) -> tuple[Any, Any]:
        return fn(current, *keys), (fn(old, *keys) if published is not None else "")

    def plain(s: dict[str, Any], key: str) -> str:
        value = s.get(key)
        if isinstance(value, list):
            return ", ".join(map(str, value))
        return "" if value is None else str(value)

    def raw_of(*keys: str) -> tuple[Any, Any]:
        return tuple(current.get(k) for k in keys), tuple(old.get(k) for k in keys)

    add("title", _("Title"), *both(plain, "title"))
    add("keywords", _("Keywords"), *both(plain, "keywords"))

    def category_name(s: dict[str, Any], key: str) -> str:
        node = categories.get(s.get(key, ""))
        return f"{node.name} ({node.code})" if node else (s.get(key) or "")

    add("category", _("Category"), *both(category_name, "category"))
    for code in list(definitions) + sorted(
        (set(current.get("attributes", {})) | set(old.get("attributes", {}))) - set(definitions)
    ):
        definition = definitions.get(code)
        label = definition.name if definition else code
        if definition is not None and definition.required:
            label = f"{label} *"
        new_value = current.get("attributes", {}).get(code)
        old_value = old.get("attributes", {}).get(code)
        add(
            f"attributes.{code}",
            label,
            _attribute_text(definition, new_value),
            _attribute_text(definition, old_value) if published is not None else "",
            raw=(new_value, old_value),
        )

    def custom(s: dict[str, Any], key: str) -> str:
        return "; ".join(f"{r['name']}: {r['value']}" for r in s.get(key) or [])

    add("custom_attributes", _("Other attributes"), *both(custom, "custom_attributes"))
    add(
        "description",
        _("Description"),
        _description(current.get("description", "")),
        _description(old.get("description", "")) if published is not None else "",
        raw=raw_of("description"),
        kind="html",
    )
    add(
        "images",
        _("Photos"),
        _current_images(product),
        _published_images(product) if published is not None else [],
        raw=(
            [i["image"] for i in current.get("images", [])],
            [i["image"] for i in old.get("images", [])],
        ),
        kind="images",
    )
    add(
        "price",
        _("Price"),
        _price(current),
        _price(old) if published is not None else "",
        raw=raw_of("price_kind", "currency", "price_min", "price_max", "tiers"),
    )

    def moq(s: dict[str, Any], key: str) -> str:
        return f"{_dec(s.get(key))} {UNITS.get(s.get('unit', ''), '')}".strip()

    add("moq", _("Minimum order"), *both(moq, "moq"), raw=raw_of("moq", "unit"))

    def supply(s: dict[str, Any], key: str) -> str:
        if not s.get(key):
            return ""
        unit = UNITS.get(s.get("unit", ""), "")
        return f"{_dec(s[key])} {unit} {PERIODS.get(s.get('supply_period', ''), '')}".strip()

    add(
        "supply_quantity",
        _("Supply ability"),
        *both(supply, "supply_quantity"),
        raw=raw_of("supply_quantity", "supply_period", "unit"),
    )
    add(
        "lead_times",
        _("Lead time"),
        _lead_times(current.get("lead_times")),
        _lead_times(old.get("lead_times")) if published is not None else "",
        raw=raw_of("lead_times"),
    )
    add(
        "port_of_loading",
        _("Port of loading"),
        _port(current.get("port_of_loading"), ports),
        _port(old.get("port_of_loading"), ports) if published is not None else "",
        raw=raw_of("port_of_loading"),
    )
    add("incoterms", _("Incoterms"), *both(plain, "incoterms"))

    def payments(s: dict[str, Any], key: str) -> str:
        return ", ".join(
            PAYMENT_METHODS[c].short_name if c in PAYMENT_METHODS else c for c in s.get(key) or []
        )

    add("payment_methods", _("Payment methods"), *both(payments, "payment_methods"))
    add("packaging", _("Packaging"), *both(plain, "packaging"))
    add("hs_code", _("HS code"), *both(plain, "hs_code"))

    def origin(s: dict[str, Any], key: str) -> str:
        return str(countries.name(s[key])) if s.get(key) else ""

    add("origin_country", _("Place of origin"), *both(origin, "origin_country"))
    add("certifications", _("Product certificates"), *both(plain, "certifications"))

    def samples(s: dict[str, Any], key: str) -> str:
        if not s.get(key):
            return _("No")
        price = _dec(s.get("sample_price"))
        return _("Yes") + (f", {s.get('currency', '')} {price}" if price else "")

    add(
        "samples",
        _("Samples"),
        *both(samples, "sample_available"),
        raw=raw_of("sample_available", "sample_price"),
    )

    def oem(s: dict[str, Any], key: str) -> str:
        return f"OEM: {_yes(s.get('oem'))} · ODM: {_yes(s.get('odm'))}"

    add("oem", _("OEM / ODM"), *both(oem, "oem"), raw=raw_of("oem", "odm"))

    def shipping(s: dict[str, Any], key: str) -> str:
        parts = []
        if s.get("ready_to_ship"):
            parts.append(_("Ready to ship, stock %(n)s") % {"n": _dec(s.get("stock")) or "–"})
        if s.get("weight_kg"):
            parts.append(f"{_dec(s['weight_kg'])} kg")
        dims = [_dec(d) for d in s.get("dimensions_cm") or []]
        if any(dims):
            parts.append(" × ".join(d or "?" for d in dims) + " cm")
        return " · ".join(parts)

    add(
        "shipping",
        _("Ready to ship, weight, size"),
        *both(shipping, "ready_to_ship"),
        raw=raw_of("ready_to_ship", "stock", "weight_kg", "dimensions_cm"),
    )
    languages = sorted(set(current.get("translations", {})) | set(old.get("translations", {})))
    for language in languages:
        new_version = current.get("translations", {}).get(language)
        old_version = old.get("translations", {}).get(language)
        add(
            f"translations.{language}",
            _("Version %(lang)s") % {"lang": language},
            _translation_text(new_version),
            _translation_text(old_version) if published is not None else "",
            raw=(new_version, old_version),
        )
    # Automatic flags go beside the field they concern; the rest are listed apart.
    by_key = {row["key"]: row for row in rows}
    trade_keys = {"price_min": "price", "price_max": "price", "tiers": "price", "unit": "moq"}
    loose: list[dict[str, str]] = []
    for flag in product.auto_flags or []:
        field = flag.get("field", "")
        row = by_key.get(trade_keys.get(field, field)) or by_key.get(field.split(".", 1)[0])
        if row is not None:
            row["flags"].append(flag.get("message", ""))
        else:
            loose.append(flag)
    # Fields empty on both sides would make a long column of dashes: one line names them.
    kept = [r for r in rows if r["new"] or r["old"] or r["flags"] or r["changed"]]
    blank = [str(r["label"]) for r in rows if r not in kept]
    if blank:
        kept.append(
            {
                "key": "not_given",
                "label": _("Not given"),
                "new": ", ".join(blank),
                "old": "",
                "kind": "note",
                "changed": False,
                "flags": [],
            }
        )
    return kept, loose


def _current_images(product: Product) -> list[dict[str, Any]]:
    return [
        {
            "thumb": reverse("catalog:listing_review_image", args=[i.pk]),
            "full": reverse("catalog:listing_review_image", args=[i.pk]) + "?full=1",
            "width": i.width,
            "height": i.height,
            "main": n == 0,
        }
        for n, i in enumerate(sorted(product.images.all(), key=lambda i: (i.position, i.id)))
    ]


def _published_images(product: Product) -> list[dict[str, Any]]:
    url = "catalog:listing_review_published_image"
    return [
        {
            "thumb": reverse(url, args=[product.pk, n]),
            "full": reverse(url, args=[product.pk, n]) + "?full=1",
            "width": i.get("width"),
            "height": i.get("height"),
            "main": n == 0,
        }
        for n, i in enumerate((product.published or {}).get("images", []))
    ]


# --- Pictures for the reviewer (not public yet, so not under /media/) ---------------------------


def _serve(name: str) -> FileResponse:
    if not name or not default_storage.exists(name):
        raise Http404()
    lowered = name.lower()
    content_type = (
        "image/png"
        if lowered.endswith(".png")
        else "image/webp"
        if lowered.endswith(".webp")
        else "image/gif"
        if lowered.endswith(".gif")
        else "image/jpeg"
    )
    response = FileResponse(default_storage.open(name, "rb"), content_type=content_type)
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; img-src 'self'; sandbox"
    response["Cache-Control"] = "private, max-age=300"
    return response


@operator_required(REVIEW)
def review_image(request: HttpRequest, pk: int) -> HttpResponse:
    image = ProductImage.objects.filter(pk=pk).first()
    if image is None:
        raise Http404()
    return _serve(image.image.name if request.GET.get("full") else image.thumbnail.name)


@operator_required(REVIEW)
def review_published_image(request: HttpRequest, pk: int, index: int) -> HttpResponse:
    product = Product.objects.filter(pk=pk).only("published").first()
    images = (product.published or {}).get("images", []) if product else []
    if index >= len(images):
        raise Http404()
    return _serve(images[index]["image" if request.GET.get("full") else "thumbnail"])
