"""Portuguese vocabulary shared by the Portuguese triggers and cues (folded: lowercase, no accents)."""

from ethics.rules.lexicon.base import alt, gap

NEG = r"nao|nunca|jamais|nenhum|nenhuma|nenhuns|nenhumas|ninguem|nada|nem"
WEAK_NEG = r"sem|isento de|isentos de|isenta de|isentas de|em vez de|ao inves de"
GAP1, GAP2, GAP3, GAP4, GAP5, GAP8, GAP12 = (gap(n, NEG + "|" + WEAK_NEG) for n in (1, 2, 3, 4, 5, 8, 12))

DET = r"(?:o |a |os |as |cada |todo |toda |todos |todas |ao |aos |do |dos |da |das |pelo |pela |pelos |pelas |" \
      r"nossos |nossas |seus |suas |seu |sua )?"
WORKER_NOUN = alt(
    r"trabalhador(?:es|a|as)?", r"empregad[oa]s?", r"funcionari[oa]s?", r"candidat[oa]s?", r"colaborador(?:es|a|as)?",
    r"operari[oa]s?", r"migrantes?", r"contratad[oa]s?", r"selecionad[oa]s?", r"safristas?", r"colhedor(?:es|a|as)?",
)
WORKER = DET + alt(WORKER_NOUN, r"voces?")
EMPLOYER_NOUN = alt(
    r"empregador(?:es|a|as)?", r"empresas?", r"companhia", r"patr(?:ao|oes|oa)", r"fazenda", r"sitio", r"granja",
    r"produtor(?:es|a)?", r"agricultor(?:es)?", r"nos", r"firma", r"agencia", r"recrutador(?:es|a)?", r"contratante",
    r"hotel", r"dono", r"proprietari[oa]", r"administracao",
    r"supervisor(?:es|a)?", r"encarregad[oa]", r"gerente", r"chefe", r"capataz", r"gato",
)
EMPLOYER = DET + EMPLOYER_NOUN
MODALS = (
    r"deve|devem|devera|deverao|tem que|tem de|terao que|terao de|vai|vao|ira|irao|precisa|precisam|sempre|tambem|"
    r"mesmo|mesma|mesmos|so|diretamente|totalmente|integralmente|lhe|lhes|o|a|os|as|se|e|sao|sera|serao|esta|estao|"
    r"fica|ficam|se compromete a|se comprometem a|e responsavel por|sao responsaveis por|tera que|tera de|"
    r"teremos que|vai ter que|vao ter que|pode|podem|podera|poderao"
)
MODAL = rf"(?:(?:{MODALS})\s+){{0,3}}(?:(?P<neg>nao|nunca|jamais)\s+(?:(?:{MODALS})\s+){{0,2}})?"
PAY_VERB = alt(
    r"paga|pagam|pagara|pagarao|pagar|pague|paguem|pagando|arca com|arcam com|arcara com|arcar com|custeia",
    r"custeiam|custeara|custear|cobre|cobrem|cobrira|cobrir|financia|financiam|financiara|financiar|assume|assumem",
    r"assumira|assumir|banca|bancam|bancar|se responsabiliza por|se responsabilizam por|oferece|oferecem|fornece",
    r"fornecem|compra|compram|comprar|adquire|adquirem",
)
WAGE = alt(r"salarios?", r"pagamentos?", r"remuneracao", r"remuneracoes", r"ordenados?", r"vencimentos", r"ganhos",
           r"rendimentos", r"contracheques?", r"holerites?", r"folha de pagamento", r"diarias?")
CURRENCY = r"(?:us\$|usd|r\$|brl|\$|reais|dolares)"
PLACE = r"(?:fazenda|propriedade|alojamento|moradia|dormitorios?|acampamento|sitio|instalacoes|local de trabalho|" \
        r"cidade|vila|hotel|pais|casa|quartos?|granja|estufa|usina|canteiro)"
LEAVE_PLACE = alt(
    rf"(?:sair|sai|saem|saia|saiam|deixar|deixa|deixam|abandonar|abandona|abandonam) (?:d[oa]s? |de |o |a |os |as )?"
    rf"{PLACE}",
    r"sair (?:livremente|quando quiserem|quando quiser|a qualquer momento|em seu tempo livre|nos dias de folga|nas "
    r"folgas|para passear)",
    r"sair(?=\s*(?:[.;,!]|$))", r"ir (?:a|para a|ate a) cidade", r"fazer compras", r"circular livremente", r"ir e vir",
    r"(?:locomover|deslocar)(?: se)? livremente",
    r"(?:conversar|falar|comunicar se) (?:com )?(?:pessoas (?:de fora|estranhas|externas)|visitantes|estranhos|a "
    r"imprensa|jornalistas|ninguem)",
    r"(?:comunicar se|falar|contatar|contactar|ligar) (?:com |para )?(?:a |as |os |sua |suas |seus )?(?:familias?|"
    r"familiares|parentes|amigos|consulado|embaixada)",
    r"(?:usar|ter|manter) (?:seus |seu |o |os )?(?:proprios? )?(?:celulares?|telefones?)",
)
DOC = alt(
    r"passaportes?", r"documentos? (?:de identidade|de identificacao|pessoais|de viagem|migratorios)",
    r"carteiras? de identidade", r"identidades?", r"rg", r"(?:seus|os|suas) documentos", r"papeis",
    r"autorizacao de residencia", r"carteiras? de trabalho", r"ctps", r"certidao de nascimento",
    r"cart(?:ao|oes) (?:do banco|bancarios?|de debito|de credito)",
)
RETAIN = alt(
    r"guarda|guardam|guardara|guardar|guardad[oa]s?|retem|reter|retera|retid[oa]s?|retencao d[eoa]s?|conserva",
    r"conservam|conservar|conservad[oa]s?|fica com|ficam com|ficara com|ficar com|confisca|confiscam|confiscar",
    r"confiscad[oa]s?|recolhe|recolhem|recolhera|recolher|recolhid[oa]s?|toma|tomam|tomar|tomad[oa]s?|mantem|manter",
    r"mantid[oa]s?|entrega|entregam|entregar|entregues?|deposita|depositam|depositar|depositad[oa]s?|apreende",
    r"apreendem|apreender|apreendid[oa]s?|segura|seguram|segurar|tira|tiram|tirar",
)
RETURN_SOON = (
    r"(?:devolvid[oa]s?|devolve|devolvem|devolvera|devolverao|retornad[oa]s?|restituid[oa]s?|entregues? de volta) "
    r"(?:\w+ ){0,3}?(?:imediatamente|de imediato|na hora|no mesmo dia|em (?:\d+|poucas|algumas) (?:horas|minutos|"
    r"dias)|apos (?:a )?(?:verificacao|conferencia|copia|digitalizacao|checagem)|logo apos)"
)
