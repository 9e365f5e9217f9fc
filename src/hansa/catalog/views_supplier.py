"""The supplier's product pages in the workspace: the list of listings, choosing a category, the
sectioned editor with photos and translations, lifecycle actions, and showroom groups.

Every page needs MANAGE_LISTINGS in a supplier company; listings are fetched with
``listing_selectors.access_listing`` (a sales rep reaches only their own), so another company's
listing, or a colleague's for a rep, is a uniform 404.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import Count, Prefetch, Q, QuerySet
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from hansa.catalog import groups as group_services
from hansa.catalog import listing_selectors, quality, selectors
from hansa.catalog import listing_services as ls
from hansa.catalog.forms import (
    LISTING_LANGUAGES,
    CategoryChangeForm,
    GroupForm,
    GroupPasswordForm,
    GroupRenameForm,
    ListingForm,
    NewListingForm,
    TranslationForm,
)
from hansa.catalog.models import (
    AttributeType,
    Category,
    ListingStatus,
    PriceKind,
    Product,
    ProductGroup,
    ProductImage,
)
from hansa.catalog.models.listings import IMAGES_MAX, TITLE_MAX
from hansa.companies.roles import Perm, Role
from hansa.core.errors import BusinessError, NotFound
from hansa.core.http import add_form_error, member_required

S = ListingStatus
PAGE_SIZE = 20
LANGUAGE_CODES = {code for code, _label in LISTING_LANGUAGES}
CONTENT_TYPES = {"png": "image/png", "webp": "image/webp"}

View = Callable[..., HttpResponse]


def supplier_required(view: View) -> View:
    """Signed in, MANAGE_LISTINGS, and acting for a company that sells."""

    @member_required(Perm.MANAGE_LISTINGS)
    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not request.membership.company.is_supplier:  # type: ignore[attr-defined]
            raise PermissionDenied(_("Only suppliers publish products."))
        return view(request, *args, **kwargs)

    return wrapper


def _can_run_company(request: HttpRequest) -> bool:
    return request.membership.role in (Role.OWNER, Role.ADMIN)  # type: ignore[attr-defined]


def _next_url(request: HttpRequest, default: str) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return default


def _listing(request: HttpRequest, pk: int) -> Product:
    return listing_selectors.access_listing(request.membership, pk)  # type: ignore[attr-defined]


# --- My products ---------------------------------------------------------------------------

# What a supplier may do with a listing in each status (the services check the moves again).
ROW_ACTIONS: dict[str, tuple[str, ...]] = {
    S.DRAFT: ("submit", "archive"),
    S.PENDING: ("archive",),
    S.REJECTED: ("submit", "archive"),
    S.LIVE: ("offline", "archive"),
    S.EDITED: ("offline", "archive"),
    S.OFFLINE: ("relist", "archive"),
    S.ARCHIVED: ("restore",),
}


def _row_actions(status: str) -> list[dict[str, str]]:
    labels = {
        "submit": _("Submit again") if status == S.REJECTED else _("Submit for review"),
        "archive": _("Archive"),
        "offline": _("Take offline"),
        "relist": _("Put back online"),
        "restore": _("Restore"),
    }
    confirms = {
        "archive": _("Archive this listing? Buyers will no longer see it; you can restore it."),
        "offline": _("Take this product offline? Buyers will no longer find it."),
    }
    return [
        {
            "action": action,
            "label": labels[action],
            "style": "danger" if action == "archive" else "",
            "confirm": confirms.get(action, ""),
        }
        for action in ROW_ACTIONS[status]
    ]


def _status_counts(qs: QuerySet[Product]) -> dict[str, int]:
    rows = qs.order_by().values_list("status").annotate(n=Count("id"))
    return {status: n for status, n in rows}


@supplier_required
def product_list(request: HttpRequest) -> HttpResponse:
    membership = request.membership  # type: ignore[attr-defined]
    listings = listing_selectors.manageable(membership)
    counts = _status_counts(listings)
    status = request.GET.get("status", "")
    if status in S.values:
        listings = listings.filter(status=status)
    else:
        status = ""
        listings = listings.exclude(status=S.ARCHIVED)
    query = " ".join(request.GET.get("q", "").split())[:100]
    if query:
        match = Q(title__icontains=query) | Q(slug__icontains=query)
        if query.isdigit():
            match |= Q(pk=int(query))
        listings = listings.filter(match)
    listings = listings.prefetch_related(
        Prefetch("images", queryset=ProductImage.objects.order_by("position", "id"))
    )
    page = Paginator(listings, PAGE_SIZE).get_page(request.GET.get("page"))
    for product in page:
        product.row_actions = _row_actions(product.status)  # type: ignore[attr-defined]
        images = list(product.images.all())
        product.main_image = images[0] if images else None  # type: ignore[attr-defined]
    tabs = [("", _("All"), sum(n for s, n in counts.items() if s != S.ARCHIVED))]
    tabs += [(value, label, counts.get(value, 0)) for value, label in S.choices]
    return render(
        request,
        "catalog/supplier/list.html",
        {
            "page": page,
            "status": status,
            "q": query,
            "tabs": tabs,
            "show_owner": _can_run_company(request),
        },
    )


ACTIONS: dict[str, tuple[Callable[..., Product], str]] = {
    "submit": (ls.listing_submit, "submitted"),
    "offline": (ls.listing_take_offline, "offline"),
    "relist": (ls.listing_relist, "relisted"),
    "archive": (ls.listing_archive, "archived"),
    "restore": (ls.listing_restore, "restored"),
}


def _action_message(outcome: str, product: Product) -> str:
    messages_by_outcome = {
        "submitted": _(
            "“%(title)s” was submitted for review. We usually decide within one working day."
        ),
        "offline": _("“%(title)s” is offline. Buyers no longer see it."),
        "relisted": _("“%(title)s” is back online."),
        "archived": _("“%(title)s” was archived."),
        "restored": _("“%(title)s” was restored."),
    }
    return messages_by_outcome[outcome] % {"title": product.title}


@require_POST
@supplier_required
def product_action(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    if action not in ACTIONS:
        raise Http404()
    product = _listing(request, pk)
    service, outcome = ACTIONS[action]
    try:
        product = service(product=product, by=request.user)
    except BusinessError as exc:
        if action == "submit":
            messages.error(
                request,
                _("Not submitted: %(reason)s Open the listing to complete it.")
                % {"reason": exc.message},
            )
        else:
            messages.error(request, exc.message)
    else:
        if outcome == "relisted" and product.status == S.EDITED:
            messages.success(
                request,
                _(
                    "“%(title)s” is back online with its approved version; your later changes "
                    "wait for review."
                )
                % {"title": product.title},
            )
        else:
            messages.success(request, _action_message(outcome, product))
    return redirect(_next_url(request, reverse("catalog:products")))


# --- Choosing a category -------------------------------------------------------------------


def _leaf(code: str | None) -> Category | None:
    if not code:
        return None
    return Category.objects.filter(code=code[:80], is_leaf=True, is_active=True).first()


def _with_crumbs(categories: list[Category]) -> list[Category]:
    """Sets ``crumbs`` (the ancestors' names) on each category with one query."""
    codes = {code for c in categories for code in c.path.split("/")[:-1]}
    names = {c.code: c for c in Category.objects.filter(code__in=codes)} if codes else {}
    for category in categories:
        category.crumbs = [  # type: ignore[attr-defined]
            names[code] for code in category.path.split("/")[:-1] if code in names
        ]
    return categories


def _search_leaves(query: str) -> list[Category]:
    """Leaf categories whose English or Chinese name contains every word of the query."""
    words = query.split()[:5]
    if not words or len(query) < 2:
        return []
    leaves = selectors.leaves()
    for word in words:
        leaves = leaves.filter(Q(name_en__icontains=word) | Q(name_zh__icontains=word))
    return _with_crumbs(list(leaves.order_by("path")[:20]))


def _picker_context(request: HttpRequest, product: Product | None) -> dict[str, Any]:
    query = " ".join(request.GET.get("q", "").split())[:60]
    browse = request.GET.get("browse", "")[:80]
    node = selectors.category_by_code(browse) if browse else None
    if node is not None and node.is_leaf:
        node = None
    if node is None:
        children = list(selectors.industries())
        crumbs: list[Category] = []
    else:
        children = list(node.children.filter(is_active=True).order_by("position", "name_en"))
        crumbs = selectors.breadcrumb(node)
    chosen = _leaf(request.GET.get("category") or request.POST.get("category"))
    if chosen is not None:
        _with_crumbs([chosen])
    base = (
        reverse("catalog:product_category", args=[product.pk])
        if product
        else reverse("catalog:product_new")
    )
    return {
        "q": query,
        "results": _search_leaves(query) if query else None,
        "node": node,
        "children": children,
        "browse_crumbs": crumbs,
        "chosen": chosen,
        "chosen_attributes": list(selectors.template_of(chosen)) if chosen else [],
        "picker_base": base,
        "product": product,
    }


@supplier_required
def category_search(request: HttpRequest) -> HttpResponse:
    """The live results under the category search box (htmx)."""
    product = None
    if request.GET.get("product", "").isdigit():
        product = _listing(request, int(request.GET["product"]))
    context = _picker_context(request, product)
    return render(request, "catalog/supplier/_category_results.html", context)


@supplier_required
def product_new(request: HttpRequest) -> HttpResponse:
    context = _picker_context(request, None)
    chosen = context["chosen"]
    form = NewListingForm(request.POST or None, initial={"category": chosen.code if chosen else ""})
    if request.method == "POST" and form.is_valid():
        try:
            product = ls.listing_create(
                membership=request.membership,  # type: ignore[attr-defined]
                category=form.cleaned_data["category"],
                title=form.cleaned_data["title"],
            )
        except BusinessError as exc:
            add_form_error(form, exc.field, exc.message)
        else:
            messages.success(
                request,
                _(
                    "Draft created. Fill in the sections below, add photos, then submit it for "
                    "review."
                ),
            )
            return redirect("catalog:product_edit", pk=product.pk)
    context.update({"form": form, "title_max": TITLE_MAX})
    return render(request, "catalog/supplier/new.html", context)


@supplier_required
def product_category(request: HttpRequest, pk: int) -> HttpResponse:
    product = _listing(request, pk)
    context = _picker_context(request, product)
    form = CategoryChangeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            ls.listing_update(
                product=product, by=request.user, category=form.cleaned_data["category"]
            )
        except BusinessError as exc:
            messages.error(request, exc.message)
        else:
            messages.success(
                request,
                _(
                    "Category changed. Values the new category has no field for were kept as "
                    "other attributes."
                ),
            )
            return redirect("catalog:product_edit", pk=product.pk)
    context.update({"form": form})
    return render(request, "catalog/supplier/new.html", context)


# --- The editor ----------------------------------------------------------------------------


def _editor_listing(request: HttpRequest, pk: int) -> Product:
    product = _listing(request, pk)
    from django.db.models import prefetch_related_objects

    prefetch_related_objects(
        [product],
        "tiers",
        "translations",
        Prefetch("images", queryset=ProductImage.objects.order_by("position", "id")),
    )
    return product


def _problem_links(problems: dict[str, str], product: Product) -> list[dict[str, str]]:
    """Each submission problem with the anchor of the input that fixes it."""
    names = {d.code: d.name for d in product.category.attributes.all()}
    anchors = {"images": "images", "tiers": "tiers"}
    out = []
    for key, message in problems.items():
        if key.startswith("attributes."):
            code = key.split(".", 1)[1]
            out.append(
                {"anchor": f"field-attr_{code}", "label": names.get(code, code), "message": message}
            )
        else:
            anchor = anchors.get(key, f"field-{key}")
            out.append({"anchor": anchor, "label": "", "message": message})
    return out


def _editor_context(product: Product, form: ListingForm | None = None) -> dict[str, Any]:
    problems = ls.submission_problems(product)
    context: dict[str, Any] = {
        "product": product,
        "problems": _problem_links(problems, product),
        "photo_problem": problems.get("images", ""),
        "images": list(product.images.all()),
        "images_max": IMAGES_MAX,
        "is_live": product.status in (S.LIVE, S.EDITED) and bool(product.published),
        "can_submit": product.status in (S.DRAFT, S.REJECTED),
        "archived": product.status == S.ARCHIVED,
        "title_max": TITLE_MAX,
        "section": "listing",
        "quality_items": quality.report_items(product.quality_report),
        "quality_band": quality.band(product.quality_score),
    }
    if form is not None:
        context["form"] = form
        context["problem_notes"] = form.mark_reasons(problems, "problem")
        context["review_notes"] = (
            form.mark_reasons(product.rejection_reasons, "review_reason")
            if product.rejection_reasons
            else {}
        )
    return context


def _save_listing(request: HttpRequest, product: Product, form: ListingForm) -> None:
    """Everything the editor shows is saved together or not at all."""
    with transaction.atomic():
        ls.listing_update(product=product, by=request.user, **form.service_fields())
        if form.cleaned_data["price_kind"] == PriceKind.TIERS:
            ls.listing_set_tiers(product=product, by=request.user, tiers=form.tier_rows())
        elif product.tiers.all():
            ls.listing_set_tiers(product=product, by=request.user, tiers=[])


def _after_save_messages(
    request: HttpRequest, product: Product, *, changed: bool, submit: bool
) -> None:
    was_live = product.status in (S.LIVE, S.EDITED)
    if submit:
        try:
            ls.listing_submit(product=product, by=request.user)
        except BusinessError as exc:
            messages.warning(
                request, _("Saved, but not submitted yet: %(reason)s") % {"reason": exc.message}
            )
        else:
            messages.success(
                request, _("Submitted for review. We usually decide within one working day.")
            )
    elif not changed:
        messages.info(request, _("Nothing to save: you changed nothing."))
    elif was_live:
        messages.success(
            request, _("Saved. Buyers see the approved version until your changes are approved.")
        )
    else:
        messages.success(request, _("Saved."))


@supplier_required
def product_edit(request: HttpRequest, pk: int) -> HttpResponse:
    membership = request.membership  # type: ignore[attr-defined]
    product = _editor_listing(request, pk)
    definitions = list(selectors.template_of(product.category))
    form = ListingForm(
        request.POST or None,
        product=product,
        definitions=definitions,
        can_assign_owner=membership.role in (Role.OWNER, Role.ADMIN),
    )
    if request.method == "POST":
        if form.is_valid():
            submit = request.POST.get("intent") == "submit"
            changed = form.has_changed()
            try:
                if changed:
                    _save_listing(request, product, form)
            except BusinessError as exc:
                form.add_service_error(exc.field, exc.message)
            else:
                _after_save_messages(request, product, changed=changed, submit=submit)
                return redirect("catalog:product_edit", pk=product.pk)
        messages.error(request, _("Please correct the marked fields; nothing was saved."))
    return render(request, "catalog/supplier/edit.html", _editor_context(product, form))


# --- Photos --------------------------------------------------------------------------------


def _images_response(
    request: HttpRequest, product: Product, *, errors: list[str], notice: str = ""
) -> HttpResponse:
    if request.htmx:  # type: ignore[attr-defined]
        product = _editor_listing(request, product.pk)
        context = _editor_context(product)
        context.update({"image_errors": errors, "image_notice": notice, "oob": True})
        return render(request, "catalog/supplier/_images.html", context)
    for error in errors:
        messages.error(request, error)
    if notice:
        messages.success(request, notice)
    return redirect(reverse("catalog:product_edit", args=[product.pk]) + "#images")


@require_POST
@supplier_required
def image_upload(request: HttpRequest, pk: int) -> HttpResponse:
    product = _listing(request, pk)
    uploads = request.FILES.getlist("image")
    errors: list[str] = []
    added = 0
    if not uploads:
        errors.append(_("Choose a photo to upload."))
    for upload in uploads:
        try:
            ls.listing_add_image(product=product, by=request.user, upload=upload)
        except BusinessError as exc:
            errors.append(
                _("%(file)s was not added: %(reason)s")
                % {"file": (upload.name or "")[:60], "reason": exc.message}
            )
        else:
            added += 1
    notice = (
        (_("%(n)d photo added.") if added == 1 else _("%(n)d photos added.")) % {"n": added}
        if added
        else ""
    )
    return _images_response(request, product, errors=errors, notice=notice)


@require_POST
@supplier_required
def image_remove(request: HttpRequest, pk: int, image_id: int) -> HttpResponse:
    product = _listing(request, pk)
    ls.listing_remove_image(product=product, by=request.user, image_id=image_id)
    return _images_response(request, product, errors=[], notice=_("Photo removed."))


@require_POST
@supplier_required
def image_main(request: HttpRequest, pk: int, image_id: int) -> HttpResponse:
    product = _listing(request, pk)
    ls.listing_set_main_image(product=product, by=request.user, image_id=image_id)
    return _images_response(request, product, errors=[], notice=_("Main photo changed."))


def working_image(request: HttpRequest, pk: int, image_id: int, size: str) -> HttpResponse:
    """A photo of the working copy: for the listing's managers and for listing reviewers."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if size not in ("full", "thumb"):
        raise Http404()
    user = request.user
    if user.is_staff and user.has_perm(ls.REVIEW_PERMISSION):
        image = ProductImage.objects.filter(pk=image_id, product_id=pk).first()
    else:
        try:
            product = listing_selectors.access_listing(request.membership, pk)  # type: ignore[attr-defined]
        except NotFound:
            raise Http404() from None
        image = product.images.filter(pk=image_id).first()
    if image is None:
        raise Http404()
    file = image.image if size == "full" else image.thumbnail
    extension = file.name.rsplit(".", 1)[-1].lower()
    try:
        handle = file.open("rb")
    except (FileNotFoundError, OSError):
        raise Http404() from None
    response = FileResponse(handle, content_type=CONTENT_TYPES.get(extension, "image/jpeg"))
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, max-age=3600"
    return response


# --- Translations --------------------------------------------------------------------------


@supplier_required
def translations(request: HttpRequest, pk: int) -> HttpResponse:
    product = _editor_listing(request, pk)
    existing = {t.language: t for t in product.translations.all()}
    language = request.POST.get("language") or request.GET.get("language") or ""
    if language and (language not in LANGUAGE_CODES or language == product.base_language):
        raise Http404()
    definitions = list(selectors.template_of(product.category))
    text_attributes = [d for d in definitions if d.type == AttributeType.TEXT]
    form = None
    if language:
        form = TranslationForm(
            request.POST or None,
            language=language,
            text_attributes=text_attributes,
            existing=existing.get(language),
            originals=product.attributes,
        )
        if request.method == "POST" and form.is_valid():
            try:
                ls.listing_set_translation(
                    product=product, by=request.user, **form.service_fields()
                )
            except BusinessError as exc:
                form.add_service_error(exc.field, exc.message)
            else:
                messages.success(
                    request,
                    _("The %(language)s version is saved.")
                    % {"language": dict(LISTING_LANGUAGES)[language]},
                )
                return redirect("catalog:product_translations", pk=product.pk)
    elif request.method == "POST":
        raise Http404()
    rows = [
        {
            "code": code,
            "label": label,
            "is_base": code == product.base_language,
            "version": existing.get(code),
        }
        for code, label in LISTING_LANGUAGES
    ]
    return render(
        request,
        "catalog/supplier/translations.html",
        {
            "product": product,
            "rows": rows,
            "form": form,
            "language": language,
            "language_label": dict(LISTING_LANGUAGES).get(language, ""),
            "is_live": product.status in (S.LIVE, S.EDITED) and bool(product.published),
            "title_max": TITLE_MAX,
            "section": "translations",
        },
    )


@require_POST
@supplier_required
def translation_remove(request: HttpRequest, pk: int, language: str) -> HttpResponse:
    product = _listing(request, pk)
    if language not in LANGUAGE_CODES:
        raise Http404()
    try:
        ls.listing_remove_translation(product=product, by=request.user, language=language)
    except BusinessError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(
            request,
            _("The %(language)s version was removed.")
            % {"language": dict(LISTING_LANGUAGES)[language]},
        )
    return redirect("catalog:product_translations", pk=product.pk)


# --- Showroom groups -----------------------------------------------------------------------


def _access_group(request: HttpRequest, pk: int) -> ProductGroup:
    """A group of the caller's company, else a uniform 404."""
    group = ProductGroup.objects.filter(
        pk=pk,
        company_id=request.membership.company_id,  # type: ignore[attr-defined]
    ).first()
    if group is None:
        raise Http404()
    return group


def _require_company_runner(request: HttpRequest) -> None:
    if not _can_run_company(request):
        raise PermissionDenied(_("Only the owner and administrators manage showroom groups."))


@supplier_required
def groups(request: HttpRequest) -> HttpResponse:
    company = request.membership.company  # type: ignore[attr-defined]
    form = GroupForm(request.POST or None)
    if request.method == "POST":
        _require_company_runner(request)
        if form.is_valid():
            try:
                group = group_services.group_create(
                    company=company,
                    name=form.cleaned_data["name"],
                    password=form.cleaned_data["password"] or None,
                )
            except BusinessError as exc:
                add_form_error(form, exc.field, exc.message)
            else:
                messages.success(request, _("Group “%(name)s” created.") % {"name": group.name})
                return redirect("catalog:groups")
    items = (
        ProductGroup.objects.filter(company=company)
        .annotate(
            total=Count("products", filter=~Q(products__status=S.ARCHIVED)),
            live=Count(
                "products",
                filter=Q(
                    products__status__in=[S.LIVE, S.EDITED], products__published__isnull=False
                ),
            ),
        )
        .order_by("position", "name")
    )
    return render(
        request,
        "catalog/supplier/groups.html",
        {
            "form": form,
            "items": items,
            "can_edit": _can_run_company(request),
            "rename_form": GroupRenameForm(),
            "password_form": GroupPasswordForm(),
        },
    )


GROUP_ACTIONS = ("rename", "password", "unprotect", "delete")


@require_POST
@supplier_required
def group_action(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    if action not in GROUP_ACTIONS:
        raise Http404()
    _require_company_runner(request)
    group = _access_group(request, pk)
    try:
        if action == "rename":
            form = GroupRenameForm(request.POST)
            if not form.is_valid():
                raise BusinessError(_("Give the group a name of up to 80 characters."))
            group_services.group_rename(group=group, name=form.cleaned_data["name"])
            message = _("Group renamed.")
        elif action == "password":
            form = GroupPasswordForm(request.POST)
            if not form.is_valid():
                raise BusinessError(_("Type the new password."))
            group_services.group_set_password(group=group, password=form.cleaned_data["password"])
            message = _(
                "New password set for “%(name)s”. Buyers who unlocked it before need the "
                "new password."
            ) % {"name": group.name}
        elif action == "unprotect":
            group_services.group_set_password(group=group, password=None)
            message = _("“%(name)s” is public again.") % {"name": group.name}
        else:
            name = group.name
            group_services.group_delete(group=group)
            message = _("Group “%(name)s” deleted; its products are now ungrouped.") % {
                "name": name
            }
    except BusinessError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, message)
    return redirect("catalog:groups")
