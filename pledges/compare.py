"""/compare/: what each source says about the same donor and system, side by side, with disagreements flagged.

A source is AidTracker's own editorial record (pledges without a dataset) or one imported
dataset (Kiel UST, SIPRI, Oryx). For each (donor, system) pair the page shows, per source, the
units pledged, the units delivered, the first pledge date and the latest delivery date. Two
sources disagree on pledged units when both state a figure for every line item and the figures
differ; on delivered units whenever their delivered counts differ (a source with no delivery
recorded says 0, which is exactly the stale-status case the page is for), except that a source
saying units arrived without saying how many (Oryx's count of 0) states no figure: unknown, never 0.

Same URL plus .csv or .json exports the same rows with the same filters, one row per
(donor, system, source). Seven queries whatever the data size: the datasets, the filter choices
(two), the (donor, system) pairs the datasets name, the figures, and the pledge and delivery dates
(one each). The last three are kept in the cache until the record changes (pledges/figures/cache.py),
and so is the page itself for visitors not logged in.

By default a pair one source only names is not shown, so those three queries keep an editorial
line item only when an imported line item of the datasets chosen names its pair too: without
datasets they read none of the record (tens of milliseconds at a million line items). With the
three trackers imported, PostgreSQL misjudges how many editorial line items their pairs hold and
scans the line items once per query (about 1.5 s, once per change to the record). With "all pairs"
the three queries aggregate every public line item of every source: seconds at a million line items,
once per change to the record.
"""

from django import forms
from django.db.models import Count, Max, Min, Q, Sum
from django.shortcuts import render
from django.urls import reverse
from django.utils.http import urlencode

from . import dates, export_views, exports, params
from .figures import cache, reads
from .models import Category, Dataset, Delivery, Donor, LineItem, Pledge, System
from .views import EVERY_PAGE, live_only

EDITORIAL = "aidtracker"
EDITORIAL_LABEL = "AidTracker record"


class CompareForm(forms.Form):
    """The page's filters; every one is a query-string parameter, shared by the page and its exports."""

    donor = forms.MultipleChoiceField(required=False, label="Donor", widget=forms.CheckboxSelectMultiple)
    category = forms.MultipleChoiceField(required=False, label="Category", widget=forms.CheckboxSelectMultiple)
    q = forms.CharField(required=False, max_length=100, label="System name contains")
    source = forms.MultipleChoiceField(
        required=False,
        label="Sources",
        help_text="Leave empty to compare every source.",
        widget=forms.CheckboxSelectMultiple,
    )
    disagreements = forms.BooleanField(required=False, label="Only disagreements")
    all_pairs = forms.BooleanField(required=False, label="Include pairs only one source names")

    def __init__(self, data, datasets, **kwargs):
        super().__init__(data, **kwargs)
        self.fields["donor"].choices = list(Donor.objects.order_by("name").values_list("slug", "name"))
        self.fields["category"].choices = list(
            Category.objects.order_by("position", "name").values_list("slug", "name")
        )
        self.fields["source"].choices = [(EDITORIAL, EDITORIAL_LABEL)] + [(d.slug, d.short_name) for d in datasets]


def _source_key(dataset_id, slugs):
    return EDITORIAL if dataset_id is None else slugs[dataset_id]


def comparison(data, reading=reads.PUBLIC):
    """(form, sources, rows) for the query-string `data`, read as `reading` says (preview, cached page's version);
    rows are dicts, one per (donor, system)."""
    datasets = list(Dataset.objects.order_by("name"))  # 1
    form = CompareForm(data, datasets)  # 2, 3 donor and category choices
    form.is_valid()
    cleaned = {name: form.cleaned_data.get(name) for name in form.fields}
    slugs = {dataset.pk: dataset.slug for dataset in datasets}
    sources = [{"key": EDITORIAL, "label": EDITORIAL_LABEL, "dataset": None}] + [
        {"key": dataset.slug, "label": dataset.short_name, "dataset": dataset} for dataset in datasets
    ]
    if cleaned["source"]:
        sources = [source for source in sources if source["key"] in cleaned["source"]]
    wanted = {source["key"] for source in sources}

    items = LineItem.objects.public(reading.preview).filter(system__isnull=False)
    if cleaned["donor"]:
        items = items.filter(pledge__donor__slug__in=cleaned["donor"])
    if cleaned["category"]:
        items = items.filter(system__category__slug__in=cleaned["category"])
    if cleaned["q"]:
        # a subquery, not a join: a system with two matching aliases must not count twice
        systems = System.objects.filter(Q(name__icontains=cleaned["q"]) | Q(aliases__name__icontains=cleaned["q"]))
        items = items.filter(system__in=systems.values("pk"))
    dataset_filter = Q()
    if cleaned["source"]:
        dataset_filter = Q(pledge__dataset__slug__in=[key for key in wanted if key != EDITORIAL])
        if EDITORIAL in wanted:
            dataset_filter |= Q(pledge__dataset__isnull=True)
        items = items.filter(dataset_filter)
    if not cleaned["all_pairs"]:
        items = items.filter(_named_by_a_dataset(items))

    group = ["pledge__donor_id", "system_id", "pledge__dataset_id"]
    figures = (
        items.order_by()
        .values(
            *group,
            "pledge__donor__name",
            "pledge__donor__slug",
            "pledge__donor__code",
            "system__name",
            "system__slug",
            "system__category__name",
            "system__category__slug",
        )
        .annotate(
            line_items=Count("pk"),
            pledged=Sum("quantity"),
            without_quantity=Count("pk", filter=Q(quantity__isnull=True)),
            uncertain=Count("pk", filter=Q(quantity_uncertain=True)),
            delivered=Sum("quantity_delivered"),
            deliveries=Sum("delivery_count"),
            # delivered with no number stated (Oryx's count of 0): one delivery or more, none with a quantity
            delivered_without_figure=Count("pk", filter=Q(delivery_count__gt=0, quantity_delivered=0)),
            flagged=Count("pk", filter=~Q(import_flag="")),
            flag=Max("import_flag"),
        )
    )
    first_pledged = (
        Pledge.objects.filter(line_items__in=items.values("pk"))
        .order_by()
        .values("donor_id", "line_items__system_id", "dataset_id", "date_precision")
        .annotate(first=Min("date"))
    )
    last_delivered = (
        Delivery.objects.public(reading.preview)
        .filter(line_item__in=items.values("pk"))
        .order_by()
        .values(
            "line_item__pledge__donor_id", "line_item__system_id", "line_item__pledge__dataset_id", "date_precision"
        )
        .annotate(last=Max("date"))
    )

    pairs = {}
    for row in cache.read_rows(figures, reading.page_version):  # 4
        pair = pairs.setdefault(
            (row["pledge__donor_id"], row["system_id"]),
            {
                "donor": row["pledge__donor__name"],
                "donor_slug": row["pledge__donor__slug"],
                "donor_code": row["pledge__donor__code"],
                "system": row["system__name"],
                "system_slug": row["system__slug"],
                "category": row["system__category__name"],
                "category_slug": row["system__category__slug"],
                "says": {},
            },
        )
        pair["says"][_source_key(row["pledge__dataset_id"], slugs)] = {
            "line_items": row["line_items"],
            "pledged": row["pledged"],
            "without_quantity": row["without_quantity"],
            "uncertain": row["uncertain"],
            "delivered": row["delivered"] or 0,
            "delivered_without_figure": row["delivered_without_figure"],
            "deliveries": row["deliveries"] or 0,
            # rows the importer found implausible, and one reason (the page and export show the first)
            "flagged": row["flagged"],
            "flag": row["flag"] if row["flagged"] else "",
            "first_pledged": None,
            "last_delivered": None,
        }
    for row in cache.read_rows(first_pledged, reading.page_version):  # 5
        says = pairs.get((row["donor_id"], row["line_items__system_id"]), {}).get("says", {})
        figures_of = says.get(_source_key(row["dataset_id"], slugs))
        if figures_of is not None:
            figures_of["first_pledged"] = _earliest(figures_of["first_pledged"], (row["first"], row["date_precision"]))
    for row in cache.read_rows(last_delivered, reading.page_version):  # 6
        key = (row["line_item__pledge__donor_id"], row["line_item__system_id"])
        figures_of = pairs.get(key, {}).get("says", {}).get(_source_key(row["line_item__pledge__dataset_id"], slugs))
        if figures_of is not None:
            figures_of["last_delivered"] = _latest(figures_of["last_delivered"], (row["last"], row["date_precision"]))

    rows = []
    for pair in pairs.values():
        says = pair["says"]
        pair["source_count"] = len(says)
        if pair["source_count"] < 2 and not cleaned["all_pairs"]:
            continue
        stated = {figures_of["pledged"] for figures_of in says.values() if figures_of["without_quantity"] == 0}
        pair["pledged_disagree"] = len(stated) > 1
        # a source that says some units arrived without saying how many states no figure to disagree with
        delivered = {f["delivered"] for f in says.values() if not f["delivered_without_figure"]}
        pair["delivered_disagree"] = len(delivered) > 1
        pair["disagree"] = pair["pledged_disagree"] or pair["delivered_disagree"]
        if cleaned["disagreements"] and not pair["disagree"]:
            continue
        for figures_of in says.values():
            figures_of["first_pledged_display"] = _describe(figures_of["first_pledged"])
            figures_of["last_delivered_display"] = _describe(figures_of["last_delivered"])
        pair["cells"] = [says.get(source["key"]) for source in sources]
        rows.append(pair)
    rows.sort(key=lambda pair: (not pair["disagree"], pair["donor"], pair["system"]))
    if not cleaned["source"]:
        # a source with nothing to say about any row shown gets no empty columns
        speaking = {key for pair in rows for key in pair["says"]}
        keep = [index for index, source in enumerate(sources) if source["key"] in speaking]
        sources = [sources[index] for index in keep]
        for pair in rows:
            pair["cells"] = [pair["cells"][index] for index in keep]
    return form, sources, rows


def _named_by_a_dataset(items):
    """A condition on `items` true for those whose (donor, system) pair an imported line item among `items` names.

    Imported line items name their own pair; an editorial one passes only when a dataset names its pair too,
    so the editorial pairs that the page would drop as named by one source only are never aggregated. One
    query lists the imported pairs (a correlated EXISTS instead runs for minutes on SQLite).
    """
    imported = items.filter(pledge__dataset__isnull=False)
    by_donor = {}
    for donor_id, system_id in imported.order_by().values_list("pledge__donor_id", "system_id").distinct():
        by_donor.setdefault(donor_id, set()).add(system_id)
    named = Q(pledge__dataset__isnull=False)
    for donor_id, system_ids in by_donor.items():
        named |= Q(pledge__donor_id=donor_id, system_id__in=sorted(system_ids))
    return named


def _earliest(current, candidate):
    return candidate if current is None or candidate[0] < current[0] else current


def _latest(current, candidate):
    if current is None:
        return candidate
    end = dates.period_end(*candidate)
    return candidate if end > dates.period_end(*current) else current


def _describe(fuzzy):
    return dates.describe(*fuzzy) if fuzzy else ""


@params.reads({*EVERY_PAGE, "release", *CompareForm.base_fields})
@reads.cached_page
@live_only
def compare(request, reading, format=None):
    form, sources, rows = comparison(request.GET, reading)
    if format:
        if form.errors:
            return export_views.bad_request(request, format, form.errors)
        table = exports.dict_rows(exports.COMPARISON, export_rows(sources, rows))
        return export_views.rows_export(request, exports.COMPARISON, table, format, "aidtracker-compare")
    ctx = {
        "form": form,
        "sources": sources,
        "rows": rows,
        "column_count": 3 + 3 * len(sources),
        # only AidTracker's own record to compare: the page says how to import a tracker
        "nothing_imported": len(form.fields["source"].choices) == 1,
        "disagreements": sum(1 for row in rows if row["disagree"]),
        "export_links": export_views.export_links(request),
        "clear_url": reverse("pledges:compare"),
        "disagreements_url": reverse("pledges:compare") + "?" + urlencode({"disagreements": "on"}),
    }
    # when the public record last changed, and whether it holds synthetic data (the banner): one query
    ctx["data_as_of"], ctx["synthetic_data"] = reads.record_status(reading.preview)
    return render(request, "pledges/compare.html", ctx)


def export_rows(sources, rows):
    """One dict per (donor, system, source), keyed by the lookups of exports.COMPARISON."""
    for pair in rows:
        for source, says in zip(sources, pair["cells"], strict=True):
            if says is None:
                continue
            dataset = source["dataset"]
            yield {
                "donor_code": pair["donor_code"],
                "donor_name": pair["donor"],
                "system_slug": pair["system_slug"],
                "system_name": pair["system"],
                "category_slug": pair["category_slug"],
                "source": source["key"],
                "source_label": source["label"],
                "source_version": dataset.version if dataset else "",
                "line_items": says["line_items"],
                "units_pledged": says["pledged"],
                "line_items_without_quantity": says["without_quantity"],
                "line_items_quantity_uncertain": says["uncertain"],
                "units_delivered": None
                if not says["delivered"] and says["delivered_without_figure"]
                else says["delivered"],
                "line_items_delivered_without_figure": says["delivered_without_figure"],
                "line_items_flagged": says["flagged"],
                "flag": says["flag"],
                "first_pledged": _iso(says["first_pledged"]),
                "last_delivered": _iso(says["last_delivered"]),
                "pledged_disagrees": pair["pledged_disagree"],
                "delivered_disagrees": pair["delivered_disagree"],
            }


def _delivered_figure(says):
    """Units delivered, or None when the only deliveries the source records carry no number."""
    return None if not says["delivered"] and says["delivered_without_figure"] else says["delivered"]


def _iso(fuzzy):
    """A fuzzy date as ISO text with its precision: '2023-02-14', '2023' (year), '<=2024-03-10'."""
    if not fuzzy:
        return ""
    date, precision = fuzzy
    if precision == dates.DatePrecision.YEAR:
        return f"{date:%Y}"
    if precision == dates.DatePrecision.MONTH:
        return f"{date:%Y-%m}"
    if precision == dates.DatePrecision.QUARTER:
        return f"{date:%Y}-Q{(date.month - 1) // 3 + 1}"
    if precision == dates.DatePrecision.ON_OR_BEFORE:
        return f"<={date:%Y-%m-%d}"
    return date.isoformat()
