"""Each counted delivery keeps its delivery and date, so the latest deliveries of a donor, a category, a meeting or a
system are an index read.

The rows already kept are computed again here with this migration's own SQL (pledges/figures/counted.py as it is
now), so that it replays the same whatever that module becomes. Their figures do not change, and so neither do
the summary cells and lag counts added up from them.
"""

import django.db.models.deletion
from django.db import migrations, models

RECOUNT = """
INSERT INTO pledges_counteddelivery (delivery_id, date, line_item_id, donor_id, category_id, meeting_id, system_id,
  month, value, units, countable_units, quantity_unknown, lag_days)
SELECT delivery_ref, delivery_date, item_ref, donor_ref, category_ref, meeting_ref, system_ref, month_start,
  CASE WHEN item_status <> 'cancelled' AND quantity IS NOT NULL AND pledged IS NOT NULL AND pledged_value IS NOT NULL
    THEN {real} * ({least}(COALESCE(units_before, 0) + quantity, pledged) - {least}(COALESCE(units_before, 0), pledged))
      / pledged END,
  CASE WHEN item_status <> 'cancelled' AND countable AND quantity IS NOT NULL THEN quantity END,
  CASE WHEN countable THEN quantity END,
  quantity IS NULL,
  lag
FROM (
  SELECT d.id AS delivery_ref, d.date AS delivery_date, d.quantity,
    SUM(d.quantity) OVER (PARTITION BY d.line_item_id ORDER BY d.date, d.id
                          ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS units_before,
    d.line_item_id AS item_ref, p.donor_id AS donor_ref, li.category_id AS category_ref, p.meeting_id AS meeting_ref,
    li.system_id AS system_ref, {month} AS month_start, li.quantity AS pledged, li.value_eur AS pledged_value,
    c.is_countable AS countable, li.status AS item_status,
    CASE WHEN d.date_precision = 'on_or_before' OR p.date_precision = 'on_or_before' THEN NULL ELSE {days} END AS lag
  FROM pledges_delivery d
  JOIN pledges_lineitem li ON d.line_item_id = li.id
  JOIN pledges_pledge p ON li.pledge_id = p.id
  JOIN pledges_category c ON li.category_id = c.id
  WHERE d.publication = 'published' AND li.publication = 'published' AND p.publication = 'published'
    AND p.dataset_id IS NULL
) AS deliveries
ORDER BY donor_ref, category_ref, month_start
"""

VENDOR = {
    "postgresql": {
        "real": "pledged_value",
        "least": "LEAST",
        "month": "DATE_TRUNC('month', d.date)::date",
        "days": "(d.date - p.date)",
    },
    # SQLite's decimals are floating point: cast, or it would divide whole numbers
    "sqlite": {
        "real": "CAST(pledged_value AS REAL)",
        "least": "MIN",
        "month": "strftime('%Y-%m-01', d.date)",
        "days": "CAST(julianday(d.date) - julianday(p.date) AS INTEGER)",
    },
}


def recount(apps, schema_editor):
    connection = schema_editor.connection
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM pledges_counteddelivery")
        cursor.execute(RECOUNT.format(**VENDOR[connection.vendor]))


class Migration(migrations.Migration):
    dependencies = [
        ("pledges", "0022_lag_counts_per_donor_and_category"),
    ]

    operations = [
        migrations.AddField(
            model_name="counteddelivery",
            name="delivery",
            field=models.ForeignKey(
                db_constraint=False,
                db_index=False,
                null=True,
                on_delete=django.db.models.deletion.DO_NOTHING,
                related_name="+",
                to="pledges.delivery",
            ),
        ),
        migrations.AddField(
            model_name="counteddelivery",
            name="date",
            field=models.DateField(null=True),
        ),
        migrations.RunPython(recount, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="counteddelivery",
            name="delivery",
            field=models.ForeignKey(
                db_constraint=False,
                db_index=False,
                on_delete=django.db.models.deletion.DO_NOTHING,
                related_name="+",
                to="pledges.delivery",
            ),
        ),
        migrations.AlterField(
            model_name="counteddelivery",
            name="date",
            field=models.DateField(),
        ),
        # the meeting's own index is the first column of its (meeting, date) one
        migrations.AlterField(
            model_name="counteddelivery",
            name="meeting",
            field=models.ForeignKey(
                db_constraint=False,
                db_index=False,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to="pledges.meeting",
            ),
        ),
        *(
            migrations.AddIndex(
                model_name="counteddelivery",
                index=models.Index(fields=[key, "-date", "-delivery"], name=f"counted_{key}_latest"),
            )
            for key in ("donor", "category", "meeting", "system")
        ),
    ]
