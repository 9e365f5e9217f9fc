"""Writes on product listings: create and edit the working copy, images, translations, tier
prices, and move a listing through its lifecycle (declared once in ``TRANSITIONS``).

Every function is atomic. Moves lock the listing row, check the move against the map, and
append a ReviewEvent, so the trail says who did what and when.
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from decimal import Decimal, InvalidOperation
from itertools import pairwise
from typing import Any

import nh3
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.crypto import get_random_string
from django.utils.text import slugify
from django.utils.translation import gettext as _
from PIL import Image

from hansa.accounts.models import User
from hansa.catalog import detectors, quality
from hansa.catalog.attributes import AttributeErrors, clean_attributes, clean_custom_attributes
from hansa.catalog.models import (
    Category,
    ListingStatus,
    PriceKind,
    Product,
    ProductImage,
    ProductTranslation,
    ReviewEvent,
    TierPrice,
)
from hansa.catalog.models.listings import IMAGES_MAX, KEYWORDS_MAX, TITLE_MAX, ReviewAction
from hansa.catalog.snapshot import build_snapshot, content_digest
from hansa.companies.choices import PROFILE_LANGUAGES
from hansa.companies.models import Membership
from hansa.companies.roles import Role
from hansa.core.errors import BusinessError, Forbidden
from hansa.core.uploads import clean_image
from hansa.trade.hscodes import validate_hs_code
from hansa.trade.incoterms import INCOTERMS
from hansa.trade.payments import validate_payment_methods

S = ListingStatus
TRANSITIONS: dict[str, set[str]] = {
    S.DRAFT: {S.PENDING, S.ARCHIVED},
    S.PENDING: {S.LIVE, S.REJECTED, S.ARCHIVED},
    S.REJECTED: {S.PENDING, S.ARCHIVED},
    S.LIVE: {S.EDITED, S.OFFLINE, S.ARCHIVED},
    S.EDITED: {S.LIVE, S.OFFLINE, S.ARCHIVED},
    S.OFFLINE: {S.LIVE, S.EDITED, S.ARCHIVED},
    S.ARCHIVED: {S.DRAFT, S.OFFLINE},
}
REVIEW_PERMISSION = "catalog.review_listing"
LANGUAGES = {code for code, _label in PROFILE_LANGUAGES}
ALLOWED_TAGS = {
    "p",
    "br",
    "strong",
    "b",
    "em",
    "i",
    "u",
    "ul",
    "ol",
    "li",
    "h2",
    "h3",
    "h4",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "blockquote",
    "hr",
    "span",
    "sub",
    "sup",
}
THUMB_SIDE = 320
EDITABLE = {
    "title",
    "keywords",
    "description",
    "attributes",
    "custom_attributes",
    "category",
    "group",
    "owner",
    "base_language",
    "price_kind",
    "currency",
    "price_min",
    "price_max",
    "unit",
    "moq",
    "supply_quantity",
    "supply_period",
    "lead_times",
    "port_of_loading",
    "incoterms",
    "payment_methods",
    "packaging",
    "hs_code",
    "origin_country",
    "certifications",
    "sample_available",
    "sample_price",
    "oem",
    "odm",
    "ready_to_ship",
    "stock",
    "weight_kg",
    "length_cm",
    "width_cm",
    "height_cm",
}


# --- Checking input ----------------------------------------------------------------------------


def sanitize_html(html: str) -> str:
    """Keeps formatting tags only: no scripts, styles, links, images or event handlers."""
    return nh3.clean(
        html or "", tags=ALLOWED_TAGS, attributes={}, link_rel=None, strip_comments=True
    ).strip()


def clean_title(title: str) -> str:
    title = " ".join((title or "").split())
    if len(title) < 10:
        raise BusinessError(
            _("Write a title of at least 10 characters that says what the product is."),
            field="title",
        )
    if len(title) > TITLE_MAX:
        raise BusinessError(
            _("Keep the title within %(n)d characters.") % {"n": TITLE_MAX}, field="title"
        )
    return title


def clean_keywords(keywords: Iterable[str]) -> list[str]:
    cleaned = list(dict.fromkeys(" ".join(str(k).split()) for k in keywords if str(k).strip()))
    if len(cleaned) > KEYWORDS_MAX:
        raise BusinessError(
            _("Give at most %(n)d keywords.") % {"n": KEYWORDS_MAX}, field="keywords"
        )
    if any(len(k) > 50 for k in cleaned):
        raise BusinessError(_("Keep each keyword under 50 characters."), field="keywords")
    return cleaned


def _decimal(value: Any, field: str, *, positive: bool = True) -> Decimal | None:
    if value in (None, ""):
        return None
    try:
        number = Decimal(str(value))
    except InvalidOperation:
        raise BusinessError(_("Enter a number."), field=field) from None
    if not number.is_finite() or (positive and number <= 0) or number < 0:
        raise BusinessError(_("Enter a number above zero."), field=field)
    return number


def _clean_lead_times(rows: Any) -> list[dict[str, int]]:
    cleaned = []
    for row in rows or []:
        try:
            up_to, days = int(row["up_to"]), int(row["days"])
        except (KeyError, TypeError, ValueError):
            raise BusinessError(
                _("Lead times need a quantity and a number of days."), field="lead_times"
            ) from None
        if up_to <= 0 or not 0 < days <= 365:
            raise BusinessError(
                _("Lead time: quantity above zero, 1 to 365 days."), field="lead_times"
            )
        cleaned.append({"up_to": up_to, "days": days})
    cleaned.sort(key=lambda r: r["up_to"])
    if len({r["up_to"] for r in cleaned}) != len(cleaned):
        raise BusinessError(_("Give each lead-time quantity once."), field="lead_times")
    return cleaned


def _clean_fields(product: Product, fields: dict[str, Any]) -> dict[str, Any]:
    unknown = set(fields) - EDITABLE
    if unknown:
        raise BusinessError(f"Unknown listing fields: {sorted(unknown)}")
    out = dict(fields)
    if "title" in out:
        out["title"] = clean_title(out["title"])
    if "keywords" in out:
        out["keywords"] = clean_keywords(out["keywords"])
    if "description" in out:
        out["description"] = sanitize_html(out["description"])
    if "category" in out:
        category = out["category"]
        if not isinstance(category, Category) or not category.is_leaf or not category.is_active:
            raise BusinessError(_("Choose a category at the end of the tree."), field="category")
    if "base_language" in out:
        if out["base_language"] not in LANGUAGES:
            raise BusinessError(_("Unknown language."), field="base_language")
        if product.pk and product.translations.filter(language=out["base_language"]).exists():
            raise BusinessError(
                _("There is already a version in that language; remove it first."),
                field="base_language",
            )
    if "incoterms" in out:
        terms = [str(t).upper() for t in out["incoterms"]]
        unknown_terms = [t for t in terms if t not in INCOTERMS]
        if unknown_terms:
            raise BusinessError(
                _("Unknown Incoterms: %(t)s.") % {"t": ", ".join(unknown_terms)}, field="incoterms"
            )
        out["incoterms"] = list(dict.fromkeys(terms))
    if "payment_methods" in out:
        try:
            out["payment_methods"] = validate_payment_methods(out["payment_methods"])
        except (ValidationError, ValueError) as exc:
            message = exc.messages[0] if isinstance(exc, ValidationError) else str(exc)
            raise BusinessError(message, field="payment_methods") from None
    if out.get("hs_code"):
        try:
            out["hs_code"] = validate_hs_code(out["hs_code"])
        except (ValidationError, ValueError) as exc:
            message = exc.messages[0] if isinstance(exc, ValidationError) else str(exc)
            raise BusinessError(message, field="hs_code") from None
    if "lead_times" in out:
        out["lead_times"] = _clean_lead_times(out["lead_times"])
    for name in ("price_min", "price_max", "sample_price"):
        if name in out:
            out[name] = _decimal(out[name], name)
    for name in ("moq", "supply_quantity", "weight_kg", "length_cm", "width_cm", "height_cm"):
        if name in out:
            out[name] = _decimal(out[name], name)
    if "stock" in out:
        out["stock"] = _decimal(out["stock"], "stock", positive=False)
    if "certifications" in out:
        out["certifications"] = list(
            dict.fromkeys(str(c).strip()[:40] for c in out["certifications"] if str(c).strip())
        )[:20]
    if "custom_attributes" in out:
        try:
            out["custom_attributes"] = clean_custom_attributes(out["custom_attributes"])
        except AttributeErrors as exc:
            raise BusinessError(
                next(iter(exc.errors.values())), field="custom_attributes"
            ) from None
    owner = out.get("owner")
    if (
        owner is not None
        and not Membership.objects.filter(
            user=owner, company_id=product.company_id, is_active=True
        ).exists()
    ):
        raise BusinessError(_("Choose an active member of your company."), field="owner")
    group = out.get("group")
    if group is not None and group.company_id != product.company_id:
        raise BusinessError(_("Choose one of your own groups."), field="group")
    return out


def _check_prices(product: Product) -> None:
    low, high = product.price_min, product.price_max
    if (
        product.price_kind == PriceKind.RANGE
        and low is not None
        and high is not None
        and low > high
    ):
        raise BusinessError(_("The lowest price is above the highest."), field="price_min")


def _check_attributes(product: Product, *, require: bool) -> None:
    try:
        product.attributes = clean_attributes(
            product.category.attributes.all(), product.attributes, require=require
        )
    except AttributeErrors as exc:
        code, message = next(iter(exc.errors.items()))
        raise BusinessError(f"{code}: {message}", field=f"attributes.{code}") from None


# --- Who may act on a listing ---------------------------------------------------------------


def can_manage(membership: Membership | None, product: Product) -> bool:
    if membership is None or membership.company_id != product.company_id:
        return False
    if membership.role in (Role.OWNER, Role.ADMIN):
        return True
    return membership.role == Role.SALES_REP and product.owner_id == membership.user_id


def _require_reviewer(user: User) -> None:
    if not (user.is_active and user.is_staff and user.has_perm(REVIEW_PERMISSION)):
        raise Forbidden(_("Only listing reviewers can decide on listings."))


# --- Working copy ---------------------------------------------------------------------------------


def _unique_slug(title: str) -> str:
    base = slugify(title)[:120] or "product"
    return f"{base}-{get_random_string(6, 'abcdefghijkmnpqrstuvwxyz23456789')}"


@transaction.atomic
def listing_create(
    *, membership: Membership, category: Category, title: str, **fields: Any
) -> Product:
    """A new draft. A sales rep's listing is theirs; otherwise it has no owner until assigned."""
    if not membership.company.is_supplier:
        raise BusinessError(_("Only suppliers publish products."))
    if membership.role == Role.SALES_REP:
        fields["owner"] = membership.user  # a rep's listing is always the rep's own
    product = Product(company=membership.company, category=category, title="x" * 10)
    cleaned = _clean_fields(product, {"category": category, "title": title, **fields})
    for key, value in cleaned.items():
        setattr(product, key, value)
    _check_attributes(product, require=False)
    _check_prices(product)
    product.slug = _unique_slug(product.title)
    product.full_clean(exclude=["slug"])
    product.save()
    quality.refresh_quality(product)
    return product


def _lock(product: Product) -> Product:
    return (
        Product.objects.select_for_update().select_related("category", "company").get(pk=product.pk)
    )


def _after_edit(product: Product, by: User | None) -> None:
    """A change to a live listing waits for review; the public keeps seeing the approved version."""
    if product.status == S.ARCHIVED:
        raise BusinessError(_("Restore the listing from the archive before editing it."))
    if product.status == S.LIVE:
        _move(product, S.EDITED, ReviewAction.SUBMITTED, by, save_fields=["submitted_at"])


@transaction.atomic
def listing_update(*, product: Product, by: User | None, **fields: Any) -> Product:
    product = _lock(product)
    if product.status == S.ARCHIVED:
        raise BusinessError(_("Restore the listing from the archive before editing it."))
    cleaned = _clean_fields(product, fields)
    for key, value in cleaned.items():
        setattr(product, key, value)
    if "category" in cleaned and "attributes" not in cleaned:
        # Values of the old template that the new one lacks are kept as other attributes.
        codes = set(product.category.attributes.values_list("code", flat=True))
        moved = [
            {"name": k, "value": str(v)} for k, v in product.attributes.items() if k not in codes
        ]
        product.attributes = {k: v for k, v in product.attributes.items() if k in codes}
        product.custom_attributes = (product.custom_attributes + moved)[:20]
    _check_attributes(product, require=False)
    _check_prices(product)
    product.full_clean(exclude=["slug"])
    product.save()
    _after_edit(product, by)
    quality.refresh_quality(product)
    return product


@transaction.atomic
def listing_set_tiers(
    *, product: Product, by: User | None, tiers: Iterable[tuple[Any, Any]]
) -> Product:
    product = _lock(product)
    rows = []
    for quantity, price in tiers:
        q = _decimal(quantity, "tiers")
        p = _decimal(price, "tiers")
        if q is None or p is None:
            raise BusinessError(_("Each tier needs a quantity and a price."), field="tiers")
        rows.append((q, p))
    rows.sort()
    if len({q for q, _p in rows}) != len(rows):
        raise BusinessError(_("Give each tier quantity once."), field="tiers")
    if any(later > earlier for (_q1, earlier), (_q2, later) in pairwise(rows)):
        raise BusinessError(_("A larger quantity cannot cost more per unit."), field="tiers")
    if len(rows) > 6:
        raise BusinessError(_("At most 6 price tiers."), field="tiers")
    product.tiers.all().delete()
    TierPrice.objects.bulk_create(
        TierPrice(product=product, min_quantity=q, unit_price=p) for q, p in rows
    )
    if rows:
        product.price_kind = PriceKind.TIERS
        product.price_min, product.price_max = rows[-1][1], rows[0][1]
        product.save(update_fields=["price_kind", "price_min", "price_max", "updated_at"])
    _after_edit(product, by)
    quality.refresh_quality(product)
    return product


@transaction.atomic
def listing_set_translation(
    *,
    product: Product,
    by: User | None,
    language: str,
    title: str,
    keywords: Iterable[str] = (),
    description: str = "",
    attribute_texts: dict[str, str] | None = None,
) -> ProductTranslation:
    product = _lock(product)
    if language not in LANGUAGES:
        raise BusinessError(_("Unknown language."), field="language")
    if language == product.base_language:
        raise BusinessError(
            _("This is the listing's base language; edit the listing itself."), field="language"
        )
    text_codes = set(product.category.attributes.filter(type="text").values_list("code", flat=True))
    texts = {k: str(v).strip()[:200] for k, v in (attribute_texts or {}).items() if str(v).strip()}
    if set(texts) - text_codes:
        raise BusinessError(_("Only text attributes are translated."), field="attribute_texts")
    translation, _created = ProductTranslation.objects.update_or_create(
        product=product,
        language=language,
        defaults={
            "title": clean_title(title),
            "keywords": clean_keywords(keywords),
            "description": sanitize_html(description),
            "attribute_texts": texts,
        },
    )
    _after_edit(product, by)
    quality.refresh_quality(product)
    return translation


@transaction.atomic
def listing_remove_translation(*, product: Product, by: User | None, language: str) -> None:
    product = _lock(product)
    deleted, _rows = product.translations.filter(language=language).delete()
    if deleted:
        _after_edit(product, by)
    quality.refresh_quality(product)


def dhash(image: Image.Image) -> str:
    """64-bit difference hash: robust to resizing and recompression, cheap to compare."""
    small = image.convert("L").resize((9, 8), Image.Resampling.LANCZOS)
    flat = getattr(small, "get_flattened_data", None)
    pixels = list(flat() if flat else small.getdata())
    bits = 0
    for row in range(8):
        for col in range(8):
            bits = (bits << 1) | (pixels[row * 9 + col] > pixels[row * 9 + col + 1])
    return f"{bits:016x}"


@transaction.atomic
def listing_add_image(*, product: Product, by: User | None, upload: UploadedFile) -> ProductImage:
    product = _lock(product)
    if product.images.count() >= IMAGES_MAX:
        raise BusinessError(
            _("A listing has at most %(n)d images.") % {"n": IMAGES_MAX}, field="image"
        )
    try:
        clean = clean_image(upload, max_side=1600)
    except ValidationError as exc:
        raise BusinessError(exc.messages[0], field="image") from None
    picture = Image.open(io.BytesIO(clean.content.read()))
    thumb = picture.copy()
    thumb.thumbnail((THUMB_SIDE, THUMB_SIDE))
    out = io.BytesIO()
    thumb.convert("RGB").save(out, format="JPEG", quality=82)
    position = (
        product.images.order_by("-position").values_list("position", flat=True).first() or -1
    ) + 1
    record = ProductImage(
        product=product,
        position=position,
        dhash=dhash(picture),
        width=picture.width,
        height=picture.height,
    )
    clean.content.seek(0)
    record.image.save(f"{product.slug}-{position}.{clean.extension}", clean.content, save=False)
    record.thumbnail.save(f"{product.slug}-{position}.jpg", ContentFile(out.getvalue()), save=False)
    record.save()
    _after_edit(product, by)
    quality.refresh_quality(product)
    return record


@transaction.atomic
def listing_remove_image(*, product: Product, by: User | None, image_id: int) -> None:
    product = _lock(product)
    image = product.images.filter(pk=image_id).first()
    if image is None:
        from hansa.core.errors import NotFound

        raise NotFound()
    published = product.published or {}
    still_public = any(i["image"] == image.image.name for i in published.get("images", []))
    image.delete()
    if not still_public:
        # Files of the approved version stay until a new version is approved.
        _purge_unpublished_files({image.image.name, image.thumbnail.name})
    for position, img in enumerate(product.images.order_by("position", "id")):
        if img.position != position:
            ProductImage.objects.filter(pk=img.pk).update(position=position)
    _after_edit(product, by)
    quality.refresh_quality(product)


@transaction.atomic
def listing_set_main_image(*, product: Product, by: User | None, image_id: int) -> None:
    product = _lock(product)
    order = list(product.images.order_by("position", "id").values_list("pk", flat=True))
    if image_id not in order:
        from hansa.core.errors import NotFound

        raise NotFound()
    order.remove(image_id)
    for position, pk in enumerate([image_id, *order]):
        ProductImage.objects.filter(pk=pk).update(position=position)
    _after_edit(product, by)
    quality.refresh_quality(product)


# --- Lifecycle ---------------------------------------------------------------------------------


def _move(
    product: Product,
    to: str,
    action: str,
    by: User | None,
    *,
    reasons: dict[str, str] | None = None,
    save_fields: list[str] | None = None,
) -> None:
    if to not in TRANSITIONS.get(product.status, set()):
        raise BusinessError(
            _("A listing that is %(from)s cannot become %(to)s.")
            % {"from": ListingStatus(product.status).label, "to": ListingStatus(to).label}
        )
    from_status = product.status
    product.status = to
    if action == ReviewAction.SUBMITTED:
        product.submitted_at = timezone.now()
    product.save(update_fields=["status", "updated_at", *(save_fields or [])])
    ReviewEvent.objects.create(
        product=product,
        action=action,
        from_status=from_status,
        to_status=to,
        reasons=reasons or {},
        by=by,
    )


def submission_problems(product: Product) -> dict[str, str]:
    """What must be fixed before review; empty when the listing can be submitted."""
    problems: dict[str, str] = {}
    try:
        clean_attributes(product.category.attributes.all(), product.attributes, require=True)
    except AttributeErrors as exc:
        problems.update({f"attributes.{code}": message for code, message in exc.errors.items()})
    if not product.images.exists():
        problems["images"] = _("Add at least one product photo.")
    if product.price_kind == PriceKind.RANGE and product.price_min is None:
        problems["price_min"] = _("Give a price, a tier table, or mark the price negotiable.")
    if product.price_kind == PriceKind.TIERS and not product.tiers.exists():
        problems["tiers"] = _("Add at least one price tier.")
    if not product.moq:
        problems["moq"] = _("Give the minimum order quantity.")
    return problems


@transaction.atomic
def listing_submit(*, product: Product, by: User | None) -> Product:
    product = _lock(product)
    if product.status in (S.PENDING, S.EDITED):
        return product  # already waiting: a double click submits once
    problems = submission_problems(product)
    if problems:
        field, message = next(iter(problems.items()))
        raise BusinessError(message, field=field)
    from hansa.catalog.review_checks import run_checks

    product.auto_flags = run_checks(product)
    target = S.EDITED if product.status in (S.LIVE, S.OFFLINE) and product.published else S.PENDING
    _move(product, target, ReviewAction.SUBMITTED, by, save_fields=["submitted_at", "auto_flags"])
    return product


def _prefetched(product: Product) -> Product:
    return (
        Product.objects.select_related("category", "port_of_loading")
        .prefetch_related("tiers", "translations", "images")
        .get(pk=product.pk)
    )


@transaction.atomic
def listing_approve(*, product: Product, by: User) -> Product:
    _require_reviewer(by)
    product = _lock(product)
    if product.status not in (S.PENDING, S.EDITED):
        raise BusinessError(_("Only listings waiting for review can be approved."))
    snapshot = build_snapshot(_prefetched(product))
    old_files = {
        name
        for i in (product.published or {}).get("images", [])
        for name in (i["image"], i["thumbnail"])
    }
    detectors.detect_problems(product)
    product.published = snapshot
    product.published_at = timezone.now()
    product.rejection_reasons = {}
    _move(
        product,
        S.LIVE,
        ReviewAction.APPROVED,
        by,
        save_fields=["published", "published_at", "rejection_reasons"],
    )
    new_files = {name for i in snapshot["images"] for name in (i["image"], i["thumbnail"])}
    _purge_unpublished_files(old_files - new_files)
    return product


def _purge_unpublished_files(names: set[str]) -> None:
    """Deletes files no image row uses any more (after commit); shared files are kept."""
    from django.core.files.storage import default_storage
    from django.db.models import Q

    def purge() -> None:
        for name in names:
            if name and not ProductImage.objects.filter(Q(image=name) | Q(thumbnail=name)).exists():
                default_storage.delete(name)

    if names:
        transaction.on_commit(purge)


@transaction.atomic
def listing_reject(*, product: Product, by: User, reasons: dict[str, str]) -> Product:
    """Rejects with a reason per field. A rejected edit leaves the approved version online."""
    _require_reviewer(by)
    reasons = {str(k): str(v).strip() for k, v in reasons.items() if str(v).strip()}
    if not reasons:
        raise BusinessError(_("Tell the supplier what to fix."), field="reasons")
    product = _lock(product)
    if product.status not in (S.PENDING, S.EDITED):
        raise BusinessError(_("Only listings waiting for review can be rejected."))
    product.rejection_reasons = reasons
    target = S.LIVE if product.status == S.EDITED else S.REJECTED
    _move(
        product,
        target,
        ReviewAction.REJECTED,
        by,
        reasons=reasons,
        save_fields=["rejection_reasons"],
    )
    return product


@transaction.atomic
def listing_take_offline(*, product: Product, by: User | None) -> Product:
    product = _lock(product)
    if product.status == S.OFFLINE:
        return product
    _move(product, S.OFFLINE, ReviewAction.OFFLINE, by)
    return product


@transaction.atomic
def listing_relist(*, product: Product, by: User | None) -> Product:
    """Back online: the approved version at once; any unapproved change goes to review."""
    product = _lock(product)
    if product.status != S.OFFLINE:
        raise BusinessError(_("Only an offline listing can be put back online."))
    if not product.published:
        raise BusinessError(_("This listing was never approved; submit it for review."))
    changed = content_digest(build_snapshot(_prefetched(product))) != content_digest(
        product.published
    )
    _move(
        product,
        S.EDITED if changed else S.LIVE,
        ReviewAction.RELISTED,
        by,
        save_fields=["submitted_at"] if changed else None,
    )
    return product


@transaction.atomic
def listing_archive(*, product: Product, by: User | None) -> Product:
    product = _lock(product)
    if product.status != S.ARCHIVED:
        _move(product, S.ARCHIVED, ReviewAction.ARCHIVED, by)
    return product


@transaction.atomic
def listing_restore(*, product: Product, by: User | None) -> Product:
    product = _lock(product)
    _move(product, S.OFFLINE if product.published else S.DRAFT, ReviewAction.RESTORED, by)
    return product
