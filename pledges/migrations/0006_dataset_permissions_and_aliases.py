"""Editors manage datasets, system aliases and imports; analysts may read them. Seeds the system
names the three public trackers spell differently, so that /compare/ lines them up from the start."""

from django.contrib.auth.management import create_permissions
from django.db import migrations
from django.utils.text import slugify

from pledges.importers.folding import fold

GROUP_PERMISSIONS = {
    "Editor": ["add_dataset", "change_dataset", "view_dataset", "add_systemalias", "change_systemalias"]
    + ["delete_systemalias", "view_systemalias", "add_importrun", "view_importrun"],
    "Analyst": ["view_dataset", "view_systemalias", "view_importrun"],
}

# system, category, names the trackers use (Kiel, SIPRI, Oryx)
SYSTEMS = [
    ("Leopard 2A6", "tanks", ["Leopard-2A6"]),
    ("Leopard 2A4", "tanks", ["Leopard-2A4"]),
    ("Leopard 1A5", "tanks", ["Leopard-1A5"]),
    ("M1 Abrams", "tanks", ["M1A2 Abrams", "M-1A1 Abrams", "M1A1 Abrams", "M1A1 Abram", "Abrams"]),
    ("Challenger 2", "tanks", ["Challenger-2"]),
    ("F-16", "fighter-jets", ["F-16A/B", "F-16AM/BM", "F-16C", "F-16AM"]),
    ("PzH 2000", "artillery", ["Panzerhaubitze 2000", "PzH-2000 155mm", "155mm PzH 2000"]),
    ("Caesar", "artillery", ["CAESAR artillery howitzer", "CAESAR 155mm", "155mm Caesar"]),
    (
        "Archer",
        "artillery",
        ["Archer self-propelled artillery system", "Archer 155mm", "155mm Archer Artillery System"],
    ),
    ("AHS Krab", "artillery", ["AHS Krab self-propelled howitzer", "Krab 155mm", "155mm AHS Krab"]),
    ("AS-90", "artillery", ["AS-90 howitzer", "AS-90B Mallet 155mm", "155mm AS-90"]),
    ("M777", "artillery", ["M777 howitzer", "155mm M777"]),
    ("M142 HIMARS", "rocket-artillery", ["HIMARS 142 multiple rocket launcher", "HIMARS", "227mm HIMARS"]),
    (
        "M270 MLRS",
        "rocket-artillery",
        ["M270 weapon system", "M-270 MLRS 227mm", "227mm M270 MARS MLRS", "227mm M270B1 MLRS", "Mars II"],
    ),
    ("Gepard", "air-defence", ["Gepard rapid-fire armored vehicle", "Flakpanzer Gepard"]),
    ("IRIS-T SLM", "air-defence", ["Iris-T SLM air defence system", "IRIS-T SLS/SLM System"]),
    (
        "NASAMS",
        "air-defence",
        ["National Advanced Surface-to-Air Missile System (NASAMS)", "NASAMS-2", "NASAMS Battery", "NASAMS Batterie"],
    ),
    ("Marder 1A3", "ifv-apc", ["infantry fighting vehicle MARDER", "Marder-1A3"]),
    ("M2 Bradley", "ifv-apc", ["Bradley infantry fighting vehicle", "M-2A3 Bradley", "M2A2 ODS Bradley"]),
]


def seed(apps, schema_editor):
    app_config = apps.get_app_config("pledges")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codenames in GROUP_PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(*Permission.objects.filter(content_type__app_label="pledges", codename__in=codenames))

    Category = apps.get_model("pledges", "Category")
    System = apps.get_model("pledges", "System")
    SystemAlias = apps.get_model("pledges", "SystemAlias")
    for name, category_slug, aliases in SYSTEMS:
        system = System.objects.filter(name=name).first() or System.objects.create(
            name=name, slug=slugify(name), category=Category.objects.get(slug=category_slug)
        )
        for alias in aliases:
            if fold(alias) != fold(name):
                SystemAlias.objects.get_or_create(
                    format="", folded=fold(alias), defaults={"name": alias, "system": system}
                )


def unseed(apps, schema_editor):
    apps.get_model("pledges", "SystemAlias").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("pledges", "0005_datasets")]

    operations = [migrations.RunPython(seed, unseed)]
