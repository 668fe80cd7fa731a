"""Indexes for the dashboards' first request after an edit: a system's lag counts, the meetings' pledge counts."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("pledges", "0016_review_cannot_be_bypassed"),
    ]

    operations = [
        migrations.AddIndex(
            model_name="pledge",
            index=models.Index(fields=["meeting", "dataset", "id"], name="pledge_meeting_count"),
        ),
        migrations.AddIndex(
            model_name="counteddelivery",
            index=models.Index(fields=["system", "lag_days"], name="counteddelivery_system_lag"),
        ),
    ]
