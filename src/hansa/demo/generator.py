"""The demo market generator: a realistic, deterministic market of suppliers, buyers and users.

Everything comes from one ``random.Random(seed)`` and every date is relative to a base date
derived from the seed, so the same seed always builds the same market (company names, slugs,
people, dates). Rows are written with ``bulk_create`` inside one transaction: an interrupted run
leaves nothing behind. Services are bypassed for speed, so this module keeps their rules itself
(unique slugs, one owner per company, market shares up to 100%, one open application).
"""

from __future__ import annotations

import contextlib
import random
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import TypeVar

from allauth.account.models import EmailAddress
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group, Permission
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Count, Q, QuerySet
from django.utils import translation
from django.utils.text import slugify
from tqdm import tqdm

from hansa.accounts.models import User
from hansa.catalog.models import ListingStatus
from hansa.companies.choices import (
    BusinessType,
    CompanyKind,
    EmployeesBand,
    ExportRevenueBand,
    VerificationStatus,
)
from hansa.companies.models import (
    Certification,
    Company,
    CompanyName,
    ContactPerson,
    MainMarket,
    Membership,
)
from hansa.companies.roles import Role
from hansa.demo.industries import CERTIFICATES, INDUSTRIES, Industry, industry_of_products
from hansa.demo.listings import DEFAULT_PRODUCTS, generate_listings
from hansa.demo.names import buyer_name, chinese_supplier_name, foreign_supplier_name
from hansa.demo.pdf import simple_pdf
from hansa.demo.people import full_name, person_name, to_ascii
from hansa.demo.places import (
    BUYER_COUNTRIES,
    CHINA,
    CHINA_PROVINCES_ZH,
    SUPPLIER_COUNTRIES,
    City,
    CountryInfo,
)
from hansa.trade.models import Port
from hansa.trade.regions import MARKET_REGIONS, REGION_BY_COUNTRY
from hansa.verification.models import (
    ApplicationStatus,
    DecisionAction,
    DocumentKind,
    VerificationApplication,
    VerificationDecision,
    VerificationDocument,
)

T = TypeVar("T")
N = TypeVar("N", str, tuple[str, str])

DEMO_DOMAIN = "hansa.demo"
DEMO_PASSWORD = "hansa-demo-2026"
OPERATOR_EMAIL = f"operator@{DEMO_DOMAIN}"
SUPPLIER_ADMIN_EMAIL = f"supplier@{DEMO_DOMAIN}"
SALES_REP_EMAIL = f"sales@{DEMO_DOMAIN}"
BUYER_EMAIL = f"buyer@{DEMO_DOMAIN}"
LOGIN_ROLES = [
    ("operator", OPERATOR_EMAIL),
    ("supplier admin", SUPPLIER_ADMIN_EMAIL),
    ("supplier sales rep", SALES_REP_EMAIL),
    ("buyer", BUYER_EMAIL),
]
FEATURED_SUPPLIER = "Shenzhen Brightway Lighting Technology Co., Ltd."
FEATURED_SUPPLIER_ZH = "深圳明途照明科技有限公司"
FEATURED_BUYER = "Rhein Import GmbH"

OPERATOR_GROUPS = ("Verification reviewers", "Support", "Listing reviewers")
REVIEW_PERMISSION = ("verification", "review_verification")
LISTING_REVIEW_PERMISSION = ("catalog", "review_listing")
OPERATOR_PERMISSIONS = (
    REVIEW_PERMISSION,
    LISTING_REVIEW_PERMISSION,
    ("catalog", "view_product"),
    ("verification", "view_verificationapplication"),
    ("verification", "change_verificationapplication"),
    ("verification", "view_verificationdocument"),
    ("verification", "view_verificationdecision"),
    ("companies", "view_company"),
    ("companies", "change_company"),
    ("accounts", "view_user"),
)

CHINA_SHARE = 0.70
VERIFIED_SHARE = 0.35
BATCH = 500

PROVINCES_EN = {
    "CN-GD": "Guangdong",
    "CN-ZJ": "Zhejiang",
    "CN-JS": "Jiangsu",
    "CN-SD": "Shandong",
    "CN-FJ": "Fujian",
    "CN-SH": "Shanghai",
    "CN-TJ": "Tianjin",
}
REGIONS_ZH = {
    "north_america": "北美",
    "central_america": "中美洲",
    "south_america": "南美",
    "western_europe": "西欧",
    "eastern_europe": "东欧",
    "northern_europe": "北欧",
    "southern_europe": "南欧",
    "eastern_asia": "东亚",
    "southeast_asia": "东南亚",
    "south_asia": "南亚",
    "central_asia": "中亚",
    "mid_east": "中东",
    "africa": "非洲",
    "oceania": "大洋洲",
    "domestic": "国内",
}
REGION_WEIGHTS = {
    "north_america": 10,
    "western_europe": 9,
    "mid_east": 7,
    "south_america": 6,
    "southeast_asia": 6,
    "southern_europe": 5,
    "eastern_europe": 5,
    "africa": 5,
    "northern_europe": 4,
    "central_america": 4,
    "eastern_asia": 4,
    "oceania": 4,
    "south_asia": 4,
    "central_asia": 1,
}
EMPLOYEES_FACTORY = [
    ("1-10", 2),
    ("11-50", 16),
    ("51-100", 22),
    ("101-200", 24),
    ("201-500", 20),
    ("501-1000", 10),
    ("1000+", 6),
]
EMPLOYEES_TRADING = [("1-10", 14), ("11-50", 46), ("51-100", 24), ("101-200", 11), ("201-500", 5)]
EMPLOYEES_BUYER = [
    ("1-10", 18),
    ("11-50", 36),
    ("51-100", 20),
    ("101-200", 13),
    ("201-500", 9),
    ("501-1000", 3),
    ("1000+", 1),
]
BANDS = [b.value for b in EmployeesBand]
REVENUE_BANDS = [b.value for b in ExportRevenueBand]
FACTORY_FACTS = {  # band: (area m², production lines, R&D staff, QC staff) ranges
    "1-10": ((300, 1500), (1, 3), (1, 2), (1, 2)),
    "11-50": ((1500, 6000), (2, 5), (2, 6), (2, 6)),
    "51-100": ((3000, 12000), (3, 8), (4, 12), (4, 10)),
    "101-200": ((6000, 20000), (4, 12), (6, 20), (8, 20)),
    "201-500": ((12000, 45000), (6, 18), (10, 40), (15, 45)),
    "501-1000": ((25000, 80000), (10, 30), (20, 80), (30, 90)),
    "1000+": ((50000, 200000), (15, 50), (40, 200), (60, 200)),
}
STARS_WEIGHTS = [(1, 6), (2, 24), (3, 32), (4, 24), (5, 9), (6, 5)]
OWNER_TITLES = ("General Manager", "Managing Director", "CEO", "Founder & CEO", "President")
ADMIN_TITLES = ("Operations Manager", "Office Manager", "Export Manager", "Marketing Manager")
SALES_TITLES = (
    "Sales Manager",
    "Export Sales Manager",
    "Overseas Sales Representative",
    "Key Account Manager",
    "International Sales",
    "Sales Engineer",
    "Business Development Manager",
)
BUYER_OWNER_TITLES = ("Managing Director", "Owner", "CEO", "Purchasing Director", "General Manager")
BUYER_STAFF_TITLES = (
    "Buyer",
    "Sourcing Manager",
    "Purchasing Assistant",
    "Category Manager",
    "Import Coordinator",
    "Product Manager",
)
SOURCING_ORIGINS = (
    "China",
    "Vietnam",
    "Türkiye",
    "India",
    "Thailand",
    "Malaysia",
    "Poland",
    "Italy",
    "Mexico",
    "Indonesia",
)
KEEP_CAPITAL = frozenset(
    {
        "Android",
        "Thai",
        "Turkish",
        "Himalayan",
        "Assam",
        "Hass",
        "Arborio",
        "Kinnow",
        "Robusta",
        "Brazil",
        "Super",
    }
)
LEGAL_TOKENS = frozenset(
    {
        *("co", "ltd", "inc", "llc", "corp", "gmbh", "kg", "mbh", "sa", "de", "cv", "srl", "spa"),
        *("sp", "z", "o", "oo", "pvt", "limited", "pty", "ab", "as", "oy", "aps", "bv", "nv"),
        *("sarl", "sas", "sl", "ltda", "lda", "jsc", "joint", "stock", "company", "bhd", "sdn"),
        *("pte", "kk", "sti", "san", "ve", "tic", "s", "r", "l", "a", "c", "e", "industrial"),
        *("group", "import", "export", "and", "production", "trading", "the", "for"),
    }
)


@dataclass
class MarketSummary:
    suppliers: int
    buyers: int
    supplier_countries: int
    buyer_countries: int
    industries: int
    verified: int
    pending: int
    rejected: int
    users: int
    logins: list[tuple[str, str, str]] = field(default_factory=list)
    # Product listings.
    products: int = 0
    products_live: int = 0
    products_waiting: int = 0
    products_other: int = 0
    product_translations: int = 0
    product_categories: int = 0
    product_industries: int = 0
    protected_products: int = 0


def demo_logins() -> list[tuple[str, str, str]]:
    return [(role, email, DEMO_PASSWORD) for role, email in LOGIN_ROLES]


def base_datetime(seed: int) -> datetime:
    """The market's "now": every generated date lies before it. Derived from the seed only."""
    return datetime(2026, 1, 5, 9, 0, tzinfo=UTC) + timedelta(days=seed % 120)


def demo_users() -> Q:
    """Users on the demo domain: the fixed logins and every generated member."""
    return Q(email__iendswith=f"@{DEMO_DOMAIN}") | Q(email__iendswith=f".{DEMO_DOMAIN}")


def demo_data_exists() -> bool:
    return (
        User.objects.filter(email=OPERATOR_EMAIL).exists()
        or Company.objects.filter(is_demo=True).exists()
    )


def delete_demo_data() -> tuple[int, int]:
    """Deletes demo companies (with everything hanging off them) and demo-domain users.

    Returns ``(companies, users)`` deleted. Raises ProtectedError if a demo user still authored
    something outside the demo companies (e.g. the operator decided on a real application).
    """
    storage = VerificationDocument._meta.get_field("file").storage
    with transaction.atomic():
        companies = Company.objects.filter(is_demo=True)
        delete_demo_products(companies)
        files = list(
            VerificationDocument.objects.filter(application__company__in=companies).values_list(
                "file", flat=True
            )
        )
        n_companies = companies.count()
        companies.delete()
        users = User.objects.filter(demo_users())
        n_users = users.count()
        users.delete()

        def remove_files() -> None:
            for name in files:
                if name:
                    storage.delete(name)

        transaction.on_commit(remove_files)
    return n_companies, n_users


def delete_demo_products(companies: QuerySet[Company]) -> None:
    """Removes the companies' listings table by table (one DELETE each, not row by row).

    The pictures are shared by every demo listing and drawn again only when missing, so the
    files stay."""
    from hansa.catalog.models import (
        Product,
        ProductGroup,
        ProductImage,
        ProductTranslation,
        ReviewEvent,
        TierPrice,
    )

    products = Product.objects.filter(company__in=companies)
    for model in (TierPrice, ProductTranslation, ProductImage, ReviewEvent):
        model.objects.filter(product__in=products).delete()
    products.only("pk").delete()
    ProductGroup.objects.filter(company__in=companies).delete()


def _listing_counts(summary: MarketSummary) -> MarketSummary:
    from hansa.catalog.models import Product, ProductTranslation
    from hansa.catalog.models.listings import PUBLIC_STATUSES, REVIEW_STATUSES

    products = Product.objects.filter(company__is_demo=True)
    by_status = dict(products.values("status").annotate(n=Count("id")).values_list("status", "n"))
    summary.products = sum(by_status.values())
    summary.products_live = sum(by_status.get(s, 0) for s in PUBLIC_STATUSES)
    summary.products_waiting = sum(by_status.get(s, 0) for s in REVIEW_STATUSES)
    summary.products_other = (
        summary.products - summary.products_live - by_status.get(ListingStatus.PENDING, 0)
    )
    summary.product_translations = ProductTranslation.objects.filter(
        product__company__is_demo=True
    ).count()
    paths = set(products.values_list("category__path", flat=True).distinct())
    summary.product_categories = len(paths)
    summary.product_industries = len({path.split("/", 1)[0] for path in paths})
    summary.protected_products = products.filter(
        status__in=PUBLIC_STATUSES, group__password_hash__gt=""
    ).count()
    return summary


def summarize_existing() -> MarketSummary:
    """Counts of the demo market already in the database."""
    companies = Company.objects.filter(is_demo=True)
    suppliers = companies.filter(kind=CompanyKind.SUPPLIER)
    buyers = companies.filter(kind=CompanyKind.BUYER)
    industries = {
        industry_of_products(p) for p in suppliers.values_list("main_products", flat=True)
    }
    industries.discard(None)
    summary = MarketSummary(
        suppliers=suppliers.count(),
        buyers=buyers.count(),
        supplier_countries=suppliers.values("country").distinct().count(),
        buyer_countries=buyers.values("country").distinct().count(),
        industries=len(industries),
        verified=suppliers.filter(verification_status=VerificationStatus.VERIFIED).count(),
        pending=VerificationApplication.objects.filter(
            company__is_demo=True, status=ApplicationStatus.SUBMITTED
        ).count(),
        rejected=suppliers.filter(verification_status=VerificationStatus.REJECTED).count(),
        users=User.objects.filter(demo_users()).count(),
        logins=demo_logins(),
    )
    return _listing_counts(summary)


def generate_market(
    *,
    seed: int = 2026,
    suppliers: int = 220,
    buyers: int = 320,
    products: int = DEFAULT_PRODUCTS,
    progress: bool = True,
) -> MarketSummary:
    """Builds the demo market in one transaction and returns its counts and the demo logins.

    ``products`` listings are spread over the suppliers (most of them live); tests pass a small
    number."""
    if suppliers < 1 or buyers < 1:
        raise ValueError("A demo market needs at least one supplier and one buyer.")
    if products < 0:
        raise ValueError("The number of products cannot be negative.")
    if demo_data_exists():
        raise RuntimeError("Demo data already exists; remove it first with delete_demo_data().")
    total = suppliers + buyers + len(_MarketBuilder.PHASES)
    with (
        translation.override("en"),
        tqdm(
            total=total, disable=not progress, file=sys.stderr, unit="step", desc="Demo market"
        ) as bar,
    ):
        builder = _MarketBuilder(seed=seed, n_suppliers=suppliers, n_buyers=buyers)
        try:
            with transaction.atomic():
                summary = builder.build(bar.update, bar.set_postfix_str)
                bar.close()
                with tqdm(
                    total=products,
                    disable=not progress,
                    file=sys.stderr,
                    unit="listing",
                    desc="Demo listings",
                ) as listing_bar:
                    generate_listings(
                        seed=seed,
                        count=products,
                        base=builder.base,
                        featured_name=FEATURED_SUPPLIER,
                        showroom_password=DEMO_PASSWORD,
                        operator_id=User.objects.filter(email=OPERATOR_EMAIL)
                        .values_list("pk", flat=True)
                        .first(),
                        tick=listing_bar.update,
                    )
                summary = _listing_counts(summary)
        except BaseException:
            builder.remove_saved_files()
            raise
    return summary


# --- Building ----------------------------------------------------------------------------------


@dataclass
class _Person:
    email: str
    name: str
    role: str
    title: str
    phone: str
    languages: list[str]
    language: str
    joined_at: datetime
    contact: bool = False
    active: bool = True
    user: User | None = None


@dataclass
class _Draft:
    company: Company
    industry: Industry
    created_at: datetime
    updated_at: datetime
    people: list[_Person] = field(default_factory=list)
    names: list[tuple[str, str, str]] = field(default_factory=list)
    markets: list[tuple[str, int]] = field(default_factory=list)
    certificates: list[Certification] = field(default_factory=list)
    # Verification story: "", "verified", "pending" or "rejected".
    verification: str = ""
    stars: int = 0
    licence_number: str = ""
    started: datetime | None = None
    submitted: datetime | None = None
    decided: datetime | None = None


class _MarketBuilder:
    PHASES = ("users", "companies", "members", "profiles", "verification", "timestamps", "operator")

    def __init__(self, *, seed: int, n_suppliers: int, n_buyers: int) -> None:
        self.rng = random.Random(seed)
        self.seed = seed
        self.n_suppliers = n_suppliers
        self.n_buyers = n_buyers
        self.base = base_datetime(seed)
        self.region_names = {code: str(label) for code, label in MARKET_REGIONS}
        self.saved_files: list[str] = []
        self.storage = VerificationDocument._meta.get_field("file").storage

    # -- small helpers ---------------------------------------------------------------------------

    def pick(self, weighted: Iterable[tuple[T, int]]) -> T:
        items = list(weighted)
        return self.rng.choices([i[0] for i in items], weights=[i[1] for i in items], k=1)[0]

    def days_ago(self, low: float, high: float) -> datetime:
        seconds = self.rng.randint(int(low * 86400), int(high * 86400))
        return self.base - timedelta(seconds=seconds)

    def digits(self, n: int) -> str:
        return "".join(str(self.rng.randint(0, 9)) for _ in range(n))

    def postal(self, fmt: str, prefix: str) -> str:
        out, rest = [], list(prefix)
        for ch in fmt:
            if ch in "#A":
                if rest:
                    out.append(rest.pop(0))
                elif ch == "#":
                    out.append(str(self.rng.randint(0, 9)))
                else:
                    out.append(self.rng.choice("ABCDEFGHJKLMNPRSTUVWXYZ"))
            else:
                out.append(ch)
        return "".join(out)

    def phone(self, country: CountryInfo, city: City, *, mobile: bool = False) -> str:
        if country.code == "CN":
            if mobile:
                prefix = f"1{self.rng.choice('3589')}{self.rng.randint(0, 9)}"
                return f"+86 {prefix} {self.digits(4)} {self.digits(4)}"
            return f"+86 {city.phone_area} {self.digits(4)} {self.digits(4)}"
        if mobile:
            prefix = f"{self.rng.randint(6, 9)}{self.digits(2)}"
            return f"+{country.calling_code} {prefix} {self.digits(3)} {self.digits(4)}"
        area = f"{city.phone_area} " if city.phone_area else ""
        return f"+{country.calling_code} {area}{self.digits(3)} {self.digits(4)}"

    def address(self, country: CountryInfo, city: City) -> str:
        if country.code == "CN":
            road = self.rng.choice(country.streets)
            district = self.rng.choice(city.districts) if city.districts else ""
            n = self.rng.randint(1, 388)
            lead = f"Building {self.rng.randint(1, 12)}, " if self.rng.random() < 0.4 else ""
            return f"{lead}No. {n} {road} Road, {district}".rstrip(", ")
        fmt = self.rng.choice(country.address_formats)
        return fmt.format(
            n=self.rng.randint(1, 240),
            m=self.rng.randint(1, 40),
            k=self.rng.randint(1, 30),
            street=self.rng.choice(country.streets),
            area=self.rng.choice(country.areas) if country.areas else city.name,
            code=self.rng.choice("ABCDEFGH"),
        )

    def port_for(self, country: str, city: City) -> int | None:
        for locode in city.ports:
            if locode in self.port_by_locode:
                return self.port_by_locode[locode]
        return self.port_by_country.get(country)

    def unique_name(self, make: Callable[[], N]) -> N:
        for _attempt in range(80):
            candidate = make()
            english = candidate[0] if isinstance(candidate, tuple) else candidate
            if english.casefold() not in self.used_names:
                self.used_names.add(english.casefold())
                return candidate
        raise RuntimeError("Ran out of demo company names; enlarge the word lists.")

    def slug_for(self, name: str) -> str:
        base = slugify(to_ascii(name))[:70].strip("-") or "company"
        candidate, n = base, 1
        while candidate in self.used_slugs:
            n += 1
            candidate = f"{base}-{n}"
        self.used_slugs.add(candidate)
        return candidate

    def domain_for(self, slug: str, city: City) -> str:
        tokens = [t for t in slug.split("-") if t not in LEGAL_TOKENS and not t.isdigit()]
        city_tokens = set(slugify(to_ascii(city.name)).split("-"))
        core = [t for t in tokens if t not in city_tokens] or tokens or ["trade"]
        label = "-".join(core[:3])[:40].strip("-")
        candidate, n = label, 1
        while candidate in self.used_domains:
            n += 1
            candidate = f"{label}{n}"
        self.used_domains.add(candidate)
        return candidate

    def lower_first(self, product: str) -> str:
        """``"Fresh garlic"`` -> ``"fresh garlic"``; acronyms and names keep their capital."""
        first = product.split(" ", 1)[0]
        if first in KEEP_CAPITAL or (len(first) > 1 and not first[1:].islower()):
            return product
        return product[0].lower() + product[1:]

    def listing(self, items: list[str]) -> str:
        return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]

    # -- people ----------------------------------------------------------------------------------

    def person(
        self,
        *,
        culture: str,
        domain: str,
        used: set[str],
        role: str,
        title: str,
        country: CountryInfo,
        city: City,
        joined_at: datetime,
        email: str = "",
        name: str = "",
        language: str = "",
    ) -> _Person:
        if not email:
            for attempt in range(20):
                given, family = person_name(self.rng, culture)
                local = ".".join(slugify(to_ascii(p)).replace("-", "") for p in (given, family))
                if attempt >= 10:
                    local += str(attempt)
                if local not in used:
                    break
            used.add(local)
            name = full_name(given, family, culture)
            email = f"{local}@{domain}.{DEMO_DOMAIN}"
            if country.code == "CN":
                language = (
                    "zh-hans"
                    if role in (Role.OWNER, Role.ADMIN) or self.rng.random() < 0.4
                    else "en"
                )
            else:
                language = "en"
        spoken = ["en", *[c for c in country.languages if c != "en"]]
        return _Person(
            email=email,
            name=name,
            role=role,
            title=title,
            phone=self.phone(country, city, mobile=True),
            languages=spoken[: self.rng.randint(1, len(spoken))] if len(spoken) > 1 else spoken,
            language=language,
            joined_at=joined_at,
        )

    # -- suppliers -------------------------------------------------------------------------------

    def plan_suppliers(self) -> list[tuple[CountryInfo, City, Industry]]:
        n_china = max(1, round(self.n_suppliers * CHINA_SHARE))
        n_foreign = self.n_suppliers - n_china
        plans: list[tuple[CountryInfo, City, Industry]] = []
        for _ in range(n_china - 1):  # the featured supplier is the remaining Chinese one
            city = self.pick((c, c.weight) for c in CHINA.cities)
            plans.append((CHINA, city, INDUSTRIES[self.pick(city.industries)]))
        # Every country at least once, then by weight.
        countries = list(SUPPLIER_COUNTRIES)
        self.rng.shuffle(countries)
        chosen = countries[:n_foreign] + [
            self.pick((c, c.weight) for c in SUPPLIER_COUNTRIES)
            for _ in range(max(0, n_foreign - len(countries)))
        ]
        for country in chosen:
            city = self.rng.choice(country.cities)
            plans.append((country, city, INDUSTRIES[self.pick(country.industries)]))
        self.rng.shuffle(plans)
        return plans

    def main_markets(self, country: str) -> list[tuple[str, int]]:
        own = REGION_BY_COUNTRY.get(country)
        pool = [(r, w) for r, w in REGION_WEIGHTS.items() if r != own]
        k = self.rng.randint(2, 5)
        chosen: list[str] = []
        while len(chosen) < k:
            region = self.pick((r, w) for r, w in pool if r not in chosen)
            chosen.append(region)
        if self.rng.random() < 0.3:
            chosen[-1] = "domestic"
        total_units = self.rng.choice([14, 15, 16, 17, 18, 19, 20, 20])  # 70..100% in steps of 5
        units = [1] * k
        for _ in range(total_units - k):
            units[self.rng.choices(range(k), weights=[k - i + 1 for i in range(k)])[0]] += 1
        shares = sorted((u * 5 for u in units), reverse=True)
        return list(zip(chosen, shares, strict=True))

    def certificates(
        self, industry: Industry, country: str, trading: bool, company: Company
    ) -> list[Certification]:
        names = list(industry.certificates)
        count = self.rng.randint(0, 2) if trading else self.rng.randint(1, min(4, len(names)))
        chosen = [names[0]] if count and self.rng.random() < 0.8 else []
        for name in self.rng.sample(names, len(names)):
            if len(chosen) >= count:
                break
            if name not in chosen:
                chosen.append(name)
        certs = []
        for name in chosen:
            years, issuers = CERTIFICATES[name]
            issuer = self.rng.choice(issuers)
            if years is None:
                valid_from = (self.base - timedelta(days=self.rng.randint(60, 1500))).date()
                valid_until = None
            else:
                valid_from = (
                    self.base - timedelta(days=self.rng.randint(20, min(700, 365 * years - 60)))
                ).date()
                valid_until = valid_from + timedelta(days=365 * years - 1)
            certs.append(
                Certification(
                    company=company,
                    name=name,
                    issuer=issuer,
                    number=self.cert_number(issuer, country, valid_from),
                    valid_from=valid_from,
                    valid_until=valid_until,
                )
            )
        return certs

    def cert_number(self, issuer: str, country: str, valid_from: date) -> str:
        yy = f"{valid_from.year % 100:02d}"
        formats = {
            "SGS": f"{country}{yy}/{self.digits(5)}",
            "TÜV Rheinland": f"01 100 {self.digits(7)}",
            "TÜV SÜD": f"Q5 {self.digits(6)} {self.digits(4)} Rev. 00",
            "Intertek": f"{self.digits(6)}-{valid_from.year}-AQ-{country}",
            "Bureau Veritas": f"{country}{self.digits(6)}",
            "DNV": f"{self.digits(6)}-{valid_from.year}-AQ-{country}-RvA",
            "DEKRA": f"DEK-{yy}-{self.digits(6)}",
            "UL Solutions": f"E{self.digits(6)}",
            "U.S. FDA": self.digits(11),
            "Hohenstein": f"{yy}.HCN.{self.digits(5)}",
            "TESTEX": f"{yy}.HBD.{self.digits(5)}",
            "Control Union": f"CU {self.digits(6)}",
        }
        return formats.get(issuer, f"{''.join(w[0] for w in issuer.split())}-{yy}-{self.digits(6)}")

    def supplier_description(
        self,
        *,
        name: str,
        industry: Industry,
        country: CountryInfo,
        city: City,
        year: int,
        trading: bool,
        products: list[str],
        certs: list[str],
        markets: list[tuple[str, int]],
        facts: tuple[int, int, int, int],
        port_name: str,
    ) -> str:
        where = (
            f"{city.name}, {PROVINCES_EN[city.subdivision]}, China"
            if country.code == "CN" and PROVINCES_EN.get(city.subdivision) not in (None, city.name)
            else f"{city.name}, {country.name}"
        )
        phrase = industry.buyer_phrase
        if trading:
            intro = self.rng.choice(
                [
                    f"{name} is an export trading company in {where}, supplying {phrase} since "
                    f"{year}.",
                    f"Since {year}, {name} has sourced and exported {phrase} from {where} to "
                    "buyers in more than "
                    f"{self.rng.randint(20, 70)} countries.",
                ]
            )
            works = (
                f"We work with {self.rng.randint(8, 40)} audited partner factories, run our own "
                "quality team and consolidate mixed containers in our warehouse."
            )
        else:
            intro = self.rng.choice(
                [
                    f"Founded in {year}, {name} is a manufacturer of {phrase} based in {where}.",
                    f"{name} has designed and manufactured {phrase} in {where} since {year}.",
                    f"Established in {year}, {name} is a factory in {where} specialising in "
                    f"{phrase}.",
                ]
            )
            area, lines, rnd, qc = facts
            works = (
                f"Our {area:,} m² plant runs {lines} production lines, with {rnd} engineers in "
                "research "
                f"and development and {qc} quality inspectors."
            )
        parts = [intro, works]
        parts.append(
            f"Main products include {self.listing([self.lower_first(p) for p in products[:5]])}."
        )
        parts.append(self.rng.choice(industry.specialties) + ".")
        if certs:
            parts.append(f"We hold {self.listing(certs)} certification.")
        named = [
            "the domestic market" if r == "domestic" else self.region_names[r]
            for r, _s in markets[:3]
        ]
        parts.append(f"Our main markets are {self.listing(named)}.")
        closings = [
            f"OEM and ODM orders are welcome, and samples ship within {self.rng.randint(3, 10)} "
            "days.",
            f"We reply to every inquiry within 24 hours and ship from {port_name}."
            if port_name
            else "We reply to every inquiry within 24 hours.",
            "Private-label packaging and mixed containers are available for first orders.",
        ]
        if not trading:
            closings.append(
                "Buyers are welcome to visit our factory or to join a live video audit."
            )
        parts.append(self.rng.choice(closings))
        return " ".join(parts)

    def chinese_description(
        self,
        *,
        zh_name: str,
        industry: Industry,
        city: City,
        year: int,
        trading: bool,
        certs: list[str],
        markets: list[tuple[str, int]],
        facts: tuple[int, int, int, int],
    ) -> str:
        province = CHINA_PROVINCES_ZH.get(city.subdivision, "")
        place = province if province.startswith(city.zh) else f"{province}{city.zh}市"
        regions = "、".join(REGIONS_ZH[r] for r, _s in markets[:3] if r != "domestic") or "海外"
        if trading:
            text = (
                f"{zh_name}成立于{year}年，位于{place}，是一家专业从事{industry.zh}出口贸易的公司，"
                f"与{self.rng.randint(8, 40)}家合格工厂长期合作，产品主要销往{regions}等市场。"
            )
        else:
            area, lines, rnd, _qc = facts
            text = (
                f"{zh_name}成立于{year}年，位于{place}，是一家集研发、生产和销售于一体的{industry.zh}企业。"
                f"公司厂房面积{area}平方米，拥有{lines}条生产线、研发人员{rnd}名，产品主要销往{regions}等市场。"
            )
        if certs:
            text += f"公司已通过{'、'.join(certs)}等认证。"
        return text + "欢迎国内外客户来厂参观洽谈，支持OEM/ODM定制。"

    def build_supplier(
        self, country: CountryInfo, city: City, industry: Industry, *, featured: bool
    ) -> _Draft:
        rng = self.rng
        trading = rng.random() < industry.trading_share and not featured
        employees = str(self.pick(EMPLOYEES_TRADING if trading else EMPLOYEES_FACTORY))
        band_index = BANDS.index(employees)
        large = band_index >= BANDS.index("501-1000")
        zh_name = ""
        if featured:
            name, zh_name = FEATURED_SUPPLIER, FEATURED_SUPPLIER_ZH
            employees, band_index = "201-500", BANDS.index("201-500")
        elif country.code == "CN":
            name, zh_name = self.unique_name(
                lambda: chinese_supplier_name(rng, city, industry, trading=trading, large=large)
            )
        else:
            name = self.unique_name(lambda: foreign_supplier_name(rng, country.code, industry))
        slug = self.slug_for(name)
        oldest = 60 if country.code in ("DE", "IT", "JP", "US") else 32
        year = self.base.year - (17 if featured else rng.randint(3, oldest))
        revenue_index = min(len(REVENUE_BANDS) - 1, max(0, band_index - 1 + rng.randint(-1, 1)))
        pool = list(industry.products_by_country.get(country.code, industry.products))
        products = rng.sample(pool, min(len(pool), rng.randint(4, 8)))
        business_types = [BusinessType.TRADING_COMPANY] if trading else [BusinessType.MANUFACTURER]
        if not trading and rng.random() < 0.35:
            business_types.append(BusinessType.TRADING_COMPANY)
        if trading and rng.random() < 0.2:
            business_types.append(BusinessType.AGENT)
        facts = (0, 0, 0, 0)
        if not trading:
            area_r, lines_r, rnd_r, qc_r = FACTORY_FACTS[employees]
            facts = (
                round(rng.randint(*area_r), -2),
                rng.randint(*lines_r),
                rng.randint(*rnd_r),
                rng.randint(*qc_r),
            )
        port_id = self.port_for(country.code, city)
        languages = ["en", *[c for c in country.languages if c != "en"]]
        if country.code == "CN":
            languages += rng.sample(["es", "ru", "ar", "fr", "pt", "ja", "ko"], rng.randint(0, 2))
        markets = self.main_markets(country.code)
        created_at = self.days_ago(40, 1100)
        company = Company(
            slug=slug,
            name=name,
            kind=CompanyKind.SUPPLIER,
            country=country.code,
            subdivision=city.subdivision,
            city=city.name,
            address=self.address(country, city),
            postal_code=self.postal(country.postal_format, city.postal_prefix),
            phone=self.phone(country, city),
            year_established=year,
            employees=employees,
            business_types=[str(b) for b in business_types],
            main_products=products,
            export_revenue=REVENUE_BANDS[revenue_index],
            factory_area_m2=facts[0] or None,
            production_lines=facts[1] or None,
            rnd_staff=facts[2] or None,
            qc_staff=facts[3] or None,
            qc_process="" if trading else industry.qc,
            nearest_port_id=port_id,
            lead_time_days=rng.randint(*industry.lead_time),
            languages_spoken=languages,
            is_demo=True,
        )
        domain = self.domain_for(slug, city)
        company.website = f"https://www.{domain}.example"
        draft = _Draft(
            company=company,
            industry=industry,
            created_at=created_at,
            updated_at=created_at + (self.base - created_at) * rng.random(),
        )
        draft.markets = markets
        draft.certificates = self.certificates(industry, country.code, trading, company)
        cert_names = [c.name for c in draft.certificates]
        port_name = self.port_names.get(port_id, "") if port_id else ""
        company.description = self.supplier_description(
            name=name,
            industry=industry,
            country=country,
            city=city,
            year=year,
            trading=trading,
            products=products,
            certs=cert_names,
            markets=markets,
            facts=facts,
            port_name=port_name,
        )
        if zh_name:
            draft.names.append(
                (
                    "zh-hans",
                    zh_name,
                    self.chinese_description(
                        zh_name=zh_name,
                        industry=industry,
                        city=city,
                        year=year,
                        trading=trading,
                        certs=cert_names,
                        markets=markets,
                        facts=facts,
                    ),
                )
            )
        draft.licence_number = (
            f"91{city.postal_prefix[:4].ljust(4, '0')}{self.digits(2)}MA{self.digits(9)}"[:18]
            if country.code == "CN"
            else f"{country.code}-{self.digits(4)}-{self.digits(6)}"
        )
        # People: the owner, usually sales reps, sometimes an admin.
        used: set[str] = set()
        culture = "zh" if country.code == "CN" else country.culture
        common = {
            "culture": culture,
            "domain": domain,
            "used": used,
            "country": country,
            "city": city,
        }
        if featured:
            draft.people.append(
                self.person(
                    **common,
                    role=Role.OWNER,
                    title="General Manager",
                    joined_at=created_at,
                    email=SUPPLIER_ADMIN_EMAIL,
                    name="Kevin Liang",
                    language="",
                )
            )
            draft.people.append(
                self.person(
                    **common,
                    role=Role.SALES_REP,
                    title="Export Sales Manager",
                    joined_at=created_at + timedelta(days=3),
                    email=SALES_REP_EMAIL,
                    name="Amy Zhou",
                    language="",
                )
            )
            draft.people[1].contact = True
            n_sales, admin = 1, True
        else:
            draft.people.append(
                self.person(
                    **common, role=Role.OWNER, title=rng.choice(OWNER_TITLES), joined_at=created_at
                )
            )
            n_sales = self.pick([(0, 12), (1, 40), (2, 33), (3, 15)])
            admin = rng.random() < 0.3
        for _ in range(n_sales):
            joined = created_at + (self.base - created_at) * rng.random() * 0.8
            p = self.person(
                **common, role=Role.SALES_REP, title=rng.choice(SALES_TITLES), joined_at=joined
            )
            p.contact = True
            p.active = featured or rng.random() > 0.04
            draft.people.append(p)
        if admin:
            joined = created_at + (self.base - created_at) * rng.random() * 0.5
            draft.people.append(
                self.person(
                    **common, role=Role.ADMIN, title=rng.choice(ADMIN_TITLES), joined_at=joined
                )
            )
        if not any(p.contact for p in draft.people):
            draft.people[0].contact = True
        return draft

    # -- buyers ----------------------------------------------------------------------------------

    def buyer_description(
        self,
        *,
        name: str,
        industry: Industry,
        country: CountryInfo,
        city: City,
        year: int,
        kind: str,
    ) -> str:
        rng = self.rng
        products = rng.sample(list(industry.products), 3)
        article = "an" if kind[0] in "aeiou" else "a"
        customers = {
            "importer": "wholesalers, retail chains and online shops",
            "distributor": "dealers, independent retailers and trade customers",
            "retailer": f"shoppers in our {rng.randint(3, 60)} stores and our online shop",
            "buying agent": "retailers and brands that buy through us",
        }[kind]
        containers = rng.randint(3, 150)
        sourcing = [self.lower_first(p) for p in products]
        origins = rng.sample([o for o in SOURCING_ORIGINS if o != country.name], rng.randint(2, 3))
        if "China" not in origins:
            origins[0] = "China"
        wants = rng.choice(
            [
                "reliable lead times, complete test reports and consistent quality",
                "competitive FOB prices, clear communication and on-time shipment",
                "suppliers who handle private label, retail packaging and mixed containers",
                "factories with a social-compliance audit and an ISO 9001 quality system",
                "verified manufacturers who can grow with us over several years",
            ]
        )
        return " ".join(
            [
                f"{name} is {article} {kind} of {industry.buyer_phrase} based in {city.name}, "
                f"{country.name}.",
                f"Since {year} we have supplied {customers}, and we import about {containers} "
                f"containers a year from {self.listing(origins)}.",
                f"We are currently sourcing {self.listing(sourcing)}.",
                f"We look for {wants}.",
            ]
        )

    def build_buyer(self, country: CountryInfo, *, featured: bool) -> _Draft:
        rng = self.rng
        if featured:
            city = next(c for c in country.cities if c.name == "Hamburg")
            industry = INDUSTRIES["lights_lighting"]
            name = FEATURED_BUYER
        else:
            city = self.pick((c, c.weight) for c in country.cities)
            industry = rng.choice(list(INDUSTRIES.values()))
            name = self.unique_name(lambda: buyer_name(rng, country.code, industry))
        kind, types = self.pick(
            [
                (("importer", ["importer", "distributor"]), 30),
                (("importer", ["importer"]), 15),
                (("distributor", ["distributor"]), 28),
                (("retailer", ["retailer"]), 15),
                (("retailer", ["retailer", "importer"]), 7),
                (("buying agent", ["agent"]), 5),
            ]
        )
        if featured:
            kind, types = "importer", ["importer", "distributor"]
        slug = self.slug_for(name)
        year = self.base.year - (28 if featured else rng.randint(2, 45))
        employees = "51-100" if featured else str(self.pick(EMPLOYEES_BUYER))
        created_at = self.days_ago(10, 1000)
        company = Company(
            slug=slug,
            name=name,
            kind=CompanyKind.BUYER,
            country=country.code,
            subdivision=city.subdivision,
            city=city.name,
            address=self.address(country, city),
            postal_code=self.postal(country.postal_format, city.postal_prefix)
            if country.postal_format
            else "",
            phone=self.phone(country, city),
            year_established=year,
            employees=employees,
            business_types=types,
            nearest_port_id=self.port_for(country.code, city),
            languages_spoken=["en", *[c for c in country.languages if c != "en"]],
            is_demo=True,
        )
        domain = self.domain_for(slug, city)
        company.website = f"https://www.{domain}.example"
        company.description = self.buyer_description(
            name=name,
            industry=industry,
            country=country,
            city=city,
            year=year,
            kind=kind,
        )
        draft = _Draft(
            company=company,
            industry=industry,
            created_at=created_at,
            updated_at=created_at + (self.base - created_at) * rng.random(),
        )
        used: set[str] = set()
        common = {
            "culture": country.culture,
            "domain": domain,
            "used": used,
            "country": country,
            "city": city,
        }
        if featured:
            owner = self.person(
                **common,
                role=Role.OWNER,
                title="Managing Director",
                joined_at=created_at,
                email=BUYER_EMAIL,
                name="Jonas Becker",
                language="",
            )
            n_staff = 1
        else:
            owner = self.person(
                **common,
                role=Role.OWNER,
                title=rng.choice(BUYER_OWNER_TITLES),
                joined_at=created_at,
            )
            n_staff = self.pick([(0, 40), (1, 35), (2, 18), (3, 7)])
        owner.contact = True
        draft.people.append(owner)
        for _ in range(n_staff):
            joined = created_at + (self.base - created_at) * rng.random() * 0.8
            p = self.person(
                **common,
                role=Role.BUYER_STAFF,
                title=rng.choice(BUYER_STAFF_TITLES),
                joined_at=joined,
            )
            p.contact = rng.random() < 0.5
            p.active = featured or rng.random() > 0.04
            draft.people.append(p)
        return draft

    # -- verification stories --------------------------------------------------------------------

    def assign_verification(self, drafts: list[_Draft]) -> None:
        featured, others = drafts[0], drafts[1:]
        featured.verification, featured.stars = "verified", 4
        n = len(drafts)
        n_pending = 8 if n >= 100 else max(1, n // 25)
        n_rejected = 6 if n >= 100 else max(1, n // 40)
        n_verified = max(0, round(n * VERIFIED_SHARE) - 1)
        order = self.rng.sample(range(len(others)), len(others))
        for position, index in enumerate(order):
            draft = others[index]
            if position < n_verified:
                draft.verification = "verified"
                stars = self.pick(STARS_WEIGHTS)
                band = BANDS.index(draft.company.employees)
                # Big factories tend to earn a star more, workshops one less.
                if band >= BANDS.index("501-1000") and self.rng.random() < 0.5:
                    stars = min(6, stars + 1)
                elif band <= BANDS.index("11-50") and self.rng.random() < 0.5:
                    stars = max(1, stars - 1)
                draft.stars = stars
            elif position < n_verified + n_pending:
                draft.verification = "pending"
            elif position < n_verified + n_pending + n_rejected:
                draft.verification = "rejected"
        for draft in drafts:
            if draft.verification:
                self.plan_timeline(draft)

    def plan_timeline(self, d: _Draft) -> None:
        """When the application was started, submitted and decided; moves the company's sign-up
        earlier if it would otherwise come after its own application."""
        rng = self.rng
        decided: datetime | None
        if d.verification == "verified":
            decided = d.created_at + (self.base - d.created_at) * (0.2 + 0.7 * rng.random())
            submitted = decided - timedelta(days=rng.uniform(2, 12))
        elif d.verification == "rejected":
            decided = self.days_ago(15, 180)
            submitted = decided - timedelta(days=rng.uniform(1, 6))
        else:
            decided = None
            submitted = self.days_ago(1, 14)
        started = submitted - timedelta(days=rng.uniform(0.2, 6))
        latest_start = started - timedelta(days=1)
        if d.created_at > latest_start:
            shift = d.created_at - latest_start + timedelta(days=rng.uniform(1, 30))
            d.created_at -= shift
            for p in d.people:
                p.joined_at -= shift
        d.updated_at = max(d.updated_at, decided or submitted)
        d.started, d.submitted, d.decided = started, submitted, decided
        if d.verification == "verified":
            d.company.verified_at = decided

    def evidence(self, draft: _Draft, decided: datetime) -> str:
        company = draft.company
        audit_day = decided - timedelta(days=self.rng.randint(5, 25))
        auditor = self.rng.choice(
            ["SGS", "TÜV Rheinland", "Intertek", "Bureau Veritas", "the Hansa review team"]
        )
        lines = [
            f"Business licence {draft.licence_number} checked against the official company "
            "register; "
            f"name and address match the application.",
            f"On-site audit by {auditor} on {audit_day:%d %b %Y}.",
        ]
        if company.factory_area_m2:
            lines.append(
                f"Factory of about {company.factory_area_m2:,} m² with {company.production_lines} "
                "production "
                f"lines seen in operation; {company.employees} employees on the payroll list."
            )
        else:
            lines.append(
                "Trading company: office and sample room visited; supplier list and export "
                "contracts seen."
            )
        for cert in draft.certificates[:2]:
            lines.append(f"{cert.name} certificate {cert.number} confirmed with {cert.issuer}.")
        lines.append(
            f"Export declarations for {decided.year - 1} reviewed (band {company.export_revenue})."
        )
        lines.append(f"Graded {draft.stars} of 6 stars.")
        return "\n".join(lines)

    REJECTION_REASONS = (
        "The business licence is unreadable; please upload a clear colour scan of the whole "
        "document.",
        "The company name on the business licence does not match the name of this profile.",
        "The business licence uploaded has expired. Please upload the current licence.",
        "The address on the licence differs from the factory address and no lease contract was "
        "provided.",
        "The licence scope does not cover export or the manufacture of the listed products.",
    )

    # -- writing ---------------------------------------------------------------------------------

    def build(self, step: Callable[[int], object], phase: Callable[[str], object]) -> MarketSummary:
        rng = self.rng
        password = make_password(DEMO_PASSWORD)
        ports = list(
            Port.objects.filter(is_active=True)
            .order_by("locode")
            .values_list("id", "locode", "name", "country", "kind", "is_major")
        )
        self.port_by_locode = {p[1]: p[0] for p in ports}
        self.port_names = {p[0]: f"{p[2]} ({p[1]})" for p in ports}
        self.port_by_country: dict[str, int] = {}
        for pid, _locode, _name, country, _kind, _major in sorted(
            ports, key=lambda p: (p[3], not p[5], p[4] == Port.Kind.AIRPORT, p[1])
        ):
            self.port_by_country.setdefault(country, pid)
        self.used_slugs = set(Company.objects.values_list("slug", flat=True))
        self.used_names = {n.casefold() for n in Company.objects.values_list("name", flat=True)}
        self.used_names.update({FEATURED_SUPPLIER.casefold(), FEATURED_BUYER.casefold()})
        self.used_domains: set[str] = set()

        phase("suppliers")
        featured_city = next(c for c in CHINA.cities if c.name == "Shenzhen")
        suppliers = [
            self.build_supplier(CHINA, featured_city, INDUSTRIES["lights_lighting"], featured=True)
        ]
        step(1)
        for country, city, industry in self.plan_suppliers():
            suppliers.append(self.build_supplier(country, city, industry, featured=False))
            step(1)
        self.customise_featured_supplier(suppliers[0])
        self.assign_verification(suppliers)

        phase("buyers")
        germany = next(c for c in BUYER_COUNTRIES if c.code == "DE")
        buyers = [self.build_buyer(germany, featured=True)]
        step(1)
        countries = list(BUYER_COUNTRIES)
        rng.shuffle(countries)
        remaining = self.n_buyers - 1
        plan = countries[:remaining] + [
            self.pick((c, c.weight) for c in BUYER_COUNTRIES)
            for _ in range(max(0, remaining - len(countries)))
        ]
        rng.shuffle(plan)
        for country in plan:
            buyers.append(self.build_buyer(country, featured=False))
            step(1)
        drafts = suppliers + buyers

        # Users (the operator first), their e-mail addresses.
        phase("users")
        operator = User(
            email=OPERATOR_EMAIL,
            full_name="Hansa Operator",
            is_staff=True,
            is_superuser=False,
            password=password,
            date_joined=self.base - timedelta(days=1200),
        )
        people = [p for d in drafts for p in d.people]
        users = [operator] + [
            User(
                email=p.email,
                full_name=p.name,
                language=p.language,
                password=password,
                date_joined=p.joined_at,
            )
            for p in people
        ]
        User.objects.bulk_create(users, batch_size=BATCH)
        for p, user in zip(people, users[1:], strict=True):
            p.user = user
        EmailAddress.objects.bulk_create(
            [EmailAddress(user=u, email=u.email, verified=True, primary=True) for u in users],
            batch_size=BATCH,
        )
        step(1)

        phase("companies")
        for d in drafts:
            s = d.stars if d.verification == "verified" else 0
            d.company.star_rating = s
            d.company.verification_status = {
                "verified": VerificationStatus.VERIFIED,
                "pending": VerificationStatus.PENDING,
                "rejected": VerificationStatus.REJECTED,
            }.get(d.verification, VerificationStatus.UNVERIFIED)
        Company.objects.bulk_create([d.company for d in drafts], batch_size=BATCH)
        step(1)

        phase("members")
        memberships = []
        for d in drafts:
            owner = d.people[0]
            for p in d.people:
                m = Membership(user=p.user, company=d.company, role=p.role, is_active=p.active)
                if not p.active:
                    m.deactivated_at = p.joined_at + (self.base - p.joined_at) * rng.random()
                    m.deactivated_by = owner.user
                memberships.append(m)
        Membership.objects.bulk_create(memberships, batch_size=BATCH)
        step(1)

        phase("profiles")
        CompanyName.objects.bulk_create(
            [
                CompanyName(company=d.company, language=lang, name=n, description=desc)
                for d in drafts
                for lang, n, desc in d.names
            ],
            batch_size=BATCH,
        )
        MainMarket.objects.bulk_create(
            [
                MainMarket(company=d.company, region=r, share_percent=s)
                for d in drafts
                for r, s in d.markets
            ],
            batch_size=BATCH,
        )
        Certification.objects.bulk_create(
            [c for d in drafts for c in d.certificates], batch_size=BATCH
        )
        contacts = []
        for d in drafts:
            primary_done = False
            for p in d.people:
                if not (p.contact and p.active):
                    continue
                contacts.append(
                    ContactPerson(
                        company=d.company,
                        name=p.name,
                        job_title=p.title,
                        email=p.email,
                        phone=p.phone,
                        languages=p.languages,
                        is_primary=not primary_done,
                    )
                )
                primary_done = True
        ContactPerson.objects.bulk_create(contacts, batch_size=BATCH)
        step(1)

        phase("verification")
        stories = self.write_verification(suppliers, operator)
        step(1)

        phase("timestamps")
        for d in drafts:
            d.company.created_at = d.created_at
            d.company.updated_at = d.updated_at
        Company.objects.bulk_update(
            [d.company for d in drafts], ["created_at", "updated_at"], batch_size=BATCH
        )
        for m in memberships:
            m.joined_at = m.user.date_joined
        Membership.objects.bulk_update(memberships, ["joined_at"], batch_size=BATCH)
        for objects, fields in stories:
            type(objects[0]).objects.bulk_update(objects, fields, batch_size=BATCH)
        step(1)

        phase("operator")
        self.setup_operator(operator)
        step(1)

        return MarketSummary(
            suppliers=len(suppliers),
            buyers=len(buyers),
            supplier_countries=len({d.company.country for d in suppliers}),
            buyer_countries=len({d.company.country for d in buyers}),
            industries=len({d.industry.key for d in suppliers}),
            verified=sum(d.verification == "verified" for d in suppliers),
            pending=sum(d.verification == "pending" for d in suppliers),
            rejected=sum(d.verification == "rejected" for d in suppliers),
            users=len(users),
            logins=demo_logins(),
        )

    def customise_featured_supplier(self, draft: _Draft) -> None:
        c = draft.company
        c.year_established = 2009
        c.main_products = [
            "LED panel light",
            "LED downlight",
            "LED high bay light",
            "LED flood light",
            "LED street light",
            "LED strip light",
            "Linear pendant light",
        ]
        c.factory_area_m2, c.production_lines, c.rnd_staff, c.qc_staff = 28000, 12, 36, 42
        c.export_revenue = ExportRevenueBand.M10_50
        c.lead_time_days = 25
        c.languages_spoken = ["en", "zh-hans", "es"]
        c.business_types = [BusinessType.MANUFACTURER.value]
        c.address = "Building 6, No. 88 Keji Road, Guangming District"
        c.postal_code = "518107"
        c.phone = "+86 755 2361 8800"
        c.website = "https://www.brightway-lighting.example"
        c.nearest_port_id = self.port_by_locode.get("CNYTN", c.nearest_port_id)
        draft.markets = [
            ("western_europe", 35),
            ("north_america", 25),
            ("mid_east", 15),
            ("southeast_asia", 10),
            ("south_america", 10),
        ]
        certs = [
            ("ISO 9001", "TÜV Rheinland", "01 100 1826374", date(2024, 3, 18), date(2027, 3, 17)),
            ("CE", "TÜV Rheinland", "AN 50482917 0001", date(2023, 9, 4), None),
            ("RoHS", "SGS", "CN23/31406", date(2023, 9, 12), None),
            ("UL", "UL Solutions", "E486219", date(2022, 11, 30), None),
            ("ISO 14001", "TÜV Rheinland", "01 104 1826374", date(2024, 3, 18), date(2027, 3, 17)),
        ]
        draft.certificates = [
            Certification(company=c, name=n, issuer=i, number=num, valid_from=f, valid_until=u)
            for n, i, num, f, u in certs
        ]
        c.description = (
            "Founded in 2009, Shenzhen Brightway Lighting Technology Co., Ltd. designs and "
            "manufactures LED lighting for commercial, industrial and outdoor projects in "
            "Guangming District, Shenzhen. Our 28,000 m² plant runs 12 SMT and assembly lines, "
            "with 36 engineers in optical, thermal and driver design and 42 quality inspectors. "
            "Main products include LED panel lights, downlights, high bays, flood lights, street "
            "lights and linear pendants. Each luminaire is aged for four hours at full power, and "
            "photometric data is measured in our own integrating sphere and goniophotometer. We "
            "hold ISO 9001 and ISO 14001 certification, and our products carry CE, RoHS and UL "
            "marks. About 35 percent of our output goes to Western Europe and 25 percent to North "
            "America. OEM and ODM projects are welcome; DIALux files, IES data and samples within "
            "seven days are available for project buyers, and we ship from Yantian."
        )
        draft.names = [
            (
                "zh-hans",
                FEATURED_SUPPLIER_ZH,
                (
                    "深圳明途照明科技有限公司成立于2009年，位于广东省深圳市光明区，是一家集研发、"
                    "生产和销售于一体的LED照明企业。公司厂房面积28000平方米，拥有12条SMT及组装生产"
                    "线、研发工程师36名、品检人员42名。主要产品包括LED面板灯、筒灯、工矿灯、投光灯"
                    "、路灯和线条吊灯，产品通过CE、RoHS、UL认证，公司已通过ISO 9001和ISO 14001体系"
                    "认证，产品主要销往西欧、北美、中东等市场。欢迎国内外客户来厂参观洽谈，支持OEM"
                    "/ODM定制。"
                ),
            )
        ]
        draft.licence_number = "91440300MA5F8K2L3X"

    def save_licence(self, draft: _Draft, app_created: datetime) -> tuple[str, int]:
        c = draft.company
        lines = [
            f"Company name: {c.name}",
            f"Registration number: {draft.licence_number}",
            f"Legal representative: {draft.people[0].name}",
            f"Registered address: {c.address}, {c.city} {c.postal_code}",
            f"Date of establishment: {c.year_established}",
            f"Business scope: manufacture and export of {draft.industry.buyer_phrase}",
            "Term of operation: long-term",
            "",
            "Demo document generated by Hansa. Not a real licence.",
        ]
        payload = simple_pdf("Business Licence", lines, created=app_created)
        name = f"verification/demo/{c.slug}/business-licence.pdf"
        if self.storage.exists(name):
            self.storage.delete(name)
        saved = self.storage.save(name, ContentFile(payload))
        self.saved_files.append(saved)
        return saved, len(payload)

    def write_verification(
        self, suppliers: list[_Draft], operator: User
    ) -> list[tuple[list, list[str]]]:
        """Applications, licence documents and the decision log; returns the timestamp fix-ups."""
        rng = self.rng
        stories = [d for d in suppliers if d.verification]
        if not stories:
            return []
        applications = [
            VerificationApplication(
                company=d.company,
                created_by=d.people[0].user,
                submitted_at=d.submitted,
                decided_at=d.decided,
                status={
                    "verified": ApplicationStatus.APPROVED,
                    "rejected": ApplicationStatus.REJECTED,
                }.get(d.verification, ApplicationStatus.SUBMITTED),
                note=rng.choice(
                    [
                        "",
                        "Our business licence is attached; an audit report is available on "
                        "request.",
                        "Please contact our export manager for any further documents.",
                        "Factory visits can be arranged on any working day.",
                    ]
                ),
            )
            for d in stories
        ]
        VerificationApplication.objects.bulk_create(applications, batch_size=BATCH)
        documents, uploaded, decisions, decided = [], [], [], []
        for app, d in zip(applications, stories, strict=True):
            app.created_at = d.started
            name, size = self.save_licence(d, d.started)
            documents.append(
                VerificationDocument(
                    application=app,
                    kind=DocumentKind.BUSINESS_LICENCE,
                    file=name,
                    original_name="business-licence.pdf",
                    content_type="application/pdf",
                    size=size,
                    uploaded_by=app.created_by,
                )
            )
            uploaded.append(d.started + timedelta(minutes=rng.randint(5, 90)))
            decisions.append(
                VerificationDecision(
                    company=d.company,
                    application=app,
                    action=DecisionAction.SUBMITTED,
                    decided_by=app.created_by,
                )
            )
            decided.append(d.submitted)
            if d.verification == "verified":
                decisions.append(
                    VerificationDecision(
                        company=d.company,
                        application=app,
                        action=DecisionAction.APPROVED,
                        stars=d.stars,
                        evidence=self.evidence(d, d.decided),
                        decided_by=operator,
                    )
                )
                decided.append(d.decided)
            elif d.verification == "rejected":
                decisions.append(
                    VerificationDecision(
                        company=d.company,
                        application=app,
                        action=DecisionAction.REJECTED,
                        reason=rng.choice(self.REJECTION_REASONS),
                        decided_by=operator,
                    )
                )
                decided.append(d.decided)
        VerificationDocument.objects.bulk_create(documents, batch_size=BATCH)
        VerificationDecision.objects.bulk_create(decisions, batch_size=BATCH)
        # auto_now_add stamped "now" on these; put back the story's own times.
        for doc, when in zip(documents, uploaded, strict=True):
            doc.uploaded_at = when
        for decision, when in zip(decisions, decided, strict=True):
            decision.decided_at = when
        return [
            (applications, ["created_at"]),
            (documents, ["uploaded_at"]),
            (decisions, ["decided_at"]),
        ]

    def setup_operator(self, operator: User) -> None:
        """Staff, not superuser: the operator roles' groups when they exist (core.operator_roles
        keeps them after migrate), else the same kind of permissions given directly. Reviewing
        itself is always guaranteed."""
        groups = list(Group.objects.filter(name__in=OPERATOR_GROUPS).order_by("name"))
        operator.groups.add(*groups)
        granted = set(
            Permission.objects.filter(group__in=groups).values_list(
                "content_type__app_label", "codename"
            )
        )
        needed = (
            [REVIEW_PERMISSION, LISTING_REVIEW_PERMISSION] if groups else list(OPERATOR_PERMISSIONS)
        )
        wanted = Q()
        for app, codename in needed:
            if (app, codename) not in granted:
                wanted |= Q(content_type__app_label=app, codename=codename)
        if wanted:
            operator.user_permissions.add(*Permission.objects.filter(wanted))

    def remove_saved_files(self) -> None:
        for name in self.saved_files:
            with contextlib.suppress(OSError):
                self.storage.delete(name)
