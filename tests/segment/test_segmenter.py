"""The segmenter follows the document's own structure and keeps exact offsets."""

from __future__ import annotations

import hashlib

from termguard.model import Document, TextMap
from termguard.segment import segment
from termguard.segment.numbering import parse_line_start
from termguard.segment.sentences import split_sentences


def _doc(text: str) -> Document:
    return Document("t.md", hashlib.sha256(text.encode()).hexdigest(), "markdown", text, TextMap.build(text))


def test_numbered_sections_keep_their_numbers_and_headings() -> None:
    text = "## 4. Data Use\n\n4.1 **Retention.** We keep logs for 30 days.\n\n4.2 We delete data on request.\n"
    seg = segment(_doc(text))
    sections = [c.section for c in seg.clauses]
    assert "4.1" in sections and "4.2" in sections
    c41 = next(c for c in seg.clauses if c.section == "4.1")
    assert c41.heading == "Retention"
    assert "Data Use" in c41.path
    assert text[c41.start:c41.end].startswith("4.1")


def test_line_starts_recognise_common_numbering_styles() -> None:
    assert parse_line_start("Section 12.3 Governing Law").label == "Section 12.3"
    assert parse_line_start("(a) the Customer").label == "(a)"
    assert parse_line_start("IV. TERM").label == "IV"
    assert parse_line_start("##### 1\\. DEFINITIONS").label == "1"
    assert parse_line_start("Plain body text here.") is None


def test_sentences_do_not_split_on_abbreviations() -> None:
    text = "We use providers, e.g. cloud hosts. U.S. law applies. Inc. is a suffix."
    sents = split_sentences(text, 0, len(text))
    assert [text[s.start:s.end] for s in sents][0] == "We use providers, e.g. cloud hosts."


def test_definitions_are_collected_with_their_text() -> None:
    text = '1.1 "Usage Data" means telemetry and metadata about use of the Services.\n\n' \
           'Feedback you give us ("Feedback") may be used.'
    seg = segment(_doc(text))
    terms = {d.term: d for d in seg.definitions}
    assert "Usage Data" in terms and "Feedback" in terms
    d = terms["Usage Data"]
    assert text[d.start:d.end] == d.text


def test_every_sentence_lies_inside_its_clause() -> None:
    text = "# Title\n\nIntro line one. Intro two.\n\n1. First\n\n1.1 Sub clause text; more text.\n"
    seg = segment(_doc(text))
    for s, ci in zip(seg.sentences, seg.sentence_clause):
        c = seg.clauses[ci]
        assert c.start <= s.start < s.end <= c.end


def test_a_number_at_the_start_of_a_wrapped_line_is_not_a_new_clause() -> None:
    text = "1. Term\n\nThe Customer may terminate for breach of its obligations under this\nSection 11; and the\n" \
           "12 months that follow are a notice period.\n\n2. Next clause starts here.\n"
    seg = segment(_doc(text))
    sections = [c.section for c in seg.clauses]
    assert "Section 11" not in sections and "12" not in sections
    assert "2" in sections


def test_a_number_after_a_finished_sentence_opens_a_clause() -> None:
    text = "1. Data\nThe vendor keeps data.\n1.1 Retention. Logs are kept for 30 days.\n"
    seg = segment(_doc(text))
    assert "1.1" in [c.section for c in seg.clauses]


def test_sections_run_into_one_long_line_are_split_at_their_numbers() -> None:
    body = "Intro words. " * 130  # a line longer than the long-line limit, as some archived terms are
    text = body + "You accept third-party features.4.4 Retention. We keep content.5\\. Standard Services.When you use it."
    seg = segment(_doc(text))
    sections = [c.section for c in seg.clauses]
    assert "4.4" in sections and "5" in sections
    sentences = [text[s.start:s.end] for s in seg.sentences]
    assert "When you use it." in sentences
