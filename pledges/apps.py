from django.apps import AppConfig


class PledgesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "pledges"
    verbose_name = "AidTracker record"  # the admin breadcrumb reads "Home › AidTracker record › Pledges"

    def ready(self):
        from .figures import upkeep

        upkeep.connect()
