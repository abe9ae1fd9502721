"""The negotiation pack: rider, annotated vendor DOCX, brief, security checklist, shared-responsibility table.

Everything here reads a finished Report and the playbook; nothing re-runs the analysis except the rider
self-check, which reviews the generated rider with the project's own pipeline.
"""
