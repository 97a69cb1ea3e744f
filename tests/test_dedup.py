"""De-duplication keys are pure: the same story is recognised however it comes back."""

from bot.core.dedup import canonical_url, content_hash, entry_keys
from bot.core.models import Entry


def test_tracking_parameters_fragments_and_host_case_are_ignored() -> None:
    a = canonical_url("https://WWW.Example.kz/news/123/?utm_source=telegram&utm_medium=social#comments")
    b = canonical_url("http://example.kz:80/news/123")
    assert a == b == "https://example.kz/news/123"


def test_meaningful_query_parameters_are_kept_in_a_stable_order() -> None:
    assert canonical_url("https://e.kz/a?id=5&page=2&fbclid=zz") == canonical_url("https://e.kz/a?page=2&id=5")
    assert canonical_url("https://e.kz/a?id=5") != canonical_url("https://e.kz/a?id=6")


def test_content_hash_ignores_case_punctuation_and_spacing() -> None:
    text = "Суд арестовал активиста на 15 суток за одиночный пикет у здания акимата."
    assert content_hash("Заголовок", text) == content_hash("заголовок!", "  " + text.upper().replace(" ", "  "))
    assert content_hash("Заголовок", text) != content_hash("Заголовок", text.replace("15", "10"))


def test_guid_is_scoped_to_its_source_but_url_and_hash_are_global() -> None:
    entry = Entry(
        title="A title long enough",
        url="https://e.kz/x?utm_campaign=a",
        guid="42",
        text="A body of text that is long enough to identify the story on its own, really.",
    )
    keys_a, keys_b = entry_keys("A", entry), entry_keys("B", entry)
    assert keys_a[0] == "guid:A:42" and keys_b[0] == "guid:B:42"
    assert keys_a[1:] == keys_b[1:]
    assert keys_a[1] == "url:https://e.kz/x"


def test_short_generic_texts_get_no_content_key() -> None:
    keys = entry_keys("A", Entry(title="Новости дня", url=None, guid=None, text=""))
    assert not any(k.startswith("hash:") for k in keys)


def test_the_hash_of_a_long_text_reads_only_its_start_but_as_if_all_were_normalised() -> None:
    import hashlib

    from bot.core.dedup import HASH_TEXT_CHARS, normalise_text

    for filler in ("word " * 1500, "Ё—ﬁ,  " * 900 + "tail", "x" * 1990 + " !!!! " * 800 + "end"):
        expected = hashlib.sha256(normalise_text(f"Title {filler}")[:HASH_TEXT_CHARS].encode("utf-8")).hexdigest()
        assert content_hash("Title", filler) == expected
    # A different ending past the hashed start is the same story; a different start is not.
    assert content_hash("T", "a " * 3000 + "one") == content_hash("T", "a " * 3000 + "two")
    assert content_hash("T", "b " + "a " * 3000) != content_hash("T", "a " * 3000)
