"""Portuguese triggers about money: fees, costs, withheld wages, debts, exit penalties (folded text)."""

from ethics.rules.lexicon.base import cost, practice
from ethics.rules.lexicon.pt_words import CURRENCY, GAP1, GAP2, GAP3, GAP4, GAP5, GAP8, GAP12, WAGE

PURPOSE = r"(?:recrutamento|inscricao|colocacao|agenciamento|selecao|intermediacao|contratacao|agencia|processamento|" \
          r"cadastro|entrevista|matricula|servico de recrutamento|recrutador|agenciador|aliciador)"
JOB = r"(?:o |a |um |uma |sua |seu |esta |este )?(?:vaga|emprego|posto|contrato|lugar|selecao|oferta)"
CHARGE = r"cobr(?:a|am|ara|arao|ado|ada|ados|adas|amos|ar|e|em|ando)"
FEES = (
    practice("worker-fees", rf"(?:recrutador\w*|agencias?|agentes?|agenciador\w*|gatos?|intermediari[oa]s?|"
             rf"aliciador\w*|empreiteir[oa]s?) {GAP2}cobr\w*", cues="pay"),
    practice("worker-fees", r"(?:valor|preco|custo|taxa) (?:da|de|pela) (?:vaga|colocacao|contratacao)", cues="pay"),
    practice("worker-fees", rf"(?:trazer|traga|tragam|levar|leve|levem) {GAP2}{CURRENCY}?\s*\d[\d,.]*\s*(?:reais|"
                            rf"dolares|"
             r"usd)?(?: em dinheiro| em especie)? (?:na|no|para|ao|a)", cues="pay"),
    practice("worker-fees", rf"(?:taxas?|tarifas?|comiss(?:ao|oes)|cobrancas?|encargos?|custos?|pagamentos?|"
             rf"honorarios|mensalidades?|valores?) {GAP3}(?:de |do |da |por |pela |pelo )(?:a |o )?{PURPOSE}|(?:taxas?|"
             r"tarifas?|comiss(?:ao|oes)|cobrancas?|encargos?|honorarios) (?:de |do |da |por |pela |pelo )(?:a |o )?"
             r"(?:vaga|emprego|posto|gato)", cues="pay"),
    practice("worker-fees", rf"{CHARGE} {GAP3}(?:uma |a |um |o )?(?:taxas?|tarifas?|comiss(?:ao|oes)|valor|quantia|"
             rf"{CURRENCY}\s*\d[\d,.]*)|(?:taxas?|tarifas?|comiss(?:ao|oes)|valor|quantia)s? {GAP3}(?:e |sao |sera |"
             r"serao |sendo )?cobrad[oa]s?", cues="pay"),
    practice("worker-fees", rf"pagar {GAP3}(?:para|por) (?:obter |conseguir |garantir |reservar |ter |ser "
             rf"selecionad[oa]s? para |ser contratad[oa]s? para )?{JOB}", cues="pay"),
    practice("worker-fees", rf"pag\w* {GAP2}(?:ao|a|aos|as|a um|a uma) (?:recrutador\w*|agentes?|agencias?|"
             r"agenciador\w*|intermediari[oa]s?|gatos?|aliciador\w*|coiotes?)", cues="pay"),
    practice("worker-fees", rf"(?:taxa|comissao|honorarios|mensalidade)s? (?:de |:)?\s*(?:cerca de )?"
             rf"{CURRENCY}?\s*\d[\d,.]*(?![\d,.]*\s*%)", cues="pay"),
    practice("worker-fees", rf"(?:deposito|adiantamento|sinal|pagamento antecipado|pagamento adiantado) {GAP3}(?:para|"
             rf"por) (?:garantir|reservar|assegurar|obter) {JOB}", cues="pay"),
    practice("worker-fees", rf"(?:dar|de|entregar|entregue|trazer|traga|enviar|envie|depositar|deposite|transferir|"
             rf"transfira|levar|leve|mandar|mande) {GAP2}{CURRENCY}?\s*\d[\d,.]*\s*(?:reais|dolares|usd)?(?: em "
             r"dinheiro| em especie)? (?:ao|a|aos|para|antes)(?! (?:cada |os |as |o |a )?(?:trabalhador|empregad|"
             r"funcionari)\w*)", cues="pay"),
    practice("worker-fees", rf"(?:\d+ ?%|porcentagem|parte) {GAP4}(?:pagamento|salario|contracheque)s? {GAP2}(?:como |"
                            rf"de |"
             rf"em )?comissao|comissao {GAP3}(?:\d+ ?%|porcentagem|parte) {GAP3}(?:pagamento|salario)", cues="pay"),
    practice("worker-fees", rf"(?:agentes?|agencias?|recrutador\w*|agenciador\w*|gatos?|intermediari[oa]s?|"
             rf"empreiteir[oa]s?) {GAP3}(?:fica com|ficam com|toma|tomam|cobra|cobram|desconta|descontam|retem) {GAP3}"
             rf"(?:\d+ ?%|parte|porcentagem) (?:de|do|da) {GAP2}(?:pagamento|salario|contracheque)s?"),
    cost("worker-fees", r"taxas?|tarifas?|comiss(?:ao|oes)|honorarios|mensalidades?", generic=True),
)
COSTS = (
    cost("worker-costs", r"vistos?|(?:autorizac(?:ao|oes)|permiss(?:ao|oes)|licencas?) de (?:trabalho|residencia|"
         r"entrada)|(?:taxas?|custos?|despesas?|emolumentos) (?:consulares|migratori[oa]s|de (?:visto|imigracao|"
         r"passaporte|embaixada|consulado))|biometria"),
    cost("worker-costs", r"(?:passage(?:m|ns) aereas?|passage(?:m|ns)|bilhetes? (?:de aviao|aereos?)|bilhetes?|voos?|"
                         r"(?:custos?|"
         r"despesas?|gastos?) (?:de|com|da|do) (?:viagem|transporte|deslocamento|passagem)|transporte (?:ate|para) "
         r"(?:o "
         r"canada|os estados unidos|a fazenda|o destino)|viagem de ida|passagem de ida)(?! (?:\w+ )?de (?:volta|"
         r"regresso|retorno))"),
    cost("worker-costs", r"exames? (?:medicos?|de saude|admissionais?|fisicos?|de sangue|toxicologicos?)|atestados? "
         r"(?:medicos?|de saude)|(?:custos?|despesas?|gastos?) medic[oa]s|vacinas?|vacinacao|radiografias?|raio x"),
    cost("worker-costs", r"(?:custos?|despesas?|taxas?|emissao|renovacao) (?:de |do )?passaporte|antecedentes "
         r"criminais|(?:certidao|atestado) de antecedentes|(?:custos?|despesas?|taxas?) de (?:documentos|documentacao|"
         r"traducao|apostilamento|cartorio|reconhecimento de firma)|traducoes?|traducao juramentada|apostil\w*|"
         r"treinamentos? (?:previos?|pre embarque|obrigatorios?)|cursos? (?:de capacitacao|preparatorios?|de idioma)|"
         r"seguro viagem"),
    cost("worker-costs", r"ferramentas?|equipamentos? de protecao(?: individual)?|epis?|uniformes?|botas(?: de "
         r"seguranca)?|luvas"),
    cost("no-return-travel", r"(?:passage(?:m|ns)|bilhetes?|voos?|viagem|transporte) (?:\w+ )?de (?:volta|regresso|"
                             r"retorno)|"
         r"repatriacao"),
)
WITHHELD = (
    # "durante a colheita nao ha pagamentos": nothing is paid while the work lasts.
    practice("withheld-wages", r"nenhum (?:pagamento|salario) (?:e |sera )?(?:feito |realizado |pago )?durante "
             r"(?:toda )?(?:a |o )?(?:colheita|safra|temporada|contrato)|durante (?:toda )?(?:a |o )?(?:colheita|safra|"
             r"temporada|contrato),? (?:nao (?:ha|se fazem|sao feitos|se realizam|recebem|recebe)|nenhum) "
             r"(?:pagamentos?|salarios?)|nao (?:ha|se fazem|sao feitos|se realizam|recebem|recebe) (?:nenhum )?"
             r"(?:pagamentos?|salarios?) durante (?:toda )?(?:a |o )?(?:colheita|safra|temporada|contrato)"),
    practice("withheld-wages", rf"nao (?:vai |vao |ira |irao )?(?:receb|pag|ganh)\w* {GAP3}ate (?:o final|o fim|que "
             r"(?:termine|acabe)|terminar|voltar|o retorno)"),
    practice("withheld-wages", rf"(?:recebe|recebem|recebera|receberao|pag[oa]s?|paga|pagam|"
                               rf"pagamentos?) {GAP3}(?:somente |"
             r"so |apenas )?(?:quando|depois que|assim que|ate que) (?:o |a )?(?:temporada|contrato|safra|colheita|"
             r"trabalho) (?:terminar|acabar|finalizar|encerrar|termina|acaba)"),
    practice("withheld-wages", r"horas extras? (?:\w+ ){0,2}(?:sem pagamento|nao pagas?|sem remuneracao|de graca)"),
    practice("withheld-wages", rf"{WAGE} {GAP4}(?:(?:e|sao|sera|serao|fica|ficam)\s+)?(?:retid[oa]s?|guardad[oa]s?|"
             r"diferid[oa]s?|congelad[oa]s?|bloquead[oa]s?|reservad[oa]s?|segurad[oa]s?)"),
    practice("withheld-wages", rf"(?:retem|retera|reter|reterao|guarda|guardam|guardara|segura|seguram|bloqueia|"
             rf"guardamos|retemos|guardaremos|reteremos|"
             rf"bloqueiam|fica com|ficam com|ficara com|conserva) {GAP3}(?:\d+ ?%|\d+ por cento|(?:uma |a |o "
             rf")?(?:parte|"
             r"porcao|metade|porcentagem|restante|saldo|totalidade))?(?: do| da| dos| das| de)? ?(?:o |a |os |as |seu |"
             rf"sua |seus |suas |cada )?{WAGE}"),
    practice("withheld-wages", rf"(?:pag[oa]s?|paga|pagam|pagara|pagarao|pagamentos?|recebe|recebem|recebera|"
                               rf"receberao) "
             rf"{GAP3}(?:somente |so |apenas )?(?:quando|depois que|assim que|ate que) (?:terminar|acabar|finalizar|"
             r"encerrar|termina|acaba)\w* (?:o |a )?(?:temporada|contrato|safra|colheita|trabalho)"),
    practice("withheld-wages", rf"(?:pag[oa]s?|paga|pagam|pagara|pagarao|pagar|pagamentos?|entregues?|liquidad[oa]s?|"
             rf"recebe|recebem|recebera|receberao|quitad[oa]s?) {GAP3}(?:somente |so |apenas |integralmente |de uma so "
             r"vez |em parcela unica )?(?:ao|no|apos o|apos a|na|ate o|ate a) (?:final|fim|termino|encerramento|"
             r"conclusao) (?:da |do |de )?(?:temporada|contrato|safra|colheita|programa|emprego|estadia|periodo|"
             r"servico|obra)"),
    practice("withheld-wages", rf"(?:pag[oa]s?|paga|pagam|pagara|pagarao|pagamentos?|recebe|recebem|recebera|"
             rf"receberao) {GAP3}(?:somente |so |apenas )?(?:ao|no|apos o|apos a|quando) (?:voltar|retornar|regressar|"
             r"retorno|regresso|chegar) (?:ao|a|para o|para a) (?:seu )?(?:pais|casa|pais de origem)"),
    practice("withheld-wages", rf"(?:nenhum|sem) {GAP1}(?:salario|pagamento|dinheiro) (?:\w+ ){{0,3}}ate|poupanca "
             r"(?:forcada|obrigatoria|compulsoria)|(?:salarios?|pagamentos?) (?:\w+ ){0,3}(?:pag|enviad|transferid|"
             r"depositad|repassad)\w* (?:diretamente )?(?:ao|a|para o|para a) (?:recrutador|agencia|agente|agenciador|"
             r"gato|intermediario|empreiteiro)"),
)
LOAN = r"(?:emprestimos?|adiantamentos?|dividas?|creditos?|dinheiro emprestado)"
DEBT = (
    practice("debt-bondage", r"(?:voce|voces|eles|elas|ele|ela|tu) (?:nos|me) (?:deve|devem|devera|deverao)"
             r"(?! \w+(?:ar|er|ir)\b)"),
    practice("debt-bondage", rf"{LOAN} {GAP8}(?:descontad\w*|deduzid\w*|desconta\w*|deduz\w*|pag\w*|reembolsad\w*|"
             rf"devolvid\w*|cobrad\w*|recuperad\w*|quitad\w*|abatid\w*|amortizad\w*|retid\w*) {GAP3}(?:do|da|dos|das|"
             rf"no|na|com|atraves|mediante|sobre|em|de) {GAP2}(?:salario|pagamento|remuneracao|trabalho|ordenado|folha|"
             r"diaria|contracheque)\w*"),
    practice("debt-bondage", rf"(?:descontar|desconta|descontam|deduzir|deduz|quitar|quita|quitam|pagar|pagam|devolver|"
             rf"devolve|devolvem|reembolsar|amortizar|trabalhar para pagar|trabalhar para quitar) {GAP3}(?:o |a |os |"
             rf"as |"
             rf"um |uma |sua |seu |suas |seus )?{LOAN}"),
    practice("debt-bondage", rf"{LOAN} {GAP5}(?:com|a|mais|e|com taxa de) {GAP2}(?:\d+ ?%|\d+ por cento|juros)|juros "
             rf"{GAP3}(?:sobre|do|da|dos|das|no|na|nos|nas) {GAP2}{LOAN}|(?:\d+ ?%|mensal|semanal|anual) de juros|"
             rf"juros "
             r"(?:mensais|semanais|anuais|de \d+)|com juros|(?:rende|rendem|gera|geram|cobra|cobram|acumula|acumulam|"
             r"incide|incidem|incidira|vence|vencem) juros"),
    practice("debt-bondage", rf"(?:(?:deve|devem|devera|deverao) (?:dinheiro|uma divida)|endividad\w*|em divida|ficam? "
             rf"devendo|devedor\w*) {GAP2}(?:ao|a|com o|com a|aos|com os|para o|para a) (?:empregador|recrutador|"
             r"agencia|empresa|agente|agenciador|gato|patrao|fazenda|intermediario|empreiteiro|armazem|cantina)"),
    practice("debt-bondage", rf"(?:trabalhar|trabalha|trabalham|ficar|permanecer) {GAP4}ate (?:que )?(?:se )?(?:pague|"
             rf"paguem|quite|quitem|saldar|pagar|quitar) {GAP3}{LOAN}|ate (?:pagar|quitar|saldar) {GAP2}{LOAN}|"
             r"servidao por divida|escravidao por divida|trabalho escravo|sistema de barracao"),
)
PENALTY = r"(?:multas?|multad[oa]s?|penalidades?|penalizac\w*|penaliza\w*|punic\w*|perde|perdem|perdera|perderao|" \
          r"perder|devolver|devolve|devolvem|devolvera|devolverao|reembolsar|reembolsa|reembolsara|ressarcir|pagar|" \
          r"pague|paguem|pagara|pagarao|sera cobrad\w*|serao cobrad\w*|sera descontad\w*|indenizac\w*|indenizar)"
LEAVE = r"(?:for embora|forem embora|ir embora|vai embora|vao embora|deixa|deixam|deixar|deixe|deixem|abandona|" \
        r"abandonam|abandonar|abandone|abandonem|abandono|pede " \
        r"demissao|pedem demissao|pedir demissao|pedido de demissao|demite se|se demite|sai|saem|sair|saia|saiam|" \
        r"rompe|rompem|romper|rompimento|quebrar (?:o )?contrato|rescinde|rescindir|rescisao antecipada|volta antes|" \
        r"voltar antes|regressa antes|foge|fogem|fugir|muda de empregador|mudar de empregador|trocar de empregador|" \
        r"antes do (?:fim|final|termino|prazo)|antecipadamente|antes da hora)"
EXIT = (
    practice("exit-penalty", r"(?:valor|quantia|dinheiro|pagamento) (?:de|em|como) garantia"),
    practice("exit-penalty", rf"(?:sair|deixar o (?:emprego|trabalho)|abandonar|pedir demissao|romper o contrato|a "
             rf"saida antecipada|o abandono) {GAP8}(?:implica|acarreta|resulta em|gera|custa|significa) {GAP3}(?:uma |"
             r"um )?(?:multa|penalidade|desconto|cobranca|perda)"),
    practice("exit-penalty", rf"(?:deposito|caucao|fianca|garantia|nota promissoria|promissoria|cheque caucao)(?: de "
             rf"garantia| em garantia| reembolsavel| nao reembolsavel)? (?:de |no valor de |:)?\s*{CURRENCY}?\s*"
             r"\d[\d,.]*", cues="payer"),
    practice("exit-penalty", rf"(?:pagar|paga|pagam|deixar|deixa|deixam|entregar|entrega|entregam|depositar|deposita|"
             rf"depositam|assinar|assina|assinam|dar|da|dao|exige|exigem|e exigid[oa]|requer|requerem|pede|pedem) "
             rf"{GAP3}(?:um |uma |o |a )?(?:deposito|caucao|fianca|garantia financeira|nota promissoria|promissoria|"
             r"cheque caucao|cheque em branco)(?! (?:do|de seu|de sua) (?:salario|pagamento)| (?:em|na) (?:sua |a )?"
             r"conta| bancario| direto| directo)", cues="payer"),
    practice("exit-penalty", rf"{PENALTY} {GAP8}(?:se|caso|quando|em caso de|ao|por|no caso de) {GAP4}{LEAVE}",
             cues="payer"),
    practice("exit-penalty", rf"(?:se|caso|quando|em caso de|quem|aquele que|aqueles que|que) {GAP5}{LEAVE},? {GAP12}"
             rf"{PENALTY}", cues="payer"),
    practice("exit-penalty", r"(?:multa|penalidade|taxa|custo|indenizacao)s? (?:por|de) (?:saida|rescisao|rompimento|"
             r"abandono|desistencia|quebra de contrato|demissao)(?: antecipada| do contrato| de contrato)?"),
)
TRIGGERS = FEES + COSTS + WITHHELD + DEBT + EXIT
