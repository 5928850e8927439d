"""The editorial roles and their permissions, shared by the data migration and the tests."""

CONTRIBUTOR = "Contributor"
EDITOR = "Editor"

_READ_ONLY = ["view_film", "view_filmseries", "view_genre", "view_country", "view_language"]

ROLE_PERMISSIONS: dict[str, dict[str, list[str]]] = {
    # Writes and submits their own articles; reads the catalogue to link films and people.
    CONTRIBUTOR: {
        "reviews": [
            "add_article", "change_article", "delete_article", "view_article",
            "add_section", "change_section", "delete_section", "view_section",
            "add_image", "view_image", "view_author", *_READ_ONLY,
        ],
        "people": ["view_person", "view_character", "view_credit"],
    },
    # Everything in the catalogue and every article, plus publishing.
    EDITOR: {
        "reviews": ["*"],
        "people": ["*"],
        "taggit": ["*"],
        "editorial": ["publish_article", "view_statuschange", "view_redirect",
                      "change_redirect", "delete_redirect"],
    },
}  # fmt: skip
