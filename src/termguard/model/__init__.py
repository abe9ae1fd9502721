"""Frozen types shared by every stage. This package imports nothing else from termguard."""

from termguard.model.clause import Clause, Definition, Sentence
from termguard.model.document import Block, Document, TextMap
from termguard.model.finding import Evidence, Finding, Severity, Status, finding_id
from termguard.model.hit import ClauseHit, Explanation
from termguard.model.parameter import Parameter

__all__ = [
    "Block", "Document", "TextMap", "Clause", "Definition", "Sentence", "ClauseHit", "Explanation",
    "Parameter", "Evidence", "Finding", "Severity", "Status", "finding_id",
]
