"""Data policy: what the contract lets the vendor do with each of the organisation's data tiers, vs. the policy."""

from termguard.policy.evaluate import evaluate_data_policy

__all__ = ["evaluate_data_policy"]
