"""Probe sentences (our own writing) of how English wire and NGO reports state several
detainees and their terms, and who is not a detainee. Each case: text and the detainees
a careful monitor would list, with their terms (None: no term stated)."""

from __future__ import annotations

PROBES: list[tuple[str, dict[str, str | None]]] = [
    (
        "Activists Daulet Sarsenov, Aigerim Tulegenova and Yerlan Baimukhanov were each sentenced to 15 days "
        "in jail for taking part in an unsanctioned rally in Almaty.",
        {"Daulet Sarsenov": "15 days", "Aigerim Tulegenova": "15 days", "Yerlan Baimukhanov": "15 days"},
    ),
    (
        "A court in Astana jailed two opposition activists on Monday: Marat Zhunusov got 10 days and Saule Ibraeva 15.",
        {"Marat Zhunusov": "10 days", "Saule Ibraeva": "15 days"},
    ),
    (
        "Police detained protesters at the rally. Those jailed were Nurlan Abenov (15 days), "
        "Gulnara Seitova (10 days) and Asylbek Kurmanov (5 days).",
        {"Nurlan Abenov": "15 days", "Gulnara Seitova": "10 days", "Asylbek Kurmanov": "5 days"},
    ),
    (
        "The Dushanbe city court sentenced journalist Rustam Nazirov to seven years and blogger "
        "Farida Olimova to five on charges of extremism.",
        {"Rustam Nazirov": "7 years", "Farida Olimova": "5 years"},
    ),
    (
        "Bekzat Omarov, 34, an activist of the unregistered Democratic Choice party, was jailed for 20 days "
        "on Tuesday for posting a call to protest.",
        {"Bekzat Omarov": "20 days"},
    ),
    (
        "Police in Bishkek detained several members of the opposition movement, including Almaz Turdaliev "
        "and Cholpon Asanova, as they gathered outside parliament.",
        {"Almaz Turdaliev": None, "Cholpon Asanova": None},
    ),
    (
        "Kazakh court jails activist for 15 days\n"
        "A court in Shymkent on Wednesday sentenced civil activist Serik Tokhtarov to 15 days of "
        "administrative arrest for an unauthorised picket.",
        {"Serik Tokhtarov": "15 days"},
    ),
    (
        "Police detained opposition blogger Arman Seitzhanov outside his home in Aktobe on Friday. "
        "He was given 10 days by a district court the next morning for calling people to a rally.",
        {"Arman Seitzhanov": "10 days"},
    ),
    (
        "A court in Bishkek extended the pre-trial custody of journalist Kanat Aitbaev by two months, "
        "his lawyer Meerim Osmonova said.",
        {"Kanat Aitbaev": "2 months"},
    ),
    (
        "Investigative reporter Dilnoza Rakhimova was placed in pretrial detention for two months on "
        "charges of spreading false information, the Committee to Protect Journalists said.",
        {"Dilnoza Rakhimova": "2 months"},
    ),
    (
        "Police detained activist Timur Nazarov at the rally, rights defender Zhanna Bekova told reporters.",
        {"Timur Nazarov": None},
    ),
    (
        "Opposition politician Askar Duisenov and his deputy Bolat Kenzhebaev were arrested on Thursday "
        "and sentenced to 10 and 15 days respectively.",
        {"Askar Duisenov": "10 days", "Bolat Kenzhebaev": "15 days"},
    ),
    (
        "The court jailed activists Ruslan Ermekov and Asel Kairatova for 15 days each for an unsanctioned march.",
        {"Ruslan Ermekov": "15 days", "Asel Kairatova": "15 days"},
    ),
    (
        "Journalist Nargiza Yusupova was sentenced to six years in prison on Monday, while her colleague "
        "Shukhrat Alimov received a suspended sentence.",
        {"Nargiza Yusupova": "6 years"},
    ),
    (
        "Protesters Erlan Dzhumabaev and Ainura Kasymova were detained in the capital; Dzhumabaev was later "
        "sentenced to 10 days and Kasymova was fined.",
        {"Erlan Dzhumabaev": "10 days", "Ainura Kasymova": None},
    ),
    (
        "Rights activist Zhaslan Nurkenov was detained on Saturday. Human Rights Watch researcher "
        "Mihra Rittmann called the arrest an attempt to silence critics.",
        {"Zhaslan Nurkenov": None},
    ),
    (
        "Among those detained at the rally were the opposition activists Aidos Sadykov, Bakhyt Iskakov and "
        "Dina Tulepova, the rights group Erkindik Qanaty said.",
        {"Aidos Sadykov": None, "Bakhyt Iskakov": None, "Dina Tulepova": None},
    ),
    (
        "Former Supreme Court judge Kadyr Myrzakhmetov and opposition activist Zhenis Abilov were placed "
        "under house arrest for two months on charges of organising mass unrest.",
        {"Kadyr Myrzakhmetov": "2 months", "Zhenis Abilov": "2 months"},
    ),
    (
        "A court in Baku sentenced Abzas Media director Ulvi Hasanli to nine years in prison. His "
        "colleagues Sevinj Vagifgizi and Hafiz Babali received eight years each.",
        {"Ulvi Hasanli": "9 years", "Sevinj Vagifgizi": "8 years", "Hafiz Babali": "8 years"},
    ),
    (
        "Police in Khujand detained three relatives of the exiled opposition leader Muhiddin Kabiri: "
        "Rahmatullo Kabiri, Saidullo Kabiri and Nozim Kabiri.",
        {"Rahmatullo Kabiri": None, "Saidullo Kabiri": None, "Nozim Kabiri": None},
    ),
    (
        "Activist Marlen Kudaibergenov was detained on Monday. His lawyer, Gulzhan Seitkali, said she had "
        "not been allowed to see him.",
        {"Marlen Kudaibergenov": None},
    ),
    (
        "The National Security Committee detained journalist Bolot Temirov's colleague Makhabat Tazhibek kyzy "
        "and seven other staff members of the investigative outlet.",
        {"Makhabat Tazhibek kyzy": None},
    ),
    (
        "A court in Tashkent sentenced blogger Otabek Sattoriy to six and a half years in prison for "
        "extortion, charges his supporters say were fabricated to punish his reporting.",
        {"Otabek Sattoriy": "78 months"},
    ),
    (
        "Karakalpak lawyer Dauletmurat Kazakbaev was sentenced to 16 years; activists Lolagul Kallykhanova "
        "and Azamat Turdanov received 8 and 10 years.",
        {"Dauletmurat Kazakbaev": "16 years", "Lolagul Kallykhanova": "8 years", "Azamat Turdanov": "10 years"},
    ),
    (
        "Two activists, Ermek Sultanov and Damir Aliev, were detained at a picket in Uralsk and later "
        "jailed for 10 days each.",
        {"Ermek Sultanov": "10 days", "Damir Aliev": "10 days"},
    ),
    (
        "President Kassym-Jomart Tokayev pardoned the journalist last year. On Tuesday police again detained "
        "the reporter, Zhanar Akhmetova, at a protest.",
        {"Zhanar Akhmetova": None},
    ),
    (
        "Opposition leader Ilkhom Rashidov was detained by the National Security Service on "
        "Wednesday, his party said. Spokesman Davron Sadikov said the arrest was politically motivated.",
        {"Ilkhom Rashidov": None},
    ),
    (
        "Police detained activists Aliya Zhakupova, Bauyrzhan Tlegenov; Marat Sagyntayev and Kuat "
        "Beisenov at the square.",
        {"Aliya Zhakupova": None, "Bauyrzhan Tlegenov": None, "Marat Sagyntayev": None, "Kuat Beisenov": None},
    ),
    (
        "Journalist Aziz Mamedov was detained in Baku on Friday and remanded in custody for four months "
        "on smuggling charges that his employer called retaliation for his reporting.",
        {"Aziz Mamedov": "4 months"},
    ),
    (
        "The court ordered the arrest of trade unionist Sayat Kenzhebaev for two months. Fellow union "
        "leader Amangeldy Ismailov was released under a travel ban.",
        {"Sayat Kenzhebaev": "2 months"},
    ),
    (
        "Security Committee officers detained Tolkun Abdraimova, a member of the opposition Ata-Meken party, "
        "on charges of calling for mass riots.",
        {"Tolkun Abdraimova": None},
    ),
    (
        "The police detained poet Erkin Nazarov and musician Timur Abdullaev after the concert; both "
        "were sentenced to 15 days of administrative arrest.",
        {"Erkin Nazarov": "15 days", "Timur Abdullaev": "15 days"},
    ),
    (
        "Civil activist Nurgul Sadvakasova was sentenced to five days of administrative arrest. "
        "Her husband, Askhat Sadvakasov, was detained with her but released the same evening.",
        {"Nurgul Sadvakasova": "5 days", "Askhat Sadvakasov": None},
    ),
    (
        "Blogger Maksat Utepov was jailed for 25 days on Thursday. The day before, a court had fined "
        "activist Yerkin Dosov for a post on Facebook.",
        {"Maksat Utepov": "25 days"},
    ),
    (
        "Interior Ministry spokesman Saken Abdrakhmanov said 12 people had been detained, among them "
        "activist Olzhas Suleimenov and blogger Aruzhan Tokenova.",
        {"Olzhas Suleimenov": None, "Aruzhan Tokenova": None},
    ),
    (
        "Police detained three protesters in Zhanaozen. Activist Ruslan Kairzhanov was sentenced to "
        "10 days, and the other two were released.",
        {"Ruslan Kairzhanov": "10 days"},
    ),
    (
        "Tajik authorities sentenced human rights lawyer Bahrom Ismoilov to 10 years in prison. He had "
        "defended the activist Sulaimon Davlatov, who was killed in prison in 2022.",
        {"Bahrom Ismoilov": "10 years"},
    ),
    (
        "Opposition activist Galym Zhakiyanov was detained and given 20 days of administrative arrest; "
        "his brother Bolat Zhakiyanov said he would appeal.",
        {"Galym Zhakiyanov": "20 days"},
    ),
    (
        "The court sentenced three activists to prison terms on Friday. Akmaral Nurbekova received "
        "four years, Yerbol Samatov three years and Gaukhar Zhaksylykova two years.",
        {"Akmaral Nurbekova": "4 years", "Yerbol Samatov": "3 years", "Gaukhar Zhaksylykova": "2 years"},
    ),
    (
        "Kyrgyz journalists Azamat Ishenbekov and Aike Beishekeeva were detained on January 16 and placed in "
        "pretrial detention until March 15.",
        {"Azamat Ishenbekov": None, "Aike Beishekeeva": None},
    ),
    (
        "Police arrested protest organiser Yerzhan Karimov on Saturday. Deputy police chief Nurlan "
        "Tasmagambetov told reporters that Karimov would face charges of organising an illegal gathering.",
        {"Yerzhan Karimov": None},
    ),
    (
        "Activists Kairat Beisenov and Zhuldyz Abenova were sentenced to 15 and 10 days of arrest "
        "respectively for a picket in support of political prisoners.",
        {"Kairat Beisenov": "15 days", "Zhuldyz Abenova": "10 days"},
    ),
    (
        "Journalist Timur Aliev was sentenced to three years of restricted freedom, while activist "
        "Dana Kenzhebekova was jailed for two years.",
        {"Dana Kenzhebekova": "2 years"},
    ),
    (
        "In a statement, Amnesty International's regional director Marie Struthers called for the "
        "release of blogger Aslan Sultanbekov, who was jailed for three years on Monday.",
        {"Aslan Sultanbekov": "3 years"},
    ),
    (
        "Azerbaijani police detained opposition Popular Front party members Elnur Guliyev and Vugar "
        "Sadigov; a Baku court remanded both in custody for four months.",
        {"Elnur Guliyev": "4 months", "Vugar Sadigov": "4 months"},
    ),
]

# A second batch, written after the first was fixed and scored before any rule changed.
PROBES_2: list[tuple[str, dict[str, str | None]]] = [
    (
        "A district court sentenced Yerbolat Kassymov to 15 days, Ainur Zhumabekova to 10 days and "
        "Kanat Serikov to five days for joining a protest against rising gas prices.",
        {"Yerbolat Kassymov": "15 days", "Ainur Zhumabekova": "10 days", "Kanat Serikov": "5 days"},
    ),
    (
        "Journalists Baurzhan Sadykov and Lazzat Kuanysheva, both of the independent outlet Orda, were "
        "given 10-day jail sentences for covering an unsanctioned rally.",
        {"Baurzhan Sadykov": "10 days", "Lazzat Kuanysheva": "10 days"},
    ),
    (
        "Activist Medet Zhanuzakov was detained in Taraz on Monday, his wife Gaukhar Zhanuzakova said. "
        "A court later sentenced him to 12 days of administrative arrest.",
        {"Medet Zhanuzakov": "12 days"},
    ),
    (
        "Kyrgyz court extends detention of journalists\n"
        "The Pervomaisky district court extended the pretrial detention of reporters Temir Asanaliev and "
        "Nurlan Myktybekov by two months on Friday.",
        {"Temir Asanaliev": "2 months", "Nurlan Myktybekov": "2 months"},
    ),
    (
        "The State Committee for National Security detained Bakhtiyor Khudoyorov, a blogger critical of "
        "local officials, and took him to Tashkent.",
        {"Bakhtiyor Khudoyorov": None},
    ),
    (
        "Police detained opposition activist Zhanbolat Mamay along with his son Alikhan Mamay outside "
        "their home; both were released after questioning.",
        {"Zhanbolat Mamay": None, "Alikhan Mamay": None},
    ),
    (
        "Imprisoned lawyer Erkin Saidov was handed an additional three years on Thursday, while his "
        "co-defendant Dilshod Nurmatov got two.",
        {"Erkin Saidov": "3 years", "Dilshod Nurmatov": "2 years"},
    ),
    (
        "Blogger Asset Omarbekov, who was detained on Tuesday, has been placed in pre-trial detention for "
        "two months, the rights group Kahar said.",
        {"Asset Omarbekov": "2 months"},
    ),
    (
        "Three members of the Alga party were jailed on Saturday. Daniyar Sultanbek received 15 days, "
        "Gulmira Abenova ten and Nurzhan Tokayev seven.",
        {"Daniyar Sultanbek": "15 days", "Gulmira Abenova": "10 days", "Nurzhan Tokayev": "7 days"},
    ),
    (
        "Police detained journalist Saken Balgabay at the scene of the protest. Deputy interior minister "
        "Marat Kozhayev later said he had been held for resisting officers.",
        {"Saken Balgabay": None},
    ),
    (
        "Two Jehovah's Witnesses, Bakhrom Khamidov and Sherzod Akhmedov, were sentenced to three and a half "
        "years each for holding a prayer meeting.",
        {"Bakhrom Khamidov": "42 months", "Sherzod Akhmedov": "42 months"},
    ),
    (
        "Trade union leader Yerlan Aibasov was sentenced to five years in prison. His deputy, Marat "
        "Kenzhegaliev, who testified at the trial, was not charged.",
        {"Yerlan Aibasov": "5 years"},
    ),
    (
        "The court in Khujand jailed opposition supporter Faridun Nazarov for 7 years; his brother "
        "Jamshed Nazarov, who lives in Germany, said the case was fabricated.",
        {"Faridun Nazarov": "7 years"},
    ),
    (
        "Rights defenders Nurlan Bekmuratov and Ziyada Kaliyeva were detained at the airport and sentenced "
        "to 10 days of arrest each, Amnesty International said.",
        {"Nurlan Bekmuratov": "10 days", "Ziyada Kaliyeva": "10 days"},
    ),
    (
        "Azerbaijani police detained economist Ramil Safarli in Baku. A court remanded him in custody for "
        "four months, his lawyer Elchin Mammadli told Turan.",
        {"Ramil Safarli": "4 months"},
    ),
    (
        "Among those sentenced on Wednesday were activist Aigul Nurmagambetova, who received 10 days, and "
        "blogger Yerzhan Tolegen, who received 15 days.",
        {"Aigul Nurmagambetova": "10 days", "Yerzhan Tolegen": "15 days"},
    ),
    (
        "Opposition politician Timur Suleimenov was arrested for two months; party co-chair Ainash "
        "Zhakupova condemned the ruling as political revenge.",
        {"Timur Suleimenov": "2 months"},
    ),
    (
        "Police detained at least 30 people at the rally in Almaty, among them the activists Bolat "
        "Abilov, Zhasulan Aitzhanov and Meruert Kassenova.",
        {"Bolat Abilov": None, "Zhasulan Aitzhanov": None, "Meruert Kassenova": None},
    ),
    (
        "The court sentenced Erlan Kaliev to four years and his co-defendants Ermek Dosov and Ruslan "
        "Aliyev to three each on charges of inciting discord.",
        {"Erlan Kaliev": "4 years", "Ermek Dosov": "3 years", "Ruslan Aliyev": "3 years"},
    ),
    (
        "Former National Security Committee chairman Karim Masimov, who was jailed for corruption, "
        "is not a political prisoner, said activist Galym Ageleuov, who was himself detained for five "
        "days last week.",
        {"Galym Ageleuov": "5 days"},
    ),
    (
        "Kazakh poet jailed for 25 days over poem\n"
        "A court in Almaty has jailed the poet Aron Zhaksybekov for 25 days for a poem he posted on "
        "Facebook, his daughter said.",
        {"Aron Zhaksybekov": "25 days"},
    ),
    (
        "Tajik journalist Daler Imomaliev was sentenced to 10 years in prison; fellow reporter Abdullo "
        "Ghurbati received seven and a half years.",
        {"Daler Imomaliev": "10 years", "Abdullo Ghurbati": "90 months"},
    ),
]
