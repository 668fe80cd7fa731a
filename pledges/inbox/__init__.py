"""The article inbox: a pasted text becomes proposed facts, each with the sentence that supports it.

clean.py keeps the article (drops advertisements, captions, bylines), extract.py reads its sentences
with the record's names (vocabulary.py, numbers.py, dates.py), duplicates.py recognises a text seen
before. Nothing here writes to the database; pledges/inbox/models.py keeps texts and proposals.
"""
