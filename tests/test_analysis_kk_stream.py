"""Kazakh rules on the kind of news a regional stream is made of: bans that are no banned
movement, poaching, people set free, taken to the police and let go, persecution, time
already spent in custody. Every sentence here is written for these tests."""

from __future__ import annotations

import pytest

from tests.support.kazakh import kk_rules as kk
from tests.support.kazakh import people

# --- ordinary news: no alert ----------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        # A ban on fishing is no banned movement.
        "Алакөлде балық аулауға тыйым салынған кезеңде екі тұрғын ұсталып, уақытша ұстау изоляторына қамалды.",
        # A banned net, in the court's words, is no banned movement either.
        "Сот екі ер адамды тыйым салынған ау құрып, 300 келі сазан аулағаны үшін 3 жылға бас бостандығынан айырды.",
        # Poaching by its Kazakh names.
        "Жайық өзенінде заңсыз балық аулаған үш адам ұсталды, олардан 40 бекіре тәркіленді.",
        "Қостанай облысында заңсыз аң аулаған екі браконьер қамауға алынды.",
        "Балық ресурстарын заңсыз алу бабы бойынша күдікті қамауға алынды.",
        # Votes bought are bribery, though an election is civic.
        "Сайлау учаскесінің маңында сайлаушылардың дауысын сатып алмақ болған екі адам ұсталды.",
        # Arson: the critic is the victim, the one held burnt his car.
        "Жиналыста әкімді сынаған тұрғынның көлігін өртеп жіберген күдікті ұсталды.",
        # Gambling and the migration rules, ordinary offences beside a journalist's name.
        "Журналист Айбек Нұрланның хабарлауынша, құмар ойын ұйымдастырған 12 адам ұсталды.",
        "Көші-қон заңнамасын бұзған 30 шетелдік ұсталды, бұл туралы тілшімізге полиция айтты.",
        # Set free: the suspect held and let go is a release, not news of custody.
        "Ауыл тұрғындары наразылық білдірді: күдікті ретінде ұсталған ер адамды тергеушілер бостандыққа жіберген.",
    ],
)
def test_ordinary_news_is_no_alert(text: str) -> None:
    assert not kk(text).arrest


def test_a_banned_movement_is_still_civic() -> None:
    result = kk("Тыйым салынған қозғалыстың жақтасы Серік Жанұзақов 10 тәулікке қамалды.")
    assert result.arrest
    assert people(result) == {"Серік Жанұзақов": "10 days"}


def test_a_banned_party_is_civic() -> None:
    assert kk("Тыйым салынған партияның екі мүшесі ұсталып, 15 тәулікке қамалды.").arrest


# --- civic custody: an alert ---------------------------------------------------------


def test_taken_to_the_police_and_let_go_is_custody() -> None:
    # Hours at the police are custody, the police place named after the verb's object.
    result = kk(
        "Таразда азаматтық белсенді Мұрат Қалиевтің үйін күзеткен полицейлер оны полиция "
        "басқармасына апарып, екі сағаттан соң босатқан. Ол митингіге шықпақ болған."
    )
    assert result.arrest
    assert "Мұрат Қалиев" in people(result)


def test_taken_to_a_police_station_in_another_word() -> None:
    result = kk("Пикетке шыққан белсенді Гүлнар Бекқызын полицейлер бөлімшеге апарып, хаттама толтырды.")
    assert result.arrest


def test_persecuted_kin_abroad_held_for_months() -> None:
    # Persecution (passive "қудаланып") makes custody abroad civic; "айдан бері" is time
    # already spent in custody, not a term.
    result = kk(
        "Шетелде жаппай қудаланып жатқан қандастардың туыстары баспасөз мәслихатын өткізді. "
        "Айтуынша, інісі Ерлан Мұхтарұлы үш айдан бері қамауда жатыр."
    )
    assert result.arrest
    assert people(result) == {"Ерлан Мұхтарұлы": None}


def test_a_term_is_still_a_term() -> None:
    # "үш айға" (for three months) is a term; only "айдан бері" is elapsed time.
    result = kk("Сот журналист Асқар Нұрланұлын үш айға қамауға алды.")
    assert people(result) == {"Асқар Нұрланұлы": "3 months"}


def test_self_immolation_is_no_arson() -> None:
    # "өзін өртемек болған" is a protest; the activist's custody stays civic.
    result = kk("Әкімдік алдында өзін өртемек болған белсенді Дәурен Сағатов ұсталып, 10 тәулікке қамалды.")
    assert result.arrest
    assert people(result) == {"Дәурен Сағатов": "10 days"}


def test_stalking_is_no_persecution() -> None:
    # The active "қудалау" is stalking: ordinary crime, no civic context.
    assert not kk("Бұрынғы әйелін қудалап, қорқытқан ер адам 10 тәулікке қамалды.").arrest


# --- names ----------------------------------------------------------------------------


def test_a_plural_role_opening_the_sentence_is_its_subject() -> None:
    # "Полицейлер" (the police officers) hold the activist named after them.
    result = kk("Полицейлер Қайрат Әбдіраев есімді белсендіні митинг алдында ұстап алды.")
    assert people(result) == {"Қайрат Әбдіраев": None}


def test_a_singular_role_before_a_name_is_still_a_bystander() -> None:
    # "Полицей Қайрат Әбдіраев" is the officer: no detainee is named.
    assert people(kk("Полицей Қайрат Әбдіраев пикеттегі белсендіні ұстап алды.")) == {}


def test_anger_caused_is_no_protest() -> None:
    # "наразылығын туындатты" (drew anger), like "тудырды", is no public action.
    result = kk("Әлеуметтік желіде тараған видео жұртшылықтың наразылығын туындатты, күдікті ұсталды.")
    assert not result.protest
