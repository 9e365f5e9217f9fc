from django.urls import path

from hansa.compare import views

app_name = "compare"

urlpatterns = [
    path("compare/", views.compare_page, name="page"),
    path("compare/add/", views.add, name="add"),
    path("compare/remove/", views.remove, name="remove"),
    path("compare/clear/", views.clear, name="clear"),
]
