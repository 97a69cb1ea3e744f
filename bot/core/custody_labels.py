"""The words of custody in the channel (the pinned list, "due out today", the digest's
section, the chart), in each channel language.

A module of its own so that both the posts (bot/app/custody_posts.py) and the chart
(bot/app/chart.py) read them without importing each other.
"""

from __future__ import annotations

LABELS: dict[str, dict[str, str]] = {
    "en": {
        "title": "In custody now",
        "people": "{n} people known to be held",
        "as_of": "as of {day}",
        "nobody": "Nobody is known to be in custody.",
        "place_unknown": "Place not stated",
        "no_term": "term not stated",
        "detained": "detained {day}",
        "until": "until {day}",
        "left": "{n} days left",
        "last_day": "last day",
        "due_out": "due out on {day}, release not yet reported",
        "corrected": "corrected by hand",
        "part": "part {i} of {n}",
        "end": "(the list continues above)",
        "due_title": "Due out today",
        "due_intro": "Their terms end today, {day}:",
        "section": "Custody",
        "held": "In custody now: {n}",
        "soon": "Due out in the next {d} days:",
        "released_today": "Released today:",
        "overdue": "Term ended, release not yet reported:",
        "caption": "Detentions per day over the last four weeks, by region. In custody now: {n}.",
        "chart_title": "Detentions per day",
        "region_unknown": "Region not stated",
    },
    "ru": {
        "title": "Сейчас под стражей",
        "people": "Известно о задержанных: {n}",
        "as_of": "на {day}",
        "nobody": "Сведений о находящихся под стражей нет.",
        "place_unknown": "Место не указано",
        "no_term": "срок не указан",
        "detained": "задержан(а) {day}",
        "until": "до {day}",
        "left": "осталось дней: {n}",
        "last_day": "последний день",
        "due_out": "срок истёк {day}, об освобождении пока не сообщалось",
        "corrected": "исправлено вручную",
        "part": "часть {i} из {n}",
        "end": "(список продолжается выше)",
        "due_title": "Сегодня выходят на свободу",
        "due_intro": "Срок заканчивается сегодня, {day}:",
        "section": "Под стражей",
        "held": "Сейчас под стражей: {n}",
        "soon": "Выходят в ближайшие {d} дн.:",
        "released_today": "Освобождены сегодня:",
        "overdue": "Срок истёк, об освобождении не сообщалось:",
        "caption": "Задержания по дням за последние четыре недели, по регионам. Сейчас под стражей: {n}.",
        "chart_title": "Задержания по дням",
        "region_unknown": "Регион не указан",
    },
    "kk": {
        "title": "Қазір қамауда",
        "people": "Қамаудағылар: {n}",
        "as_of": "{day} күнгі",
        "nobody": "Қамауда отырғандар туралы мәлімет жоқ.",
        "place_unknown": "Орны көрсетілмеген",
        "no_term": "мерзімі көрсетілмеген",
        "detained": "{day} ұсталды",
        "until": "{day} дейін",
        "left": "{n} күн қалды",
        "last_day": "соңғы күн",
        "due_out": "мерзімі {day} бітті, босатылғаны әлі хабарланбады",
        "corrected": "қолмен түзетілді",
        "part": "{n} бөліктің {i}-і",
        "end": "(тізім жоғарыда жалғасады)",
        "due_title": "Бүгін босатылуы тиіс",
        "due_intro": "Мерзімі бүгін, {day}, бітеді:",
        "section": "Қамауда",
        "held": "Қазір қамауда: {n}",
        "soon": "Алдағы {d} күнде босатылады:",
        "released_today": "Бүгін босатылды:",
        "overdue": "Мерзімі бітті, босатылғаны хабарланбады:",
        "caption": "Соңғы төрт аптадағы күн сайынғы ұстаулар, өңірлер бойынша. Қазір қамауда: {n}.",
        "chart_title": "Күн сайынғы ұстаулар",
        "region_unknown": "Өңірі көрсетілмеген",
    },
}


def labels(language: str) -> dict[str, str]:
    return LABELS.get(language, LABELS["en"])


__all__ = ["LABELS", "labels"]
