"""Custody cues read lemmas only, never the tags (case, gender, person mentions) that
``tag`` adds: these tests fail as soon as a rule makes a cue depend on a tag, and check that
tagging later gives what tagging at once gives."""

from __future__ import annotations

import pytest

from bot.core.analysis.ru_names import parse, tag
from bot.core.analysis.ru_rules import analyse_sentence

# Our own sentences: custody in its several forms, custody denied or only threatened,
# police places, terms, and news with custody words but no custody.
SENTENCES = [
    "Суд в Караганде арестовал на десять суток блогера Ерлана Сапарова за пост о забастовке.",
    "Полицейские задержали двух пикетчиц у здания акимата и доставили их в отдел полиции.",
    "Активистку Сауле Жакенову поместили в СИЗО, ей предъявлено обвинение в распространении ложной информации.",
    "Его приговорили к пяти годам лишения свободы в колонии общего режима.",
    "Журналист провёл в ОВД почти шесть часов, после чего его отпустили.",
    "Задержаний на митинге не было, полиция наблюдала со стороны.",
    "Адвокат заявил, что под стражу его не брали, а лишь вызвали на допрос.",
    "Ему грозит арест до пятнадцати суток, сообщили журналистам в пресс-службе.",
    "Суд наложил арест на имущество бывшего акима района.",
    "Экспертиза дала заключение о причинах посадки самолёта.",
]


@pytest.mark.parametrize("text", SENTENCES)
def test_custody_cues_do_not_read_the_tags(text: str) -> None:
    deferred = parse(text, defer=True)
    assert all(s.pending is not None and not s.mentions for s in deferred)
    before = [[(c.index, c.reason, c.kind, c.finite) for c in analyse_sentence(s).cues] for s in deferred]
    tag(deferred)
    assert all(s.pending is None for s in deferred)
    after = [[(c.index, c.reason, c.kind, c.finite) for c in analyse_sentence(s).cues] for s in deferred]
    assert before == after


def test_tagging_later_gives_what_tagging_at_once_gives() -> None:
    text = " ".join(SENTENCES[:4])
    at_once, later = parse(text), tag(parse(text, defer=True))
    assert [[(t.text, t.lemma, t.case, t.gender) for t in s.tokens] for s in at_once] == [
        [(t.text, t.lemma, t.case, t.gender) for t in s.tokens] for s in later
    ]
    assert [[(m.sent, m.start, m.stop, m.words, m.normal) for m in s.mentions] for s in at_once] == [
        [(m.sent, m.start, m.stop, m.words, m.normal) for m in s.mentions] for s in later
    ]
    assert any(s.mentions for s in later)
