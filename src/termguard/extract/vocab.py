"""Vocabularies of what data and which controls a clause names: ``data_classes`` and ``controls``.

Data classes: "personal data", "PHI", "payment card data", "credentials", "private keys", "secrets",
"biometric data", "children's data", "special categories". Controls: "encryption at rest",
"encryption in transit", "customer-managed keys", "MFA", "least privilege", "access revocation",
"logging and monitoring", "key management", "vulnerability scanning".
"""

from __future__ import annotations

from termguard.extract._base import Term, TermTable
from termguard.model.parameter import Parameter

DATA_CLASSES = "data_classes.v1"
CONTROLS = "controls.v1"

_DATA_TERMS = [
    Term("special categories", r"special\s+categor(?:y|ies)\s+of\s+(?:personal\s+)?(?:data|information)|"
         r"sensitive\s+personal\s+(?:data|information)|sensitive\s+data"),
    Term("PHI", r"(?:electronic\s+)?protected\s+health\s+information|(?:personal\s+)?health\s+(?:data|information)|"
         r"medical\s+(?:data|information|records)"),
    Term("PHI", r"e?PHI", case=True),
    Term("children's data", r"children[’']?s\s+(?:personal\s+)?(?:data|information)|(?:personal\s+)?(?:data|"
         r"information)\s+(?:of|from|about)\s+(?:children|minors)|children\s+under\s+(?:the\s+age\s+of\s+)?\d+"),
    Term("personal data", r"personal(?:ly\s+identifiable)?\s+(?:data|information)"),
    Term("personal data", r"PII", case=True),
    Term("payment card data", r"(?:payment|credit|debit)\s+card\s+(?:data|information|numbers?|details)|"
         r"cardholder\s+data|primary\s+account\s+numbers?"),
    Term("payment card data", r"PCI\s+data|PAN", case=True),
    Term("biometric data", r"biometric(?:\s+(?:data|information|identifiers?))?"),
    Term("private keys", r"private\s+(?:encryption\s+|signing\s+|SSH\s+)?keys?"),
    Term("credentials", r"(?:login\s+|account\s+|user\s+)?credentials|passwords?|passphrases?"),
    Term("secrets", r"(?<!trade\s)secrets(?!\s+of)|API\s+keys?|access\s+tokens?|auth(?:entication)?\s+tokens?"),
]

_CONTROL_TERMS = [
    Term("encryption in transit", r"encrypt(?:ed|ion|s)?\s+(?:(?!at\b|in\b)\w+\s+){0,4}?in\s+transit|"
         r"in[\s-]transit\s+encryption|Transport\s+Layer\s+Security"),
    Term("encryption at rest", r"encrypt(?:ed|ion|s)?\s+(?:(?!at\b|in\b)\w+\s+){0,4}?at\s+rest|"
         r"at[\s-]rest\s+encryption"),
    Term("encryption in transit", r"TLS(?:\s*v?1\.[23])?|HTTPS", case=True),
    Term("encryption at rest", r"(?:and|or|&)\s+at\s+rest(?=[\s,.;)]|$)"),
    Term("encryption in transit", r"(?:and|or|&)\s+in\s+transit(?=[\s,.;)]|$)"),
    Term("customer-managed keys", r"customer[\s-]managed(?:\s+encryption)?\s+keys?|bring\s+your\s+own\s+keys?|"
         r"customer[\s-]supplied\s+(?:encryption\s+)?keys?"),
    Term("customer-managed keys", r"CMEK|CMKs?|BYOK|HYOK", case=True),
    Term("MFA", r"multi[\s-]?factor\s+authenticat(?:ion|e)|two[\s-]factor\s+authenticat(?:ion|e)|"
         r"2-step\s+verification"),
    Term("MFA", r"MFA|2FA", case=True),
    Term("least privilege", r"(?:principle\s+of\s+)?least[\s-]privilege(?:d)?|need[\s-]to[\s-]know"),
    Term("access revocation", r"revo(?:ke|king|cation\s+of)\s+(?:\w+\s+){0,2}?access|access\s+(?:is\s+)?"
         r"revo(?:ked|cation)|de-?provision(?:ing|ed)?"),
    Term("key management", r"key\s+management|key\s+rotation|rotat(?:e|ion\s+of)\s+(?:encryption\s+)?keys"),
    Term("vulnerability scanning", r"vulnerability\s+(?:scan(?:s|ning)?|assessments?|management)"),
    Term("logging and monitoring", r"(?:audit\s+|access\s+|security\s+)?logging|audit\s+logs?|access\s+logs|"
         r"(?:security\s+)?monitoring|intrusion\s+detection|SIEM"),
]

_DATA_KEYS = ("special categor", "sensitive", "health", "medical", "PHI", "children", "minors", "personal", "PII",
              "card", "primary account", "PCI", "PAN", "biometric", "private", "credential", "password",
              "passphrase", "secret", "api key", "token")
_CONTROL_KEYS = ("encrypt", "transit", "at rest", "at-rest", "transport layer", "TLS", "HTTPS", "managed", "supplied",
                 "bring your own", "CMEK", "CMK", "BYOK", "HYOK", "factor", "MFA", "2FA", "2-step", "least",
                 "need", "revo", "provision", "key management", "key rotation", "rotat", "vulnerabilit", "logging",
                 "audit log", "access log", "monitoring", "intrusion", "SIEM")
_DATA_TABLE = TermTable("data_classes", DATA_CLASSES, _DATA_TERMS, _DATA_KEYS, reach=60)
_CONTROL_TABLE = TermTable("controls", CONTROLS, _CONTROL_TERMS, _CONTROL_KEYS)


def data_classes(text: str, base: int = 0) -> list[Parameter]:
    """Kinds of data named (personal data, PHI, payment card data, credentials, ...)."""
    return _DATA_TABLE(text, base)


def controls(text: str, base: int = 0) -> list[Parameter]:
    """Security controls named (encryption at rest / in transit, CMK, MFA, least privilege, ...)."""
    return _CONTROL_TABLE(text, base)
