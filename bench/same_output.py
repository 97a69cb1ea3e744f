"""Is the analysis output byte-identical to a base commit's? For speed changes, which must
change no result. Prints what differs; exit 1 when anything does.

    .venv/bin/python bench/same_output.py [--base a548f70] [--mix-items 3000] [--keep DIR]

Runs ``arrestwatch analyze`` (as ``python -m bot analyze``, with this checkout's virtual
environment) on corpus/train.jsonl, corpus/validation.jsonl and the items of the regional
mix (bench/analyze.py's ``regional_mix``: crime, protest and custody reports the corpus has
few of), once with the working tree and once with the base commit's tree (``git archive``
into a temporary folder, nothing checked out here), and compares the two outputs byte for
byte. The base's outputs are kept in ``--keep DIR`` when given and reused from there on the
next run, so a series of changes is checked against one reference.
"""

from __future__ import annotations

import argparse
import filecmp
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

BASE = "a548f70"  # main when issue 18's speed work started
INPUTS = ("corpus/train.jsonl", "corpus/validation.jsonl")


def analyse(tree: Path, source: Path, out: Path) -> None:
    """``python -m bot analyze SOURCE > OUT`` with the package of ``tree``."""
    env = dict(os.environ, PYTHONPATH=str(tree), OMP_NUM_THREADS="1", OPENBLAS_NUM_THREADS="1")
    with out.open("wb") as handle:
        subprocess.run(
            [sys.executable, "-m", "bot", "analyze", str(source)], cwd=tree, env=env, stdout=handle, check=True
        )


def write_mix(path: Path, items: int) -> None:
    from bench.analyze import regional_mix

    with path.open("w", encoding="utf-8") as handle:
        for number, (title, text, lang, _) in enumerate(regional_mix(items)):
            handle.write(
                json.dumps({"id": f"mix-{number}", "title": title, "text": text, "lang": lang}, ensure_ascii=False)
                + "\n"
            )


def first_difference(a: Path, b: Path) -> str:
    for number, (left, right) in enumerate(zip(a.open(encoding="utf-8"), b.open(encoding="utf-8")), 1):
        if left != right:
            return f"line {number}:\n  base: {left.strip()[:400]}\n  now:  {right.strip()[:400]}"
    return "the files differ in length"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", default=BASE, help=f"the commit to compare with (default {BASE})")
    parser.add_argument("--mix-items", type=int, default=3000, help="items of the regional mix (default 3000; 0: none)")
    parser.add_argument("--keep", type=Path, help="folder for the base's outputs, reused when already there")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="arrestwatch-same-") as folder:
        work = Path(folder)
        inputs = [ROOT / name for name in INPUTS]
        if args.mix_items:
            mix = work / f"mix{args.mix_items}.jsonl"
            write_mix(mix, args.mix_items)
            inputs.append(mix)
        keep = args.keep or work / "base"
        keep.mkdir(parents=True, exist_ok=True)
        base_tree = work / "tree"
        differ = 0
        for source in inputs:
            name = f"{source.stem}.{args.base}.jsonl"
            base_out, now_out = keep / name, work / f"{source.stem}.now.jsonl"
            if not base_out.exists():
                if not base_tree.exists():
                    base_tree.mkdir()
                    archive = subprocess.run(
                        ["git", "-C", str(ROOT), "archive", args.base], check=True, capture_output=True
                    ).stdout
                    subprocess.run(["tar", "-x", "-C", str(base_tree)], input=archive, check=True)
                analyse(base_tree, source, base_out)
            analyse(ROOT, source, now_out)
            same = filecmp.cmp(base_out, now_out, shallow=False)
            lines = sum(1 for _ in now_out.open(encoding="utf-8"))
            print(f"{source.name}: {lines} results, {'identical' if same else 'DIFFERENT'} to {args.base}")
            if not same:
                differ += 1
                print(first_difference(base_out, now_out))
    return 1 if differ else 0


if __name__ == "__main__":
    raise SystemExit(main())
