"""Demo content for the filmsite publication."""
