"""The segment grid: its model, the view and editors, spelling, suggestions, tags, split/join."""
