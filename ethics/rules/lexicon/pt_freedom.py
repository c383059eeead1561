"""Portuguese triggers about freedom: documents, movement, unions, discrimination, age (folded text)."""

from ethics.rules.lexicon.base import permission, practice
from ethics.rules.lexicon.pt_words import DOC, GAP2, GAP3, GAP4, GAP5, LEAVE_PLACE, PLACE, RETAIN

RETENTION = (
    practice("passport-retention", rf"{DOC} {GAP3}(?:fica|ficam|ficara|ficarao|permanece|permanecem) (?:com|em poder "
             r"d[oa]s?|nas maos d[oa]s?) (?:o |a |os )?(?:supervisor|encarregad|gerente|empregador|empresa|patrao|gato|"
             r"administracao|chefe|recrutador|agencia)\w*"),
    practice("passport-retention", rf"{DOC} {GAP3}(?:ficam|fica|ficarao|ficara) sob (?:nossos?|nossas?|os|o) "
             r"(?:cuidados?|controle|custodia|guarda)"),
    practice("passport-retention", rf"{RETAIN} {GAP4}{DOC}|{DOC} {GAP3}(?:se )?{RETAIN}", cues="hold"),
    practice("passport-retention", rf"{DOC} {GAP4}(?:(?:e|sao|sera|serao|fica|ficam|ficara|ficarao|devem ser|deve ser)"
             r"\s+)?(?:guardad[oa]s?|retid[oa]s?|confiscad[oa]s?|recolhid[oa]s?|apreendid[oa]s?|entregues?|"
             r"depositad[oa]s?|mantid[oa]s?|custodiad[oa]s?|em (?:poder|posse|maos) d[oa]s? (?:empregador|empresa|"
             r"recrutador|agencia|patrao|gato|fazenda))", cues="hold"),
    practice("passport-retention", rf"{DOC} {GAP3}(?:fica|ficam|ficara|ficarao|permanece|permanecem) (?:(?:no|na|em) "
             r"(?:nosso |nossa |o |a )?(?:cofre|escritorio)|(?:sob|em) (?:nossa|nosso) (?:custodia|poder|guarda))"),
    practice("passport-retention", rf"{DOC} {GAP4}(?:devolvid[oa]s?|restituid[oa]s?|retornad[oa]s?) {GAP3}(?:so |"
             r"somente |apenas )?(?:ao|no|apos o|apos a|na) (?:final|fim|termino|saida|partida|retorno)"),
)
PHONE = r"(?:celulares?|telefones?|aparelhos?)"
MOVEMENT = (
    practice("movement-restriction", r"(?:so|somente|apenas) (?:podem|pode|poderao) (?:sair|ir a cidade)|(?:sair|saem) "
             r"(?:\w+ ){0,4}(?:so|somente|apenas) (?:com|acompanhad[oa]s? (?:de|por|pelo)) (?:um |o |a )?(?:supervisor|"
             r"vigia|encarregad[oa]|gato|capataz)"),
    practice("movement-restriction", r"(?:portao|portoes|porta|portaria)(?:s)? (?:\w+ ){0,2}(?:e |sao )?(?:fechad|"
                                     r"trancad)"
             r"[oa]s? (?:as|a partir das|depois das) \d+\w*"),
    practice("movement-restriction", r"toque de recolher|horario (?:limite|maximo) (?:de|para) (?:voltar|retornar|"
             r"entrar|chegar)"),
    practice("movement-restriction", rf"(?:confisca\w*|recolhe\w*|recolhid\w*|retem|retid\w*|guarda\w*|toma\w*|tira\w*|"
             rf"entregar|entrega|entregam|apreend\w*|fica com|ficam com) {GAP3}(?:os |seus |o |seu |suas )?{PHONE}|"
             rf"(?:celulares?|telefones?) {GAP4}(?:sao |serao |e |sera |ficam )?(?:confiscad|recolhid|retid|guardad|"
             rf"apreendid|entregue|proibid)\w*|(?:celulares?|telefones?) {GAP3}(?:ficam|fica|ficarao|ficara) (?:com|em "
             rf"poder "
             r"d[oa]s?|guardad\w* com) (?:o |a |os )?(?:supervisor|encarregad|gerente|empregador|empresa|patrao|gato|"
             r"administracao|chefe)\w*", cues="hold"),
    practice("movement-restriction", r"trancad[oa]s?(?! (?:por|pelos|pelas) (?:dentro|trabalhador\w*|morador\w*))|"
             r"(?:tranca|trancam) (?:\w+ ){0,3}(?:por fora|a chave|a noite)|com cadeado|(?:vigiad[oa]s?|guardad[oa]s?) "
             r"(?:\w+ ){0,2}(?:por (?:segurancas|guardas|capangas|vigias)|24 horas|o tempo todo|dia e noite)"),
    practice("movement-restriction", rf"(?:precisa|precisam|necessita|necessitam|deve pedir|devem pedir|tem que pedir|"
             rf"deve obter|devem obter|tem que ter) {GAP2}(?:de )?(?:uma )?(?:permissao|autorizacao|liberacao) {GAP3}"
             rf"(?:para )?(?:sair|deixar|ir|viajar|visitar)|(?:sair|saida|saidas) {GAP4}(?:so|somente|apenas) (?:com|"
             r"mediante|apos) (?:\w+ ){0,2}(?:permissao|autorizacao|liberacao)"),
    practice("movement-restriction", rf"(?:sair|saida|saidas) {GAP4}(?:requer|exige|depende de|precisa de|esta "
             rf"sujeita a) {GAP2}(?:de )?(?:uma )?(?:permissao|autorizacao|liberacao)"),
    practice("movement-restriction", r"(?:pedir|pede|pedem|avisar|informar|pedir permissao|pedir autorizacao) (?:ao|"
                                     r"a) "
             r"(?:gato|encarregad[oa]|supervisor|patrao|gerente|chefe|capataz|empregador) (?:\w+ ){0,2}(?:antes de|"
             r"para) "
             r"(?:ir|sair|deixar)"),
    practice("movement-restriction", rf"(?:escoltad|vigiad|seguid|monitorad)\w* {GAP3}(?:o tempo todo|a todo momento|"
             rf"quando saem|ao sair|fora da fazenda|na cidade)|(?:movimentos?|saidas|entradas e saidas|deslocamentos?) "
             rf"{GAP3}(?:sao |estao |serao )?(?:restringid|limitad|controlad|vigiad|monitorad|registrad)\w*|"
             rf"(?:restringe\w*|limita\w*|controla\w*|vigia\w*|monitora\w*) {GAP3}(?:os |seus )?(?:movimentos|saidas|"
             r"deslocamentos)"),
    practice("movement-restriction", rf"(?:devem|deve|tem que|tem de|sao obrigad[oa]s a|e obrigad[oa] a) (?:permanecer|"
             rf"ficar|estar) {GAP3}(?:na|no|nas|nos|dentro d[oa]) {PLACE} {GAP2}(?:o tempo todo|a todo momento|depois "
             rf"do "
             r"trabalho|fora do horario|nos dias de folga|nas folgas|no tempo livre|nos fins de semana|a noite|"
             r"sempre)"),
    practice("movement-restriction", r"(?:mantid|ficam|vivem|estao|permanecem)\w* (?:\w+ )?(?:isolad[oa]s|"
             r"incomunicaveis)|sem contato com (?:o mundo exterior|o exterior|suas familias?|familiares|ninguem)"),
    permission("movement-restriction", r"(?:(?:pode|podem|podera|poderao|possa|possam|livres? para|liberdade (?:de|"
               r"para)|permitid[oa]s? (?:a )?|autorizad[oa]s? a|tem direito a|direito de)\s+(?:nao |nunca )?"
               r"(?:livremente |sempre |tambem )?)?" + LEAVE_PLACE + r"|liberdade de (?:movimento|locomocao|circulacao|"
               r"ir e vir)|livre (?:circulacao|locomocao)"),
)
UNION_WORD = r"(?:um |uma |o |a |os |as |algum |qualquer |seu |sua |ao )?(?:sindicatos?|organizac(?:ao|oes) " \
             r"sindica(?:l|is)|associac(?:ao|oes) de trabalhadores|organizac(?:ao|oes) de trabalhadores|negociacao " \
             r"coletiva)"
UNION = (
    permission("union-ban", rf"(?:filiar se|se filiar|filiar|filiad[oa]s?|filiacao|associar se|se associar|"
               rf"sindicalizar se|se sindicalizar|ingressar|entrar|pertencer|pertencem|pertence|formar|formam|criar|"
               rf"fundar|"
               rf"participar|participam|contatar|falar com|reunir se com|apoiar|reconhece|reconhecer|reconhecemos|"
               rf"respeita|respeitamos|respeitar|aceita|aceitamos|tolera|toleramos|tolerar|permite|permitimos|permitir|"
               rf"ser membros? de|ser associad[oa]s? (?:a|de)) {GAP3}{UNION_WORD}"),
    permission("union-ban", r"sindicatos?|sindicalizacao|sindicalizar se|liberdade sindical|liberdade de associacao|"
               r"direito (?:de|a) (?:associacao|sindicalizacao|greve|negociacao coletiva|se organizar|organizacao)|"
               r"negociacao coletiva|acordo coletivo|convencao coletiva|atividades? sindica(?:l|is)|greves?|fazer "
               r"greve|"
               r"entrar em greve|(?:reunioes|representantes?|delegad[oa]s?|lideres|dirigentes) sindica(?:l|is)|"
               r"(?:filiacao|"
               r"organizacao) sindical"),
    practice("union-ban", r"antissindica\w*|anti sindica\w*|nao (?:se filiar|filiar se|se sindicalizar|sindicalizar "
                          r"se) "
             r"a (?:nenhum|um|qualquer) sindicato"),
)
SEX = r"(?:homens?|mulher(?:es)?|masculino|feminino|mocas?|rapaz(?:es)?|senhoras?|senhoritas?|garotas?|garotos?)"
NOT_OR = r"(?!\s*(?:e|ou|/|,)\s*\w)"
REL = r"(?:catolic[oa]s?|crist(?:ao|aos|a|as)|evangelic[oa]s?|protestantes?|muculman[oa]s?|judeus?|judias?|" \
      r"adventistas?|mormons?|testemunhas de jeova|pentecostais|crentes)"
NAT = r"(?:haitian[oa]s?|mexican[oa]s?|guatemaltec[oa]s?|hondurenh[oa]s?|salvadorenh[oa]s?|nicaraguenses?|" \
      r"jamaican[oa]s?|dominican[oa]s?|venezuelan[oa]s?|colombian[oa]s?|peruan[oa]s?|equatorian[oa]s?|" \
      r"bolivian[oa]s?|paraguai[oa]s?|cuban[oa]s?|estrangeir[oa]s?|indigenas?|negr[oa]s|branc[oa]s|" \
      r"nordestin[oa]s?|african[oa]s?|brasileir[oa]s?|argentin[oa]s?|chilen[oa]s?|uruguai[oa]s?)"
REFUSE = r"(?:nao (?:aceitamos|contratamos|admitimos)|nao se (?:aceita|aceitam|contrata|contratam|admite|admitem))"
ONLY = r"(?:somente|apenas|so|exclusivamente|exclusivo para|unicamente)"
DISCRIMINATION = (
    practice("discrimination", rf"(?:engravid\w*|gravidas?) {GAP5}(?:voltam|demitidas?|mandadas?|sem pagamento|"
             r"dispensadas?)"),
    practice("discrimination", rf"{ONLY} (?:para )?(?:\w+ )?{SEX}{NOT_OR}|{SEX}(?: trabalhador\w*| candidat\w*)? "
             r"(?:somente|apenas|exclusivamente|de preferencia|preferencialmente)\b|(?:sexo|genero)\s*(?::|-|=)\s*"
             r"(?:masculino|feminino|homem|mulher|m|f)\b|(?:deve|devem|tem que|tem de) ser (?:homens?|mulher(?:es)?|do "
             r"sexo (?:masculino|feminino))|(?:procura\w*|busca\w*|contrata\w*|precisa\w*|necessita\w*|selecion\w*|"
             r"recrut\w*) (?:se )?(?:somente |apenas |so )?(?:\d+ )?(?:homens|mulheres|rapazes|mocas|garotas)(?: "
             r"(?:jovens|"
             rf"fortes|solteir[oa]s|saudaveis))?{NOT_OR}"),
    practice("discrimination", rf"(?:candidat[oa]s?|trabalhador(?:es|as)?|pessoas|funcionari[oa]s?) (?:do sexo )?"
             rf"(?:masculino|feminino|homens|mulheres){NOT_OR}"),
    practice("discrimination", rf"(?:preferencia|prioridade) (?:\w+ ){{0,2}}(?:para|a|aos|as) (?:homens|mulheres|"
             rf"candidatos do sexo masculino|solteir[oa]s|jovens|catolicos|evangelicos|cristaos)|{REFUSE} (?:\w+ )?"
             r"(?:mulheres|homens|gravidas|gestantes|maes)|(?:mulheres|homens|gravidas|gestantes|maes) (?:\w+ )?(?:nao "
             r"(?:podem|devem|serao) (?:se candidatar|aplicar|participar|ser contratad[oa]s)|excluid[oa]s|nao "
             r"aceit[oa]s)"),
    practice("discrimination", r"negativ[oa]s? (?:\w+ ){0,2}(?:de )?(?:gravidez|gestacao)|(?:gravidez|gestacao) "
             r"(?:\w+ ){0,2}negativ[oa]"),
    practice("discrimination", rf"(?:teste|exame|atestado|comprovante)s? (?:\w+ )?(?:de )?(?:nao )?(?:gravidez|"
                               rf"gestacao)|"
             rf"nao (?:estar |esteja |estejam )?(?:gravidas?|gestantes?)|(?:ficar|fica|ficarem|engravidar|engravida|"
             rf"engravidarem|estiver gravida|estiverem gravidas) {GAP5}(?:demitid|dispensad|mandad|repatriad|perde|"
             rf"perdem|"
             rf"perdera)\w*|gravidez (?:e |sera |causa |implica )?(?:motivo de |causa de )(?:demissao|dispensa|"
             r"repatriacao)|anticoncepc\w*|contracept\w*|laqueadura|esterilizac\w*"),
    practice("discrimination", r"(?:deve|devem|tem que|tem de) ser (?:solteir[oa]s?|casad[oa]s?|viuv[oa]s?|"
             r"divorciad[oa]s?)|(?:solteir[oa]s?|casad[oa]s?|sem filhos) (?:somente|apenas|de preferencia|"
             r"preferencialmente)|estado civil\s*(?::|-|=)\s*(?:solteir|casad)\w*|(?:somente|apenas|so) (?:pessoas |"
             r"homens |mulheres )?(?:solteir[oa]s|casad[oa]s|sem filhos)|(?:mulheres|homens|pessoas|trabalhador[ae]s|"
             r"candidat[oa]s) solteir[oa]s"),
    practice("discrimination", rf"{ONLY} {REL}|{REL} (?:somente|apenas|de preferencia|preferencialmente)|(?:deve|devem|"
             rf"tem que|tem de) ser {REL}|religiao\s*(?::|-|=)\s*(?!qualquer|indiferente|nenhuma|livre|todas)\w+|"
             rf"(?:deve|"
             r"devem|tem que|obrigatorio) (?:frequentar|ir a|ir na|participar d[ao]s?) (?:missa|igreja|cultos?)"),
    practice("discrimination", rf"(?:prefer\w*|de preferencia|reservad[oa]s? (?:somente |apenas |exclusivamente )?"
             rf"(?:para|a|aos|as)) (?:\w+ )?(?:homens|mulheres|jovens|solteir[oa]s|casad[oa]s|{NAT}|{REL})"),
    practice("discrimination", rf"{ONLY} (?:para )?(?:trabalhadores |pessoas |candidatos )?{NAT}|{NAT} (?:somente|"
             rf"apenas|de preferencia|preferencialmente)\b|{REFUSE} (?:trabalhadores |pessoas )?{NAT}|{NAT} (?:nao "
             r"(?:podem|devem) (?:se candidatar|aplicar)|excluid[oa]s|nao aceit[oa]s)|(?:nacionalidade|raca|etnia|"
             r"origem etnica|cor da pele)\s*(?::|-|=)\s*(?!qualquer|indiferente|todas|livre)\w+|(?:deve|devem|tem que) "
             rf"ser (?:de nacionalidade )?{NAT}"),
)
AGE = (
    practice("discrimination", r"(?:candidat[oa]s|trabalhador(?:es|as)|pessoas|jovens) (?:\w+ ){0,2}(?:com menos de|"
             r"menores de|de ate|com ate) (?P<upper>\d{2})(?! ?(?:horas|kg|quilos?|%|reais|\w))"),
    practice("discrimination", r"idades?\s*(?::|-|=|de|entre)?\s*(?:de |entre )?\d{2}\s*(?:-|a|e|ate)\s*"
             r"(?P<upper>\d{2})"),
    practice("discrimination", r"\d{2}\s*(?:-|a|e)\s*(?P<upper>\d{2})\s*anos(?! de experiencia)"),
    practice("discrimination", r"(?:menores de|menos de|ate|no maximo|maximo de|maximo|que nao (?:passem|ultrapassem|"
             r"excedam) (?:de |os )?|com ate|nao mais de)\s*(?:os )?(?P<upper>\d{2})\s*anos(?! de experiencia)"),
    practice("discrimination", r"(?:idade maxima|limite de idade)\s*(?::|-|=|de)?\s*(?P<upper>\d{2})"),
    practice("discrimination", r"(?:maiores de|mais de|acima de)\s*(?P<upper>\d{2})\s*(?:anos)?\s*(?:nao (?:serao "
             r"aceitos|podem)|excluid[oa]s)"),
    practice("discrimination", r"(?:procura\w*|busca\w*|contrata\w*|precisa\w*|somente|apenas|de preferencia|"
             r"preferencialmente) (?:se )?(?:\w+ )?jovens|jovens (?:\w+ )?(?:somente|apenas|de preferencia|"
             r"preferencialmente)"),
    practice("underage", r"(?:idade minima|a partir dos|a partir de|maiores de|minimo de)\s*(?::|-|=|de)?\s*1[0-7]\s*"
             r"anos|idade minima\s*(?::|-|=|de)?\s*1[0-7]\b|(?:de )?1[0-7] anos (?:ou mais|em diante|completos)"),
)
TRIGGERS = RETENTION + MOVEMENT + UNION + DISCRIMINATION + AGE
