"""Argos translation packages in the window: the package manager and downloads."""
