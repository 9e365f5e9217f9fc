"""Health endpoint for load balancers, and the public home page."""

from __future__ import annotations

from django.db import connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from hansa import __version__


@never_cache
@require_GET
def health(request: HttpRequest) -> JsonResponse:
    """200 when the database answers, 503 otherwise; no session, no template."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception as exc:  # any database failure makes this node unhealthy
        return JsonResponse({"status": "unavailable", "database": str(exc)[:200]}, status=503)
    return JsonResponse({"status": "ok", "database": connection.vendor, "version": __version__})


def home(request: HttpRequest) -> HttpResponse:
    from hansa.companies.selectors import home_page_context

    return render(request, "core/home.html", home_page_context())


PUBLIC_MEDIA_PREFIXES = ("logos/",)


def public_media(request: HttpRequest, path: str) -> HttpResponse:
    """Serves public uploads (logos) from storage; never a page, never sniffed."""
    from django.core.files.storage import default_storage
    from django.http import FileResponse, Http404

    if (
        ".." in path
        or not path.startswith(PUBLIC_MEDIA_PREFIXES)
        or not default_storage.exists(path)
    ):
        raise Http404()
    content_type = "image/png" if path.endswith(".png") else "image/jpeg"
    response = FileResponse(default_storage.open(path, "rb"), content_type=content_type)
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "public, max-age=86400"
    return response


def certificate_file(request: HttpRequest, pk: int) -> HttpResponse:
    """Certificates are part of the public profile; served inline in a sandbox."""
    from django.http import FileResponse, Http404

    from hansa.companies.models import Certification

    cert = Certification.objects.filter(pk=pk, company__is_active=True).exclude(file="").first()
    if cert is None:
        raise Http404()
    name = cert.file.name
    content_type = (
        "application/pdf"
        if name.endswith(".pdf")
        else ("image/png" if name.endswith(".png") else "image/jpeg")
    )
    response = FileResponse(cert.file.open("rb"), content_type=content_type)
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; img-src 'self'; sandbox"
    return response


def ops_dashboard(request: HttpRequest) -> HttpResponse:
    from django.contrib.auth.views import redirect_to_login
    from django.core.exceptions import PermissionDenied

    from hansa.companies.models import Company
    from hansa.verification.selectors import review_queue

    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if not request.user.is_staff:
        raise PermissionDenied()
    can_review = request.user.has_perm("verification.review_verification")
    can_review_listings = request.user.has_perm("catalog.review_listing")
    listing_queue_count = None
    if can_review_listings:
        from hansa.catalog.listing_selectors import review_queue as listing_queue

        listing_queue_count = listing_queue().count()
    return render(
        request,
        "core/ops_dashboard.html",
        {
            "queue_count": review_queue().count() if can_review else None,
            "can_review": can_review,
            "listing_queue_count": listing_queue_count,
            "can_review_listings": can_review_listings,
            "companies": Company.objects.count(),
        },
    )
