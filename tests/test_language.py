"""Language detection by script and vocabulary, on sentences written for these tests."""

from __future__ import annotations

import pytest

from bot.core.analysis.language import detect_language


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Police in Almaty detained two activists who held a picket outside the city administration.", "en"),
        ("В Алматы полиция задержала двух активистов, которые вышли на пикет у здания акимата.", "ru"),
        ("Алматыда полиция әкімдік ғимаратының алдында пикетке шыққан екі белсендіні ұстады.", "kk"),
        ("Сот белсендіні он бес тәулікке қамауға алды және оның адвокаты шағым түсіретінін айтты.", "kk"),
        ("Суд арестовал активиста на пятнадцать суток, его адвокат намерен обжаловать решение.", "ru"),
    ],
)
def test_script_and_vocabulary_decide(text, expected):
    assert detect_language(text) == expected


def test_russian_text_quoting_a_kazakh_name_stays_russian():
    text = (
        "Журналиста Нұрлана Әбенова задержали в Астане после публикации о забастовке нефтяников; "
        "по словам его адвоката, он проведёт в спецприёмнике десять суток."
    )
    assert detect_language(text) == "ru"


def test_kazakh_typed_with_russian_letters_only_is_kazakh():
    text = "Сот белсендини он бес тауликке камады жане онын адвокаты бул туралы айтты деп хабарлады"
    assert detect_language(text) == "kk"


def test_hint_is_trusted_when_it_agrees_with_the_script():
    cyrillic = "Полиция задержала активиста у здания суда."
    assert detect_language(cyrillic, hint="kk") == "kk"
    assert detect_language(cyrillic, hint="ru") == "ru"
    assert detect_language(cyrillic, hint="en") == "ru"  # the script overrules a wrong hint
    assert detect_language("Police detained an activist outside the court.", hint="ru") == "en"


def test_too_little_text_falls_back_to_the_hint_or_und():
    assert detect_language("", hint="en") == "en"
    assert detect_language("12:30 — 5%", hint=None) == "und"
    assert detect_language("ok", hint="xx") == "und"


def test_other_scripts_are_undetermined():
    assert detect_language("警方在阿拉木图拘留了两名活动人士，他们在市政府外举行了抗议。") == "und"


@pytest.mark.parametrize(
    "text,hint,expected",
    [
        ("abcdefghijk", None, "und"),  # 11 letters: below the minimum, no hint
        ("abcdefghijk", "ru", "ru"),
        ("abcdefghijkl", None, "en"),  # 12 letters: enough
        ("ABCDEF абвгде", None, "en"),  # a tie between the scripts goes to Latin
        ("ABCDEF абвгдеж", None, "ru"),
        ("1234567890 2024 15:30 — 99%", "kk", "kk"),  # digits only: the hint decides
        ("ӘҒҚҢӨҰҮҺІ әғқңөұүһі", None, "kk"),  # Kazakh-only letters
        ("éàüöß naïve café Ελληνικά ΣΟΦΙΑ", None, "und"),  # letters outside a–z and the Cyrillic block
    ],
)
def test_letter_counting_edge_cases(text, hint, expected):
    assert detect_language(text, hint=hint) == expected


def test_cyrillic_block_non_letters_and_odd_characters_do_not_count():
    # ҂ and the combining marks U+0483–U+0489 are in the Cyrillic block but are not letters;
    # lone surrogates and emoji are neither script (and must not raise).
    assert detect_language("҂҃҄҅҆҇҈҉" * 5 + " абв", hint="xx") == "und"
    assert detect_language("\ud800\udfff 😀 ok абв", hint=None) == "und"
    assert detect_language("\ud800 Полиция задержала активиста у здания суда.", hint=None) == "ru"


@pytest.mark.parametrize(
    "text",
    [
        "Almaty qalalyq soty belsendini 15 täulikke qamauğa aldy jäne bul turaly onyñ advokaty aitty.",
        "Almaty qalalyq soty belsendini 15 táulikke qamaýǵa aldy jáne bul týraly onyń advokaty aitty.",
        "Almaty qalalyq soty belsendini 15 taulikke qamauga aldy jane bul turaly onyn advokaty aitty.",
    ],
)
def test_latin_script_kazakh_is_kazakh(text):
    assert detect_language(text) == "kk"


def test_english_with_a_kazakh_place_stays_english():
    text = "Police in Qostanai and Qyzylorda detained three activists at a picket, their lawyer said on Monday."
    assert detect_language(text) == "en"


def test_arabic_script_kazakh_is_kazakh():
    # Kazakh in the Arabic script, as Kazakhs in China write it (sentence written for this test).
    text = "الماتى قالاسىندا بەلسەندى ۇستالدى جانە ول تۋرالى حابارلاندى"
    assert detect_language(text) == "kk"
