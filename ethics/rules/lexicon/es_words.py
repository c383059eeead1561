"""Spanish vocabulary shared by the Spanish triggers and cues (folded: lowercase, no accents, "n" for "ñ")."""

from ethics.rules.lexicon.base import alt, gap

NEG = r"no|nunca|jamas|ningun|ninguna|ninguno|ningunos|ningunas|nadie|nada|ni|tampoco"
WEAK_NEG = r"sin|libre de|libres de|exento de|exentos de|exenta de|exentas de|en lugar de|en vez de"
GAP1, GAP2, GAP3, GAP4, GAP5, GAP8, GAP12 = (gap(n, NEG + "|" + WEAK_NEG) for n in (1, 2, 3, 4, 5, 8, 12))

DET = r"(?:el |la |los |las |cada |todo |toda |todos |todas |al |a los |a las |del |de los |de las |nuestros |" \
      r"nuestras |sus |su )?"
WORKER_NOUN = alt(
    r"trabajador(?:es|a|as)?", r"emplead[oa]s?", r"candidat[oa]s?", r"postulantes?", r"aspirantes?",
    r"solicitantes?", r"jornaler[oa]s?", r"obrer[oa]s?", r"personal", r"migrantes?", r"contratad[oa]s?",
    r"seleccionad[oa]s?", r"cosechador(?:es|as?)?", r"recolector(?:es|as?)?", r"participantes?",
)
WORKER = DET + alt(WORKER_NOUN, r"usted(?:es)?", r"tu")
EMPLOYER_NOUN = alt(
    r"empleador(?:es|a|as)?", r"empresas?", r"compania", r"patron(?:es|a)?", r"patrono", r"granja", r"finca",
    r"hacienda", r"rancho", r"productor(?:es|a)?", r"agricultor(?:es)?", r"nosotros", r"firma", r"negocio",
    r"agencia", r"reclutador(?:es|a)?", r"contratante", r"hotel", r"dueno", r"propietario",
    r"administracion", r"supervisor(?:es|a)?", r"mayordomo", r"encargad[oa]", r"capataz", r"gerente", r"jefe",
)
EMPLOYER = DET + EMPLOYER_NOUN
MODALS = (
    r"debe|deben|debera|deberan|tiene que|tienen que|tendra que|tendran que|va a|van a|ha de|han de|siempre|"
    r"tambien|mismo|misma|mismos|mismas|solo|directamente|totalmente|integramente|le|les|lo|la|los|se|es|son|"
    r"sera|seran|esta|estan|se encarga de|se encargan de|es responsable de|son responsables de|se compromete a|"
    r"se comprometen a|puede|pueden|podra|podran"
)
MODAL = rf"(?:(?:{MODALS})\s+){{0,3}}(?:(?P<neg>no|nunca|jamas)\s+(?:(?:{MODALS})\s+){{0,2}})?"
PAY_VERB = alt(
    r"paga|pagan|pagara|pagaran|pagar|pague|paguen|pagando|cubre|cubren|cubrira|cubriran|cubrir|asume|asumen",
    r"asumira|asumiran|asumir|costea|costean|costeara|costear|financia|financian|financiara|financiar|sufraga",
    r"sufragan|sufragar|corre con|corren con|correra con|se hace cargo de|se hacen cargo de|se hara cargo de",
    r"abona|abonan|abonar|absorbe|absorben|provee|proveen|proporciona|proporcionan|compra|compran|comprar",
    r"adquiere|adquieren",
)
WAGE = alt(r"salarios?", r"sueldos?", r"pagos?", r"paga", r"jornal(?:es)?", r"remuneracion(?:es)?", r"ingresos",
           r"nomina", r"cheques?", r"quincenas?", r"ganancias")
CURRENCY = r"(?:us\$|usd|cad|\$|mxn|gtq|hnl|dop|q|l|rd\$)"
PLACE = r"(?:granja|finca|hacienda|rancho|alojamiento|vivienda|albergue|campamento|dormitorios?|instalaciones|" \
        r"predio|propiedad|lugar de trabajo|recinto|pueblo|zona|area|hotel|pais|casa|cuartos?|barracas?|galera|" \
        r"invernadero|galeras|campo)"
LEAVE_PLACE = alt(
    rf"(?:salir|sale|salen|salga|salgan|saliendo|abandonar|abandona|abandonan|dejar|deja|dejan) (?:de |del |de la |"
    rf"de las |de los |la |el |las |los )?{PLACE}",
    r"salir (?:libremente|cuando quieran|cuando quiera|en cualquier momento|en su tiempo libre|los dias libres|"
    r"de paseo)",
    r"salir(?=\s*(?:[.;,!]|$))", r"ir al pueblo", r"ir a la ciudad", r"ir de compras", r"moverse libremente",
    r"circular libremente", r"desplazarse libremente", r"entrar y salir",
    r"(?:comunicarse|hablar|conversar|contactar|llamar) (?:con )?(?:a )?(?:personas (?:ajenas|externas|de (?:afuera|"
    r"fuera))|extranos|visitantes|la prensa|periodistas|nadie)",
    r"(?:comunicarse|hablar|contactar|llamar) (?:con )?(?:a )?(?:sus |su )?(?:familias?|familiares|parientes|"
    r"amigos|consulado|embajada)",
    r"(?:usar|tener|conservar) (?:sus |su )?(?:propios? )?(?:telefonos?|celulares?|moviles?)",
)
DOC = alt(
    r"pasaportes?", r"documentos? (?:de identidad|de identificacion|personales|migratorios|de viaje)",
    r"cedulas?(?: de identidad)?", r"dni", r"ine", r"credencial(?:es)? (?:de elector|para votar)",
    r"tarjetas? de identidad", r"identificaciones", r"(?:sus|los|tus) documentos", r"papeles", r"credencial(?:es)?",
    r"tarjetas? (?:bancarias?|de banco|de debito|de nomina)",
    r"permisos? de residencia", r"documentacion personal", r"actas? de nacimiento",
)
RETAIN = alt(
    r"guarda|guardan|guardara|guardaran|guardar|guardad[oa]s?|retiene|retienen|retendra|retendran|retener",
    r"retenid[oa]s?|retencion de|conserva|conservan|conservara|conservar|conservad[oa]s?|se queda con",
    r"se quedan con|quedarse con|se quedara con|confisca|confiscan|confiscar|confiscad[oa]s?|decomisa|decomisan",
    r"decomisad[oa]s?|recoge|recogen|recogera|recoger|recogid[oa]s?|recolecta|recolectan|recolectad[oa]s?",
    r"toma|toman|tomara|tomar|tomad[oa]s?|mantiene|mantienen|mantener|mantenid[oa]s?|custodia|custodian",
    r"custodiar|custodiad[oa]s?|entregar|entrega|entregan|entregad[oa]s?|deposita|depositan|depositar",
    r"depositad[oa]s?|resguarda|resguardan|resguardar|resguardad[oa]s?|quita|quitan|quitar|quitad[oa]s?",
    r"guardamos|guardaremos|retenemos|retendremos|conservamos|conservaremos|recogemos|recogeremos|mantenemos",
    r"mantendremos|custodiamos|tomamos|tomaremos|nos quedamos con|nos quedaremos con|entregarse|depositarse|dejarse",
    r"entregue|entreguen|guarde|guarden|retenga|retengan|quite|quiten|deje|dejen|recoja|recojan",
)
RETURN_SOON = (
    r"(?:devuelve|devuelven|devuelt[oa]s?|devolvera|devolveran|regresa|regresan|regresad[oa]s?|reintegra|"
    r"restituye|se devuelven?|se regresan?) (?:\w+ ){0,3}?(?:inmediatamente|de inmediato|en el acto|el mismo dia|"
    r"en (?:\d+|unas?|pocas) (?:horas|minutos|dias)|tras (?:la )?(?:verificacion|revision|comprobacion|copia|"
    r"escaneo)|despues de (?:la )?(?:verificacion|revision|comprobacion|copiarlos|escanearlos|verificarlos|"
    r"revisarlos))"
)
