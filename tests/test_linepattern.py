"""ingest.linepattern: ``^\\W*REST`` searched in linear time, with the matches of the plain pattern."""
from __future__ import annotations

import random
import re

import pytest

from phoihop.ingest.linepattern import LinePattern

REST = r"N[ơo]i nh[ậa]n[ \t*_]*(?::|$)"
PIECES = ["\n", "\n", "   \n", "| --- |\n", "**Nơi nhận:**\n", "Nơi nhận:\n", "nơi nhận hồ sơ\n",
          "- UBND tỉnh;\n", "Lưu: VT.\n", "  Nơi nhận\n", "*\n", "Kính gửi: Sở Y tế\n", "__\n"]


@pytest.mark.parametrize("seed", range(40))
def test_the_same_matches_as_the_plain_pattern(seed):
    rnd = random.Random(seed)
    text = "".join(rnd.choice(PIECES) for _ in range(rnd.randint(1, 60)))
    plain = re.compile(r"^\W*" + REST, re.M | re.I)
    fast = LinePattern(REST, re.I)
    for pos, endpos in ((0, len(text)), (rnd.randint(0, len(text)), len(text)),
                        (rnd.randint(0, len(text) // 2), rnd.randint(len(text) // 2, len(text)))):
        want = [(m.span(), m.group()) for m in plain.finditer(text, pos, endpos)]
        assert [(m.span(), m.group()) for m in fast.finditer(text, pos, endpos)] == want
        first = plain.search(text, pos, endpos)
        got = fast.search(text, pos, endpos)
        assert (got.span() if got else None) == (first.span() if first else None)



LINE_RESTS = [(r"[ \t*_|]*N[ơo]i nh[ậa]n\b", 0), (r"[ \t*_|#]*(TM|KT|Q|TL|TUQ)(?:\s?\.|[ \t]+(?=[A-ZĐ]{2}))", 0),
              (r"[ \t*#_|]*(?:kính gửi|lưu)[ \t*_|:]*$", re.I)]
LINE_PIECES = PIECES + ["TM. ỦY BAN NHÂN DÂN\n", "KT. CHỦ TỊCH\n", "  KT CHỦ TỊCH", "Lưu\n", "**LƯU:**\n", "x"]


@pytest.mark.parametrize("seed", range(40))
def test_line_start_gives_the_matches_of_the_plain_pattern(seed):
    """LineStart(REST) finds exactly what ``^(?:REST)`` (MULTILINE) finds, from any pos to any endpos."""
    from phoihop.ingest.linepattern import LineStart

    rnd = random.Random(seed)
    text = "".join(rnd.choice(LINE_PIECES) for _ in range(rnd.randint(0, 60)))
    for rest, flags in LINE_RESTS:
        plain = re.compile(r"^(?:" + rest + ")", re.M | flags)
        fast = LineStart(rest, flags)
        for pos, endpos in ((0, len(text)), (rnd.randint(0, len(text)), len(text)),
                            (rnd.randint(0, len(text) // 2), rnd.randint(len(text) // 2, len(text)))):
            want = [(m.span(), m.groups()) for m in plain.finditer(text, pos, endpos)]
            assert [(m.span(), m.groups()) for m in fast.finditer(text, pos, endpos)] == want
            first, got = plain.search(text, pos, endpos), fast.search(text, pos, endpos)
            assert (got.span() if got else None) == (first.span() if first else None)
            assert bool(fast.match(text, pos, endpos)) == bool(plain.match(text, pos, endpos))
