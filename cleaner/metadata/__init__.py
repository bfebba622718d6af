"""Title, authors and publication date, read off the text of a page.

``dates.py`` reads dates (many languages, ISO out), ``authors.py`` bylines,
``title.py`` the headline, ``region.py`` where the article's head and tail are.
The ``metadata`` stage (:mod:`cleaner.stages.metadata`) puts them together.
"""
