"""Money: ``amount`` (every money mention, float + currency code) and ``cap`` (liability cap summary).

"$50", "USD 100", "US$1,000,000", "€500", "£1 million", "100 euros", "one hundred dollars ($100)"
(one amount, raw covering the whole phrase), "fifty U.S. dollars". Bare "dollars" are taken as USD.
``cap`` returns, for each sentence that limits liability to an amount or to fees, one Parameter
whose value is a readable summary such as "greater of fees paid in prior 12 months or USD 100".
"""

from __future__ import annotations

import re

from termguard.extract._base import Anchored, make, ordered, sentence_bounds
from termguard.extract.fees import fee_multiple, fee_periods
from termguard.extract.numbers import DIGITS, WORDS, parse_digits, parse_words
from termguard.model.parameter import Parameter

MONEY = "money.v1"
CAP = "cap.v1"

_SYMBOLS = {"$": "USD", "us$": "USD", "u.s.$": "USD", "€": "EUR", "£": "GBP", "a$": "AUD", "c$": "CAD",
            "s$": "SGD", "¥": "JPY"}
_SYM = r"(?:U\.?S\.?\s?\$|[ACS]\$|\$|€|£|¥)"
_CODE = r"(?:USD|EUR|GBP|CAD|AUD|SGD|JPY|CHF|INR)"
_WORD_CUR = (r"(?:(?:U\.?S\.?|United\s+States|American|Canadian|Australian)\s+dollars?|dollars?|euros?|"
             r"(?:British\s+)?pounds?(?:\s+sterling)?|" + _CODE + r")")
_MULT = r"(?:\s?(?P<{p}m>million|thousand|billion|mm|m|k|bn)(?![\w]))?"
_NUM = rf"{DIGITS}"


def _sym_form(p: str) -> str:
    return rf"(?P<{p}s>{_SYM})\s?(?P<{p}n>{_NUM})" + _MULT.format(p=p)


def _code_form(p: str) -> str:
    return rf"(?P<{p}c>{_CODE})\s?(?P<{p}n>{_NUM})" + _MULT.format(p=p)


_AMOUNT_RE = re.compile(
    r"(?i)(?<![\w$€£])(?:"
    # "one hundred dollars ($100)", "100 U.S. dollars (US$100)", "fifty U.S. dollars"
    rf"(?:(?P<ww>{WORDS})|(?P<wn>{_NUM}))" + _MULT.format(p="w") + rf"\s+(?P<wc>{_WORD_CUR})(?![\w])"
    rf"(?:\s*\(\s*(?:{_sym_form('q')}|{_code_form('r')})\s*\))?"
    rf"|{_sym_form('s')}(?:\s+(?P<sc>{_CODE})(?![\w]))?"
    rf"|{_code_form('c')}"
    r")"
)
_AMOUNT_ANCHORED = Anchored(_AMOUNT_RE, ("$", "€", "£", "¥", "usd", "eur", "gbp", "cad", "aud", "sgd", "jpy", "chf",
                                        "inr", "dollar", "pound"), 90, 60)
_SCALE = {"thousand": 1e3, "k": 1e3, "million": 1e6, "m": 1e6, "mm": 1e6, "billion": 1e9, "bn": 1e9}


def _currency_of_word(word: str) -> str:
    w = word.lower()
    if w.upper() in ("USD", "EUR", "GBP", "CAD", "AUD", "SGD", "JPY", "CHF", "INR"):
        return w.upper()
    if "euro" in w:
        return "EUR"
    if "pound" in w:
        return "GBP"
    if "canadian" in w:
        return "CAD"
    if "australian" in w:
        return "AUD"
    return "USD"


def _scaled(number: float, mult: str | None) -> float:
    return number * _SCALE[mult.lower()] if mult else number


def _part(m: re.Match[str], p: str) -> tuple[float, str] | None:
    """(value, currency) of the symbol- or code-form with prefix ``p``, if it matched."""
    num = m.group(f"{p}n")
    if num is None:
        return None
    cur = m.groupdict().get(f"{p}s") or m.groupdict().get(f"{p}c") or ""
    currency = _SYMBOLS.get(re.sub(r"\s", "", cur.lower()), cur.upper())
    return _scaled(float(parse_digits(num)), m.group(f"{p}m")), currency


def format_amount(value: float, currency: str) -> str:
    """"USD 1,000" / "EUR 2.50"."""
    return f"{currency} {value:,.0f}" if float(value).is_integer() else f"{currency} {value:,.2f}"


def amounts(text: str, base: int = 0) -> list[Parameter]:
    """Every money mention as an ``amount`` Parameter (value float, unit currency code)."""
    out: list[Parameter] = []
    for m in _AMOUNT_ANCHORED.finditer(text):
        note = None
        if m.group("wc"):
            words = m.group("ww")
            number = float(parse_words(words) or 0) if words else float(parse_digits(m.group("wn")))
            value, currency = _scaled(number, m.group("wm")), _currency_of_word(m.group("wc"))
            paren = _part(m, "q") or _part(m, "r")
            if paren and paren[0] != value:
                note = f"words say {value:g}, figures say {paren[0]:g}; figures used"
            if paren:
                value, currency = paren
        else:
            part = _part(m, "s") or _part(m, "c")
            assert part is not None
            value, currency = part
            if m.groupdict().get("sc"):
                currency = m.group("sc").upper()
        out.append(make("amount", value, text, m.start(), m.end(), base, MONEY, currency, note))
    return out


_LIABILITY = re.compile(r"(?i)\bliabilit(?:y|ies)\b|\bliable\b|\bdamages\b")
_LIMIT = re.compile(
    r"(?i)\b(?:(?:shall|will|may|does|do|to)\s+not\s+exceed|not\s+(?:to\s+)?exceed|exceed|limited\s+to|"
    r"in\s+excess\s+of|capped\s+at|cap\b|maximum|up\s+to)\b"
)
_FEES_REF = re.compile(
    r"(?i)\b(?:(?:subscription\s+|service\s+)?fees?|amounts?|sums?|charges?)\b[^.;]{0,60}?"
    r"\b(?:paid|payable|consumed|received|spent)\b(?:\s+or\s+payable)?"
)
_GREATER = re.compile(r"(?i)\b(?:greater|higher|larger|more)\s+of\b|whichever\s+is\s+(?:greater|higher|more)")
_LESSER = re.compile(r"(?i)\b(?:lesser|lower|smaller|less)\s+of\b|whichever\s+is\s+(?:less|lower|smaller)")


def _fee_phrase(sentence: str, limit_at: int) -> str | None:
    fees = _FEES_REF.search(sentence, limit_at)
    if not fees:
        return None
    word = "amounts" if re.match(r"(?i)amount|sum", fees.group(0)) else "fees"
    payable = " or payable" if re.search(r"(?i)payable", fees.group(0)) else ""
    phrase = f"{word} paid{payable}"
    periods = fee_periods(sentence)
    if periods:
        phrase += f" in prior {periods[0][2]} months"
    multiples = fee_multiple(sentence)
    if multiples:
        phrase = f"{multiples[0].value:g}x {phrase}"
    return phrase


_LIABILITY_KEYS = Anchored(_LIABILITY, ("liabilit", "liable", "damages"), 5, 20)


def _liability_sentences(text: str) -> list[tuple[int, int]]:
    """Sentences (trimmed) that mention liability, in order, each once."""
    out: list[tuple[int, int]] = []
    for pos in _LIABILITY_KEYS.hits(text):
        if out and pos < out[-1][1]:
            continue
        s, e = sentence_bounds(text, pos, pos)
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s and (not out or s >= out[-1][1]):
            out.append((s, e))
    return out


def cap(text: str, base: int = 0) -> list[Parameter]:
    """Liability-cap sentences (``cap``, readable summary) plus every ``amount`` in the text."""
    out = amounts(text, base)
    for s, e in _liability_sentences(text):
        sentence = text[s:e]
        limit = _LIMIT.search(sentence)
        if not (limit and _LIABILITY.search(sentence)):
            continue
        parts: list[str] = []
        fee = _fee_phrase(sentence, limit.start())
        if fee:
            parts.append(fee)
        parts += [format_amount(float(p.value), p.unit or "") for p in amounts(sentence)  # type: ignore[arg-type]
                  if p.value]
        if not parts:
            continue
        summary = "; ".join(dict.fromkeys(parts))
        if len(parts) >= 2 and (_GREATER.search(sentence) or _LESSER.search(sentence)):
            word = "greater" if _GREATER.search(sentence) else "lesser"
            summary = f"{word} of {parts[0]} or {' or '.join(parts[1:])}"
        out.append(make("cap", summary, text, s, e, base, CAP, None, None))
    return ordered(out)
