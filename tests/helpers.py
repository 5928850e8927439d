"""Small assertions shared by tests."""

import pytest
from django.db import IntegrityError, transaction


def refused(create, constraint: str | None = None) -> None:
    """The write raises IntegrityError; for CHECK constraints the error names the constraint."""
    with pytest.raises(IntegrityError) as excinfo, transaction.atomic():
        create()
    if constraint:
        assert constraint in str(excinfo.value)
