"""The admin's EUR preview: what a value an editor types comes to in euros, before anything is saved.

GET /eur-preview.json?value=30000000&currency=CAD&date=2023-04-21 answers with the EUR value and the
sentence the line item's "Value in EUR" will show once saved. Without a date, `meeting=<id>` dates it as the
pledge form does (admin_forms.PledgeForm): the meeting's first day. It converts an unsaved line item the way
LineItem.save() does (pledges/money.py), so the preview and the stored value cannot differ. Bad input is
a 400 naming each parameter and what is wrong; a currency without an ECB rate is an answer, not an error.
"""

from django import forms
from django.contrib.admin.views.decorators import staff_member_required
from django.http import JsonResponse
from django.views.decorators.http import require_GET

from . import money
from .admin import eur_explained
from .models import LineItem, Meeting, Pledge


class PreviewForm(forms.Form):
    value = forms.DecimalField(min_value=0, max_digits=20, decimal_places=2)
    currency = forms.ChoiceField(choices=money.CURRENCY_CHOICES)
    date = forms.DateField(input_formats=["%Y-%m-%d"], required=False)
    meeting = forms.ModelChoiceField(Meeting.objects.all(), required=False)

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("date") is None and "date" not in self.errors:
            if cleaned.get("meeting") is None:
                self.add_error("date", "Give the pledge's date or its meeting.")
            else:
                cleaned["date"] = cleaned["meeting"].starts_on
        return cleaned


@require_GET
@staff_member_required
def eur_preview(request):
    form = PreviewForm(request.GET)
    if not form.is_valid():
        return JsonResponse({"errors": form.errors}, status=400)
    item = LineItem(
        pledge=Pledge(date=form.cleaned_data["date"]),
        value_reported=form.cleaned_data["value"],
        currency=form.cleaned_data["currency"],
    )
    item.convert_value()
    value_eur = None if item.value_eur is None else str(item.value_eur)
    return JsonResponse({"value_eur": value_eur, "text": eur_explained(item)})
