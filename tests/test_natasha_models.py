"""natasha runs on the rules' pymorphy3 analyser: one morphology analyser in the process,
and names put in the nominative exactly as natasha's own pymorphy2 ``MorphVocab`` does."""

from __future__ import annotations

import functools

import pytest

from bot.analysis.natasha_models import morph_vocab
from bot.analysis.ru_names import models, morph_analyzer


class _Token:
    def __init__(self, text: str, pos: str, feats: dict[str, str]) -> None:
        self.text, self.pos, self.feats = text, pos, feats


@pytest.mark.parametrize(
    "word, gender",
    [
        ("Армана", "Masc"),
        ("Куанышеву", "Masc"),
        ("Тимуром", "Masc"),
        ("Лиды", "Fem"),
        ("Айгерим", "Fem"),
        ("Омаровой", "Fem"),
        ("Сарсенбаева", "Masc"),
        ("Нурлану", "Masc"),
        ("Жанну", "Fem"),
        ("Игоре", "Masc"),
    ],
)
@pytest.mark.parametrize("case", ["Gen", "Acc", "Dat", "Ins", "Loc"])
def test_names_are_normalised_as_natasha_does(word: str, gender: str, case: str) -> None:
    from natasha.norm import inflect_word

    token = _Token(word, "PROPN", {"Case": case, "Gender": gender, "Number": "Sing", "Animacy": "Anim"})
    assert inflect_word(morph_vocab(morph_analyzer()), token) == inflect_word(_natasha_vocab(), token)


def test_models_use_the_rules_analyser_not_a_second_one() -> None:
    import pymorphy2

    vocab = models().vocab
    assert not isinstance(vocab, pymorphy2.MorphAnalyzer)
    forms = vocab("активисту")
    assert forms and all(form._morph is morph_analyzer() for form in forms)
    assert forms[0].inflect({"Nom"}).word == "активист"


@functools.lru_cache(maxsize=1)
def _natasha_vocab():
    from natasha import MorphVocab

    return MorphVocab()


def test_the_taggers_convolutions_compute_slovnets_to_the_bit() -> None:
    import numpy as np
    from slovnet.exec.model import Conv1d

    m = models()
    convs = [layer.conv for tagger in (m.morph, m.ner) for layer in tagger.infer.model.encoder.layers]
    assert all(type(conv) is not Conv1d and isinstance(conv, Conv1d) for conv in convs)
    rng = np.random.default_rng(18)
    for conv in convs:
        for batch, length in ((1, 1), (1, 6), (8, 37)):
            sample = rng.standard_normal((batch, conv.weight.shape[1], length)).astype(np.float32)
            ours, theirs = conv(sample), Conv1d.__call__(conv, sample)
            assert ours.dtype == theirs.dtype and ours.shape == theirs.shape
            assert np.array_equal(ours, theirs)


def test_the_ner_crf_decodes_as_slovnets() -> None:
    import numpy as np
    from slovnet.exec.model import CRF

    crf = models().ner.infer.model.head.crf
    assert type(crf) is not CRF and isinstance(crf, CRF)
    tags = crf.transitions.array.shape[0]
    rng = np.random.default_rng(18)
    for batch, length in ((1, 1), (1, 9), (8, 40)):
        emissions = rng.standard_normal((batch, length, tags)).astype(np.float32) * 4
        mask = np.ones((batch, length), dtype=bool)
        mask[1:, length // 2 + 1 :] = False  # shorter sequences in a batch
        ours, theirs = crf.decode(emissions, mask), CRF.decode(crf, emissions, mask)
        assert len(ours) == len(theirs)
        assert all(np.array_equal(a, b) for a, b in zip(ours, theirs))
