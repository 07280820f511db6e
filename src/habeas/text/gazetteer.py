"""One country gazetteer: every country's names, common demonyms and capitals.

Ingest uses it to guess what a document is about, extraction to read
nationalities and places, and both must agree on what "Burma" or "Uzbeks"
means, so the table has one home.
"""

from __future__ import annotations

import re
from functools import lru_cache

from habeas.text.patterns import trie_pattern

# Common and former names that pycountry does not list as name/common_name/official_name.
_EXTRA_NAMES: dict[str, str] = {
    "Russia": "RUS", "Iran": "IRN", "Syria": "SYR", "South Korea": "KOR", "North Korea": "PRK",
    "Vietnam": "VNM", "Laos": "LAO", "Moldova": "MDA", "Bolivia": "BOL", "Venezuela": "VEN",
    "Tanzania": "TZA", "Czech Republic": "CZE", "Ivory Coast": "CIV", "Cote d'Ivoire": "CIV",
    "United Kingdom": "GBR", "UK": "GBR", "Britain": "GBR", "Great Britain": "GBR",
    "England": "GBR", "Scotland": "GBR", "Wales": "GBR", "Northern Ireland": "GBR",
    "United States": "USA", "United States of America": "USA", "USA": "USA", "US": "USA",
    "U.S.": "USA",
    "Burma": "MMR", "Turkey": "TUR", "Türkiye": "TUR", "Turkiye": "TUR",
    "Democratic Republic of the Congo": "COD", "Democratic Republic of Congo": "COD", "DRC": "COD",
    "DR Congo": "COD", "Republic of the Congo": "COG", "Congo-Brazzaville": "COG",
    "Macedonia": "MKD", "North Macedonia": "MKD", "Palestine": "PSE", "Gaza": "PSE",
    "West Bank": "PSE", "Taiwan": "TWN", "Kosovo": "XKX", "Holland": "NLD",
    "Swaziland": "SWZ", "Cape Verde": "CPV", "East Timor": "TLS", "Vatican": "VAT",
    "Brunei": "BRN", "Micronesia": "FSM", "Kyrgyzstan": "KGZ", "Kirghizia": "KGZ",
    "Bosnia": "BIH", "Bosnia and Herzegovina": "BIH", "UAE": "ARE", "Emirates": "ARE",
    "Hong Kong": "HKG", "Macau": "MAC", "Gambia": "GMB", "The Gambia": "GMB",
    "Bahamas": "BHS", "Netherlands": "NLD", "Philippines": "PHL", "Sudan": "SDN",
    "South Sudan": "SSD", "Libya": "LBY", "Lybia": "LBY", "Slovakia": "SVK",
}

# Adjectives and demonyms that reports use for a country's people and institutions.
DEMONYMS: dict[str, str] = {
    "Afghan": "AFG", "Albanian": "ALB", "Algerian": "DZA", "American": "USA", "Angolan": "AGO",
    "Argentine": "ARG", "Argentinian": "ARG", "Armenian": "ARM", "Australian": "AUS",
    "Austrian": "AUT", "Azerbaijani": "AZE", "Azeri": "AZE", "Bahraini": "BHR",
    "Bangladeshi": "BGD", "Belarusian": "BLR", "Belgian": "BEL", "Beninese": "BEN",
    "Bolivian": "BOL", "Bosnian": "BIH", "Brazilian": "BRA", "British": "GBR",
    "Bulgarian": "BGR", "Burkinabe": "BFA", "Burmese": "MMR", "Burundian": "BDI",
    "Cambodian": "KHM", "Cameroonian": "CMR", "Canadian": "CAN", "Chadian": "TCD",
    "Chilean": "CHL", "Chinese": "CHN", "Colombian": "COL", "Congolese": "COD",
    "Costa Rican": "CRI", "Croatian": "HRV", "Cuban": "CUB", "Cypriot": "CYP", "Czech": "CZE",
    "Danish": "DNK", "Djiboutian": "DJI", "Dominican": "DOM", "Dutch": "NLD",
    "Ecuadorian": "ECU", "Egyptian": "EGY", "Emirati": "ARE", "Eritrean": "ERI",
    "Estonian": "EST", "Ethiopian": "ETH", "Fijian": "FJI", "Filipino": "PHL",
    "Finnish": "FIN", "French": "FRA", "Gabonese": "GAB", "Gambian": "GMB", "Georgian": "GEO",
    "German": "DEU", "Ghanaian": "GHA", "Greek": "GRC", "Guatemalan": "GTM", "Guinean": "GIN",
    "Haitian": "HTI", "Honduran": "HND", "Hungarian": "HUN", "Icelandic": "ISL",
    "Indian": "IND", "Indonesian": "IDN", "Iranian": "IRN", "Iraqi": "IRQ", "Irish": "IRL",
    "Israeli": "ISR", "Italian": "ITA", "Ivorian": "CIV", "Jamaican": "JAM",
    "Japanese": "JPN", "Jordanian": "JOR", "Kazakh": "KAZ", "Kazakhstani": "KAZ",
    "Kenyan": "KEN", "Korean": "KOR", "Kosovar": "XKX", "Kuwaiti": "KWT", "Kyrgyz": "KGZ",
    "Lao": "LAO", "Laotian": "LAO", "Latvian": "LVA", "Lebanese": "LBN", "Liberian": "LBR",
    "Libyan": "LBY", "Lithuanian": "LTU", "Macedonian": "MKD", "Malagasy": "MDG",
    "Malawian": "MWI", "Malaysian": "MYS", "Malian": "MLI", "Maltese": "MLT",
    "Mauritanian": "MRT", "Mexican": "MEX", "Moldovan": "MDA", "Mongolian": "MNG",
    "Montenegrin": "MNE", "Moroccan": "MAR", "Mozambican": "MOZ", "Namibian": "NAM",
    "Nepalese": "NPL", "Nepali": "NPL", "New Zealand": "NZL", "Nicaraguan": "NIC",
    "Nigerian": "NGA", "Nigerien": "NER", "Norwegian": "NOR", "Omani": "OMN",
    "Pakistani": "PAK", "Palestinian": "PSE", "Panamanian": "PAN", "Paraguayan": "PRY",
    "Peruvian": "PER", "Polish": "POL", "Portuguese": "PRT", "Qatari": "QAT",
    "Romanian": "ROU", "Russian": "RUS", "Rwandan": "RWA", "Salvadoran": "SLV",
    "Saudi": "SAU", "Senegalese": "SEN", "Serbian": "SRB", "Sierra Leonean": "SLE",
    "Singaporean": "SGP", "Slovak": "SVK", "Slovenian": "SVN", "Somali": "SOM",
    "South African": "ZAF", "South Sudanese": "SSD", "Spanish": "ESP", "Sri Lankan": "LKA",
    "Sudanese": "SDN", "Swedish": "SWE", "Swiss": "CHE", "Syrian": "SYR", "Taiwanese": "TWN",
    "Tajik": "TJK", "Tajikistani": "TJK", "Tanzanian": "TZA", "Thai": "THA", "Togolese": "TGO",
    "Tunisian": "TUN", "Turkish": "TUR", "Turkmen": "TKM", "Ugandan": "UGA",
    "Ukrainian": "UKR", "Uruguayan": "URY", "Uzbek": "UZB", "Uzbekistani": "UZB",
    "Venezuelan": "VEN", "Vietnamese": "VNM", "Yemeni": "YEM", "Zambian": "ZMB",
    "Zimbabwean": "ZWE", "Uyghur": "CHN", "Rohingya": "MMR", "Belarussian": "BLR", "Bhutanese": "BTN",
    "Myanmar": "MMR", "New Zealander": "NZL", "North Korean": "PRK", "Turkish-born": "TUR",
}

# Capitals (and a few main cities) that stand for the country in migration reporting.
_CAPITALS: dict[str, str] = {
    "Kabul": "AFG", "Tirana": "ALB", "Algiers": "DZA", "Buenos Aires": "ARG", "Yerevan": "ARM",
    "Canberra": "AUS", "Vienna": "AUT", "Baku": "AZE", "Dhaka": "BGD", "Minsk": "BLR",
    "Brussels": "BEL", "Brasília": "BRA", "Brasilia": "BRA", "Sofia": "BGR", "Phnom Penh": "KHM",
    "Ottawa": "CAN", "Santiago": "CHL", "Beijing": "CHN", "Bogotá": "COL", "Bogota": "COL",
    "Zagreb": "HRV", "Havana": "CUB", "Nicosia": "CYP", "Prague": "CZE", "Copenhagen": "DNK",
    "Quito": "ECU", "Cairo": "EGY", "Asmara": "ERI", "Addis Ababa": "ETH", "Helsinki": "FIN",
    "Paris": "FRA", "Tbilisi": "GEO", "Berlin": "DEU", "Accra": "GHA", "Athens": "GRC",
    "Budapest": "HUN", "New Delhi": "IND", "Jakarta": "IDN", "Tehran": "IRN", "Baghdad": "IRQ",
    "Dublin": "IRL", "Rome": "ITA", "Tokyo": "JPN", "Amman": "JOR", "Astana": "KAZ",
    "Nur-Sultan": "KAZ", "Almaty": "KAZ", "Nairobi": "KEN", "Bishkek": "KGZ", "Beirut": "LBN",
    "Tripoli": "LBY", "Kuala Lumpur": "MYS", "Valletta": "MLT", "Mexico City": "MEX",
    "Chisinau": "MDA", "Ulaanbaatar": "MNG", "Rabat": "MAR", "Kathmandu": "NPL",
    "Amsterdam": "NLD", "The Hague": "NLD", "Abuja": "NGA", "Oslo": "NOR", "Islamabad": "PAK",
    "Lima": "PER", "Manila": "PHL", "Warsaw": "POL", "Lisbon": "PRT", "Doha": "QAT",
    "Bucharest": "ROU", "Moscow": "RUS", "Riyadh": "SAU", "Dakar": "SEN", "Belgrade": "SRB",
    "Madrid": "ESP", "Colombo": "LKA", "Khartoum": "SDN", "Stockholm": "SWE", "Bern": "CHE",
    "Geneva": "CHE", "Damascus": "SYR", "Dushanbe": "TJK", "Bangkok": "THA", "Tunis": "TUN",
    "Ankara": "TUR", "Istanbul": "TUR", "Ashgabat": "TKM", "Kampala": "UGA", "Kyiv": "UKR",
    "Kiev": "UKR", "Tashkent": "UZB", "Caracas": "VEN", "Hanoi": "VNM", "Sanaa": "YEM",
    "London": "GBR", "Washington": "USA",
}

# Weights: a country's name says more than an adjective, which says more than a city.
WEIGHT = {"name": 1.0, "demonym": 0.6, "capital": 0.5}


@lru_cache(maxsize=1)
def country_table() -> tuple[re.Pattern[str], dict[str, tuple[str, float]]]:
    import pycountry

    table: dict[str, tuple[str, float]] = {}

    def add(name: str, code: str, kind: str) -> None:
        for variant in {name, name.upper()}:
            table.setdefault(variant, (code, WEIGHT[kind]))

    for country in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            name = getattr(country, attr, None)
            if name and "," not in name:
                add(name, country.alpha_3, "name")
    for name, code in _EXTRA_NAMES.items():
        add(name, code, "name")
    for name, code in DEMONYMS.items():
        add(name, code, "demonym")
        if not name.endswith("s") and " " not in name:
            add(name + "s", code, "demonym")  # "Uzbeks", "Afghans"
    for name, code in _CAPITALS.items():
        add(name, code, "capital")
    # Not after a word character or hyphen: checked by _matches_not_after.
    pattern = re.compile(r"(?:" + trie_pattern(sorted(table)) + r")(?![\w])")
    return pattern, table


def country_code(value: str) -> str | None:
    """Normalise a user's country (alpha-2, alpha-3 or a name) to alpha-3, or None."""
    import pycountry

    value = value.strip()
    if not value:
        return None
    if value.upper() == "XKX":
        return "XKX"
    found = pycountry.countries.get(alpha_3=value.upper()) or (
        pycountry.countries.get(alpha_2=value.upper()) if len(value) == 2 else None
    )
    if found is not None:
        return str(found.alpha_3)
    _, table = country_table()
    for key in (value, value.title()):
        if key in table:
            return table[key][0]
    try:
        return str(pycountry.countries.lookup(value).alpha_3)
    except LookupError:
        return None


def demonym_codes() -> dict[str, str]:
    """Lower-cased demonym -> ISO alpha-3 ("uzbek" -> "UZB"), for reading a person's nationality."""
    return {name.lower(): code for name, code in DEMONYMS.items()}
