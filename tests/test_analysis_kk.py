"""Kazakh arrest rules. Every sentence here is written for these tests."""

from __future__ import annotations

import pytest

from bot.core.analysis.result import RuleConfig
from bot.core.analysis.ru_terms import find_terms
from tests.support.kazakh import kk_rules as kk
from tests.support.kazakh import people


def test_activist_jailed_for_days_after_a_rally() -> None:
    result = kk("Алматыда белсенді Ержан Сапаров бейбіт митингке қатысқаны үшін 15 тәулікке қамауға алынды.")
    assert result.arrest and result.protest
    assert people(result) == {"Ержан Сапаров": "15 days"}
    assert result.place == "Алматы"
    assert any(r.startswith("custody:") for r in result.reasons)


def test_patronymic_name_and_case_suffix() -> None:
    result = kk("Полиция журналист Айгүл Төлегенқызын ұстады. Ол наразылық акциясын түсіріп жүрген.")
    assert result.arrest
    assert people(result) == {"Айгүл Төлегенқызы": None}


def test_surname_with_accusative_suffix() -> None:
    result = kk("Белсенді Марат Жұмабаевты полиция митингтен кейін ұстады.")
    assert people(result) == {"Марат Жұмабаев": None}


def test_word_number_term() -> None:
    result = kk("Оппозициялық белсенді Нұрлан Әбенов он бес тәулікке қамалды.")
    assert people(result) == {"Нұрлан Әбенов": "15 days"}


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("15 тәулікке қамалды", "15 days"),
        ("жиырма тәулікке", "20 days"),
        ("5 жылға бас бостандығынан айырылды", "5 years"),
        ("екі айға қамауға алынды", "2 months"),
    ],
)
def test_term_forms(sentence: str, expected: str) -> None:
    assert [t.value for t in find_terms(sentence.split(), "kk")] == [expected]


def test_monthly_index_is_not_a_term() -> None:
    assert find_terms("20 айлық есептік көрсеткіш мөлшерінде айыппұл".split(), "kk") == []


def test_time_given_is_not_a_term() -> None:
    # a deadline ("they were given ten days' time to leave") is no custody
    assert find_terms("Әкімдік тұрғындарға көшуге он тәулік уақыт берді".split(), "kk") == []
    assert find_terms("Оған жеті күн уақыты қалды".split(), "kk") == []
    assert [t.value for t in find_terms("Сот оны он тәулікке қамады".split(), "kk")] == ["10 days"]


@pytest.mark.parametrize(
    "text",
    [
        "Полиция есірткі сатқан ер адамды ұстады, ол уақытша ұстау изоляторына қамалды.",
        "Белсендіге 20 айлық есептік көрсеткіш мөлшерінде айыппұл салынды.",
        "Қалада вандализм фактілері бойынша 10 адам қамауға алынды.",
        "Ұлттық банк базалық мөлшерлемені өзгеріссіз қалдырды.",
    ],
)
def test_not_an_arrest(text: str) -> None:
    result = kk(text)
    assert not result.arrest
    assert result.detainees == ()


def test_protest_without_custody() -> None:
    result = kk("Жаңаөзенде мұнайшылар жалақы талап етіп ереуілге шықты.")
    assert result.protest and not result.arrest


def test_watchlist_in_kazakh() -> None:
    text = "Полиция Асқар Мұратовты үйінің жанынан ұстады."
    assert not kk(text).arrest
    result = kk(text, rules=RuleConfig(watchlist=("Асқар Мұратов",)))
    assert result.arrest and "watchlist:Асқар Мұратов" in result.reasons
    assert "Асқар Мұратов" in people(result)


def test_exclude_keyword() -> None:
    text = "Алматыда белсенді Ержан Сапаров митингке қатысқаны үшін 10 тәулікке қамалды."
    result = kk(text, rules=RuleConfig(exclude_keywords={"kk": ("митинг",)}))
    assert not result.arrest and "excluded:митинг" in result.reasons


def test_operator_custody_and_civic_keywords_in_kazakh() -> None:
    text = "Белгісіз адамдар Ерлан Сапаровты көлікке отырғызып әкетті. Ол жергілікті экоқозғалыс мүшесі."
    assert not kk(text).arrest
    rules = RuleConfig(extra_keywords={"kk": ("әкетті",)}, civic_keywords={"kk": ("экоқозғалыс",)})
    result = kk(text, rules=rules)
    assert result.arrest, result.reasons


def test_a_term_for_both_people_of_the_sentence_before() -> None:
    result = kk(
        "Әкімдік алдында наразылық акциясына шыққан Дархан Шәріпов пен Асқар Нұрланұлы полиция "
        "қызметкерлерімен ұсталды. Сот екеуін де 15 тәулікке қамауға алды."
    )
    assert result.arrest
    assert [(d.name, d.term) for d in result.detainees] == [
        ("Дархан Шәріпов", "15 days"),
        ("Асқар Нұрланұлы", "15 days"),
    ]


# --- release, fines, restricted freedom, ordinary crime (written for these tests) ---


@pytest.mark.parametrize(
    "text",
    [
        "Белсенді Ержан Сапаров он бес тәулік өтеп, қамақтан шықты.",
        "Журналист Айгүл Төлегенова бүгін изолятордан босатылды.",
        "Сот белсенді Ержан Сапаровқа айыппұл салды, митингке қатысқаны үшін қамауға алмады.",
        "Белсенді Нұрлан Әбенов екі жыл бас бостандығын шектеуге сотталды.",
        "Полиция мас күйінде көлік жүргізген ер адамды ұстады, бұл туралы әлеуметтік желіде видео тарады.",
        "Саясаткерді өлтіргендер 20 жылға бас бостандығынан айырылды.",
        "Құқық қорғаушылар баяндамасында өткен жылы жүздеген белсенді ұсталғанын жазды.",
    ],
)
def test_release_fine_restricted_and_crime_are_no_alerts(text: str) -> None:
    assert not kk(text).arrest, kk(text).reasons


def test_demand_for_release_keeps_the_custody() -> None:
    result = kk("Белсенді Марат Жұмабаев 10 тәулікке қамалды. Жақтастары оны босатуды талап етті.")
    assert result.arrest
    assert people(result) == {"Марат Жұмабаев": "10 days"}


# --- names ----------------------------------------------------------------------------


def test_given_name_muhtar_is_a_name_like_any_other() -> None:
    result = kk("Белсенді Мұхтар Сейітов митингтен кейін ұсталды.")
    assert people(result) == {"Мұхтар Сейітов": None}


def test_separate_patronymic_word_and_its_case() -> None:
    result = kk("Полиция белсенді Айдана Болат қызын пикеттен кейін ұстады.")
    assert people(result) == {"Айдана Болат қызы": None}


def test_genitive_possessor_and_the_person_protested_against_are_not_detainees() -> None:
    result = kk("Сапаровтың жақтастары Ерлан Қасымовқа қарсы митингке шықты, полиция белсенді Дина Жаңабаеваны ұстады.")
    assert people(result) == {"Дина Жаңабаева": None}


def test_judge_is_not_a_detainee() -> None:
    result = kk("Судья Бекзат Оспанов белсенді Алма Төлеуованы 15 тәулікке қамауға алды.")
    assert people(result) == {"Алма Төлеуова": "15 days"}


def test_street_and_movement_are_not_people() -> None:
    result = kk(
        "Белсенді Ғалым Ахметов Абай даңғылында пикет өткізген соң ұсталды, ол Жаңа Қазақстан қозғалысының мүшесі."
    )
    assert people(result) == {"Ғалым Ахметов": None}


def test_list_of_detainees_each_with_their_own_term() -> None:
    result = kk("Сот наразылыққа қатысқан Ерлан Қасымовты 10 тәулікке, Дина Жаңабаеваны 15 тәулікке қамауға алды.")
    assert people(result) == {"Ерлан Қасымов": "10 days", "Дина Жаңабаева": "15 days"}


def test_a_group_term_goes_to_everyone_listed() -> None:
    result = kk("Белсенділер Ерлан Қасымов, Дина Жаңабаева және Асқар Нұрланұлы 5 тәулікке қамалды.")
    assert people(result) == {"Ерлан Қасымов": "5 days", "Дина Жаңабаева": "5 days", "Асқар Нұрланұлы": "5 days"}


def test_a_term_for_someone_else_is_not_copied() -> None:
    result = kk("Полиция белсенді Ерлан Қасымовты ұстады; ал бұған дейін оның әріптесі 10 тәулікке қамалған.")
    assert people(result) == {"Ерлан Қасымов": None}


# --- Latin-script Kazakh ----------------------------------------------------------------


@pytest.mark.parametrize(
    "text,name",
    [
        (
            "Almaty qalalyq soty belsendi Erbolat Seitqaliūlyn mitingke qatysqany üşin 15 täulikke qamauğa aldy.",
            "Erbolat Seitqaliūly",
        ),
        (
            "Almaty qalalyq soty belsendi Erbolat Seitqaliulyn mitingke qatysqany úshin 15 táulikke qamaýǵa aldy.",
            "Erbolat Seitqaliuly",
        ),
    ],
)
def test_latin_script_kazakh(text: str, name: str) -> None:
    from bot.core.analysis import analyze

    result = analyze("", text)
    assert result.lang == "kk" and result.arrest
    assert people(result) == {name: "15 days"}
    assert result.evidence and result.evidence[0].startswith("Almaty qalalyq")


# --- more classes (sentences written for these tests) ---------------------------------


def test_a_participle_describing_someone_is_background() -> None:
    result = kk("Мамырда 15 тәулікке қамалған белсенді Ержан Сапаров бүгін әскери комиссариатқа шақырылды.")
    assert not result.arrest


def test_custody_only_as_a_state_is_no_new_detention() -> None:
    assert not kk("Азаматтық белсенді Дина Жаңабаева қазір колонияда отыр.").arrest


def test_denied_by_the_word_after() -> None:
    assert not kk("Белсенді Ержан Сапаров қамауға алынған жоқ, оған митинг үшін ескерту жасалды.").arrest
    assert not kk("Тергеуші белсендіні қамауға алмады.").arrest


def test_a_term_in_days_is_custody_and_voiced_stems_match() -> None:
    result = kk("Сот наразылығын білдірген белсенді Ерлан Қасымовқа 10 тәулік берді.")
    assert result.arrest
    assert people(result) == {"Ерлан Қасымов": "10 days"}


def test_partial_release_keeps_the_custody() -> None:
    result = kk("Наразылық кезінде 300 адам ұсталған, олардың кейбірі кейін босатылған.")
    assert result.arrest


def test_unshaped_names_listed_with_a_name() -> None:
    result = kk("Полиция митингте журналистер Ержан Сапаров, Мәди Бекмырза және Сәния Көктемді ұстады.")
    assert set(people(result)) == {"Ержан Сапаров", "Мәди Бекмырза", "Сәния Көктем"}


def test_speaker_of_a_quote_is_not_a_detainee() -> None:
    result = kk(
        "«Ұсталғандардың көбі белсенділер», – деді брифингте Ерлан Тұрсынов. Полиция белсенді Дина Жаңабаеваны ұстады."
    )
    assert people(result) == {"Дина Жаңабаева": None}


def test_people_named_among_those_just_held() -> None:
    result = kk(
        "Полиция митингке шыққан бірнеше белсендіні ұстап алып кетті. "
        "Олардың арасында Дархан Сапар мен Ерлан Қасымов бар."
    )
    assert result.arrest
    assert set(people(result)) == {"Дархан Сапар", "Ерлан Қасымов"}


def test_habitual_participle_is_no_event() -> None:
    assert not kk("Митингке шыққандарды ұстап алып кететін полиция бүгін көрінбеді.").arrest


def test_taken_away_by_the_police() -> None:
    result = kk("Полиция митингке шыққан белсенді Ерлан Қасымовты алып кетті.")
    assert result.arrest and people(result) == {"Ерлан Қасымов": None}


# --- custody vocabulary and its forms (sentences written for these tests) ----------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # active sentencing verb "соттады" with a term
        ("Сот оппозициялық белсенді Арман Жүсіпбековті 5 жылға соттады.", {"Арман Жүсіпбеков": "5 years"}),
        # "кейін" (later) before a dative term is still a term
        (
            "Наразылыққа шыққан белсенді Бақытжан Төреғожин ұсталып, кейін 7 тәулікке қамалды.",
            {"Бақытжан Төреғожин": "7 days"},
        ),
        # "қолға түсірді": caught
        ("Билікті сынаған блогер Ерасыл Дәулетовті полиция қолға түсірді.", {"Ерасыл Дәулетов": None}),
        # a pre-trial custody term extended
        (
            "Тергеу изоляторында отырған белсенді Руслан Ғабдуллинге тағы екі ай қамау мерзімі ұзартылды.",
            {"Руслан Ғабдуллин": "2 months"},
        ),
        # administrative arrest in days given by a court, dative surname
        ("Сот белсенді Ерлан Жақыповқа 20 тәулік әкімшілік қамақ тағайындады.", {"Ерлан Жақыпов": "20 days"}),
    ],
)
def test_custody_forms(text: str, expected: dict[str, str | None]) -> None:
    result = kk(text)
    assert result.arrest, result.reasons
    assert people(result) == expected


@pytest.mark.parametrize(
    "text",
    [
        # a decision to release
        "Журналист Дина Әлиеваны қамаудан босату туралы шешім шықты, ол үйіне оралды.",
        # a term that may come, not one given
        "Белсенді Жомарт Ертаев 7 жылға бас бостандығынан айырылуы мүмкін.",
        # a sentence the prosecutor asked for
        "Прокурор белсенді Жомарт Ертаевты 7 жылға соттауды сұрады.",
        # relatives held abroad are what a protest is about, not a detention
        "Консулдық алдына шетелде қамауда отырған туыстарын босатуды талап еткен әйелдер жиналды.",
        # "белсенді түрде" (actively) is no activist
        "Полиция белсенді түрде іздеу жүргізіп, ұрланған көлікті айдап кеткен екі адамды ұстады.",
    ],
)
def test_no_custody_event(text: str) -> None:
    result = kk(text)
    assert not result.arrest, result.reasons


# --- people (sentences written for these tests) ------------------------------------------


def test_a_given_name_that_is_also_a_role_noun() -> None:
    result = kk("Бішкекте блогер Азамат Таалай уулу ұсталды. Ол билікті сынаған.")
    assert people(result) == {"Азамат Таалай уулу": None}


def test_kyrgyz_patronymic_written_apart() -> None:
    result = kk("Қырғызстанда журналист Айпери Болот кызы қамауға алынды.")
    assert people(result) == {"Айпери Болот кызы": None}


def test_a_place_in_the_locative_after_a_name_is_not_part_of_it() -> None:
    result = kk("Қазақстандық белсенді Қайрат Әбдірахманов Мәскеуде ұсталды.")
    assert people(result) == {"Қайрат Әбдірахманов": None}
    result = kk("Белсенді Жанар Ахметқызы Шымкентте ұсталды. Ол бейбіт наразылыққа шыққан.")
    assert people(result) == {"Жанар Ахметқызы": None}


@pytest.mark.parametrize("surname", ["Ахметовты", "Ахметовке", "Ахметовқа"])
def test_russian_shaped_surname_takes_either_vowel_class(surname: str) -> None:
    result = kk(f"Сот белсенді Дархан {surname} митинг үшін 10 тәулік әкімшілік қамақ берді.")
    assert people(result) == {"Дархан Ахметов": "10 days"}


def test_a_pronoun_points_to_the_person_named_just_before() -> None:
    result = kk("Белсенді Ержан Сапаров Алматыда бейбіт митингке шықты. Полиция оны ұстап, бөлімшеге алып кетті.")
    assert people(result) == {"Ержан Сапаров": None}
    result = kk("Сот белсенді Нұрлан Әлімбеков ісі бойынша үкім шығарды. Ол 5 жылға бас бостандығынан айырылды.")
    assert people(result) == {"Нұрлан Әлімбеков": "5 years"}


def test_they_who_detained_are_not_the_detainees() -> None:
    result = kk("«Пикетке рұқсат сұрадым», – деді Ерлан Сапаров. Олар мені кіреберісте ұстап алды.")
    assert "Ерлан Сапаров" not in people(result)


def test_someone_only_fined_in_the_same_sentence_gets_no_term() -> None:
    result = kk(
        "Сот белсенді Айбек Тұрсыновты 10 тәулікке қамады, ал Марат Оспановқа айыппұл салды. Олар митингке шыққан."
    )
    assert people(result) == {"Айбек Тұрсынов": "10 days"}


def test_latin_script_kazakh_without_its_special_letters() -> None:
    from bot.core.analysis import analyze

    # A feed declared Kazakh; few of the common words, but Kazakh suffixes.
    result = analyze(
        "", "Jurnalist Marat Eskendirovty polisia ustap aldy. Ol narazylyq aktsiiasyn tusirip jurgen.", "kk"
    )
    assert result.lang == "kk" and result.arrest, result.reasons
    assert people(result) == {"Marat Eskendirov": None}


def test_arabic_script_kazakh() -> None:
    from bot.core.analysis import analyze

    # "Полиция бірнеше белсендіні митингтен кейін ұстап алып кетті. Олардың арасында Серік
    # Жақыпов пен Әсел Мұқанова бар." in the Arabic script.
    text = (
        "پوليسيا بىرنەشە بەلسەندىنى ميتينگتەن كەيىن ۇستاپ الىپ كەتتى. "
        "ولاردىڭ اراسىندا سەرىك جاقىپوۆ پەن ٵسەل مۇقانوۆا بار."
    )
    result = analyze("", text, "kk")
    assert result.lang == "kk" and result.arrest, result.reasons
    assert people(result) == {"سەرىك جاقىپوۆ": None, "ٵسەل مۇقانوۆا": None}


def test_a_genitive_name_before_a_custody_noun_is_the_detainee() -> None:
    result = kk("Белсенді Дархан Ахметовтың 10 тәулікке қамалғаны белгілі болды. Ол митингке шыққан.")
    assert people(result) == {"Дархан Ахметов": "10 days"}
    result = kk("Белсенді Ерлан Қасымұлының 15 тәулікке қамалғаны белгілі болды. Ол пикетке шыққан.")
    assert people(result) == {"Ерлан Қасымұлы": "15 days"}


def test_kin_held_too_are_detainees() -> None:
    result = kk(
        "Сот белсенді Ерлан Қасымовты 10 тәулікке, ал оның інісі Айдос Қасымовты 5 тәулікке қамады. "
        "Олар пикетке шыққан."
    )
    assert people(result) == {"Ерлан Қасымов": "10 days", "Айдос Қасымов": "5 days"}


def test_kin_who_speak_are_not_detainees() -> None:
    result = kk("Белсенді Ерлан Қасымов 10 тәулікке қамалды. Оның әйелі Гүлнар Сапарова бұл туралы Facebook-те жазды.")
    assert people(result) == {"Ерлан Қасымов": "10 days"}


@pytest.mark.parametrize("name", ["Дулат", "Әсел", "Асел"])
def test_common_kazakh_given_names_begin_a_name(name: str) -> None:
    result = kk(f"Полицейлер наразылық акциясында {name} Ағадилды ұстап әкетті.")
    assert people(result) == {f"{name} Ағадил": None}


def test_custody_asked_for_is_not_given() -> None:
    result = kk("Сот блогер Нұрлан Тоқтаровқа қатысты істі тоқтатты. Оған бұрын 10 тәулік қамақ сұралған еді.")
    assert not result.arrest, result.reasons


def test_a_count_over_a_whole_year_is_background() -> None:
    result = kk("Құқық қорғаушылар 2024 жылы елде 40 белсенді саяси себеппен ұсталғанын хабарлады.")
    assert not result.arrest, result.reasons


def test_one_of_them_gets_no_shared_term() -> None:
    result = kk("Полиция пикетке шыққан Ерлан Қасымов пен Айдос Сейітовты ұстады. Сот біреуін 10 тәулікке қамады.")
    assert people(result) == {"Ерлан Қасымов": None, "Айдос Сейітов": None}


@pytest.mark.parametrize(
    "text",
    [
        # a charity campaign, a bus route, a road closed for snow: no protest
        "Қалада қайырымдылық акциясы өтті, еріктілер қарттарға азық-түлік таратты.",
        "Жаңа автобус маршруты іске қосылды.",
        "Қар жауып, облыстағы жол жабылды.",
    ],
)
def test_words_that_only_look_like_protest(text: str) -> None:
    assert not kk(text).protest


def test_gathering_in_front_of_a_building_is_a_protest() -> None:
    assert kk("Жиырмаға жуық тұрғын аудандық әкімдіктің алдына жиналып, баспана талап етті.").protest


def test_forced_psychiatric_confinement_is_custody() -> None:
    result = kk("Билікті сынаған белсенді Айгүл Сейітова психиатриялық ауруханаға мәжбүрлеп жатқызылды.")
    assert result.arrest, result.reasons
    assert people(result) == {"Айгүл Сейітова": None}


@pytest.mark.parametrize(
    "text",
    [
        "Алматыда жаяу жүргіншіні қағып кеткен жүргізуші ұсталды. Оқиға видеосы әлеуметтік желіде тарады, журналистер хабарлады.",
        "Қаржы пирамидасын ұйымдастырған блогер 7 жылға сотталды. Ол салымшылардан 2 млрд теңге жинаған.",
    ],
)
def test_ordinary_crime_with_a_civic_word_beside_it(text: str) -> None:
    result = kk(text)
    assert not result.arrest, result.reasons


def test_a_describing_participle_of_yesterday_is_news() -> None:
    result = kk("Кеше митингте ұсталған журналист Ерлан Қасымов адвокатымен кездесе алмай отыр.")
    assert result.arrest, result.reasons
    assert people(result) == {"Ерлан Қасымов": None}


def test_a_detention_then_its_end_in_one_sentence_is_custody() -> None:
    result = kk("Полиция пикетке шыққан Айдос Сейітов пен Марат Оспановты ұстады, бірақ кейін босатты.")
    assert result.arrest, result.reasons
    assert people(result) == {"Айдос Сейітов": None, "Марат Оспанов": None}
    # released after a term: no new custody
    assert not kk("Белсенді Ерлан Қасымов 15 тәулік қамақтан кейін босатылды.").arrest


def test_no_news_of_anyone_held() -> None:
    result = kk("Әкімдік алдында митинг өтті. Ұсталғандар туралы ақпарат әзірге жоқ.")
    assert result.protest and not result.arrest, result.reasons


@pytest.mark.parametrize(
    "text",
    [
        "Митингке қатысқан белсенді Ерлан Қасымов 15 тәулігін өтеп шықты.",
        "Белсенді Ерлан Қасымов 10 тәулікті өтеп, бүгін шықты. Ол митингке қатысқан.",
    ],
)
def test_a_term_served_is_a_release(text: str) -> None:
    assert not kk(text).arrest
