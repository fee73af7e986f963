"""Where a term came out, read off an alignment the way a real model gives one: reordered, soft."""

from __future__ import annotations

from types import SimpleNamespace

import numpy as np

from glossary.repair import Fix, Resume, by_similarity, locate


def _spans(words: list[str]) -> tuple[str, list[tuple[int, int]]]:
    text, spans = "", []
    for word in words:
        if text and not word.startswith(("가", "에", ".", ",")):
            text += " "
        spans.append((len(text), len(text) + len(word)))
        text += word
    return text, spans


def _aligned(source: list[str], target: list[str], rows: list) -> tuple[str, str, object]:
    """rows[t]: the source word index output word t looked at, or a full weight row."""
    source_text, source_spans = _spans(source)
    target_text, target_spans = _spans(target)
    weights = np.zeros((len(target), len(source)), dtype=np.float32)
    for t, row in enumerate(rows):
        if isinstance(row, int):
            weights[t, row] = 1.0
        else:
            weights[t] = row
    alignment = SimpleNamespace(
        source_spans=tuple(source_spans), target_spans=tuple(target_spans), weights=weights
    )
    return source_text, target_text, alignment


def _term(source_text: str, term: str) -> tuple[int, int]:
    start = source_text.index(term)
    return start, start + len(term)


def test_a_garbled_name_in_a_reordered_sentence_is_replaced():
    # ko→en moves the verb forward: the name's neighbours on both sides still came out
    source = ["Alipay", "가", "Australia", "에", "진출했다", "."]
    target = ["Alipay", "entered", "Auraralia", "."]
    src, out, alignment = _aligned(source, target, [0, 4, 2, 5])
    found = locate(out, alignment, _term(src, "Australia"), "Australia", [], src)
    assert found == Fix(15, 24, "Australia", 0, "Auraralia")
    assert out[: found.start] + found.text + out[found.end :] == "Alipay entered Australia."


def test_vague_attention_over_an_unlike_word_is_left_alone():
    source = ["중국", "이", "성장했다", "."]
    target = ["the", "country", "grew", "."]
    spread = [0.4, 0.3, 0.3, 0.0]
    src, out, alignment = _aligned(source, target, [spread, spread, 2, 3])
    # "the country" may well be right: no credible span to overwrite, so it is flagged
    assert locate(out, alignment, _term(src, "중국"), "China", [], src) is None


def test_a_dropped_term_between_neighbours_that_swapped_places_is_not_guessed():
    source = ["Alibaba", "Alipay", "Australia"]
    target = ["Australia", "Alibaba"]
    src, out, alignment = _aligned(source, target, [2, 0])
    assert locate(out, alignment, _term(src, "Alipay"), "Alipay", [], src) is None


def test_a_dropped_term_is_inserted_between_its_neighbours():
    source = ["Alibaba", "Alipay", "가", "간다", "."]
    target = ["Alibaba", "가", "간다", "."]
    src, out, alignment = _aligned(source, target, [0, 2, 3, 4])
    found = locate(out, alignment, _term(src, "Alipay"), "Alipay", [], src)
    assert found == Fix(7, 7, " Alipay", 0, "")
    assert out[:7] + found.text + out[7:] == "Alibaba Alipay가 간다."


def test_a_name_split_around_another_word_is_decoded_again():
    source = ["Australia", "에", "간다"]
    target = ["Aura", "to", "ralia", "goes"]
    src, out, alignment = _aligned(source, target, [0, 1, 0, 2])
    found = locate(out, alignment, _term(src, "Australia"), "Australia", [], src)
    assert isinstance(found, Resume) and found.at == 0


def test_an_output_that_stops_at_the_term_is_decoded_again_from_it():
    source = ["Alibaba", "Australia", "에", "간다", "."]
    target = ["Alibaba", "Au"]
    src, out, alignment = _aligned(source, target, [0, 1])
    found = locate(out, alignment, _term(src, "Australia"), "Australia", [], src)
    assert found == Resume(0, 8, "Australia", "")  # the prefix keeps the space before Au


def test_an_output_that_stopped_before_other_words_is_not_the_terms_to_fix():
    source = ["Alibaba", "는", "오늘", "Australia", "에", "간다"]
    target = ["Alibaba", "는"]
    src, out, alignment = _aligned(source, target, [0, 1])
    assert locate(out, alignment, _term(src, "Australia"), "Australia", [], src) is None


def test_another_terms_approved_form_is_never_overwritten():
    source = ["Apple", "Apple Pay", "협력"]
    target = ["Apple", "Apple", "협력"]
    src, out, alignment = _aligned(source, target, [0, 1, 2])
    taken = [(0, 5), (6, 11)]  # both Apples held by the Apple concept
    found = locate(out, alignment, _term(src, "Apple Pay"), "Apple Pay", taken, src)
    assert isinstance(found, Resume)  # the only way to place it without breaking Apple


def test_similarity_alone_needs_a_close_likeness():
    assert by_similarity("Alipay entered Auraralia.", "Australia", []) == Fix(
        15, 24, "Australia", 0, "Auraralia"
    )
    assert by_similarity("Please apply now.", "Apple", []) is None  # 80%: a word, no garble
    assert by_similarity("Jak Ma said", "Jack Ma", []) == Fix(0, 6, "Jack Ma", 0, "Jak Ma")
    # approved forms already placed (Australia, and Austria when the segment has that term
    # too) are out of reach; a near miss that is no term of the segment is taken for a garble
    assert by_similarity("Australia and Austria", "Australia", [(0, 9), (14, 21)]) is None
