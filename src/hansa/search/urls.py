from django.urls import path

from hansa.search import views

app_name = "search"

urlpatterns = [
    path("search/", views.search, name="products"),
    path("search/suppliers/", views.suppliers, name="suppliers"),
    path("search/suggest/", views.suggest, name="suggest"),
    path("search/click/", views.click, name="click"),
    path("workspace/search/ranking/", views.ranking, name="ranking"),
]
