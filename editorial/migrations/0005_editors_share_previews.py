"""Editors may create, see and revoke preview links."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

CODENAMES = ["add_previewlink", "change_previewlink", "view_previewlink"]


def grant(apps, schema_editor):
    app_config = apps.get_app_config("editorial")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    editors = Group.objects.filter(name="Editor").first()
    if editors:
        editors.permissions.add(
            *Permission.objects.filter(content_type__app_label="editorial", codename__in=CODENAMES)
        )


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    editors = Group.objects.filter(name="Editor").first()
    if editors:
        editors.permissions.remove(
            *Permission.objects.filter(content_type__app_label="editorial", codename__in=CODENAMES)
        )


class Migration(migrations.Migration):
    dependencies = [("editorial", "0004_preview_link")]

    operations = [migrations.RunPython(grant, revoke)]
