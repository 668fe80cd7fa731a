"""Admin for the imported trackers: datasets, the system-name mapping editors extend, the log of
every import run, and the upload page (dry run first: what would be added, changed, left alone).

Loaded by the last line of admin.py, so this module can grow without touching the record's admin.
"""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join

from .importers.runs import dataset_for, run_import
from .models import Dataset, ImportRun, SystemAlias

MAX_UPLOAD_BYTES = 20 * 1024 * 1024
# what the dry run was asked, and the import that follows it asks again
OPTIONS = ["format", "as_of", "encoding", "skip_bad_rows", "allow_removals"]


class ImportForm(forms.Form):
    format = forms.ChoiceField(choices=Dataset.Format.choices, label="Tracker")
    file = forms.FileField(help_text="Kiel: the main data sheet as CSV or the XLSX workbook. SIPRI, Oryx: CSV.")
    as_of = forms.DateField(
        required=False,
        label="File dated",
        help_text="The day the file was generated or scraped. Required for Oryx, whose files carry no date.",
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    encoding = forms.ChoiceField(
        choices=[("", "UTF-8 (with or without byte-order mark)"), ("latin-1", "Latin-1 (SIPRI's own export)")],
        required=False,
        help_text="AidTracker never guesses: a file that is not in this encoding is refused.",
    )
    skip_bad_rows = forms.BooleanField(
        required=False,
        label="Skip bad rows",
        help_text="Import the rows that can be read; what an earlier import stored for the others stays as it was.",
    )
    allow_removals = forms.BooleanField(
        required=False,
        label="Allow removals",
        help_text="Let the import remove more than 5% of the dataset's stored rows (those absent from the file).",
    )
    dry_run = forms.BooleanField(
        required=False, initial=True, label="Dry run", help_text="Show what would change and save nothing."
    )
    expected_sha256 = forms.CharField(required=False, widget=forms.HiddenInput)

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(f"Files up to {MAX_UPLOAD_BYTES // (1024 * 1024)} MB only.")
        return upload


@admin.register(Dataset)
class DatasetAdmin(admin.ModelAdmin):
    list_display = ["name", "short_name", "format", "version", "published_on", "pledge_count", "import_link"]
    readonly_fields = ["version", "published_on", "source"]
    prepopulated_fields = {"slug": ["short_name"]}

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(pledge_count=Count("pledges"))

    @admin.display(description="pledges", ordering="pledge_count")
    def pledge_count(self, obj):
        return obj.pledge_count

    @admin.display(description="")
    def import_link(self, obj):
        url = reverse("admin:pledges_importrun_upload") + f"?format={obj.format}"
        return format_html('<a href="{}">Import a file…</a>', url)


@admin.register(SystemAlias)
class SystemAliasAdmin(admin.ModelAdmin):
    list_display = ["name", "system", "format"]
    list_filter = ["format", "system__category"]
    search_fields = ["name", "folded", "system__name"]
    raw_id_fields = ["system"]
    readonly_fields = ["folded"]


@admin.register(ImportRun)
class ImportRunAdmin(admin.ModelAdmin):
    list_display = [
        "started_at",
        "dataset",
        "status",
        "file_name",
        "rows_read",
        "rows_added",
        "rows_changed",
        "rows_unchanged",
        "rows_removed",
        "rows_skipped",
        "warning_count",
    ]
    list_filter = ["dataset", "status"]
    date_hierarchy = "started_at"
    exclude = ["warnings", "changes"]
    readonly_fields = [
        "dataset",
        "status",
        "file_name",
        "file_sha256",
        "version",
        "started_at",
        "finished_at",
        "user",
        "rows_read",
        "rows_added",
        "rows_changed",
        "rows_unchanged",
        "rows_removed",
        "rows_skipped",
        "error",
        "warning_list",
        "change_list",
    ]
    change_list_template = "admin/pledges/importrun/change_list.html"

    def has_add_permission(self, request):
        return False  # runs are made by importing a file, never typed in

    def has_change_permission(self, request, obj=None):
        return False

    @admin.display(description="warnings")
    def warning_count(self, obj):
        return len(obj.warnings)

    @admin.display(description="warnings")
    def warning_list(self, obj):
        return _lines(obj.warnings, lambda w: (w["line"] or "", w["message"]))

    @admin.display(description="added, changed, removed")
    def change_list(self, obj):
        return _lines(obj.changes, lambda c: (c["line"] or "", f"{c['kind']}: {c['what']} {c['detail']}"))

    def get_urls(self):
        upload = self.admin_site.admin_view(self.upload_view)
        return [path("upload/", upload, name="pledges_importrun_upload"), *super().get_urls()]

    def upload_view(self, request):
        """Import a file; a dry run shows what would be added, changed and left alone and saves nothing."""
        if not request.user.has_perm("pledges.add_importrun"):
            raise PermissionDenied
        run = None
        if request.method == "POST":
            form = ImportForm(request.POST, request.FILES)
            if form.is_valid():
                run = self._import(request, form)
                if run is not None and run.status == ImportRun.Status.DRY_RUN:
                    # offer the real import of the very file that was checked
                    form = ImportForm(
                        initial={
                            **{name: form.cleaned_data[name] for name in OPTIONS},
                            "dry_run": False,
                            "expected_sha256": run.file_sha256,
                        }
                    )
        else:
            form = ImportForm(initial={"format": request.GET.get("format"), "dry_run": True})
        ctx = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": "Import a tracker file",
            "form": form,
            "run": run,
            "changes": _grouped(run.changes) if run else {},
        }
        return TemplateResponse(request, "admin/pledges/importrun/upload.html", ctx)

    def _import(self, request, form):
        upload = form.cleaned_data["file"]
        data = upload.read()
        expected = form.cleaned_data["expected_sha256"]
        dry_run = form.cleaned_data["dry_run"]
        if expected and not dry_run:
            import hashlib

            if hashlib.sha256(data).hexdigest() != expected:
                form.add_error("file", "This is not the file the dry run checked: run a dry run on it first.")
                return None
        dataset = dataset_for(form.cleaned_data["format"])
        options = {name: form.cleaned_data[name] for name in OPTIONS if name != "format"}
        run = run_import(dataset, data, upload.name, dry_run=dry_run, user=request.user, **options)
        if run.status == ImportRun.Status.FAILED:
            messages.error(request, run.error)
        elif run.status == ImportRun.Status.OK:
            messages.success(
                request,
                f"{dataset.short_name}: added {run.rows_added}, changed {run.rows_changed}, "
                f"left alone {run.rows_unchanged}, removed {run.rows_removed}, skipped {run.rows_skipped}.",
            )
        return run


def _grouped(changes):
    groups = {"added": [], "changed": [], "removed": []}
    for change in changes:
        groups.setdefault(change["kind"], []).append(change)
    return groups


def _lines(entries, split):
    if not entries:
        return "none"
    rows = format_html_join("", "<tr><td>{}</td><td>{}</td></tr>", (split(entry) for entry in entries))
    return format_html("<table><tr><th>line</th><th></th></tr>{}</table>", rows)
