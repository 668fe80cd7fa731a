"""How importers compare names; no model imports, so migrations can use it too."""

import re
import unicodedata


def fold(text):
    """A name as importers compare it: case, accents, quotes, hyphens and spacing ignored."""
    text = unicodedata.normalize("NFKD", text or "")
    text = "".join(char for char in text if not unicodedata.combining(char))
    text = re.sub(r"['\"`´’]", "", text.casefold())
    text = re.sub(r"[-_\s]+", " ", text)
    return text.strip(" .")
