"""rerender_sections: store every section's HTML as today's renderer makes it, then reindex search.

Section HTML is rendered once, at save time; after a change to reviews/markdown.py (the move to
markdown-it-py, a new allowlist) the stored HTML is the old renderer's until this runs. Safe to
run twice or to interrupt: only sections whose HTML differs are written, a batch at a time.
"""

from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.db import transaction
from tqdm import tqdm

from reviews.markdown import render_markdown
from reviews.models import Section
from reviews.signals import sections_rerendered


class Command(BaseCommand):
    help = (
        "Re-render every section's stored HTML from its Markdown (after a renderer change) and "
        "rebuild the search index if any changed."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--batch-size", type=int, default=500, help="Sections read and written at a time."
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Count the sections that would change."
        )

    def handle(self, *args: Any, batch_size: int, dry_run: bool, **options: Any) -> None:
        sections = Section.objects.order_by("pk").only("pk", "body", "body_html")
        bar = tqdm(
            total=sections.count(),
            desc="sections",
            unit="section",
            mininterval=1,
            disable=options["verbosity"] == 0,
        )
        seen = changed = 0
        last_pk = 0
        # Keyset batches (pk > last seen): constant memory and no OFFSET scans on big tables.
        while batch := list(sections.filter(pk__gt=last_pk)[:batch_size]):
            last_pk = batch[-1].pk
            stale = []
            for section in batch:
                html = render_markdown(section.body)
                if html != section.body_html:
                    section.body_html = html
                    stale.append(section)
            if stale and not dry_run:
                with transaction.atomic():
                    Section.objects.bulk_update(stale, ["body_html"])
            seen += len(batch)
            changed += len(stale)
            bar.update(len(batch))
        bar.close()
        verb = "would change" if dry_run else "re-rendered"
        self.stdout.write(f"{changed} of {seen} section(s) {verb}.")
        if changed and not dry_run:
            # bulk_update sends no signals: those who copy the HTML (search) are told here.
            for _, report in sections_rerendered.send(sender=Section):
                self.stdout.write(report)
