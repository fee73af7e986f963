"""Translate ▸ Retranslate: selected segments, segments whose glossary terms changed, every
unconfirmed draft; confirmed work and the translator's own drafts are replaced only when asked."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from enum import Enum

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox

from documents.project import Segment, Status
from glossary.matching import TermMatch
from workflows.translate_project import MTRecord

CONFIRMED = (Status.TRANSLATED, Status.REVIEWED)


class Scope(Enum):
    SELECTED = "selected"
    CHANGED_TERMS = "changed-terms"
    DRAFTS = "drafts"


@dataclass
class Plan:
    """What a retranslation will do: every id in todo gets a new MT; the targets in replace
    are replaced by it (the value is the target they have now)."""

    todo: list[int] = field(default_factory=list)
    untouched: dict[int, str] = field(default_factory=dict)  # empty or still the MT
    confirmed: dict[int, str] = field(default_factory=dict)  # replaced only when asked
    edited: dict[int, str] = field(default_factory=dict)  # drafts the translator typed

    def replace(self, protected_too: bool) -> dict[int, str]:
        chosen = dict(self.untouched)
        if protected_too:
            chosen |= self.confirmed | self.edited
        return chosen


def terms_changed(segment: Segment, matches: list[TermMatch]) -> bool:
    """The glossary now applies other terms (or other target forms) to this segment than the
    ones its MT was made with: a retranslation would come out differently."""
    if not segment.mt.strip():
        return False  # never translated: Translate all covers it
    recorded = MTRecord.from_info(segment.mt_info).term_targets()
    now = {(match.concept_id, match.target) for match in matches if match.target}
    return recorded != now


def plan(
    segments: Iterable[Segment],
    scope: Scope,
    *,
    selected: set[int] | None = None,
    matches: Callable[[str], list[TermMatch]] | None = None,
) -> Plan:
    """The segments a scope covers, sorted by who wrote their target."""
    result = Plan()
    for segment in segments:
        if not segment.source.strip():
            continue
        status = Status(segment.status)
        if scope is Scope.SELECTED:
            if segment.id not in (selected or set()):
                continue
        elif scope is Scope.CHANGED_TERMS:
            if matches is None or not terms_changed(segment, matches(segment.source)):
                continue
        elif status in CONFIRMED:
            continue  # Scope.DRAFTS: unconfirmed only
        result.todo.append(segment.id)
        if status in CONFIRMED:
            result.confirmed[segment.id] = segment.target
        elif segment.target.strip() and segment.target != segment.mt:
            result.edited[segment.id] = segment.target
        else:
            result.untouched[segment.id] = segment.target
    return result


def ask_protected(parent, plan_: Plan) -> bool | None:
    """Whether confirmed segments and the translator's drafts are replaced too (None: cancel)."""
    if not plan_.confirmed and not plan_.edited:
        return False
    lines = []
    if plan_.confirmed:
        lines.append(
            QCoreApplication.translate("Retranslate", "%n confirmed segment(s)").replace(
                "%n", str(len(plan_.confirmed))
            )
        )
    if plan_.edited:
        lines.append(
            QCoreApplication.translate("Retranslate", "%n draft(s) you edited").replace(
                "%n", str(len(plan_.edited))
            )
        )
    box = QMessageBox(
        QMessageBox.Icon.Question,
        QCoreApplication.translate("Retranslate", "Retranslate"),
        QCoreApplication.translate(
            "Retranslate",
            "Among the segments to retranslate: %s.\n\nReplace their targets with the new MT too? "
            "(No: they keep their targets; only their stored MT is renewed.)",
        )
        % ", ".join(lines),
        QMessageBox.StandardButton.Yes
        | QMessageBox.StandardButton.No
        | QMessageBox.StandardButton.Cancel,
        parent,
    )
    box.setDefaultButton(QMessageBox.StandardButton.No)
    answer = box.exec()
    if answer == QMessageBox.StandardButton.Cancel:
        return None
    return answer == QMessageBox.StandardButton.Yes


def retranslate(window, scope: Scope) -> int:
    """Plan, ask where needed, and start the window's translator; the number queued."""
    if window.project is None or window.model is None or window.project.read_only:
        return 0
    if window.translator.running():
        window.statusBar().showMessage(
            QCoreApplication.translate("Retranslate", "A translation is already running."), 5000
        )
        return 0
    window.view.commit_editor()
    lookup = window.features.glossary.lookup
    if scope is Scope.CHANGED_TERMS and (lookup is None or lookup.matcher() is None):
        window.statusBar().showMessage(
            QCoreApplication.translate("Retranslate", "The glossary is not loaded yet."), 5000
        )
        return 0
    plan_ = plan(
        window.model.segments(),
        scope,
        selected=set(window.view.selected_segment_ids()),
        matches=lookup.matches if lookup is not None else None,
    )
    if not plan_.todo:
        message = {
            Scope.SELECTED: QCoreApplication.translate("Retranslate", "No segment is selected."),
            Scope.CHANGED_TERMS: QCoreApplication.translate(
                "Retranslate", "No segment uses a term that changed since its MT."
            ),
            Scope.DRAFTS: QCoreApplication.translate(
                "Retranslate", "Every segment is confirmed: nothing to retranslate."
            ),
        }[scope]
        window.statusBar().showMessage(message, 5000)
        return 0
    protected_too = ask_protected(window, plan_)
    if protected_too is None:
        return 0
    return window.start_translation(plan_.todo, plan_.replace(protected_too))
