"""Telegram HTML to plain text, for the console and for logs."""

from __future__ import annotations

import warnings

from bs4 import BeautifulSoup, MarkupResemblesLocatorWarning


def html_to_text(html: str) -> str:
    """The visible text of a Telegram HTML message.

    Links keep their target: ``<a href="U">label</a>`` becomes ``label (U)`` unless the
    label already is the URL. ``<br>`` becomes a newline; newlines in the source are kept.
    """
    with warnings.catch_warnings():
        # A post that is only a URL "resembles a locator"; it is still markup to parse.
        warnings.simplefilter("ignore", MarkupResemblesLocatorWarning)
        soup = BeautifulSoup(html, "html.parser")
    for link in soup.find_all("a"):
        label = link.get_text()
        href = link.get("href")
        target = href if isinstance(href, str) else ""
        link.replace_with(f"{label} ({target})" if target and label.strip() != target.strip() else label)
    for br in soup.find_all("br"):
        br.replace_with("\n")
    return soup.get_text()
