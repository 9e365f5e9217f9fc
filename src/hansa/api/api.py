"""The REST API under /api/v1/: one NinjaAPI, a router per domain, JSON errors everywhere.

Every error body is ``{"message": str, "field": str | null}``; validation errors add
``"errors"`` with one entry per bad input.
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError, ValidationError

from hansa import __version__
from hansa.api.auth import AUTH
from hansa.core.errors import BusinessError

api = NinjaAPI(
    title="Hansa API",
    version="1",
    description=(
        "Hansa's REST API. Authenticate with a personal API token "
        "(`Authorization: Bearer hansa_…`, created under Settings → API tokens) or, from the "
        "browser, with the session cookie and CSRF token. Errors are JSON: "
        '`{"message": …, "field": …}`.'
    ),
    auth=AUTH,
    urls_namespace="api-v1",
    docs_url="/docs",
    openapi_extra={"info": {"x-hansa-version": __version__}},
)


def _field_of(loc: list[object]) -> str | None:
    names = [
        str(p) for p in loc if p not in ("body", "query", "path", "form", "file", "payload", "data")
    ]
    return ".".join(names) or None


@api.exception_handler(BusinessError)
def business_error(request: HttpRequest, exc: BusinessError) -> HttpResponse:
    return api.create_response(
        request, {"message": exc.message, "field": exc.field}, status=exc.status_code
    )


@api.exception_handler(ValidationError)
def validation_error(request: HttpRequest, exc: ValidationError) -> HttpResponse:
    errors = [
        {"field": _field_of(list(e.get("loc", []))), "message": str(e.get("msg", "Invalid value"))}
        for e in exc.errors
    ]
    first = errors[0] if errors else {"field": None, "message": "Invalid input"}
    return api.create_response(
        request,
        {
            "message": f"{first['field'] or 'input'}: {first['message']}",
            "field": first["field"],
            "errors": errors,
        },
        status=422,
    )


@api.exception_handler(AuthenticationError)
def authentication_error(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
    return api.create_response(
        request,
        {
            "message": "Sign in, or send a valid API token as 'Authorization: Bearer …'.",
            "field": None,
        },
        status=401,
    )


@api.exception_handler(HttpError)
def http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
    return api.create_response(
        request, {"message": str(exc), "field": None}, status=exc.status_code
    )


def _register_routers() -> None:
    from hansa.alerts.apis import router as saved_searches_router
    from hansa.api.me import router as me_router
    from hansa.api.reference import router as reference_router
    from hansa.api.tokens import router as tokens_router
    from hansa.catalog.apis import router as categories_router
    from hansa.catalog.apis_imports import router as imports_router
    from hansa.catalog.apis_listings import ops_router as listing_ops_router
    from hansa.catalog.apis_listings import router as products_router
    from hansa.companies.apis import public_router
    from hansa.companies.apis import router as companies_router
    from hansa.compare.apis import router as compare_router
    from hansa.inquiries.apis import ops_router as inquiries_ops_router
    from hansa.inquiries.apis import router as inquiries_router
    from hansa.messenger.apis import router as messenger_router
    from hansa.notifications.apis import router as notifications_router
    from hansa.orders.apis import router as orders_router
    from hansa.rfqs.apis import ops_router as rfqs_ops_router
    from hansa.rfqs.apis import quotes_router
    from hansa.rfqs.apis import router as rfqs_router
    from hansa.search.apis import ranking_router as search_ranking_router
    from hansa.search.apis import router as search_router
    from hansa.verification.apis import ops_router
    from hansa.verification.apis import router as verification_router

    api.add_router("/me", me_router)
    api.add_router("/tokens", tokens_router)
    api.add_router("/company", companies_router)
    api.add_router("/company/verification", verification_router)
    api.add_router("/companies", public_router)
    api.add_router("/ops/verification", ops_router)
    api.add_router("/reference", reference_router)
    api.add_router("/categories", categories_router)
    # Before "/products": that router's "/{product_id}" would otherwise catch "/products/imports".
    api.add_router("/products/imports", imports_router)
    api.add_router("/products", products_router)
    api.add_router("/ops/listings", listing_ops_router)
    api.add_router("/search/ranking", search_ranking_router)
    api.add_router("/search", search_router)
    api.add_router("/compare", compare_router)
    api.add_router("/saved-searches", saved_searches_router)
    api.add_router("/notifications", notifications_router)
    api.add_router("/ops/inquiries", inquiries_ops_router)
    api.add_router("/inquiries", inquiries_router)
    api.add_router("/chats", messenger_router)
    api.add_router("/ops/rfqs", rfqs_ops_router)
    api.add_router("/rfqs", rfqs_router)
    api.add_router("/quotes", quotes_router)
    api.add_router("/orders", orders_router)


_register_routers()
