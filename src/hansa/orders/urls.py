from django.urls import path

from hansa.orders import views

app_name = "orders"

urlpatterns: list = [
    path("workspace/orders/", views.draft_list, name="list"),
    path("workspace/orders/<int:pk>/", views.draft_detail, name="detail"),
]
