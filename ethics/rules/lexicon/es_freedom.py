"""Spanish triggers about freedom: documents, movement, unions, discrimination, age (folded text)."""

from ethics.rules.lexicon.base import permission, practice
from ethics.rules.lexicon.es_words import DOC, GAP2, GAP3, GAP4, GAP5, LEAVE_PLACE, PLACE, RETAIN

RETENTION = (
    practice("passport-retention", rf"{DOC} {GAP3}(?:quedan?|se quedan?|permanecen?|estaran?) (?:con|en manos de|en "
             r"poder de) (?:el |la |los |nuestro |nuestra )?(?:supervisor|encargad|mayordomo|empleador|empresa|patron|"
             r"administracion|jefe|reclutador|agencia|capataz)\w*"),
    practice("passport-retention", rf"{DOC} {GAP3}(?:quedaran|quedara|estaran|estara|quedan|queda) bajo (?:nuestro|"
                                   rf"nuestra|"
             r"el|la) (?:cuidado|control|custodia|resguardo)"),
    practice("passport-retention", rf"{RETAIN} {GAP4}{DOC}|{DOC} {GAP3}(?:se )?{RETAIN}", cues="hold"),
    practice("passport-retention", rf"{DOC} {GAP4}(?:(?:es|son|sera|seran|queda|quedan|se|estara|estaran|deben ser|"
             r"debe ser)\s+)?(?:guardad[oa]s?|retenid[oa]s?|confiscad[oa]s?|decomisad[oa]s?|recogid[oa]s?|"
             r"recolectad[oa]s?|custodiad[oa]s?|entregad[oa]s?|depositad[oa]s?|resguardad[oa]s?|conservad[oa]s?|"
             r"quitad[oa]s?|mantenid[oa]s?|bajo (?:llave|custodia|resguardo)|en (?:poder|manos) de)", cues="hold"),
    practice("passport-retention", rf"{DOC} {GAP3}(?:se queda|se quedan|queda|quedan|permanece|permanecen|estara|"
             r"estaran) (?:(?:en|bajo) (?:nuestra |nuestro |la |el )?(?:caja fuerte|oficina)|(?:en|bajo) (?:nuestra|"
             r"nuestro) (?:custodia|poder|resguardo))"),
    practice("passport-retention", rf"{DOC} {GAP4}(?:devuelt[oa]s?|regresad[oa]s?|se devuelven?|se regresan?|"
             rf"devolvera|devolveran) {GAP3}(?:solo |solamente |unicamente )?(?:al|hasta el|hasta la|a la|despues del|"
             r"despues de la) (?:final|fin|termino|terminar|conclusion|salida|partida|regreso)"),
)
PHONE = r"(?:telefonos?|celulares?|moviles?)"
MOVEMENT = (
    practice("movement-restriction", rf"(?:solo|solamente|unicamente) (?:pueden|puede|podran)? ?(?:salir|ir al pueblo)"
             rf"|(?:salir|salen) {GAP4}(?:solo|solamente|unicamente) (?:con|acompanad[oa]s? (?:de|por)) (?:un |el |la "
             rf")?"
             r"(?:supervisor|guardia|mayordomo|encargad[oa]|capataz)"),
    practice("movement-restriction", r"(?:porton|puerta|reja|entrada)(?:es)? (?:\w+ ){0,2}(?:se cierra\w*|cerrad[oa]s?|"
             r"con llave) (?:a las|desde las|despues de las) \d+\w*"),
    practice("movement-restriction", r"toques? de queda|hora (?:limite|maxima) (?:de|para) (?:regresar|volver|entrar|"
             r"llegar)"),
    practice("movement-restriction", rf"(?:confisca\w*|decomisa\w*|recoge\w*|recogid\w*|quita\w*|retiene\w*|retenid\w*|"
             rf"guarda\w*|toma\w*|entregar|entrega|entregan|se quedan? con) {GAP3}(?:los |sus |el |su |tu |tus )?"
             rf"{PHONE}|{PHONE} {GAP4}(?:son |seran |es |sera |estan |quedan )?(?:confiscad|decomisad|recogid|retenid|"
             rf"guardad|quitad|entregad|prohibid)\w*|{PHONE} {GAP3}se (?:entregan|recogen|guardan|retienen|confiscan|"
             rf"quitan)|"
             rf"{PHONE} {GAP3}(?:quedan?|se quedan?) (?:en manos de|en poder de|con) (?:el |la |los )?(?:supervisor|"
             r"encargad|mayordomo|empleador|empresa|patron|administracion|jefe)\w*", cues="hold"),
    practice("movement-restriction", r"encerrad[oa]s?|encierran|encierra|con candado|cerrad[oa]s? (?:con llave )?"
             r"(?:por fuera|desde afuera)|(?:cierra|cierran|se cierra|se cierran) (?:con llave|con candado|por fuera|"
             r"desde afuera)|(?:vigilad[oa]s?|custodiad[oa]s?) (?:\w+ ){0,2}(?:por guardias|las 24 horas|todo el "
             r"tiempo|dia y noche)"),
    practice("movement-restriction", rf"(?:necesita|necesitan|requiere|requieren|deben? (?:pedir|solicitar|obtener|"
             rf"tener)|tienen que (?:pedir|solicitar|obtener|tener)|se necesita|se requiere) {GAP2}(?:un )?(?:permiso|"
             rf"autorizacion|pase|aprobacion) {GAP3}(?:para )?(?:salir|abandonar|dejar|ir|viajar|visitar)|(?:salir|"
             rf"salen|sale|salidas?) {GAP4}(?:solo|solamente|unicamente) (?:con|bajo|previo|mediante) (?:\w+ ){{0,2}}"
             r"(?:permiso|autorizacion|pase|aprobacion)"),
    practice("movement-restriction", rf"(?:salir|salida|salidas) {GAP4}(?:requiere|requieren|necesita|necesitan|esta "
             rf"sujeta a|sujetas? a) {GAP2}(?:de )?(?:un |una )?(?:permiso|autorizacion|pase|aprobacion)"),
    practice("movement-restriction", rf"(?:hay que|deben?|tienen? que|debera[n]?) (?:pedir|solicitar|obtener|tener|"
             rf"avisar|informar) {GAP3}(?:al|a la) (?:mayordomo|supervisor|encargad[oa]|patron|jefe|gerente|"
             r"empleador|capataz) (?:\w+ ){0,2}(?:para|antes de) (?:salir|ir|irse|dejar|abandonar)"),
    practice("movement-restriction", rf"hay que (?:pedir|solicitar|obtener|tener) {GAP2}(?:un )?(?:permiso|"
             rf"autorizacion|pase|aprobacion) {GAP3}(?:para )?(?:salir|abandonar|dejar|ir|viajar|visitar)"),
    practice("movement-restriction", rf"(?:escoltad[oa]s?|vigilad[oa]s?|custodiad[oa]s?) {GAP3}(?:en todo momento|"
             r"todo el tiempo|cuando salen|al salir|fuera de la finca|en el pueblo)|(?:movimientos?|salidas|entradas y "
             rf"salidas|paradero) {GAP3}(?:son |estan |seran )?(?:restringid|limitad|controlad|vigilad|monitoread|"
             rf"registrad)\w*|(?:restringe\w*|limita\w*|controla\w*|vigila\w*|monitorea\w*) {GAP3}(?:los |sus )?"
             r"(?:movimientos|salidas|paradero)"),
    practice("movement-restriction", rf"(?:deben|debe|tienen que|tiene que|estan obligad[oa]s a|esta obligad[oa] a) "
             rf"(?:permanecer|quedarse|estar) {GAP3}(?:en|dentro de) (?:la |el |las |los )?{PLACE} {GAP2}(?:en todo "
             r"momento|todo el tiempo|despues del trabajo|fuera del horario|los dias libres|en su tiempo libre|los "
             r"fines de semana|por la noche|de noche|siempre)"),
    practice("movement-restriction", r"(?:mantenid|tenid|permanecen|viven|estan|quedan)\w* (?:\w+ )?(?:aislad[oa]s|"
             r"incomunicad[oa]s)|sin contacto con (?:el exterior|sus familias?|familiares|nadie|el mundo)"),
    permission("movement-restriction", r"(?:(?:puede|pueden|podran|podra|pueda|puedan|libres? (?:de|para)|libertad "
               r"(?:de|para)|permitid[oa]s?|autorizad[oa]s? (?:a|para)|tienen derecho a|tiene derecho a|derecho a)\s+"
               r"(?:no |nunca )?(?:libremente |siempre |tambien )?)?" + LEAVE_PLACE
               + r"|libertad de (?:movimiento|circulacion|transito)|libre (?:circulacion|transito)"),
)
UNION_WORD = r"(?:un |una |el |la |los |las |algun |cualquier |su |sus )?(?:sindicatos?|organizacion(?:es)? " \
             r"(?:sindical(?:es)?|de trabajadores)|asociacion(?:es)? de trabajadores|agrupacion(?:es)? " \
             r"sindical(?:es)?|" \
             r"negociacion colectiva|gremios?)"
UNION = (
    permission("union-ban", rf"(?:afiliarse|afiliar|afiliarte|afiliad[oa]s?|afiliacion|unirse|unirte|ingresar|"
               rf"pertenecer|pertenecen|pertenece|formar|forman|organizar|organizarse|crear|fundar|participar|"
               rf"participan|contactar|hablar con|reunirse con|apoyar|reconoce|reconocer|reconocemos|respeta|"
               rf"respetamos|"
               rf"respetar|acepta|aceptamos|tolera|toleramos|tolerar|permite|permitimos|permitir|membresia en|ser "
               rf"miembros? de|sean miembros de|es miembro de) {GAP3}{UNION_WORD}"),
    permission("union-ban", r"sindicatos?|sindicalizacion|sindicalizarse|sindicalizar|libertad sindical|libertad de "
               r"asociacion|derecho (?:de|a) (?:asociacion|sindicalizacion|sindicalizarse|huelga|negociacion colectiva|"
               r"organizarse|asociarse)|negociacion colectiva|contrato colectivo|convenio colectivo|actividad(?:es)? "
               r"sindical(?:es)?|huelgas?|(?:hacer|ir a|irse a|declararse en) huelga|(?:reuniones|representantes?|"
               r"delegad[oa]s?|lideres|dirigentes) sindical(?:es)?|(?:afiliacion|membresia|organizacion) "
               r"sindical(?:es)?"),
    practice("union-ban", r"antisindical\w*|anti sindical\w*|no (?:afiliarse|sindicalizarse|unirse) a (?:ningun|un|"
                          r"una) "
             r"(?:sindicato|organizacion sindical)|libre de sindicatos"),
)
SEX = r"(?:hombres?|varon(?:es)?|mujer(?:es)?|masculino|femenino|senoras?|senoritas?|chicas?|chicos?|muchachas?|" \
      r"muchachos?|caballeros?|damas?)"
NOT_OR = r"(?!\s*(?:y|o|e|u|/|,)\s*\w)"
NAT = r"(?:haitian[oa]s?|mexican[oa]s?|guatemaltec[oa]s?|hondurenos?|hondurenas?|salvadorenos?|salvadorenas?|" \
      r"nicaraguenses?|jamaiquin[oa]s?|dominican[oa]s?|venezolan[oa]s?|colombian[oa]s?|peruan[oa]s?|" \
      r"ecuatorian[oa]s?|bolivian[oa]s?|cuban[oa]s?|extranjer[oa]s?|indigenas?|negr[oa]s|blanc[oa]s|morenos|" \
      r"centroamerican[oa]s?|canadienses?|estadounidenses?|brasilen[oa]s?|chilen[oa]s?|argentin[oa]s?|" \
      r"costarricenses?|panamen[oa]s?)"
REL = r"(?:catolic[oa]s?|cristian[oa]s?|evangelic[oa]s?|protestantes?|musulman(?:es|a|as)?|judi[oa]s?|adventistas?|" \
      r"mormon(?:es)?|testigos de jehova|pentecostales?|creyentes)"
REFUSE = r"(?:no se (?:acepta|aceptan|contrata|contratan|admite|admiten)|no (?:aceptamos|contratamos|admitimos))"
DISCRIMINATION = (
    practice("discrimination", rf"se embara[zc]\w* {GAP5}(?:despedidas?|devueltas?|enviadas?|regresan|vuelven|sin pago|"
             r"pierde\w*)"),
    practice("discrimination", rf"(?:solo|solamente|unicamente|exclusivamente|exclusivo para) (?:para )?(?:\w+ )?{SEX}"
             rf"{NOT_OR}|{SEX}(?: trabajador\w*| candidat\w*| jornaler\w*| aspirant\w*)? (?:solamente|unicamente|"
             r"exclusivamente|preferentemente|de preferencia)\b|(?:sexo|genero)\s*(?::|-|=)\s*(?:masculino|femenino|"
             r"hombre|mujer|m|f)\b|(?:debe|deben|tiene que|tienen que) ser (?:hombres?|mujer(?:es)?|varon(?:es)?|del "
             r"sexo (?:masculino|femenino))"),
    practice("discrimination", rf"(?:candidat[oa]s?|trabajador(?:es|as)?|aspirantes?|postulantes?|personal|"
             rf"solicitantes?) (?:del sexo )?(?:hombres|varones|mujeres|masculinos?|femeninas?|masculino|"
             rf"femenino){NOT_OR}"),
    practice("discrimination", r"(?:se )?(?:busca|buscan|buscamos|contrata|contratan|contratamos|necesita|necesitan|"
             r"necesitamos|requiere|requieren|requerimos|solicita|solicitan|solicitamos) (?:solo |solamente |"
             r"unicamente "
             r")?(?:\d+ )?(?:hombres|varones|mujeres|muchachos|muchachas|chicas|chicos|senoritas)(?: (?:jovenes|"
             r"fuertes|"
             rf"solter[oa]s|san[oa]s))?{NOT_OR}|(?:se )?(?:prefiere|prefieren|preferimos|preferencia (?:a|para|por)|"
             rf"dar "
             r"preferencia a|se dara preferencia a) (?:\w+ )?(?:hombres|varones|mujeres|masculino|femenino|solter[oa]s|"
             rf"jovenes|catolicos|cristianos|evangelicos)|{REFUSE} (?:a )?(?:mujeres|hombres|embarazadas|madres)|"
             r"(?:mujeres|hombres|embarazadas|madres) (?:\w+ )?(?:abstenerse|no (?:pueden|deben|seran) (?:aplicar|"
             r"postular(?:se)?|participar|ser contratad[oa]s)|excluid[oa]s|no aceptad[oa]s)|abstenerse (?:mujeres|"
             r"hombres|embarazadas)"),
    practice("discrimination", r"negativ[oa]s? (?:\w+ ){0,2}(?:de )?embarazo|embarazo (?:\w+ ){0,2}negativ[oa]"),
    practice("discrimination", rf"(?:prueba|test|examen|certificado|constancia)s? (?:\w+ )?(?:de )?(?:no )?(?:embarazo|"
             rf"gravidez|ingravidez)|no (?:estar |esten |este )?embarazadas?|ingravidez|(?:embarazad[oa]s?|embarazo) "
             r"(?:sera |seran |es |son |causa |implica |conlleva )?(?:motivo de |causa de |causal de )(?:despido|"
             r"terminacion|repatriacion)|(?:queda|quede|quedan|queden|resulta|resulten|salga|salgan) embarazadas? "
             rf"{GAP5}(?:despedidas?|devueltas?|enviadas?|repatriadas?|pierde|pierden|terminara|terminaran)|"
             r"anticoncept\w*"),
    practice("discrimination", r"(?:debe|deben|tiene que|tienen que) ser (?:solter[oa]s?|casad[oa]s?|viud[oa]s?|"
             r"divorciad[oa]s?)|(?:solter[oa]s?|casad[oa]s?|sin hijos) (?:solamente|unicamente|de preferencia|"
             r"preferentemente)|estado civil\s*(?::|-|=)\s*(?:solter|casad)\w*|(?:solo|solamente|unicamente) "
             r"(?:personas |hombres |mujeres )?(?:solter[oa]s|casad[oa]s|sin hijos)|(?:mujeres|hombres|personas|"
             r"trabajador[ae]s|candidat[oa]s) solter[oa]s|(?:no|sin) (?:tener )?hijos (?:menores )?(?:como )?"
             r"(?:requisito|indispensable|obligatorio)"),
    practice("discrimination", rf"(?:solo|solamente|unicamente|exclusivamente) {REL}|{REL} (?:solamente|unicamente|de "
             rf"preferencia|preferentemente)|(?:debe|deben|tiene que|tienen que) ser {REL}|religion\s*(?::|-|=)\s*"
             r"(?!cualquiera|indistinta|no |ninguna|libre)\w+|(?:debe|deben|tiene que|tienen que|obligatorio) "
             r"(?:asistir|"
             r"ir) a (?:la )?(?:misa|iglesia|culto|servicios religiosos)"),
    practice("discrimination", rf"(?:se prefiere|se prefieren|preferimos|preferentemente|de preferencia|reservad[oa]s? "
             rf"(?:solo |solamente |exclusivamente )?(?:para|a)) (?:\w+ )?(?:hombres|varones|mujeres|jovenes|"
             rf"solter[oa]s|"
             rf"casad[oa]s|{NAT}|{REL})"),
    practice("discrimination", rf"(?:solo|solamente|unicamente|exclusivamente) (?:para )?(?:trabajadores |personas |"
             rf"candidatos )?{NAT}|{NAT} (?:solamente|unicamente|de preferencia|preferentemente)\b|{REFUSE} (?:a )?"
             rf"(?:trabajadores |personas )?{NAT}|{NAT} (?:abstenerse|no (?:pueden|deben) (?:aplicar|postular\w*)|"
             rf"excluid[oa]s)|abstenerse {NAT}|(?:nacionalidad|raza|etnia|origen etnico|color de piel)\s*(?::|-|=)\s*"
             rf"(?!cualquiera|indistinta|no |todas|libre)\w+|(?:debe|deben|tiene que|tienen que) ser (?:de "
             rf"nacionalidad )?"
             rf"{NAT}"),
)
AGE = (
    practice("discrimination", r"(?:candidat[oa]s|trabajador(?:es|as)|personas|aspirantes|solicitantes|jovenes) "
             r"(?:\w+ ){0,2}(?:menores de|de menos de|con menos de|hasta) (?P<upper>\d{2})(?! ?(?:horas|kg|kilos?|%|"
             r"dolares|pesos|\w))"),
    practice("discrimination", r"(?:edad|edades)\s*(?::|-|=|de|entre)?\s*(?:de |entre )?(?:los )?\d{2}\s*(?:-|a|y|"
             r"hasta)\s*(?:los )?(?P<upper>\d{2})"),
    practice("discrimination", r"\d{2}\s*(?:-|a|y)\s*(?:los )?(?P<upper>\d{2})\s*anos(?! de experiencia)"),
    practice("discrimination", r"(?:menores de|menos de|no mayores de|no mayor de|hasta|maximo|como maximo|que no "
             r"(?:pasen|superen|excedan) (?:de |los )?|que no tengan mas de|no mas de)\s*(?:los )?(?P<upper>\d{2})\s*"
             r"anos(?! de experiencia)"),
    practice("discrimination", r"(?:edad maxima|limite de edad)\s*(?::|-|=|de)?\s*(?P<upper>\d{2})"),
    practice("discrimination", r"(?:mayores de|mas de)\s*(?P<upper>\d{2})\s*(?:anos)?\s*(?:abstenerse|no (?:se aceptan|"
             r"pueden|seran)|excluid[oa]s)"),
    practice("discrimination", r"(?:se busca|se buscan|buscamos|se necesitan|necesitamos|solo|preferentemente|de "
             r"preferencia) (?:\w+ )?jovenes|jovenes (?:\w+ )?(?:solamente|de preferencia|preferentemente)"),
    practice("underage", r"(?:edad minima|a partir de los|desde los|mayores de|minimo)\s*(?::|-|=|de)?\s*1[0-7]\s*"
             r"anos|edad minima\s*(?::|-|=|de)?\s*1[0-7]\b|(?:de )?1[0-7] anos (?:en adelante|o mas|cumplidos)"),
)
TRIGGERS = RETENTION + MOVEMENT + UNION + DISCRIMINATION + AGE
