from django.urls import path

from hansa.catalog import views, views_import, views_public, views_supplier

app_name = "catalog"

urlpatterns = [
    path("categories/", views.directory, name="directory"),
    path("categories/<slug:code>/", views.category, name="category"),
    # The supplier's products in the workspace.
    path("workspace/products/", views_supplier.product_list, name="products"),
    path("workspace/products/new/", views_supplier.product_new, name="product_new"),
    path(
        "workspace/products/categories/",
        views_supplier.category_search,
        name="category_search",
    ),
    path("workspace/products/groups/", views_supplier.groups, name="groups"),
    path(
        "workspace/products/groups/<int:pk>/<slug:action>/",
        views_supplier.group_action,
        name="group_action",
    ),
    path("workspace/products/<int:pk>/edit/", views_supplier.product_edit, name="product_edit"),
    path(
        "workspace/products/<int:pk>/category/",
        views_supplier.product_category,
        name="product_category",
    ),
    path(
        "workspace/products/<int:pk>/translations/",
        views_supplier.translations,
        name="product_translations",
    ),
    path(
        "workspace/products/<int:pk>/translations/<str:language>/remove/",
        views_supplier.translation_remove,
        name="translation_remove",
    ),
    path("workspace/products/<int:pk>/photos/", views_supplier.image_upload, name="image_upload"),
    path(
        "workspace/products/<int:pk>/photos/<int:image_id>/remove/",
        views_supplier.image_remove,
        name="image_remove",
    ),
    path(
        "workspace/products/<int:pk>/photos/<int:image_id>/main/",
        views_supplier.image_main,
        name="image_main",
    ),
    path(
        "workspace/products/<int:pk>/photos/<int:image_id>/<slug:size>/",
        views_supplier.working_image,
        name="working_image",
    ),
    path(
        "workspace/products/<int:pk>/<slug:action>/",
        views_supplier.product_action,
        name="product_action",
    ),
    # Public pages.
    path("products/<slug:slug>/", views_public.product_page, name="product"),
    path(
        "products/<slug:slug>/photos/<int:index>/<slug:size>/",
        views_public.product_photo,
        name="product_photo",
    ),
    path("companies/<slug:slug>/products/", views_public.showroom, name="showroom"),
    path(
        "companies/<slug:slug>/products/preview/",
        views_public.showroom_preview,
        name="showroom_preview",
    ),
    path(
        "companies/<slug:slug>/groups/<int:group_id>/unlock/",
        views_public.group_unlock,
        name="group_unlock",
    ),
    # Bulk import and export of listings.
    path("workspace/products/import/", views_import.import_start, name="import"),
    path(
        "workspace/products/import/template/",
        views_import.import_template,
        name="import_template",
    ),
    path("workspace/products/import/<int:pk>/", views_import.import_job, name="import_job"),
    path(
        "workspace/products/import/<int:pk>/progress/",
        views_import.import_progress,
        name="import_progress",
    ),
    path(
        "workspace/products/import/<int:pk>/errors/",
        views_import.import_errors,
        name="import_errors",
    ),
    path("workspace/products/export/", views_import.export_listings, name="export"),
]

# Listing review (operator) and search diagnosis (supplier).
from hansa.catalog import views_diagnosis, views_review  # noqa: E402

urlpatterns += [
    path("ops/listings/", views_review.review_queue, name="listing_review_queue"),
    path("ops/listings/bulk/", views_review.review_bulk, name="listing_review_bulk"),
    path("ops/listings/<int:pk>/", views_review.review_listing, name="listing_review"),
    path("ops/listings/images/<int:pk>/", views_review.review_image, name="listing_review_image"),
    path(
        "ops/listings/<int:pk>/published-images/<int:index>/",
        views_review.review_published_image,
        name="listing_review_published_image",
    ),
    path("workspace/products/diagnosis/", views_diagnosis.diagnosis, name="diagnosis"),
]
