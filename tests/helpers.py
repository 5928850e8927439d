"""Small assertions shared by tests."""

import pytest
from django.db import IntegrityError, transaction
from django.test import Client


def refused(create, constraint: str | None = None) -> None:
    """The write raises IntegrityError; for CHECK constraints the error names the constraint."""
    with pytest.raises(IntegrityError) as excinfo, transaction.atomic():
        create()
    if constraint:
        assert constraint in str(excinfo.value)


def signed_in(user) -> Client:
    """A test client with `user` logged in."""
    client = Client()
    client.force_login(user)
    return client
