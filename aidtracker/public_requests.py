"""What a request to the public pages and exports may do: read, with GET or HEAD.

The public pages (the `pledges` URLs) only read. Any other method (POST, PUT, OPTIONS, TRACE…) is a 405
naming the two they answer, before the CSRF check or the view runs: without it a view answered OPTIONS
and TRACE with the whole page, and a POST met the CSRF check's 403, which says nothing about why.
"""

from django.http import HttpResponseNotAllowed

PUBLIC_NAMESPACE = "pledges"
READ_METHODS = ("GET", "HEAD")


class ReadOnlyPublicPagesMiddleware:
    """A 405 for a public page asked with any method but GET or HEAD. Before CsrfViewMiddleware."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if request.resolver_match.namespace == PUBLIC_NAMESPACE and request.method not in READ_METHODS:
            return HttpResponseNotAllowed(READ_METHODS)
        return None
