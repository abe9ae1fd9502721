"""Place names shared by ``regions`` and ``jurisdiction``: countries, US states, provinces, court seats."""

from __future__ import annotations

import re

US_STATES = ["Alabama", "Alaska", "Arizona", "Arkansas", "California", "Colorado", "Connecticut", "Delaware", "Florida", "Georgia", "Hawaii", "Idaho", "Illinois", "Indiana", "Iowa", "Kansas", "Kentucky", "Louisiana", "Maine", "Maryland", "Massachusetts", "Michigan", "Minnesota", "Mississippi", "Missouri", "Montana", "Nebraska", "Nevada", "Ohio", "Oklahoma", "Oregon", "Pennsylvania", "Tennessee", "Texas", "Utah", "Vermont", "Virginia", "Washington", "Wisconsin", "Wyoming"] + ["New Hampshire", "New Jersey", "New Mexico", "New York", "North Carolina", "North Dakota",
             "Rhode Island", "South Carolina", "South Dakota", "West Virginia"]

PROVINCES = {  # sub-national jurisdictions outside the US → country
    "Ontario": "Canada", "Quebec": "Canada", "British Columbia": "Canada", "Alberta": "Canada",
    "New South Wales": "Australia", "Victoria": "Australia", "Queensland": "Australia",
}

# Court seats and counties → the US state whose law they imply.
SEATS = {
    "San Francisco": "California", "Santa Clara": "California", "San Mateo": "California",
    "Los Angeles": "California", "San Diego": "California", "Alameda": "California",
    "Northern District of California": "California", "Seattle": "Washington", "King County": "Washington",
    "New York City": "New York", "Manhattan": "New York", "Wilmington": "Delaware", "Austin": "Texas",
    "Travis County": "Texas", "Boston": "Massachusetts", "Chicago": "Illinois",
}

# Countries and regions: canonical → alternation (case-insensitive) of the ways contracts name them.
COUNTRIES: dict[str, str] = {
    "England and Wales": r"England\s+(?:and|&)\s+Wales|England",
    "Scotland": r"Scotland",
    "Northern Ireland": r"Northern\s+Ireland",
    "Ireland": r"(?:Republic\s+of\s+)?Ireland",
    "EEA": r"European\s+Economic\s+Area|EEA",
    "EU": r"European\s+Union|EU",
    "UK": r"United\s+Kingdom(?:\s+of\s+Great\s+Britain\s+and\s+Northern\s+Ireland)?|Great\s+Britain|U\.K\.|UK",
    "Switzerland": r"Switzerland",
    "United States": r"United\s+States(?:\s+of\s+America)?|U\.S\.A\.?|USA|U\.S\.",
    "Canada": r"Canada",
    "Australia": r"Australia",
    "New Zealand": r"New\s+Zealand",
    "Japan": r"Japan",
    "India": r"India",
    "Singapore": r"Singapore",
    "Brazil": r"Brazil",
    "China": r"(?:the\s+)?People[’']s\s+Republic\s+of\s+China|PRC|(?:mainland\s+)?China",
    "Hong Kong": r"Hong\s+Kong(?:\s+SAR)?",
    "Taiwan": r"Taiwan",
    "South Korea": r"(?:South\s+|Republic\s+of\s+)Korea|Korea",
    "Germany": r"Germany", "France": r"France", "Netherlands": r"(?:the\s+)?Netherlands",
    "Spain": r"Spain", "Italy": r"Italy", "Belgium": r"Belgium", "Luxembourg": r"Luxembourg",
    "Sweden": r"Sweden", "Norway": r"Norway", "Denmark": r"Denmark", "Finland": r"Finland",
    "Poland": r"Poland", "Austria": r"Austria", "Israel": r"Israel", "Mexico": r"Mexico",
    "Argentina": r"Argentina", "Chile": r"Chile", "Colombia": r"Colombia",
    "United Arab Emirates": r"United\s+Arab\s+Emirates|UAE", "Saudi Arabia": r"Saudi\s+Arabia",
    "South Africa": r"South\s+Africa", "Indonesia": r"Indonesia", "Malaysia": r"Malaysia",
    "Philippines": r"(?:the\s+)?Philippines", "Vietnam": r"Vi[eệ]t\s?Nam",
    "Europe": r"Europe", "APAC": r"APAC|Asia[\s-]Pacific", "North America": r"North\s+America",
    "Latin America": r"Latin\s+America|LATAM", "Middle East": r"Middle\s+East",
}
# Acronyms that must match in upper case only.
CASE_SENSITIVE = {"EEA", "EU", "UK", "United States", "China", "United Arab Emirates", "APAC", "Latin America"}


def _keys(canonical: str, pattern: str) -> tuple[str, ...]:
    """Literal keys for a COUNTRIES entry: its distinctive words, as written if an acronym else lower case."""
    words = re.findall(r"[A-Za-z][A-Za-z.]+", pattern.replace(r"\s+", " ").replace(r"\.", "."))
    keep = [w for w in words if w not in ("the", "of", "and", "Republic", "South", "North", "Northern", "United",
                                          "mainland", "SAR", "America", "Great", "Arab", "s")]
    return tuple(w if canonical in CASE_SENSITIVE else w.lower() for w in keep) or (canonical.lower(),)


KEYS_OF: dict[str, tuple[str, ...]] = {c: _keys(c, p) for c, p in COUNTRIES.items()} | {
    "Vietnam": ("viet",), "Middle East": ("middle east",), "New Zealand": ("zealand",), "Hong Kong": ("hong kong",),
    "Saudi Arabia": ("saudi",), "South Africa": ("south africa",),
}
