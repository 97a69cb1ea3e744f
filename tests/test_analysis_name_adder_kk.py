"""The learned names adder on Kazakh reports: the people the Kazakh finder gives it, and who it adds.

Sentences of our own writing. A hand-built model checks the guards (officials, people already
listed); the shipped weights are checked on a second detainee named in another sentence and
on a reporter, who is never added.
"""

from __future__ import annotations

from bot.core.analysis.engine import analyze
from bot.core.analysis.name_adder import ADDED_REASON, NamesModel, adapter, add_names, shipped_model
from bot.core.analysis.result import Analysis, Detainee

_EVERYONE = NamesModel(intercept=5.0, weights={}, threshold=0.5)


def _arrest(names: list[str], term: str | None = None) -> Analysis:
    return Analysis(arrest=True, protest=False, lang="kk", detainees=tuple(Detainee(n, term) for n in names), score=0.9)


def _names(result: Analysis) -> dict[str, str | None]:
    return {d.name: d.term for d in result.detainees}


def test_the_adapter_finds_every_person_in_the_nominative_and_marks_the_listed() -> None:
    text = (
        "Полиция белсенділер Ерлан Сапаровты және Дана Әбенованы ұстады. "
        "Сапаровтың адвокаты Асқар Нұрланов шағым түсіретінін айтты."
    )
    report, people = adapter("kk")("Алматыда белсенділер ұсталды", text, ["Ерлан Сапаров"])
    assert len(report.sentences) == 3  # the title is the first sentence
    assert report.custody == (True, True, False)
    found = {p.candidate.name: p.listed for p in people}
    assert found["Ерлан Сапаров"] is True
    assert found["Дана Әбенова"] is False
    # The lone surname in a case form is the full name's second mention.
    saparov = next(p for p in people if p.candidate.name == "Ерлан Сапаров")
    assert {span.sentence for span in saparov.candidate.spans} == {1, 2}
    assert all(span in report.listed for span in saparov.candidate.spans)


def test_kin_named_for_someone_the_fined_and_a_lone_word_are_no_candidates() -> None:
    text = (
        "Ерлан Қалиевтің інісі митингте ұсталды. Полиция Абаевтың үйінде тінту жүргізді. "
        "Сот Дана Әбеноваға айыппұл салды."
    )
    report, people = adapter("kk")("Белсенді ұсталды", text, [])
    assert people == []
    assert len(report.people) == 3  # still masked in the context of others


def test_latin_script_has_no_people_for_the_adapter() -> None:
    _, people = adapter("kk")("Belsendi ustaldy", "Polisiya belsendi Erlan Saparovty ustady.", [])
    assert people == []


def test_officials_and_the_listed_are_never_added() -> None:
    text = (
        "Қасым-Жомарт Тоқаев Астанада кеңес өткізді. "
        "Сол күні полиция белсенді Ерлан Сапаровты ұстап, сот оны 10 тәулікке қамады."
    )
    result = add_names(_arrest(["Ерлан Сапаров"], "10 days"), "Белсенді қамалды", text, _EVERYONE)
    assert _names(result) == {"Ерлан Сапаров": "10 days"}
    assert result.reasons == ()


def test_a_person_named_in_a_sentence_with_one_term_takes_it() -> None:
    text = "Сот белсенді Ерлан Сапаровты 10 тәулікке қамады. Дана Әбенова 15 тәулікке қамалды."
    result = add_names(_arrest(["Ерлан Сапаров"], "10 days"), "", text, _EVERYONE)
    assert _names(result) == {"Ерлан Сапаров": "10 days", "Дана Әбенова": "15 days"}
    assert result.reasons[-1] == f"{ADDED_REASON}1"


def test_kazakh_ships_weights_with_a_threshold() -> None:
    model = shipped_model("kk")
    assert model is not None and 0.0 < model.threshold < 1.0
    assert model.weights["list"] != 0.0


def test_shipped_weights_add_a_second_detainee_named_in_another_sentence() -> None:
    text = (
        "Сот белсенді Әлия Сәрсенді 10 тәулікке қамады. Оның жақтастары Ерлан Сапаров пен "
        "Дана Әбенованың үйлері тінтілді, екеуі де полиция бөліміне апарылды."
    )
    result = analyze("Белсенді қамалды", text)
    assert result.arrest
    assert {"Әлия Сәрсен", "Дана Әбенова"} <= set(_names(result))
    assert any(r.startswith(ADDED_REASON) for r in result.reasons)


def test_shipped_weights_never_add_the_reporter() -> None:
    text = (
        "Журналист Әлия Сәрсен Астанада ұсталды. Оның әріптесі Ерлан Сапаров та ұсталғандардың "
        "арасында болды. Бұл туралы тілші Айгүл Нұрова хабарлады."
    )
    result = add_names(_arrest(["Әлия Сәрсен", "Ерлан Сапаров"]), "Журналист ұсталды", text)
    assert "Айгүл Нұрова" not in _names(result)
