"""sources.toml validation: every problem located by file and line, none hidden."""

from datetime import time, timedelta
from pathlib import Path

import pytest

from bot.edges.config import ConfigError, load_config, parse_config, parse_duration
from bot.entry.cli import main

ROOT = Path(__file__).resolve().parent.parent


def problems(text: str) -> list[str]:
    with pytest.raises(ConfigError) as info:
        parse_config(text, Path("s.toml"))
    return [str(p) for p in info.value.problems]


def test_shipped_sources_file_is_valid_and_covers_the_region() -> None:
    config = load_config(ROOT / "sources.toml")
    assert len(config.sources) >= 10
    assert {s.lang for s in config.sources} == {"en", "ru", "kk"}
    assert config.settings.timezone == "Asia/Almaty"
    assert config.settings.digest_time == time(21, 0)


def test_defaults_apply_when_settings_are_absent() -> None:
    config = parse_config('[[source]]\nname = "a"\nurl = "https://a.example/rss"\n', Path("s.toml"))
    source = config.sources[0]
    assert source.type == "rss" and source.interval == timedelta(minutes=10)
    assert config.settings.max_age == timedelta(hours=24)


def test_each_problem_names_its_line() -> None:
    found = problems(
        "[settings]\n"  # 1
        'language = "de"\n'  # 2
        'colour = "red"\n'  # 3
        "\n"  # 4
        "[[source]]\n"  # 5
        'name = "one"\n'  # 6
        'url = "ftp://x"\n'  # 7
        'type = "rss2"\n'  # 8
        "\n"
        "[[source]]\n"  # 10
        'name = "two"\n'  # 11
        'url = "https://b.example/"\n'
        'interval = "5x"\n'  # 13
    )
    assert found[0].startswith("s.toml:2: language 'de'")
    assert found[1].startswith("s.toml:3: unknown key 'colour'")
    assert any(p.startswith("s.toml:7: url 'ftp://x'") for p in found)
    assert any(p.startswith("s.toml:8: unknown source type 'rss2'") for p in found)
    assert any(p.startswith("s.toml:13: interval: '5x' is not a duration") for p in found)


def test_duplicate_names_and_urls_are_rejected() -> None:
    found = problems(
        '[[source]]\nname = "a"\nurl = "https://a.example/rss"\n'
        '[[source]]\nname = "a"\nurl = "https://b.example/rss"\n'
        '[[source]]\nname = "c"\nurl = "https://A.example/rss/"\n'
    )
    assert any("s.toml:4: duplicate source name 'a'" in p for p in found)
    assert any("s.toml:7: duplicate source url" in p for p in found)


def test_toml_syntax_error_reports_its_line() -> None:
    found = problems('[settings]\ntimezone = "Asia/Almaty"\ninterval = 10m\n')
    assert found[0].startswith("s.toml:3: not valid TOML")


def test_bad_selector_and_rules_are_reported() -> None:
    found = problems(
        '[rules]\nkeywords = { de = ["x"] }\nwatchlist = "Name"\n'
        '[[source]]\nname = "p"\nurl = "https://p.example/news"\ntype = "html"\n'
        '[source.select]\nitem = "div["\n'
    )
    assert any(p.startswith("s.toml:2: rules.keywords: language 'de'") for p in found)
    assert any(p.startswith("s.toml:3: rules.watchlist") for p in found)
    assert any(p.startswith("s.toml:9: select.item 'div['") for p in found)


def test_rules_are_parsed_for_the_analysis() -> None:
    config = parse_config(
        '[rules]\nkeywords = { ru = ["увезли"] }\ncivic = { ru = ["голодовк"] }\nexclude = { "*" = ["учения"] }\n'
        'watchlist = ["Айдар Серикбаев"]\n',
        Path("s.toml"),
    )
    assert config.rules.extra_keywords == {"ru": ("увезли",)}
    assert config.rules.civic_keywords == {"ru": ("голодовк",)}
    assert config.rules.exclude_keywords == {"*": ("учения",)}
    assert config.rules.watchlist == ("Айдар Серикбаев",)


@pytest.mark.parametrize("text, seconds", [("30s", 30), ("10m", 600), ("1h30m", 5400), ("2d", 172800), ("90", 90)])
def test_durations(text: str, seconds: int) -> None:
    assert parse_duration(text).total_seconds() == seconds


def test_sources_check_command_prints_problems_and_fails(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "sources.toml"
    bad.write_text('[[source]]\nname = "x"\nurl = "https://x.example/"\ntype = "gopher"\n', encoding="utf-8")
    assert main(["--sources", str(bad), "sources", "check"]) == 1
    assert f"{bad}:4: unknown source type 'gopher'" in capsys.readouterr().out
    assert main(["--sources", str(ROOT / "sources.toml"), "sources", "check"]) == 0


def test_organisations_replace_the_shipped_list() -> None:
    config = parse_config('[rules]\norganisations = ["Жасыл ел қозғалысы"]\n', Path("s.toml"))
    assert config.rules.organisations == ("Жасыл ел қозғалысы",)
    assert parse_config("[rules]\nwatchlist = []\n", Path("s.toml")).rules.organisations is None


def test_bad_organisations_are_reported() -> None:
    with pytest.raises(Exception) as caught:
        parse_config('[rules]\norganisations = "ДВК"\n', Path("s.toml"))
    assert "rules.organisations must be a list of names" in str(caught.value)


def test_watchdogs_replace_the_shipped_list() -> None:
    config = parse_config('[rules]\nwatchdogs = ["Freedom Now"]\n', Path("s.toml"))
    assert config.rules.watchdogs == ("Freedom Now",)
    assert parse_config("[rules]\nwatchlist = []\n", Path("s.toml")).rules.watchdogs is None
    with pytest.raises(ConfigError) as caught:
        parse_config('[rules]\nwatchdogs = "HRW"\n', Path("s.toml"))
    assert "rules.watchdogs must be a list of names" in str(caught.value)
