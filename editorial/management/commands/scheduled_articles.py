from django.core.management.base import BaseCommand
from django.utils.timezone import localtime

from editorial.services import articles_scheduled


class Command(BaseCommand):
    help = "List articles scheduled to go live, soonest first (they need no cron job to appear)."

    def add_arguments(self, parser):
        parser.add_argument("--limit", type=int, default=20)

    def handle(self, *args, limit: int, **options):
        articles = articles_scheduled().select_related("author")[:limit]
        if not articles:
            self.stdout.write("Nothing is scheduled.")
        for article in articles:
            when = localtime(article.published_at).strftime("%Y-%m-%d %H:%M %Z")
            byline = f" — {article.author}" if article.author else ""
            self.stdout.write(f"{when}  {article.title}{byline}  ({article.get_absolute_url()})")
