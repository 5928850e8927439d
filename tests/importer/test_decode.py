import codecs

import pytest

from importer.parse.decode import decode_bytes
from importer.parse.records import ImportTextError

LIMIT = 1_000_000


def test_utf8_decodes_without_warnings():
    text, warnings = decode_bytes("Café “noir” (2019)\n".encode(), max_bytes=LIMIT)
    assert text == "Café “noir” (2019)\n" and warnings == []


def test_utf8_bom_is_dropped():
    text, _ = decode_bytes(codecs.BOM_UTF8 + b"The Salt Road (2019)\n", max_bytes=LIMIT)
    assert text == "The Salt Road (2019)\n"


@pytest.mark.parametrize("newline", [b"\r\n", b"\r", b"\n"])
def test_line_endings_become_newlines(newline):
    text, _ = decode_bytes(newline.join([b"one", b"two", b"three"]), max_bytes=LIMIT)
    assert text == "one\ntwo\nthree"


def test_cp1252_decodes_with_a_warning():
    data = "Ada’s café – “noir”".encode("cp1252")
    text, warnings = decode_bytes(data, max_bytes=LIMIT)
    assert text == "Ada’s café – “noir”"
    assert len(warnings) == 1 and "Windows-1252" in warnings[0].message


def test_latin1_decodes_with_a_warning():
    text, warnings = decode_bytes("Ça déménage à Zürich".encode("latin-1"), max_bytes=LIMIT)
    assert text == "Ça déménage à Zürich" and "Latin-1" in warnings[0].message


def test_mixed_encodings_decode_line_by_line():
    data = "Café in UTF-8\n".encode() + "Café in CP1252".encode("cp1252")
    text, warnings = decode_bytes(data, max_bytes=LIMIT)
    assert text == "Café in UTF-8\nCafé in CP1252"
    assert "mixes" in warnings[0].message and warnings[0].line == 2


def test_utf16_with_bom_decodes():
    text, warnings = decode_bytes("The Salt Road (2019)\r\n".encode("utf-16"), max_bytes=LIMIT)
    assert text == "The Salt Road (2019)\n" and "UTF-16" in warnings[0].message


@pytest.mark.parametrize("data", [b"", b"   \n\t\r\n  ", codecs.BOM_UTF8])
def test_empty_file_is_an_error(data):
    with pytest.raises(ImportTextError, match="empty"):
        decode_bytes(data, max_bytes=LIMIT)


def test_nul_bytes_mean_binary():
    with pytest.raises(ImportTextError, match="binary"):
        decode_bytes(b"The Salt Road\x00\x01\x02", max_bytes=LIMIT)


def test_many_control_bytes_mean_binary():
    with pytest.raises(ImportTextError, match="binary"):
        decode_bytes(bytes(range(1, 9)) * 50 + b"text", max_bytes=LIMIT)


@pytest.mark.parametrize(
    ("data", "what"),
    [(b"%PDF-1.7\n...", "PDF"), (b"PK\x03\x04\x14\x00", "docx"), (b"{\\rtf1\\ansi", "RTF")],
)
def test_documents_are_named(data, what):
    with pytest.raises(ImportTextError, match=what):
        decode_bytes(data, max_bytes=LIMIT)


def test_too_large_names_the_limit():
    with pytest.raises(ImportTextError, match="limit is 10 bytes"):
        decode_bytes(b"x" * 11, max_bytes=10)
    assert decode_bytes(b"x" * 10, max_bytes=10)[0] == "x" * 10


def test_undecodable_bytes_are_an_error():
    # 0x81 is unassigned in Windows-1252, and this is not UTF-8 either.
    with pytest.raises(ImportTextError, match="cannot decode") as error:
        decode_bytes(b"first line\nbad \x81 byte", max_bytes=LIMIT)
    assert error.value.line == 2
