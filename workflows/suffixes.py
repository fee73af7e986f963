"""The file names the desk knows by their ending: its projects and XLIFF from other tools.
Light on purpose: the window's file dialogs need them at start-up, not the readers."""

from __future__ import annotations

PROJECT_SUFFIX = ".hanbit"
XLIFF_SUFFIXES = (".xlf", ".xliff", ".xlf2", ".xliff2", ".sdlxliff", ".mqxliff")
