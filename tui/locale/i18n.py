"""UI strings by language: one YAML catalogue per language, the languages are the catalogues.

Each catalogue (`assets/i18n/<code>.yaml`) names its language in its own words
(`language.name`), its CLDR locale (`language.locale`) and its place in the `l` cycle
(`language.order`), so a fifth UI language is one more file and no code. `OPENAI_SAGA_CATALOGUES`
points at another folder of catalogues (a translator trying one out). The catalogues are read once
and cached; a test checks that every language has exactly the same keys and that every key is
used somewhere in `tui/`.

The shipped catalogues are also kept parsed, as JSON (`assets/i18n.prebuilt.json`, regenerated
with `python -m tui.locale.i18n`): importing PyYAML and parsing four catalogues was 30 ms of
every start-up, before the first frame. The JSON is used only when the digest it records is
that of the YAML files beside it, so an edited catalogue is read from its YAML (slower, never
stale); `tests/test_i18n.py` checks that the shipped JSON is up to date.
"""

from __future__ import annotations

import hashlib
import json
import locale
import os
import sys
from collections.abc import Mapping
from pathlib import Path

from openai_saga_assets import I18N_DIR

PREBUILT = I18N_DIR.parent / "i18n.prebuilt.json"
"""The shipped catalogues parsed: {"sources": digest of the YAML, "catalogues": {code: {...}}}."""


def catalogue_dir() -> Path:
    """The folder of catalogues: the shipped one, unless OPENAI_SAGA_CATALOGUES says otherwise."""
    return Path(os.environ.get("OPENAI_SAGA_CATALOGUES") or I18N_DIR)


def _read(path: Path) -> dict[str, str]:
    import yaml  # only when a catalogue is read from its YAML (see the module's docstring)

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    with open(path, encoding="utf-8") as handle:
        data = yaml.load(handle, Loader=loader)
    return {str(key): str(value) for key, value in data.items()}


def yaml_digest(folder: Path) -> str:
    """SHA-256 of a folder's catalogues (names and contents)."""
    digest = hashlib.sha256()
    for path in sorted(folder.glob("*.yaml")):
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def _prebuilt(folder: Path) -> dict[str, dict[str, str]] | None:
    """The shipped catalogues from their JSON, if it was built from the YAML beside it."""
    if folder != I18N_DIR:
        return None
    try:
        data = json.loads(PREBUILT.read_text(encoding="utf-8"))
        if data["sources"] != yaml_digest(folder):
            return None
        catalogues = data["catalogues"]
    except (OSError, ValueError, KeyError, TypeError):
        return None
    if not isinstance(catalogues, dict):
        return None
    return {
        str(code): {str(key): str(value) for key, value in text.items()}
        for code, text in catalogues.items()
    }


def _discover() -> dict[str, dict[str, str]]:
    """Every catalogue of the folder, in the order they declare."""
    folder = catalogue_dir()
    found = _prebuilt(folder)
    if found is None:
        found = {path.stem: _read(path) for path in sorted(folder.glob("*.yaml"))}
    order = sorted(found, key=lambda code: (int(found[code].get("language.order", "99")), code))
    return {code: found[code] for code in order}


def write_prebuilt() -> None:
    """Parse the shipped catalogues' YAML and write them as JSON beside it."""
    catalogues = {path.stem: _read(path) for path in sorted(I18N_DIR.glob("*.yaml"))}
    data = {"sources": yaml_digest(I18N_DIR), "catalogues": catalogues}
    PREBUILT.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


_CATALOGUES = _discover()

LANGUAGES: tuple[str, ...] = tuple(_CATALOGUES)
"""The UI languages, in the order `l` cycles through (en -> fr -> id -> zh for the shipped)."""
LANGUAGE_NAMES = {code: text.get("language.name", code) for code, text in _CATALOGUES.items()}
"""Each language in its own name (Babel calls Indonesian just "Indonesia": ours says better)."""
BABEL_LOCALES = {code: text.get("language.locale", code) for code, text in _CATALOGUES.items()}
"""The CLDR locale of each language, for dates and numbers."""


def catalogue(lang: str) -> Mapping[str, str]:
    """The UI strings of one language (empty for a language we have no catalogue for)."""
    return _CATALOGUES.get(lang, {})


def tr(lang: str, key: str, **values: object) -> str:
    """The UI string `key` in `lang` (English if missing), with `{name}` fields filled in."""
    text = catalogue(lang).get(key) or catalogue("en").get(key, key)
    return text.format(**values) if values else text


def next_language(lang: str) -> str:
    """The language after `lang` in the cycle en -> fr -> id -> zh -> en."""
    index = LANGUAGES.index(lang) if lang in LANGUAGES else -1
    return LANGUAGES[(index + 1) % len(LANGUAGES)]


def language_from_environment(environ: Mapping[str, str] | None = None) -> str | None:
    """The UI language the user's locale asks for (LC_ALL, LC_MESSAGES, LANG), if we have it."""
    env = os.environ if environ is None else environ
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(name)
        if not value:
            continue
        code = locale.normalize(value).split(".")[0].split("_")[0].lower()
        return code if code in LANGUAGES else None
    return None


if __name__ == "__main__":
    write_prebuilt()
    sys.stdout.write(f"wrote {PREBUILT}\n")
