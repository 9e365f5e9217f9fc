"""The product directory: a category tree shaped like the big directories, each leaf mapped to
its usual HS headings and carrying an attribute template that listings fill in."""

from __future__ import annotations

from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _


class Category(models.Model):
    code = models.SlugField(_("code"), max_length=80, unique=True)
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="children"
    )
    name_en = models.CharField(_("name (English)"), max_length=120)
    name_zh = models.CharField(_("name (Chinese)"), max_length=120)
    # Further languages: {"es": "...", "de": "..."}; English is the fallback.
    names = models.JSONField(_("names in other languages"), default=dict, blank=True)
    hs_codes = models.JSONField(_("usual HS headings"), default=list, blank=True)
    # Materialised path of codes ("lights-lighting/led-lighting/led-strip-lights"): subtree
    # queries are one indexed prefix match, and the breadcrumb needs no recursion.
    path = models.CharField(max_length=400, db_index=True, editable=False)
    depth = models.PositiveSmallIntegerField(default=0, editable=False)
    position = models.PositiveIntegerField(default=0)
    is_leaf = models.BooleanField(default=True, editable=False)
    is_active = models.BooleanField(_("active"), default=True)
    note = models.CharField(max_length=300, blank=True)

    class Meta:
        verbose_name = _("category")
        verbose_name_plural = _("categories")
        ordering = ["path"]

    def __str__(self) -> str:
        return self.name_en

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("catalog:category", args=[self.code])

    @property
    def name(self) -> str:
        """The name in the active language, falling back to English."""
        language = (get_language() or "en").lower()
        if language.startswith("zh"):
            return self.name_zh or self.name_en
        return self.names.get(language) or self.name_en


class AttributeType(models.TextChoices):
    TEXT = "text", _("Text")
    NUMBER = "number", _("Number with unit")
    CHOICE = "choice", _("Choice")
    MULTICHOICE = "multichoice", _("Multiple choice")
    BOOL = "bool", _("Yes / no")


class AttributeDefinition(models.Model):
    """One attribute of a category's template."""

    category = models.ForeignKey(Category, on_delete=models.CASCADE, related_name="attributes")
    code = models.SlugField(_("code"), max_length=60)
    name_en = models.CharField(_("name (English)"), max_length=120)
    name_zh = models.CharField(_("name (Chinese)"), max_length=120)
    type = models.CharField(_("type"), max_length=12, choices=AttributeType.choices)
    unit = models.CharField(_("unit"), max_length=20, blank=True)
    # [{"value": "IP65", "en": "IP65", "zh": "IP65"}, ...] for choice and multichoice.
    choices = models.JSONField(_("choices"), default=list, blank=True)
    min_value = models.DecimalField(max_digits=20, decimal_places=6, null=True, blank=True)
    max_value = models.DecimalField(max_digits=20, decimal_places=6, null=True, blank=True)
    decimals = models.PositiveSmallIntegerField(null=True, blank=True)
    max_length = models.PositiveSmallIntegerField(null=True, blank=True)
    required = models.BooleanField(_("required"), default=False)
    filterable = models.BooleanField(_("filterable"), default=False)
    position = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["category", "position", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["category", "code"], name="attribute_code_once_per_category"
            )
        ]

    def __str__(self) -> str:
        return f"{self.category.code}.{self.code}"

    @property
    def name(self) -> str:
        language = (get_language() or "en").lower()
        return self.name_zh if language.startswith("zh") and self.name_zh else self.name_en

    def choice_label(self, value: str) -> str:
        language = (get_language() or "en").lower()
        key = "zh" if language.startswith("zh") else "en"
        for choice in self.choices:
            if choice.get("value") == value:
                return choice.get(key) or choice.get("en") or value
        return value
