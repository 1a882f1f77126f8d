"""The JSON Schema shipped for authors is current and accepts the shipped story."""

from __future__ import annotations

import json

import jsonschema

from openai_saga_assets import SCHEMA_FILE, STORY_DIR
from story.schema import schema_text, story_schema
from story.yamlread import read_yaml


def test_shipped_schema_is_current() -> None:
    assert SCHEMA_FILE.read_text(encoding="utf-8") == schema_text(), (
        "regenerate with: python -m story.schema > assets/story.schema.json"
    )


def test_schema_mirrors_the_model() -> None:
    schema = story_schema()
    event = schema["$defs"]["Event"]
    assert set(event["required"]) == {"id", "date", "title", "text", "sources"}
    assert event["additionalProperties"] is False
    assert schema["$defs"]["Role"]["properties"]["from"]["anyOf"][0]["pattern"]


def test_shipped_story_files_match_the_schema() -> None:
    validator = jsonschema.Draft202012Validator(json.loads(SCHEMA_FILE.read_text()))
    for path in sorted(STORY_DIR.glob("*.yaml")):
        document, problems = read_yaml(path, path.name)
        assert document is not None and not problems
        errors = [error.message for error in validator.iter_errors(document.value)]
        assert errors == [], path.name


def test_schema_rejects_an_unquoted_time() -> None:
    validator = jsonschema.Draft202012Validator(story_schema())
    bad = {
        "events": [
            {
                "id": "e",
                "date": "2023-11-17",
                "time": 750,
                "title": {"en": "T"},
                "text": {"en": "T"},
                "sources": ["s"],
            }
        ]
    }
    assert list(validator.iter_errors(bad))
