"""English data pack: the custody lexicon, each entry a word and the pattern it starts.

Every entry is ``(word, pattern)``: the pattern matches the custody phrase and begins with
the word itself (tests/test_prepass.py checks), so the pre-pass built from the words
(:data:`CUSTODY_WORDS`) accepts every text the custody patterns can match.
"""

from __future__ import annotations

CUSTODY: tuple[tuple[str, str], ...] = (
    ("detain", r"detain(?:ed|s|ing)?"),
    ("detention", r"detentions?"),
    ("detainee", r"detainees?"),
    ("arrest", r"arrest(?:ed|s|ing)?"),
    ("jail", r"jail(?:ed|s|ing)?"),
    ("imprison", r"imprison(?:ed|ment)?"),
    ("prison", r"prison (?:term|sentence)s?"),
    ("to prison", r"to prison"),
    ("in prison", r"in prison"),
    ("from prison", r"from prison"),
    ("behind bars", r"behind bars"),
    ("penal colony", r"penal colony"),
    ("custody", r"custody"),
    ("custodial", r"custodial"),
    ("remand", r"remand(?:ed)?"),
    ("house arrest", r"house arrest"),
    # "held" is custody only with a place of custody, a captor or a length of time.
    ("held", r"held (?:\w+ )?(?:in|at) (?:a |the |an )?(?:[\w-]+ ){0,3}(?:police|station|custody|detention|jail|prison"
             r"|cell|cells|isolator|facility|precinct|colony|remand|basement)"),
    ("held", r"held (?:by (?:police|the police|security|authorities|the authorities|officers|the kgb|the nsc|the state)"
             r"|incommunicado|without (?:charge|trial)|for (?:questioning|\w+ (?:hours|days|weeks|months)|hours|days|weeks|months))"),
    ("taken to", r"taken to (?:a|the) (?:\w+ )?police"),
    ("taking", r"taking (?:him|her|them) to (?:a|the) (?:\w+ )?police"),
    ("rounded up", r"rounded up"),
    ("rounded-up", r"rounded-up"),
    ("apprehended", r"apprehended"),
    ("abducted", r"abducted"),
    ("sent to", r"sent to (?:a )?psychiatric"),
    ("forcibly", r"forcibly (?:hospitali[sz]ed|committed)"),
)
# Phrases whose custody word comes after a preposition or an auxiliary ("in a penal colony",
# "into custody", "was held by police"): the word is still in every match.
PREFIXED: tuple[tuple[str, str], ...] = (
    ("penal colony", r"(?:(?:to|in|at|from) (?:a |the )?(?:[\w-]+ )?)penal colony"),
    ("custody", r"(?:in|into|under) custody"),
    ("labour camp", r"(?:to|in|at|from) (?:a |the )?(?:[\w-]+ )?labour camps?"),
    ("labor camp", r"(?:to|in|at|from) (?:a |the )?(?:[\w-]+ )?labor camps?"),
    ("police van", r"(?:into|in|to|onto|inside) (?:a |the )?police vans?"),
    ("held", r"(?:being|was|were|been|is|are) held (?:by|incommunicado|without|for (?:questioning|\w+ (?:hours|days)))"),
)

CUSTODY_WORDS: tuple[str, ...] = tuple(dict.fromkeys(word for word, _ in CUSTODY + PREFIXED))
