"""Which optional parts of termguard are installed: the register, the negotiation pack, compare and diff.

They are separate packages built alongside the web app. A feature counts as available only when its module
imports and has the entry point the web app calls, so a half-landed package shows "not available" rather
than a server error. Asked per request (cheap after the first import), never cached wrongly.
"""

from __future__ import annotations

import importlib

# feature → (module, attribute the web app calls)
FEATURES = {
    "register": ("termguard.store", "Register"),
    "negotiate": ("termguard.negotiate.pack", "build_pack"),
    "compare": ("termguard.compare", "compare"),
    "diff": ("termguard.diff", "diff"),
}


def available(feature: str) -> bool:
    module, attr = FEATURES[feature]
    try:
        return hasattr(importlib.import_module(module), attr)
    except Exception:  # noqa: BLE001 - an optional package that fails to import is simply not available
        return False


def all_features() -> dict[str, bool]:
    return {name: available(name) for name in FEATURES}
