"""Which findings decide each data tier, and how a topic's position translates into a training allowance.

Kept as data, separate from the evaluation, so a reviewer can read the whole mapping on one screen.
"""

from __future__ import annotations

# Allowances, least to most permissive. `unknown` (topic not assessed) sorts apart and is never "worse".
ALLOWANCES = ("none", "with-consent", "with-guardrails", "unless-opt-out", "not-addressed", "unrestricted")

ALLOWANCE_TEXT = {
    "none": "may not use it for training",
    "with-consent": "may use it for training only if the customer opts in",
    "with-guardrails": "may use it to improve the service, under guardrails",
    "unless-opt-out": "may use it for training unless the customer opts out",
    "not-addressed": "is not restricted: the contract is silent",
    "unrestricted": "may use it to train or develop models and products",
    "unknown": "could not be assessed (topic rules not installed)",
}

# The findings that decide each tier: the most permissive of them wins.
TIER_TOPICS: dict[str, tuple[str, ...]] = {
    "threat-telemetry": ("training.derived-data",),
    "workflow-metadata": ("training.derived-data", "training.feedback"),
    "public-content": ("training.customer-content",),
    "user-content": ("training.customer-content", "training.outputs", "training.retrieval-data"),
    "proprietary-content": ("training.customer-content", "training.retrieval-data", "training.fine-tuning"),
    "personal-data": ("training.customer-content", "training.derived-data"),
    "regulated-data": ("training.customer-content", "training.derived-data"),
}

TIER_TITLES = {
    "threat-telemetry": "Threat telemetry",
    "workflow-metadata": "Workflow metadata",
    "public-content": "Public content",
    "user-content": "User content",
    "proprietary-content": "Proprietary content (pricing, roadmaps, source code)",
    "personal-data": "Personal data",
    "regulated-data": "Regulated data (health, payment)",
}

# topic → position → allowance. `silent` is handled by the evaluator.
POSITION_ALLOWANCE: dict[str, dict[str, str]] = {
    "training.customer-content": {"prohibited": "none", "opt-in": "with-consent", "opt-out": "unless-opt-out",
                                  "permitted": "unrestricted"},
    "training.outputs": {"no-use": "none", "service-only": "none", "permitted": "unrestricted"},
    "training.retrieval-data": {"customer-controlled": "none", "vendor-use": "unrestricted"},
    "training.fine-tuning": {"isolated-owned": "none", "exclusive": "with-guardrails", "unclear": "not-addressed"},
    "training.derived-data": {"narrow": "with-guardrails", "broad": "unrestricted"},
    "training.feedback": {"safety-only": "none", "service-only": "with-guardrails", "any-purpose": "unrestricted"},
}

# De-identified, aggregated derived data is no longer personal or regulated data: a narrow clause removes it.
TIER_OVERRIDES: dict[tuple[str, str, str], str] = {
    ("personal-data", "training.derived-data", "narrow"): "none",
    ("regulated-data", "training.derived-data", "narrow"): "none",
}

# Guardrails a position evidences (position ids from the topic catalogue).
POSITION_GUARDRAILS: dict[tuple[str, str], tuple[str, ...]] = {
    ("training.derived-data", "narrow"): ("purpose-limitation", "aggregation", "no-general-model"),
    ("training.feedback", "service-only"): ("purpose-limitation",),
    ("training.feedback", "safety-only"): ("purpose-limitation",),
    ("training.fine-tuning", "exclusive"): ("purpose-limitation", "no-general-model"),
    ("training.fine-tuning", "isolated-owned"): ("purpose-limitation", "no-general-model", "deletion"),
    ("training.model-isolation", "certified"): ("no-general-model",),
    ("training.model-isolation", "promised"): ("no-general-model",),
    ("deletion.on-request", "request-and-termination"): ("deletion",),
    ("deletion.on-request", "termination-only"): ("deletion",),
}

# The most permissive allowance each policy decision tolerates.
DECISION_CEILING = {"deny": "with-consent", "allow-with-guardrails": "with-guardrails", "allow": "unrestricted"}
