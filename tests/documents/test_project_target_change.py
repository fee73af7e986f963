"""Changing an open project's target language: drafts go, confirmed work refuses the change."""

from __future__ import annotations

import pytest

from documents.project import Project, ProjectError, Status


def _project(tmp_path):
    return Project.create(
        tmp_path / "p.hanbit",
        source_text="첫 문장입니다. 둘째 문장입니다.",
        source_lang="ko",
        target_lang="en",
    )


def test_target_change_clears_drafts_and_mt_and_persists(tmp_path):
    with _project(tmp_path) as project:
        first, second = project.segments()[:2]
        project.set_mt(first.id, "First sentence.")
        assert project.segment(first.id).status == Status.DRAFT
        assert project.change_target_lang("zh-Hans") == 1
        assert project.target_lang == "zh-Hans"
        segment = project.segment(first.id)
        assert (segment.target, segment.mt, segment.status) == ("", "", Status.NEW)
        assert project.history(first.id)[-1].origin == "change-target-language"
    with Project.open(tmp_path / "p.hanbit") as again:
        assert again.target_lang == "zh-Hans"


def test_confirmed_segments_refuse_the_change_and_change_nothing(tmp_path):
    with _project(tmp_path) as project:
        first = project.segments()[0]
        project.set_target(first.id, "First.", status=Status.TRANSLATED)
        with pytest.raises(ProjectError, match="confirmed translations into en"):
            project.change_target_lang("zh-Hans")
        assert project.target_lang == "en" and project.segment(first.id).target == "First."
        with pytest.raises(ProjectError, match="not a language code"):
            project.change_target_lang("Chinese!")
        assert project.change_target_lang("zh-Hans", clear_confirmed=True) == 1
        assert project.segment(first.id).target == ""
