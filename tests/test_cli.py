"""The command line: exit statuses, one-line errors, validate's output."""

from __future__ import annotations

import io
import os
import pty
import select
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import MINI, write
from tui.cli.errors import UsageError
from tui.cli.main import run


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


def test_a_bidi_override_in_a_story_exits_2_naming_the_place(tmp_path: Path) -> None:
    """A title holding U+202E would read backwards after it in a bidi terminal: refused, at
    start and in validate, with a message that shows nothing but the code point."""
    story = tmp_path / "story"
    shutil.copytree(MINI, story)
    events = story / "20-events.yaml"
    events.write_text(events.read_text().replace("Altman is fired", "Altman is \u202edeif"))
    for args in (["--story", str(story)], ["validate", str(story)]):
        result = entry(*args)
        assert result.returncode == 2
        assert result.stderr.strip() == (
            f"{events}:11:17: bidi control U+202E in text (it reorders what is shown)"
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
        "subtitle, focus_from, power, opening)",
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


def test_without_a_terminal_the_app_says_so_and_exits() -> None:
    """`openai-saga </dev/null >out` used to spin a core for ever."""
    exe = shutil.which("openai-saga") or str(Path(sys.executable).parent / "openai-saga")
    env = {key: value for key, value in os.environ.items() if key != "TEXTUAL_DRIVER"}
    result = subprocess.run(
        [exe, "--fresh"],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
    )
    assert result.returncode == 2
    assert result.stderr == (
        "openai-saga: needs a terminal (standard input and output are not one); "
        "for text, run 'openai-saga export'\n"
    )


def run_in_a_terminal(args: list[str], env: dict[str, str]) -> tuple[int, str]:
    """Run the console script on a pseudo-terminal; returns its status and what it printed."""
    exe = shutil.which("openai-saga") or str(Path(sys.executable).parent / "openai-saga")
    leader, follower = pty.openpty()
    process = subprocess.Popen(
        [exe, *args], stdin=follower, stdout=follower, stderr=follower, env=env, close_fds=True
    )
    os.close(follower)
    output = b""
    try:
        while True:
            ready, _, _ = select.select([leader], [], [], 60)
            if not ready:
                break
            try:
                chunk = os.read(leader, 4096)
            except OSError:
                break
            if not chunk:
                break
            output += chunk
    finally:
        os.close(leader)
        if process.poll() is None:
            process.kill()
    return process.wait(timeout=60), output.decode("utf-8", "replace")


def test_a_dumb_terminal_is_told_rather_than_drawn_on() -> None:
    env = {key: value for key, value in os.environ.items() if key != "TEXTUAL_DRIVER"}
    status, output = run_in_a_terminal(["--fresh"], {**env, "TERM": "dumb"})
    assert status == 2
    assert output.strip() == (
        "openai-saga: TERM=dumb cannot show the app; use a full terminal, "
        "or 'openai-saga export' for text"
    )


@pytest.mark.parametrize("kind", ["loop", "name", "folder"])
def test_odd_story_paths_exit_2_with_one_line(tmp_path: Path, kind: str) -> None:
    """A symlink loop, a file name that is not UTF-8, a folder holding one: these used to end
    in a traceback from the cache's fingerprint."""
    if kind == "loop":
        path = tmp_path / "loop"
        path.symlink_to(path)
        expected = f"{path}: cannot read: Too many levels of symbolic links"
    elif kind == "name":
        path = Path(os.fsdecode(bytes(tmp_path) + b"/caf\xe9.yaml"))
        path.write_text("story: [\n")
        expected = f"{tmp_path}/caf\\xe9.yaml:2:1: invalid YAML: did not find expected node content"
    else:
        path = tmp_path / "story"
        shutil.copytree(MINI, path)
        (path / os.fsdecode(b"\xff.yaml")).symlink_to(path / os.fsdecode(b"\xff.yaml"))
        expected = f"{path}/\\xff.yaml: cannot read: Too many levels of symbolic links"
    result = entry("--story", os.fsdecode(bytes(path)), "--fresh")
    assert result.returncode == 2
    assert result.stderr == expected + "\n"


def test_any_output_encoding_works(tmp_path: Path) -> None:
    """`export` to an ASCII stdout used to end in UnicodeEncodeError."""
    exe = shutil.which("openai-saga") or str(Path(sys.executable).parent / "openai-saga")
    plain = subprocess.run([exe, "export", "--lang", "zh"], capture_output=True, timeout=60)
    env = {**os.environ, "PYTHONIOENCODING": "ascii"}
    ascii_out = subprocess.run(
        [exe, "export", "--lang", "zh"], capture_output=True, timeout=60, env=env
    )
    assert ascii_out.returncode == 0 and ascii_out.stderr == b""
    assert ascii_out.stdout == plain.stdout  # the handout stays UTF-8
    assert "OpenAI风云录" in ascii_out.stdout.decode("utf-8")
    write(tmp_path, "é.yaml", "story:\n  títle: 1\n")
    checked = subprocess.run(
        [exe, "validate", str(tmp_path / "é.yaml")], capture_output=True, text=True, env=env
    )
    assert checked.returncode == 2 and "Traceback" not in checked.stderr
    assert "\\xe9.yaml:2:3: unknown key 't\\xedtle'" in checked.stderr
    unknown = subprocess.run([exe, "--actor", "é"], capture_output=True, text=True, env=env)
    assert unknown.returncode == 2
    assert unknown.stderr == "openai-saga: unknown actor '\\xe9'\n"


def test_validate_escapes_what_the_story_says(tmp_path: Path) -> None:
    """OSC 0 (window title), OSC 52 (clipboard) and SGR in keys, names and values reached the
    terminal through validate's messages."""
    folder = tmp_path / "s\x1b]0;title\x07"
    folder.mkdir()
    write(
        folder,
        "a.yaml",
        'story: {title: {en: T}, zone: UTC, languages: [en]}\n"\\e[31mred": 1\nsources: [{id: s, kind: "\\e]52;c;aGk=\\a", title: {en: S}, outlet: {en: O}, language: en}]\n',
    )
    result = entry("validate", str(folder))
    assert result.returncode == 2
    assert "\x1b" not in result.stderr and "\x07" not in result.stderr
    assert "s\\x1b]0;title\\x07/a.yaml:2:1: unknown key '\\x1b[31mred'" in result.stderr
    assert "'\\x1b]52;c;aGk=\\x07' is not one of: seed, outside" in result.stderr


def test_validate_prints_at_most_50_problems_and_counts_the_rest(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    events = "".join(
        f'  - {{id: e{n}, date: "2023-11-17", title: {{en: T}}, text: {{en: T}}, sources: [s], x: 1}}\n'
        for n in range(400)
    )
    write(
        tmp_path,
        "a.yaml",
        "story: {title: {en: T}, zone: UTC, languages: [en]}\n"
        "sources: [{id: s, kind: seed, title: {en: S}, outlet: {en: O}, language: en}]\n"
        "events:\n" + events,
    )
    assert run(["validate", str(tmp_path)]) == 2
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 51
    assert err[0].startswith(f"{tmp_path}/a.yaml:4:") and "unknown key 'x'" in err[0]
    assert err[-1] == f"{tmp_path}: and 350 more problems (400 in all)"


def test_progress_line_appears_on_a_terminal_and_is_erased(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from tui.cli import progress

    monkeypatch.setattr(progress, "DELAY", 0.0)
    stream = io.StringIO()
    line = progress.ProgressLine("openai-saga validate: reading big\x1b", stream, force=True)
    line(0.5)
    line.close()
    assert stream.getvalue() == ("\r\x1b[Kopenai-saga validate: reading big\\x1b: 50%\r\x1b[K")
    quiet = io.StringIO()
    progress.ProgressLine("x", quiet)(0.5)  # not a terminal: nothing
    assert quiet.getvalue() == ""


def test_validate_reports_progress_and_erases_the_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from story import yamlread
    from tui.cli import progress
    from tui.cli import validate as validate_cmd

    monkeypatch.setattr(yamlread, "PROGRESS_EVERY", 50)
    monkeypatch.setattr(progress, "DELAY", 0.0)
    monkeypatch.setattr(progress, "PER_SECOND", 1_000_000)
    terminal = io.StringIO()
    monkeypatch.setattr(
        validate_cmd,
        "ProgressLine",
        lambda label, _: progress.ProgressLine(label, terminal, force=True),
    )
    assert run(["validate", str(MINI)]) == 0
    drawn = terminal.getvalue()
    assert f"\r\x1b[Kopenai-saga validate: reading {MINI}: 100%" in drawn
    assert drawn.endswith("\r\x1b[K")
    assert capsys.readouterr().out.startswith(f"{MINI}: ok:")
