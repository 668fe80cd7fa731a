"""The admin is where editors enter and correct the record.

Lists carry pledged and delivered totals from annotated querysets (one query per
page, not one per row); every invariant the database enforces is checked first
in a form, so an editor sees an error beside the field instead of a crash.
"""

from django.contrib import admin
from django.db.models import Count
from django.urls import reverse
from django.utils.html import format_html

from . import dates, formatting, money
from .admin_forms import (
    CitationForm,
    CitedDeliveryForm,
    DeliveryForm,
    DeliveryFormSet,
    PledgeForm,
    PledgeLineItemFormSet,
)
from .admin_review import (
    HistoryAdmin,
    ReleaseAdmin,
    ReviewedAdmin,
    ReviewedInlineMixin,
    RevisionAdmin,
)
from .models import (
    Category,
    Delivery,
    DeliveryCitation,
    Donor,
    DonorGroup,
    LineItem,
    LineItemCitation,
    Meeting,
    MeetingCitation,
    Pledge,
    PledgeCitation,
    Release,
    Revision,
    Source,
    System,
)

UNKNOWN = "unknown"


def eur(value):
    return UNKNOWN if value is None else f"€{value:,.0f}"


def money_as_reported(value, currency):
    return UNKNOWN if value is None else f"{value:,.0f} {currency}"


admin.site.site_header = "AidTracker editors"
admin.site.site_title = "AidTracker admin"
admin.site.index_title = "The record"
# "View site" previews the public pages with the drafts (pledges/review.py)
admin.site.site_url = "/?preview=1"


class TotalsAdminMixin:
    """List columns for the annotations of TotalsQuerySet.with_totals()."""

    def get_queryset(self, request):
        return super().get_queryset(request).with_totals()

    @admin.display(description="pledged (EUR)", ordering="value_eur")
    def pledged_eur(self, obj):
        return eur(obj.value_eur)

    @admin.display(description="delivered (EUR)", ordering="value_eur_delivered")
    def delivered_eur(self, obj):
        return eur(obj.value_eur_delivered)

    @admin.display(description="units delivered")
    def units(self, obj):
        return delivered_units(obj.deliveries_counted, obj.units_delivered, obj.units_pledged)


def delivered_units(deliveries, delivered, pledged):
    """'6 of 18 delivered', '0 of 18 delivered' before any delivery, and 'not stated' (never 0) when the
    deliveries recorded give no number."""
    if deliveries and not delivered:
        return "not stated: the deliveries recorded give no number"
    return formatting.delivered_of(delivered or 0, pledged)


class UsedByFactsMixin:
    """For what facts refer to (donors, systems, meetings, sources): a deletion refused because facts use
    the row shows the list of those facts, rather than the permission to delete them nobody has."""

    def get_deleted_objects(self, objs, request):
        deleted, counts, perms_needed, protected = super().get_deleted_objects(objs, request)
        return deleted, counts, set() if protected else perms_needed, protected


class CitationInline(admin.StackedInline):
    """A source on record, or a new one described here, and the quote: entered with the fact, in its one save."""

    form = CitationForm
    verbose_name, verbose_name_plural = "source and quote", "sources and quotes"
    autocomplete_fields = ["source"]
    fields = ["source", ("new_title", "new_publisher"), ("new_url", "new_published_on", "new_kind"), "quote"]

    def get_extra(self, request, obj=None, **kwargs):
        return 0 if obj else 1  # a new fact shows a citation to fill in


class MeetingCitationInline(CitationInline):
    model = MeetingCitation


class PledgeCitationInline(CitationInline):
    model = PledgeCitation


class LineItemCitationInline(CitationInline):
    model = LineItemCitation


class DeliveryCitationInline(CitationInline):
    model = DeliveryCitation


@admin.register(DonorGroup)
class DonorGroupAdmin(admin.ModelAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Donor)
class DonorAdmin(UsedByFactsMixin, TotalsAdminMixin, admin.ModelAdmin):
    list_display = ["name", "code", "kind", "pledged_eur", "delivered_eur", "units"]
    list_filter = ["kind", "groups"]
    search_fields = ["name", "code"]
    prepopulated_fields = {"slug": ["name"]}
    filter_horizontal = ["groups"]


@admin.register(Category)
class CategoryAdmin(admin.ModelAdmin):
    list_display = ["name", "is_countable", "position"]
    list_editable = ["position"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(System)
class SystemAdmin(UsedByFactsMixin, admin.ModelAdmin):
    list_display = ["name", "category"]
    list_filter = ["category"]
    list_select_related = ["category"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Source)
class SourceAdmin(UsedByFactsMixin, HistoryAdmin):
    list_display = ["title", "publisher", "published_on", "kind", "link"]
    list_filter = ["kind", "publisher"]
    search_fields = ["title", "publisher", "url", "archive_ref"]
    date_hierarchy = "published_on"

    @admin.display(description="where")
    def link(self, obj):
        if obj.url:
            return format_html('<a href="{}" rel="noopener">{}</a>', obj.url, obj.url)
        return obj.archive_ref


@admin.register(Meeting)
class MeetingAdmin(UsedByFactsMixin, TotalsAdminMixin, HistoryAdmin):
    list_display = ["name", "kind", "starts_on", "place", "pledged_eur", "delivered_eur", "units"]
    list_filter = ["kind"]
    search_fields = ["name", "place"]
    date_hierarchy = "starts_on"
    prepopulated_fields = {"slug": ["name"]}
    inlines = [MeetingCitationInline]
    conflict_children = [(MeetingCitation, "meeting")]


class LineItemInline(ReviewedInlineMixin, admin.StackedInline):
    model = LineItem
    formset = PledgeLineItemFormSet
    autocomplete_fields = ["category", "system", "co_funders"]
    fields = [
        ("category", "system"),
        "description",
        ("quantity", "unit", "stage", "over_delivery_confirmed"),
        ("value_reported", "currency", "value_basis"),
        ("funding_mode", "co_funders"),
        ("eur", "deliveries_link"),
        "publication_state",
    ]
    readonly_fields = ["eur", "deliveries_link", "publication_state"]

    def get_extra(self, request, obj=None, **kwargs):
        return 0 if obj else 1  # a new pledge shows a line item to fill in

    @admin.display(description="value in EUR")
    def eur(self, obj):
        return eur_explained(obj)

    @admin.display(description="deliveries")
    def deliveries_link(self, obj):
        if not obj.pk:
            return "Save the pledge, then record deliveries on the line item."
        url = reverse("admin:pledges_lineitem_change", args=[obj.pk])
        return format_html(
            '{} recorded, {} units counted, status {} – <a href="{}">record or edit deliveries</a>',
            obj.delivery_count,
            obj.quantity_delivered,
            status_label(obj),
            url,
        )


def status_label(item):
    return LineItem.Status(item.status).label


def eur_explained(item):
    """The EUR value with the rate used, or why it is unknown."""
    if item.value_reported is None:
        return "unknown: the source gives no value"
    if item.value_eur is None:
        if item.pledge.date is None:
            return "not converted yet: give the pledge's date or meeting"
        try:
            money.ecb_rate(item.currency, item.pledge.date)
        except money.NoRate as reason:
            return f"unknown: {reason}"
        return "not converted yet: save the line item"
    if item.currency == "EUR":
        return f"{eur(item.value_eur)}, reported in euros"
    published = dates.day(item.eur_rate_date)
    return f"{eur(item.value_eur)} at {item.eur_rate} EUR per {item.currency} (ECB, {published})"


@admin.register(Pledge)
class PledgeAdmin(TotalsAdminMixin, ReviewedAdmin):
    list_display = ["title", "donor", "date_display", "meeting", "pledged_eur", "delivered_eur", "units"]
    list_filter = ["date_precision", "meeting__kind", "donor__groups", "line_items__category"]
    list_select_related = ["donor", "meeting"]
    search_fields = ["title", "notes", "donor__name", "donor__code"]
    autocomplete_fields = ["donor", "meeting"]
    date_hierarchy = "date"
    form = PledgeForm
    fields = ["donor", "meeting", ("date", "date_precision"), "title", "notes"]
    inlines = [LineItemInline, PledgeCitationInline]
    conflict_children = [(LineItem, "pledge"), (PledgeCitation, "pledge")]

    def save_model(self, request, obj, form, change):
        if obj.title:
            super().save_model(request, obj, form, change)
        # an untitled pledge is saved in save_related, once its line items have named it

    def save_related(self, request, form, formsets, change):
        obj = form.instance
        if not obj.title:
            line_items = next(formset for formset in formsets if formset.model is LineItem)
            obj.title = Pledge.title_for(line_items.kept())
            super().save_model(request, obj, form, change)
        super().save_related(request, form, formsets, change)

    @admin.display(description="date", ordering="date")
    def date_display(self, obj):
        return obj.date_display

    def get_queryset(self, request):
        # the category filter joins line items; distinct keeps one row per pledge
        return super().get_queryset(request).distinct()


class DeliveryInline(ReviewedInlineMixin, admin.TabularInline):
    model = Delivery
    form = CitedDeliveryForm
    formset = DeliveryFormSet
    extra = 1
    fields = [
        "date",
        "date_precision",
        "quantity",
        "notes",
        "cite_source",
        "cite_quote",
        "sources_link",
        "publication_state",
    ]
    readonly_fields = ["sources_link", "publication_state"]

    @admin.display(description="sources")
    def sources_link(self, obj):
        if not obj.pk:
            return "Cite one here, or more on the delivery's page once saved."
        url = reverse("admin:pledges_delivery_change", args=[obj.pk])
        return format_html('{} cited – <a href="{}">cite or edit sources</a>', obj.citation_count, url)

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(citation_count=Count("citations"))


@admin.register(LineItem)
class LineItemAdmin(ReviewedAdmin):
    list_display = ["__str__", "pledge", "category", "status_display", "quantity", "delivered", "value", "eur"]
    list_filter = ["status", "category", "stage", "value_basis", "funding_mode"]
    list_select_related = ["pledge__donor", "category", "system"]
    search_fields = ["description", "system__name", "pledge__title", "pledge__donor__name"]
    autocomplete_fields = ["pledge", "category", "system", "co_funders"]
    fields = [
        "pledge",
        ("category", "system"),
        "description",
        ("quantity", "unit", "stage", "over_delivery_confirmed"),
        ("value_reported", "currency", "value_basis"),
        ("funding_mode", "co_funders"),
        "eur",
        ("status_display", "delivered"),
    ]
    readonly_fields = ["eur", "status_display", "delivered"]
    inlines = [LineItemCitationInline, DeliveryInline]
    conflict_children = [(Delivery, "line_item"), (LineItemCitation, "line_item")]

    def get_queryset(self, request):
        # a line item is named by its donor and date too (LineItem.__str__): in lists and the delivery form's picker
        return super().get_queryset(request).select_related("pledge__donor", "category", "system")

    @admin.display(description="status", ordering="status")
    def status_display(self, obj):
        return status_label(obj)

    @admin.display(description="quantity delivered", ordering="quantity_delivered")
    def delivered(self, obj):
        return delivered_units(obj.delivery_count, obj.quantity_delivered, obj.quantity)

    @admin.display(description="value as reported", ordering="value_reported")
    def value(self, obj):
        return money_as_reported(obj.value_reported, obj.currency)

    @admin.display(description="value in EUR", ordering="value_eur")
    def eur(self, obj):
        return eur_explained(obj)


@admin.register(Delivery)
class DeliveryAdmin(ReviewedAdmin):
    form = DeliveryForm
    # what arrived first, then when and how many; the publication state has its own "Review" box
    fields = ["line_item", ("date", "date_precision"), ("quantity", "quantity_uncertain"), "notes"]
    list_display = ["__str__", "line_item", "donor", "date", "quantity"]
    list_filter = ["date_precision", "line_item__category"]
    list_select_related = ["line_item__pledge__donor", "line_item__category", "line_item__system"]
    search_fields = ["notes", "line_item__system__name", "line_item__pledge__donor__name"]
    autocomplete_fields = ["line_item"]
    date_hierarchy = "date"
    inlines = [DeliveryCitationInline]
    conflict_children = [(DeliveryCitation, "delivery")]

    @admin.display(description="donor", ordering="line_item__pledge__donor__name")
    def donor(self, obj):
        return obj.line_item.pledge.donor


admin.site.register(Release, ReleaseAdmin)
admin.site.register(Revision, RevisionAdmin)

# The import admin (datasets, system aliases, import runs, upload page) and the article inbox live in their own
# modules.
from . import admin_imports, admin_inbox  # noqa: E402, F401
