from django.urls import path

from hansa.alerts import views

app_name = "alerts"

urlpatterns = [
    path("saved-searches/", views.saved_search_list, name="list"),
    path("saved-searches/new/", views.saved_search_new, name="new"),
    path("saved-searches/<int:pk>/", views.saved_search_update, name="update"),
    path("saved-searches/<int:pk>/delete/", views.saved_search_delete, name="delete"),
]
