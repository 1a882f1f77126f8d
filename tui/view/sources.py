"""A source as readers know it: outlet, title and date in their language, and the language the
text is in (and was first written in). The seed's file name stays in the story data for authors
and `validate`; it is never the label."""

from __future__ import annotations

from story.model import Source
from tui.locale.cldr import language_name, publication_date
from tui.locale.i18n import tr
from tui.view.shown import in_lang


def source_label(source: Source, lang: str) -> str:
    """ifanr (爱范儿): “Breaking: …”, November 20, 2023 — in French, translated from Chinese."""
    label = tr(
        lang,
        "source.label",
        outlet=in_lang(source.outlet, lang),
        title=in_lang(source.title, lang),
        date=publication_date(source.date, lang) if source.date else "",
    ).rstrip(",，、 ")
    language = language_name(source.language, lang)
    original = source.original_language
    if original and original != source.language:
        note = tr(
            lang, "source.translated", language=language, original=language_name(original, lang)
        )
    else:
        note = tr(lang, "source.language", language=language)
    return f"{label} — {note}"
