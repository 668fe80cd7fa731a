from django.apps import AppConfig


class PledgesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "pledges"

    def ready(self):
        from .figures import upkeep

        upkeep.connect()
