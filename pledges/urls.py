from django.urls import path

from . import compare, views

app_name = "pledges"

urlpatterns = [
    path("", views.overview, name="overview"),
    path("donors/", views.donor_list, name="donor-list"),
    path("donors/<slug:slug>/", views.donor_detail, name="donor-detail"),
    path("categories/<slug:slug>/", views.category_detail, name="category-detail"),
    path("systems/<slug:slug>/", views.system_detail, name="system-detail"),
    path("meetings/", views.meeting_list, name="meeting-list"),
    path("meetings/<slug:slug>/", views.meeting_detail, name="meeting-detail"),
    path("pledges/", views.line_item_list, name="line-item-list"),
    path("deliveries/", views.delivery_list, name="delivery-list"),
    path("gap/", views.gap, name="gap"),
    path("compare/", compare.compare, name="compare"),
    path("compare.csv", compare.compare_export, {"fmt": "csv"}, name="compare-csv"),
    path("compare.json", compare.compare_export, {"fmt": "json"}, name="compare-json"),
]
