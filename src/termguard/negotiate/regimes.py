"""Per compliance regime: the sentence the rider's compliance clause commits the vendor to, and the argument
the brief gives the negotiator. Which regimes apply comes from the playbook's industry context."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Regime:
    commitment: str  # rider sentence
    argument: str  # why the vendor should agree, in the negotiator's words
    topics: tuple[str, ...]  # shortfalls the argument supports


_DATA = ("training.customer-content", "training.derived-data", "retention.period", "deletion.on-request",
         "subprocessors", "data-residency", "incident-notification", "compliance.regulatory", "audit-rights",
         "deletion.certification", "security.controls", "data-boundary", "logging.content")

REGIMES: dict[str, Regime] = {
    "GDPR": Regime(
        "Provider shall process personal data only as Customer's processor under the GDPR and the UK GDPR, on "
        "Customer's documented instructions, under a data processing agreement that incorporates the Standard "
        "Contractual Clauses for any transfer outside the EEA or the UK.",
        "Under GDPR Article 28 Customer may use only processors that give sufficient guarantees and bind them "
        "by contract to its instructions; training on personal data is a new purpose the customer cannot "
        "authorise without its own legal basis.", _DATA),
    "CCPA": Regime(
        "Provider shall act as a service provider under the CCPA and shall not sell or share personal "
        "information or use it outside the direct business relationship with Customer.",
        "The CCPA requires a service-provider contract that forbids use outside the business purpose; model "
        "training for the vendor's other customers is such a use.", _DATA),
    "HIPAA": Regime(
        "Before it receives any protected health information, Provider shall sign Customer's Business "
        "Associate Agreement under HIPAA, which prevails over the Agreement for that information.",
        "HIPAA requires a Business Associate Agreement before PHI is disclosed; without one the customer "
        "cannot lawfully use the service for patient data, so these terms are a condition of the deal.",
        _DATA + ("liability.data-breach", "remedies.termination")),
    "HITECH": Regime(
        "Provider shall notify Customer of any breach of unsecured protected health information in time for "
        "Customer to meet its HITECH Act notification duties.",
        "The HITECH Act puts breach-notification deadlines on the covered entity; the customer needs the "
        "vendor's notice well inside them.", ("incident-notification", "remedies.termination")),
    "GLBA": Regime(
        "Provider shall maintain the safeguards for customer financial information that the Gramm-Leach-Bliley "
        "Act Safeguards Rule requires of service providers.",
        "The GLBA Safeguards Rule requires the customer to oversee service providers by contract; regulators "
        "examine these clauses.", _DATA + ("access-control", "vulnerability-management")),
    "SOX": Regime(
        "Provider shall support Customer's Sarbanes-Oxley controls over financial reporting, including "
        "providing a SOC 1 Type II report where the Services affect them.",
        "Sarbanes-Oxley makes the customer's auditors rely on vendor controls; evidence of them is not optional.",
        ("audit-rights", "security.attestations", "logging.content", "change-of-terms")),
    "PCI DSS": Regime(
        "Where the Services could affect the security of payment card data, Provider shall comply with PCI DSS "
        "and acknowledge its responsibility for the card data it handles.",
        "PCI DSS requires a written acknowledgement of responsibility from every service provider that can "
        "affect card data.", ("data-boundary", "security.controls", "security.attestations")),
    "DORA": Regime(
        "Provider shall meet the contractual requirements for ICT third-party service providers of the Digital "
        "Operational Resilience Act, including audit access, incident reporting and exit support.",
        "DORA Article 30 lists clauses a financial entity's ICT contracts must contain: audit, incident "
        "reporting, exit and location of data; supervisors check them.",
        ("audit-rights", "incident-notification", "data-residency", "commercial.termination", "subprocessors",
         "deletion.on-request")),
    "FedRAMP": Regime(
        "Provider shall maintain a FedRAMP authorisation covering the Services at the impact level Customer "
        "requires.",
        "Federal agencies may use only FedRAMP-authorised cloud services; the authorisation package also "
        "answers most security questions.", ("security.attestations", "security.controls", "data-residency")),
    "FISMA": Regime(
        "Provider shall meet the FISMA and NIST SP 800-53 controls that apply to systems operated on Customer's "
        "behalf.",
        "FISMA makes the agency answerable for contractor systems; NIST SP 800-53 controls must be in the contract.",
        ("security.controls", "access-control", "logging.content", "incident-notification")),
    "CJIS": Regime(
        "Provider shall comply with the FBI CJIS Security Policy for any criminal justice information.",
        "The CJIS Security Policy binds every vendor that touches criminal justice information.",
        ("data-boundary", "access-control", "data-residency")),
    "public records law": Regime(
        "Provider acknowledges that Customer is subject to public records laws and shall preserve and produce "
        "Customer Data when Customer needs it to answer a request.",
        "A public body must be able to produce its records; a vendor that trains on them or deletes them on its "
        "own schedule puts that duty at risk.",
        ("retention.period", "deletion.on-request", "ownership.inputs-outputs")),
}


def regime_commitments(active: list[str]) -> str:
    """The rider sentences for the active regimes, in the playbook's order."""
    return " ".join(REGIMES[r].commitment for r in active if r in REGIMES)
