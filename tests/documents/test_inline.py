"""Inline codes as numbered tags: XML to text, text back to the very same markup."""

from __future__ import annotations

import pytest
from lxml import etree

from documents.inline import strip_tags
from documents.inline_codes import TagError, TagTable, element_text, fill_element

V12 = "urn:oasis:names:tc:xliff:document:1.2"
V20 = "urn:oasis:names:tc:xliff:document:2.0"


def _source(xml: str, ns: str = V12) -> etree._Element:
    return etree.fromstring(f'<source xmlns="{ns}">{xml}</source>')


@pytest.mark.parametrize(
    ("xml", "ns", "text"),
    [
        ('A <g id="1" ctype="bold">b</g> <x id="2"/>c', V12, "A ⟨1⟩b⟨/1⟩ ⟨2/⟩c"),
        (
            '<bpt id="1">&lt;i&gt;</bpt>x<ept id="1">&lt;/i&gt;</ept> <ph id="2">&lt;br/&gt;</ph>',
            V12,
            "⟨1⟩x⟨/1⟩ ⟨2/⟩",
        ),  # fmt: skip
        ('<it id="1" pos="open">&lt;b&gt;</it>x <bpt id="2">&lt;u&gt;</bpt>', V12, "⟨1/⟩x ⟨2/⟩"),
        (
            '<pc id="1">a <ph id="2"/></pc> <sc id="3"/>b<ec startRef="3"/>',
            V20,
            "⟨1⟩a ⟨2/⟩⟨/1⟩ ⟨3⟩b⟨/3⟩",
        ),  # fmt: skip
        (
            '<ec id="9" isolated="yes"/>end <mrk id="m1" type="term">X</mrk>',
            V20,
            "⟨1/⟩end ⟨2⟩X⟨/2⟩",
        ),
    ],
)
def test_codes_become_tags_and_go_back_as_the_same_markup(xml, ns, text):
    source = _source(xml, ns)
    table = TagTable()
    assert element_text(source, table) == text
    target = etree.fromstring(f'<target xmlns="{ns}"/>')
    fill_element(target, text, table)
    assert etree.tostring(target, encoding="unicode").split(">", 1)[1] == etree.tostring(
        source, encoding="unicode"
    ).split(">", 1)[1].replace("</source>", "</target>")


def test_the_target_may_move_tags_and_words():
    table = TagTable()
    element_text(_source('<g id="1">big</g> news <x id="2"/>'), table)
    target = etree.fromstring(f'<target xmlns="{V12}"/>')
    fill_element(target, "⟨2/⟩뉴스 ⟨1⟩큰⟨/1⟩", table)
    assert etree.tostring(target, encoding="unicode") == (
        f'<target xmlns="{V12}"><x id="2"/>뉴스 <g id="1">큰</g></target>'
    )


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("⟨9/⟩", "not one of this segment's tags"),
        ("⟨1⟩open", "never closed"),
        ("⟨/1⟩x⟨1⟩", "not the last one opened"),
        ("⟨1/⟩", "stands for a pair"),
        ("⟨2⟩x⟨/2⟩", "single tag, not a pair"),
    ],
)
def test_tags_that_cannot_be_markup_are_refused_and_the_target_is_unchanged(text, message):
    table = TagTable()
    element_text(_source('<g id="1">a</g><x id="2"/>'), table)
    target = etree.fromstring(f'<target xmlns="{V12}">before</target>')
    with pytest.raises(TagError, match=message):
        fill_element(target, text, table)
    assert target.text == "before" and len(target) == 0


def test_strip_tags_leaves_the_sentence():
    assert strip_tags("A ⟨1⟩b⟨/1⟩ ⟨2/⟩c") == "A b c"


def test_characters_xml_cannot_carry_are_left_out_of_the_markup():
    table = TagTable()
    element_text(_source('a <x id="1"/>'), table)
    target = etree.fromstring(f'<target xmlns="{V12}"/>')
    fill_element(target, "b\x0b ⟨1/⟩\x00c", table)
    assert etree.tostring(target, encoding="unicode").endswith('>b <x id="1"/>c</target>')
