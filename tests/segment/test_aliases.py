"""The matching view: defined content terms and the vendor's name read as ordinary words, offsets unchanged."""

from __future__ import annotations

import hashlib

import pytest

from termguard.model import Document, TextMap
from termguard.pipeline import analyse
from termguard.segment import segment
from termguard.segment.aliases import classify_definition, matching_view, vendor_terms


def _doc(text: str) -> Document:
    return Document("t.md", hashlib.sha256(text.encode()).hexdigest(), "markdown", text, TextMap.build(text))


@pytest.mark.parametrize(("term", "body", "inline", "kind"), [
    ("Target Text", "the translation that the API returns for a Source Text.", False, "outputs"),
    ("Source Text", "any text or document the Customer sends to the API for translation.", False, "content"),
    ("Fit Scores", "the scores and rankings the platform generates about a candidate", False, "outputs"),
    ("Operating Data", "technical information arising from use of the Platform, such as log-in times", False, "usage"),
    ("Beacon Signals", "a user's thumbs-up or thumbs-down ratings of responses", False, "feedback"),
    ("Meeting Material", "AI Companion reads the audio, transcripts and files that participants bring into a meeting",
     True, "content"),
])
def test_definitions_are_classed_from_their_own_words(term: str, body: str, inline: bool, kind: str) -> None:
    assert classify_definition(term, body, inline) == kind


@pytest.mark.parametrize(("term", "body"), [
    ("Customer Data", "all data the Customer uploads"),  # already in ordinary words
    ("Services", "the translation services the API returns"),  # the service, not content
    ("Account Information", "the contact details you provide"),  # account data is not content
    ("Data Breach", "a breach of security leading to loss of data"),  # not a data noun at the head
    ("Branding Guidelines", "the content made available by us"),
])
def test_other_terms_are_left_alone(term: str, body: str) -> None:
    assert classify_definition(term, body) is None


def test_the_view_keeps_every_offset() -> None:
    text = ('Verbalis GmbH ("**Verbalis**") provides the API.\n\n'
            '**Target Text** — the translation that the API returns for a Source Text.\n\n'
            "Target Texts are not used to train any model. Verbalis will inform the Customer of changes.\n")
    seg = segment(_doc(text))
    view = seg.view(text)
    assert len(view) == len(text)
    assert "outputs      are not used" in view
    assert "we       will inform" in view
    assert '"**Verbalis**"' in view and "**Target Text**" in view  # the defining quotes stay as written
    assert {a.kind for a in seg.aliases} == {"outputs", "vendor"}


def test_vendor_names_come_from_party_definitions_and_roles() -> None:
    assert vendor_terms('between Quillstack Ltd ("Quillstack") and the customer ("Customer")') == ["Quillstack"]
    assert vendor_terms('Lumora AI, Inc. ("Lumora", "we", "us")') == ["Lumora"]
    assert vendor_terms("The Supplier shall host. The Supplier shall not train.") == ["Supplier"]
    assert vendor_terms('Acme ("Customer") and the vendor') == []


def test_no_definitions_means_no_view() -> None:
    text = "We will not use your content to train our models.\n"
    seg = segment(_doc(text))
    assert seg.aliases == () and seg.view(text) is text
    assert matching_view(text, ()) == (text, ())


def test_quotes_are_cut_from_the_original_text() -> None:
    text = ('**Target Text** — the translation that the API returns for a Source Text.\n\n'
            "Target Texts are not used to train or improve any model.\n")
    rep = analyse(_doc(text))
    f = next(f for f in rep.findings if f.topic == "training.outputs")
    assert f.position == "no-use"
    assert f.evidence and all(e.quote == text[e.start:e.end] and "Target Texts" in e.quote for e in f.evidence)


def test_the_customer_named_by_its_role_reads_as_you() -> None:
    text = ("The Client owns all Client Materials and all Outputs. The Supplier shall delete the Client's data "
            "on request. The Supplier shall not train on it.\n")
    seg = segment(_doc(text))
    view = seg.view(text)
    assert len(view) == len(text)
    assert view.startswith("you        owns all") and "your     " in view
    assert "customer" in {a.kind for a in seg.aliases}
