import django.core.serializers.json
import django.db.models.deletion
from django.conf import settings
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
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
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
        migrations.CreateModel(
            name="Revision",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("changes", models.JSONField(encoder=django.core.serializers.json.DjangoJSONEncoder)),
                ("reason", models.CharField(blank=True, help_text="Why the editor proposed it.", max_length=100)),
                ("proposed_at", models.DateTimeField()),
                (
                    "state",
                    models.CharField(
                        choices=[
                            ("pending", "waiting for review"),
                            ("published", "published"),
                            ("rejected", "rejected"),
                            ("replaced", "replaced by a newer revision"),
                        ],
                        default="pending",
                        max_length=10,
                    ),
                ),
                ("reviewed_at", models.DateTimeField(blank=True, null=True)),
                ("rejection_reason", models.TextField(blank=True)),
                (
                    "delivery",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="revisions",
                        to="pledges.delivery",
                    ),
                ),
                (
                    "line_item",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="revisions",
                        to="pledges.lineitem",
                    ),
                ),
                (
                    "pledge",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="revisions",
                        to="pledges.pledge",
                    ),
                ),
                (
                    "proposed_by",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "reviewed_by",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
            options={
                "ordering": ["-proposed_at"],
                "constraints": [
                    models.CheckConstraint(
                        condition=models.Q(
                            models.Q(
                                ("delivery__isnull", True), ("line_item__isnull", True), ("pledge__isnull", False)
                            ),
                            models.Q(
                                ("delivery__isnull", True), ("line_item__isnull", False), ("pledge__isnull", True)
                            ),
                            models.Q(
                                ("delivery__isnull", False), ("line_item__isnull", True), ("pledge__isnull", True)
                            ),
                            _connector="OR",
                        ),
                        name="revision_of_one_fact",
                        violation_error_message="A revision changes exactly one pledge, line item or delivery.",
                    ),
                    models.UniqueConstraint(
                        condition=models.Q(("state", "pending")),
                        fields=("pledge",),
                        name="revision_one_pending_per_pledge",
                    ),
                    models.UniqueConstraint(
                        condition=models.Q(("state", "pending")),
                        fields=("line_item",),
                        name="revision_one_pending_per_line_item",
                    ),
                    models.UniqueConstraint(
                        condition=models.Q(("state", "pending")),
                        fields=("delivery",),
                        name="revision_one_pending_per_delivery",
                    ),
                ],
            },
        ),
    ]
