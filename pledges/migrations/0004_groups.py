"""The user groups: editors enter and correct the record, analysts read it."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

RECORD_MODELS = [
    "donor",
    "donorgroup",
    "meeting",
    "meetingcitation",
    "category",
    "system",
    "source",
    "pledge",
    "pledgecitation",
    "lineitem",
    "lineitemcitation",
    "delivery",
    "deliverycitation",
]
GROUPS = {
    "Editor": ("add", "change", "delete", "view"),
    "Analyst": ("view",),
}


def add_groups(apps, schema_editor):
    # permissions are normally created after migrations; the groups need them now
    app_config = apps.get_app_config("pledges")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, actions in GROUPS.items():
        group, _ = Group.objects.get_or_create(name=name)
        codenames = [f"{action}_{model}" for action in actions for model in RECORD_MODELS]
        group.permissions.set(Permission.objects.filter(content_type__app_label="pledges", codename__in=codenames))


def remove_groups(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=GROUPS).delete()


class Migration(migrations.Migration):
    dependencies = [("pledges", "0003_categories"), ("auth", "0012_alter_user_first_name_max_length")]

    operations = [migrations.RunPython(add_groups, remove_groups)]
