"""A small gazetteer: Kazakhstan's cities and regions and the region's capitals, each
with its name in English, Russian and Kazakh and the other spellings reports use.

The analysis names a place as the report spells it ("Алматы", "Almaty", "Oral",
"Усть-Каменогорск"); posts, hashtags, the digest and ``events`` show it in the
channel's language, so one channel never mixes "#Алматы" and "#Almaty", and the digest
counts one city once. Pure data and lookups.

It is the project's one list of places: the English analysis finds places by the Latin
spellings here (:data:`LATIN_FORMS`), the Russian and Kazakh analysis by the
inflected forms here (:data:`CYRILLIC_FORMS`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.core.translit import latin


@dataclass(frozen=True)
class Place:
    """One place: its names by language and every other spelling that means it."""

    en: str
    ru: str
    kk: str
    variants: tuple[str, ...] = ()
    #: Outside Kazakhstan: the analysis takes such a place only when no Kazakh one is named.
    abroad: bool = False

    def name(self, language: str) -> str:
        return {"ru": self.ru, "kk": self.kk}.get(language, self.en)


def _p(en: str, ru: str, kk: str, *variants: str) -> Place:
    return Place(en, ru, kk, variants)


def _abroad(en: str, ru: str, kk: str, *variants: str) -> Place:
    return Place(en, ru, kk, variants, abroad=True)


PLACES: tuple[Place, ...] = (
    # Cities of Kazakhstan
    _p("Astana", "Астана", "Астана", "Nur-Sultan", "Nursultan", "Нур-Султан", "Нұр-Сұлтан", "Akmola city"),
    _p("Almaty", "Алматы", "Алматы", "Alma-Ata", "Алма-Ата"),
    _p("Shymkent", "Шымкент", "Шымкент", "Chimkent", "Чимкент"),
    _p("Zhanaozen", "Жанаозен", "Жаңаөзен", "Janaozen", "Zhanaozen", "Жанаузен"),
    _p("Aktau", "Актау", "Ақтау", "Aqtau"),
    _p("Uralsk", "Уральск", "Орал", "Oral"),
    _p("Atyrau", "Атырау", "Атырау"),
    _p("Aktobe", "Актобе", "Ақтөбе", "Aqtobe", "Aktyubinsk", "Актюбинск"),
    _p("Karaganda", "Караганда", "Қарағанды", "Karagandy", "Qaraghandy", "Qaragandy"),
    _p("Kostanay", "Костанай", "Қостанай", "Qostanai", "Kostanai"),
    _p("Pavlodar", "Павлодар", "Павлодар"),
    _p("Semey", "Семей", "Семей", "Semipalatinsk", "Семипалатинск"),
    _p("Oskemen", "Усть-Каменогорск", "Өскемен", "Ust-Kamenogorsk", "Öskemen"),
    _p("Taraz", "Тараз", "Тараз"),
    _p("Kyzylorda", "Кызылорда", "Қызылорда", "Qyzylorda"),
    _p("Petropavl", "Петропавловск", "Петропавл", "Petropavlovsk"),
    _p("Kokshetau", "Кокшетау", "Көкшетау", "Kökshetau"),
    _p("Taldykorgan", "Талдыкорган", "Талдықорған", "Taldyqorghan"),
    _p("Turkestan", "Туркестан", "Түркістан", "Turkistan"),
    _p("Ekibastuz", "Экибастуз", "Екібастұз"),
    _p("Temirtau", "Темиртау", "Теміртау"),
    _p("Zhezkazgan", "Жезказган", "Жезқазған", "Jezkazgan"),
    _p("Kaskelen", "Каскелен", "Қаскелең", "Qaskelen"),
    _p("Talgar", "Талгар", "Талғар", "Talghar"),
    _p("Konaev", "Конаев", "Қонаев", "Qonaev", "Kapchagay", "Kapshagay", "Qapshaghai", "Капчагай", "Қапшағай"),
    _p("Zharkent", "Жаркент", "Жаркент"),
    _p("Balkhash", "Балхаш", "Балқаш"),
    _p("Rudny", "Рудный", "Рудный"),
    _p("Kulsary", "Кульсары", "Құлсары"),
    # Regions of Kazakhstan
    _p("Almaty Region", "Алматинская область", "Алматы облысы"),
    _p("Zhetysu Region", "Жетысуская область", "Жетісу облысы", "Zhetysu", "Жетысу", "Жетісу"),
    _p(
        "Mangystau Region",
        "Мангистауская область",
        "Маңғыстау облысы",
        "Mangystau",
        "Mangistau",
        "Мангистау",
        "Маңғыстау",
    ),
    _p("Zhambyl Region", "Жамбылская область", "Жамбыл облысы", "Zhambyl", "Jambyl"),
    _p("Akmola Region", "Акмолинская область", "Ақмола облысы", "Akmola", "Aqmola"),
    _p("Ulytau Region", "Улытауская область", "Ұлытау облысы", "Ulytau"),
    _p("Abai Region", "область Абай", "Абай облысы"),
    _p("East Kazakhstan", "Восточно-Казахстанская область", "Шығыс Қазақстан облысы", "East Kazakhstan Region"),
    _p("West Kazakhstan", "Западно-Казахстанская область", "Батыс Қазақстан облысы", "West Kazakhstan Region"),
    _p("North Kazakhstan", "Северо-Казахстанская область", "Солтүстік Қазақстан облысы", "North Kazakhstan Region"),
    # The region's capitals and cities reports name
    _abroad("Bishkek", "Бишкек", "Бішкек"),
    _abroad("Osh", "Ош", "Ош"),
    _abroad("Tashkent", "Ташкент", "Ташкент"),
    _abroad("Fergana", "Фергана", "Ферғана", "Ferghana"),
    _abroad("Samarkand", "Самарканд", "Самарқанд"),
    _abroad("Nukus", "Нукус", "Нөкіс"),
    _abroad("Dushanbe", "Душанбе", "Душанбе"),
    _abroad("Khujand", "Худжанд", "Хұджанд"),
    _abroad("Ashgabat", "Ашхабад", "Ашхабад"),
    _abroad("Turkmenabat", "Туркменабад", "Түрікменабат"),
    _abroad("Baku", "Баку", "Баку"),
    _abroad("Tbilisi", "Тбилиси", "Тбилиси"),
    _abroad("Yerevan", "Ереван", "Ереван"),
    _abroad("Minsk", "Минск", "Минск"),
    _abroad("Moscow", "Москва", "Мәскеу"),
    _abroad("St. Petersburg", "Санкт-Петербург", "Санкт-Петербург", "Saint Petersburg", "Петербург"),
    _abroad("Urumqi", "Урумчи", "Үрімжі"),
)

# How Russian and Kazakh reports inflect the places above: a stem (a regex; the analysis
# puts a word start before it) and the nominative the analysis reports for it, as the
# report's language writes it. Every such name is one of PLACES' spellings
# (tests/test_places.py); the first stem found in a text wins, then the earlier entry.
CYRILLIC_FORMS: tuple[tuple[str, str], ...] = (
    ("Алматинск\\w* област", "Алматинская область"),
    ("Алмат[ыаеу]", "Алматы"),
    ("Алма-Ат", "Алматы"),
    ("Нур-Султан", "Нур-Султан"),
    ("Астан", "Астана"),
    ("Шымкент", "Шымкент"),
    ("Караганд", "Караганда"),
    ("Актоб", "Актобе"),
    ("Атырау", "Атырау"),
    ("Актау", "Актау"),
    ("Жанаозен", "Жанаозен"),
    ("Уральск", "Уральск"),
    ("Костана", "Костанай"),
    ("Кокшетау", "Кокшетау"),
    ("Павлодар", "Павлодар"),
    ("Семе[йе]", "Семей"),
    ("Усть-Каменогорск", "Усть-Каменогорск"),
    ("Петропавловск", "Петропавловск"),
    ("Тараз", "Тараз"),
    ("Кызылорд", "Кызылорда"),
    ("Талдыкорган", "Талдыкорган"),
    ("Туркестан", "Туркестан"),
    ("Экибастуз", "Экибастуз"),
    ("Темиртау", "Темиртау"),
    ("Жезказган", "Жезказган"),
    ("Конаев", "Конаев"),
    ("Мангистау", "Мангистауская область"),
    ("Бишкек", "Бишкек"),
    ("Ташкент", "Ташкент"),
    ("Москв", "Москва"),
    ("Санкт-Петербург", "Санкт-Петербург"),
    ("Петербург", "Санкт-Петербург"),
    ("Минск", "Минск"),
    ("Тбилиси", "Тбилиси"),
    ("Ереван", "Ереван"),
    ("Баку", "Баку"),
    ("Душанбе", "Душанбе"),
    # Kazakh spellings
    ("Алматы", "Алматы"),
    ("Ақтөбе", "Ақтөбе"),
    ("Шымкент", "Шымкент"),
    ("Қарағанды", "Қарағанды"),
    ("Орал", "Орал"),
    ("Жаңаөзен", "Жаңаөзен"),
    ("Қостанай", "Қостанай"),
    ("Көкшетау", "Көкшетау"),
    ("Өскемен", "Өскемен"),
    ("Қызылорда", "Қызылорда"),
    ("Ақтау", "Ақтау"),
)

# The spellings the English analysis looks for in a text, in Kazakhstan, then abroad (a
# fallback for reports from elsewhere in the region); each one of PLACES' spellings
# (tests/test_places.py). Not every spelling above: "Nursultan" is also Nazarbayev's
# given name, and a name listed here is never read as a person's.
LATIN_FORMS: tuple[str, ...] = (
    "Nur-Sultan",
    "Astana",
    "Almaty",
    "Shymkent",
    "Zhanaozen",
    "Janaozen",
    "Aktau",
    "Aqtau",
    "Uralsk",
    "Oral",
    "Atyrau",
    "Aktobe",
    "Aqtobe",
    "Karaganda",
    "Karagandy",
    "Qaraghandy",
    "Kostanay",
    "Qostanai",
    "Pavlodar",
    "Semey",
    "Oskemen",
    "Ust-Kamenogorsk",
    "Taraz",
    "Kyzylorda",
    "Qyzylorda",
    "Petropavl",
    "Petropavlovsk",
    "Kokshetau",
    "Taldykorgan",
    "Taldyqorghan",
    "Turkestan",
    "Turkistan",
    "Ekibastuz",
    "Temirtau",
    "Zhezkazgan",
    "Kaskelen",
    "Qaskelen",
    "Talgar",
    "Talghar",
    "Konaev",
    "Qonaev",
    "Kapchagay",
    "Qapshaghai",
    "Zharkent",
    "Balkhash",
    "Rudny",
    "Kulsary",
    "Zhetysu",
    "Mangystau",
    "Mangistau",
    "Zhambyl",
    "Akmola",
    "Aqmola",
    "Ulytau",
    "Abai region",
    "East Kazakhstan",
    "West Kazakhstan",
    "North Kazakhstan",
)
LATIN_FORMS_ABROAD: tuple[str, ...] = (
    "Bishkek",
    "Osh",
    "Tashkent",
    "Ferghana",
    "Fergana",
    "Samarkand",
    "Nukus",
    "Dushanbe",
    "Khujand",
    "Ashgabat",
    "Turkmenabat",
    "Baku",
    "Tbilisi",
    "Yerevan",
    "Minsk",
    "Moscow",
    "St. Petersburg",
    "Urumqi",
)

_CYRILLIC = re.compile(r"[А-Яа-яЁёӘәҒғҚқҢңӨөҰұҮүҺһІі]")


_REGION_WORDS = re.compile(r"\b(?:region|oblast|province)\b")


def _key(name: str) -> str:
    """Case, ё, dashes, dots and "region/oblast/province" do not tell places apart."""
    folded = name.casefold().replace("ё", "е")
    folded = _REGION_WORDS.sub("region", folded)
    return " ".join(re.sub(r"[\s\-.]+", " ", folded).split())


def _index() -> dict[str, Place]:
    index: dict[str, Place] = {}
    for place in PLACES:
        for name in (place.en, place.ru, place.kk, *place.variants):
            index.setdefault(_key(name), place)
    # "Almaty region" as English reports write it is the region, not the city.
    return index


_INDEX = _index()


def find(name: str | None) -> Place | None:
    """The gazetteer's place for a name in any language or spelling, else None."""
    if not name:
        return None
    return _INDEX.get(_key(name))


def place_name(name: str | None, language: str) -> str | None:
    """``name`` as the channel's language writes it.

    A place the gazetteer does not know keeps its spelling, except that an English
    channel gets a Cyrillic name transliterated (one script per channel).
    """
    if not name:
        return None
    place = find(name)
    if place is not None:
        return place.name(language)
    if language == "en" and _CYRILLIC.search(name):
        return latin(name).title() or name
    return name


def place_key(name: str | None) -> str | None:
    """One key per place whatever the spelling (for counting places)."""
    if not name:
        return None
    place = find(name)
    return place.en if place is not None else _key(name)


def hashtag(name: str | None, language: str) -> str | None:
    """The place as one hashtag word in the channel's language ("#Oskemen", "#Өскемен")."""
    shown = place_name(name, language)
    if not shown:
        return None
    word = re.sub(r"[^\w]", "", shown.title().replace("-", ""), flags=re.UNICODE)
    return word if word and not word.isdigit() else None


__all__ = [
    "CYRILLIC_FORMS",
    "LATIN_FORMS",
    "LATIN_FORMS_ABROAD",
    "PLACES",
    "Place",
    "find",
    "hashtag",
    "place_key",
    "place_name",
]
