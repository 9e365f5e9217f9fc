"""Invented company names that read like the real ones of each country.

The word lists avoid well-known brands; uniqueness is the generator's job (it retries).
"""

from __future__ import annotations

import random

from hansa.demo.industries import LOCAL_INDUSTRY_WORDS, Industry
from hansa.demo.places import City


def _s(text: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in text.split(";") if part.strip())


# (pinyin or English trade name, Chinese characters) of Chinese firms' brand part.
_BRANDS = (
    "Mingrui=明锐; Jinhong=金鸿; Ruifeng=瑞丰; Xinhe=鑫和; Yongsheng=永晟; Haoyu=浩宇; "
    "Tianrun=天润; Boyuan=博远; Shengtai=盛泰; Kaida=凯达; Hongxiang=鸿翔; Jiayi=嘉怡; "
    "Yuxin=裕鑫; Fengyuan=丰源; Dingsheng=鼎盛; Weiye=伟业; Zhongcheng=众诚; Jiahe=佳和; "
    "Xinrui=新锐; Hongda=宏达; Jinyuan=金源; Ruida=瑞达; Yida=亿达; Huanyu=寰宇; "
    "Qiaosheng=侨晟; Jiecheng=捷诚; Haoxiang=浩翔; Zhenghe=正和; Jingcheng=精诚; "
    "Yuanhang=远航; Shunfa=顺发; Xingyuan=星源; Taihe=泰和; Runfeng=润丰; Ankang=安康; "
    "Jiaxin=佳鑫; Hengxin=恒鑫; Kangda=康达; Mingda=明达; Ruixiang=瑞祥; Shengda=昇达; "
    "Wanjia=万佳; Xinyu=信宇; Yaxing=雅星; Zhongxin=中鑫; Hongyun=鸿运; Jinrui=金瑞; "
    "Lanhai=蓝海; Qiming=启明; Sanhe=三和; Tengfei=腾飞; Xiangtai=祥泰; Yuanfeng=远丰; "
    "Zhuoyue=卓越; Huitong=汇通; Jiachen=嘉晨; Kairui=凯瑞; Longxiang=隆祥; Meixin=美鑫; "
    "Nuoxin=诺信; Oulang=欧朗; Puhui=普惠; Shuangyi=双益; Tongda=通达; Xinghe=星河; "
    "Jinpeng=金鹏; Huayang=华阳; Dongsheng=东晟; Haofeng=豪丰; Jiefeng=捷丰; Kangsheng=康盛; "
    "Lida=力达; Ningtai=宁泰; Pengcheng=鹏程; Qunying=群英; Ruitai=瑞泰; Tianhong=天宏; "
    "Xuri=旭日; Yicheng=亿诚; Zhida=志达; Hengda=恒达; Goldensun=金阳; Everwin=恒赢; "
    "Sinoway=华途; Topwell=拓威; Unistar=联星; Greenfield=绿野; Bestlink=佳联; Newstar=新星; "
    "Highpoint=高点; Silverline=银线; Bluesky=蓝天; Evergreen Star=常青星; Smartway=智途; "
    "Primeland=嘉地; Sunrise Sky=旭天; Goldwin=金赢; Joyful=悦佳; Honest=诚信; Fortune "
    "Bay=福湾; Clearview=清视"
)
CHINESE_BRANDS: tuple[tuple[str, str], ...] = tuple(
    (latin, chinese) for latin, chinese in (pair.split("=") for pair in _s(_BRANDS))
)

CHINESE_FORMS_FACTORY = (
    ("Co., Ltd.", "有限公司", 8),
    ("Industrial Co., Ltd.", "实业有限公司", 2),
    ("Group Co., Ltd.", "集团有限公司", 1),
)
CHINESE_FORMS_TRADING = (
    ("Import & Export Co., Ltd.", "进出口有限公司", 3),
    ("Trading Co., Ltd.", "贸易有限公司", 2),
    ("Co., Ltd.", "有限公司", 2),
)

# Supplier stems and patterns outside China. ``{en}`` is an English industry word, ``{loc}`` a
# word in the country's language.
SUPPLIER_STYLES: dict[str, tuple[tuple[str, ...], tuple[str, ...], str]] = {
    "IN": (
        _s(
            "Shree Ganesh; Suryoday; Navrang; Kaveri; Vasundhara; Mahalaxmi; Trishul; Sahyadri; "
            "Ganga; Indus Valley; Deccan; Sai Prakash; Rajhans; Ashoka; Orient Crest; Aarav; "
            "Vishwakarma; Narmada"
        ),
        _s(
            "{stem} {en} Pvt. Ltd.; {stem} Exports; {stem} Industries Ltd.; {stem} Overseas Pvt. "
            "Ltd.; "
            "{stem} {en} Exports"
        ),
        "",
    ),
    "VN": (
        _s(
            "Minh Phat; Hoang Long; Phu Thinh; Viet Hung; Tan Phu; Dai Thanh; Hung Thinh; Nam "
            "Viet; Truong Son; Kim Long; Phuc Loc; Thien An; Hai Dang; Sao Mai; Duc Tin"
        ),
        _s(
            "{stem} {en} Joint Stock Company; {stem} {en} Co., Ltd.; {stem} Production and "
            "Trading Co., Ltd."
        ),
        "",
    ),
    "TR": (
        _s(
            "Anatolia; Ege; Marmara; Toros; Kapadokya; Bosphorus; Akdeniz; Yıldız; Karadeniz; "
            "Kartal; Lale; Özgür; İpek; Meriç; Fırat; Erciyes"
        ),
        _s("{stem} {loc} San. ve Tic. A.Ş.; {stem} {en} Export A.Ş.; {stem} {loc} Ltd. Şti."),
        "tr",
    ),
    "DE": (
        _s(
            "Hollmann; Kessler & Brandt; Vogtland; Rheintal; Schwarzwald; Wendland; Lindholm; "
            "Hagenau; Falkenberg; Weserland; Nordstern; Steinhaus; Sauerland; Eifel; Oberland; "
            "Brinkhaus"
        ),
        _s("{stem} {loc} GmbH; {stem} {loc} GmbH & Co. KG; {stem} {en} GmbH"),
        "de",
    ),
    "IT": (
        _s(
            "Valbrembana; Bergamasca; Colombo; Galli; Rinaldi; Marchetti; Santoro; Vitale; "
            "Brianza; Adriatica; Dolomiti; Euganea; Appennino; Padana; Lariana"
        ),
        _s("{loc} {stem} S.r.l.; {stem} {loc} S.p.A.; {loc} {stem} S.r.l."),
        "it",
    ),
    "US": (
        _s(
            "Great Lakes; Lone Star; Cascade; Blue Ridge; Redwood; Keystone; Heartland; Summit "
            "Ridge; Ironwood; Prairie; Bay State; Magnolia; Riverbend; Timberline; Silver Creek"
        ),
        _s("{stem} {en} Inc.; {stem} {en} LLC; {stem} {en} Corp."),
        "",
    ),
    "MX": (
        _s(
            "Sierra Madre; Regiomontana; del Bajío; Azteca; del Norte; de Occidente; del "
            "Altiplano; del Pacífico; del Golfo; Anáhuac"
        ),
        _s("{loc} {stem} S.A. de C.V.; Grupo Industrial {stem} S.A. de C.V."),
        "es",
    ),
    "BR": (
        _s(
            "Paulista; Sul Brasil; Serra Gaúcha; Cerrado; Mata Atlântica; Vale do Itajaí; Guaíba; "
            "Tropical; Iguaçu; Paraná Verde"
        ),
        _s("{loc} {stem} Ltda.; {stem} {loc} S.A."),
        "pt",
    ),
    "PK": (
        _s("Indus; Al-Noor; Ravi; Chenab; Karakoram; Margalla; Shalimar; Mehran; Bolan; Jhelum"),
        _s("{stem} {en} (Pvt.) Ltd.; {stem} Industries; {stem} Exports (Pvt.) Ltd."),
        "",
    ),
    "BD": (
        _s(
            "Padma; Sonar Bangla; Karnaphuli; Rupsha; Buriganga; Teesta; Shapla; Surma; "
            "Dhaleshwari; Modhumoti"
        ),
        _s("{stem} {en} Ltd.; {stem} Knit Composite Ltd.; {stem} Apparels Ltd."),
        "",
    ),
    "TH": (
        _s(
            "Siam Lotus; Chao Phraya; Golden Orchid; Ayutthaya; Andaman; Lanna; Mekong Star; "
            "Rattana; Sukhothai"
        ),
        _s("{stem} {en} Co., Ltd.; {stem} Industry Co., Ltd."),
        "",
    ),
    "MY": (
        _s(
            "Sri Jaya; Nusantara; Cahaya; Harimau; Gemilang; Perdana; Mutiara; Seri Murni; Kinabalu"
        ),
        _s("{stem} {en} Sdn. Bhd.; {stem} Industries Sdn. Bhd."),
        "",
    ),
    "PL": (
        _s(
            "Wisła; Mazowsze; Bałtyk; Karpaty; Pomorze; Wielkopolska; Mazury; Odra; Bieszczady; "
            "Kaszuby"
        ),
        _s("{stem} {loc} Sp. z o.o.; {loc} {stem} S.A."),
        "pl",
    ),
    "KR": (
        _s(
            "Hanbit; Daejin; Jinsung; Haneul; Dongbang; Sejin; Hwasung; Daeil; Samjin; Woojin; "
            "Kukje"
        ),
        _s("{stem} {en} Co., Ltd.; {stem} Industrial Co., Ltd."),
        "",
    ),
    "JP": (
        _s(
            "Tanaka; Kansai; Hokuto; Sakuragawa; Fujimura; Nishimura; Shinwa; Hoshino; Tokai; "
            "Chubu; Seiwa"
        ),
        _s("{stem} {en} Co., Ltd.; {stem} Kogyo Co., Ltd.; {stem} Seiki Co., Ltd."),
        "",
    ),
}

# Buyer stems and patterns by country. ``{bw}`` is the industry's buyer word ("Lighting").
_EN_BUYER = _s(
    "{stem} {bw} Supply; {stem} Trading; {stem} Distributors; {stem} Imports; {stem} Wholesale; "
    "{stem} Sourcing; {stem} {bw}"
)
BUYER_STYLES: dict[str, tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]] = {
    # country: (stems, patterns, legal suffixes)
    "US": (
        _s(
            "Bluewater; Keystone; Lakeshore; Redwood; Prairie; Summit; Harbor Point; Oakridge; "
            "Pinecrest; Granite State; Sunbelt; Tri-County; Riverside; Eagle Rock; Crossroads; "
            "Westbrook; Mapleton"
        ),
        _EN_BUYER,
        ("Inc.", "LLC", "Co.", "Corp."),
    ),
    "CA": (
        _s(
            "Northern Lights; Maple Ridge; Georgian Bay; Laurentian; Fraser Valley; Rideau; "
            "Prairie Wind; Muskoka"
        ),
        _EN_BUYER,
        ("Inc.", "Ltd."),
    ),
    "GB": (
        _s(
            "Thames; Pennine; Cotswold; Albion; Severn; Mersey; Highland; Kingsway; Fenland; "
            "Wessex; Clyde"
        ),
        _EN_BUYER,
        ("Ltd", "Ltd", "Limited"),
    ),
    "IE": (_s("Liffey; Shannon; Emerald Isle; Atlantic Way; Wicklow"), _EN_BUYER, ("Ltd",)),
    "AU": (
        _s(
            "Southern Cross; Coral Coast; Eucalypt; Outback; Harbourside; Murray River; Tasman; "
            "Bluegum"
        ),
        _EN_BUYER,
        ("Pty Ltd",),
    ),
    "NZ": (
        _s("Kiwi Coast; Aotearoa; Canterbury Plains; Waitemata; Southern Alps"),
        _EN_BUYER,
        ("Limited",),
    ),
    "DE": (
        _s(
            "Elbe; Alster; Hanse; Nordlicht; Weser; Isar; Mainfranken; Spree; Nordsee; Bodensee; "
            "Taunus; Ostsee; Neckar"
        ),
        _s(
            "{stem} Import; {stem} Handelsgesellschaft; {stem} Großhandel; {stem} Vertrieb; "
            "{stem} {bw} Import; "
            "{stem} Handelskontor"
        ),
        ("GmbH", "GmbH", "GmbH & Co. KG"),
    ),
    "AT": (
        _s("Donau; Alpen; Tirol; Wienerwald; Salzach"),
        _s("{stem} Import; {stem} Handel; {stem} {bw} Vertrieb"),
        ("GmbH",),
    ),
    "CH": (
        _s("Helvetia; Limmat; Jura; Säntis; Léman"),
        _s("{stem} Import; {stem} Handels; {stem} {bw}"),
        ("AG", "GmbH"),
    ),
    "FR": (
        _s("Atlantique; Provence; Loire; Azur; Bretagne; Rhône; Normandie; Garonne; Vosges"),
        _s("{stem} Import; {stem} Distribution; {stem} Négoce; {stem} {bw} Distribution"),
        ("SARL", "SAS"),
    ),
    "ES": (
        _s("Ibérica; Levante; Mediterránea; Cantábrica; Castellana; Guadalquivir; Ebro; Meseta"),
        _s("Importaciones {stem}; Distribuciones {stem}; Comercial {stem}; Suministros {stem}"),
        ("S.L.", "S.A."),
    ),
    "PT": (
        _s("Lusitana; Atlântico; Douro; Tejo; Algarve"),
        _s("Importadora {stem}; Distribuidora {stem}; Comercial {stem}"),
        ("Lda.",),
    ),
    "IT": (
        _s("Tirrenica; Lombarda; Partenopea; Sabauda; Felsinea; Veneta; Ligure; Etrusca"),
        _s("{stem} Importazioni; {stem} Distribuzione; Commerciale {stem}; {stem} Forniture"),
        ("S.r.l.", "S.p.A."),
    ),
    "NL": (
        _s("Maas; Delta; Zuiderzee; Oranje; Polder; Waddenzee; Veluwe"),
        _s("{stem} Import; {stem} Handel; {stem} Groothandel; {stem} {bw}"),
        ("B.V.",),
    ),
    "BE": (
        _s("Schelde; Ardennen; Brabant; Vlaanderen; Meuse"),
        _s("{stem} Import; {stem} Handel; {stem} Distribution"),
        ("BV", "NV"),
    ),
    "PL": (
        _s("Wisła; Mazowsze; Bałtyk; Karpaty; Warmia; Śląsk"),
        _s("{stem} Import; {stem} Dystrybucja; {stem} Hurt"),
        ("Sp. z o.o.",),
    ),
    "CZ": (
        _s("Vltava; Morava; Šumava; Krkonoše"),
        _s("{stem} Trade; {stem} Import; {stem} Distribuce"),
        ("s.r.o.",),
    ),
    "HU": (_s("Duna; Tisza; Balaton; Mátra"), _s("{stem} Kereskedelmi; {stem} Import"), ("Kft.",)),
    "RO": (
        _s("Carpați; Dunărea; Transilvania; Muntenia"),
        _s("{stem} Import; {stem} Distribuție"),
        ("S.R.L.",),
    ),
    "GR": (
        _s("Aegean; Olympus; Hellas Star; Attica; Ionian"),
        _s("{stem} Trading; {stem} Imports"),
        ("S.A.", "Ltd"),
    ),
    "SE": (
        _s("Norrland; Vättern; Göta; Skandia; Mälar"),
        _s("{stem} Import; {stem} Handel; {stem} {bw}"),
        ("AB",),
    ),
    "DK": (
        _s("Øresund; Jylland; Kattegat; Fyn"),
        _s("{stem} Import; {stem} Handel"),
        ("ApS", "A/S"),
    ),
    "NO": (_s("Fjord; Nordkapp; Vestland; Lofoten"), _s("{stem} Import; {stem} Handel"), ("AS",)),
    "FI": (
        _s("Saimaa; Pohjola; Lappi; Suomen Tukku"),
        _s("{stem} Import; {stem} Trading"),
        ("Oy",),
    ),
    "MX": (
        _s("Azteca; Sierra; Maya; Pacífico; Golfo; Bajío; Mixteca"),
        _s("Importadora {stem}; Distribuidora {stem}; Comercializadora {stem}"),
        ("S.A. de C.V.",),
    ),
    "BR": (
        _s("Paulista; Carioca; Araucária; Atlântica; Brasil Sul; Amazônia"),
        _s("Importadora {stem}; Distribuidora {stem}; Comercial {stem}"),
        ("Ltda.", "S.A."),
    ),
    "AR": (
        _s("Rioplatense; Pampa; Andina; Patagonia"),
        _s("Importadora {stem}; Distribuidora {stem}"),
        ("S.R.L.", "S.A."),
    ),
    "CL": (
        _s("Andes; Pacífico Sur; Aconcagua; Atacama"),
        _s("Importadora {stem}; Comercial {stem}"),
        ("SpA", "Ltda."),
    ),
    "CO": (
        _s("Andina; Caribe; Cafetera; Magdalena; Valle"),
        _s("Importadora {stem}; Distribuidora {stem}"),
        ("S.A.S.",),
    ),
    "PE": (
        _s("Inca; Rímac; Pacífico; Andina"),
        _s("Importaciones {stem}; Distribuidora {stem}"),
        ("S.A.C.",),
    ),
    "TR": (
        _s("Boğaziçi; Anadolu; Başkent; Ege Yıldızı; Karadeniz"),
        _s("{stem} Dış Ticaret; {stem} İthalat"),
        ("Ltd. Şti.", "A.Ş."),
    ),
    "AE": (
        _s("Al Noor; Gulf Star; Al Waha; Emirates Bridge; Al Marjan; Desert Rose; Creekside"),
        _s("{stem} General Trading; {stem} Trading; {stem} {bw} Trading"),
        ("LLC", "FZE", "FZCO"),
    ),
    "SA": (
        _s("Al Fajr; Najd; Al Safwa; Red Sea; Al Madar"),
        _s("{stem} Trading; {stem} Commercial; {stem} {bw} Trading"),
        ("Est.", "Co."),
    ),
    "IL": (_s("Carmel; Negev; Galil; Sharon"), _s("{stem} Imports; {stem} Trading"), ("Ltd.",)),
    "EG": (
        _s("Nile Delta; Al Wadi; Memphis; Sinai Star"),
        _s("{stem} for Import & Export; {stem} Trading"),
        ("S.A.E.", "LLC"),
    ),
    "MA": (_s("Atlas; Maghreb; Sahara; Anfa"), _s("{stem} Import; {stem} Distribution"), ("SARL",)),
    "NG": (
        _s("Eko; Niger Delta; Zuma Rock; Olumo; Benue; Oshodi"),
        _s("{stem} Global Ventures; {stem} Trading; {stem} {bw} Supplies"),
        ("Ltd",),
    ),
    "GH": (
        _s("Volta; Ashanti Gold; Kakum; Osu Castle"),
        _s("{stem} Enterprise; {stem} Trading"),
        ("Ltd",),
    ),
    "KE": (
        _s("Kilima; Rift Valley; Tana; Savannah; Lamu"),
        _s("{stem} Supplies; {stem} Traders; {stem} Distributors"),
        ("Ltd",),
    ),
    "ZA": (
        _s("Highveld; Table Bay; Drakensberg; Karoo; Limpopo; Protea"),
        _s("{stem} Trading; {stem} Distributors; {stem} {bw} Supplies"),
        ("(Pty) Ltd",),
    ),
    "IN": (
        _s("Shubh Labh; Siddhi Vinayak; Arihant; Jai Ambe; Kalpataru; Rangoli"),
        _s("{stem} Traders; {stem} Enterprises; {stem} Impex"),
        ("Pvt. Ltd.", "LLP"),
    ),
    "JP": (
        _s("Hinode; Aoyagi; Kurokawa; Mizunami; Tsubasa; Kiyomizu"),
        _s("{stem} Trading; {stem} Shoji; {stem} Bussan"),
        ("Co., Ltd.", "K.K."),
    ),
    "KR": (
        _s("Hanguk; Daehan; Mirinae; Saerom; Bitna"),
        _s("{stem} Trading; {stem} Global"),
        ("Co., Ltd.",),
    ),
    "SG": (
        _s("Merlion; Straits; Marina Bay; Orchard Gate; Lion City"),
        _s("{stem} Trading; {stem} Supply"),
        ("Pte. Ltd.",),
    ),
    "MY": (
        _s("Sinar; Bintang; Puncak; Selatan"),
        _s("{stem} Trading; {stem} Enterprise; {stem} Supply"),
        ("Sdn. Bhd.",),
    ),
    "ID": (
        _s("Nusa Jaya; Sinar Abadi; Mitra Sejati; Karya Utama; Bumi Raya"),
        _s("PT {stem} Niaga; PT {stem} Distribusi; PT {stem} Perkasa"),
        ("",),
    ),
    "PH": (
        _s("Luzon; Visayas; Pacific Isle; Bayanihan; Mabuhay"),
        _s("{stem} Trading; {stem} Marketing"),
        ("Corporation", "Inc."),
    ),
    "TH": (
        _s("Siam Pacific; Rattanakosin; Chaiyo; Chaophraya Gold"),
        _s("{stem} Trading; {stem} Supply"),
        ("Co., Ltd.",),
    ),
    "VN": (
        _s("Sai Gon Xanh; Ha Noi Moi; Mekong; Song Hong"),
        _s("{stem} Trading; {stem} Import Export"),
        ("Co., Ltd.", "JSC"),
    ),
}


def pick_form(rng: random.Random, forms: tuple[tuple[str, str, int], ...]) -> tuple[str, str, int]:
    """Picks an ``(English, Chinese, weight)`` legal form by its weight."""
    return rng.choices(forms, weights=[form[2] for form in forms], k=1)[0]


def chinese_supplier_name(
    rng: random.Random, city: City, industry: Industry, *, trading: bool, large: bool
) -> tuple[str, str]:
    brand, brand_zh = rng.choice(CHINESE_BRANDS)
    word, word_zh = rng.choice(industry.name_words)
    if trading:
        form, form_zh, _w = pick_form(rng, CHINESE_FORMS_TRADING)
        if form.startswith("Import") and rng.random() < 0.5:
            word, word_zh = "", ""
    else:
        forms = CHINESE_FORMS_FACTORY if large else CHINESE_FORMS_FACTORY[:2]
        form, form_zh, _w = pick_form(rng, forms)
    english = " ".join(part for part in (city.name, brand, word, form) if part)
    return english, f"{city.zh}{brand_zh}{word_zh}{form_zh}"


def foreign_supplier_name(rng: random.Random, country: str, industry: Industry) -> str:
    stems, patterns, lang = SUPPLIER_STYLES[country]
    pattern = rng.choice(patterns)
    if country == "BD" and industry.key != "textiles_apparel":
        pattern = patterns[0]
    en = rng.choice(industry.name_words)[0]
    loc = LOCAL_INDUSTRY_WORDS.get(lang, {}).get(industry.key, en)
    return pattern.format(stem=rng.choice(stems), en=en, loc=loc)


def buyer_name(rng: random.Random, country: str, industry: Industry) -> str:
    stems, patterns, suffixes = BUYER_STYLES[country]
    core = rng.choice(patterns).format(stem=rng.choice(stems), bw=industry.buyer_word)
    suffix = rng.choice(suffixes)
    return f"{core} {suffix}".strip()
