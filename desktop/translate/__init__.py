"""Machine translation in the window: Translate all, retranslate, the language pair selector."""
