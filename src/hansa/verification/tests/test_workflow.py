from __future__ import annotations

import pytest
from django.urls import reverse

from hansa.companies.choices import VerificationStatus
from hansa.conftest import client_for
from hansa.core.errors import BusinessError, Forbidden
from hansa.core.tests import files
from hansa.verification import services
from hansa.verification.models import ApplicationStatus, DecisionAction, VerificationDecision

pytestmark = pytest.mark.django_db


@pytest.fixture
def submitted(supplier, owner):
    app = services.application_start(company=supplier, by=owner)
    services.document_add(application=app, by=owner, kind="business_licence", upload=files.pdf())
    services.document_add(application=app, by=owner, kind="audit_report", upload=files.png())
    return services.application_submit(application=app, by=owner, note="Audit by SGS in 2026")


def test_submit_needs_a_business_licence(supplier, owner):
    app = services.application_start(company=supplier, by=owner)
    services.document_add(application=app, by=owner, kind="certificate", upload=files.pdf())
    with pytest.raises(BusinessError, match="Business licence"):
        services.application_submit(application=app, by=owner)
    app.refresh_from_db()
    assert app.status == ApplicationStatus.DRAFT


def test_submission_puts_the_company_in_the_queue_and_logs_it(submitted, supplier, owner):
    supplier.refresh_from_db()
    assert supplier.verification_status == VerificationStatus.PENDING
    decision = VerificationDecision.objects.get(company=supplier)
    assert (decision.action, decision.decided_by) == (DecisionAction.SUBMITTED, owner)
    # A double click submits once.
    services.application_submit(application=submitted, by=owner)
    assert VerificationDecision.objects.filter(company=supplier).count() == 1


def test_approval_grades_the_supplier_and_records_who_and_when(submitted, supplier, reviewer):
    services.application_approve(
        application=submitted, by=reviewer, stars=3, evidence="Licence and audit checked"
    )
    supplier.refresh_from_db()
    assert (supplier.verification_status, supplier.star_rating) == (VerificationStatus.VERIFIED, 3)
    decision = VerificationDecision.objects.filter(action=DecisionAction.APPROVED).get()
    assert (decision.decided_by, decision.stars, decision.evidence) == (
        reviewer,
        3,
        "Licence and audit checked",
    )
    assert decision.decided_at is not None
    with pytest.raises(BusinessError, match="Only a submitted"):
        services.application_approve(application=submitted, by=reviewer, stars=5, evidence="again")
    supplier.refresh_from_db()
    assert supplier.star_rating == 3


@pytest.mark.parametrize("stars", [0, 7, -1, "three", None])
def test_stars_are_one_to_six(submitted, reviewer, stars):
    with pytest.raises(BusinessError) as exc:
        services.application_approve(application=submitted, by=reviewer, stars=stars, evidence="x")
    assert exc.value.field == "stars"
    submitted.refresh_from_db()
    assert submitted.status == ApplicationStatus.SUBMITTED


def test_rejection_needs_a_reason_which_the_supplier_sees(submitted, supplier, reviewer, owner):
    with pytest.raises(BusinessError):
        services.application_reject(application=submitted, by=reviewer, reason="  ")
    services.application_reject(application=submitted, by=reviewer, reason="Licence is expired")
    supplier.refresh_from_db()
    assert supplier.verification_status == VerificationStatus.REJECTED
    page = client_for(owner).get(reverse("verification:status"))
    assert b"Licence is expired" in page.content


def test_only_reviewers_decide(submitted, owner, db):
    from hansa.companies.tests.factories import OperatorFactory

    staff_without_permission = OperatorFactory(reviewer=False)
    for user in (owner, staff_without_permission):
        with pytest.raises(Forbidden):
            services.application_approve(
                application=submitted, by=user, stars=6, evidence="self-approved"
            )
    submitted.refresh_from_db()
    assert submitted.status == ApplicationStatus.SUBMITTED


def test_regrading_and_revoking_are_logged(submitted, supplier, reviewer):
    services.application_approve(application=submitted, by=reviewer, stars=2, evidence="ok")
    services.company_grade(company=supplier, by=reviewer, stars=5, evidence="Export records 2025")
    services.verification_revoke(company=supplier, by=reviewer, reason="Licence withdrawn")
    supplier.refresh_from_db()
    assert (supplier.verification_status, supplier.star_rating) == (
        VerificationStatus.UNVERIFIED,
        0,
    )
    actions = list(
        VerificationDecision.objects.filter(company=supplier)
        .order_by("id")
        .values_list("action", flat=True)
    )
    assert actions == ["submitted", "approved", "graded", "revoked"]


def test_bad_documents_are_refused_with_a_message(supplier, owner):
    app = services.application_start(company=supplier, by=owner)
    for upload in (files.svg(), files.html_named_png()):
        with pytest.raises(BusinessError) as exc:
            services.document_add(application=app, by=owner, kind="business_licence", upload=upload)
        assert exc.value.field == "file"
    assert not app.documents.exists()


def test_the_badge_shows_on_the_public_page_once_verified(submitted, supplier, reviewer):
    client = client_for(None)
    assert b"Verified supplier" not in client.get(supplier.get_absolute_url()).content
    services.application_approve(application=submitted, by=reviewer, stars=4, evidence="ok")
    page = client.get(supplier.get_absolute_url()).content.decode()
    assert "Verified supplier" in page and "★★★★" in page and "★★★★★" not in page


def test_documents_are_private_to_the_company_and_reviewers(
    submitted, other_owner, reviewer, owner, sales_rep
):
    doc = submitted.documents.first()
    url = reverse("verification:document_file", args=[doc.pk])
    assert client_for(owner).get(url).status_code == 200
    assert client_for(sales_rep).get(url).status_code == 200
    assert client_for(other_owner).get(url).status_code == 404
    assert client_for(None).get(url).status_code == 302
    ops_url = reverse("verification:ops_document_file", args=[doc.pk])
    assert client_for(owner).get(ops_url).status_code == 403
    response = client_for(reviewer).get(ops_url)
    assert response.status_code == 200 and response["X-Content-Type-Options"] == "nosniff"


def test_operator_pages_are_for_reviewers_only(submitted, owner, reviewer):
    for url in (reverse("verification:queue"), reverse("verification:review", args=[submitted.pk])):
        assert client_for(owner).get(url).status_code == 403
        assert client_for(reviewer).get(url).status_code == 200
    response = client_for(owner).post(
        reverse("verification:review", args=[submitted.pk]),
        {"decision": "approve", "stars": 6, "evidence": "me"},
    )
    assert response.status_code == 403
    submitted.refresh_from_db()
    assert submitted.status == ApplicationStatus.SUBMITTED


def test_reviewer_approves_through_the_review_page(submitted, supplier, reviewer):
    client = client_for(reviewer)
    response = client.post(
        reverse("verification:review", args=[submitted.pk]),
        {"decision": "approve", "stars": "", "evidence": ""},
    )
    assert response.status_code == 200 and b"This field is required" in response.content
    response = client.post(
        reverse("verification:review", args=[submitted.pk]),
        {"decision": "approve", "stars": "3", "evidence": "Licence checked"},
    )
    assert response.status_code == 302
    supplier.refresh_from_db()
    assert supplier.star_rating == 3


def test_sales_reps_and_buyers_cannot_apply(supplier, sales_rep, buyer):
    assert client_for(sales_rep).post(reverse("verification:submit")).status_code == 403
    assert client_for(buyer).get(reverse("verification:status")).status_code == 404


def test_other_companies_cannot_remove_our_documents(supplier, owner, other_owner):
    app = services.application_start(company=supplier, by=owner)
    doc = services.document_add(
        application=app, by=owner, kind="business_licence", upload=files.pdf()
    )
    services.application_start(company=other_owner.membership.company, by=other_owner)
    url = reverse("verification:document_delete", args=[doc.pk])
    assert client_for(other_owner).post(url).status_code == 404
    assert client_for(None).post(url).status_code == 302
    assert app.documents.filter(pk=doc.pk).exists()
    response = client_for(other_owner).delete(f"/api/v1/company/verification/documents/{doc.pk}")
    assert response.status_code == 404
    assert app.documents.filter(pk=doc.pk).exists()
