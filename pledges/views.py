from django.shortcuts import render

from .models import Delivery, Donor, LineItem, Meeting, Pledge, Source


def overview(request):
    ctx = {
        "donors": Donor.objects.count(),
        "meetings": Meeting.objects.count(),
        "pledges": Pledge.objects.count(),
        "sources": Source.objects.count(),
        "line_items": LineItem.objects.record_counts(),
        "deliveries": Delivery.objects.totals(),
    }
    return render(request, "pledges/overview.html", ctx)
