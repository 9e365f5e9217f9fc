from django.urls import path

from hansa.catalog import views

app_name = "catalog"

urlpatterns = [
    path("categories/", views.directory, name="directory"),
    path("categories/<slug:code>/", views.category, name="category"),
]
