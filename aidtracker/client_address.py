"""The address a request comes from, for the login lockout (django-axes' AXES_CLIENT_IP_CALLABLE).

Behind proxies, REMOTE_ADDR is the nearest proxy's address: every visitor would share it. Each proxy
appends the address it received the request from to X-Forwarded-For, so with TRUSTED_PROXIES = n the
client is the n-th entry from the right; anything further left was written by the client and may be
forged. With no trusted proxy the header is ignored, for the same reason.
"""

from django.conf import settings


def client_address(request):
    trusted = settings.TRUSTED_PROXIES
    if trusted:
        forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
        if len(forwarded) >= trusted and forwarded[-trusted]:
            return forwarded[-trusted]
    # no proxy, or a request that did not come through them all
    return request.META.get("REMOTE_ADDR")
