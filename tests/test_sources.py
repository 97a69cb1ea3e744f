"""Parsing fetched documents into entries: feeds, listing pages, Telegram previews, articles.

Every fixture text here is the project's own writing.
"""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from bot.core.models import HtmlSelectors, SourceConfig
from bot.core.sources import SourceParseError, html_to_text, parse_entries, preview_url
from bot.edges.extract import extract_article_text

FEED_URL = "https://news.example.kz/rss/all.xml"
LONG_TEXT = (
    "Police in Shymkent detained three members of a local youth movement on Saturday evening. "
    "They had gathered near the regional akimat to read out a statement about water shortages. "
) * 2


def rss_source(**kwargs) -> SourceConfig:
    return SourceConfig(name="Test", url=kwargs.pop("url", FEED_URL), **kwargs)


def parse(source: SourceConfig, document: str, url: str = FEED_URL):
    return parse_entries(source, document.encode("utf-8"), document, url)


RSS_FULL = f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Example news</title><link>https://news.example.kz/</link><description>d</description>
<item>
  <title>Youth activists detained in Shymkent</title>
  <link>/news/2025/04/01/12345-youth-activists-detained</link>
  <guid isPermaLink="false">item-12345</guid>
  <pubDate>Tue, 01 Apr 2025 15:30:00 +0500</pubDate>
  <description>Three activists were detained.</description>
  <content:encoded><![CDATA[<p>{LONG_TEXT}</p><p>Their lawyer said they would <b>appeal</b>.</p>]]></content:encoded>
</item>
<item>
  <title>Weather: snow expected in the north</title>
  <link>https://news.example.kz/news/12346</link>
  <description>&lt;p&gt;Forecasters expect snow.&lt;/p&gt;</description>
</item>
<item><description>An item with neither title nor link is skipped.</description></item>
</channel></rss>"""


def test_rss_with_content_encoded_is_full_text_and_resolved() -> None:
    entries = parse(rss_source(), RSS_FULL)
    assert len(entries) == 2
    first, second = entries
    assert first.title == "Youth activists detained in Shymkent"
    assert first.url == "https://news.example.kz/news/2025/04/01/12345-youth-activists-detained"
    assert first.guid == "item-12345"
    assert first.published == datetime(2025, 4, 1, 10, 30, tzinfo=timezone.utc)
    assert first.full_text is True
    assert "Police in Shymkent detained" in first.text
    assert first.text.endswith("Their lawyer said they would appeal.")
    assert "\n\n" in first.text and "<" not in first.text  # paragraphs kept, markup gone
    assert second.full_text is False and second.text == "Forecasters expect snow."
    assert second.published is None


ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Example Atom</title><id>urn:example:feed</id><updated>2025-04-02T08:00:00Z</updated>
  <entry>
    <title>Journalist questioned by police in Aktobe</title>
    <link rel="alternate" href="articles/777"/>
    <id>urn:example:777</id>
    <updated>2025-04-02T07:45:00+06:00</updated>
    <summary type="html">&lt;p&gt;A local reporter was questioned for six hours.&lt;/p&gt;</summary>
  </entry>
</feed>"""


def test_atom_entries_with_relative_links_and_updated_dates() -> None:
    entries = parse(rss_source(), ATOM, url="https://atom.example.org/feeds/main.atom")
    assert len(entries) == 1
    entry = entries[0]
    assert entry.url == "https://atom.example.org/feeds/articles/777"
    assert entry.guid == "urn:example:777"
    assert entry.published == datetime(2025, 4, 2, 1, 45, tzinfo=timezone.utc)
    assert entry.text == "A local reporter was questioned for six hours."
    assert entry.full_text is False


def test_rdf_feed() -> None:
    rdf = """<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/">
  <channel rdf:about="https://rdf.example.net/"><title>RDF</title><link>https://rdf.example.net/</link></channel>
  <item rdf:about="https://rdf.example.net/a/1"><title>Court hearing postponed</title>
    <link>https://rdf.example.net/a/1</link><description>The hearing moved to May.</description></item>
</rdf:RDF>"""
    [entry] = parse(rss_source(), rdf)
    assert entry.title == "Court hearing postponed" and entry.url == "https://rdf.example.net/a/1"


def test_html_page_given_as_rss_says_to_use_type_html() -> None:
    page = """<!DOCTYPE html><html><head><title>Example news</title>
<link rel="alternate" type="application/rss+xml" href="/rss/main.xml"></head>
<body><h1>Latest</h1><p>Nothing here is a feed.</p></body></html>"""
    with pytest.raises(SourceParseError) as caught:
        parse(rss_source(), page, url="https://news.example.kz/latest")
    message = str(caught.value)
    assert "is not an RSS/Atom feed (looks like HTML)" in message
    assert 'set type = "html"' in message
    assert "https://news.example.kz/rss/main.xml" in message  # the feed the page announces


def test_garbage_is_not_a_feed() -> None:
    with pytest.raises(SourceParseError, match="not an RSS/Atom feed"):
        parse(rss_source(), "this is not xml at all { } ")
    with pytest.raises(SourceParseError, match="empty"):
        parse(rss_source(), "")


def test_empty_feed_has_no_entries() -> None:
    empty = '<?xml version="1.0"?><rss version="2.0"><channel><title>Quiet</title></channel></rss>'
    assert parse(rss_source(), empty) == []


def test_malformed_feed_is_still_read() -> None:
    broken = (
        '<rss version="2.0"><channel><title>Broken & unescaped</title>'
        "<item><title>Protest in Almaty & arrests</title><link>/a/55501</link>"
        "<description>Several people <b>were detained</description></item>"
        "</channel>"  # no closing </rss>
    )
    [entry] = parse(rss_source(), broken)
    assert entry.title == "Protest in Almaty & arrests"
    assert entry.url == "https://news.example.kz/a/55501"
    assert "Several people were detained" in entry.text


def test_feed_in_windows_1251_is_read_from_bytes() -> None:
    feed = (
        '<?xml version="1.0" encoding="windows-1251"?><rss version="2.0"><channel><title>Новости</title>'
        "<item><title>Активиста задержали у акимата</title><link>https://ru.example.kz/n/901</link></item>"
        "</channel></rss>"
    )
    [entry] = parse_entries(rss_source(), feed.encode("cp1251"), feed, FEED_URL)
    assert entry.title == "Активиста задержали у акимата"


LISTING = """<html><head><title>Example listing</title></head><body>
<header><nav><a href="/news/politics-and-society-in-the-region">Politics and society in the region</a></nav></header>
<main>
  <div class="story"><h2><a href="/news/2025/04/03/10001">Two bloggers detained after livestream</a></h2>
    <span class="when">03.04.2025 14:20</span><p class="lead">The bloggers were taken to a district station.</p></div>
  <div class="story"><h2><a href="/news/pensioner-fined-for-single-person-picket">Pensioner fined for a single-person picket</a></h2>
    <span class="when">02.04.2025</span></div>
  <div class="story"><h2><a href="/news/2025/04/03/10001#comments">Two bloggers detained after livestream</a></h2></div>
  <a href="/news/2025/04/03/10001">Read more</a>
  <a href="/about">About the editorial team of this site</a>
  <a href="https://other.example.com/news/99999">A story on another site entirely</a>
</main>
<footer><a href="/news/2025/01/01/10000-privacy-policy-update">Privacy policy update for readers</a></footer>
</body></html>"""


def test_html_listing_found_heuristically() -> None:
    source = rss_source(type="html", url="https://news.example.kz/news/")
    entries = parse(source, LISTING, url="https://news.example.kz/news/")
    assert [(e.title, e.url) for e in entries] == [
        ("Two bloggers detained after livestream", "https://news.example.kz/news/2025/04/03/10001"),
        (
            "Pensioner fined for a single-person picket",
            "https://news.example.kz/news/pensioner-fined-for-single-person-picket",
        ),
    ]
    assert all(not e.full_text for e in entries)


def test_html_listing_with_selectors() -> None:
    select = HtmlSelectors(item="div.story", title="h2", link="h2 a", date=".when", teaser=".lead")
    source = rss_source(type="html", url="https://news.example.kz/news/", select=select)
    entries = parse(source, LISTING, url="https://news.example.kz/news/")
    assert len(entries) == 2  # the third story repeats the first (same URL without #comments)
    first, second = entries
    assert first.title == "Two bloggers detained after livestream"
    assert first.published == datetime(2025, 4, 3, 9, 20, tzinfo=timezone.utc)  # "03.04.2025 14:20" in Almaty (UTC+5)
    assert first.text == "The bloggers were taken to a district station."
    assert second.published == datetime(
        2025, 4, 1, 19, 0, tzinfo=timezone.utc
    )  # midnight of 02.04.2025 in Almaty and second.text == ""


def test_html_listing_from_article_elements() -> None:
    page = """<html><body><main>
<article><h3><a href="/p/1">Rights defender barred from leaving the country</a></h3>
<time datetime="2025-04-04T09:00:00+05:00">4 April</time><p>The ban was imposed without a hearing.</p></article>
<article><a href="/p/2"><h3>Student released after two days in custody</h3></a></article>
</main></body></html>"""
    entries = parse(rss_source(type="html"), page, url="https://site.example.kz/")
    assert [e.url for e in entries] == ["https://site.example.kz/p/1", "https://site.example.kz/p/2"]
    assert entries[0].published == datetime(2025, 4, 4, 4, 0, tzinfo=timezone.utc)
    assert entries[0].text == "The ban was imposed without a hearing."
    assert entries[1].title == "Student released after two days in custody"


def test_html_selector_that_matches_nothing_is_reported() -> None:
    source = rss_source(type="html", select=HtmlSelectors(item=".no-such-class"))
    with pytest.raises(SourceParseError, match="matches nothing"):
        parse(source, LISTING)


TELEGRAM_PAGE = """<html><body>
<div class="tgme_channel_info"><div class="tgme_channel_info_header_title">Example channel</div></div>
<div class="tgme_channel_history js-message_history">
 <div class="tgme_widget_message_wrap"><div class="tgme_widget_message" data-post="examplechan/101">
  <div class="tgme_widget_message_bubble">
   <div class="tgme_widget_message_text js-message_text">Activist detained in Taraz<br/>He was taken
     from his home at dawn, his wife said.<br/><br/><b>Updates</b> to follow.</div>
   <div class="tgme_widget_message_footer"><a class="tgme_widget_message_date" href="https://t.me/examplechan/101">
     <time datetime="2025-04-05T06:15:00+00:00" class="time">06:15</time></a></div>
  </div></div></div>
 <div class="tgme_widget_message_wrap"><div class="tgme_widget_message" data-post="examplechan/102">
  <div class="tgme_widget_message_bubble">
   <a class="tgme_widget_message_reply" href="https://t.me/examplechan/101">
     <div class="tgme_widget_message_text">Activist detained in Taraz</div></a>
   <div class="tgme_widget_message_text js-message_text">Court hearing is set for Monday.</div>
   <a class="tgme_widget_message_date"><time datetime="2025-04-05T09:00:00+00:00">09:00</time></a>
  </div></div></div>
 <div class="tgme_widget_message_wrap"><div class="tgme_widget_message" data-post="examplechan/103">
  <div class="tgme_widget_message_bubble"><a class="tgme_widget_message_photo_wrap"></a></div></div></div>
</div></body></html>"""


def test_telegram_preview_page() -> None:
    source = SourceConfig(name="TG", url="@examplechan", type="telegram")
    entries = parse(source, TELEGRAM_PAGE, url="https://t.me/s/examplechan")
    assert [e.guid for e in entries] == ["examplechan/101", "examplechan/102"]  # the photo-only post is skipped
    first, reply = entries
    assert first.url == "https://t.me/examplechan/101"
    assert first.title == "Activist detained in Taraz"
    assert first.text.startswith("Activist detained in Taraz\nHe was taken from his home at dawn")
    assert "Updates to follow." in first.text
    assert first.published == datetime(2025, 4, 5, 6, 15, tzinfo=timezone.utc)
    assert first.full_text is True
    assert reply.text == "Court hearing is set for Monday."  # not the quoted message


def test_telegram_page_that_is_not_a_channel_preview() -> None:
    source = SourceConfig(name="TG", url="@examplechan", type="telegram")
    with pytest.raises(SourceParseError, match="not a public Telegram channel preview"):
        parse(source, "<html><body><p>Something else</p></body></html>", url="https://t.me/s/examplechan")


@pytest.mark.parametrize(
    "url",
    [
        "https://t.me/examplechan",
        "t.me/s/examplechan",
        "@examplechan",
        "https://t.me/s/examplechan/",
        "examplechan",
        "https://telegram.me/examplechan",
    ],
)
def test_preview_url_of_telegram_channels(url: str) -> None:
    assert preview_url(SourceConfig(name="TG", url=url, type="telegram")) == "https://t.me/s/examplechan"


def test_preview_url_of_other_sources_is_their_url() -> None:
    assert preview_url(rss_source()) == FEED_URL


def test_html_to_text_keeps_paragraphs_and_inline_words() -> None:
    text = html_to_text("<p>First <b>bold</b> words.</p><p>Second&nbsp;paragraph<br>new line</p>")
    assert text == "First bold words.\n\nSecond paragraph\nnew line"
    assert html_to_text("https://example.org/not-a-file") == "https://example.org/not-a-file"


ARTICLE = f"""<html><head><title>Activists detained</title></head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/politics">Politics menu entry</a></li></ul></nav>
<div class="content"><article><h1>Youth activists detained in Shymkent</h1>
<p>{LONG_TEXT}</p>
<p>Their lawyer said the detentions were unlawful and that a complaint had been filed with the prosecutor.</p>
</article></div>
<footer>Copyright notice of the example site</footer></body></html>"""


def test_extract_article_text_keeps_the_article_and_drops_navigation() -> None:
    text = extract_article_text(ARTICLE, "https://news.example.kz/news/12345")
    assert text is not None
    assert "Police in Shymkent detained three members" in text
    assert "complaint had been filed" in text
    assert "Politics menu entry" not in text and "Copyright notice" not in text


@pytest.mark.parametrize("junk", ["", "   ", "\x00\x01\x02", "<<<>>>", "<html></html>", "plain words"])
def test_extract_article_text_returns_none_on_junk(junk: str) -> None:
    assert extract_article_text(junk, None) is None


def test_listing_dates_written_in_words_are_parsed_in_the_page_language() -> None:
    from bot.core.dates import parse_timestamp as parse_date

    parsed = parse_date("28 ноября 2026, 14:30", "ru")
    assert parsed is not None and parsed.isoformat() == "2026-11-28T09:30:00+00:00"  # Almaty is UTC+5
    kazakh = parse_date("25 қараша 2026", "kk")
    assert kazakh is not None and (kazakh.month, kazakh.day) == (11, 24)  # midnight in Almaty
    english = parse_date("November 3, 2026 10:00")
    assert english is not None and (english.month, english.day) == (11, 3)
    assert parse_date("no date here at all", "ru") is None


@pytest.mark.parametrize(
    "fragment",
    [
        "<p>Hello <b>world</b></p><p>Second\nline</p>",
        "Text before <br/>after<br>more",
        "<div><script>bad()</script>ok <!-- c --> tail</div>",
        "<ul><li>a</li><li>b</li></ul>end",
        "<pre>keep\n  this</pre> after",
        "A &amp; B &lt;c&gt; &nbsp; d",
        "<p>unclosed <i>italic",
        "<p>Суд арестовал <a href='x'>активиста</a> на 10 суток.</p><p>Второй абзац.</p>",
    ],
)
def test_fast_html_to_text_reads_like_the_parsed_element_text(fragment: str) -> None:
    from bot.core.sources import element_text, soup

    assert html_to_text(fragment) == element_text(soup(fragment))


def test_links_follow_each_feeds_own_base_one_feed_after_another() -> None:
    # feedparser's join of base URLs is remembered between feeds: each feed still gets its own
    atom = (
        '<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://mirror.example.org/kz/">'
        "<title>Mirror</title><entry xml:base='news/'><title>Court hearing adjourned</title>"
        '<id>/items/7</id><link href="../story?id=7"/><summary>A hearing was adjourned.</summary></entry></feed>'
    )
    rss = (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Local</title>'
        "<item><title>Picket in Almaty</title><link>/a/9</link><guid>/g/9</guid>"
        "<description>A picket was held.</description></item></channel></rss>"
    )
    for site in ("https://one.example.kz", "http://two.example.kz"):
        [entry] = parse(rss_source(), atom, f"{site}/rss/feed.xml")
        assert (entry.url, entry.guid) == (
            "https://mirror.example.org/kz/story?id=7",
            "https://mirror.example.org/items/7",
        )
        [entry] = parse(rss_source(), rss, f"{site}/rss/feed.xml")
        assert (entry.url, entry.guid) == (f"{site}/a/9", f"{site}/g/9")
