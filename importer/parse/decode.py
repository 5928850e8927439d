"""Bytes from a critic's file to text: UTF-8, else Windows-1252 with a warning, else an error."""

from __future__ import annotations

import codecs

from importer.parse.records import ImportTextError, ParseWarning
from importer.parse.text import normalise_newlines, strip_control_characters

# Control bytes other than tab, LF, FF and CR; text from a word processor has next to none.
_CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 12, 13)) + b"\x7f"
_MAX_CONTROL_SHARE = 0.01
_SIGNATURES = {
    b"%PDF": "a PDF document",
    b"PK\x03\x04": "a ZIP archive (a .docx or .odt document is one)",
    b"\xd0\xcf\x11\xe0": "a Microsoft Office document (.doc)",
    b"{\\rtf": "an RTF document",
}


def decode_bytes(data: bytes, *, max_bytes: int) -> tuple[str, list[ParseWarning]]:
    """Decode an uploaded text file; line endings become \\n and a BOM is dropped."""
    if len(data) > max_bytes:
        raise ImportTextError(
            f"file is too large: {len(data):,} bytes, the limit is {max_bytes:,} bytes"
        )
    for signature, what in _SIGNATURES.items():
        if data.startswith(signature):
            raise ImportTextError(f"this looks like {what}, not text; save it as plain text")
    warnings: list[ParseWarning] = []
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text = _decode_utf16(data)
        warnings.append(ParseWarning("file was UTF-16 (a Windows \u201cUnicode\u201d text file)"))
    else:
        _refuse_binary(data)
        text = _decode_8bit(data, warnings)
    text, controls, line = strip_control_characters(normalise_newlines(text))
    if controls:
        warnings.append(
            ParseWarning(
                f"removed {controls} invisible control character(s) (page breaks and "
                "vertical tabs became line breaks)",
                line=line,
            )
        )
    if not text.strip():
        raise ImportTextError("file is empty (nothing but white space)")
    return text, warnings


def _decode_utf16(data: bytes) -> str:
    try:
        return data.decode("utf-16")
    except UnicodeDecodeError as exc:
        raise ImportTextError(
            f"file starts like UTF-16 but cannot be decoded: {exc.reason}"
        ) from exc


def _refuse_binary(data: bytes) -> None:
    if b"\x00" in data:
        raise ImportTextError("file looks binary (it contains NUL bytes), not text")
    sample = data[:65536]
    if sample:
        controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
        if controls / len(sample) > _MAX_CONTROL_SHARE:
            raise ImportTextError(
                f"file looks binary ({controls} control bytes in its first {len(sample)}), not text"
            )


def _decode_8bit(data: bytes, warnings: list[ParseWarning]) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        first_bad = exc.start
    # Not UTF-8 as a whole: decode line by line, because pasted texts mix the two encodings.
    texts, legacy_lines, utf8_non_ascii = _decode_lines(data)
    if utf8_non_ascii:
        shown = ", ".join(str(n) for n in legacy_lines[:10])
        more = " and more" if len(legacy_lines) > 10 else ""
        warnings.append(
            ParseWarning(
                "file mixes UTF-8 with Windows-1252 (Latin-1); decoded lines "
                f"{shown}{more} as Windows-1252: check their accents and quotes",
                line=legacy_lines[0],
            )
        )
    else:
        warnings.append(
            ParseWarning(
                "file is not UTF-8; decoded it as Windows-1252 (Latin-1): check accents and "
                f"quotes (first non-UTF-8 byte at offset {first_bad})"
            )
        )
    return "\n".join(texts)


def _decode_lines(data: bytes) -> tuple[list[str], list[int], bool]:
    """Each line as UTF-8, else as Windows-1252: the lines, the Windows-1252 line numbers,
    and whether any UTF-8 line was more than ASCII."""
    texts: list[str] = []
    legacy_lines: list[int] = []
    utf8_non_ascii = False
    for number, raw in enumerate(data.split(b"\n"), start=1):
        try:
            line = raw.decode("utf-8-sig" if number == 1 else "utf-8")
            utf8_non_ascii = utf8_non_ascii or not raw.isascii()
        except UnicodeDecodeError:
            try:
                line = raw.decode("cp1252")
            except UnicodeDecodeError as exc:
                byte = raw[exc.start]
                raise ImportTextError(
                    f"cannot decode the file: byte 0x{byte:02x} is neither UTF-8 nor "
                    "Windows-1252; save the file as UTF-8",
                    line=number,
                ) from exc
            legacy_lines.append(number)
        texts.append(line)
    return texts, legacy_lines, utf8_non_ascii
