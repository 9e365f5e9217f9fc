"""Demo product listings: tens of thousands of realistic listings for the demo suppliers, and a
lean mode that fills a benchmark catalogue of up to a million.

Every listing sits in a leaf of the category tree, fills each required attribute of the leaf's
template with a valid value, and gets a title built from the category's product names with the
modifiers buyers search for (materials, sizes, models). Prices are FOB in USD with the magnitudes
of the category, the MOQ comes in a unit that suits it, the port of loading is the supplier's
nearest port, and the HS code is the category's first six-digit subheading.

Services are bypassed for speed (rows go in a batch at a time with one prepared INSERT, or COPY on
PostgreSQL), so this module keeps their rules itself: the published snapshot is made by
``snapshot.build_snapshot`` from an in-memory view of the listing, required attributes are
filled from the template, translations are never in the base language, tiers fall as the quantity
grows, and at most ``KEYWORDS_MAX`` keywords and ``IMAGES_MAX`` images are given. The tests check
these against ``attributes.clean_attributes`` and ``build_snapshot`` on the stored rows.

Everything comes from one ``random.Random`` seeded by the caller, so the same seed over the same
suppliers builds the same listings.
"""

from __future__ import annotations

import contextlib
import io
import math
import random
import re
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal
from html import escape
from typing import Any

from django.contrib.auth.hashers import make_password
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import models as db_models
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from PIL import Image, ImageDraw, ImageFont

from hansa.catalog.listing_services import THUMB_SIDE, dhash
from hansa.catalog.models import (
    AttributeDefinition,
    Category,
    ListingStatus,
    PriceKind,
    Product,
    ProductGroup,
    ProductImage,
    ProductTranslation,
    ReviewEvent,
    TierPrice,
)
from hansa.catalog.models.listings import IMAGES_MAX, KEYWORDS_MAX, TITLE_MAX, ReviewAction
from hansa.catalog.snapshot import build_snapshot
from hansa.companies.choices import BusinessType, CompanyKind
from hansa.companies.models import Certification, Company, Membership
from hansa.companies.roles import Role
from hansa.demo import catalog_words as words
from hansa.demo.industries import INDUSTRIES, industry_of_products
from hansa.trade.hscodes import validate_hs_code
from hansa.trade.models import Port
from hansa.trade.units import UNIT_CHOICES

DEFAULT_PRODUCTS = 20_000
DEMO_BATCH = 2_000
BENCH_BATCH = 5_000
IMAGES_PER_INDUSTRY = 40
BENCH_IMAGES = 6
IMAGE_SIDE = 600
SHOWROOM_GROUP = "New 2027 range"
SHOWROOM_SIZE = 3
FEATURED_LEAVES = (
    "led-panel-lights",
    "led-downlights",
    "led-high-bay-lights",
    "led-flood-lights",
    "led-street-lights",
    "led-strip-lights",
    "chandeliers-pendants",
    "led-tubes",
    "led-track-lights",
)
# Shares of the demo's listings by status (the rest is live).
STATUS_SHARES = (
    (ListingStatus.PENDING, 0.04),
    (ListingStatus.EDITED, 0.01),
    (ListingStatus.DRAFT, 0.04),
    (ListingStatus.REJECTED, 0.02),
    (ListingStatus.OFFLINE, 0.02),
    (ListingStatus.ARCHIVED, 0.01),
)
TRANSLATION_SHARES = (
    ("zh-hans", 0.30),
    ("es", 0.15),
    ("fr", 0.03),
    ("de", 0.03),
    ("ru", 0.03),
    ("pt", 0.03),
    ("ar", 0.02),
    ("ja", 0.02),
)
DUPLICATE_SHARE = 0.005
MISCATEGORISED_SHARE = 0.005
UNITS = {code for code, _label in UNIT_CHOICES}
# Certificates that mark a product (a factory's ISO 9001 does not).
PRODUCT_MARKS = frozenset({"CE", "RoHS", "UL", "FCC", "ENEC", "SAA", "GS", "E-Mark", "CB", "LFGB"})
PAYMENT_ORDER = ("TT", "ECHECK", "CARD", "LC", "DP", "DA", "OA")
UNIT_ZH = {
    "H87": "件",
    "C62": "个",
    "SET": "套",
    "PR": "双",
    "CT": "箱",
    "BX": "盒",
    "BG": "袋",
    "PK": "包",
    "RO": "卷",
    "KGM": "千克",
    "TNE": "吨",
    "MTR": "米",
    "MTK": "平方米",
    "LTR": "升",
    "FTK": "平方英尺",
}
UNIT_EN = {
    "H87": "pieces",
    "C62": "units",
    "SET": "sets",
    "PR": "pairs",
    "CT": "cartons",
    "BX": "boxes",
    "BG": "bags",
    "PK": "packs",
    "RO": "rolls",
    "KGM": "kg",
    "TNE": "metric tons",
    "MTR": "metres",
    "MTK": "m²",
    "LTR": "litres",
    "FTK": "sq ft",
}
PALETTE = (
    (11, 92, 173),
    (214, 69, 65),
    (46, 139, 87),
    (242, 153, 0),
    (111, 66, 193),
    (0, 150, 136),
    (96, 125, 139),
    (233, 30, 99),
    (121, 85, 72),
    (63, 81, 181),
)


def _words_of(text: str) -> list[str]:
    return text.split()


LEGAL_WORDS = frozenset(
    _words_of(
        "co ltd inc llc corp gmbh kg sa de cv srl spa sp z o oo pvt limited pty ab as oy bv nv "
        "sarl sas sl ltda lda jsc company bhd sdn pte kk san ve tic the and group trading "
        "industrial industry industries technology tech import export international "
    )
)
PLURAL_KEEP = frozenset(
    _words_of(
        "jeans trousers shorts leggings pyjamas scissors pliers sunglasses goggles chinos "
        "accessories glasses headphones earphones tights overalls clothing sleepwear swimwear "
        "underwear "
        "workwear activewear sportswear equipment machinery furniture footwear hardware "
        "tableware drinkware bakeware glassware cutlery flatware cookware luggage "
    )
)
IRREGULAR = {
    "knives": "knife",
    "shelves": "shelf",
    "buses": "bus",
    "gases": "gas",
    "mice": "mouse",
    "leaves": "leaf",
    "boxes": "box",
    "dresses": "dress",
    "glasses": "glass",
    "presses": "press",
    "coaches": "coach",
    "series": "series",
    "hoodies": "hoodie",
    "ties": "tie",
    "scarves": "scarf",
}


# --- Names ------------------------------------------------------------------------------------


def singular(word: str) -> str:
    lower = word.lower()
    if lower in PLURAL_KEEP or len(word) <= 3 or not lower.endswith("s") or word.isupper():
        return word
    if lower in IRREGULAR:
        found = IRREGULAR[lower]
        return found[0].upper() + found[1:] if word[0].isupper() else found
    if lower.endswith("ies"):
        return word[:-3] + "y"
    if lower.endswith(("ches", "shes", "sses", "xes", "zes")):
        return word[:-2]
    if lower.endswith(("ss", "us", "is")):
        return word
    return word[:-1]


def _singular_phrase(phrase: str) -> str:
    parts = phrase.split()
    return " ".join([*parts[:-1], singular(parts[-1])]) if parts else phrase


def product_nouns(code: str, name: str) -> tuple[str, ...]:
    """Singular product names for a category: "Wall Switches & Sockets" -> Wall Switch, Wall
    Socket; "Filling & Capping Machines" -> Filling Machine, Capping Machine."""
    if code in words.NOUNS:
        return words.NOUNS[code]
    bracket = re.search(r"\(([^)]*)\)", name)
    base = re.sub(r"\s*\([^)]*\)", "", name).strip()
    if bracket and "," in bracket.group(1):
        return tuple(_singular_phrase(p.strip()) for p in bracket.group(1).split(","))
    parts = [p.strip() for p in re.split(r",\s*|\s+&\s+", base) if p.strip()]
    last = parts[-1].split()
    nouns = []
    for index, part in enumerate(parts):
        tokens = part.split()
        if index < len(parts) - 1:
            if len(tokens) == 1 and not tokens[0].lower().endswith("s") and len(last) > 1:
                tokens = tokens + last[1:] if tokens[0].endswith("ed") else tokens + last[-1:]
            elif len(tokens) == 1 and len(last) > 1 and tokens[0].lower() in PLURAL_KEEP:
                tokens = tokens + last[-1:]
        elif index > 0 and len(tokens) == 1 and len(parts[0].split()) > 1:
            tokens = parts[0].split()[:-1] + tokens
        nouns.append(_singular_phrase(" ".join(tokens)))
    if bracket and not nouns[0].startswith(bracket.group(1)):
        nouns.append(bracket.group(1).strip())
    return tuple(dict.fromkeys(nouns))


def initials(text: str) -> str:
    letters = [w[0] for w in re.findall(r"[A-Za-z][A-Za-z0-9]*", text)]
    return "".join(letters).upper()[:3] or "X"


def brand_code(name: str, city: str) -> str:
    skip = {w.lower() for w in re.findall(r"\w+", city)} | LEGAL_WORDS
    for token in re.findall(r"[A-Za-z]+", name):
        if token.lower() not in skip and len(token) > 2:
            return token[:2].upper()
    return initials(name)[:2] or "HX"


def _expand(pattern: str, rng: random.Random) -> str:
    """``{a|b}`` picks an option, ``{10-500/10}`` a number in steps."""

    def replace(match: re.Match[str]) -> str:
        body = match.group(1)
        if "|" in body or not re.fullmatch(r"[\d.]+-[\d.]+/[\d.]+", body):
            return rng.choice(body.split("|"))
        span, step = body.split("/")
        low, high = (Decimal(x) for x in span.split("-"))
        steps = int((high - low) / Decimal(step))
        value = low + Decimal(step) * rng.randint(0, steps)
        return format(value.normalize(), "f")

    return re.sub(r"\{([^{}]+)\}", replace, pattern)


def nice_quantity(value: float) -> int:
    """1, 2, 3, 5, 10, 20, 50 ... the quantities suppliers write."""
    if value <= 1:
        return 1
    power = 10 ** math.floor(math.log10(value))
    for step in (1, 2, 3, 5, 10):
        if value <= step * power * 1.25:
            return int(step * power)
    return int(10 * power)


def round_price(value: float) -> Decimal:
    if value >= 1000:
        return Decimal(round(value, -1)).quantize(Decimal("1"))
    if value >= 100:
        return Decimal(str(round(value))).quantize(Decimal("1"))
    if value >= 1:
        return Decimal(str(value)).quantize(Decimal("0.01"), ROUND_HALF_UP)
    if value >= 0.01:
        return Decimal(str(value)).quantize(Decimal("0.001"), ROUND_HALF_UP)
    return max(Decimal("0.0001"), Decimal(str(value)).quantize(Decimal("0.0001"), ROUND_HALF_UP))


# --- What the generator reads -------------------------------------------------------------------


@dataclass
class _Attribute:
    code: str
    name_en: str
    type: str
    unit: str
    choices: list[dict[str, str]]
    min_value: Decimal | None
    max_value: Decimal | None
    decimals: int | None
    max_length: int | None
    required: bool


@dataclass
class _Leaf:
    id: int
    code: str
    top: str
    name_en: str
    name_zh: str
    nouns: tuple[str, ...]
    hs_code: str
    pricing: words.Pricing
    attributes: list[_Attribute]


@dataclass
class _Supplier:
    company_id: int
    slug: str
    name: str
    brand: str
    country: str
    city: str
    industry: str
    trading: bool
    featured: bool
    port_id: int | None
    port_locode: str | None
    port_name: str
    port_name_zh: str
    port_is_sea: bool
    certifications: list[str]
    reps: list[int]
    owner_user: int | None
    created_at: datetime
    leaves: list[_Leaf] = field(default_factory=list)
    weights: list[float] = field(default_factory=list)


@dataclass
class ListingCounts:
    """What the generator wrote."""

    total: int = 0
    by_status: Counter[str] = field(default_factory=Counter)
    translations: Counter[str] = field(default_factory=Counter)
    images: int = 0
    tiers: int = 0
    duplicates: int = 0
    miscategorised: int = 0
    top_categories: int = 0
    protected: int = 0
    seconds: float = 0.0

    @property
    def live(self) -> int:
        return self.by_status[ListingStatus.LIVE] + self.by_status[ListingStatus.EDITED]


def load_leaves() -> list[_Leaf]:
    categories = list(
        Category.objects.filter(is_active=True)
        .order_by("path")
        .values_list("id", "code", "path", "name_en", "name_zh", "hs_codes", "is_leaf")
    )
    templates: dict[int, list[_Attribute]] = defaultdict(list)
    for a in AttributeDefinition.objects.order_by("category_id", "position", "id"):
        templates[a.category_id].append(
            _Attribute(
                a.code,
                a.name_en,
                a.type,
                a.unit,
                list(a.choices),
                a.min_value,
                a.max_value,
                a.decimals,
                a.max_length,
                a.required,
            )
        )
    leaves = []
    for pk, code, path, name_en, name_zh, hs_codes, is_leaf in categories:
        if not is_leaf:
            continue
        top = path.split("/", 1)[0]
        hs = ""
        if hs_codes and len(hs_codes[0].replace(".", "")) == 6:
            with contextlib.suppress(ValidationError):
                hs = validate_hs_code(hs_codes[0])
        pricing = words.PRICING.get(code) or words.PRICING.get(top) or words.PRICING["machinery"]
        if pricing.unit not in UNITS:
            pricing = words.Pricing("H87", pricing.low, pricing.high, pricing.moq)
        leaves.append(
            _Leaf(
                pk,
                code,
                top,
                name_en,
                name_zh,
                product_nouns(code, name_en),
                hs,
                pricing,
                templates.get(pk, []),
            )
        )
    return leaves


def load_suppliers(featured_name: str = "") -> list[_Supplier]:
    """The demo suppliers, in slug order, with what a listing needs from each."""
    companies = list(
        Company.objects.filter(
            is_demo=True, is_active=True, kind__in=[CompanyKind.SUPPLIER, CompanyKind.BOTH]
        )
        .order_by("slug")
        .values_list(
            "id",
            "slug",
            "name",
            "country",
            "city",
            "main_products",
            "business_types",
            "nearest_port_id",
            "created_at",
        )
    )
    ids = [c[0] for c in companies]
    ports = {
        p[0]: p
        for p in Port.objects.filter(
            pk__in={c[7] for c in companies if c[7] is not None}
        ).values_list("id", "locode", "name", "name_zh", "kind")
    }
    reps: dict[int, list[int]] = defaultdict(list)
    owners: dict[int, int] = {}
    for company_id, user_id, role in (
        Membership.objects.filter(company_id__in=ids, is_active=True)
        .order_by("user_id")
        .values_list("company_id", "user_id", "role")
    ):
        if role == Role.SALES_REP:
            reps[company_id].append(user_id)
        elif role == Role.OWNER:
            owners[company_id] = user_id
    certs: dict[int, list[str]] = defaultdict(list)
    for company_id, name in (
        Certification.objects.filter(company_id__in=ids)
        .order_by("id")
        .values_list("company_id", "name")
    ):
        certs[company_id].append(name)
    keys = sorted(INDUSTRIES)
    suppliers = []
    for pk, slug, name, country, city, products, types, port_id, created in companies:
        industry = industry_of_products(products) or keys[pk % len(keys)]
        port = ports.get(port_id)
        suppliers.append(
            _Supplier(
                company_id=pk,
                slug=slug,
                name=name,
                brand=brand_code(name, city),
                country=str(country),
                city=city,
                industry=industry,
                trading=BusinessType.MANUFACTURER not in (types or []),
                featured=name == featured_name,
                port_id=port[0] if port else None,
                port_locode=port[1] if port else None,
                port_name=port[2] if port else city,
                port_name_zh=(port[3] or port[2]) if port else city,
                port_is_sea=bool(port and port[4] != Port.Kind.AIRPORT),
                certifications=certs.get(pk, []),
                reps=reps.get(pk, []),
                owner_user=owners.get(pk),
                created_at=created,
            )
        )
    return suppliers


# --- Images -----------------------------------------------------------------------------------


_RENDERED: dict[tuple[str, int], tuple[bytes, bytes, str]] = {}
# The demo supplier's own photos are drawn from this index on (past the shared stock photos).
FEATURED_FIRST = 1000


def _box(x0: int, y0: int, x1: int, y1: int, scale: float, dx: int, dy: int) -> tuple[int, ...]:
    """A box scaled about the picture's centre, then moved."""
    c = 300
    return tuple(
        int(c + (v - c) * scale) + (dx if i % 2 == 0 else dy)
        for i, v in enumerate((x0, y0, x1, y1))
    )


def _triangle(scale: float, dx: int, dy: int) -> list[tuple[int, int]]:
    return [
        (int(300 + (x - 300) * scale) + dx, int(300 + (y - 300) * scale) + dy)
        for x, y in ((300, 70), (530, 500), (70, 500))
    ]


class ImageBank:
    """A few simple product-ish pictures per top-level category, drawn once and shared.

    Files already in storage (an earlier run) are reused; a picture is drawn only when a listing
    first asks for it."""

    def __init__(self, per_industry: int = IMAGES_PER_INDUSTRY, folder: str = "demo") -> None:
        self.per_industry = per_industry
        self.folder = folder
        self.storage = ProductImage._meta.get_field("image").storage
        self.cache: dict[tuple[str, int], tuple[str, str, str]] = {}
        self.font: Any = None

    def _font(self) -> Any:
        if self.font is None:
            try:
                self.font = ImageFont.load_default(size=150)
            except TypeError:  # Pillow without FreeType
                self.font = ImageFont.load_default()
        return self.font

    def draw(self, top: str, index: int) -> Image.Image:
        # From FEATURED_FIRST on, every picture gets its own layout (position, size, accent
        # corner), so no two of them share a difference hash; stock pictures stay centred.
        dx = dy = 0
        scale = 1.0
        corner = (380, 60, 540, 220)
        shape = (index // len(PALETTE)) % 4
        if index >= FEATURED_FIRST:
            n = index - FEATURED_FIRST
            dx = (-130, 0, 130)[n % 3]
            dy = (-110, 0, 110)[(n // 3) % 3]
            scale = (1.0, 0.55, 0.78)[(n // 9) % 3]
            shape = (n // 27) % 4
            corner = (
                (380, 60, 540, 220),
                (60, 380, 220, 540),
                (60, 60, 220, 220),
                (380, 380, 540, 540),
            )[(n // 108) % 4]
        colour = PALETTE[index % len(PALETTE)]
        accent = PALETTE[(index * 7 + 3) % len(PALETTE)]
        shade = 236 + (index % 4) * 5
        picture = Image.new("RGB", (IMAGE_SIDE, IMAGE_SIDE), (shade, shade, shade - 6))
        pen = ImageDraw.Draw(picture)
        if index >= FEATURED_FIRST:
            # A tiled backdrop in light shades drawn from the index: it gives every picture of
            # the demo supplier its own difference hash.
            tiles = random.Random(index)
            for row in range(8):
                for col in range(9):
                    tone = tiles.randint(200, 252)
                    box = (
                        col * IMAGE_SIDE // 9,
                        row * IMAGE_SIDE // 8,
                        (col + 1) * IMAGE_SIDE // 9,
                        (row + 1) * IMAGE_SIDE // 8,
                    )
                    pen.rectangle(box, fill=(tone, tone, tone - 4))
        if shape == 0:
            pen.rounded_rectangle(_box(90, 110, 510, 490, scale, dx, dy), radius=48, fill=colour)
        elif shape == 1:
            pen.ellipse(_box(80, 80, 520, 520, scale, dx, dy), fill=colour)
        elif shape == 2:
            pen.regular_polygon((300 + dx, 300 + dy, int(230 * scale)), 6, fill=colour)
        else:
            pen.polygon(
                [(300 + dx, 70 + dy), (530 + dx, 500 + dy), (70 + dx, 500 + dy)], fill=colour
            )
        pen.ellipse(corner, fill=accent)
        label = "".join(w[0] for w in top.split("-")[:2]).upper()
        pen.text((300, 300), label, fill=(255, 255, 255), font=self._font(), anchor="mm")
        pen.text((300, 560), f"{top} {index + 1:02d}", fill=(90, 90, 90), anchor="mm")
        return picture

    def get(self, top: str, index: int) -> tuple[str, str, str]:
        """(image name, thumbnail name, dhash)."""
        key = (top, index)
        if key in self.cache:
            return self.cache[key]
        name = f"products/{self.folder}/{top}/{index + 1:02d}.png"
        thumb = f"products/{self.folder}/{top}/thumbs/{index + 1:02d}.jpg"
        if self.storage.exists(name) and self.storage.exists(thumb):
            with self.storage.open(name, "rb") as fh:
                picture = Image.open(io.BytesIO(fh.read()))
                picture.load()
            digest = dhash(picture)
        else:
            png, jpeg, digest = self.render(top, index)
            for path, data in ((name, png), (thumb, jpeg)):
                if self.storage.exists(path):
                    self.storage.delete(path)
                self.storage.save(path, ContentFile(data))
        self.cache[key] = (name, thumb, digest)
        return self.cache[key]

    def render(self, top: str, index: int) -> tuple[bytes, bytes, str]:
        """(PNG, JPEG thumbnail, dhash) of a picture; drawn once per process."""
        key = (top, index)
        if key not in _RENDERED:
            picture = self.draw(top, index)
            out = io.BytesIO()
            picture.save(out, format="PNG", compress_level=1)
            small = picture.copy()
            small.thumbnail((THUMB_SIDE, THUMB_SIDE))
            out_thumb = io.BytesIO()
            small.save(out_thumb, format="JPEG", quality=82)
            _RENDERED[key] = (out.getvalue(), out_thumb.getvalue(), dhash(picture))
        return _RENDERED[key]


# --- Timestamps ---------------------------------------------------------------------------------


@contextlib.contextmanager
def explicit_timestamps() -> Iterator[None]:
    """Lets bulk_create keep the generated dates instead of stamping "now" on auto fields."""
    fields: list[db_models.DateTimeField] = [
        Product._meta.get_field("created_at"),  # type: ignore[list-item]
        Product._meta.get_field("updated_at"),  # type: ignore[list-item]
        ProductImage._meta.get_field("created_at"),  # type: ignore[list-item]
        ReviewEvent._meta.get_field("at"),  # type: ignore[list-item]
        ProductGroup._meta.get_field("created_at"),  # type: ignore[list-item]
    ]
    saved = [(f, f.auto_now, f.auto_now_add) for f in fields]
    for f in fields:
        f.auto_now = f.auto_now_add = False
    try:
        yield
    finally:
        for f, auto_now, auto_now_add in saved:
            f.auto_now, f.auto_now_add = auto_now, auto_now_add


# --- The snapshot view ----------------------------------------------------------------------------


class _Rows(list):
    """A list that answers ``.all()`` like a prefetched related manager."""

    def all(self) -> _Rows:
        return self


@dataclass
class _Named:
    name: str


@dataclass
class _Port:
    locode: str


@dataclass
class _Code:
    code: str

    def __bool__(self) -> bool:
        return bool(self.code)


class _SnapshotView:
    """What ``build_snapshot`` reads, without a query: the product's fields plus its tiers,
    images and translations as lists."""

    def __init__(
        self,
        product: Product,
        category_code: str,
        locode: str | None,
        tiers: list[TierPrice],
        images: list[ProductImage],
        translations: list[ProductTranslation],
    ) -> None:
        self._product = product
        self.category = _Code(category_code)
        self.port_of_loading = _Port(locode or "")
        self.port_of_loading_id = product.port_of_loading_id
        self.origin_country = _Code(str(product.origin_country or ""))
        self.tiers = _Rows(tiers)
        self.images = _Rows(
            _ImageView(_Named(i.image.name), _Named(i.thumbnail.name), i.width, i.height)
            for i in images
        )
        self.translations = _Rows(translations)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._product, name)


@dataclass
class _ImageView:
    image: _Named
    thumbnail: _Named
    width: int
    height: int


# --- Building listings ----------------------------------------------------------------------------


@dataclass
class _Built:
    product: Product
    leaf: _Leaf
    tiers: list[TierPrice]
    images: list[ProductImage]
    translations: list[ProductTranslation]
    events: list[ReviewEvent]


class ListingFactory:
    """Builds listing rows (unsaved) from one random stream."""

    def __init__(
        self,
        rng: random.Random,
        leaves: list[_Leaf],
        *,
        base: datetime,
        images: ImageBank,
        image_choices: int,
        operator_id: int | None,
        translations: bool,
        events: bool,
        statuses: bool,
        shared_images: bool = False,
    ) -> None:
        self.rng = rng
        self.leaves = leaves
        self.by_top: dict[str, list[_Leaf]] = defaultdict(list)
        for leaf in leaves:
            self.by_top[leaf.top].append(leaf)
        self.base = base
        self.images = images
        self.image_choices = image_choices
        self.operator_id = operator_id
        self.translations = translations
        self.events = events
        self.statuses = statuses
        self.many_images = not shared_images
        self.featured_pictures = 0
        self.used_slugs: set[str] = set()

    # -- attributes ---------------------------------------------------------------------------

    def _text_value(self, a: _Attribute, s: _Supplier, model: str) -> str:
        rng = self.rng
        generators: dict[str, Callable[[], str]] = {
            "compatible_models": lambda: rng.choice(
                [
                    "iPhone 15 / 15 Pro / 15 Pro Max",
                    "iPhone 16 series",
                    "Samsung Galaxy S24 / S24+",
                    "Samsung Galaxy A15 / A25",
                    "Xiaomi Redmi Note 13",
                    "Google Pixel 8 / 8 Pro",
                ]
            ),
            "model_number": lambda: (
                rng.choice(["6205", "6203", "6305", "6006", "6902", "NU205"])
                + rng.choice(["-2RS", "-ZZ", "", "-2RS C3"])
            ),
            "tyre_size": lambda: (
                f"{rng.choice([175, 185, 195, 205, 215, 225, 235])}/"
                f"{rng.choice([45, 50, 55, 60, 65, 70])}R{rng.choice([14, 15, 16, 17, 18])}"
            ),
            "oe_number": lambda: (
                rng.choice(["04465-", "58101-", "41060-", "D1060-", "1K0698151", "34116"])
                + f"{rng.randint(10000, 99999)}"
            ),
            "origin": lambda: {
                "CN": rng.choice(["Fujian, China", "Yunnan, China", "Zhejiang, China"]),
                "IN": "Assam, India",
                "LK": "Nuwara Eliya, Sri Lanka",
                "VN": "Lam Dong, Vietnam",
                "KE": "Kericho, Kenya",
            }.get(s.country, s.city),
            "chipset": lambda: rng.choice(
                ["MediaTek Helio G99", "Unisoc T606", "Qualcomm QCC3071", "Actions ATS3015E"]
            ),
            "chip_model": lambda: rng.choice(["Epistar", "Sanan", "Samsung LM301B", "Osram"]),
            "density": lambda: rng.choice(["133x72", "110x90", "128x68", "90x88"]),
            "engine_brand": lambda: rng.choice(["Cummins", "Yanmar", "Kubota", "Weichai", "Isuzu"]),
            "size_grade": lambda: rng.choice(["16/20", "21/25", "26/30", "31/40", "41/50"]),
            "load_index": lambda: str(rng.randint(82, 104)),
            "fitment": lambda: rng.choice(
                ["Toyota Corolla 2014-2019", "VW Golf VII", "Ford Focus"]
            ),
            "fmsi_number": lambda: f"D{rng.randint(400, 1900)}",
        }
        value = generators.get(a.code, lambda: model)()
        return value[: a.max_length or 200]

    def _number(self, a: _Attribute) -> str:
        low = float(a.min_value if a.min_value is not None else 1)
        high = float(a.max_value if a.max_value is not None else max(low * 10, 10))
        if high <= low:
            return _plain(Decimal(str(low)))
        # Most values sit in the lower part of wide ranges (a 2,000 pcs/m maximum is rare).
        position = self.rng.random() ** 1.6
        if low > 0 and high / low > 20:
            value = math.exp(math.log(low) + (math.log(high) - math.log(low)) * position)
        else:
            value = low + (high - low) * position
        if a.decimals is not None:
            places = a.decimals
        elif high - low >= 20:
            places = 0
        elif 0 < low < 1:
            places = max(1, -math.floor(math.log10(low)))
        else:
            places = 1
        number = Decimal(str(value)).quantize(Decimal(1).scaleb(-places), ROUND_HALF_UP)
        if places == 0 and number >= 100:
            step = 10 if number < 1000 else 100
            number = (number / step).quantize(Decimal(1), ROUND_HALF_UP) * step
        number = min(max(number, Decimal(str(low))), Decimal(str(high)))
        return _plain(number)

    def attributes(self, leaf: _Leaf, s: _Supplier, model: str) -> dict[str, Any]:
        rng = self.rng
        values: dict[str, Any] = {}
        for a in leaf.attributes:
            if not a.required and rng.random() < 0.45:
                continue
            if a.type == "choice" and a.choices:
                values[a.code] = rng.choice(a.choices)["value"]
            elif a.type == "multichoice" and a.choices:
                k = rng.randint(1, min(3, len(a.choices)))
                values[a.code] = [c["value"] for c in rng.sample(a.choices, k)]
            elif a.type == "number":
                values[a.code] = self._number(a)
            elif a.type == "bool":
                values[a.code] = rng.random() < 0.6
            else:
                values[a.code] = self._text_value(a, s, model)
        return values

    # -- text --------------------------------------------------------------------------------------

    @staticmethod
    def attribute_words(leaf: _Leaf, values: dict[str, Any]) -> list[str]:
        """Short words from the filled template that buyers search for ("12V", "IP65")."""
        found = []
        for a in leaf.attributes:
            value = values.get(a.code)
            if value in (None, "", [], True, False):
                continue
            if a.type == "choice":
                label = next((c.get("en") for c in a.choices if c["value"] == value), str(value))
                label = re.sub(r"\s*\([^)]*\)", "", label or "").strip()
                if 1 < len(label) <= 16 and not label.lower().startswith(("other", "no ")):
                    found.append(label)
            elif a.type == "number" and a.unit in ("W", "V", "mAh", "L", "Ah", "K", "kW", "t"):
                found.append(f"{value}{a.unit}")
            elif a.type == "number" and a.unit == "in":
                found.append(f'{value}"')
        return found

    def title(
        self, leaf: _Leaf, noun: str, model: str, attr_words: list[str]
    ) -> tuple[str, tuple[str, str] | None]:
        rng = self.rng
        family = words.family_of(leaf.code, leaf.top)
        adjective = None
        if family.adjectives and rng.random() < 0.55:
            candidate = rng.choice(family.adjectives)
            if candidate[0].lower() not in noun.lower():
                adjective = candidate
        material = ""
        if family.materials and rng.random() < 0.35:
            material = rng.choice(family.materials)
            if material.split()[-1].lower() in noun.lower():
                material = ""
        picked = (
            rng.sample(attr_words, min(len(attr_words), rng.randint(1, 3))) if attr_words else []
        )
        picked = [w for w in picked if w.lower() not in noun.lower()]
        spec = ""
        if family.specs and (rng.random() < 0.5 or not picked):
            spec = _expand(rng.choice(family.specs), rng)
        use = ""
        if family.uses and rng.random() < 0.3:
            use = rng.choice(family.uses)
        with_model = rng.random() < 0.6
        head = [adjective[0] if adjective else "", material, *picked[:1], noun]
        tail = [model if with_model else "", *picked[1:], spec, use]
        parts = [p for p in head if p] + [p for p in tail if p]
        text = " ".join(parts)
        while len(text) > TITLE_MAX and len(parts) > 1:
            parts.pop()
            text = " ".join(parts)
        if len(text) < 10:
            text = f"{text} {model}".strip()
        return text[:TITLE_MAX], adjective

    def keywords(self, noun: str, leaf: _Leaf, attr_words: list[str], adjective: Any) -> list[str]:
        options = [noun.lower()]
        if attr_words:
            options.append(f"{attr_words[0]} {noun}".lower())
        if adjective:
            options.append(f"{adjective[0]} {noun}".lower())
        options.append(leaf.name_en.lower())
        options.append(f"{noun} supplier".lower())
        chosen = [k[:50] for k in dict.fromkeys(options)]
        return chosen[: self.rng.randint(1, KEYWORDS_MAX)]

    def description(
        self,
        title: str,
        leaf: _Leaf,
        values: dict[str, Any],
        s: _Supplier,
        model: str,
        moq: Decimal,
        unit: str,
        packaging: str,
        lead: int,
    ) -> str:
        rng = self.rng
        rows = []
        for a in leaf.attributes:
            value = values.get(a.code)
            if value in (None, "", []):
                continue
            if a.type == "choice":
                shown = next((c.get("en") for c in a.choices if c["value"] == value), value)
            elif a.type == "multichoice":
                labels = {c["value"]: c.get("en") or c["value"] for c in a.choices}
                shown = ", ".join(labels.get(v, v) for v in value)
            elif a.type == "bool":
                shown = "Yes" if value else "No"
            else:
                shown = f"{value} {a.unit}".strip()
            rows.append(f"<li><strong>{escape(a.name_en)}:</strong> {escape(shown)}</li>")
            if len(rows) >= 6:
                break
        maker = "trading company" if s.trading else "factory"
        intro = rng.choice(
            [
                f"{title}, made by our {maker} and shipped from {s.port_name}.",
                f"Model {model}: {leaf.name_en.lower()} from a {maker} in {s.city}.",
                f"We supply {leaf.name_en.lower()} to importers and wholesalers; "
                f"this model is {model}.",
            ]
        )
        html = [f"<p>{escape(intro)}</p>"]
        if rows:
            html.append("<ul>" + "".join(rows) + "</ul>")
        html.append(
            f"<p>MOQ: {_plain(moq)} {UNIT_EN.get(unit, unit)}. Packaging: {escape(packaging)}. "
            f"Lead time: about {lead} days.</p>"
        )
        html.append(f"<p>{escape(rng.choice(words.DESCRIPTION_CLOSINGS))}</p>")
        return "".join(html)

    def translation(
        self,
        language: str,
        leaf: _Leaf,
        noun: str,
        model: str,
        adjective: Any,
        s: _Supplier,
        moq: Decimal,
        unit: str,
    ) -> ProductTranslation | None:
        """The category's name (or the product's head noun) with the same model number."""
        if language == "zh-hans":
            zh_adjective = adjective[1] if adjective and len(adjective) > 1 else ""
            if zh_adjective and zh_adjective in leaf.name_zh:
                zh_adjective = ""
            title = f"{zh_adjective}{leaf.name_zh} {model}".strip()
            if self.rng.random() < 0.4:
                title += " " + self.rng.choice(["厂家直销", "批发", "支持定制", "现货"])
            if len(title) < 10:
                title = f"{title} {words.MODEL_WORD['zh-hans']}"
            description = (
                f"<p>{escape(leaf.name_zh)}，型号{escape(model)}。"
                f"起订量{_plain(moq)}{UNIT_ZH.get(unit, '')}，"
                f"装运港：{escape(s.port_name_zh)}。</p>"
            )
            return ProductTranslation(
                language=language,
                title=title[:TITLE_MAX],
                keywords=[leaf.name_zh],
                description=description,
            )
        vocabulary = words.HEAD_NOUNS.get(language, {})
        head = noun.split()[-1]
        key = words.HEAD_ALIASES.get(noun) or words.HEAD_ALIASES.get(head) or head
        translated = vocabulary.get(key) or words.TOP_NAMES.get(language, {}).get(leaf.top)
        if translated is None:
            return None
        title = f"{translated} {words.MODEL_WORD[language]} {model}"
        return ProductTranslation(
            language=language, title=title[:TITLE_MAX], keywords=[translated.lower()]
        )

    # -- prices and trade terms ------------------------------------------------------------------

    def price_and_moq(self, leaf: _Leaf) -> tuple[Decimal, Decimal, str]:
        p = leaf.pricing
        rng = self.rng
        position = rng.random() ** 1.3
        price = math.exp(
            math.log(float(p.low)) + (math.log(float(p.high)) - math.log(float(p.low))) * position
        )
        low, high = p.moq
        if high <= low:
            moq = low
        else:
            moq = math.exp(math.log(low) + (math.log(high) - math.log(low)) * rng.random())
        return round_price(price), Decimal(nice_quantity(moq)), p.unit

    def prices(
        self, base: Decimal, moq: Decimal, *, expensive: bool
    ) -> tuple[str, Decimal | None, Decimal | None, list[tuple[Decimal, Decimal]]]:
        rng = self.rng
        roll = rng.random()
        if roll < (0.25 if expensive else 0.08):
            return PriceKind.NEGOTIABLE, None, None, []
        if roll < 0.62:
            top = round_price(float(base) * rng.uniform(1.12, 1.9))
            return PriceKind.RANGE, base, max(top, base), []
        steps = rng.choice([2, 3, 3, 4])
        factors = [1.0, 0.93, 0.86, 0.8][:steps]
        multipliers = [1, rng.choice([5, 10]), rng.choice([20, 50]), rng.choice([100, 200])]
        tiers = []
        for factor, multiplier in zip(factors, multipliers, strict=False):
            price = round_price(float(base) * factor * rng.uniform(1.0, 1.04))
            if tiers and price >= tiers[-1][1]:
                price = round_price(float(tiers[-1][1]) * 0.97)
            if tiers and price >= tiers[-1][1]:
                break
            tiers.append((moq * multiplier, price))
        if len(tiers) < 2:
            top = round_price(float(base) * rng.uniform(1.12, 1.9))
            return PriceKind.RANGE, base, max(top, base), []
        return PriceKind.TIERS, tiers[-1][1], tiers[0][1], tiers

    def trade_terms(self, s: _Supplier) -> tuple[list[str], list[str]]:
        rng = self.rng
        if s.port_is_sea:
            terms = [
                "FOB",
                *rng.sample(["CIF", "CFR", "EXW", "FCA", "DDP", "DAP"], rng.randint(0, 3)),
            ]
        else:
            terms = ["FCA", *rng.sample(["EXW", "CPT", "CIP", "DAP"], rng.randint(0, 2))]
        pool = ["TT", "TT", "TT", "LC", "LC", "DP", "ECHECK", "CARD", "DA", "OA"]
        chosen = {"TT", *rng.sample(pool, rng.randint(0, 3))}
        return terms, [m for m in PAYMENT_ORDER if m in chosen]

    # -- one listing ------------------------------------------------------------------------------

    def slug(self, title: str) -> str:
        base = slugify(title)[:120].strip("-") or "product"
        while True:
            suffix = "".join(self.rng.choice("abcdefghijkmnpqrstuvwxyz23456789") for _ in range(6))
            candidate = f"{base}-{suffix}"
            if candidate not in self.used_slugs:
                self.used_slugs.add(candidate)
                return candidate

    def status(self) -> str:
        if not self.statuses:
            return ListingStatus.LIVE
        roll = self.rng.random()
        for status, share in STATUS_SHARES:
            if roll < share:
                return status
            roll -= share
        return ListingStatus.LIVE

    def model_number(self, s: _Supplier, noun: str) -> str:
        rng = self.rng
        n = rng.choice([rng.randint(10, 99) * 10, rng.randint(100, 9999), rng.randint(1, 60) * 100])
        letters = initials(noun)[:2]
        return rng.choice(
            [
                f"{s.brand}-{letters}{n}",
                f"{s.brand}{n}",
                f"{letters}-{n}{rng.choice(['', 'A', 'B', 'S', 'Pro', 'Plus'])}".strip(),
                f"{s.brand}-{n}-{rng.randint(1, 9)}",
            ]
        )

    def build(
        self,
        s: _Supplier,
        leaf: _Leaf,
        *,
        title_leaf: _Leaf | None = None,
        like: _Built | None = None,
    ) -> _Built:
        """One listing of ``s`` in ``leaf``. ``title_leaf`` names it after another category (a
        miscategorised listing); ``like`` makes it a near-copy of an earlier listing."""
        rng = self.rng
        named = title_leaf or leaf
        noun = rng.choice(named.nouns)
        model = self.model_number(s, noun)
        expensive = leaf.pricing.low >= 1000
        base_price, moq, unit = self.price_and_moq(leaf)
        adjective: tuple[str, str] | None = None
        attr_words: list[str] = []
        if like is not None:
            original = like.product
            values = dict(original.attributes)
            title = _near_copy(original.title, rng)
            base_price = round_price(
                float(original.price_min or base_price) * rng.uniform(0.97, 1.03)
            )
            moq, unit = original.moq, original.unit
        else:
            values = self.attributes(leaf, s, model)
            if title_leaf is None:
                attr_words = self.attribute_words(leaf, values)
            if leaf.top == "service":
                options = words.SERVICE_TITLES.get(leaf.code, (f"{leaf.name_en} Service",))
                title = rng.choice(options).format(city=s.city, port=s.port_name)[:TITLE_MAX]
            else:
                title, adjective = self.title(named, noun, model, attr_words)
        price_kind, price_min, price_max, tiers = self.prices(base_price, moq, expensive=expensive)
        if leaf.top == "service":
            price_kind, price_min, price_max, tiers = PriceKind.NEGOTIABLE, None, None, []
            if rng.random() < 0.5:
                price_kind, price_min = PriceKind.RANGE, base_price
                price_max = round_price(float(base_price) * rng.uniform(1.5, 3))
        terms, payments = self.trade_terms(s)
        lead = rng.randint(25, 60) if expensive else rng.randint(7, 25)
        n_pack = nice_quantity(rng.uniform(2, 200))
        packaging = rng.choice(words.PACKAGING.get(unit, words.PACKAGING["H87"])).format(n=n_pack)
        marks = [c for c in s.certifications if c in PRODUCT_MARKS]
        created = s.created_at + (self.base - s.created_at) * (0.15 + 0.8 * rng.random())
        submitted = created + timedelta(hours=rng.uniform(1, 96))
        published = submitted + timedelta(hours=rng.uniform(2, 72))
        updated = published + (self.base - published) * rng.random() * 0.5
        sample_price = (
            round_price(float(base_price) * rng.uniform(1, 3))
            if not expensive and rng.random() < 0.4
            else None
        )
        lead_times = []
        if rng.random() < 0.5 and moq * 100 < 10**9:
            lead_times = [
                {"up_to": int(moq * 10), "days": lead},
                {"up_to": int(moq * 100), "days": lead + rng.choice([10, 15, 20])},
            ]
        product = Product(
            company_id=s.company_id,
            owner_id=rng.choice(s.reps) if s.reps and rng.random() < 0.8 else None,
            category_id=leaf.id,
            status=self.status(),
            base_language="en",
            title=title,
            attributes=values,
            price_kind=price_kind,
            currency="USD",
            price_min=price_min,
            price_max=price_max,
            unit=unit,
            moq=moq,
            supply_quantity=Decimal(nice_quantity(float(moq) * rng.uniform(20, 2000))),
            supply_period=rng.choice(["month", "month", "month", "week", "year"]),
            lead_times=lead_times,
            port_of_loading_id=s.port_id,
            incoterms=terms,
            payment_methods=payments,
            packaging=packaging,
            hs_code=leaf.hs_code,
            origin_country=s.country,
            certifications=rng.sample(marks, min(len(marks), rng.randint(0, 2))),
            sample_available=sample_price is not None or (not expensive and rng.random() < 0.4),
            sample_price=sample_price,
            oem=rng.random() < (0.3 if s.trading else 0.65),
            odm=rng.random() < (0.1 if s.trading else 0.35),
            is_demo=True,
            created_at=created,
            updated_at=updated,
        )
        if not expensive and unit in ("H87", "PR", "SET") and rng.random() < 0.08:
            product.ready_to_ship = True
            product.stock = Decimal(nice_quantity(float(moq) * rng.uniform(5, 50)))
        if like is not None:
            product.keywords = list(like.product.keywords)
            product.description = like.product.description
        elif leaf.top == "service":
            product.keywords = [leaf.name_en.lower()]
            product.description = self.description(
                title, leaf, values, s, model, moq, unit, packaging, lead
            )
        else:
            product.keywords = self.keywords(noun, named, attr_words, adjective)
            product.description = self.description(
                title, leaf, values, s, model, moq, unit, packaging, lead
            )
        product.slug = self.slug(title)
        tier_rows = [TierPrice(product=product, min_quantity=q, unit_price=p) for q, p in tiers]
        if like is not None:
            pictures = [(i.image.name, i.thumbnail.name, i.dhash) for i in like.images]
        else:
            k = rng.choices([1, 2, 3, 4], weights=[25, 35, 25, 15])[0] if self.many_images else 1
            indices = rng.sample(range(self.image_choices), min(k, IMAGES_MAX, self.image_choices))
            waiting = product.status in (ListingStatus.PENDING, ListingStatus.EDITED)
            if self.many_images and (s.featured or waiting):
                # The demo supplier's photos, and those of listings in the review queue, are
                # their own: stock photos shared between one supplier's listings would (rightly)
                # read as duplicate postings in its search diagnosis and in the operator's queue.
                k = k if s.featured else 1
                indices = [FEATURED_FIRST + self.featured_pictures + i for i in range(k)]
                self.featured_pictures += k
            folder = leaf.top if self.many_images else "shared"
            pictures = [self.images.get(folder, index) for index in indices]
        image_rows = [
            ProductImage(
                product=product,
                position=position,
                image=name,
                thumbnail=thumb,
                width=IMAGE_SIDE,
                height=IMAGE_SIDE,
                dhash=digest,
                created_at=created,
            )
            for position, (name, thumb, digest) in enumerate(pictures)
        ]
        translation_rows = []
        if self.translations and leaf.top != "service" and like is None:
            for language, share in TRANSLATION_SHARES:
                if rng.random() < share:
                    row = self.translation(language, named, noun, model, adjective, s, moq, unit)
                    if row is not None:
                        row.product = product
                        translation_rows.append(row)
        built = _Built(product, leaf, tier_rows, image_rows, translation_rows, [])
        self.lifecycle(built, s, submitted, published, updated)
        return built

    def lifecycle(
        self,
        built: _Built,
        s: _Supplier,
        submitted: datetime,
        published: datetime,
        updated: datetime,
    ) -> None:
        """Timestamps, the published snapshot and the review trail of the listing's status."""
        p = built.product
        rng = self.rng
        status = p.status
        if status in (ListingStatus.PENDING, ListingStatus.EDITED):
            # What waits for review was sent in the last days, not years ago.
            recent = self.base - timedelta(hours=rng.uniform(2, 240))
            if status == ListingStatus.PENDING:
                submitted = updated = recent
                p.created_at = min(p.created_at, recent - timedelta(hours=rng.uniform(1, 72)))
            else:
                updated = min(self.base, max(recent, published + timedelta(hours=1)))
            p.updated_at = updated
        was_published = status in (
            ListingStatus.LIVE,
            ListingStatus.EDITED,
            ListingStatus.OFFLINE,
        ) or (status == ListingStatus.ARCHIVED and rng.random() < 0.7)
        if status != ListingStatus.DRAFT:
            p.submitted_at = submitted
        if was_published:
            view = _SnapshotView(
                p,
                built.leaf.code,
                s.port_locode,
                built.tiers,
                built.images,
                built.translations,
            )
            p.published = build_snapshot(view)  # type: ignore[arg-type]
            p.published_at = published
        if status == ListingStatus.EDITED:
            # The supplier changed the working copy after approval; the public keeps the old one.
            p.title = _near_copy(p.title, rng)
            p.submitted_at = updated
        if status == ListingStatus.REJECTED:
            p.rejection_reasons = dict(rng.choice(words.REJECTION_REASONS))
        if status == ListingStatus.DRAFT:
            p.updated_at = p.created_at + (p.updated_at - p.created_at) * rng.random()
        if not self.events:
            return
        by = p.owner_id or s.owner_user
        events = built.events

        def event(
            action: str, from_status: str, to_status: str, at: datetime, **extra: Any
        ) -> None:
            events.append(
                ReviewEvent(
                    product=p,
                    action=action,
                    from_status=from_status,
                    to_status=to_status,
                    at=at,
                    **extra,
                )
            )

        S = ListingStatus
        if status == S.DRAFT:
            return
        event(ReviewAction.SUBMITTED, S.DRAFT, S.PENDING, submitted, by_id=by)
        if status == S.PENDING:
            return
        if status == S.REJECTED:
            event(
                ReviewAction.REJECTED,
                S.PENDING,
                S.REJECTED,
                published,
                by_id=self.operator_id,
                reasons=p.rejection_reasons,
            )
            return
        if was_published:
            event(ReviewAction.APPROVED, S.PENDING, S.LIVE, published, by_id=self.operator_id)
        if status == S.EDITED:
            event(ReviewAction.SUBMITTED, S.LIVE, S.EDITED, updated, by_id=by)
        elif status == S.OFFLINE:
            event(ReviewAction.OFFLINE, S.LIVE, S.OFFLINE, updated, by_id=by)
        elif status == S.ARCHIVED:
            event(
                ReviewAction.ARCHIVED,
                S.LIVE if was_published else S.PENDING,
                S.ARCHIVED,
                updated,
                by_id=by,
            )


def _plain(value: Decimal) -> str:
    return format(value.normalize(), "f")


def _near_copy(title: str, rng: random.Random) -> str:
    """The same listing posted again with a small change, as duplicate posters do."""
    parts = title.split()
    roll = rng.random()
    if roll < 0.35 and len(parts) > 3:
        i = rng.randrange(len(parts) - 1)
        parts[i], parts[i + 1] = parts[i + 1], parts[i]
    elif roll < 0.7:
        parts.insert(0, rng.choice(["New", "Hot Sale", "2026", "Wholesale", "Best Price"]))
    else:
        digits = [i for i, p in enumerate(parts) if any(c.isdigit() for c in p)]
        if digits:
            i = rng.choice(digits)
            parts[i] = re.sub(r"\d", lambda m: str((int(m.group()) + 1) % 10), parts[i], count=1)
        else:
            parts.append(rng.choice(["Hot Sale", "Factory Price", "Best Quality"]))
    return " ".join(parts)[:TITLE_MAX]


# --- Planning who lists what ------------------------------------------------------------------


def _allocate(rng: random.Random, suppliers: list[_Supplier], total: int) -> list[int]:
    """How many listings each supplier gets: skewed (a few list hundreds, many list dozens)."""
    if not suppliers or total <= 0:
        return [0] * len(suppliers)
    weights = []
    for s in suppliers:
        w = rng.lognormvariate(0, 0.75) * (0.7 if s.trading else 1.0)
        weights.append(w)
    featured = [i for i, s in enumerate(suppliers) if s.featured]
    scale = sum(weights)
    counts = [int(total * w / scale) for w in weights]
    if total >= len(suppliers):
        counts = [max(1, c) for c in counts]
    for i in featured:
        counts[i] = max(counts[i], min(150, max(12, total // 100)))
    # Settle the rounding on the largest suppliers so the total is exact.
    order = sorted(range(len(counts)), key=lambda i: -weights[i])
    diff = total - sum(counts)
    k = 0
    while diff != 0 and order:
        i = order[k % len(order)]
        if diff > 0:
            counts[i] += 1
            diff -= 1
        elif counts[i] > (1 if total >= len(suppliers) else 0):
            counts[i] -= 1
            diff += 1
        k += 1
        if k > 10 * len(order) + abs(diff) * 10:
            break
    return counts


def _plan_leaves(
    rng: random.Random, suppliers: list[_Supplier], counts: list[int], leaves: list[_Leaf]
) -> None:
    by_top: dict[str, list[_Leaf]] = defaultdict(list)
    by_code = {leaf.code: leaf for leaf in leaves}
    for leaf in leaves:
        by_top[leaf.top].append(leaf)
    for s, n in zip(suppliers, counts, strict=True):
        if n <= 0:
            continue
        if s.featured and all(code in by_code for code in FEATURED_LEAVES):
            chosen = [by_code[c] for c in FEATURED_LEAVES]
        else:
            tops = [(t, w) for t, w in words.INDUSTRY_TOPS.get(s.industry, ()) if by_top.get(t)]
            if s.trading and by_top.get("service"):
                tops.append(("service", 4))
            if not tops:
                tops = [(t, 1) for t in sorted(by_top)]
            k = max(1, min(25, round(n / 8) + rng.randint(0, 2), n))
            chosen = []
            for _ in range(k * 3):
                top = rng.choices([t for t, _w in tops], weights=[w for _t, w in tops])[0]
                leaf = rng.choice(by_top[top])
                if leaf not in chosen:
                    chosen.append(leaf)
                if len(chosen) >= k:
                    break
        s.leaves = chosen
        s.weights = [1 / (i + 1) ** 0.8 for i in range(len(chosen))]
    # Every top-level category gets listings when there are enough of them.
    if sum(counts) >= 10 * len(by_top):
        covered = {leaf.top for s in suppliers for leaf in s.leaves}
        active = [s for s, n in zip(suppliers, counts, strict=True) if n >= 3 and not s.featured]
        for top in sorted(set(by_top) - covered):
            if not active:
                break
            fans = [
                s
                for s in active
                if any(t == top for t, _w in words.INDUSTRY_TOPS.get(s.industry, ()))
            ]
            s = rng.choice(fans or active)
            s.leaves.append(rng.choice(by_top[top]))
            s.weights.append(max(s.weights) if s.weights else 1.0)


# --- Writing ------------------------------------------------------------------------------------


def _converter(field: db_models.Field, connection: Any) -> Callable[[Any], Any] | None:
    """How a raw value of ``field`` goes to the driver (None: as it is)."""
    ops = connection.ops
    if isinstance(field, db_models.JSONField):
        encoder = field.encoder
        return lambda v: None if v is None else ops.adapt_json_value(v, encoder)
    if isinstance(field, db_models.DateTimeField):
        return ops.adapt_datetimefield_value
    if isinstance(field, db_models.DecimalField):
        return lambda v: None if v is None else ops.adapt_decimalfield_value(Decimal(v))
    if isinstance(field, db_models.FileField):
        return lambda v: (getattr(v, "name", v) or "") if v is not None else ""
    if field.get_internal_type() == "CharField" and field.__class__.__name__ == "CountryField":
        return lambda v: str(v or "")
    return None


class _Table:
    """Rows of one model written with a single prepared INSERT (``executemany``) on SQLite and
    ``COPY`` on PostgreSQL: the per-value machinery of ``bulk_create`` costs more than the
    database does when a catalogue has a million rows. Values go through the backend's own
    adapters, so they are stored exactly as Django would store them."""

    def __init__(self, model: type[db_models.Model], connection: Any) -> None:
        fields = list(model._meta.concrete_fields)
        self.model = model
        self.connection = connection
        self.attnames = [f.attname for f in fields]
        self.converters = [_converter(f, connection) for f in fields]
        quote = connection.ops.quote_name
        self.table = model._meta.db_table
        self.columns = ", ".join(quote(f.column) for f in fields)
        placeholders = ", ".join(["%s"] * len(fields))
        # Table and column names come from the models, never from input.
        self.insert = f"INSERT INTO {quote(self.table)} ({self.columns}) VALUES ({placeholders})"  # noqa: S608
        self.copy = f"COPY {quote(self.table)} ({self.columns}) FROM STDIN"

    def reserve(self, n: int) -> list[int]:
        """Primary keys for ``n`` new rows (the caller holds the write transaction)."""
        with self.connection.cursor() as cursor:
            if self.connection.vendor == "postgresql":
                cursor.execute(
                    "SELECT nextval(pg_get_serial_sequence(%s, 'id')) FROM generate_series(1, %s)",
                    [self.table, n],
                )
                return [row[0] for row in cursor.fetchall()]
            quote = self.connection.ops.quote_name
            cursor.execute(f"SELECT COALESCE(MAX(id), 0) FROM {quote(self.table)}")  # noqa: S608
            start = cursor.fetchone()[0] + 1
            return list(range(start, start + n))

    def write(self, objects: list[db_models.Model]) -> None:
        if not objects:
            return
        if objects[0].pk is None:
            for obj, pk in zip(objects, self.reserve(len(objects)), strict=True):
                obj.pk = pk
        rows = []
        pairs = list(zip(self.attnames, self.converters, strict=True))
        for obj in objects:
            values = obj.__dict__
            rows.append(
                tuple(
                    values[name] if convert is None else convert(values[name])
                    for name, convert in pairs
                )
            )
        with self.connection.cursor() as cursor:
            if self.connection.vendor == "postgresql":
                with cursor.cursor.copy(self.copy) as copy:
                    for row in rows:
                        copy.write_row(row)
            else:
                cursor.executemany(self.insert, rows)


class _Writer:
    """Writes built listings a batch at a time: the listing rows first (their keys reserved),
    then their tiers, pictures, translations and review trail."""

    MODELS = (Product, TierPrice, ProductImage, ProductTranslation, ReviewEvent)

    def __init__(
        self,
        batch: int,
        counts: ListingCounts,
        tick: Callable[[int], object],
        *,
        own_transactions: bool = False,
    ) -> None:
        from django.db import connection

        self.own_transactions = own_transactions
        self.batch = batch
        self.counts = counts
        self.tick = tick
        self.pending: list[_Built] = []
        self.fast = connection.vendor in ("sqlite", "postgresql")
        self.tables = {m: _Table(m, connection) for m in self.MODELS} if self.fast else {}

    def add(self, built: _Built) -> None:
        self.pending.append(built)
        if len(self.pending) >= self.batch:
            self.flush()

    def _write(self, model: type[db_models.Model], objects: list[Any]) -> None:
        if self.fast:
            self.tables[model].write(objects)
        else:
            model._default_manager.bulk_create(objects)

    def flush(self) -> None:
        if not self.pending:
            return
        if self.own_transactions:
            with transaction.atomic():
                self._flush()
        else:
            self._flush()

    def _flush(self) -> None:
        rows = self.pending
        self.pending = []
        self._write(Product, [b.product for b in rows])
        tiers = [t for b in rows for t in b.tiers]
        images = [i for b in rows for i in b.images]
        translations = [t for b in rows for t in b.translations]
        events = [e for b in rows for e in b.events]
        for b in rows:
            for row in (*b.tiers, *b.images, *b.translations, *b.events):
                row.product_id = b.product.pk
        self._write(TierPrice, tiers)
        self._write(ProductImage, images)
        self._write(ProductTranslation, translations)
        self._write(ReviewEvent, events)
        c = self.counts
        c.total += len(rows)
        c.by_status.update(b.product.status for b in rows)
        c.translations.update(t.language for t in translations)
        c.images += len(images)
        c.tiers += len(tiers)
        self.tick(len(rows))


def generate_listings(
    *,
    seed: int,
    count: int,
    base: datetime,
    featured_name: str = "",
    showroom_password: str = "",
    operator_id: int | None = None,
    tick: Callable[[int], object] = lambda n: None,
    batch: int = DEMO_BATCH,
) -> ListingCounts:
    """The demo market's listings, for the demo suppliers already in the database.

    Call inside a transaction (``generate_market`` does)."""
    started = time.monotonic()
    rng = random.Random(f"listings:{seed}")
    leaves = load_leaves()
    suppliers = load_suppliers(featured_name)
    counts = ListingCounts()
    if not leaves or not suppliers or count <= 0:
        return counts
    per_supplier = _allocate(rng, suppliers, count)
    _plan_leaves(rng, suppliers, per_supplier, leaves)
    factory = ListingFactory(
        rng,
        leaves,
        base=base,
        images=ImageBank(),
        # A small demo draws few pictures; the full one uses every picture of each industry.
        image_choices=min(IMAGES_PER_INDUSTRY, max(BENCH_IMAGES + 1, count // 500)),
        operator_id=operator_id,
        translations=True,
        events=True,
        statuses=True,
    )
    writer = _Writer(batch, counts, tick)
    other_tops = sorted(factory.by_top)
    featured_live: list[Product] = []
    with explicit_timestamps():
        for s, n in zip(suppliers, per_supplier, strict=True):
            made: list[_Built] = []
            for _ in range(n):
                leaf = rng.choices(s.leaves, weights=s.weights)[0]
                roll = rng.random()
                if made and roll < DUPLICATE_SHARE:
                    original = rng.choice(made)
                    built = factory.build(s, original.leaf, like=original)
                    counts.duplicates += 1
                elif roll < DUPLICATE_SHARE + MISCATEGORISED_SHARE and leaf.top != "service":
                    elsewhere = [t for t in other_tops if t not in (leaf.top, "service")]
                    title_leaf = rng.choice(factory.by_top[rng.choice(elsewhere)])
                    built = factory.build(s, leaf, title_leaf=title_leaf)
                    counts.miscategorised += 1
                else:
                    built = factory.build(s, leaf)
                made.append(built)
                if s.featured and built.product.status == ListingStatus.LIVE:
                    featured_live.append(built.product)
                writer.add(built)
        writer.flush()
        if len(featured_live) > SHOWROOM_SIZE and showroom_password:
            counts.protected = _showroom(featured_live, showroom_password, base)
    counts.top_categories = len({leaf.top for s in suppliers for leaf in s.leaves})
    counts.seconds = time.monotonic() - started
    return counts


def _showroom(live: list[Product], password: str, base: datetime) -> int:
    """The featured supplier's showroom: a public group per product line and one protected
    group ("New 2027 range") holding three live listings that the public never sees."""
    company_id = live[0].company_id
    lines: dict[int, list[Product]] = defaultdict(list)
    for p in live:
        lines[p.category_id].append(p)
    names = dict(Category.objects.filter(pk__in=lines).values_list("pk", "name_en"))
    groups = []
    for position, category_id in enumerate(sorted(lines, key=lambda c: -len(lines[c]))[:4]):
        groups.append(
            ProductGroup(
                company_id=company_id,
                name=names[category_id],
                slug=slugify(names[category_id])[:80],
                position=position,
                created_at=base - timedelta(days=200),
            )
        )
    protected = ProductGroup(
        company_id=company_id,
        name=SHOWROOM_GROUP,
        slug=slugify(SHOWROOM_GROUP),
        position=len(groups),
        password_hash=make_password(password),
        password_set_at=base - timedelta(days=20),
        created_at=base - timedelta(days=20),
    )
    ProductGroup.objects.bulk_create([*groups, protected])
    by_name = {g.name: g for g in groups}
    secret = live[-SHOWROOM_SIZE:]
    for p in live[:-SHOWROOM_SIZE]:
        group = by_name.get(names.get(p.category_id, ""))
        if group is not None:
            Product.objects.filter(pk=p.pk).update(group=group)
    Product.objects.filter(pk__in=[p.pk for p in secret]).update(group=protected)
    return len(secret)


def generate_benchmark_products(
    *,
    count: int,
    seed: int = 2026,
    translations: bool = False,
    batch: int = BENCH_BATCH,
    tick: Callable[[int], object] = lambda n: None,
) -> ListingCounts:
    """Adds ``count`` live listings to the demo suppliers as fast as the database takes them:
    one shared picture each, no review trail, translations only when asked."""
    started = time.monotonic()
    suppliers = load_suppliers()
    if not suppliers:
        raise RuntimeError("No demo suppliers: run `hansa demo` (or `hansa generate`) first.")
    leaves = load_leaves()
    existing = Product.objects.count()
    rng = random.Random(f"bench:{seed}:{existing}")
    per_supplier = _allocate(rng, suppliers, count)
    _plan_leaves(rng, suppliers, per_supplier, leaves)
    factory = ListingFactory(
        rng,
        leaves,
        base=timezone.now(),
        images=ImageBank(per_industry=BENCH_IMAGES, folder="bench"),
        image_choices=BENCH_IMAGES,
        operator_id=None,
        translations=translations,
        events=False,
        statuses=False,
        shared_images=True,
    )
    counts = ListingCounts()
    writer = _Writer(batch, counts, tick, own_transactions=True)
    with explicit_timestamps():
        for s, n in zip(suppliers, per_supplier, strict=True):
            for _ in range(n):
                leaf = rng.choices(s.leaves, weights=s.weights)[0]
                writer.add(factory.build(s, leaf))
        writer.flush()
    counts.top_categories = len({leaf.top for s in suppliers for leaf in s.leaves})
    counts.seconds = time.monotonic() - started
    return counts
