"""Build RSS documents for tests, with dates relative to now (first polls skip old items).

All report texts used with these helpers are the project's own writing.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from email.utils import format_datetime
from html import escape


@dataclass(frozen=True)
class Story:
    guid: str
    title: str
    text: str
    link: str
    age: timedelta = timedelta(hours=1)
    full: bool = True  # put the text in content:encoded (full) or only in description (teaser)


def rss(stories: list[Story], *, title: str = "Test feed", now: datetime | None = None) -> str:
    """An RSS 2.0 document holding the stories, newest first."""
    now = now or datetime.now(timezone.utc)
    items = []
    for story in stories:
        body = f"<content:encoded><![CDATA[<p>{escape(story.text)}</p>]]></content:encoded>" if story.full else ""
        teaser = story.text if not story.full else story.text[:200]
        items.append(
            "<item>"
            f"<title>{escape(story.title)}</title><link>{escape(story.link)}</link>"
            f'<guid isPermaLink="false">{escape(story.guid)}</guid>'
            f"<pubDate>{format_datetime(now - story.age)}</pubDate>"
            f"<description>{escape(teaser)}</description>{body}"
            "</item>"
        )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>'
        f"<title>{escape(title)}</title><link>http://127.0.0.1/</link><description>test</description>"
        + "".join(items)
        + "</channel></rss>"
    )


# Reports of our own writing, used across the end-to-end tests.
ARREST_EN = (
    "A court in Almaty on Tuesday sentenced civic activist Aidar Serikbayev to 15 days of administrative "
    "arrest for holding a single-person picket outside the city akimat. Serikbayev, who had been demanding "
    "the release of jailed journalists, was detained by police minutes after unfolding his banner. "
    "His lawyer said the activist would appeal the ruling, calling the picket a lawful exercise of free speech. "
    "Human-rights groups said the arrest was part of a pattern of pressure on peaceful protesters in the city."
)
ARREST_RU = (
    "Специализированный административный суд Астаны арестовал гражданского активиста Ерлана Жумабаева "
    "на 10 суток за участие в несанкционированном митинге у здания акимата. Жумабаева задержали полицейские "
    "сразу после того, как он выступил с речью в защиту политических заключённых. Адвокат активиста заявил, "
    "что решение суда будет обжаловано, а правозащитники назвали задержание преследованием за мирный протест."
)
ORDINARY_EN = (
    "The national football team beat its rivals 2-1 in a friendly match in Astana on Sunday. The coach praised "
    "the young midfielders and said the squad would keep training at the capital's main stadium through the winter. "
    "Tickets for the next home game go on sale on Monday, the football federation said in a statement."
)
ORDINARY_RU = (
    "В Алматы открылась новая линия метро: три станции соединили западные районы города с центром. "
    "Аким города пообещал, что к концу следующего года будут построены ещё две станции, а интервал движения "
    "поездов в часы пик сократится до четырёх минут."
)
