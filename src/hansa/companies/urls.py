from django.urls import path

from hansa.companies import views

app_name = "companies"

urlpatterns = [
    path("workspace/company/", views.profile_edit, name="profile"),
    path("workspace/company/names/", views.names_edit, name="names"),
    path("workspace/company/subdivisions/", views.subdivision_options, name="subdivisions"),
    path("workspace/company/markets/", views.markets_edit, name="markets"),
    path("workspace/company/certifications/", views.certifications, name="certifications"),
    path(
        "workspace/company/certifications/<int:pk>/delete/",
        views.certification_delete,
        name="certification_delete",
    ),
    path("workspace/company/contacts/", views.contacts, name="contacts"),
    path(
        "workspace/company/contacts/<int:pk>/delete/", views.contact_delete, name="contact_delete"
    ),
    path("workspace/members/", views.members, name="members"),
    path("workspace/members/<int:pk>/", views.member_update, name="member_update"),
    path(
        "workspace/invitations/<int:pk>/revoke/", views.invitation_revoke, name="invitation_revoke"
    ),
    path("invitations/<str:token>/", views.invitation_accept, name="invitation_accept"),
    path("suppliers/", views.directory, name="directory"),
    path("companies/<slug:slug>/", views.public_page, name="public"),
]
