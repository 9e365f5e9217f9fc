from django.contrib import admin
from django.urls import include, path

from hansa.api.api import api
from hansa.api.views import token_revoke, tokens
from hansa.companies.views import workspace
from hansa.core import views as core_views

admin.site.site_header = "Hansa back office"
admin.site.site_title = "Hansa back office"
admin.site.index_title = "Operations"

urlpatterns = [
    path("", core_views.home, name="home"),
    path("health/", core_views.health, name="health"),
    path("", include("hansa.catalog.urls_seo")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("accounts/", include("allauth.urls")),
    path("admin/", admin.site.urls),
    path("api/v1/", api.urls),
    path("workspace/", workspace, name="workspace"),
    path("workspace/api-tokens/", tokens, name="api_tokens"),
    path("workspace/api-tokens/<int:pk>/revoke/", token_revoke, name="api_token_revoke"),
    path("ops/", core_views.ops_dashboard, name="ops"),
    path("media/<path:path>", core_views.public_media, name="public_media"),
    path("certificates/<int:pk>/", core_views.certificate_file, name="certificate_file"),
    path("", include("hansa.companies.urls")),
    path("", include("hansa.verification.urls")),
    path("", include("hansa.catalog.urls")),
    path("", include("hansa.search.urls")),
    path("", include("hansa.compare.urls")),
    path("", include("hansa.alerts.urls")),
    path("", include("hansa.notifications.urls")),
    path("", include("hansa.inquiries.urls")),
    path("", include("hansa.messenger.urls")),
    path("", include("hansa.rfqs.urls")),
    path("", include("hansa.orders.urls")),
]
