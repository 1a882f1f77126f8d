"""The JSON Schema of story files, generated from the model so it cannot drift from the loader.

Editors with the YAML language server complete and check story files against it; put
`# yaml-language-server: $schema=<path or URL of story.schema.json>` on a file's first line.
`python -m story.schema` prints it; a test checks the shipped copy is current.
"""

from __future__ import annotations

import dataclasses
import json
import types
from typing import Annotated, Any, Literal, Union, get_args, get_origin

from story.convert import fields_of
from story.localized import Localized
from story.model import LANG_PATTERN, Pattern, StoryFile


def story_schema() -> dict[str, Any]:
    """The schema of one story file."""
    definitions: dict[str, Any] = {}
    root = _schema_of(StoryFile, definitions)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://openai-saga.invalid/story.schema.json",
        "title": "openai-saga story file",
        "description": (StoryFile.__doc__ or "").strip(),
        **root,
        "$defs": dict(sorted(definitions.items())),
    }


def _schema_of(hint: Any, definitions: dict[str, Any]) -> dict[str, Any]:
    origin = get_origin(hint)
    if origin is Annotated:
        base, *extras = get_args(hint)
        schema = _schema_of(base, definitions)
        for extra in extras:
            if isinstance(extra, Pattern):
                schema = {**schema, "pattern": extra.regex, "description": extra.meaning}
        return schema
    if origin in (Union, types.UnionType):
        options = [arg for arg in get_args(hint) if arg is not type(None)]
        return {"anyOf": [_schema_of(options[0], definitions), {"type": "null"}]}
    if origin is Literal:
        return {"enum": list(get_args(hint))}
    if origin is tuple:
        return {"type": "array", "items": _schema_of(get_args(hint)[0], definitions)}
    if hint is str:
        return {"type": "string"}
    if hint is bool:
        return {"type": "boolean"}
    if hint is int:
        return {"type": "integer"}
    if hint is Localized:
        definitions["Localized"] = {
            "type": "object",
            "description": "A text by language: {en: ..., fr: ..., id: ..., zh: ...}.",
            "propertyNames": {"pattern": LANG_PATTERN},
            "additionalProperties": {"type": "string"},
            "minProperties": 1,
        }
        return {"$ref": "#/$defs/Localized"}
    if dataclasses.is_dataclass(hint) and isinstance(hint, type):
        name = hint.__name__
        if name not in definitions:
            definitions[name] = {}  # placeholder against recursion
            specs = fields_of(hint)
            definitions[name] = {
                "type": "object",
                "description": (hint.__doc__ or "").strip(),
                "properties": {
                    spec.key: {**_schema_of(spec.hint, definitions), "description": spec.doc}
                    for spec in specs
                },
                "required": [spec.key for spec in specs if spec.required],
                "additionalProperties": False,
            }
        return {"$ref": f"#/$defs/{name}"}
    raise TypeError(f"no schema for {hint!r}")


def schema_text() -> str:
    """The schema as the shipped file holds it."""
    return json.dumps(story_schema(), indent=2, ensure_ascii=False) + "\n"


if __name__ == "__main__":  # pragma: no cover
    print(schema_text(), end="")
