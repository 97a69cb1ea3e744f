"""A loopback feed holding a mix of reports (en, ru, kk; arrests and look-alikes of our
own writing) yields alerts for exactly the arrest reports, each naming its detainees
with their terms."""

from __future__ import annotations

from pathlib import Path

from tests.support.feeds import Story, rss
from tests.test_e2e import arrestwatch, write_sources

ARRESTS = {
    "two-terms-en": (
        "Two activists jailed after Shymkent rally",
        "A court in Shymkent jailed two opposition activists on Thursday over an unsanctioned rally "
        "against rising utility prices. Marat Zhaksylykov was sentenced to 20 days of administrative arrest "
        "and Gulnar Ospanova to ten days, their lawyer said. Police detained both of them at the square "
        "as they addressed a crowd of about fifty people. Rights defenders called the arrests punishment for "
        "peaceful protest.",
        {"Marat Zhaksylykov": "20 days", "Gulnar Ospanova": "10 days"},
    ),
    "blogger-ru": (
        "Блогера приговорили к трём годам колонии",
        "Суд Уральска приговорил блогера Асхата Нурланова к 3 годам и 6 месяцам лишения свободы по "
        "статье о распространении заведомо ложной информации. Нурланов публиковал в соцсетях видео о "
        "нарушениях на выборах в маслихат. Его сторонники собрались у здания суда, а правозащитники "
        "назвали приговор политически мотивированным.",
        {"Асхат Нурланов": "42 months"},
    ),
    "picket-kk": (
        "Белсенді 15 тәулікке қамалды",
        "Алматы қаласының әкімшілік соты азаматтық белсенді Ерболат Сейтқалиұлын рұқсатсыз митингке "
        "қатысқаны үшін 15 тәулікке қамауға алды. Полиция белсендіні әкімдік ғимаратының алдында жалғыз "
        "адамдық пикет өткізіп тұрған кезде ұстады. Құқық қорғаушылар бұл шешімді бейбіт наразылық үшін "
        "жазалау деп атады.",
        {"Ерболат Сейтқалиұлы": "15 days"},
    ),
}

LOOKALIKES = {
    "drugs-en": (
        "Police detain drug courier in Aktobe",
        "Police in Aktobe detained a 34-year-old man suspected of selling synthetic drugs, the regional "
        "police department said. Officers found about two kilograms of narcotics in his car. He faces up "
        "to ten years in prison if convicted of drug trafficking.",
    ),
    "fine-ru": (
        "Активиста оштрафовали за пост",
        "Суд Караганды оштрафовал активиста Данияра Касымова на 50 месячных расчётных показателей за пост "
        "в социальной сети о планируемом митинге. Под стражу его не брали, сообщил его адвокат, "
        "добавив, что решение будет обжаловано.",
    ),
    "release-en": (
        "Journalist freed after serving sentence",
        "Journalist Saltanat Beisenova walked free on Monday after serving her full term at a detention "
        "centre in Astana. She thanked supporters who had gathered outside the centre and said she would "
        "return to reporting on land disputes.",
    ),
    "bribe-ru": (
        "Заместителя акима задержали за взятку",
        "Антикоррупционная служба задержала заместителя акима района по подозрению в получении взятки в "
        "размере пяти миллионов тенге. Суд санкционировал его арест на два месяца.",
    ),
}


def test_a_mixed_feed_alerts_exactly_the_arrests_with_names_and_terms(tmp_path: Path, web, botapi) -> None:
    stories = [Story(key, title, text, f"http://127.0.0.1/a/{key}") for key, (title, text, _) in ARRESTS.items()]
    stories += [Story(key, title, text, f"http://127.0.0.1/l/{key}") for key, (title, text) in LOOKALIKES.items()]
    web.add("/mix.xml", rss(stories), content_type="application/rss+xml")
    write_sources(tmp_path / "sources.toml", {"Mix": web.url("/mix.xml")})

    result = arrestwatch(tmp_path, "once", botapi=botapi)
    assert result.returncode == 0, result.stderr
    posts = [m.text for m in botapi.messages]
    assert len(posts) == len(ARRESTS), posts
    for key, (_, _, people) in ARRESTS.items():
        post = next((p for p in posts if f"/a/{key}" in p or any(name in p for name in people)), None)
        assert post is not None, f"no alert for {key}"
        for name, term in people.items():
            assert f"{name} — {term}" in post, (name, term, post)
    for key, (title, _) in LOOKALIKES.items():
        assert not any(title in p for p in posts), f"false alert for {key}"
