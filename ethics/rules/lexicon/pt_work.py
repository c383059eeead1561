"""Portuguese triggers of issue 15: disguised fees, working conditions, isolation, programme signals (folded).

The same families as ``en_work``, written for Portuguese; see there for the signals.
"""

from ethics.rules.lexicon.base import cost, practice
from ethics.rules.lexicon.pt_words import CURRENCY, GAP2, GAP3, GAP4, GAP5, GAP8, WAGE, WORKER

MONEY = rf"(?:{CURRENCY} ?\d[\d,.]*|\d[\d,.]* ?(?:{CURRENCY}|dolares|dolar|reais|euros|pesos)(?!\w))"
NOT_FEE = r"(?! ?(?:por|a|cada|/) ?(?:semana|mes|dia|noite|hora|refeicao)|(?: \w+){0,3} (?:semanais|mensais|" \
          r"diarios|por semana|por mes|por dia|ao mes|ao dia|(?:para|pela|pelas|pelo|com) (?:a |as |o )?(?:refeic\w+|" \
          r"alimentacao|aluguel|alojamento|moradia|lavanderia)))"
PERCENT = r"\d[\d,.]* ?(?:%|por cento)"
FROM_EMPLOYER = r"(?![^.;]{0,80}(?:do|pelo|paga pelo|a cargo do|cobrad[oa] do) (?:empregador|patrao|empresa|fazenda))"
AGENT = r"(?:agencias?|recrutador(?:es|a)?|agentes?|intermediari[oa]s?|gatos?|empreiteir[oa]s?|coordenador(?:es|a)?|" \
        r"parceir[oa]s?|representantes?|despachantes?|escritorio parceiro)"
OF_WAGE = rf"(?:do|dos|da|de seu|de sua|de seus|sobre o|sobre os|sobre seu) (?:\w+ )?{WAGE}"
FEES = (
    practice("worker-fees", rf"{WORKER} (?:(?:deve|devem|tem que|tem de|precisa|precisam|tambem|primeiro) )*(?:paga|"
             rf"pagam|pagara|pagarao|contribui|contribuem|deposita|depositam|entrega|entregam|transfere|transferem|"
             rf"desembolsa|desembolsam) {GAP3}{MONEY}{NOT_FEE}"),
    cost("worker-fees", rf"{MONEY}{NOT_FEE} (?:para (?:o|a|os|as|cobrir)|pelo|pela|a titulo de|como (?:contribuicao|"
         r"participacao|adiantamento|taxa)|referentes? a)", cues="payer"),
    practice("worker-fees", rf"{AGENT}{FROM_EMPLOYER} {GAP4}(?:recebe|recebem|cobra|cobram|fica com|ficam com|retem|"
             rf"desconta|descontam|ganha|ganham|leva|levam|embolsa|embolsam) {GAP3}{PERCENT} {OF_WAGE}"),
    practice("worker-fees", rf"{PERCENT} {OF_WAGE} (?:vai|vao|e pago|sao pagos|pagos?|pagas?|e repassad[oa]|"
             rf"sao repassad[oa]s|repassad[oa]s?|fica|ficam|retid[oa]s?|descontad[oa]s?|destinad[oa]s?) (?:diretamente"
             rf" )?"
             rf"(?:a|ao|para|pela|pelo) (?:a |o |nossa |nosso )?{AGENT}"),
    practice("worker-fees", rf"(?:comiss(?:ao|oes)|taxas?|tarifas?) (?:de |: ?)?{PERCENT} {OF_WAGE}"),
    cost("worker-fees", rf"(?:paga|pagam|pagar|pagara|pagarao|quita|quitam) {GAP4}(?:a|ao|na|no|junto a|junto ao|"
         rf"atraves da|atraves do|por meio da|com a|com o) (?:a |o |nossa |nosso |uma |um |sua |seu )?(?:\w+ )"
         rf"?{AGENT}"),
    cost("worker-fees", r"inscricao|cadastro|matricula|papelada|(?:custos|despesas|taxas?|encargos|tarifas?) (?:de |co"
                        r"m "
         r"|da |do )?(?:gestao|administracao|administrativ[oa]s|coordenacao|logistica|servicos?|operacao|programa|"
         r"processamento|selecao)"),
    practice("worker-fees", rf"{WORKER} (?:(?:deve|devem|tem que|tambem) )*(?:contribui|contribuem|participa|participa"
                            rf"m|"
             rf"colabora|colaboram|divide|dividem|rateia|rateiam) {GAP4}(?:custos|despesas|taxas?|encargos|gastos)"),
)
ADVANCE = (
    practice("debt-bondage", rf"(?:adianta|adiantam|adiantou|empresta|emprestam|financia|financiam|antecipa|antecipam) "
             rf"{GAP8}(?:desconta\w*|descontad\w*|retem|retid\w*|recupera\w*|cobra\w*|deduz\w*|abate\w*|reembolsa\w*|"
             rf"devolve\w*) {GAP3}(?:do|dos|da|de|no|na|sobre o|sobre a) {GAP2}{WAGE}"),
)
LAST = r"(?:antes do|antes da|ate o|ate a|ate|no|na) (?:\w+ )?(?:ultimo|ultima|final|fim|termino|saida|partida|" \
       r"aeroporto|embarque)"
RETENTION = (
    practice("passport-retention", rf"(?:passaportes?|documentos|papeis|carteiras? de identidade) {GAP3}(?:nao|nunca|s"
                                   rf"o|"
             rf"somente|apenas) (?:sao |serao |e |sera )?(?:devolvid[oa]s?|entregues|restituid[oa]s?) (?:\w+ ){{0,3}}"
             rf"{LAST}"),
    practice("passport-retention", rf"(?:nao|nunca) (?:devolvemos|devolve|devolvem|entregamos) (?:os |o |seus |seu )?"
             rf"(?:passaportes?|documentos) (?:\w+ ){{0,3}}{LAST}"),
)
EXIT = (
    practice("exit-penalty", rf"(?:(?:saida|partida|retorno|desistencia|rescisao) (?:antecipada|antes do prazo|precoce"
                             rf")|"
             rf"abandona\w*|desiste\w*|pede demissao|pedir demissao|sai|saem|sair|rompe\w* o contrato) {GAP8}(?:perde|"
             rf"perdem|perdera|perderao|perca|percam|perda d[oa]s?) {GAP3}(?:deposito|caucao|garantia|salarios?|"
             r"pagamentos?|dinheiro|economias|retencoes)"),
)
UNION_WORD = r"(?:sindicatos?|sindical|filiacao sindical|sindicalizacao|sindicalizar\w*)"
UNION = (
    practice("union-ban", rf"{UNION_WORD},? {GAP5}(?:o |seu )?(?:contrato|emprego|vinculo) (?:termina|acaba|e "
             rf"rescindido|sera rescindido|e encerrado|sera encerrado|e cancelado)|{UNION_WORD},? {GAP5}(?:encerra|"
             rf"encerrara|poe fim (?:a|ao|a seu)|rescinde|rescindira|anula|anulara|cancela|cancelara|termina|terminara|"
             rf"extingue) (?:o |a |seu |sua )?(?:contrato|emprego|trabalho|vinculo)|{UNION_WORD} {GAP5}(?:e |sera )?"
             rf"(?:motivo|causa) de (?:\w+ )?(?:demissao|dispensa|rescisao|justa causa)|{UNION_WORD} {GAP5}(?:e |sera "
             rf")?"
             r"incompativel com (?:o |este |seu )?(?:contrato|emprego|trabalho)"),
)
OT = r"(?:horas extras?|hora extra|sobrejornada)"
THREAT = r"(?:demitid\w*|dispensad\w*|punid\w*|deportad\w*|mandad\w* de volta|perde\w*|perdera\w*|motivo de|" \
         r"justa causa)"
OVERTIME = (
    practice("forced-overtime", rf"{OT} {GAP3}(?:sao |serao |e |sera )?(?:obrigatori[oa]s?|compulsori[oa]s?|"
             rf"ilimitad[oa]s?|sem (?:nenhum )?limite|nao opcionais?)|(?:sem|nao ha) limite (?:de horas|para as horas|"
             rf"de jornada|para a jornada)|(?:deve|devem|tem que|tem de|obrigad[oa]s? a) (?:trabalhar|fazer|cumprir) "
             rf"{GAP3}(?:{OT}|quantas horas (?:for|forem) (?:necessari\w+|preciso)|todas as horas|sem limite)"),
    practice("forced-overtime", rf"(?:recusa\w*|se recusar|nao aceita\w*|nao fizer|nao fizerem) {GAP3}(?:a )?(?:fazer "
                                rf")?"
             rf"{OT} {GAP5}{THREAT}"),
)
REST_WORD = r"(?:dias? de descanso|descanso semanal|folgas?|dias? de folga|dias? livres?)"
REST = (
    practice("no-rest-day", rf"sem {REST_WORD}|(?:nao ha|nao tem|nao terao|nao havera) (?:\w+ )?{REST_WORD}|trabalh\w+ "
             r"(?:\w+ ){0,2}(?:7|sete) dias (?:por|na|da|a cada) semana"),
    practice("no-rest-day", rf"(?:deve|devem|tem que|tem de|obrigad[oa]s? a) trabalhar (?:n[oa]s? |em (?:seus? |suas? "
                            rf")?|"
             rf"aos )?(?:{REST_WORD}|domingos?|fins de semana|feriados)|{REST_WORD} (?:\w+ ){{0,2}}(?:sao |serao |e )?"
             r"(?:cancelad[oa]s?|suspens[oa]s?|nao garantid[oa]s?)"),
    practice("no-rest-day", rf"(?:recusa\w*|se recusar|nao (?:trabalhar|trabalhe|trabalharem|vier|vierem|comparecer)) "
             rf"{GAP3}(?:a trabalhar )?(?:n[oa]s? |aos? )?(?:domingos?|fins de semana|{REST_WORD}|feriados) {GAP5}"
             rf"{THREAT}"),
)
STORE_NAME = r"(?:loja|venda|mercearia|armazem|cantina|barracao|bodega) (?:da fazenda|da empresa|do patrao|do " \
             r"empregador|da propriedade|do sitio)|barracao"
STORE = (
    practice("company-store", rf"(?:{STORE_NAME}) {GAP8}(?:descontad\w*|desconta\w*|abatid\w*|deduzid\w*|cobrad\w*|"
             rf"retid\w*) {GAP3}(?:do|dos|da|de|no|na) {GAP2}{WAGE}|(?:desconta\w*|deduz\w*|abate\w*) {GAP5}"
             rf"(?:{STORE_NAME})|(?:deve|devem|tem que|obrigad[oa]s? a|so podem) (?:comprar|abastecer\w*|fazer compras"
             rf") "
             rf"{GAP5}(?:na|no|em) (?:{STORE_NAME})"),
)
TRANSFER = (
    practice("forced-transfer", rf"(?:transferid[oa]s?|enviad[oa]s?|mandad[oa]s?|deslocad[oa]s?|remanejad[oa]s?|"
             rf"emprestad[oa]s?|cedid[oa]s?|alocad[oa]s?|realocad[oa]s?) {GAP3}(?:para )?(?:outr[oa]s?|qualquer|"
             r"diferentes|vizinh[oa]s?) (?:fazendas?|empregador(?:es)?|produtor(?:es)?|sitios?|empresas?|propriedades?|"
             r"locais|patr(?:ao|oes))"),
)
VISITOR = r"(?:visitas?|visitantes?|convidad[oa]s?|pessoas (?:de fora|externas|estranhas)|familiares|parentes|amigos|" \
          r"jornalistas|representantes sindicais)"
ISOLATION = (
    practice("isolation", rf"(?:sao proibid[oa]s|e proibid[oa]|proibid[oa]s?|nao sao permitid[oa]s|nao e permitid[oa]|"
             rf"nao se permitem|nao (?:sao|serao) (?:aceit[oa]s|autorizad[oa]s|bem vind[oa]s)|vedad[oa]s?) (?:as |os )?"
             rf"{VISITOR}|{VISITOR} (?:sao |serao |estao |ficam |e )?(?:proibid[oa]s?|vedad[oa]s?|nao (?:sao |serao )?"
             rf"(?:permitid[oa]s?|autorizad[oa]s?|aceit[oa]s?|bem vind[oa]s?))|(?:nao (?:pode|podem|poderao|podera)|"
             rf"proibido) (?:receber|ter|convidar|trazer) (?:\w+ )?{VISITOR}|(?:sem|nao ha) {VISITOR}(?= *(?:[.;,!]|$| "
             r"n[oa]s? (?:alojamento|moradia|dormitorios?|quartos?|casa)))"),
)
SIGNALS = (
    practice("no-hours-guarantee", rf"(?:horas|trabalho|emprego|rendimentos?|renda) {GAP3}(?:nao (?:sao |e |estao |"
             r"esta )?garantid[oa]s?|sem garantia)|nao (?:se )?garante\w* (?:um )?(?:minimo de |numero (?:minimo )?de "
             r")?"
             r"(?:horas|trabalho|renda)|sem (?:garantia de|minimo de) (?:horas|trabalho|renda)|garantia de (?:tres "
             r"quartos|3/4|75 ?%) (?:\w+ ){0,2}nao (?:se aplica|vale)"),
    cost("housing-charged", r"alojamento|moradia|aluguel|hospedagem|quarto|dormitorio"),
    practice("piece-rate-only", r"(?:por producao|por peca|por tarefa|por (?:caixa|balde|saco|quilo|kg|arvore|unidade|"
             r"bin)|por empreitada) (?:\w+ ){0,2}(?:apenas|somente|unicamente|exclusivamente)|(?:apenas|somente|"
             r"unicamente|exclusivamente) (?:\w+ ){0,2}(?:por producao|por peca|por tarefa|por (?:caixa|balde|saco|"
             r"quilo|unidade|bin)|por empreitada)|(?:sem|nao ha) (?:salario|pagamento|valor) (?:por hora|fixo|base|"
             r"diario)"),
)
TRIGGERS = FEES + ADVANCE + RETENTION + EXIT + UNION + OVERTIME + REST + STORE + TRANSFER + ISOLATION + SIGNALS

LIMIT = r"ate \d+|maximo (?:de )?\d+|no maximo \d+|nao mais (?:de|que) \d+|sem ultrapassar \d+|limitad[oa]s? a \d+"
CONSENT = r"voluntari\w*|opciona\w*|com (?:o |seu |previo )?(?:consentimento|acordo)|se (?:o trabalhador|os " \
          r"trabalhadores|eles|voce) (?:quiser\w*|aceitar\w*|concordar\w*|pedir\w*|desejar\w*)|a (?:seu )?pedido"
CONTEXT = {
    "forced-overtime": rf"{LIMIT}|{CONSENT}",
    "no-rest-day": rf"(?:um|1|dois|2|outro) (?:dias? de descanso|dias? de folga|folgas?|dias? livres?)|revezamento|"
                   rf"escala|folga compensatoria|descanso compensatorio|{CONSENT}",
    "forced-transfer": rf"{CONSENT}|somente com|apenas com",
    "isolation": r"(?:por|por razoes de|por motivo de) (?:seguranca|higiene|biosseguranca)|n[oa]s? (?:campos?|lavouras"
                 r"?|"
                 r"estufas?|packing house|area de producao|pomares?)|durante (?:o |a )?(?:horario de trabalho|jornada|"
                 r"turnos?)|depois das \d+|apos as \d+|noturnas?|a noite",
}
AGGRAVATION = {
    "forced-overtime": rf"ilimitad\w*|sem (?:nenhum )?limite|quando (?:for )?necessari\w*|a qualquer momento|{THREAT}",
    "no-rest-day": THREAT,
    "forced-transfer": r"sem (?:\w+ ){0,2}(?:consentimento|acordo|autorizacao|aviso|consulta\w*)|conforme (?:a )?"
                       r"necessidade|a criterio|a qualquer momento",
}
