"""Render real posts (alert, edit, follow-up, digest) at phone width: docs/posts.png, the
README's picture (docs/posts-ru.png with --language ru).

    .venv/bin/python docs/render_posts.py [--language en|ru|kk] [--chromium PATH]

Needs Chromium and an emoji font (Debian: `apt-get install chromium fonts-noto-color-emoji`); runs it headless with a fresh,
empty profile and no network. The HTML comes from bot/core/publish/preview.py, the same page
tests/test_preview.py checks for validity.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.core.publish.preview import PHONE_WIDTH, phone_page, sample_posts  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--language", default="en", choices=["en", "ru", "kk"])
    parser.add_argument("--chromium", default=shutil.which("chromium") or shutil.which("chromium-browser"))
    parser.add_argument("--height", type=int, default=1150, help="window height in CSS pixels")
    args = parser.parse_args()
    suffix = "" if args.language == "en" else f"-{args.language}"
    picture = ROOT / "docs" / f"posts{suffix}.png"
    if not args.chromium:
        print("error: no chromium found (apt-get install chromium, or pass --chromium PATH)", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory() as profile, tempfile.TemporaryDirectory() as pages:
        page = Path(pages) / "posts.html"
        page.write_text(phone_page(sample_posts(args.language), subtitle="sample posts"), encoding="utf-8")
        subprocess.run(
            [
                args.chromium,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--hide-scrollbars",
                f"--user-data-dir={profile}",
                f"--screenshot={picture}",
                f"--window-size={PHONE_WIDTH},{args.height}",
                page.as_uri(),
            ],
            check=True,
            capture_output=True,
            timeout=120,
        )
    print(f"wrote {picture}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
