"""The phrases the article reader looks for, named: verbs of giving and of handing over, what sets a sentence aside as
no fact (and why), how clauses and lists are told apart, and the small signs of who gives what. `extract.py` reads
an article with them."""

import calendar
import re

from . import dates as text_dates
from .clean import ABBREVIATIONS, BULLET
from .numbers import COUNT, FIRST_WORD, NUMBER_WORD, SUFFIXES
from .vocabulary import (
    COURSE_TAKEN_WORDS,
    DONOR_NAMES,
    NAMED_POOLS,
    OTHER_RECIPIENTS,
    SIMULATORS,
    TRAINING_GIVEN_WORDS,
)

# a month's name, written out
MONTH_NAMES = "|".join(name for name in calendar.month_name if name)
# "handed over", and "handed a batch of M577 vehicles over": a verb's particle may follow what is given
TO_PARTICLE = r"\s+(?:[\w-]+\s+){0,6}?"
# a pool that buys for Ukraine with its donors' money (and the Czech-led "initiative", the EU's "joint procurement" of
# shells: money pooled with others' to buy for Ukraine)
POOLS = NAMED_POOLS + (
    r"|Comprehensive\s+Assistance\s+Package|(?:trust\s+)?fund\b|scheme\b|mechanism\b|coalition\b|initiative\b"
    r"|joint\s+procurement\b"
)
# "…its 32nd package. Its value is put at about €43 million": the value of the aid just told
VALUE_OF_AID = r"(?:Its|Their)\s+(?:total\s+|estimated\s+)?value"
# "gave no figures", "has given no date": what was given is word of the aid, not aid
NO_INFO_AFTER = (
    r"(?!\s+(?:a|an|no|any)\s+(?:[\w-]+\s+)?(?:figures?|numbers?|dates?|timelines?|timetables?|details|estimates?"
    r"|breakdown|reasons?|answers?|updates?|indication)\b)"
)
# the strong verbs of an announcement or a handover: with one, a sentence is not a mere appeal
STRONG_RE = re.compile(
    # ("to get the promised tanks to the front": a promise named, not made)
    r"\b(pledg(?:e|es|ed|ing)(?!\s+(?:deliveries|aid|support|weapons|equipment|tanks|systems|ammunition))"
    r"|(?<!\bthe\s)(?<!\bits\s)(?<!\btheir\s)promised"
    r"|announc(?:e|es|ed|ing)\b|unveil\w*|approved|committed|donat(?:ed|es|ing)|allocated|earmarked"
    r"|agreed\s+to|decided\s+to|signed|will\s+(?:\w+\s+)?(?:send|give|provide|supply|deliver|donate|transfer|fund"
    rf"|finance|buy|purchase|contribute|hand|train|set)|delivered|hand(?:ed|s|ing)?{TO_PARTICLE}over|has\s+sent"
    r"|would\s+(?:\w+\s+)?(?:send|give|provide|supply|deliver|donate|transfer|fund|finance|buy|contribute)"
    r"|have\s+sent|arrived|(?<!requests\s)received|began\s+(?:supplying|delivering|sending)"
    r"|ha(?:s|ve)\s+(?:\w+\s+)?been\s+(?:supplied|sent|delivered))\b",
    re.I,
)
# "…, and Ukraine already has it": what was named is in Ukraine's hands
ALREADY_HAS = r"(?:Ukraine|Kyiv)\s+(?:now\s+|already\s+)+(?:has|have)\s+(?:it|them|these|those)\b"
# "fifty Ukrainian soldiers have completed their training on the Leopard", "Ukrainian pilots have begun training at
# the F-16 hub": training given, and what they learnt or where is no more of it (a donor's own pilots starting a
# course are no aid)
# (not "700 Ukrainian soldiers have so far completed courses": a running total)
COURSE_TAKEN = rf"\bUkrainian\s[^.;]{{0,80}}?\b(?<!so\sfar\s)(?<!to\sdate\s){COURSE_TAKEN_WORDS}"
DELIVERY_RE = re.compile(
    # ("Rheinmetall has received an order to supply 40 vehicles": a maker's order is no handover)
    # (and "handed a Patriot air defence system over to Ukraine": the thing between)
    # (nor "the day before your request was received": a letter received)
    rf"\b(delivered|arrived|handed\s+(?:[\w-]+\s+){{1,6}}?over\s+to\b|(?<!request\swas\s)(?<!letter\swas\s)"
    rf"received(?!\s+(?:an?|the|its|a\s+new)\s+(?:[\w-]+\s+)?(?:order|contract)s?\b)|handed{TO_PARTICLE}over|took\s+delivery"
    r"|(?:completed|finished)\s+(?:the\s+)?(?:deliver\w*|handover|transfer)|became\s+operational|began\s+(?:supplying|delivering|sending|shipping)"
    # "the Ministry of Defence confirmed receipt of a consignment": what arrived
    r"|(?:confirmed|acknowledged)\s+(?:the\s+)?receipt\s+of|took\s+receipt\s+of"
    # ("Further tractor units with semi-trailers went to Ukraine", "What else went east:", "22,400 gas masks have gone
    # to Ukraine")
    r"|\b(?:went|(?:has|have|had)\s+(?:now\s+|already\s+|also\s+)?gone)\s+(?:east\b|to\s+(?:Ukraine|Kyiv"
    r"|the\s+Ukrainian\s+(?:army|armed\s+forces))\b)"
    # "seven four-by-fours already in Ukrainian hands"
    r"|\b(?:already|now)\s+in\s+(?:Ukrainian|Ukraine['’]s|Kyiv['’]s)\s+hands\b"
    # "The Patriot system that Romania promised in June has reached its destination", "about 500 drones reached the
    # Defence Forces of Ukraine"
    r"|\breached\s+(?:(?:its|their)\s+destination|Ukraine\b|Kyiv\b"
    r"|the\s+(?:Ukrainian|Defen[cs]e\s+Forces|Armed\s+Forces|front(?:\s*line)?)\b)"
    # "six instructors completed a four-week demining course for Ukrainian personnel": a course given
    r"|(?:completed|ran|conducted|(?:is|are)\s+(?:already\s+|now\s+)?running)\s+(?:a|an|the|their|its)\s+(?:[\w-]+\s+){0,5}"
    r"courses?\s+for\b"
    r"|(?:have|has|had)\s+(?:now\s+|already\s+|also\s+|previously\s+)?(?:been\s+)?(?:sent|supplied|shipped|transferred"
    rf"|given{NO_INFO_AFTER}|provided|donated|gifted|trained)|handing\s+over"
    # "Latvia's first batch of drones has already been handed to Ukrainian units"
    r"|(?:has|have|had)\s+(?:now\s+|already\s+|also\s+)?been\s+handed\s+to\s+(?:Ukraine\b|Kyiv\b|(?:the\s+)?Ukrainian\s)"
    r"|(?:was|were)\s+the\s+first\s+(?:[\w-]+\s+){0,2}to\s+(?:send|supply|deliver|give|provide|hand)"
    r"|reached\s+(?:the\s+)?(?:Ukrainian|Kyiv|Kiev)|(?:crossed|rolled)\s+into\s+Ukraine"
    r"|(?:has|have)\s+(?:recently\s+|now\s+|already\s+)?taken\s+(?:over|delivery\s+of)"
    # "Greece has supported Ukraine with defence material and with training": what it gave
    r"|(?:has|have)\s+(?:\w+\s+)?supported\s+(?:Ukraine|Kyiv)\s+with\b"
    r"|(?:were|was)\s+(?:\w+\s+)?(?:supplied|sent|shipped|transferred)|sent|shipped|reached\s+Ukraine"
    # "the 28 M-55S tanks Ljubljana gave in 2022": what was given in a year gone by was handed over
    r"|\bgave\s+(?:in|during)\s+(?:early\s+|late\s+|mid-)?(?:19|20)\d\d\b"
    # "Germany contributed twelve trucks and ten trailers": things counted, given (not "contributed 10 million pounds")
    r"|(?<!\bhas\s)(?<!\bhave\s)(?<!\bhad\s)contributed\s+(?=(?:some\s+|about\s+)?(?:\d[\d,]*|two|three|four|five|six|seven"
    r"|eight|nine|ten|eleven|twelve|\w+teen|twenty|thirty|forty|fifty|hundreds)\s+(?!million|billion|thousand|bn\b)[a-z])"
    # "1,500 drones are on their way from Latvia to Ukraine", "are heading to Ukraine": sent
    r"|(?:are|is)\s+(?:now\s+)?(?:heading|headed|en\s+route)\s+(?:to|for)\s+(?:Ukraine|Kyiv)\b"
    r"|(?:are|is)\s+(?:now\s+)?on\s+(?:their|its)\s+way\s+(?:from|to)\b|(?<!\bto\s)dispatch(?:es|ed)\b"
    # "the first four Zuzana howitzers left for Ukraine yesterday": sent
    r"|(?:left|departed)\s+for\s+(?:Ukraine|Kyiv)\b"
    # "Training of Ukrainian personnel continues at Toledo", "the training of crews is already under way": going on
    r"|\b[Tt]raining\s+(?:of|for)\b[^.;]{0,100}?(?:(?<!will\s)\bcontinues\b(?!\s+to\b)"
    r"|\b(?:is|are)\s+(?:already\s+|now\s+)?(?:under\s*way|ongoing)\b)"
    rf"|{ALREADY_HAS}"
    # "what the Bundeswehr supplied during July", "Norway passed on 20,000 rounds": handed over
    r"|(?<!\bbe\s)(?<!\bbeen\s)(?<!\bto\s)supplied(?=\s+(?:during|in|last|over|on)\b)|passed\s+on\b"
    r"|(?<!\bbe\s)(?<!\bbeen\s)(?<!\bto\s)(?<!\bwill\s)(?<!\bwould\s)transferred\b"
    # ("six M777 howitzers, all of them already in Ukrainian hands", "the tanks are now in Ukrainian hands"; not
    # "ammunition for the M777s already in Ukrainian hands", which only says which guns)
    r"|(?:,\s*(?:all\s+of\s+them\s+|both\s+)?|\b(?:are|is|were|was)\s+)(?:already\s+|now\s+)?in\s+"
    r"(?:Ukrainian\s+hands|the\s+hands\s+of\s+(?:the\s+)?Ukrain\w+)"
    # ("The three Leopard 2A6 tanks we promised are in Ukraine")
    r"|(?:are|is)\s+(?:now\s+|already\s+)?in\s+(?:Ukraine|the\s+country)\b|now\s+(?:in\s+service|operational)"
    # "flew 20 vehicles to Ukraine", "confirmed the dispatch of 20 vehicles"
    r"|flew\s+[^.;]{0,60}?\bto\s+(?:Ukraine|Kyiv|Kiev)\b|(?:confirmed|completed)\s+the\s+dispatch\s+of"
    r"|(?<=Ukraine\s)(?:also\s+)?(?:got|obtained)"
    # "…are in service with Ukraine's 47th brigade", "troops are already using", "deliveries … began in July"
    r"|(?:are|is|were|was)\s+(?:now\s+|already\s+)?in\s+service\s+with|already\s+(?:using|operating|flying|firing)\b"
    r"|\bdeliveries\s+(?:of\s+[^.;]{0,60}?\s+)?(?:began|started|have\s+(?:begun|started))"
    r"|handed\s+(?:Ukraine|Kyiv|Kiev|(?:their|its|the)\s+Ukrainian\s+(?:counterparts|colleagues|partners|troops|soldiers))"
    r"|entered\s+service|(?:put|taken)\s+into\s+service"
    # "the first two NASAMS have been in action around Kyiv since November": in use in Ukraine, so there
    r"|(?:has|have)\s+been\s+(?:in\s+action|in\s+use|operational)\b|(?:are|is)\s+(?:now\s+)?in\s+action\b"
    # "the most recent deliveries of materiel from Spain, which included:": what was delivered
    r"|(?:latest|recent)\s+(?:deliveries|shipments|handovers)\b"
    # "Earlier Danish donations have included armoured personnel carriers": what was given before
    r"|\b(?:earlier|previous|past|prior)\s+(?:[\w-]+\s+){0,2}(?:donations|gifts)\s+(?:have\s+|had\s+)?(?:included|comprised)\b"
    # "The delivery comprised 10 Leopard 2A4 tanks": what a handover held
    r"|\b(?:delivery|shipment|consignment|handover)\s+(?:comprised|included|contained|consisted\s+of)\b"
    r"|(?:are|is)\s+(?:already\s+|now\s+|currently\s+)?being\s+trained\b|(?:were|was)\s+trained\b"
    # "Norwegian instructors have taken part in the training of Ukrainian pilots", "has started instructing its first
    # intake of Ukrainian recruits", "they helped train 400 Ukrainian recruits": training given
    rf"|{COURSE_TAKEN}|{TRAINING_GIVEN_WORDS}|\bhelped\s+(?:to\s+)?train\b"
    r"|(?:has|have|had)\s+(?:also\s+|already\s+)?taught\b"
    # "Canada also keeps training Ukrainian soldiers", "Britain continues to train Ukrainian recruits"
    r"|\b(?:keeps?|kept|continues?|continued)\s+(?:to\s+train|training)\s+(?=Ukrain)"
    # "Spanish instructors were training Ukrainian personnel", "the air force trains Ukrainian pilots": training given
    r"|(?<!\bwho\s)(?<!\bthat\s)(?<!\bwhich\s)\b(?:(?:were|was)\s+(?:still\s+|also\s+|already\s+)?training|trains)\s+"
    r"(?=Ukrain)"
    # "In 2023 Latvian instructors trained 500 Ukrainian soldiers": training given (not "soldiers were trained")
    # (nor "the coalition that trained Ukrainian pilots": what describes a giver)
    r"|(?<!\bbe\s)(?<!\bbeen\s)(?<!\bwere\s)(?<!\bwas\s)(?<!\bare\s)(?<!\bis\s)(?<!\bthat\s)(?<!\bwhich\s)(?<!\bwho\s)"
    r"\btrained\s+(?=(?:(?:some|about|around|more\s+than|over|nearly)\s+)?(?:[\d,]+\s+)?Ukrainian\s)"
    # "Our personnel are in the UK right now, training Ukrainian soldiers"
    r"|(?<=,\s)training\s+(?=Ukrain)"
    # "Norwegian instructors have also helped to train Ukrainian F-16 pilots"
    r"|(?:has|have)\s+(?:also\s+|already\s+)?help(?:ed)?\s+(?:to\s+)?train\b"
    # "NATO has been supplying Ukraine with food rations, fuel and medical supplies"
    r"|(?:has|have)\s+been\s+(?:supplying|sending|delivering|providing)\b"
    # "instructors are still training Ukrainian recruits", "have been training Ukrainian pilots since August" (not
    # "visiting personnel who are training Ukrainian soldiers": the people described)
    # (and "has started training Ukrainian pilots", "began training Ukrainian crews on Monday")
    # (and "Australian instructors are still in Britain training Ukrainian recruits")
    r"|(?<!\bwho\s)(?<!\bthat\s)(?:(?:are|is)\s+(?:still\s+|now\s+|currently\s+|already\s+|also\s+)?"
    r"(?:in\s+[A-Z]\w+\s+)?|(?:has|have)\s+been\s+"
    r"|(?:(?:has|have)\s+(?:begun|started)|began|started)\s+)training\s+(?=(?:new\s+|more\s+|further\s+)?Ukrain)"
    # "Ukrainian soldiers have been training on the Marder here", "crews began training on the Leopard 2A6"
    r"|(?:(?:are|is|have\s+been|has\s+been)\s+(?:still\s+|now\s+|currently\s+|already\s+|also\s+)?|(?:began|started)\s+(?:also\s+)?)"
    r"(?:their\s+|its\s+)?training\s+(?:on|in|at|with|alongside)\b(?!\s+(?:is|are|was|were)\b)"
    # "Five Dutch howitzers are already in Ukrainian hands"
    # (and "Croatia's earlier transfer of fourteen Mi-8 helicopters…, now in Ukrainian service")
    r"|(?:\b(?:are|is)\s+|,\s+)(?:now\s+|already\s+)?in\s+Ukrain(?:ian|e['’]s)\s+(?:hands|service)\b"
    # "Three launchers are now with Ukrainian units"
    # (and, in Kyiv's voice, "Hundreds of SkyRanger drones are already with our brigades")
    r"|\b(?:are|is)\s+(?:now\s+|already\s+)?with\s+(?:the\s+)?(?:Ukrain(?:ian|e['’]s)|our)\s+(?:[\w-]+\s+)?"
    r"(?:units|forces|troops|army|brigades?|soldiers|crews|navy|air\s+force)\b"
    # "last month's arrival in Ukraine of a NASAMS system"
    r"|\barrival\s+(?:in\s+(?:Ukraine|Kyiv)\s+)?of\b"
    # "- 275 night-vision goggles, already supplied;"
    r"|(?<=,\s)already\s+(?:supplied|delivered|sent|shipped|donated|provided|handed\s+over|transferred)(?=\s*(?:[;.]|$))"
    # "Ukraine was handed 20 tanks by Germany", "The handover of 20 German tanks took place on Monday", "already in use
    # on the front", "troops are already fighting with 20 German tanks"
    r"|(?:Ukraine|Kyiv|Kiev)\s+(?:was|has\s+been)\s+(?:handed|given|sent)\b|\bhandover\s+of\b[^.;]{0,60}?\btook\s+place\b"
    r"|\b(?:are|is)\s+(?:already|now)\s+in\s+use\b|\balready\s+(?:fighting|operating|flying)\s+with\b"
    # "Norway's 20 vehicles have landed in Ukraine", "the 20 vehicles from Norway are now at the front"
    r"|\b(?:landed|touched\s+down)\s+in\s+(?:Ukraine|Kyiv|Kiev)\b|\b(?:are|is)\s+(?:now|already)\s+at\s+the\s+front\b"
    # "Twenty Norwegian trucks arrive in Ukraine" (a headline's present), "Deliveries of the 20 trucks are complete",
    # "Norway has fulfilled its pledge of 20 trucks", "took possession of", "has put 20 trucks into service"
    r"|\b(?:arrive\s+in|(?<=will\s)reach)\s+(?:Ukraine|Kyiv|Kiev)\b"
    r"|\b(?:deliver(?:y|ies)|handover|transfer)\s+(?:of\s+[^.;]{0,60}?\s+)?(?:is|are|was|were|has\s+been)\s+(?:now\s+)?complete"
    r"|\b(?:fulfilled|completed)\s+(?:its|their|the)\s+(?:pledge|promise|commitment)\b|\btook\s+possession\s+of\b"
    r"|\b(?:has|have|had)\s+put\s+[^.;]{0,60}?\binto\s+service\b"
    # "Norway handed 20 armoured vehicles to Ukraine's army"
    r"|(?<![\w-])handed\s+[^.;]{0,60}?\bto\s+(?:Ukraine|Kyiv|Kiev|the\s+Ukrainian)"
    # "Ukraine now has two further Patriot launchers from Germany"
    r"|(?:(?<=Ukraine\s)|(?<=Kyiv\s)|(?<=Kiev\s))now\s+(?:has|operates|fields)"
    # "The handover was completed on April 4"
    r"|(?:handover|delivery|transfer)\s+(?:was|were|has\s+been)\s+completed\b"
    # "Italy has also handed Storm Shadow missiles to Ukraine"
    r"|(?:has|have|had)\s+(?:also\s+|already\s+)?handed\b"
    # "in 2022 the Czech Republic did transfer T-72 tanks": a past handover, stressed
    r"|\bdid\s+(?:also\s+|in\s+fact\s+)?(?:transfer|send|deliver|supply|hand|ship|give|provide|donate)\b)\b",
    re.I,
)
# ("Ukraine's partners used Friday, the anniversary, to announce a fresh round of help": the round-up's day)
ANNOUNCED_ON_RE = re.compile(
    r"\b(?:announced|announcement|unveiled|pledged|promised|approved|decided|confirmed)\b"
    r"|\bused\s+[^.;]{0,80}?\bto\s+(?:announce|unveil|pledge|promise)\b",
    re.I,
)
FUTURE_RE = re.compile(
    r"\b(will|would|to\s+be|are\s+to|is\s+to|shall|plans?\s+to|expected|scheduled|due\s+to|can\s+be)\b", re.I
)
# "…to upgrade the hospital before it is handed over", "once they are delivered": a handover told in the present after
# "before" or "once" is still to come
HANDOVER_TO_COME_RE = re.compile(
    r"\b(?:before|until|once|when|as\s+soon\s+as)\s+(?:it|they|the\s+(?:[\w-]+\s+)?[\w-]+)\s+(?:is|are)\s+(?:\w+\s+)?$",
    re.I,
)
# "I would also like to recall that in November we sent…": the speaker's manner, no future of the giving
SPEAKERS_WOULD_RE = re.compile(
    r"\b(?:would|'d)\s+(?:also\s+|just\s+)?like\s+to\s+(?:recall|remind\s+\w+|say|add|note|mention|stress|underline"
    r"|point\s+out|emphasi[sz]e|thank\s+\w+|repeat)\b",
    re.I,
)
COME_WITH = r"(?:which|that)\s+(?:will\s+|would\s+)?come(?:s)?\s+with\b"
# "Denmark will do the same", "So will Spain": another donor gives what the sentence before gave
SAME_AS_BEFORE = (
    r"\b(?:will|would|did|has|have)\s+(?:also\s+)?do(?:ne)?\s+the\s+same\b|^\W*So\s+(?:will|would|did|has|have|does)\b"
)
PLEDGE_RE = re.compile(
    r"\b(pledg\w*|promis\w*|announc(?!ements?\b)\w*|unveil\w*|commit\w*|approv(?:e|es|ed|ing)|authori[sz]\w*|donat\w*|allocat\w*"
    r"|earmark\w*|contribut\w*|offer(?:s|ed)?|grant(?:s|ed)?|agreed|decided|package|includ(?:e|es|ed)|sign(?:s|ed)"
    # "the Defence Secretary set out £160 million for repairing…": a sum laid out
    r"|set\s+out(?=\s+(?:a\s+further\s+|another\s+)?(?:[£$€]|(?:US|C|A|NZ)\$|(?:EUR|USD|GBP|NOK|SEK|DKK)\s))"
    # "The centrepiece is twenty-five more LAV III vehicles"; "Its value is put at about €43 million"
    rf"|cent(?:re|er)pieces?|^\W*{VALUE_OF_AID}\b"
    r"|in\s+preparation|being\s+(?:prepared|implemented)|consist(?:s|ed)?\s+of|furnish(?:es|ed|ing)?"
    # "Today his government added a second shipment: …", "Today the Dutch ministry went further: fifty Panzerfausts"
    r"|\badd(?:s|ed)\s+(?:a|an|another)\s+(?:[\w-]+\s+){0,2}(?:shipment|package|consignment|batch|tranche|donation)\b"
    r"|\bwent\s+further(?=\s*:)"
    # "Fifty million dollars is for air defence systems", "Thirty million goes on drones": a package's share
    r"|^\W*(?:and\s+)?(?:[\w$€£.,-]+\s+){1,4}?(?:dollars|euros|pounds|kroner|kronor|crowns|million|billion)\s+"
    r"(?:is\s+for|are\s+for|goes\s+(?:on|to(?:wards)?)|go\s+(?:on|to)|covers|pays\s+for)\b"
    # "A single Leopard tank is also going, for testing by Ukrainian crews"
    r"|(?:is|are)\s+also\s+going\b(?=\s*,|\s+to\s+(?:Ukraine|Kyiv)\b)"
    # (not who reports what went: "the same sources list 2S1 howitzers")
    r"|(?<!\bsources\s)(?<!\breports\s)\blist(?:s|ed)?\b|turn(?:s|ed|ing)?\s+over|there\s+(?:are|is)\s+[^.;]{0,60}\bin\s+(?:it|the\s+package)\b"
    r"|cleared\s+(?:the\s+)?(?:delivery|export|sale|transfer)"
    r"|prepar(?:ing|es|ed)\s+(?:a\s+|the\s+)?(?:\w+\s+)?(?:shipment|delivery|package|consignment)|bound\s+for\s+(?:Ukraine|Kyiv)"
    rf"|order(?:ed|s)?|set\s+up|send|sends|(?:gave|give|gives){NO_INFO_AFTER}|provide|provides|provided|supply|supplies"
    # (not "stocks of U.S.-supplied munitions": the word describes what Ukraine holds)
    r"|(?<!-)supplied"
    # "the country will hand all six of its Kamov helicopters to Ukraine"
    # (and "Latvia will hand its drones to Ukrainian units next month")
    r"|(?:will|would|to)\s+hand\s+(?:[\w'’-]+\s+){1,6}?to\s+(?:Ukraine\b|Kyiv\b|(?:the\s+)?Ukrainian\s)"
    # "will go on giving 0.25 per cent of its GDP", "keeps sending"
    r"|(?:keep|keeps|go\s+on|goes\s+on|continue|continues)\s+(?:giving|sending|supplying|providing|funding|training)"
    # "put five more PAC-3 interceptors on the table"
    r"|put\s+[^.;]{0,80}?\bon\s+the\s+table\b"
    # "Rutte thanked Britain, Iceland and Norway for fresh money for PURL": money thanked for is money given
    r"|thank(?:s|ed)?\s+[^.;]{0,100}?\bfor\s+(?:the\s+|their\s+|its\s+)?(?:fresh\s+|new\s+|additional\s+|further\s+)?"
    r"(?:money|funds|funding)\b"
    # "is readying 20 vehicles for Ukraine", "has topped up its aid with", "has secured 20 vehicles for Ukraine"
    r"|ready(?:ing|ies)|top(?:s|ped|ping)?\s+up\s+(?:its|their|the)\s+(?:aid|support|package|assistance|contribution)"
    r"|secured(?=[^.;]{0,60}\bfor\s+(?:Ukraine|Kyiv))"
    r"|fund(?:s|ed)?|finance[sd]?|bought|buy|buys|purchase[sd]?"
    # (not "arms-transfer rules", a kind of rule, nor "Before the transfer, the army operated 120 tanks": a time)
    r"|(?<!-)(?<!\bbefore\sthe\s)(?<!\bafter\sthe\s)(?<!\bsince\sthe\s)transfer(?:s|red)?"
    # "will pay Ukrainian industry to build 18 howitzers": paying for what is made for Ukraine
    r"|pa(?:y|ys|id|ying)\s+(?:together\s+|jointly\s+)?(?:for|(?:[\w-]+\s+){1,3}to\s+(?:build|make|produce|buy))"
    # "would pay 8 million euros into NATO's trust fund"; "Belgium will follow up with medical vehicles"
    r"|pa(?:y|ys|ying)\s+(?:[\w.,€$£-]+\s+){1,4}?into\b|follow(?:s|ed|ing)?\s+up\s+with"
    # "it put $5m into a NATO trust fund", "had put 500 million euros towards drones" (not "put vehicles back into
    # service")
    r"|put(?:s|ting)?\s+(?:[\w.,€$£()-]+\s+){1,6}?(?:into|towards?)\b(?!\s+(?:service|use|action|operation)\b)"
    # "Belgium put up €200 million", "Denmark put in 125 million euros"
    r"|put(?:s|ting)?\s+(?:up|in)(?=\s+(?:another\s+|a\s+further\s+|some\s+|about\s+)?(?:[€$£]|[A-Z]{1,3}\$|[A-Z]{3}\s*\d|\d))"
    # "The remaining $35 million goes to NATO's Comprehensive Assistance Package"
    rf"|(?:goes|go|went)\s+(?:to|into)\s+(?:[\w'’-]+\s+){{0,5}}?(?:{POOLS})"
    # "Germany is on course to train 10,000 Ukrainian soldiers this year"
    r"|on\s+(?:course|track)\s+to\s+(?:train|deliver|send|provide|supply|hand)\b"
    rf"|{SAME_AS_BEFORE}"
    # "raising its industry pool by 300 million kroner"
    r"|put(?:s|ting)?\s+in\s+(?:a\s+further|another|an\s+extra|a\s+new)\b|(?:will|to)\s+(?:\w+\s+)?(?:deploy|expand)\b"
    # "The Council today adopted two further assistance measures…, putting an additional €500 million at the disposal"
    r"|adopt(?:s|ed)?\s+(?:[\w-]+\s+){0,3}(?:assistance\s+)?measures?|put(?:s|ting)?\s+[^.;]{0,60}?\bat\s+the\s+disposal"
    # ("increased its support for Ukraine's air force by NOK 1.3 billion")
    r"|(?:rais|increas)(?:e|es|ed|ing)\s+(?:its|the|their)\s+(?:[\w-]+\s+){0,3}(?:pool|fund|budget|contribution|support)s?"
    r"\s+(?:for\s+(?:[\w'’-]+\s+){1,3})?by"
    rf"|hand{TO_PARTICLE}over|(?:set|put)\s+aside|reserv(?:es|ed|ing)|(?:will|to)\s+reserve|budget(?:s|ed)|spen[dt]|help\s+train"
    r"|will\s+(?:\w+\s+)?train(?:ing)?|would\s+(?:also\s+)?train\b|(?:will|would)\s+follow\b|(?:instructors|trainers)\s+would\s+train|(?:will|would|to)\s+(?:\w+\s+)?ship\b"
    # "the launchers would be accompanied by six howitzers", "64 soldiers would begin training in Toledo"
    r"|(?:will|would)\s+be\s+accompanied\s+by|(?:will|would)\s+(?:begin|start|undergo)\s+training"
    # "The rifles, which come with 30,000 rounds of ammunition": what given things come with is given too
    rf"|{COME_WITH}"
    r"|(?:is|are)\s+(?:\w+\s+)?(?:sending|giving|providing|supplying|donating)"
    r"|(?:will|would)\s+(?:\w+\s+)?(?:receive|get|go\s+to)|(?:is|are)\s+(?:set|due)\s+to\s+(?:receive|get)"
    r"|ma(?:ke|kes|king|de)\s+(?:[^.;]{0,60}?\s)?available|tranche|contain(?:s|ed)?|compris(?:e|es|ed)"
    # any form of a verb of giving or paying: "is dispatching", "gifted", "will deliver", "lent" (not its noun, "the
    # delivery of jets", nor a gerund after a preposition, "focused on supplying ammunition")
    r"|(?<!\bon\s)(?<!\bof\s)(?<!\bin\s)(?<!\babout\s)(?<!\bthe\s)(?<![\w-])(?:deliver(?:s|ed|ing)?|dispatch(?:es|ed|ing)?|ship(?:s|ped|ping)"
    r"|gift(?:s|ed|ing)|lend(?:s|ing)?|lent|loan(?:s|ed|ing)|donat(?:e|es|ed|ing)|transfer(?:s|red|ring)?"
    r"|provid(?:e|es|ed|ing)|suppl(?:y|ies|ied|ying)|equip(?:s|ped|ping)?|procur(?:e|es|ed|ing)|buy(?:s|ing)?"
    r"|purchas(?:e|es|ed|ing)|financ(?:e|es|ed|ing)|fund(?:s|ed|ing)?|allocat(?:e|es|ed|ing)|commit(?:s|ted|ting)?"
    r"|approv(?:e|es|ed|ing)|contribut(?:e|es|ed|ing)|offering|rush(?:es|ed|ing)?|bankroll(?:s|ed|ing)?"
    # "Norway fast-tracks 20 vehicles to Ukraine", "unlocks €50 million for drones"
    r"|fast[\s-]?track(?:s|ed|ing)?|unlock(?:s|ed|ing)?))\b"
    # "will hand Ukraine 20 vehicles", "cover the cost of", "stepped up its aid with", "added 20 vehicles to its aid"
    r"|\bhand(?:s|ing)?\s+(?=(?:Ukraine|Kyiv|Kiev|the\s+Ukrainian)\b)|\bcover(?:s|ed|ing)?\s+the\s+cost"
    r"|\bstep(?:s|ped|ping)?\s+up\s+(?:(?:its|their)\s+(?:military\s+)?(?:aid|support|assistance)|with\b)"
    r"|\badd(?:s|ed|ing)?\s+[^.;]{0,60}?\bto\s+(?:its|their)\s+(?:military\s+)?(?:aid|support|assistance|package|donations?)"
    # "Norway green-lit 20 vehicles", "cleared the way for", "will gift Ukraine", "Ukraine is to receive", "will be
    # given by Norway", "is preparing 20 vehicles for Ukraine", "13 Biber tanks are being prepared for delivery"
    r"|\bgreen[\s-]?l(?:it|ighted|ights?)\b|\b(?:gave|given|gives|give)\s+(?:the\s+)?green\s+light\b|\bcleared\s+the\s+way\s+for\b"
    r"|\bgift\s+(?=Ukraine|Kyiv|the\s+Ukrainian|\d)|\b(?:is|are)\s+to\s+(?:receive|get)\b"
    r"|\b(?:will|would)\s+(?:also\s+)?be\s+(?:given|sent|supplied|provided|handed|donated|transferred|trained)\b"
    r"|\b(?:is|are)\s+preparing\s+[^.;]{0,60}?\bfor\s+(?:Ukraine|Kyiv|the\s+Ukrainian)|\b(?:has|have)\s+readied\b"
    r"|\bbeing\s+(?:prepared|readied)\s+for\s+(?:delivery|shipment|transfer|handover)\b"
    # "Latvia also plans to train 3,000 Ukrainian soldiers", "Norway on Thursday launched a five-year support programme"
    r"|\b(?:plans?|planning|intends?|intending)\s+to\s+(?:train|send|deliver|provide|supply|donate|give|transfer|hand)\b"
    r"|\blaunch(?:es|ed|ing)?\s+(?:a|an|its|their)\s+(?:[\w-]+\s+){0,3}(?:programme|program|package|fund|initiative)\b"
    # "Norway will add around €43 million through the same mechanism", "Canada will add 29 M113 carriers" (not "would
    # add that…": a speaker going on)
    r"|\b(?:will|would|to)\s+(?:also\s+)?add\s+(?!that\b|to\b|it\b|its\b)"
    # "Berlin is adding 30 missiles for the Patriot batteries"
    r"|\b(?:is|are)\s+(?:also\s+)?adding\s+(?!that\b|to\b|it\b|its\b)"
    # "released 20 vehicles from its stocks for Ukraine", "has acquired 20 vehicles for Ukraine"
    r"|\b(?:releas|acquir|sourc)(?:e|es|ed|ing)\s+[^.;]{0,60}?\bfor\s+(?:Ukraine|Kyiv|Kiev|the\s+Ukrainian)",
    re.I,
)
# what may stand between "reaches" and the sum it reaches: "about", "more than"; then a sum's first character
HEDGE = r"(?:about|around|approximately|roughly|some|nearly|almost|over|more\s+than|just\s+(?:over|under))\s+"
APPROXIMATELY = rf"(?:{HEDGE})?"
# "more than 400 armoured vehicles": a hedge before a count, which the things counted after may round up to
HEDGE_BEFORE = rf"\b{HEDGE}"
AMOUNT_STARTS = r"(?:[$€£¥]|[A-Z]{1,3}\$|\d|(?:USD|EUR|GBP|NOK|DKK|SEK|CAD|AUD)(?:\b|(?=\d)))"  # "EUR910 million"
NON_FACTS = [
    # (reason, pattern, whether a strong verb in the sentence overrides it)
    # "…in Copenhagen, where Ukraine's partners pledged some 1.5 billion euros": what many donors gave between them
    ("total of several donors", re.compile(
        r"\b(?:Ukraine['’]s|Kyiv['’]s|its|their|the)\s+(?:\w+\s+)?(?:partners|allies|backers|donors|supporters)\s+"
        r"(?:have\s+|had\s+)?(?:jointly\s+|together\s+)?(?:pledged|promised|committed|gave|provided|put\s+up)\s+"
        r"(?:some\s+|about\s+|around\s+|more\s+than\s+|nearly\s+|over\s+)?(?:[€$£]|\d[\d.,]*\s+(?:billion|million)\b)"
        # "For four months the Czech Republic has been collecting other people's money to buy shells for Ukraine"
        r"|\bcollect\w*\s+(?:other\s+(?:people|countries|nations|states)['’]s?|(?:allies|partners|donors)['’])\s+money\b"
        # "Across all its members, the coalition had purchases worth €303 million under way"; "| Rounds delivered so
        # far, all funders |"
        r"|^\W*Across\s+all\s+(?:its|their|the)\s+(?:members|partners|donors|participants)\b"
        r"|\ball\s+(?:funders|donors|contributors)\b",
        re.I), False),
    # "it placed orders for drones and spare parts, but those orders belong to the pool, not to any one donor"
    ("what a pool buys", re.compile(
        r"\bbelong\s+to\s+the\s+(?:pool|fund|coalition|scheme|mechanism)\b|\bnot\s+(?:to\s+)?any\s+(?:one\s+|single\s+)?donor\b",
        re.I), False),
    # "Romania gave up to USD 600,000 to Moldova's defence capacity fund": aid to another state, naming no Ukraine
    ("aid to another state", re.compile(
        rf"^(?!.*\bUkrain).*\b(?:to|for|into)\s+(?:the\s+)?(?:{'|'.join(OTHER_RECIPIENTS)})(?:['’]s)?\b",
        re.I), False),
    # "about $2 billion in longer-term military financing for Ukraine and 18 of its neighbours": many states' sum
    ("a sum for several states", re.compile(
        r"\bfor\s+Ukraine\s+and\s+(?:\d+|[a-z]+)\s+(?:of\s+its\s+|other\s+)?(?:neighbou?rs|countries|states|nations)\b",
        re.I), False),
    ("total since the start of the war", re.compile(
        r"^(?=.*\b(?:has|have|had|total|totals|totall?ed|brings?|lifts?|raises?|reach(?:es|ed)?|comes?\s+to|adds?\s+up"
        # ("its overall military assistance since February 2022 will approach EUR 200 million")
        r"|approach(?:es|ed)?|exceed(?:s|ed)?"
        r"|amounts?\s+to|stands?\s+at)\b)(?=.*(?:since\s+the\s+(?:start|beginning|outbreak)\s+of|since\s+(?:the\s+)?(?:Russia'?s?|Russian|full[\s-]scale)"
        r"\s+(?:full[\s-]scale\s+)?invasion|since\s+the\s+(?:invasion|war)\s+(?:began|started)"
        r"|since\s+(?:24\s+)?February(?:\s+24)?,?\s+2022"
        r"|since\s+the\s+(?:full[\s-]scale\s+)?invasion\b|since\s+(?:late\s+)?February\b"
        r"|since\s+Russian\s+(?:troops|forces|tanks)\s+(?:crossed|invaded|entered|rolled)|since\s+Russia\s+invaded))"
        # (but "Since February Norway has sent about 4,000 M72 anti-tank weapons": items counted, each delivered; "has
        # sent more than 4,000 NLAWs since the invasion began" is a tally's floor)
        r"(?!.*\b(?:has|have|had)\s+(?:\w+\s+)?(?:sent|delivered|supplied|donated|shipped|handed\s+over|transferred)\s+"
        r"(?:some\s+|about\s+|around\s+|nearly\s+)?(?:" + COUNT + r")\s+"
        r"(?!(?:million|billion|bn|tonnes|tons|euros|dollars|pounds|kroner|crowns)\b)[^\W\d])"
        r"|\b(?:before|prior\s+to)\s+(?:this|today's|the\s+latest)\s+package\b|since\s+2022|\bto\s+date\b"
        # (but "the Bushmasters, 120 in total, have arrived": one thing counted)
        r"|(?<!\d\s)\bin\s+total\b"
        # "The list now counts 49 Gepards handed over since the summer of 2022": a running tally
        r"|\b(?:list|tally|count|overview)\s+now\s+(?:counts|shows|stands\s+at)\b"
        # "Ukraine now has 37 Caesar howitzers in all, counting those from France": a tally of several donors'
        r"|\bcounting\s+(?:those|the\s+ones)\b"
        # "the fund passed the 1 billion pound mark in pledges"
        r"|\b(?:passed|passes|crossed|crosses|topped|tops|surpassed|reached|hit)\s+the\s+[^.;]{0,40}?\bmark\b"
        # "four packages of roughly half a billion dollars each had been agreed under PURL": several donors' packages
        r"|\b(?:two|three|four|five|six|seven|eight|nine|ten|\d+)\s+packages\s+of\s+[^.;]{0,40}?\beach\b"
        # "Denmark's donations of weapons and equipment had passed 2 billion kroner in value"
        r"|\b(?:donations|deliveries|contributions|aid|assistance)\b[^.;]{0,60}?\b(?:had|has|have)\s+(?:passed|exceeded"
        r"|topped|surpassed|crossed)\b"
        # "3,500 Ukrainian soldiers had been trained in Spain since the programme began"
        r"|\bsince\s+the\s+(?:programme|program|mission|operation|scheme|initiative|training|effort|course)\s+"
        r"(?:began|started|opened|was\s+(?:launched|set\s+up))\b"
        r"|^\W*The\s+total\s+(?:value|amount|sum)\s+of\b"
        # "- Value of the package: approx. DKK 800 million": a list's line giving the package's total
        r"|^\W*(?:total\s+)?value\s+of\s+the\s+(?:package|donation|aid|contribution)\s*:"
        r"|\baltogether\b|\bcumulative|\bbetween\s+them\b|\bcollectiv\w*"
        # "The facility has thus committed €1.5 billion to Ukraine in seven weeks": the sum of those just told
        r"|\bthus\s+(?:committed|pledged|promised|given|provided|spent|sent|delivered)\b"
        # "Add it all up and Ukraine has been promised roughly a hundred Leopards"
        r"|\badd\s+(?:it|them|these|those)\s+(?:all\s+)?up\b"
        # ("the ten Finnish packages are together worth €160 million", not "rounds and kit, together worth")
        r"|\b(?:packages|deliveries|donations|contributions|tranches)\b[^.;]{0,40}?\btogether\s+worth\b"
        # "That figure covers everything from tanks and howitzers to training"
        r"|\b(?:that|this|the)\s+(?:figure|total|sum|tally)\s+(?:covers|includes|counts)\b"
        # "Lecornu put the total value of French military aid so far at 550 million euros"
        r"|\b(?:aid|assistance|support)\s+so\s+far\b"
        # "of the €10.4 billion earmarked for Ukraine, some €4 billion has been spent so far": a budget's account
        r"|\bspent\s+(?:so\s+far|to\s+date|up\s+to\s+now)\b"
        # "The Kiel Institute, which tracks pledges, ranks France well behind Britain": a tracker's tally or ranking
        r"|\bKiel\s+Institute\b|\b(?:support|aid)\s+tracker\b|\btracks?\s+(?:pledges|support|aid)\b"
        r"|\b(?:have|has)\s+(?:together|jointly)\s+(?:committed|pledged|provided|given|sent|delivered|shipped)\b"
        # "The participants of that conference together committed more than EUR 1.5 billion"
        r"|\b(?:participants|attendees|delegations|countries|nations|donors)\b[^.;]{0,60}?\b(?:together|jointly|collectively)\s+"
        r"(?:committed|pledged|promised|gave|provided|raised)\b"
        r"|\b(?:together|jointly)\s+(?:have|has)\s+(?:committed|pledged|provided|given|sent|delivered|shipped)\b"
        # "About 20 countries announced new weapons", "Others offered to train troops": many donors, none named (but
        # "the United States announced" is one donor)
        r"|\b(?!(?:[a-z]+\s+)?united\s+states\b)(?:\d+|[a-z]+[\s-]?[a-z]*)\s+(?:countries|nations|states)\s+(?:have\s+|had\s+)?"
        r"(?:now\s+)?(?:announced|pledged|promised|offered|agreed|committed|paid|contributed|joined|signed\s+up)\b"
        r"|^\W*(?:Others|Other\s+(?:countries|allies|nations|partners)|Some\s+(?:countries|allies|nations|partners))\b"
        r"|\bmembers\s+of\s+the\s+(?:group|alliance|coalition)\s+(?:have|has|had)\b"
        # "That brings the number of Gepards Ukraine has received to 34", "takes the number of Bushmasters committed
        # to 120": a running count
        r"|\b(?:bring(?:s|ing)?|takes?|taking|lifts?|lifting|raises?|raising)\s+(?:the|its|their)\s+(?:number|tally|count)"
        r"\s+of\b[^.;]{0,80}?\bto\s+(?:about\s+|some\s+)?\d"
        r"|\bbring(?:s|ing)?\s+the\s+total\b|\bbring(?:s|ing)?\s+to\s+(?:[\w,]+\s+){1,2}the\s+(?:number|total|tally)\b|\bbring(?:s|ing)?\s+(?:[\w'’]+\s+){0,3}(?:total|pledge|contribution)\s+to\b"
        # "brings the security assistance Washington has committed in the past week to $1 billion"
        r"|\bbring(?:s|ing)?\s+(?:[\w'’-]+\s+){0,3}(?:assistance|aid|support)\b[^.;]{0,80}?\bto\s+"
        + APPROXIMATELY + AMOUNT_STARTS +
        # "takes the amount the EU has set aside for Ukraine's military to 2 billion euros"
        r"|\b(?:takes?|taking|lifts?|lifting|raises?|raising)\s+the\s+(?:amount|total|sum)\b[^.;]{0,100}?\bto\s+"
        + APPROXIMATELY + AMOUNT_STARTS +
        # "The new tranche brings U.S. security assistance since the invasion to more than $2.5 billion"
        r"|\b(?:brings?|bringing|takes?|taking|lifts?|lifting|raises?|raising)\s+(?:[\w.'’-]+\s+){0,4}?"
        r"(?:aid|assistance|support|contributions?)\b[^;]{0,100}?\bto\s+" + APPROXIMATELY + AMOUNT_STARTS +
        # "Danish military support … now comes to 41.4 billion crowns": a running sum, whatever verb states it
        r"|\b(?:support|aid|assistance|contributions?|commitments?|packages|materiel)\b[^.;]{0,120}?\b(?:now\s+)?(?:totals?"
        r"|adds?\s+up\s+to|comes?\s+to|reach(?:es|ed)?|amounts?\s+to|stands?\s+at|(?:rises|rose|climbs|grows)\s+to"
        r"|exceeds?|tops|(?:sur)?pass(?:es|ed)"
        r"|(?:brings?|lifts?|raises?)\b[^.;]{0,100}?\bto)\s+"
        + APPROXIMATELY + AMOUNT_STARTS
        # "Operation UNIFIER has trained more than 33,000 Ukrainian soldiers": a running count
        + r"|\b(?:has|have)\s+(?:now\s+|already\s+)?trained\s+"
        r"(?:more\s+than\s+|over\s+|some\s+|about\s+|nearly\s+|almost\s+)?\d"
        # "Barely a third of the Bushmasters Australia has promised are confirmed in the country": a share of a total
        r"|\b(?:only|barely|just|less\s+than|more\s+than|about|nearly|almost)\s+(?:(?:a|one)\s+)?(?:third|quarter|fifth"
        r"|half)\s+of\b"
        # "The Entrepreneurs for Peace campaign is now collecting donations worth more than €7 million": citizens' money
        r"|\bcollect(?:s|ed|ing)?\s+donations\b|\bcrowd-?fund\w*|\bfund-?rais\w*"
        r"|\b(?:has|have)\s+so\s+far\s+(?:given|provided|sent|committed|donated|pledged|contributed|allocated"
        r"|spent)\b"
        # (but what a donor "has so far sent" counted in items, "some 120 Bushmasters", is its delivery)
        r"(?!\s+(?:some\s+|about\s+|around\s+|nearly\s+|more\s+than\s+)?(?:" + COUNT + r")\s+"
        r"(?!(?:million|billion|bn|tonnes|tons|euros|dollars|pounds|kroner|crowns)\b)[^\W\d])"
        # "some 64.8 billion kroner available for military support": what a fund holds
        r"|\b(?:available|left|remaining)\s+(?:for|in)\s+(?:the\s+)?(?:military\s+)?(?:support|aid|assistance|fund)\b"
        r"|\b(?:has|have)\s+spent\b"
        # "Finland has now delivered defence materiel worth 2.3 billion euros": what it has given so far
        r"|\b(?:has|have)\s+now\s+(?:delivered|provided|given|sent|committed|pledged|supplied|donated)\b[^.;]{0,80}?"
        r"\bworth\s+(?:a\s+total\s+of\s+)?"
        + APPROXIMATELY + AMOUNT_STARTS +
        # "Lindner said Germany had committed more than 12 billion euros": a sum reached, told as a round figure
        r"|\b(?:has|have|had)\s+(?:now\s+)?(?:committed|provided|given|pledged|spent|contributed)\s+(?:more\s+than|over"
        r"|some|about|around|roughly|approximately|nearly|almost|in\s+excess\s+of)\s+" + AMOUNT_STARTS
        + r"[^.;]{0,40}\b(?:support|aid|assistance)\b"
        # "Counting that fund, the EPF has now committed about 11.1 billion euros to Ukraine"
        r"|\b(?:has|have)\s+now\s+(?:committed|provided|given|pledged|contributed|allocated)\s+(?:more\s+than|over|some"
        r"|about|around|roughly|approximately|nearly|almost|in\s+excess\s+of)\s+" + AMOUNT_STARTS,
        re.I), False),
    # "Ottawa also announced sanctions on … about 200 vessels in Russia's shadow fleet": measures against Russia
    # "China has supplied Russia with drone parts", "Germany will send 20 tanks to NATO's eastern flank", "sending
    # more ships and fighter jets to eastern Europe": arms for
    # Russia, or for the donors' own defence
    ("arms for Russia or for the allies' own defence", re.compile(
        r"\b(?:suppl(?:y|ies|ied|ying)|provid(?:e|es|ed|ing)|gave|giv(?:e|es|ing)|sen[dt]s?|sending|deliver(?:s|ed|ing)?"
        r"|sold|sell(?:s|ing)?|ship(?:s|ped|ping)?)\s+(?:Russia|Moscow|the\s+Kremlin|Russian\s+forces)\b"
        r"|\beastern\s+flank\b|\bto\s+(?:eastern|central)\s+Europe\b"
        # "Slovakia gets Patriot batteries sent by Germany… to guard its own airspace"
        r"|\bto\s+(?:guard|protect|defend|cover)\s+(?:its|their)\s+own\s+(?:airspace|skies|territory|borders?)\b",
        re.I), False),
    # (not "which it can no longer fly because of sanctions on Russia": the reason for a gift)
    ("sanctions", re.compile(r"(?<!because\sof\s)(?<!due\sto\s)\bsanctions?\s+(?:on|against)\b", re.I), False),
    ("battlefield or consumption figure", re.compile(
        r"\b(?:a|per)\s+day\b(?!\s+(?:before|after|earlier|later|ago))|\bevery\s+(?:day|night)\b|\bdaily\b|\bfir(?:ed|ing)\s+(?:on|at|up\s+to|more\s+than|about|around|between|\d|tens|hundreds|thousands)\b|\bshelling\b|\bshot\s+down\b"
        r"|\bdestroyed\b|\bbombard\w*|\bin\s+strikes\b|\bstruck\b|(?<!able\s)\bto\s+strike\b|\blaunched\s+(?:more\s+than\s+)?\d+"
        r"|\bused\s+(?:more\s+than\s+|up\s+to\s+)?\d+|\bintercepted\b|\blost\s+\d+"
        # "front-line units report losing radios and routers every week"
        r"|\blos(?:e|es|ing)\s+[^.;]{0,60}?\b(?:every|each|a|per)\s+(?:week|month)\b"
        # "Ukraine is using artillery rounds at a rate many times higher than industry makes them"
        r"|\b(?:using|firing|consuming|burning\s+through)\s+(?:[\w-]+\s+){0,3}at\s+a\s+rate\b"
        # "The missiles have been fired from Su-24 bombers against headquarters": how what was given is used
        r"|\b(?:have|has|had)\s+been\s+(?:fired|launched|used)\s+(?:from|at|against|by|on|in)\b"
        # "Ukraine would operate 24 German-supplied IRIS-T systems by 2026": a fleet foreseen, not a fact
        r"|\b(?:would|will)\s+(?:then\s+)?(?:operate|field)\s+(?:a\s+total\s+of\s+)?\d"
        r"|\btargeted\b|\bair[\s-]raid\s+(?:sirens?|alerts?)\b|\bin\s+a\s+single\s+(?:night|day)\b"
        # "Russia sent more than 1,300 attack drones at Ukrainian towns in September alone"
        r"|\bRussia\s+(?:has\s+)?(?:sent|launched|fired|hurled)\s+(?:more\s+than\s+|over\s+|about\s+|nearly\s+|some\s+)?\d"
        # "Russia's strikes on Ukrainian cities have intensified, with drones and missiles launched night after night"
        r"|\b(?:strikes|attacks|bombardments?)\b[^.;]{0,80}?\b(?:intensified|escalated)\b|\bnight\s+after\s+night\b"
        # "Russian forces were firing several times as many shells as Ukraine could"
        r"|\b(?:several|many|\w+)\s+times\s+as\s+many\s+(?:[\w-]+\s+)?(?:shells|rounds|drones|missiles|rockets)\b",
        re.I), False),
    ("speculation", re.compile(
        r"(?:could|(?-i:may)|might)\s+take\s+(?:\w+\s+){0,3}(?:days|weeks|months|years)"
        # "our guess is that joint ammunition purchases are the likelier shape of the next package"
        r"|\b(?:our|my|the)\s+(?:best\s+)?guess\s+is\b"
        # "In Brussels there is talk of a European package worth six to twenty billion euros, though nothing has been
        # agreed"
        r"|\bthere\s+(?:is|was)\s+(?:\w+\s+)?talk\s+of\b|\bnothing\s+(?:has|had)\s+(?:yet\s+)?been\s+(?:agreed|decided)\b"
        # "Officials hinted that more shells are available"; "officials had located some 800,000 rounds outside
        # Europe": what might be had, not what is given
        r"|\bhint(?:s|ed|ing)\s+that\b"
        # "support in 2026 could reach at least €100 million": a forecast of a sum
        r"|\b(?:could|might|(?-i:may))\s+reach\s+(?:at\s+least\s+|up\s+to\s+|about\s+|some\s+)?(?:[€$£\d]|EUR\b|USD\b)"
        r"|\b(?:had|has|have)\s+(?:located|identified)\s+(?:some\s+|about\s+|around\s+|roughly\s+|nearly\s+|up\s+to\s+)?\d"
        # "Norway is set to unveil a package next week", "is poised to send": an announcement still to come
        r"|\b(?:set|poised)\s+to\s+(?:unveil|announce|approve|present|send|give|provide|deliver|donate)\b"
        # "The harder question - whether Europe's stocks can keep pace - …", "it is unclear whether", "comment in recent
        # days about whether tanks should now be offered"
        r"|\b(?:question|unclear|uncertain|doubtful|comment|debate|speculation|discussion)\b[^.;]{0,30}\bwhether\b"
        # (not "I can announce that…", which announces; nor "…being repaired so that they can be handed over": what
        # the work is for)
        r"|(?<!\bso\sthat\sthey\s)(?<!\bso\sthat\sit\s)(?<!\bso\sthey\s)(?<!\bso\sit\s)"
        # ("may" in lower case: "On 3 May Sweden announced" names the month)
        r"\b(?:could|might|(?-i:may)|can(?!\s+(?:now\s+)?(?:announce|confirm)\b)|likely\s+to|expected\s+to|considering|consider|mull\w*|weigh\w*|hopes?\s+to)\s+"
        r"(?:\w+\s+){0,3}?(?:send|provid|suppl|deliver|give|giving|donat|transfer|approv|announc|follow|join|contribut|put\s+in|spend"
        r"|includ|feed"
        r"|bring\s+(?:further|more|new|other)|remain|mean"
        r"|be\s+(?:\w+ed|bought|sent|given|made))\w*|\bno\s+decision\b"
        # "a $61bn US aid package still stuck in Congress": money not yet voted
        r"|\b(?:stuck|stalled|held\s+up|blocked)\s+in\s+(?:Congress|(?:the\s+)?(?:Senate|House|parliament))\b|\b(?:has|have)\s+stalled\b|\byet\s+to\s+be\s+(?:decided|discussed|settled|agreed|finali[sz]ed|determined)|\bnot\s+(?:yet\s+)?been\s+(?:decided|settled|agreed|finali[sz]ed)\b|\bin\s+talks\b|\btalks\s+(?:on|about)\b|\breportedly\b"
        # "talks are under way to buy 100,000 more shells", "he expected a contract for Ukraine to be signed in London"
        r"|\btalks\s+(?:are|were)\s+(?:\w+\s+)?under\s*way\b"
        r"|\bexpect(?:s|ed)?\s+(?:an?|the)\s+[^.;]{0,60}?\bto\s+be\s+(?:signed|agreed|approved|finali[sz]ed|announced)\b"
        # "A proposed eighth tranche has yet to win the support it needs"; "If they all make it across the Atlantic…"
        r"|\b(?:has|have)\s+yet\s+to\b|^\W*If\s+"
        # "…would run 'colossal risks' if they send F-16s to Ukraine": what would follow a gift, which is not made
        r"|\bif\s+(?:they|it|[A-Z][\w-]+|the\s+\w+)\s+(?:were\s+to\s+|(?:ever\s+)?(?:decided?|agreed?)\s+to\s+)?(?:send|sends"
        r"|give|gives|supply|supplies|deliver|delivers|provide|provides)\b"
        # "the formal decision is still pending"; "Stoltenberg's idea of a five-year, EUR 100 billion fund"; "capitals
        # are still haggling over a €5 billion fund" (not "after months of haggling, governments agreed"); "Watching
        # next week: whether the fund gets a deal"
        r"|\b(?:is|are|was|were|remains?)\s+(?:still\s+)?pending\b|\bidea\s+of\b|\b(?:is|are|was|were)\s+(?:still\s+)?haggling\s+over\b|^[^.:;]{0,40}:\s*whether\b"
        # "talks are still deciding when, or whether, instructors will be needed, and there is no timetable"
        r"|\bstill\s+deciding\s+(?:when|whether|if|how)\b|\bthere\s+is\s+(?:as\s+yet\s+|still\s+)?no\s+timetable\b"
        # "Cameron has said he is open to a swap", "instructors remained available to train", "may end up with"
        r"|\b(?:is|are|was|were|remains?|remained)\s+open\s+to\b|\bremain(?:s|ed)?\s+available\s+to\b"
        r"|\b(?:could|(?-i:may)|might)\s+end\s+up\b"
        r"|\bwould\s+consider\b|\bwould\s+have\s+been\b|\bnot\s+ruled\s+out\b|\b(?:gave|give|gives|giving)\s+no\s+(?:timetable|date|details)\b|\b(?:has|have)\s+not\s+(?:yet\s+)?(?:said|decided|disclosed)\b"
        r"|\bnot\s+(?:yet\s+)?clear\s+(?:whether|if|how|when)\b|^(?:(?!\b(?:although|though|but|while)\b).)*?\bunlikely\s+to\b|\bbefore\s+(?:we|it|they|[A-Z]\w+)\s+can\b|\b(?:would\s+like|wants?|wanted|wish(?:es)?)\s+to\b|\bwanted\s+(?:[\w-]+\s+){1,2}to\b"
        r"|\bstill\s+waiting\b|^[^,;]{0,60}\b(?:did|does|would|will)\s+not\s+say\b"
        # "Neither side said which vehicles are in the new package"
        r"|^\W*Neither\s+(?:side|government|ministry|country|capital|of\s+them)\s+(?:said|disclosed|named|gave|would\s+say)\b|(?<!\bIn\s)(?<!\bDuring\s)(?<!\bDuring\sthe\s)\bdiscuss(?:ed|ing|ions?)\b|(?<!\bwhich\s)\baims?\s+to\b"
        # "the government plans to cut next year's military aid to about EUR 4 billion": a budget, not a pledge
        r"|\bplans?\s+to\s+(?:cut|reduce|halve|trim)\b"
        # "analysts expect further orders", not "Ireland expects to pay €121.5 million into the fund"
        r"|\b(?:analysts?|observers?|experts?|industry)\s+(?:\w+\s+){0,3}expect\b|\bexpects?\s+(?:further|more|other)\b"
        # "The Commission expects around half a million shells to have reached Ukraine by the end of March"
        r"|\bexpects?\s+(?:[\w-]+\s+){1,6}to\s+have\b"
        # "Tallinn proposed in February that the EU jointly deliver a million rounds": a proposal, not a pledge
        r"|\bproposed\s+(?:[\w-]+\s+){0,4}that\b"
        # "the chief of staff intends to recommend that the government donate 30 tanks": advice, not a pledge
        r"|\brecommend(?:s|ed|ing)?\s+(?:to\s+(?:the\s+)?(?:government|cabinet)\s+)?that\b"
        # "Sunak was asked four times whether Britain would send jets": a question, not an answer
        r"|\basked\s+(?:[\w-]+\s+){0,8}whether\b"
        # "there was 'no taboo' but any transfer raised practical questions": a door left open, nothing given
        r"|\bno\s+taboo\b|\bany\s+(?:future\s+)?(?:transfer|delivery|decision)\b|\bunder\s+consideration\b"
        # what the press reports and the government will not confirm: "Reports in US media suggested Washington is
        # close to a deal…, but officials have confirmed nothing", "Seoul has never confirmed a transfer"
        r"|\bclose\s+to\s+(?:a\s+|an\s+)?(?:deal|agreement|decision)\b|\b(?:confirmed|disclosed)\s+nothing\b"
        r"|\b(?:has|have|had)\s+(?:never|not)\s+(?:yet\s+|publicly\s+|officially\s+)?confirmed\b"
        r"|\b(?:media|press|news(?:paper)?)\s+reports?\b|\breports?\s+in\s+(?:[\w.-]+\s+){0,2}(?:media|press|newspapers?)\b"
        r"|\bunconfirmed\b|\brumou?r|^\W*(?:\w+\s+)?sources\s+(?:say|said|suggest\w*|told)\b"
        # "Zelenskyy, who wants a coalition of countries to provide F-16s", "waiting for the EU to decide on a possible
        # training mission", "of which perhaps 150 are ready"
        r"|\bwants?\s+(?:[\w-]+\s+){1,5}?to\s+(?:provide|send|supply|give|deliver|donate|buy)\b|\b(?:a|any)\s+possible\b"
        r"|\bperhaps\b"
        # "the money pledged so far is enough to buy around half a million rounds"
        r"|\benough\s+(?:money\s+)?(?:to|for)\s+(?:buy|purchase|procure|pay\s+for|fund)\b"
        # "Dutch support over the next decade, with priority for air defence", "working with allies to help them
        # deliver their own systems": priorities and others' giving, no fact of the donor's
        r"|\bwith\s+(?:a\s+)?priority\s+(?:for|on|to)\b|\bpriorities\s+(?:include|are|will\s+be)\b"
        r"|\bhelp(?:s|ing)?\s+(?:them|allies|partners|others|other\s+countries)\s+(?:to\s+)?(?:deliver|send|provide|supply)\b"
        # "Germany is working to deliver more air defence", "stands ready to send", "remains committed to supporting
        # Ukraine": intentions, no fact
        r"|^\W*(?:[\w'’.-]+\s+){1,5}(?:is|are)\s+(?:also\s+)?working\s+(?:to|on)\s+(?:deliver|send|provide|supply)\w*\b"
        r"|\b(?:stands?|stood)\s+ready\s+to\b"
        r"|\bremain(?:s|ed)?\s+committed\s+to\b"
        # "Analysts cautioned that one battery can only defend a limited area", "the coalition will step up work on air
        # defence and look at how to speed up deliveries": commentary and plans to work on something
        r"|\banalysts?\s+(?:\w+\s+){0,2}(?:say|said|says|cautioned|caution|warned|warn|believe|noted|argue|argued)\b"
        r"|\bstep\s+up\s+(?:its\s+|their\s+|the\s+)?work\s+on\b|\blook\s+at\s+how\s+to\b"
        # "Kyiv hopes Norway will send 20 armoured vehicles"
        r"|\bhop(?:es|ed|ing)\s+(?:that\s+)?(?:[\w'’.-]+\s+){1,4}(?:will|would)\b"
        # "Its stated objective is to supply Ukraine with one million FPV drones", "well disposed to the idea"
        r"|\b(?:objective|goal|target|ambition|aim)\s+(?:is|was|would\s+be)\s+to\b|\b(?:the|an?)\s+idea\b"
        # "The goal remains that by the end of March the tanks are delivered"
        r"|\b(?:objective|goal|target|ambition|aim)\s+(?:is|was|remains)\s+(?:for|that)\b"
        # "Belgium will try to hand over its F-16s earlier than planned": an effort, no promise; "Under the current
        # schedule two airframes follow by the end of the year": when a promise is to be kept, no new one
        r"|\b(?:will|would)\s+try\s+to\b|\b(?:is|are)\s+trying\s+to\b"
        # "Italy could look at further air defence contributions, but I will not speculate on quantities"
        r"|\b(?:could|might|may|would)\s+look\s+(?:at|into)\b|\b(?:will|would)\s+not\s+speculate\b"
        r"|^\W*(?:Under|By|According\s+to)\s+the\s+(?:current|new|revised|latest|present)\s+(?:schedule|timetable|timeline)\b",
        re.I), False),
    ("appeal or request", re.compile(
        r"\b(?:appeal\w*|urg(?:e|es|ed|ing)|call(?:ed|s|ing)?\s+(?:again\s+|repeatedly\s+)?(?:on|for)|ask(?:ed|s|ing)?\s+(?:\w+\s+){0,3}for|permission"
        r"|request(?:s|ed|ing)?\b(?!\s+by)|plead\w*|press(?:ed|es|ing)?\s+(?:its\s+|their\s+)?(?:allies|partners|\w+\s+members|for)"
        # "Kyiv is pressing Berlin to send Taurus missiles"
        r"|press(?:ed|es|ing)?\s+(?-i:[A-Z])[\w'’-]+(?:\s+(?-i:[A-Z])[\w'’-]+){0,2}\s+to"
        r"|push(?:ed|es|ing)?|lobb\w*|seek\w*\b(?!\s+to\s+(?!(?:obtain|get|secure|buy|acquire|receive)\b))|demand\w*|needs?\s+(?:more|for|about|some|around|roughly|at\s+least)\b|need\s+for|(?:wish|shopping)\s+list"
        # ("Ukraine lists what it needs most — mainly interceptors…")
        r"|\bwhat\s+(?:it|Ukraine|Kyiv|they)\s+needs\s+most\b"
        r"|(?:pressing|urgent)\s+(?:needs?|requirements?)|(?:asked|wants?)\s+(?:its\s+|their\s+)?(?:partners|allies|donors)\s+to"
        r"|\bdepend(?:s|ed)?\s+(?:heavily\s+|largely\s+)?on\b|(?:is|are|was|were|runs?|running|ran)\s+(?:badly\s+|desperately\s+)?short\s+of"
        r"|pressure\s+(?:on\s+\w+\s+)?to"
        # "Ukraine would have to pay for those guns itself": what Ukraine buys
        r"|(?:Ukraine|Kyiv)\s+(?:would|will|must)\s+(?:\w+\s+)?(?:have|need)\s+to\s+(?:pay|buy)"
        # "Norway has been asked to send 20 trucks"
        r"|(?:been|was|were)\s+asked\s+to"
        # "Ukraine's president wants at least seven more Patriot batteries"
        r"|(?:president|Zelensk\w*|Ukraine|Kyiv)\s+(?:still\s+|also\s+)?wants?\s+(?:at\s+least\s+|(?:[\w-]+\s+)?more)"
        r")\b"
        # "- Provide additional lethal weapons to the Armed Forces of Ukraine;", "Send the Abrams": a petition's or a
        # speaker's bidding
        r"|^[\W\d]*(?-i:Provide|Supply|Send|Give|Deliver|Donate)\s+(?!(?!(?:Ukraine|Kyiv)\b)(?-i:[A-Z]))"
        # an op-ed's demands: "First, stop treating each package as a favour…", "Second, put Polish money into…"
        r"|^\W*(?:First|Second|Third|Fourth|Fifth|Finally|Lastly)(?:ly)?,?\s+(?-i:(?:put|stop|set|give|send|provide|make"
        r"|commit|increase|double|spend|speed|ensure|fund|buy|deliver|supply|join|end|pass|adopt|create|use|raise|agree"
        r"|approve|move|take|treat|plan|sign|boost|expand|start|begin)\b)"
        # a brief's recommendation: "- Small donors should pool their purchasing cells with larger partners"
        r"|^\W*(?:(?:Small|Smaller|Large|Larger|Other|European|All|The)\s+)?(?:donors|allies|partners|governments|states"
        r"|countries|members|capitals)\s+should\b", re.I), True),
    # framework contracts with industry let allies order for their own stocks: aid only where the text says so
    ("replenishing the donor's own stocks", re.compile(
        r"\b(?:replenish\w*|restock\w*|backfill\w*|refill\w*)\b"
        # "ordered… to rebuild the Norwegian armed forces' own emergency stocks"; "Estonia signed a joint contract in
        # Paris… to buy new Mistral launchers": a contract to buy, that names no Ukraine, is the buyer's own
        r"|\brebuild\w*\s+[^.;]{0,50}?\bown\s+(?:[\w-]+\s+){0,2}(?:stocks|stockpiles|inventor\w+|reserves)\b"
        r"|\bsigned\s+(?:a|an)\s+(?:[\w-]+\s+){0,3}(?:contract|order)\b"
        r"|\bsigned\s+(?:a|an)\s+[^.;]{0,60}?\b(?:agreement|deal|letter\s+of\s+intent)\b[^.;]{0,40}?\bto\s+(?:buy|purchase|procure"
        r"|acquire)\b"
        # "Once the Mi-8s are gone, its transport fleet will consist of ten Mi-171Sh helicopters…"
        r"|\b(?:its|their)\s+(?:own\s+)?(?:[\w-]+\s+)?fleet\s+will\s+(?:consist\s+of|be\s+made\s+up\s+of|comprise)\b"
        # "Poland is buying 1,000 K2 tanks from South Korea" (naming no Ukraine): the buyer's own
        # (and "the Patriot systems that Romania has been buying from the United States")
        r"|\b(?:is|are|(?:has|have)\s+been)\s+buying\s+[^.;]{0,60}?\bfrom\s+(?:the\s+)?[A-Z]"
        # "The army bought its M777 howitzers for Afghanistan": what a donor's forces bought for themselves
        r"|\b(?:army|military|armed\s+forces|navy|air\s+force)\s+(?:bought|purchased|acquired|ordered)\s+(?:its|their)\b"
        # "the Czech army is to receive fourteen Leopard 2A4 tanks from German stocks": what a donor's forces get
        r"|(?<!\bUkrainian\s)(?<!\bUkraine's\s)(?<!\bUkraine’s\s)(?<!\bKyiv's\s)\b(?:army|armed\s+forces|navy|air\s+force)"
        r"\s+(?:is|are|will)\s+(?:to\s+)?(?:receive|get)\b"
        r"|\b(?:buy|order|procure)\w*\s+(?:\w+\s+){0,3}for\s+"
        r"(?:itself|its\s+own|their\s+own)\b|\bframework\s+(?:contracts?|agreements?)\b"
        r"|\bfor\s+(?:its|their)\s+own\s+(?:forces|army|armed\s+forces|troops|use|military|fleet|air\s+defen[cs]e|air\s+force"
        r"|navy|stocks|stockpiles|inventor(?:y|ies)|reserves)\b"
        # "Berlin has ordered six of the systems for its armed forces"
        r"|\b(?:ordered|bought|purchased|procured)\s+(?:[\w-]+\s+){0,5}for\s+(?:its|their|our)\s+(?:own\s+)?(?:armed\s+forces|forces"
        r"|army|navy|air\s+force|military)\b"
        # "Lot A (Denmark): 115 vehicles for the Royal Danish Army"
        r"|\bfor\s+the\s+(?-i:(?:Royal\s+)?(?!Ukrain)[A-Z][\w-]+\s+(?:Army|Navy|Air\s+Force|Armed\s+Forces|Defence\s+Forces))\b"
        r"|\bwill\s+replace\b|\breplac(?:e|es|ing)\s+(?:the\s+)?(?:older|ageing|aging|its|their)\b"
        # "Most of it finances Luxembourg's own capability programmes"
        r"|\b(?:its|their|[A-Z][\w-]+['’]s)\s+own\s+(?:capability\s+|defen[cs]e\s+)?(?:programmes|programs|capabilities)\b"
        # "a 14.6 billion kroner package for new ships, drones and surveillance in the Arctic": the donor's own region
        r"|\bin\s+the\s+(?:Arctic|High\s+North)\b"
        r"|\b(?:their|its)\s+replacement\b|\b(?:help|to)\s+(?:\w+\s+){0,2}replace\b|\b(?:buy|order|procur)\w*\s+(?:our|its|their)\s+own\b"
        r"|\brebuild\w*\s+(?:their|its)\s+(?:own\s+)?(?:[\w-]+\s+)?(?:arsenals?|stocks|stockpiles|inventor\w+|reserves)"
        # "Poland signed a deal to buy 250 M1A2 Abrams tanks for its own army"
        r"|\bfor\s+(?:its|their|our)\s+own\s+(?:army|armed\s+forces|forces|military|navy|air\s+force|troops)\b"
        # "Australia is buying 75 new M1A2s for the Army", "…to buy 46 Leopard 2A8 tanks to rebuild a Dutch tank
        # battalion", "the contracts for K2 tanks… that Poland has signed": naming no Ukraine, the buyer's own
        r"|\b(?:buy|order|procur|purchas)\w*\s+[^.;]{0,60}?\bfor\s+the\s+(?:army|navy|air\s+force|defen[cs]e\s+forces"
        r"|armed\s+forces)\b(?!\s+of\s+Ukraine)"
        r"|\bto\s+(?:re-?build|re-?equip|re-?establish|restore)\s+(?:a|an|its|their|the)\s+(?:[\w-]+\s+){0,2}"
        r"(?:battalions?|brigades?|regiments?|divisions?|squadrons?)\b"
        r"|\bcontracts?\s+for\s+[^.;]{0,80}?\b(?:that|which)\s+(?:[\w-]+\s+){1,3}(?:has|have|had)\s+signed\b"
        r"|\b(?:being\s+|been\s+|be\s+)?replaced\s+(?:in\s+(?:the\s+)?[\w\s]{0,30}?\s+)?by\b"
        # "the gaps are being filled with purchases abroad", "handed the Bundeswehr the first of 62 helicopters"
        r"|\b(?:fill\w*|plug\w*)\s+(?:the\s+)?gaps\b|\bclose\s+the\s+gaps?\s+(?:the|that|left)\b|\bgaps\s+(?:are|were)\s+(?:being\s+)?(?:filled|plugged)\b"
        r"|\b(?:handed|delivered\s+to|for)\s+the\s+Bundeswehr\b|\bthe\s+(?:army|Bundeswehr|navy|air\s+force)\s+has\s+ordered\b"
        # "The Hawk… equips the Spanish Army's anti-aircraft regiments": what a donor's forces use
        r"|\bequips\s+(?:the\s+)?(?-i:(?!Ukrain)[A-Z]\w+)\s+(?:army|navy|air\s+force|armed\s+forces)\b"
        # "practice ammunition for the Leopard 2 fleet of the German armed forces"
        r"|\bfor\s+the\s+(?:[\w-]+\s+){0,4}?(?:of\s+the\s+)?(?!Ukrain)[A-Z]\w+\s+armed\s+forces\b",
        re.I), False),
    # "Polish factories are working through Ukrainian orders for Krab howitzers": what Ukraine buys is no aid
    ("a sale to Ukraine", re.compile(
        r"\bUkrain\w*\s+(?:orders|purchases|contracts)\b|\b(?:orders?|contracts?)\s+(?:from|with|signed\s+with)\s+"
        r"(?:the\s+)?(?:Ukraine\b|Kyiv\b|Ukrainian\s+(?:government|ministry|army|armed\s+forces)\b)|\bcontracts\s+\w+\s+(?:had|has|have)\s+(?:already\s+)?signed\s+with\s+(?:Ukraine|Kyiv)\b"
        r"|\bunder\s+separate\s+contracts\b|\bsold\s+to\s+(?:Ukraine|Kyiv)\b"
        # "…is being financed by Ukraine itself rather than by Paris", "Ukraine pays for its own Caesars"
        r"|\b(?:financed|paid\s+for|funded)\s+by\s+(?:Ukraine|Kyiv)\b|\b(?:Ukraine|Kyiv)\s+(?:pays|paid|is\s+paying)\s+for\b"
        # "Ukraine agreed to buy two retired Royal Navy minehunters"
        r"|\b(?:Ukraine|Kyiv)\s+(?:has\s+|had\s+)?(?:agreed|decided|plans?|planned)\s+to\s+(?:buy|purchase)\b"
        # "in the end Ukraine bought those guns directly from the company"
        r"|\b(?:Ukraine|Kyiv)\s+(?:itself\s+)?(?:bought|purchased)\s+[^.;]{0,60}?\bfrom\s+(?:the\s+)?(?:company|firm|maker"
        r"|manufacturer|industry)\b",
        re.I), False),
    # "To ask the Secretary of State, what equipment the UK has delivered…": a question states nothing
    # "An earlier version of this story said Britain would send 120 tanks": what a story no longer says
    # (and "The correct number is three; the figure of 13 refers to vehicles for the border guard")
    ("correction", re.compile(
        r"\b(?:an\s+earlier\s+version|incorrectly\s+(?:said|reported|stated)|the\s+correct\s+(?:number|figure)\s+is)\b",
        re.I), False),
    # "None of this is military aid, but officials mention it as often as the guns"
    # "This page lists, oldest first, the decisions by which the Netherlands has paid for ammunition": what the text
    # itself sets out to tell
    ("the text describing itself", re.compile(
        r"^\W*This\s+(?:page|note|article|timeline|chronology|explainer|brief|report|tracker|thread|newsletter)\s+"
        r"(?:lists|sets\s+out|describes|covers|tracks|looks\s+at|explains|summari[sz]es)\b"
        # "Equipment gifted to Ukraine … is reported separately, and is not covered by this page"
        r"|\b(?:is|are)\s+not\s+(?:covered|included|listed)\s+(?:by|in|on)\s+this\s+(?:page|note|article|report)\b",
        re.I), False),
    ("not military aid", re.compile(
        r"^\W*None\s+of\s+(?:this|these|it|them)\s+(?:is|are|was|were)\s+military\b"
        r"|\b(?:is|are|was|were)\s+not\s+military\s+(?:aid|assistance|support)\b", re.I), False),
    # "The two leaders also signed a letter of intent on producing drones together": making arms together (not "will
    # jointly manufacture 155mm shells for Ukraine")
    ("joint production", re.compile(
        r"\b(?:produc|manufactur|build|mak)\w*\s+(?:[\w-]+\s+){0,3}?together\b(?!\s+with\b)(?![^.;]*\bfor\s+(?:Ukraine|Kyiv))"
        r"|\bjoint\s+production\b(?![^.;]*\bfor\s+(?:Ukraine|Kyiv))", re.I), False),
    # a fact-check's 'CLAIM 3: "Greece secretly sent 122 BMP-1s."': what it tests is no statement of its own
    # (and a correction's "The story said Australia had given Ukraine 80 Bushmasters": what it puts right)
    ("a claim checked", re.compile(
        # (and a myths-and-facts page's "MYTH: Irish money is buying guns for Ukraine.")
        r"^\W*(?:CLAIM|Claim|MYTH|Myth)(?:\s+(?:No\.\s*)?\d+)?\s*:|^\W*Claims?\s+that\b"
        # (and "The earlier version also wrongly called the NLAW missiles a promise")
        r"|^\W*(?:(?:The|Our)\s+(?:earlier\s+|previous\s+|original\s+)?|An\s+earlier\s+|A\s+previous\s+)"
        r"(?:story|article|report|version)\s+(?:\w+\s+)?(?:said|stated|reported|claimed|wrongly|incorrectly)\b"),
        False),
    ("question", re.compile(
        # (and a table's question cell: "| When will the first rounds arrive? | Not announced |")
        r"\?\s*$|\?\s*\||^\W*(?:To\s+ask|Which|Whether|How\s+(?:many|much))\b"
        # (but "What the Minister announced on Wednesday is a package worth…" says what it was)
        # (nor a newsletter's run-in label, "What's new: The Netherlands will…", nor a list's "What Oslo sent:")
        r"|^\W*What\b(?![^?]*\b(?:is|was)\s+(?:a|an|the)\b)(?!(?:['’]s)?(?:\s+[\w'’-]+){1,4}\s*:(?:\s+[A-Z\d\W]|\s*$))"
        # "The Member asks (1) what additional military support the Union has agreed…"
        r"|^\W*(?:The\s+)?(?:Honourable\s+)?(?:Member|MEP|Deputy|Senator)\s+asks\b"), False),
    # "The money will go to weapons, training and demining": what a sum told before is for, no item of its own
    ("what a sum is spent on", re.compile(
        r"^\W*(?:The|This|That)\s+(?:money|sum|funding|amount|contribution)\s+(?:will|would|is\s+to|is\s+meant\s+to)\s+"
        r"(?:\w+\s+)?(?:go|be\s+(?:used|spent)|cover|pay\s+for)\b"
        # "That money supports non-lethal needs, from fuel to medical supplies"
        r"|^\W*(?:The|This|That)\s+(?:money|sum|funding|amount|contribution)\s+(?:supports|covers|pays\s+for|buys|funds"
        r"|finances|goes\s+(?:to|on|towards))\b"
        # "The package is intended to strengthen Ukraine's air defences, sustain its artillery…": what it is for
        r"|^\W*(?:The|This|That|It)\s+(?:package|aid|money|support)?\s*is\s+(?:intended|meant|designed)\s+to\b"
        r"|\bis\s+(?:intended|meant|designed)\s+to\s+(?:strengthen|bolster|boost|keep|build|sustain)\b"
        # "NATO will use the money for things such as:": what a fund buys with it
        r"|\buse\s+(?:the|this|that)\s+(?:money|funds?|contribution|sum)\s+(?:for|to)\b"
        # "According to the prime minister it will be spent on shells from the domestic STV Group"
        # (not "£200 million of it will be spent on drones": a part of it earmarked)
        r"|(?<!\bof\s)\b(?:it|the\s+money|the\s+sum|the\s+funds?|this\s+money)\s+will\s+be\s+spent\s+on\b",
        re.I), False),
    # "Spain had now joined the coalition of countries supplying Leopard tanks": membership names nothing given
    ("joining a coalition", re.compile(
        r"\bjoin(?:s|ed|ing)?\s+(?:the\s+|a\s+)?(?:[\w-]+\s+){0,2}(?:coalition|convention|treaty)\b"
        # (but "will take part in the British-led programme again, when its Marines will train Ukrainians" trains)
        # (nor "will take part in training Ukrainian pilots")
        # (nor "a contribution to NATO so that Spain takes part in PURL": who takes part in a pool pays into it)
        rf"|\btak(?:e|es|ing)\s+part\s+in\b(?!\s+training\b)(?!\s+(?:NATO['’]s\s+)?(?:the\s+)?(?:{NAMED_POOLS}))"
        r"(?!.*\b(?:will|would|to)\s+(?:\w+\s+)?(?:train|instruct)\b)"
        # "The coalition coordinates the supply of aircraft, munitions and spare parts": what a coalition is for
        r"|\bcoalition\s+(?:coordinates|organises|organizes|brings\s+together)\b",
        re.I), False),
    # "air defence again topped the agenda", "would stay at the top of the list": what is talked of is not given
    ("a topic discussed", re.compile(
        r"\b(?:deepen|expand|strengthen|step\s+up)\w*\s+(?:\w+\s+){0,2}cooperation\b"
        # "Defence ministers are expected to discuss long-term support, including training": talks to come
        r"|\b(?:expected|set|due|scheduled|going)\s+to\s+discuss\b|\bwill\s+(?:also\s+)?discuss\b"
        r"|\b(?:topped|tops|dominated)\s+the\s+(?:agenda|list)\b|\btop\s+of\s+(?:the|its|their|our|his|her|Ukraine['’]s|Kyiv['’]s)\s+(?:(?:wish|shopping)\s+)?(?:agenda|list|priorities)\b|\bon\s+the\s+agenda\b"
        # "Lithuania's support does not end with the transfer of weapons": what aid is like, not what it gives;
        # "The two ministers spent much of their meeting on drones"
        r"|\b(?:does|did)\s+not\s+(?:end|stop)\s+with\b|\bspent\s+(?:much|most|part)\s+of\s+(?:the|their|his|her)\s+(?:meeting|talks|visit)\b"
        # "the two ministers also talked about possible future cooperation: strengthening Ukraine's air defence…"
        r"|\b(?:talked|spoke|talk|speak)\s+(?:\w+\s+)?about\s+(?:possible\s+)?(?:future\s+)?(?:cooperation|options|ideas)\b",
        re.I), False),
    # "Methodology: figures are the ministry's own…; counts some items committed but not yet shipped": how a chart
    # or table was made
    ("a note on method", re.compile(
        r"^\W*(?:Methodology|Method|Sources?|Notes?\s+on\s+(?:the\s+)?(?:data|method))\s*:"), False),
    # "…something to plan against," said a defence economist: an onlooker's view gives nothing
    ("an onlooker's remark", re.compile(
        r"\b(?:said|says|according\s+to)\s+(?:a|an|one)\s+(?:[\w-]+\s+){0,3}(?:analyst|economist|expert|researcher"
        r"|observer|commentator|academic|professor)\b"
        r"|\b(?:analysts?|economists?|experts?|observers?|commentators?)\s+(?:said|say|says|argue\w*|note\w*|warn\w*"
        r"|point\w*\s+out)\b"
        # "An airpower analyst at a London think tank told us the drones could prove…"
        r"|^\W*(?:An?|One|The)\s+(?:[\w-]+\s+){0,3}(?:analyst|economist|expert|researcher|observer|commentator)\b"
        r"|^\W*In\s+(?:his|her|their|my|our)\s+view\b",
        re.I), False),
    # "Germany offered to send Patriot systems to help Poland secure its airspace": aid for another state
    ("aid for another country", re.compile(
        r"\bto\s+help\s+(?!Ukrain|Kyiv|Kiev)[A-Z][\w'’]+\s+(?:secure|protect|defend|guard|patrol|police)\b"), False),
    # "the drones would give Ukrainian troops a real edge": what a weapon does for those who use it (not "Norway will
    # send drones that give troops an edge", nor "Germany will give Ukraine a boost with 20 tanks")
    ("what a weapon does for its users", re.compile(
        r"\b(?:drones|systems|weapons|jets|aircraft|tanks|missiles|guns|howitzers|vehicles|launchers|radars)\s+"
        r"(?:would\s+|will\s+|could\s+|should\s+|can\s+)?(?:give|gives)\s+(?:[\w'’-]+\s+){1,3}?[\"“'‘]?(?:a|an)\s+"
        r"(?:[\w-]+\s+){0,3}?(?:edge|advantage|boost|means|ability|capability|chance|lift)\b", re.I), False),
    # "KNDS can now build around six Caesars a month", "plants turn out about 700,000 rounds a year": what industry
    # makes, no aid
    ("what industry makes", re.compile(
        r"\b(?:build|builds|produce|produces|make|makes|turn\s+out|turns\s+out|manufacture|manufactures|complete)\s+"
        r"(?:at\s+most\s+)?(?:around\s+|about\s+|some\s+|up\s+to\s+|nearly\s+|more\s+than\s+)?(?:[\d,.]+|[a-z-]+)\s+"
        r"(?:[\w-]+\s+){0,3}?(?:a|per|each|every)\s+(?:month|year|week)\b", re.I), False),
    # "With some 25,000 employees and sales of around EUR 5.7 billion…, the Group supplies vehicle systems, weapons
    # and ammunition": a maker's profile at the foot of its release
    ("what industry makes", re.compile(
        r"\b(?:employees|staff|workforce)\b[^.;]{0,80}\b(?:sales|revenues?|turnover)\b"
        r"|\b(?:sales|revenues?|turnover)\b[^.;]{0,80}\b(?:employees|staff|workforce)\b"
        # "These small unmanned aircraft are made by the company C-Astral in Ajdovščina": who makes the thing told
        r"|^\W*(?:These|The|Those|Such)\s+(?:[\w-]+\s+){0,3}(?:are|is)\s+(?:made|built|produced|manufactured)\s+by\b"
        # "It is in service with eight NATO countries, among them Estonia…, and Milrem has orders in hand": its users
        r"|\b(?:is|are)\s+(?:already\s+)?in\s+service\s+with\s+(?:\w+\s+){1,3}?(?:countries|armies|nations|militaries"
        r"|air\s+forces|navies)\b",
        re.I), False),
    # "It is the first time Britain has donated missiles able to intercept cruise missiles": a remark on the aid told
    ("a remark on a first", re.compile(
        r"^\W*(?:It|This|That)\s+(?:is|was|marks|marked|will\s+be)\s+the\s+first\s+time\b"), False),
    # "The remaining tanks of the order are to follow in the coming weeks": the rest of what was told, nothing new
    ("the rest of an order told", re.compile(
        r"^\W*The\s+(?:remaining|rest\s+of\s+the)\s+(?![\d,.]+\b)(?:[\w-]+\s+){0,4}?(?:are|is|will)\s+(?:to\s+)?"
        r"(?:follow|come|arrive)\b"), False),
    # "the E-7A Wedgetail has arrived at Ramstein to begin a six-month deployment": the donor's own forces at work
    ("the donor's own forces deployed", re.compile(
        r"\b(?:to\s+(?:begin|start)|on|for)\s+an?\s+(?:[\w-]+\s+){0,2}deployment\b", re.I), False),
    # "ordinary Lithuanians raised six million euros to buy radars for Ukraine": a people's collection, no state's aid
    ("a private collection", re.compile(
        r"\bcrowd-?fund\w*|\b(?:ordinary|private)\s+(?:citizens|people|donors|[A-Z]\w+(?:ans|ers|s))\s+(?:have\s+)?raised\b",
        re.I), False),
    ("refusal or no decision", re.compile(
        r"\b(?:will|would|does|do|did|has|have)\s+not\s+(?:\w+\s+)?(?:send|provide|supply|deliver|give|offer(?:ed)?|deploy"
        r"|hand\s+over|donate|transfer|bring)"
        # "the tanks… will not go to Ukraine"
        r"|\b(?:will|would|are|is)\s+not\s+(?:go|be\s+(?:sent|given|supplied|delivered|handed))\s+(?:\w+\s+)?to\s+(?:Ukraine|Kyiv)\b"
        r"|\bwon't\b"
        # "The joint text commits them only as a group to pursue tanks…, without saying who gives what": no one's gift
        r"|\bwithout\s+(?:saying|specifying|naming|deciding)\s+who\s+(?:gives|will\s+give|sends|will\s+send|provides)\b"
        # "Gripen should stay off the table for now": kept out of the aid, for now at least
        r"|\b(?:stays?|staying|remains?|should\s+(?:stay|remain)|(?:is|are|was|were)\s+(?:still\s+)?)\s+off\s+the\s+table\b"
        # "Washington turned the plan down and no aircraft have been transferred"
        r"|\bturned\s+(?:the\s+\w+\s+|it\s+|them\s+)?down\b"
        r"|\bno\s+(?:[\w-]+\s+){0,2}(?:have|has|had)\s+(?:yet\s+)?been\s+(?:transferred|sent|delivered|handed\s+over|supplied)\b"
        r"|\brefus\w*|\bruled\s+out\b|\brejected\b|\bvoted\s+(?:down|against)\b|\bdeclin(?:ed|es|ing)\s+to\b|\bneither\b[^.;]*\bnor\b"
        r"|\bneeds?\s+(?:\w+\s+){0,2}approval\b|\bmust\s+(?:\w+\s+)?(?:get|obtain|seek)\s+(?:\w+\s+){0,3}approval\b"
        r"|\bsubject\s+to\s+(?:\w+\s+)?approval\b"
        # "Norway has no plans to send armoured vehicles", "denied reports that it would send"
        r"|\bno\s+(?:plans?|intention)\s+(?:to|of)\b|\bdenie[sd]\b"
        # "the retired helicopter fleet would be disposed of rather than transferred"
        r"|\brather\s+than\s+(?:being\s+|be\s+)?(?:transferred|sent|given|donated|handed)\b"
        # "to refill German and other European stocks, not for Ukraine"
        r"|\bnot\s+(?:for|to)\s+(?:Ukraine|Kyiv)\b"
        # "Helsinki has sent no battle tanks at all"
        r"|\b(?:has|have|had)\s+(?:sent|given|supplied|delivered|provided|pledged|promised|donated)\s+no\b"
        # "There are no new Patriot launchers or radars"
        r"|^\W*There\s+(?:are|is|were|was)\s+no\b"
        # "I don't have any announcements on Patriot batteries today", "Lithuania has no combat aircraft of its own to
        # give"
        r"|\b(?:do\s+not|don['’]t|does\s+not|doesn['’]t)\s+have\s+any\s+(?:new\s+)?(?:announcements?|news)\b"
        r"|\b(?:has|have)\s+no\s+(?:[\w-]+\s+){1,4}?(?:of\s+(?:its|their)\s+own\s+)?to\s+(?:give|send|spare|offer|donate)\b"
        # "We do not have stocks of tanks or howitzers to give away"
        r"|\b(?:do|does|did)\s+not\s+have\s+[^.;]{0,60}?\bto\s+(?:give|send|spare|offer|donate)\b"
        # "the UK is not supplying the aircraft themselves", "Germany cannot give up further Patriot systems"
        r"|\b(?:is|are)\s+not\s+(?:\w+\s+)?(?:supplying|sending|providing|giving|delivering|donating)\b"
        r"|\b(?:cannot|can['’]t|could\s+not|couldn['’]t)\s+(?:\w+\s+)?(?:give|send|spare|supply|provide|part\s+with)\b"
        # "Hungary has blocked the €500 million tranche for months"
        r"|\b(?:has|have|had|is|are)\s+(?:been\s+)?(?:still\s+)?(?:blocked|blocking|vetoed|vetoing)\b"
        # "Germany scrapped plans to send 10 Marders"
        r"|\b(?:scrapp|dropp|abandon|shelv|cancel+)(?:ed|s|ing)?\s+(?:its\s+|their\s+|the\s+)?plans?\b", re.I), False),
]  # fmt: skip
# "the Czech initiative", "the Danish model", "Danish stocks", "a German company": a donor's adjective naming
# something not giving
# what a donor's name is drawn from when it gives from its own stores: "from Canadian Armed Forces inventory"
DRAWN_FROM_RE = re.compile(
    r"\s+(?:(?:armed\s+forces|army|military|defen[cs]e\s+forces|forces|national)\s+)?"
    r"(?:stocks|stockpiles|inventor(?:y|ies)|reserves|surplus|holdings)\b",
    re.I,
)
# "64 million Canadian dollars", "500 million Danish kroner": a currency's adjective names no state (the currencies'
# nouns in the money the numbers read, not their codes; and not "won", which after a state is its verb: "Poland won")
_CURRENCY_NOUNS = {suffix.split()[-1] for suffix in SUFFIXES if suffix.upper() not in SUFFIXES.values()} - {"won"}
CURRENCY_NOUNS = "|".join(sorted(_CURRENCY_NOUNS, key=len, reverse=True))
CURRENCY_AFTER_RE = re.compile(rf"\s+(?:{CURRENCY_NOUNS}|dollar)\b", re.I)
# "told Slovenian reporters after the EU video conference that rifles have been sent": whom the news was told to,
# and where, name no giver
WHERE_TOLD = (
    r"\s+(?:reporters|journalists|readers|listeners|viewers|(?:video\s+)?(?:conference|call|meeting|summit)s?)\b"
)
WHERE_TOLD_RE = re.compile(WHERE_TOLD, re.I)
# "$7.5m will go towards weapons and ammunition that the United Kingdom is buying for Ukraine's forces": the state
# that buys with the giver's money gives nothing (but "the ammunition Luxembourg is buying for Ukraine" is its own)
MONEY_TOWARDS_BUYER_RE = re.compile(r"\b(?:go|goes|went)\s+towards\b[^.;]*\bthat\s+(?:the\s+)?$", re.I)
BUYS_FOR_RE = re.compile(r"^\s+(?:is|are|was|were)\s+buying\s+for\b|^\s+(?:buys|bought)\s+for\b", re.I)
NOT_THE_GIVER_RE = re.compile(
    # ("US-made kit", "US weapons bought through NATO's PURL": who makes or sells it)
    r"^(?:-(?:made|built|produced)\b|\s+(?:weapons|arms|equipment|kit|systems)\s+(?:bought|purchased|procured)\b"
    rf"|-led\b|\$|{CURRENCY_AFTER_RE.pattern}"
    r"|\s+(?:initiative|scheme|proposal|model|formula|(?:trust\s+)?fund|compan(?:y|ies)|firms?|makers?|manufacturers?"
    r"|industry|media"
    # ("while Slovenia is receiving HX trucks": who receives gives nothing)
    r"|(?:is|are|was|were|has\s+been|will\s+be)\s+receiving|receives|received|will\s+receive"
    r"|press|broadcaster|newspaper|stocks|workers|partners|counterparts|officials|airspace|territory|soil|border)\b"
    rf"|{WHERE_TOLD})",
    re.I,
)
# "underwater weapons, including mines and torpedoes", "protective equipment, which may include helmets": what
# follows is the weapons, named
# "equipment that Ukraine has asked for", "…to meet other urgent needs": what is given, described by the request
# or need it answers
REQUESTED_THING_RE = re.compile(
    r"\b(?:that|which)\s+(?:Ukraine|Kyiv|Kiev|the\s+Ukrainians?|it|they)\s+(?:has\s+|had\s+|have\s+)?"
    r"(?:asked\s+for|requested|needs|wanted)\b"
    # ("everything in it is on a list of items Ukraine has asked Denmark for:")
    r"|\b(?:items|things|equipment|materiel|weapons)\s+(?:Ukraine|Kyiv|the\s+Ukrainians)\s+(?:has|had|have)\s+"
    r"(?:asked|requested)(?:\s+\w+)?\s+for\b"
    r"|\b(?:to|and)\s+(?:meet|address)\s+(?:[\w'’]+\s+){0,3}?(?:pressing|urgent)\s+"
    r"(?:needs?|requirements?)"
    # "…, explaining that Madrid was responding to a specific request from NATO and from Kyiv"
    r"|\b(?:respond\w*\s+to|(?:in\s+|a\s+)?response\s+to|answer\w*)\s+(?:(?:a|an|the)\s+)?(?:[\w-]+\s+){0,2}requests?"
    r"(?:\s+(?:from|by)\s+[^,;.]*)?",
    re.I,
)
# "He urged Germany to hand over its Taurus missiles": the giving asked for is no strong verb of the sentence
APPEALED_GIVING_RE = re.compile(
    r"\b(?:urg(?:e|es|ed|ing)|call(?:ed|s|ing)?\s+on|press(?:ed|es|ing)?|ask(?:ed|s|ing)?)\s+(?:[\w'’-]+\s+){1,4}?to\s+"
    r"(?:\w+\s+)?(?P<verb>hand\s+over|send|give|provide|supply|deliver|donate|transfer)\b",
    re.I,
)
# "…five more PAC-3 interceptors, on the condition that partners come up with thirty between them": what a promise
# waits on is no fact of its own, nor a remark that sets the promise aside
# (and "proposes €30 million so that assistance can be delivered to Ukraine by other routes": what the money is for)
CONDITION_RE = re.compile(
    r",\s+(?:on\s+(?:the\s+)?condition|provided|providing)\s+that\b[^;]*"
    r"|\bso\s+that\s+[^.;]{0,80}?\bcan\s+be\s+(?:delivered|sent|supplied|provided|bought|handed\s+over)\b",
    re.I,
)
# "Greece will send 40 BMP-1s, to be replaced by German Marders": what a donor gives away is replaced (a ring exchange),
# not its own stocks refilled
TO_BE_REPLACED = r"(?:which\s+(?:will|are\s+to|is\s+to)\s+be|which\s+(?:are|is)\s+being|to\s+be)\s+replaced\s+by\b"
RING_EXCHANGE_RE = re.compile(
    rf"\b(?:send|give|donate|supply|transfer|hand\s+over)\b[^.;]{{0,120}}?,\s+(?P<tail>{TO_BE_REPLACED}[^.;]*)", re.I
)
# "making it the first NATO member to hand over gunships since Russia invaded": a first since then, no running total
# (a sentence that is all remark, "It is the first time a NATO member has supplied tanks since…", stays aside)
# (and "…100,000 artillery shells, one of the largest items Berlin has named since the invasion began": a record)
FIRST_SINCE_RE = re.compile(
    r",\s+(?:(?:making|becoming)\s+\w+\s+)?(?:the\s+first|(?:one\s+of\s+)?the\s+(?:largest|biggest))\b[^.;]{0,100}?"
    r"\bsince\b[^,;]*",
    re.I,
)
# "…join the PURL mechanism, through which European allies pay for American weapons for Ukraine": how a pool
# works is no news of its own, and names the allies and the makers, who give nothing here
POOL_WORKINGS_RE = re.compile(
    rf"\b(?:{NAMED_POOLS})(?:\s+(?:mechanism|scheme|programme))?(?P<workings>\s*,\s+(?:the\s+(?:[\w'’-]+\s+){{0,3}})?"
    r"(?:under|through|by|with)\s+which\b[^,;.]*)",
    re.I,
)
# "…the Ukraine Defense Contact Group, the group of some 50 countries that coordinates weapons supplies to Kyiv": what
# a group does, no news of its own
GROUP_ROLE_RE = re.compile(
    r",?\s+the\s+(?:group|coalition|forum|format|alliance)\s+of\s+(?:some\s+|about\s+|around\s+|more\s+than\s+|nearly\s+)?"
    r"\d+\s+(?:countries|nations|states|allies|partners)\s+(?:that|which)\b[^,;.]*",
    re.I,
)
SIMULATOR_RE = re.compile(SIMULATORS, re.I)
# "Where munitions have been gifted to Ukraine, we are working to replenish UK stocks": Ukraine as who received before
GIVEN_AWAY_BEFORE_RE = re.compile(r"\b(?:gifted|donated|sent|given|supplied|delivered|handed)\s*$")
# "these contracts are the ministry's own and do not form part of the assistance to Ukraine": for Ukraine, denied
DENIED_BEFORE_RE = re.compile(r"\b(?:not(?!\s+only)|never)\b[^,;:]{0,50}$", re.I)
NAMES_UKRAINE_RE = re.compile(r"\bUkrain|\bKyiv\b")
# "dozens of armoured vehicles": a number of its own
VAGUE_COUNT_BEFORE_RE = re.compile(
    r"\b(?:(?:dozens|hundreds|scores|thousands|millions)\s+of|several\s+(?:dozen|hundred|thousand|million))"
    r"\s+(?:[\w-]+\s+)?$"
)
# "armoured vehicles and light tanks, including…": the next item of a pair, before what names them both
PAIRED_NEXT_RE = re.compile(r"^\s+and\s+[\w\s-]+?(?=,)")
# "IRIS-T guided missiles": one word at most between a system and its munitions
ONE_WORD_GAP_RE = re.compile(r"[\s-]*(?:[a-z][\w-]*\s+)?")
# "AIM-7, RIM-7 and AIM-9M missiles": designations listed before their one noun
DESIGNATIONS_GAP_RE = re.compile(r"(?:,\s*[A-Z][A-Z\d/-]*\d\w*)*,?\s+(?:and|or)\s+")
# ("60 boats, among them offshore raiding craft and patrol vessels": the boats, named)
NAMED_AFTER_RE = re.compile(
    r"^,?\s+(?:including|such\s+as|among\s+(?:them|these)|which\s+(?:(?:may|will|could|would)\s+)?(?:also\s+)?"
    r"includes?)\b",
    re.I,
)
REPORTED_THEN_RE = re.compile(
    r"^[^.;]{0,80}?\b(?:said|says|told|confirmed|announced|reported|stated)\b[^.;]{0,80}?\bhad\s+(?:\w+ly\s+)?(?:been\s+)?"
    r"\w+(?:ed|t)\b",
    re.I,
)
REPORTED_ON_RE = re.compile(r"\b(?:said|says|confirmed|announced|reported|published|told\s+\w+)\s+(?:\w+\s+)?$", re.I)
# "for the winter", "by March", "Starting in November": when aid is to come or what it is for
SCHEDULE_BEFORE_RE = re.compile(
    r"\b(?:for|by|until|before|from|(?:starting|beginning|commencing)(?:\s+(?:in|on|from))?)\s+(?:the\s+)?$", re.I
)
# "should come this year", "will send … this month": the words before a date that make it when aid is to come
# a date a span of handovers runs from, and a verb of something still going on
SINCE_BEFORE_RE = re.compile(r"\bsince\s+(?:the\s+)?$", re.I)
ONGOING_RE = re.compile(r"\bbeen\s+\w+ing\b", re.I)
VISITOR_ARRIVING_RE = re.compile(r"^\W*Arriving\s+(?:in|at|for)\s+(?!Ukrain|Kyiv|Kiev)[A-Z]")
ARRIVAL_RE = re.compile(r"\b(?:deliver\w*|arriv\w*|come|coming|reach\w*|ship\w*|ready)\b", re.I)
FUTURE_GIVING_RE = re.compile(r"\b(?:will|should|to\s+be)\s+(?:[\w$().-]+\s+){1,16}$", re.I)
# "Canada has pledged 50 vehicles, 20 of which have been delivered", "…, and 20 of them have now arrived": the part
# of a promise handed over
PART_HANDED_OVER_RE = re.compile(
    rf"\b(?P<count>{COUNT})\s+(?:of\s+(?:them|which|these|those)\s+)?(?:have|has|had|were|was)\s+(?:now\s+|already\s+)?"
    r"(?:been\s+)?(?:delivered|handed\s+over|sent|shipped|arrived|received)\b",
    re.I,
)
PROMISED_RE = re.compile(r"\b(?:pledged|promised|committed|offered)\b", re.I)
# "- 15 September: the Government approved two further batches of M113s": a decision, whatever list it is on
DECIDED_RE = re.compile(r"\b(?:approved|decided|agreed|allocated|earmarked)\b", re.I)
# "Madrid promised six Leopards in February and added four more in March", "… and another four on Feb. 24", "… and
# four more on Feb. 24": a second promise of the same thing, later
MORE_LATER_RE = re.compile(
    rf"\band\s+(?:(?:added|pledged|promised)\s+)?(?:another|a\s+further)\s+(?P<count>{COUNT})\b"
    rf"|\band\s+(?:(?:added|pledged|promised)\s+)?(?P<more>{COUNT})\s+more\b"
    # ("Four Leopards rolled into Ukraine on 24 February, and ten more followed in March": a second handover)
    r"(?=\s+(?:in|on|at|followed|arrived|came)\b|$|\s*[.;,])",
    re.I,
)
# "Norway pledged eight Leopards in February and handed them over in March": the promise, then the handover of the
# same things, each with its own date
THEN_HANDED_RE = re.compile(
    r"\b(?:and|then|before)\s+(?:then\s+|later\s+)?(?:handed|delivered|sent|shipped|transferred)\s+(?:them|it|all\s+\w+)\b"
    r"|;\s+(?:they|all\s+\w+)\s+(?:arrived|were\s+(?:delivered|handed\s+over))\b",
    re.I,
)
# "Warsaw, which had pledged 14 Leopard 2A4s in January, handed over the first four on Feb. 24 and the other 10 in early
# March": the promise, then its handover in parts, each with its own date
FIRST_THEN_REST_RE = re.compile(
    rf"\b(?:handed\s+over|delivered|sent|shipped)\s+the\s+first\s+(?P<first>{COUNT})\b(?P<gap>.*?)"
    rf"\band\s+the\s+(?:other|remaining|last)\s+(?P<rest>{COUNT})\b",
    re.I,
)
# "six Leopard 2R mine-clearing vehicles, three announced in February and three more in March": one promise told in
# the parts it was made in
PROMISED_IN_PARTS_RE = re.compile(
    rf",\s+(?P<first>{COUNT})\s+(?:announced|pledged|promised)\s+(?P<gap>(?:in|on)\s+[^,;]*?)\s+and\s+(?P<rest>{COUNT})\s+more\b",
    re.I,
)
# "Canada promised four Leopards in January and four more in February, and all eight are now in Ukrainian hands":
# what was promised, then handed over all together
ALL_NOW_HANDED_RE = re.compile(
    rf",?\s+and\s+(?:all\s+(?P<count>{COUNT})|all\s+of\s+them|they|both)\s+"
    r"(?:(?:are|were)\s+(?:now\s+|already\s+)*in\s+(?:Ukraine|Ukrainian\s+hands|service)"
    r"|(?:have\s+)?(?:now\s+|already\s+|since\s+)*(?:arrived|been\s+(?:delivered|handed\s+over))|were\s+(?:delivered|handed\s+over))\b",
    re.I,
)
PROMISED_WHEN_RE = re.compile(
    # ("the batteries promised by President Emmanuel Macron in October have been sent")
    r"\b(?:announced|pledged|promised|agreed|committed|ordered)\s+(?:by\s+(?:[\w.'’-]+\s+){1,4}?)?(?:\w+\s+){0,3}$",
    re.I,
)
# "had pledged in January", "has contributed 10 million pounds", "has already said it will provide": a pledge made
# before the report
EARLIER_PLEDGE_RE = re.compile(
    r"\b(?:had|has|have|previously|earlier|already)\s+(?:\w+\s+)?(?:pledged|promised|committed|contributed|reserved"
    r"|allocated|earmarked|set\s+aside|put|said\s+(?:it|they)\s+(?:will|would))\b"
    # "He also recalled Spain's commitment to send air defence missiles"
    r"|\brecall(?:ed|s|ing)?\s+(?:[\w'’]+\s+){0,3}(?:commitment|pledge|promise)\b"
    # "Canberra's earlier commitments also include fourteen M113s"
    r"|\b(?:earlier|previous|prior)\s+(?:commitments?|pledges?|promises?)\b"
    # "the six Leopard 2A4 tanks that Spain committed are ready", "a drawdown that Washington unveiled on Oct. 26": a
    # promise the thing is described by
    r"|(?P<relative>\b(?:that|which)\s+(?:[\w.’']+\s+){1,3}?(?:pledged|promised|committed|unveiled)\b)"
    # "The 20 trucks Norway promised are due next month"
    r"|(?-i:\b[A-Z])[\w.’']*\s+(?:had\s+)?(?:pledged|promised|committed)(?=\s+(?:are|is|were|was|will)\b)",
    re.I,
)
# (not "Javelin anti-tank systems, and a lot of them": the same things, stressed)
ANAPHOR_RE = re.compile(
    r"\b(?:of\s+)?(?:the|these|those)\s+(?:same\s+)?(?:systems|guns|jets|aircraft|vehicles|launchers|machines)\b"
    r"|(?<!\blot\s)(?<!\blots\s)(?<!\bplenty\s)\bof\s+them\b",
    re.I,
)
# (and "A single PzH 2000 is on the list too": a line of the list just told)
REFERS_BACK_RE = re.compile(
    r"\bof\s+(?:it|this|which|the\s+(?:money|package|sum|funds|aid))\b|\bon\s+the\s+(?:same\s+)?list\s+(?:too|as\s+well)\b",
    re.I,
)
SUM = "a sum"  # the stand-in item of a sum of money given for aid in general
# "military equipment worth DKK 1.7 billion": a sum too, when what it buys is listed after
GENERIC_RE = re.compile(r"(?:military\s+|defen[cs]e\s+)?(?:equipment|weapons?\s+systems|weapons|materiel)", re.I)
BARE_MUNITIONS_RE = re.compile(r"ammunition|munitions", re.I)
# (not "a purchase not linked to Ukraine", "unrelated to Ukraine")
FOR_UKRAINE_RE = re.compile(
    r"(?<!\blinked\s)(?<!\brelated\s)(?<!\bconnected\s)\b(?:for|to)\s+(?:Ukraine|Kyiv|Kiev|the\s+Ukrainian)", re.I
)
# "RAMSTEIN, Germany -", "WARSAW, April 23 (Reuters) -": where (and when) a story was filed
DATELINE_RE = re.compile(
    r"^[A-Z][A-Z.'’/ ]{2,}(?:,\s+[A-Z\d][\w.'’]*(?:\s+[A-Z\d][\w.'’]*)*){0,2}(?:\s+\([^)]*\))?\s+[-–—]+\s*"
    # ("Paris, March 15 - ": a city in title case, with the day filed)
    r"|^[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?,\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}"
    r"(?:,\s+\d{4})?(?:\s+\([^)]*\))?\s+[-–—]+\s*"
)
# "In the same five months Ukraine received…", "Over the same period": the span the fact before was dated by
SAME_PERIOD_RE = re.compile(
    r"^\W*(?:in|during|over|within)\s+the\s+same\s+(?:[\w-]+\s+)?(?:period|months?|weeks?|days?|year|span|time)\b", re.I
)
# "Earlier the same month, Ottawa agreed to buy…", "That month…": the month of the fact before, whatever its kind
SAME_MONTH_RE = re.compile(r"^\W*(?:(?:earlier|later)\s+)?(?:in\s+)?(?:the\s+same|that)\s+month\b", re.I)
# "received on the tarmac that same day", "on the same day": the day a sentence before named
SAME_DAY_RE = re.compile(r"\b(?:on\s+)?(?:that|the)\s+(?:very\s+)?same\s+day\b|\bon\s+that\s+(?:very\s+)?day\b", re.I)
# "A day later the government said…": a sentence dated by the one before
NEXT_DAY_RE = re.compile(r"^\W*(?:a|one)\s+day\s+later\b|^\W*the\s+(?:next|following)\s+day\b", re.I)
# "13:10 Canada's Defence Minister…": a live blog's entry, a report of its own
LIVE_ENTRY_RE = re.compile(
    r"^\s*\d{1,2}[:.]\d{2}(?:\s+(?:CET|GMT|BST|EET|EEST|CEST|ET|UTC)\b)?(?:\s*$|\s+[-–—:]?\s*[A-Z\"“])"
)
# "FRIDAY" on a line of its own: a weekly roundup's day, the day of what its paragraphs announce
# (and a timeline's entry, "24 February - Kyiv", "Late June - Gdansk", "JUNE 2025": the date of what it tells; not a
# day with its year, "15 November 2023", the date a story was published)
WEEKDAY_HEADING_RE = re.compile(
    r"^\s*(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
    rf"|(?![^\n]*\b\d{{1,2}}\b[^\n]*\b\d{{4}}\b)(?:(?:Late|Early|Mid)[\s-]+)?(?:\d{{1,2}}\s+)?(?:{MONTH_NAMES})"
    r"(?:\s+\d{1,2})?(?:,?\s+\d{4})?(?:\s*[-–—|]\s*[A-Z][\w'’.() -]{0,40})?)\s*:?\s*$",
    re.I,
)
# "Show notes | Friday, 29 December 2023": a label and the day it is of, a line of its own
DATED_LABEL_RE = re.compile(
    r"^\s*[A-Z][\w'’ .-]{0,40}?\s*[|·•]\s*(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?"
    rf"(?:\d{{1,2}}\s+(?:{MONTH_NAMES})|(?:{MONTH_NAMES})\s+\d{{1,2}},?)\s+\d{{4}}\s*$",
    re.I,
)
# "20 April 2023" on a line of its own: a timeline's entry when the text has two or more (one alone is the day the
# story was published)
DAY_HEADING_RE = re.compile(
    rf"^\s*(?:\d{{1,2}}\s+(?:{MONTH_NAMES})|(?:{MONTH_NAMES})\s+\d{{1,2}},?)\s+\d{{4}}"
    r"(?:\s*[-–—|]\s*[A-Z][\w'’.() -]{0,40})?\s*:?\s*$",
    re.I,
)
# a feed's entry, "15 October 2022, 12:48", "Posted 14 April at 10:32": the day its "today" and its news are of
ENTRY_HEADING_RE = re.compile(
    r"^\s*(?:Posted\s+(?:on\s+)?)?(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)\w*,?\s+)?"
    r"(?:\d{1,2}\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\w*\.?|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct"
    r"|Nov|Dec)\w*\.?\s+\d{1,2})(?:,?\s+\d{4})?(?:,|\s+at|\s*[·|-])?\s+\d{1,2}[:.]\d{2}"
    r"(?:\s*(?:CET|GMT|BST|EET|EEST|CEST|ET|UTC|a\.?m\.?|p\.?m\.?))?\s*:?\s*$",
    re.I,
)
# "the package consists of…", after a sentence that handed the package over: what it held, not what is promised
HANDED_PACKAGE_RE = re.compile(
    r"^(?!.*\b(?:pledg|promis|announc|will|would|commit|approv|offer|plan|prepar)\w*)"
    r".*\b(?:the|that|this|its)\s+(?:package|consignment|shipment|batch|tranche)\s+(?:\w+\s+)?"
    r"(?:consist(?:s|ed)?\s+of|includ(?:es|ed)|contain(?:s|ed)|compris(?:es|ed)|was\s+made\s+up\s+of)\b"
    # "…the first help has arrived. It includes 12,000 rounds of 120mm ammunition."
    r"|^\W*(?:It|This|That|They)\s+(?:also\s+)?(?:consist(?:s|ed)?\s+of|includ(?:es|ed)|contain(?:s|ed)|compris(?:es|ed))\b",
    re.I,
)
# a run-in heading naming a donor, its paragraph's first sentence: "Netherlands." "The Czech Republic:"
RUN_IN_DONOR_RE = re.compile(r"^\s*(?:The\s+)?(?P<name>[A-Z][\w'’. -]{1,30}?)\s*[.:]\s*$")
WERE_TRAINED_RE = re.compile(rf"\b(?:were|was|are|is|been|being|be)\s+(?:\w+\s+)?trained\b|{COURSE_TAKEN}", re.I)
SPEAKER_RE = re.compile(r"^\s*(?:Q|A|[A-Z][A-Z.'’ -]{1,40})(?:\s*\([^()]{0,40}\))?:\s+")
# "Copenhagen's Berlingske follows up on…", "Germany's Die Welt reports that…": the paper's home is no donor
NEWSPAPER_RE = re.compile(
    # (not "Britain's Defence Secretary said it will send…": who speaks for the donor)
    r"\b[A-Z][\w-]+['’]s\s+(?!(?:Defen[cs]e|Foreign|Prime|Deputy|Armed|Air|Chief|General|Ministry|Minister|Secretary|President"
    r"|Chancellor|Government|Army|Navy|Cabinet|Parliament|Embassy|Ambassador|Head|Joint|Finance|Economy|State)\b)"
    r"(?=(?:[A-Z][\w-]*\s+){1,3}(?:reports|reported|writes|wrote|follows\s+up|notes|noted|quotes|quoted"
    r"|leads\s+with|carries|carried|says|said|cites|cited|adds|added)\b)"
)
# "QUESTION (Ukrainian media): Minister, last month Japan decided…": what a questioner says sets up a question
# a myths-and-facts page's "MYTH: …", a fact-check's "CLAIM 3: …"
CLAIM_LABEL_RE = re.compile(r"^\W*(?:MYTH|CLAIM)(?:\s+(?:No\.\s*)?\d+)?\s*:")
# in a correction's paragraph, what the story said before it was put right: "It said that Luxembourg had sent 60
# rocket launchers" (the story itself named, "The earlier version said…", is a claim checked wherever it stands)
TOLD_WRONGLY_RE = re.compile(
    r"^\W*(?:It|They)\s+(?:also\s+)?(?:had\s+)?(?:said|stated|reported|claimed|called|gave|listed|wrongly|incorrectly"
    r"|mistakenly|misstated)\b"
)
# (but a TV script's "REPORTER (voice-over):" tells the story)
QUESTIONER_RE = re.compile(
    r"^\s*(?:Q|QUESTION|REPORTER|JOURNALIST)(?!\s*\((?:voice|v/?o\b|stand|on[\s-]camera|track|narrat)[^()]*\))"
    r"(?:\s*\([^()]{0,40}\))?:\s+"
)
# aid given in general words, its things named after: "to provide Ukraine with equipment and supplies"
GIVES_GENERIC_RE = re.compile(
    r"\b(?:provide|give|send|supply|donate|deliver)\s+(?:Ukraine\s+with\s+|to\s+Ukraine\s+)?(?:military\s+)?"
    r"(?:equipment|supplies|materiel|goods|items)(?:\s+and\s+(?:equipment|supplies|materiel|goods))?\b",
    re.I,
)
# a question on what a package holds: "What else is in the package on the armor side?"
PACKAGE_QUESTION_RE = re.compile(
    r"\bwhat\s+(?:else\s+)?(?:is|was|will\s+be)\s+in\s+(?:the|this|that|today['’]s)\s+(?:[\w-]+\s+)?(?:package|drawdown"
    r"|tranche)\b|\bwhat\s+(?:else\s+)?does\s+(?:the|this|that)\s+(?:package|drawdown|tranche)\s+(?:include|contain)\b",
    re.I,
)
# what a named official told before the question: "Secretary Austin told reporters at the Pentagon that…"
QUESTION_PREMISE_RE = re.compile(
    r"(?:(?:Secretary|Minister|President|Chancellor|Prime\s+Minister|General)\s+)?[A-Z][\w'’-]+\s+"
    r"(?:told\s+(?:reporters|journalists|parliament|lawmakers)|said|announced|confirmed)\b[^?]*?\bthat\b"
)
DEFINITE_BEFORE_RE = re.compile(r"\b(?:the|these|those|such)\s+(?:[\w-]+\s+)?$", re.I)
LIST_COMMA_RE = re.compile(r",\s*")
JOINED_RE = re.compile(r"\s+(?:and|or)\s+(?:other\s+(?:[\w-]+\s+)?)?", re.I)  # "loitering munitions and other drones"
# donors counted, not named: "several allies", "dozens of countries"
SOME_DONORS = r"several|many|other|various|some|a\s+handful\s+of|a\s+few|a\s+number\s+of"
DONOR_NOUNS = r"countries|donors|nations|partners|allies|backers|supporters|member\s+states"
# "from several allies": whom "allies" stand for when they are counted
SEVERAL_ALLIES_RE = re.compile(rf"\b(?:{SOME_DONORS})\s+(?:\w+\s+)?(?:{DONOR_NOUNS})\b", re.I)
MANY_DONORS_RE = re.compile(
    # (not "with the costs shared between the two countries": the donors just named)
    rf"(?<!\bbetween\s)(?<!\bbetween\sthe\s)"
    rf"\b(?:{SOME_DONORS}|the|these|those|\d+|two|three|four|five|six|seven|eight|nine|ten|dozens\s+of"
    rf"|Ukraine['’]s|Kyiv['’]s)\s+(?:\w+\s+)?(?:{DONOR_NOUNS})\b"
    # ("…the meeting, at which partners promised more money for air defence": partners, unnamed, giving; "Member
    # states send equipment from their own stocks…": how a pool works)
    rf"|\b(?:{DONOR_NOUNS})\s+(?:have\s+|had\s+|also\s+)?(?:promised|pledged|committed|offered|agreed|announced|send"
    r"|give|provide|supply|donate|deliver)\b",
    re.I,
)
# "the United States and partners intend to provide dozens of systems": what a group gives is no one member's
# (not "the howitzers sent by Canada and other allies": who gave, not who gives now)
# "Together with Denmark, Germany will supply 58 tanks", "And together with Denmark and Norway we are providing…":
# partners named before the giver, who is the subject after them
PARTNERS_FIRST_RE = re.compile(r"^\W*(?:and\s+)?(?:together|along|jointly)\s+with\b", re.I)
# "…Leopard 1A5 tanks, together with Denmark", "financed jointly with France": the states that give with the giver
# (not "the coalition Britain leads jointly with Latvia", "which organised the conference together with Denmark")
CO_GIVERS_RE = re.compile(r"\b(?:together|jointly)\s+with\s+(?:the\s+)?", re.I)
NOT_CO_GIVING_BEFORE_RE = re.compile(
    r"\b(?:(?:co-?)?lead\w*|led|chair\w*|organi[sz]\w*|host\w*|built|made|designed|developed|produced|which|who|that)\b"
    r"[^,;]*$",
    re.I,
)
AUXILIARIES = r"has|have|had|will|would|is|are|was|were|shall|can"
# a donor's name followed by its verb is the subject of a clause: "…, Germany will supply", "…after Britain
# confirmed that it had sent…"
SUBJECT_OF_CLAUSE_RE = re.compile(
    # ("…a day after Czech ministers approved a first shipment": its government speaking for it)
    r"(?:\s+(?:government|ministers|cabinet|parliament|officials|authorities))?"
    rf"\s+(?:{AUXILIARIES}|confirmed|announced|said|sent|pledged|promised|delivered|agreed|decided|donated|supplied"
    r"|provided|gave|handed|approved|committed|transferred|shipped|offered)\b"
)
# "…came days after Britain confirmed that it had sent…": a conjunction opening a clause whose subject the donor is
CONJUNCTION_BEFORE_RE = re.compile(r"\b(?:after|as|than|since|before|while|once|until)\s+(?:the\s+)?$", re.I)
FIRST_PERSON_SUBJECT_RE = re.compile(rf",?\s+(?:we|I)\s+(?:{AUXILIARIES}|am)\b")
WITH_PARTNERS_RE = re.compile(
    r"\band\s+(?:other\s+|its\s+|their\s+)?(?:partners|allies)\s+(?:will|would|intend|plan|are|have|pledged|agreed"
    r"|promised)\b",
    re.I,
)
YEAR_WRITTEN_RE = re.compile(r"\b(?:19|20)\d\d\b")
BESIDES_SUM_RE = re.compile(
    r"\b(?:on\s+top\s+of|in\s+addition\s+to|besides|as\s+well\s+as)\s+(?:an?\s+|the\s+)?" + APPROXIMATELY + "$", re.I
)
WORTH_BEFORE_RE = re.compile(
    r"\b(?:worth|valued\s+at|costing|at\s+a\s+cost\s+of)\s+" + APPROXIMATELY + r"(?:up\s+to\s+)?$", re.I
)
# (and "a package worth about 200 million zloty and made up mainly of armoured vehicles")
# ("worth around a hundred million zloty, mainly 155mm shells": the package's sum, mostly but not only shells)
NAMED_AFTER_SUM_RE = re.compile(
    r"\b(?:including|(?:which|that)\s+includes?|such\s+as|among\s+them|mainly|mostly|chiefly|largely|primarily"
    r"|made\s+up\s+(?:\w+\s+)?of|consist(?:s|ing)?\s+(?:\w+\s+)?of)\b",
    re.I,
)
CONTRIBUTION_OF_RE = re.compile(
    r"\b(?:contribution|donation|grant|allocation)\s+of\s+(?:about\s+|around\s+|some\s+|nearly\s+)?$", re.I
)
GOVERNMENT_RE = re.compile(r"\b(?:the\s+)?(?:government|ministry|cabinet)\b|\b(?:his|her|its)\s+country\b", re.I)
BULLET_RE = re.compile(rf"^\s*(?:{BULLET}|\d+[.)]\s)")
# "• Fighter aircraft.": a list line naming only its topic (no count), which prose after it on the line tells
# (and "- Drones, again.")
TOPIC_ONLY_LINE_RE = re.compile(
    r"^\s*[•*\-–]\s*(?:[^\W\d_][\w-]*\s+){0,3}[^\W\d_][\w-]*(?:,\s*(?:again|too|once\s+more))?\.\s*$"
)
# "- Tactical vehicles: Luxembourg will also finance…": a line's topic before the prose that tells it
# (and "On air defence, I can confirm that Ukraine has now received 125 anti-aircraft guns": a statement's topic)
LINE_TOPIC_RE = re.compile(
    r"^\s*(?:[•*\-–]\s*(?P<topic>(?:[^\W\d_][\w-]*\s+){0,3}[^\W\d_][\w-]*):"
    r"|(?:On|As\s+for|As\s+regards|Regarding|Turning\s+to)\s+(?P<lead>(?:[^\W\d_][\w-]*\s+){0,3}[^\W\d_][\w-]*),)"
    r"\s+(?=(?:\S+\s+){4})"
)
# "- 18th package: approved on 25 August 2023; estimated value EUR 94 million.": a line telling one package
PACKAGE_LINE_RE = re.compile(
    r"^\s*(?:[•*\-–]\s*)?(?:the\s+)?[\w-]+\s+(?:(?:aid|military|defen[cs]e)\s+)?(?:package|tranche)\s*:", re.I
)
# "NATO's trust fund", "a fund the alliance uses": who keeps a fund, not who pays into it
FUND_KEEPER_RE = re.compile(r"\s+(?:uses|runs|manages|administers)\b", re.I)
# "our contribution to the air defence coalition that Germany started": who founded a pool, not who pays into it
POOL_THAT_BEFORE_RE = re.compile(rf"(?:{POOLS})\s+(?:that|which)\s+$", re.I)
FOUNDER_AFTER_RE = re.compile(
    r"\s+(?:has\s+|had\s+)?(?:started|set\s+up|launched|leads|led|founded|created|initiated)\b", re.I
)
FUND_AFTER_RE = re.compile(rf"\s+(?:[\w-]+\s+){{0,4}}?(?:{POOLS})", re.I)
# "a NATO trust fund", "the UK-led fund": the name right before the fund's noun is its keeper's
ARTICLE_BEFORE_RE = re.compile(r"\b(?:a|an|the)\s+$", re.I)
KEPT_FUND_RE = re.compile(r"(?:-(?:led|run|managed)\b)?\s+(?:trust\s+)?fund\b", re.I)
# "NATO CAP Trust Fund for Ukraine": a fund's proper name after its keeper's
NAMED_FUND_RE = re.compile(r"\s+(?:[A-Z]{2,5}\s+)?Trust\s+Fund\b")
# a short line with no full stop inside a list: a sub-heading ("Financial support"), the list goes on under it
SUBHEADING_RE = re.compile(r"^[^.;:]{1,80}$")
# a line standing alone as a section's heading: a few words, no sentence's end ("Poland", "What the numbers don't show")
SECTION_HEADING_RE = re.compile(r"^\W*(?:[\w'’&,()-]+\s+){0,6}[\w'’&()-]+\s*$")
# "**September: joining PURL**": a line set in bold is a heading, whose news the prose under it tells
BOLD_LINE_RE = re.compile(r"^\s*(\*\*|__)[^*_]+\1\s*$")
HEADING_NUMBER_RE = re.compile(r"\b(?:Package|Part|Section|Tranche)\s+\d+\b", re.I)
# "howitzers bought for the army by Germany, Denmark and Norway": the payers give, not the maker
PAID_BY = r"\b(?:bought|paid\s+for|financed|funded|purchased)\s+(?:[\w-]+\s+){0,5}?by\b"
PAID_BY_RE = re.compile(PAID_BY + r"\s+", re.I)
# "a field hospital from Estonia, paid for by…": the giver named right after "from"
FROM_BEFORE_RE = re.compile(r"\bfrom\s+(?:the\s+)?$", re.I)
# "…, and Denmark 19.": a clause of a donor and a count, the verb and item those of the clause before
GAPPED_CLAUSE_RE = re.compile(rf"^\W*(?:the\s+)?(?:[A-Z][\w.'’]*\s+){{1,3}}(?P<count>{COUNT})\W*$")
ALONGSIDE_RE = re.compile(
    rf"\b(?:on\s+top\s+of|in\s+addition\s+to|besides|adding\s+to|out\s+of|follow(?:s|ing)?)\s+(?:the\s+)?(?P<count>{COUNT})\s+"
    r"(?:[\w-]+\s+){0,3}?"
    r"(?:(?:has|have|had)\s+(?:already\s+)?|already\s+)(?P<verb>promised|pledged|sent|delivered|given|supplied|donated)\b",
    re.I,
)
# "soldiers are being trained in Spain", "crews were trained here in Poland": where they train is who trains them
TRAINED_IN_BEFORE_RE = re.compile(
    r"\b(?:(?:being|been|were|was|are|is|be)\s+trained|training)\s+(?:here\s+)?(?:(?:on|with|at)\s+(?:[\w/-]+\s+){1,6}?)?"
    r"in\s+(?:the\s+)?$"
)
# "munitions for the F-16s that the Netherlands and its partners will hand over": a relative clause's subject
RELATIVE_SUBJECT_BEFORE_RE = re.compile(r"\b(?:that|which)\s+(?:the\s+)?[\w.]+\s*$")
# "its place in Slovakia's air defence has been taken by allied Patriot batteries", "their tasks are performed by
# new Black Hawks": what stands in for what was given is not given
STANDS_IN_RE = re.compile(
    r"\b(?:place|role|tasks?)\b[^.;]{0,60}?\b(?:taken(?:\s+over)?|performed|filled)\s+(?:\w+\s+)?by\b", re.I
)
PERFECT_RE = re.compile(r"\b(?:has|have)\s+(?:\w+\s+)?(?:been\s+)?\w+(?:ed|t|en)\b", re.I)
# "missiles able to intercept cruise missiles": what a weapon is aimed at is not given
TARGET_BEFORE_RE = re.compile(
    r"\b(?:intercept(?:ing)?|shoot(?:ing)?\s+down|bring(?:s|ing)?\s+down|downing|destroy(?:ing)?|against|counter(?:ing)?|defeat(?:ing)?"
    # ("equipment to clear mines"; "rockets usually fired from helicopters": what carries a munition is not given)
    r"|detect(?:ing)?|(?<!-)clear(?:ing)?|spot(?:ting)?|(?:fired|launched|dropped)\s+from|carried\s+by|mounted\s+on"
    # ("its simple design and ease of maintenance": a quality, no upkeep given)
    r"|ease\s+of"
    # "command post vehicles built on the M113 chassis", "ten of them fitted with mortars": what a thing is made on
    # or carries is part of it
    r"|(?:built|based)\s+on|(?:fitted|armed)\s+with"
    # "155mm ammunition, fit for guns of NATO calibre": what munitions suit is not given with them
    r"|(?:fit|suitable|compatible)\s+(?:for|with))"
    r"\s+(?:[\w-]+\s+){0,3}(?:(?:and|or)\s+)?$"
    # ("anti-aircraft gun systems, built around a 40 mm Bofors gun on an all-terrain truck": whatever the phrase names
    # before an "and", which may add a thing: "launchers mounted on pick-up trucks and precision munitions")
    r"|\b(?:built|based|mounted)\s+(?:on|around)\b(?:(?!\band\b)[^,;.()]){0,60}$"
    # "Zelenskyy arrived by military helicopter": how someone travels is no thing given
    r"|\b(?:arriv|travel{1,2}|fl[eo]w|return|came|come|left|leav)\w*\s+(?:back\s+|in\s+)?(?:by|aboard|on(?:\s+board)?)\s+"
    r"(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,2}$"
    # "metal detectors for finding mines, improvised bombs and buried weapons", "robots that search for sea mines"
    # (not "artillery-locating radars": a compound naming the radar)
    r"|\b(?<!-)(?:find(?:s|ing)?|locat(?:e|es|ing)|detect(?:s|ing)?|search(?:es|ing)?\s+for|look(?:s|ing)?\s+for"
    r"|hunt(?:s|ing)?(?:\s+for)?|practi[cs](?:e|es|ing)\s+on|(?:fend|ward)(?:s|ing)?\s+off"
    # ("a cheap means of striking enemy positions, armoured vehicles and vessels": what a weapon hits)
    r"|strik(?:e|es|ing)\s+(?:enemy|Russian|hostile)"
    # "the EU's initiative to provide Ukraine with one million artillery rounds": what a scheme aims at
    r"|(?:initiative|plan|goal|target|effort)\s+to\s+(?:provide|deliver|supply|send|give|bring)(?:\s+Ukraine\s+with)?)\s+(?:(?!(?:with|using|by)\b)[\w-]+,?\s+(?:and\s+|or\s+)?){0,5}$",
    re.I,
)
# "…but has decided against handing over medium-range air defence systems or self-propelled howitzers": what a donor
# refuses, in a clause that gives something else
REFUSED_BEFORE_RE = re.compile(
    r"\b(?:(?:decided|decides|voted)\s+against|rul(?:e|es|ed|ing)\s+out|refus(?:es|ed|ing)\s+to|declin(?:es|ed|ing)\s+to)\b"
    r"[^,;.:]{0,80}$"
    # "aimed at special units rather than at the front-line artillery batteries": what the aid is not
    r"|\b(?:rather\s+than|instead\s+of)\s+(?:at\s+|to\s+|for\s+)?(?:the\s+|its\s+|their\s+)?(?:[\w-]+\s+){0,3}$",
    re.I,
)
# "familiarisation training on the JAS 39 Gripen", "training of Ukrainian pilots on the F-16": what is trained on
# ("crews are being trained in the UK to operate the Challenger 2", "troops trained in the use of tanks")
TRAINED_ON_GAP_RE = re.compile(
    # ("train Ukrainian soldiers and technicians in operating and maintaining the Hawk")
    r"(?:\s+[\w-]+){0,4}\s+(?:on|to\s+(?:operate|use|fly|crew|maintain|handle)|in\s+the\s+(?:use|operation|handling)\s+of"
    r"|in\s+(?:operating|using|flying|maintaining|handling)(?:\s+and\s+(?:operating|using|maintaining|repairing))?)"
    r"\s+(?:the\s+|its\s+|their\s+)?(?:[\w-]+\s+){0,2}"
)
# "to sustain the systems", "to help Ukraine keep its guns firing": what is kept going is not given
SUSTAINED_RE = re.compile(
    r"\bto\s+(?:help\s+(?:\w+\s+)?)?(?:sustain|support|feed|keep|equip|arm)\s+(?:[\w'’-]+\s+){0,3}$", re.I
)
# "£60 million to repair and maintain damaged equipment it has donated, including Challenger 2 tanks": what is mended
# is no thing given; nor are the systems a donor's own are given "alongside"
MENDED_RE = re.compile(
    r"\b(?:to|help\s+\w+)\s+(?:repair|maintain|keep\s+in\s+service)\b[^.;:]{0,120}$"
    r"|\balongside\s+(?:the|its|their|those)\s+(?:[\w'’-]+\s+){0,4}$",
    re.I,
)
# "…, and BMP-1s have since been handed over": after the promise, when the text does not say
# (and "Over recent months, Norway has donated…": a span up to the report, not the date of the fact before)
SINCE_THEN_RE = re.compile(
    r"\b(?:has|have|had)\s+since\s+been\b|\bsince\s+then\b"
    r"|\b(?:over|in|during)\s+(?:the\s+)?(?:recent|past|last)\s+(?:few\s+|several\s+)?(?:months|weeks)\b",
    re.I,
)
# (and "…, to be replaced by German Marders": what fills the gap a gift leaves, a clause of its own)
# ("Greece is set to receive 40 Marders under a ring-exchange arrangement": what the donor to Ukraine gets back)
# (but "Under a ring exchange with Germany, Athens committed 40 BMP-1s": how the donor's gift is made good)
EXCHANGE_RE = re.compile(
    r"\bin\s+(?:return|exchange)\b"
    r"|^(?!\W*(?:Under|Through|Via|As\s+part\s+of)\s+(?:a|the)\s+(?:[\w-]+\s+){0,2}ring[\s-]exchange).*?\bring[\s-]exchange\b"
    rf"|^\s*{TO_BE_REPLACED}",
    re.I,
)
# "Germany had offered Poland Patriot launchers", "Norway gave Lithuania two NASAMS": the state named right after a
# verb of giving receives
RECIPIENT_BEFORE_RE = re.compile(
    r"\b(?:offer(?:s|ed|ing)?|give|gives|gave|giving|send|sends|sent|sending|sell|sells|sold|selling|lend|lends|lent"
    r"|lending|hand(?:s|ed|ing)?|supplie[sd]|supply(?:ing)?|provid(?:e[sd]?|ing)|promis(?:e[sd]?|ing)"
    r"|deliver(?:s|ed|ing)?|loan(?:s|ed|ing)?)\s+$",
    re.I,
)
DONOR_ADJECTIVE_RE = re.compile(r"(?:(?<!Jap)an|sh|se|ch)(?:'s|’s)?$")
TRAINED_AFTER_RE = re.compile(r"\s+(?:[\w-]+\s+)?(?:pilots?|crews?|mechanics|technicians|operators)\b", re.I)
TRAINING_WORD_RE = re.compile(r"\b(?:train|instruct|teach|taught|course|school)", re.I)
# "3,000 rounds a month": a rate counts no line item
RATE_AFTER_RE = re.compile(r"^(?:\s+[\w-]+){0,4}?\s+(?:a|per|each|every)\s+(?:day|week|month|year)\b", re.I)
# "to help Ukrainians who have lost their livelihoods": money for civilian needs is no military aid
# money and goods for civilians, named as such: no military aid, whatever it includes
HUMANITARIAN_RE = re.compile(
    r"\bfor\s+humanitarian\s+(?:purposes|aid|assistance|needs|relief)\b"
    r"|\bhumanitarian\s+(?:aid|assistance|purposes)\s+and\s+(?:reconstruction|recovery)\b"
    # "…crossed into Ukraine today: blankets, hygiene kits and food for displaced families"
    r"|\bfor\s+(?:the\s+)?(?:internally\s+)?(?:displaced|refugee)\s+(?:families|people|persons|civilians)\b"
    r"|\brelief\s+supplies\b|\bhygiene\s+kits\b"
    # "We have also sent humanitarian aid, medicines and generators": a list that opens with humanitarian aid
    r"|\bhumanitarian\s+(?:aid|assistance|supplies)\s*,\s+(?:medicines?|food|generators|blankets|clothing)\b"
    # "generators and transformers to help Ukrainian cities survive the winter": for civilians, not the forces
    r"|\bto\s+help\s+Ukrainian\s+(?:families|cities|civilians|people|homes|households|towns)\b",
    re.I,
)
CIVIL_RE = re.compile(
    r"\bhumanitarian\b|\bcivil(?:ian)?\b|\bfinancial\s+support\b|\bbudget(?:ary)?\s+support\b|\breconstruction\b|\blivelihoods\b"
    r"|\brebuild\w*\s+(?:\w+\s+)?infrastructure\b|\bUkraine['’]s\s+economy\b|\bdamaged\s+infrastructure\b"
    r"|\benergy\s+(?:system|sector|infrastructure|grid|support\s+fund|funding)\b|\bpower\s+(?:infrastructure|grid|plants?)\b"
    r"|\b(?:repair|protect)\s+(?:and\s+\w+\s+)?the\s+(?:power\s+|energy\s+|electricity\s+)?grid\b"
    r"|\bpsychological\s+support\b"
    # "NZ$1.3 million to support the work of the International Criminal Court"
    r"|\bInternational\s+Criminal\s+Court\b|\bwar\s+crimes\b"
    # "up to $300 million into the Three Seas investment fund, money meant for infrastructure"
    r"|\binvestment\s+fund\b|\b(?:meant|intended)\s+for\s+(?:\w+\s+)?infrastructure\b"
    # "C$25 million to the UN World Food Programme to help ease global grain shortages"
    # (and "20 million euros to the Grain from Ukraine food initiative")
    r"|\bWorld\s+Food\s+Programme\b|\bUNICEF\b|\bRed\s+Cross\b|\bgrain\s+(?:shortages|exports)\b|\bGrain\s+from\s+Ukraine\b"
    r"|\bfood\s+(?:security|initiative|aid)\b"
    # "the development minister pledged 70 million euros to a World Bank fund for repairs and heating"
    r"|\bWorld\s+Bank\b|\bdevelopment\s+(?:minister|ministry|cooperation)\b|\bheating\b",
    re.I,
)
# "France has handed over 30 taken from its stocks, and Denmark 19": a count whose item the clause before named
ELLIPTIC_COUNT_RE = re.compile(
    rf"\b(?:handed\s+over|sent|delivered|given|supplied|donated|pledged|promised|provided)\s+(?:another\s+|a\s+further\s+)?"
    # ("The Netherlands has promised five more of the same type")
    rf"(?P<count>{COUNT})(?:\s+more(?:\s+of\s+the\s+same\s+(?:type|kind|model|version|system))?)?"
    r"(?=\s*(?:[,;.]|$|and\b|taken\b|from\b|of\s+(?:them|its|their)\b))",
    re.I,
)
# "Two were handed over in December…; the other two were promised earlier this month": the count of the thing just
# named, as its clause's subject
ELLIPTIC_SUBJECT_RE = re.compile(
    # ("All eight of them have since been handed over", "All eight have now been handed over"; not "…, and all eight
    # are now in Ukrainian hands": all that its sentence promised)
    rf"^\W*(?:(?:the\s+)?(?:other|remaining|last|first)\s+|all\s+(?=\S+\s+of\s+them\b)|(?-i:All)\s+)?(?P<count>{COUNT})\s+"
    r"(?:(?:more|further)\s+)?"
    r"(?:(?:systems|launchers|units)\s+)?(?:of\s+them\s+)?"
    r"(?:(?:were|was|(?:have|has|had)(?:\s+(?:since|now|already))?\s+been|will\s+be|are\s+to\s+be)\s+"
    r"(?:already\s+|now\s+|also\s+)?"
    r"(?:handed\s+over|sent|delivered|given|supplied|donated|pledged|promised|provided|shipped)"
    # "Three launchers are now with Ukrainian units"
    r"|(?:are|is)\s+(?:now\s+|already\s+)?(?:with|in)|(?:have|has)\s+(?:now\s+|already\s+)?arrived)\b",
    re.I,
)
PART_OF_RE = re.compile(r",?\s+(?:each\s+)?with\s+(?:its\s+|their\s+)?", re.I)
WITH_RE = re.compile(
    r"\)?,?\s+(?:along\s+|together\s+)?with\s+(?:its\s+|their\s+)?|\)?\s+and\s+(?:associated|related|its|their)\s+",
    re.I,
)
# "…and the Netherlands 24", "of which Germany sent seven": a count right after a donor (and its verb)
GAPPED_COUNT_RE = re.compile(
    rf"(?:\s+(?:has\s+|have\s+)?[a-z]+)?\s+(?P<count>{COUNT})(?=\s*(?:[,;.]|$|\band\b|\bwhile\b))", re.I
)
# "a package worth €160 million": the package's value, an item's only when the package holds nothing else
# (not NATO's Comprehensive Assistance Package, a pool)
PACKAGE_BEFORE_RE = re.compile(r"\b(?<!Assistance\s)packages?\b[^,;]*$", re.I)
# "a company that makes the army's rifles": what a relative clause says is made or used is not given
# the rounds a launcher or gun fires ("Grad rockets")
FIRED_ROUNDS_RE = re.compile(r"\b(?:rockets|shells|rounds|projectiles)\b", re.I)
RELATIVE_RE = re.compile(
    r"\b(?:that|which|who)\s+(?:\w+\s+)?(?:make|makes|made|build|builds|built|produc\w*|manufactur\w*|use|uses|used"
    r"|operat\w*|own|owns|fl(?:y|ies|ew|own))\b[^,;]*"
    # "shells in the calibres that Ukraine's older guns use": what the clause's subject uses is not given either
    r"|\b(?:that|which)\s+(?:[\w'’-]+\s+){2,4}(?:use|uses|used|fire|fires)\b[^,;]*"
    # "…10 million litres of diesel, the fuel that tanks, trucks and generators run on"
    r"|\b(?:that|which)\s+(?:[\w'’,-]+\s+){1,5}(?:run|runs|ran)\s+on\b[^;]*"
    # "Geir Olsen, who spent 23 years working on F-16s at the air station"
    r"|\bwho\s+(?:[\w-]+\s+){0,4}(?:work(?:ed|s|ing)?|serv(?:ed|es|ing))\s+(?:on|with)\b[^,;]*"
    # "the MBDA plant in Britain where Storm Shadow missiles are built"
    r"|\bwhere\s+[^,;]*?\b(?:are|is|were|was)\s+(?:\w+\s+)?(?:built|made|produced|manufactured|assembled|upgraded)\b[^,;]*",
    re.I,
)
PACKAGE_WORDS_RE = re.compile(r"\b(?:package|tranche|includ\w*|contain\w*|aid|assistance)\b", re.I)
# "C$500 million ($365 million)": a text that marks the donor's own dollar writes the US dollar bare (but
# "$680 million (US$500 million)" marks the US dollar, and its bare "$" is the donor's)
FOREIGN_DOLLAR_RE = re.compile(r"\b(?:C|CA|A|AU|NZ)\$")
VERSION_OF_RE = re.compile(
    r"\b(?:a|an)\s+(?:[\w-]+\s+){0,3}(?:version|variant|copy|derivative)\s+of\b[^,;]*"
    # "much like the HIMARS launchers that Ukraine has used": what a thing given is compared with
    r"|\b(?:much\s+|just\s+)?(?:like|similar\s+to|comparable\s+to)\s+the\b[^,;]*"
    # "built on the running gear of the M113 family": what a thing given is built from
    r"|\bbuilt\s+on\s+(?:the\s+)?(?:running\s+gear|chassis|hull|platform)\s+of\b[^,;]*",
    re.I,
)
# "TRF1 towed howitzers": a type's designation just before a noun
DESIGNATION_BEFORE_RE = re.compile(r"\b[A-Z][A-Z\d-]*\d[\w-]*\s+(?:[\w-]+\s+)?$")
LIST_JOIN_RE = re.compile(r"(?:,\s*|\s+and\s+|,\s+and\s+)(?:the\s+)?")
FROM_AFTER_RE = re.compile(r"(?:\s+[\w-]+){0,4}?\s+from\s+(?:the\s+)?", re.I)
# ("Further tractor units went to Ukraine": more, though "Further," alone only goes on)
ALSO_RE = re.compile(
    r"\b(?:also|as\s+well|in\s+addition|additionally|besides)\b|^\W*(?:(?:A|An)\s+)?further\b(?!,)", re.I
)
# "that package will pay for:": a package told of before, not the one just announced
THAT_PACKAGE_RE = re.compile(r"\bthat\s+(?:package|tranche)\b", re.I)
# "what exactly is in Berlin's package", "the package contains": a package told of before
PACKAGE_TOLD_RE = re.compile(r"\b(?:the|this|[A-Z][\w-]+['’]s)\s+(?:new\s+|latest\s+)?(?:package|tranche)\b")
THE_PACKAGE_RE = re.compile(r"\b(?:the|this|that)\s+(?:package|tranche|aid|donation|contribution)\b", re.I)
# "worth SEK 4.3 billion, not counting the Archer guns": what a sum leaves out is not given there
EXCLUDED_RE = re.compile(
    # ("a figure that leaves out the Archer guns")
    r"\b(?:not\s+counting|excluding|except(?:\s+for)?|apart\s+from|aside\s+from|leaves?\s+out|leaving\s+out)\s+"
    r"(?:the\s+|its\s+)?",
    re.I,
)
# "one NASAMS system, missiles included, for $406 million": what comes with the thing given is part of it
INCLUDED_WITH_RE = re.compile(r",\s*(?:[\w-]+\s+){1,3}included\s*,", re.I)
# "Mi-17 helicopters: 2;", "drones (12)": a table's row written as a line, its count after the item
# (or a table's row, "155mm artillery ammunition | up to 245,000 rounds")
# "Trucks: 12", "Trucks (12)", "Trucks | 12", "Trucks — 12": a count after its item, ending the line or its cell
# a table cell's hedge before its count: "| up to 12 |", "| c. 20,000 |"
CELL_HEDGE = r"(?:up\s+to\s+|about\s+|some\s+|c\.\s*|ca\.\s*)?"
COUNT_AFTER_RE = re.compile(
    rf"\)?\s*(?::\s*|\(\s*|[—–]\s*|\|\s*{CELL_HEDGE})(?P<count>{COUNT})(?:\s+(?:units?|rounds))?\s*\)?"
    rf"\s*(?:[;.,|]|$)"
    # "The trucks, 20 in all, were delivered"
    # ("The Coyote armoured vehicles — 64 of them — have arrived")
    rf"|(?:,|\s[—–])\s+(?P<all>{COUNT})\s+(?:in\s+(?:all|total)|of\s+them)\s*(?:,|[—–])",
    re.I,
)
# "Capability | Quantity": a table written as lines, a list of the article's donor
# a table's cell that starts with a count: "| 102 |", "| c. 20,000 |", "| five on the filmed train |" (not a year)
COUNT_CELL_RE = re.compile(
    rf"\|\s*{CELL_HEDGE}(?!(?:19|20)\d\d\b)(?P<count>{COUNT})(?![\d.,])"
    r"(?!\s*(?:%|per\s?cent|percent|million|billion|bn|m\b|mln))[^|\d]{0,40}\|",
    re.I,
)
TABLE_ROW_RE = re.compile(r"\S\s+\|\s+\S|^\s*\|[^|]*\w[^|]*\|\s*$")  # (or a row of one cell: "| Spare parts |")
# a full stop that ends no abbreviation ("U.S. equipment", "Gen. Ryder", "arrived on Feb. 23"): the words that end
# no sentence (clean.ABBREVIATIONS) end no clause either
NO_ABBREVIATION = r"(?<!\b[A-Z])" + "".join(rf"(?<!\b{re.escape(word)})" for word in sorted(ABBREVIATIONS))
CLAUSE_RE = re.compile(
    # (not "…mainly 155mm shells, and Ukraine already has it": a remark on the thing just named)
    rf";|,?\s+while\s+|,?\s+whereas\s+|,\s+and\s+(?=(?:the\s+)?[A-Z])(?!{ALREADY_HAS})|{NO_ABBREVIATION}\.\s+"
    # (not before a count alone, nor a sum: "…into NATO's fund: two million euros this year")
    rf"|:\s+(?!(?:{COUNT})\s*(?:[;.,]|$)|{AMOUNT_STARTS}"
    rf"|(?:{COUNT})\s+(?:million|billion)\s+(?:euros?|dollars?|pounds?|kron\w+|crowns?|francs?|zlot\w+))"
    # "…, as Germany joined Washington in supplying rocket launchers": another donor's news
    r"|,\s+as\s+(?=[A-Z])"
    # "…has committed 40 of the vehicles to Ukraine, so half of them have now arrived": what follows from it
    r"|,\s+so\s+(?!far\b|that\b|much\b|many\b|long\b|as\b|to\b)"
    rf"|,\s+(?={TO_BE_REPLACED})"
    # "Portugal delivered three tanks in March and will send 14 more vehicles by June": the giver's next news
    r"|,?\s+and\s+(?=(?:will|would|plans\s+to|intends\s+to|is\s+to|is\s+(?:now\s+)?preparing)\s+(?:also\s+)?"
    r"(?:send|give|provide|supply|deliver|donate|transfer|fund|finance|buy|train|hand)\b)"
    # "Lithuania delivered shells in March, allocated EUR 35 million to the initiative, and approved a plan": each
    # verb its own news, of its own kind
    # (not "a NASAMS battery, announced last month at a cost of C$406 million": the thing described)
    r"|,\s+(?:and\s+)?(?=(?:allocated|approved|pledged|promised|committed|announced)\s+"
    r"(?:a|an|another|some|about|up\s+to|more|further|EUR|USD|GBP|[€$£\d]))"
    # "Norway passed on 20,000 rounds and Estonia eight howitzers": a second giver, its verb left out
    rf"|,?\s+and\s+(?=(?-i:[A-Z])[\w.'’]*\s+(?:{FIRST_WORD}|\d{{2,}}|\d{{1,3}}(?:,\d{{3}})+)\s+[\w-])",
    re.I,
)
CONTINUATION_RE = re.compile(
    r"^(?:[•*\-–]|\d+[.)]\s|(?:the\s+)?(?:package|aid|assistance|capabilities|equipment|list|donations?|contributions?"
    r"|it|this|they|these|among|also|in\s+addition|additionally|further|another|plus|government|ministry"
    r"|consignment|shipment|batch|cargo|delivery|items|supplies"
    r"|there\s+(?:are|is|will\s+be)|on\s+top\s+of\s+that|that\s+(?:includes|included|comprises|comprised|covers)"
    # "He added that six more Caesar howitzers would follow": the one who just spoke goes on
    r"|(?:he|she)\s+(?:also\s+)?(?:added|said|announced|confirmed))\b)",
    re.I,
)
# a list line's sum standing after its colon, at the end of the line: "- Artillery ammunition: DKK 1.2 billion"
LINE_SUM_RE = re.compile(r":\s*(?:(?:about|around|approximately|roughly|some|nearly|almost|over|up\s+to)\s+)?$", re.I)
# (and "a total of 40 vehicles" from three donors: one fact of theirs, not 40 each)
# ("Estonia, the Netherlands and Norway have agreed to donate a field hospital": one gift of their agreement)
JOINT_RE = re.compile(
    r"\bjoint(?:ly)?\b|\btogether\b|\b(?:have|has)\s+agreed\s+to\b|\bco-?(?:fund|financ)\w*|\ba\s+total\s+of\b|"
    + PAID_BY,
    re.I,
)
SAME_AS_BEFORE_RE = re.compile(SAME_AS_BEFORE, re.I)
ANNOUNCER_RE = re.compile(
    r"(?P<who>[A-Z][\w’']+)\s+(?:Defen[cs]e|Foreign|Prime|Armed\s+Forces)\s+Minister\b|(?P<who2>[A-Z][\w’']+)\s+"
    r"(?:Chancellor|President|government)\b"
)
GAVE_TO = r"|gave|give|gives|giving"
BLOCKING_BEFORE = re.compile(
    # ("according to the German defence ministry": who tells it, and gives it)
    r"\b(?:in|(?<!according\s)to|for|at|near|against|into|with|from|across|towards?|on|over|visit(?:ed|s)?|between|joining"
    r"|like|following|pressed|urged|asked|lobbied|told"
    # ("from KNDS France": a maker's name, not its country)
    r"|KNDS|Nexter|Rheinmetall|Thales|MBDA|Saab|BAE\s+Systems|Airbus|Leonardo|Kongsberg|Nammo|Patria|Diehl"
    r"|after|than|as|joined|joins|around|through|via|aboard|above|alongside|led\s+by|(?:co-?)?(?:hosted|chaired)\s+(?:[\w-]+\s+){0,2}by|in\s+service\s+with|(?:operated|run|managed|administered)\s+by|(?:leaders?|ministers?|heads?|representatives?)\s+of"
    r"|(?:version|variant|copy|derivative)\s+of|outside|within|inside|beyond|East|West|former|framework\s+of"
    # ("to purchase U.S. equipment": who made what is bought, not who gives it)
    # ("side by side with our allies": the speaker's partners, no givers)
    # ("together with other European Union countries we have placed orders": the speaker's partners)
    # ("the Government gave Britain $7.5 million to buy weapons for Ukraine": whom it gave to, not who gave)
    r"|purchas\w*|buy|buys|buying|bought|procur\w*|acquir\w*" + GAVE_TO + r")\s+"
    r"(?:the\s+|our\s+|its\s+|their\s+|other\s+|fellow\s+)?"
    # ("in south-eastern Poland": a place, whatever part of it)
    r"(?:(?:north|south|east|west|central)(?:-?(?:east|west))?(?:ern)?\s+)?$",
    re.I,
)
RECEIVED_BLOCKING_BEFORE = re.compile(BLOCKING_BEFORE.pattern.replace("|from|", "|"), re.I)
# (a state given to is still named, for the rule on arms for another state: "Norway gave Lithuania two NASAMS")
RECIPIENTS_NAMED_BEFORE = re.compile(BLOCKING_BEFORE.pattern.replace(GAVE_TO, ""), re.I)
# "Rheinmetall has received an order from the German government to supply… to Ukraine": who orders from a maker
# for Ukraine gives (not Ukraine ordering, nor an order for the buyer's own army)
ORDER_FROM_RE = re.compile(
    r"\b(?:an?|the|its)\s+(?:[\w-]+\s+)?(?:order|contract)\s+from\s+(?!(?:the\s+)?(?:Ukrain|Kyiv))"
    r"[^;]{0,120}?\b(?:to|for)\s+(?:Ukraine|Kyiv)\b",
    re.I,
)
# ("EU member states agreed…" is the Union deciding; "an unnamed EU government" one of its states)
EU_MEMBER_RE = re.compile(r"\s+(?:member\s+)?(?:government|state|country|nation|capital)\b", re.I)
NATO_ROLE_RE = re.compile(
    # (and "NATO calibre", "NATO-standard shells": a standard, not the alliance giving)
    r"^\s*(?:Secretary|chief|head|member|members|allies|ally|defen[cs]e|summit|HQ|headquarters|countries|states"
    r"|calibres?|calibers?|-?standards?|-compatible"
    r"|territory|membership|’s\s+support|'s\s+support"
    # "according to NATO figures": the alliance counting, not giving
    r"|figures|data|estimates|numbers|tally)",
    re.I,
)
MEETING_WORDS = {
    "udcg": re.compile(r"contact\s+group|Ramstein", re.I),
    "nato_ministerial": re.compile(r"defen[cs]e\s+ministers|ministerial", re.I),
    "summit": re.compile(r"\bsummit\b", re.I),
    "visit": re.compile(r"\bvisit\b", re.I),
}
MEETING_PRIORITY = ["udcg", "nato_ministerial", "summit", "visit", "other"]
NUMBERED_MEETING_RE = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)\s+(?:meeting\s+of\s+the\s+|Ukraine\s+Defen[cs]e\s+)?"
                                 r"(?:contact\s+group|Ramstein|UDCG|meeting)", re.I)  # fmt: skip
# a quantity right before the item: "14 Leopard", "a further 14 modern", "two dozen", "18 of its"
QUANTITY_RE = re.compile(
    # ("some 40 percent of the diesel": a share counts nothing)
    rf"(?<![\w.,$€£–-])(?P<count>{COUNT})(?!\s?mm\b|[\s-]millimet|\s?%|\s+per\s?cent\b|\s+percent\b)\s+"
    # ("Two more launchers for the short-range IRIS-T SLS": a system counted by its launchers)
    r"(?P<between>(?:(?:more\s+|further\s+|additional\s+)?(?:launchers|batteries|fire\s+units)\s+for\s+(?:the\s+)?)?"
    r"(?:(?!(?:and|or|to|with|for|in|on|at|by|from|million|billion"
    r"|package|tranche|includ\w*|worth|valued"
    # "said on 31 January that the tanks…": a day of a month counts nothing
    rf"|{MONTH_NAMES}"
    # "two tonnes of medical supplies": a weight counts no items
    r"|(?:metric\s+)?(?:tonnes|tons|kilo(?:gram)?s|kg|litres|liters)"
    # "a retired officer who spent twenty-two years around Bradleys": a span of time counts no things
    r"|years|months|weeks|days|hours|decades"
    # ("22 heavy 15-tonne lorries": a measure joined to its unit describes the thing counted)
    # ("7 Jeep Wrangler 4x4 vehicles": a drive layout is part of the name)
    # ("1,500 single-shot anti-tank weapons": a number word joined to another word is a modifier)
    rf"|{NUMBER_WORD})\b(?!-)|\d(?!\d*\s?mm\b|\d*-millimet|\d*-tonnes?\b|\d*[x×]\d+\b))[\w“”\"’'/.×-]+\s+){{0,4}})$",
    re.I,
)
PART_OF_COUNT_RE = re.compile(
    rf"(?<![\w.,$€£-])(?P<part>{COUNT})\s+of\s+(?:the|its|their|these|those)\s+(?:{COUNT})\s+(?:[\w-]+\s+){{0,3}}$",
    re.I,
)
SAME_NUMBER_RE = re.compile(r"\b(?:and|plus)\s+(?:the\s+same\s+number\s+of|as\s+many)\s+(?:[\w-]+\s+){0,2}$", re.I)
# ("Italy's second SAMP/T battery", "another Patriot system", "the third Patriot system": one, the next given;
# "its only S-300 system": the one it had; "the first IRIS-T SLM system": the first one)
SINGLE_RE = re.compile(r"(?<![\w-])(?:a|an|another"
                       r"|(?:its|their|the|[\w'’]+['’]s)\s+(?:first|second|third|fourth|fifth|sixth|only))\s+"
                       r"(?:(?!(?:and|or|to|with|for|in|on|at|by|from|number|total|package|tranche"
                       r"|includ\w*|worth|valued)\b)"
                       r"[\w“”\"’'/-]+\s+){0,2}$", re.I)  # fmt: skip
# "the first Patriot air defence systems", "its first F-16 fighter jets": the first of several, counted nowhere
# (the words after its name, or the end of its own span: "Patriot air defence systems")
PLURAL_HEAD_RE = re.compile(
    r"(?:^\s+(?:[\w-]+\s+){0,3}?|\s)(?:systems|batteries|launchers|jets|fighters|aircraft|planes|tanks|vehicles|carriers"
    r"|howitzers|guns|missiles|radars|units|helicopters)\b",
    re.I,
)
# "Its list for the month includes:", "The shipment contained:": a heading that names what it lists and no more
# "- Canada: $24.5 million;", "- Norway: 20 armoured vehicles": a list's line naming its donor before a colon
# (or a live blog's entry: "15:30 – Norway: 5,000 shells and NOK 200 million for drones")
DONOR_LINE_RE = re.compile(
    r"^\s*(?:[•*\-–]|\d{1,2}[:.]\d{2}\s*[-–—])\s*(?P<donor>(?:the\s+)?[A-Z][\w.'’ -]{1,40}?):\s+\S"
)
LIST_HEADING_RE = re.compile(
    r"^\W*(?:its|their|the|this|that|these)\s+(?:[\w-]+\s+){0,2}(?:list|packages?|consignments?|shipments?|batch|delivery"
    r"|deliveries|donations?|procurement|order|purchase)"
    r"\b[^.;:]{0,80}\b(?:includ(?:e|es|ed)|contain(?:s|ed)?|compris(?:e|es|ed)|cover(?:s|ed)?|consist(?:s|ed)?\s+of"
    r"|made\s+up\s+of)\s*:\s*$"
    # ("…told partners what had reached Ukraine. The list was concrete:")
    r"|^\W*(?:its|their|the|this|that)\s+(?:[\w-]+\s+){0,2}list\s+(?:was|is)\b[^.;:]{0,40}:\s*$"
    # ("2/8 🔹 NEW UK SUPPORT 🔹 Confirmed in Odesa after the talks:", a thread's heading of what is new)
    r"|^\W*(?:\d+/\d*\s*)?\W*(?:new|latest|further)\s+(?:[a-z]{2,}\s+)?(?:support|aid|assistance"
    r"|package|donations?)\b[^.;:]{0,60}:\s*$"
    # ("2/ What is in it:", "What's in the package?", a thread's or an FAQ's heading)
    r"|^\W*(?:\d+/\s*)?What(?:['’]s|\s+is)\s+in\s+(?:it|(?:the|this|that)\s+(?:[\w-]+\s+){0,2}(?:package|donation"
    r"|consignment|shipment|batch|tranche))\s*[?:]\s*$"
    # ("According to the ministry, the vessel is carrying:", a cargo's list)
    r"|^\W*(?:[^.;:]{0,60}?,\s+)?(?:the|its|this|that)\s+(?:[\w-]+\s+){0,2}(?:ship|vessel|train|convoy|aircraft|plane"
    r"|flight|cargo)\s+(?:is|was|will\s+be)\s+(?:carrying|loaded\s+with|bringing)\s*:\s*$"
    # ("Where the kroner go:", "How the money is split:", over a package's lines of sums)
    r"|^\W*(?:where|how)\s+(?:the|its|this)\s+(?:money|funds?|sum|kroner|kronor|euros|dollars|pounds|budget)"
    r"\s+(?:goes|go|is\s+(?:split|spent|divided)|are\s+(?:split|spent|divided))\s*:\s*$",
    re.I,
)
LIST_SUM_NOUN_RE = re.compile(r"(?:military\s+)?(?:weapons|equipment|materiel|items|aid)", re.I)
LIST_GAP_RE = re.compile(r"[^,;]{0,30}?(?:,\s*|\s+)(?:and\s+|or\s+)?(?:the\s+|its\s+|their\s+)?[^,;]{0,20}?", re.I)
OBJECT_OF_RE = re.compile(
    r"^[\W]*(?:(?:support|services|assistance|solutions?)\s+)?(?:for|of|to\s+(?:help\s+\w+\s+)?(?:fly|operate|use|maintain|repair|run))"
    r"\b[^,;]{0,60}$",
    re.I,
)
# "fuel for the tanks", "trucks for the artillery": what the first item serves, already there, is not given
# "ammunition…, for use in the M777 howitzers Ottawa has already given": what the thing given is used in
FOR_USE_IN_RE = re.compile(
    r"\bfor\s+use\s+(?:in|with|by|on)\s+(?:the|its|their|these|those)\s+(?:[\w-]+\s+){0,2}$"
    # "the shells would be meant for the German-built self-propelled guns that Ukraine's forces already operate"
    r"|\b(?:meant|intended|destined)\s+for\s+(?:the|its|their|these|those)\s+(?:[\w-]+\s+){0,3}$",
    re.I,
)
# ("cameras for surveillance drones", "ammunition for the M777s")
SERVED_RE = re.compile(r"\s+for\s+(?:(?:the|its|their|these|those|Ukraine['’]s|Ukrainian)\s+)?(?:[\w-]+\s+){0,2}", re.I)
NAMED_AGAIN_RE = re.compile(r"\b(?:the|these|those|such)\s+(?:[\w-]+\s+){0,3}$", re.I)
# "a jammer built by Britain's SteelRock": who makes a thing, which gives it only if no other giver is named
# ("SkyRanger drones made in Canada are already with our brigades": where they are made, the giver when no other is)
MADE_BY_BEFORE_RE = re.compile(r"\b(?:built|made|manufactured|produced|developed|designed)\s+(?:by|in)\s+$", re.I)
# "the Netherlands will join the EU's training mission": the one whose mission it is runs it; who joins gives
JOINS_BEFORE_RE = re.compile(r"\b(?:join(?:s|ed|ing)?|(?:take|takes|took|taking)\s+part\s+in)\s+(?:the\s+)?$", re.I)
# "Piorun missiles are among the weapons Poland has handed over": what is counted among what was handed over
AMONG_GIVEN_RE = re.compile(
    r"\bamong\s+the\s+(?:[\w-]+\s+){0,3}?(?:that\s+|which\s+)?(?:[A-Z][\w.]+|we|it|they)\s+(?:has|have|had)\s+"
    r"(?:already\s+)?(?:handed\s+over|sent|delivered|supplied|given|donated|provided|transferred)\b"
)
EARLIER_AID_RE = re.compile(
    r"\b(?:[A-Z][\w.]+(?:\s+(?:countries|allies|partners|nations|donors))?|we|they)\s+(?:has|have|had)\s+"
    r"(?:already\s+|previously\s+)?(?:given|sent|delivered|supplied"
    r"|provided|donated|handed(?:\s+over)?|received(?:\s+so\s+far)?)"
    r"(?:\s+(?:to\s+)?(?:Ukraine|Kyiv|Kiev))?(?=\s*(?:[,;.]|$|\s+and\b))"
    # "Kyiv has been asking for this kind of help since the first Western tanks arrived": a time, told by earlier aid
    r"|\bsince\s+the\s+first\s+[^,;.]{0,40}?\b(?:arrived|were\s+(?:delivered|handed\s+over))\b"
)
# "spare parts for the M109 howitzers Norway gave in 2022": the thing served was handed over before, and when
SERVES_GIVEN_RE = re.compile(
    # (a thing for them, not thanks for them: "thanked Madrid for the systems it has already sent" names the aid)
    # (and "camouflage systems for the armoured vehicles Ukraine has received from us")
    r"\b(?!thanks?\b)[a-z][a-z-]*\s+for\s+(?:the|its|their|these|those)\s+(?:[\w-]+\s+){0,3}?[\w-]+s\s+(?:(?:that|which)\s+)?"
    r"(?:[A-Z][\w.]+|it|they|we)\s+(?:(?:has|have|had)\s+)?(?:already\s+|previously\s+)?"
    r"(?:gave|given|sent|delivered|supplied|provided|donated|handed\s+over|(?<=Ukraine\shas\s)received)"
    r"(?:\s+(?:to\s+)?(?:Ukraine|Kyiv|Kiev)|\s+from\s+(?:us|[A-Z][\w.]+))?"
    r"(?:\s+(?:in|last|earlier)\s+(?:[\w-]+\s+)?[\w-]+)?"
    # ("spare parts for vehicles already handed over to Ukraine", "spare parts for previously donated materiel")
    r"|\b[a-z][a-z-]*\s+for\s+(?:the\s+|its\s+|their\s+|these\s+|those\s+)?(?:[\w-]+\s+){0,3}?[\w-]+s\s+"
    r"(?:already|previously)\s+(?:given|sent|delivered|supplied|provided|donated|handed\s+over)"
    r"(?:\s+(?:to\s+)?(?:Ukraine|Kyiv|Kiev))?"
    r"|\b[a-z][a-z-]*\s+for\s+(?:the\s+)?(?:already|previously)\s+(?:given|sent|delivered|supplied|provided|donated"
    r"|gifted)\b"
    # "ammunition for the M777 howitzers already in Ukrainian hands", "the upkeep of U.S.-made air defense systems
    # already in Ukrainian hands"
    r"|\b[a-z][a-z-]*\s+(?:for|of)\s+(?:the\s+|its\s+|their\s+|these\s+|those\s+)?(?:[\w.-]+\s+){0,4}?[\w-]+s\s+"
    r"(?:already|now)\s+in\s+(?:Ukrainian|Ukraine['’]s|Kyiv['’]s)\s+hands\b"
)
POOLED_BEFORE_RE = re.compile(
    r"\b(?:fund|package|facility|programme|program|initiative|coalition)(?:\s+for\s+Ukraine)?\s*$", re.I
)
# what a clause names before these words was given earlier: "the tanks would be accompanied by artillery", "the first
# drones, ammunition and armoured vehicles bought with this funding"
GIVEN_BEFORE_RE = re.compile(
    r"\bthe\s+(?:[\w-]+\s+){0,2}?[\w-]+\s+(?:will|would)\s+be\s+accompanied\s+by\b"
    rf"|\bthe\s+(?:[\w-]+\s+){{0,2}}?[\w-]+,\s+{COME_WITH}"
    r"|^.*\b(?:bought|purchased|paid\s+for|funded)\s+(?:with|from|under)\s+(?:this|that|these|the\s+same)\s+"
    r"(?:funding|money|funds?|package|contribution)\b",
    re.I,
)
POOL_BUYS_RE = re.compile(
    # (and "the NATO trust fund it is paying into buys non-lethal items": what the pool buys is none of the payer's)
    r"\b(?:fund|scheme|mechanism|facility|pool|programme|program|coalition)\s+(?:that|which|(?:it|they)\s+(?:is|are)\s+"
    r"paying\s+into)\s+(?:buys|purchases|procures"
    # ("the coalition that helps Ukraine build and buy drones")
    r"|pays\s+for|delivers|finances|channels|helps\s+(?:Ukraine|Kyiv)\s+(?:\w+\s+and\s+)?(?:buy|build|get|acquire))\b"
    r"|\b(?:mechanism|scheme|fund)\s+through\s+which\b"
    # "From that fund NATO will buy first-aid kits"
    r"|^\W*(?:From|With|Through)\s+(?:that|the|this|its)\s+(?:fund|pool|money)\b[^.;]{0,40}?\b(?:will|would|can)\s+"
    r"(?:buy|purchase|procure)\b"
    # "the funds would go, among other things, into the production of missiles": what a grant's factories make
    r"|\b(?:funds|money|funding|financing)\s+(?:would|will|is\s+to|are\s+to)\s+go\b[^.;]{0,40}?\binto\s+(?:the\s+)?production\s+of\b",
    re.I,
)
ASIDE_RE = re.compile(r",\s+which\b[^,;]*(?:[,;]|$)")
# "Another $30 million goes into the drone coalition led by Britain and Latvia, so it buys drones at scale": what the
# pool the money went into (INTO_FUND_RE) buys, in the clause after ", so", is no gift of the payer's
POOL_BUYS_CLAUSE_RE = re.compile(
    r"^\W*(?:so\s+(?:that\s+)?)?(?:it|they)\s+(?:can\s+|could\s+|will\s+)?(?:buys?|purchases?|procures?)\b", re.I
)
# "…handed over four Leopard 2 tanks, the first of the German-built tanks to reach Ukraine": what the things given
# were the first of
FIRST_OF_RE = re.compile(
    r",\s+the\s+first\s+(?:of\s+)?[^,;.]{0,60}?\bto\s+(?:reach|arrive|be\s+(?:delivered|sent|handed))\b[^,;]*"
)
# "…are now in Ukrainian hands, part of the battalion assembled from Polish, Norwegian and Spanish tanks": the unit
# the things joined, and whose it is made of, are no gift
PART_OF_UNIT_RE = re.compile(
    r",\s+(?:now\s+)?part\s+of\s+(?:the|a|an)\s+(?:[\w-]+\s+){0,3}?(?:battalion|brigade|fleet|force|unit)s?\b[^;.]*"
)
# "…adding that the latest Russian attack, with more than 580 drones and over 40 missiles, shows…": what struck Ukraine
RUSSIAN_STRIKE_RE = re.compile(
    r"\b(?:Russian|Russia['’]s|Moscow['’]s|enemy)\s+(?:[\w-]+\s+){0,2}?(?:attacks?|strikes?|barrages?|raids?|assaults?|salvos?)"
    r"\s*,?\s+(?:with|of|involving|using)\s+[^,;.]*",
    re.I,
)
# "…, which includes 10 tanks,", "The consignment also contained…": a verb of what something holds, which tells
# neither a kind of its own nor makes a clause a mere description
LISTING_RE = re.compile(
    r"\b(?:includ\w*|contain\w*|consist\w*|compris\w*|made\s+up\s+(?:\w+\s+){0,2}?of)\b|\bon\s+the\s+(?:same\s+)?list\b",
    re.I,
)
# "a battery of six light howitzers": a unit named by what it is made of
UNIT_OF_RE = re.compile(r"batter(?:y|ies)", re.I)
UNIT_GAP_RE = re.compile(r"\s+of\s+(?:[\w-]+\s+){0,3}", re.I)
# a list's line that opens with its own subject and a verb of no giving: "- EU leaders will discuss…"
OTHER_NEWS_RE = re.compile(
    r"^\s*\W\s*(?:[A-Z][\w'’-]*\s+){1,4}(?:\w+\s+)?(?:is|are|was|were|will|would|has|have|had|said|says)\s+"
    r"(?:still\s+|not\s+)?(?!(?:sent|given|delivered|provided|supplied|donated|pledged|promised|approved|announced)\b)"
    r"[a-z]+(?:ing|ed)?\b"
)
MUNITIONS_NOUN_RE = re.compile(r"\b(?:missiles|interceptors|rockets|rounds|shells)$", re.I)
MODIFIER_AFTER_RE = re.compile(
    r"\s+(?:strikes|attacks|threats?|warfare|production|industry|coalition|makers?|factor(?:y|ies)|plants?|programmes?"
    r"|training|team|school|range|instructors|officers|commanders|duel|barrage|positions|packages?|donations?|tranche"
    # ("from weapons handling and first aid to tactics": a skill taught)
    r"|programs?|manufacturers?|bases?|sites?|handling|drills|skills|supply\s+chains?"
    # ("a country without weapons stocks": where things are kept)
    r"|stocks|stockpiles|depots|warehouses"
    # ("used for surveillance and artillery spotting": what a thing given is used for)
    r"|spotting|observation"
    # ("commitments that touch Ukraine's air and artillery needs")
    r"|needs|requirements)\b"
    # "protection against air, missile, drone and cyber attacks": one of the words of a list the noun after ends
    r"|(?:\s*,\s*[\w-]+)*\s*,?\s+(?:and|or)\s+[\w-]+\s+(?:strikes|attacks|threats)\b"
    # "has continued to send vehicles of this family since": the kind named before, told again
    r"|\s+of\s+(?:this|that)\s+(?:family|type|kind|class|model)\b",
    re.I,
)
# a word for many kinds of thing, and the categories it names again
ARMOUR = {"tanks", "ifv-apc", "artillery", "air-defence", "rocket-artillery", "other-equipment", "drones"}
HYPERNYMS = {
    "vehicles": ARMOUR,
    "vehicle": ARMOUR,
    "aircraft": {"fighter-jets", "helicopters", "other-equipment"},
    "guns": {"artillery", "air-defence", "tanks"},
    "battery": {"air-defence", "artillery", "rocket-artillery"},
}
ENABLING_CATEGORIES = {"ammunition", "maintenance", "training", "funding"}
# what has pilots or crews, who may be trained with none of it given
CREWED_CATEGORIES = {"fighter-jets", "helicopters", "tanks", "ifv-apc", "artillery", "rocket-artillery", "air-defence"}
# "decided to give Ukraine a further two billion kroner": money given to Ukraine is aid whatever it is called
# "add €5 billion to the European Peace Facility": money for the EU's facility, whatever it will buy (a state's money
# paid into a fund for named items is those items)
# "10 million euros to PURL", "$6.5 million into a British-run fund that buys weapons": money paid into a pool that
# buys for Ukraine is the payer's funding, whatever the pool buys with it (unless the money is earmarked, below)
TO_FUND_AFTER_RE = re.compile(
    # ("an €8 million contribution to NATO's Comprehensive Assistance Package")
    r"^\s*(?:\([^)]*\)\s*)?,?\s*(?:(?:will\s+)?(?:go|goes|went|flows?)\s+|(?:contribution|payment|donation)\s+)?"
    # (and "NZ$4.5 million through the NATO Comprehensive Assistance Package trust fund")
    r"(?:to|into|through)\s+(?:[\w'’-]+\s+){0,5}?"
    rf"(?:European\s+Peace\s+Facility\b|programme\b|{POOLS})",
    re.I,
)
# "$680 million to purchase equipment through NATO's PURL", "$165 million for its work in the capability coalitions":
# money for a pool that buys on its donors' behalf is their funding, whatever it is earmarked for
# "Ukraine received 1.5 million rounds through the scheme": what a pool handed over is many donors' (unless one
# is named: "Belgium has sent 100,000 rounds through the Czech initiative")
RECEIVED_THROUGH_POOL_RE = re.compile(
    rf"\b(?:received|got|obtained)\b[^;]{{0,80}}?\b(?:through|via|under)\s+the\s+(?:[\w'’-]+\s+){{0,3}}?"
    rf"(?:initiative\b|{POOLS})"
    # "About 50,000 shells from the initiative have so far reached Ukraine"
    rf"|\bfrom\s+the\s+(?:[\w'’-]+\s+){{0,3}}?(?:initiative\b|{POOLS})\s*(?:have|has|had)\s+(?:so\s+far\s+|now\s+|already\s+)?"
    r"(?:reached|arrived)\b",
    re.I,
)
THROUGH_POOL_RE = re.compile(
    r"^[^;]{0,140}?\b(?:to|into|through|via|under|for|in)\s+(?:[\w'’-]+\s+){0,5}?"
    rf"(?:{NAMED_POOLS}|capability\s+coalitions?\b)"
    # "…so that assistance can be delivered to Ukraine through international funds"
    r"|^[^;]{0,140}?\b(?:through|via)\s+(?:[\w'’-]+\s+){0,3}?(?:international|multilateral|trust)\s+funds?\b",
    re.I,
)
# "…to the International Fund for Ukraine to buy drones", "…in order to provide Ukraine with systems that detect
# drones": money earmarked for named things is those things, whichever fund pays for them
EARMARKED_RE = re.compile(
    r"^[^,;]{0,60}?\b(?:to\s+(?:buy|purchase|procure|provide|pay\s+for)|in\s+order\s+to|for\s+(?:the\s+)?(?:purchase|procurement)\s+of)\b"
    # (not arms in general: "…into the International Fund for Ukraine to buy weapons and ammunition")
    r"(?!\s+(?:weapons|arms|military\s+equipment)(?:\s+and\s+(?:ammunition|equipment|munitions))?\s*(?:[.,;]|$))"
    # "$37 million to a NATO trust fund, earmarked for systems that detect drones"
    r"|^\s*,?\s*(?:earmarked|ring-?fenced)\s+for\b",
    re.I,
)
# (and "paying into NATO's Comprehensive Assistance Package", "to PURL": a pool by its name; "to the Czech-led
# ammunition initiative", "to the coalition that is building Ukraine's F-16 capability")
INTO_FUND_RE = re.compile(
    r"\b(?:into|to)\s+(?:a|the)\s+(?:[\w'’-]+\s+){0,4}(?:(?:trust\s+)?fund|initiative|coalition)\b"
    rf"|\b(?:into|to)\s+(?:NATO['’]s\s+)?(?:{NAMED_POOLS}|Comprehensive\s+Assistance\s+Package)",
    re.I,
)
# "Belgium put up €200 million", "Portugal committed €100 million": a sum a donor gives, whatever the sentence names
# ("a seventh tranche worth €500 million": a tranche is money given, whoever adopts it)
GIVES_SUM_BEFORE_RE = re.compile(
    r"\b(?:committed|pledged|contributed|donated|put\s+(?:up|in)|chipped\s+in|earmarked|allocated"
    # ("Sweden announced EUR 20 million to strengthen Ukraine's defence industrial base")
    r"|announced|approved|granted|offered"
    r"|tranche\s+(?:worth|of))\s+"
    r"(?:another\s+|a\s+further\s+|an\s+additional\s+|some\s+|about\s+|roughly\s+|nearly\s+|almost\s+|more\s+than\s+)?$",
    re.I,
)
# (and "€100 million a year to Ukraine's defence": money for its armed forces)
GIVEN_TO_UKRAINE_RE = re.compile(
    r"\b(?:give|gives|gave|giving|provide|provides)\s+(?:Ukraine|Kyiv)\b"
    # "Belgium has promised Ukraine 1 billion euros", "the 1 billion euros it has promised Ukraine for this year"
    r"|\b(?:promise[sd]?|pledge[sd]?|promising|pledging)\s+(?:to\s+)?(?:Ukraine|Kyiv)\b"
    r"|\b(?:to|into)\s+(?:Ukraine|Kyiv)['’]s\s+(?:defen[cs]e|armed\s+forces|army|military|war\s+effort)\b",
    re.I,
)
TOTAL_WORD_RE = re.compile(r"\b(?:total|in\s+all|altogether)\b", re.I)
AID_WORDS_RE = re.compile(
    r"\b(?:military\s+aid|military\s+assistance|security\s+assistance|aid|assistance|support|package|military\s+funding|fund"
    r"|military\s+help"
    # ("further military material from Army stocks worth up to CZK 700 million": a new lot of things, valued; what
    # was sent so far is a running total)
    r"|(?:further|additional|new|more)\s+(?:military|defen[cs]e)\s+(?:material|materiel|supplies)"
    rf"|purchases|donations?|pool|drawdowns?|(?<!\w\s){VALUE_OF_AID})\b",
    re.I,
)
# "Ukraine will also receive ten more tanks": what Ukraine is to receive, the donor of the fact before gives
RECEIVES_RE = re.compile(
    r"\b(?:Ukraine|Kyiv|Kiev)\s+(?:will\s+|is\s+(?:set\s+|due\s+)?to\s+)?(?:also\s+)?(?:receive|get)s?\b"
    r"|\b(?:Ukraine|Kyiv|Kiev)\s+(?:also\s+)?(?:got|obtained)\b"
)
# "500 pistols are being prepared for delivery": a delivery still to come is a pledge's
PLANNED_RE = re.compile(
    r"\b(?:prepar\w+|ready|due|scheduled)\s+for\s+deliver\w*|\b(?:will|to)\s+be\s+(?:delivered|handed\s+over)\b"
    # ("has given the green light for": a decision to give, not a handover)
    r"|\bgreen\s+light\b"
    # ("committed but not yet handed over", "have yet to arrive": promised, still to come)
    r"|\bnot\s+yet\s+(?:been\s+)?(?:handed\s+over|delivered|sent|shipped|transferred|arrived)\b"
    r"|\byet\s+to\s+(?:be\s+)?(?:handed\s+over|delivered|sent|shipped|arrive)\b",
    re.I,
)
# money to buy arms with: "set aside for new purchases", "reserves €2 billion in next year's budget"
FUNDING_WORDS_RE = re.compile(
    r"\b(?:fund\w*|pool|contribut\w*|financ\w*|to\s+buy|to\s+pay\s+for|purchas\w*|procure\w*|reimburs\w*|account|budget\w*|reserv\w*|earmark\w*"
    # "£3 billion a year", "NOK 3 billion in military support in 2022": a year's budget, spent as needs arise
    r"|(?:set|put)\s+aside|(?:a|per|every)\s+year|annual\w*|(?:in|for)\s+20\d\d|(?:this|next)\s+year"
    # "will put 1.5 billion kroner into the package": money paid in
    r"|put(?:s|ting)?\s+[^;]{0,60}?\binto)\b",
    re.I,
)
# "Norway to pay for weapons and spare parts": what money given pays for, its sum untold
PAY_FOR_BEFORE_RE = re.compile(r"\b(?:pay(?:s|ing)?\s+for|financ(?:e|es|ing))\s+(?:the\s+)?$", re.I)
# "agreed to finance the production of long-range weapons in Ukraine": money for arms in general, given as funding
FINANCED_MAKING_RE = re.compile(
    r"\b(?:financ(?:e|es|ed|ing)|fund(?:s|ed|ing)?|pay(?:s|ing)?\s+for)\s+(?:the\s+)?(?:production|manufactur\w+"
    r"|development|making)\s+of\s+(?:[\w-]+\s+){0,3}$",
    re.I,
)
# "…from Ukrainian manufacturers", "contracts with Ukrainian companies", "made by Ukrainian industry": Ukraine's own
# makers paid
UKRAINIAN_MAKERS_RE = re.compile(
    r"\b(?:from|with|by|in)\s+(?:the\s+)?Ukrain(?:ian|e['’]s)\s+(?:defen[cs]e\s+|arms\s+)?(?:manufacturers|companies|producers"
    r"|industry|firms|makers|factories|industries)\b",
    re.I,
)
# "The money will buy roughly 17,000 shells": what a sum just told buys
MONEY_BUYS_RE = re.compile(
    r"^\W*(?:The|That|This)\s+(?:money|funds|funding|sum|amount|contribution|grant)\s+(?:will|would|is\s+to)\s+"
    r"(?:buy|pay\s+for|purchase|fund|finance)\b"
)
# a heading: a short line with no full stop at its end
HEADLINE_RE = re.compile(r"[^.!?]{10,120}")
# a line ending without a sentence's stop: a heading's end
HEADLINE_END_RE = re.compile(r"[\w)]\s*$")
# "Part of that funding will go to uncrewed vessels", "Roughly half goes to air defence.": a share of a sum goes on a
# thing, the sum stays given as such
SHARE_OF_SUM_RE = re.compile(
    r"^\W*(?:part|some|most|much|half|a\s+(?:third|quarter|share|portion))\s+of\s+(?:that|the|this|its)\s+"
    r"(?:funding|money|sum|amount|funds)\b"
    r"|^\W*(?:(?:roughly|about|around|nearly|almost|just\s+(?:over|under)|more\s+than|less\s+than)\s+)?"
    r"(?:half|a\s+third|a\s+quarter|two\s+thirds|three\s+quarters|most|the\s+bulk|the\s+largest\s+share|the\s+rest"
    r"|the\s+remainder)\b(?:\s+of\s+(?:it|that|the\s+[\w-]+))?\s+(?:goes|will\s+go|is\s+(?:for|earmarked\s+for))\b",
    re.I,
)
# "one billion krónur, roughly $8 million,", "SEK 1 billion ($90 million)": the same sum in another currency
CONVERSION_GAP_RE = re.compile(r"\s*[,(]?\s*(?:or\s+)?(?:roughly|about|around|approximately|some|nearly|almost)?\s*")
# "…, and SEK 1 billion to buying equipment through international funds": a sum of its own, paying for aid
SUM_FOR_RE = re.compile(
    r"^\s*(?:will\s+go\s+)?(?:to|for)\s+(?:buying|purchasing|procuring|fund\w*|financ\w*)\b"
    # "a further 10 million euros for joint projects between Latvian and Ukrainian defence firms"
    r"|^\s*for\s+(?:joint\s+)?(?:projects|ventures)\s+(?:between|with)\b"
    # "a C$34.6 million contribution to NATO's assistance fund"
    r"|^\s*(?:contribution|payment|donation)\s+(?:to|into)\s+[^,;]{0,60}?\bfund\b",
    re.I,
)
DESCRIBING_RE = re.compile(r",\s+which\b[^,;]*")
# a clause beside a sentence's fact that qualifies it: a relative clause, or one opened by "though" or "but"
BESIDE_THE_FACT_RE = re.compile(r",\s+(?:which|who|whose|though|although|but)\b[^;]*", re.I)
# the reasons a qualifying clause gives that do not set its sentence's fact aside
QUALIFIED_REASONS = ("speculation", "refusal or no decision", "battlefield or consumption figure")
# "Robot 70", "Combat Boat 90": a number after a name is part of the name, unless the name is whom it goes to
# ("Boat 90", and the Czech "vz. 58" for model 58)
NAME_NUMBER_RE = re.compile(r"\b(?P<name>[A-Z][^\W\d_]+|vz\.)\s(?P<number>\d+)\b")
NOT_NAMES = {
    "About", "Around", "Some", "Nearly", "Almost", "Over", "Another", "Only", "Up", "Roughly", "Approximately",
    "Just", "All", "The", "In", "On", "At", "By", "For", "With", "And", "Of", "To", "Including", "Plus", "Also",
    "Ukraine", "Kyiv", "Kiev", "USD", "EUR", "GBP", "NOK", "DKK", "SEK", "CAD", "AUD",
    *(month.capitalize() for month in text_dates.MONTHS),
    *(word for names in DONOR_NAMES.values() for surface in names for word in surface.split()),
}  # fmt: skip
