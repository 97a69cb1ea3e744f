"""bench/rule_literals.py: the literals of a rule's string, a regex taken apart into the
literal runs of its alternatives."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))

import rule_literals  # noqa: E402


def test_a_plain_phrase_is_its_own_literal() -> None:
    assert rule_literals.literals("тәуелсіз кандидат") == {"тәуелсіз кандидат"}


def test_a_regex_gives_each_alternative_and_drops_short_runs() -> None:
    found = rule_literals.literals(r"(?<![\w])(?:бас бостандығы(?:нан|н) айыр|колония|\w+ов)(?!\w)")
    assert found == {"бас бостандығынан айыр", "бас бостандығын айыр", "колония"}


def test_a_word_list_string_is_split_into_words() -> None:
    assert rule_literals.literals("\n    Алматы Жаркент\n    Мәскеу\n") == {"Алматы", "Жаркент", "Мәскеу"}


def test_docstrings_are_no_constants() -> None:
    source = '"""Module."""\nX = ("один", "два")\ndef f():\n    """Doc."""\n    return "три"\n'
    assert [v for _, _, v in rule_literals.constants(source)] == ["один", "два", "три"]
