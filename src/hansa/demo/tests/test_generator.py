from collections import Counter

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import authenticate
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db.models import Count, Sum

from hansa.accounts.models import User
from hansa.companies.choices import CompanyKind, VerificationStatus
from hansa.companies.models import Certification, Company, MainMarket, Membership
from hansa.companies.roles import Role
from hansa.core.uploads import clean_document
from hansa.demo.generator import (
    BUYER_EMAIL,
    DEMO_PASSWORD,
    FEATURED_BUYER,
    FEATURED_SUPPLIER,
    OPERATOR_EMAIL,
    SALES_REP_EMAIL,
    SUPPLIER_ADMIN_EMAIL,
    base_datetime,
    delete_demo_data,
    demo_data_exists,
    generate_market,
)
from hansa.demo.industries import industry_of_products
from hansa.verification.models import (
    ApplicationStatus,
    DecisionAction,
    DocumentKind,
    VerificationApplication,
    VerificationDecision,
)
from hansa.verification.selectors import review_queue
from hansa.verification.services import application_approve, application_reject

pytestmark = pytest.mark.django_db


@pytest.fixture
def market():
    return generate_market(products=60, progress=False)


def _snapshot():
    companies = list(
        Company.objects.filter(is_demo=True)
        .order_by("slug")
        .values_list(
            "name", "slug", "country", "city", "main_products", "star_rating", "created_at"
        )
    )
    users = list(User.objects.order_by("email").values_list("email", "full_name", "date_joined"))
    markets = list(
        MainMarket.objects.order_by("company__slug", "region").values_list(
            "company__slug", "region", "share_percent"
        )
    )
    return companies, users, markets


def test_default_market_meets_the_issue_minimums(market):
    suppliers = Company.objects.filter(is_demo=True, kind=CompanyKind.SUPPLIER)
    buyers = Company.objects.filter(is_demo=True, kind=CompanyKind.BUYER)

    assert suppliers.count() >= 200
    supplier_countries = Counter(suppliers.values_list("country", flat=True))
    assert len(supplier_countries) >= 12
    china_share = supplier_countries["CN"] / suppliers.count()
    assert 0.5 < china_share < 1
    assert 0.65 <= china_share <= 0.75
    chinese_cities = set(suppliers.filter(country="CN").values_list("city", flat=True))
    assert {
        "Shenzhen",
        "Guangzhou",
        "Dongguan",
        "Ningbo",
        "Yiwu",
        "Suzhou",
        "Qingdao",
    } <= chinese_cities

    industries = {
        industry_of_products(p) for p in suppliers.values_list("main_products", flat=True)
    }
    assert None not in industries
    assert len(industries) >= 8

    assert buyers.count() >= 300
    assert buyers.values("country").distinct().count() >= 25

    # Matches what the summary reports.
    assert market.suppliers == suppliers.count()
    assert market.buyers == buyers.count()
    assert market.supplier_countries == len(supplier_countries)
    assert market.industries == len(industries)
    assert market.users == User.objects.count()

    # Every company slug is unique, and so is every name.
    slugs = list(Company.objects.values_list("slug", flat=True))
    assert len(slugs) == len(set(slugs))
    names = [n.casefold() for n in Company.objects.values_list("name", flat=True)]
    assert len(names) == len(set(names))

    # Main market shares add up to at most 100 per company.
    totals = MainMarket.objects.values("company").annotate(total=Sum("share_percent"))
    assert totals and all(row["total"] <= 100 for row in totals)

    # Chinese suppliers carry their name in Chinese.
    chinese = suppliers.filter(country="CN").annotate(n=Count("names")).values_list("n", flat=True)
    assert all(n == 1 for n in chinese)


def test_verified_suppliers_have_stars_and_an_approval_by_the_operator(market):
    operator = User.objects.get(email=OPERATOR_EMAIL)
    verified = Company.objects.filter(is_demo=True, verification_status=VerificationStatus.VERIFIED)
    share = verified.count() / market.suppliers
    assert 0.3 <= share <= 0.4
    assert market.verified == verified.count()
    stars = Counter(verified.values_list("star_rating", flat=True))
    assert set(stars) <= set(range(1, 7))
    assert len(stars) >= 4
    for company in verified:
        assert company.verified_at is not None
        approval = VerificationDecision.objects.get(company=company, action=DecisionAction.APPROVED)
        assert approval.stars == company.star_rating
        assert approval.decided_by == operator
        assert approval.evidence.strip()
        assert approval.application.status == ApplicationStatus.APPROVED
        assert approval.decided_at == approval.application.decided_at == company.verified_at
        assert company.created_at < approval.application.created_at < approval.decided_at
    # Stars are only on verified companies.
    assert (
        not Company.objects.exclude(verification_status=VerificationStatus.VERIFIED)
        .exclude(star_rating=0)
        .exists()
    )


def test_pending_applications_wait_in_the_review_queue_with_a_pdf_licence(market):
    queue = list(review_queue().filter(company__is_demo=True))
    assert len(queue) == market.pending == 8
    for application in queue:
        assert application.company.verification_status == VerificationStatus.PENDING
        licence = application.documents.get(kind=DocumentKind.BUSINESS_LICENCE)
        with licence.file.open("rb") as handle:
            data = handle.read()
        assert data.startswith(b"%PDF-1.4") and data.rstrip().endswith(b"%%EOF")
        assert licence.size == len(data)
        assert (
            clean_document(SimpleUploadedFile("licence.pdf", data)).content_type
            == "application/pdf"
        )
    rejected = Company.objects.filter(is_demo=True, verification_status=VerificationStatus.REJECTED)
    assert rejected.count() == market.rejected > 0
    for company in rejected:
        decision = VerificationDecision.objects.get(company=company, action=DecisionAction.REJECTED)
        assert decision.reason.strip()


def test_the_operator_can_decide_on_the_queue_with_the_real_services(market):
    operator = User.objects.get(email=OPERATOR_EMAIL)
    first, second = list(review_queue())[:2]
    application_approve(application=first, by=operator, stars=3, evidence="Licence checked.")
    application_reject(application=second, by=operator, reason="Licence unreadable.")
    first.company.refresh_from_db()
    assert first.company.verification_status == VerificationStatus.VERIFIED
    assert first.company.star_rating == 3


def test_the_timeline_is_consistent_and_before_the_base_date(market):
    base = base_datetime(2026)
    for company in Company.objects.filter(is_demo=True):
        assert company.created_at <= company.updated_at <= base
        if company.verified_at:
            assert company.created_at < company.verified_at <= company.updated_at
    for member in Membership.objects.select_related("company", "user"):
        assert member.company.created_at <= member.joined_at == member.user.date_joined <= base
        if not member.is_active:
            assert member.joined_at <= member.deactivated_at <= base
            assert member.deactivated_by.membership.company_id == member.company_id
    for decision in VerificationDecision.objects.select_related("application"):
        application = decision.application
        assert application.created_at <= application.submitted_at <= decision.decided_at <= base
    for application in VerificationApplication.objects.prefetch_related("documents"):
        for document in application.documents.all():
            assert application.created_at <= document.uploaded_at <= application.submitted_at
    for cert in Certification.objects.all():
        assert cert.valid_from <= base.date()
        assert cert.valid_until is None or cert.valid_until > base.date()


def test_sub_accounts_exist(market):
    suppliers = Company.objects.filter(is_demo=True, kind=CompanyKind.SUPPLIER)
    buyers = Company.objects.filter(is_demo=True, kind=CompanyKind.BUYER)
    owners = Membership.objects.filter(role=Role.OWNER)
    assert owners.filter(company__in=suppliers).count() == suppliers.count()
    assert owners.filter(company__in=buyers).count() == buyers.count()
    reps = Counter(
        Membership.objects.filter(role=Role.SALES_REP).values_list("company_id", flat=True)
    )
    with_reps = sum(1 for c in suppliers.values_list("id", flat=True) if 1 <= reps[c] <= 3)
    assert with_reps / suppliers.count() > 0.7
    assert Membership.objects.filter(role=Role.ADMIN, company__in=suppliers).exists()
    assert Membership.objects.filter(role=Role.BUYER_STAFF, company__in=buyers).count() > 100
    assert not Membership.objects.filter(role=Role.SALES_REP, company__in=buyers).exists()
    assert not Membership.objects.filter(role=Role.BUYER_STAFF, company__in=suppliers).exists()


def test_the_demo_logins_work(market):
    assert [email for _role, email, _pw in market.logins] == [
        OPERATOR_EMAIL,
        SUPPLIER_ADMIN_EMAIL,
        SALES_REP_EMAIL,
        BUYER_EMAIL,
    ]
    for _role, email, password in market.logins:
        assert password == DEMO_PASSWORD
        user = authenticate(email=email, password=password)
        assert user is not None and user.email == email

    operator = User.objects.get(email=OPERATOR_EMAIL)
    assert operator.is_staff and not operator.is_superuser
    assert operator.has_perm("verification.review_verification")
    assert operator.has_perm("catalog.review_listing")
    assert operator.has_perm("companies.view_company")
    assert not Membership.objects.filter(user=operator).exists()

    supplier = Membership.objects.select_related("company").get(user__email=SUPPLIER_ADMIN_EMAIL)
    assert supplier.role == Role.OWNER
    assert supplier.company.name == FEATURED_SUPPLIER
    assert supplier.company.is_verified and supplier.company.star_rating == 4
    assert (supplier.company.country, supplier.company.city) == ("CN", "Shenzhen")
    assert supplier.company.nearest_port.locode == "CNYTN"
    assert supplier.company.names.get(language="zh-hans").name == "深圳明途照明科技有限公司"

    sales = Membership.objects.get(user__email=SALES_REP_EMAIL)
    assert sales.role == Role.SALES_REP and sales.company_id == supplier.company_id

    buyer = Membership.objects.select_related("company").get(user__email=BUYER_EMAIL)
    assert buyer.role == Role.OWNER
    assert buyer.company.name == FEATURED_BUYER
    assert (buyer.company.country, buyer.company.city) == ("DE", "Hamburg")

    # Everyone shares one password hash and has a verified primary address for allauth.
    assert User.objects.values("password").distinct().count() == 1
    addresses = EmailAddress.objects.filter(verified=True, primary=True)
    assert addresses.count() == User.objects.count()


def test_same_seed_gives_the_same_market_and_another_seed_another():
    generate_market(seed=7, suppliers=40, buyers=50, products=40, progress=False)
    first = _snapshot()
    assert len(first[0]) == 90
    delete_demo_data()
    assert not demo_data_exists()
    assert not User.objects.exists()
    generate_market(seed=7, suppliers=40, buyers=50, products=40, progress=False)
    assert _snapshot() == first
    delete_demo_data()
    generate_market(seed=8, suppliers=40, buyers=50, products=40, progress=False)
    assert _snapshot()[0] != first[0]


def test_a_failed_run_leaves_nothing_behind(monkeypatch):
    from hansa.demo import generator

    def boom(self, operator):
        raise RuntimeError("interrupted")

    monkeypatch.setattr(generator._MarketBuilder, "setup_operator", boom)
    with pytest.raises(RuntimeError):
        generate_market(suppliers=30, buyers=30, products=40, progress=False)
    assert not Company.objects.exists()
    assert not User.objects.exists()
    assert not VerificationApplication.objects.exists()


def test_existing_companies_keep_their_slugs():
    owner = User.objects.create_user("someone@example.com", "x")
    Company.objects.create(
        slug="shenzhen-brightway-lighting-technology-co-ltd",
        name="Other",
        kind="supplier",
        country="CN",
    )
    del owner
    generate_market(suppliers=30, buyers=30, products=40, progress=False)
    featured = Company.objects.get(name=FEATURED_SUPPLIER)
    assert featured.slug == "shenzhen-brightway-lighting-technology-co-ltd-2"
    delete_demo_data()
    assert Company.objects.filter(name="Other").exists()
    assert User.objects.filter(email="someone@example.com").exists()


def test_the_operator_joins_the_operator_groups():
    # core.operator_roles creates the groups after migrate.
    generate_market(suppliers=20, buyers=20, products=40, progress=False)
    operator = User.objects.get(email=OPERATOR_EMAIL)
    assert set(operator.groups.values_list("name", flat=True)) == {
        "Verification reviewers",
        "Support",
        "Listing reviewers",
    }
    assert not operator.user_permissions.exists()
    assert operator.has_perm("verification.review_verification")
    assert operator.has_perm("catalog.review_listing")
    assert operator.has_perm("companies.change_company")
    assert operator.has_perm("catalog.review_listing")


def test_without_groups_the_operator_gets_permissions_directly():
    Group.objects.filter(
        name__in=["Verification reviewers", "Support", "Listing reviewers"]
    ).delete()
    generate_market(suppliers=20, buyers=20, products=40, progress=False)
    operator = User.objects.get(email=OPERATOR_EMAIL)
    assert not operator.groups.exists()
    codenames = set(operator.user_permissions.values_list("codename", flat=True))
    assert {
        "review_verification",
        "view_company",
        "change_company",
        "view_verificationdocument",
    } <= codenames
    assert operator.has_perm("verification.review_verification")
    assert operator.has_perm("catalog.review_listing")
