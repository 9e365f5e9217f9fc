"""Fixed vocabularies of the company profile."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class BusinessType(models.TextChoices):
    MANUFACTURER = "manufacturer", _("Manufacturer / factory")
    TRADING_COMPANY = "trading_company", _("Trading company")
    AGENT = "agent", _("Buying or selling agent")
    DISTRIBUTOR = "distributor", _("Distributor / wholesaler")
    RETAILER = "retailer", _("Retailer")
    IMPORTER = "importer", _("Importer")
    SERVICE = "service", _("Business service")
    OTHER = "other", _("Other")


class EmployeesBand(models.TextChoices):
    B1_10 = "1-10", "1–10"
    B11_50 = "11-50", "11–50"
    B51_100 = "51-100", "51–100"
    B101_200 = "101-200", "101–200"
    B201_500 = "201-500", "201–500"
    B501_1000 = "501-1000", "501–1,000"
    B1000_PLUS = "1000+", _("More than 1,000")


class ExportRevenueBand(models.TextChoices):
    """Annual export revenue in US dollars, the bands the big directories use."""

    BELOW_1M = "<1M", _("Below US$1 million")
    M1_2_5 = "1M-2.5M", _("US$1–2.5 million")
    M2_5_5 = "2.5M-5M", _("US$2.5–5 million")
    M5_10 = "5M-10M", _("US$5–10 million")
    M10_50 = "10M-50M", _("US$10–50 million")
    M50_100 = "50M-100M", _("US$50–100 million")
    ABOVE_100M = ">100M", _("Above US$100 million")


class CompanyKind(models.TextChoices):
    SUPPLIER = "supplier", _("Supplier (I sell)")
    BUYER = "buyer", _("Buyer (I source)")
    BOTH = "both", _("Both")


class VerificationStatus(models.TextChoices):
    UNVERIFIED = "unverified", _("Not verified")
    PENDING = "pending", _("Verification pending")
    VERIFIED = "verified", _("Verified supplier")
    REJECTED = "rejected", _("Verification rejected")


PROFILE_LANGUAGES = [
    ("en", "English"),
    ("zh-hans", "简体中文"),
    ("es", "Español"),
    ("fr", "Français"),
    ("de", "Deutsch"),
    ("ru", "Русский"),
    ("pt", "Português"),
    ("ar", "العربية"),
    ("ja", "日本語"),
    ("ko", "한국어"),
    ("it", "Italiano"),
    ("tr", "Türkçe"),
    ("vi", "Tiếng Việt"),
    ("hi", "हिन्दी"),
]
