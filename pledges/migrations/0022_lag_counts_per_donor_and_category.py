"""Lag counts per donor and category, for the filtered pages (a donor's lags by category, a category's by donor).

The live counts get theirs here from the counted deliveries, with this migration's own SQL, so that it replays the
same whatever pledges/figures/lags.py becomes; the upkeep keeps them from now on. A release's copies get none: the
filtered pages are read live only.
"""

from django.db import migrations, models

COUNT_PAIRS = """
INSERT INTO pledges_lagcount (scope, donor_id, category_id, lag_days, deliveries)
SELECT 'pair', donor_id, category_id, lag_days, COUNT(*)
FROM pledges_counteddelivery
WHERE lag_days IS NOT NULL
GROUP BY donor_id, category_id, lag_days
"""


class Migration(migrations.Migration):
    dependencies = [
        ("pledges", "0021_import_flags_and_system_aliases"),
    ]

    operations = [
        migrations.AlterField(
            model_name="lagcount",
            name="scope",
            field=models.CharField(
                choices=[
                    ("donor", "a donor's deliveries"),
                    ("category", "a category's deliveries"),
                    ("pair", "a donor's deliveries of a category"),
                    ("meeting", "the deliveries of pledges made at a meeting"),
                    ("all", "every delivery"),
                ],
                max_length=12,
            ),
        ),
        migrations.RunSQL(COUNT_PAIRS, "DELETE FROM pledges_lagcount WHERE scope = 'pair'"),
    ]
