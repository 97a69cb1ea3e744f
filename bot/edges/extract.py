"""The main text of an article page, for feeds that only carry a teaser.

Deterministic and offline: trafilatura only reads the HTML it is given.
"""

from __future__ import annotations

import logging

from bot.core.sanitize import clean_text

log = logging.getLogger(__name__)


def extract_article_text(html: str, url: str | None) -> str | None:
    """The article's main text without navigation, comments or tables; None if none found."""
    if not html or not html.strip():
        return None
    # Imported on first use: most feeds carry full texts, and trafilatura (with courlan
    # and its language data) costs a third of a second and several MB at every start.
    import trafilatura

    try:
        text = trafilatura.extract(
            html,
            url=url,
            include_comments=False,
            include_tables=False,
            favor_precision=False,
            deduplicate=False,
            with_metadata=False,
        )
    # The edge of a library: trafilatura and lxml raise a variety of undocumented errors
    # on broken markup; a junk page must never stop a poll, so any failure here means
    # "no article text" (logged with the URL).
    except Exception as exc:
        log.debug("no article text from %s: %r", url, exc)
        return None
    text = clean_text(text or "").strip()  # no characters that disguise text (bot.core.sanitize)
    return text or None
