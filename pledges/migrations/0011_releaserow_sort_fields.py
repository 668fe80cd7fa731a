"""ReleaseRow copies what the tables' sorts read: the donor's name, the category's position, quantities.

Rows of releases cut before this migration get them from their own `values` (the export columns
of the time) and the category's position now: positions are the order of the category list,
which editors rarely change.
"""

from django.db import migrations, models
from django.db.models import IntegerField, OuterRef, Subquery
from django.db.models.fields.json import KeyTextTransform
from django.db.models.functions import Cast, Coalesce

# the export columns' indexes in `values` when this migration was written
COLUMNS = {
    "line_items": {"donor_name": 4, "quantity": 14, "quantity_delivered": 17},
    "deliveries": {"donor_name": 4, "quantity": 11},
}


def fill(apps, schema_editor):
    ReleaseRow = apps.get_model("pledges", "ReleaseRow")
    Category = apps.get_model("pledges", "Category")
    for table, columns in COLUMNS.items():
        rows = ReleaseRow.objects.filter(table=table)
        numbers = {name: index for name, index in columns.items() if name != "donor_name"}
        rows.update(
            donor_name=KeyTextTransform(str(columns["donor_name"]), "values"),
            **{name: Cast(KeyTextTransform(str(index), "values"), IntegerField()) for name, index in numbers.items()},
        )
        # unknown stays unknown: SQLite reads a JSON null as the text 'null', which the cast above made 0
        for name, index in numbers.items():
            rows.filter(**{f"values__{index}": None}).update(**{name: None})
    position = Category.objects.filter(slug=OuterRef("category_slug")).values("position")[:1]
    ReleaseRow.objects.update(category_position=Coalesce(Subquery(position), 0))


class Migration(migrations.Migration):
    dependencies = [
        ("pledges", "0010_meeting_summaries_and_lag_counts"),
    ]

    operations = [
        migrations.AddField(
            model_name="releaserow",
            name="category_position",
            field=models.PositiveSmallIntegerField(default=0),
        ),
        migrations.AddField(
            model_name="releaserow",
            name="donor_name",
            field=models.CharField(blank=True, max_length=200),
        ),
        migrations.AddField(
            model_name="releaserow",
            name="quantity",
            field=models.PositiveIntegerField(help_text="The row's own: the line item's or the delivery's.", null=True),
        ),
        migrations.AddField(
            model_name="releaserow",
            name="quantity_delivered",
            field=models.PositiveIntegerField(help_text="The line item's delivered units.", null=True),
        ),
        migrations.RunPython(fill, migrations.RunPython.noop),
    ]
