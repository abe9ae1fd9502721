"""termguard: review AI vendors' contracts against a playbook, clause by clause, offline."""

__version__ = "0.1.0"
