"""The shipped story's pre-built file: exactly what its YAML gives, used only when it matches."""

from __future__ import annotations

import shutil
from pathlib import Path

import msgspec
import pytest

from openai_saga_assets import STORY_DIR
from story import load_story, loader
from story.prebuilt import Prebuilt, build, load_prebuilt, shipped, yaml_digest
from story.stored import model_signature, stored
from tui.cli.start import load_saga

REGENERATE = "the shipped story changed: run `python -m story.prebuilt` and commit the file"


def test_the_prebuilt_file_is_exactly_the_yaml() -> None:
    story_dir, prebuilt_file = shipped()
    prebuilt = msgspec.json.decode(prebuilt_file.read_bytes(), type=Prebuilt)
    assert prebuilt.sources == yaml_digest(story_dir), REGENERATE
    assert prebuilt.model == model_signature(), REGENERATE
    assert prebuilt.story == stored(load_story(story_dir)), REGENERATE
    assert prebuilt_file.read_bytes() == build(story_dir), REGENERATE


def test_the_shipped_story_opens_without_parsing(monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(*_: object) -> None:
        raise AssertionError("parsed")

    monkeypatch.setattr(loader, "load_story", fail)
    saga, key = load_saga(None)
    assert key == str(STORY_DIR.resolve())
    assert saga.event_by_id and "sam-altman" in saga.actors
    monkeypatch.undo()
    parsed = load_story(STORY_DIR)
    assert stored(saga) == stored(parsed)
    assert saga.lesson is not None and saga.lesson == parsed.lesson  # stored() once dropped it


def test_a_stale_or_damaged_prebuilt_file_is_not_used(tmp_path: Path) -> None:
    story_dir, prebuilt_file = shipped()
    copy = tmp_path / "story"
    shutil.copytree(story_dir, copy)
    assert load_prebuilt(copy, prebuilt_file) is not None
    story_yaml = copy / "story.yaml"
    story_yaml.write_text(story_yaml.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert load_prebuilt(copy, prebuilt_file) is None  # an edit without regenerating
    damaged = tmp_path / "prebuilt.json"
    damaged.write_bytes(prebuilt_file.read_bytes()[:-200])
    assert load_prebuilt(story_dir, damaged) is None
    damaged.write_bytes(prebuilt_file.read_bytes().replace(b'"kind": "seed"', b'"kind": 7', 1))
    assert load_prebuilt(story_dir, damaged) is None
    assert load_prebuilt(story_dir, tmp_path / "missing.json") is None
