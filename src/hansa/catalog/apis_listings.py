"""Product listings over the API: the supplier's side, the public read and the operator's review.

Members with ``manage_listings`` see and change only what ``listing_selectors.manageable`` gives
them (all of the company's listings for owner and admins, their own for a sales rep); anything
else is a uniform 404. The public endpoint reads nothing but the published snapshot of a listing
in ``listing_selectors.public_products()``. Amounts travel as decimal strings, never floats.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError as DjangoValidationError
from django.core.files.storage import default_storage
from django.db.models import Prefetch, Q
from django.http import HttpRequest
from django.urls import NoReverseMatch, reverse
from django.utils.translation import get_language
from ninja import Field, File, Router, Schema
from ninja.files import UploadedFile
from ninja.responses import Status

from hansa.api.common import ERRORS, member
from hansa.catalog import listing_selectors, listing_services
from hansa.catalog.models import (
    Category,
    ListingStatus,
    Product,
    ProductGroup,
    ProductImage,
    ProductTranslation,
)
from hansa.catalog.snapshot import localized
from hansa.companies.models import Membership
from hansa.companies.roles import Perm, Role
from hansa.core.errors import BusinessError, Forbidden, NotFound

router = Router(tags=["products"])
ops_router = Router(tags=["operator"])

PAGE_MAX = 100
ACTIONS = {
    "submit": listing_services.listing_submit,
    "offline": listing_services.listing_take_offline,
    "relist": listing_services.listing_relist,
    "archive": listing_services.listing_archive,
    "restore": listing_services.listing_restore,
}
ACTION_SUMMARIES = {
    "submit": "Submit for review (a live listing's change waits while the old version shows)",
    "offline": "Take offline",
    "relist": "Put back online (unapproved changes go to review)",
    "archive": "Archive",
    "restore": "Restore from the archive",
}


def amount(value: Decimal | None) -> str | None:
    """A decimal as a plain string without exponent or trailing zeros: ``100``, ``1.2``."""
    if value is None:
        return None
    return format(Decimal(value).normalize(), "f")


def product_url(slug: str) -> str:
    """The public page of a listing (``catalog:product``)."""
    try:
        return reverse("catalog:product", args=[slug])
    except NoReverseMatch:  # the page's route is not installed yet
        return f"/products/{slug}/"


# --- Schemas ---------------------------------------------------------------------------------


class CustomAttributeIn(Schema):
    name: str = Field(..., max_length=60)
    value: str = Field(..., max_length=200)


class LeadTimeIn(Schema):
    up_to: int
    days: int


class ListingFieldsIn(Schema):
    """Every field of the working copy; in a PATCH only the fields sent are changed."""

    title: str | None = Field(None, max_length=300)
    keywords: list[str] | None = None
    description: str | None = Field(None, max_length=20000)
    attributes: dict[str, Any] | None = None
    custom_attributes: list[CustomAttributeIn] | None = None
    category: str | None = Field(None, description="Code of a leaf category, e.g. led-bulbs")
    group: int | None = Field(None, description="Id of one of your showroom groups")
    owner: int | None = Field(None, description="User id of the sales rep who answers for it")
    base_language: str | None = None
    price_kind: str | None = Field(None, description="range, tiers or negotiable")
    currency: str | None = Field(None, min_length=3, max_length=3)
    price_min: Decimal | None = Field(None, description="FOB, as a decimal string")
    price_max: Decimal | None = None
    unit: str | None = Field(None, description="UN/ECE Rec. 20 code, e.g. H87 (piece)")
    moq: Decimal | None = None
    supply_quantity: Decimal | None = None
    supply_period: str | None = None
    lead_times: list[LeadTimeIn] | None = None
    port_of_loading: str | None = Field(None, description="UN/LOCODE, e.g. CNSZX")
    incoterms: list[str] | None = None
    payment_methods: list[str] | None = None
    packaging: str | None = Field(None, max_length=1000)
    hs_code: str | None = None
    origin_country: str | None = Field(None, max_length=2)
    certifications: list[str] | None = None
    sample_available: bool | None = None
    sample_price: Decimal | None = None
    oem: bool | None = None
    odm: bool | None = None
    ready_to_ship: bool | None = None
    stock: Decimal | None = None
    weight_kg: Decimal | None = None
    length_cm: Decimal | None = None
    width_cm: Decimal | None = None
    height_cm: Decimal | None = None


class ListingCreateIn(ListingFieldsIn):
    category: str = Field(..., description="Code of a leaf category, e.g. led-bulbs")
    title: str = Field(..., max_length=300)


class TierIn(Schema):
    min_quantity: Decimal
    unit_price: Decimal


class TierOut(Schema):
    min_quantity: str
    unit_price: str


class TranslationIn(Schema):
    title: str = Field(..., max_length=300)
    keywords: list[str] = []
    description: str = Field("", max_length=20000)
    attribute_texts: dict[str, str] = {}


class TranslationOut(Schema):
    language: str
    title: str
    keywords: list[str]
    description: str
    attribute_texts: dict[str, str]


class ImageOut(Schema):
    id: int
    position: int
    url: str
    thumbnail_url: str
    width: int
    height: int
    dhash: str


class CustomAttributeOut(Schema):
    name: str
    value: str


class LeadTimeOut(Schema):
    up_to: int
    days: int


class FlagOut(Schema):
    field: str
    code: str
    message: str


class ListingSummaryOut(Schema):
    id: int
    slug: str
    status: str
    title: str
    category: str
    owner: int | None
    group: int | None
    price_kind: str
    currency: str
    price_min: str | None
    price_max: str | None
    unit: str
    moq: str
    thumbnail_url: str | None
    is_public: bool
    submitted_at: datetime | None
    published_at: datetime | None
    updated_at: datetime


class ListingPageOut(Schema):
    total: int
    limit: int
    offset: int
    items: list[ListingSummaryOut]


class ListingOut(Schema):
    """The working copy, where it stands, and the approved version the public sees."""

    id: int
    slug: str
    status: str
    status_label: str
    company: str
    category: str
    category_name: str
    group: int | None
    owner: int | None
    base_language: str
    title: str
    keywords: list[str]
    description: str
    attributes: dict[str, Any]
    custom_attributes: list[CustomAttributeOut]
    price_kind: str
    currency: str
    price_min: str | None
    price_max: str | None
    tiers: list[TierOut]
    unit: str
    moq: str
    supply_quantity: str | None
    supply_period: str
    lead_times: list[LeadTimeOut]
    port_of_loading: str | None
    incoterms: list[str]
    payment_methods: list[str]
    packaging: str
    hs_code: str
    origin_country: str
    certifications: list[str]
    sample_available: bool
    sample_price: str | None
    oem: bool
    odm: bool
    ready_to_ship: bool
    stock: str | None
    weight_kg: str | None
    length_cm: str | None
    width_cm: str | None
    height_cm: str | None
    translations: list[TranslationOut]
    images: list[ImageOut]
    published: dict[str, Any] | None
    published_at: datetime | None
    submitted_at: datetime | None
    rejection_reasons: dict[str, str]
    auto_flags: list[FlagOut]
    quality_score: str
    quality_report: list[Any]
    problems: dict[str, Any]
    is_public: bool
    url: str
    created_at: datetime
    updated_at: datetime


class SupplierCardOut(Schema):
    slug: str
    name: str
    country: str
    url: str


class PublicImageOut(Schema):
    url: str
    thumbnail_url: str
    width: int
    height: int


class PublicProductOut(Schema):
    """The approved version only, in the language asked for (falling back to its base)."""

    slug: str
    url: str
    language: str
    languages: list[str]
    title: str
    keywords: list[str]
    description: str
    attribute_texts: dict[str, str]
    category: str
    attributes: dict[str, Any]
    custom_attributes: list[CustomAttributeOut]
    price_kind: str
    currency: str
    price_min: str | None
    price_max: str | None
    tiers: list[TierOut]
    unit: str
    moq: str | None
    supply_quantity: str | None
    supply_period: str
    lead_times: list[LeadTimeOut]
    port_of_loading: str | None
    incoterms: list[str]
    payment_methods: list[str]
    packaging: str
    hs_code: str
    origin_country: str
    certifications: list[str]
    sample_available: bool
    sample_price: str | None
    oem: bool
    odm: bool
    ready_to_ship: bool
    weight_kg: str | None
    dimensions_cm: list[str | None]
    images: list[PublicImageOut]
    supplier: SupplierCardOut
    published_at: datetime | None


class QueueItemOut(Schema):
    id: int
    slug: str
    status: str
    is_edit: bool
    title: str
    category: str
    company_id: int
    company_name: str
    submitted_at: datetime | None
    auto_flags: list[FlagOut]
    thumbnail_url: str | None


class QueuePageOut(Schema):
    total: int
    limit: int
    offset: int
    items: list[QueueItemOut]


class RejectIn(Schema):
    reasons: dict[str, str] = Field(..., description='{"field": "what to fix"}')


# --- Helpers ---------------------------------------------------------------------------------


def _lister(request: HttpRequest) -> Membership:
    """A member of a supplier whose role may manage listings; otherwise 403."""
    membership = member(request, Perm.MANAGE_LISTINGS)
    if not membership.company.is_supplier:
        raise Forbidden("Only suppliers publish products.")
    return membership


def _reviewer(request: HttpRequest) -> None:
    user = request.user
    if not (user.is_active and user.is_staff and user.has_perm(listing_services.REVIEW_PERMISSION)):
        raise Forbidden()


@contextmanager
def _model_errors() -> Iterator[None]:
    """Model validation (choices, lengths, countries) answers like a service's BusinessError."""
    try:
        yield
    except DjangoValidationError as exc:
        if hasattr(exc, "error_dict"):
            field, errors = next(iter(exc.message_dict.items()))
            raise BusinessError(errors[0], field=None if field == "__all__" else field) from None
        raise BusinessError(exc.messages[0]) from None


def _route(name: str, args: list[Any], file_name: str) -> str:
    """The page that serves a photo to those who may see it (storage is not public)."""
    try:
        return reverse(name, args=args)
    except NoReverseMatch:  # the serving route is not installed
        return default_storage.url(file_name) if file_name else ""


def _image(image: ProductImage) -> dict[str, Any]:
    """A photo of the working copy, served to the listing's managers and reviewers."""
    args = [image.product_id, image.pk]
    return {
        "id": image.pk,
        "position": image.position,
        "url": _route("catalog:working_image", [*args, "full"], image.image.name),
        "thumbnail_url": _route("catalog:working_image", [*args, "thumb"], image.thumbnail.name),
        "width": image.width,
        "height": image.height,
        "dhash": image.dhash,
    }


def _translation(t: ProductTranslation) -> dict[str, Any]:
    return {
        "language": t.language,
        "title": t.title,
        "keywords": list(t.keywords),
        "description": t.description,
        "attribute_texts": dict(t.attribute_texts),
    }


def _resolve(membership: Membership, fields: dict[str, Any]) -> dict[str, Any]:
    """Turns codes and ids of the payload into the objects the services expect."""
    out = dict(fields)
    if "category" in out:
        category = Category.objects.filter(code=out["category"] or "", is_active=True).first()
        if category is None:
            raise BusinessError(f"Unknown category {out['category']!r}.", field="category")
        out["category"] = category
    if "group" in out and out["group"] is not None:
        group = ProductGroup.objects.filter(pk=out["group"], company=membership.company).first()
        if group is None:
            raise BusinessError("Choose one of your own groups.", field="group")
        out["group"] = group
    if "owner" in out:
        if membership.role not in (Role.OWNER, Role.ADMIN):
            raise Forbidden("Only the owner or an administrator assigns listings.")
        if out["owner"] is not None:
            rep = (
                Membership.objects.filter(
                    user_id=out["owner"],
                    company_id=membership.company_id,
                    is_active=True,
                    role__in=(Role.OWNER, Role.ADMIN, Role.SALES_REP),
                )
                .select_related("user")
                .first()
            )
            if rep is None:
                raise BusinessError("Choose an active member of your company.", field="owner")
            out["owner"] = rep.user
    if "port_of_loading" in out:
        from hansa.trade.models import Port

        code = (out["port_of_loading"] or "").strip().upper()
        port = Port.objects.filter(locode=code, is_active=True).first() if code else None
        if code and port is None:
            raise BusinessError(
                f"Unknown port {code!r}; give a UN/LOCODE such as CNSHA.", field="port_of_loading"
            )
        out["port_of_loading"] = port
    if "custom_attributes" in out:
        out["custom_attributes"] = [dict(row) for row in out["custom_attributes"] or []]
    if "lead_times" in out:
        out["lead_times"] = [dict(row) for row in out["lead_times"] or []]
    for key in ("keywords", "incoterms", "payment_methods", "certifications"):
        if key in out and out[key] is None:
            out[key] = []
    for key in ("description", "packaging", "hs_code", "origin_country"):
        if key in out and out[key] is None:
            out[key] = ""
    if "attributes" in out and out["attributes"] is None:
        out["attributes"] = {}
    for key in ("sample_available", "oem", "odm", "ready_to_ship"):
        if key in out and out[key] is None:
            out[key] = False
    for key in ("title", "base_language", "price_kind", "currency", "unit", "supply_period"):
        if key in out and out[key] is None:
            raise BusinessError("This field cannot be empty.", field=key)
    if out.get("origin_country"):
        out["origin_country"] = str(out["origin_country"]).upper()
    return out


def _detail_queryset() -> Any:
    return Product.objects.select_related(
        "category", "company", "port_of_loading", "group", "owner"
    ).prefetch_related(
        "tiers",
        "translations",
        Prefetch("images", queryset=ProductImage.objects.order_by("position", "id")),
    )


def _detail(product: Product) -> dict[str, Any]:
    p = _detail_queryset().get(pk=product.pk)
    return {
        "id": p.pk,
        "slug": p.slug,
        "status": p.status,
        "status_label": str(ListingStatus(p.status).label),
        "company": p.company.slug,
        "category": p.category.code,
        "category_name": p.category.name,
        "group": p.group_id,
        "owner": p.owner_id,
        "base_language": p.base_language,
        "title": p.title,
        "keywords": list(p.keywords),
        "description": p.description,
        "attributes": dict(p.attributes),
        "custom_attributes": list(p.custom_attributes),
        "price_kind": p.price_kind,
        "currency": p.currency,
        "price_min": amount(p.price_min),
        "price_max": amount(p.price_max),
        "tiers": [
            {"min_quantity": amount(t.min_quantity), "unit_price": amount(t.unit_price)}
            for t in p.tiers.all()
        ],
        "unit": p.unit,
        "moq": amount(p.moq),
        "supply_quantity": amount(p.supply_quantity),
        "supply_period": p.supply_period,
        "lead_times": list(p.lead_times),
        "port_of_loading": p.port_of_loading.locode if p.port_of_loading_id else None,
        "incoterms": list(p.incoterms),
        "payment_methods": list(p.payment_methods),
        "packaging": p.packaging,
        "hs_code": p.hs_code,
        "origin_country": p.origin_country.code if p.origin_country else "",
        "certifications": list(p.certifications),
        "sample_available": p.sample_available,
        "sample_price": amount(p.sample_price),
        "oem": p.oem,
        "odm": p.odm,
        "ready_to_ship": p.ready_to_ship,
        "stock": amount(p.stock),
        "weight_kg": amount(p.weight_kg),
        "length_cm": amount(p.length_cm),
        "width_cm": amount(p.width_cm),
        "height_cm": amount(p.height_cm),
        "translations": [_translation(t) for t in p.translations.all()],
        "images": [_image(i) for i in p.images.all()],
        "published": p.published,
        "published_at": p.published_at,
        "submitted_at": p.submitted_at,
        "rejection_reasons": dict(p.rejection_reasons),
        "auto_flags": list(p.auto_flags),
        "quality_score": amount(p.quality_score) or "0",
        "quality_report": list(p.quality_report),
        "problems": dict(p.problems),
        "is_public": p.is_public,
        "url": product_url(p.slug),
        "created_at": p.created_at,
        "updated_at": p.updated_at,
    }


def _main_thumbnail(product: Product) -> str | None:
    images = sorted(product.images.all(), key=lambda i: (i.position, i.pk))
    return _image(images[0])["thumbnail_url"] if images else None


def _summary(p: Product) -> dict[str, Any]:
    return {
        "id": p.pk,
        "slug": p.slug,
        "status": p.status,
        "title": p.title,
        "category": p.category.code,
        "owner": p.owner_id,
        "group": p.group_id,
        "price_kind": p.price_kind,
        "currency": p.currency,
        "price_min": amount(p.price_min),
        "price_max": amount(p.price_max),
        "unit": p.unit,
        "moq": amount(p.moq),
        "thumbnail_url": _main_thumbnail(p),
        "is_public": p.is_public,
        "submitted_at": p.submitted_at,
        "published_at": p.published_at,
        "updated_at": p.updated_at,
    }


def _page(limit: int, offset: int) -> tuple[int, int]:
    if not 1 <= limit <= PAGE_MAX:
        raise BusinessError(f"limit runs from 1 to {PAGE_MAX}.", field="limit")
    if offset < 0:
        raise BusinessError("offset cannot be negative.", field="offset")
    return limit, offset


# --- Public read (registered first: /public/... never reaches the member routes) --------------


@router.get(
    "/public/{slug}",
    auth=None,
    response={200: PublicProductOut, 404: dict},
    summary="A public listing: its approved version only, localized with ?lang=",
)
def public_product(request: HttpRequest, slug: str, lang: str | None = None) -> dict[str, Any]:
    product = (
        listing_selectors.public_products().filter(slug=slug).select_related("company").first()
    )
    if product is None:
        raise NotFound()
    snapshot = product.published or {}
    language = (lang or get_language() or "en").lower()
    text = localized(snapshot, language)
    company = product.company
    try:
        company_url = company.get_absolute_url()
    except NoReverseMatch:
        company_url = f"/companies/{company.slug}/"
    return {
        "slug": product.slug,
        "url": product_url(product.slug),
        "language": text["language"],
        "languages": [snapshot.get("base_language", "en"), *snapshot.get("translations", {})],
        "title": text["title"],
        "keywords": list(text["keywords"]),
        "description": text["description"],
        "attribute_texts": dict(text["attribute_texts"]),
        "category": snapshot.get("category", ""),
        "attributes": dict(snapshot.get("attributes") or {}),
        "custom_attributes": list(snapshot.get("custom_attributes") or []),
        "price_kind": snapshot.get("price_kind", ""),
        "currency": snapshot.get("currency", ""),
        "price_min": _snapshot_amount(snapshot.get("price_min")),
        "price_max": _snapshot_amount(snapshot.get("price_max")),
        "tiers": [
            {
                "min_quantity": _snapshot_amount(t["min_quantity"]),
                "unit_price": _snapshot_amount(t["unit_price"]),
            }
            for t in snapshot.get("tiers") or []
        ],
        "unit": snapshot.get("unit", ""),
        "moq": _snapshot_amount(snapshot.get("moq")),
        "supply_quantity": _snapshot_amount(snapshot.get("supply_quantity")),
        "supply_period": snapshot.get("supply_period", ""),
        "lead_times": list(snapshot.get("lead_times") or []),
        "port_of_loading": snapshot.get("port_of_loading"),
        "incoterms": list(snapshot.get("incoterms") or []),
        "payment_methods": list(snapshot.get("payment_methods") or []),
        "packaging": snapshot.get("packaging", ""),
        "hs_code": snapshot.get("hs_code", ""),
        "origin_country": snapshot.get("origin_country", ""),
        "certifications": list(snapshot.get("certifications") or []),
        "sample_available": bool(snapshot.get("sample_available")),
        "sample_price": _snapshot_amount(snapshot.get("sample_price")),
        "oem": bool(snapshot.get("oem")),
        "odm": bool(snapshot.get("odm")),
        "ready_to_ship": bool(snapshot.get("ready_to_ship")),
        "weight_kg": _snapshot_amount(snapshot.get("weight_kg")),
        "dimensions_cm": [_snapshot_amount(d) for d in snapshot.get("dimensions_cm") or []],
        "images": [
            {
                "url": _route("catalog:product_photo", [product.slug, n, "full"], i["image"]),
                "thumbnail_url": _route(
                    "catalog:product_photo", [product.slug, n, "thumb"], i["thumbnail"]
                ),
                "width": i["width"],
                "height": i["height"],
            }
            for n, i in enumerate(snapshot.get("images") or [])
        ],
        "supplier": {
            "slug": company.slug,
            "name": company.name,
            "country": company.country.code,
            "url": company_url,
        },
        "published_at": product.published_at,
    }


def _snapshot_amount(value: str | None) -> str | None:
    """Snapshot decimals are strings already; written out plainly (``1E+2`` becomes ``100``)."""
    return None if value in (None, "") else amount(Decimal(str(value)))


# --- The supplier's listings -----------------------------------------------------------------


@router.get("", response={200: ListingPageOut, **ERRORS}, summary="Listings you may manage")
def list_listings(
    request: HttpRequest,
    status: str | None = None,
    category: str | None = None,
    q: str | None = None,
    limit: int = 20,
    offset: int = 0,
) -> dict[str, Any]:
    m = _lister(request)
    limit, offset = _page(limit, offset)
    rows = listing_selectors.manageable(m)
    if status:
        if status not in ListingStatus.values:
            raise BusinessError(
                f"Unknown status; use one of {', '.join(ListingStatus.values)}.", field="status"
            )
        rows = rows.filter(status=status)
    if category:
        node = Category.objects.filter(code=category).first()
        if node is None:
            raise BusinessError(f"Unknown category {category!r}.", field="category")
        rows = rows.filter(Q(category=node) | Q(category__path__startswith=node.path + "/"))
    if q and q.strip():
        words = q.split()
        for word in words[:8]:
            rows = rows.filter(Q(title__icontains=word) | Q(slug__icontains=word))
    total = rows.count()
    page = list(
        rows.order_by("-updated_at", "-id").prefetch_related("images")[offset : offset + limit]
    )
    return {"total": total, "limit": limit, "offset": offset, "items": [_summary(p) for p in page]}


@router.post("", response={201: ListingOut, **ERRORS}, summary="Create a draft listing")
def create_listing(request: HttpRequest, payload: ListingCreateIn) -> Status:
    m = _lister(request)
    fields = _resolve(m, payload.dict(exclude_unset=True))
    category, title = fields.pop("category"), fields.pop("title")
    with _model_errors():
        product = listing_services.listing_create(
            membership=m, category=category, title=title, **fields
        )
    return Status(201, _detail(product))


@router.get("/{product_id}", response={200: ListingOut, **ERRORS}, summary="One of your listings")
def get_listing(request: HttpRequest, product_id: int) -> dict[str, Any]:
    m = _lister(request)
    return _detail(listing_selectors.access_listing(m, product_id))


@router.patch(
    "/{product_id}",
    response={200: ListingOut, **ERRORS},
    summary="Change the working copy (a live listing's change waits for review)",
)
def patch_listing(request: HttpRequest, product_id: int, payload: ListingFieldsIn) -> Any:
    m = _lister(request)
    product = listing_selectors.access_listing(m, product_id)
    fields = _resolve(m, payload.dict(exclude_unset=True))
    if fields:
        with _model_errors():
            listing_services.listing_update(product=product, by=request.user, **fields)
    return _detail(product)


@router.delete("/{product_id}", response={200: ListingOut, **ERRORS}, summary="Archive a listing")
def delete_listing(request: HttpRequest, product_id: int) -> dict[str, Any]:
    m = _lister(request)
    product = listing_selectors.access_listing(m, product_id)
    listing_services.listing_archive(product=product, by=request.user)
    return _detail(product)


@router.put(
    "/{product_id}/tiers",
    response={200: ListingOut, **ERRORS},
    summary="Replace the price tiers (the unit price falls as the quantity grows)",
)
def put_tiers(request: HttpRequest, product_id: int, payload: list[TierIn]) -> dict[str, Any]:
    m = _lister(request)
    product = listing_selectors.access_listing(m, product_id)
    listing_services.listing_set_tiers(
        product=product,
        by=request.user,
        tiers=[(t.min_quantity, t.unit_price) for t in payload],
    )
    return _detail(product)


@router.put(
    "/{product_id}/translations/{language}",
    response={200: TranslationOut, **ERRORS},
    summary="Add or replace the listing's text in another language",
)
def put_translation(
    request: HttpRequest, product_id: int, language: str, payload: TranslationIn
) -> dict[str, Any]:
    m = _lister(request)
    product = listing_selectors.access_listing(m, product_id)
    translation = listing_services.listing_set_translation(
        product=product,
        by=request.user,
        language=language,
        title=payload.title,
        keywords=payload.keywords,
        description=payload.description,
        attribute_texts=payload.attribute_texts,
    )
    return _translation(translation)


@router.delete(
    "/{product_id}/translations/{language}",
    response={204: None, **ERRORS},
    summary="Remove the text in one language",
)
def delete_translation(request: HttpRequest, product_id: int, language: str) -> Status:
    m = _lister(request)
    product = listing_selectors.access_listing(m, product_id)
    if not product.translations.filter(language=language).exists():
        raise NotFound()
    listing_services.listing_remove_translation(product=product, by=request.user, language=language)
    return Status(204, None)


@router.post(
    "/{product_id}/images",
    response={201: ImageOut, **ERRORS},
    summary="Add a photo (multipart field 'image'; JPEG, PNG or WebP)",
)
def add_image(request: HttpRequest, product_id: int, image: File[UploadedFile]) -> Status:
    m = _lister(request)
    product = listing_selectors.access_listing(m, product_id)
    record = listing_services.listing_add_image(product=product, by=request.user, upload=image)
    return Status(201, _image(record))


@router.delete(
    "/{product_id}/images/{image_id}", response={204: None, **ERRORS}, summary="Remove a photo"
)
def delete_image(request: HttpRequest, product_id: int, image_id: int) -> Status:
    m = _lister(request)
    product = listing_selectors.access_listing(m, product_id)
    listing_services.listing_remove_image(product=product, by=request.user, image_id=image_id)
    return Status(204, None)


@router.post(
    "/{product_id}/images/{image_id}/set-main",
    response={200: list[ImageOut], **ERRORS},
    summary="Make a photo the main one; answers the photos in their new order",
)
def set_main_image(request: HttpRequest, product_id: int, image_id: int) -> list[dict[str, Any]]:
    m = _lister(request)
    product = listing_selectors.access_listing(m, product_id)
    listing_services.listing_set_main_image(product=product, by=request.user, image_id=image_id)
    return [_image(i) for i in product.images.order_by("position", "id")]


def _action_endpoint(action: str) -> None:
    move = ACTIONS[action]

    def endpoint(request: HttpRequest, product_id: int) -> dict[str, Any]:
        m = _lister(request)
        product = listing_selectors.access_listing(m, product_id)
        move(product=product, by=request.user)
        return _detail(product)

    endpoint.__name__ = f"{action}_listing"
    router.post(
        f"/{{product_id}}/{action}",
        response={200: ListingOut, **ERRORS},
        summary=ACTION_SUMMARIES[action],
        operation_id=f"products_{action}",
    )(endpoint)


for _action in ACTIONS:
    _action_endpoint(_action)


# --- Operator review ---------------------------------------------------------------------------


def _queue_item(p: Product) -> dict[str, Any]:
    return {
        "id": p.pk,
        "slug": p.slug,
        "status": p.status,
        "is_edit": p.status == ListingStatus.EDITED,
        "title": p.title,
        "category": p.category.code,
        "company_id": p.company_id,
        "company_name": p.company.name,
        "submitted_at": p.submitted_at,
        "auto_flags": list(p.auto_flags),
        "thumbnail_url": _main_thumbnail(p),
    }


def _reviewed(product_id: int) -> Product:
    product = Product.objects.filter(pk=product_id).first()
    if product is None:
        raise NotFound()
    return product


@ops_router.get(
    "/queue",
    response={200: QueuePageOut, **ERRORS},
    summary="Listings waiting for review, oldest first",
)
def queue(request: HttpRequest, limit: int = 50, offset: int = 0) -> dict[str, Any]:
    _reviewer(request)
    limit, offset = _page(limit, offset)
    rows = listing_selectors.review_queue()
    return {
        "total": rows.count(),
        "limit": limit,
        "offset": offset,
        "items": [_queue_item(p) for p in rows[offset : offset + limit]],
    }


@ops_router.post(
    "/{product_id}/approve",
    response={200: ListingOut, **ERRORS},
    summary="Approve: the working copy becomes the published version",
)
def approve(request: HttpRequest, product_id: int) -> dict[str, Any]:
    _reviewer(request)
    product = listing_services.listing_approve(product=_reviewed(product_id), by=request.user)
    return _detail(product)


@ops_router.post(
    "/{product_id}/reject",
    response={200: ListingOut, **ERRORS},
    summary="Reject with a reason per field",
)
def reject(request: HttpRequest, product_id: int, payload: RejectIn) -> dict[str, Any]:
    _reviewer(request)
    product = listing_services.listing_reject(
        product=_reviewed(product_id), by=request.user, reasons=payload.reasons
    )
    return _detail(product)
