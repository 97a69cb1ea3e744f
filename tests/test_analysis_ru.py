"""Russian arrest rules, one family per test. Every sentence here is written for these tests."""

from __future__ import annotations

import pytest

from bot.core.analysis.result import Analysis, RuleConfig
from bot.core.analysis.ru_terms import find_terms
from bot.core.analysis.ru_text import find_charge, find_date, watchlist_hits
from bot.core.analysis.russian import analyze_cyrillic
from tests.support.russian import people
from tests.support.russian import ru as shared_ru


def ru(text: str, title: str = "", rules: RuleConfig | None = None) -> Analysis:
    result = shared_ru(text, title, rules)
    assert all(len(e) <= 400 for e in result.evidence)
    return result


# --- names -----------------------------------------------------------------------------


def test_inflected_name_is_put_in_the_nominative() -> None:
    result = ru("Суд Алматы назначил десять суток ареста гражданскому активисту Ерлану Касымову за участие в митинге.")
    assert result.arrest and result.protest
    assert people(result) == {"Ерлан Касымов": "10 days"}
    assert "custody:10 days" in result.reasons
    assert any(r.startswith("civic:") for r in result.reasons)


def test_genitive_name_of_a_woman() -> None:
    result = ru("В Шымкенте полиция задержала журналистку Динару Абенову, которая снимала пикет у здания акимата.")
    assert result.arrest
    assert people(result) == {"Динара Абенова": None}


def test_surname_first_order_is_kept() -> None:
    result = ru(
        "Активисты из Караганды Сериков Даурен и Ахметова Гульнар получили по 15 суток "
        "административного ареста каждый за пикет у акимата."
    )
    assert people(result) == {"Сериков Даурен": "15 days", "Ахметова Гульнар": "15 days"}
    assert result.place == "Караганда"


def test_list_after_a_colon() -> None:
    result = ru("После акции протеста в Актобе задержаны: Асылбек Муратов, Жанна Кемелова и Тимур Исабеков.")
    assert set(people(result)) == {"Асылбек Муратов", "Жанна Кемелова", "Тимур Исабеков"}


def test_roles_sources_and_judges_are_not_detainees() -> None:
    result = ru(
        "Судья Мурат Жаксыбеков арестовал на 10 суток оппозиционного блогера Аслана Ибраева, "
        "сообщил адвокат Ербол Нуртаев."
    )
    assert people(result) == {"Аслан Ибраев": "10 days"}


def test_pronoun_refers_to_the_previous_sentence() -> None:
    result = ru("Корреспондент Данияр Алимов снимал митинг у акимата. Его задержали и доставили в отдел полиции.")
    assert result.arrest
    assert people(result) == {"Данияр Алимов": None}


def test_same_person_by_surname_only_later() -> None:
    result = ru(
        "Редактора газеты Кайрата Бекова вызвали в полицию. Вечером Беков сообщил, что получил семь суток ареста "
        "за публикацию о митинге."
    )
    assert people(result) == {"Кайрат Беков": "7 days"}


# --- terms -----------------------------------------------------------------------------


def test_different_terms_for_different_people_in_one_sentence() -> None:
    result = ru(
        "За участие в акции протеста на 10 суток арестован Нурлан Сабитов, на 5 суток — Айжан Омарова, "
        "а на 3 суток — Берик Алиев."
    )
    assert people(result) == {"Нурлан Сабитов": "10 days", "Айжан Омарова": "5 days", "Берик Алиев": "3 days"}


def test_names_before_their_terms() -> None:
    result = ru(
        "Активист Нурлан Сабитов получил 10 суток ареста, а активистка Айжан Омарова — 5 суток, "
        "сообщили их соратники после митинга."
    )
    assert people(result) == {"Нурлан Сабитов": "10 days", "Айжан Омарова": "5 days"}


def test_years_and_months_become_months() -> None:
    result = ru(
        "Суд приговорил оппозиционного блогера Талгата Ермекова к трём годам и шести месяцам лишения свободы "
        "за посты в Facebook."
    )
    assert people(result) == {"Талгат Ермеков": "42 months"}


def test_years_in_a_colony_with_an_article() -> None:
    result = ru(
        "Гражданского активиста Бауыржана Сейтова приговорили к пяти годам колонии по статье 174 УК о разжигании розни."
    )
    assert people(result) == {"Бауыржан Сейтов": "5 years"}
    assert result.charge == "статья 174 УК"


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("его арестовали на пятнадцать суток", "15 days"),
        ("ей дали двадцать пять суток ареста", "25 days"),
        ("отправили под арест на две недели", "14 days"),
        ("приговорили к 3 годам 6 месяцам колонии", "42 months"),
        ("приговорили к полутора годам колонии", "18 months"),
        ("5 лет лишения свободы", "5 years"),
        ("арестовали на два месяца", "2 months"),
        ("получили по 20 суток", "20 days"),
    ],
)
def test_term_forms(sentence: str, expected: str) -> None:
    words = sentence.replace(",", " ,").split()
    assert [t.value for t in find_terms(words, "ru")] == [expected]


@pytest.mark.parametrize(
    "sentence",
    [
        "грозит арест до 15 суток",
        "получили от 5 до 20 суток",
        "к двум годам ограничения свободы",
        "запрет на деятельность в течение пяти лет",
        "в 2019 году",
        "фольклористу 60 лет",
        "приговорили к трём годам условно",
    ],
)
def test_not_custodial_terms(sentence: str) -> None:
    assert find_terms(sentence.split(), "ru") == []


def test_same_term_as_before() -> None:
    result = ru(
        "Активистка Асель Нуржанова, стоявшая с плакатом у здания акимата, арестована на 12 суток. "
        "Накануне тот же административный срок получил активист Тимур Жанибеков."
    )
    assert people(result) == {"Асель Нуржанова": "12 days", "Тимур Жанибеков": "12 days"}


def test_group_term_reaches_the_named_people() -> None:
    result = ru(
        "Суд в Уральске арестовал на 10 суток троих участников митинга. "
        "Аресты получили Ербол Кенжеев, Даулет Сарсенов и Максат Абилов."
    )
    assert people(result) == {"Ербол Кенжеев": "10 days", "Даулет Сарсенов": "10 days", "Максат Абилов": "10 days"}


# --- negatives ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "В Шымкенте полицейские задержали наркокурьера Бахыта Садыкова с крупной партией героина.",
        "Аким района Серик Жумабеков задержан при получении взятки, сообщили в антикоррупционной службе.",
        "Подозреваемого в убийстве соседа Арсена Калиева задержали по горячим следам.",
        "Мошенника, обманувшего пенсионеров, водворили в изолятор временного содержания.",
        "Суд оштрафовал активиста Дархана Исаева на 50 МРП за одиночный пикет у акимата.",
        "Журналистку Алию Бекову вызвали на допрос в полицию по делу о ложной информации.",
        "У блогера Арман Сейткали провели обыск, изъяли телефон и ноутбук.",
        "Активиста Кайрата Омарова приговорили к двум годам ограничения свободы за пост в соцсетях.",
        "Активист Самат Жаксылыков вышел на свободу после 15 суток ареста.",
        "Суд оправдал журналиста Ерлана Мусина, которого обвиняли в распространении ложной информации.",
        "Участникам несогласованного митинга грозит арест до 15 суток, предупредили в полиции.",
        "Полиция никого не задержала на митинге в центре Алматы.",
        "Активиста Нурлана Ахметова оштрафовали за пост о митинге, под стражу его не брали.",
        "Митинг прошёл спокойно, задержанных нет, сообщили в полиции.",
        "Правозащитники давно критикуют практику административных арестов в стране.",
        "Курс тенге укрепился после решения Национального банка о ставке.",
    ],
)
def test_not_an_arrest(text: str) -> None:
    result = ru(text)
    assert not result.arrest, result.reasons
    assert result.detainees == ()


def test_fined_person_is_not_a_detainee() -> None:
    result = ru(
        "После митинга на 10 суток арестован активист Нурсултан Ахметов. "
        "Его соратницу Гаухар Жумабаеву оштрафовали на 30 МРП."
    )
    assert people(result) == {"Нурсултан Ахметов": "10 days"}


def test_demand_to_free_is_not_a_release() -> None:
    result = ru("Жители требуют освободить задержанных вчера участников забастовки нефтяников.")
    assert result.arrest and result.protest


def test_new_detention_after_release_counts() -> None:
    result = ru("Блогер Думан Касенов вышел на свободу 2 мая, а уже 4 мая его снова задержали после поста о митинге.")
    assert result.arrest
    assert "Думан Касенов" in people(result)


# --- context, date, place, protest ------------------------------------------------------


def test_protest_without_custody() -> None:
    result = ru("Жители Актау вышли на митинг против роста цен на газ.")
    assert result.protest and not result.arrest


def test_unrelated_news_skips_the_models() -> None:
    result = ru("Министерство финансов опубликовало отчёт об исполнении бюджета.")
    assert not result.arrest and not result.protest
    assert result.reasons == ("no custody vocabulary",)


def test_date_and_charge() -> None:
    result = ru(
        "Активиста Марата Жанузакова задержали 21 марта 2024 года и арестовали на 20 суток по части 11 статьи 488 КоАП."
    )
    assert result.detained_on == "2024-03-21"
    assert result.charge == "статья 488 КоАП"
    assert find_date("12.01.2022") == "2022-01-12"
    assert find_charge("по обвинению в распространении ложной информации.") == "распространении ложной информации"


# --- operator rules ---------------------------------------------------------------------


def test_watchlist_flags_custody_without_civic_context() -> None:
    text = "Полиция задержала Айдара Серикбаева возле его дома в Таразе."
    assert not ru(text).arrest
    result = ru(text, rules=RuleConfig(watchlist=("Айдар Серикбаев",)))
    assert result.arrest
    assert "watchlist:Айдар Серикбаев" in result.reasons
    assert "Айдар Серикбаев" in people(result)
    assert watchlist_hits("беседа с Айдаром Серикбаевым", ("Айдар Серикбаев",)) == ["Айдар Серикбаев"]


def test_extra_keyword_supplies_civic_context() -> None:
    text = "Полиция задержала зоозащитника Ивана Петрова у здания акимата."
    assert not ru(text).arrest
    result = ru(text, rules=RuleConfig(civic_keywords={"ru": ("зоозащит",)}))
    assert result.arrest
    assert "civic:зоозащит" in result.reasons


def test_exclude_keyword_wins() -> None:
    text = "Во время митинга полиция задержала активиста Ерлана Касымова."
    assert ru(text).arrest
    result = ru(text, rules=RuleConfig(exclude_keywords={"*": ("митинг",)}))
    assert not result.arrest
    assert "excluded:митинг" in result.reasons


def test_sentence_initial_surname_missed_by_the_tagger_gets_its_own_term() -> None:
    from bot.core.analysis import analyze

    result = analyze(
        "",
        "Журналистку Айгерим Тлеубаеву и блогера Даурена Кадырова задержали в Шымкенте после акции. "
        "Тлеубаеву суд арестовал на 10 суток, Кадырова — на 20 суток.",
        "ru",
    )
    assert result.arrest
    assert {(d.name, d.term) for d in result.detainees} == {
        ("Айгерим Тлеубаева", "10 days"),
        ("Даурен Кадыров", "20 days"),
    }


def test_extra_custody_keyword_from_operators() -> None:
    text = "Неизвестные в штатском увезли активиста Ивана Петрова в неизвестном направлении после пикета."
    assert not ru(text).arrest
    result = ru(text, rules=RuleConfig(extra_keywords={"ru": ("увезли",)}))
    assert result.arrest and "extra:увезли" in result.reasons
    assert [d.name for d in result.detainees] == ["Иван Петров"]


def test_background_reminder_of_past_detentions_is_not_an_alert() -> None:
    result = ru("Правозащитники напомнили, что в прошлом году в стране были задержаны сотни участников акций протеста.")
    assert not result.arrest
    assert any(r.startswith("negative:background") for r in result.reasons)


def test_an_associate_named_right_before_the_custody_verb_is_the_detainee() -> None:
    result = ru(
        "Гражданского активиста Олжаса Бакирова оштрафовали на 100 МРП за пикет, "
        "а его соратника Ержана Тулеуова суд арестовал на 5 суток."
    )
    assert result.arrest
    assert [(d.name, d.term) for d in result.detainees] == [("Ержан Тулеуов", "5 days")]  # the fined one is not listed


def test_two_terms_sharing_one_unit_word_go_to_the_people_in_order() -> None:
    result = ru(
        "Суд Астаны приговорил активистов Нурлана Сапарова и Айдоса Нуржанова к 7 и 5 годам лишения "
        "свободы соответственно по делу о массовых беспорядках."
    )
    assert [(d.name, d.term) for d in result.detainees] == [
        ("Нурлан Сапаров", "7 years"),
        ("Айдос Нуржанов", "5 years"),
    ]


def test_released_into_house_arrest_is_custody() -> None:
    result = ru("Суд отпустил активистку Айгуль Утепову под домашний арест на два месяца.")
    assert result.arrest and [(d.name, d.term) for d in result.detainees] == [("Айгуль Утепова", "2 months")]


def test_a_detention_for_hours_that_ended_is_still_custody() -> None:
    result = ru("Активиста Нурлана Ержанова задержали на 3 часа в ОВД, после чего отпустили.")
    assert result.arrest and [(d.name, d.term) for d in result.detainees] == [("Нурлан Ержанов", None)]


def test_a_release_of_someone_detained_earlier_is_not_new_custody() -> None:
    assert not ru("Задержанного ранее активиста Нурлана Ержанова освободили из СИЗО в понедельник.").arrest


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Суд арестовал активиста Армана Куанышева на 10 суток, а его брата на 5 и", "ru"),
        ("Сот белсенді Арман Қуанышевты 10 тәулікке қамады, тағы 5 мен", "kk"),
    ],
)
def test_a_text_cut_off_after_a_number_and_a_conjunction_is_analysed(text: str, lang: str) -> None:
    # A feed that cuts its teaser at "5 и" once made the term finder read past the sentence.
    result = analyze_cyrillic("", text, lang, RuleConfig())
    assert result.lang == lang
    assert find_terms(text.replace(",", " ,").split(), lang) is not None


# --- error classes of unseen news (sentences written for these tests) ---------------


def test_headline_release_is_no_new_custody():
    result = ru(
        "Активиста Марата Оскенбаева в марте арестовали на 15 суток за пикет у акимата. "
        "В пятницу он покинул спецприёмник.",
        title="Активист Марат Оскенбаев вышел на свободу",
    )
    assert not result.arrest
    assert any(r.startswith("negative:release") for r in result.reasons)


def test_ordinary_crime_with_a_social_media_video_is_no_alert():
    result = ru("Полиция задержала мужчину, который избил прохожего; видеоролик с нападением разошёлся в соцсетях.")
    assert not result.arrest


def test_press_as_an_audience_is_not_civic():
    result = ru("Задержанный водитель пояснил журналистам, что торопился на работу.")
    assert not result.arrest


def test_a_yearly_report_about_past_detentions_is_background():
    result = ru(
        "В ежегодном докладе правозащитники напомнили, что за год в стране были задержаны сотни участников акций."
    )
    assert not result.arrest


def test_a_list_of_detainees_with_one_term():
    result = ru(
        "Суд арестовал на 10 суток активистов Марата Оскенбаева, Дану Жумабаеву и Ерлана Сапарова за участие в митинге."
    )
    assert result.arrest
    assert set(people(result).values()) == {"10 days"} and len(people(result)) == 3


def test_contrastive_clause_without_custody_takes_no_detainee():
    result = ru(
        "Суд оставил под стражей активистов Азата Ибраева и Дулата Сеитова, а Марата Оспанова — под домашним надзором."
    )
    assert set(people(result)) == {"Азат Ибраев", "Дулат Сеитов"}


def test_patronymic_word_and_agreement_of_a_mans_name():
    result = ru("В Бишкеке задержали активистку Махабат Тажибек кызы и блогера Асхата Жексебаева после пикета.")
    assert set(people(result)) == {"Махабат Тажибек кызы", "Асхат Жексебаев"}


def test_named_list_after_a_counted_detention():
    result = ru(
        "Полиция задержала четверых участников мирного митинга. Сейчас Алия Касымова, Берик Оспанов, "
        "Данияр Ермеков и Гульнара Сеитова подозреваются в неповиновении полиции."
    )
    assert len(people(result)) == 4


def test_restricted_freedom_in_one_clause_custody_in_the_other():
    result = ru(
        "Активист Жанболат Мамай приговорён к шести годам ограничения свободы, "
        "но его соратник Ерлан Сапаров получил три года колонии."
    )
    assert people(result) == {"Ерлан Сапаров": "3 years"}


def test_womans_surname_in_the_accusative():
    result = ru("В Алматы задержали активистку Асель Жанибекову, которая вышла на пикет к акимату.")
    assert people(result) == {"Асель Жанибекова": None}


def test_speaker_of_others_detention_and_the_dead_are_not_detainees():
    result = ru(
        "Активистка Айгуль Сапарова сказала, что полиция задерживает участников пикета. "
        "Участники акции требуют расследовать смерть активиста Дулата Ержанова в изоляторе."
    )
    assert "Айгуль Сапарова" not in people(result) and "Дулат Ержанов" not in people(result)


def test_abbreviations_are_their_own_lemma():
    result = ru(
        "Суд санкционировал арест оппозиционера на два месяца.",
        title="Оппозиционера Кенжебека Абишева отправили в СИЗО",
    )
    assert people(result) == {"Кенжебек Абишев": "2 months"}


def test_a_release_keeps_its_people_below_the_review_floor():
    result = ru(
        "Активиста Марата Оскенбаева в марте арестовали на 15 суток за пикет у акимата.",
        title="Активист Марат Оскенбаев вышел на свободу",
    )
    assert not result.arrest and result.score < 0.35
    assert "Марат Оскенбаев" in people(result)  # so the event of his custody can report the release


def test_a_given_name_left_in_the_genitive_agrees_with_a_nominative_surname() -> None:
    result = ru(
        "После митинга суд оставил под стражей активиста. Таким образом, Эркина Токтосунов "
        "проведёт в СИЗО ещё два месяца."
    )
    assert "Эркин Токтосунов" in people(result)


def test_a_masculine_given_name_in_a_nominative_is_kept() -> None:
    result = ru("После митинга полиция задержала активиста Никита Ржевский, его арестовали на 10 суток.")
    assert people(result) == {"Никита Ржевский": "10 days"}


def test_a_mans_surname_in_ov_is_not_read_as_a_plural() -> None:
    result = ru("После митинга суд оставил под стражей активиста. Таким образом, Ержана Айбеков останется под стражей.")
    assert "Ержан Айбеков" in people(result)  # not "Айбек", the genitive plural's normal form


def test_a_word_in_apposition_gives_a_womans_name_its_case() -> None:
    result = ru("В Таразе полиция задержала 32-летнюю активистку Мадину Ерғалиеву после пикета у акимата.")
    assert people(result) == {"Мадина Ерғалиева": None}
    result = ru("Суд арестовал на 10 суток за участие в митинге. Арестована гражданская активистка Сауле Тар.")
    assert "Сауле Тар" in people(result)


def test_a_relation_noun_does_not_make_a_name_feminine() -> None:
    result = ru("Полиция задержала дочь Бекзата Омарова, активистку, после пикета у акимата.")
    assert "Бекзата Омарова" not in people(result)


def test_a_mans_genitive_name_with_an_ova_surname_tagged_as_written() -> None:
    result = ru("Суд арестовал на два месяца оппозиционера Ерболата Кудайбергенова за пост в соцсетях.")
    assert people(result) == {"Ерболат Кудайбергенов": "2 months"}


def test_a_death_in_custody_is_not_a_new_detention() -> None:
    result = ru(
        "Блогер Кайрат Сейтжанов, по словам правозащитников, скончался при невыясненных обстоятельствах "
        "в следственном изоляторе. Полиция задержала двоих участников пикета."
    )
    assert "Кайрат Сейтжанов" not in people(result)


def test_a_name_in_the_genitive_after_a_thing_is_its_owner() -> None:
    result = ru("Активиста Ерлана Жумабекова арестовали на 5 суток за пикет у дома Мурата Айтбаева.")
    assert people(result) == {"Ерлан Жумабеков": "5 days"}


def test_a_suspended_sentence_stated_before_its_term_is_no_custody() -> None:
    result = ru("Суд условно осудил правозащитника Армана Сеитова к двум годам лишения свободы за пост в соцсетях.")
    assert "Арман Сеитов" not in people(result)


def test_names_listed_together_share_the_custody_of_one() -> None:
    result = ru(
        "Жителей села Ерлана Абдиева, Гульмиру Сапарову и активиста Досыма Ермекова, которые пришли на "
        "пикет у акимата с плакатами против вырубки сквера, полиция задержала в тот же вечер."
    )
    assert set(people(result)) == {"Ерлан Абдиев", "Гульмира Сапарова", "Досым Ермеков"}


def test_a_name_known_by_another_name_is_not_a_second_person() -> None:
    result = ru("Полиция задержала блогера Марата Сейтова, известного как Шымкентец, за ролик о пикете.")
    assert list(people(result)) == ["Марат Сейтов"]


def test_everyone_named_among_the_detained() -> None:
    result = ru(
        "Полиция разогнала пикет у акимата. Среди задержанных оказались активистка Айнур Бекова, "
        "которая вела трансляцию акции в соцсетях с самого утра, и фотограф местной газеты Тимур Ахметов."
    )
    assert set(people(result)) == {"Айнур Бекова", "Тимур Ахметов"}


def test_a_list_two_sentences_after_the_count() -> None:
    result = ru(
        "Суд вынес приговор по делу шести активистов, задержанных после митинга. Судья признал всех виновными. "
        "«Бахыта Сейтова, Ерлана Мамая, Жаната Казакбая, Гульнару Алиеву, Асета Нурова и Марата Ибраева "
        "признать виновными», — зачитал судья."
    )
    assert set(people(result)) == {
        "Бахыт Сейтов",
        "Ерлан Мамай",
        "Жанат Казакбай",
        "Гульнара Алиева",
        "Асет Нуров",
        "Марат Ибраев",
    }


def test_a_term_with_a_half() -> None:
    assert [
        t.value for t in find_terms("Суд приговорил журналиста к восьми с половиной годам колонии .".split(), "ru")
    ] == ["102 months"]
    assert [t.value for t in find_terms("Его арестовали на 3 с половиной года .".split(), "ru")] == ["42 months"]
