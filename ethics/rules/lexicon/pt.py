"""Portuguese lexicon: negation, cues and context; the triggers live in ``pt_money`` and ``pt_freedom``."""

from ethics.rules.lexicon import pt_freedom, pt_money, pt_work
from ethics.rules.lexicon.base import Lexicon, cue
from ethics.rules.lexicon.pt_words import (
    EMPLOYER,
    EMPLOYER_NOUN,
    MODAL,
    NEG,
    PAY_VERB,
    RETAIN,
    RETURN_SOON,
    WAGE,
    WEAK_NEG,
    WORKER,
    WORKER_NOUN,
)

SUBJECT = r"(?:o |a |os |as |cada |todo |todos |nossa |nosso |seu |sua )?(?:trabalhador\w*|empregad\w*|" \
          r"funcionari\w*|empregador\w*|empresa|companhia|fazenda|nos|eles|elas|voce\w*|candidat\w*|recrutador\w*|" \
          r"agencia|patr(?:ao|oes))\b"
BY = r"(?:o |a |os |as |cada |proprio |propria |proprios |nossa |nosso )?"
OF = r"(?:do|dos|da|das|ao|aos|a|as|de cada)"

PAY_CUES = (
    cue(rf"(?:descontad[oa]s?|deduzid[oa]s?|retid[oa]s?|abatid[oa]s?|desconta\w*|deduz\w*) (?:\w+ ){{0,6}}(?:de cada|"
        rf"em "
        rf"cada|sobre cada|do|da|de) (?:primeiro |primeira )?{WAGE}", False),
    cue(rf"{WORKER}\s+{MODAL}{PAY_VERB}", False),
    cue(rf"{WORKER}\s+{MODAL}(?:reembolsa|reembolsam|reembolsar|devolve|devolvem|devolver|responsave(?:l|is) "
        r"(?:por|pel[oa]s?))", False),
    cue(rf"(?:pag[oa]s?|custead[oa]s?|arcad[oa]s?|financiad[oa]s?|cobert[oa]s?|assumid[oa]s?|comprad[oa]s?) (?:\w+ )?"
        rf"pel[oa]s? {BY}{WORKER_NOUN}", False),
    cue(rf"(?:cobrad[oa]s?|se cobra|cobra|cobram|cobrar|cobrara) (?:\w+ ){{0,2}}{OF} {WORKER_NOUN}", False),
    cue(rf"(?:a cargo|por conta|as custas|a custa|as expensas|sob responsabilidade|responsabilidade) {OF} {BY}"
        rf"{WORKER_NOUN}|por (?:sua|suas) (?:propria )?conta|do (?:seu|proprio) bolso|com (?:seus|suas) proprios? "
        r"(?:recursos|dinheiro)|(?:pagar|comprar|custear|financiar) (?:\w+ )?(?:sua|seu|suas|seus) "
        r"propri[oa]s?", False),
    cue(rf"(?:descontad[oa]s?|deduzid[oa]s?|retid[oa]s?|abatid[oa]s?|desconta\w*|deduz\w*|descontos?|deducoes|deducao) "
        rf"(?:\w+ ){{0,3}}(?:do|dos|da|de seu|de sua|do seu|da sua|no|na|nos|em seu|em sua|sobre o|sobre a) "
        rf"(?:primeiro |"
        rf"primeiros |primeira |futuro )?{WAGE}", False),
    cue(rf"pel[oa]s? {BY}{WORKER_NOUN}", False),
    cue(rf"{EMPLOYER}\s+{MODAL}(?:{PAY_VERB}|responsave(?:l|is) (?:por|pel[oa]s?))", True),
    cue(rf"(?:pag[oa]s?|custead[oa]s?|arcad[oa]s?|financiad[oa]s?|cobert[oa]s?|assumid[oa]s?|reembolsad[oa]s?|"
        rf"ressarcid[oa]s?|oferecid[oa]s?|fornecid[oa]s?|comprad[oa]s?|providenciad[oa]s?) (?:\w+ ){{0,2}}pel[oa]s? "
        rf"{BY}{EMPLOYER_NOUN}", True),
    cue(rf"(?:a cargo|por conta|as custas|a custa|as expensas|sob responsabilidade) (?:do|da|dos|das) {BY}"
        rf"{EMPLOYER_NOUN}|pel[oa]s? {BY}{EMPLOYER_NOUN}", True),
    cue(r"gratuit[oa]s?|gratuitamente|gratis|sem custo|sem nenhum custo|sem qualquer custo|isent[oa]s?|incluid[oa]s?",
        True),
    cue(rf"reembolsad[oa]s?|ressarcid[oa]s?|devolvid[oa]s?|reembolso|(?:reembols|ressarc|devolv)\w* (?:\w+ )?(?:ao|aos|"
        rf"a|as|a cada) {WORKER_NOUN}", True, 2),
    cue(r"(?:reembols|ressarc)\w* (?:\w+ ){0,3}(?:so |somente |apenas )?(?:se|quando|caso|ao) (?:\w+ ){0,4}(?:complet|"
        r"termin|finaliz|cumpr|perman|fic)\w*", False, 2),
    cue(r"(?:custa|custam|custo de|preco de|valor de) (?:\w+ ){0,2}(?:r\$|us\$|\$|usd)?\s*\d[\d,.]*", False, 0),
    cue(r"(?:deve|devem|tem que|tem de|precisa|precisam|devera|deverao) (?:\w+ )?(?:pagar|arcar|custear|comprar|"
        r"financiar)", False, 0),
)
# Who pays, without the excuses a deposit or a penalty does not get ("refundable", "free").
PAYER_CUES = tuple(c for c in PAY_CUES if c.strength == 1)
HOLD_CUES = (
    cue(rf"{WORKER}\s+{MODAL}(?:guarda|guardam|conserva|conservam|mantem|tem|leva|levam|porta|portam|controla|"
        r"controlam|fica com|ficam com|retem|guardar|manter|conservar|ter|levar)", True),
    cue(rf"(?:fica|ficam|permanece|permanecem|esta|estao|continua|continuam|mantid[oa]s?|guardad[oa]s?) (?:\w+ ){{0,2}}"
        rf"(?:em (?:posse|poder|maos) d[oa]s?|com|pel[oa]s?) {BY}(?:{WORKER_NOUN}|titular\w*|don[oa]s?|portador\w*)",
        True),
    cue(r"em (?:sua|seu|suas|seus) (?:propria )?(?:posse|poder|maos)", True),
    cue(rf"(?:devolvid|entregue|retornad|restituid)\w* (?:\w+ ){{0,3}}(?:ao|aos|a|as|a cada) (?:{WORKER_NOUN}|"
        rf"titular\w*)",
        True),
    # "... e ficam com seus celulares": the possessive names the worker when no actor is said.
    cue(r"(?:ficam com|fica com|mantem|guardam|guarda|conservam|conserva|levam|leva|tem) (?:os |as |o |a )?(?:seus|"
        r"suas|seu|sua)(?: proprios?| proprias?)?", True, 0),
    cue(rf"{EMPLOYER}\s+{MODAL}{RETAIN}", False),
    cue(rf"(?:por|com|ao|pel[oa]s?|em poder d[oa]|em posse d[oa]|sob custodia d[oa]) {BY}{EMPLOYER_NOUN}", False),
    cue(r"(?:no|em|num) (?:escritorio|cofre)", False),
)

LEXICON = Lexicon(
    lang="pt",
    negation=NEG,
    weak_negation=WEAK_NEG,
    after=r"nenhum[a]?|nada|zero|gratis|gratuit[oa]s?|sem custo|isent[oa]s?|proibid[oa]s?|vedad[oa]s?|ilegal|ilegais|"
          r"nao (?:e |sao |sera |serao )?(?:cobrad\w*|exigid\w*|permitid\w*|aceit\w*|descontad\w*|retid\w*|"
          r"solicitad\w*|pedid\w*|necessari\w*|aplica\w*)|nunca (?:e |sao )?(?:cobrad\w*|descontad\w*|retid\w*)|"
          r"(?<![\d.,])0+(?:[.,]0+)?(?![\d.,]*\d)",
    list_negation=r"sem (?:nenhuma? |qualquer )?(?:exigencia|exigir|requisito|requerer|pedir|distincao|discriminacao|"
                  r"importar)\w*(?: de| por| quanto a)?|independentemente de|nenhuma exigencia de",
    prohibition=r"(?:e|sao|esta|estao|fica|ficam) (?:estritamente |terminantemente )?(?:proibid[oa]s?|vedad[oa]s?)|"
                r"proibe|proibem|proibimos|proibicao de|e ilegal|vedado",
    restrictor=r"(?:proibid[oa]s?|impedid[oa]s?|vetad[oa]s?|punid[oa]s?|demitid[oa]s?|dispensad[oa]s?|multad[oa]s?|"
               r"penalizad[oa]s?|deportad[oa]s?|ameacad[oa]s?|restringid[oa]s?) (?:de|por|se|para|a)|(?:proibe|proibem|"
               r"impede|impedem|pune|punem|demite|demitem|multa|multam|penaliza|penalizam)|e proibido|sao proibidos|"
               r"fica proibido|proibicao de",
    denial=r"nao (?:sera|serao) (?:chamad|recontratad)[oa]s?|proibid[oa]s?|vedad[oa]s?|nao (?:e |sao |sera |serao "
           r")?(?:permitid[oa]s?|autorizad[oa]s?|tolerad[oa]s?|"
           r"aceit[oa]s?)|nao se (?:permite|tolera|aceita)|punid[oa]s?|demitid[oa]s?|dispensad[oa]s?|deportad[oa]s?|"
           r"repatriad[oa]s?|mandad[oa]s? de volta|(?:motivo|causa) de (?:demissao|dispensa|justa causa|repatriacao)|"
           r"(?:resulta|resultara|implica|implicara|leva|levara) (?:em |a |na )?(?:demissao|dispensa|repatriacao)|"
           r"restringid[oa]s?|limitad[oa]s?|perderao? (?:o |seu )?(?:emprego|trabalho|contrato)"
           r"|encerra(?:ra)? (?:o |seu )?contrato|(?:poe|pora) fim (?:ao|a seu) (?:contrato|emprego)|rescinde (?:o |se"
           r"u )?contrato",
    breakers=rf",(?=\s*(?:e\s+|mas\s+|enquanto\s+)?{SUBJECT})|\b(?:e|ou|enquanto)\b(?=\s+{SUBJECT})",
    conjunctions=r"e|ou|nem|assim como|bem como",
    triggers=pt_money.TRIGGERS + pt_freedom.TRIGGERS + pt_work.TRIGGERS,
    cues={"pay": PAY_CUES, "payer": PAYER_CUES, "hold": HOLD_CUES},
    context={
        **pt_work.CONTEXT,
        "passport-retention": rf"copias? (?:de|do|da|dos)|fotocopi\w*|xerox|digitaliz\w*|escane\w*|{RETURN_SOON}|para "
                              r"(?:a )?(?:verificacao|conferencia|identificacao|registro|copia|digitalizacao)|"
                              r"(?:acesso|"
                              r"acessar|recuperar|pedir) (?:\w+ ){0,2}(?:a qualquer momento|quando (?:quiser|quiserem|"
                              r"solicitar|solicitarem|pedir|pedirem))|voluntari\w*|se (?:o trabalhador |os "
                              r"trabalhadores )?(?:assim )?(?:desejar|desejarem|solicitar|solicitarem|pedir|pedirem)",
        "withheld-wages": r"impostos?|irrf|imposto de renda|inss|fgts|previdencia|contribuic\w*|descontos? legais|por "
                          r"lei|legais|bonus|bonificac\w*|gratificac\w*|decimo terceiro|ferias|rescisao|verbas "
                          r"rescisorias|acerto final|pagamento final|registros?|recibos?|comprovantes?|holerites?|"
                          r"contracheques?|(?:passagem|voo|viagem|transporte|bilhete) de (?:volta|retorno|regresso)",
        "debt-bondage": r"sem juros|juros zero|taxa zero|0 ?% de juros|isento de juros",
        "exit-penalty": r"bonus|bonificac\w*|deposito (?:bancario|direto|em conta)|depositad[oa]s? (?:em|na) (?:sua )?"
                        r"conta",
        "movement-restriction": r"durante (?:o |a |as |os )?(?:horario|horas|jornada|turno|expediente)s?(?: de "
                                r"trabalho)?|"
                                r"enquanto (?:trabalha|trabalham|operam|dirige)|por (?:razoes|motivos) de seguranca|"
                                r"por "
                                r"dentro|(?:sua|suas|propria|proprias) chaves?|nao (?:precisa|precisam|necessita|"
                                r"necessitam) (?:de )?(?:nenhuma |uma )?(?:permissao|autorizacao)|sem necessidade de "
                                r"(?:permissao|autorizacao)",
        "union-ban": r"nao (?:precisa|precisam|necessita|necessitam) (?:de )?(?:nenhuma |uma )?(?:permissao|"
                     r"autorizacao)",
        "discrimination": r"acordo bilateral|programa bilateral|memorando de entendimento",
    },
    next_context={"passport-retention": rf"^(?:eles|elas|os passaportes|os documentos|passaportes|documentos)? ?"
                                        rf"(?:\w+ ){{0,3}}?{RETURN_SOON}"},
    aggravation={
        **pt_work.AGGRAVATION,
        "passport-retention": r"ate (?:o |a )?(?:final|fim|termino|conclusao|sua partida|saida|pagar|quitar)|durante "
                              r"toda a (?:temporada|safra|estadia|duracao)|durante todo o (?:contrato|periodo)|como "
                              r"garantia|em garantia|ao final da (?:temporada|safra)|ao fim do contrato|por seguranca",
    },
)
