"""Hits + parameters + playbook → findings, one per catalogue topic (silent included)."""
