"""An event is people + occasion: one alert per custody episode (issue 13).

Every text here is the project's own writing. The set mixes what real feeds do: the same
detention told by several outlets in three languages, on different days; the same people
detained again weeks or months later; two men with one surname detained the same week;
two outlets that disagree on a term; a sentence months after a pre-trial detention.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from bot.app.event_posts import EventPosts, edited_alert
from bot.core.analysis.result import Analysis, Detainee
from bot.core.events import Event, Person, Report, assign
from bot.core.occasion import occasion
from bot.core.translit import name_key
from bot.edges.store import EventWrite, NewItem, QueuedPost, Store
from tests.support.feeds import Story, rss
from tests.test_e2e import arrestwatch

MONDAY = date(2026, 3, 2)


# -- the occasion of one report ------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Police detained the blogger on 21 February outside his home.", date(2026, 2, 21)),
        ("The activist was detained on Saturday after the rally.", date(2026, 2, 28)),
        ("Officers detained her yesterday in the city centre.", date(2026, 3, 1)),
        ("He was detained on December 28 and held overnight.", date(2025, 12, 28)),  # read in a new year
        ("Полиция задержала активиста 27 февраля у акимата.", date(2026, 2, 27)),
        ("Активистку задержали в субботу вечером.", date(2026, 2, 28)),
        ("Блогера задержали вчера утром.", date(2026, 3, 1)),
        ("Задержание произошло 26.02.2026 в центре города.", date(2026, 2, 26)),
        ("Белсенді 27 ақпанда ұсталды.", date(2026, 2, 27)),
        ("Белсендіні кеше полиция ұстады.", date(2026, 3, 1)),
        ("Блогер сенбі күні ұсталды.", date(2026, 2, 28)),
        ("2026 жылғы 25 ақпанда журналист ұсталды.", date(2026, 2, 25)),
    ],
)
def test_a_stated_day_of_detention_is_read_in_each_language(sentence: str, expected: date) -> None:
    told = occasion("", sentence, [sentence], MONDAY)
    assert (told.day, told.stated) == (expected, True)


def test_without_a_stated_day_the_publication_day_stands_and_later_dates_are_not_detentions() -> None:
    told = occasion(
        "",
        "Police detained the activist after the picket. His trial is set for 20 March.",
        ["Police detained the activist after the picket."],
        MONDAY,
    )
    assert (told.day, told.stated) == (MONDAY, False)
    # A date outside the custody sentences and the lead is not the news's own.
    far = "Police detained the activist after the picket. " + "Other news. " * 80 + "On 3 January he spoke."
    assert occasion("", far, ["Police detained the activist after the picket."], MONDAY).stated is False


@pytest.mark.parametrize(
    "sentence",
    [
        "The activist was detained again on Monday.",
        "Police re-arrested the blogger at his home.",
        "Активиста снова задержали у акимата.",
        "Журналиста задержали повторно.",
        "Белсенді тағы да ұсталды.",
        "Блогер қайтадан ұсталды.",
    ],
)
def test_again_is_read_in_each_language(sentence: str) -> None:
    assert occasion("", sentence, [sentence], MONDAY).again is True


@pytest.mark.parametrize(
    "sentence",
    [
        "Two more activists were detained.",  # more people, the same episode
        "Тағы екі белсенді ұсталды.",
        "Его обвиняют в нарушении, совершённом повторно в течение года.",  # the charge, not a new detention
    ],
)
def test_more_people_or_a_repeated_offence_is_not_again(sentence: str) -> None:
    assert occasion("", sentence, [sentence], MONDAY).again is False


# -- placing reports by occasion -------------------------------------------------------------

T0 = datetime(2026, 3, 2, 9, 0, tzinfo=timezone.utc)  # a Monday


def report(item_id: int, text: str, *people: Detainee, days: float = 0, source: str = "S") -> Report:
    return Report(
        item_id=item_id,
        source_name=source,
        title="",
        url=f"https://x.example/{item_id}",
        text=text,
        at=T0 + timedelta(days=days),
        analysis=Analysis(arrest=True, protest=False, detainees=people, score=0.9, evidence=(text,)),
    )


def event(first: Report, *people: Person, event_id: int = 1, detained_on: str | None = None) -> Event:
    return Event(
        id=event_id,
        first_at=first.at,
        last_at=first.at,
        people=people,
        reports=(first,),
        alert_id=100 + event_id,
        detained_on=detained_on,
    )


def person(name: str, term: str | None = None) -> Person:
    return Person(key=name_key(name), name=name, term=term, status="sentenced" if term else "detained")


def test_the_court_days_after_the_detention_joins_the_episode() -> None:
    first = report(1, "Police detained activist Timur Ospanov on Monday after a picket.", Detainee("Timur Ospanov"))
    known = event(first, person("Timur Ospanov"), detained_on="2026-03-02")
    court = report(
        2,
        "A court on Wednesday jailed Timur Ospanov for 15 days. He was detained on Monday.",
        Detainee("Timur Ospanov", "15 days"),
        days=2,
        source="T",
    )
    placed = assign(court, [known])
    assert placed.event == known and [c.kind for c in placed.changes] == ["term"]


def test_the_same_person_detained_weeks_later_is_a_new_episode_that_knows_the_old_one() -> None:
    first = report(1, "Police detained activist Timur Ospanov after a picket.", Detainee("Timur Ospanov", "15 days"))
    known = event(first, person("Timur Ospanov", "15 days"))
    later = report(2, "Police detained activist Timur Ospanov after a rally.", Detainee("Timur Ospanov"), days=24)
    placed = assign(later, [known])
    assert placed.event is None and placed.previous == known


def test_again_keeps_a_report_out_of_an_older_episode_inside_the_window() -> None:
    first = report(1, "Police detained activist Timur Ospanov after a picket.", Detainee("Timur Ospanov"))
    known = event(first, person("Timur Ospanov"))
    again = report(2, "Activist Timur Ospanov was detained again.", Detainee("Timur Ospanov"), days=5)
    assert assign(again, [known]).event is None
    copy = report(3, "Timur Ospanov was detained again, his lawyer said.", Detainee("Timur Ospanov"), days=5.2)
    newer = event(again, person("Timur Ospanov"), event_id=2)
    assert assign(copy, [known, newer]).event == newer  # another outlet's report of the new episode joins it


def test_stated_days_weeks_apart_are_two_episodes_even_when_published_together() -> None:
    first = report(1, "Blogger Aliya Zhumabek was detained on 3 February.", Detainee("Aliya Zhumabek"))
    known = event(first, person("Aliya Zhumabek"), detained_on="2026-02-03")
    other = report(2, "Blogger Aliya Zhumabek was detained on 28 February.", Detainee("Aliya Zhumabek"))
    assert assign(other, [known]).event is None


def test_a_sentence_months_after_a_pretrial_detention_is_news_of_that_episode() -> None:
    first = report(
        1, "Journalist Dana Ermek was placed in pre-trial detention for two months.", Detainee("Dana Ermek", "2 months")
    )
    known = event(first, person("Dana Ermek", "2 months"))
    sentence = report(
        2,
        "A court sentenced journalist Dana Ermek to five years in prison.",
        Detainee("Dana Ermek", "5 years"),
        days=70,
    )
    placed = assign(sentence, [known])
    assert placed.event == known and [c.kind for c in placed.changes] == ["term_changed"]
    # A short administrative arrest weeks later is not a sentence: a new episode.
    again = report(3, "Journalist Dana Ermek was jailed for 10 days.", Detainee("Dana Ermek", "10 days"), days=70)
    assert assign(again, [known]).event is None


def test_two_outlets_giving_different_terms_are_shown_side_by_side_not_as_a_change() -> None:
    first = report(
        1, "A court jailed activist Rustem Abenov for 10 days.", Detainee("Rustem Abenov", "10 days"), source="Outlet A"
    )
    known = event(first, person("Rustem Abenov", "10 days"))
    other = report(
        2,
        "A court jailed activist Rustem Abenov for 12 days.",
        Detainee("Rustem Abenov", "12 days"),
        days=0.2,
        source="Outlet B",
    )
    placed = assign(other, [known])
    assert placed.event == known and placed.changes == ()
    body = edited_alert(known, Report(**{**other.__dict__, "role": "also"}), "en")
    assert "<b>10 days</b> (Outlet A) · <b>12 days</b> (Outlet B)" in body


def test_a_new_episode_is_a_new_alert_answering_the_earlier_post() -> None:
    planner = EventPosts("en")
    old = report(1, "Police detained activist Timur Ospanov after a picket.", Detainee("Timur Ospanov"))
    known = event(old, person("Timur Ospanov"))
    item = NewItem(
        source_id=1,
        keys=("k",),
        guid="g",
        url="https://x.example/2",
        canonical_url=None,
        content_hash=None,
        title="Timur Ospanov detained again",
        text="Police detained activist Timur Ospanov again after a rally.",
        published_at=T0 + timedelta(days=40),
        fetched_at=T0 + timedelta(days=40),
        status="alert",
        analysis=Analysis(arrest=True, protest=True, detainees=(Detainee("Timur Ospanov"),), score=0.9).to_dict(),
        source_name="S",
    )
    write = planner.plan(2, item, QueuedPost("alert body"), [known])
    assert isinstance(write, EventWrite) and write.event_id is None and write.previous_on == "2026-03-02"
    assert write.post is not None and write.post.kind == "alert" and write.post.parent_id == known.alert_id
    assert "Detained again; previous episode 2026-03-02" in write.post.body


# -- edits merged --------------------------------------------------------------------------------


def test_edits_of_one_message_are_merged_while_one_waits(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "db.sqlite3")
    try:
        store.queue_post(QueuedPost("alert"), now=T0)
        alert_id = store.outbox_rows(kind="alert")[0]["id"]
        for n in range(5):
            store.queue_post(QueuedPost(f"alert, also {n + 1} outlets", kind="edit", parent_id=alert_id), now=T0)
        edits = store.outbox_rows(kind="edit")
        assert [row["body"] for row in edits] == ["alert, also 5 outlets"]
    finally:
        store.close()


async def test_an_edit_waits_out_the_interval_since_the_last_edit(tmp_path: Path, botapi) -> None:
    from bot.app.outbox import Sender
    from bot.edges.publish import TelegramPublisher

    store = Store.open(tmp_path / "db.sqlite3")
    publisher = TelegramPublisher(botapi.token, api_url=botapi.url, min_interval=0)
    await publisher.start()
    clock = {"now": T0}
    sender = Sender(store, publisher, {"channel": str(botapi.chat_id), "admin": None}, clock=lambda: clock["now"])
    try:
        store.queue_post(QueuedPost("alert"), now=T0)
        alert_id = store.outbox_rows(kind="alert")[0]["id"]
        store.queue_post(QueuedPost("alert, also A", kind="edit", parent_id=alert_id), now=T0)
        assert (await sender.drain(timeout=30)).sent == 2
        store.queue_post(QueuedPost("alert, also A, B", kind="edit", parent_id=alert_id), now=T0)
        clock["now"] = T0 + timedelta(minutes=4)
        held = await sender.drain(timeout=30)
        assert (held.sent, held.left) == (0, 1)
        store.queue_post(QueuedPost("alert, also A, B, C", kind="edit", parent_id=alert_id), now=clock["now"])
        clock["now"] = T0 + timedelta(minutes=11)
        assert (await sender.drain(timeout=30)).sent == 1
        (message,) = botapi.sent_to(botapi.chat_id)
        assert message.text == "alert, also A, B, C" and message.edits == 2
    finally:
        await publisher.stop()
        store.close()


# -- the measured set: one `once` through the strict stand-in -------------------------------------


@dataclass(frozen=True)
class Told:
    episode: str
    outlet: str
    days_ago: float
    title: str
    text: str


def _sunday_ago(weeks: int) -> float:
    """Days ago of a Sunday ``weeks`` weeks back (reports say "on Saturday")."""
    today = datetime.now(timezone.utc).date()
    return float((today.weekday() - 6) % 7 + 7 * weeks)


EPISODES = [
    # E1: an activist detained, told in ru/kk the same day and in en with the court's term the next day.
    Told(
        "E1",
        "Outlet RU",
        200,
        "В Актобе задержан активист Марат Сапаров",
        "В Актобе полицейские задержали гражданского активиста Марата Сапарова после одиночного пикета у "
        "здания областного акимата. Активист требовал освободить политических заключённых. Его доставили в "
        "районный отдел полиции.",
    ),
    Told(
        "E1",
        "Outlet KK",
        200,
        "Ақтөбеде белсенді Марат Сапаров ұсталды",
        "Ақтөбеде полиция қоғам белсендісі Марат Сапаровты облыс әкімдігінің алдында жалғыз адамдық пикет "
        "өткізген соң ұстады. Белсенді саяси тұтқындарды босатуды талап еткен.",
    ),
    Told(
        "E1",
        "Outlet EN",
        199,
        "Aktobe activist Marat Saparov jailed for 15 days",
        "A court in Aktobe jailed civic activist Marat Saparov for 15 days of administrative arrest for a "
        "single-person picket outside the regional akimat, where he demanded the release of political "
        "prisoners. Police detained him on the day of the picket.",
    ),
    # E2: the same man detained again four months later.
    Told(
        "E2",
        "Outlet RU",
        120,
        "Активист Марат Сапаров снова задержан в Актобе",
        "В Актобе снова задержан гражданский активист Марат Сапаров. Его задержали у дома перед митингом "
        "против роста цен, сообщили его соратники. Суд арестовал Сапарова на 10 суток.",
    ),
    Told(
        "E2",
        "Outlet EN",
        120,
        "Aktobe activist Marat Saparov detained again",
        "Police in Aktobe detained civic activist Marat Saparov again outside his home before a rally against "
        "rising prices, his supporters said. A court jailed Saparov for 10 days of administrative arrest.",
    ),
    # E3: and a third time, weeks ago.
    Told(
        "E3",
        "Outlet KK",
        20,
        "Марат Сапаров тағы да ұсталды",
        "Ақтөбеде қоғам белсендісі Марат Сапаров тағы да ұсталды. Сот белсендіні бейбіт жиналыс туралы заңды "
        "бұзды деп 20 тәулікке қамауға алды. Ол наразылық акциясына шақырған.",
    ),
    Told(
        "E3",
        "Outlet RU",
        20,
        "Марата Сапарова арестовали на 20 суток",
        "Суд в Актобе арестовал на 20 суток гражданского активиста Марата Сапарова за призыв к акции протеста. "
        "Активиста задержали повторно, сообщили его соратники.",
    ),
    # E4: another man with the same surname, in another city, the same week as E3.
    Told(
        "E4",
        "Outlet RU",
        19,
        "В Шымкенте арестован активист Ерлан Сапаров",
        "Суд в Шымкенте арестовал на 15 суток гражданского активиста Ерлана Сапарова, который организовал "
        "пикет против вырубки парка. Полиция задержала его прямо на пикете.",
    ),
    Told(
        "E4",
        "Outlet EN",
        19,
        "Shymkent activist Yerlan Saparov jailed for 15 days",
        "A court in Shymkent jailed civic activist Yerlan Saparov for 15 days of administrative arrest for "
        "organising a picket against the felling of a park. Police detained him at the picket.",
    ),
    # E5: a journalist held before trial, then sentenced two months later (one episode).
    Told(
        "E5",
        "Outlet EN",
        300,
        "Journalist Dinara Kemelbayeva placed in pre-trial detention",
        "A court in Almaty placed journalist Dinara Kemelbayeva in pre-trial detention for two months on "
        "charges of spreading false information over her reporting on land sales. Police detained the "
        "journalist at her home.",
    ),
    Told(
        "E5",
        "Outlet RU",
        300,
        "Журналистку Динару Кемельбаеву арестовали на два месяца",
        "Суд в Алматы арестовал на два месяца журналистку Динару Кемельбаеву по делу о распространении ложной "
        "информации. Журналистку задержали у неё дома после публикаций о продаже земель.",
    ),
    Told(
        "E5",
        "Outlet EN",
        240,
        "Journalist Dinara Kemelbayeva sentenced to five years",
        "A court in Almaty sentenced journalist Dinara Kemelbayeva to five years in prison for spreading false "
        "information. Rights groups said the case punished her for her reporting on land sales.",
    ),
    # E6: striking oil workers detained together, told by three outlets.
    Told(
        "E6",
        "Outlet EN",
        60,
        "Three striking oil workers detained in Zhanaozen",
        "Police in Zhanaozen detained striking oil workers Bakyt Ermekov, Serik Tulegenov and Nurlan Abenov "
        "during a strike over unpaid wages. The three were taken to the city police department.",
    ),
    Told(
        "E6",
        "Outlet RU",
        60,
        "В Жанаозене задержаны трое бастующих нефтяников",
        "В Жанаозене полиция задержала бастующих нефтяников Бакыта Ермекова, Серика Тулегенова и Нурлана "
        "Абенова во время забастовки из-за невыплаты зарплаты. Всех троих доставили в городской отдел полиции.",
    ),
    Told(
        "E6",
        "Outlet KK",
        59.8,
        "Жаңаөзенде ереуілшілер ұсталды",
        "Жаңаөзенде полиция жалақы төленбегені үшін ереуілге шыққан мұнайшылар Бақыт Ермеков, Серік Төлегенов "
        "және Нұрлан Әбеновты ұстады. Үшеуін қалалық полиция бөліміне апарды.",
    ),
    # E7 and E8: a blogger detained on a Saturday five weeks ago, and again on a Saturday a week ago.
    Told(
        "E7",
        "Outlet EN",
        _sunday_ago(5),
        "Blogger Askar Nurmagambetov detained",
        "Police detained blogger Askar Nurmagambetov on Saturday after he posted a video criticising the "
        "regional governor. He was taken to a police station in Atyrau.",
    ),
    Told(
        "E7",
        "Outlet RU",
        _sunday_ago(5),
        "В Атырау задержан блогер Аскар Нурмагамбетов",
        "В субботу в Атырау полиция задержала блогера Аскара Нурмагамбетова после публикации видео с критикой "
        "акима области. Блогера доставили в отдел полиции.",
    ),
    Told(
        "E8",
        "Outlet KK",
        _sunday_ago(1),
        "Блогер Асқар Нұрмағамбетов ұсталды",
        "Атырауда сенбі күні полиция блогер Асқар Нұрмағамбетовты облыс әкімін сынаған жаңа видеосы үшін "
        "ұстады. Блогерді полиция бөліміне алып кетті.",
    ),
    Told(
        "E8",
        "Outlet EN",
        _sunday_ago(1),
        "Atyrau blogger Askar Nurmagambetov detained over new video",
        "Police in Atyrau detained blogger Askar Nurmagambetov on Saturday over a new video criticising the "
        "regional governor. He was taken to a police station.",
    ),
    # E9: two outlets disagree on the term of one decision.
    Told(
        "E9",
        "Outlet RU",
        8,
        "Активистку Гульнару Жакупову арестовали на 10 суток",
        "Суд в Таразе арестовал на 10 суток гражданскую активистку Гульнару Жакупову за участие в мирном "
        "митинге против роста тарифов. Активистку задержали на митинге.",
    ),
    Told(
        "E9",
        "Outlet EN",
        7.9,
        "Taraz activist Gulnara Zhakupova jailed for 12 days",
        "A court in Taraz jailed civic activist Gulnara Zhakupova for 12 days of administrative arrest for "
        "taking part in a peaceful rally against higher tariffs. Police detained her at the rally.",
    ),
]


async def test_one_once_announces_each_episode_once_in_a_message_of_its_own(tmp_path: Path, web, botapi) -> None:
    outlets = sorted({told.outlet for told in EPISODES})
    lines = ['[settings]\ninterval = "1m"\nmax_age = "400d"\nlanguage = "en"\ntimezone = "UTC"\n']
    for index, outlet in enumerate(outlets):
        stories = [
            Story(
                f"{outlet}-{i}",
                told.title,
                told.text,
                f"http://127.0.0.1/{index}/{i}",
                age=timedelta(days=told.days_ago, hours=-10),
            )
            for i, told in enumerate(EPISODES)
            if told.outlet == outlet
        ]
        web.add(f"/feed-{index}.xml", rss(stories), content_type="application/rss+xml")
        lines.append(f'[[source]]\nname = "{outlet}"\nurl = "{web.url(f"/feed-{index}.xml")}"\n')
    (tmp_path / "sources.toml").write_text("\n".join(lines), encoding="utf-8")

    done = arrestwatch(tmp_path, "once", botapi=botapi, timeout=300)
    assert done.returncode == 0, done.stderr

    store = Store.open(tmp_path / "db.sqlite3")
    try:
        episode_of = {
            f"http://127.0.0.1/{outlets.index(told.outlet)}/{i}": told.episode for i, told in enumerate(EPISODES)
        }
        rows = store.outbox_rows()
        alerts = [row for row in rows if row["kind"] == "alert"]
        announced: dict[str, int] = {}
        for row in alerts:
            label = episode_of[store.item(row["item_id"]).url]
            announced[label] = announced.get(label, 0) + 1
        events = store.recent_events(datetime.now(timezone.utc) - timedelta(days=400))
        mixed = [
            sorted({episode_of[r.url] for r in e.reports})
            for e in events
            if len({episode_of[r.url] for r in e.reports}) > 1
        ]
        twice = {label: n for label, n in announced.items() if n > 1}
        only_in_edits = sorted(set(episode_of.values()) - set(announced))
        channel = botapi.sent_to(botapi.chat_id)
        print(
            f"\nepisodes: {len(EPISODES)} reports of {len(set(episode_of.values()))} episodes -> "
            f"{len(alerts)} alerts, {sum(r['kind'] == 'edit' for r in rows)} edits, "
            f"{sum(r['kind'] == 'followup' for r in rows)} follow-ups; announced twice {twice}, "
            f"messages mixing episodes {mixed}, only in edits {only_in_edits}"
        )
        assert twice == {} and mixed == [] and only_in_edits == []
        assert all(row["state"] == "sent" for row in rows)
        assert max(message.edits for message in channel) <= 1  # one `once`: at most one edit per message
        # E2 and E3 answer an earlier post of Marat Saparov, whatever order the feeds came in
        # (E8 answers E7 only when E7's outlets were read first: sources are polled at once).
        again = [m for m in channel if "Detained again" in m.text]
        saparov = [m for m in again if "Marat Saparov" in m.text or "Марат Сапаров" in m.text]
        assert {("10 days" in m.text, "20 days" in m.text) for m in saparov} == {(True, False), (False, True)}
        assert all(m.reply_to_message_id for m in again)
        # E9: both terms, each with its outlet.
        zhakupova = next(m for m in channel if "10 days" in m.text and "12 days" in m.text)
        assert "(Outlet RU)" in zhakupova.text and "(Outlet EN)" in zhakupova.text
    finally:
        store.close()

    listed = arrestwatch(tmp_path, "events", "--days", "400")
    rows = [line for line in listed.stdout.splitlines() if line.startswith("episode ")]
    # One row per person per episode: E6 has three people, every other episode one.
    assert listed.returncode == 0 and len(rows) == len(set(episode_of.values())) + 2, listed.stdout
    assert any(
        "10 days (Outlet RU); 12 days (Outlet EN)" in row or "12 days (Outlet EN); 10 days (Outlet RU)" in row
        for row in rows
    ), rows
