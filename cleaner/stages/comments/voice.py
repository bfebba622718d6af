"""What a paragraph reads like: a reader talking, a sentence, or a menu.

Decides, from the words and punctuation of one paragraph (or one block's lines),
whether it reads like a reader (first and second person, lowercase starts,
missing full stops, "!!", "@NAME"), like a sentence that can open a comment, or
like page chrome (list items, links, short unpunctuated lines). Every other
module of the comment stages asks these questions; nothing here looks at the
page around the paragraph. Change the weights of voice here.
"""
from __future__ import annotations


from ...document import Block, Document
from ...patterns import engine, lazy, settle
from ...render import normalise


BIAS = -0.6               # a block is article unless something says otherwise
_WORD = lazy(r"[\p{L}\p{N}'’]+")
_WORDS = engine(_WORD.args[0])  # the same words, found by the engine
_PERSONAL = frozenset("i i'm i’m i've i’ve i'd i’d i'll i’ll im me my mine you your you're you’re yours u ur "
                      "we us lol imo imho btw thanks thx".split())
_SINGULAR = frozenset("i i'm i’m i've i’ve i'd i’d i'll i’ll im me my mine lol imo imho btw thanks thx".split())
_US = lazy(r"\bUS\b")
_INFORMAL = engine(r"!!|\?\?|\?!|\.\.\.|…|\b[A-Z]{4,}\b|[:;]-?[)(DP]",
                   r"!!|\?\?|\?!|\.\.\.|…|(?:^|\W)[A-Z]{4,}(?:\W|$)|[:;]-?[)(DP]")
_REPORTING = engine(r"\b(?:said|according to|told|reported|announced|stated)\b")
_PUNCTUATED = engine(r"[.,!?;:]\s|[.!?]$")
_LISTY = engine(r"^(?:[*+•·▪►◦‣▸|-]|\d{1,3}[.)])\s|^#{1,6}\s|\]\(|https?://|^\S+\s*[»›>]$|\s[|»›·•]\s")


def _body_like(text: str) -> bool:
    """A line that can open a comment: a sentence, not a title, a link or a list item."""
    text = normalise(text)
    if not text or _LISTY.search(text):
        return False
    words = text.split()
    if len(words) < 15 and text[-1] not in ".!?":
        long_words = [w for w in words if len(w) > 3]
        if len(long_words) >= 3 and sum(w[0].isupper() for w in long_words) * 10 >= 7 * len(long_words):
            return False  # Title Case: a headline in a list of posts
    return text[-1] in ".!?)\"”’:" or len(words) >= 8 or text[0].islower()


_TALLY = None


def _tally():
    global _TALLY
    from ..._core import Tally
    _TALLY = Tally(_WORD.args[0] if hasattr(_WORD, "args") else _WORD.pattern, sorted(_PERSONAL))
    return _TALLY


def _voice(text: str) -> float:
    """How much a paragraph reads like a reader talking rather than an article or a menu."""
    # the words (``_WORD``) and those in the first or second person, counted by the engine
    words, personal = (_TALLY or _tally()).count(text.lower())
    if not words:
        return 0.0
    return _weigh(text, words, personal, _INFORMAL.search(text), _REPORTING.search(text))


def _voices(texts: list[str]) -> list[float]:
    """``_voice`` of every text (a page's paragraphs): the engine's tests made for all
    of them in one call each."""
    tally = _TALLY or _tally()
    informal, reporting = _INFORMAL.passing(texts), _REPORTING.passing(texts)
    out = []
    for k, text in enumerate(texts):
        words, personal = tally.count(text.lower())
        out.append(_weigh(text, words, personal, k in informal, k in reporting) if words else 0.0)
    return out


def _weigh(text: str, words: int, personal: int, informal: bool, reporting: bool) -> float:
    """The voice of a paragraph of ``words`` words, ``personal`` of them in the first or
    second person, with an informal mark (``_INFORMAL``) or a verb of reporting."""
    score = BIAS
    # "US" the country is not "us" the reader
    if personal and "US" in text:
        personal -= len(_US.findall(text))
    if personal:
        score += 0.6 + min(1.0, 10 * personal / words)
    if text[0].islower():
        score += 0.8
    if words >= 3 and text[-1] not in ".!?\"”’)":
        score += 0.6 if words >= 8 else 0.2
    if informal:
        score += 0.4
    if text.startswith("@"):
        score += 2.0
    if words >= 60 and text[0].isupper() and text[-1] in ".!?\"”’" and not personal:
        score -= 1.2
    if reporting:
        score -= 0.4
    return score


def _reader_voice(text: str) -> bool:
    """First or second person, a lowercase start, an exclamation or a question, "@": a reader talking."""
    if not text:
        return False
    if text[0].islower() or text[0] == "@" or text[-1] in "!?" or _INFORMAL.search(text):
        return True
    return any(w.lower() in _PERSONAL and not (len(w) > 1 and w.isupper()) for w in _WORDS.findall(text))


def _listy(doc: Document, block: Block) -> bool:
    """A menu, a list of links or a run of short unpunctuated lines: page chrome, not a comment."""
    if len(block.lines) < 3:
        line = doc.slice(block.start, block.end)
        return len(block.lines) == 1 and bool(_LISTY.search(line)) and len(line.split()) <= 12 \
            and line.rstrip()[-1:] not in ".!?"
    listy = 0
    for line in block.lines:
        text = doc.slice(line.start, line.end)
        if _LISTY.search(text) or (len(text.split()) <= 6 and text.rstrip()[-1:] not in ".!?:,"):
            listy += 1
    return listy * 3 >= len(block.lines) * 2


def _listies(doc: Document, blocks: list[Block]) -> list[bool]:
    """``_listy`` of every block (a page's paragraphs): the list-item test of all their
    lines made in one call."""
    texts, page = [], doc.text
    for block in blocks:
        if len(block.lines) == 1:
            texts.append(page[block.start:block.end])
        elif len(block.lines) >= 3:
            texts.extend([page[line.start:line.end] for line in block.lines])
    listed = _LISTY.passing(texts)
    out, k = [], 0
    for block in blocks:
        n = len(block.lines)
        if n == 1:
            line = texts[k]
            out.append(k in listed and len(line.split()) <= 12 and line.rstrip()[-1:] not in ".!?")
            k += 1
        elif n >= 3:
            listy = sum(1 for j in range(k, k + n) if j in listed or (
                len(texts[j].split()) <= 6 and texts[j].rstrip()[-1:] not in ".!?:,"))
            out.append(listy * 3 >= n * 2)
            k += n
        else:
            out.append(False)
    return out


settle(globals())
