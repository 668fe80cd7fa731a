"""A release keeps the columns it was cut with (Release.columns), so its files never follow the exports' later columns.

Every release so far was cut with the line item and delivery columns below (unchanged since releases began):
they are written out here, not read from pledges/exports.py, which will change.
"""

from django.db import migrations, models

# the exports' columns when this migration was written, in the order of ReleaseRow.values
CUT_WITH = {
    "line_items": (
        "one thing pledged in one announcement: a category, maybe a named system, a quantity and a value",
        [
            ("line_item_id", "integer"),
            ("pledge_id", "integer"),
            ("pledge_title", "text"),
            ("donor_code", "text"),
            ("donor_name", "text"),
            ("announced_on", "date"),
            ("announced_precision", "text"),
            ("meeting_slug", "text"),
            ("meeting_name", "text"),
            ("category_slug", "text"),
            ("category_name", "text"),
            ("system_slug", "text"),
            ("system_name", "text"),
            ("description", "text"),
            ("quantity", "integer"),
            ("quantity_uncertain", "boolean"),
            ("unit", "text"),
            ("quantity_delivered", "integer"),
            ("delivery_count", "integer"),
            ("status", "text"),
            ("value_reported", "decimal"),
            ("currency", "text"),
            ("value_basis", "text"),
            ("value_eur", "decimal"),
            ("eur_rate", "decimal"),
            ("eur_rate_date", "date"),
            ("value_eur_delivered", "decimal"),
            ("funding_mode", "text"),
            ("co_funder_codes", "text"),
            ("dataset", "text"),
            ("source_urls", "text"),
            ("publication", "text"),
        ],
    ),
    "deliveries": (
        "one delivery event against a line item: a date and a quantity, maybe unknown",
        [
            ("delivery_id", "integer"),
            ("line_item_id", "integer"),
            ("pledge_id", "integer"),
            ("donor_code", "text"),
            ("donor_name", "text"),
            ("category_slug", "text"),
            ("category_name", "text"),
            ("system_slug", "text"),
            ("system_name", "text"),
            ("delivered_on", "date"),
            ("delivered_precision", "text"),
            ("quantity", "integer"),
            ("quantity_uncertain", "boolean"),
            ("pledged_on", "date"),
            ("line_item_quantity", "integer"),
            ("line_item_status", "text"),
            ("notes", "text"),
            ("dataset", "text"),
            ("source_urls", "text"),
            ("publication", "text"),
        ],
    ),
}


def fill(apps, schema_editor):
    Release = apps.get_model("pledges", "Release")
    columns = {
        table: {"row_is": row_is, "columns": [{"name": name, "type": type_} for name, type_ in cut_with]}
        for table, (row_is, cut_with) in CUT_WITH.items()
    }
    Release.objects.update(columns=columns)


class Migration(migrations.Migration):
    dependencies = [
        ("pledges", "0014_counted_deliveries_and_lag_counts_without_pairs"),
    ]

    operations = [
        migrations.AddField(
            model_name="release",
            name="columns",
            field=models.JSONField(default=dict, editable=False),
            preserve_default=False,
        ),
        migrations.RunPython(fill, migrations.RunPython.noop),
    ]
