"""natasha's ``MorphVocab`` (pymorphy2 under it) opened on the Russian dictionary by path.

Why: ``MorphVocab()`` lets pymorphy2 find its dictionary through ``pkg_resources`` entry
points, which needs setuptools at run time (absent from Python 3.12+ virtual environments,
and ``pkg_resources`` is gone from setuptools 81 on). Naming the dictionary package's path
opens the same dictionary, so the analysis is unchanged, without ``pkg_resources``.
"""

from __future__ import annotations

from typing import Any


def morph_vocab() -> Any:
    """A ``natasha.MorphVocab`` on ``pymorphy2_dicts_ru``'s dictionary (about 0.1 s)."""
    import pymorphy2_dicts_ru
    from natasha import MorphVocab
    from natasha.morph.vocab import MorphForm
    from pymorphy2 import MorphAnalyzer

    vocab = MorphVocab.__new__(MorphVocab)
    # MorphVocab.__init__ is MorphAnalyzer.__init__(self, result_type=MorphForm) without a path.
    MorphAnalyzer.__init__(vocab, path=pymorphy2_dicts_ru.get_path(), result_type=MorphForm)
    return vocab
