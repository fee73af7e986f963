"""Spell checking in the target editor: misspellings underlined as you type, suggestions and
Add to Dictionary on right-click, the variant (en-US, en-GB, off) under View ▸ Spelling."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject
from PySide6.QtGui import QAction, QActionGroup, QColor, QSyntaxHighlighter, QTextCharFormat
from PySide6.QtWidgets import QMenu

from desktop.grid.term_highlight import python_index, utf16_offset
from qa import spelling

VARIANT_NAMES = {
    "": QT_TRANSLATE_NOOP("Spelling", "From the Project's Language"),
    "en-US": QT_TRANSLATE_NOOP("Spelling", "English (United States)"),
    "en-GB": QT_TRANSLATE_NOOP("Spelling", "English (United Kingdom)"),
    "off": QT_TRANSLATE_NOOP("Spelling", "Off"),
}

if TYPE_CHECKING:
    from desktop.desk import Desk
    from desktop.glossary.feature import GlossaryFeature
    from desktop.qa.feature import QAFeature


PRELOAD_DELAY_MS = 1500  # after start-up's first paint and panel fill


def _misspelled_format() -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SpellCheckUnderline)
    fmt.setUnderlineColor(QColor("#d02020"))
    return fmt


class SpellHighlighter(QSyntaxHighlighter):
    """Red wavy underline under each word of the block the checker does not know."""

    def __init__(self, document, checker: spelling.SpellChecker, known: frozenset[str]) -> None:
        super().__init__(document)
        self.checker, self.known = checker, known
        self._format = _misspelled_format()

    def highlightBlock(self, text: str) -> None:  # noqa: N802 - Qt's name
        for miss in self.checker.misspelled(text, also_known=self.known):
            start = utf16_offset(text, miss.start)
            self.setFormat(start, utf16_offset(text, miss.end) - start, self._format)


class SpellingSupport(QObject):
    """Hooks every target editor the grid opens; one per window."""

    def __init__(self, desk: Desk, glossary: GlossaryFeature, qa: QAFeature) -> None:
        super().__init__(desk.widget())
        self.desk = desk
        self.glossary, self.qa = glossary, qa
        self.variant = desk.settings.spelling_language()
        self._apply_variant()
        desk.view.target_delegate.sig_editor_opened.connect(self._editor_opened)
        desk.view.sig_text_menu_requested.connect(self._menu)
        self._build_menu()

    # ---- settings ----------------------------------------------------------------------

    def _build_menu(self) -> None:
        menu = self.desk.menu("view").addMenu(self.tr("&Spelling"))
        group = QActionGroup(menu)
        self.actions: dict[str, QAction] = {}
        for code, name in VARIANT_NAMES.items():
            action = menu.addAction(self.tr(name))
            action.setCheckable(True)
            action.setChecked(code == self.variant)
            action.triggered.connect(lambda _checked=False, c=code: self.set_variant(c))
            group.addAction(action)
            self.actions[code] = action

    def set_variant(self, code: str) -> None:
        """en-US, en-GB, "" (the project's language) or "off"; kept for later sessions."""
        self.variant = code
        self.desk.settings.set_spelling_language(code)
        self._apply_variant()
        self.actions[code].setChecked(True)
        editor = self.desk.view.target_delegate.editor
        if editor is not None:
            self._editor_opened(editor)
        self.qa.panel.run_all()  # the QA panel's spelling issues follow the choice

    def _apply_variant(self) -> None:
        # QA (panel and CLI share qa.checks) checks English with the same variant.
        if self.variant in spelling.VARIANTS:
            spelling.set_variant("en", self.variant)
        else:
            spelling.set_variant("en", "")

    def checker(self) -> spelling.SpellChecker | None:
        project = self.desk.project
        if self.variant == "off" or project is None:
            return None
        variant = spelling.variant_for(project.target_lang)
        if variant is None:
            return None
        try:
            return spelling.checker(variant)
        except (FileNotFoundError, ImportError):
            return None

    def known_words(self) -> frozenset[str]:
        """Words that pass in the current segment: its source's Latin words, its terms'
        target forms and the translator's own words."""
        segment_id = self.desk.current_segment_id()
        texts: list[str] = []
        if segment_id >= 0 and self.desk.model is not None:
            source = self.desk.model.segment(segment_id).source
            texts.append(source)
            texts += [t for m in self.glossary.lookup.matches(source) for t in m.targets]
        user = spelling.user_words(spelling.user_words_path(self.desk.data_dir))
        return frozenset(spelling.words_of(texts)) | user

    # ---- the editor --------------------------------------------------------------------

    def _editor_opened(self, editor) -> None:
        old = getattr(editor, "spell_highlighter", None)
        if old is not None:
            old.setDocument(None)
            editor.spell_highlighter = None
        checker = self.checker()
        if checker is not None:
            editor.spell_highlighter = SpellHighlighter(
                editor.document(), checker, self.known_words()
            )

    def _menu(self, menu: QMenu, widget, side: str) -> None:
        if side != "target":
            return
        checker = self.checker()
        if checker is None:
            return
        cursor = widget.cursorForPosition(widget.viewport().mapFromGlobal(menu.pos()))
        if widget.textCursor().hasSelection():
            cursor = widget.textCursor()
        text = cursor.block().text()
        at = python_index(text, cursor.positionInBlock())
        known = self.known_words()
        miss = next(
            (m for m in checker.misspelled(text, also_known=known) if m.start <= at <= m.end),
            None,
        )
        if miss is None:
            return
        first = menu.actions()[0] if menu.actions() else None
        block_start = cursor.block().position()
        suggestions = checker.suggest(miss.word)
        for suggestion in suggestions:
            action = QAction(suggestion, menu)
            font = action.font()
            font.setBold(True)
            action.setFont(font)
            action.triggered.connect(
                lambda _c=False, s=suggestion: self._replace(widget, block_start, text, miss, s)
            )
            menu.insertAction(first, action)
        if not suggestions:
            none = QAction(self.tr("(no suggestion)"), menu)
            none.setEnabled(False)
            menu.insertAction(first, none)
        add = QAction(self.tr("Add “%s” to the Dictionary") % miss.word, menu)
        add.triggered.connect(lambda: self.add_word(miss.word))
        menu.insertAction(first, add)
        menu.insertSeparator(first)

    def _replace(self, editor, block_start: int, text: str, miss, suggestion: str) -> None:
        cursor = editor.textCursor()
        cursor.setPosition(block_start + utf16_offset(text, miss.start))
        cursor.setPosition(block_start + utf16_offset(text, miss.end), cursor.MoveMode.KeepAnchor)
        cursor.insertText(suggestion)
        editor.setTextCursor(cursor)

    def add_word(self, word: str) -> None:
        """Keep the word as right from now on, in every project and in QA."""
        try:
            spelling.add_user_word(word, spelling.user_words_path(self.desk.data_dir))
        except (OSError, ValueError) as error:
            self.desk.show_message(str(error), 8000)
            return
        editor = self.desk.view.target_delegate.editor
        if editor is not None:
            self._editor_opened(editor)
        self.desk.show_message(self.tr("“%s” added to the dictionary.") % word, 4000)
        self.qa.panel.run_all()
