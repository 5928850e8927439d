"""Control characters out of every stored text: articles, sections, films, people, themes, the
import's source text, and the history (status log, revisions, admin log, autosaves).

Forms and imports refuse or strip them from now on (filmsite/textclean.py). Reversing is a no-op:
the characters removed are not kept anywhere.
"""

from django.db import migrations

from filmsite.textclean import clean_rows

APPS = ["reviews", "people", "editorial", "taggit", "reversion", "admin"]
# Text columns that hold JSON, whose escapes (\u000b, \f) hide the characters.
JSON_TEXT = {"reversion.version": ["serialized_data"], "admin.logentry": ["change_message"]}


def clean(apps, schema_editor):
    using = schema_editor.connection.alias
    for label in APPS:
        for model in apps.get_app_config(label).get_models():
            json_text = JSON_TEXT.get(model._meta.label_lower, [])
            clean_rows(model, using=using, json_text=json_text)


class Migration(migrations.Migration):
    dependencies = [
        ("editorial", "0006_revision_tags"),
        ("reviews", "0016_image_renditions_ready_at"),
        ("people", "0004_person_updated_index"),
        ("taggit", "0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx"),
        ("reversion", "0002_add_index_on_version_for_content_type_and_db"),
        ("admin", "0003_logentry_add_action_flag_choices"),
    ]

    operations = [migrations.RunPython(clean, migrations.RunPython.noop, elidable=True)]
