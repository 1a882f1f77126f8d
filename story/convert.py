"""Convert parsed YAML values into the story's dataclasses, collecting every problem.

The dataclasses of `story.model` are the format: their type hints say what each key takes. One
small converter reads those hints (str, bool, int, Literal, tuples, optionals, nested
dataclasses, `Localized`, patterned strings) so that the format is written once and every
wrong key, type or value is reported at its place, not just the first.
"""

from __future__ import annotations

import dataclasses
import re
import types
from functools import cache
from typing import Annotated, Any, Literal, Union, get_args, get_origin, get_type_hints

from story.localized import Localized
from story.model import LANG_PATTERN, Origin, Pattern
from story.problems import Problem
from story.yamlread import Document, Path_

_LANG_RE = re.compile(LANG_PATTERN)
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
"""C0 and C1 control characters (tab and newline allowed): text must never steer a terminal."""
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


class Converter:
    """Converts one Document's values, appending problems to a shared list."""

    def __init__(self, document: Document, problems: list[Problem]) -> None:
        self.document = document
        self.problems = problems

    def fail(self, path: Path_, message: str, *, key: bool = False) -> Invalid:
        """Record a problem at `path` and return the exception that abandons this value."""
        self.problems.append(self.document.problem(path, message, key=key))
        return Invalid()

    def wrong_type(self, path: Path_, expected: str, value: Any) -> Invalid:
        """A type mismatch, with a hint when YAML read something the author meant as text."""
        raw = self.document.raw.get(path)
        message = f"expected {expected}, got {describe(value)}"
        if raw is not None and isinstance(value, (bool, int, float)) and "text" in expected:
            message += f' (YAML reads {raw} as {describe(value)}: put it in quotes, "{raw}")'
        return self.fail(path, message)

    def convert(self, hint: Any, value: Any, path: Path_) -> Any:
        """Convert `value` to the type `hint`, or raise Invalid after recording why."""
        origin = get_origin(hint)
        if origin is Annotated:
            base, *extras = get_args(hint)
            result = self.convert(base, value, path)
            for extra in extras:
                if isinstance(extra, Pattern) and not re.match(extra.regex, result):
                    raise self.fail(path, f"'{result}' is not {extra.meaning}")
            return result
        if origin in (Union, types.UnionType):
            options = [arg for arg in get_args(hint) if arg is not type(None)]
            if value is None:
                return None
            return self.convert(options[0], value, path)
        if origin is Literal:
            choices = get_args(hint)
            if value not in choices:
                listed = ", ".join(str(choice) for choice in choices)
                raise self.fail(path, f"'{value}' is not one of: {listed}")
            return value
        if origin is tuple:
            return self.convert_list(get_args(hint)[0], value, path)
        if hint is str:
            if not isinstance(value, str):
                raise self.wrong_type(path, "text", value)
            if len(value) > MAX_TEXT_CHARS:
                raise self.fail(path, f"text longer than {MAX_TEXT_CHARS} characters")
            control = _CONTROL_RE.search(value)
            if control:
                code = f"U+{ord(control.group()):04X}"
                raise self.fail(path, f"control character {code} in text (terminals obey them)")
            return value
        if hint is bool:
            if not isinstance(value, bool):
                raise self.wrong_type(path, "true or false", value)
            return value
        if hint is int:
            if isinstance(value, bool) or not isinstance(value, int):
                raise self.wrong_type(path, "a whole number", value)
            return value
        if hint is Localized:
            return self.convert_localized(value, path)
        if dataclasses.is_dataclass(hint) and isinstance(hint, type):
            return self.convert_record(hint, value, path)
        raise TypeError(f"no conversion for {hint!r}")  # a bug in the model, not in the story

    def convert_list(self, item_hint: Any, value: Any, path: Path_) -> tuple[Any, ...]:
        """A list, converting each item; bad items are reported and left out."""
        if not isinstance(value, list):
            raise self.wrong_type(path, "a list", value)
        items = []
        failed = False
        for index, item in enumerate(value):
            try:
                items.append(self.convert(item_hint, item, (*path, index)))
            except Invalid:
                failed = True
        if failed:
            raise Invalid()
        return tuple(items)

    def convert_localized(self, value: Any, path: Path_) -> Localized:
        """A `{lang: text}` mapping."""
        if isinstance(value, str):
            raise self.fail(path, 'expected texts by language, like {en: "...", fr: "..."}')
        if not isinstance(value, dict):
            raise self.wrong_type(path, "texts by language", value)
        texts: dict[str, str] = {}
        failed = False
        for lang, text in value.items():
            if not _LANG_RE.match(lang):
                self.fail((*path, lang), f"'{lang}' is not a language code", key=True)
                failed = True
                continue
            try:
                texts[lang] = self.convert(str, text, (*path, lang))
            except Invalid:
                failed = True
        if failed:
            raise Invalid()
        return Localized(texts)

    def convert_record(self, cls: type, value: Any, path: Path_) -> Any:
        """A mapping into the dataclass `cls`: unknown, missing and wrong keys all reported."""
        if not isinstance(value, dict):
            raise self.wrong_type(path, f"a mapping ({cls.__name__.lower()})", value)
        specs = fields_of(cls)
        by_key = {spec.key: spec for spec in specs}
        failed = False
        for key in value:
            if key not in by_key:
                expected = ", ".join(by_key)
                self.fail((*path, key), f"unknown key '{key}' (expected: {expected})", key=True)
                failed = True
        arguments: dict[str, Any] = {}
        for spec in specs:
            if spec.key not in value:
                if spec.required:
                    self.fail(path, f"missing key '{spec.key}'")
                    failed = True
                continue
            try:
                arguments[spec.name] = self.convert(spec.hint, value[spec.key], (*path, spec.key))
            except Invalid:
                failed = True
        if failed:
            raise Invalid()
        if "origin" in {item.name for item in dataclasses.fields(cls)}:
            arguments["origin"] = Origin(self.document.file, path)
        return cls(**arguments)
