"""The Content-Security-Policy header on every response: the public pages, the exports, the admin, static files.

The policy lives in settings.SECURE_CSP, a dict of directives to their sources, as Django 6.0 names its own
(django.middleware.csp arrives with Django 6, which needs Python 3.12): moving to it is deleting this module.
Eight lines of our own rather than a package: the policy is one fixed header, no nonces, no reports.
Pages may run scripts and styles from our own origin only; chart data comes in <script type="application/json">
blocks, which a browser never runs, so the policy needs no 'unsafe-inline'.
"""

from django.conf import settings


def content_security_policy_middleware(get_response):
    policy = "; ".join(" ".join([directive, *sources]) for directive, sources in settings.SECURE_CSP.items())

    def middleware(request):
        response = get_response(request)
        response.headers.setdefault("Content-Security-Policy", policy)
        return response

    return middleware
