"""The comparison basket: products a buyer lines up side by side (at most ``BASKET_LIMIT``).

A signed-in user's basket is rows of ``CompareItem``; an anonymous visitor's is a list of
product ids in the session (``basket.SESSION_KEY``), merged into the user's rows on login.
The basket is personal: colleagues in the same company each have their own.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models

BASKET_LIMIT = 20


class CompareItem(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="compare_items"
    )
    product = models.ForeignKey(
        "catalog.Product", on_delete=models.CASCADE, related_name="compare_items"
    )
    added_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["added_at", "id"]
        constraints = [
            models.UniqueConstraint(fields=["user", "product"], name="compare_item_once_per_user")
        ]

    def __str__(self) -> str:
        return f"{self.user_id} compares {self.product_id}"
