"""Language data packs: the words and patterns of one language, apart from the engine.

Each module here (``en``, ``ru``, ``kk``) holds only data: lexicons (custody, release,
fine, restricted freedom, civic context, ordinary crime, roles of bystanders), name rules
and the words of terms. The rules read them; the quick pre-pass that lets ordinary news
skip the analysis is generated from the same lexicons (:mod:`bot.core.analysis.prepass`), so
a word the rules know can never be missed by the pre-pass.
"""
