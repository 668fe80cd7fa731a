from django.urls import path, register_converter

from . import compare, eur_preview, export_views, releases, views


class ExportFormat:
    """The suffix of a page's exports; any other suffix matches no URL, so it is a 404."""

    regex = "csv|json"

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value


register_converter(ExportFormat, "export")

app_name = "pledges"


def page(route, view, name):
    """A page at `route`/ and its exports at `route`.csv and `route`.json (same view, same filters)."""
    return [path(f"{route}/", view, name=name), path(f"{route}.<export:format>", view, name=f"{name}-export")]


urlpatterns = [
    path("", views.overview, name="overview"),
    path("overview.<export:format>", views.overview, name="overview-export"),
    *page("donors", views.donor_list, "donor-list"),
    *page("donors/<slug:slug>", views.donor_detail, "donor-detail"),
    *page("categories/<slug:slug>", views.category_detail, "category-detail"),
    *page("systems/<slug:slug>", views.system_detail, "system-detail"),
    *page("meetings", views.meeting_list, "meeting-list"),
    *page("meetings/<slug:slug>", views.meeting_detail, "meeting-detail"),
    *page("pledges", views.line_item_list, "line-item-list"),
    *page("deliveries", views.delivery_list, "delivery-list"),
    *page("gap", views.gap, "gap"),
    *page("compare", compare.compare, "compare"),
    path("data/", export_views.data, name="data"),
    path("eur-preview.json", eur_preview.eur_preview, name="eur-preview"),  # the admin's, for editors only
    path("releases/", releases.release_list, name="release-list"),
    *page("releases/<int:number>/changes", releases.release_changes, "release-changes"),
]
