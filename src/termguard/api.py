"""The public Python API.

    from termguard.api import review
    report = review("vendor-dpa.pdf", playbook="strict")
    for f in report.findings: print(f.topic, f.position, f.status.value)
"""

from termguard.pipeline import analyse, review
from termguard.report.json_report import report_to_dict

__all__ = ["analyse", "review", "report_to_dict"]
