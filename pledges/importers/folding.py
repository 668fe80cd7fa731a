"""How importers compare names; no model imports, so migrations can use it too."""

import functools
import re
import unicodedata


@functools.cache  # an import folds the same few thousand names over and over
def fold(text):
    """A name as importers compare it: case, accents, quotes, hyphens and spacing ignored."""
    text = unicodedata.normalize("NFKD", text or "")
    text = "".join(char for char in text if not unicodedata.combining(char))
    text = re.sub(r"['\"`´’]", "", text.casefold())
    text = re.sub(r"[-_\s]+", " ", text)
    return text.strip(" .")
