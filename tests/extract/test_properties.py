"""Properties of every extractor: offsets honour ``base``, ``raw`` is the text it spans, no crash."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from termguard.extract.registry import EXTRACTORS, extract, names

FRAGMENTS = [
    "thirty (30) days", "72 hours", "at least 30 days' notice", "once per year", "quarterly", "$100",
    "USD 1,000,000", "the fees paid in the twelve (12) months preceding", "two times (2x) the fees",
    "SOC 2 Type II", "ISO/IEC 27001, 27017", "GDPR", "UK GDPR", "the EEA", "the US", "laws of the State of California",
    "courts of Ireland", "opt out in settings", "perpetual, irrevocable", "non-transferable", "aggregated",
    "personal data", "encrypted at rest", "promptly", "liability shall not exceed", "18 years of age", "Section 30",
    ". ", "\n", ", ", " and ", "(", ")", "é", "İ", "ß", "LET US KNOW",
]
texts = st.lists(st.sampled_from(FRAGMENTS) | st.text(max_size=12), max_size=14).map(" ".join)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=texts, base=st.integers(min_value=0, max_value=10_000))
def test_raw_is_the_spanned_text(text: str, base: int) -> None:
    """For every extractor and result: raw == text[start - base:end - base] and the span is inside text."""
    for name, extractor in EXTRACTORS.items():
        for p in extractor(text, base):
            assert base <= p.start <= p.end <= base + len(text), (name, p)
            assert p.raw == text[p.start - base:p.end - base], (name, p)
            assert p.extractor.endswith(".v1"), (name, p)


def test_registry() -> None:
    """names() lists the registry; extract() dispatches; unknown names raise KeyError listing the known ones."""
    assert names() == sorted(EXTRACTORS)
    assert {"days", "hours", "notice_days", "cap", "standards", "regimes", "jurisdiction"} <= set(names())
    assert [p.value for p in extract("days", "within 30 days", 5)] == [30]
    with pytest.raises(KeyError, match="known: amount"):
        extract("nope", "text")
