"""The industries of the demo market, with what their companies make, prove and say.

The keys follow the big B2B directories' top-level categories, so a later category tree can map
each one to a node (``machinery`` -> Machinery, ``lights_lighting`` -> Lights & Lighting, ...).
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Industry:
    key: str
    label: str
    zh: str
    # Words of a company name in English and Chinese ("Lighting Technology", "照明科技").
    name_words: tuple[tuple[str, str], ...]
    buyer_word: str
    buyer_phrase: str
    products: tuple[str, ...]
    certificates: tuple[str, ...]
    lead_time: tuple[int, int]
    specialties: tuple[str, ...]
    qc: str
    # Share of suppliers in the industry that are trading companies rather than factories.
    trading_share: float = 0.3
    products_by_country: dict[str, tuple[str, ...]] = field(default_factory=dict)


def _t(text: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in text.split(";") if part.strip())


def _pairs(text: str) -> tuple[tuple[str, str], ...]:
    pairs = []
    for item in _t(text):
        english, chinese = item.split("=")
        pairs.append((english.strip(), chinese.strip()))
    return tuple(pairs)


INDUSTRIES: dict[str, Industry] = {
    i.key: i
    for i in (
        Industry(
            key="machinery",
            label="Machinery",
            zh="机械设备",
            name_words=_pairs(
                "Machinery=机械; Machinery Manufacturing=机械制造; Heavy Industry=重工; "
                "Intelligent Equipment=智能装备; Machine Tool=机床; Hydraulic Machinery=液压机械"
            ),
            buyer_word="Machinery",
            buyer_phrase="industrial machinery and spare parts",
            products=_t(
                "CNC lathe; Vertical machining center; Plastic injection moulding machine; "
                "Hydraulic press brake; Fiber laser cutting machine; Automatic filling and "
                "capping machine; Screw air compressor; Diesel generator set; Industrial water "
                "chiller; Flow wrap packaging machine; Concrete mixer; Woodworking CNC router; "
                "Meat processing machine; Reverse osmosis water treatment plant; Hydraulic "
                "cylinder; Helical gear reducer"
            ),
            certificates=("ISO 9001", "CE", "ISO 14001", "UL"),
            lead_time=(30, 60),
            specialties=_t(
                "Every machine is assembled and run in for 48 hours before it leaves the "
                "workshop, and our engineers commission larger lines on site or by video call; "
                "Spare parts for every model are kept in stock for ten years, and a remote "
                "diagnostics module is available for the CNC range; Our design team adapts "
                "voltage, control language and safety guarding to the buyer's market"
            ),
            qc=(
                "Incoming castings and steel are checked for hardness and dimensions; every "
                "assembled machine runs a 48-hour trial under load, followed by a final geometric "
                "accuracy test recorded in its inspection report."
            ),
            trading_share=0.15,
        ),
        Industry(
            key="electrical_equipment",
            label="Electrical Equipment & Supplies",
            zh="电工电气",
            name_words=_pairs(
                "Electric=电气; Electrical Appliance=电器; Power Equipment=电力设备; Cable=电缆; "
                "Switchgear=开关; Electric Technology=电气科技"
            ),
            buyer_word="Electrical",
            buyer_phrase="electrical equipment and installation material",
            products=_t(
                "Miniature circuit breaker; Residual current circuit breaker; AC contactor; "
                "Thermal overload relay; Distribution box; Low-voltage power cable; PVC insulated "
                "electrical wire; Dry-type transformer; Low-voltage switchgear; Wall switch and "
                "socket; DIN rail terminal block; Surge protective device; Hybrid solar inverter; "
                "Perforated cable tray; Single-phase energy meter; Industrial plug and socket"
            ),
            certificates=("ISO 9001", "CE", "CB", "UL", "TÜV Mark", "RoHS"),
            lead_time=(15, 35),
            specialties=_t(
                "Our own laboratory tests tripping curves, temperature rise and short-circuit "
                "breaking capacity to IEC 60898 and IEC 60947; Copper conductors are drawn in "
                "house, so cables can be made to national colour codes and printed with the "
                "buyer's brand; We hold spare capacity for utility tenders and supply complete "
                "type-test reports"
            ),
            qc=(
                "Every breaker passes a calibrated tripping-curve test and a 2,500 V dielectric "
                "test; cables are spark-tested along their full length, and each batch keeps "
                "retained samples for two years."
            ),
        ),
        Industry(
            key="lights_lighting",
            label="Lights & Lighting",
            zh="照明灯具",
            name_words=_pairs(
                "Lighting=照明; Lighting Technology=照明科技; Optoelectronics=光电; "
                "Optoelectronic Technology=光电科技; Lighting Appliance=照明电器; Lamps=灯饰"
            ),
            buyer_word="Lighting",
            buyer_phrase="LED lighting and luminaires",
            products=_t(
                "LED panel light; LED downlight; LED high bay light; LED street light; LED flood "
                "light; LED strip light; LED filament bulb; LED T8 tube; Solar garden light; "
                "Emergency exit light; LED track light; Linear pendant light; Outdoor wall lamp; "
                "Ceiling lamp; Table lamp; Smart lighting controller"
            ),
            certificates=("ISO 9001", "CE", "RoHS", "UL", "ENEC", "SAA"),
            lead_time=(15, 30),
            specialties=_t(
                "Each luminaire is aged for four hours at full power, and photometric data is "
                "measured in our own integrating sphere and goniophotometer; We use branded LED "
                "chips and flicker-free drivers and give five years' warranty on commercial "
                "fittings; DIALux files, IES data and custom colour temperatures are available "
                "for project buyers"
            ),
            qc=(
                "Incoming LED chips and drivers are sampled to AQL 0.65; every finished lamp is "
                "aged for four hours, and each batch is tested for lumen output, colour "
                "temperature and power factor."
            ),
        ),
        Industry(
            key="construction_decoration",
            label="Construction & Real Estate",
            zh="建筑装饰材料",
            name_words=_pairs(
                "Building Materials=建材; Ceramics=陶瓷; Stone=石业; Decoration "
                "Materials=装饰材料; Sanitary Ware=洁具; New Materials=新材料"
            ),
            buyer_word="Building Materials",
            buyer_phrase="building materials and interior finishes",
            products=_t(
                "Porcelain floor tile; Glazed ceramic wall tile; Granite slab; Quartz countertop; "
                "SPC vinyl flooring; Laminate flooring; Aluminium casement window; Sliding glass "
                "door; WPC decking; Gypsum board; PVC wall panel; Ceramic toilet; Stainless steel "
                "handrail; Shower enclosure; Kitchen cabinet; Prefabricated steel structure "
                "building"
            ),
            certificates=("ISO 9001", "CE", "ISO 14001", "FSC"),
            lead_time=(15, 35),
            specialties=_t(
                "Our project department prepares shop drawings, samples and mock-ups for hotels, "
                "apartments and offices; Tiles and slabs are sorted by shade and calibre, and "
                "each pallet carries its batch code for repeat orders; We pack in fumigation-free "
                "export crates and load full containers from our own yard"
            ),
            qc=(
                "Raw materials are tested batch by batch; finished goods are checked for "
                "flatness, dimensions, water absorption and surface defects before palletising, "
                "and each batch is photographed."
            ),
        ),
        Industry(
            key="textiles_apparel",
            label="Apparel & Textiles",
            zh="纺织服装",
            name_words=_pairs(
                "Textile=纺织; Garment=服装; Apparel=服饰; Knitting=针织; Home Textile=家纺; "
                "Fashion=时装"
            ),
            buyer_word="Textiles",
            buyer_phrase="garments, fabrics and home textiles",
            products=_t(
                "Men's cotton T-shirt; Polo shirt; Denim jeans; Fleece hoodie; Sportswear set; "
                "Knitted sweater; Women's dress; Workwear uniform; Children's clothing; Polyester "
                "fabric; Cotton twill fabric; Knitted jersey fabric; Bath towel; Bed sheet set; "
                "Cotton socks; Down jacket"
            ),
            certificates=(
                "OEKO-TEX Standard 100",
                "GOTS",
                "amfori BSCI",
                "ISO 9001",
                "WRAP",
                "GRS",
            ),
            lead_time=(25, 50),
            specialties=_t(
                "Cutting, sewing, printing and embroidery are done under one roof, and small "
                "first orders from 300 pieces per colour are accepted; Our fabrics are dyed with "
                "low-impact dyes, and organic and recycled yarns are available on request; "
                "Pattern makers turn a tech pack into a fitted sample within seven days"
            ),
            qc=(
                "Fabric is inspected on the four-point system; inline inspectors check each "
                "operation, and finished garments are measured and metal-detected before an AQL "
                "2.5 final audit."
            ),
            trading_share=0.35,
        ),
        Industry(
            key="hardware_tools",
            label="Tools & Hardware",
            zh="五金工具",
            name_words=_pairs(
                "Hardware=五金; Hardware Tools=五金工具; Tools=工具; Fastener=紧固件; Precision "
                "Hardware=精密五金; Tool Manufacturing=工具制造"
            ),
            buyer_word="Hardware",
            buyer_phrase="hand tools, power tools and hardware",
            products=_t(
                "Hand tool set; Combination wrench; Socket set; Combination pliers; Screwdriver "
                "set; Claw hammer; Cordless drill; Angle grinder; Measuring tape; Stainless steel "
                "fasteners; Hex bolts and nuts; Door hinge; Cabinet handle; Brass padlock; Garden "
                "tool set; Steel tool box"
            ),
            certificates=("ISO 9001", "GS", "CE", "ANSI", "amfori BSCI"),
            lead_time=(20, 40),
            specialties=_t(
                "Forging, heat treatment, chrome plating and packing happen in our own plant, so "
                "hardness and finish stay consistent from order to order; We print colour boxes "
                "and blister cards for retail chains and add barcodes in any format; "
                "Private-label tool programmes are built together with the buyer's product "
                "managers"
            ),
            qc=(
                "Hardness, torque and salt-spray tests are run on every production batch; "
                "finished tools are checked against drawings and packed with a batch number for "
                "traceability."
            ),
        ),
        Industry(
            key="furniture",
            label="Furniture",
            zh="家具",
            name_words=_pairs(
                "Furniture=家具; Home Furnishing=家居; Office Furniture=办公家具; Outdoor "
                "Furniture=户外家具; Furniture Manufacturing=家具制造"
            ),
            buyer_word="Furniture",
            buyer_phrase="home, office and contract furniture",
            products=_t(
                "Ergonomic office chair; Fabric sofa; Solid wood dining table; Dining chair; "
                "Upholstered bed frame; Wardrobe; Office desk; Outdoor rattan furniture set; "
                "Hotel furniture; Bar stool; Bookshelf; TV cabinet; Pocket spring mattress; "
                "Coffee table; Recliner chair; Kids furniture"
            ),
            certificates=("ISO 9001", "FSC", "BIFMA", "amfori BSCI", "CARB P2"),
            lead_time=(30, 45),
            specialties=_t(
                "Our flat-pack designs are drop-tested and load-tested so that they arrive in one "
                "piece and cut freight by up to 40 percent; Hotel and office projects get a free "
                "3D layout and one project manager from sample to installation; Kiln-dried timber "
                "from certified forests is used for all solid-wood ranges"
            ),
            qc=(
                "Timber moisture is kept below 12 percent; each piece is checked for stability, "
                "finish and hardware, and cartons pass a drop test before mass shipment."
            ),
        ),
        Industry(
            key="home_supplies",
            label="Home & Garden",
            zh="家居日用品",
            name_words=_pairs(
                "Household Products=日用品; Houseware=家居用品; Kitchenware=厨具; Crafts=工艺品; "
                "Daily Products=日用制品; Home Products=家居制品"
            ),
            buyer_word="Housewares",
            buyer_phrase="housewares, kitchenware and home decor",
            products=_t(
                "Stainless steel cookware set; Non-stick frying pan; Glass food storage "
                "container; Kitchen utensil set; Vacuum flask; Plastic storage box; Bathroom "
                "accessory set; Spin mop; Silicone baking mat; Ceramic dinnerware set; Laundry "
                "basket; Artificial flowers; Christmas decorations; Photo frame; Scented candle; "
                "Folding umbrella"
            ),
            certificates=("amfori BSCI", "ISO 9001", "LFGB", "FDA", "Sedex SMETA"),
            lead_time=(20, 40),
            specialties=_t(
                "Food-contact items are tested to LFGB and FDA rules, and test reports are shared "
                "with every order; We consolidate mixed containers from our showroom of more than "
                "3,000 items; Seasonal ranges are designed a year ahead and presented at the "
                "Canton Fair"
            ),
            qc=(
                "Every batch is inspected for function, finish and packing; food-contact items "
                "get migration tests, and cartons are drop-tested before shipment."
            ),
            trading_share=0.45,
        ),
        Industry(
            key="auto_parts",
            label="Vehicle Parts & Accessories",
            zh="汽车配件",
            name_words=_pairs(
                "Auto Parts=汽车配件; Auto Accessories=汽车用品; Automotive "
                "Components=汽车零部件; Brake Systems=制动系统; Auto Parts Manufacturing=汽配制造"
            ),
            buyer_word="Auto Parts",
            buyer_phrase="aftermarket auto parts and accessories",
            products=_t(
                "Ceramic brake pad; Brake disc; Shock absorber; Control arm; Ball joint; Wheel "
                "hub bearing; Aluminium radiator; Oil filter; Air filter; Iridium spark plug; "
                "Clutch kit; Water pump; LED headlamp; Alloy wheel; Car floor mat; Wiper blade"
            ),
            certificates=("IATF 16949", "ISO 9001", "E-Mark", "ISO 14001"),
            lead_time=(25, 45),
            specialties=_t(
                "Our catalogue covers more than 6,000 OE references for European, Japanese and "
                "Korean vehicles, with cross-references in TecDoc format; Brake parts pass ECE "
                "R90 tests, and every part is laser-marked with its batch code; We keep stock of "
                "fast-moving references for mixed-container orders"
            ),
            qc=(
                "Parts are produced under IATF 16949 with PPAP documentation; critical dimensions "
                "are checked with CMM, and brake components pass friction and noise tests on our "
                "dynamometer."
            ),
        ),
        Industry(
            key="packaging_printing",
            label="Packaging & Printing",
            zh="包装印刷",
            name_words=_pairs(
                "Packaging=包装; Printing & Packaging=印刷包装; Paper Products=纸品; Plastic "
                "Packaging=塑料包装; Packaging Materials=包装材料"
            ),
            buyer_word="Packaging",
            buyer_phrase="packaging materials and printed matter",
            products=_t(
                "Corrugated shipping box; Rigid gift box; Kraft paper bag; Stand-up pouch; Shrink "
                "film; Stretch film; PET bottle; Glass jar; Self-adhesive label; Paper cup; "
                "Takeaway food container; Bubble mailer; Plastic pallet; Printed brochure; Woven "
                "polypropylene bag; Aluminium foil container"
            ),
            certificates=("ISO 9001", "FSC", "BRCGS Packaging", "ISO 22000"),
            lead_time=(10, 25),
            specialties=_t(
                "Offset, flexo and digital presses let us print runs from 500 to 5 million "
                "pieces; Our structural designers make free dielines and white samples within "
                "three days; Food-grade lines run in a clean room with metal detection at the end "
                "of each line"
            ),
            qc=(
                "Colours are matched with a spectrophotometer against the approved proof; cartons "
                "are tested for edge crush and burst strength, and food packaging for migration."
            ),
        ),
        Industry(
            key="consumer_electronics",
            label="Consumer Electronics",
            zh="消费电子",
            name_words=_pairs(
                "Electronics=电子; Electronic Technology=电子科技; Digital Technology=数码科技; "
                "Smart Technology=智能科技; Acoustics=声学"
            ),
            buyer_word="Electronics",
            buyer_phrase="consumer electronics and mobile accessories",
            products=_t(
                "True wireless earbuds; Portable Bluetooth speaker; Power bank; GaN USB-C "
                "charger; Smart watch; Android tablet; Action camera; Wireless mouse; Mechanical "
                "keyboard; Phone case; Braided data cable; Car charger; Wi-Fi security camera; "
                "Portable projector; Noise cancelling headphones; Wireless game controller"
            ),
            certificates=("ISO 9001", "CE", "FCC", "RoHS", "UL", "amfori BSCI"),
            lead_time=(10, 30),
            specialties=_t(
                "Our in-house hardware, firmware and app team turns a customer idea into a "
                "working prototype in four weeks; SMT lines with AOI and X-ray inspection "
                "assemble our own boards; Batteries are UN38.3 tested and ship with MSDS, so "
                "goods can travel by air and sea"
            ),
            qc=(
                "Boards pass AOI and functional tests; every finished unit is burned in, tested "
                "for RF and battery safety, and the batch is audited to AQL 1.0 before packing."
            ),
        ),
        Industry(
            key="agriculture_food",
            label="Agriculture & Food",
            zh="农业食品",
            name_words=_pairs(
                "Foodstuffs=食品; Agricultural Products=农产品; Agricultural "
                "Development=农业发展; Food Industry=食品工业; Tea=茶业; Seafood=水产"
            ),
            buyer_word="Foods",
            buyer_phrase="food products and agricultural commodities",
            products=_t(
                "Frozen vannamei shrimp; Canned tuna; Jasmine rice; Green tea; Black pepper; "
                "Cashew nuts; Dried mango; Coconut water; Frozen mixed vegetables; Fresh garlic; "
                "Fresh apples; Blanched peanuts; Instant noodles; Canned mandarin oranges"
            ),
            certificates=("HACCP", "ISO 22000", "BRCGS Food", "FDA", "Halal", "GLOBALG.A.P."),
            lead_time=(14, 30),
            specialties=_t(
                "We work directly with contracted farms, and every lot is traceable from field to "
                "container; Cold storage of 5,000 tonnes at minus 18 °C keeps products fresh all "
                "year; Private label, retail packs and bulk packing are available for "
                "supermarkets and importers"
            ),
            qc=(
                "Raw material is tested for pesticide residues and heavy metals; production "
                "follows the HACCP plan, and every lot is checked by our laboratory before a "
                "third-party pre-shipment inspection."
            ),
            trading_share=0.35,
            products_by_country={
                "BR": _t(
                    "Green coffee beans; Soybeans; ICUMSA 45 sugar; Frozen orange juice "
                    "concentrate; Frozen chicken cuts; Açaí pulp; Brazil nuts; Cocoa beans"
                ),
                "VN": _t(
                    "Cashew nuts; Black pepper; Robusta coffee beans; Jasmine rice; Frozen "
                    "pangasius fillet; Dried mango; Coconut milk; Rice paper"
                ),
                "TH": _t(
                    "Thai hom mali rice; Canned tuna; Coconut milk; Frozen shrimp; Canned "
                    "pineapple; Tapioca starch; Dried longan; Sweet chili sauce"
                ),
                "IN": _t(
                    "1121 basmati rice; Turmeric powder; Cumin seeds; Cashew kernels; Red chilli "
                    "powder; Guar gum; Frozen shrimp; Assam black tea"
                ),
                "US": _t(
                    "Almonds; Pistachios; Soybeans; Frozen French fries; Yellow corn; Dried "
                    "cranberries; Walnuts; Beef jerky"
                ),
                "TR": _t(
                    "Hazelnuts; Dried apricots; Extra virgin olive oil; Durum wheat pasta; Dried "
                    "figs; Turkish delight; Red lentils; Tomato paste"
                ),
                "PK": _t(
                    "Super kernel basmati rice; Himalayan pink salt; Kinnow mandarins; Sesame "
                    "seeds; Red chilli; Dates"
                ),
                "IT": _t(
                    "Extra virgin olive oil; Durum wheat pasta; Tomato passata; Balsamic vinegar; "
                    "Hard cheese; Arborio rice; Espresso coffee"
                ),
                "MX": _t(
                    "Hass avocados; Limes; Tequila; Chipotle peppers; Green coffee beans; Honey"
                ),
                "PL": _t(
                    "Fresh apples; Frozen raspberries; Chocolate confectionery; Mushrooms; UHT "
                    "milk; Apple juice concentrate"
                ),
            },
        ),
        Industry(
            key="chemicals",
            label="Chemicals",
            zh="化工",
            name_words=_pairs(
                "Chemical=化工; Fine Chemicals=精细化工; New Material Technology=新材料科技; "
                "Pigment=颜料; Biotechnology=生物科技; Chemical Industry=化学工业"
            ),
            buyer_word="Chemicals",
            buyer_phrase="industrial chemicals and raw materials",
            products=_t(
                "Titanium dioxide rutile; Citric acid monohydrate; Caustic soda flakes; PVC resin "
                "SG-5; Epoxy resin; Neutral silicone sealant; Water-based wall paint; Iron oxide "
                "pigment; Polyacrylamide flocculant; Acrylic emulsion; NPK compound fertilizer; "
                "Activated carbon; Refined glycerine; Polyurethane adhesive; Sodium hypochlorite; "
                "Nitrile gloves"
            ),
            certificates=("ISO 9001", "ISO 14001", "REACH", "ISO 45001"),
            lead_time=(7, 21),
            specialties=_t(
                "Every shipment comes with a certificate of analysis, and REACH-registered grades "
                "are available for European buyers; Our chemists develop custom formulations and "
                "provide technical data sheets in six languages; Dangerous goods are packed and "
                "declared by our own IMDG-trained logistics team"
            ),
            qc=(
                "Each batch is analysed in our laboratory by HPLC, GC and titration against the "
                "specification; retained samples are kept for two years and a COA accompanies "
                "every shipment."
            ),
        ),
    )
}

# Certificates: validity in years (None: a product mark without expiry) and who issues them.
CERTIFICATES: dict[str, tuple[int | None, tuple[str, ...]]] = {
    "ISO 9001": (
        3,
        ("SGS", "TÜV Rheinland", "TÜV SÜD", "Intertek", "Bureau Veritas", "DNV", "DEKRA"),
    ),
    "ISO 14001": (3, ("SGS", "TÜV Rheinland", "Bureau Veritas", "DNV", "Intertek")),
    "ISO 45001": (3, ("SGS", "TÜV SÜD", "Bureau Veritas", "DNV")),
    "ISO 22000": (3, ("SGS", "Bureau Veritas", "Intertek", "DNV")),
    "IATF 16949": (3, ("TÜV SÜD", "TÜV Rheinland", "SGS", "DEKRA")),
    "CE": (None, ("TÜV Rheinland", "SGS", "Intertek", "TÜV SÜD", "Bureau Veritas")),
    "CB": (None, ("TÜV Rheinland", "TÜV SÜD", "Intertek", "UL Solutions")),
    "RoHS": (None, ("SGS", "Intertek", "Bureau Veritas", "TÜV SÜD")),
    "UL": (None, ("UL Solutions",)),
    "ENEC": (None, ("TÜV Rheinland", "Intertek", "DEKRA")),
    "SAA": (None, ("SAA Approvals", "Intertek")),
    "TÜV Mark": (None, ("TÜV Rheinland", "TÜV SÜD")),
    "GS": (None, ("TÜV Rheinland", "TÜV SÜD", "Intertek")),
    "ANSI": (None, ("Intertek", "SGS")),
    "FCC": (None, ("SGS", "Intertek", "TÜV SÜD", "Bureau Veritas")),
    "E-Mark": (None, ("TÜV Rheinland", "DEKRA", "TÜV SÜD")),
    "OEKO-TEX Standard 100": (1, ("Hohenstein", "TESTEX", "Centexbel")),
    "GOTS": (1, ("Control Union", "Ecocert", "CU Inspections")),
    "GRS": (1, ("Control Union", "Intertek", "SGS")),
    "amfori BSCI": (2, ("SGS", "Bureau Veritas", "Intertek", "TÜV Rheinland")),
    "Sedex SMETA": (2, ("SGS", "Intertek", "Bureau Veritas")),
    "WRAP": (1, ("WRAP", "SGS")),
    "FSC": (5, ("SGS", "Preferred by Nature", "Bureau Veritas", "Control Union")),
    "BIFMA": (None, ("Intertek", "SGS", "UL Solutions")),
    "CARB P2": (2, ("SGS", "Intertek", "TÜV SÜD")),
    "LFGB": (None, ("SGS", "Intertek", "TÜV SÜD", "Bureau Veritas")),
    "FDA": (2, ("U.S. FDA",)),
    "BRCGS Packaging": (1, ("SGS", "Bureau Veritas", "Intertek", "LRQA")),
    "BRCGS Food": (1, ("SGS", "Bureau Veritas", "LRQA", "Intertek")),
    "HACCP": (3, ("SGS", "Bureau Veritas", "Intertek")),
    "Halal": (3, ("Islamic Food Council", "Halal Certification Authority", "JAKIM")),
    "GLOBALG.A.P.": (1, ("Control Union", "SGS", "Bureau Veritas")),
    "REACH": (None, ("ECHA registration", "SGS")),
}

# Local words for company names of suppliers outside China, by language and industry.
LOCAL_INDUSTRY_WORDS: dict[str, dict[str, str]] = {
    "de": {
        "machinery": "Maschinenbau",
        "electrical_equipment": "Elektrotechnik",
        "lights_lighting": "Leuchten",
        "construction_decoration": "Baustoffe",
        "textiles_apparel": "Textil",
        "hardware_tools": "Werkzeuge",
        "furniture": "Möbelwerke",
        "home_supplies": "Haushaltswaren",
        "auto_parts": "Fahrzeugteile",
        "packaging_printing": "Verpackungen",
        "consumer_electronics": "Elektronik",
        "agriculture_food": "Lebensmittel",
        "chemicals": "Chemie",
    },
    "it": {
        "machinery": "Meccanica",
        "electrical_equipment": "Elettrotecnica",
        "lights_lighting": "Illuminazione",
        "construction_decoration": "Ceramiche",
        "textiles_apparel": "Tessile",
        "hardware_tools": "Utensili",
        "furniture": "Arredamenti",
        "home_supplies": "Casalinghi",
        "auto_parts": "Ricambi Auto",
        "packaging_printing": "Imballaggi",
        "consumer_electronics": "Elettronica",
        "agriculture_food": "Alimentari",
        "chemicals": "Chimica",
    },
    "es": {
        "machinery": "Maquinaria",
        "electrical_equipment": "Equipos Eléctricos",
        "lights_lighting": "Iluminación",
        "construction_decoration": "Materiales",
        "textiles_apparel": "Textiles",
        "hardware_tools": "Herramientas",
        "furniture": "Muebles",
        "home_supplies": "Artículos para el Hogar",
        "auto_parts": "Autopartes",
        "packaging_printing": "Empaques",
        "consumer_electronics": "Electrónica",
        "agriculture_food": "Alimentos",
        "chemicals": "Químicos",
    },
    "pt": {
        "machinery": "Máquinas",
        "electrical_equipment": "Elétrica",
        "lights_lighting": "Iluminação",
        "construction_decoration": "Revestimentos",
        "textiles_apparel": "Têxtil",
        "hardware_tools": "Ferramentas",
        "furniture": "Móveis",
        "home_supplies": "Utilidades Domésticas",
        "auto_parts": "Autopeças",
        "packaging_printing": "Embalagens",
        "consumer_electronics": "Eletrônicos",
        "agriculture_food": "Alimentos",
        "chemicals": "Química",
    },
    "tr": {
        "machinery": "Makina",
        "electrical_equipment": "Elektrik",
        "lights_lighting": "Aydınlatma",
        "construction_decoration": "Yapı Malzemeleri",
        "textiles_apparel": "Tekstil",
        "hardware_tools": "Hırdavat",
        "furniture": "Mobilya",
        "home_supplies": "Ev Gereçleri",
        "auto_parts": "Otomotiv",
        "packaging_printing": "Ambalaj",
        "consumer_electronics": "Elektronik",
        "agriculture_food": "Gıda",
        "chemicals": "Kimya",
    },
    "pl": {
        "machinery": "Maszyny",
        "electrical_equipment": "Elektrotechnika",
        "lights_lighting": "Oświetlenie",
        "construction_decoration": "Materiały Budowlane",
        "textiles_apparel": "Tekstylia",
        "hardware_tools": "Narzędzia",
        "furniture": "Meble",
        "home_supplies": "Artykuły Domowe",
        "auto_parts": "Części Samochodowe",
        "packaging_printing": "Opakowania",
        "consumer_electronics": "Elektronika",
        "agriculture_food": "Żywność",
        "chemicals": "Chemia",
    },
}


def industry_of_products(products: list[str]) -> str | None:
    """The industry whose product list holds all of ``products`` (for reading the demo back)."""
    for industry in INDUSTRIES.values():
        known = set(industry.products).union(*industry.products_by_country.values())
        if products and all(p in known for p in products):
            return industry.key
    return None
