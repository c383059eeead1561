"""English triggers about freedom: documents, movement, unions, discrimination, age (folded text)."""

from ethics.rules.lexicon.base import permission, practice
from ethics.rules.lexicon.en_words import DOC, GAP2, GAP3, GAP4, GAP5, LEAVE_PLACE, RETAIN

RETENTION = (
    practice("passport-retention", rf"{DOC} {GAP3}(?:stays?|remains?|will (?:stay|remain)|(?:is|are) (?:left|kept)) "
             r"with (?:the |our |their |your )?(?:supervisors?|managers?|employers?|company|recruiters?|agency|foreman|"
             r"crew leaders?|boss|management|office|owner)"),
    practice("passport-retention", rf"(?:hand|hands|give|gives|submit|submits|deliver|delivers|leave|"
                                   rf"leaves) {GAP3}{DOC} "
             r"(?:to|with) (?:the |their |your |our )?(?:supervisor|manager|foreman|crew leader|boss|employer|"
             r"recruiter|"
             r"agency|office|company|management)"),
    practice("passport-retention", rf"{RETAIN} {GAP4}{DOC}", cues="hold"),
    practice("passport-retention", rf"{DOC} {GAP4}(?:is |are |will be |shall be |must be |be |get |gets |remain |"
             r"stay )?(?:kept|held|retained|confiscated|withheld|seized|taken|collected|stored|locked (?:away|up)|"
             r"surrendered|handed (?:over|in)|turned (?:over|in)|deposited|removed|guarded|looked after|in the "
             r"(?:custody|possession|safe|hands) of)", cues="hold"),
    practice("passport-retention", rf"{DOC} {GAP3}(?:stays?|remains?|will (?:stay|remain)|(?:is|are) kept) (?:(?:in|"
                                   rf"at) "
             r"(?:our |the )?(?:safe|office|vault)|(?:in|under) (?:our|the company'?s?|the employer'?s?|the farm'?s?) "
             r"(?:custody|possession|care))"),
    practice("passport-retention", rf"{DOC} {GAP4}(?:returned|given back|handed back) {GAP3}(?:only )?(?:at|upon|"
             r"after|on) (?:the )?(?:end|completion|conclusion|expiry|finish|departure|return)"),
    practice("passport-retention", rf"(?:get|gets|receive|receives) {GAP2}(?:their|your|his|her) {DOC} back (?:only )?"
             r"(?:at|upon|after|when|on)"),
)
PHONE = r"(?:mobile |cell |smart )?(?:phones?|cell ?phones?|mobiles?|smartphones?|sim cards?)"
MOVEMENT = (
    practice("movement-restriction", rf"only {GAP4}(?:with|accompanied by|escorted by) (?:a |an |the |their )?"
             r"(?:supervisors?|guards?|managers?|foreman|crew leaders?|escorts?|bosses?)|(?:may|can|allowed to) only "
             r"(?:leave|go out|go to town|go outside)|(?:leave|go out|go to town) (?:\w+ ){0,3}only (?:on|once|one "
             r"day)"),
    practice("movement-restriction", r"(?:gates?|doors?|entrances?) (?:\w+ ){0,3}(?:closed|locked|shut) (?:at|from|"
                                     r"after) "
             r"\d+\w*"),
    practice("movement-restriction", r"curfews?"),
    practice("movement-restriction", rf"(?:confiscat\w*|collect\w*|take|takes|taken|took|taking|keep|keeps|kept|hold|"
             rf"holds|held|retain\w*|hand\w* (?:in|over)|turn\w* (?:in|over)|surrender\w*|remov\w*|seiz\w*|lock\w* "
             rf"(?:away|up)) {GAP3}(?:their |your |the |all |workers?'? )?{PHONE}|{PHONE} {GAP4}(?:are |is |will be |"
             r"must be |be )?(?:confiscated|collected|taken|kept|held|retained|handed (?:in|over)|turned (?:in|over)|"
             r"surrendered|removed|seized|locked (?:away|up)|stored|not allowed|not permitted|forbidden|prohibited|"
             r"handed to|given to|turned over to|left with|"
             r"banned)", cues="hold"),
    practice("movement-restriction", rf"(?:locked|lock|locks|padlocked|bolted) {GAP3}(?:in|inside|up|at night|from the "
             r"outside|overnight)|(?:housing|dormitor(?:y|ies)|barracks|rooms?|compound|camp|gates?|doors?|quarters|"
             rf"accommodation|bunkhouse|premises) {GAP3}(?:is |are |will be |remain |stay )?(?:locked|padlocked|bolted|"
             r"guarded)"),
    practice("movement-restriction", rf"(?:(?:must|have to|has to|required to|need to|needs to|obliged to) (?:obtain|"
                                     rf"get|"
             rf"ask for|request|seek|have)|need|needs|require|requires|required) {GAP2}(?:permission|authori[sz]ation|"
             rf"approval|a pass|a permit|consent) "
             rf"{GAP3}(?:to |before )?(?:leave|leaving|go out|going out|exit|exiting|go to town|visit|travel|go "
             rf"outside)"
             rf"|(?:permission|authori[sz]ation|approval|a pass|consent|a permit) {GAP2}(?:is |are )?(?:required|"
             rf"needed|necessary|mandatory) {GAP2}(?:to |before )?(?:leave|leaving|go out|going out|exit|exiting|go "
             rf"outside)|(?:leave|leaving|go out|going out|exit|exiting|go outside) {GAP4}only (?:with|upon|after) "
             rf"(?:\w+ ){{0,2}}(?:permission|authori[sz]ation|approval|pass|consent)|(?:leave|leaving|go out|going out|"
             rf"exit|exiting|exits?) {GAP4}(?:requires?|needs?|(?:is )?subject to) {GAP2}(?:permission|"
             r"authori[sz]ation|approval|a pass|consent)"),
    practice("movement-restriction", rf"(?:must|have to|has to|need to|needs to|required to) (?:ask|inform|tell|notify|"
             rf"get approval from) (?:the |their |your )?(?:supervisor|manager|foreman|crew leader|boss|employer|"
             rf"owner) {GAP2}(?:before|to) (?:going|leaving|they leave|you leave|go|leave|going out|they go)"),
    practice("movement-restriction", rf"(?:escorted|watched|followed|guarded) {GAP3}(?:at all times|whenever|"
                                     rf"when(?:ever)?"
             r" (?:they|you) (?:leave|go)|outside|off the (?:farm|premises|site)|in town|to town)|(?:movements?|"
             rf"whereabouts|comings and goings) {GAP3}(?:are |is |will be )?(?:restricted|limited|controlled|monitored|"
             rf"tracked|watched|recorded)|(?:restrict\w*|limit\w*|control\w*|monitor\w*|track\w*) {GAP3}(?:workers?'?|"
             r"their|your)? ?(?:movements?|whereabouts)"),
    practice("movement-restriction", rf"(?:must|have to|has to|required to|obliged to|expected to) (?:stay|remain|be) "
             rf"{GAP3}(?:on|at|in|inside|within) (?:the )?(?:farm|premises|property|site|compound|camp|housing|"
             rf"accommodation|dormitor(?:y|ies)|grounds|worksite) {GAP2}(?:at all times|after (?:work|hours)|outside "
             r"(?:of )?(?:work|working) hours|on (?:their |your )?days? off|during (?:their |your )?(?:free|rest|off) "
             r"time|on weekends|at night|every night|all the time)"),
    practice("movement-restriction", r"(?:kept|held|live|lives|living|remain) (?:\w+ )?(?:isolated|in isolation|"
             r"incommunicado)|cut off from (?:the outside|family|others|the world)|no contact with (?:the outside|"
             r"family|relatives|outsiders|the community|anyone)"),
    permission("movement-restriction", r"(?:(?:can|may|could|free to|allowed to|permitted to|able to|authori[sz]ed to|"
               r"entitled to|right to|welcome to|liberty to)\s+(?:not |never )?(?:freely |always |also |still )?)?"
               + LEAVE_PLACE + r"|freedom of movement|free movement|freedom to (?:leave|move)"),
)
UNION_WORD = r"(?:a |an |any |the |their |your |our )?(?:trade |labou?r |workers'? |independent )?(?:unions?|union " \
             r"activit(?:y|ies)|union membership|union organi[sz](?:ing|ation)|syndicates?|workers'? " \
             r"(?:associations?|" \
             r"committees?|organi[sz]ations?)|collective bargaining)"
UNION = (
    permission("union-ban", rf"(?:join|joining|joined|form|forming|organi[sz]e|organi[sz]ing|belong to|belonging to|"
               rf"become (?:a )?members? of|becoming (?:a )?members? of|be (?:a )?members? of|being (?:a )?members? "
               rf"of|membership (?:in|of)|participat\w* in|take part in|affiliat\w* (?:to|with)|contact|contacting|"
               rf"talk to|talking to|speak (?:to|with)|speaking (?:to|with)|meet with|meeting with|support|supporting|"
               rf"create|creating|establish|establishing|recogni[sz]e|recogni[sz]es|accept|accepts|tolerate|tolerates|"
               rf"allow|allows|permit|permits|respect|respects) {GAP3}{UNION_WORD}"),
    permission("union-ban", r"(?:trade |labou?r )?union (?:membership|activit(?:y|ies)|organi[sz]ing|organi[sz]ation|"
               r"meetings?|members?|representatives?|organi[sz]ers?|rights?)|unioni[sz](?:ation|ing|e)|freedom of "
               r"association|right to (?:organi[sz]e|unioni[sz]e|associate|strike|collective bargaining|bargain "
               r"collectively)|collective (?:bargaining|action|agreements?|representation)|(?:trade |labou?r )?unions?|"
               r"(?:go|going|goes|went) on strike|strik(?:e|es|ing)(?! a balance)"),
    practice("union-ban", r"anti union|union busting|union free (?:workplace|farm|company|environment)|yellow dog "
             r"(?:contracts?|clauses?)|not to (?:join|form) (?:a |any )?unions?"),
)
SEX = r"(?:men|males?|women|females?|man|woman|girls?|boys?|ladies|lady|gentlemen|guys)"
ONLY_SEX = SEX + r"(?!\s*(?:and|or|&|/|,)\s*\w)"
REL = r"(?:christians?|catholics?|protestants?|evangelicals?|muslims?|moslems?|hindus?|jews|jewish|mormons?|" \
      r"adventists?|buddhists?|sikhs?|atheists?|pentecostals?|jehovah'?s? witness(?:es)?|believers)"
NAT = r"(?:haitians?|mexicans?|guatemalans?|hondurans?|salvadorans?|salvadoreans?|nicaraguans?|jamaicans?|" \
      r"dominicans?|venezuelans?|colombians?|peruvians?|ecuadorians?|bolivians?|cubans?|filipinos?|indians?|" \
      r"chinese|africans?|asians?|latinos?|latinas?|hispanics?|foreigners?|immigrants?|locals?|canadians?|" \
      r"americans?|brazilians?|chileans?|argentin(?:e|ian)s?|costa ricans?|panamanians?|belizeans?|" \
      r"trinidadians?|guyanese|indigenous|natives?|blacks?|whites?|caucasians?|mestizos?)"
NOT_WANTED = r"(?:need not|should not|must not|may not|can not|will not be|are not|is not|not) (?:apply|be (?:hired|" \
             r"accepted|considered)|accepted|eligible|hired|considered|welcome|allowed)"
END_NO = r"(?= *(?:[.,;!]|$|allowed|accepted|hired|please|need apply|wanted))"
DISCRIMINATION = (
    practice("discrimination", rf"(?:only|solely|exclusively|just) (?:for )?(?:\w+ )?{ONLY_SEX}|(?:male|female|men|"
             r"women)(?: workers| candidates| applicants| employees| staff| pickers| labou?rers)? (?:only|preferred|"
             r"wanted|needed|required)\b|(?:must|should|has to|have to|need to|needs to) be (?:a )?(?:male|female|"
             r"man|woman|men|women)|(?:sex|gender) ?(?::|-|=|required|requirement)\s*(?:male|female|m|f|man|woman|"
             r"men|women)\b"),
    practice("discrimination", r"(?:hire|hires|hiring|recruit|recruits|recruiting|accept|accepts|accepting|looking "
             r"for|seeking|seek|need|needs|want|wants|employ|employs|employing) (?:only )?(?:\w+ )?(?:strong |young |"
             r"healthy |able bodied |single |married )?(?:men|males|women|females|girls|boys|ladies|guys)"
             r"(?!\s*(?:and|or|&|/|,)\s*\w)"),
    practice("discrimination", rf"(?:women|females|ladies|girls|men|males|mothers|pregnant (?:women|workers|applicants|"
             rf"candidates)) {GAP2}{NOT_WANTED}|no (?:women|females|ladies|girls|men|males|mothers|pregnant "
             rf"(?:women|workers))(?: workers| applicants| candidates)?{END_NO}|(?:not|never) (?:hire|accept|employ|"
             r"recruit|take|consider) (?:any )?(?:women|females|men|males|pregnant|mothers|ladies|girls)|(?:preference|"
             r"preferred|priority) (?:will be |is |shall be )?(?:given )?(?:to|for) (?:\w+ )?(?:men|males|women|"
             r"females|male|female|young|"
             r"single|married|christians?)"),
    practice("discrimination", r"negative (?:\w+ ){0,2}pregnan\w*|pregnan\w* (?:\w+ ){0,2}negative"),
    practice("discrimination", rf"pregnan(?:cy|t) (?:tests?|testing|screening|checks?|exams?|certificates?)|(?:test|"
             r"tests|tested|testing|screened|screening|checked) (?:\w+ ){0,2}(?:for|of) pregnancy|(?:proof|certificate|"
             rf"evidence) of (?:non )?pregnancy|non pregnancy|not (?:be )?pregnant|contracepti\w*|(?:become|becomes|"
             rf"get|gets|are|is|found|turn out to be) pregnant {GAP5}(?:dismissed|fired|terminated|sent home|"
             rf"repatriated|deported|lose|loses|removed)|pregnan(?:cy|t) {GAP3}(?:is |are |will be |means |leads to |"
             r"results in )?(?:grounds|cause|reason) for (?:dismissal|termination|repatriation)|pregnan(?:cy|t) "
             r"(?:leads to|results in|means) (?:immediate )?(?:dismissal|termination|repatriation)"),
    practice("discrimination", r"(?:must|should|has to|have to|need to|needs to|required to) (?:be )?(?:single|"
             r"unmarried|married|divorced|widowed|childless|without children)|(?:must|should|required to|need to) "
             r"(?:have no|not have) (?:children|kids|dependents|dependants|family|spouse|husband|wife)|marital status"
             r"\s*(?::|-|=)\s*(?:single|married|unmarried)|(?:single|unmarried|married|childless) (?:men|women|persons|"
             r"people|workers|applicants|candidates|mothers|fathers) (?:only|preferred|required|wanted)|(?:only|"
             r"solely|exclusively) (?:single|unmarried|married|childless)"),
    practice("discrimination", rf"(?:only|solely|exclusively) (?:for )?{REL}|{REL} (?:only|preferred|wanted|required|"
             rf"needed)|(?:must|should|has to|have to|need to) be (?:a |an )?(?:practi[cs]ing )?{REL}|"
             rf"\bno {REL}{END_NO}|"
             r"(?:religion|faith|denomination)\s*(?::|-|=)\s*(?!any|all|open|not|irrelevant|none)\w+|(?:must|required "
             r"to|have to|has to|expected to|obliged to) (?:attend|go to|participate in|take part in|join) (?:\w+ )?"
             r"(?:church|mass|services?|worship|prayers?|religious (?:services?|activities|meetings?))"),
    practice("discrimination", rf"(?:prefer|prefers|preferring|reserved (?:only )?for) (?:\w+ )?(?:men|males|women|"
             rf"females|male|female|young|younger|single|married|{NAT}|{REL})"),
    practice("discrimination", rf"(?:only|solely|exclusively) (?:for )?{NAT}|{NAT} (?:nationals |citizens |workers |"
             rf"applicants |candidates |people )?(?:only|preferred|wanted)\b|\bno {NAT}(?: workers| applicants| "
             rf"people)?{END_NO}|{NAT} {GAP2}{NOT_WANTED}|(?:white|black|light|fair|dark|brown)(?: skinned| skin)? "
             r"(?:people |workers |applicants |candidates |persons )?(?:only|preferred)|(?:nationality|race|ethnicity|"
             r"ethnic (?:origin|group)|skin colou?r)\s*(?::|-|=)\s*(?!any|all|open|not|irrelevant|none)\w+|(?:must|"
             rf"has to|should) be (?:a |an )?(?:{NAT}|citizen of)"),
)
YEARS = r"(?:years?|yrs?|y/?o|year olds?)"
AGE = (
    practice("discrimination", r"(?:applicants?|candidates?|workers?|people|persons|employees?) (?:\w+ ){0,2}(?:under|"
             r"below|younger than|not older than|no older than|up to) (?P<upper>\d{2})(?! ?(?:hours|kg|kilos?|pounds|"
             r"lbs|km|miles|%|dollars|usd|cad|\w))"),
    practice("discrimination", r"(?:aged?|ages?|age range|age limit|age group|between the ages of|age requirements?|"
             r"years of age)\s*(?::|-|=|of|from|between)?\s*(?:from |between )?\d{2}\s*(?:-|to|and|until|till)\s*"
             r"(?P<upper>\d{2})"),
    practice("discrimination", rf"\d{{2}}\s*(?:-|to|and)\s*(?P<upper>\d{{2}})\s*{YEARS}(?! (?:of )?experience)"),
    practice("discrimination", rf"(?:under|below|younger than|not older than|no older than|not over|not above|less "
             rf"than|up to|at most|no more than|maximum(?: of)?|max\.?)\s*(?:the age of\s*)?(?P<upper>\d{{2}})\s*"
             rf"{YEARS}(?: old| of age)?(?! (?:of )?experience)"),
    practice("discrimination", r"(?:(?:maximum|max\.?|upper) age(?: limit)?|age limit)\s*(?::|-|=|of|is)?\s*"
             r"(?P<upper>\d{2})"),
    practice("discrimination", r"(?:aged?|age)\s+(?:\w+\s+){0,2}?(?:under|below|younger than|not older than|no older "
             r"than|not over|up to|less than|maximum|at most)\s*(?P<upper>\d{2})"),
    practice("discrimination", rf"(?:over|older than|above|more than)\s*(?P<upper>\d{{2}})\s*{YEARS}?(?: old)?\s*"
             r"(?:need not apply|not accepted|are not accepted|will not be (?:accepted|hired|considered)|not eligible|"
             r"excluded|can not apply|not considered)"),
    practice("discrimination", r"(?:looking for|seeking|hiring|hire|need|want|wanted|only|prefer|preferably|must be) "
             r"(?:\w+ )?(?:young|younger|youthful)(?: and \w+)? ?(?:workers|people|men|women|persons|candidates|"
             r"applicants|employees|staff|ladies|girls|guys)?|(?:young|younger) (?:\w+ )?(?:workers|people|men|women|"
             r"persons|candidates|applicants) (?:only|preferred|wanted|needed)"),
    practice("underage", r"1[0-7][ -]?(?:years?|yrs?) olds?(?! (?:and|or) (?:younger|under|less))"),
    practice("underage", rf"(?:minimum age|min\.? age|from (?:the )?age(?: of)?|aged|age|at least|over|older than|"
             rf"from)\s*(?::|-|=|of|is)?\s*1[0-7]\s*(?:{YEARS}|and (?:over|above|up|older)|\+)|(?:minimum|min\.?) age"
             r"\s*(?::|-|=|of|is)?\s*1[0-7]\b"),
)
TRIGGERS = RETENTION + MOVEMENT + UNION + DISCRIMINATION + AGE
