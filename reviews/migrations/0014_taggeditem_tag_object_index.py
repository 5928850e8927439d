"""An index on taggit's tagged items by (tag, content type, object), newest object last.

Related articles read each shared tag's newest articles (reviews.models.related_candidates).
taggit indexes the tag alone, and (content type, object, tag): the first makes a popular tag
sort all its items, the second walks every tagged article (6 ms at 100,000 articles). This one
reads the newest items of one tag in order. RunSQL, since taggit's model is not ours to change.
"""

from django.db import migrations

INDEX = "taggeditem_tag_object_idx"


class Migration(migrations.Migration):
    dependencies = [
        ("reviews", "0013_film_title_year_index"),
        ("taggit", "0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx"),
    ]

    operations = [
        migrations.RunSQL(
            f"CREATE INDEX IF NOT EXISTS {INDEX} "
            "ON taggit_taggeditem (tag_id, content_type_id, object_id)",
            f"DROP INDEX IF EXISTS {INDEX}",
            elidable=False,
        )
    ]
