"""The categories of aid every record and importer shares."""

from django.db import migrations

CATEGORIES = [
    # slug, name, countable
    ("tanks", "Tanks", True),
    ("ifv-apc", "Infantry fighting vehicles and APCs", True),
    ("artillery", "Artillery", True),
    ("rocket-artillery", "Rocket artillery", True),
    ("air-defence", "Air defence", True),
    ("ammunition", "Ammunition", True),
    ("fighter-jets", "Fighter jets", True),
    ("helicopters", "Helicopters", True),
    ("drones", "Drones", True),
    ("small-arms", "Small arms", True),
    ("other-equipment", "Other equipment", True),
    ("maintenance", "Maintenance and repair", False),
    ("funding", "Funding for procurement", False),
    ("training", "Training", False),
]


def add_categories(apps, schema_editor):
    Category = apps.get_model("pledges", "Category")
    for position, (slug, name, countable) in enumerate(CATEGORIES):
        Category.objects.update_or_create(
            slug=slug, defaults={"name": name, "is_countable": countable, "position": position}
        )


def remove_categories(apps, schema_editor):
    apps.get_model("pledges", "Category").objects.filter(slug__in=[slug for slug, _, _ in CATEGORIES]).delete()


class Migration(migrations.Migration):
    dependencies = [("pledges", "0002_delivery_triggers")]

    operations = [migrations.RunPython(add_categories, remove_categories)]
