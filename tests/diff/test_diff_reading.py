"""Diff output a reviewer can read: word changes keep the text as written, reordered list parameters are no
change, a deadline only one version states is not "risk up", and risk-up topics come first."""

from __future__ import annotations


def test_word_diff_keeps_urls_and_punctuation_as_written() -> None:
    from termguard.diff.words import inline, word_diff

    old = "Review the terms the third party provided you, see https://www.microsoft.com/DigitalSafety/policies."
    new = "Review the terms that the third party provided you with, see https://www.microsoft.com/Safety/policies."
    text = inline(word_diff(old, new))
    assert "https://www.microsoft.com/" in text and "/policies." in text and " : / /" not in text
    assert "you {+with+}, see" in text and "terms {+that+} the" in text


def test_reordered_list_parameters_and_one_sided_deadlines_are_not_changes_of_risk() -> None:
    from termguard.diff.changes import _same_parameters, direction
    from termguard.topics import load_catalogue

    assert _same_parameters({"data_classes": ["PHI", "personal data"]}, {"data_classes": ["personal data", "PHI"]})
    assert not _same_parameters({"days": 30}, {"days": 90})
    topic = next(t for t in load_catalogue() if t.id == "commercial.warranty")
    pos = topic.ladder[0]

    class F:  # the two attributes direction() reads of a stated finding
        def __init__(self, params: dict) -> None:
            self.position, self.parameters = pos, params

    old, new = F({}), F({"days": 90})
    assert direction(topic, old, new) == "same"  # type: ignore[arg-type]


def test_text_lists_risk_up_first_and_hides_unchanged_clauses() -> None:
    from termguard.cli.diff import render_text

    def ch(topic: str, direction: str, changed: list[str]) -> dict:
        q = [{"quote": "Same words.", "section": "8", "clause_id": "c1"}]
        return {"topic": topic, "old_position": "a", "new_position": "b", "old_parameters": {},
                "new_parameters": {}, "direction": direction, "changed": changed, "old_evidence": q,
                "new_evidence": [{**q[0], "section": None}, {"quote": "New words.", "section": "9", "clause_id": "c2"}],
                "clauses": [{"kind": "same", "old": {"section": "8"}, "new": {"section": "8"}},
                            {"kind": "edited", "old": {"section": "9"}, "new": {"section": "9", "heading": "H"}}]}

    d = {"old": "o", "new": "n", "summary": {k: 0 for k in ("edited", "added", "removed", "moved", "renumbered",
                                                           "same", "worse", "better")},
         "changes": [ch("t.evidence", "same", ["evidence"]), ch("t.better", "better", ["position"]),
                     ch("t.worse", "worse", ["position"])], "clauses": []}
    text = render_text(d)
    order = [text.index(t) for t in ("t.worse", "t.better", "t.evidence")]
    assert order == sorted(order)
    assert "clause same" not in text and "clause edited: §9 H" in text
    assert "new: §9 “New words.”" in text  # the quote that is new, not the same words under another section
