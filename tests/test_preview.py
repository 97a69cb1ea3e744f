"""The README's picture of real posts (docs/posts.png) is rendered from this page: it
must be valid HTML, and every post in it valid Telegram HTML (the Bot API stand-in's
strict parser). No browser needed: the screenshot is made by docs/render_posts.py."""

from __future__ import annotations

import html5lib
import pytest

from bot.core.publish.format import POST_LIMIT
from bot.core.publish.preview import phone_page, sample_posts
from tests.support.botapi import parse_html


@pytest.mark.parametrize("language", ["en", "ru", "kk"])
def test_the_phone_page_of_sample_posts_is_valid_html(language: str) -> None:
    posts = sample_posts(language)
    assert len(posts) >= 4  # alert, edit, follow-up, digest
    for post in posts:
        parsed = parse_html(post.html)  # raises on anything Telegram would refuse
        assert parsed.text.strip() and len(post.html) <= POST_LIMIT
    page = phone_page(posts)
    html5lib.HTMLParser(strict=True, namespaceHTMLElements=False).parse(page)  # raises on any parse error
    document = html5lib.parse(page, namespaceHTMLElements=False)
    assert len(document.findall(".//article")) == len(posts)
    assert document.find(".//meta[@name='viewport']").get("content") == "width=412"


def test_a_broken_post_makes_the_page_invalid() -> None:
    [first, *_] = sample_posts("en")
    broken = type(first)(first.html.replace("</b>", "", 1), first.time)
    with pytest.raises(html5lib.html5parser.ParseError):
        html5lib.HTMLParser(strict=True).parse(phone_page([broken]))
