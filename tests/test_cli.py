"""The command line: exit statuses, one-line errors, validate's output."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import MINI, write
from tui.cli import run
from tui.errors import UsageError


def entry(*args: str) -> subprocess.CompletedProcess[str]:
    """Run the installed console script the way a user does."""
    exe = shutil.which("openai-saga") or str(Path(sys.executable).parent / "openai-saga")
    return subprocess.run([exe, *args], capture_output=True, text=True, timeout=60)


def test_version() -> None:
    result = entry("--version")
    assert result.returncode == 0
    assert result.stdout.startswith("openai-saga ")


def test_help_lists_the_options() -> None:
    result = entry("--help")
    assert result.returncode == 0
    for option in ("--lang", "--day", "--event", "--actor", "--story", "--present", "--fresh"):
        assert option in result.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--lang", "xx"], "unknown language 'xx'"),
        (["--event", "no-such-event"], "unknown event 'no-such-event'"),
        (["--actor", "nobody"], "unknown actor 'nobody'"),
        (["--day", "1999-01-01"], "no events on '1999-01-01'"),
        (["--day", "friday"], "'friday' is not a day"),
        (["--story", "/nonexistent/story"], "/nonexistent/story: no such file or folder"),
        (["--interval", "5"], "--interval needs --present"),
        (["--present", "--interval", "0"], "between 1 and 3600"),
        (["--bogus"], "unrecognized arguments: --bogus"),
    ],
)
def test_user_errors_exit_2_with_one_line(args: list[str], message: str) -> None:
    result = entry(*args)
    assert result.returncode == 2
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and message in lines[0]
    assert "Traceback" not in result.stderr


def test_broken_story_exits_2_naming_the_place(tmp_path: Path) -> None:
    write(tmp_path, "bad.yaml", "story: [\n")
    result = entry("--story", str(tmp_path / "bad.yaml"))
    assert result.returncode == 2
    assert result.stderr.strip() == (
        f"{tmp_path / 'bad.yaml'}:2:1: invalid YAML: did not find expected node content"
    )


def test_validate_ok_prints_one_summary_line(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["validate", str(MINI)]) == 0
    out = capsys.readouterr().out.strip().splitlines()
    assert len(out) == 1
    assert "5 events over 4 days, 3 actors, 1 quotes" in out[0]
    assert out[0].endswith("translated: en 100% fr 100% id 0% zh 0%")


def test_validate_reports_every_problem_sorted(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(
        tmp_path,
        "a.yaml",
        "story:\n  title: {en: T}\n  zone: UTC\n  languages: [en]\n"
        "  extra: 1\n  focus_from: 2023\n",
    )
    assert run(["validate", str(tmp_path)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert err == [
        f"{tmp_path}/a.yaml:5:3: unknown key 'extra' (expected: title, zone, languages, "
        "subtitle, focus_from, power)",
        f"{tmp_path}/a.yaml:6:15: expected text, got a number (YAML reads 2023 as a number: "
        'put it in quotes, "2023")',
    ]


def test_validate_several_paths_fails_if_any_fails(tmp_path: Path) -> None:
    write(tmp_path, "bad.yaml", "a: [\n")
    result = entry("validate", str(MINI), str(tmp_path / "bad.yaml"))
    assert result.returncode == 2
    assert "ok:" in result.stdout and "bad.yaml:2:1:" in result.stderr


def test_subcommand_is_not_an_app_option() -> None:
    from tui import make_app

    with pytest.raises(UsageError):
        make_app(["validate"])
