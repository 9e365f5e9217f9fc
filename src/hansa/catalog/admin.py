"""Back office for the category tree: edit nodes and templates, export and import them as JSON."""

from __future__ import annotations

import json

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import path
from django.utils import timezone

from hansa.catalog.models import AttributeDefinition, Category
from hansa.catalog.services import categories_export_document, categories_import_document
from hansa.catalog.tree_io import TreeError

MAX_IMPORT_BYTES = 5 * 1024 * 1024


class AttributeInline(admin.TabularInline):
    model = AttributeDefinition
    extra = 0
    fields = [
        "position",
        "code",
        "name_en",
        "name_zh",
        "type",
        "unit",
        "choices",
        "min_value",
        "max_value",
        "required",
        "filterable",
    ]


class ImportForm(forms.Form):
    file = forms.FileField(
        help_text="A JSON file exported from this page (format hansa-categories/1)."
    )
    deactivate_missing = forms.BooleanField(
        required=False, help_text="Hide categories the file leaves out."
    )


@admin.register(Category)
class CategoryAdmin(admin.ModelAdmin):
    list_display = ["path", "name_en", "name_zh", "is_leaf", "hs_codes", "is_active"]
    list_filter = ["depth", "is_leaf", "is_active"]
    search_fields = ["code", "name_en", "name_zh", "path"]
    readonly_fields = ["path", "depth", "is_leaf"]
    raw_id_fields = ["parent"]
    inlines = [AttributeInline]
    change_list_template = "admin/catalog/category/change_list.html"
    list_per_page = 100

    def save_model(self, request: HttpRequest, obj: Category, form: object, change: bool) -> None:
        # Keep the materialised path right when a node is added or moved in the back office.
        parent = obj.parent
        obj.path = f"{parent.path}/{obj.code}" if parent else obj.code
        obj.depth = parent.depth + 1 if parent else 0
        super().save_model(request, obj, form, change)
        if parent is not None and parent.is_leaf:
            Category.objects.filter(pk=parent.pk).update(is_leaf=False)

    def get_urls(self) -> list:
        extra = [
            path(
                "export-json/",
                self.admin_site.admin_view(self.export_json),
                name="catalog_category_export",
            ),
            path(
                "import-json/",
                self.admin_site.admin_view(self.import_json),
                name="catalog_category_import",
            ),
        ]
        return extra + super().get_urls()

    def export_json(self, request: HttpRequest) -> HttpResponse:
        if not self.has_view_permission(request):
            raise PermissionDenied
        body = json.dumps(categories_export_document(), ensure_ascii=False, indent=1)
        response = HttpResponse(body, content_type="application/json; charset=utf-8")
        stamp = timezone.now().strftime("%Y%m%d")
        response["Content-Disposition"] = f'attachment; filename="hansa-categories-{stamp}.json"'
        return response

    def import_json(self, request: HttpRequest) -> HttpResponse:
        if not (self.has_add_permission(request) and self.has_change_permission(request)):
            raise PermissionDenied
        form = ImportForm(request.POST or None, request.FILES or None)
        if request.method == "POST" and form.is_valid():
            upload = form.cleaned_data["file"]
            try:
                if upload.size > MAX_IMPORT_BYTES:
                    raise TreeError(["the file is larger than 5 MB"])
                document = json.loads(upload.read().decode("utf-8"))
                report = categories_import_document(
                    document, deactivate_missing=form.cleaned_data["deactivate_missing"]
                )
            except (UnicodeDecodeError, json.JSONDecodeError) as exc:
                form.add_error("file", f"This is not a JSON file: {exc}")
            except TreeError as exc:
                for problem in exc.problems[:20]:
                    form.add_error("file", problem)
            else:
                messages.success(
                    request,
                    f"Imported: {report.created} new and {report.updated} updated categories, "
                    f"{report.deactivated} hidden, {report.templates} templates with "
                    f"{report.attributes} attributes.",
                )
                return redirect("admin:catalog_category_changelist")
        context = {
            **self.admin_site.each_context(request),
            "form": form,
            "opts": self.model._meta,
            "title": "Import categories and templates",
        }
        return render(request, "admin/catalog/category/import.html", context)


from hansa.catalog import admin_listings  # noqa: E402,F401
