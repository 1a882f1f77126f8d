"""Convert parsed YAML values into the story's dataclasses, collecting every problem.

The dataclasses of `story.model` are the format: their type hints say what each key takes. One
small converter reads those hints (str, bool, int, Literal, tuples, optionals, nested
dataclasses, `Localized`, patterned strings) so that the format is written once and every
wrong key, type or value is reported at its place, not just the first.

Each hint is compiled once into a small function (`step_for`), so converting 10,000 events
does not re-read type hints 300,000 times.
"""

from __future__ import annotations

import contextlib
import dataclasses
import re
import types
from collections.abc import Callable
from functools import cache
from typing import Annotated, Any, Literal, Union, get_args, get_origin, get_type_hints

from story.localized import Localized
from story.model import LANG_PATTERN, Origin, Pattern, StoryFile
from story.problems import ProblemLog
from story.yamlread import Document, Path_

_LANG_RE = re.compile(LANG_PATTERN)
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
"""Characters refused in story text: text must never steer a terminal nor reorder what it shows.

C0 and C1 control characters (tab and newline allowed) steer the terminal (ESC starts the
sequences that retitle it or write to the clipboard). The bidi embeddings, overrides and
isolates (U+202A-U+202E, U+2066-U+2069) make a terminal or browser that applies bidi show text
in another order than it is written ("Trojan Source"): a title could read as something it is
not. No text in the story's languages needs them (the shipped story and the seeds hold none);
the marks (LRM, RLM, ALM) that right-to-left writing relies on are left allowed."""
_BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
MAX_TEXT_CHARS = 20_000
"""One text longer than this is refused: a story is prose, not a dump."""


class Invalid(Exception):
    """Marks a value that could not be converted (its problem is already recorded)."""


@dataclasses.dataclass(frozen=True, slots=True)
class FieldSpec:
    """What the converter and the schema need of one dataclass field."""

    name: str
    key: str
    hint: Any
    required: bool
    doc: str


@cache
def fields_of(cls: type) -> tuple[FieldSpec, ...]:
    """The format's fields of a model class (internal fields such as `origin` left out)."""
    hints = get_type_hints(cls, include_extras=True)
    specs = []
    for item in dataclasses.fields(cls):
        if item.metadata.get("internal"):
            continue
        required = (
            item.default is dataclasses.MISSING and item.default_factory is dataclasses.MISSING
        )
        key = item.metadata.get("key") or item.name
        specs.append(FieldSpec(item.name, key, hints[item.name], required, item.metadata["doc"]))
    return tuple(specs)


def describe(value: Any) -> str:
    """How a wrong value reads in a message."""
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return "a yes/no value"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return type(value).__name__


Step = Callable[["Converter", Any, Path_], Any]
"""A compiled conversion: (converter, value, path) to the converted value, or raises Invalid."""


class Converter:
    """Converts one Document's values, appending problems to a shared log."""

    def __init__(self, document: Document, problems: ProblemLog) -> None:
        self.document = document
        self.problems = problems
        self.controls_possible = _may_hold_controls(document.text)
        """False when no text of the file can hold a control character, so none is searched."""
        self.broken: dict[str, set[str]] = {}
        """Ids of the items that failed, by kind: references to them are not reported again."""
        self.broken_kinds: set[str] = set()
        """Kinds of item (class names, lower case) of which one failed."""

    def fail(self, path: Path_, message: str, *, key: bool = False) -> Invalid:
        """Record a problem at `path` and return the exception that abandons this value."""
        self.problems.append(self.document.problem(path, message, key=key))
        return Invalid()

    def wrong_type(self, path: Path_, expected: str, value: Any) -> Invalid:
        """A type mismatch, with a hint when YAML read something the author meant as text."""
        message = f"expected {expected}, got {describe(value)}"
        reads_as = None
        if isinstance(value, (bool, int, float)) and "text" in expected:
            reads_as = describe(value)
        self.problems.append(self.document.problem(path, message, reads_as=reads_as))
        return Invalid()

    def convert(self, hint: Any, value: Any, path: Path_) -> Any:
        """Convert `value` to the type `hint`, or raise Invalid after recording why."""
        return step_for(hint)(self, value, path)

    def note_broken(self, cls: type, value: Any) -> None:
        """Remember an item that failed, so that what refers to it is not blamed as well."""
        kind = cls.__name__.lower()
        self.broken_kinds.add(kind)
        item_id = value.get("id") if isinstance(value, dict) else None
        if isinstance(item_id, str):
            self.broken.setdefault(kind, set()).add(item_id)


@cache
def step_for(hint: Any) -> Step:
    """The conversion function of a type hint (compiled once per hint)."""
    origin = get_origin(hint)
    if origin is Annotated:
        base, *extras = get_args(hint)
        patterns = [extra for extra in extras if isinstance(extra, Pattern)]
        return _patterned(step_for(base), patterns)
    if origin in (Union, types.UnionType):
        options = [arg for arg in get_args(hint) if arg is not type(None)]
        return _optional(step_for(options[0]))
    if origin is Literal:
        return _literal(get_args(hint))
    if origin is tuple:
        return _list_of(step_for(get_args(hint)[0]))
    if hint is str:
        return _text
    if hint is bool:
        return _yes_no
    if hint is int:
        return _whole_number
    if hint is Localized:
        return _localized
    if dataclasses.is_dataclass(hint) and isinstance(hint, type):
        return _record(hint)
    raise TypeError(f"no conversion for {hint!r}")  # a bug in the model, not in the story


def _may_hold_controls(text: str) -> bool:
    """Whether a scalar of this YAML text could hold a refused character.

    YAML refuses control characters written raw, except NEL (U+0085); so without a backslash
    (an escape in a double-quoted string), NEL or a raw bidi control (YAML allows those), no
    text of the file can hold one."""
    return (
        "\\" in text
        or "\x85" in text
        or not text
        or any(char in text for char in _BIDI_CONTROLS)  # str.find: fast, instant on Latin-1
    )


KNOWN_MATCHES = 50_000
"""Strings remembered per pattern as matching it (ids, dates and times repeat a lot)."""


def _patterned(base: Step, patterns: list[Pattern]) -> Step:
    compiled = [(re.compile(pattern.regex), pattern.meaning) for pattern in patterns]
    known: set[str] = set()

    def step(conv: Converter, value: Any, path: Path_) -> Any:
        result = base(conv, value, path)
        if result in known:
            return result
        for regex, meaning in compiled:
            if not regex.match(result):
                raise conv.fail(path, f"'{result}' is not {meaning}")
        if len(known) >= KNOWN_MATCHES:
            known.clear()
        known.add(result)
        return result

    return step


def _optional(inner: Step) -> Step:
    def step(conv: Converter, value: Any, path: Path_) -> Any:
        return None if value is None else inner(conv, value, path)

    return step


def _literal(choices: tuple[Any, ...]) -> Step:
    listed = ", ".join(str(choice) for choice in choices)

    def step(conv: Converter, value: Any, path: Path_) -> Any:
        if type(value) is not str or value not in choices:
            raise conv.fail(path, f"'{value}' is not one of: {listed}")
        return value

    return step


def _list_of(item: Step) -> Step:
    def step(conv: Converter, value: Any, path: Path_) -> tuple[Any, ...]:
        """A list, converting each item; every bad item is reported."""
        if type(value) is not list:
            raise conv.wrong_type(path, "a list", value)
        items = []
        failed = False
        for index, element in enumerate(value):
            try:
                items.append(item(conv, element, (*path, index)))
            except Invalid:
                failed = True
        if failed:
            raise Invalid()
        return tuple(items)

    return step


def _text(conv: Converter, value: Any, path: Path_) -> str:
    if type(value) is not str:
        raise conv.wrong_type(path, "text", value)
    if len(value) > MAX_TEXT_CHARS:
        raise conv.fail(path, f"text longer than {MAX_TEXT_CHARS} characters")
    control = _CONTROL_RE.search(value) if conv.controls_possible else None
    if control:
        char = control.group()
        code = f"U+{ord(char):04X}"
        if char in _BIDI_CONTROLS:
            raise conv.fail(path, f"bidi control {code} in text (it reorders what is shown)")
        raise conv.fail(path, f"control character {code} in text (terminals obey them)")
    return value


def _yes_no(conv: Converter, value: Any, path: Path_) -> bool:
    if not isinstance(value, bool):
        raise conv.wrong_type(path, "true or false", value)
    return value


def _whole_number(conv: Converter, value: Any, path: Path_) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise conv.wrong_type(path, "a whole number", value)
    return value


_known_languages: set[str] = set()
"""Language keys already matched against LANG_PATTERN (a story uses a handful, many times)."""


def _localized(conv: Converter, value: Any, path: Path_) -> Localized:
    """A `{lang: text}` mapping."""
    if type(value) is not dict:
        if isinstance(value, str):
            raise conv.fail(path, 'expected texts by language, like {en: "...", fr: "..."}')
        raise conv.wrong_type(path, "texts by language", value)
    if not conv.controls_possible and _known_languages.issuperset(value):
        # The common case, checked without a call a language: languages seen before, and
        # texts in a file that cannot hold a control character.
        for text in value.values():
            if type(text) is not str or len(text) > MAX_TEXT_CHARS:
                break
        else:
            return Localized(value)
    failed = False
    for lang, text in value.items():
        if lang not in _known_languages:
            if not _LANG_RE.match(lang):
                conv.fail((*path, lang), f"'{lang}' is not a language code", key=True)
                failed = True
                continue
            if len(_known_languages) >= KNOWN_MATCHES:
                _known_languages.clear()
            _known_languages.add(lang)
        if (
            type(text) is not str
            or len(text) > MAX_TEXT_CHARS
            or (conv.controls_possible and _CONTROL_RE.search(text) is not None)
        ):
            try:
                _text(conv, text, (*path, lang))
            except Invalid:
                failed = True
    if failed:
        raise Invalid()
    return Localized(value)


def _record(cls: type) -> Step:
    """A mapping into the dataclass `cls`: unknown, missing and wrong keys all reported."""
    specs = fields_of(cls)
    known = frozenset(spec.key for spec in specs)
    expected = ", ".join(spec.key for spec in specs)
    has_origin = "origin" in {item.name for item in dataclasses.fields(cls)}
    what = f"a mapping ({cls.__name__.lower()})"
    # Resolved on first use: a model class may refer to itself or to a later class.
    plan: list[tuple[str, str, Step, bool]] = []

    def step(conv: Converter, value: Any, path: Path_) -> Any:
        if type(value) is not dict:
            raise conv.wrong_type(path, what, value)
        if not plan:
            plan.extend((spec.name, spec.key, step_for(spec.hint), spec.required) for spec in specs)
        failed = False
        if not known.issuperset(value):
            for key in value:
                if key not in known:
                    conv.fail((*path, key), f"unknown key '{key}' (expected: {expected})", key=True)
            failed = True
        arguments: dict[str, Any] = {}
        for name, key, convert, required in plan:
            if key not in value:
                if required:
                    conv.fail(path, f"missing key '{key}'")
                    failed = True
                continue
            try:
                arguments[name] = convert(conv, value[key], (*path, key))
            except Invalid:
                failed = True
        if failed:
            conv.note_broken(cls, value)
            raise Invalid()
        if has_origin:
            arguments["origin"] = Origin(conv.document.file, path)
        return cls(**arguments)

    return step


def convert_sections(converter: Converter, cls: type, value: Any) -> Any:
    """A whole file (`cls` is the model's file class), keeping every good item of its lists.

    A bad event must not take the file's other events with it: their ids would then be unknown
    to the rest of the story and every reference to them reported too (one bad source `kind`
    gave 394 lines). Raises Invalid only when the file is not a mapping at all."""
    step_for(cls)  # compiles, and checks the model
    if type(value) is not dict:
        raise converter.wrong_type((), f"a mapping ({cls.__name__.lower()})", value)
    specs = fields_of(cls)
    known = {spec.key for spec in specs}
    expected = ", ".join(spec.key for spec in specs)
    for key in value:
        if key not in known:
            converter.fail((key,), f"unknown key '{key}' (expected: {expected})", key=True)
    arguments: dict[str, Any] = {}
    for spec in specs:
        if spec.key not in value:
            continue
        section = value[spec.key]
        path: Path_ = (spec.key,)
        if get_origin(spec.hint) is tuple and type(section) is list:
            item = step_for(get_args(spec.hint)[0])
            kept = []
            for index, element in enumerate(section):
                with contextlib.suppress(Invalid):  # its problems are recorded
                    kept.append(item(converter, element, (*path, index)))
            arguments[spec.name] = tuple(kept)
            continue
        try:
            arguments[spec.name] = step_for(spec.hint)(converter, section, path)
        except Invalid:
            converter.broken_kinds.add(spec.name)
    return cls(**arguments)


@dataclasses.dataclass
class ConvertedFile:
    """One document converted: its `StoryFile`, and what broke in it (for the checks across
    files, which do not blame what refers to a broken item)."""

    story_file: StoryFile | None
    """None when the file is not a mapping: any id may have been defined in it."""
    broken: dict[str, set[str]]
    broken_kinds: set[str]


def convert_document(document: Document, problems: ProblemLog) -> ConvertedFile:
    """A parsed document (with a value) as a StoryFile, its problems appended to `problems`."""
    converter = Converter(document, problems)
    try:
        story_file = convert_sections(converter, StoryFile, document.value)
    except Invalid:
        story_file = None
    return ConvertedFile(story_file, converter.broken, converter.broken_kinds)
