"""Spanish lexicon: negation, cues and context; the triggers live in ``es_money`` and ``es_freedom``."""

from ethics.rules.lexicon import es_freedom, es_money, es_work
from ethics.rules.lexicon.base import Lexicon, cue
from ethics.rules.lexicon.es_words import (
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

SUBJECT = r"(?:el |la |los |las |cada |todo |todos |nuestra |nuestro |su )?(?:trabajador\w*|emplead\w*|" \
          r"empleador\w*|empresa|compania|finca|granja|nosotros|ellos|ellas|usted\w*|candidat\w*|reclutador\w*|" \
          r"agencia|patron\w*)\b"
BY = r"(?:el |la |los |las |cada |parte del |parte de la |parte de los |nuestra |nuestro )?"
CHARGE_TO = r"(?:al|a los|a las|a la|a cada|del|de los|de las|de la)"

PAY_CUES = (
    cue(rf"(?:(?:se )?(?:descuent|descont|deduc|deduj|reten|retien|rebaj)\w*) (?:\w+ ){{0,8}}(?:de|del|de cada|sobre "
        rf"cada|a cada|de su|de sus) (?:primer |primeros |primera )?{WAGE}", False),
    cue(rf"{WORKER}\s+{MODAL}{PAY_VERB}", False),
    cue(rf"{WORKER}\s+{MODAL}(?:(?:es|son|sera|seran) responsables? (?:de|del)|reembolsa\w*|devuelve\w*|devolver)",
        False),
    cue(rf"(?:pagad[oa]s?|cubiert[oa]s?|asumid[oa]s?|costead[oa]s?|financiad[oa]s?|sufragad[oa]s?|abonad[oa]s?|"
        rf"comprad[oa]s?) (?:\w+ )?por {BY}{WORKER_NOUN}", False),
    cue(rf"(?:se (?:le |les )?)?cobra\w* (?:\w+ ){{0,2}}{CHARGE_TO} {WORKER_NOUN}|cobrad[oa]s? {CHARGE_TO} "
        rf"{WORKER_NOUN}", False),
    cue(rf"(?:a cargo|por cuenta|a costa|a expensas|corre por cuenta|responsabilidad) {CHARGE_TO} (?:propi[oa]s? )?"
        rf"{WORKER_NOUN}|por (?:su|sus) (?:propia )?cuenta|de (?:su|sus) (?:propio )?bolsillo|con (?:su|sus) propios? "
        r"(?:recursos|fondos|dinero)|(?:pagar|comprar|costear|financiar|paga|compra|pagan|compran) (?:\w+ )?(?:su|sus|"
        r"tu|tus) "
        r"propi[oa]s?", False),
    cue(rf"(?:lo|la|los|las) (?:paga|pagan|pagara|cubre|cubren|asume|asumen|costea|costean) {BY}{WORKER_NOUN}", False),
    cue(rf"(?:lo|la|los|las) (?:paga|pagan|pagara|cubre|cubren|asume|asumen|costea|costean) {BY}{EMPLOYER_NOUN}", True),
    cue(rf"(?:(?:se )?(?:descuent|descont|deduc|deduj|reten|retien|rebaj)\w*|(?:se )?(?:resta|restan|restara|"
        rf"restad[oa]s?)|deduccion(?:es)?) "
        rf"(?:\w+ ){{0,3}}(?:del|de los|de su|de sus|de la|de las|en el|en la|en su|sobre el|sobre su) (?:primer |"
        rf"primeros |primera |futuro )?{WAGE}", False),
    cue(rf"por {BY}{WORKER_NOUN}", False),
    cue(rf"{EMPLOYER}\s+{MODAL}(?:{PAY_VERB}|(?:es|son|sera|seran) responsables? (?:de|del))", True),
    # "la agencia cobra su comisión al empleador": the agency's charge goes to the employer.
    cue(r"(?:cobr|factur)\w* (?:\w+ ){0,3}(?:al|a la|a los) (?:empleador|empresa|patron|productor|granja|finca)\w*",
        True),
    cue(rf"(?:pagad[oa]s?|cubiert[oa]s?|asumid[oa]s?|costead[oa]s?|financiad[oa]s?|sufragad[oa]s?|reembolsad[oa]s?|"
        rf"proporcionad[oa]s?|provist[oa]s?|abonad[oa]s?|comprad[oa]s?) (?:\w+ ){{0,2}}por {BY}{EMPLOYER_NOUN}", True),
    cue(rf"(?:a cargo|por cuenta|a costa|a expensas|corre por cuenta) (?:del|de la|de los|de las|de nuestra|de "
        rf"nuestro) {EMPLOYER_NOUN}|por {BY}{EMPLOYER_NOUN}", True),
    cue(r"gratis|gratuit[oa]s?|sin costo|sin cargo|sin costo alguno|libre de costo|sin ningun costo|sin costo para|"
        r"totalmente cubiert\w*|incluid[oa]s?", True),
    cue(rf"reembolsad[oa]s?|devuelt[oa]s?|reintegrad[oa]s?|restituid[oa]s?|reembolso|(?:reembols|reintegr|devuelv|"
        rf"devolv)\w* (?:\w+ )?(?:al|a los|a la|a las|a cada) {WORKER_NOUN}|(?:le|les) (?:reembols|devuelv|"
        rf"reintegr)\w*",
        True, 2),
    cue(r"no reembolsable\w*|(?:reembols|reintegr)\w* (?:\w+ ){0,3}(?:solo |solamente |unicamente )?(?:si|cuando|"
        r"siempre que|al) (?:\w+ ){0,4}(?:complet|termin|finaliz|cumpl|perman|qued)\w*", False, 2),
    cue(r"(?:cuesta|cuestan|costo de|precio de|valor de) (?:\w+ ){0,2}(?:us\$|usd|\$|mxn|q|l)?\s*\d[\d,.]*",
        False, 0),
    cue(r"(?:debe|deben|tiene que|tienen que|hay que|debera|deberan) (?:\w+ )?(?:pagar|cubrir|costear|comprar|"
        r"financiar)",
        False, 0),
)
# Who pays, without the excuses a deposit or a penalty does not get ("refundable", "free").
PAYER_CUES = tuple(c for c in PAY_CUES if c.strength == 1)
HOLD_CUES = (
    cue(rf"{WORKER}\s+{MODAL}(?:guarda|guardan|conserva|conservan|mantiene|mantienen|tiene|tienen|lleva|llevan|"
        r"porta|portan|retiene|retienen|controla|controlan|se queda con|se quedan con|guardar|conservar|mantener|tener|"
        r"llevar)", True),
    cue(rf"(?:queda|quedan|permanece|permanecen|esta|estan|se mantiene|se mantienen|seguira|seguiran|se conserva|"
        rf"se conservan|guardad[oa]s?|conservad[oa]s?) (?:\w+ ){{0,2}}(?:en (?:manos|poder|posesion) de|con|por) "
        rf"{BY}(?:propi[oa]s? )?(?:{WORKER_NOUN}|titular\w*|duen[oa]s?|portador\w*)", True),
    cue(r"en (?:su|sus) (?:propio |propia )?(?:poder|posesion|manos)|en manos de (?:su|sus) (?:titular|dueno)", True),
    cue(rf"(?:entrega|entregan|devuelve|devuelven|regresa|regresan|devolvera|entregara) (?:\w+ ){{0,3}}(?:al|a los|a "
        rf"la|a las|a cada) (?:{WORKER_NOUN}|titular\w*)", True),
    # "... y conservan sus telefonos": the possessive names the worker when no actor is said.
    cue(r"(?:conservan|guardan|mantienen|tienen|llevan|se quedan con|conserva|guarda|mantiene|tiene|lleva|"
        r"se queda con) (?:sus|su)(?: propi[oa]s?)?", True, 0),
    cue(rf"{EMPLOYER}\s+{MODAL}{RETAIN}", False),
    cue(rf"(?:por|con|a|al|en manos de|en poder de|bajo custodia de|bajo resguardo de) {BY}{EMPLOYER_NOUN}", False),
    cue(r"(?:en|bajo) (?:la |el )?(?:oficina|caja fuerte|custodia|resguardo|caja de seguridad|llave)", False),
)

LEXICON = Lexicon(
    lang="es",
    negation=NEG,
    weak_negation=WEAK_NEG,
    after=r"ningun[oa]?|ningunos|ningunas|nada|cero|gratis|gratuit[oa]s?|sin costo|sin cargo|exent[oa]s?|"
          r"prohibid[oa]s?|ilegal(?:es)?|no (?:se )?(?:cobra\w*|aplica\w*|requiere\w*|exige\w*|permite\w*|acepta\w*|"
          r"descuenta\w*|retiene\w*|solicita\w*|pide\w*|es necesari[oa]|son necesari[oa]s|esta permitid[oa]|estan "
          r"permitid[oa]s)|nunca (?:se )?(?:cobra\w*|descuenta\w*|retiene\w*|pide\w*|solicita\w*)|n/?a|"
          r"(?<![\d.,])0+(?:[.,]0+)?(?![\d.,]*\d)",
    list_negation=r"sin (?:ningun |ninguna )?(?:exigencia|exigir|requisito|requerir|pedir|distincion|"
                  r"discriminacion|importar)\w*(?: de| por| en)?|independientemente de|"
                  r"sin (?:tener )?en cuenta|ningun requisito de",
    prohibition=r"(?:esta|queda|estan|quedan) (?:estrictamente )?prohibid[oa]s?|se prohibe|prohibimos|prohibe|"
                r"prohiben|es ilegal|prohibicion de",
    restrictor=r"(?:prohibid[oa]s?|impedid[oa]s?|vetad[oa]s?|sancionad[oa]s?|castigad[oa]s?|despedid[oa]s?|"
               r"multad[oa]s?|penalizad[oa]s?|deportad[oa]s?|amenazad[oa]s?|restringid[oa]s?) (?:de|por|si|para|a)|"
               r"(?:prohibe|prohiben|prohibira|impide|impiden|impedira|sanciona|sancionan|castiga|castigan|despide|"
               r"despiden|despedira|multa|multan|penaliza|penalizan)|se prohibe|"
               r"queda prohibido|esta prohibido|estan prohibidos|prohibicion de",
    denial=r"no (?:volvera|volveran) a ser (?:contratad|llamad)\w*|no (?:sera|seran) recontratad\w*|prohibid[oa]s?|no "
           r"(?:esta |estan |sera |seran )?(?:permitid[oa]s?|autorizad[oa]s?|tolerad[oa]s?|"
           r"aceptad[oa]s?)|no se (?:permite\w*|tolera\w*|acepta\w*|autoriza\w*)|vetad[oa]s?|sancionad[oa]s?|"
           r"castigad[oa]s?|despedid[oa]s?|deportad[oa]s?|repatriad[oa]s?|enviad[oa]s? de regreso|(?:motivo|causa|"
           r"causal) de (?:despido|terminacion|repatriacion)|(?:conlleva|implica|causara|provocara|resultara en) "
           r"(?:el |la )?(?:despido|terminacion|repatriacion)|restringid[oa]s?|limitad[oa]s?|perderan? (?:el |su )?"
           r"(?:empleo|trabajo|contrato)|(?:pone|pondra) fin al? (?:su )?(?:contrato|empleo)|(?:termina|terminara|resc"
           r"inde|"
           r"rescindira|anula|anulara) (?:el |su )?contrato",
    breakers=rf",(?=\s*(?:y\s+|pero\s+|mientras\s+)?{SUBJECT})|\b(?:y|o|mientras que|mientras|pues)\b(?=\s+{SUBJECT})",
    conjunctions=r"y|o|ni|e|u|asi como|mas",
    triggers=es_money.TRIGGERS + es_freedom.TRIGGERS + es_work.TRIGGERS,
    cues={"pay": PAY_CUES, "payer": PAYER_CUES, "hold": HOLD_CUES},
    context={
        **es_work.CONTEXT,
        "passport-retention": rf"copias? (?:de|del)|fotocopia\w*|escane\w*|{RETURN_SOON}|para (?:su )?(?:verificacion|"
                              r"revision|comprobacion|identificacion|registro|copiarlos?|escanearlos?)|(?:acceso|"
                              r"acceder|recuperar\w*|pedirlos?) (?:\w+ ){0,2}(?:en cualquier momento|cuando (?:quiera|"
                              r"quieran|lo soliciten?|lo pidan?)|a peticion|a solicitud)|voluntari\w*|si (?:el "
                              r"trabajador |los trabajadores )?(?:lo )?(?:desea|desean|solicita|solicitan|pide|piden)",
        "withheld-wages": r"impuestos?|isr|seguridad social|imss|cotizaciones|retenciones de ley|por ley|legales|"
                          r"bonos?|bonificacion\w*|aguinaldo|vacaciones|prima vacacional|finiquito|liquidacion final|"
                          r"pago final|registros?|recibos?|comprobantes?|talon\w*|(?:vuelo|pasaje|boleto|viaje|"
                          r"transporte) de "
                          r"(?:regreso|vuelta|retorno)",
        "debt-bondage": r"sin intereses?|libre de intereses|interes cero|0 ?% de interes|no genera intereses",
        "exit-penalty": r"bonos?|bonificacion\w*|deposito directo|deposito bancario|depositad[oa]s? en (?:su )?cuenta",
        "movement-restriction": r"durante (?:el |la |las |los )?(?:horario|horas|jornada|turno)s?(?: de trabajo| "
                                r"laboral(?:es)?)?|mientras (?:trabaja|trabajan|operan|maneja|conduce)|por (?:razones|"
                                r"motivos) de seguridad|desde (?:el )?adentro|(?:su|sus) propias? llaves?|no "
                                r"(?:necesita|necesitan|requiere|requieren) (?:ningun |un )?(?:permiso|autorizacion|"
                                r"pase)|sin necesidad de permiso",
        "union-ban": r"no (?:necesita|necesitan|requiere|requieren) (?:ningun |un )?(?:permiso|autorizacion)",
        "discrimination": r"acuerdo bilateral|convenio bilateral|ptat|programa de trabajadores agricolas temporales|"
                          r"memorando de entendimiento",
    },
    next_context={"passport-retention": rf"^(?:(?:se|les|los|las|estos|estas|(?:los|sus) (?:pasaportes|documentos)|"
                                        rf"pasaportes|documentos) )?(?:\w+ ){{0,3}}?{RETURN_SOON}"},
    aggravation={
        **es_work.AGGRAVATION,
        "passport-retention": r"hasta (?:el |que )?(?:final|fin|termin\w*|acab\w*|concluir|conclusion|su partida|la "
                              r"salida|pagar|saldar)|durante toda la (?:temporada|estancia|duracion)|durante todo el "
                              r"(?:contrato|periodo)|por toda la temporada|como garantia|en garantia|al final de la "
                              r"temporada|al terminar (?:el contrato|la temporada)|para (?:su )?(?:resguardo|"
                              r"seguridad)",
    },
)
