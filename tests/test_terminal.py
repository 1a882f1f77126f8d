"""The launch path in a real terminal (tmux): `openai-saga` draws, answers keys, quits cleanly
with status 0 and saves the place."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from story import Saga

EXE = str(Path(sys.executable).parent / "openai-saga")


def tmux(*args: str) -> str:
    return subprocess.run(["tmux", *args], capture_output=True, text=True, timeout=20).stdout


@pytest.fixture
def session(tmp_path: Path) -> Iterator[str]:
    if shutil.which("tmux") is None:
        if os.environ.get("CI"):
            pytest.fail("tmux is needed for the launch-path test")
        pytest.skip("tmux is not installed")
    name = f"saga-{uuid.uuid4().hex[:8]}"
    yield name
    tmux("kill-session", "-t", name)


def wait_for(name: str, text: str, seconds: float = 30) -> str:
    deadline = time.monotonic() + seconds
    screen = ""
    while time.monotonic() < deadline:
        screen = tmux("capture-pane", "-t", name, "-p")
        if text in screen:
            return screen
        time.sleep(0.2)
    raise AssertionError(f"{text!r} never appeared; screen was:\n{screen}")


def launch(session: str, command: str) -> None:
    """Run `command` in a new 80x24 terminal; the shell then prints its exit status."""
    tmux(
        "new-session",
        "-d",
        "-s",
        session,
        "-x",
        "80",
        "-y",
        "24",
        f"{command}; echo EXIT=$?; sleep 60",
    )


def quit_status(session: str) -> str:
    """Press q, wait for the app to end and return its exit status."""
    tmux("send-keys", "-t", session, "q")
    screen = wait_for(session, "EXIT=", seconds=20)
    return screen.split("EXIT=")[1].split()[0]


def test_launch_browse_and_quit(session: str, tmp_path: Path, saga: Saga) -> None:
    state = tmp_path / "place.json"
    env = f"OPENAI_SAGA_STATE={state} OPENAI_SAGA_CACHE={tmp_path / 'cache'} LANG=fr_FR.UTF-8"
    launch(session, f"env {env} {EXE} --event altman-fired")
    wait_for(session, "Bienvenue")  # a first launch: the title card, in the reader's language
    tmux("send-keys", "-t", session, "Space")  # any key closes it, and does nothing else
    screen = wait_for(session, "vendredi 17 novembre")
    assert "Jours" in screen
    tmux("send-keys", "-t", session, "Right")
    wait_for(session, "samedi 18 novembre")
    tmux("send-keys", "-t", session, "l")
    wait_for(session, "Sabtu, 18 November")
    assert quit_status(session) == "0"
    place = json.loads(state.read_text())
    assert saga.day_of_event[place["event"]] == "2023-11-18" and place["lang"] == "id"


def test_unwritable_state_warns_after_quitting_and_exits_0(session: str, tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    env = f"OPENAI_SAGA_STATE={blocker / 'place.json'} OPENAI_SAGA_CACHE="
    launch(session, f"env {env} {EXE} --fresh")
    wait_for(session, "Welcome")
    tmux("send-keys", "-t", session, "Escape")
    wait_for(session, "Background")
    assert quit_status(session) == "0"
    # Textual draws on stderr; the warning comes after it has given the terminal back.
    assert "your place was not saved" in tmux(
        "capture-pane", "-J", "-S", "-100", "-t", session, "-p"
    )
