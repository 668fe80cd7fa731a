"""Imported rows carry why they look implausible; more of the names the three trackers spell differently
line up on /compare/, as a careful reading of the files pairs them (the systems a family of names counts as)."""

from django.db import migrations, models
from django.utils.text import slugify

from pledges.importers.folding import fold

# system, category, names the trackers use (Kiel, SIPRI, Oryx). Batteries are counted as batteries: Oryx's
# "Patriot Launcher" stays its own system. SIPRI and Oryx do not split IRIS-T SLM from SLS: the family is one.
SYSTEMS = [
    ("Patriot", "air-defence", ["Patriot air defense battery", "Patriot Configuration-3", "Patriot Battery"]),
    (
        "IRIS-T SLM/SLS",
        "air-defence",
        ["Iris-T SLM air defence system", "Iris-T SLS air defence system", "IRIS-T SL", "IRIS-T SLS/SLM System"],
    ),
    ("CV90", "ifv-apc", ["CV90 combat vehicle", "CV-90", "CV-90 Mk-4 IFV", "CV9040C", "CV9035NL", "CV9035"]),
    ("NASAMS", "air-defence", ["NASAMS Firing Unit"]),
    ("M113", "ifv-apc", ["M113 Armored Personnel Carrier", "M113AS4", "M113G3DK/G4DK"]),
    ("Stryker", "ifv-apc", ["Stryker Armored Personnel Carriers"]),
    (
        "T-72",
        "tanks",
        ["Modified T-72 tank (T-72A/T-72M1/M1R)", "overhauled T-72", "T-72B", "T-72M1", "T-72A", "T-72EA"]
        + ["T-72M(1)", "T-72M(R)s and T-72M1(R)"],
    ),
    ("Leopard 2R", "ifv-apc", ["Leopard-2R", "Leopard 2R Mine-Clearing Tank"]),
]


def seed(apps, schema_editor):
    Category = apps.get_model("pledges", "Category")
    System = apps.get_model("pledges", "System")
    SystemAlias = apps.get_model("pledges", "SystemAlias")
    for name, category_slug, aliases in SYSTEMS:
        # a record may already hold the system under this name or slug (an editor's, or an import's)
        system = System.objects.filter(
            models.Q(name=name) | models.Q(slug=slugify(name))
        ).first() or System.objects.create(
            name=name, slug=slugify(name), category=Category.objects.get(slug=category_slug)
        )
        for alias in aliases:
            SystemAlias.objects.update_or_create(
                format="", folded=fold(alias), defaults={"name": alias, "system": system}
            )


def unseed(apps, schema_editor):
    SystemAlias = apps.get_model("pledges", "SystemAlias")
    for _name, _category, aliases in SYSTEMS:
        SystemAlias.objects.filter(format="", folded__in=[fold(alias) for alias in aliases]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("pledges", "0020_inbox"),
    ]

    operations = [
        migrations.AddField(
            model_name="historicallineitem",
            name="import_flag",
            field=models.CharField(
                blank=True,
                editable=False,
                help_text="Why the importer found the source's row implausible (its figures disagree); empty if it did not.",
                max_length=300,
            ),
        ),
        migrations.AddField(
            model_name="lineitem",
            name="import_flag",
            field=models.CharField(
                blank=True,
                editable=False,
                help_text="Why the importer found the source's row implausible (its figures disagree); empty if it did not.",
                max_length=300,
            ),
        ),
        migrations.RunPython(seed, unseed),
    ]
