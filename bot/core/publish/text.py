"""Telegram HTML to plain text, for the console and for logs."""

from __future__ import annotations

from html.parser import HTMLParser


class _PlainText(HTMLParser):
    """Collects the visible text; links keep their target.

    The standard library's parser rather than BeautifulSoup: Telegram HTML is a handful
    of flat tags, and building a tree per post was most of the console's posting time.
    """

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._links: list[tuple[str, int]] = []  # (href, index in parts where its label starts)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "br":
            self.parts.append("\n")
        elif tag == "a":
            self._links.append((dict(attrs).get("href") or "", len(self.parts)))

    def handle_endtag(self, tag: str) -> None:
        if tag == "a" and self._links:
            href, start = self._links.pop()
            label = "".join(self.parts[start:])
            if href and label.strip() != href.strip():
                self.parts.append(f" ({href})")

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def html_to_text(html: str) -> str:
    """The visible text of a Telegram HTML message.

    Links keep their target: ``<a href="U">label</a>`` becomes ``label (U)`` unless the
    label already is the URL. ``<br>`` becomes a newline; newlines in the source are kept.
    """
    parser = _PlainText()
    parser.feed(html)
    parser.close()
    return "".join(parser.parts)


def utf16_len(text: str) -> int:
    """Length as Telegram counts it: UTF-16 code units (a character outside the Basic
    Multilingual Plane, such as most emoji or a mathematical letter, is two)."""
    return len(text.encode("utf-16-le", errors="surrogatepass")) // 2


class _Visible(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.units = 0

    def handle_data(self, data: str) -> None:
        self.units += utf16_len(data)


def visible_len(html: str) -> int:
    """The length Telegram's 4,096 limit applies to: UTF-16 units of the visible text of
    a Telegram HTML message (tags and link targets do not count; ``&amp;`` is one)."""
    parser = _Visible()
    parser.feed(html)
    parser.close()
    return parser.units


def fits(html: str, limit: int) -> bool:
    """Whether ``html``'s visible length (visible_len) is at most ``limit``. Most posts are
    far shorter than the limit even counting their tags, and the visible text is never
    longer than the markup (a tag or a character reference only shrinks when read), so
    the HTML is parsed only when the markup itself is too long."""
    return utf16_len(html) <= limit or visible_len(html) <= limit
