"""The team desk in the window: server settings, colleagues' changes, writes that wait."""
