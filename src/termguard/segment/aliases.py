"""Defined terms read as what they stand for: “Target Texts” means the translations the API returns → outputs.

Vendors name their content classes after their product ("Renders", "Fit Scores", "Service Generated Data").
The topic rules are written against the ordinary words (outputs, customer content, usage data, feedback), so
each document gets a *matching view* of its text in which every use of such a defined term is overwritten by
the ordinary word, padded with spaces to the same length. Offsets are unchanged, so every match still points
into the original text, and quotes are always cut from the original.

A term is classed from the words of its own definition; terms already named in ordinary words, and terms for
the service, the parties or the agreement, are left alone.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from termguard.model import Definition


@dataclass(frozen=True)
class Alias:
    term: str
    kind: str  # outputs | content | usage | feedback
    canonical: str  # the word written over the term in the matching view
    occurrences: int


# Longest first: the first that fits in the term's length is written over it.
_CANONICAL: dict[str, tuple[tuple[str, str], ...]] = {
    # (singular, plural)
    "outputs": (("output", "outputs"),),
    "content": (("customer content", "customer content"), ("customer data", "customer data"),
                ("input", "inputs")),
    "usage": (("usage data", "usage data"), ("telemetry", "telemetry")),
    "feedback": (("feedback", "feedback"),),
}

# The term itself already says what it is: nothing to gain from rewriting it.
_ALREADY_PLAIN = re.compile(
    r"\b(?:outputs?|responses?|completions?|suggestions?|inputs?|prompts?|feedback|telemetry|usage|"
    r"(?:customer|client|your|user)\s+(?:content|data|materials?)|content|personal\s+data|"
    r"personal\s+information)\b", re.IGNORECASE)
# Terms for the service, the parties, the paper, places and time are never content classes.
_NOT_CONTENT = re.compile(
    r"\b(?:services?|platform|api|software|application|apps?|products?|models?|agreement|terms|addendum|"
    r"order|schedule|annex|exhibit|documentation|account|customer|client|user|party|parties|affiliates?|"
    r"provider|processor|controller|supplier|vendor|company|fees?|term|period|date|region|territory|"
    r"law|policy|subscription|features?|tools?|workspace|sub-?processors?|personnel|authori[sz]ed|"
    r"(?:pro|free|basic|premium|business|enterprise|team|starter|paid|subscription|service|pricing)\s+plan)s?$",
    re.IGNORECASE)
_DATA_NOUN = re.compile(
    r"\b(?:data|content|text|texts|information|materials?|audio|images?|video|files?|code|recordings?|"
    r"transcripts?|outputs?|responses?|results?|messages?|documents?|scores?|rankings?|insights?|"
    r"suggestions?|summar\w+|translations?|predictions?|metadata|logs?|statistics|records?|works?|speech|"
    r"voices?|renderings?|answers?|completions?|generations?|artefacts?|artifacts?)\b", re.IGNORECASE)
_FEEDBACK = re.compile(
    r"\b(?:(?:observations?|evaluations?)\s+(?:or\s+\w+\s+)?(?:about|on|of|regarding|relating)|feedback|ratings?|thumbs|comments?\s+(?:about|on|regarding)|suggestions?\s+(?:about|for|regarding|"
    r"to\s+improve)|ideas?\s+(?:about|for)|bug\s+reports?)\b", re.IGNORECASE)
_USAGE = re.compile(
    r"\b(?:usage|telemetry|meta-?data|diagnostic\w*|(?:usage|access|error|system|server|activity|request|event)\s+logs?|logs\b(?!\s+entr)|analytics|statistic\w*|performance\s+data|"
    r"(?:information|data)\s+(?:about|on|regarding|relating\s+to|concerning)\s+(?:the\s+|your\s+|its\s+)?"
    r"(?:use|operation|performance)|how\s+(?:you|the\s+customer|customers?|users?)\s+(?:use|interact)\w*|"
    r"aggregated?|de-?identified|anonymi[sz]ed)\b", re.IGNORECASE)
_OUTPUT = re.compile(
    r"\b(?:outputs?|generat\w+|produced|returned|returns?|responses?|results?|completions?|translat(?:ed|ions?)|"
    r"synthesi[sz]ed|transcri(?:bed|pts?|ptions?)|summar(?:y|ies|ised|ized)|rendered|renderings?|created\s+by|"
    r"predictions?|scores?|rankings?|recommendations?|insights?)\b", re.IGNORECASE)
_INPUT = re.compile(
    r"\b(?:inputs?|prompts?|submit\w*|upload\w*|provided\s+(?:by|to)|(?:you|customer|client|users?)\s+"
    r"(?:provides?|sends?|suppl(?:y|ies)|submits?|enters?|makes?\s+available|shares?)|sent\s+to|supplied|"
    r"made\s+available|transmitt\w+|entered|recordings?|files?)\b", re.IGNORECASE)
_INPUT_ACT = re.compile(r"submit|upload|provid|send|sent|suppl|enter|share|transmitt|made\s+available|makes?\s+available",
                        re.IGNORECASE)
_QUOTES = "\"“”'‘’*_"
_MEANS_AFTER = re.compile(r"^\W{0,4}\s*(?:\([^)]{0,60}\)\s*)?(?:[—–]|:\s|(?:means|shall mean|refers to|is defined as|"
                          r"includes|shall include)\b)", re.IGNORECASE)


# The term's own head word must name data ("Target Texts", "Fit Scores", "Operating Data"), not a thing or act.
_HEAD_NOUN = re.compile(
    r"\b(?:data|content|texts?|information|materials?|audio|images?|video|files?|code|recordings?|"
    r"transcripts?|results?|messages?|documents?|scores?|insights?|summar(?:y|ies)|translations?|"
    r"predictions?|metadata|logs?|statistics|records?|speech|renders?|renderings?|answers?|generations?|"
    r"creations?|artefacts?|artifacts?|signals?|observations?|metrics|conversations?|chats?|drafts?|"
    r"notes|clips?|work\s+product|deliverables?|forecasts?|designs?|plans?|recommendations?|estimates?|analys[ie]s|"
    r"predictions?|reports?)$", re.IGNORECASE)
_WORK_PRODUCT = re.compile(r"\bwork\s+product$", re.IGNORECASE)  # "Work Product": results, not a product
_ACCOUNT = re.compile(r"\b(?:account|billing|contact|payment|registration|order|purchase)\b", re.IGNORECASE)
_USAGE_TERM = re.compile(r"\b(?:aggregat\w*|de-?identified|anonymi[sz]ed|telemetr\w*|diagnostic|metrics?|"
                         r"usage|operat\w+|system|service|technical|analytics|logs?)\b", re.IGNORECASE)


def classify_definition(term: str, body: str, inline: bool = False) -> str | None:
    """The content class a defined term stands for, from the words of its definition; None when it is none.

    A "means" definition says what the term is first; an inline one ("… files participants bring into a
    meeting (“Meeting Material”)") names what stands just before it, so there the last cue decides.
    """
    if (_ALREADY_PLAIN.search(term) or (_NOT_CONTENT.search(term) and not _WORK_PRODUCT.search(term))
            or _ACCOUNT.search(term) or not _HEAD_NOUN.search(term)):
        return None
    head = body[-220:] if inline else body[:220]
    if not _DATA_NOUN.search(head):
        return None
    if _FEEDBACK.search(head):
        return "feedback"
    inputs = list(_INPUT.finditer(head))
    usage = _USAGE.search(head)
    if usage and (not inputs or (not inline and usage.start() < inputs[0].start())):
        return "usage"
    if _USAGE_TERM.search(term) and not inputs:
        return "usage"
    outputs = list(_OUTPUT.finditer(head))
    if not outputs:
        return "content" if inputs else None
    if not inputs:
        return "outputs"
    if any(_INPUT_ACT.search(m.group(0)) for m in inputs):
        return "content"  # the customer's own inputs and what is made from them: "audio, transcripts and notes"
    if inline:
        return "outputs" if outputs[-1].start() > inputs[-1].start() else "content"
    return "outputs" if outputs[0].start() < inputs[0].start() else "content"


def definition_body(defn: Definition) -> tuple[str, bool]:
    """What the definition says of its term (the words after "means", or before an inline (“Term”)), and
    whether it was inline."""
    text = defn.text
    i = text.find(defn.term)
    if i < 0:
        return text, False
    after = text[i + len(defn.term):]
    if _MEANS_AFTER.match(after):
        return _MEANS_AFTER.sub("", after, count=1), False
    before = text[:i].rstrip(" (" + _QUOTES)
    # An inline definition names what precedes it, back to the previous clause break.
    cut = max(before.rfind(c) for c in (";", ")", ":"))
    return before[cut + 1:][-220:], True


def _occurrences(term: str) -> re.Pattern[str]:
    """The term, singular or plural. It starts with the literal so the scan is a fast substring search; the
    word boundary before it is checked by `_starts_word`."""
    stem = term[:-1] if term.endswith("s") and len(term) > 4 else term
    return re.compile(re.escape(stem) + r"(?:s|es)?(?![\w-])")


def _starts_word(text: str, at: int) -> bool:
    return at == 0 or not (text[at - 1].isalnum() or text[at - 1] in "_-")


def _fits(kind: str, length: int, plural: bool) -> str | None:
    for singular, plural_form in _CANONICAL[kind]:
        word = plural_form if plural else singular
        if len(word) <= length:
            return word
    return None


# The vendor named as a party: "Verbalis GmbH (“Verbalis”)", "(the “Supplier”)", "(“Lumora”, “we”, “us”)".
_PARTY_DEF = re.compile(
    r"\(\s*(?:the\s+)?[\"“”'‘’*_]{1,3}(?P<term>[A-Z][\w&.\-]*(?: [A-Z][\w&.\-]*){0,3})[\"“”'‘’*_]{1,3}"
    r"(?P<more>\s*(?:,|and|or)[^)]{0,60})?\)")
_COMPANY = re.compile(r"\b(?:GmbH|AG|SE|Ltd|Limited|Inc|LLC|L\.L\.C|Corp|Corporation|Pte|S\.A|SAS|B\.V|N\.V|"
                      r"S\.r\.l|Pty|PLC|plc|Co|Labs?|Technologies|Software)\b")
_VENDOR_ROLE = re.compile(r"(?:Supplier|Provider|Service Provider|Vendor|Company|Licensor|Processor|Contractor)")
_NOT_VENDOR = re.compile(r"(?i:customer|client|licensee|subscriber|controller|users?|you|buyer|purchaser|"
                         r"agreement|terms|dpa|order|services?|platform|api|parties|party|affiliates?)")
_SUBJECT_NEXT = re.compile(r"\s+(?:[a-z]+ly\s+)?(?:may|will|shall|must|can|could|would|does|do|did|is|are|was|has|"
                           r"have|won|doesn|never|not|also|only|[a-z]+s)\b")
_PREPOSITION_BEFORE = re.compile(r"(?:\b(?:of|to|with|in|on|from|by|into|use|using|for|via|through|about|at)\s+|[\w-])$",
                                 re.IGNORECASE)


def vendor_terms(text: str) -> list[str]:
    """Names the document gives the vendor as a party (the first company so defined, and role names)."""
    found: list[str] = []
    defs = [m for m in _PARTY_DEF.finditer(text[:20000] if len(text) > 20000 else text)
            if not _NOT_VENDOR.fullmatch(m.group("term").strip()) and len(m.group("term").strip()) >= 3]
    # A party defined by its role ("Provider") or as "we" names the vendor for certain; only without one is the
    # first company defined taken to be the vendor (a customer may be a company too: "Acme Pharma Inc (“Sponsor”)").
    sure = [m for m in defs if _VENDOR_ROLE.fullmatch(m.group("term").strip())
            or re.search(r"\b(?:we|us)\b", m.group("more") or "")]
    for m in sure or [m for m in defs if _COMPANY.search(text[max(0, m.start() - 200):m.start()])][:1]:
        term = m.group("term").strip()
        if term not in found:
            found.append(term)
    # Role names used as parties without a definition ("| Supplier | Precedentia Ltd |", "the Processor shall") —
    # only when no party definition names the vendor: "Provider" may be a third-party model provider.
    for role in ("Supplier", "Service Provider", "Provider", "Vendor", "Licensor", "Processor", "Company"):
        if not found and text.count("the " + role) + text.count("The " + role) >= 2:
            found.append(role)
    return found


def _overwrite_party(text: str, chars: list[str], terms: list[str], possessive: str,
                     word_for: Callable[[re.Match[str], int, int], str | None]) -> int:
    """Write an ordinary word over each use of a party's name (with "the " before it taken in), as `word_for`
    chooses; the defining quote itself stays as written. Returns how many uses were rewritten."""
    count = 0
    for term in terms:
        # A literal start keeps the scan fast; the word boundary and "the " before it are checked by hand.
        rx = re.compile(re.escape(term) + rf"(?P<poss>{possessive})?(?![\w-])")
        for m in rx.finditer(text):
            s, e = m.span()
            if not _starts_word(text, s) or (s > 0 and text[s - 1] in _QUOTES) or (e < len(text) and text[e] in _QUOTES):
                continue
            if text[max(0, s - 4):s] in ("the ", "The "):
                s -= 4
            word = word_for(m, s, e)
            if word is None or len(word) > e - s:
                continue
            chars[s:e] = list(word.ljust(e - s))
            count += 1
    return count


def _party_view(text: str, chars: list[str], terms: list[str]) -> int:
    """Write "we"/"our" over the vendor's name where it is the subject or a possessive."""
    def word_for(m: re.Match[str], s: int, e: int) -> str | None:
        if m.group("poss"):
            return "our"
        if _SUBJECT_NEXT.match(text, e) and not _PREPOSITION_BEFORE.search(text, max(0, s - 12), s):
            return "we"
        return None
    return _overwrite_party(text, chars, terms, "[’']s?", word_for)


# The customer named by its role ("the Client shall", "the Licensee's data"): the rules say "you" or "customer".
_CUSTOMER_ROLES = ("Client", "Licensee", "Subscriber", "Buyer", "Purchaser")


_NOT_A_PARTY = re.compile(r"\b(?:agreement|terms|contract|addendum|schedule|exhibit|annex|api|features?|services?|"
                          r"platform|policy|order|form|act|regulation|law|data|content|program|plan|product)s?$",
                          re.IGNORECASE)
_PARTY_NAME = re.compile(r"(?:[A-Z][\w&.\-]*)(?: [A-Z][\w&.\-]*)?")


def customer_terms(text: str, vendors: list[str] | None = None) -> list[str]:
    """Names the document gives the customer as a party: role names used as parties ("the Client", "Client
    owns"), and any other party defined in the opening ("the City of Tacoma (the “City”)") that is not the
    vendor and is then used as a party at least three times."""
    found = [r for r in _CUSTOMER_ROLES
             if text.count("the " + r) + text.count("The " + r) >= 2 or text.count(r + " ") >= 4]
    vendors = vendors if vendors is not None else vendor_terms(text)
    if not vendors:
        return found  # without a known vendor, a defined party could be either side
    for m in _PARTY_DEF.finditer(text[:4000]):
        term = m.group("term").strip()
        if (term in found or term in vendors or _NOT_VENDOR.fullmatch(term)
                or _VENDOR_ROLE.fullmatch(term) or _NOT_A_PARTY.search(term) or not _PARTY_NAME.fullmatch(term)
                or len(term) < 3 or sum(c.isupper() for c in term) > len(term.split()) ):
            continue  # documents, features, laws and acronyms are not parties
        acts = re.findall(r"(?<![\w-])(?:[Tt]he\s+)?" + re.escape(term)
                          + r"\s+(?:shall|will|may|must|agrees?|acknowledges?|owns?|retains?|grants?|provides?|pays?|"
                          r"represents?|warrants?|is\s+responsible)\b", text)
        if len(acts) >= 2:
            found.append(term)
    return found


def _customer_view(text: str, chars: list[str], terms: list[str]) -> int:
    """Write "you"/"your" over the customer's name ("the Client" → "you", "Client's" → "your")."""
    def word_for(m: re.Match[str], s: int, e: int) -> str:
        # "Client's" and "the Client Materials" are possessive; "the Client shall" is the party itself.
        compound = re.match(r" [A-Z]", text[e:e + 2]) is not None
        return "your" if m.group("poss") or compound else "you"
    return _overwrite_party(text, chars, terms, "[’']s", word_for)


def matching_view(text: str, definitions: tuple[Definition, ...] | list[Definition]) -> tuple[str, tuple[Alias, ...]]:
    """The text with defined content terms and the vendor's name overwritten by ordinary words of the same
    length, and the aliases made."""
    chars = list(text)
    aliases: list[Alias] = []
    vendors = vendor_terms(text)
    parties = _party_view(text, chars, vendors) if vendors else 0
    if parties:
        aliases.append(Alias(", ".join(vendors), "vendor", "we", parties))
    customers = customer_terms(text, vendors)
    served = _customer_view(text, chars, customers) if customers else 0
    if served:
        aliases.append(Alias(", ".join(customers), "customer", "you", served))
    kinds = {d.term: classify_definition(d.term, *definition_body(d)) for d in definitions}
    content_terms = [t for t, k in kinds.items() if k in ("content", "outputs")]
    for defn in definitions:
        kind = kinds[defn.term]
        body = definition_body(defn)[0][:60]
        if kind == "usage" and any(t in body for t in content_terms if t != defn.term):
            kind = "content"  # "Developer Materials: Audio together with vocabulary and metadata you supply"
        if kind is None:
            continue
        count = 0
        canonical = ""
        for m in _occurrences(defn.term).finditer(text):
            s, e = m.span()
            if not _starts_word(text, s):
                continue
            if (s > 0 and text[s - 1] in _QUOTES) or (e < len(text) and text[e] in _QUOTES):
                continue  # the defining quote itself stays as written
            word = _fits(kind, e - s, text[s:e].endswith("s"))
            if word is None:
                continue
            chars[s:e] = list(word.ljust(e - s))
            count += 1
            canonical = word
        if count:
            aliases.append(Alias(defn.term, kind, canonical, count))
    return ("".join(chars) if aliases else text), tuple(aliases)
