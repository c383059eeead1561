"""Citation and quotation scope: a clause that quotes or cites a legal prohibition is not a demand.

"As 20 CFR 655.135(k) requires, no agent may receive payment of any kind" and "la Ley Federal del
Trabajo prohíbe retener los documentos" name the very practices the rules look for, but to say they
are forbidden. A clause is read as such a citation when its sentence names a legal source (a law,
an article, a regulation, a convention) and the clause itself says the practice is prohibited,
illegal or a crime. Only practices and costs are cleared this way: a freedom that is denied
("leaving the farm is forbidden under company rule 5") stays a denial, whatever it cites.
"""

from __future__ import annotations

import re

# A legal source, in the five languages (folded text).
SOURCE = re.compile(
    r"(?<!\w)(?:\d+ ?cfr|cfr ?\d+|\d+ ?u\.?s\.?c|u\.?s\.?c\.? ?\d+|§|(?:art|arts|art\.|article|articles|articulo|"
    r"articulos|artigo|artigos|atik)\.? ?\d+|(?:section|seccion|sección|secao|seksyon) ?\d+|"
    r"(?:the |la |le |a |lwa )?(?:law|laws|ley|leyes|loi|lois|lei|leis|lalwa|lwa|statute|regulations?|reglamento|"
    r"reglement|regulamento|regleman|decree|decreto|decret|dekre|convention|convenio|convencao|konvansyon|"
    r"labou?r code|code du travail|codigo (?:do|del) trabalho|codigo (?:do|del) trabajo|kod travay|"
    r"ley federal del trabajo|lft|clt|ilo|oit|cfr|h ?2a rules?|employer pays principle|fair recruitment)|"
    r"(?:legally|by law|por ley|selon la loi|de acordo com a lei|dapre lalwa|dapre lwa))(?!\w)")
# The clause says the practice is forbidden: a prohibition word, or a negated modal whose subject is
# the employer's side ("employers and agents may not receive"). A negated modal of the workers ("workers
# must not leave") is the kind of rule the engine looks for, so it does not count.
PROHIBITED = re.compile(
    r"(?<!\w)(?:prohibit\w*|forbid\w*|illegal\w*|unlawful\w*|outlaw\w*|(?:is|are|be) a (?:crime|criminal offen[cs]e|"
    r"offen[cs]e|violation)|criminal offen[cs]e|prohib\w*|ilegal\w*|ilicit\w*|delito|interdit\w*|illicite\w*|"
    r"delit|proib\w*|vedad\w*|crime|entedi|kont lalwa|"
    r"(?:employers?|agents?|recruiters?|agenc(?:y|ies)|compan(?:y|ies)|empleador\w*|patron\w*|patrones|agencias?|"
    r"reclutador\w*|employeurs?|agences?|recruteurs?|empregador\w*|recrutador\w*|patwon|ajans|rekrite)"
    r"(?: \w+){0,6} (?:may not|must not|shall not|can not|no (?:puede|pueden|debe|deben|podra|podran)|ne (?:peut|"
    r"peuvent|doit|doivent|pourra|pourront)|nao (?:pode|podem|deve|devem|podera|poderao)|pa (?:ka|kapab|dwe|gen "
    r"dwa)))(?!\w)")


def cites_prohibition(sentence: str, clause: str) -> bool:
    """Whether ``clause`` (of folded ``sentence``) states a legal prohibition that the sentence cites."""
    return bool(PROHIBITED.search(clause)) and bool(SOURCE.search(sentence))
