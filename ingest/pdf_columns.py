"""Reading order of a PDF page whose header or footer is laid out in two columns.

An official text (Nghị định 30/2020/NĐ-CP, Phụ lục I) prints its header as two
columns side by side — the issuing body, "Số:" and "V/v" on the left; the
national motto and "place, ngày … tháng … năm …" on the right — and its foot the
same way: "Nơi nhận:" on the left, the signature block (TM., KT. …) on the
right. A PDF text layer read line by line runs the two columns together
("ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI …", "- Như trên; KT. CHỦ TỊCH"), which breaks
the issuer, the trích yếu and every recipient. Here the words of a page are
grouped into lines; a run of lines that share a wide vertical gutter is a
two-column block and is read column by column (left, then right); every other
line is read as it stands.
"""
from __future__ import annotations

from dataclasses import dataclass

GUTTER = 24.0         # points: a gap this wide inside a line separates two columns (body text spaces are < 10)
SAME_LINE = 3.0       # points: words whose tops differ by less are on one line


@dataclass
class _Line:
    top: float
    bottom: float
    words: list[dict]
    gap: tuple[float, float] | None = None    # the widest gap wider than GUTTER, if any

    def text(self, words: list[dict] | None = None) -> str:
        return " ".join(w["text"] for w in (self.words if words is None else words))


def _lines(words: list[dict]) -> list[_Line]:
    lines: list[_Line] = []
    for w in sorted(words, key=lambda w: (round(w["top"]), w["x0"])):
        if lines and abs(w["top"] - lines[-1].top) < SAME_LINE:
            lines[-1].words.append(w)
            lines[-1].bottom = max(lines[-1].bottom, w["bottom"])
        else:
            lines.append(_Line(w["top"], w["bottom"], [w]))
    for line in lines:
        line.words.sort(key=lambda w: w["x0"])
        gaps = [(a["x1"], b["x0"]) for a, b in zip(line.words, line.words[1:]) if b["x0"] - a["x1"] > GUTTER]
        if gaps:
            line.gap = max(gaps, key=lambda g: g[1] - g[0])
    return lines


@dataclass
class _Columns:
    """The horizontal extent of each column of a block, grown line by line."""
    left: tuple[float, float]
    right: tuple[float, float]
    gutter: tuple[float, float]

    @classmethod
    def of(cls, line: _Line) -> "_Columns":
        lo, hi = line.gap
        left = [w for w in line.words if w["x1"] <= lo]
        right = [w for w in line.words if w["x0"] >= hi]
        return cls((left[0]["x0"], left[-1]["x1"]), (right[0]["x0"], right[-1]["x1"]), (lo, hi))

    def add_split(self, line: _Line) -> bool:
        """Take a line that has its own gap; False if its gap is not this block's gutter."""
        lo, hi = line.gap
        if not (lo < self.gutter[1] and hi > self.gutter[0]):
            return False
        other = _Columns.of(line)
        self.left = (min(self.left[0], other.left[0]), max(self.left[1], other.left[1]))
        self.right = (min(self.right[0], other.right[0]), max(self.right[1], other.right[1]))
        self.gutter = (max(self.gutter[0], lo), min(self.gutter[1], hi))
        return True

    def add_one_side(self, line: _Line) -> bool:
        """Take a line that stands wholly within one column (the longer column's last lines);
        a line centred on the page ("Kính gửi:") fits neither and ends the block."""
        x0, x1 = line.words[0]["x0"], line.words[-1]["x1"]
        if x1 < self.right[0] - 4:
            self.left = (min(self.left[0], x0), max(self.left[1], x1))
            return True
        if x0 > self.left[1] + 4 and x0 >= self.right[0] - 12:
            return True
        return False


def _blocks(lines: list[_Line]) -> list[tuple[list[_Line], float | None]]:
    """Runs of lines: (lines, split x) for a two-column block, (lines, None) for ordinary text."""
    out: list[tuple[list[_Line], float | None]] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        if line.gap is None:
            out.append(([line], None))
            i += 1
            continue
        cols = _Columns.of(line)
        run, splits, j = [line], 1, i + 1
        while j < len(lines):
            nxt, prev = lines[j], run[-1]
            if nxt.top - prev.bottom > 2.5 * max(1.0, prev.bottom - prev.top):
                break                                   # a wide vertical space ends the block
            if nxt.gap and cols.add_split(nxt):
                splits += 1
            elif not cols.add_one_side(nxt):
                break
            run.append(nxt)
            j += 1
        if splits >= 2:
            out.append((run, (cols.left[1] + cols.right[0]) / 2))
            i = j
        else:
            out.append(([line], None))
            i += 1
    return out


def page_text(words: list[dict]) -> str:
    """The page's text in reading order, two-column blocks read column by column."""
    parts: list[str] = []
    for run, mid in _blocks(_lines(words)):
        if mid is None:
            parts.append(run[0].text())
            continue
        left = [line.text([w for w in line.words if w["x1"] <= mid]) for line in run]
        right = [line.text([w for w in line.words if w["x1"] > mid]) for line in run]
        parts.append("\n".join(t for t in left if t))
        parts.append("")
        parts.append("\n".join(t for t in right if t))
        parts.append("")
    return "\n".join(parts).strip("\n")


def has_columns(words: list[dict]) -> bool:
    return any(g is not None for _, g in _blocks(_lines(words)))
