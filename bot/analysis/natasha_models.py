"""Load natasha's Russian models (segmenter, NER and morphology taggers, MorphVocab) with less memory.

natasha's own constructors (``NewsEmbedding()``, ``NewsNERTagger(emb)``, ``NewsMorphTagger(emb)``)
add about 170 MB to a process, with a transient peak about 50 MB above that. Much of it is never
used by the taggers:

* ``NewsEmbedding()`` runs navec's ``PQ.precompute()``, which builds the vector norms through a
  transient 250k × 100 float32 array (~100 MB) and keeps the centroid products ``ab``
  (100 × 256 × 256 float32, ~26 MB). Both serve only ``Navec.sim``; slovnet never calls it.
* navec's ``Vocab`` (a 250k-word list, a dict and a counts list, ~45 MB) is not used either:
  slovnet's ``inject_navec`` reads only ``navec.meta.id`` (checked against the model) and
  ``navec.pq.indexes`` / ``navec.pq.codes``.
* The NER and the morphology packs each carry their own 250k-word ``words_vocab`` (slovnet
  ``Vocab``: list + dict, ~48 MB each). The two word lists are identical, so one object serves
  both taggers (compared at load time; a tagger whose list differs keeps its own).

So the slim path reads navec's meta and PQ with navec's own readers (a ``PQ`` subclass whose
``precompute`` does nothing), skips navec's vocabulary, and loads each slovnet pack the way
``slovnet.api.NER.load`` / ``Morph.load`` do (same ``Pack``, model, encoder, decoder and infer
classes) except that the word vocabulary is shared. Inference is natasha's and slovnet's own
code, unchanged, so tagging output is identical. The embedding object is dropped once injected.

Measured (``bot.service`` imported, 58 MB, then one Russian report): peak RSS 279 → 187 MB,
steady 231 → 187 MB (plain loading frees navec's vocabulary and norms afterwards, so the steady
gain is mostly the second word list), model loading ~1.0-1.4 → ~0.45-0.65 s.

One morphology analyser: natasha's ``MorphVocab`` (used by ``span.normalize`` to put a name in
the nominative) is a pymorphy2 analyser with its own dictionaries. :func:`morph_vocab` gives
natasha the same interface over the pymorphy3 analyser the rules already load
(``bot.analysis.ru_names.morph_analyzer``), so pymorphy2's dictionaries are never loaded.

If the installed natasha / navec / slovnet do not look like what this expects, ``load`` logs a
warning and falls back to natasha's plain constructors.
"""

from __future__ import annotations

import functools
import hashlib
import inspect
import logging
from typing import Any

from bot.analysis.natasha_vocab import morph_vocab as pymorphy2_vocab

log = logging.getLogger(__name__)


def load(analyzer: Any = None) -> tuple[Any, Any, Any, Any]:
    """``(Segmenter(), NewsNERTagger, NewsMorphTagger, vocab)``, the slim way when possible.

    ``vocab`` is :func:`morph_vocab` over ``analyzer`` (a pymorphy3 ``MorphAnalyzer``) when one
    is given, else natasha's own ``MorphVocab`` (pymorphy2, see bot/analysis/natasha_vocab.py).
    """
    try:
        taggers = _slim_taggers()
    except Exception:  # any mismatch with the installed libraries: natasha's own path
        log.warning("slim natasha loading failed; falling back to natasha's constructors", exc_info=True)
        taggers = _plain_taggers()
    from natasha import Segmenter

    ner, morph = taggers
    if analyzer is None:  # natasha's own pymorphy2 vocabulary, opened by path (bot/analysis/natasha_vocab.py)
        return Segmenter(), ner, morph, pymorphy2_vocab()
    return Segmenter(), ner, morph, morph_vocab(analyzer)


def morph_vocab(analyzer: Any) -> Any:
    """natasha's ``MorphVocab`` interface (``vocab(word)`` → forms with ``pos``, ``feats``,
    ``inflect`` in Universal Dependencies terms) over a pymorphy3 ``analyzer``.

    natasha's own ``MorphVocab`` is a pymorphy2 ``MorphAnalyzer`` subclass: a second copy of
    the Russian dictionaries beside pymorphy3's. Its forms are built here the way natasha
    builds them (``natasha.morph.vocab.MorphForm``), on pymorphy3's ``Parse``, bound to
    ``analyzer`` so that ``inflect`` uses its dictionary; parses are cached as natasha does.
    """
    import functools

    from natasha.morph.vocab import CACHE_SIZE, oc_grams, ud_feats, ud_pos
    from pymorphy3.analyzer import Parse

    cache_size: int = CACHE_SIZE

    class MorphForm(Parse):  # type: ignore[misc]  # pymorphy3's Parse is untyped (Any to mypy)
        _morph = analyzer
        _dict = analyzer.dictionary

        def __new__(cls, *args: Any) -> Any:
            self = Parse.__new__(cls, *args)
            self.normal = self.normal_form
            self.pos = ud_pos(self.tag)
            self.feats = dict(ud_feats(self.tag))
            return self

        def inflect(self, grams: Any) -> Any:
            return Parse.inflect(self, set(oc_grams(grams)))

    @functools.lru_cache(cache_size)
    def parse(word: str) -> list[Any]:
        return [MorphForm(*form) for form in analyzer.parse(word)]

    return parse


def _plain_taggers() -> tuple[Any, Any]:
    from natasha import NewsEmbedding, NewsMorphTagger, NewsNERTagger

    embedding = NewsEmbedding()
    return NewsNERTagger(embedding), NewsMorphTagger(embedding)


def _slim_taggers() -> tuple[Any, Any]:
    from natasha import NewsMorphTagger, NewsNERTagger
    from natasha.data import NEWS_EMBEDDING, NEWS_MORPH, NEWS_NER
    from slovnet import NER, Morph
    from slovnet.exec.infer import MorphInfer, NERInfer
    from slovnet.exec.model import NER as NERModel
    from slovnet.exec.model import Morph as MorphModel

    # natasha's taggers must still be slovnet's API classes (infer + batch_size, navec()).
    for tagger_cls, api_cls in ((NewsNERTagger, NER), (NewsMorphTagger, Morph)):
        if not issubclass(tagger_cls, api_cls) or not callable(getattr(api_cls, "navec", None)):
            raise TypeError(f"{tagger_cls.__name__} is not a slovnet {api_cls.__name__} tagger")

    navec = _navec_without_vocab(NEWS_EMBEDDING)
    shared: dict[str, Any] = {}
    ner = _tagger(NewsNERTagger, NER, NERModel, NERInfer, NEWS_NER, navec, shared)
    morph = _tagger(NewsMorphTagger, Morph, MorphModel, MorphInfer, NEWS_MORPH, navec, shared)
    return ner, morph


def _navec_without_vocab(path: str) -> Any:
    """navec's embedding with meta and PQ only: no vocabulary, no ``precompute``."""
    from navec.meta import Meta
    from navec.navec import META, PQ_, Navec
    from navec.pq import PQ
    from navec.tar import Tar

    if not callable(getattr(PQ, "precompute", None)):
        raise TypeError("navec.pq.PQ has no precompute()")

    class _PQ(PQ):  # type: ignore[misc]  # navec is untyped (Any to mypy)
        """PQ without the norms and centroid products that only ``Navec.sim`` uses."""

        def precompute(self) -> None:
            pass

    with Tar(path) as tar:
        meta = Meta.from_file(tar.load(META))
        Meta.check_protocol(meta.protocol)
        pq = _PQ.from_file(tar.load(PQ_))
    for name in ("indexes", "codes"):
        if getattr(pq, name, None) is None:
            raise TypeError(f"navec PQ has no {name}")
    return Navec(meta, None, pq)


def _tagger(
    tagger_cls: Any,  # a natasha tagger class (untyped: its __new__ is called as is)
    api_cls: type[Any],
    model_cls: type[Any],
    infer_cls: type[Any],
    path: str,
    navec: Any,
    shared: dict[str, Any],
) -> Any:
    """natasha's tagger from the slovnet pack at ``path``: ``api_cls.load`` with a shared word vocabulary."""
    from slovnet.const import SHAPE, TAG, WORD
    from slovnet.exec.encoders import TagEncoder
    from slovnet.exec.infer import TagDecoder
    from slovnet.exec.pack import Pack, bytes_vocab, vocab_name

    batch_size = inspect.signature(api_cls.load).parameters["batch_size"].default
    with Pack(path) as pack:
        meta = pack.load_meta()
        meta.check_protocol()
        model = pack.load_model(model_cls)
        arrays = dict(pack.load_arrays(model.weights))
        words_vocab = _shared_vocab(pack.read(vocab_name(WORD)), bytes_vocab, shared)
        shapes_vocab = pack.load_vocab(SHAPE)
        tags_vocab = pack.load_vocab(TAG)
    model = _fast_convolutions(model.inject_arrays(arrays))
    infer = infer_cls(model, TagEncoder(words_vocab, shapes_vocab, batch_size), TagDecoder(tags_vocab))
    tagger = tagger_cls.__new__(tagger_cls)
    api_cls.__init__(tagger, infer, batch_size)
    tagger.navec(navec)
    return tagger


def _shared_vocab(raw: bytes, bytes_vocab: Any, shared: dict[str, Any]) -> Any:
    """The slovnet vocabulary in ``raw`` (gzip), the same object for the same word list."""
    import gzip

    key = hashlib.sha256(gzip.decompress(raw)).hexdigest()
    vocab = shared.get(key)
    if vocab is None:
        vocab = shared[key] = bytes_vocab(raw)
    return vocab


def _fast_convolutions(model: Any) -> Any:
    """``model`` with its CNN encoder's convolutions padding their input without ``np.pad``,
    and the NER's CRF decoding without rebuilding index grids at every word.

    slovnet's ``Conv1d`` pads every call's input with ``np.pad``, whose Python-level set-up
    costs more than the padding itself on a sentence; :class:`_Conv1d` fills a zeroed array
    instead and computes the same windows and the same matrix product, so the tags are the
    same to the bit; :class:`_CRF` likewise (see there). Any layer that is not slovnet's
    plain ``Conv1d`` or ``CRF`` is left alone.
    """
    from slovnet.exec.model import CRF, Conv1d

    for layer in getattr(getattr(model, "encoder", None), "layers", ()):
        conv = getattr(layer, "conv", None)
        if type(conv) is Conv1d:
            layer.conv.__class__ = _conv1d_class()
    crf = getattr(getattr(model, "head", None), "crf", None)
    if type(crf) is CRF:
        crf.__class__ = _crf_class()
    return model


@functools.cache
def _conv1d_class() -> type:
    import numpy as np
    from slovnet.exec.model import Conv1d

    class _Conv1d(Conv1d):  # type: ignore[misc]  # slovnet is untyped (Any to mypy)
        """slovnet's ``Conv1d.__call__`` (batch × in × seq → batch × filters × windows), step for
        step, with the zero padding written into a new array rather than by ``np.pad``."""

        def __call__(self, input: Any) -> Any:
            batch_size, in_dim, seq_len = input.shape
            padded = np.zeros((batch_size, in_dim, seq_len + 2 * self.padding), dtype=input.dtype)
            padded[:, :, self.padding : self.padding + seq_len] = input
            input = padded

            batch_size, in_dim, seq_len = input.shape
            batch_stride, in_stride, seq_stride = input.strides
            unit_stride = input.data.itemsize
            filters_count, in_dim, kernel_size = self.weight.shape
            windows_count = seq_len - kernel_size + 1
            windows = np.ndarray(
                (batch_size, windows_count, in_dim, kernel_size),
                dtype=input.dtype,
                buffer=input.data,
                strides=(batch_stride, unit_stride, in_stride, seq_stride),
            )
            windows = windows.reshape(batch_size * windows_count, in_dim * kernel_size)
            weight = self.weight.array.reshape(filters_count, in_dim * kernel_size)
            output = np.matmul(windows, weight.T) + self.bias.array
            output = output.reshape(batch_size, windows_count, filters_count)
            return output.swapaxes(2, 1)

    return _Conv1d


@functools.cache
def _crf_class() -> type:
    import numpy as np
    from slovnet.exec.model import CRF

    class _CRF(CRF):  # type: ignore[misc]  # slovnet is untyped (Any to mypy)
        """slovnet's Viterbi decoding (``CRF.decode``) with the best previous score read by
        ``max`` instead of indexing the scores with ``np.indices`` grids at every word: the
        same sums, the same maxima (the value at the ``argmax``), the same paths."""

        def decode(self, emissions: Any, mask: Any) -> list[Any]:
            batch_size, seq_len, tags_num = emissions.shape
            emissions = emissions.swapaxes(1, 0)
            mask = mask.swapaxes(1, 0)
            transitions = self.transitions.array
            history = []
            score = emissions[0]  # batch x tags
            for index in range(1, seq_len):
                score_ = (
                    score.reshape(batch_size, tags_num, 1)
                    + transitions
                    + emissions[index].reshape(batch_size, 1, tags_num)
                )  # batch x tags x tags
                indexes = score_.argmax(-2)
                score = np.where(mask[index].reshape(batch_size, 1), score_.max(-2), score)
                history.append(indexes)
            sizes = mask.sum(0) - 1
            batch = []
            for index in range(batch_size):
                best = score[index].argmax()
                tags = [best]
                for indexes in reversed(history[: sizes[index]]):
                    best = indexes[index][best]
                    tags.append(best)
                tags.reverse()
                batch.append(np.array(tags))
            return batch

    return _CRF
