"""One file per schema revision. Never edit a released one: add a new revision."""
