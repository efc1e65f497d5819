"""`TimeZone`: an IANA time zone name (mirrors `aws_cdk.TimeZone`), used by EventBridge Scheduler
schedules and other time-zone-aware settings."""

from __future__ import annotations

import re
from typing import ClassVar


class TimeZone:
    """A time zone of the IANA database, by name. The class attributes are the zones aws-cdk-lib names;
    `TimeZone.of(name)` takes any string (it is not checked, as in the CDK)."""

    __slots__ = ("timezone_name",)

    def __init__(self, timezone_name: str) -> None:
        self.timezone_name = timezone_name
        """The IANA name, e.g. `Europe/Berlin`."""

    @staticmethod
    def of(timezone_name: str) -> TimeZone:
        """The time zone of this name (any string; no default)."""
        return TimeZone(timezone_name)

    def __repr__(self) -> str:
        return f"TimeZone({self.timezone_name!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, TimeZone) and other.timezone_name == self.timezone_name

    def __hash__(self) -> int:
        return hash(self.timezone_name)

    AFRICA_ABIDJAN: ClassVar[TimeZone]
    AFRICA_ACCRA: ClassVar[TimeZone]
    AFRICA_ADDIS_ABABA: ClassVar[TimeZone]
    AFRICA_ALGIERS: ClassVar[TimeZone]
    AFRICA_ASMARA: ClassVar[TimeZone]
    AFRICA_ASMERA: ClassVar[TimeZone]
    AFRICA_BAMAKO: ClassVar[TimeZone]
    AFRICA_BANGUI: ClassVar[TimeZone]
    AFRICA_BANJUL: ClassVar[TimeZone]
    AFRICA_BISSAU: ClassVar[TimeZone]
    AFRICA_BLANTYRE: ClassVar[TimeZone]
    AFRICA_BRAZZAVILLE: ClassVar[TimeZone]
    AFRICA_BUJUMBURA: ClassVar[TimeZone]
    AFRICA_CAIRO: ClassVar[TimeZone]
    AFRICA_CASABLANCA: ClassVar[TimeZone]
    AFRICA_CEUTA: ClassVar[TimeZone]
    AFRICA_CONAKRY: ClassVar[TimeZone]
    AFRICA_DAKAR: ClassVar[TimeZone]
    AFRICA_DAR_ES_SALAAM: ClassVar[TimeZone]
    AFRICA_DJIBOUTI: ClassVar[TimeZone]
    AFRICA_DOUALA: ClassVar[TimeZone]
    AFRICA_EL_AAIUN: ClassVar[TimeZone]
    AFRICA_FREETOWN: ClassVar[TimeZone]
    AFRICA_GABORONE: ClassVar[TimeZone]
    AFRICA_HARARE: ClassVar[TimeZone]
    AFRICA_JOHANNESBURG: ClassVar[TimeZone]
    AFRICA_JUBA: ClassVar[TimeZone]
    AFRICA_KAMPALA: ClassVar[TimeZone]
    AFRICA_KHARTOUM: ClassVar[TimeZone]
    AFRICA_KIGALI: ClassVar[TimeZone]
    AFRICA_KINSHASA: ClassVar[TimeZone]
    AFRICA_LAGOS: ClassVar[TimeZone]
    AFRICA_LIBREVILLE: ClassVar[TimeZone]
    AFRICA_LOME: ClassVar[TimeZone]
    AFRICA_LUANDA: ClassVar[TimeZone]
    AFRICA_LUBUMBASHI: ClassVar[TimeZone]
    AFRICA_LUSAKA: ClassVar[TimeZone]
    AFRICA_MALABO: ClassVar[TimeZone]
    AFRICA_MAPUTO: ClassVar[TimeZone]
    AFRICA_MASERU: ClassVar[TimeZone]
    AFRICA_MBABANE: ClassVar[TimeZone]
    AFRICA_MOGADISHU: ClassVar[TimeZone]
    AFRICA_MONROVIA: ClassVar[TimeZone]
    AFRICA_NAIROBI: ClassVar[TimeZone]
    AFRICA_NDJAMENA: ClassVar[TimeZone]
    AFRICA_NIAMEY: ClassVar[TimeZone]
    AFRICA_NOUAKCHOTT: ClassVar[TimeZone]
    AFRICA_OUAGADOUGOU: ClassVar[TimeZone]
    AFRICA_PORTO_NOVO: ClassVar[TimeZone]
    AFRICA_SAO_TOME: ClassVar[TimeZone]
    AFRICA_TIMBUKTU: ClassVar[TimeZone]
    AFRICA_TRIPOLI: ClassVar[TimeZone]
    AFRICA_TUNIS: ClassVar[TimeZone]
    AFRICA_WINDHOEK: ClassVar[TimeZone]
    AMERICA_ADAK: ClassVar[TimeZone]
    AMERICA_ANCHORAGE: ClassVar[TimeZone]
    AMERICA_ANGUILLA: ClassVar[TimeZone]
    AMERICA_ANTIGUA: ClassVar[TimeZone]
    AMERICA_ARAGUAINA: ClassVar[TimeZone]
    AMERICA_ARGENTINA_BUENOS_AIRES: ClassVar[TimeZone]
    AMERICA_ARGENTINA_CATAMARCA: ClassVar[TimeZone]
    AMERICA_ARGENTINA_COMODRIVADAVIA: ClassVar[TimeZone]
    AMERICA_ARGENTINA_CORDOBA: ClassVar[TimeZone]
    AMERICA_ARGENTINA_JUJUY: ClassVar[TimeZone]
    AMERICA_ARGENTINA_LA_RIOJA: ClassVar[TimeZone]
    AMERICA_ARGENTINA_MENDOZA: ClassVar[TimeZone]
    AMERICA_ARGENTINA_RIO_GALLEGOS: ClassVar[TimeZone]
    AMERICA_ARGENTINA_SALTA: ClassVar[TimeZone]
    AMERICA_ARGENTINA_SAN_JUAN: ClassVar[TimeZone]
    AMERICA_ARGENTINA_SAN_LUIS: ClassVar[TimeZone]
    AMERICA_ARGENTINA_TUCUMAN: ClassVar[TimeZone]
    AMERICA_ARGENTINA_USHUAIA: ClassVar[TimeZone]
    AMERICA_ARUBA: ClassVar[TimeZone]
    AMERICA_ASUNCION: ClassVar[TimeZone]
    AMERICA_ATIKOKAN: ClassVar[TimeZone]
    AMERICA_ATKA: ClassVar[TimeZone]
    AMERICA_BAHIA: ClassVar[TimeZone]
    AMERICA_BAHIA_BANDERAS: ClassVar[TimeZone]
    AMERICA_BARBADOS: ClassVar[TimeZone]
    AMERICA_BELEM: ClassVar[TimeZone]
    AMERICA_BELIZE: ClassVar[TimeZone]
    AMERICA_BLANC_SABLON: ClassVar[TimeZone]
    AMERICA_BOA_VISTA: ClassVar[TimeZone]
    AMERICA_BOGOTA: ClassVar[TimeZone]
    AMERICA_BOISE: ClassVar[TimeZone]
    AMERICA_BUENOS_AIRES: ClassVar[TimeZone]
    AMERICA_CAMBRIDGE_BAY: ClassVar[TimeZone]
    AMERICA_CAMPO_GRANDE: ClassVar[TimeZone]
    AMERICA_CANCUN: ClassVar[TimeZone]
    AMERICA_CARACAS: ClassVar[TimeZone]
    AMERICA_CATAMARCA: ClassVar[TimeZone]
    AMERICA_CAYENNE: ClassVar[TimeZone]
    AMERICA_CAYMAN: ClassVar[TimeZone]
    AMERICA_CHICAGO: ClassVar[TimeZone]
    AMERICA_CHIHUAHUA: ClassVar[TimeZone]
    AMERICA_CIUDAD_JUAREZ: ClassVar[TimeZone]
    AMERICA_CORAL_HARBOUR: ClassVar[TimeZone]
    AMERICA_CORDOBA: ClassVar[TimeZone]
    AMERICA_COSTA_RICA: ClassVar[TimeZone]
    AMERICA_COYHAIQUE: ClassVar[TimeZone]
    AMERICA_CRESTON: ClassVar[TimeZone]
    AMERICA_CUIABA: ClassVar[TimeZone]
    AMERICA_CURACAO: ClassVar[TimeZone]
    AMERICA_DANMARKSHAVN: ClassVar[TimeZone]
    AMERICA_DAWSON: ClassVar[TimeZone]
    AMERICA_DAWSON_CREEK: ClassVar[TimeZone]
    AMERICA_DENVER: ClassVar[TimeZone]
    AMERICA_DETROIT: ClassVar[TimeZone]
    AMERICA_DOMINICA: ClassVar[TimeZone]
    AMERICA_EDMONTON: ClassVar[TimeZone]
    AMERICA_EIRUNEPE: ClassVar[TimeZone]
    AMERICA_EL_SALVADOR: ClassVar[TimeZone]
    AMERICA_ENSENADA: ClassVar[TimeZone]
    AMERICA_FORT_NELSON: ClassVar[TimeZone]
    AMERICA_FORT_WAYNE: ClassVar[TimeZone]
    AMERICA_FORTALEZA: ClassVar[TimeZone]
    AMERICA_GLACE_BAY: ClassVar[TimeZone]
    AMERICA_GODTHAB: ClassVar[TimeZone]
    AMERICA_GOOSE_BAY: ClassVar[TimeZone]
    AMERICA_GRAND_TURK: ClassVar[TimeZone]
    AMERICA_GRENADA: ClassVar[TimeZone]
    AMERICA_GUADELOUPE: ClassVar[TimeZone]
    AMERICA_GUATEMALA: ClassVar[TimeZone]
    AMERICA_GUAYAQUIL: ClassVar[TimeZone]
    AMERICA_GUYANA: ClassVar[TimeZone]
    AMERICA_HALIFAX: ClassVar[TimeZone]
    AMERICA_HAVANA: ClassVar[TimeZone]
    AMERICA_HERMOSILLO: ClassVar[TimeZone]
    AMERICA_INDIANA_INDIANAPOLIS: ClassVar[TimeZone]
    AMERICA_INDIANA_KNOX: ClassVar[TimeZone]
    AMERICA_INDIANA_MARENGO: ClassVar[TimeZone]
    AMERICA_INDIANA_PETERSBURG: ClassVar[TimeZone]
    AMERICA_INDIANA_TELL_CITY: ClassVar[TimeZone]
    AMERICA_INDIANA_VEVAY: ClassVar[TimeZone]
    AMERICA_INDIANA_VINCENNES: ClassVar[TimeZone]
    AMERICA_INDIANA_WINAMAC: ClassVar[TimeZone]
    AMERICA_INDIANAPOLIS: ClassVar[TimeZone]
    AMERICA_INUVIK: ClassVar[TimeZone]
    AMERICA_IQALUIT: ClassVar[TimeZone]
    AMERICA_JAMAICA: ClassVar[TimeZone]
    AMERICA_JUJUY: ClassVar[TimeZone]
    AMERICA_JUNEAU: ClassVar[TimeZone]
    AMERICA_KENTUCKY_LOUISVILLE: ClassVar[TimeZone]
    AMERICA_KENTUCKY_MONTICELLO: ClassVar[TimeZone]
    AMERICA_KNOX_IN: ClassVar[TimeZone]
    AMERICA_KRALENDIJK: ClassVar[TimeZone]
    AMERICA_LA_PAZ: ClassVar[TimeZone]
    AMERICA_LIMA: ClassVar[TimeZone]
    AMERICA_LOS_ANGELES: ClassVar[TimeZone]
    AMERICA_LOUISVILLE: ClassVar[TimeZone]
    AMERICA_LOWER_PRINCES: ClassVar[TimeZone]
    AMERICA_MACEIO: ClassVar[TimeZone]
    AMERICA_MANAGUA: ClassVar[TimeZone]
    AMERICA_MANAUS: ClassVar[TimeZone]
    AMERICA_MARIGOT: ClassVar[TimeZone]
    AMERICA_MARTINIQUE: ClassVar[TimeZone]
    AMERICA_MATAMOROS: ClassVar[TimeZone]
    AMERICA_MAZATLAN: ClassVar[TimeZone]
    AMERICA_MENDOZA: ClassVar[TimeZone]
    AMERICA_MENOMINEE: ClassVar[TimeZone]
    AMERICA_MERIDA: ClassVar[TimeZone]
    AMERICA_METLAKATLA: ClassVar[TimeZone]
    AMERICA_MEXICO_CITY: ClassVar[TimeZone]
    AMERICA_MIQUELON: ClassVar[TimeZone]
    AMERICA_MONCTON: ClassVar[TimeZone]
    AMERICA_MONTERREY: ClassVar[TimeZone]
    AMERICA_MONTEVIDEO: ClassVar[TimeZone]
    AMERICA_MONTREAL: ClassVar[TimeZone]
    AMERICA_MONTSERRAT: ClassVar[TimeZone]
    AMERICA_NASSAU: ClassVar[TimeZone]
    AMERICA_NEW_YORK: ClassVar[TimeZone]
    AMERICA_NIPIGON: ClassVar[TimeZone]
    AMERICA_NOME: ClassVar[TimeZone]
    AMERICA_NORONHA: ClassVar[TimeZone]
    AMERICA_NORTH_DAKOTA_BEULAH: ClassVar[TimeZone]
    AMERICA_NORTH_DAKOTA_CENTER: ClassVar[TimeZone]
    AMERICA_NORTH_DAKOTA_NEW_SALEM: ClassVar[TimeZone]
    AMERICA_NUUK: ClassVar[TimeZone]
    AMERICA_OJINAGA: ClassVar[TimeZone]
    AMERICA_PANAMA: ClassVar[TimeZone]
    AMERICA_PANGNIRTUNG: ClassVar[TimeZone]
    AMERICA_PARAMARIBO: ClassVar[TimeZone]
    AMERICA_PHOENIX: ClassVar[TimeZone]
    AMERICA_PORT_AU_PRINCE: ClassVar[TimeZone]
    AMERICA_PORT_OF_SPAIN: ClassVar[TimeZone]
    AMERICA_PORTO_ACRE: ClassVar[TimeZone]
    AMERICA_PORTO_VELHO: ClassVar[TimeZone]
    AMERICA_PUERTO_RICO: ClassVar[TimeZone]
    AMERICA_PUNTA_ARENAS: ClassVar[TimeZone]
    AMERICA_RAINY_RIVER: ClassVar[TimeZone]
    AMERICA_RANKIN_INLET: ClassVar[TimeZone]
    AMERICA_RECIFE: ClassVar[TimeZone]
    AMERICA_REGINA: ClassVar[TimeZone]
    AMERICA_RESOLUTE: ClassVar[TimeZone]
    AMERICA_RIO_BRANCO: ClassVar[TimeZone]
    AMERICA_ROSARIO: ClassVar[TimeZone]
    AMERICA_SANTA_ISABEL: ClassVar[TimeZone]
    AMERICA_SANTAREM: ClassVar[TimeZone]
    AMERICA_SANTIAGO: ClassVar[TimeZone]
    AMERICA_SANTO_DOMINGO: ClassVar[TimeZone]
    AMERICA_SAO_PAULO: ClassVar[TimeZone]
    AMERICA_SCORESBYSUND: ClassVar[TimeZone]
    AMERICA_SHIPROCK: ClassVar[TimeZone]
    AMERICA_SITKA: ClassVar[TimeZone]
    AMERICA_ST_BARTHELEMY: ClassVar[TimeZone]
    AMERICA_ST_JOHNS: ClassVar[TimeZone]
    AMERICA_ST_KITTS: ClassVar[TimeZone]
    AMERICA_ST_LUCIA: ClassVar[TimeZone]
    AMERICA_ST_THOMAS: ClassVar[TimeZone]
    AMERICA_ST_VINCENT: ClassVar[TimeZone]
    AMERICA_SWIFT_CURRENT: ClassVar[TimeZone]
    AMERICA_TEGUCIGALPA: ClassVar[TimeZone]
    AMERICA_THULE: ClassVar[TimeZone]
    AMERICA_THUNDER_BAY: ClassVar[TimeZone]
    AMERICA_TIJUANA: ClassVar[TimeZone]
    AMERICA_TORONTO: ClassVar[TimeZone]
    AMERICA_TORTOLA: ClassVar[TimeZone]
    AMERICA_VANCOUVER: ClassVar[TimeZone]
    AMERICA_VIRGIN: ClassVar[TimeZone]
    AMERICA_WHITEHORSE: ClassVar[TimeZone]
    AMERICA_WINNIPEG: ClassVar[TimeZone]
    AMERICA_YAKUTAT: ClassVar[TimeZone]
    AMERICA_YELLOWKNIFE: ClassVar[TimeZone]
    ASIA_ADEN: ClassVar[TimeZone]
    ASIA_ALMATY: ClassVar[TimeZone]
    ASIA_AMMAN: ClassVar[TimeZone]
    ASIA_ANADYR: ClassVar[TimeZone]
    ASIA_AQTAU: ClassVar[TimeZone]
    ASIA_AQTOBE: ClassVar[TimeZone]
    ASIA_ASHGABAT: ClassVar[TimeZone]
    ASIA_ASHKHABAD: ClassVar[TimeZone]
    ASIA_ATYRAU: ClassVar[TimeZone]
    ASIA_BAGHDAD: ClassVar[TimeZone]
    ASIA_BAHRAIN: ClassVar[TimeZone]
    ASIA_BAKU: ClassVar[TimeZone]
    ASIA_BANGKOK: ClassVar[TimeZone]
    ASIA_BARNAUL: ClassVar[TimeZone]
    ASIA_BEIRUT: ClassVar[TimeZone]
    ASIA_BISHKEK: ClassVar[TimeZone]
    ASIA_BRUNEI: ClassVar[TimeZone]
    ASIA_CALCUTTA: ClassVar[TimeZone]
    ASIA_CHITA: ClassVar[TimeZone]
    ASIA_CHOIBALSAN: ClassVar[TimeZone]
    ASIA_CHONGQING: ClassVar[TimeZone]
    ASIA_CHUNGKING: ClassVar[TimeZone]
    ASIA_COLOMBO: ClassVar[TimeZone]
    ASIA_DACCA: ClassVar[TimeZone]
    ASIA_DAMASCUS: ClassVar[TimeZone]
    ASIA_DHAKA: ClassVar[TimeZone]
    ASIA_DILI: ClassVar[TimeZone]
    ASIA_DUBAI: ClassVar[TimeZone]
    ASIA_DUSHANBE: ClassVar[TimeZone]
    ASIA_FAMAGUSTA: ClassVar[TimeZone]
    ASIA_GAZA: ClassVar[TimeZone]
    ASIA_HARBIN: ClassVar[TimeZone]
    ASIA_HEBRON: ClassVar[TimeZone]
    ASIA_HO_CHI_MINH: ClassVar[TimeZone]
    ASIA_HONG_KONG: ClassVar[TimeZone]
    ASIA_HOVD: ClassVar[TimeZone]
    ASIA_IRKUTSK: ClassVar[TimeZone]
    ASIA_ISTANBUL: ClassVar[TimeZone]
    ASIA_JAKARTA: ClassVar[TimeZone]
    ASIA_JAYAPURA: ClassVar[TimeZone]
    ASIA_JERUSALEM: ClassVar[TimeZone]
    ASIA_KABUL: ClassVar[TimeZone]
    ASIA_KAMCHATKA: ClassVar[TimeZone]
    ASIA_KARACHI: ClassVar[TimeZone]
    ASIA_KASHGAR: ClassVar[TimeZone]
    ASIA_KATHMANDU: ClassVar[TimeZone]
    ASIA_KATMANDU: ClassVar[TimeZone]
    ASIA_KHANDYGA: ClassVar[TimeZone]
    ASIA_KOLKATA: ClassVar[TimeZone]
    ASIA_KRASNOYARSK: ClassVar[TimeZone]
    ASIA_KUALA_LUMPUR: ClassVar[TimeZone]
    ASIA_KUCHING: ClassVar[TimeZone]
    ASIA_KUWAIT: ClassVar[TimeZone]
    ASIA_MACAO: ClassVar[TimeZone]
    ASIA_MACAU: ClassVar[TimeZone]
    ASIA_MAGADAN: ClassVar[TimeZone]
    ASIA_MAKASSAR: ClassVar[TimeZone]
    ASIA_MANILA: ClassVar[TimeZone]
    ASIA_MUSCAT: ClassVar[TimeZone]
    ASIA_NICOSIA: ClassVar[TimeZone]
    ASIA_NOVOKUZNETSK: ClassVar[TimeZone]
    ASIA_NOVOSIBIRSK: ClassVar[TimeZone]
    ASIA_OMSK: ClassVar[TimeZone]
    ASIA_ORAL: ClassVar[TimeZone]
    ASIA_PHNOM_PENH: ClassVar[TimeZone]
    ASIA_PONTIANAK: ClassVar[TimeZone]
    ASIA_PYONGYANG: ClassVar[TimeZone]
    ASIA_QATAR: ClassVar[TimeZone]
    ASIA_QOSTANAY: ClassVar[TimeZone]
    ASIA_QYZYLORDA: ClassVar[TimeZone]
    ASIA_RANGOON: ClassVar[TimeZone]
    ASIA_RIYADH: ClassVar[TimeZone]
    ASIA_SAIGON: ClassVar[TimeZone]
    ASIA_SAKHALIN: ClassVar[TimeZone]
    ASIA_SAMARKAND: ClassVar[TimeZone]
    ASIA_SEOUL: ClassVar[TimeZone]
    ASIA_SHANGHAI: ClassVar[TimeZone]
    ASIA_SINGAPORE: ClassVar[TimeZone]
    ASIA_SREDNEKOLYMSK: ClassVar[TimeZone]
    ASIA_TAIPEI: ClassVar[TimeZone]
    ASIA_TASHKENT: ClassVar[TimeZone]
    ASIA_TBILISI: ClassVar[TimeZone]
    ASIA_TEHRAN: ClassVar[TimeZone]
    ASIA_TEL_AVIV: ClassVar[TimeZone]
    ASIA_THIMBU: ClassVar[TimeZone]
    ASIA_THIMPHU: ClassVar[TimeZone]
    ASIA_TOKYO: ClassVar[TimeZone]
    ASIA_TOMSK: ClassVar[TimeZone]
    ASIA_UJUNG_PANDANG: ClassVar[TimeZone]
    ASIA_ULAANBAATAR: ClassVar[TimeZone]
    ASIA_ULAN_BATOR: ClassVar[TimeZone]
    ASIA_URUMQI: ClassVar[TimeZone]
    ASIA_UST_NERA: ClassVar[TimeZone]
    ASIA_VIENTIANE: ClassVar[TimeZone]
    ASIA_VLADIVOSTOK: ClassVar[TimeZone]
    ASIA_YAKUTSK: ClassVar[TimeZone]
    ASIA_YANGON: ClassVar[TimeZone]
    ASIA_YEKATERINBURG: ClassVar[TimeZone]
    ASIA_YEREVAN: ClassVar[TimeZone]
    ATLANTIC_AZORES: ClassVar[TimeZone]
    ATLANTIC_BERMUDA: ClassVar[TimeZone]
    ATLANTIC_CANARY: ClassVar[TimeZone]
    ATLANTIC_CAPE_VERDE: ClassVar[TimeZone]
    ATLANTIC_FAEROE: ClassVar[TimeZone]
    ATLANTIC_FAROE: ClassVar[TimeZone]
    ATLANTIC_JAN_MAYEN: ClassVar[TimeZone]
    ATLANTIC_MADEIRA: ClassVar[TimeZone]
    ATLANTIC_REYKJAVIK: ClassVar[TimeZone]
    ATLANTIC_SOUTH_GEORGIA: ClassVar[TimeZone]
    ATLANTIC_ST_HELENA: ClassVar[TimeZone]
    ATLANTIC_STANLEY: ClassVar[TimeZone]
    AUSTRALIA_ACT: ClassVar[TimeZone]
    AUSTRALIA_ADELAIDE: ClassVar[TimeZone]
    AUSTRALIA_BRISBANE: ClassVar[TimeZone]
    AUSTRALIA_BROKEN_HILL: ClassVar[TimeZone]
    AUSTRALIA_CANBERRA: ClassVar[TimeZone]
    AUSTRALIA_CURRIE: ClassVar[TimeZone]
    AUSTRALIA_DARWIN: ClassVar[TimeZone]
    AUSTRALIA_EUCLA: ClassVar[TimeZone]
    AUSTRALIA_HOBART: ClassVar[TimeZone]
    AUSTRALIA_LHI: ClassVar[TimeZone]
    AUSTRALIA_LINDEMAN: ClassVar[TimeZone]
    AUSTRALIA_LORD_HOWE: ClassVar[TimeZone]
    AUSTRALIA_MELBOURNE: ClassVar[TimeZone]
    AUSTRALIA_NSW: ClassVar[TimeZone]
    AUSTRALIA_NORTH: ClassVar[TimeZone]
    AUSTRALIA_PERTH: ClassVar[TimeZone]
    AUSTRALIA_QUEENSLAND: ClassVar[TimeZone]
    AUSTRALIA_SOUTH: ClassVar[TimeZone]
    AUSTRALIA_SYDNEY: ClassVar[TimeZone]
    AUSTRALIA_TASMANIA: ClassVar[TimeZone]
    AUSTRALIA_VICTORIA: ClassVar[TimeZone]
    AUSTRALIA_WEST: ClassVar[TimeZone]
    AUSTRALIA_YANCOWINNA: ClassVar[TimeZone]
    EUROPE_AMSTERDAM: ClassVar[TimeZone]
    EUROPE_ANDORRA: ClassVar[TimeZone]
    EUROPE_ASTRAKHAN: ClassVar[TimeZone]
    EUROPE_ATHENS: ClassVar[TimeZone]
    EUROPE_BELFAST: ClassVar[TimeZone]
    EUROPE_BELGRADE: ClassVar[TimeZone]
    EUROPE_BERLIN: ClassVar[TimeZone]
    EUROPE_BRATISLAVA: ClassVar[TimeZone]
    EUROPE_BRUSSELS: ClassVar[TimeZone]
    EUROPE_BUCHAREST: ClassVar[TimeZone]
    EUROPE_BUDAPEST: ClassVar[TimeZone]
    EUROPE_BUSINGEN: ClassVar[TimeZone]
    EUROPE_CHISINAU: ClassVar[TimeZone]
    EUROPE_COPENHAGEN: ClassVar[TimeZone]
    EUROPE_DUBLIN: ClassVar[TimeZone]
    EUROPE_GIBRALTAR: ClassVar[TimeZone]
    EUROPE_GUERNSEY: ClassVar[TimeZone]
    EUROPE_HELSINKI: ClassVar[TimeZone]
    EUROPE_ISLE_OF_MAN: ClassVar[TimeZone]
    EUROPE_ISTANBUL: ClassVar[TimeZone]
    EUROPE_JERSEY: ClassVar[TimeZone]
    EUROPE_KALININGRAD: ClassVar[TimeZone]
    EUROPE_KIEV: ClassVar[TimeZone]
    EUROPE_KIROV: ClassVar[TimeZone]
    EUROPE_KYIV: ClassVar[TimeZone]
    EUROPE_LISBON: ClassVar[TimeZone]
    EUROPE_LJUBLJANA: ClassVar[TimeZone]
    EUROPE_LONDON: ClassVar[TimeZone]
    EUROPE_LUXEMBOURG: ClassVar[TimeZone]
    EUROPE_MADRID: ClassVar[TimeZone]
    EUROPE_MALTA: ClassVar[TimeZone]
    EUROPE_MARIEHAMN: ClassVar[TimeZone]
    EUROPE_MINSK: ClassVar[TimeZone]
    EUROPE_MONACO: ClassVar[TimeZone]
    EUROPE_MOSCOW: ClassVar[TimeZone]
    EUROPE_NICOSIA: ClassVar[TimeZone]
    EUROPE_OSLO: ClassVar[TimeZone]
    EUROPE_PARIS: ClassVar[TimeZone]
    EUROPE_PODGORICA: ClassVar[TimeZone]
    EUROPE_PRAGUE: ClassVar[TimeZone]
    EUROPE_RIGA: ClassVar[TimeZone]
    EUROPE_ROME: ClassVar[TimeZone]
    EUROPE_SAMARA: ClassVar[TimeZone]
    EUROPE_SAN_MARINO: ClassVar[TimeZone]
    EUROPE_SARAJEVO: ClassVar[TimeZone]
    EUROPE_SARATOV: ClassVar[TimeZone]
    EUROPE_SIMFEROPOL: ClassVar[TimeZone]
    EUROPE_SKOPJE: ClassVar[TimeZone]
    EUROPE_SOFIA: ClassVar[TimeZone]
    EUROPE_STOCKHOLM: ClassVar[TimeZone]
    EUROPE_TALLINN: ClassVar[TimeZone]
    EUROPE_TIRANE: ClassVar[TimeZone]
    EUROPE_TIRASPOL: ClassVar[TimeZone]
    EUROPE_ULYANOVSK: ClassVar[TimeZone]
    EUROPE_UZHGOROD: ClassVar[TimeZone]
    EUROPE_VADUZ: ClassVar[TimeZone]
    EUROPE_VATICAN: ClassVar[TimeZone]
    EUROPE_VIENNA: ClassVar[TimeZone]
    EUROPE_VILNIUS: ClassVar[TimeZone]
    EUROPE_VOLGOGRAD: ClassVar[TimeZone]
    EUROPE_WARSAW: ClassVar[TimeZone]
    EUROPE_ZAGREB: ClassVar[TimeZone]
    EUROPE_ZAPOROZHYE: ClassVar[TimeZone]
    EUROPE_ZURICH: ClassVar[TimeZone]
    INDIAN_ANTANANARIVO: ClassVar[TimeZone]
    INDIAN_CHAGOS: ClassVar[TimeZone]
    INDIAN_CHRISTMAS: ClassVar[TimeZone]
    INDIAN_COCOS: ClassVar[TimeZone]
    INDIAN_COMORO: ClassVar[TimeZone]
    INDIAN_KERGUELEN: ClassVar[TimeZone]
    INDIAN_MAHE: ClassVar[TimeZone]
    INDIAN_MALDIVES: ClassVar[TimeZone]
    INDIAN_MAURITIUS: ClassVar[TimeZone]
    INDIAN_MAYOTTE: ClassVar[TimeZone]
    INDIAN_REUNION: ClassVar[TimeZone]
    PACIFIC_APIA: ClassVar[TimeZone]
    PACIFIC_AUCKLAND: ClassVar[TimeZone]
    PACIFIC_BOUGAINVILLE: ClassVar[TimeZone]
    PACIFIC_CHATHAM: ClassVar[TimeZone]
    PACIFIC_CHUUK: ClassVar[TimeZone]
    PACIFIC_EASTER: ClassVar[TimeZone]
    PACIFIC_EFATE: ClassVar[TimeZone]
    PACIFIC_ENDERBURY: ClassVar[TimeZone]
    PACIFIC_FAKAOFO: ClassVar[TimeZone]
    PACIFIC_FIJI: ClassVar[TimeZone]
    PACIFIC_FUNAFUTI: ClassVar[TimeZone]
    PACIFIC_GALAPAGOS: ClassVar[TimeZone]
    PACIFIC_GAMBIER: ClassVar[TimeZone]
    PACIFIC_GUADALCANAL: ClassVar[TimeZone]
    PACIFIC_GUAM: ClassVar[TimeZone]
    PACIFIC_HONOLULU: ClassVar[TimeZone]
    PACIFIC_JOHNSTON: ClassVar[TimeZone]
    PACIFIC_KANTON: ClassVar[TimeZone]
    PACIFIC_KIRITIMATI: ClassVar[TimeZone]
    PACIFIC_KOSRAE: ClassVar[TimeZone]
    PACIFIC_KWAJALEIN: ClassVar[TimeZone]
    PACIFIC_MAJURO: ClassVar[TimeZone]
    PACIFIC_MARQUESAS: ClassVar[TimeZone]
    PACIFIC_MIDWAY: ClassVar[TimeZone]
    PACIFIC_NAURU: ClassVar[TimeZone]
    PACIFIC_NIUE: ClassVar[TimeZone]
    PACIFIC_NORFOLK: ClassVar[TimeZone]
    PACIFIC_NOUMEA: ClassVar[TimeZone]
    PACIFIC_PAGO_PAGO: ClassVar[TimeZone]
    PACIFIC_PALAU: ClassVar[TimeZone]
    PACIFIC_PITCAIRN: ClassVar[TimeZone]
    PACIFIC_POHNPEI: ClassVar[TimeZone]
    PACIFIC_PONAPE: ClassVar[TimeZone]
    PACIFIC_PORT_MORESBY: ClassVar[TimeZone]
    PACIFIC_RAROTONGA: ClassVar[TimeZone]
    PACIFIC_SAIPAN: ClassVar[TimeZone]
    PACIFIC_SAMOA: ClassVar[TimeZone]
    PACIFIC_TAHITI: ClassVar[TimeZone]
    PACIFIC_TARAWA: ClassVar[TimeZone]
    PACIFIC_TONGATAPU: ClassVar[TimeZone]
    PACIFIC_TRUK: ClassVar[TimeZone]
    PACIFIC_WAKE: ClassVar[TimeZone]
    PACIFIC_WALLIS: ClassVar[TimeZone]
    PACIFIC_YAP: ClassVar[TimeZone]
    ETC_UTC: ClassVar[TimeZone]


# the IANA names of the class attributes (constant = upper case, non-alphanumerics -> "_"; the
# Antarctica/* ones are set without an annotation above)
_NAMES = """
Africa/Abidjan Africa/Accra Africa/Addis_Ababa Africa/Algiers Africa/Asmara Africa/Asmera Africa/Bamako Africa/Bangui
Africa/Banjul Africa/Bissau Africa/Blantyre Africa/Brazzaville Africa/Bujumbura Africa/Cairo Africa/Casablanca
Africa/Ceuta Africa/Conakry Africa/Dakar Africa/Dar_es_Salaam Africa/Djibouti Africa/Douala Africa/El_Aaiun
Africa/Freetown Africa/Gaborone Africa/Harare Africa/Johannesburg Africa/Juba Africa/Kampala Africa/Khartoum
Africa/Kigali Africa/Kinshasa Africa/Lagos Africa/Libreville Africa/Lome Africa/Luanda Africa/Lubumbashi Africa/Lusaka
Africa/Malabo Africa/Maputo Africa/Maseru Africa/Mbabane Africa/Mogadishu Africa/Monrovia Africa/Nairobi
Africa/Ndjamena Africa/Niamey Africa/Nouakchott Africa/Ouagadougou Africa/Porto-Novo Africa/Sao_Tome Africa/Timbuktu
Africa/Tripoli Africa/Tunis Africa/Windhoek America/Adak America/Anchorage America/Anguilla America/Antigua
America/Araguaina America/Argentina/Buenos_Aires America/Argentina/Catamarca America/Argentina/ComodRivadavia
America/Argentina/Cordoba America/Argentina/Jujuy America/Argentina/La_Rioja America/Argentina/Mendoza
America/Argentina/Rio_Gallegos America/Argentina/Salta America/Argentina/San_Juan America/Argentina/San_Luis
America/Argentina/Tucuman America/Argentina/Ushuaia America/Aruba America/Asuncion America/Atikokan America/Atka
America/Bahia America/Bahia_Banderas America/Barbados America/Belem America/Belize America/Blanc-Sablon
America/Boa_Vista America/Bogota America/Boise America/Buenos_Aires America/Cambridge_Bay America/Campo_Grande
America/Cancun America/Caracas America/Catamarca America/Cayenne America/Cayman America/Chicago America/Chihuahua
America/Ciudad_Juarez America/Coral_Harbour America/Cordoba America/Costa_Rica America/Coyhaique America/Creston
America/Cuiaba America/Curacao America/Danmarkshavn America/Dawson America/Dawson_Creek America/Denver America/Detroit
America/Dominica America/Edmonton America/Eirunepe America/El_Salvador America/Ensenada America/Fort_Nelson
America/Fort_Wayne America/Fortaleza America/Glace_Bay America/Godthab America/Goose_Bay America/Grand_Turk
America/Grenada America/Guadeloupe America/Guatemala America/Guayaquil America/Guyana America/Halifax America/Havana
America/Hermosillo America/Indiana/Indianapolis America/Indiana/Knox America/Indiana/Marengo America/Indiana/Petersburg
America/Indiana/Tell_City America/Indiana/Vevay America/Indiana/Vincennes America/Indiana/Winamac America/Indianapolis
America/Inuvik America/Iqaluit America/Jamaica America/Jujuy America/Juneau America/Kentucky/Louisville
America/Kentucky/Monticello America/Knox_IN America/Kralendijk America/La_Paz America/Lima America/Los_Angeles
America/Louisville America/Lower_Princes America/Maceio America/Managua America/Manaus America/Marigot
America/Martinique America/Matamoros America/Mazatlan America/Mendoza America/Menominee America/Merida
America/Metlakatla America/Mexico_City America/Miquelon America/Moncton America/Monterrey America/Montevideo
America/Montreal America/Montserrat America/Nassau America/New_York America/Nipigon America/Nome America/Noronha
America/North_Dakota/Beulah America/North_Dakota/Center America/North_Dakota/New_Salem America/Nuuk America/Ojinaga
America/Panama America/Pangnirtung America/Paramaribo America/Phoenix America/Port-au-Prince America/Port_of_Spain
America/Porto_Acre America/Porto_Velho America/Puerto_Rico America/Punta_Arenas America/Rainy_River
America/Rankin_Inlet America/Recife America/Regina America/Resolute America/Rio_Branco America/Rosario
America/Santa_Isabel America/Santarem America/Santiago America/Santo_Domingo America/Sao_Paulo America/Scoresbysund
America/Shiprock America/Sitka America/St_Barthelemy America/St_Johns America/St_Kitts America/St_Lucia
America/St_Thomas America/St_Vincent America/Swift_Current America/Tegucigalpa America/Thule America/Thunder_Bay
America/Tijuana America/Toronto America/Tortola America/Vancouver America/Virgin America/Whitehorse America/Winnipeg
America/Yakutat America/Yellowknife Asia/Aden Asia/Almaty Asia/Amman Asia/Anadyr Asia/Aqtau Asia/Aqtobe Asia/Ashgabat
Asia/Ashkhabad Asia/Atyrau Asia/Baghdad Asia/Bahrain Asia/Baku Asia/Bangkok Asia/Barnaul Asia/Beirut Asia/Bishkek
Asia/Brunei Asia/Calcutta Asia/Chita Asia/Choibalsan Asia/Chongqing Asia/Chungking Asia/Colombo Asia/Dacca
Asia/Damascus Asia/Dhaka Asia/Dili Asia/Dubai Asia/Dushanbe Asia/Famagusta Asia/Gaza Asia/Harbin Asia/Hebron
Asia/Ho_Chi_Minh Asia/Hong_Kong Asia/Hovd Asia/Irkutsk Asia/Istanbul Asia/Jakarta Asia/Jayapura Asia/Jerusalem
Asia/Kabul Asia/Kamchatka Asia/Karachi Asia/Kashgar Asia/Kathmandu Asia/Katmandu Asia/Khandyga Asia/Kolkata
Asia/Krasnoyarsk Asia/Kuala_Lumpur Asia/Kuching Asia/Kuwait Asia/Macao Asia/Macau Asia/Magadan Asia/Makassar
Asia/Manila Asia/Muscat Asia/Nicosia Asia/Novokuznetsk Asia/Novosibirsk Asia/Omsk Asia/Oral Asia/Phnom_Penh
Asia/Pontianak Asia/Pyongyang Asia/Qatar Asia/Qostanay Asia/Qyzylorda Asia/Rangoon Asia/Riyadh Asia/Saigon
Asia/Sakhalin Asia/Samarkand Asia/Seoul Asia/Shanghai Asia/Singapore Asia/Srednekolymsk Asia/Taipei Asia/Tashkent
Asia/Tbilisi Asia/Tehran Asia/Tel_Aviv Asia/Thimbu Asia/Thimphu Asia/Tokyo Asia/Tomsk Asia/Ujung_Pandang
Asia/Ulaanbaatar Asia/Ulan_Bator Asia/Urumqi Asia/Ust-Nera Asia/Vientiane Asia/Vladivostok Asia/Yakutsk Asia/Yangon
Asia/Yekaterinburg Asia/Yerevan Atlantic/Azores Atlantic/Bermuda Atlantic/Canary Atlantic/Cape_Verde Atlantic/Faeroe
Atlantic/Faroe Atlantic/Jan_Mayen Atlantic/Madeira Atlantic/Reykjavik Atlantic/South_Georgia Atlantic/St_Helena
Atlantic/Stanley Australia/ACT Australia/Adelaide Australia/Brisbane Australia/Broken_Hill Australia/Canberra
Australia/Currie Australia/Darwin Australia/Eucla Australia/Hobart Australia/LHI Australia/Lindeman Australia/Lord_Howe
Australia/Melbourne Australia/NSW Australia/North Australia/Perth Australia/Queensland Australia/South Australia/Sydney
Australia/Tasmania Australia/Victoria Australia/West Australia/Yancowinna Europe/Amsterdam Europe/Andorra
Europe/Astrakhan Europe/Athens Europe/Belfast Europe/Belgrade Europe/Berlin Europe/Bratislava Europe/Brussels
Europe/Bucharest Europe/Budapest Europe/Busingen Europe/Chisinau Europe/Copenhagen Europe/Dublin Europe/Gibraltar
Europe/Guernsey Europe/Helsinki Europe/Isle_of_Man Europe/Istanbul Europe/Jersey Europe/Kaliningrad Europe/Kiev
Europe/Kirov Europe/Kyiv Europe/Lisbon Europe/Ljubljana Europe/London Europe/Luxembourg Europe/Madrid Europe/Malta
Europe/Mariehamn Europe/Minsk Europe/Monaco Europe/Moscow Europe/Nicosia Europe/Oslo Europe/Paris Europe/Podgorica
Europe/Prague Europe/Riga Europe/Rome Europe/Samara Europe/San_Marino Europe/Sarajevo Europe/Saratov Europe/Simferopol
Europe/Skopje Europe/Sofia Europe/Stockholm Europe/Tallinn Europe/Tirane Europe/Tiraspol Europe/Ulyanovsk
Europe/Uzhgorod Europe/Vaduz Europe/Vatican Europe/Vienna Europe/Vilnius Europe/Volgograd Europe/Warsaw Europe/Zagreb
Europe/Zaporozhye Europe/Zurich Indian/Antananarivo Indian/Chagos Indian/Christmas Indian/Cocos Indian/Comoro
Indian/Kerguelen Indian/Mahe Indian/Maldives Indian/Mauritius Indian/Mayotte Indian/Reunion Pacific/Apia
Pacific/Auckland Pacific/Bougainville Pacific/Chatham Pacific/Chuuk Pacific/Easter Pacific/Efate Pacific/Enderbury
Pacific/Fakaofo Pacific/Fiji Pacific/Funafuti Pacific/Galapagos Pacific/Gambier Pacific/Guadalcanal Pacific/Guam
Pacific/Honolulu Pacific/Johnston Pacific/Kanton Pacific/Kiritimati Pacific/Kosrae Pacific/Kwajalein Pacific/Majuro
Pacific/Marquesas Pacific/Midway Pacific/Nauru Pacific/Niue Pacific/Norfolk Pacific/Noumea Pacific/Pago_Pago
Pacific/Palau Pacific/Pitcairn Pacific/Pohnpei Pacific/Ponape Pacific/Port_Moresby Pacific/Rarotonga Pacific/Saipan
Pacific/Samoa Pacific/Tahiti Pacific/Tarawa Pacific/Tongatapu Pacific/Truk Pacific/Wake Pacific/Wallis Pacific/Yap
Etc/UTC Antarctica/Casey Antarctica/Davis Antarctica/DumontDUrville Antarctica/Macquarie Antarctica/Mawson
Antarctica/McMurdo Antarctica/Palmer Antarctica/Rothera Antarctica/South_Pole Antarctica/Syowa Antarctica/Troll
Antarctica/Vostok
"""


def _constant(name: str) -> str:
    return re.sub(r"[^A-Z0-9]+", "_", name.upper().replace("+", "_PLUS_")).strip("_")


for _name in _NAMES.split():
    setattr(TimeZone, _constant(_name), TimeZone(_name))
