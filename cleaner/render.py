"""Display text for spans: normalisation changes what is shown, never the offsets."""
from __future__ import annotations

import html

import regex

_TAG = regex.compile(r"</?[A-Za-z][A-Za-z0-9]*(?:\s[^<>]{0,500})?/?>")
_ENTITY = regex.compile(r"&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_INVISIBLE = regex.compile(r"[\u200b-\u200d\u2060\ufeff\u00ad]")
_SPACES = regex.compile(r"[^\S\n]+")


def normalise(text: str) -> str:
    """Strip tag remnants, decode entities, drop invisible characters, fold spaces."""
    if "<" in text:
        text = _TAG.sub("", text, timeout=1.0)
    if "&" in text:
        text = _ENTITY.sub(lambda m: html.unescape(m.group()), text, timeout=1.0)
    text = _INVISIBLE.sub("", text)
    text = _SPACES.sub(" ", text)
    return "\n".join(line.strip() for line in text.split("\n")).strip()
