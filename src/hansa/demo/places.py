"""Where the demo companies are: export hubs, buyer cities, their ports, phones and addresses.

Subdivisions are ISO 3166-2 codes and ports UN/LOCODEs of the trade app's seeded port table;
a port missing from the table falls back to the country's main port (see generator).
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class City:
    name: str
    subdivision: str
    ports: tuple[str, ...]
    phone_area: str = ""
    postal_prefix: str = ""
    zh: str = ""
    districts: tuple[str, ...] = ()
    weight: int = 1
    # Industries the place is known for, with weights (supplier cities only).
    industries: tuple[tuple[str, int], ...] = ()


@dataclass(frozen=True)
class CountryInfo:
    code: str
    name: str
    calling_code: str
    culture: str
    languages: tuple[str, ...]
    postal_format: str
    address_formats: tuple[str, ...]
    streets: tuple[str, ...]
    areas: tuple[str, ...] = ()
    cities: tuple[City, ...] = ()
    weight: int = 1
    industries: tuple[tuple[str, int], ...] = ()
    extra: dict[str, str] = field(default_factory=dict)


def _c(
    name: str, subdivision: str, ports: str, area: str = "", postal: str = "", *,
    zh: str = "", districts: str = "", weight: int = 1, industries: str = "",
) -> City:
    """A city from compact arguments: ``ports`` and ``industries`` are space separated
    (``"lights_lighting:4 electrical_equipment:1"``), ``districts`` comma separated."""
    return City(
        name=name,
        subdivision=subdivision,
        ports=tuple(ports.split()),
        phone_area=area,
        postal_prefix=postal,
        zh=zh,
        districts=tuple(d.strip() for d in districts.split(",") if d.strip()),
        weight=weight,
        industries=tuple((k, int(w)) for k, w in (item.split(":") for item in industries.split())),
    )


def _w(spec: str) -> tuple[tuple[str, int], ...]:
    return tuple((k, int(w)) for k, w in (item.split(":") for item in spec.split()))


# --- China: the export hubs, about 70% of the suppliers -----------------------------------------

CHINA_PROVINCES_ZH = {
    "CN-GD": "广东省", "CN-ZJ": "浙江省", "CN-JS": "江苏省", "CN-SD": "山东省", "CN-FJ": "福建省",
    "CN-SH": "上海市", "CN-TJ": "天津市",
}

CHINA_CITIES: tuple[City, ...] = (
    _c("Shenzhen", "CN-GD", "CNYTN CNSZX CNSHK", "755", "518", zh="深圳", weight=14,
       districts="Bao'an District, Longhua District, Longgang District, Guangming District, Nanshan District",
       industries="consumer_electronics:5 lights_lighting:3 electrical_equipment:2 packaging_printing:1"),
    _c("Guangzhou", "CN-GD", "CNNSA CNCAN CNHUA", "20", "510", zh="广州", weight=10,
       districts="Baiyun District, Panyu District, Huadu District, Huangpu District",
       industries="home_supplies:3 textiles_apparel:3 auto_parts:2 chemicals:1 lights_lighting:1 "
                  "packaging_printing:1"),
    _c("Dongguan", "CN-GD", "CNDGG CNYTN", "769", "523", zh="东莞", weight=8,
       districts="Chang'an Town, Humen Town, Houjie Town, Tangxia Town, Songshan Lake",
       industries="furniture:2 consumer_electronics:2 hardware_tools:2 packaging_printing:2 machinery:1 "
                  "textiles_apparel:1"),
    _c("Foshan", "CN-GD", "CNNSA CNCAN", "757", "528", zh="佛山", weight=8,
       districts="Shunde District, Nanhai District, Chancheng District, Sanshui District",
       industries="furniture:3 construction_decoration:3 lights_lighting:1 machinery:1 home_supplies:1"),
    _c("Zhongshan", "CN-GD", "CNNSA CNZUH", "760", "5284", zh="中山", weight=4,
       districts="Guzhen Town, Xiaolan Town, Torch Development Zone, Dongfeng Town",
       industries="lights_lighting:5 electrical_equipment:1 home_supplies:1"),
    _c("Ningbo", "CN-ZJ", "CNNGB", "574", "315", zh="宁波", weight=10,
       districts="Yinzhou District, Beilun District, Cixi, Yuyao, Zhenhai District",
       industries="hardware_tools:2 electrical_equipment:2 home_supplies:2 machinery:1 auto_parts:1 "
                  "consumer_electronics:1"),
    _c("Yiwu", "CN-ZJ", "CNNGB", "579", "322", zh="义乌", weight=7,
       districts="Futian Subdistrict, Choujiang Subdistrict, Beiyuan Subdistrict, Niansanli Subdistrict",
       industries="home_supplies:5 packaging_printing:1 textiles_apparel:1"),
    _c("Hangzhou", "CN-ZJ", "CNNGB CNSHA", "571", "311", zh="杭州", weight=6,
       districts="Xiaoshan District, Yuhang District, Binjiang District, Fuyang District",
       industries="textiles_apparel:2 machinery:1 electrical_equipment:1 chemicals:1 agriculture_food:1"),
    _c("Wenzhou", "CN-ZJ", "CNWNZ CNNGB", "577", "325", zh="温州", weight=5,
       districts="Yueqing, Ouhai District, Longwan District, Rui'an",
       industries="electrical_equipment:3 auto_parts:2 hardware_tools:1 textiles_apparel:1"),
    _c("Yongkang", "CN-ZJ", "CNNGB", "579", "3213", zh="永康", weight=3,
       districts="Economic Development Zone, Dongcheng Subdistrict, Gushan Town",
       industries="hardware_tools:5 home_supplies:1"),
    _c("Taizhou", "CN-ZJ", "CNNGB", "576", "318", zh="台州", weight=3,
       districts="Huangyan District, Luqiao District, Wenling, Jiaojiang District",
       industries="auto_parts:2 machinery:2 home_supplies:1"),
    _c("Shaoxing", "CN-ZJ", "CNNGB", "575", "312", zh="绍兴", weight=3,
       districts="Keqiao District, Shangyu District, Yuecheng District",
       industries="textiles_apparel:4 chemicals:1"),
    _c("Suzhou", "CN-JS", "CNSHA CNZJG", "512", "215", zh="苏州", weight=6,
       districts="Wuzhong District, Suzhou Industrial Park, Wujiang District, Kunshan, Xiangcheng District",
       industries="consumer_electronics:2 machinery:2 textiles_apparel:1 electrical_equipment:1"),
    _c("Wuxi", "CN-JS", "CNSHA CNZJG", "510", "214", zh="无锡", weight=4,
       districts="Xinwu District, Huishan District, Jiangyin, Yixing",
       industries="machinery:2 electrical_equipment:2 textiles_apparel:1"),
    _c("Changzhou", "CN-JS", "CNSHA CNZJG", "519", "213", zh="常州", weight=3,
       districts="Wujin District, Xinbei District, Jintan District",
       industries="machinery:2 electrical_equipment:1 construction_decoration:1"),
    _c("Nanjing", "CN-JS", "CNNKG CNSHA", "25", "211", zh="南京", weight=2,
       districts="Jiangning District, Liuhe District, Pukou District",
       industries="chemicals:2 machinery:1"),
    _c("Qingdao", "CN-SD", "CNTAO", "532", "266", zh="青岛", weight=6,
       districts="Huangdao District, Jimo District, Chengyang District, Jiaozhou",
       industries="agriculture_food:2 machinery:2 auto_parts:1 home_supplies:1 chemicals:1"),
    _c("Jinan", "CN-SD", "CNTAO", "531", "250", zh="济南", weight=2,
       districts="Licheng District, Zhangqiu District, Tianqiao District",
       industries="machinery:3"),
    _c("Weifang", "CN-SD", "CNTAO", "536", "261", zh="潍坊", weight=2,
       districts="Shouguang, Kuiwen District, Zhucheng",
       industries="agriculture_food:2 machinery:2 chemicals:1"),
    _c("Xiamen", "CN-FJ", "CNXMN", "592", "361", zh="厦门", weight=5,
       districts="Jimei District, Haicang District, Tong'an District, Huli District",
       industries="construction_decoration:2 textiles_apparel:1 consumer_electronics:1 agriculture_food:1 "
                  "home_supplies:1"),
    _c("Quanzhou", "CN-FJ", "CNXMN", "595", "362", zh="泉州", weight=4,
       districts="Jinjiang, Nan'an, Shishi, Hui'an",
       industries="textiles_apparel:3 construction_decoration:2 packaging_printing:1"),
    _c("Fuzhou", "CN-FJ", "CNFOC CNXMN", "591", "350", zh="福州", weight=2,
       districts="Changle District, Minhou, Fuqing",
       industries="textiles_apparel:1 agriculture_food:1 furniture:1"),
    _c("Shanghai", "CN-SH", "CNSHA CNPVG", "21", "201", zh="上海", weight=8,
       districts="Songjiang District, Jiading District, Minhang District, Pudong New Area, Fengxian District",
       industries="machinery:2 chemicals:2 electrical_equipment:1 packaging_printing:1 auto_parts:1 "
                  "consumer_electronics:1"),
    _c("Tianjin", "CN-TJ", "CNTXG CNTSN", "22", "300", zh="天津", weight=3,
       districts="Binhai New Area, Xiqing District, Wuqing District, Jinghai District",
       industries="machinery:1 chemicals:1 auto_parts:1 construction_decoration:1 hardware_tools:1"),
)

CHINA_ROADS = (
    "Jianshe", "Renmin", "Zhongshan", "Xingye", "Gongye", "Chuangye", "Keji", "Huanan", "Jiefang",
    "Changjiang", "Huanghe", "Yingbin", "Xinhua", "Fuqiang", "Hongxing", "Jinqiao", "Minzhu", "Xiangyang",
    "Tongda", "Huancheng", "Dongfang", "Haibin", "Kaifa", "Xinyuan",
)

CHINA = CountryInfo(
    code="CN", name="China", calling_code="86", culture="zh", languages=("en", "zh-hans"),
    postal_format="######", address_formats=(), streets=CHINA_ROADS, cities=CHINA_CITIES,
)


# --- Other supplier countries (about 30%) ---------------------------------------------------------

SUPPLIER_COUNTRIES: tuple[CountryInfo, ...] = (
    CountryInfo(
        "IN", "India", "91", "in", ("en", "hi"), "######",
        ("Plot No. {n}, {area}", "{n}, {street}, {area}"),
        ("Industrial Estate Road", "Link Road", "Station Road", "MG Road", "Ring Road"),
        ("MIDC Bhosari", "SIDCO Industrial Estate", "Phase II, Focal Point", "GIDC Vatva", "Sector 63",
         "Okhla Industrial Area", "Ambattur Industrial Estate"),
        (_c("Mumbai", "IN-MH", "INNSA INBOM", "22", "400"), _c("Tiruppur", "IN-TN", "INTUT INMAA", "421", "641"),
         _c("Ludhiana", "IN-PB", "INNSA", "161", "141"), _c("Ahmedabad", "IN-GJ", "INMUN", "79", "380"),
         _c("Chennai", "IN-TN", "INMAA", "44", "600"), _c("Noida", "IN-UP", "INNSA INDEL", "120", "201")),
        weight=14,
        industries=_w("textiles_apparel:3 home_supplies:2 chemicals:2 agriculture_food:2 hardware_tools:1 "
                      "auto_parts:1 machinery:1"),
    ),
    CountryInfo(
        "VN", "Vietnam", "84", "vi", ("vi", "en"), "######",
        ("Lot {code}{n}, {area}", "No. {n}, {street}, {area}"),
        ("Street No. 2", "DT743 Road", "National Road 13", "Street No. 9"),
        ("VSIP Industrial Park", "Tan Thuan Export Processing Zone", "My Phuoc Industrial Park",
         "Song Than Industrial Park", "Dinh Vu Industrial Zone", "Thang Long Industrial Park"),
        (_c("Ho Chi Minh City", "VN-SG", "VNSGN", "28", "700"), _c("Binh Duong", "VN-57", "VNSGN", "274", "750"),
         _c("Hai Phong", "VN-HP", "VNHPH", "225", "180"), _c("Hanoi", "VN-HN", "VNHPH VNHAN", "24", "100")),
        weight=12,
        industries=_w("furniture:3 textiles_apparel:3 agriculture_food:2 consumer_electronics:1 "
                      "packaging_printing:1 home_supplies:1"),
    ),
    CountryInfo(
        "TR", "Türkiye", "90", "tr", ("tr", "en"), "#####",
        ("{area} {street} No: {n}", "{area}, {n}. Sokak No: {m}"),
        ("Atatürk Caddesi", "Organize Sanayi Caddesi", "Cumhuriyet Caddesi", "İstiklal Caddesi"),
        ("İkitelli OSB Mah.", "Demirtaş OSB", "Atatürk OSB", "Nilüfer OSB", "Kemalpaşa OSB", "Başpınar OSB"),
        (_c("Istanbul", "TR-34", "TRAMR TRIST", "212", "34"), _c("Bursa", "TR-16", "TRAMR TRIST", "224", "16"),
         _c("Izmir", "TR-35", "TRIZM", "232", "35"), _c("Denizli", "TR-20", "TRIZM", "258", "20"),
         _c("Gaziantep", "TR-27", "TRMER", "342", "27")),
        weight=10,
        industries=_w("textiles_apparel:3 construction_decoration:2 auto_parts:2 home_supplies:1 "
                      "agriculture_food:1 furniture:1 machinery:1"),
    ),
    CountryInfo(
        "DE", "Germany", "49", "de", ("de", "en"), "#####",
        ("{street} {n}",),
        ("Industriestraße", "Gewerbepark", "Hauptstraße", "Daimlerstraße", "Robert-Bosch-Straße",
         "Siemensstraße", "Werkstraße", "Am Hafen"),
        (),
        (_c("Stuttgart", "DE-BW", "DEHAM", "711", "70"), _c("Munich", "DE-BY", "DEHAM DEMUC", "89", "80"),
         _c("Dortmund", "DE-NW", "DEHAM", "231", "44"), _c("Hamburg", "DE-HH", "DEHAM", "40", "22"),
         _c("Bremen", "DE-HB", "DEBRV", "421", "28"), _c("Frankfurt am Main", "DE-HE", "DEHAM DEFRA", "69", "60")),
        weight=6,
        industries=_w("machinery:3 electrical_equipment:2 chemicals:2 auto_parts:1 hardware_tools:1 "
                      "lights_lighting:1"),
    ),
    CountryInfo(
        "IT", "Italy", "39", "it", ("it", "en"), "#####",
        ("{street} {n}",),
        ("Via dell'Industria", "Via Roma", "Via Giuseppe Garibaldi", "Via dell'Artigianato",
         "Via Emilia", "Via del Lavoro", "Viale Europa"),
        (),
        (_c("Milan", "IT-25", "ITGOA ITMIL", "02", "201"), _c("Bergamo", "IT-25", "ITGOA", "035", "241"),
         _c("Treviso", "IT-34", "ITVCE", "0422", "311"), _c("Sassuolo", "IT-45", "ITLIV ITSPE", "0536", "410"),
         _c("Bologna", "IT-45", "ITLIV", "051", "401"), _c("Prato", "IT-52", "ITLIV", "0574", "591")),
        weight=6,
        industries=_w("machinery:2 furniture:2 construction_decoration:2 textiles_apparel:1 agriculture_food:1 "
                      "lights_lighting:1"),
    ),
    CountryInfo(
        "US", "United States", "1", "en_us", ("en", "es"), "#####",
        ("{n} {street}",),
        ("Industrial Parkway", "Commerce Drive", "Enterprise Boulevard", "Airport Road", "Main Street",
         "Technology Drive", "Harbor Avenue"),
        (),
        (_c("Los Angeles", "US-CA", "USLAX USLGB", "323", "900"), _c("Houston", "US-TX", "USHOU", "713", "770"),
         _c("Chicago", "US-IL", "USCHI", "312", "606"), _c("Savannah", "US-GA", "USSAV", "912", "314"),
         _c("Charlotte", "US-NC", "USCHS", "704", "282"), _c("Seattle", "US-WA", "USSEA USTIW", "206", "981")),
        weight=6,
        industries=_w("agriculture_food:2 chemicals:2 machinery:1 electrical_equipment:1 consumer_electronics:1 "
                      "packaging_printing:1"),
    ),
    CountryInfo(
        "MX", "Mexico", "52", "es", ("es", "en"), "#####",
        ("{street} {n}, {area}",),
        ("Av. Industrial", "Blvd. Aeropuerto", "Av. de las Torres", "Calle Norte", "Av. Constitución"),
        ("Parque Industrial Apodaca", "Parque Industrial El Marqués", "Parque Industrial El Salto",
         "Ciudad Industrial"),
        (_c("Monterrey", "MX-NLE", "MXATM", "81", "64"), _c("Guadalajara", "MX-JAL", "MXZLO", "33", "44"),
         _c("Querétaro", "MX-QUE", "MXVER MXMEX", "442", "76"), _c("Tijuana", "MX-BCN", "MXZLO", "664", "22")),
        weight=5,
        industries=_w("auto_parts:3 agriculture_food:2 electrical_equipment:1 construction_decoration:1 "
                      "home_supplies:1"),
    ),
    CountryInfo(
        "BR", "Brazil", "55", "pt", ("pt", "en", "es"), "#####-###",
        ("{street}, {n} - {area}",),
        ("Rua das Indústrias", "Avenida Brasil", "Rodovia BR-101, km", "Rua XV de Novembro", "Avenida Paulista"),
        ("Distrito Industrial", "Centro Empresarial", "Parque Industrial"),
        (_c("São Paulo", "BR-SP", "BRSSZ BRGRU", "11", "0"), _c("Curitiba", "BR-PR", "BRPNG", "41", "8"),
         _c("Porto Alegre", "BR-RS", "BRRIG", "51", "9"), _c("Joinville", "BR-SC", "BRITJ", "47", "89")),
        weight=5,
        industries=_w("agriculture_food:3 auto_parts:1 chemicals:1 furniture:1 construction_decoration:1"),
    ),
    CountryInfo(
        "PK", "Pakistan", "92", "pk", ("en",), "#####",
        ("Plot No. {n}, {area}",),
        ("Main Boulevard", "Ferozepur Road", "Sheikhupura Road", "Sargodha Road"),
        ("SITE Industrial Area", "Korangi Industrial Area", "Small Industrial Estate", "Sundar Industrial Estate"),
        (_c("Karachi", "PK-SD", "PKKHI PKBQM", "21", "75"), _c("Sialkot", "PK-PB", "PKKHI", "52", "51"),
         _c("Faisalabad", "PK-PB", "PKKHI PKBQM", "41", "38"), _c("Lahore", "PK-PB", "PKKHI", "42", "54")),
        weight=6,
        industries=_w("textiles_apparel:4 hardware_tools:1 home_supplies:1 agriculture_food:1"),
    ),
    CountryInfo(
        "BD", "Bangladesh", "880", "bd", ("en",), "####",
        ("Plot {n}, {area}", "House {n}, Road {m}, {area}"),
        ("Dhaka-Mymensingh Highway", "Tongi Industrial Area", "Airport Road"),
        ("Dhaka EPZ", "Chittagong EPZ", "Ashulia", "Gazipur", "Narayanganj BSCIC"),
        (_c("Dhaka", "BD-13", "BDCGP BDDAC", "2", "12"), _c("Gazipur", "BD-C", "BDCGP", "2", "17"),
         _c("Chattogram", "BD-B", "BDCGP", "31", "42")),
        weight=6,
        industries=_w("textiles_apparel:5 packaging_printing:1 home_supplies:1"),
    ),
    CountryInfo(
        "TH", "Thailand", "66", "th", ("en",), "#####",
        ("{n}/{m} Moo {k}, {street}", "{n} {area}, {street}"),
        ("Sukhumvit Road", "Bangna-Trad Road", "Rama II Road", "Phahonyothin Road"),
        ("Amata City Industrial Estate", "Bangpoo Industrial Estate", "Laem Chabang Industrial Estate"),
        (_c("Bangkok", "TH-10", "THBKK THLCH", "2", "10"), _c("Chonburi", "TH-20", "THLCH", "38", "20"),
         _c("Samut Prakan", "TH-11", "THBKK THLCH", "2", "10")),
        weight=6,
        industries=_w("agriculture_food:3 auto_parts:2 electrical_equipment:1 home_supplies:1 consumer_electronics:1"),
    ),
    CountryInfo(
        "MY", "Malaysia", "60", "ms", ("en", "zh-hans"), "#####",
        ("Lot {n}, {street}, {area}", "No. {n}, {street}, {area}"),
        ("Jalan Perindustrian", "Jalan Kemajuan", "Jalan Teknologi", "Lorong Perusahaan"),
        ("Bayan Lepas Free Industrial Zone", "Klang Industrial Park", "Pasir Gudang Industrial Estate",
         "Shah Alam Industrial Park"),
        (_c("Penang", "MY-07", "MYPEN", "4", "11"), _c("Klang", "MY-10", "MYPKG", "3", "41"),
         _c("Johor Bahru", "MY-01", "MYTPP MYPGU", "7", "81")),
        weight=5,
        industries=_w("electrical_equipment:2 consumer_electronics:2 furniture:2 chemicals:1 packaging_printing:1"),
    ),
    CountryInfo(
        "PL", "Poland", "48", "pl", ("en", "de", "ru"), "##-###",
        ("ul. {street} {n}",),
        ("Przemysłowa", "Fabryczna", "Składowa", "Poznańska", "Logistyczna", "Rzemieślnicza"),
        (),
        (_c("Poznań", "PL-30", "PLGDN PLGDY", "61", "6"), _c("Gdańsk", "PL-22", "PLGDN", "58", "8"),
         _c("Łódź", "PL-10", "PLGDN", "42", "9"), _c("Wrocław", "PL-02", "PLGDN", "71", "5")),
        weight=5,
        industries=_w("furniture:3 home_supplies:1 packaging_printing:1 machinery:1 auto_parts:1 agriculture_food:1"),
    ),
    CountryInfo(
        "KR", "South Korea", "82", "ko", ("ko", "en"), "#####",
        ("{n}, {street}, {area}",),
        ("Gongdan-ro", "Sandan-ro", "Haean-ro", "Techno 2-ro", "Bongsu-daero"),
        ("Gangseo-gu", "Namdong-gu", "Seongsan-gu", "Guro-gu", "Saha-gu"),
        (_c("Busan", "KR-26", "KRPUS", "51", "4"), _c("Incheon", "KR-28", "KRINC", "32", "2"),
         _c("Changwon", "KR-48", "KRPUS", "55", "5"), _c("Seoul", "KR-11", "KRINC KRSEL", "2", "0")),
        weight=5,
        industries=_w("consumer_electronics:2 chemicals:2 auto_parts:2 machinery:1 electrical_equipment:1"),
    ),
    CountryInfo(
        "JP", "Japan", "81", "ja", ("ja", "en"), "###-####",
        ("{n}-{m}-{k} {area}",),
        ("Chuo", "Minato", "Sakae", "Honmachi"),
        ("Higashi-ku", "Minato-ku", "Kita-ku", "Nishi-ku", "Naka-ku", "Chuo-ku"),
        (_c("Osaka", "JP-27", "JPOSA JPUKB", "6", "5"), _c("Nagoya", "JP-23", "JPNGO", "52", "4"),
         _c("Yokohama", "JP-14", "JPYOK", "45", "2"), _c("Kobe", "JP-28", "JPUKB", "78", "6")),
        weight=5,
        industries=_w("machinery:2 auto_parts:2 consumer_electronics:1 chemicals:1 hardware_tools:1"),
    ),
)


# --- Buyer countries: importers, wholesalers, retailers and distributors around the world ----------

_STREETS_EN = ("Commerce Way", "Harbour Road", "Station Road", "King Street", "Park Lane", "Mill Road",
               "Enterprise Way", "Victoria Street")

BUYER_COUNTRIES: tuple[CountryInfo, ...] = (
    CountryInfo("US", "United States", "1", "en_us", ("en", "es"), "#####", ("{n} {street}",),
                ("Commerce Drive", "Main Street", "Distribution Way", "Gateway Boulevard", "Oak Avenue",
                 "Warehouse Road", "Sunset Boulevard", "Market Street"), (),
                (_c("New York", "US-NY", "USNYC USEWR", "212", "100"), _c("Los Angeles", "US-CA", "USLAX USLGB", "213", "900"),
                 _c("Chicago", "US-IL", "USCHI", "312", "606"), _c("Houston", "US-TX", "USHOU", "713", "770"),
                 _c("Miami", "US-FL", "USMIA", "305", "331"), _c("Atlanta", "US-GA", "USSAV USATL", "404", "303"),
                 _c("Seattle", "US-WA", "USSEA", "206", "981"), _c("Dallas", "US-TX", "USHOU USDFW", "214", "752"),
                 _c("Newark", "US-NJ", "USEWR USNYC", "973", "071"), _c("Charlotte", "US-NC", "USCHS", "704", "282")),
                weight=30),
    CountryInfo("CA", "Canada", "1", "en_us", ("en", "fr"), "A#A #A#", ("{n} {street}",),
                ("Dundas Street West", "Boulevard Saint-Laurent", "Industrial Avenue", "Marine Drive"), (),
                (_c("Toronto", "CA-ON", "CAHAL CAMTR", "416"), _c("Vancouver", "CA-BC", "CAVAN", "604"),
                 _c("Montreal", "CA-QC", "CAMTR", "514"), _c("Calgary", "CA-AB", "CAVAN", "403")), weight=8),
    CountryInfo("MX", "Mexico", "52", "es", ("es", "en"), "#####", ("{street} {n}, {area}",),
                ("Av. Insurgentes Sur", "Av. Vallarta", "Calzada de Tlalpan", "Av. Revolución"),
                ("Col. Centro", "Col. Industrial", "Col. del Valle"),
                (_c("Mexico City", "MX-CMX", "MXVER MXMEX", "55", "0"), _c("Guadalajara", "MX-JAL", "MXZLO", "33", "44"),
                 _c("Monterrey", "MX-NLE", "MXATM", "81", "64")), weight=7),
    CountryInfo("BR", "Brazil", "55", "pt", ("pt", "en"), "#####-###", ("{street}, {n} - {area}",),
                ("Avenida Paulista", "Rua Augusta", "Avenida das Nações Unidas", "Rua do Comércio"),
                ("Centro", "Vila Industrial", "Barra Funda"),
                (_c("São Paulo", "BR-SP", "BRSSZ", "11", "0"), _c("Rio de Janeiro", "BR-RJ", "BRRIO", "21", "2"),
                 _c("Curitiba", "BR-PR", "BRPNG", "41", "8"), _c("Joinville", "BR-SC", "BRITJ", "47", "89")), weight=7),
    CountryInfo("AR", "Argentina", "54", "es", ("es",), "A####AAA", ("{street} {n}",),
                ("Av. Corrientes", "Av. Belgrano", "Av. Córdoba", "Calle Florida"), (),
                (_c("Buenos Aires", "AR-C", "ARBUE", "11", "C1"), _c("Córdoba", "AR-X", "ARBUE", "351", "X5")), weight=3),
    CountryInfo("CL", "Chile", "56", "es", ("es", "en"), "#######", ("{street} {n}",),
                ("Av. Apoquindo", "Av. Providencia", "Av. Libertador Bernardo O'Higgins", "Av. Brasil"), (),
                (_c("Santiago", "CL-RM", "CLSAI CLSCL", "2"), _c("Valparaíso", "CL-VS", "CLVAP", "32")), weight=4),
    CountryInfo("CO", "Colombia", "57", "es", ("es",), "######", ("{street} # {n}-{m}",),
                ("Calle 80", "Carrera 7", "Avenida El Dorado", "Carrera 43A"), (),
                (_c("Bogotá", "CO-DC", "COCTG COBOG", "601"), _c("Medellín", "CO-ANT", "COCTG", "604"),
                 _c("Cali", "CO-VAC", "COBUN", "602")), weight=4),
    CountryInfo("PE", "Peru", "51", "es", ("es",), "#####", ("{street} {n}",),
                ("Av. Javier Prado Este", "Av. Argentina", "Av. La Marina"), (),
                (_c("Lima", "PE-LIM", "PECLL PELIM", "1", "15"),), weight=3),
    CountryInfo("GB", "United Kingdom", "44", "en_gb", ("en",), "AA# #AA", ("{n} {street}", "Unit {n}, {area}"),
                _STREETS_EN, ("Trafford Park", "Park Royal", "Centrum Business Park", "Aire Valley Business Park"),
                (_c("London", "GB-LND", "GBLGP GBFXT GBTIL", "20"), _c("Manchester", "GB-MAN", "GBLIV GBFXT", "161"),
                 _c("Birmingham", "GB-BIR", "GBFXT GBSOU", "121"), _c("Leeds", "GB-LDS", "GBFXT", "113"),
                 _c("Glasgow", "GB-GLG", "GBLIV", "141")), weight=12),
    CountryInfo("IE", "Ireland", "353", "en_gb", ("en",), "A## A#A#", ("{n} {street}", "Unit {n}, {area}"),
                _STREETS_EN, ("Ballymount Industrial Estate", "Little Island Business Park"),
                (_c("Dublin", "IE-D", "IEDUB", "1"), _c("Cork", "IE-CO", "IEORK", "21")), weight=2),
    CountryInfo("DE", "Germany", "49", "de", ("de", "en"), "#####", ("{street} {n}",),
                ("Hafenstraße", "Großmarktstraße", "Industriestraße", "Lagerstraße", "Kaiserstraße", "Bahnhofstraße"), (),
                (_c("Hamburg", "DE-HH", "DEHAM", "40", "2"), _c("Munich", "DE-BY", "DEHAM", "89", "8"),
                 _c("Düsseldorf", "DE-NW", "DEHAM", "211", "4"), _c("Frankfurt am Main", "DE-HE", "DEHAM DEFRA", "69", "6"),
                 _c("Bremen", "DE-HB", "DEBRV", "421", "28"), _c("Stuttgart", "DE-BW", "DEHAM", "711", "7"),
                 _c("Berlin", "DE-BE", "DEHAM", "30", "1"), _c("Hanover", "DE-NI", "DEHAM", "511", "30")), weight=14),
    CountryInfo("FR", "France", "33", "fr", ("fr", "en"), "#####", ("{n} {street}",),
                ("rue de la République", "avenue Jean Jaurès", "boulevard Gambetta", "rue du Commerce",
                 "avenue de l'Europe"), (),
                (_c("Paris", "FR-IDF", "FRLEH FRCDG", "1", "75"), _c("Lyon", "FR-ARA", "FRFOS FRMRS", "4", "69"),
                 _c("Marseille", "FR-PAC", "FRMRS FRFOS", "4", "13"), _c("Lille", "FR-HDF", "FRLEH", "3", "59"),
                 _c("Bordeaux", "FR-NAQ", "FRLEH", "5", "33")), weight=9),
    CountryInfo("ES", "Spain", "34", "es", ("es", "en"), "#####", ("{street}, {n}",),
                ("Calle Mayor", "Avenida de la Industria", "Polígono Industrial Sur, Calle", "Gran Vía"), (),
                (_c("Madrid", "ES-MD", "ESVLC ESMAD", "91", "28"), _c("Barcelona", "ES-CT", "ESBCN", "93", "08"),
                 _c("Valencia", "ES-VC", "ESVLC", "96", "46"), _c("Bilbao", "ES-PV", "ESBIO", "94", "48"),
                 _c("Seville", "ES-AN", "ESALG", "95", "41")), weight=8),
    CountryInfo("PT", "Portugal", "351", "pt", ("pt", "en"), "####-###", ("{street}, {n}",),
                ("Rua Augusta", "Avenida da Liberdade", "Rua de Santa Catarina", "Estrada Nacional 10"), (),
                (_c("Lisbon", "PT-11", "PTLIS PTSIE", "21", "1"), _c("Porto", "PT-13", "PTLEI", "22", "4")), weight=3),
    CountryInfo("IT", "Italy", "39", "it", ("it", "en"), "#####", ("{street} {n}",),
                ("Via Roma", "Corso Italia", "Via Torino", "Viale Monza", "Via Nazionale"), (),
                (_c("Milan", "IT-25", "ITGOA", "02", "201"), _c("Rome", "IT-62", "ITNAP", "06", "001"),
                 _c("Naples", "IT-72", "ITNAP", "081", "801"), _c("Turin", "IT-21", "ITGOA", "011", "101"),
                 _c("Bologna", "IT-45", "ITLIV", "051", "401")), weight=7),
    CountryInfo("NL", "Netherlands", "31", "nl", ("nl", "en", "de"), "#### AA", ("{street} {n}",),
                ("Havenweg", "Industrieweg", "Stationsplein", "Kanaalweg", "Keizersgracht"), (),
                (_c("Rotterdam", "NL-ZH", "NLRTM", "10", "30"), _c("Amsterdam", "NL-NH", "NLAMS NLRTM", "20", "10"),
                 _c("Eindhoven", "NL-NB", "NLRTM", "40", "56"), _c("Utrecht", "NL-UT", "NLRTM", "30", "35")), weight=7),
    CountryInfo("BE", "Belgium", "32", "nl", ("nl", "fr", "en"), "####", ("{street} {n}",),
                ("Noorderlaan", "Rue de la Loi", "Industrieweg", "Avenue Louise"), (),
                (_c("Antwerp", "BE-VAN", "BEANR", "3", "20"), _c("Brussels", "BE-BRU", "BEANR BEBRU", "2", "10"),
                 _c("Ghent", "BE-VOV", "BEZEE BEANR", "9", "90")), weight=4),
    CountryInfo("AT", "Austria", "43", "de", ("de", "en"), "####", ("{street} {n}",),
                ("Mariahilfer Straße", "Industriestraße", "Wiener Straße", "Hauptplatz"), (),
                (_c("Vienna", "AT-9", "ATVIE DEHAM", "1", "1"), _c("Graz", "AT-6", "SIKOP", "316", "80"),
                 _c("Linz", "AT-4", "DEHAM", "732", "40")), weight=3),
    CountryInfo("CH", "Switzerland", "41", "de", ("de", "fr", "en"), "####", ("{street} {n}",),
                ("Bahnhofstrasse", "Industriestrasse", "Rue du Rhône", "Hardturmstrasse"), (),
                (_c("Zurich", "CH-ZH", "CHZRH", "44", "80"), _c("Basel", "CH-BS", "NLRTM", "61", "40"),
                 _c("Geneva", "CH-GE", "FRMRS", "22", "12")), weight=3),
    CountryInfo("PL", "Poland", "48", "pl", ("en", "de"), "##-###", ("ul. {street} {n}",),
                ("Marszałkowska", "Grunwaldzka", "Przemysłowa", "Długa", "Słowackiego"), (),
                (_c("Warsaw", "PL-14", "PLGDN PLWAW", "22", "0"), _c("Gdańsk", "PL-22", "PLGDN", "58", "8"),
                 _c("Poznań", "PL-30", "PLGDN", "61", "6"), _c("Kraków", "PL-12", "PLGDN", "12", "3")), weight=5),
    CountryInfo("CZ", "Czechia", "420", "cz", ("en", "de"), "### ##", ("{street} {n}",),
                ("Národní", "Průmyslová", "Vinohradská", "Cejl"), (),
                (_c("Prague", "CZ-10", "DEHAM CZPRG", "2", "1"), _c("Brno", "CZ-64", "DEHAM", "5", "6")), weight=3),
    CountryInfo("HU", "Hungary", "36", "hu", ("en", "de"), "####", ("{street} {n}.",),
                ("Váci út", "Andrássy út", "Üllői út"), (),
                (_c("Budapest", "HU-BU", "HUBUD SIKOP", "1", "1"),), weight=2),
    CountryInfo("RO", "Romania", "40", "ro", ("en", "fr"), "######", ("{street} nr. {n}",),
                ("Bulevardul Unirii", "Strada Industriilor", "Calea Victoriei"), (),
                (_c("Bucharest", "RO-B", "ROCND", "21", "0"), _c("Cluj-Napoca", "RO-CJ", "ROCND", "264", "40")), weight=3),
    CountryInfo("GR", "Greece", "30", "gr", ("en",), "### ##", ("{street} {n}",),
                ("Leoforos Kifisias", "Odos Ermou", "Leoforos Syngrou"), (),
                (_c("Athens", "GR-I", "GRPIR", "21", "1"), _c("Thessaloniki", "GR-B", "GRSKG", "231", "5")), weight=2),
    CountryInfo("SE", "Sweden", "46", "nordic", ("en",), "### ##", ("{street} {n}",),
                ("Storgatan", "Industrivägen", "Hamngatan", "Kungsgatan"), (),
                (_c("Stockholm", "SE-AB", "SESTO SEGOT", "8", "1"), _c("Gothenburg", "SE-O", "SEGOT", "31", "4"),
                 _c("Malmö", "SE-M", "SEGOT DKCPH", "40", "2")), weight=4),
    CountryInfo("DK", "Denmark", "45", "nordic", ("en", "de"), "####", ("{street} {n}",),
                ("Havnegade", "Industrivej", "Vesterbrogade", "Strandvejen"), (),
                (_c("Copenhagen", "DK-84", "DKCPH DKAAR", "", "1"), _c("Aarhus", "DK-82", "DKAAR", "", "8")), weight=3),
    CountryInfo("NO", "Norway", "47", "nordic", ("en",), "####", ("{street} {n}",),
                ("Karl Johans gate", "Industriveien", "Bryggen", "Havnegata"), (),
                (_c("Oslo", "NO-03", "NOOSL", "", "0"), _c("Bergen", "NO-46", "NOOSL", "", "50")), weight=3),
    CountryInfo("FI", "Finland", "358", "nordic", ("en",), "#####", ("{street} {n}",),
                ("Mannerheimintie", "Teollisuuskatu", "Hämeenkatu"), (),
                (_c("Helsinki", "FI-18", "FIHEL FIKTK", "9", "00"), _c("Tampere", "FI-11", "FIHEL", "3", "33")), weight=2),
    CountryInfo("TR", "Türkiye", "90", "tr", ("tr", "en"), "#####", ("{street} No: {n}, {area}",),
                ("Büyükdere Caddesi", "Atatürk Bulvarı", "Cumhuriyet Caddesi"), ("Şişli", "Çankaya", "Konak", "Kadıköy"),
                (_c("Istanbul", "TR-34", "TRAMR", "212", "34"), _c("Ankara", "TR-06", "TRMER", "312", "06"),
                 _c("Izmir", "TR-35", "TRIZM", "232", "35")), weight=4),
    CountryInfo("AE", "United Arab Emirates", "971", "ar", ("ar", "en"), "", ("Warehouse {n}, {area}", "Office {n}, {street}"),
                ("Sheikh Zayed Road", "Al Maktoum Road", "Corniche Road"),
                ("Jebel Ali Free Zone", "Al Quoz Industrial Area 3", "Dubai Investments Park", "Sharjah Airport Free Zone"),
                (_c("Dubai", "AE-DU", "AEJEA AEDXB", "4"), _c("Abu Dhabi", "AE-AZ", "AEAUH", "2"),
                 _c("Sharjah", "AE-SH", "AESHJ AEJEA", "6")), weight=8),
    CountryInfo("SA", "Saudi Arabia", "966", "ar", ("ar", "en"), "#####", ("{street}, {area}",),
                ("King Fahd Road", "Prince Sultan Street", "King Abdulaziz Road"),
                ("Al Olaya", "Industrial City 2", "Al Khalidiyah"),
                (_c("Riyadh", "SA-01", "SADMM SARUH", "11", "1"), _c("Jeddah", "SA-02", "SAJED", "12", "2"),
                 _c("Dammam", "SA-04", "SADMM", "13", "3")), weight=5),
    CountryInfo("IL", "Israel", "972", "he", ("en",), "#######", ("{street} {n}",),
                ("Rothschild Blvd", "HaBarzel Street", "Derech Ha'Atsmaut"), (),
                (_c("Tel Aviv", "IL-TA", "ILASH", "3"), _c("Haifa", "IL-HA", "ILHFA", "4")), weight=3),
    CountryInfo("EG", "Egypt", "20", "ar", ("ar", "en"), "#####", ("{n} {street}, {area}",),
                ("El Tahrir Street", "Salah Salem Road", "El Horreya Road"), ("Nasr City", "10th of Ramadan City", "Smouha"),
                (_c("Cairo", "EG-C", "EGALY EGPSD", "2", "11"), _c("Alexandria", "EG-ALX", "EGALY", "3", "21")), weight=3),
    CountryInfo("MA", "Morocco", "212", "ar", ("ar", "fr", "en"), "#####", ("{n}, {street}, {area}",),
                ("Boulevard Mohammed V", "Boulevard Zerktouni", "Route de Rabat"), ("Ain Sebaa", "Zone Franche"),
                (_c("Casablanca", "MA-CAS", "MACAS", "522", "20"), _c("Tangier", "MA-TNG", "MAPTM", "539", "90")), weight=3),
    CountryInfo("NG", "Nigeria", "234", "af", ("en",), "######", ("{n} {street}, {area}",),
                ("Creek Road", "Allen Avenue", "Adeola Odeku Street", "Herbert Macaulay Way"),
                ("Apapa", "Ikeja", "Victoria Island", "Wuse II"),
                (_c("Lagos", "NG-LA", "NGAPP NGLOS", "1", "10"), _c("Abuja", "NG-FC", "NGAPP", "9", "90"),
                 _c("Kano", "NG-KN", "NGAPP", "64", "70")), weight=5),
    CountryInfo("GH", "Ghana", "233", "af", ("en",), "", ("{n} {street}, {area}",),
                ("Spintex Road", "Ring Road Central", "Harbour Road"), ("Tema Industrial Area", "Osu", "Adum"),
                (_c("Accra", "GH-AA", "GHTEM GHACC", "30"), _c("Kumasi", "GH-AH", "GHTEM", "32")), weight=2),
    CountryInfo("KE", "Kenya", "254", "af", ("en",), "#####", ("{street}, {area}",),
                ("Mombasa Road", "Moi Avenue", "Enterprise Road", "Kenyatta Avenue"),
                ("Industrial Area", "Westlands", "Shimanzi"),
                (_c("Nairobi", "KE-30", "KEMBA KENBO", "20", "00"), _c("Mombasa", "KE-28", "KEMBA", "41", "80")), weight=4),
    CountryInfo("ZA", "South Africa", "27", "za", ("en",), "####", ("{n} {street}, {area}",),
                ("Main Reef Road", "Voortrekker Road", "Umgeni Road", "Jan Smuts Avenue"),
                ("City Deep", "Montague Gardens", "Springfield Park", "Isando"),
                (_c("Johannesburg", "ZA-GP", "ZADUR ZAJNB", "11", "2"), _c("Cape Town", "ZA-WC", "ZACPT", "21", "7"),
                 _c("Durban", "ZA-KZN", "ZADUR", "31", "4")), weight=5),
    CountryInfo("IN", "India", "91", "in", ("en", "hi"), "######", ("{n}, {street}, {area}",),
                ("Linking Road", "MG Road", "Nehru Place", "Anna Salai"), ("Andheri East", "Okhla Phase II", "Whitefield"),
                (_c("Mumbai", "IN-MH", "INNSA", "22", "400"), _c("Delhi", "IN-DL", "INMUN INDEL", "11", "110"),
                 _c("Bengaluru", "IN-KA", "INMAA INBLR", "80", "560"), _c("Chennai", "IN-TN", "INMAA", "44", "600")), weight=6),
    CountryInfo("JP", "Japan", "81", "ja", ("ja", "en"), "###-####", ("{n}-{m}-{k} {area}",),
                ("Chuo",), ("Chuo-ku", "Minato-ku", "Shinagawa-ku", "Naka-ku"),
                (_c("Tokyo", "JP-13", "JPTYO JPYOK", "3", "1"), _c("Osaka", "JP-27", "JPOSA", "6", "5"),
                 _c("Nagoya", "JP-23", "JPNGO", "52", "4")), weight=5),
    CountryInfo("KR", "South Korea", "82", "ko", ("ko", "en"), "#####", ("{n}, {street}, {area}",),
                ("Teheran-ro", "Sejong-daero", "Jungang-daero"), ("Gangnam-gu", "Jung-gu", "Haeundae-gu"),
                (_c("Seoul", "KR-11", "KRINC", "2", "0"), _c("Busan", "KR-26", "KRPUS", "51", "4")), weight=4),
    CountryInfo("SG", "Singapore", "65", "sg", ("en", "zh-hans"), "######", ("{n} {street}, #{m}-{k}",),
                ("Tuas Avenue", "Ubi Road", "Kaki Bukit Road", "Penjuru Lane"), (),
                (_c("Singapore", "SG-01", "SGSIN", "", "6"),), weight=4),
    CountryInfo("MY", "Malaysia", "60", "ms", ("en", "zh-hans"), "#####", ("No. {n}, {street}, {area}",),
                ("Jalan Klang Lama", "Jalan Ampang", "Jalan Perusahaan"), ("Petaling Jaya", "Shah Alam", "Bayan Lepas"),
                (_c("Kuala Lumpur", "MY-14", "MYPKG", "3", "5"), _c("Penang", "MY-07", "MYPEN", "4", "1"),
                 _c("Johor Bahru", "MY-01", "MYTPP", "7", "8")), weight=3),
    CountryInfo("ID", "Indonesia", "62", "id", ("en",), "#####", ("{street} No. {n}, {area}",),
                ("Jalan Gatot Subroto", "Jalan Raya Industri", "Jalan Sudirman"),
                ("Kawasan Industri Pulogadung", "Cikarang", "Rungkut"),
                (_c("Jakarta", "ID-JK", "IDJKT", "21", "1"), _c("Surabaya", "ID-JI", "IDSUB", "31", "60"),
                 _c("Medan", "ID-SU", "IDBLW", "61", "20")), weight=5),
    CountryInfo("PH", "Philippines", "63", "ph", ("en",), "####", ("{n} {street}, {area}",),
                ("EDSA", "Ayala Avenue", "Osmeña Boulevard"), ("Makati", "Pasig", "Mandaue"),
                (_c("Manila", "PH-00", "PHMNL", "2", "1"), _c("Cebu", "PH-CEB", "PHCEB", "32", "60")), weight=4),
    CountryInfo("TH", "Thailand", "66", "th", ("en",), "#####", ("{n} {street}, {area}",),
                ("Sukhumvit Road", "Rama IV Road", "Silom Road"), ("Khlong Toei", "Bang Na", "Sathon"),
                (_c("Bangkok", "TH-10", "THLCH THBKK", "2", "10"),), weight=3),
    CountryInfo("VN", "Vietnam", "84", "vi", ("vi", "en"), "######", ("{n} {street}, {area}",),
                ("Nguyen Hue", "Le Loi", "Tran Hung Dao"), ("District 1", "District 7", "Hoan Kiem District"),
                (_c("Ho Chi Minh City", "VN-SG", "VNSGN", "28", "700"), _c("Hanoi", "VN-HN", "VNHPH", "24", "100")), weight=3),
    CountryInfo("AU", "Australia", "61", "en_gb", ("en",), "####", ("{n} {street}", "Unit {n}, {m} {street}"),
                ("George Street", "Collins Street", "Industrial Drive", "Parramatta Road", "Hay Street"), (),
                (_c("Sydney", "AU-NSW", "AUSYD", "2", "2"), _c("Melbourne", "AU-VIC", "AUMEL", "3", "3"),
                 _c("Brisbane", "AU-QLD", "AUBNE", "7", "4"), _c("Perth", "AU-WA", "AUFRE AUPER", "8", "6")), weight=8),
    CountryInfo("NZ", "New Zealand", "64", "en_gb", ("en",), "####", ("{n} {street}",),
                ("Queen Street", "Great South Road", "Lincoln Road"), (),
                (_c("Auckland", "NZ-AUK", "NZAKL NZTRG", "9", "10"), _c("Christchurch", "NZ-CAN", "NZLYT", "3", "80")),
                weight=3),
)

COUNTRY_NAMES_ZH = {
    "CN": "中国", "IN": "印度", "VN": "越南", "TR": "土耳其", "DE": "德国", "IT": "意大利", "US": "美国",
    "MX": "墨西哥", "BR": "巴西", "PK": "巴基斯坦", "BD": "孟加拉国", "TH": "泰国", "MY": "马来西亚",
    "PL": "波兰", "KR": "韩国", "JP": "日本",
}

ALL_COUNTRIES: dict[str, CountryInfo] = {
    **{c.code: c for c in BUYER_COUNTRIES},
    **{c.code: c for c in SUPPLIER_COUNTRIES},
    "CN": CHINA,
}
