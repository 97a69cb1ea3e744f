"""How alike two report texts are: a bottom-k sketch of their word shingles, for
telling a syndicated copy of a report from another report (bot/core/events.py). Pure.

Moved out of bot/core/events.py, which places reports; this is only about texts.
"""

from __future__ import annotations

import heapq
import re
import threading
from array import array
from collections import OrderedDict
from hashlib import blake2b
from typing import Protocol

# Estimated Jaccard similarity of word shingles above which two texts are copies.
NEAR_DUPLICATE = 0.5
SHINGLE_WORDS = 3
SKETCH_SIZE = 64  # shingle hashes kept per text (standard error of the estimate ≈ 0.06 at 0.5)
SKETCH_CACHE = 2048  # texts whose sketches are kept (600 bytes each): recent reports are compared again and again

_WORDS = re.compile(r"\w+")
_SKETCHES: OrderedDict[bytes, array[int]] = OrderedDict()
_SKETCH_LOCK = threading.Lock()


def _sketch(text: str) -> array[int]:
    """The SKETCH_SIZE smallest hashes of the text's word 3-shingles, ascending (a
    bottom-k sketch), cached by a digest of the text (not the text: 600 bytes a sketch).

    Why not datasketch's MinHash, as before: importing datasketch imports scipy (about
    1 s and 40 MB) for what is, at this scale, a few dozen integer comparisons. A
    bottom-k sketch estimates Jaccard similarity as well as a MinHash of as many
    permutations, is exact for texts of fewer than SKETCH_SIZE shingles, and costs one
    hash per shingle. blake2b, not hash(): the same text gets the same sketch in every
    process and every run.
    """
    digest = blake2b(text.encode("utf-8"), digest_size=16).digest()
    with _SKETCH_LOCK:
        sketch = _SKETCHES.get(digest)
        if sketch is not None:
            _SKETCHES.move_to_end(digest)
            return sketch
    words = _WORDS.findall(text.casefold())
    if len(words) >= SHINGLE_WORDS:
        shingles = {" ".join(words[i : i + SHINGLE_WORDS]) for i in range(len(words) - SHINGLE_WORDS + 1)}
    else:
        shingles = set(words)
    hashes = {int.from_bytes(blake2b(shingle.encode("utf-8"), digest_size=8).digest(), "big") for shingle in shingles}
    sketch = array("Q", heapq.nsmallest(SKETCH_SIZE, hashes))
    with _SKETCH_LOCK:
        _SKETCHES[digest] = sketch
        while len(_SKETCHES) > SKETCH_CACHE:
            _SKETCHES.popitem(last=False)
    return sketch


def text_similarity(a: str, b: str) -> float:
    """Estimated Jaccard similarity (0..1) of the two texts' word 3-shingles: of the
    SKETCH_SIZE smallest shingle hashes of both texts together, the share found in both."""
    return similarity_to(a)(b)


class Similarity(Protocol):
    """A text's similarity to ``other``, 0.0 early when it cannot reach ``floor``."""

    def __call__(self, other: str, floor: float = 0.0) -> float: ...


def similarity_to(text: str) -> Similarity:
    """``text_similarity(text, other)`` as a function of ``other``, for comparing one new
    report with every report of the recent events. With ``floor``, a similarity that
    cannot reach it comes back as 0.0 early: most reports share too few hashes, and that
    is found by counting the shared ones."""
    if not text.strip():
        return _nothing_alike
    sketched: list[frozenset[int]] = []  # the text's sketch, made on the first comparison (often none is needed)

    def similarity(other: str, floor: float = 0.0) -> float:
        if not other.strip():
            return 0.0
        if not sketched:
            sketched.append(frozenset(_sketch(text)))
        mine = sketched[0]
        theirs = _sketch(other)
        both = mine.intersection(theirs)
        # The estimate is at most shared / min(SKETCH_SIZE, the larger sketch).
        if not both or len(both) < floor * min(SKETCH_SIZE, max(len(mine), len(theirs))):
            return 0.0
        smallest = sorted(mine.union(theirs))[:SKETCH_SIZE]  # at most 2 × 64: sorting beats a heap
        return sum(1 for value in smallest if value in both) / len(smallest)

    return similarity


def _nothing_alike(other: str, floor: float = 0.0) -> float:
    """The similarity of an empty text to anything."""
    return 0.0
