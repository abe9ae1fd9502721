"""Document → clauses (along the document's own numbering and headings), sentences and definitions."""

from termguard.segment.segmenter import Segmentation, segment

__all__ = ["Segmentation", "segment"]
