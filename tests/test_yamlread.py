"""The defensive YAML reader: places, and refusal of what a story must not contain."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from story import yamlread
from story.places import locate
from story.yamlread import parse_yaml, read_yaml


def problems_of(text: str) -> list[str]:
    _, problems = parse_yaml(text.encode(), "f.yaml")
    return [str(problem) for problem in problems]


def test_values_and_places_are_kept() -> None:
    document, problems = parse_yaml(b"a:\n  b: [1, x]\n", "f.yaml")
    assert problems == []
    assert document is not None
    assert document.value == {"a": {"b": [1, "x"]}}
    assert document.place(("a", "b", 1)) == (2, 10)
    places = locate(document.text, [(("a", "b", 0), False), (("a", "b"), True)])
    assert places.sources[("a", "b", 0)] == "1"
    assert places.place(("a", "b"), key=True) == (2, 3)
    assert places.place(("a", "b", 7, "x")) == (2, 6)  # the nearest parent that exists


def test_syntax_error_has_line_and_column() -> None:
    assert problems_of("a: [\n") == ["f.yaml:2:1: invalid YAML: did not find expected node content"]


def test_duplicate_keys_are_all_reported() -> None:
    found = problems_of("a: 1\nb: 2\na: 3\nb: 4\n")
    assert found == ["f.yaml:3:1: duplicate key 'a'", "f.yaml:4:1: duplicate key 'b'"]


def test_aliases_are_refused() -> None:
    found = problems_of("a: &x [1, 2]\nb: *x\n")
    assert len(found) == 1 and "aliases" in found[0] and found[0].startswith("f.yaml:1:")


def test_billion_laughs_is_refused_quickly() -> None:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [{', '.join(f'*a{i - 1}' for _ in range(10))}]" for i in range(1, 12)]
    found = problems_of("\n".join(lines) + "\n")
    assert "aliases" in found[0]


def test_merge_keys_are_refused() -> None:
    found = problems_of("base: {a: 1}\nother:\n  <<: {a: 1}\n")
    assert found == ["f.yaml:3:3: merge keys (<<) are not allowed in a story"]


def test_depth_is_capped() -> None:
    deep = "[" * (yamlread.MAX_DEPTH + 5) + "]" * (yamlread.MAX_DEPTH + 5)
    found = problems_of(f"a: {deep}\n")
    assert "nested deeper" in found[0]


def test_non_text_keys_are_refused() -> None:
    assert problems_of("1: a\n") == ["f.yaml:1:1: keys must be plain words"]


def test_not_utf8() -> None:
    assert problems_of.__name__  # keeps the helper in use
    _, problems = parse_yaml(b"a: \xff\n", "f.yaml")
    assert str(problems[0]) == "f.yaml: not UTF-8 text (byte 3)"


def test_size_cap_before_parsing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(yamlread, "MAX_FILE_BYTES", 10)
    path = tmp_path / "big.yaml"
    path.write_text("a: " + "x" * 100)
    document, problems = read_yaml(path, "big.yaml")
    assert document is None
    assert (
        str(problems[0])
        == "big.yaml: file is larger than 0 MiB (a story can be split into several files of a folder)"
    )


def test_only_regular_files(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.yaml"
    os.mkfifo(fifo)
    document, problems = read_yaml(fifo, "pipe.yaml")
    assert document is None and str(problems[0]) == "pipe.yaml: not a regular file"


def test_unreadable_file(tmp_path: Path) -> None:
    _, problems = read_yaml(tmp_path / "missing.yaml", "missing.yaml")
    assert str(problems[0]).startswith("missing.yaml: cannot read:")


def test_scalars_keep_yaml_meaning_for_the_converter() -> None:
    document, _ = parse_yaml(b"t: 12:30\nn: no\nd: 2023-11-17\ne: ~\n", "f.yaml")
    assert document is not None
    assert document.value == {"t": 750, "n": False, "d": "2023-11-17", "e": None}


def test_numbers_read_as_yaml_1_1_does_without_a_parser_per_value() -> None:
    """Each number was read with yaml.safe_load (the pure-Python parser): 250,000 of them
    took a minute."""
    document, problems = parse_yaml(
        b"t: 12:30\nh: 0x1F\nu: 1_000\no: 017\nf: 1.5\ni: .inf\nb: 0b101\nx: !!int 7\n", "f.yaml"
    )
    assert problems == [] and document is not None
    assert document.value == {
        "t": 750,
        "h": 31,
        "u": 1000,
        "o": 15,
        "f": 1.5,
        "i": float("inf"),
        "b": 5,
        "x": 7,
    }


def test_the_value_budget_is_shared_and_names_the_limit() -> None:
    budget = yamlread.ValueBudget(limit=10)
    document, _ = parse_yaml(b"[1, 2, 3]\n", "a.yaml", budget=budget)
    assert document is not None and budget.used == 4 and not budget.exhausted
    _, problems = parse_yaml(b"[1, 2, 3, 4, 5, 6, 7, 8]\n", "b.yaml", budget=budget)
    assert [str(p) for p in problems] == ["b.yaml:1:17: more than 10 values in the story"]
    assert budget.exhausted
