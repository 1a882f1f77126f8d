"""Where a line may break: the Unicode line breaking rules (UAX #14), fast enough for every key.

The rules and the character data are uniseg's (its Line_Break table is Unicode 16's, and
`uniseg.linebreak.line_break_breakables` is the reference implementation). Its engine walks
the text through copied cursor objects, about 70 µs a character: a 300-character Chinese
paragraph costs 20 ms, more than a frame. This module applies the same rules, in the same
order, over a list of classes: a few µs a character, and tests check that it answers exactly
as uniseg does. Scripts whose rules need more context (South-East Asian, Hangul, Brahmic
aksaras, flags) are passed to uniseg itself; the story has none of them.

One tailoring, for all languages: the middle dot U+00B7 joins the parts of a transliterated
name in Chinese ("萨姆·奥尔特曼") and of French inclusive words ("étudiant·e·s"), so it glues
(class GL) instead of being Ambiguous.
"""

from __future__ import annotations

from functools import lru_cache
from typing import cast

from uniseg.emoji import extended_pictographic
from uniseg.linebreak import LineBreak, line_break, line_break_breakables
from uniseg.unicodedatawrapper import category, east_asian_width

TAILORED = {"\u00b7": "GL"}
"""Line_Break classes changed from Unicode's (see the module docstring)."""

DELEGATED = frozenset({"SA", "JL", "JV", "JT", "H2", "H3", "RI", "AK", "AP", "AS", "VF", "VI"})
"""Classes whose rules this module does not implement: texts with them go to uniseg."""

_EAST_ASIAN_WIDTHS = frozenset({"F", "W", "H"})
_HARD = frozenset({"BK", "CR", "LF", "NL"})
_HARD_SP_ZW = _HARD | {"SP", "ZW"}
_MARKS = ("CM", "ZWJ")
_RARE = _HARD | {"ZW", "ZWJ", "CM"}
"""Classes that the hard rules (LB4-LB8a) and the marks (LB9, LB10) are about."""
_AFTER_SPACES = frozenset({"WJ", "CL", "CP", "EX", "SY", "QU", "IS", "NS", "B2"})
"""Classes that a rule before LB18 ("SP ÷") may keep from starting after a space."""


def line_break_class(char: str) -> LineBreak:
    """The Line_Break class of `char`, with this module's tailoring (a uniseg property)."""
    tailored = TAILORED.get(char)
    return LineBreak(tailored) if tailored is not None else line_break(char)


@lru_cache(maxsize=4096)
def _facts(char: str) -> tuple[str, str, bool]:
    """Line_Break class (LB1 applied), general category, and whether the character is East
    Asian wide (F, W, H): all that the rules ask of a character."""
    cls = str(line_break_class(char).value)
    if cls in ("AI", "SG", "XX"):
        cls = "AL"
    elif cls == "CJ":
        cls = "NS"
    return cls, str(category(char).value), str(east_asian_width(char).value) in _EAST_ASIAN_WIDTHS


def _ea(char: str | None) -> bool:
    return char is not None and _facts(char)[2]


def _cat(char: str | None) -> str | None:
    return None if char is None else _facts(char)[1]


_NONSTARTERS = frozenset({"CL", "CP", "EX", "IS", "SY", "NS", "BA", "HY"})


def must_not_start(char: str) -> bool:
    """Whether `char` may never begin a line (closing punctuation and quotes, "？", "：",
    hyphens...): what UAX #14 never breaks before (LB13, LB15d, LB19, LB21)."""
    cls, cat, _ = _facts(char)
    return cls in _NONSTARTERS or (cls == "QU" and cat == "Pf")


def must_not_end(char: str) -> bool:
    """Whether `char` may never end a line (opening brackets, opening quotes): LB14, LB15a,
    LB19."""
    cls, cat, _ = _facts(char)
    return cls == "OP" or (cls == "QU" and cat == "Pi")


@lru_cache(maxsize=8192)
def breakables(text: str) -> tuple[bool, ...]:
    """For each position of `text`, whether a line may break before it (mandatory breaks
    included; never before the first character). Same answer as uniseg's
    `line_break_breakables` with `line_break_class` as the property."""
    if not text:
        return ()
    classes = [_facts(char)[0] for char in text]
    if DELEGATED.intersection(classes):
        return tuple(
            bool(value) for value in line_break_breakables(text, property=line_break_class)
        )
    return tuple(_Rules(text, classes).decide())


class _Rules:
    """One pass of the rules over one text; `decide` returns the break flags."""

    def __init__(self, text: str, classes: list[str]) -> None:
        self.text = text
        self.classes = classes
        self.flags: list[bool | None] = [None] * len(text)

    def decide(self) -> list[bool]:
        """The break flags (LB2 to LB31; LB30a, LB26 to LB28a are delegated)."""
        if _RARE.isdisjoint(self.classes):  # the usual text: LB2-LB10 come down to LB7
            self.flags = [False if cls == "SP" else None for cls in self.classes]
            self.flags[0] = False
            return self._pairs(list(range(len(self.text))), list(self.text), self.classes)
        self._hard_rules()
        keep = self._attach_marks()
        chars = [self.text[index] for index in keep]
        classes = [self.classes[index] for index in keep]
        for position in range(len(keep)):
            if classes[position] in _MARKS:  # LB10: a lone mark is a letter
                classes[position] = "AL"
                chars[position] = "A"
        return self._pairs(keep, chars, classes)

    def _pairs(self, keep: list[int], chars: list[str], classes: list[str]) -> list[bool]:
        """LB11 to LB31 at each position not decided yet, by the shortest road that gives
        the rules' answer: a pair of context-free classes is looked up, a space before a
        plain character is a break unless an opening bracket or quote precedes the spaces."""
        last = len(self.text) - 1
        flags = self.flags
        opener = False  # whether the last character before the spaces opens (OP or Pi)
        for position in range(1, len(keep)):
            prev, curr = classes[position - 1], classes[position]
            if prev != "SP":
                opener = prev == "OP" or _cat(chars[position - 1]) == "Pi"
            index = keep[position]
            if flags[index] is not None:
                continue
            if prev == "SP" and curr not in _AFTER_SPACES and not opener:
                flags[index] = True  # LB18
            elif prev in _CONTEXTUAL or curr in _CONTEXTUAL or _cat(chars[position - 1]) == "Pi":
                flags[index] = _pair(chars, classes, position, index == last)
            else:
                flags[index] = _pair_alone(prev, curr)
        return cast(list[bool], flags)  # every position is decided by now

    def _hard_rules(self) -> None:
        """LB2 to LB8a: text start, hard line ends, spaces, zero-width space and joiner."""
        flags, classes = self.flags, self.classes
        flags[0] = False
        after_zw = False  # LB8: ZW SP* ÷
        for index in range(1, len(classes)):
            prev, curr = classes[index - 1], classes[index]
            if prev == "ZW":
                after_zw = True
            elif prev != "SP":
                after_zw = False
            if prev == "BK":
                flags[index] = True
            elif prev == "CR" and curr == "LF":
                flags[index] = False
            elif prev in ("CR", "LF", "NL"):
                flags[index] = True
            elif curr in _HARD or curr in ("SP", "ZW"):
                flags[index] = False
            elif after_zw:
                flags[index] = True
            elif prev == "ZWJ":
                flags[index] = False

    def _attach_marks(self) -> list[int]:
        """LB9: a combining mark or joiner stays with its base; the indices that remain."""
        keep = [0]
        base = None if self.classes[0] in _MARKS else self.classes[0]
        for index in range(1, len(self.classes)):
            curr = self.classes[index]
            if curr in _MARKS and base not in _HARD_SP_ZW:
                if self.flags[index] is None:
                    self.flags[index] = False
                continue
            keep.append(index)
            if curr not in _MARKS:
                base = curr
        return keep


_CONTEXTUAL = frozenset(
    {"SP", "QU", "HY", "BA", "NU", "IS", "SY", "CL", "CP", "PO", "PR", "OP", "EM"}
)
"""Classes whose rules look beyond the pair of characters around a break (at spaces before,
at the characters themselves, at a number's separators). A pair of other classes is decided
by the two classes alone, once (`_pair_alone`); a tested shortcut: 5x faster on Chinese."""


@lru_cache(maxsize=2048)
def _pair_alone(prev: str, curr: str) -> bool:
    """The rules for a pair of classes that no context can change."""
    return _pair(["x", "x"], [prev, curr], 1, False)


def _before_run(classes: list[str], position: int, run: tuple[str, ...]) -> str | None:
    """The class before `position` once a run of `run` classes right before it is skipped."""
    index = position - 1
    while index >= 0 and classes[index] in run:
        index -= 1
    return classes[index] if index >= 0 else None


def _pair(chars: list[str], classes: list[str], pos: int, at_end: bool) -> bool:
    """LB11 to LB31 for the break before `pos` (marks already attached); True: may break."""
    prev, curr = classes[pos - 1], classes[pos]
    nxt = classes[pos + 1] if pos + 1 < len(classes) else None
    pc, cc = chars[pos - 1], chars[pos]
    if curr == "WJ" or prev == "WJ" or prev == "GL":  # LB11, LB12
        return False
    if curr == "GL" and prev not in ("SP", "BA", "HY"):  # LB12a
        return False
    if curr in ("CL", "CP", "EX", "SY"):  # LB13
        return False
    before_spaces = _before_run(classes, pos, ("SP",))
    if before_spaces == "OP":  # LB14
        return False
    if _lb15a(chars, classes, pos):
        return False
    if _cat(cc) == "Pf" and curr == "QU" and (at_end or nxt in _LB15B_FOLLOWERS):  # LB15b
        return False
    if prev == "SP" and curr == "IS" and nxt == "NU":  # LB15c
        return True
    if curr == "IS":  # LB15d
        return False
    if before_spaces in ("CL", "CP") and curr == "NS":  # LB16
        return False
    if before_spaces == "B2" and curr == "B2":  # LB17
        return False
    if prev == "SP":  # LB18
        return True
    if (curr == "QU" and _cat(cc) != "Pi") or (prev == "QU" and _cat(pc) != "Pf"):  # LB19
        return False
    if _lb19a(chars, classes, pos, at_end):
        return False
    if curr == "CB" or prev == "CB":  # LB20
        return True
    if _lb20a(chars, classes, pos):
        return False
    if curr in ("BA", "HY", "NS") or prev == "BB":  # LB21
        return False
    if prev in ("HY", "BA") and pos >= 2 and classes[pos - 2] == "HL" and curr != "HL":  # LB21a
        return False
    if (prev == "SY" and curr == "HL") or curr == "IN":  # LB21b, LB22
        return False
    return _letters_and_numbers(chars, classes, pos)


_LB15B_FOLLOWERS = frozenset(
    {"SP", "GL", "WJ", "CL", "QU", "CP", "EX", "IS", "SY", "BK", "CR", "LF", "NL", "ZW"}
)
_LB15A_OPENERS = frozenset({"BK", "CR", "LF", "NL", "OP", "QU", "GL", "SP", "ZW"})


def _lb15a(chars: list[str], classes: list[str], pos: int) -> bool:
    """LB15a: (sot | BK CR LF NL OP QU GL SP ZW) [\\p{Pi}&QU] SP* ×"""
    index = pos
    while index - 1 >= 1 and classes[index - 1] == "SP":
        index -= 1
    if classes[index - 1] == "SP":
        return False
    if _cat(chars[index - 1]) != "Pi":
        return False
    quote = index - 1
    if quote == 0:
        return True
    return classes[quote] == "QU" and classes[quote - 1] in _LB15A_OPENERS


def _lb19a(chars: list[str], classes: list[str], pos: int, at_end: bool) -> bool:
    """LB19a: quotation marks bind to their neighbours unless both sides are East Asian."""
    prev, curr = classes[pos - 1], classes[pos]
    nc = chars[pos + 1] if pos + 1 < len(chars) else None
    if curr == "QU" and (not _ea(chars[pos - 1]) or not _ea(nc) or at_end):
        return True
    if prev == "QU":
        if not _ea(chars[pos]):
            return True
        if pos - 1 == 0 or not _ea(chars[pos - 2]):
            return True
    return False


def _lb20a(chars: list[str], classes: list[str], pos: int) -> bool:
    """LB20a: a hyphen that starts a word stays with it ("-3", "-foo")."""
    prev, curr = classes[pos - 1], classes[pos]
    if prev not in ("HY", "BA") or curr != "AL":
        return False
    if prev != "HY" and chars[pos - 1] != "\u2010":
        return False
    return pos - 1 == 0 or classes[pos - 2] in _LB20A_BEFORE


_LB20A_BEFORE = frozenset({"BK", "CR", "LF", "NL", "SP", "ZW", "CB", "GL"})
_LETTERS = ("AL", "HL")
_AFFIXES = ("PR", "PO")
_IDEOGRAPHIC = ("ID", "EB", "EM")


def _letters_and_numbers(chars: list[str], classes: list[str], pos: int) -> bool:
    """LB23 to LB31: words, numbers with their signs, emoji modifiers; else a break."""
    prev, curr = classes[pos - 1], classes[pos]
    nxt = classes[pos + 1] if pos + 1 < len(classes) else None
    if (prev in _LETTERS and curr == "NU") or (prev == "NU" and curr in _LETTERS):  # LB23
        return False
    if (prev == "PR" and curr in _IDEOGRAPHIC) or (prev in _IDEOGRAPHIC and curr == "PO"):
        return False  # LB23a
    if (prev in _AFFIXES and curr in _LETTERS) or (prev in _LETTERS and curr in _AFFIXES):
        return False  # LB24
    if _lb25(classes, pos, nxt):
        return False
    if prev in _LETTERS and curr in _LETTERS:  # LB28
        return False
    if prev == "IS" and curr in _LETTERS:  # LB29
        return False
    if prev in (*_LETTERS, "NU") and curr == "OP" and not _ea(chars[pos]):  # LB30
        return False
    if prev == "CP" and not _ea(chars[pos - 1]) and curr in (*_LETTERS, "NU"):
        return False
    # LB30b, else LB31: break anywhere else
    return not (
        curr == "EM"
        and (
            prev == "EB" or (_cat(chars[pos - 1]) == "Cn" and extended_pictographic(chars[pos - 1]))
        )
    )


def _lb25(classes: list[str], pos: int, nxt: str | None) -> bool:
    """LB25: numbers with their separators, brackets, prefixes and suffixes stay whole."""
    prev, curr = classes[pos - 1], classes[pos]
    if curr in _AFFIXES:
        if prev in ("CL", "CP") and pos >= 2:
            closing = pos - 1
            if _before_run(classes, closing, ("SY", "IS")) == "NU":
                return True
        if _before_run(classes, pos, ("SY", "IS")) == "NU":
            return True
    if prev in _AFFIXES:
        if curr == "OP" and (
            nxt == "NU" or (nxt == "IS" and pos + 2 < len(classes) and classes[pos + 2] == "NU")
        ):
            return True
        if curr == "NU":
            return True
    if curr == "NU":
        if prev in ("HY", "IS"):
            return True
        if _before_run(classes, pos, ("SY", "IS")) == "NU":
            return True
    return False
