"""Diff two versions of one vendor's terms: clauses aligned, words changed, topic positions moved.

    from termguard.diff import diff
    result = diff(old_report, new_report)            # DiffResult
    result.changes        # per-topic TopicChange (direction better | worse | same, both quotes)
    result.clauses        # Aligned clauses: same | moved | renumbered | edited | added | removed
    result.to_dict()      # the `termguard diff --format json` document
    from termguard.diff.ota import history           # dated versions from an Open Terms Archive clone
"""

from termguard.diff.changes import TopicChange
from termguard.diff.result import DiffResult, diff

__all__ = ["DiffResult", "TopicChange", "diff"]
