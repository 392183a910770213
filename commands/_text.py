"""Document text made safe for a terminal: the one place that decides what reaches it.

Light on purpose (``re`` only), so that ``phoihop extract`` can use it without
loading the store and Rich libraries.
"""
from __future__ import annotations

import re

# C0 controls but tab and newline, DEL, C1 controls (0x9b is a one-byte escape sequence on
# some terminals) and the bidirectional overrides and isolates that reorder what is shown.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
# What JSON with ensure_ascii=False leaves raw (it escapes only C0 controls).
_JSON_RAW = re.compile("[\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _picture(m: re.Match) -> str:
    """A control character's visible stand-in: its Control Pictures symbol (␛ for ESC), else �."""
    code = ord(m.group())
    return chr(0x2400 + code) if code < 0x20 else "\u2421" if code == 0x7F else "\ufffd"


def clean(text: str) -> str:
    """``text`` safe to print on a terminal: control characters (but tab and newline) shown
    as visible symbols, so a document cannot move the cursor, clear the screen or retitle
    the window."""
    return _CONTROL.sub(_picture, text)


def safe_json(text: str) -> str:
    """JSON text (from ``json.dumps(..., ensure_ascii=False)``) with the characters it leaves
    raw and a terminal would act on written as ``\\uXXXX`` escapes: still the same JSON."""
    return _JSON_RAW.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
