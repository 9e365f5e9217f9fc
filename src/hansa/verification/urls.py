from django.urls import path

from hansa.verification import views

app_name = "verification"

urlpatterns = [
    path("workspace/verification/", views.status, name="status"),
    path("workspace/verification/submit/", views.submit, name="submit"),
    path(
        "workspace/verification/documents/<int:pk>/delete/",
        views.document_delete,
        name="document_delete",
    ),
    path("workspace/verification/documents/<int:pk>/", views.document_file, name="document_file"),
    path("ops/verification/", views.queue, name="queue"),
    path("ops/verification/<int:pk>/", views.review, name="review"),
    path("ops/verification/documents/<int:pk>/", views.ops_document_file, name="ops_document_file"),
]
