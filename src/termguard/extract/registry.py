"""The extractor registry: parameter name (as topic rules spell it) → extractor function.

Every extractor is ``(text: str, base: int = 0) -> list[Parameter]``; the Parameters it returns carry
a versioned ``extractor`` name (``duration.v1``, ``money.v1``, ...) so results stay reproducible.
"""

from __future__ import annotations

from termguard.extract._base import Extractor
from termguard.extract.durations import days, hours, notice_days, vague
from termguard.extract.fees import fee_multiple, months_of_fees
from termguard.extract.flags import carve_outs, licence_flags, mechanism
from termguard.extract.frequencies import per_year
from termguard.extract.laws import regimes
from termguard.extract.money import amounts, cap
from termguard.extract.regions import jurisdiction, regions
from termguard.extract.standards import standards
from termguard.extract.vocab import controls, data_classes
from termguard.model.parameter import Parameter

EXTRACTORS: dict[str, Extractor] = {
    "days": days,
    "hours": hours,
    "notice_days": notice_days,
    "vague": vague,
    "per_year": per_year,
    "cap": cap,
    "amount": amounts,
    "months_of_fees": months_of_fees,
    "fee_multiple": fee_multiple,
    "standards": standards,
    "regimes": regimes,
    "regions": regions,
    "jurisdiction": jurisdiction,
    "mechanism": mechanism,
    "licence_flags": licence_flags,
    "carve_outs": carve_outs,
    "data_classes": data_classes,
    "controls": controls,
}


def names() -> list[str]:
    """Registered parameter names, sorted."""
    return sorted(EXTRACTORS)


def extract(name: str, text: str, base: int = 0) -> list[Parameter]:
    """Run the extractor registered for ``name``; KeyError (listing the known names) if there is none."""
    try:
        extractor = EXTRACTORS[name]
    except KeyError:
        raise KeyError(f"no extractor for parameter {name!r}; known: {', '.join(names())}") from None
    return extractor(text, base)
