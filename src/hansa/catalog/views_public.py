"""Public product pages and company showrooms.

Everything shown comes from the approved snapshot (``product.published``), never from the
working copy, and only for listings ``listing_selectors.visible_products`` lets this viewer see:
a product in a password-protected group shows a password form (or a sign-in prompt) instead,
without its title or photos.
"""

from __future__ import annotations

from contextlib import nullcontext
from decimal import Decimal, InvalidOperation
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.files.storage import default_storage
from django.core.paginator import Paginator
from django.db.models import Count, F, Q
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.formats import number_format
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django_countries import countries

from hansa.catalog import groups as group_services
from hansa.catalog import listing_selectors, selectors, seo
from hansa.catalog.forms import LISTING_LANGUAGES, UnlockForm
from hansa.catalog.listing_services import sanitize_html
from hansa.catalog.models import Category, GroupAccess, PriceKind, Product, ProductGroup
from hansa.catalog.models.listings import PUBLIC_STATUSES, SupplyPeriod
from hansa.catalog.snapshot import localized
from hansa.companies.access import access_public_company
from hansa.companies.models import Company
from hansa.companies.selectors import localized_name
from hansa.core.errors import BusinessError, NotFound
from hansa.trade.incoterms import INCOTERMS
from hansa.trade.models import Port
from hansa.trade.money import Money, format_money
from hansa.trade.payments import PAYMENT_METHODS
from hansa.trade.units import UNITS

SHOWROOM_PAGE = 24
PREVIEW_SIZE = 8
LANGUAGE_CODES = [code for code, _label in LISTING_LANGUAGES]
SITE_LANGUAGES = {code for code, _label in settings.LANGUAGES}
CONTENT_TYPES = {"png": "image/png", "webp": "image/webp"}


def _viewer(request: HttpRequest) -> tuple[Any, Any]:
    user = request.user if request.user.is_authenticated else None
    return user, getattr(request, "membership", None)


def _safe_next(request: HttpRequest, default: str) -> str:
    target = request.POST.get("next") or ""
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return default


# --- Presenting a snapshot -----------------------------------------------------------------


def _dec(value: Any) -> Decimal | None:
    if value in (None, ""):
        return None
    try:
        return Decimal(str(value))
    except InvalidOperation:
        return None


def _num(value: Any) -> str:
    """A quantity as people write it: grouped, without trailing zeros (1,000 / 2.5)."""
    number = _dec(value)
    if number is None:
        return ""
    number = number.normalize()
    if number == number.to_integral():
        number = number.quantize(Decimal(1))
    return number_format(number, use_l10n=True, force_grouping=True)


def _money(value: Any, currency: str) -> str:
    number = _dec(value)
    if number is None:
        return ""
    try:
        return format_money(Money(number, currency))
    except (TypeError, ValueError):
        return f"{currency} {value}"


def _unit_name(code: str, quantity: Any = 2) -> str:
    unit = UNITS.get(code)
    if unit is None:
        return code
    number = _dec(quantity)
    return unit.display_name(number if number is not None else 2)


def _is_zh() -> bool:
    return (get_language() or "en").lower().startswith("zh")


_image_url = seo.published_photo_url


def _price(snapshot: dict[str, Any]) -> dict[str, Any]:
    currency = snapshot.get("currency") or "USD"
    kind = snapshot.get("price_kind")
    unit = _unit_name(snapshot.get("unit", ""), 1)
    if kind == PriceKind.NEGOTIABLE:
        return {"kind": "negotiable", "text": _("Negotiable"), "unit": unit}
    if kind == PriceKind.TIERS and snapshot.get("tiers"):
        tiers = sorted(snapshot["tiers"], key=lambda t: _dec(t["min_quantity"]) or 0)
        rows = []
        for i, tier in enumerate(tiers):
            low = _dec(tier["min_quantity"])
            following = _dec(tiers[i + 1]["min_quantity"]) if i + 1 < len(tiers) else None
            if following is not None and low is not None:
                upper = following - 1 if following == following.to_integral() else following
                label = f"{_num(low)} – {_num(upper)}" if upper > low else _num(low)
            else:
                label = f"≥ {_num(low)}"
            rows.append({"quantity": label, "price": _money(tier["unit_price"], currency)})
        low_price = min((_dec(t["unit_price"]) for t in tiers), default=None)
        return {
            "kind": "tiers",
            "rows": rows,
            "text": _money(low_price, currency),
            "unit": unit,
        }
    low, high = _dec(snapshot.get("price_min")), _dec(snapshot.get("price_max"))
    if low is None:
        return {"kind": "negotiable", "text": _("Negotiable"), "unit": unit}
    text = _money(low, currency)
    if high is not None and high > low:
        text = f"{text} – {_money(high, currency).split(' ', 1)[-1]}"
    return {"kind": "range", "text": text, "unit": unit}


def _lead_times(snapshot: dict[str, Any]) -> list[dict[str, Any]]:
    """Alibaba's lead-time table: quantity bands with days; above the last band, negotiable."""
    rows = sorted(snapshot.get("lead_times") or [], key=lambda r: r["up_to"])
    out: list[dict[str, Any]] = []
    previous = 0
    for row in rows:
        start = previous + 1
        quantity = f"{_num(start)} – {_num(row['up_to'])}" if row["up_to"] > start else _num(start)
        out.append({"quantity": quantity, "up_to": _num(row["up_to"]), "days": int(row["days"])})
        previous = row["up_to"]
    if out:
        out.append({"quantity": f"> {_num(previous)}", "up_to": "", "days": None})
    return out


def _attributes(
    snapshot: dict[str, Any], text: dict[str, Any], category: Category | None
) -> list[dict[str, str]]:
    values = snapshot.get("attributes") or {}
    definitions = list(category.attributes.all()) if category else []
    rows = []
    for definition in definitions:
        if definition.code not in values:
            continue
        value = values[definition.code]
        if definition.type == "choice":
            shown = definition.choice_label(str(value))
        elif definition.type == "multichoice":
            shown = ", ".join(definition.choice_label(str(v)) for v in value)
        elif definition.type == "bool":
            shown = _("Yes") if value else _("No")
        elif definition.type == "number":
            shown = f"{_num(value)} {definition.unit}".strip()
        else:
            shown = text["attribute_texts"].get(definition.code) or str(value)
        rows.append({"name": definition.name, "value": shown})
    known = {d.code for d in definitions}
    rows += [{"name": code, "value": str(v)} for code, v in values.items() if code not in known]
    rows += [
        {"name": row.get("name", ""), "value": row.get("value", "")}
        for row in snapshot.get("custom_attributes") or []
    ]
    return rows


def _trade_terms(snapshot: dict[str, Any], port: Port | None) -> list[dict[str, str]]:
    port_name = ""
    if port is not None:
        port_name = (port.name_zh or port.name) if _is_zh() else port.name
    terms = []
    for code in snapshot.get("incoterms") or []:
        term = INCOTERMS.get(code)
        if term is None:
            continue
        # E and F rules name the place of shipment: the supplier's port of loading.
        place = port_name if term.group == "F" and port_name else ""
        terms.append({"code": code, "name": str(term.name), "place": place})
    return terms


def _card(product: Product, language: str) -> dict[str, Any]:
    """What a product card in a list shows: all from the snapshot."""
    snapshot = product.published or {}
    text = localized(snapshot, language)
    price = _price(snapshot)
    moq = snapshot.get("moq")
    return {
        "url": product.get_absolute_url(),
        "title": text["title"],
        "lang": text["language"],
        "thumb": _image_url(product, 0, "thumb") if snapshot.get("images") else "",
        "price": price["text"],
        "price_unit": price["unit"],
        "negotiable": price["kind"] == "negotiable",
        "moq": _num(moq),
        "moq_unit": _unit_name(snapshot.get("unit", ""), _dec(moq) or 2),
        "group": product.group if product.group_id else None,
    }


def _content_language(request: HttpRequest) -> tuple[str, str | None]:
    """The language of the text (``?hl=`` or the visitor's), and the ``hl`` asked for."""
    hl = request.GET.get("hl", "")
    if hl in LANGUAGE_CODES:
        return hl, hl
    return (get_language() or settings.LANGUAGE_CODE).lower(), None


# --- Product page --------------------------------------------------------------------------


def product_page(request: HttpRequest, slug: str) -> HttpResponse:
    language, hl = _content_language(request)
    # ``?hl=`` (the hreflang alternates) shows the page in that language for this response.
    override = translation.override(hl) if hl in SITE_LANGUAGES else nullcontext()
    with override:
        response = _product_page(request, slug, language, hl)
    return response


def _locked_product(slug: str) -> Product | None:
    """A public listing in a protected group (the caller was not let in by visible_products)."""
    return (
        Product.objects.filter(
            slug=slug,
            status__in=PUBLIC_STATUSES,
            published__isnull=False,
            company__is_active=True,
            group__isnull=False,
        )
        .exclude(group__password_hash="")
        .select_related("group", "company")
        .first()
    )


def _product_page(request: HttpRequest, slug: str, language: str, hl: str | None) -> HttpResponse:
    user, membership = _viewer(request)
    product = (
        listing_selectors.visible_products(user, membership)
        .filter(slug=slug)
        .select_related("company", "group")
        .first()
    )
    if product is None:
        locked = _locked_product(slug)
        if locked is None:
            raise Http404()
        response = render(
            request,
            "catalog/public/locked.html",
            {"group": locked.group, "supplier": locked.company, "form": UnlockForm()},
            status=403,
        )
        response["Cache-Control"] = "private, no-store"
        return response

    snapshot = product.published
    text = localized(snapshot, language)
    category = (
        Category.objects.filter(code=snapshot.get("category"))
        .prefetch_related("attributes")
        .first()
    )
    port = (
        Port.objects.filter(locode=snapshot["port_of_loading"]).first()
        if snapshot.get("port_of_loading")
        else None
    )
    company = product.company
    company_name, _about = localized_name(company)
    currency = snapshot.get("currency") or "USD"
    unit_code = snapshot.get("unit", "")
    moq = snapshot.get("moq")
    supply = snapshot.get("supply_quantity")
    origin = snapshot.get("origin_country") or ""
    dims = [d for d in snapshot.get("dimensions_cm") or [] if d]
    base_url = request.build_absolute_uri(product.get_absolute_url())
    languages = [snapshot.get("base_language") or "en", *snapshot.get("translations", {})]
    alternates = [
        {"code": code, "href": f"{base_url}?hl={code}"}
        for code in LANGUAGE_CODES
        if code in languages
    ]
    jsonld = seo.product_jsonld(request, product, language)
    context = {
        "product": product,
        "snapshot": snapshot,
        "text": text,
        "description": sanitize_html(text["description"]),
        "category": category,
        "crumbs": selectors.breadcrumb(category) if category else [],
        "images": [
            {
                "full": _image_url(product, i, "full"),
                "thumb": _image_url(product, i, "thumb"),
                "width": image.get("width") or "",
                "height": image.get("height") or "",
            }
            for i, image in enumerate(snapshot.get("images") or [])
        ],
        "price": _price(snapshot),
        "moq": _num(moq),
        "moq_unit": _unit_name(unit_code, _dec(moq) or 2),
        "supply": _num(supply),
        "supply_unit": _unit_name(unit_code, _dec(supply) or 2),
        "supply_period": SupplyPeriod(snapshot["supply_period"]).label
        if snapshot.get("supply_period") in SupplyPeriod.values
        else "",
        "lead_times": _lead_times(snapshot),
        "lead_unit": _unit_name(unit_code, 2),
        "terms": _trade_terms(snapshot, port),
        "port": port,
        "payments": [
            PAYMENT_METHODS[c]
            for c in snapshot.get("payment_methods") or []
            if c in PAYMENT_METHODS
        ],
        "attributes": _attributes(snapshot, text, category),
        "origin": countries.name(origin) if origin else "",
        "sample_price": _money(snapshot.get("sample_price"), currency),
        "stock": _num(snapshot.get("stock")),
        "weight": _num(snapshot.get("weight_kg")),
        "dimensions": " × ".join(_num(d) for d in dims) if len(dims) == 3 else "",
        "supplier": company,
        "company_name": company_name,
        "canonical": f"{base_url}?hl={hl}" if hl else base_url,
        "base_url": base_url,
        "alternates": alternates if len(alternates) > 1 else [],
        "jsonld": jsonld,
        "protected": bool(product.group_id and product.group.is_protected),
    }
    response = render(request, "catalog/public/product.html", context)
    if context["protected"]:
        response["Cache-Control"] = "private, no-store"
    return response


def product_photo(request: HttpRequest, slug: str, index: int, size: str) -> HttpResponse:
    """A photo of the approved version, for viewers who may see the product."""
    if size not in ("full", "thumb"):
        raise Http404()
    user, membership = _viewer(request)
    product = (
        listing_selectors.visible_products(user, membership)
        .filter(slug=slug)
        .select_related("group")
        .first()
    )
    images = (product.published or {}).get("images", []) if product else []
    if not 0 <= index < len(images):
        raise Http404()
    name = images[index]["image" if size == "full" else "thumbnail"]
    try:
        handle = default_storage.open(name, "rb")
    except (FileNotFoundError, OSError):
        raise Http404() from None
    extension = name.rsplit(".", 1)[-1].lower()
    response = FileResponse(handle, content_type=CONTENT_TYPES.get(extension, "image/jpeg"))
    response["X-Content-Type-Options"] = "nosniff"
    protected = bool(product.group_id and product.group.password_hash)
    response["Cache-Control"] = "private, max-age=3600" if protected else "public, max-age=86400"
    return response


# --- Showroom ------------------------------------------------------------------------------


def _public_company(slug: str) -> Company:
    try:
        return access_public_company(slug)
    except NotFound:
        raise Http404() from None


def _groups_for(company: Company, user: Any, membership: Any) -> list[ProductGroup]:
    """The company's groups with their public product count and whether this viewer is locked
    out of them."""
    live = Q(products__status__in=PUBLIC_STATUSES, products__published__isnull=False)
    items = list(
        ProductGroup.objects.filter(company=company)
        .annotate(shown=Count("products", filter=live))
        .order_by("position", "name")
    )
    unlocked: set[int] = set()
    if user is not None and any(g.is_protected for g in items):
        unlocked = set(
            GroupAccess.objects.filter(
                user=user, group__company=company, password_set_at=F("group__password_set_at")
            ).values_list("group_id", flat=True)
        )
    own = membership is not None and membership.company_id == company.pk
    for group in items:
        group.locked = group.is_protected and not own and group.pk not in unlocked  # type: ignore[attr-defined]
    return items


def showroom(request: HttpRequest, slug: str) -> HttpResponse:
    company = _public_company(slug)
    user, membership = _viewer(request)
    language = (get_language() or settings.LANGUAGE_CODE).lower()
    groups = _groups_for(company, user, membership)
    chosen = None
    products = listing_selectors.showroom(company, user, membership).order_by(
        F("group__position").asc(nulls_last=True), "group__name", "-published_at", "-id"
    )
    wanted = request.GET.get("group", "")
    if wanted:
        chosen = next((g for g in groups if g.slug == wanted and not g.locked), None)  # type: ignore[attr-defined]
        if chosen is None:
            raise Http404()
        products = products.filter(group=chosen)
    page = Paginator(products, SHOWROOM_PAGE).get_page(request.GET.get("page"))
    sections: list[dict[str, Any]] = []
    for product in page:
        card = _card(product, language)
        if not sections or sections[-1]["group"] != card["group"]:
            sections.append({"group": card["group"], "cards": []})
        sections[-1]["cards"].append(card)
    company_name, _about = localized_name(company)
    return render(
        request,
        "catalog/public/showroom.html",
        {
            "c": company,
            "company_name": company_name,
            "page": page,
            "sections": sections,
            "groups": [g for g in groups if g.shown and not g.locked],  # type: ignore[attr-defined]
            "locked_groups": [g for g in groups if g.locked and g.shown],  # type: ignore[attr-defined]
            "chosen": chosen,
            "unlock_form": UnlockForm(),
            "canonical": request.build_absolute_uri(
                reverse("catalog:showroom", args=[company.slug])
            ),
        },
    )


def showroom_preview(request: HttpRequest, slug: str) -> HttpResponse:
    """The first products of the showroom, for the company page (loaded by htmx)."""
    company = _public_company(slug)
    user, membership = _viewer(request)
    language = (get_language() or settings.LANGUAGE_CODE).lower()
    products = listing_selectors.showroom(company, user, membership).order_by(
        F("group__position").asc(nulls_last=True), "-published_at", "-id"
    )
    total = products.count()
    cards = [_card(p, language) for p in products[:PREVIEW_SIZE]]
    return render(
        request,
        "catalog/public/_preview.html",
        {"c": company, "cards": cards, "total": total},
    )


@require_POST
def group_unlock(request: HttpRequest, slug: str, group_id: int) -> HttpResponse:
    company = _public_company(slug)
    showroom_url = reverse("catalog:showroom", args=[company.slug])
    if not request.user.is_authenticated:
        return redirect_to_login(_safe_next(request, showroom_url))
    group = ProductGroup.objects.filter(pk=group_id, company=company).first()
    if group is None:
        raise Http404()
    form = UnlockForm(request.POST)
    target = _safe_next(request, f"{showroom_url}?group={group.slug}")
    if not form.is_valid():
        messages.error(request, _("Type the password the supplier gave you."))
        return redirect(_safe_next(request, showroom_url))
    try:
        group_services.group_unlock(
            group=group, user=request.user, password=form.cleaned_data["password"]
        )
    except BusinessError as exc:
        messages.error(request, exc.message)
        return redirect(_safe_next(request, showroom_url))
    messages.success(
        request, _("Unlocked: you can now see the products in “%(name)s”.") % {"name": group.name}
    )
    return redirect(target)


product_card = _card  # public name for other apps' result lists (search)
