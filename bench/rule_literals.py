"""List the literals a range of commits added to the analysis rules, with how many corpus
reports and test sentences contain each.

Why: a rule must be a fact of the language or the domain, never of one report. A word,
phrase or regex alternative that only one corpus report contains is a candidate one-report
patch; this table finds them. Only counts are printed (validation texts are never shown).

    PYTHONPATH=$PWD python bench/rule_literals.py --base 57f7b11 [--head HEAD] [--only-suspect]

A literal is every string constant (not a docstring) on a line the diff adds under
bot/core/analysis/, expanded when it is a regex into the literal runs of its alternatives
(character classes by their first letter, optional parts left out), kept when it has at
least three letters and was not already a literal anywhere in the base's rules (so code
moved between modules is not new). Counts are case-insensitive substring matches on the
title and text of corpus/train.jsonl and corpus/validation.jsonl, and on the string
constants of tests/*.py. Flags: ``P`` a proper noun (capitalised in the source, or mostly
capitalised mid-sentence where the corpus has it), ``1`` one corpus report only, ``0`` none.
"""

from __future__ import annotations

import argparse
import ast
import json
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

try:  # Python 3.11+
    from re import _parser as sre_parse  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover
    import sre_parse  # type: ignore[no-redef]

ROOT = Path(__file__).resolve().parent.parent
RULES = "bot/core/analysis"
_REGEX_HINT = re.compile(r"\\[wsdb]|\(\?|[|\[\]^$]")


def git(*args: str) -> str:
    return subprocess.run(["git", *args], cwd=ROOT, check=True, capture_output=True, text=True).stdout


def added_lines(base: str, head: str) -> dict[str, set[int]]:
    """File -> line numbers (in ``head``) the diff adds."""
    out: dict[str, set[int]] = {}
    current = ""
    for line in git("diff", "-U0", f"{base}..{head}", "--", RULES).splitlines():
        if line.startswith("+++ "):
            current = line[6:] if line.startswith("+++ b/") else ""
        elif line.startswith("@@") and current.endswith(".py"):
            m = re.search(r"\+(\d+)(?:,(\d+))?", line)
            if m:
                start, count = int(m.group(1)), int(m.group(2) or 1)
                out.setdefault(current, set()).update(range(start, start + count))
    return out


def constants(source: str) -> Iterator[tuple[int, int, str]]:
    """(first line, last line, value) of each string constant that is no docstring."""
    tree = ast.parse(source)
    docs = set()
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        if isinstance(body, list) and body and isinstance(body[0], ast.Expr):
            value = body[0].value
            if isinstance(value, ast.Constant) and isinstance(value.value, str):
                docs.add(id(value))
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docs:
            yield node.lineno, node.end_lineno or node.lineno, node.value


def _expand(items: list, limit: int = 64) -> list[str]:  # type: ignore[type-arg]
    """Literal strings a parsed regex matches, a non-literal item cutting them with '\\0'."""
    outs = [""]
    for op, av in items:
        name = str(op)
        if name == "LITERAL":
            outs = [o + chr(av) for o in outs]
        elif name == "IN":
            first = next((chr(v) for o, v in av if str(o) == "LITERAL"), None)
            outs = [o + (first if first else "\0") for o in outs]
        elif name == "BRANCH":
            alts = [a for branch in av[1] for a in _expand(list(branch), limit)]
            outs = [o + a for o in outs for a in alts][:limit]
        elif name == "SUBPATTERN":
            alts = _expand(list(av[-1]), limit)
            outs = [o + a for o in outs for a in alts][:limit]
        elif name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
            low, _high, sub = av
            if low >= 1:
                alts = _expand(list(sub), limit)
                outs = [o + a + "\0" for o in outs for a in alts][:limit]
            else:
                outs = [o + "\0" for o in outs]
        elif name in ("ASSERT", "ASSERT_NOT", "AT"):
            continue
        else:
            outs = [o + "\0" for o in outs]
    return outs


def literals(value: str) -> set[str]:
    """The word runs of a constant: the value itself, or a regex's literal pieces."""
    pieces: list[str] = [value]
    if "\n" in value and not _REGEX_HINT.search(value):
        pieces = value.split()  # a word list written as one string, split() in the code
    elif _REGEX_HINT.search(value):
        try:
            pieces = _expand(list(sre_parse.parse(value)))
        except (re.error, RecursionError, TypeError, ValueError):
            pieces = re.split(r"[|()\[\]?*+^$\\]", value)
    found = set()
    for piece in pieces:
        for run in piece.split("\0"):
            run = run.strip(" -–—,.:;«»\"'")
            if sum(c.isalpha() for c in run) >= 3 and not re.fullmatch(r"[\W\d_]*", run):
                found.add(run)
    return found


def rule_literals(rev: str, lines: dict[str, set[int]] | None) -> dict[str, set[str]]:
    """Literal -> files, in ``rev``'s rules (only on ``lines`` when given)."""
    out: dict[str, set[str]] = {}
    files = [f for f in git("ls-tree", "-r", "--name-only", rev, RULES).split() if f.endswith(".py")]
    for path in files:
        if lines is not None and path not in lines:
            continue
        source = git("show", f"{rev}:{path}")
        for first, last, value in constants(source):
            if lines is not None and not lines[path].intersection(range(first, last + 1)):
                continue
            for lit in literals(value):
                out.setdefault(lit, set()).add(path.rsplit("/", 1)[-1])
    return out


def corpus_texts() -> dict[str, list[str]]:
    texts: dict[str, list[str]] = {}
    for split in ("train", "validation"):
        rows = []
        for line in (ROOT / "corpus" / f"{split}.jsonl").read_text(encoding="utf-8").splitlines():
            if line.strip():
                item = json.loads(line)
                rows.append(f"{item.get('title') or ''}\n{item.get('text') or ''}")
        texts[split] = rows
    return texts


def test_sentences() -> list[str]:
    out: list[str] = []
    for path in sorted((ROOT / "tests").glob("*.py")):
        try:
            out.extend(v for _, _, v in constants(path.read_text(encoding="utf-8")))
        except SyntaxError:
            continue
    return out


def proper_share(lit: str, texts: list[str]) -> float | None:
    """Share of the corpus's mid-sentence occurrences that are capitalised (None if unseen)."""
    pattern = re.compile(r"(?<=[\w,] )" + re.escape(lit), re.IGNORECASE)
    hits = [m.group(0) for t in texts for m in pattern.finditer(t)]
    if not hits:
        return None
    return sum(h[0].isupper() for h in hits) / len(hits)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--base", required=True)
    parser.add_argument("--head", default="HEAD")
    parser.add_argument("--only-suspect", action="store_true", help="print flagged literals only")
    args = parser.parse_args(argv)
    before = {lit.lower() for lit in rule_literals(args.base, None)}
    new = rule_literals(args.head, added_lines(args.base, args.head))
    texts = corpus_texts()
    lowered = {k: [t.lower() for t in v] for k, v in texts.items()}
    tests = [t.lower() for t in test_sentences()]
    everything = texts["train"] + texts["validation"]
    print("flag\ttrain\tval\ttests\tliteral\tfiles")
    for lit in sorted(new, key=lambda s: (sorted(new[s]), s.lower())):
        low = lit.lower()
        if low in before:
            continue
        train = sum(low in t for t in lowered["train"])
        val = sum(low in t for t in lowered["validation"])
        in_tests = sum(low in t for t in tests)
        share = proper_share(lit, everything)
        flags = ("P" if lit[0].isupper() or (share is not None and share > 0.8) else "") + (
            "1" if train + val == 1 else "0" if train + val == 0 else ""
        )
        if args.only_suspect and not flags:
            continue
        print(f"{flags or '-'}\t{train}\t{val}\t{in_tests}\t{lit}\t{','.join(sorted(new[lit]))}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
