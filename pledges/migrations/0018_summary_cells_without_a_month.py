"""Summary cells without a month: each key's months added up, which totals read instead of every month.

The cells already kept (live, and every release's copies) get theirs here, from their month cells; the upkeep keeps
them from now on (pledges/figures/upkeep.py). The figure columns are listed as they are now, so that this migration
replays the same whatever the models become.
"""

from django.db import migrations, models

COUNTS = [
    "line_items",
    "cancelled",
    "delivered_items",
    "partially_delivered_items",
    "open_items",
    "without_quantity",
    "without_value",
    "delivered_value_unknown",
    "countable_without_quantity",
    "deliveries_in_month",
    "deliveries_without_quantity_in_month",
]
SUMS = [
    "value_pledged",
    "value_delivered",
    "value_assessed",
    "units_pledged",
    "units_delivered",
    "units_delivered_of_stated",
    "value_delivered_in_month",
    "units_delivered_in_month",
    "delivery_units_in_month",
]
TABLES = {
    "pledges_monthlysummary": [],
    "pledges_meetingsummary": ["meeting_id"],
    "pledges_systemsummary": ["system_id"],
}


def _add_up(table, keys):
    keyed = ", ".join(["release_id", "donor_id", "category_id", *keys])
    sums = ", ".join([*(f"COALESCE(SUM({name}), 0)" for name in COUNTS), *(f"SUM({name})" for name in SUMS)])
    return (
        f"INSERT INTO {table} ({keyed}, {', '.join(COUNTS + SUMS)}) "
        f"SELECT {keyed}, {sums} FROM {table} WHERE month IS NOT NULL GROUP BY {keyed}"
    )


class Migration(migrations.Migration):
    dependencies = [
        ("pledges", "0017_dashboard_indexes"),
    ]

    operations = [
        migrations.AlterField(
            model_name="meetingsummary",
            name="month",
            field=models.DateField(null=True),
        ),
        migrations.AlterField(
            model_name="monthlysummary",
            name="month",
            field=models.DateField(null=True),
        ),
        migrations.AlterField(
            model_name="systemsummary",
            name="month",
            field=models.DateField(null=True),
        ),
        migrations.AddIndex(
            model_name="meetingsummary",
            index=models.Index(
                condition=models.Q(("month", None)), fields=["release", "meeting"], name="meetingsummary_all_months"
            ),
        ),
        migrations.AddIndex(
            model_name="monthlysummary",
            index=models.Index(
                condition=models.Q(("month", None)), fields=["release", "donor"], name="monthlysummary_all_months"
            ),
        ),
        migrations.AddIndex(
            model_name="systemsummary",
            index=models.Index(
                condition=models.Q(("month", None)), fields=["release", "category"], name="systemsummary_all_months"
            ),
        ),
        *(
            migrations.RunSQL(_add_up(table, keys), reverse_sql=f"DELETE FROM {table} WHERE month IS NULL")
            for table, keys in TABLES.items()
        ),
    ]
