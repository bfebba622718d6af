"""Find the reader discussion and split it into comments.

The discussion is found as a whole, not line by line. Every line is first read
for markers (:mod:`cleaner.markers`: comment headers such as "NAME says: DATE",
"by NAME on DATE", a name over "2 days ago"; reply and edit notes; chrome such
as "Reply" or "12 points"; a discussion heading; the comment form). Then every
block gets a score for how much it reads like part of a discussion against how
much it reads like the article or page chrome, and the section is a contiguous
run of blocks with a high total. The evidence, combined across neighbours:

* **headers with a body**: a header counts in full only when a comment body
  sits beside it (after it, or before it on pages whose headers follow the
  comment, which is read off the page). A date over an article or a name over a
  product paragraph is a header without a discussion; so a discussion needs
  two or more headers of one format (a page repeats its comment header), or a
  discussion heading ("23 Responses to …") before its first header; bare names
  over comments count only under such a heading, and a Title Case line in the
  page's own words ("Rental Agreement") is a subheading, not a name;
* **threaded lists** (Disqus and its kind): bullets that hold only a name,
  perhaps after the commenter's profile link, with the comment indented under
  them (markdown prints it flush left) and replies nested deeper. Two items
  of one list in a reader's voice (or under profile links) make it a thread,
  and every item of it a comment header; the thread ends with the text of its
  last item, and the nesting gives each reply its ``reply_to``;
* **attachment**: the first paragraphs after (before) a header are its
  comment's body and borrow evidence from it;
* **voice and layout**: first and second person, lowercase starts, missing
  full stops, "!!", a lasting change to more blank lines than the article
  uses. Voice alone never grows the discussion: a block without structure can
  only cost (an op-ed is written in the first person). The one discussion
  without any header (names, replies and edit notes only, seed 003) shows
  itself by the lasting change of layout;
* **against**: long punctuated third-person prose, menus and lists of links.

The run starts at a discussion heading when one precedes the first header,
is cut where headers are an article's length apart or a menu stands between
them, never runs past the comment form once no header follows, and is given
up if the page says "No comments". A sidebar of dated teasers can outscore a
short discussion, so the next-best runs are tried too. This stage runs before
the page-structure stage, which leaves the discussion alone: short informal
comments look like chrome to it.

Where to look, by what you want to change:

* ``voice.py``: what a paragraph reads like (a reader, a sentence, a menu);
* ``units.py``: the line as these stages see it, and whether a line is a name;
* ``reading.py``: every line read for markers, and which headers have a body;
* ``threads.py``: threaded lists (names as list items, replies nested);
* ``evidence.py``: the score of every block;
* ``edges.py``: where a candidate run starts and ends;
* ``section.py``: the ``comments`` stage (which run is the discussion);
* ``splitter.py``: the ``comment_parsing`` stage (comments and their metadata);
* ``../flat_comments.py``: discussions on a page printed as one line (``../flat_stamps.py``:
  read off their timestamps; ``../flat_text.py``: what both read).

Names with a leading underscore are shared inside this package only.
"""
from __future__ import annotations

from .evidence import block_scores, typical_gap
from .edges import _from_heading
from .reading import classify
from .section import CommentSection, pairs
from .splitter import CommentSplitter
from .units import ANCHORS, HEADERS, Unit

__all__ = ["ANCHORS", "HEADERS", "CommentSection", "CommentSplitter", "Unit", "block_scores", "classify",
           "pairs", "typical_gap", "_from_heading"]
