"""Simplified Chinese formats: Django's, plus the thousands grouping trade documents use."""

from django.conf.locale.zh_Hans.formats import *  # noqa: F403

THOUSAND_SEPARATOR = ","
NUMBER_GROUPING = 3
