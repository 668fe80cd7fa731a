"""Review before publishing and the history of the record (issue 5).

- Pledges, line items and deliveries get a publication state. Facts already in the database were
  public before review existed: they are marked published.
- Historical tables (django-simple-history) for the record's models and their citations.
- The triggers of migration 0002 count published deliveries only into a line item's
  quantity_delivered and delivery_count, so a draft or retracted delivery changes no public figure.
  SQLite loses its triggers when Django rebuilds a table to add a NOT NULL column: they are dropped
  first and created again, in their new form, at the end (as in 0005). The triggers as they stand
  now are defined in pledges/triggers.py, and the project's SQLite backend (aidtracker/sqlite_backend)
  keeps them through later rebuilds; this module's SQL stays as it ran, so the migrations replay.
- Releases: numbered states of the published record, each with a copy of its exported rows.
- The Reviewer group: what editors may do, plus publishing, retracting and cutting releases.
"""

import importlib
import re

import django.core.validators
import django.db.models.deletion
import simple_history.models
from django.conf import settings
from django.contrib.auth.management import create_permissions
from django.db import migrations, models
from django.utils import timezone

TRIGGERS = importlib.import_module("pledges.migrations.0002_delivery_triggers")

ALL_DELIVERIES = "FROM pledges_delivery WHERE line_item_id = "
PUBLISHED_DELIVERIES = "FROM pledges_delivery WHERE publication = 'published' AND line_item_id = "
SQLITE = [statement.replace(ALL_DELIVERIES, PUBLISHED_DELIVERIES) for statement in TRIGGERS.SQLITE]

POSTGRESQL_RECOUNT = """
    CREATE OR REPLACE FUNCTION pledges_lineitem_delivered_totals() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      SELECT COALESCE(SUM(quantity), 0), COUNT(*) INTO NEW.quantity_delivered, NEW.delivery_count
        FROM pledges_delivery WHERE line_item_id = NEW.id{published};
      RETURN NEW;
    END $$;
"""
RECOUNT_ALL = "UPDATE pledges_lineitem SET delivery_count = delivery_count"

REVIEWED = ["pledge", "lineitem", "delivery"]


def drop_sqlite_triggers(apps, schema_editor):
    if schema_editor.connection.vendor != "sqlite":
        return
    for statement in TRIGGERS.SQLITE:
        name = re.search(r"CREATE TRIGGER (\w+)", statement)[1]
        schema_editor.execute(f"DROP TRIGGER IF EXISTS {name}", params=None)


def _create_triggers(schema_editor, sqlite, published):
    if schema_editor.connection.vendor == "sqlite":
        drop_sqlite_triggers(None, schema_editor)
        for statement in sqlite:
            schema_editor.execute(statement, params=None)
    else:
        schema_editor.execute(POSTGRESQL_RECOUNT.format(published=published), params=None)
    schema_editor.execute(RECOUNT_ALL, params=None)


def count_published_deliveries(apps, schema_editor):
    _create_triggers(schema_editor, SQLITE, " AND publication = 'published'")


def count_all_deliveries(apps, schema_editor):
    _create_triggers(schema_editor, TRIGGERS.SQLITE, "")


def publish_existing_facts(apps, schema_editor):
    now = timezone.now()
    for model_name in REVIEWED:
        apps.get_model("pledges", model_name).objects.update(publication="published", published_at=now)


def add_reviewer_group(apps, schema_editor):
    app_config = apps.get_app_config("pledges")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    reviewer, _ = Group.objects.get_or_create(name="Reviewer")
    editor_permissions = Group.objects.get(name="Editor").permissions.all()
    review = Permission.objects.filter(
        content_type__app_label="pledges", codename__in=[f"review_{model}" for model in REVIEWED]
    )
    reviewer.permissions.set([*editor_permissions, *review, *Permission.objects.filter(codename="add_release")])
    view_release = Permission.objects.get(codename="view_release")
    for group in Group.objects.filter(name__in=["Editor", "Reviewer", "Analyst"]):
        group.permissions.add(view_release)


def remove_reviewer_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name="Reviewer").delete()


class Migration(migrations.Migration):
    dependencies = [
        ("pledges", "0006_dataset_permissions_and_aliases"),
        ("auth", "0012_alter_user_first_name_max_length"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.RunPython(drop_sqlite_triggers, count_all_deliveries),
        migrations.AlterModelOptions(
            name="delivery",
            options={
                "ordering": ["-date"],
                "permissions": [("review_delivery", "Can publish and retract deliveries")],
                "verbose_name_plural": "deliveries",
            },
        ),
        migrations.AlterModelOptions(
            name="lineitem",
            options={
                "ordering": ["pledge", "id"],
                "permissions": [("review_lineitem", "Can publish and retract line items")],
            },
        ),
        migrations.AlterModelOptions(
            name="pledge",
            options={
                "ordering": ["-date", "donor__name"],
                "permissions": [("review_pledge", "Can publish and retract pledges")],
            },
        ),
        migrations.AddField(
            model_name="delivery",
            name="publication",
            field=models.CharField(
                choices=[("draft", "draft"), ("published", "published"), ("retracted", "retracted")],
                default="draft",
                editable=False,
                max_length=10,
            ),
        ),
        migrations.AddField(
            model_name="delivery",
            name="published_at",
            field=models.DateTimeField(
                blank=True,
                editable=False,
                help_text="When last published. A fact once published is never deleted.",
                null=True,
            ),
        ),
        migrations.AddField(
            model_name="delivery",
            name="retraction_reason",
            field=models.TextField(blank=True, editable=False),
        ),
        migrations.AddField(
            model_name="delivery",
            name="reviewed_at",
            field=models.DateTimeField(blank=True, editable=False, null=True),
        ),
        migrations.AddField(
            model_name="delivery",
            name="reviewed_by",
            field=models.ForeignKey(
                blank=True,
                editable=False,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
            ),
        ),
        migrations.AddField(
            model_name="lineitem",
            name="publication",
            field=models.CharField(
                choices=[("draft", "draft"), ("published", "published"), ("retracted", "retracted")],
                default="draft",
                editable=False,
                max_length=10,
            ),
        ),
        migrations.AddField(
            model_name="lineitem",
            name="published_at",
            field=models.DateTimeField(
                blank=True,
                editable=False,
                help_text="When last published. A fact once published is never deleted.",
                null=True,
            ),
        ),
        migrations.AddField(
            model_name="lineitem",
            name="retraction_reason",
            field=models.TextField(blank=True, editable=False),
        ),
        migrations.AddField(
            model_name="lineitem",
            name="reviewed_at",
            field=models.DateTimeField(blank=True, editable=False, null=True),
        ),
        migrations.AddField(
            model_name="lineitem",
            name="reviewed_by",
            field=models.ForeignKey(
                blank=True,
                editable=False,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
            ),
        ),
        migrations.AddField(
            model_name="pledge",
            name="publication",
            field=models.CharField(
                choices=[("draft", "draft"), ("published", "published"), ("retracted", "retracted")],
                default="draft",
                editable=False,
                max_length=10,
            ),
        ),
        migrations.AddField(
            model_name="pledge",
            name="published_at",
            field=models.DateTimeField(
                blank=True,
                editable=False,
                help_text="When last published. A fact once published is never deleted.",
                null=True,
            ),
        ),
        migrations.AddField(
            model_name="pledge",
            name="retraction_reason",
            field=models.TextField(blank=True, editable=False),
        ),
        migrations.AddField(
            model_name="pledge",
            name="reviewed_at",
            field=models.DateTimeField(blank=True, editable=False, null=True),
        ),
        migrations.AddField(
            model_name="pledge",
            name="reviewed_by",
            field=models.ForeignKey(
                blank=True,
                editable=False,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
            ),
        ),
        migrations.CreateModel(
            name="HistoricalDelivery",
            fields=[
                ("id", models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name="ID")),
                (
                    "publication",
                    models.CharField(
                        choices=[("draft", "draft"), ("published", "published"), ("retracted", "retracted")],
                        default="draft",
                        editable=False,
                        max_length=10,
                    ),
                ),
                (
                    "published_at",
                    models.DateTimeField(
                        blank=True,
                        editable=False,
                        help_text="When last published. A fact once published is never deleted.",
                        null=True,
                    ),
                ),
                ("reviewed_at", models.DateTimeField(blank=True, editable=False, null=True)),
                ("retraction_reason", models.TextField(blank=True, editable=False)),
                ("date", models.DateField()),
                (
                    "date_precision",
                    models.CharField(
                        choices=[
                            ("day", "day"),
                            ("month", "month"),
                            ("quarter", "quarter"),
                            ("year", "year"),
                            ("on_or_before", "on or before"),
                        ],
                        default="day",
                        max_length=12,
                    ),
                ),
                (
                    "quantity",
                    models.PositiveIntegerField(
                        blank=True,
                        help_text="Leave empty when the source gives none.",
                        null=True,
                        validators=[django.core.validators.MinValueValidator(1)],
                    ),
                ),
                (
                    "quantity_uncertain",
                    models.BooleanField(
                        default=False, help_text="The source marks the quantity as uncertain (SIPRI '?')."
                    ),
                ),
                ("notes", models.TextField(blank=True)),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.CharField(max_length=100, null=True)),
                (
                    "history_type",
                    models.CharField(choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1),
                ),
                (
                    "history_user",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "line_item",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="pledges.lineitem",
                    ),
                ),
                (
                    "reviewed_by",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        editable=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
            options={
                "verbose_name": "historical delivery",
                "verbose_name_plural": "historical deliveries",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalDeliveryCitation",
            fields=[
                ("id", models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name="ID")),
                ("quote", models.TextField(help_text="The passage of the source that supports the fact, verbatim.")),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.CharField(max_length=100, null=True)),
                (
                    "history_type",
                    models.CharField(choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1),
                ),
                (
                    "delivery",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="pledges.delivery",
                    ),
                ),
                (
                    "history_user",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "source",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="pledges.source",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical delivery citation",
                "verbose_name_plural": "historical delivery citations",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalLineItem",
            fields=[
                ("id", models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name="ID")),
                (
                    "publication",
                    models.CharField(
                        choices=[("draft", "draft"), ("published", "published"), ("retracted", "retracted")],
                        default="draft",
                        editable=False,
                        max_length=10,
                    ),
                ),
                (
                    "published_at",
                    models.DateTimeField(
                        blank=True,
                        editable=False,
                        help_text="When last published. A fact once published is never deleted.",
                        null=True,
                    ),
                ),
                ("reviewed_at", models.DateTimeField(blank=True, editable=False, null=True)),
                ("retraction_reason", models.TextField(blank=True, editable=False)),
                ("description", models.CharField(blank=True, max_length=300)),
                (
                    "quantity",
                    models.PositiveIntegerField(
                        blank=True,
                        help_text="Leave empty when the source gives none.",
                        null=True,
                        validators=[django.core.validators.MinValueValidator(1)],
                    ),
                ),
                ("unit", models.CharField(default="units", max_length=50)),
                (
                    "value_reported",
                    models.DecimalField(
                        blank=True,
                        decimal_places=2,
                        help_text="As the source states it; empty if none.",
                        max_digits=18,
                        null=True,
                        validators=[django.core.validators.MinValueValidator(0)],
                    ),
                ),
                (
                    "currency",
                    models.CharField(
                        blank=True,
                        choices=[
                            ("AED", "AED – UAE Dirham"),
                            ("AFN", "AFN – Afghani"),
                            ("ALL", "ALL – Lek"),
                            ("AMD", "AMD – Armenian Dram"),
                            ("AOA", "AOA – Kwanza"),
                            ("ARS", "ARS – Argentine Peso"),
                            ("AUD", "AUD – Australian Dollar"),
                            ("AWG", "AWG – Aruban Florin"),
                            ("AZN", "AZN – Azerbaijan Manat"),
                            ("BAM", "BAM – Convertible Mark"),
                            ("BBD", "BBD – Barbados Dollar"),
                            ("BDT", "BDT – Taka"),
                            ("BHD", "BHD – Bahraini Dinar"),
                            ("BIF", "BIF – Burundi Franc"),
                            ("BMD", "BMD – Bermudian Dollar"),
                            ("BND", "BND – Brunei Dollar"),
                            ("BOB", "BOB – Boliviano"),
                            ("BOV", "BOV – Mvdol"),
                            ("BRL", "BRL – Brazilian Real"),
                            ("BSD", "BSD – Bahamian Dollar"),
                            ("BTN", "BTN – Ngultrum"),
                            ("BWP", "BWP – Pula"),
                            ("BYN", "BYN – Belarusian Ruble"),
                            ("BZD", "BZD – Belize Dollar"),
                            ("CAD", "CAD – Canadian Dollar"),
                            ("CDF", "CDF – Congolese Franc"),
                            ("CHE", "CHE – WIR Euro"),
                            ("CHF", "CHF – Swiss Franc"),
                            ("CHW", "CHW – WIR Franc"),
                            ("CLF", "CLF – Unidad de Fomento"),
                            ("CLP", "CLP – Chilean Peso"),
                            ("CNY", "CNY – Yuan Renminbi"),
                            ("COP", "COP – Colombian Peso"),
                            ("COU", "COU – Unidad de Valor Real"),
                            ("CRC", "CRC – Costa Rican Colon"),
                            ("CUP", "CUP – Cuban Peso"),
                            ("CVE", "CVE – Cabo Verde Escudo"),
                            ("CZK", "CZK – Czech Koruna"),
                            ("DJF", "DJF – Djibouti Franc"),
                            ("DKK", "DKK – Danish Krone"),
                            ("DOP", "DOP – Dominican Peso"),
                            ("DZD", "DZD – Algerian Dinar"),
                            ("EGP", "EGP – Egyptian Pound"),
                            ("ERN", "ERN – Nakfa"),
                            ("ETB", "ETB – Ethiopian Birr"),
                            ("EUR", "EUR – Euro"),
                            ("FJD", "FJD – Fiji Dollar"),
                            ("FKP", "FKP – Falkland Islands Pound"),
                            ("GBP", "GBP – Pound Sterling"),
                            ("GEL", "GEL – Lari"),
                            ("GHS", "GHS – Ghana Cedi"),
                            ("GIP", "GIP – Gibraltar Pound"),
                            ("GMD", "GMD – Dalasi"),
                            ("GNF", "GNF – Guinean Franc"),
                            ("GTQ", "GTQ – Quetzal"),
                            ("GYD", "GYD – Guyana Dollar"),
                            ("HKD", "HKD – Hong Kong Dollar"),
                            ("HNL", "HNL – Lempira"),
                            ("HTG", "HTG – Gourde"),
                            ("HUF", "HUF – Forint"),
                            ("IDR", "IDR – Rupiah"),
                            ("ILS", "ILS – New Israeli Sheqel"),
                            ("INR", "INR – Indian Rupee"),
                            ("IQD", "IQD – Iraqi Dinar"),
                            ("IRR", "IRR – Iranian Rial"),
                            ("ISK", "ISK – Iceland Krona"),
                            ("JMD", "JMD – Jamaican Dollar"),
                            ("JOD", "JOD – Jordanian Dinar"),
                            ("JPY", "JPY – Yen"),
                            ("KES", "KES – Kenyan Shilling"),
                            ("KGS", "KGS – Som"),
                            ("KHR", "KHR – Riel"),
                            ("KMF", "KMF – Comorian Franc"),
                            ("KPW", "KPW – North Korean Won"),
                            ("KRW", "KRW – Won"),
                            ("KWD", "KWD – Kuwaiti Dinar"),
                            ("KYD", "KYD – Cayman Islands Dollar"),
                            ("KZT", "KZT – Tenge"),
                            ("LAK", "LAK – Lao Kip"),
                            ("LBP", "LBP – Lebanese Pound"),
                            ("LKR", "LKR – Sri Lanka Rupee"),
                            ("LRD", "LRD – Liberian Dollar"),
                            ("LSL", "LSL – Loti"),
                            ("LYD", "LYD – Libyan Dinar"),
                            ("MAD", "MAD – Moroccan Dirham"),
                            ("MDL", "MDL – Moldovan Leu"),
                            ("MGA", "MGA – Malagasy Ariary"),
                            ("MKD", "MKD – Denar"),
                            ("MMK", "MMK – Kyat"),
                            ("MNT", "MNT – Tugrik"),
                            ("MOP", "MOP – Pataca"),
                            ("MRU", "MRU – Ouguiya"),
                            ("MUR", "MUR – Mauritius Rupee"),
                            ("MVR", "MVR – Rufiyaa"),
                            ("MWK", "MWK – Malawi Kwacha"),
                            ("MXN", "MXN – Mexican Peso"),
                            ("MXV", "MXV – Mexican Unidad de Inversion (UDI)"),
                            ("MYR", "MYR – Malaysian Ringgit"),
                            ("MZN", "MZN – Mozambique Metical"),
                            ("NAD", "NAD – Namibia Dollar"),
                            ("NGN", "NGN – Naira"),
                            ("NIO", "NIO – Cordoba Oro"),
                            ("NOK", "NOK – Norwegian Krone"),
                            ("NPR", "NPR – Nepalese Rupee"),
                            ("NZD", "NZD – New Zealand Dollar"),
                            ("OMR", "OMR – Rial Omani"),
                            ("PAB", "PAB – Balboa"),
                            ("PEN", "PEN – Sol"),
                            ("PGK", "PGK – Kina"),
                            ("PHP", "PHP – Philippine Peso"),
                            ("PKR", "PKR – Pakistan Rupee"),
                            ("PLN", "PLN – Zloty"),
                            ("PYG", "PYG – Guarani"),
                            ("QAR", "QAR – Qatari Rial"),
                            ("RON", "RON – Romanian Leu"),
                            ("RSD", "RSD – Serbian Dinar"),
                            ("RUB", "RUB – Russian Ruble"),
                            ("RWF", "RWF – Rwanda Franc"),
                            ("SAR", "SAR – Saudi Riyal"),
                            ("SBD", "SBD – Solomon Islands Dollar"),
                            ("SCR", "SCR – Seychelles Rupee"),
                            ("SDG", "SDG – Sudanese Pound"),
                            ("SEK", "SEK – Swedish Krona"),
                            ("SGD", "SGD – Singapore Dollar"),
                            ("SHP", "SHP – Saint Helena Pound"),
                            ("SLE", "SLE – Leone"),
                            ("SOS", "SOS – Somali Shilling"),
                            ("SRD", "SRD – Surinam Dollar"),
                            ("SSP", "SSP – South Sudanese Pound"),
                            ("STN", "STN – Dobra"),
                            ("SVC", "SVC – El Salvador Colon"),
                            ("SYP", "SYP – Syrian Pound"),
                            ("SZL", "SZL – Lilangeni"),
                            ("THB", "THB – Baht"),
                            ("TJS", "TJS – Somoni"),
                            ("TMT", "TMT – Turkmenistan New Manat"),
                            ("TND", "TND – Tunisian Dinar"),
                            ("TOP", "TOP – Pa’anga"),
                            ("TRY", "TRY – Turkish Lira"),
                            ("TTD", "TTD – Trinidad and Tobago Dollar"),
                            ("TWD", "TWD – New Taiwan Dollar"),
                            ("TZS", "TZS – Tanzanian Shilling"),
                            ("UAH", "UAH – Hryvnia"),
                            ("UGX", "UGX – Uganda Shilling"),
                            ("USD", "USD – US Dollar"),
                            ("USN", "USN – US Dollar (Next day)"),
                            ("UYI", "UYI – Uruguay Peso en Unidades Indexadas (UI)"),
                            ("UYU", "UYU – Peso Uruguayo"),
                            ("UYW", "UYW – Unidad Previsional"),
                            ("UZS", "UZS – Uzbekistan Sum"),
                            ("VED", "VED – Bolívar Soberano"),
                            ("VES", "VES – Bolívar Soberano"),
                            ("VND", "VND – Dong"),
                            ("VUV", "VUV – Vatu"),
                            ("WST", "WST – Tala"),
                            ("XAD", "XAD – Arab Accounting Dinar"),
                            ("XAF", "XAF – CFA Franc BEAC"),
                            ("XAG", "XAG – Silver"),
                            ("XAU", "XAU – Gold"),
                            ("XBA", "XBA – Bond Markets Unit European Composite Unit (EURCO)"),
                            ("XBB", "XBB – Bond Markets Unit European Monetary Unit (E.M.U.-6)"),
                            ("XBC", "XBC – Bond Markets Unit European Unit of Account 9 (E.U.A.-9)"),
                            ("XBD", "XBD – Bond Markets Unit European Unit of Account 17 (E.U.A.-17)"),
                            ("XCD", "XCD – East Caribbean Dollar"),
                            ("XCG", "XCG – Caribbean Guilder"),
                            ("XDR", "XDR – SDR (Special Drawing Right)"),
                            ("XOF", "XOF – CFA Franc BCEAO"),
                            ("XPD", "XPD – Palladium"),
                            ("XPF", "XPF – CFP Franc"),
                            ("XPT", "XPT – Platinum"),
                            ("XSU", "XSU – Sucre"),
                            ("XTS", "XTS – Codes specifically reserved for testing purposes"),
                            ("XUA", "XUA – ADB Unit of Account"),
                            ("XXX", "XXX – The codes assigned for transactions where no currency is involved"),
                            ("YER", "YER – Yemeni Rial"),
                            ("ZAR", "ZAR – Rand"),
                            ("ZMW", "ZMW – Zambian Kwacha"),
                            ("ZWG", "ZWG – Zimbabwe Gold"),
                        ],
                        max_length=3,
                    ),
                ),
                (
                    "value_basis",
                    models.CharField(
                        choices=[
                            ("reported", "reported by the source"),
                            ("estimated", "estimated from a unit price"),
                            ("unknown", "not known"),
                        ],
                        default="unknown",
                        max_length=10,
                    ),
                ),
                ("value_eur", models.DecimalField(decimal_places=2, editable=False, max_digits=18, null=True)),
                (
                    "eur_rate",
                    models.DecimalField(
                        decimal_places=10,
                        editable=False,
                        help_text="Euros per unit of the currency.",
                        max_digits=20,
                        null=True,
                    ),
                ),
                ("eur_rate_date", models.DateField(editable=False, null=True)),
                (
                    "funding_mode",
                    models.CharField(
                        choices=[
                            ("stocks", "from the donor's stocks"),
                            ("procured", "procured from industry"),
                            ("financed", "financed for another supplier"),
                            ("joint", "jointly with co-funders"),
                            ("unknown", "not stated"),
                        ],
                        default="unknown",
                        max_length=10,
                    ),
                ),
                (
                    "stage",
                    models.CharField(
                        choices=[("announced", "announced"), ("committed", "committed"), ("cancelled", "cancelled")],
                        default="announced",
                        help_text="Where the pledge stands before deliveries; deliveries then set the status.",
                        max_length=10,
                    ),
                ),
                (
                    "over_delivery_confirmed",
                    models.BooleanField(
                        default=False, help_text="Tick when the sources confirm more was delivered than pledged."
                    ),
                ),
                (
                    "quantity_uncertain",
                    models.BooleanField(
                        default=False, help_text="The source marks the quantity as uncertain (SIPRI '?')."
                    ),
                ),
                (
                    "dataset_key",
                    models.CharField(
                        blank=True,
                        editable=False,
                        help_text="The source row's identity, for imported line items.",
                        max_length=200,
                    ),
                ),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.CharField(max_length=100, null=True)),
                (
                    "history_type",
                    models.CharField(choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1),
                ),
                (
                    "category",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="pledges.category",
                    ),
                ),
                (
                    "history_user",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "pledge",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="pledges.pledge",
                    ),
                ),
                (
                    "reviewed_by",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        editable=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "system",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="pledges.system",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical line item",
                "verbose_name_plural": "historical line items",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalLineItemCitation",
            fields=[
                ("id", models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name="ID")),
                ("quote", models.TextField(help_text="The passage of the source that supports the fact, verbatim.")),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.CharField(max_length=100, null=True)),
                (
                    "history_type",
                    models.CharField(choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1),
                ),
                (
                    "history_user",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "line_item",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="pledges.lineitem",
                    ),
                ),
                (
                    "source",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="pledges.source",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical line item citation",
                "verbose_name_plural": "historical line item citations",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalMeeting",
            fields=[
                ("id", models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name="ID")),
                (
                    "kind",
                    models.CharField(
                        choices=[
                            ("udcg", "Ukraine Defense Contact Group (Ramstein format)"),
                            ("nato_ministerial", "NATO defence ministerial"),
                            ("summit", "summit"),
                            ("visit", "bilateral visit"),
                            ("other", "other"),
                        ],
                        max_length=20,
                    ),
                ),
                (
                    "number",
                    models.PositiveSmallIntegerField(
                        blank=True,
                        help_text="The contact group's running number (the 11th met at Ramstein).",
                        null=True,
                    ),
                ),
                ("name", models.CharField(max_length=200)),
                ("slug", models.SlugField()),
                ("starts_on", models.DateField()),
                (
                    "ends_on",
                    models.DateField(blank=True, help_text="Last day, for meetings over several days.", null=True),
                ),
                ("place", models.CharField(max_length=200)),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.CharField(max_length=100, null=True)),
                (
                    "history_type",
                    models.CharField(choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1),
                ),
                (
                    "history_user",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
            options={
                "verbose_name": "historical meeting",
                "verbose_name_plural": "historical meetings",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalMeetingCitation",
            fields=[
                ("id", models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name="ID")),
                ("quote", models.TextField(help_text="The passage of the source that supports the fact, verbatim.")),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.CharField(max_length=100, null=True)),
                (
                    "history_type",
                    models.CharField(choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1),
                ),
                (
                    "history_user",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "meeting",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="pledges.meeting",
                    ),
                ),
                (
                    "source",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="pledges.source",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical meeting citation",
                "verbose_name_plural": "historical meeting citations",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalPledge",
            fields=[
                ("id", models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name="ID")),
                (
                    "publication",
                    models.CharField(
                        choices=[("draft", "draft"), ("published", "published"), ("retracted", "retracted")],
                        default="draft",
                        editable=False,
                        max_length=10,
                    ),
                ),
                (
                    "published_at",
                    models.DateTimeField(
                        blank=True,
                        editable=False,
                        help_text="When last published. A fact once published is never deleted.",
                        null=True,
                    ),
                ),
                ("reviewed_at", models.DateTimeField(blank=True, editable=False, null=True)),
                ("retraction_reason", models.TextField(blank=True, editable=False)),
                ("date", models.DateField()),
                (
                    "date_precision",
                    models.CharField(
                        choices=[
                            ("day", "day"),
                            ("month", "month"),
                            ("quarter", "quarter"),
                            ("year", "year"),
                            ("on_or_before", "on or before"),
                        ],
                        default="day",
                        max_length=12,
                    ),
                ),
                ("title", models.CharField(help_text="What the announcement is known as.", max_length=300)),
                ("notes", models.TextField(blank=True, help_text="Editorial notes: what the sources leave open.")),
                (
                    "dataset_key",
                    models.CharField(
                        blank=True,
                        editable=False,
                        help_text="The pledge's identity within its dataset.",
                        max_length=200,
                    ),
                ),
                (
                    "date_uncertain",
                    models.BooleanField(default=False, help_text="The source marks the date as uncertain (SIPRI '?')."),
                ),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.CharField(max_length=100, null=True)),
                (
                    "history_type",
                    models.CharField(choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1),
                ),
                (
                    "dataset",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        editable=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="pledges.dataset",
                    ),
                ),
                (
                    "donor",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="pledges.donor",
                    ),
                ),
                (
                    "history_user",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "meeting",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="pledges.meeting",
                    ),
                ),
                (
                    "reviewed_by",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        editable=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
            options={
                "verbose_name": "historical pledge",
                "verbose_name_plural": "historical pledges",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalPledgeCitation",
            fields=[
                ("id", models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name="ID")),
                ("quote", models.TextField(help_text="The passage of the source that supports the fact, verbatim.")),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.CharField(max_length=100, null=True)),
                (
                    "history_type",
                    models.CharField(choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1),
                ),
                (
                    "history_user",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "pledge",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="pledges.pledge",
                    ),
                ),
                (
                    "source",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="pledges.source",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical pledge citation",
                "verbose_name_plural": "historical pledge citations",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalSource",
            fields=[
                ("id", models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name="ID")),
                ("title", models.CharField(max_length=300)),
                ("url", models.URLField(blank=True, max_length=500)),
                (
                    "archive_ref",
                    models.CharField(
                        blank=True,
                        help_text="Where a copy is kept, when the URL is unknown or may disappear.",
                        max_length=300,
                    ),
                ),
                ("publisher", models.CharField(blank=True, max_length=200)),
                ("published_on", models.DateField(blank=True, null=True)),
                (
                    "kind",
                    models.CharField(
                        choices=[
                            ("official", "official"),
                            ("media", "media"),
                            ("osint", "OSINT"),
                            ("dataset", "dataset"),
                        ],
                        max_length=10,
                    ),
                ),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.CharField(max_length=100, null=True)),
                (
                    "history_type",
                    models.CharField(choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1),
                ),
                (
                    "history_user",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
            options={
                "verbose_name": "historical source",
                "verbose_name_plural": "historical sources",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="Release",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("number", models.PositiveIntegerField(editable=False, unique=True)),
                ("published_on", models.DateField(help_text="The date the release is cited by.")),
                (
                    "notes",
                    models.TextField(blank=True, help_text="What changed, in a sentence or two, for the readers."),
                ),
                ("cut_at", models.DateTimeField(auto_now_add=True)),
                (
                    "cut_by",
                    models.ForeignKey(
                        blank=True,
                        editable=False,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
            options={
                "ordering": ["-number"],
            },
        ),
        migrations.CreateModel(
            name="ReleaseRow",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                (
                    "table",
                    models.CharField(
                        help_text="The export the row belongs to: line_items or deliveries.", max_length=20
                    ),
                ),
                ("object_id", models.BigIntegerField()),
                ("position", models.PositiveIntegerField(help_text="Order in the export.")),
                (
                    "publication",
                    models.CharField(
                        choices=[("draft", "draft"), ("published", "published"), ("retracted", "retracted")],
                        max_length=10,
                    ),
                ),
                ("values", models.JSONField()),
                ("digest", models.CharField(help_text="SHA-256 of the values: whether a row changed.", max_length=64)),
                ("donor_slug", models.CharField(max_length=50)),
                (
                    "donor_groups",
                    models.CharField(blank=True, help_text="'|nato|eu|': the groups then.", max_length=300),
                ),
                ("category_slug", models.CharField(max_length=50)),
                ("system_slug", models.CharField(blank=True, max_length=50)),
                ("meeting_slug", models.CharField(blank=True, max_length=50)),
                ("dataset_slug", models.CharField(blank=True, max_length=50)),
                ("status", models.CharField(max_length=20)),
                ("date", models.DateField()),
                ("value_eur", models.DecimalField(decimal_places=2, max_digits=18, null=True)),
                ("search_text", models.TextField(blank=True)),
                (
                    "release",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE, related_name="rows", to="pledges.release"
                    ),
                ),
            ],
            options={
                "ordering": ["release", "table", "position"],
                "indexes": [models.Index(fields=["release", "table", "position"], name="releaserow_release_table_idx")],
                "constraints": [
                    models.UniqueConstraint(
                        fields=("release", "table", "object_id"), name="releaserow_unique_per_release"
                    )
                ],
            },
        ),
        migrations.RunPython(publish_existing_facts, migrations.RunPython.noop),
        migrations.RunPython(count_published_deliveries, drop_sqlite_triggers),
        migrations.RunPython(add_reviewer_group, remove_reviewer_group),
    ]
