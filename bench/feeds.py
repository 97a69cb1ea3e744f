"""Synthetic feeds for the benchmarks, and a loopback server that serves them fast.

Every text here is generated from this module's own templates (English and Russian);
nothing is taken from the shared corpus. Each item is unique (names, places and
numbers are drawn per item), so the content-hash de-duplication does not fold items
of different feeds together, as it would not for real outlets.

The server runs in its own process (``python bench/feeds.py serve ...``) so that the
process being measured does only the client's work. It answers on several loopback
addresses (127.0.0.1, 127.0.0.2, …) on one port: the Fetcher allows 2 requests at once
per host and 32 in all, and real sources live on many hosts, so feeds are spread over
hosts. It honours If-None-Match (304) and, for the soak, ``GET /__advance?...`` adds a
new item to some feeds and returns their tokens as JSON.
"""

from __future__ import annotations

import argparse
import asyncio
import hashlib
import json
import random
import sys
import time
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from email.utils import format_datetime
from html import escape
from urllib.parse import parse_qs, urlsplit

# -- text ----------------------------------------------------------------------------

EN_FIRST = [
    "Arman",
    "Dana",
    "Timur",
    "Saule",
    "Marat",
    "Aliya",
    "Bolat",
    "Zhanna",
    "Nurlan",
    "Gulnara",
    "Yerzhan",
    "Madina",
    "Askar",
    "Kamila",
    "Daniyar",
    "Ainur",
]
EN_LAST = [
    "Kuanyshev",
    "Sadykova",
    "Baimukhanov",
    "Tleuova",
    "Omarov",
    "Zhakenova",
    "Sarsenbayev",
    "Iskakova",
    "Mukanov",
    "Abenova",
    "Tokhtarov",
    "Yesimova",
]
EN_CITIES = [
    "Almaty",
    "Astana",
    "Shymkent",
    "Aktobe",
    "Karaganda",
    "Pavlodar",
    "Uralsk",
    "Kostanay",
    "Taraz",
    "Atyrau",
    "Semey",
    "Kyzylorda",
]
EN_ROLES = [
    "civic activist",
    "opposition activist",
    "blogger",
    "journalist",
    "human-rights defender",
    "trade-union organiser",
]
EN_REASONS = [
    "holding a single-person picket outside the city akimat",
    "taking part in an unsanctioned rally in the central square",
    "calling on social media for a peaceful protest against rising utility prices",
    "organising a march in support of jailed journalists",
    "standing outside the courthouse with a placard demanding fair elections",
]
EN_AFTER = [
    "The lawyer said the decision would be appealed and called the case political.",
    "Rights groups said the arrest was meant to frighten other protesters.",
    "Supporters who gathered outside the court said the police had used force.",
    "The activist had been detained by plain-clothes officers shortly after leaving home.",
    "Observers noted that the hearing lasted less than an hour and no witnesses were called.",
]

RU_PEOPLE = [
    ("Арман Куанышев", "Армана Куанышева"),
    ("Тимур Омаров", "Тимура Омарова"),
    ("Марат Сарсенбаев", "Марата Сарсенбаева"),
    ("Болат Муканов", "Болата Муканова"),
    ("Нурлан Тохтаров", "Нурлана Тохтарова"),
    ("Асқар Баймуханов", "Аскара Баймуханова"),
    ("Данияр Искаков", "Данияра Искакова"),
    ("Ержан Абенов", "Ержана Абенова"),
]
RU_CITIES = [
    ("Алматы", "Алматы"),
    ("Астана", "Астаны"),
    ("Шымкент", "Шымкента"),
    ("Актобе", "Актобе"),
    ("Караганда", "Караганды"),
    ("Павлодар", "Павлодара"),
    ("Уральск", "Уральска"),
    ("Костанай", "Костаная"),
]
RU_ROLES = ["гражданского активиста", "оппозиционного активиста", "блогера", "журналиста", "правозащитника"]
RU_REASONS = [
    "участие в несанкционированном митинге у здания акимата",
    "одиночный пикет с требованием освободить политических заключённых",
    "призывы в социальных сетях к мирной акции протеста",
    "организацию шествия в поддержку арестованных журналистов",
]
RU_AFTER = [
    "Адвокат заявил, что решение суда будет обжаловано.",
    "Правозащитники назвали задержание преследованием за мирный протест.",
    "Сторонники активиста, собравшиеся у здания суда, рассказали, что полицейские применили силу.",
    "Наблюдатели отметили, что заседание длилось меньше часа.",
]

EN_NEWS = {
    "harvest": [
        "Farmers in {city} region have gathered {n} thousand tonnes of wheat, {m} percent more than last year.",
        "The agriculture department said the wet spring had helped yields across the north.",
        "Grain prices at the commodity exchange slipped by {k} tenge per tonne after the report.",
        "Elevators in the region are working around the clock to store the new crop.",
    ],
    "transport": [
        "{city} will open {k} new bus routes next month, the city transport office said.",
        "The new routes will connect the eastern districts with the railway station every {m} minutes.",
        "Fares stay at {n} tenge, and passengers can pay with a bank card or the city app.",
        "Road works on the main avenue will finish before the school year starts.",
    ],
    "economy": [
        "The tenge strengthened to {n}.{k} per dollar on Tuesday as oil prices rose.",
        "Analysts expect the national bank to keep its base rate at {m} percent at the next meeting.",
        "Retail sales grew by {k} percent in the first half of the year, the statistics bureau said.",
        "Exporters said the stronger currency would trim their earnings in the autumn.",
    ],
    "sport": [
        "{city} beat their rivals {k}-{j} on Sunday with a goal scored in added time.",
        "The coach praised the young defenders and said the team would rotate players for the cup match.",
        "About {n} hundred fans travelled to the away game, the club said.",
        "The league table is now led by three teams separated by {j} points.",
    ],
    "weather": [
        "Forecasters expect strong wind and dust storms around {city} on Wednesday.",
        "Temperatures will drop to {k} degrees at night and rise to {m} degrees in the afternoon.",
        "Drivers are advised to check the road conditions before long trips.",
        "Warm and dry weather should return by the weekend, the weather service said.",
    ],
    "culture": [
        "The {city} drama theatre opens its season with a new staging of a classic comedy.",
        "The director said rehearsals had taken {m} weeks and the cast includes {k} young actors.",
        "Tickets cost from {n} hundred tenge and are sold at the box office and online.",
        "The theatre also plans a children's programme for the winter holidays.",
    ],
}
RU_NEWS = {
    "урожай": [
        "Аграрии региона {city_gen} собрали {n} тысяч тонн пшеницы, на {m} процентов больше прошлого года.",
        "В управлении сельского хозяйства объяснили рост урожайности дождливой весной.",
        "Цены на зерно на бирже снизились на {k} тенге за тонну.",
        "Элеваторы работают круглосуточно, чтобы принять новый урожай.",
    ],
    "транспорт": [
        "В городе {city} запустят {k} новых автобусных маршрутов в следующем месяце.",
        "Автобусы будут ходить с интервалом {m} минут и свяжут восточные районы с вокзалом.",
        "Стоимость проезда останется прежней — {n} тенге.",
        "Ремонт главного проспекта завершат до начала учебного года.",
    ],
    "экономика": [
        "Тенге укрепился до {n}.{k} за доллар на фоне роста цен на нефть.",
        "Аналитики ожидают, что Нацбанк сохранит базовую ставку на уровне {m} процентов.",
        "Розничная торговля за полугодие выросла на {k} процентов, сообщило бюро статистики.",
        "Экспортёры говорят, что крепкий тенге уменьшит их доходы осенью.",
    ],
    "спорт": [
        "Футболисты из города {city} выиграли со счётом {k}:{j} благодаря голу в добавленное время.",
        "Тренер похвалил молодых защитников и пообещал ротацию состава перед кубковым матчем.",
        "На выездную игру отправились около {n} сотен болельщиков.",
        "Лидеров чемпионата теперь разделяют {j} очка.",
    ],
    "погода": [
        "Синоптики прогнозируют сильный ветер и пыльные бури в районе города {city} в среду.",
        "Ночью температура опустится до {k} градусов, днём поднимется до {m} градусов.",
        "Водителям советуют уточнять состояние дорог перед дальними поездками.",
        "К выходным вернётся тёплая и сухая погода.",
    ],
}


def _numbers(rng: random.Random) -> dict[str, int]:
    return {"n": rng.randint(10, 990), "m": rng.randint(2, 60), "k": rng.randint(1, 9), "j": rng.randint(0, 5)}


def arrest_report(rng: random.Random, lang: str) -> tuple[str, str]:
    """A report of an activist's arrest (title, text), written from templates."""
    days = rng.choice([5, 7, 10, 15, 20, 25])
    if lang == "ru":
        name, name_acc = rng.choice(RU_PEOPLE)
        city, city_gen = rng.choice(RU_CITIES)
        title = f"В городе {city} арестован активист {name}"
        text = (
            f"Специализированный административный суд {city_gen} арестовал {rng.choice(RU_ROLES)} "
            f"{name_acc} на {days} суток за {rng.choice(RU_REASONS)}. "
            f"{name_acc.split()[0]} задержали полицейские в {rng.randint(7, 22)}:{rng.randint(10, 59)} "
            f"у дома номер {rng.randint(1, 300)}. " + " ".join(rng.sample(RU_AFTER, 3))
        )
        return title, text
    name = f"{rng.choice(EN_FIRST)} {rng.choice(EN_LAST)}"
    city = rng.choice(EN_CITIES)
    title = f"{city} court jails {name} for {days} days"
    text = (
        f"A court in {city} sentenced {rng.choice(EN_ROLES)} {name} to {days} days of administrative "
        f"arrest for {rng.choice(EN_REASONS)}. {name.split()[1]} was detained by police at "
        f"{rng.randint(7, 22)}:{rng.randint(10, 59)} near house number {rng.randint(1, 300)}. "
        + " ".join(rng.sample(EN_AFTER, 3))
    )
    return title, text


def ordinary_news(rng: random.Random, lang: str) -> tuple[str, str]:
    """Ordinary news (title, text): harvests, buses, currency, football, weather, theatre."""
    if lang == "ru":
        topic, lines = rng.choice(list(RU_NEWS.items()))
        city, city_gen = rng.choice(RU_CITIES)
        slots = {"city": city, "city_gen": city_gen, **_numbers(rng)}
        title = f"{topic.capitalize()}: новости города {city}, выпуск {rng.randint(1, 99999)}"
    else:
        topic, lines = rng.choice(list(EN_NEWS.items()))
        city = rng.choice(EN_CITIES)
        slots = {"city": city, **_numbers(rng)}
        title = f"{city} {topic} update no. {rng.randint(1, 99999)}"
    sentences = [line.format(**slots) for line in lines]
    # Two paragraphs of the topic's sentences, shuffled: 400-700 characters, like a short news item.
    rng.shuffle(sentences)
    extra = [line.format(**{**slots, **_numbers(rng)}) for line in rng.sample(lines, 2)]
    return title, " ".join(sentences + extra)


# -- feeds ---------------------------------------------------------------------------


@dataclass
class Item:
    guid: str
    title: str
    text: str
    link: str
    published: datetime
    arrest: bool


@dataclass
class Feed:
    index: int
    lang: str
    items: list[Item]  # newest first
    etag: str = ""
    body: bytes = b""

    def render(self, host: str) -> None:
        self.body = rss(self.items, title=f"Bench feed {self.index}", host=host).encode("utf-8")
        self.etag = '"' + hashlib.sha1(self.body).hexdigest()[:16] + '"'


def make_item(
    rng: random.Random,
    feed: int,
    number: int,
    lang: str,
    arrest: bool,
    published: datetime,
    host: str,
    token: str = "",
    kind: str | None = None,
) -> Item:
    if kind is not None:  # the regional mix (bench/mix.py)
        from bench.mix import report

        title, text = report(rng, lang, kind)
        arrest = kind == "custody"
    else:
        title, text = arrest_report(rng, lang) if arrest else ordinary_news(rng, lang)
    if token:
        title = f"{title} [{token}]"
    return Item(
        guid=f"bench-{feed}-{number}",
        title=title,
        text=text,
        link=f"http://{host}/news/{feed}/{number}.html",
        published=published,
        arrest=arrest,
    )


def make_feeds(
    count: int,
    items: int,
    *,
    arrest_share: float,
    seed: int,
    hosts: int,
    now: datetime,
    age: timedelta = timedelta(minutes=5),
    step: timedelta = timedelta(minutes=7),
    syndicated: float = 0.0,
    mix: bool = False,
) -> list[Feed]:
    """``count`` feeds of ``items`` items; exactly round(share × total) arrests, spread at random.

    With ``syndicated`` > 0 that share of the arrest slots repeat a report another feed of
    the same language already carries (as outlets reprint agency copy): the same headline
    and text with the outlet's credit, another link. Each such report is one arrest told
    several times.

    With ``mix`` the items are the regional mix of bench/mix.py (ordinary, crime,
    protest, custody in en/ru/kk) instead, and crime, protest and custody reports are
    syndicated alike.
    """
    if mix:
        from bench.mix import kind_of
    rng = random.Random(seed)
    total = count * items
    arrests = set(rng.sample(range(total), round(total * arrest_share)))
    told: dict[str, list[Item]] = {}
    feeds = []
    for index in range(count):
        lang = feed_lang(index, mix)
        host = host_of(index, hosts)
        entries = []
        for number in range(items):
            published = now - age - step * number
            kind = kind_of(rng) if mix else None
            item = make_item(rng, index, number, lang, index * items + number in arrests, published, host, kind=kind)
            pool = told.setdefault(f"{lang}:{kind}", [])
            repeatable = item.arrest or kind in ("crime", "protest")
            if repeatable and pool and rng.random() < syndicated:
                original = rng.choice(pool)  # the outlet's own headline and sign-off: not a byte copy
                credit = f" (Feed {index})" if lang == "en" else f" (лента {index})"
                item = Item(
                    guid=item.guid,
                    title=original.title + credit,
                    text=original.text + credit,
                    link=item.link,
                    published=published,
                    arrest=original.arrest,
                )
            elif repeatable:
                pool.append(item)
            entries.append(item)
        feeds.append(Feed(index, lang, entries))
    return feeds


def host_of(index: int, hosts: int) -> str:
    return f"127.0.0.{1 + index % hosts}"


def rss(items: list[Item], *, title: str, host: str) -> str:
    parts = []
    for item in items:
        parts.append(
            "<item>"
            f"<title>{escape(item.title)}</title><link>{escape(item.link)}</link>"
            f'<guid isPermaLink="false">{escape(item.guid)}</guid>'
            f"<pubDate>{format_datetime(item.published)}</pubDate>"
            f"<description>{escape(item.text[:180])}…</description>"
            f"<content:encoded><![CDATA[<p>{escape(item.text)}</p>]]></content:encoded>"
            "</item>"
        )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>'
        f"<title>{escape(title)}</title><link>http://{host}/</link><description>bench</description>"
        + "".join(parts)
        + "</channel></rss>"
    )


def feed_lang(index: int, mix: bool = False) -> str:
    if mix:  # a regional stream: a third of it in Kazakh
        return ("en", "ru", "kk")[index % 3]
    return "ru" if index % 2 else "en"


def sources_toml(count: int, port: int, hosts: int, *, interval: str = "10m", mix: bool = False) -> str:
    """A sources.toml for feeds 0..count-1 served on ``port``."""
    lines = [
        "[settings]",
        'timezone = "Asia/Almaty"',
        'digest_time = "21:00"',
        f'interval = "{interval}"',
        'max_age = "24h"',
        "",
    ]
    for index in range(count):
        lines += [
            "[[source]]",
            f'name = "bench-{index:04d}"',
            f'url = "http://{host_of(index, hosts)}:{port}/feed/{index}.xml"',
            f'lang = "{feed_lang(index, mix)}"',
            "",
        ]
    return "\n".join(lines)


# -- the server ----------------------------------------------------------------------


class FeedServer:
    """Serves feeds over HTTP/1.1 keep-alive on several loopback addresses, one port."""

    def __init__(self, feeds: list[Feed], hosts: int, seed: int) -> None:
        self.feeds = {f"/feed/{feed.index}.xml": feed for feed in feeds}
        self.by_index = feeds
        self.hosts = hosts
        self.rng = random.Random(seed + 1)
        self.counter = 0
        self.requests = 0
        self.not_modified = 0

    async def start(self) -> int:
        first = await asyncio.start_server(self.handle, "127.0.0.1", 0, backlog=1024)
        port = first.sockets[0].getsockname()[1]
        self.servers = [first]
        for number in range(2, self.hosts + 1):
            self.servers.append(await asyncio.start_server(self.handle, f"127.0.0.{number}", port, backlog=1024))
        return port

    def advance(self, query: dict[str, list[str]]) -> bytes:
        """Put one new item at the top of ``n`` random feeds (``arrests`` of them arrests)."""
        count = int(query.get("n", ["1"])[0])
        arrests = int(query.get("arrests", ["0"])[0])
        keep = int(query.get("keep", ["20"])[0])
        now = datetime.now(timezone.utc)
        added = []
        for position, feed in enumerate(self.rng.sample(self.by_index, count)):
            self.counter += 1
            token = f"soak{self.counter}"
            host = host_of(feed.index, self.hosts)
            item = make_item(
                self.rng, feed.index, 100000 + self.counter, feed.lang, position < arrests, now, host, token=token
            )
            feed.items = [item] + feed.items[: keep - 1]
            feed.render(host)
            added.append({"token": token, "feed": feed.index, "arrest": item.arrest})
        return json.dumps(added).encode()

    async def handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            while True:
                try:
                    head = await reader.readuntil(b"\r\n\r\n")
                except (asyncio.IncompleteReadError, ConnectionError):
                    return
                lines = head.decode("latin-1").split("\r\n")
                target = lines[0].split(" ")[1]
                headers = {}
                for line in lines[1:]:
                    if ":" in line:
                        name, value = line.split(":", 1)
                        headers[name.strip().lower()] = value.strip()
                self.requests += 1
                path = urlsplit(target).path
                extra = ""
                if path == "/__advance":
                    status, body, ctype = 200, self.advance(parse_qs(urlsplit(target).query)), "application/json"
                elif path == "/__stats":
                    status, ctype = 200, "application/json"
                    body = json.dumps({"requests": self.requests, "not_modified": self.not_modified}).encode()
                elif (feed := self.feeds.get(path)) is None:
                    status, body, ctype = 404, b"not found", "text/plain"
                elif headers.get("if-none-match") == feed.etag:
                    self.not_modified += 1
                    status, body, ctype, extra = 304, b"", "", f"ETag: {feed.etag}\r\n"
                else:
                    status, body, ctype = 200, feed.body, "application/rss+xml; charset=utf-8"
                    extra = f"ETag: {feed.etag}\r\n"
                reason = {200: "OK", 304: "Not Modified", 404: "Not Found"}[status]
                response = (
                    f"HTTP/1.1 {status} {reason}\r\nContent-Length: {len(body)}\r\n{extra}"
                    + (f"Content-Type: {ctype}\r\n" if ctype else "")
                    + "\r\n"
                ).encode("latin-1")
                writer.write(response + body)
                await writer.drain()
                if headers.get("connection", "").lower() == "close":
                    return
        finally:
            writer.close()


def serve_main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="bench/feeds.py serve")
    parser.add_argument("--feeds", type=int, default=300)
    parser.add_argument("--items", type=int, default=30)
    parser.add_argument("--arrest-share", type=float, default=0.05)
    parser.add_argument("--hosts", type=int, default=32)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--age-hours", type=float, default=0.1, help="age of the newest item at start")
    parser.add_argument("--syndicated", type=float, default=0.0, help="share of arrest reports repeated by other feeds")
    parser.add_argument("--mix", type=int, default=0, help="1: the regional mix of bench/mix.py")
    args = parser.parse_args(argv)

    async def main() -> None:
        now = datetime.now(timezone.utc)
        feeds = make_feeds(
            args.feeds,
            args.items,
            arrest_share=args.arrest_share,
            seed=args.seed,
            hosts=args.hosts,
            now=now,
            age=timedelta(hours=args.age_hours),
            syndicated=args.syndicated,
            mix=bool(args.mix),
        )
        for feed in feeds:
            feed.render(host_of(feed.index, args.hosts))
        server = FeedServer(feeds, args.hosts, args.seed)
        port = await server.start()
        size = sum(len(feed.body) for feed in feeds)
        print(json.dumps({"port": port, "bytes": size}), flush=True)
        # Until our parent closes stdin.
        loop = asyncio.get_running_loop()
        await loop.run_in_executor(None, sys.stdin.read)

    asyncio.run(main())
    return 0


class ServerProcess:
    """Starts ``serve`` in a child process; ``port`` and ``bytes`` once it listens."""

    def __init__(self, **options: object) -> None:
        import subprocess

        argv = [sys.executable, __file__, "serve"]
        for name, value in options.items():
            argv += [f"--{name.replace('_', '-')}", str(value)]
        self.process = subprocess.Popen(argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        assert self.process.stdout is not None
        started = time.monotonic()
        line = self.process.stdout.readline()
        if not line:
            raise RuntimeError("the feed server did not start")
        info = json.loads(line)
        self.port: int = info["port"]
        self.bytes: int = info["bytes"]
        self.start_seconds = time.monotonic() - started

    def close(self) -> None:
        assert self.process.stdin is not None
        self.process.stdin.close()
        try:
            self.process.wait(timeout=10)
        except Exception:
            self.process.kill()


if __name__ == "__main__":
    sys.path.insert(0, str(__import__("pathlib").Path(__file__).resolve().parent.parent))  # for bench.mix
    if sys.argv[1:2] == ["serve"]:
        raise SystemExit(serve_main(sys.argv[2:]))
    print("usage: python bench/feeds.py serve [--feeds N] [--items M] ...", file=sys.stderr)
    raise SystemExit(2)
