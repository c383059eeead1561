"""Spanish triggers about money: fees, costs, withheld wages, debts, exit penalties (folded text)."""

from ethics.rules.lexicon.base import cost, practice
from ethics.rules.lexicon.es_words import CURRENCY, GAP1, GAP2, GAP3, GAP4, GAP5, GAP8, GAP12, WAGE

FEE = r"(?:cuotas?|tarifas?|comision(?:es)?|cobros?|cargos?|costos?|costes?|pagos?|honorarios|aranceles?|derechos?|" \
      r"tasas?)"
PURPOSE = r"(?:reclutamiento|colocacion|contratacion|seleccion|inscripcion|registro|tramite|tramitacion|gestion|" \
          r"intermediacion|agencia|enganche|afiliacion|solicitud|reserva|entrevista|procesamiento|reclutador|agente|" \
          r"enganchador|postulacion|admision|apertura de expediente|expediente)"
JOB = r"(?:el |un |su |la |una |este |esta )?(?:puesto|plaza|lugar|cupo|contrato|vacante|seleccion|oferta|empleo)"
CHARGE = r"cobr(?:a|an|ara|aran|amos|aria|arian|ado|ada|ados|adas|arle|arles|arte|e|en)"
FEES = (
    practice("worker-fees", rf"(?:reclutador\w*|agencias?|agentes?|enganchador\w*|intermediari[oa]s?|coyotes?|"
             rf"gestor\w*|contratistas?) {GAP2}cobr\w*", cues="pay"),
    practice("worker-fees", r"(?:contribucion(?:es)?|aportacion(?:es)?|aportes?|cuotas?|pagos?) (?:\w+ ){0,2}(?:al|a "
                            r"la) "
             r"(?:reclutador|agente|agencia|enganchador|intermediari[oa]|coyote|gestor|contratista)", cues="pay"),
    practice("worker-fees", r"(?:contribucion(?:es)?|aportacion(?:es)?) (?:\w+ ){0,3}(?:por|para) (?:la |el "
                            r")?(?:colocacion|"
             r"reclutamiento|contratacion|seleccion|puesto|empleo|trabajo)", cues="pay"),
    practice("worker-fees", rf"{FEE} {GAP3}(?:de |por )(?:la |el |una |un )?{PURPOSE}|(?:cuotas?|comision(?:es)?|"
             r"cargos?|honorarios|aranceles?|derechos?) (?:de |por )(?:la |el |un |una )?(?:empleo|puesto|plaza|"
             r"vacante|trabajo)", cues="pay"),
    practice("worker-fees", rf"se (?:le |les |te )?{CHARGE}(?! (?:el |su |sus |los )?(?:salario|sueldo|pago|jornal|"
             rf"quincena|cada|semanal|mensual|por hora|horas extra))|(?:le|les|te|nos) {CHARGE}|{CHARGE} (?:una |la |"
             rf"el |"
             rf"un )?(?:cuota|tarifa|comision|cargo|monto|suma|derecho|honorario)|{CHARGE} {GAP3}(?:al|a los|a las|a "
             r"cada) (?:trabajador|candidat|postulante|aspirante|solicitante|jornaler)\w*", cues="pay"),
    practice("worker-fees", rf"(?:pagar|pague|paguen|pagando|pagarle|pagarles) {GAP3}(?:por|para) (?:obtener |"
             rf"conseguir |asegurar |reservar |garantizar |tener |acceder a |entrar a |ser seleccionad[oa]s? para |ser "
             rf"contratad[oa]s? para )?{JOB}|pagar {GAP2}para (?:ser seleccionad|ser contratad|obtener|conseguir|"
             r"asegurar)\w*", cues="pay"),
    practice("worker-fees", rf"pag\w* {GAP2}(?:al|a la|a los|a las|a un|a una) (?:reclutador\w*|agentes?|agencias?|"
             r"enganchador\w*|intermediari[oa]s?|coyotes?|gestor\w*|contratista\w*|brokers?)", cues="pay"),
    practice("worker-fees", rf"(?:cuota|comision|cobro|honorarios)\w* (?:de |por |:)?\s*(?:alrededor de )?{CURRENCY}?"
             r"\s*\d[\d,.]*|(?:pago|cuota|dinero) (?:de|del|por) enganche|enganche de \d[\d,.]*", cues="pay"),
    practice("worker-fees", rf"(?:deposito|anticipo|adelanto|pago adelantado|pago por adelantado|pago anticipado) "
             rf"{GAP3}(?:para|por) (?:asegurar|reservar|garantizar|apartar|obtener) {JOB}", cues="pay"),
    practice("worker-fees", rf"(?:entregar|entregue|entreguen|traer|traiga|traigan|enviar|envie|envien|dar|de|den|"
             rf"depositar|deposite|depositen|transferir|transfiera|llevar|lleve|"
             rf"lleven) {GAP2}{CURRENCY}?\s*\d[\d,.]*\s*"
             r"(?:dolares|pesos|quetzales|lempiras|colones|soles|usd)?(?: en efectivo)? (?:al|a la|a los|para|antes)"
             r"(?! (?:cada |los |las |el |la )?(?:trabajador|emplead|jornaler)\w*)", cues="pay"),
    practice("worker-fees", rf"(?:\d+ ?%|porcentaje|parte) {GAP4}(?:cheque|salario|sueldo|pago|paga)s? {GAP2}(?:como |"
                            rf"de |"
             rf"en )?comision|comision {GAP3}(?:\d+ ?%|porcentaje|parte) {GAP3}(?:cheque|salario|sueldo|"
             rf"pago)", cues="pay"),
    practice("worker-fees", rf"(?:agentes?|agencias?|reclutador\w*|enganchador\w*|intermediari[oa]s?|contratistas?|"
             rf"coyotes?) {GAP3}(?:se queda con|se quedan con|toma|toman|cobra|cobran|descuenta|descuentan|retiene|"
             rf"retienen) {GAP3}(?:\d+ ?%|parte|porcentaje|porcion) (?:de|del) {GAP2}(?:cheque|salario|sueldo|pago|"
             rf"paga)"),
    cost("worker-fees", r"cuotas?|tarifas?|comision(?:es)?|honorarios|cobros?|cargos?", generic=True),
)
COSTS = (
    cost("worker-costs", r"visas?|visados?|(?:permisos?|autorizacion(?:es)?) de (?:trabajo|residencia|entrada)|"
         r"(?:tramites?|costos?|gastos?|derechos?|tasas?) (?:migratori[oa]s|consulares|de (?:visa|visado|migracion|"
         r"pasaporte|embajada|consulado))|biometric[oa]s?"),
    cost("worker-costs", r"(?:boletos? de avion|boletos? aereos?|pasajes? (?:aereos?|de avion|de ida|de autobus|de "
         r"bus)|pasajes?|boletos?|vuelos?|tiquetes?(?: aereos?)?|billetes? de avion|(?:gastos|costos?) del? (?:viaje|"
         r"traslado|transporte|pasaje)|transporte (?:hasta|hacia|a) (?:canada|estados unidos|la finca|el destino)|"
         r"viaje de ida|traslado a (?:canada|estados unidos|la finca|el destino))(?! (?:\w+ )?de (?:regreso|vuelta|"
         r"retorno))"),
    cost("worker-costs", r"examen(?:es)? (?:medic[oa]s?|de salud|fisic[oa]s?)|chequeos? medic[oa]s?|certificados? "
         r"medic[oa]s?|pruebas? (?:medicas?|de drogas|de laboratorio)|(?:gastos|costos?) medic[oa]s?|vacunas?|"
         r"vacunacion|radiografias?|analisis de (?:sangre|laboratorio)"),
    cost("worker-costs", r"(?:costos?|gastos?|tramite|expedicion|emision|renovacion) (?:de |del )?pasaporte|carta de "
         r"antecedentes|antecedentes (?:penales|no penales|policiales)|(?:constancia|certificado) de antecedentes|"
         r"(?:costos?|gastos?|tasas?) de (?:documentos|documentacion|traduccion|apostilla|notario|legalizacion|"
         r"certificacion)|traduccion(?:es)?|apostill\w*|capacitacion(?: previa)?|curso (?:de induccion|previo|de "
         r"capacitacion)|orientacion previa|seguro de viaje"),
    cost("worker-costs", r"herramientas?|equipo de proteccion(?: personal)?|epp|uniformes?|botas(?: de seguridad)?|"
         r"guantes"),
    cost("no-return-travel", r"(?:boletos?|pasajes?|vuelos?|viaje|tiquetes?|billetes?|transporte|traslado) (?:\w+ )?"
         r"de (?:regreso|vuelta|retorno)|(?:regreso|retorno) (?:a casa|al pais de origen|a su pais)|repatriacion"),
)
WITHHELD = (
    # "durante la cosecha no se realizan pagos": nothing is paid while the work lasts.
    practice("withheld-wages", r"(?:durante|en) (?:toda )?(?:la |el )?(?:cosecha|temporada|zafra|contrato|campana)"
             r"(?! baja),? no se (?:realiza|hace|efectua|entrega|paga)n? (?:ningun )?(?:pagos?|salarios?|sueldos?)|no "
             r"(?:se )?(?:realiza|hace|efectua|recibe|entrega|paga)n? (?:ningun )?(?:pagos?|salarios?|sueldos?|dinero) "
             r"(?:\w+ ){0,2}durante (?:toda )?(?:la |el )?(?:cosecha|temporada|zafra|contrato|campana)(?! baja)|ningun "
             r"pago (?:\w+ ){0,3}durante (?:toda )?(?:la |el )?(?:cosecha|temporada|zafra|contrato|campana)(?! baja)"),
    practice("withheld-wages", rf"no (?:se )?(?:le |les )?(?:pag|recib|cobr)\w* {GAP3}hasta (?:el final|el fin|que "
             r"(?:termine|acabe|finalice)|terminar|el regreso|regresar)"),
    practice("withheld-wages", r"(?:horas extras?|tiempo extra) (?:\w+ ){0,2}(?:sin pago|sin pagar|no pagadas?|gratis)|"
             r"(?:salario|sueldo|pago)s? (?:\w+ ){0,3}(?:se )?(?:envia|transfiere|deposita|entrega)n? (?:directamente "
             r")?"
             r"(?:al|a la) (?:reclutador|agencia|agente|enganchador|intermediario|contratista)"),
    practice("withheld-wages", rf"{WAGE} {GAP4}(?:(?:es|son|sera|seran|queda|quedan|se)\s+)?(?:retenid[oa]s?|retiene|"
             r"retienen|retendra|diferid[oa]s?|congelad[oa]s?|guardad[oa]s?|apartad[oa]s?|reservad[oa]s?)"),
    practice("withheld-wages", rf"(?:retiene|retienen|retendra|retendran|retener|guarda|guardan|guardara|aparta|"
             rf"guardamos|guardaremos|retenemos|retendremos|apartamos|conservamos|"
             rf"apartan|difiere|difieren|congela|se queda con|se quedara con|conserva|conservan) {GAP3}(?:el |un |una |"
             r"la )?(?:\d+ ?%|\d+ por ciento|parte|porcion|mitad|porcentaje|resto|saldo|totalidad)?(?: de)? ?(?:el |la "
             rf"|los |las |del |su |sus |cada )?{WAGE}"),
    practice("withheld-wages", rf"(?:pagad[oa]s?|paga|pagan|pagara|pagaran|pagos?|se paga\w*|recibe|reciben|recibira|"
             rf"recibiran|cobra\w*) {GAP3}(?:solo |solamente |unicamente )?(?:cuando|hasta que|una vez que|despues de "
             rf"que) "
             r"(?:se )?(?:termin|acab|finaliz|conclu|complet)\w* (?:el |la )?(?:temporada|contrato|cosecha|programa|"
             r"trabajo)"),
    practice("withheld-wages", rf"(?:pagad[oa]s?|paga|pagan|pagara|pagaran|pagar|pagos?|se paga\w*|entregad[oa]s?|"
             rf"liquidad[oa]s?|abonad[oa]s?|recibe|reciben|recibira|recibiran|cobra\w*|(?:se )?(?:entrega|entregan|"
             rf"entregara|entregaran|liquida|liquidan|liquidara|abona|abonan|abonara)) {GAP3}(?:solo |solamente |"
             r"unicamente |todo |completo |integramente |en su totalidad |en un solo pago )?(?:al|hasta el|a la|hasta "
             r"la|despues del|despues de la|tras el|tras la|con el) (?:final|fin|termino|terminar|conclusion|concluir|"
             r"cierre|finalizar) (?:de |del |de la )?(?:la |el )?(?:temporada|contrato|cosecha|programa|empleo|"
             r"estancia|"
             r"periodo|campana|zafra|proyecto)"),
    practice("withheld-wages", rf"(?:pagad[oa]s?|paga|pagan|pagara|pagaran|pagos?|se paga\w*|entregad[oa]s?|recibe|"
             rf"reciben|recibira|recibiran|cobra\w*) {GAP3}(?:solo |solamente |unicamente )?(?:al|hasta|cuando|despues "
             r"de|tras|a su) (?:regresar|regreso|volver|retorno|llegar) (?:a (?:su )?(?:casa|pais|hogar|pais de "
             r"origen)|al pais)"),
    practice("withheld-wages", rf"(?:no|ningun|ninguna|nada de) {GAP1}(?:salario|sueldo|pago|paga|dinero) (?:\w+ "
                               rf"){{0,3}}"
             r"hasta|ahorros? (?:forzos|obligatori|forzad)[oa]s?|(?:fondo|cuenta|plan) de ahorro (?:\w+ ){0,4}"
             r"(?:administrad|manejad|controlad|retenid|guardad)\w* por (?:el |la )?(?:empleador|empresa|patron|"
             r"reclutador|agencia)|(?:salario|sueldo|pago)s? (?:\w+ ){0,3}(?:pagad|enviad|transferid|depositad|"
             r"entregad)\w* (?:directamente )?(?:al|a la) (?:reclutador|agencia|agente|enganchador|intermediario|"
             r"contratista)"),
)
LOAN = r"(?:prestamos?|adelantos?|anticipos?|deudas?|creditos?|avances? de salario|dinero prestado)"
DEBT = (
    practice("debt-bondage", r"(?:nos|me) (?:debe|deben|debera|deberan|adeuda|adeudan)(?! (?:informar|avisar|"
             r"respeto|\w+ar\b))"),
    practice("debt-bondage", rf"{LOAN} {GAP8}(?:se )?(?:descuenta\w*|descontad\w*|deduce\w*|deducid\w*|paga\w*|"
             rf"pagad\w*|reembolsa\w*|devuelve\w*|devuelt\w*|cobra\w*|cobrad\w*|recupera\w*|salda\w*|saldad\w*|"
             rf"amortiza\w*|retiene\w*|retenid\w*) {GAP3}(?:de|del|de la|de los|con|mediante|a traves de|sobre|en) "
             rf"{GAP2}(?:salario|sueldo|pago|paga|jornal|nomina|trabajo|quincena|cheque)\w*"),
    practice("debt-bondage", rf"(?:descontar|descuenta|descuentan|deducir|deduce|deducen|saldar|salda|saldan|devolver|"
             rf"devuelve|devuelven|reembolsar|amortizar|trabajar para pagar|trabajar para saldar|pagar) {GAP3}(?:el |"
             rf"la "
             rf"|los |las |un |una |su |sus )?{LOAN}"),
    practice("debt-bondage", rf"{LOAN} {GAP8}(?:con|al|a una tasa de|mas|y) {GAP2}(?:\d+ ?%|\d+ por ciento|"
             rf"intereses?)|intereses? {GAP3}(?:sobre|del|de la|de los|por el|por la|por los|a los|al) {GAP2}{LOAN}|"
             r"(?:\d+ ?%|mensual|semanal|anual) de interes|intereses? (?:mensual|semanal|anual)(?:es)?|con intereses?|"
             r"(?:devenga|devengan|devengara|genera|generan|generara|causa|causan|lleva|llevan) (?:un )?intereses?"),
    practice("debt-bondage", rf"(?:(?:deben?|debera|deberan) (?:dinero|una deuda)|adeuda\w*|endeudad\w*|en deuda|"
             rf"quedan? debiendo) {GAP3}(?:al|a la|con el|con la|a los|con los) (?:empleador|reclutador|agencia|"
             r"empresa|agente|enganchador|patron|contratista|finca|granja|intermediario)"),
    practice("debt-bondage", rf"(?:trabajar|trabaja|trabajan|quedarse|permanecer) {GAP4}hasta (?:que )?(?:se "
                             rf")?(?:pague|"
             rf"paguen|salde|salden|cubra|cubran|liquide|liquiden|termine de pagar|terminen de pagar) {GAP3}{LOAN}|"
             rf"hasta (?:pagar|saldar|cubrir|liquidar) {GAP2}{LOAN}|servidumbre por deudas|peonaje"),
)
PENALTY = r"(?:multas?|multad[oa]s?|penalidad\w*|penalizacion\w*|penaliza\w*|sancion\w*|castigo|pierde|pierden|" \
          r"perdera|perderan|perder|devolver|devuelve|devuelven|devolvera|devolveran|reembolsar|reembolsa|" \
          r"reembolsara|reembolsaran|pagar|pague|paguen|pagara|pagaran|se (?:le |les )?cobrara|se (?:le |les )?" \
          r"descontara|indemnizacion|indemnizar|resarcir)"
LEAVE = r"(?:deja|dejan|dejar|deje|dejen|abandona|abandonan|abandonar|abandone|abandonen|renuncia|renuncian|" \
        r"renunciar|renuncie|renuncien|rompa|rompan|incumpla|incumplan|rescinda|se vaya|se vayan|se va|se van|irse|" \
        r"se " \
        r"retira|se retiran|retirarse|rompe|rompen|romper|" \
        r"incumple|incumplen|incumplir|rescinde|rescindir|regresa antes|regresan antes|regresar antes|se fuga|se " \
        r"fugan|escapa|escapan|huye|huyen|cambia de empleador|cambian de empleador|cambiar de empleador|antes de " \
        r"(?:tiempo|terminar|que termine|finalizar|concluir|la fecha)|anticipadamente|antes del (?:final|fin|termino))"
EXIT = (
    practice("exit-penalty", r"(?:pago|monto|cantidad|dinero|suma) (?:de|en|como) garantia"),
    practice("exit-penalty", rf"(?:salir|irse|renunciar|abandonar|dejar el (?:trabajo|empleo)|romper el contrato|la "
             rf"salida anticipada|la renuncia|el abandono) {GAP8}(?:implica|conlleva|significa|genera|causa|ocasiona|"
             rf"resulta en|tiene un costo de|cuesta|se sanciona con) {GAP3}(?:una |un )?(?:multa|penalidad|"
             rf"penalizacion|"
             r"cargo|cobro|descuento|perdida)"),
    practice("exit-penalty", rf"(?:deposito|fianza|garantia|caucion|pagare|letra de cambio)(?: de garantia| en "
             rf"garantia| de seguridad| reembolsable| no reembolsable)? (?:de |por |:)?\s*{CURRENCY}?\s*\d[\d,.]*",
             cues="payer"),
    practice("exit-penalty", rf"(?:pagar|paga|pagan|pague|dejar|deja|dejan|entregar|entrega|entregan|depositar|"
             rf"deposita|depositan|firmar|firma|firman|dar|da|dan|exige|exigen|requiere|requieren|se requiere|se exige|"
             rf"se pide) {GAP3}(?:un |una |el |la )?(?:deposito|fianza|garantia economica|caucion|pagare|letra de "
             r"cambio)(?! (?:del|de su|de los) (?:salario|sueldo|pago)| (?:en|a) (?:su|la) cuenta| bancario| directo| "
             r"direto)",
             cues="payer"),
    practice("exit-penalty", rf"{PENALTY} {GAP8}(?:si|cuando|en caso de que|en caso de|al|por|en el caso de) {GAP4}"
             rf"{LEAVE}", cues="payer"),
    practice("exit-penalty", rf"(?:si|cuando|en caso de que|en caso de|quien|quienes|el que|los que|aquel que|"
             rf"aquellos que) {GAP5}{LEAVE},? {GAP12}{PENALTY}", cues="payer"),
    practice("exit-penalty", r"(?:multa|penalidad|penalizacion|cargo|cuota|cobro|costo|tarifa|indemnizacion)\w* (?:por|"
             r"de) (?:la |el )?(?:salida|terminacion|rescision|ruptura|abandono|renuncia|incumplimiento|retiro)"
             r"(?: anticipad[oa]| temprana| prematura| de contrato| del contrato| del trabajo| del empleo)?"),
)
TRIGGERS = FEES + COSTS + WITHHELD + DEBT + EXIT
