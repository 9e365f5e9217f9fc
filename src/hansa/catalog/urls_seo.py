"""Addresses for outside search engines: /sitemap.xml, /sitemap-<language>.xml, /robots.txt."""

from django.urls import path

from hansa.catalog import sitemaps

app_name = "seo"

urlpatterns = [
    path("sitemap.xml", sitemaps.index, name="index"),
    path("sitemap-<str:language>.xml", sitemaps.section, name="sitemap"),
    path("robots.txt", sitemaps.robots_txt, name="robots"),
]
