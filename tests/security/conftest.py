"""The editorial roles' fixtures, shared with the security tests."""

from tests.editorial.conftest import contributor, editor, make_user

__all__ = ["contributor", "editor", "make_user"]
