"""Projects in the window: new/open dialogs, recent files, export, XLIFF import, review import."""
