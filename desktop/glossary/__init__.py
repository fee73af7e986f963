"""The termbase in the window: the glossary panel, manager, concept editor, import, candidates."""
