import codecs

from importer.parse.decode import decode_bytes
from importer.parse.document import parse_bytes, parse_text
from tests.importer.helpers import SAMPLES

TEXT = (SAMPLES / "review_salt_road.txt").read_text(encoding="utf-8")


def test_fingerprint_is_sha256_hex():
    fingerprint = parse_text(TEXT).fingerprint
    assert len(fingerprint) == 64 and int(fingerprint, 16) >= 0


def test_fingerprint_stable_across_line_endings_bom_and_trailing_spaces():
    variants = [
        TEXT,
        TEXT.replace("\n", "\r\n"),
        TEXT.replace("\n", "\r"),
        "\ufeff" + TEXT,
        TEXT.replace("\n", "  \n") + "\n\n",
    ]
    assert len({parse_text(text).fingerprint for text in variants}) == 1


def test_fingerprint_same_for_crlf_bom_bytes_and_plain_utf8():
    crlf_bom = codecs.BOM_UTF8 + TEXT.replace("\n", "\r\n").encode()
    assert (
        parse_bytes(crlf_bom, max_bytes=1_000_000).fingerprint
        == parse_bytes(TEXT.encode(), max_bytes=1_000_000).fingerprint
    )


def test_fingerprint_differs_for_different_text():
    changed = TEXT.replace("quietly ferocious", "quietly furious")
    assert parse_text(changed).fingerprint != parse_text(TEXT).fingerprint


def test_crlf_text_parses_like_lf_text():
    assert parse_text(TEXT.replace("\n", "\r\n")).sections == parse_text(TEXT).sections


def test_cp1252_bytes_parse_with_the_decoder_warning_first():
    data = TEXT.replace("★★★★☆", "4/5").replace("Vale", "Valé").encode("cp1252")
    parsed = parse_bytes(data, max_bytes=1_000_000)
    assert "Windows-1252" in parsed.warnings[0].message
    assert parsed.film.title == "The Salt Road"
    assert decode_bytes(data, max_bytes=1_000_000)[0].startswith("The Salt Road review")
