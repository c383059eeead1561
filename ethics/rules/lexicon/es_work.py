"""Spanish triggers of issue 15: disguised fees, working conditions, isolation, programme signals (folded).

The same families as ``en_work``, written for Spanish; see there for the signals.
"""

from ethics.rules.lexicon.base import cost, practice
from ethics.rules.lexicon.es_words import CURRENCY, GAP2, GAP3, GAP4, GAP5, GAP8, WAGE, WORKER

MONEY = rf"(?:{CURRENCY} ?\d[\d,.]*|\d[\d,.]* ?(?:{CURRENCY}|dolares|dolar|pesos|euros|quetzales|lempiras)(?!\w))"
NOT_FEE = r"(?! ?(?:a la|al|por|cada|/) ?(?:semana|mes|dia|noche|hora|comida)|(?: \w+){0,3} (?:semanales|mensuales|" \
          r"diarios|por semana|a la semana|al mes|por mes|por dia|al dia|(?:por|para) (?:la |las |el )?(?:comidas?|" \
          r"alimentacion|renta|alquiler|alojamiento|vivienda|lavanderia|transporte local)))"
PERCENT = r"\d[\d,.]* ?(?:%|por ciento)"
FROM_EMPLOYER = r"(?![^.;]{0,80}(?:del|por el|pagad[oa] por el|a cargo del|facturad[oa] al) (?:empleador|patron|" \
                r"empresa|granja))"
AGENT = r"(?:agencias?|reclutador(?:es|a)?|agentes?|intermediari[oa]s?|enganchador(?:es)?|contratistas?|coyotes?|" \
        r"gestor(?:es|a)?|coordinador(?:es|a)?|socios?|representantes?|oficina (?:asociada|aliada))"
OF_WAGE = rf"(?:del|de los|de la|de su|de sus|sobre el|sobre los|sobre su) (?:\w+ )?{WAGE}"
FEES = (
    practice("worker-fees", rf"{WORKER} (?:(?:debe|deben|tiene que|tienen que|debera|deberan|tambien|ademas|primero) )*"
             rf"(?:paga|pagan|pagara|pagaran|aporta|aportan|aportara|aportaran|contribuye|contribuyen|entrega|entregan|"
             rf"abona|abonan|transfiere|transfieren) {GAP3}{MONEY}{NOT_FEE}"),
    cost("worker-fees", rf"{MONEY}{NOT_FEE} (?:para (?:el|la|los|las|cubrir)|por (?:el|la|concepto de)|como "
         r"(?:aporte|contribucion|anticipo|adelanto|cuota)|destinados a|a cuenta de)", cues="payer"),
    practice("worker-fees", rf"{AGENT}{FROM_EMPLOYER} {GAP4}(?:recibe|reciben|cobra|cobran|se queda con|se quedan con|"
             rf"retiene|retienen|descuenta|descuentan|percibe|perciben|toma|toman|obtiene|obtienen) {GAP3}(?:el |un )?"
             rf"{PERCENT} {OF_WAGE}"),
    practice("worker-fees", rf"{PERCENT} {OF_WAGE} (?:va|van|se paga|se pagan|pagad[oa]s?|se entrega|se entregan|"
             rf"entregad[oa]s?|se destina|destinad[oa]s?|retenid[oa]s?|descontad[oa]s?|es para|son para) (?:directamen"
             rf"te )?"
             rf"(?:a|al|para|por) (?:la |el |los |las |nuestra |nuestro )?{AGENT}"),
    practice("worker-fees", rf"(?:comision(?:es)?|cuotas?|tarifas?|cargos?) (?:del |de un |de |: ?)?{PERCENT} "
             rf"{OF_WAGE}"),
    cost("worker-fees", rf"(?:paga|pagan|pagar|pagara|pagaran|abona|abonan|abonar) {GAP4}(?:a|en|con|por medio de|"
         rf"a traves de|ante) (?:la |el |los |las |una |un |nuestra |nuestro |su )?(?:\w+ )?{AGENT}"),
    cost("worker-fees", r"(?:inscripcion|registro|matricula|tramites?|papeleo)|(?:gastos|costos|costes|cuotas?|cargos?|"
         r"tarifas?) (?:de |por )?(?:gestion|administracion|administrativ[oa]s|coordinacion|logistica|servicios?|"
         r"operacion|programa|manejo|tramitacion|solicitud|seleccion)"),
    practice("worker-fees", rf"{WORKER} (?:(?:debe|deben|tiene que|tienen que|tambien) )*(?:contribuye|contribuyen|"
             rf"aporta|aportan|participa|participan|colabora|colaboran|comparte|comparten) {GAP4}(?:gastos|costos|"
             r"costes|cuotas?|cargos?)"),
)
ADVANCE = (
    practice("debt-bondage", rf"(?:adelanta|adelantan|adelanto|anticipa|anticipan|presta|prestan|financia|financian) "
             rf"{GAP8}(?:descuenta\w*|descontad\w*|retiene\w*|retenid\w*|recupera\w*|cobra\w*|rebaja\w*|deduce\w*|"
             rf"deducid\w*|devuelve\w*|devolver\w*|reembolsa\w*) {GAP3}(?:de|del|en|con|sobre|a cuenta de) {GAP2}"
             rf"{WAGE}"),
)
RETENTION = (
    practice("passport-retention", rf"(?:pasaportes?|documentos|papeles|identificaciones|cedulas) {GAP3}(?:no|nunca|"
             r"solo|solamente|unicamente) (?:se |les |le )?(?:devuelve|devuelven|devolvera|devolveran|entrega|"
             r"entregan|regresa|regresan|devueltos?|entregados?|regresados?|seran devueltos|se devolveran) (?:\w+ ){0,"
             r"3}"
             r"(?:antes de(?:l| la)?|hasta(?: el| la)?|al|el|en el|en la) (?:\w+ )?(?:ultimo|ultima|final|fin|termino|"
             r"salida|partida|aeropuerto)"),
    practice("passport-retention", r"(?:no|nunca) (?:se )?(?:les |le )?(?:devuelve|devuelven|devolvemos|entregamos|"
             r"regresamos) (?:los |el |sus |su )?(?:pasaportes?|documentos|papeles) (?:\w+ ){0,3}(?:antes de(?:l| la)?|"
             r"hasta(?: el| la)?) (?:\w+ )?(?:ultimo|ultima|final|fin|termino|salida|partida)"),
)
EXIT = (
    practice("exit-penalty", rf"(?:(?:salida|retiro|abandono|renuncia|partida|regreso) (?:anticipad[oa]|antes de tiemp"
                             rf"o|"
             rf"temprana)|abandona\w*|renuncia\w*|se va|se van|irse|rompe\w* el contrato) {GAP8}(?:pierde|pierden|"
             rf"perdera|perderan|pierda|pierdan|perdida de) {GAP3}(?:deposito|fianza|garantia|salarios?|sueldos?|pagos"
             rf"?|"
             r"ahorros|dinero|retenciones)"),
)
UNION_WORD = r"(?:sindicatos?|sindical|afiliacion sindical|sindicalizacion|sindicalizarse)"
UNION = (
    practice("union-ban", rf"{UNION_WORD},? {GAP5}(?:el |su )?(?:contrato|empleo|relacion laboral) (?:termina|terminar"
                          rf"a|"
             r"se rescinde|se rescindira|queda rescindido|se cancela|se anula|finaliza|acaba)|"
             rf"{UNION_WORD},? {GAP5}(?:(?:pone|pondra|ponen) fin (?:a|al|a su|a la)|termina|terminara|"
             rf"rescinde|rescindira|anula|anulara|cancela|cancelara|extingue|finaliza) (?:el |al |su |la )?(?:contrato|"
             rf"empleo|trabajo|relacion laboral)|{UNION_WORD} {GAP5}(?:es |sera )?(?:motivo|causa|causal) de (?:\w+ )?"
             rf"(?:despido|terminacion|rescision)|{UNION_WORD} {GAP5}(?:es |sera )?incompatible con (?:el |este |su )?"
             r"(?:contrato|empleo|trabajo)"),
)
OVERTIME_WORD = r"(?:horas extra(?:s|ordinarias)?|tiempo extra|sobretiempo)"
THREAT = r"(?:despedid\w*|despido|sancionad\w*|castigad\w*|deportad\w*|enviad\w* de regreso|pierde\w*|perdera\w*|" \
         r"motivo de|causa de)"
OVERTIME = (
    practice("forced-overtime", rf"{OVERTIME_WORD} {GAP3}(?:son |seran |es |sera )?(?:obligatori[oa]s?|forzos[oa]s?|"
             rf"ilimitad[oa]s?|sin (?:ningun )?limite|no opcional(?:es)?)|{OVERTIME_WORD} (?:obligatori[oa]s?|"
             rf"forzos[oa]s?|ilimitad[oa]s?)|(?:sin|no hay) limite (?:de|a las|para las) (?:horas|jornada)|(?:debe|deb"
             rf"en|"
             rf"tiene que|tienen que|obligad[oa]s? a) trabajar {GAP3}(?:horas extra\w*|tiempo extra|las horas que "
             r"(?:sean necesarias|se necesiten|pida\w*)|todas las horas|sin limite|cuanto sea necesario)"),
    practice("forced-overtime", rf"(?:se niega|se nieguen|se niegan|rechaza\w*|no acepte\w*|negarse) {GAP3}(?:a )?"
             rf"(?:trabajar )?{OVERTIME_WORD} {GAP5}{THREAT}"),
)
REST_WORD = r"(?:dias? de descanso|descanso semanal|dias? libres?)"
REST = (
    practice("no-rest-day", rf"sin {REST_WORD}|no (?:hay|tienen|tendran|se dan|se otorgan) (?:\w+ )?{REST_WORD}|"
             r"trabaj\w+ (?:\w+ ){0,2}(?:7|siete) dias (?:a la|por|de la|cada) semana"),
    practice("no-rest-day", rf"(?:debe|deben|tiene que|tienen que|obligad[oa]s? a|se exige) trabajar (?:los |el |en "
             rf"(?:los |el |su |sus )?|sus |su )?(?:{REST_WORD}|domingos?|fines de semana|feriados|festivos)"
             rf"|{REST_WORD} "
             r"(?:\w+ ){0,2}(?:se cancelan|se suspenden|quedan suspendidos|cancelados|suspendidos|no (?:estan )?"
             r"garantizados)"),
    practice("no-rest-day", rf"(?:se niega|se niegan|se nieguen|rechaza\w*|no (?:trabaje|trabajen|se presente|"
             rf"se presenten|venga|vengan)|negarse) {GAP3}(?:a trabajar )?(?:los |el |en )?(?:domingos?|fines de "
             rf"semana|{REST_WORD}|feriados) {GAP5}{THREAT}"),
)
STORE_NAME = r"(?:tienda|almacen|abarrotes|bodega|comisariato|economato|cantina) (?:de la (?:granja|finca|empresa|" \
             r"hacienda|compania)|del (?:rancho|patron|campo|empleador))|tienda de raya|comisariato|economato"
STORE = (
    practice("company-store", rf"(?:{STORE_NAME}) {GAP8}(?:se descuenta\w*|descontad\w*|se rebaja\w*|se cobra\w*|"
             rf"cobrad\w*|se deduce\w*|deducid\w*|se retiene\w*|retenid\w*) {GAP3}(?:de|del|en|sobre) {GAP2}{WAGE}|"
             rf"(?:descuenta\w*|deduce\w*|rebaja\w*) {GAP5}(?:{STORE_NAME})|(?:debe|deben|tiene que|tienen que|"
             rf"obligad[oa]s? a|solo pueden|solo se puede) (?:comprar|abastecerse|adquirir)\w* {GAP5}(?:en|de) "
             rf"(?:la |el )?(?:{STORE_NAME})"),
)
FARMS = r"(?:granjas?|fincas?|empleador(?:es)?|productor(?:es)?|ranchos?|empresas?|sitios?|campos?|lugares|patrones)"
TRANSFER = (
    practice("forced-transfer", rf"(?:trasladad[oa]s?|transferid[oa]s?|enviad[oa]s?|asignad[oa]s?|reasignad[oa]s?|"
             rf"prestad[oa]s?|cedid[oa]s?|rotad[oa]s?|movid[oa]s?) {GAP3}(?:a )?(?:otras?|otros|cualquier|distint[oa]s"
             rf"?|"
             rf"diferentes?|vecin[oa]s?) {FARMS}|(?:trasladar|transferir|enviar|prestar|ceder|mover)(?:los|las|les|le)"
             rf"? "
             rf"(?:a )?(?:los trabajadores |el personal |las cuadrillas )?(?:\w+ ){{0,2}}a (?:otras?|otros|cualquier) "
             rf"{FARMS}"),
)
VISITOR = r"(?:visitas?|visitantes?|invitad[oa]s?|personas (?:ajenas|externas|de fuera|de afuera)|familiares|amigos|" \
          r"periodistas|representantes sindicales)"
ISOLATION = (
    practice("isolation", rf"(?:se prohiben|se prohibe|prohibid[oa]s?|no se permiten|no se permite|no (?:estan|estara|"
             rf"son|seran) (?:permitid[oa]s?|autorizad[oa]s?|bienvenid[oa]s?)|vetad[oa]s?|no se admiten|no se aceptan) "
             rf"(?:las |los )?{VISITOR}|{VISITOR} (?:estan |quedan |seran |son )?(?:prohibid[oa]s?|no (?:estan |son |"
             rf"seran )?(?:permitid[oa]s?|autorizad[oa]s?|admitid[oa]s?|bienvenid[oa]s?)|vetad[oa]s?)|no (?:puede|"
             rf"pueden|podran|podra) (?:recibir|tener|invitar|traer) (?:\w+ )?{VISITOR}|(?:prohibido|prohibe|prohiben) "
             rf"(?:recibir|tener|invitar|traer) {VISITOR}|(?:sin|no (?:hay|se permiten)) {VISITOR}(?= *(?:[.;,!]|$| en "
             r"(?:el |la |los )?(?:alojamiento|vivienda|albergue|dormitorio|campamento|cuartos?|barracas?)))"),
)
SIGNALS = (
    practice("no-hours-guarantee", rf"(?:horas|trabajo|empleo|ingresos?) {GAP3}(?:no (?:estan |esta |son |es )?"
             r"garantizad[oa]s?|sin garantia)|no (?:se )?garantiza\w* (?:un )?(?:minimo de |numero (?:minimo )?de )?"
             r"(?:horas|trabajo|ingresos?)|sin (?:garantia de|minimo de) (?:horas|trabajo|ingresos?)|garantia de (?:la"
             r"s )?"
             r"(?:tres cuartas partes|3/4|75 ?%) (?:\w+ ){0,2}no (?:aplica|se aplica)"),
    cost("housing-charged", r"(?:alojamiento|vivienda|renta|alquiler|hospedaje|cuarto|habitacion|albergue)"),
    practice("piece-rate-only", r"(?:a destajo|por pieza|por (?:caja|cubeta|bote|balde|kilo|libra|arbol|surco|unidad|b"
                                r"in|"
             r"bolsa)|por produccion|por tarea) (?:\w+ ){0,2}(?:unicamente|solamente)|(?:solo|solamente|unicamente|"
             r"exclusivamente) (?:\w+ ){0,2}(?:a destajo|por pieza|por produccion|por (?:caja|cubeta|bote|balde|kilo|"
             r"libra|unidad|bin))|(?:no hay|sin) (?:salario|pago|sueldo|tarifa) (?:por hora|fijo|base|diario)"),
)
TRIGGERS = FEES + ADVANCE + RETENTION + EXIT + UNION + OVERTIME + REST + STORE + TRANSFER + ISOLATION + SIGNALS

LIMIT = r"hasta \d+|maximo (?:de )?\d+|no mas de \d+|no (?:debe |puede )?(?:exceder|superar) (?:las )?\d+|" \
        r"limitad[oa]s? a \d+|como maximo \d+"
CONSENT = r"voluntari\w*|opcional\w*|con (?:el |su |previo )?(?:consentimiento|acuerdo)|si (?:el trabajador|los " \
          r"trabajadores|ellos|usted) (?:lo )?(?:acepta\w*|desea\w*|quiere\w*|solicita\w*|elige\w*)|a (?:su )?" \
          r"(?:peticion|solicitud)"
CONTEXT = {
    "forced-overtime": rf"{LIMIT}|{CONSENT}",
    "no-rest-day": rf"(?:un|1|dos|2|otro) dias? (?:de descanso|libres?)|rotativ\w*|rotacion|descanso compensatorio|"
                   rf"dia compensatorio|{CONSENT}",
    "forced-transfer": rf"{CONSENT}|solo con",
    "isolation": r"(?:por|por razones de) (?:seguridad|higiene|inocuidad|bioseguridad)|en (?:los |el |la |las )?"
                 r"(?:campos?|empaque|invernaderos?|planta|area de trabajo|zona de produccion|huertos?)|durante (?:el |"
                 r"la |las )?(?:horario de trabajo|jornada|turnos?)|despues de las \d+|nocturnas?|durante la noche",
}
AGGRAVATION = {
    "forced-overtime": rf"ilimitad\w*|sin (?:ningun )?limite|cuando (?:sea|se) necesari\w*|en cualquier momento|"
                       rf"{THREAT}",
    "no-rest-day": THREAT,
    "forced-transfer": r"sin (?:\w+ ){0,2}(?:consentimiento|acuerdo|autorizacion|aviso|consultar\w*)|segun (?:las )?"
                       r"necesidades|a discrecion|en cualquier momento",
}
