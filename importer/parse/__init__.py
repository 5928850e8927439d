"""Turn critics' texts (plain text or Markdown with front matter) into plain records; no Django."""
