"""The editorial roles. Their permissions are set by migrations (editorial 0002 onwards)."""

CONTRIBUTOR = "Contributor"
EDITOR = "Editor"
