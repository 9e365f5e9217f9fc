import time
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from hansa.accounts.models import User
from hansa.companies.models import Company
from hansa.demo.generator import DEMO_PASSWORD, OPERATOR_EMAIL

pytestmark = pytest.mark.django_db


def run(*args):
    out = StringIO()
    call_command(*args, stdout=out, stderr=StringIO())
    return out.getvalue()


def test_generate_refuses_to_overwrite_without_reset():
    output = run(
        "generate", "--suppliers", "30", "--buyers", "30", "--products", "60", "--no-progress"
    )
    assert "Demo market generated" in output
    assert OPERATOR_EMAIL in output and DEMO_PASSWORD in output
    names = set(Company.objects.values_list("name", flat=True))

    with pytest.raises(CommandError, match="--reset"):
        run("generate", "--suppliers", "30", "--buyers", "30", "--products", "60", "--no-progress")

    output = run(
        "generate",
        "--suppliers",
        "30",
        "--buyers",
        "30",
        "--products",
        "60",
        "--no-progress",
        "--seed",
        "9",
        "--reset",
    )
    assert "Deleted 60 demo companies" in output
    assert Company.objects.filter(is_demo=True).count() == 60
    assert set(Company.objects.values_list("name", flat=True)) != names


def test_generate_reset_keeps_other_companies_and_users():
    someone = User.objects.create_user("someone@example.com", "x")
    real = Company.objects.create(slug="real-co", name="Real Co", kind="buyer", country="FR")
    run("generate", "--suppliers", "20", "--buyers", "20", "--products", "60", "--no-progress")
    run(
        "generate",
        "--suppliers",
        "20",
        "--buyers",
        "20",
        "--products",
        "60",
        "--no-progress",
        "--reset",
    )
    assert Company.objects.filter(pk=real.pk).exists()
    assert User.objects.filter(pk=someone.pk).exists()


def test_demo_generates_once_then_only_prints_the_logins():
    first = run("demo", "--products", "60", "--no-progress")
    assert "Demo market generated" in first
    counts = (Company.objects.count(), User.objects.count())
    # The demo supplier's live listings are scored from the start.
    from hansa.catalog.models import Product

    featured = Product.objects.filter(
        company__memberships__user__email="supplier@hansa.demo", status="live"
    )
    assert featured.exists() and not featured.filter(quality_report=[]).exists()

    started = time.monotonic()
    second = run("demo", "--products", "60", "--no-progress")
    assert time.monotonic() - started < 1
    assert "Demo market already present" in second
    for email in (
        "operator@hansa.demo",
        "supplier@hansa.demo",
        "sales@hansa.demo",
        "buyer@hansa.demo",
    ):
        assert email in second
    assert DEMO_PASSWORD in second
    assert "Suppliers: 220 in" in second and "Buyers:    320 in" in second
    assert (Company.objects.count(), User.objects.count()) == counts
