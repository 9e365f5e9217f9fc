from django.urls import path

from hansa.rfqs import views_buyer, views_ops, views_supplier

app_name = "rfqs"

urlpatterns: list = [
    # Buyers
    path("workspace/rfqs/", views_buyer.rfq_list, name="mine"),
    path("workspace/rfqs/new/", views_buyer.rfq_new, name="new"),
    path("workspace/rfqs/<int:pk>/", views_buyer.rfq_detail, name="detail"),
    path("workspace/rfqs/<int:pk>/edit/", views_buyer.rfq_edit, name="edit"),
    path("workspace/rfqs/<int:pk>/close/", views_buyer.rfq_close, name="close"),
    path(
        "workspace/rfqs/<int:pk>/files/<int:attachment_id>/",
        views_buyer.rfq_attachment,
        name="attachment",
    ),
    path(
        "workspace/quotes/<int:pk>/decide/<slug:action>/",
        views_buyer.quote_decide,
        name="quote_decide",
    ),
    # Both sides of a quote
    path("workspace/quotes/<int:pk>/thread/", views_buyer.quote_thread, name="quote_thread"),
    path(
        "workspace/quotes/<int:pk>/files/<int:attachment_id>/",
        views_buyer.quote_attachment,
        name="quote_attachment",
    ),
    # Suppliers
    path("workspace/rfq-market/", views_supplier.market, name="market"),
    path("workspace/rfq-market/save/", views_supplier.market_save, name="market_save"),
    path("workspace/rfq-market/<int:pk>/", views_supplier.market_detail, name="market_detail"),
    path("workspace/quotes/", views_supplier.quote_list, name="my_quotes"),
    path("workspace/quotes/<int:pk>/", views_supplier.quote_detail, name="quote"),
    path("workspace/quotes/<int:pk>/revise/", views_supplier.quote_revise, name="quote_revise"),
    # Operator
    path("ops/rfqs/", views_ops.review_queue, name="review_queue"),
    path("ops/rfqs/<int:pk>/", views_ops.review, name="review"),
    path("ops/rfqs/<int:pk>/decide/", views_ops.decide, name="decide"),
]
