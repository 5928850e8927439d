"""Create the Contributor and Editor groups with their permissions."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

_READ_ONLY = ["view_film", "view_filmseries", "view_genre", "view_country", "view_language"]

# Frozen here, as migrations must be: later changes to the roles get migrations of their own.
ROLE_PERMISSIONS = {
    # Writes and submits their own articles; reads the catalogue to link films and people.
    "Contributor": {
        "reviews": [
            "add_article", "change_article", "delete_article", "view_article",
            "add_section", "change_section", "delete_section", "view_section",
            "add_image", "view_image", "view_author", *_READ_ONLY,
        ],
        "people": ["view_person", "view_character", "view_credit"],
    },
    # Everything in the catalogue and every article, plus publishing.
    "Editor": {
        "reviews": ["*"],
        "people": ["*"],
        "taggit": ["*"],
        "editorial": ["publish_article", "view_statuschange", "view_redirect",
                      "change_redirect", "delete_redirect"],
        "admin": ["view_logentry"],
    },
}  # fmt: skip


def create_groups(apps, schema_editor):
    # Permissions are normally created after migrate finishes; groups need them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, by_app in ROLE_PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=name)
        for app_label, codenames in by_app.items():
            permissions = Permission.objects.filter(content_type__app_label=app_label)
            if codenames != ["*"]:
                permissions = permissions.filter(codename__in=codenames)
                missing = set(codenames) - set(permissions.values_list("codename", flat=True))
                if missing:
                    raise RuntimeError(f"Unknown {app_label} permissions: {sorted(missing)}")
            group.permissions.add(*permissions)


def delete_groups(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=ROLE_PERMISSIONS).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("editorial", "0001_initial"),
        ("reviews", "0001_initial"),
        ("people", "0002_film_links"),
        ("taggit", "0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(create_groups, delete_groups)]
