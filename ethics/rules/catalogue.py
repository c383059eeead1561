"""The rule catalogue (data), the flag and verdict values, and the helper that makes a flag."""

from __future__ import annotations

from dataclasses import dataclass

BLOCK = "block"
REVIEW = "review"


@dataclass(frozen=True)
class Rule:
    """One catalogue entry: what the rule checks and where it comes from."""

    id: str
    severity: str
    principle: str
    description: str


@dataclass(frozen=True)
class Flag:
    """One broken rule in one document, with the words or field that show it."""

    rule: str
    severity: str
    principle: str
    message: str
    evidence: str

    def to_dict(self) -> dict:
        return {"rule": self.rule, "severity": self.severity, "principle": self.principle,
                "message": self.message, "evidence": self.evidence}


@dataclass(frozen=True)
class Verdict:
    """The outcome of a check: ``block`` if any flag blocks, ``flag`` if only reviews, else ``pass``."""

    verdict: str
    rules_version: str
    flags: tuple[Flag, ...]

    def to_dict(self) -> dict:
        return {"verdict": self.verdict, "rules_version": self.rules_version,
                "flags": [flag.to_dict() for flag in self.flags]}


EPP = "ILO GP&OG general principle 7 / Employer Pays Principle"
RULES = (
    Rule("worker-fees", BLOCK, EPP,
         "Workers must not pay any recruitment fee (placement, registration, agency or processing fee), whether in "
         "the worker_fees field or in the text, under any name (\"management costs\", \"contribution\"), as a "
         "share of wages or as an amount in words."),
    Rule("worker-costs", BLOCK, EPP + " (ILO definition of related recruitment costs)",
         "Costs of recruitment and migration (visa, work permit, travel to the job, medical exams, documents, "
         "training, tools and protective equipment such as boots, gloves and uniforms) are paid by the employer, "
         "never by the worker or from wages, in every programme (H-2A: 20 CFR 655.122(f))."),
    Rule("passport-retention", BLOCK,
         "ILO forced labour indicator: retention of identity documents; ILO GP&OG general principle 11",
         "Nobody but the worker may keep the worker's passport or identity documents."),
    Rule("below-minimum-wage", BLOCK, "Destination minimum wage law",
         "The wage, converted with hours_per_week, must reach the legal minimum of the destination country or "
         "region; so must a wage the text states (a training or trial period included)."),
    Rule("deductions-below-minimum", BLOCK, "Destination minimum wage law; ILO C.95 Protection of Wages (art. 8)",
         "Deductions (housing and others) must not bring weekly net pay below the weekly legal minimum."),
    Rule("excessive-hours", BLOCK, "ILO forced labour indicator: excessive overtime; ILO C.1 Hours of Work",
         "More than 60 hours of work a week, in the hours field or stated in the text (12 hours a day, 6 days a "
         "week)."),
    Rule("long-hours", REVIEW, "ILO C.1 Hours of Work (48-hour week)",
         "More than 48 (and up to 60) hours of work a week, in the hours field or stated in the text."),
    Rule("withheld-wages", BLOCK, "ILO forced labour indicator: withholding of wages; ILO C.95 Protection of Wages",
         "Wages must be paid regularly and in full, never held back or paid only at the end of the season."),
    Rule("debt-bondage", BLOCK, "ILO forced labour indicator: debt bondage",
         "No interest-bearing advances or loans, and no debts that workers repay from their wages or work off."),
    Rule("exit-penalty", BLOCK,
         "ILO GP&OG general principle 12; ILO forced labour indicator: intimidation and threats",
         "No deposits, bonds or penalties that make leaving the job or breaking the contract costly."),
    Rule("movement-restriction", BLOCK,
         "ILO GP&OG general principle 11; ILO forced labour indicators: restriction of movement, isolation",
         "No curfews, confiscated or nightly collected phones, locked housing, escorts or permission needed to leave "
         "the premises."),
    Rule("union-ban", BLOCK, "ILO C.87 freedom of association; ILO C.98 right to organise and collective bargaining",
         "Workers may join or form a union and take collective action; a ban or a sanction for it is not allowed."),
    Rule("discrimination", BLOCK, "ILO C.111 discrimination (employment and occupation)",
         "Requirements on sex, pregnancy (tests included), marital status, religion, nationality or race, or age "
         "beyond the legal minimum (upper age limits)."),
    Rule("underage", BLOCK, "ILO C.138 minimum age; ILO C.182 worst forms of child labour",
         "The minimum age of the workers is under 18."),
    Rule("age-requirement", REVIEW, "ILO C.111 discrimination (employment and occupation); privacy of workers' data",
         "A minimum age above 18 without a stated legal reason (a law, regulation or licence): it excludes younger "
         "adults, and a series of such vacancies would reveal candidates' ages."),
    Rule("excessive-deductions", REVIEW, "ILO C.95 Protection of Wages (limits on deductions); IOM IRIS standard",
         "Deductions (housing and others) take more than a quarter of gross weekly pay."),
    Rule("unlicensed-recruiter", REVIEW,
         "ILO GP&OG operational guidelines (registration and licensing of labour recruiters); IOM IRIS standard",
         "A recruiter takes part in the hiring but gives no licence number."),
    Rule("recruiter-licence-invalid", BLOCK,
         "ILO GP&OG operational guidelines (registration and licensing of labour recruiters); IOM IRIS standard",
         "The recruiter's licence is in the recruiter registry but suspended, revoked, expired or past its "
         "valid-until day (a vacancy, or an offer through its vacancy)."),
    Rule("recruiter-unverified", REVIEW,
         "ILO GP&OG operational guidelines (registration and licensing of labour recruiters); IOM IRIS standard",
         "The recruiter's licence number is not in the recruiter registry: an auditor verifies it."),
    Rule("no-return-travel", REVIEW, "Employer Pays Principle; ILO GP&OG general principle 12 (return)",
         "Seasonal or circular work without return travel paid by the employer."),
    Rule("contract-language", REVIEW,
         "ILO GP&OG general principle 8; IOM IRIS standard principle E (transparency of terms)",
         "The contract must exist in a language the worker reads: none given, or not in the vacancy's or a "
         "required language (offer: not in one of the vacancy's contract languages)."),
    Rule("offer-lower-wage", BLOCK,
         "ILO GP&OG general principle 9 (no deception: contract substitution); IOM IRIS standard",
         "The offer pays less per hour than the vacancy the worker was recruited for."),
    Rule("offer-new-fees", BLOCK, EPP + "; contract substitution",
         "The offer charges the worker fees that the vacancy did not charge."),
    Rule("offer-worse-terms", REVIEW,
         "ILO GP&OG general principle 9 (contract substitution); IOM IRIS standard principle E",
         "The offer has longer hours, new or higher deductions, a higher housing deduction, no housing, or a "
         "season outside the vacancy's."),
    Rule("forced-overtime", BLOCK,
         "ILO forced labour indicator: excessive overtime; ILO C.1 Hours of Work (art. 6, limits on overtime)",
         "Overtime that is compulsory without a stated limit, or enforced by dismissal or other threats."),
    Rule("no-rest-day", BLOCK,
         "ILO C.14 / C.106 Weekly Rest; ILO forced labour indicators: abusive working conditions, intimidation and "
         "threats",
         "No weekly rest day, work seven days a week, or rest-day work made compulsory or enforced by threats."),
    Rule("company-store", BLOCK,
         "ILO C.95 Protection of Wages (art. 7 works stores, art. 8 deductions); ILO forced labour indicator: debt "
         "bondage",
         "Workers made to buy at the employer's store, or their purchases there deducted from wages."),
    Rule("forced-transfer", BLOCK,
         "ILO GP&OG general principle 9 (no deception or contract substitution); ILO forced labour indicator: "
         "deception; H-2A: work only for the certified employer and places (20 CFR 655 subpart B)",
         "Workers may be moved to other farms, sites or employers without their consent."),
    Rule("isolation", BLOCK,
         "ILO forced labour indicator: isolation; ILO GP&OG general principle 11",
         "Visitors banned from the workers' housing, or workers forbidden to receive visitors or talk to outsiders "
         "(safety rules for work areas and quiet hours excepted)."),
    Rule("h2a-housing", BLOCK, "20 CFR 655.122(d) (H-2A housing at no cost to the worker); Employer Pays Principle",
         "An H-2A job (US farm work, or named H-2A) charges the worker for housing: a housing deduction, a rent "
         "deduction or a charge in the text."),
    Rule("h2a-guarantee", BLOCK, "20 CFR 655.122(i) (H-2A three-fourths guarantee)",
         "An H-2A job whose text denies the guarantee of work for three-fourths of the contract's workdays (\"hours "
         "not guaranteed\")."),
    Rule("terms-contradiction", BLOCK,
         "ILO GP&OG general principle 9 (no deception about terms and conditions); IOM IRIS standard principle E",
         "The free text contradicts the structured terms the worker is shown: the wage field promises a time rate "
         "while the text pays by the piece only."),
    Rule("offer-shorter-season", BLOCK,
         "ILO GP&OG general principle 9 (contract substitution); IOM IRIS standard principle E",
         "The offer's season is shorter than half the season of the vacancy the worker was recruited for."),
    Rule("suspicious-text", REVIEW, "ILO indicators of forced labour (text classifier; for human review)",
         "The text classifier finds a sentence suspicious that no pattern rule recognised."),
    Rule("manual-review", BLOCK, "Due diligence: no document is approved unchecked",
         "The free text could not be checked automatically within the time limit; the document stays blocked "
         "until it is shortened or simplified and submitted again, and an auditor sees the flag."),
    Rule("grievance", REVIEW, "ILO GP&OG general principle 13 (access to grievance mechanisms); IOM IRIS standard",
         "A worker filed a grievance about the employer."),
    Rule("rating-fees-charged", REVIEW, "ILO GP&OG general principle 7 (no recruitment fees or related costs); "
         "Employer Pays Principle",
         "A worker who rated a completed season answered that fees were charged for the job (event flow only)."),
    Rule("rating-paid-late", REVIEW, "ILO C.95 (Protection of Wages), Art. 12 (wages paid regularly); ILO GP&OG "
         "general principle 9",
         "A worker who rated a completed season answered that they were not paid on time (event flow only)."),
    Rule("possible-sex-discrimination", REVIEW, "ILO C.111 (Discrimination (Employment and Occupation)), Art. 1; "
         "Los Angeles Declaration (gender-responsive pathways)",
         "An employer's offers went to women far less often than women were among the candidates it was shown "
         "(one-sided exact binomial test, p < 0.01, at least 20 offers; event flow only, docs/fairness.md)."),
)
BY_ID = {rule.id: rule for rule in RULES}


def make_flag(rule_id: str, message: str, evidence: str) -> Flag:
    """A flag of a catalogued rule, with the rule's severity and principle."""
    rule = BY_ID[rule_id]
    return Flag(rule.id, rule.severity, rule.principle, message, evidence)


def catalogue() -> list[dict]:
    """The catalogue as plain data for ``GET /api/v1/rules``."""
    return [{"id": r.id, "severity": r.severity, "principle": r.principle, "description": r.description}
            for r in RULES]
