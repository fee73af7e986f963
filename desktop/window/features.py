"""The window's features, built by MainWindow.__init__ in this fixed order (a feature may use
the ones before it): what the desk is made of, in one place.

Adding a feature: write desktop/<feature>/feature.py with a QObject that takes the Desk (and
the features it needs), docks its panel with desk.add_dock, registers its actions with
desk.actions.add under stable ids, and listens to the desk's signals; then add it here.
"""

from __future__ import annotations

from dataclasses import dataclass, fields

from desktop.desk import Desk
from desktop.glossary.feature import GlossaryFeature
from desktop.grid.feature import EditingFeature
from desktop.memory.feature import MemoryFeature
from desktop.project.feature import ProjectFeature
from desktop.qa.feature import QAFeature
from desktop.team.sync import TeamSync


@dataclass(frozen=True)
class Features:
    project: ProjectFeature
    glossary: GlossaryFeature
    memory: MemoryFeature
    qa: QAFeature
    editing: EditingFeature
    team: TeamSync

    def shutdown(self) -> None:
        """Let go of the memory's thread and the termbase (the window is closing for good)."""
        self.memory.shutdown()
        self.glossary.shutdown()

    def names(self) -> list[str]:
        return [field.name for field in fields(self)]


def build_features(desk: Desk) -> Features:
    project = ProjectFeature(desk)
    glossary = GlossaryFeature(desk)
    memory = MemoryFeature(desk)
    qa = QAFeature(desk, glossary)
    editing = EditingFeature(desk, glossary, memory, qa)
    team = TeamSync(desk, glossary)  # a team's servers: colleagues' changes, waiting edits
    return Features(project, glossary, memory, qa, editing, team)
