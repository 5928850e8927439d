from django.core.management.base import BaseCommand

from fakes.demo.load import demo_load


class Command(BaseCommand):
    help = "Load the demo publication (invented films, people, articles) and demo logins."

    def add_arguments(self, parser):
        parser.add_argument(
            "--password",
            default="filmsite-demo",
            help="Password for the demo editor and contributor logins (default: filmsite-demo).",
        )
        parser.add_argument(
            "--reset", action="store_true", help="Replace demo content that is already loaded."
        )

    def handle(self, *args, password: str, reset: bool, **options):
        summary = demo_load(editor_password=password, reset=reset)
        verb = "Loaded" if summary.created else "Demo content already loaded:"
        self.stdout.write(
            f"{verb} {summary.films} films, {summary.people} people, {summary.articles} articles."
        )
        for username, role in summary.logins:
            self.stdout.write(
                self.style.SUCCESS(
                    f"{role} login: http://127.0.0.1:8000/admin/  "
                    f"user {username!r}  password {password!r}"
                )
            )
