from django.db import migrations, models
from django.db.models.functions import Coalesce, Now

import pledges.models


def date_what_was_published(apps, schema_editor):
    """Facts written published without a publication date (the demo generator's, before this) get one,
    so that they are protected like any published fact: when reviewed if known, else now."""
    for name in ("Pledge", "LineItem", "Delivery"):
        model = apps.get_model("pledges", name)
        undated = model.objects.filter(publication__in=["published", "retracted"], published_at__isnull=True)
        undated.update(published_at=Coalesce("reviewed_at", Now()))


class Migration(migrations.Migration):
    dependencies = [
        ("pledges", "0015_release_columns"),
    ]

    operations = [
        migrations.AlterField(
            model_name="pledge",
            name="meeting",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=pledges.models.keep_published_facts,
                related_name="pledges",
                to="pledges.meeting",
            ),
        ),
        migrations.RunPython(date_what_was_published, migrations.RunPython.noop),
    ]
