"""import_texts: critics' texts (plain text or Markdown) to films, people and draft articles."""

from __future__ import annotations

import argparse
import glob
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from importer.parse.document import decode_and_parse
from importer.parse.records import ImportTextError, ParsedText
from importer.resolve import Resolver
from importer.save import ImportResult, article_import

SUFFIXES = (".txt", ".md", ".markdown")
STDIN = "-"
OUTCOMES = ("imported", "updated", "unchanged", "skipped", "failed")


@dataclass(frozen=True)
class Source:
    """One text to import: a file, or standard input (path None)."""

    name: str
    path: Path | None


@dataclass(frozen=True)
class ReadText:
    """A source read and parsed; or, with parsed None, the report of why it could not be."""

    source: Source
    text: str
    parsed: ParsedText | None
    failure: dict[str, Any] = field(default_factory=dict)


def collect_sources(arguments: list[str]) -> tuple[list[Source], list[tuple[str, str]]]:
    """Files, folders (recursive), globs and '-' to sources; arguments that match nothing."""
    sources: dict[str, Source] = {}
    missing: list[tuple[str, str]] = []

    def add_file(path: Path) -> None:
        sources.setdefault(str(path.resolve()), Source(str(path), path))

    def add_folder(folder: Path) -> int:
        found = sorted(p for p in folder.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES)
        for path in found:
            add_file(path)
        return len(found)

    for argument in arguments:
        path = Path(argument)
        if argument == STDIN:
            sources.setdefault(STDIN, Source("<stdin>", None))
        elif path.is_dir():
            if not add_folder(path):
                missing.append((argument, f"no {', '.join(SUFFIXES)} files in this folder"))
        elif path.is_file():
            add_file(path)
        elif glob.has_magic(argument):
            # A glob is for when the shell did not expand it (quoted, or on Windows).
            count = 0
            for match in sorted(glob.glob(argument, recursive=True)):
                matched = Path(match)
                if matched.is_dir():
                    count += add_folder(matched)
                elif matched.suffix.lower() in SUFFIXES:
                    add_file(matched)
                    count += 1
            if not count:
                missing.append((argument, f"no {', '.join(SUFFIXES)} files match this pattern"))
        else:
            missing.append((argument, "no such file or folder"))
    return list(sources.values()), missing


def _positive_int(value: str) -> int:
    number = int(value)
    if number < 1:
        raise argparse.ArgumentTypeError("must be a positive number of bytes")
    return number


class Command(BaseCommand):
    help = (
        "Import critics' texts as films, people, credits and draft articles. PATH is a file, a "
        "folder (its .txt, .md and .markdown files, recursively), a glob, or - for standard "
        "input. Re-importing a text updates the article it made. See docs/importing.md."
    )

    def add_arguments(self, parser: argparse.ArgumentParser) -> None:
        parser.add_argument("paths", nargs="+", metavar="PATH")
        parser.add_argument(
            "--dry-run", action="store_true", help="Show what would be saved; save nothing."
        )
        parser.add_argument(
            "--publish", action="store_true", help="Publish new articles now (default: draft)."
        )
        parser.add_argument(
            "--overwrite",
            action="store_true",
            help="Replace an imported article even if it was edited since its import.",
        )
        parser.add_argument(
            "--film", metavar='"TITLE (YEAR)"', help="The film the texts are about."
        )
        parser.add_argument(
            "--max-bytes",
            type=_positive_int,
            default=None,
            help="Largest file to read (default: FILMSITE_IMPORT_MAX_BYTES, 2 MiB).",
        )
        parser.add_argument(
            "--fail-fast", action="store_true", help="Stop at the first text that fails."
        )
        parser.add_argument(
            "--report",
            choices=["text", "json"],
            default="text",
            help="json: print one JSON document (docs/import-report.schema.json) on stdout.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        self.options = options
        self.max_bytes = options["max_bytes"] or settings.FILMSITE_IMPORT_MAX_BYTES
        as_json = options["report"] == "json"
        sources, missing = collect_sources(options["paths"])
        reports = self.report_missing(missing, as_json=as_json)
        processed = 0
        if not (options["fail_fast"] and reports):
            processed = self.import_all(sources, reports, as_json=as_json)
        totals = dict.fromkeys(OUTCOMES, 0)
        for report in reports:
            totals[report["outcome"]] += 1
        totals["not_processed"] = len(sources) - processed
        if as_json:
            self.write_json(reports, totals)
        else:
            self.write_totals(totals)
        if totals["failed"]:
            raise CommandError(
                f"{totals['failed']} of {len(reports) + totals['not_processed']} text(s) failed"
                + (" (stopped early: --fail-fast)" if totals["not_processed"] else "")
            )

    def report_missing(
        self, missing: list[tuple[str, str]], *, as_json: bool
    ) -> list[dict[str, Any]]:
        """A failure for each path that names no text, stopping at the first with --fail-fast."""
        reports: list[dict[str, Any]] = []
        for argument, problem in missing:
            reports.append(self.failed(argument, problem, None))
            if not as_json:
                self.write_summary(reports[-1])
            if self.options["fail_fast"]:
                break
        return reports

    def import_all(
        self, sources: list[Source], reports: list[dict[str, Any]], *, as_json: bool
    ) -> int:
        """Import every text, adding its report to `reports`; returns how many were processed."""
        stream = getattr(self.stderr, "_out", sys.stderr)
        show_bar = len(sources) > 1 and not as_json and stream.isatty()
        processed = 0
        # Every text is read before any is saved, so the run resolves its films together:
        # a yearless review and a "Title (Year)" article end under one film.
        read = self.read_all(sources)
        resolver = Resolver()
        parsed = [text.parsed for text in read if text.parsed is not None]
        resolved = iter(resolver.texts(parsed))
        for text in tqdm(read, file=stream, disable=not show_bar, unit="text"):
            if text.parsed is None:
                report = text.failure
            else:
                report = self.import_one(text, next(resolved), resolver)
            reports.append(report)
            processed += 1
            if not as_json:
                with tqdm.external_write_mode(file=sys.stdout):
                    self.write_summary(report)
            if report["outcome"] == "failed" and self.options["fail_fast"]:
                break
        return processed

    def read_all(self, sources: list[Source]) -> list[ReadText]:
        """Read and parse every text, stopping at the first failure with --fail-fast."""
        read = []
        for source in sources:
            try:
                data = self.read(source)
                text, parsed = decode_and_parse(
                    data, max_bytes=self.max_bytes, film_hint=self.options["film"]
                )
            except ImportTextError as exc:
                failure = self.failed(source.name, exc.message, exc.line)
            except OSError as exc:
                failure = self.failed(source.name, f"cannot read: {exc.strerror or exc}", None)
            else:
                read.append(ReadText(source, text, parsed))
                continue
            read.append(ReadText(source, "", None, failure))
            if self.options["fail_fast"]:
                break
        return read

    def import_one(
        self, read: ReadText, resolved: ParsedText, resolver: Resolver
    ) -> dict[str, Any]:
        source = read.source
        try:
            result = article_import(
                parsed=resolved,
                source_text=read.text,
                publish=self.options["publish"],
                dry_run=self.options["dry_run"],
                overwrite=self.options["overwrite"],
                resolver=resolver,
            )
        except ImportTextError as exc:
            return self.failed(source.name, exc.message, exc.line)
        return self.succeeded(source.name, result)

    def read(self, source: Source) -> bytes:
        """The file's bytes; a file over the limit is refused before it is read whole."""
        if source.path is None:
            data = sys.stdin.buffer.read(self.max_bytes + 1)
        else:
            size = source.path.stat().st_size
            if size > self.max_bytes:
                raise ImportTextError(
                    f"file is too large: {size:,} bytes, the limit is {self.max_bytes:,} bytes"
                )
            data = source.path.read_bytes()
        if len(data) > self.max_bytes:
            raise ImportTextError(
                f"file is too large: over {self.max_bytes:,} bytes, the limit is "
                f"{self.max_bytes:,} bytes"
            )
        return data

    @staticmethod
    def succeeded(name: str, result: ImportResult) -> dict[str, Any]:
        report = {"source": name, "outcome": result.outcome, **result.as_dict(), "errors": []}
        del report["dry_run"]  # said once, at the top of the report
        return report

    @staticmethod
    def failed(name: str, message: str, line: int | None) -> dict[str, Any]:
        return {
            "source": name,
            "outcome": "failed",
            "fingerprint": None,
            "film": None,
            "credits": [],
            "article": None,
            "sections": [],
            "mentions": [],
            "candidates": [],
            "dropped": [],
            "warnings": [],
            "errors": [{"message": message, "line": line}],
        }

    # --- the human-readable report ------------------------------------------------------------

    def write_json(self, reports: list[dict[str, Any]], totals: dict[str, int]) -> None:
        document = {
            "dry_run": self.options["dry_run"],
            "publish": self.options["publish"],
            "files": reports,
            "totals": totals,
        }
        self.stdout.write(json.dumps(document, ensure_ascii=False, indent=2))

    def write_summary(self, report: dict[str, Any]) -> None:
        if report["outcome"] == "failed":
            self.write_errors(report)
            return
        self.write_article(report)
        self.write_films(report)
        self.write_candidates(report["candidates"])
        self.write_credits(report["credits"])
        self.write_public_text(report)
        self.write_notes(report)

    def write_errors(self, report: dict[str, Any]) -> None:
        name = report["source"]
        for error in report["errors"]:
            where = f"{name}, line {error['line']}" if error["line"] else name
            self.stderr.write(self.style.ERROR(f"{where}: {error['message']}"))

    def write_article(self, report: dict[str, Any]) -> None:
        """The text's outcome, then the article it is (or would be) saved as."""
        name, outcome = report["source"], report["outcome"]
        verb = f"would be {outcome}" if self.options["dry_run"] else outcome
        style = self.style.WARNING if outcome == "skipped" else self.style.SUCCESS
        self.stdout.write(style(f"{name}: {verb}"))
        article = report["article"]
        rating = f", rating {article['rating']:g}/5" if article["rating"] is not None else ""
        self.stdout.write(
            f"  article   {article['kind']} \u201c{article['title']}\u201d "
            f"({article['status']}, slug {article['slug']}{rating})"
        )

    def write_films(self, report: dict[str, Any]) -> None:
        # Every film the text is about (a double bill's, a ranked list's), the main one first.
        for film in report.get("films") or ([report["film"]] if report["film"] else []):
            year = f" ({film['year']})" if film["year"] else ""
            runtime = f", {film['runtime']} min" if film["runtime"] else ""
            genres = f", {', '.join(film['genres'])}" if film["genres"] else ""
            facts = f"{film['outcome']}{runtime}{genres}"
            self.stdout.write(f"  film      {film['title']}{year}: {facts}")

    def write_candidates(self, candidates: list[dict[str, Any]]) -> None:
        for candidate in candidates:
            mark = "*" if candidate["chosen"] else " "
            year = f" ({candidate['year']})" if candidate["year"] else ""
            evidence = "; ".join(candidate["evidence"]) or "no evidence given"
            self.stdout.write(
                f"  candidate {mark} {candidate['title']}{year}, score {candidate['score']:g}: "
                f"{evidence}"
            )

    def write_credits(self, credits: list[dict[str, Any]]) -> None:
        for credit in credits:
            part = f" as {credit['character']}" if credit["character"] else ""
            self.stdout.write(
                f"  credit    {credit['person']} ({credit['person_outcome']}), "
                f"{credit['role']}{part}: {credit['outcome']}"
            )

    def write_public_text(self, report: dict[str, Any]) -> None:
        article = report["article"]
        # What will be public, in full: the standfirst, the verdict and the spoiler-free
        # sections; spoiler sections are marked, and shown in full too, for checking.
        for name in ("standfirst", "verdict"):
            if article[name]:
                self.stdout.write(f"  {name:<10}(public) {article[name]}")
        for number, section in enumerate(report["sections"], start=1):
            shown = "SPOILER, hidden until the reader opts in" if section["spoiler"] else "public"
            heading = f" \u201c{section['heading']}\u201d" if section["heading"] else ""
            self.stdout.write(f"  section {number:<2}{section['kind']} ({shown}){heading}")
            for line in section["body"].splitlines():
                self.stdout.write(f"      {line}".rstrip())

    def write_notes(self, report: dict[str, Any]) -> None:
        """The lines left out, the films mentioned in passing, and the warnings."""
        for dropped in report["dropped"]:
            self.stdout.write(
                f"  dropped   line {dropped['line']}: \u201c{dropped['text']}\u201d "
                f"({dropped['reason']})"
            )
        for mention in report["mentions"]:
            year = f" ({mention['year']})" if mention["year"] else ""
            on_site = "on the site" if mention["matched"] else "not on the site"
            self.stdout.write(f"  mentions  {mention['title']}{year} ({on_site})")
        for warning in report["warnings"]:
            line = f"line {warning['line']}: " if warning["line"] else ""
            self.stdout.write(self.style.WARNING(f"  warning   {line}{warning['message']}"))

    def write_totals(self, totals: dict[str, int]) -> None:
        parts = [f"{totals[outcome]} {outcome}" for outcome in OUTCOMES]
        if totals["not_processed"]:
            parts.append(f"{totals['not_processed']} not processed")
        prefix = "Dry run, nothing saved: " if self.options["dry_run"] else ""
        self.stdout.write(f"{prefix}{', '.join(parts)}.")
