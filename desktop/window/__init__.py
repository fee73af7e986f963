"""The main window: it builds itself, menus and status bar; features reach it through the desk."""
