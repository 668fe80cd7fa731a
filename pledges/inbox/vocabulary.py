"""The words the extractor looks for: donors as texts name them, categories by their common nouns, and the
record's systems, aliases and meetings (read once per text with `Vocabulary.from_record()`)."""

import re
from dataclasses import dataclass, field

from ..importers.folding import fold

# Names a state or body goes by besides its record name, and the adjective texts use ("German tanks").
# Case matters: "US" is the United States, "us" is not.
DONOR_NAMES = {
    "AL": ["Albania", "Albanian"], "AT": ["Austria", "Austrian", "Austrians", "Bundesheer", "Vienna"],
    "AU": ["Australia", "Australian", "Australians", "Canberra"],
    "BE": ["Belgium", "Belgian", "Belgians"],
    "BG": ["Bulgaria", "Bulgarian", "Bulgarians", "Sofia"],
    "CA": ["Canada", "Canadian", "Canadians", "Ottawa"],
    "CH": ["Switzerland", "Swiss", "Bern"], "CY": ["Cyprus", "Cypriot"],
    "CZ": ["Czech Republic", "Czechia", "Czech", "Czechs", "Prague"],
    "DE": ["Germany", "German", "Germans", "Berlin", "Bundeswehr"], "DK": ["Denmark", "Danish", "Danes", "Copenhagen"],
    "EE": ["Estonia", "Estonian", "Estonians", "Tallinn"], "ES": ["Spain", "Spanish", "Madrid"],
    "FI": ["Finland", "Finnish", "Finns", "Helsinki"],
    "FR": ["France", "French", "Paris", "Élysée", "Elysee"],
    "GB": ["United Kingdom", "Britain", "British", "UK", "U.K.", "London", "Downing Street"],
    "GR": ["Greece", "Greek", "Greeks", "Hellenic", "Athens"], "HR": ["Croatia", "Croatian", "Croatians", "Zagreb"],
    "HU": ["Hungary", "Hungarian"],
    "IE": ["Ireland", "Irish", "Dublin"], "IS": ["Iceland", "Icelandic", "Reykjavik"],
    "IT": ["Italy", "Italian", "Italians", "Rome"],
    "JP": ["Japan", "Japanese", "Tokyo"], "KR": ["South Korea", "South Korean", "Seoul", "Republic of Korea"],
    "LT": ["Lithuania", "Lithuanian", "Lithuanians", "Vilnius"],
    "LU": ["Luxembourg", "Grand Duchy"],
    "LV": ["Latvia", "Latvian", "Latvians", "Riga"],
    "ME": ["Montenegro", "Montenegrin"], "MK": ["North Macedonia", "Macedonian"], "MT": ["Malta", "Maltese"],
    "NL": ["Netherlands", "Dutch", "The Hague", "Holland"], "NO": ["Norway", "Norwegian", "Norwegians", "Oslo"],
    "NZ": ["New Zealand", "Wellington"], "PL": ["Poland", "Polish", "Warsaw"],
    "PT": ["Portugal", "Portuguese", "Lisbon"],
    "RO": ["Romania", "Romanian", "Romanians", "Bucharest"], "SE": ["Sweden", "Swedish", "Swedes", "Stockholm"],
    "SI": ["Slovenia", "Slovenian", "Slovenians", "Ljubljana"],
    "SK": ["Slovakia", "Slovak", "Slovaks", "Slovakian", "Bratislava"],
    "TR": ["Turkey", "Türkiye", "Turkish", "Ankara"],
    "US": ["United States", "U.S.", "US", "USA", "America", "American", "Americans", "Washington", "Pentagon",
           "White House", "Department of Defense", "State Department", "Biden administration"],
    "EU": ["European Union", "EU", "European Commission", "Brussels"], "EPF": ["European Peace Facility"],
    "EIB": ["European Investment Bank"], "NATO": ["NATO", "the alliance", "the Alliance"],
    "UDCG": ["allies", "Allies", "Ukraine's allies", "Ukraine’s allies", "Western allies", "the contact group"],
}  # fmt: skip

# Who speaks for a donor in 2022-2025, as texts name them ("Biden authorised…", "Pistorius announced…"): heads of
# state or government and defence or foreign ministers.
SPEAKERS = {
    "US": ["Biden", "Blinken", "Lloyd Austin", "Austin", "Trump", "Hegseth", "Rubio", "Kirby", "Pat Ryder"],
    "DE": ["Scholz", "Merz", "Pistorius", "Lambrecht", "Baerbock", "Wadephul"],
    "FR": ["Macron", "Lecornu", "Barrot", "Séjourné", "Colonna", "Vautrin", "Bayrou"],
    "GB": ["Sunak", "Johnson", "Wallace", "Shapps", "Cameron", "Starmer", "Healey", "Truss", "Lammy", "Cleverly",
           "Heappey"],
    "CA": ["Trudeau", "Carney", "Anand", "Bill Blair", "McGuinty", "Joly", "Freeland"],
    "AU": ["Albanese", "Marles", "Morrison", "Dutton", "Penny Wong"],
    "NL": ["Ollongren", "Brekelmans", "Schoof"],
    "DK": ["Frederiksen", "Troels Lund Poulsen", "Poulsen", "Bødskov", "Løkke"],
    "NO": ["Støre", "Bjørn Arild Gram", "Gram", "Tore O. Sandvik", "Tore Sandvik", "Barth Eide"],
    "SE": ["Kristersson", "Pål Jonson", "Jonson", "Magdalena Andersson", "Hultqvist", "Billström"],
    "FI": ["Sanna Marin", "Orpo", "Häkkinen", "Stubb", "Niinistö", "Kaikkonen", "Valtonen", "Haavisto"],
    "IT": ["Meloni", "Crosetto", "Draghi", "Guerini", "Tajani"],
    "ES": ["Sánchez", "Margarita Robles", "Robles"], "GR": ["Mitsotakis", "Dendias"],
    "PL": ["Duda", "Morawiecki", "Błaszczak", "Kosiniak-Kamysz", "Tusk", "Sikorski"],
    "CZ": ["Fiala", "Černochová", "Pavel", "Lipavský", "Lipavsky"], "SK": ["Heger", "Naď", "Fico"],
    "JP": ["Kishida", "Kihara", "Ishiba", "Hamada", "Nakatani", "Kamikawa", "Iwaya"], "KR": ["Yoon"],
    "LT": ["Anušauskas", "Anusauskas", "Nausėda", "Šakalienė", "Sakaliene", "Landsbergis", "Kasčiūnas", "Kasciunas"],
    "EE": ["Pevkur", "Kallas", "Michal", "Tsahkna"],
    "LV": ["Pabriks", "Sprūds", "Rinkēvičs", "Rinkevics", "Kariņš", "Karins", "Siliņa", "Silina"],
    "BE": ["De Croo", "Dedonder", "Francken", "De Wever"], "AT": ["Nehammer", "Tanner"],
    "NZ": ["Ardern", "Hipkins", "Luxon", "Henare"], "RO": ["Iohannis", "Tîlvăr", "Tilvar", "Ciolacu"],
    "HR": ["Plenković", "Plenkovic", "Anušić", "Anusic", "Banožić"],
    "PT": ["Cravinho", "Nuno Melo", "Carreiras", "Luís Montenegro", "Luis Montenegro"],
    "LU": ["Bausch", "Backes", "Bettel", "Frieden"], "BG": ["Zapryanov", "Tagarev", "Denkov"],
    "SI": ["Šarec", "Sarec", "Golob"], "IE": ["Coveney", "Varadkar"],
}  # fmt: skip

# A capital city or a body named where something happens is no donor ("a meeting in Brussels"):
# these names count only as the subject of a sentence, never after a preposition.
PLACE_NAMES = {"Berlin", "Ottawa", "Copenhagen", "Madrid", "Helsinki", "Paris", "London", "Rome", "Tokyo", "Seoul",
               "Vilnius", "Riga", "The Hague", "Oslo", "Warsaw", "Bucharest", "Stockholm", "Bratislava", "Washington",
               "Brussels", "Canberra", "Élysée", "Elysee", "Vienna", "Sofia", "Prague", "Tallinn", "Athens", "Zagreb",
               "Dublin", "Reykjavik", "Wellington", "Lisbon", "Ljubljana"}  # fmt: skip

# States other donors also aid, which give Ukraine nothing themselves: money "to Moldova's defence fund" is no aid to
# Ukraine.
OTHER_RECIPIENTS = ["Moldova", "Georgia", "Jordan", "Taiwan", "Israel", "Armenia", "Kosovo", "Bosnia", "Tunisia",
                    "Lebanon"]  # fmt: skip

SIMULATORS = r"(?:flight\s+)?simulators?"  # a system's trainer, no system
# the pools that buy for Ukraine by their names: they buy whatever the money paid in is said to be for
NAMED_POOLS = r"PURL\b|Prioriti[sz]ed\s+Ukraine\s+Requirements\s+List"
# training given, told by what the trainees did ("completed their training", "began a three-week course") or the
# trainers ("have taken part in the training of", "started instructing")
COURSE_TAKEN_WORDS = (
    r"(?:(?:completed|finished|graduated\s+from)\s+(?:their\s+|the\s+|a\s+|an\s+|its\s+)?(?:[\w-]+\s+){0,3}?"
    r"|(?:(?:have|has)\s+(?:already\s+|now\s+)?begun|began|started)\s+(?:their\s+|the\s+)?(?:[\w-]+\s+){0,2}?)"
    r"(?:training|courses?)\b"
)
TRAINING_GIVEN_WORDS = (
    # (and "have also taken part, together with the other Nordic countries, in training Ukrainian demining soldiers")
    r"taken\s+part(?:,\s+[^,.;]{1,80},)?\s+in\s+(?:the\s+)?training\b|(?:begun|began|started)\s+(?:teaching|instructing)\b"
    # "the first rotation of around 200 Ukrainian recruits trained by Australian soldiers has graduated"
    r"|(?<!\bbe\s)(?<!\bbeing\s)\btrained\s+by\s+(?:[\w-]+\s+){0,3}?(?:soldiers|instructors|troops|trainers|personnel"
    r"|forces|crews|specialists)\b"
    # "a team of 30 gunners has finished training Ukrainian artillery personnel", "Canadian instructors have been
    # teaching Ukrainian recruits"
    r"|(?:finished|completed)\s+training\s+(?=Ukrain)|(?:has|have|had)\s+been\s+(?:teaching|instructing)\b"
)

# Weapons donors have given that the record holds no system for, named alone ("ten Fenneks", "two Kub batteries"):
# models from the public registers of what Ukraine received (Oryx's list of donated heavy weapons, SIPRI's arms
# transfers register), each with its category. They are read as names, like a family's ("S-300 missiles" are
# munitions for it), with no system of the record's. Names that are also common words, other makers' products or
# Russian weapons Ukraine faces (Puma, Lynx, Skyranger, Vector, Buk) are left to the nouns beside them.
MODEL_NAMES = [
    ("tanks", r"M-?84(?:A4)?s?|(?:Strv|Stridsvagn)\s?12[12]s?|TR-85s?"),
    ("ifv-apc", r"Fenneks?|Boxers?|Spartans?|Scimitars?|Samaritans?|Saxons?|Saracens?|Kirpis?|MT-LBs?|BRDM-2s?"
     r"|FV\s?43[02]s?|Pinzgauers?|Rosomaks?|Patria\s+(?:AMV|Pasi|XA-\d+)s?|XA-18\ds?|VAMTACs?|Hawkeis?|Foxhounds?"
     r"|Ridgebacks?|Jackals?|AIFVs?|BMR(?:-600)?s?|VCR-?TTs?|Valuks?|KF41s?|VBLs?|Nyalas?|RG-31s?|M577s?"
     r"|Wiesels?|(?:Iveco\s+)?LMVs?|Dzik(?:-2)?s?|TAB-71s?|Lynx(?:es)?(?!\s+(?:helicopters?|Wildcats?))"),
    ("artillery", r"Msta(?:-[BS])?s?|2S19s?|2S3s?|Akatsiyas?|Giatsint(?:-[BS])?s?|2A36s?|2A65s?|D-20s?|M101s?|M114s?"
     r"|M119s?|TRF1s?|RCH[\s-]?155s?"),
    ("rocket-artillery", r"Uragans?|Smerch(?:es)?|BM-27s?|BM-30s?|RAK-12s?|APR-40s?"),
    ("air-defence", r"Osa(?:-AKM)?s?|Kub(?:-M\d)?s?|S-300(?:PMU|PS|PT)?s?|S-125s?"
     r"|Shilkas?|ZSU-23(?:-4)?s?|ZU-23(?:-2)?s?|Spada(?:\s+2000)?s?|Terrahawk(?:\s+Paladin)?s?|I-HAWKs?|FrankenSAMs?"
     r"|Skyrangers?(?:\s+(?:30|35))?(?:\s+(?:guns?|systems?))?"),
    ("helicopters", r"Ka-32s?|UH-60\w*|Black\s+Hawks?"),
    ("fighter-jets", r"L-39s?|F/A-18s?"),
    ("drones", r"Black\s+Hornets?|[RM]Q-\d+\w*s?|FlyEyes?|Warmates?|Altius(?:-\d+)?s?|Jump\s?20s?|V-BATs?|Heidrun"),
    ("ammunition", r"GLSDBs?|GBU-\d+\w*s?|Paveways?|AASM(?:\s+Hammer)?s?|SMART\s?155|Vulcano|MILANs?|Konkurs|Martlets?"
     r"|PAC-[23](?:\s+MSE)?s?|ASRAAMs?|Aster(?:\s?[13]0)?s?|Hydra(?:-70)?s?|CRV-7s?"),
    ("other-equipment", r"(?:AN/)?TPQ-\d+s?|Firefinders?|Giraffe(?:\s+AMB)?s?|Ground\s+Master(?:[\s-]?\d+)?s?"
     r"|GM[24]00s?|TRML-4Ds?|Bibers?|Dachs|Kodiaks?|Wisent(?:\s+1)?s?|Bergepanzer(?:\s+\d)?s?|B[üu]ffels?|M88(?:A\d)?s?"
     r"|Bozena(?:\s+\d)?s?|MV-4s?|HEMTTs?|CB90s?|Bv\s?206s?"),
]  # fmt: skip

# Category by the nouns texts use for it, most specific first. Systems the record does not hold fall back here.
CATEGORY_WORDS = [
    # "a further Danish contribution to the International Fund for Ukraine", "will contribute to PURL": money paid
    # into a pool that buys for Ukraine, whether or not its sum is told
    # (and "money for NATO's trust fund", "will contribute to NATO's fund"; not "contribute to it through a fund", nor
    # money for the civilian Energy Support Fund)
    ("funding", r"(?:(?:contributions?|money)\s+(?:(?:in)?to|for)"
     r"|contribut(?:e|es|ing)\s+(?:again\s+|more\s+)?(?:in)?to)\s+(?:the\s+|NATO['’]s\s+)?(?:(?!it\b|them\b|through\b)[\w'’-]+\s+){0,4}?"
     r"(?<![Ee]nergy\sSupport\s)(?:Fund|fund|PURL)\b"
     # "Slovenia is joining PURL": a member of the scheme pays into it, whether or not its sum is told yet
     rf"|\bjoin(?:s|ed|ing)?\s+(?:the\s+|NATO['’]s\s+)?(?:{NAMED_POOLS})"),
    # engineering vehicles on a tank's hull are no tanks
    ("other-equipment", r"(?:armou?red\s+)?bridge[\s-]?lay(?:ing\s+(?:tanks|vehicles)|ers?)|landing\s+craft"
     r"|mine[\s-]clearing\s+tanks|(?:armou?red\s+)?engineer(?:ing)?\s+vehicles?"),
    ("ammunition", r"(?:artillery|tank|mortar|howitzer|small[\s-]arms)\s+"
     r"(?:shells|rounds|ammunition|munitions|bombs|projectiles)"),
    ("ammunition", r"\d+\s?mm\s+(?:artillery\s+)?(?:shells|rounds|ammunition|munitions)"),
    # (not "air defence munitions": munitions for it)
    ("air-defence", r"air[\s-]defen[cs]e(?:\s+(?:systems?|missiles|interceptors|batter(?:y|ies)|launchers))?"
     r"(?!\s+(?:munitions|ammunition))"),
    ("air-defence", r"anti[\s-]aircraft(?:\s+(?:guns?|systems?|missiles))?|surface[\s-]to[\s-]air\s+missiles"
     # (shoulder-fired missiles are the weapon itself, not munitions for one: "Strela missiles" are air defence)
     r"|Stingers?|Strela(?:-\d+\w*)?s?|Igla(?:-S)?s?"
     r"|Hawk\s+(?:launchers|missiles|systems?)|SAMP/T|Skynex|Crotale|Avenger\s+air|MANPADS|Mistral|Piorun"
     r"|Starstreak|Stormer|Aspide|Skyguard|RBS\s?70s?|Tridon(?:\s+Mk\s?2)?s?|interceptors|(?:anti|counter)[\s-](?:drone|UAV)\s+(?:systems?|guns|equipment)"
     r"|(?:anti|counter)[\s-](?:drone|UAV)\s+capabilit(?:y|ies)|counter[\s-](?:unmanned\s+aerial|unmanned\s+aircraft|UAS|UAV)\s+systems?|C-UAS"
     # "drone, counter-drone and electronic warfare capabilities": a modifier sharing the noun after the list
     r"|(?:anti|counter)[\s-](?:drone|UAV)(?=(?:\s*,|\s+and|\s+or)\s+[^.;]{0,60}?\b(?:capabilit(?:y|ies)|systems|equipment)\b)"
     r"|Hawks?|systems\s+(?:to|that)\s+(?:counter|detect|defeat)\s+(?:[\w-]+\s+)?(?:drones|UAVs)"
     r"|(?:drone|UAV)\s+detection\s+systems?"),
    # (a launcher a soldier carries is small arms: "portable rocket launchers", "anti-tank rocket launchers")
    ("rocket-artillery", r"multiple[\s-]launch\s+rocket\s+systems?|MLRS"
     r"|(?<!M72\s)(?<!portable\s)(?<!fired\s)(?<!launched\s)(?<!held\s)(?<!tank\s)(?<!armour\s)(?<!armor\s)"
     r"(?:multiple\s+)?rocket\s+launchers?"
     r"|RM-70s?|BM-21s?|Grads?"),
    ("artillery", r"(?:self[\s-]propelled\s+)?howitzers?|artillery\s+(?:pieces|systems|guns)|field\s+guns"
     # ("Ukrainian artillery personnel": who serves the guns, no gun)
     r"|(?:heavy\s+|field\s+)?artillery(?!\s+(?:personnel|crews?|officers|soldiers|troops|specialists|men)\b)|mortars|mortar\s+(?:systems?|carriers?)|(?:self[\s-]propelled|towed|light)\s+guns|cannons|M109s?(?:A\w+)?"
     r"|FH[\s-]?70s?|D-30s?|L119s?|Zuzanas?(?:\s+2)?|Bohdanas?|2S1s?|Gvozdikas?|Dana\s+howitzers?"),
    ("tanks", r"(?:main\s+)?battle\s+tanks|(?:heavy\s+)?tanks|Challenger|T-72s?|PT-91s?|T-55s?|M-55S"),
    ("ifv-apc", r"infantry\s+fighting\s+vehicles?|armou?red\s+personnel\s+carriers?|APCs|IFVs|armou?red\s+vehicles"
     r"|armou?red\s+combat\s+(?:support\s+)?vehicles|ACSVs?|(?:infantry\s+)?fighting\s+vehicles|protected\s+(?:mobility\s+|patrol\s+|wheeled\s+)?vehicles|Bushmasters?|Strykers?|CV90s?|Marders?|Bradleys?|M113s?|Mastiffs?|MRAPs?"
     r"|BMP-\d\w*|BVP-\d\w*|BTR-\d+\w*|Pbv\s?302s?|YPR(?:-765)?s?|M1117s?|Kozaks?|VABs?|Pandurs?|Piranhas?|Wolfhounds?"
     r"|Husk(?:y|ies)|MaxxPros?|M-ATVs?|Cougars?|armou?red\s+(?:cars?|jeeps)|AMX-10\s?RCs?|(?:armou?red\s+)?reconnaissance\s+vehicles"
     r"|LAVs?(?:\s+(?:III|II|6|VI)\b)?|(?:Roshel\s+)?Senators?(?=\s+(?:armou?red\s+)?(?:vehicles|APCs|personnel))|Roshel\s+Senators?"
     r"|Dingos?|BvS\s?10s?|Vikings?(?=\s+(?:armou?red\s+)?(?:all-terrain\s+)?vehicles)"),
    ("fighter-jets", r"fighter\s+jets?|fighter\s+aircraft|warplanes|combat\s+aircraft|fighters(?!\s+(?:of|from)\b)"
     r"|jets|Gripens?|Mirages?"
     r"|Su-2[457]s?|attack\s+aircraft"),
    # ("the Mi-24V gunships": a model's letters after its number)
    ("helicopters", r"helicopters?|gunships|Mi-\d+(?:[A-Z]{1,3}(?:-\d)?)?s?|Sea\s+Kings?"),
    ("drones", r"drones?|UAVs?|loitering\s+munitions|tele-?operated\s+munitions"
     r"|(?:unmanned|uncrewed)\s+(?:aerial\s+)?(?:reconnaissance\s+|surveillance\s+)?(?:aerial\s+)?(?:vehicles|systems?|aircraft)"
     r"|Switchblades?|Phoenix\s+Ghost|Bayraktars?|TB2s?|ScanEagles?|quadcopters?"
     r"|(?:unmanned|uncrewed)\s+(?:surface\s+|ground\s+|underwater\s+|maritime\s+)?(?:vessels|vehicles)|USVs|UGVs|UUVs"
     r"|(?:ground|combat|logistics|demining)\s+robots"),
    ("ammunition", r"anti[\s-]tank\s+(?:guided\s+)?missiles|TOW\s+missiles"),
    # launchers a soldier carries count as small arms; the missiles they fire are ammunition
    ("small-arms", r"anti[\s-](?:tank|armou?r)\s+"
     r"(?:weapons?\s+systems|weapons|(?:missile\s+)?systems|(?:grenade\s+|rocket\s+)?launchers)"
     r"|Javelins?|NLAWs?|AT-?4s?"
     r"|recoilless\s+(?:anti[\s-]tank\s+)?(?:guns|rifles)|sniper\s+(?:equipment|kits|gear)"
     r"|M72s?(?:\s+(?:LAWs?|rocket\s+launchers?))?|(?:portable|shoulder[\s-](?:fired|launched)|hand[\s-]held)\s+rocket\s+launchers?"
     r"|rifles|(?:sub)?machine\s+guns|small\s+arms|light\s+weapons|grenade\s+launchers|pistols|carbines|Carl\s+Gustafs?"
     r"|shotguns|firearms"
     r"|Panzerfausts?"
     r"|RPGs?"),
    # (HARM, the missile, only in capitals: "disclosure could harm…" names nothing)
    ("ammunition", r"ammunition|munitions|shells|rounds|missiles|rockets|ATACMS|Storm\s+Shadows?|SCALP"
     r"|GMLRS|(?-i:HARMs?)|mines|torpedoes|(?:hand\s+)?grenades|Excalibur|JDAMs?|(?:glide\s+|guided\s+|aerial\s+)?bombs"
     r"|Hellfires?|AIM-\d+\w*|AMRAAMs?|Sidewinders?|Sea\s+Sparrows?|Harpoons?|Brimstones?|APKWS|cartridges|bullets"
     r"|projectiles|rocket\s+motors|warheads|propellant\s+charges|anti[\s-]ship\s+missile\s+systems?|coastal\s+defen[cs]e\s+systems?"),
    # "pilot and maintenance instructors" train people: no maintenance
    ("training", r"(?:(?:pilot|maintenance|military)\s+(?:and\s+\w+\s+)?)?(?:instructors|trainers)"),
    # "train 26 Ukrainian technicians in the maintenance of the F-16": what they learn is no upkeep given (read
    # before the upkeep it names)
    ("training", r"train(?:ing|ed)?\s+(?:[\w,-]+\s+){0,5}(?:technicians|mechanics)"
     r"(?:\s+in\s+(?:the\s+)?(?:maintenance|repair|upkeep))?"
     # "train Ukrainian soldiers in the operation and maintenance of the Hawk system": what they learn
     r"|(?<=\bin\sthe\s)(?:operation|use|handling)\s+and\s+maintenance"),
    ("maintenance", r"(?:mobile\s+|repair\s+|field\s+)workshops|repair\s+(?:cent(?:er|re)|hub|facility|shop)"
     r"|(?:spare|replacement)\s+(?:[\w-]+\s+)?parts|spares\b"
     r"|(?:new\s+|replacement\s+|spare\s+)?barrels"
     r"|maintenance(?:\s+and\s+repairs?)?|repairs?(?:\s+and\s+maintenance)?(?=\s+of\b)"
     # "£60 million to repair and maintain damaged equipment": the mending is what is given (not "to repair a grid":
     # civilian works)
     # (and "£160 million for repairing and maintaining vehicles")
     r"|(?:(?<=\bto\s)(?:repair|maintain)(?:\s+and\s+(?:repair|maintain))?"
     r"|(?<=\bfor\s)(?:repairing|maintaining)(?:\s+and\s+(?:repairing|maintaining))?)\b"
     r"(?!(?:\s+and\s+\w+)?\s+(?:the\s+|a\s+|its\s+)?(?:damage|grid|power|energy|infrastructure)\b)"),
    ("training", r"training\s+(?:for|of)\s+\w+"
     # "provided Ukraine with ammunition and training": training as one of the things given (and "three demining
     # machines, together with local training and support")
     r"|(?:(?<=\band\s)(?<!ing\sand\s)|(?<=\bwith\s))(?:(?:local|on-site|initial|related|further|additional)\s+)?"
     r"training\b(?!\s+(?:exercises?|areas?|grounds?|cent(?:re|er)s?|camps?|ranges?|sites?|facilit\w+))"
     r"|train(?:ing|ed|s)?\s+(?:[\w,-]+\s+){0,5}(?:soldiers|troops|pilots|crews|recruits|Ukrainians|personnel|marines"
     r"|battalions|brigades|specialists|sappers|deminers|service\s*members|servicemen)"
     r"|(?:basic|combat|military|pilot|flight|specialised|specialized|advanced|familiari[sz]ation)\s+"
     r"(?:combat\s+|military\s+)?training"
     r"|training\s+(?:mission|programme|program|course|effort|team)s?"
     # "have completed their training on the Leopard", "started their courses this month", "have taken part in the
     # training of Ukrainian pilots", "have begun teaching basic soldiering": training given
     rf"|{COURSE_TAKEN_WORDS}|{TRAINING_GIVEN_WORDS}"
     r"|taught\s+(?:[\w,-]+\s+){0,8}?(?:Ukrainians|soldiers|troops|pilots|crews|recruits|mechanics|technicians|personnel)\b"
     r"|(?:soldiers|troops|service\s*(?:members|men|women)|personnel|recruits|pilots|crews)\s+(?:would|will)\s+"
     r"(?:begin|start|receive|undergo)\s+training"
     # "Fifty-five Ukrainian soldiers are already being trained in Spain"
     r"|(?:soldiers|troops|pilots|crews|recruits|personnel|marines)\s+(?:(?:are|is)\s+(?:already\s+|now\s+|currently\s+)?"
     r"being|were|was|will\s+(?:also\s+)?be)\s+trained"
     # "Ukrainian soldiers have been training on the Marder here", "crews also began training on the Leopard 2A6"
     r"|(?:soldiers|troops|pilots|crews|recruits|personnel|marines|gunners)\s+(?:(?:are|is|have\s+been|has\s+been)\s+"
     r"(?:already\s+|now\s+|currently\s+|also\s+)?|(?:also\s+)?(?:began|started)\s+(?:their\s+)?)training"
     r"|(?:leadership|officer|medical|specialist)\s+courses?"
     # "completed a four-week demining course for Ukrainian personnel"
     r"|courses?\s+for\s+(?:\d+\s+)?Ukrainian"
     # "medical mentoring of Ukrainian clinicians"
     r"|(?:medical\s+|military\s+)?mentoring"),
    ("other-equipment", r"weapons?\s+systems|weapons|military\s+equipment"
     r"|equipment(?=\s+to\s+(?:support|sustain|maintain|clear)\b)"
     r"|(?:military\s+|defen[cs]e\s+)?materiel"
     r"|(?:armou?red\s+)?recovery\s+vehicles?|vehicles|trucks|Humvees"
     r"|HMMWVs|pick-?ups|cameras|explosives|generators|(?:tracked\s+)?cargo\s+carriers|mine[\s-]clearing\s+equipment|decontamination\s+(?:systems|equipment|stations)"
     r"|(?:armou?red\s+)?bridge[\s-]?layers"
     r"|night[\s-]vision\s+(?:devices|equipment|sights|systems)|non-lethal\s+(?:gear|equipment|supplies)|body\s+armou?r|helmets|radars?|demining\s+equipment|medical\s+supplies|ambulances|boats|satellite\s+terminals"
     r"|(?:anti[\s-]?)?jamm(?:ers?|ing)\s+(?:kits|systems|devices)|jammers|electronic\s+warfare\s+(?:systems|equipment|capabilit(?:y|ies))|thermal\s+(?:imag\w+|sights|cameras)|binoculars"
     r"|(?:winter\s+)?uniforms|winter\s+(?:clothing|gear|equipment)|(?:bulletproof|ballistic|protective|camouflage)\s+vests"
     r"|(?:first[\s-]aid|medical|individual\s+first[\s-]aid)\s+kits|field\s+hospitals?|tents|sleeping\s+bags"
     r"|radios|radio\s+(?:equipment|sets|stations)|communications?\s+equipment|(?:patrol\s+)?vessels|minehunters?|excavators|engineering\s+(?:vehicles|equipment)"
     r"|pontoon\s+bridges|bridging\s+(?:equipment|systems?|vehicles)|(?:tank\s+|heavy\s+equipment\s+)?transporters"
     r"|(?:vehicle\s+|truck\s+)?(?:engines|tyres|tires)|(?:jamming|heating|cyber(?:\s+defen[cs]e)?)\s+equipment"
     r"|transport\s+aircraft|(?:airborne\s+)?(?:early[\s-]warning|surveillance)(?:\s+and\s+control)?\s+aircraft"
     r"|Starlink(?:\s+terminals)?"
     # an IT coalition's kit: "3,288 wireless access points", "500 routers", "872 mobile phones"
     r"|routers|(?:wireless\s+)?access\s+points|(?:mobile|satellite|field)\s+phones|smartphones|laptops|(?:tablet\s+)?computers"
     r"|(?:solar\s+)?charging\s+stations|power\s+banks|servers|(?:wheel\s+|front\s+|skid[\s-]steer\s+)?loaders|forklifts|bulldozers"
     r"|fuel|diesel|petrol|gasoline|kerosene|(?:field\s+)?dressings|tourniquets|first[\s-]aid\s+(?:packs|supplies)|(?:field\s+|food\s+|dry\s+)?rations|(?:combat\s+)?ration\s+(?:packs|packages|kits)"
     r"|(?:ready[\s-]to[\s-]eat\s+)?meals|MREs|optics|jeeps|four-by-fours|4x4s|truck|trailer|(?:fragmentation|flak)\s+vests|lorries|night[\s-]vision\s+goggles|protective\s+equipment|(?:semi-)?trailers|tractor\s+(?:trucks|units)|(?:hook-?lift\s+)?swap-body\s+(?:systems|trucks)|field\s+equipment|(?:folding\s+|field\s+)?beds"
     r"|(?:mine\s+)?detectors|(?:demining|mine[\s-]clearing)\s+(?:systems?|vehicles?|machines?)|medical\s+equipment|(?:protective|bomb|demining)\s+suits|demolition\s+(?:equipment|munitions|charges)|(?:cold[\s-]weather|winter|protective|warm)\s+(?:gear|clothing)"
     r"|diving\s+(?:equipment|gear)|watercraft|clothing|" + SIMULATORS + r"|(?:port\s+)?security\s+equipment"
     r"|(?:portable\s+)?x-ray\s+(?:machines|systems|scanners)|(?:metal\s+)?3D\s+printers?"
     # kit named by what it serves: "infantry equipment", "logistics support equipment", "hygiene supplies"
     r"|(?:infantry|logistics(?:\s+support)?|mine\s+clearance|de-?mining|engineering|communications?|navigation"
     r"|explosive\s+ordnance\s+disposal|(?:counter-)?electronic\s+warfare|medical(?:\s+and\s+(?:hygiene|sanitary))?|hygiene"
     r"|personal)\s+(?:equipment|supplies|products|kits|gear|material)"
     r"|gas\s+masks|(?:gas\s+mask\s+|water\s+|NBC\s+)?filters|optical\s+sights|bulldozers|(?:weapon\s+)?cleaning\s+kits|vehicle[\s-]launched\s+bridges"
     r"|(?:tactical\s+)?(?:air\s+navigation|(?:secure\s+)?communications)\s+systems|Combat\s+Boats?(?:\s+90)?"
     r"|(?:commercial\s+)?satellite\s+(?:imagery|images|services|access|communications?|internet|connectivity|phones)"
     # robots that clear bombs and mines, and what soldiers wear
     r"|(?:bomb[\s-]disposal|demining|mine[\s-]clearing|EOD)\s+robots|robots\s+for\s+(?:bomb[\s-]disposal|demining"
     r"|mine[\s-]clearing)|rain\s+gear|(?:knitted\s+|winter\s+)?caps"
     r"|(?:winter\s+)?(?:jackets|boots|gloves)"
     r"|optronic\s+surveillance(?:\s+and\s+tracking)?\s+systems|(?:remotely\s+operated\s+)?weapon\s+turrets"
     r"|remote\s+weapon\s+stations"
     # what keeps soldiers moving, housed, warm, fed, connected and treated
     r"|(?:load|cargo)\s+carriers|motorcycles|quad\s+bikes|snowmobiles|tractors|buses|SUVs|fuel\s+tankers|tanker\s+trucks|fire\s+(?:engines|trucks)"
     r"|(?:field|mobile)\s+(?:kitchens|bakeries|showers|laundries)|mobile\s+hospitals|heaters|stoves|blankets"
     r"|(?:sleeping|foam|roll)\s+mats|mattresses|backpacks|rucksacks|balaclavas|socks|(?:ballistic|protective)\s+(?:goggles|glasses)"
     r"|hearing\s+protection|laptops|computers|tablets|power\s+banks|solar\s+panels|(?:IT|computer)\s+equipment"
     r"|(?:chemical|CBRN|NBC|anti-chemical)\s+(?:protection|protective|defen[cs]e)\s+(?:equipment|kits?|suits|gear)"
     r"|encryption\s+devices|camouflage\s+(?:nets|netting|suits)|sandbags|barbed\s+wire|stretchers|defibrillators"
     r"|medicines|medications|bandages|minesweepers|minehunting\s+vessels|tugboats|(?:laser\s+)?rangefinders"
     r"|periscopes|water\s+purification\s+(?:systems|units|stations)"),
    # guns no noun above names more closely ("machine guns", "anti-aircraft guns") are the artillery's; a battery
    # alone is named again ("the battery became operational")
    ("artillery", r"guns"),
    ("air-defence", r"battery"),
]  # fmt: skip


def name_parts(name):
    """A system name's runs of letters and of digits, folded: "Leopard-2A6" → leopard, 2, a, 6."""
    return re.findall(r"[a-z]+|\d+", fold(name))


def name_pattern(name):
    """A regex for a system's name however it is spaced or hyphenated: "Leopard-2A6", "leopard 2 A6"."""
    return r"(?<![\w-])" + r"[\s-]?".join(re.escape(part) for part in name_parts(name)) + r"s?(?![\w-])"


def family(name):
    """The family a variant belongs to: "Leopard 2A6" → "Leopard 2"; None when the name is no variant."""
    match = re.fullmatch(r"(.*?\d+)\s?[A-Za-z]+\d+", name)
    return match.group(1) if match else None


def _short_names(name):
    """What texts shorten a name to: "Marder 1A3" → "Marder", "M2 Bradley" → "Bradley", "IRIS-T SLM" → "IRIS-T",
    "M270 MLRS" → "M270" (a designation of letters and two or more digits; "M1" alone names too much)."""
    words = name.split()
    short = [
        word for word in (words[0], words[-1]) if len(words) > 1 and re.fullmatch(r"[A-Za-z]{4,}(?:-[A-Z])?", word)
    ]
    if len(words) > 1 and re.fullmatch(r"[A-Z]{1,3}-?\d{2,4}", words[0]):
        short.append(words[0])
    return short


# long names texts spell out for systems the record holds under a short one, and variants they name alone
LONG_NAMES = [
    ("High Mobility Artillery Rocket System", "M142 HIMARS"),
    ("M777A2", "M777"),
    ("CV9040", "CV90"),
    ("M1A1", "M1 Abrams"),
    ("M1A2", "M1 Abrams"),
    ("M2A2", "M2 Bradley"),
    ("Multiple Launch Rocket System", "M270 MLRS"),
    ("Panzerhaubitze 2000", "PzH 2000"),
    # "Ottawa promised four 2A4s": a Leopard's version named alone, once the story is about Leopards
    ("2A4", "Leopard 2A4"),
    ("2A6", "Leopard 2A6"),
    ("1A5", "Leopard 1A5"),
    # the Leopard 2 that clears mines, however texts describe it
    ("Leopard 2 mine-clearing tank", "Leopard 2R"),
    ("Leopard 2 mine-clearing vehicle", "Leopard 2R"),
    ("Leopard 2 armoured mine-clearing vehicle", "Leopard 2R"),
]


@dataclass
class SystemName:
    pattern: re.Pattern
    system: str | None  # the record's system name; None when the name fits several
    category: str
    clue: str = ""  # letters every match holds, in `clue_form` (see `Vocabulary.systems_in`); "" for a list of names


# a case-blind regex reads "ı" as i and "ſ" as s, and "İ" as i where str.lower() writes two characters
CASE_BLIND_LETTERS = str.maketrans({"ı": "i", "ſ": "s", "İ": "i"})


def clue_form(text):
    """The text lowercased as a case-blind regex reads it, to look for a name's clue in."""
    return text.translate(CASE_BLIND_LETTERS).lower()


# a donor's name that is also a speaker's surname, and the words that make it the speaker ("Prime Minister Luís
# Montenegro" is Portugal's, not Montenegro)
SURNAME_BEFORE = {"Montenegro": ["Luís", "Luis", "Prime Minister", "Premier", "PM"]}
# where a donor's name ends: not inside a word ("Austria" in "Australia"), nor a maker's "German-made", but a
# giver's "U.S.-supplied"
NAME_ENDS = r"(?![\w]|-(?!(?:supplied|donated|provided|funded|financed|given|sent|delivered|pledged)\b))"


@dataclass
class Vocabulary:
    donor_patterns: list = field(default_factory=list)  # (compiled, code, surface)
    speaker_patterns: list = field(default_factory=list)  # the same, of SPEAKERS
    systems: list = field(default_factory=list)  # SystemName, longest names first
    meetings: list = field(default_factory=list)  # dicts: slug, kind, number, starts_on, ends_on, place
    clues: dict = field(default_factory=dict)  # a donor's or speaker's surface → its `clue_form`

    # Each of hundreds of names is a regex of its own, and running them all over every clause was most of the time an
    # article took to read. A regex can only match where its name's letters are, so these skip the names whose letters
    # the text lacks: the same matches, in the same order, several times sooner.
    def donors_in(self, text):
        """The donor patterns that can match in the text: (compiled, code, surface)."""
        return self._surfaces_in(self.donor_patterns, text)

    def speakers_in(self, text):
        return self._surfaces_in(self.speaker_patterns, text)

    def _surfaces_in(self, entries, text):
        folded = clue_form(text)
        return [entry for entry in entries if self.clues[entry[2]] in folded]

    def systems_in(self, text):
        folded = clue_form(text)
        return [name for name in self.systems if name.clue in folded]

    @classmethod
    def build(cls, donors, systems, aliases, meetings):
        """donors: (code, name); systems: (name, category slug); aliases: (alias, system name); meetings: dicts."""
        vocabulary = cls(meetings=list(meetings))
        for code, name in donors:
            # longest first, so that "South Korean" is read before "South Korea" (and the same every run)
            for surface in sorted({name, *DONOR_NAMES.get(code, [])}, key=lambda surface: (-len(surface), surface)):
                # "US" is no "us", and "BRUSSELS -" opening a story is where it was written, not a donor
                flags = 0 if len(surface) <= 4 or surface in PLACE_NAMES else re.IGNORECASE
                person = "".join(rf"(?<!{re.escape(words)}\s)" for words in SURNAME_BEFORE.get(surface, []))
                pattern = re.compile(person + r"(?<![\w-])" + re.escape(surface) + r"(?:'s|’s)?" + NAME_ENDS, flags)
                vocabulary.donor_patterns.append((pattern, code, surface))
                vocabulary.clues[surface] = clue_form(surface)
            for surface in SPEAKERS.get(code, []):
                pattern = re.compile(r"(?<![\w-])" + re.escape(surface) + r"(?:'s|’s)?(?![\w-])")
                vocabulary.speaker_patterns.append((pattern, code, surface))
                vocabulary.clues[surface] = clue_form(surface)
        category_of = dict(systems)
        # (an alias that opens with another system's own name, "Iris-T SLM air defence system" for IRIS-T SLM/SLS,
        # names that other system: read as this one's, it would take the other's name from every text)
        names = [(name, name) for name, _ in systems] + [
            (alias, system)
            for alias, system in aliases
            if not any(fold(alias).startswith(fold(other) + " ") for other in category_of if other != system)
        ]
        names += [(long, system) for long, system in LONG_NAMES if system in category_of]
        families = {}
        for name, _ in systems:
            if family(name):
                families.setdefault(family(name), set()).add(name)
        for name, _ in systems:
            for short in _short_names(name):
                families.setdefault(short, set()).add(name)
        for family_name, members in families.items():
            # "Leopard 2" alone fits 2A4 and 2A6 alike: the editor chooses, the category is still known
            only = next(iter(members)) if len(members) == 1 else None
            names.append((family_name, only or f"?{family_name}"))
            # the category most of the family is in ("Leopard": tanks, though the Leopard 2R clears mines)
            categories = sorted(category_of[member] for member in members)
            category_of.setdefault(f"?{family_name}", max(categories, key=categories.count))
        for surface, system in sorted(names, key=lambda pair: -len(fold(pair[0]))):
            category = category_of[system]
            pattern = re.compile(name_pattern(surface), re.IGNORECASE)
            clue = max(name_parts(surface), key=len)  # the longest part: the fewest texts hold it
            vocabulary.systems.append(SystemName(pattern, None if system.startswith("?") else system, category, clue))
        vocabulary.systems += [SystemName(pattern, None, category) for category, pattern in MODEL_PATTERNS]
        return vocabulary

    @classmethod
    def from_record(cls):
        """Costs four queries: donors, systems, aliases, meetings."""
        from ..models import Donor, Meeting, System, SystemAlias

        return cls.build(
            donors=list(Donor.objects.values_list("code", "name")),
            systems=list(System.objects.values_list("name", "category__slug")),
            aliases=list(SystemAlias.objects.values_list("name", "system__name")),
            meetings=list(Meeting.objects.values("slug", "kind", "number", "starts_on", "ends_on", "place", "name")),
        )


MODEL_PATTERNS = [
    (category, re.compile(r"(?<![\w-])(?:" + models + r")(?![\w-])", re.IGNORECASE)) for category, models in MODEL_NAMES
]
CATEGORY_PATTERNS = [
    (slug, re.compile(r"(?<![\w-])(?:" + words + r")(?![\w-])", re.IGNORECASE)) for slug, words in CATEGORY_WORDS
]
