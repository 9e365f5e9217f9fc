"""Words and numbers for the demo listings: what products are called, what they cost, how they
are sold, and a small vocabulary of other languages.

Prices are FOB unit prices in USD with realistic magnitudes per category (a CNC lathe costs
thousands of dollars a set, a resistor a fraction of a cent, steel coil hundreds of dollars a
metric ton). Specs are small patterns: ``{a|b|c}`` picks one option and ``{10-500/10}`` a number
from 10 to 500 in steps of 10.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal


@dataclass(frozen=True)
class Pricing:
    unit: str  # UN/ECE Rec. 20 code
    low: Decimal  # cheapest unit price, USD
    high: Decimal  # dearest unit price, USD
    moq: tuple[int, int]  # minimum order quantity range, in ``unit``


def _pricing(text: str) -> dict[str, Pricing]:
    table = {}
    for line in text.strip().splitlines():
        code, unit, low, high, moq_low, moq_high = line.split()
        table[code] = Pricing(unit, Decimal(low), Decimal(high), (int(moq_low), int(moq_high)))
    return table


# Per top-level category; a leaf below overrides its top.
PRICING = _pricing(
    """
    machinery SET 3000 60000 1 3
    electrical-electronics H87 1 200 100 2000
    lights-lighting H87 1.5 60 100 1000
    construction-decoration H87 5 300 50 500
    chemicals TNE 400 3000 1 25
    textiles MTR 0.8 8 1000 5000
    apparel-accessories H87 2.5 30 100 1000
    hardware-tools H87 0.5 40 200 3000
    auto-parts H87 2 120 50 500
    consumer-electronics H87 3 150 100 1000
    furniture H87 25 400 10 100
    home-supplies H87 0.4 20 300 3000
    packaging-printing H87 0.02 1.5 3000 20000
    metallurgy-minerals TNE 500 3000 5 50
    agriculture-food TNE 400 3000 5 25
    health-medicine H87 0.5 80 100 5000
    sports-entertainment H87 3 150 50 500
    office-supplies H87 0.1 5 1000 10000
    security-protection H87 3 120 50 500
    industrial-equipment H87 50 5000 1 50
    bags-cases H87 2 30 200 2000
    toys H87 1 25 200 2000
    beauty-personal-care H87 0.3 6 1000 10000
    arts-crafts H87 0.3 20 200 3000
    transportation H87 500 30000 1 20
    service C62 80 3000 1 1
    cnc-lathes SET 6500 65000 1 3
    conventional-lathes SET 2500 18000 1 3
    cnc-machining-centers SET 18000 120000 1 2
    milling-machines SET 3500 40000 1 3
    drilling-machines SET 300 9000 1 5
    grinding-machines SET 2500 60000 1 3
    edm-machines SET 6000 45000 1 2
    laser-cutting-machines SET 9000 150000 1 2
    laser-marking-machines SET 1200 9000 1 5
    plasma-cutting-machines SET 2500 18000 1 3
    waterjet-cutting-machines SET 25000 120000 1 1
    press-brakes SET 6000 60000 1 2
    shearing-machines SET 4000 35000 1 2
    punching-machines SET 3000 50000 1 2
    hydraulic-presses SET 3000 80000 1 2
    metal-sawing-machines SET 1500 15000 1 3
    injection-moulding-machines SET 15000 180000 1 2
    plastic-extruders SET 12000 150000 1 1
    blow-moulding-machines SET 8000 120000 1 1
    plastic-recycling-machines SET 9000 90000 1 1
    rubber-machinery SET 8000 90000 1 1
    3d-printers SET 180 9000 1 10
    filling-machines SET 2500 45000 1 2
    packing-machines SET 3000 40000 1 2
    labelling-machines SET 1500 25000 1 3
    carton-sealing-machines SET 800 12000 1 5
    shrink-wrapping-machines SET 1200 20000 1 3
    vacuum-packing-machines SET 300 15000 1 5
    bottle-washing-machines SET 3000 30000 1 1
    bakery-machinery SET 800 25000 1 3
    meat-processing-machinery SET 600 30000 1 3
    fruit-vegetable-processing-machinery SET 800 35000 1 3
    beverage-processing-machinery SET 5000 150000 1 1
    grain-milling-machinery SET 2000 80000 1 1
    tractors H87 6500 45000 1 5
    combine-harvesters H87 15000 90000 1 2
    seeders-transplanters H87 400 12000 1 10
    agricultural-sprayers H87 60 15000 1 20
    irrigation-equipment SET 80 8000 1 20
    feed-processing-machinery SET 1500 60000 1 2
    excavators H87 18000 180000 1 3
    wheel-loaders H87 16000 90000 1 3
    bulldozers H87 40000 160000 1 2
    road-rollers H87 15000 75000 1 2
    concrete-machinery SET 2500 90000 1 2
    crushers-screens SET 5000 150000 1 1
    drilling-rigs SET 8000 250000 1 1
    industrial-sewing-machines SET 150 2500 1 50
    knitting-machines SET 3000 45000 1 5
    weaving-looms SET 4000 40000 1 10
    embroidery-machines SET 2000 25000 1 3
    cnc-wood-routers SET 2500 30000 1 3
    woodworking-saws SET 1500 20000 1 3
    edge-banding-machines SET 2000 30000 1 2
    pcb H87 0.1 20 10 1000
    integrated-circuits H87 0.05 30 1000 10000
    capacitors H87 0.002 0.6 10000 100000
    resistors H87 0.001 0.2 10000 100000
    diodes-transistors H87 0.005 0.8 5000 50000
    inductors H87 0.02 2 2000 20000
    electronic-connectors H87 0.02 3 1000 20000
    relays H87 0.2 8 500 5000
    sensors H87 0.5 60 100 2000
    crystal-oscillators H87 0.03 1.5 2000 20000
    display-modules H87 1.5 80 100 2000
    switching-power-supplies H87 4 120 50 500
    power-adapters H87 1.2 12 500 5000
    power-inverters H87 25 900 10 200
    ups-power-supplies H87 30 3000 5 100
    power-transformers H87 300 60000 1 10
    voltage-stabilizers H87 20 1500 10 200
    solar-panels H87 25 160 100 1000
    solar-cells H87 0.3 1.5 10000 100000
    solar-inverters H87 150 6000 5 100
    solar-charge-controllers H87 5 250 50 500
    solar-mounting-systems SET 40 600 10 200
    solar-water-heaters SET 150 900 10 100
    lithium-batteries H87 1.5 2500 50 1000
    lead-acid-batteries H87 8 300 50 500
    energy-storage-systems SET 800 60000 1 20
    primary-batteries H87 0.05 2 10000 100000
    circuit-breakers H87 1 150 200 2000
    contactors H87 3 120 100 1000
    switchgear SET 200 25000 1 20
    wall-switches-sockets H87 0.4 8 1000 10000
    power-strips H87 1.5 12 500 3000
    plugs-travel-adapters H87 0.5 8 500 5000
    electric-wires-cables MTR 0.08 25 1000 10000
    cable-ties-accessories BG 0.3 5 1000 10000
    electric-motors H87 30 3000 5 100
    generator-sets SET 1500 60000 1 5
    electricity-meters H87 8 90 100 2000
    electrical-insulators H87 2 120 100 2000
    conduits-trunking MTR 0.1 3 3000 20000
    ev-chargers H87 150 6000 10 200
    electrical-test-instruments H87 5 800 20 500
    led-bulbs H87 0.3 3.5 1000 10000
    led-tubes H87 0.7 5 500 5000
    led-strip-lights MTR 0.3 6 500 5000
    led-panel-lights H87 3.5 40 100 1000
    led-downlights H87 1.2 25 200 2000
    led-track-lights H87 4 45 100 1000
    led-high-bay-lights H87 18 160 50 500
    led-modules H87 0.05 4 1000 10000
    led-chips H87 0.002 0.3 10000 100000
    led-drivers H87 1 40 200 3000
    led-street-lights H87 25 420 20 200
    solar-street-lights SET 30 600 10 100
    led-flood-lights H87 4 150 100 1000
    garden-lawn-lights H87 1.5 40 200 2000
    outdoor-wall-lights H87 4 60 100 1000
    chandeliers-pendants H87 15 900 10 200
    ceiling-lights H87 5 120 50 500
    table-lamps H87 4 80 100 1000
    floor-lamps H87 12 150 50 500
    night-lights H87 0.8 10 500 5000
    emergency-exit-lights H87 3 35 200 2000
    flashlights-headlamps H87 0.6 25 500 5000
    stage-lights H87 25 1500 5 100
    grow-lights H87 30 650 10 200
    holiday-lights SET 0.8 25 500 5000
    neon-signs H87 8 200 10 200
    uv-germicidal-lamps H87 2 80 100 1000
    halogen-incandescent-lamps H87 0.15 2 3000 30000
    lamp-holders-accessories H87 0.05 3 1000 20000
    ceramic-tiles MTK 3 25 500 3000
    marble-granite MTK 18 160 100 1000
    quartz-stone MTK 28 120 100 1000
    cement TNE 45 95 500 5000
    gypsum-boards H87 2 8 2000 10000
    architectural-glass MTK 8 60 200 2000
    insulation-materials MTK 1 12 1000 10000
    waterproofing-membranes MTK 1 8 1000 10000
    roofing-sheets MTK 3 15 500 5000
    steel-structures MTK 30 120 300 3000
    container-houses SET 1500 12000 1 20
    scaffolding-formwork TNE 750 1300 5 50
    doors H87 35 800 20 200
    windows MTK 60 400 50 500
    garage-rolling-doors SET 250 3000 1 20
    door-window-hardware H87 0.5 30 500 5000
    wood-laminate-flooring MTK 4 35 500 3000
    spc-vinyl-flooring MTK 3.5 14 1000 5000
    wallpaper RO 2 20 300 3000
    wall-panels MTK 5 40 200 2000
    ceiling-systems MTK 3 25 500 5000
    toilets SET 28 320 50 300
    wash-basins H87 10 150 50 300
    bathtubs H87 120 1500 5 50
    shower-enclosures SET 80 650 10 100
    faucets H87 6 150 100 1000
    showers SET 5 220 100 1000
    kitchen-sinks H87 18 220 50 500
    bathroom-cabinets SET 80 800 10 100
    kitchen-cabinets SET 600 8000 1 10
    bathroom-accessories SET 5 80 100 1000
    pvc-pipes MTR 0.2 18 1000 10000
    ppr-pe-pipes MTR 0.15 20 1000 10000
    pipe-fittings H87 0.05 15 1000 20000
    caustic-soda TNE 350 600 25 500
    titanium-dioxide TNE 1900 3200 5 100
    soda-ash TNE 220 380 25 500
    industrial-acids TNE 90 900 20 500
    organic-solvents TNE 600 1600 15 200
    polyethylene TNE 950 1400 25 500
    polypropylene TNE 900 1300 25 500
    pvc-resin TNE 700 1000 25 500
    pet-resin TNE 850 1200 25 500
    engineering-plastics TNE 1600 4500 5 100
    color-masterbatch KGM 1.2 8 500 5000
    natural-rubber TNE 1400 2000 20 200
    synthetic-rubber TNE 1500 2800 10 200
    architectural-paints KGM 1.2 6 1000 10000
    industrial-coatings KGM 2.5 12 500 5000
    powder-coatings KGM 2.2 6 500 5000
    printing-inks KGM 3 25 200 2000
    pigments-dyes KGM 2 35 100 2000
    adhesives KGM 1 12 500 5000
    silicone-sealants H87 0.6 3 2400 24000
    fertilizers TNE 250 900 25 1000
    pesticides KGM 2 25 500 10000
    laundry-detergents KGM 0.6 2.5 5000 50000
    cleaning-agents H87 0.4 3 3000 30000
    water-treatment-chemicals TNE 300 2500 5 100
    food-additives KGM 1.5 40 500 5000
    plasticizers TNE 1100 1800 15 200
    catalysts KGM 8 300 25 1000
    activated-carbon TNE 700 2500 5 100
    lubricants LTR 1.2 8 2000 20000
    industrial-gases KGM 0.5 25 500 5000
    cotton-yarn KGM 2.2 6 1000 10000
    polyester-yarn KGM 1.2 3.5 1000 20000
    blended-yarn KGM 1.8 5 1000 10000
    sewing-thread H87 0.3 2.5 1000 10000
    polyester-staple-fibre TNE 900 1400 10 100
    geotextiles MTK 0.2 3 5000 50000
    webbing-straps MTR 0.05 1.5 3000 30000
    ribbons RO 0.2 3 1000 10000
    filter-cloth MTK 1.5 15 500 5000
    synthetic-leather MTR 1.8 8 1000 5000
    genuine-leather FTK 1.5 6.5 3000 20000
    silk-fabric MTR 6 25 300 3000
    wool-fabric MTR 7 30 300 3000
    sneakers PR 6 35 300 3000
    casual-shoes PR 6 40 300 3000
    boots PR 10 55 300 3000
    sandals-slippers PR 1 12 500 5000
    socks PR 0.2 2.5 1000 10000
    fashion-gloves PR 1 12 300 3000
    suits-blazers H87 18 120 50 500
    evening-wedding-dresses H87 35 400 5 50
    jackets-coats H87 12 90 100 1000
    down-jackets H87 20 120 100 1000
    underwear H87 0.6 5 1000 10000
    watches H87 3 120 100 1000
    fashion-jewelry H87 0.2 12 300 5000
    fine-jewelry H87 15 450 10 100
    sunglasses H87 0.8 12 300 3000
    eyeglass-frames H87 1.5 25 300 3000
    garment-accessories H87 0.005 0.5 10000 100000
    hair-accessories H87 0.1 3 1000 10000
    hand-tool-sets SET 8 150 100 1000
    power-drills H87 12 120 100 1000
    rotary-hammers H87 25 160 100 1000
    angle-grinders H87 10 90 100 1000
    electric-saws H87 20 180 100 1000
    impact-wrenches H87 25 180 100 1000
    heat-guns H87 6 40 200 2000
    lawn-mowers H87 60 650 20 300
    chainsaws H87 40 320 50 500
    pressure-washers H87 35 450 50 500
    power-tool-accessories H87 0.2 12 1000 10000
    welding-machines H87 60 2200 10 200
    welding-consumables KGM 0.9 6 1000 20000
    bolts KGM 1 4 1000 20000
    nuts KGM 1 4 1000 20000
    screws KGM 1.2 5 1000 20000
    washers KGM 1 4 1000 20000
    anchors-rivets KGM 1.5 6 500 10000
    nails TNE 550 900 5 50
    door-locks H87 4 60 200 2000
    padlocks H87 0.8 15 500 5000
    hinges H87 0.15 5 1000 10000
    drawer-slides PR 0.6 8 1000 10000
    handles-knobs H87 0.1 5 1000 10000
    casters-wheels H87 0.5 15 500 5000
    chains-rigging H87 0.3 40 500 5000
    wire-ropes MTR 0.1 6 1000 10000
    abrasives H87 0.05 3 1000 20000
    ladders H87 15 160 50 500
    car-tires H87 22 160 100 1000
    truck-bus-tires H87 90 380 50 500
    motorcycle-tires H87 8 45 200 2000
    car-batteries H87 25 130 100 1000
    turbochargers H87 80 450 10 200
    alloy-wheels H87 35 220 50 500
    spark-plugs H87 0.4 6 1000 10000
    body-parts H87 5 180 50 500
    car-care H87 0.4 6 1000 10000
    mobile-phones H87 35 420 100 1000
    mobile-phone-cases H87 0.25 4 500 5000
    screen-protectors H87 0.08 1.5 1000 10000
    power-banks H87 3.5 28 500 5000
    phone-chargers H87 0.9 12 500 5000
    wireless-chargers H87 2.5 18 500 5000
    usb-cables H87 0.25 5 1000 10000
    phone-holders-selfie-sticks H87 0.6 8 500 5000
    bluetooth-earphones H87 2.8 40 200 2000
    headphones H87 4 65 200 2000
    bluetooth-speakers H87 4 90 200 2000
    microphones H87 3 120 100 1000
    home-audio H87 25 300 50 500
    smart-watches H87 7 95 100 1000
    fitness-trackers H87 4 35 200 2000
    vr-headsets H87 15 320 50 500
    laptops H87 140 850 20 200
    tablets H87 40 320 50 500
    desktop-mini-pcs H87 80 700 20 200
    computer-monitors H87 55 380 20 200
    keyboards-mice SET 2 45 200 2000
    ssds-memory H87 8 160 100 1000
    usb-flash-drives H87 0.9 15 500 5000
    network-routers H87 8 220 100 1000
    televisions H87 65 950 20 200
    projectors H87 28 650 20 200
    tv-boxes H87 9 60 200 2000
    digital-cameras H87 25 450 20 200
    action-cameras H87 15 160 50 500
    drones H87 25 1500 10 200
    game-consoles H87 6 160 50 1000
    smart-home-devices H87 2.5 45 200 2000
    e-cigarettes H87 1.2 8 1000 10000
    air-conditioners SET 150 850 20 200
    refrigerators H87 110 950 20 200
    washing-machines H87 85 480 20 200
    microwave-ovens H87 32 130 100 500
    air-fryers H87 11 65 200 1000
    electric-kettles H87 2.8 16 500 5000
    coffee-machines H87 22 550 50 500
    blenders-juicers H87 6 80 200 2000
    vacuum-cleaners H87 14 260 100 1000
    air-purifiers H87 18 220 100 1000
    electric-fans H87 6 60 200 2000
    hair-dryers H87 3.5 45 300 3000
    water-purifiers-dispensers H87 20 300 50 500
    space-heaters H87 8 70 200 2000
    sofas SET 160 1600 5 50
    sofa-beds H87 120 700 10 100
    recliners H87 90 650 10 100
    beds H87 70 900 10 100
    mattresses H87 38 420 20 200
    wardrobes H87 60 700 10 100
    office-chairs H87 14 180 50 500
    gaming-chairs H87 35 140 50 500
    office-desks H87 40 550 20 200
    hotel-furniture SET 450 6000 5 50
    restaurant-bar-furniture SET 60 900 10 100
    school-furniture SET 18 120 50 500
    furniture-parts H87 0.3 25 1000 10000
    dining-chairs H87 12 140 50 500
    bean-bags H87 8 60 100 1000
    kitchen-knives H87 0.8 25 500 5000
    cookware-sets SET 9 85 300 3000
    frying-pans-woks H87 2.5 28 500 5000
    cutlery SET 0.8 18 500 5000
    ceramic-tableware SET 0.3 30 500 5000
    glassware-drinkware H87 0.15 5 1000 10000
    vacuum-flasks H87 1.5 12 500 5000
    water-bottles H87 0.4 8 1000 10000
    bath-towels H87 0.8 9 500 5000
    bedding-sets SET 6 45 200 2000
    duvets-pillows H87 2.5 40 200 2000
    blankets-throws H87 2 25 300 3000
    curtains MTR 1 12 1000 10000
    carpets-rugs MTK 3 45 200 2000
    candles H87 0.1 6 1000 10000
    decorative-mirrors H87 4 120 100 1000
    clocks H87 1.5 35 300 3000
    aroma-diffusers H87 2.5 35 300 3000
    umbrellas H87 0.8 12 500 5000
    corrugated-cartons H87 0.08 2.5 1000 10000
    paper-gift-boxes H87 0.15 3 1000 10000
    paper-bags H87 0.02 0.8 5000 50000
    paper-cups-food-packaging H87 0.005 0.12 50000 500000
    kraft-paper TNE 450 1100 10 100
    moulded-pulp-packaging H87 0.03 0.6 10000 100000
    plastic-bags H87 0.005 0.2 10000 200000
    stand-up-pouches H87 0.01 0.35 10000 200000
    garbage-bags RO 0.2 2.5 3000 30000
    plastic-bottles-jars H87 0.03 0.9 5000 50000
    stretch-shrink-film KGM 1.3 2.8 1000 20000
    bubble-wrap RO 2 18 200 3000
    adhesive-tapes RO 0.12 2 3000 50000
    pallets H87 4 28 100 2000
    glass-bottles-jars H87 0.05 1.2 5000 50000
    cosmetic-packaging H87 0.05 2.5 5000 50000
    tin-cans H87 0.05 2 5000 50000
    caps-closures H87 0.005 0.15 50000 500000
    labels-stickers H87 0.002 0.1 10000 200000
    printed-matter H87 0.05 3 1000 20000
    thermal-paper-rolls RO 0.1 1.2 5000 50000
    printing-machines SET 6000 350000 1 1
    paper-converting-machines SET 9000 180000 1 1
    steel-coils TNE 480 880 25 500
    galvanized-prepainted-steel TNE 620 1050 25 500
    stainless-steel-sheets TNE 1500 3600 5 100
    stainless-steel-pipes TNE 1800 4200 5 100
    carbon-steel-pipes TNE 580 1200 20 500
    rebar-steel-bars TNE 450 650 50 1000
    steel-sections TNE 500 780 25 500
    steel-wire TNE 580 1200 10 200
    wire-mesh-fencing RO 8 90 100 1000
    aluminium-profiles KGM 2.7 4.8 500 10000
    aluminium-sheets-foil TNE 2600 4200 5 100
    copper-products KGM 8.5 12 500 10000
    zinc-lead-ingots TNE 2000 3100 25 500
    titanium-products KGM 18 65 100 2000
    rare-earths KGM 5 450 50 1000
    iron-ore TNE 85 135 5000 50000
    coal-coke TNE 80 260 1000 20000
    graphite-carbon TNE 500 2500 5 100
    refractories TNE 180 1500 10 200
    ferroalloys-silicon TNE 900 2200 20 500
    industrial-minerals TNE 60 420 20 1000
    metal-castings H87 0.5 200 100 3000
    forgings H87 1 300 100 2000
    sheet-metal-stamping H87 0.05 20 1000 20000
    cnc-machined-parts H87 0.2 80 100 5000
    rice TNE 380 950 25 500
    grains-beans TNE 250 900 25 1000
    nuts-kernels TNE 3500 12000 5 100
    fresh-fruits TNE 450 1900 10 200
    fresh-vegetables TNE 180 950 10 200
    garlic-ginger TNE 650 1700 10 200
    dried-fruits-vegetables TNE 1800 6500 1 50
    seeds-seedlings KGM 4 90 100 5000
    animal-feed TNE 280 750 25 500
    pet-food TNE 800 2600 5 100
    tea KGM 3 65 100 5000
    coffee KGM 3 12 500 20000
    frozen-seafood TNE 1400 9500 10 100
    frozen-meat-poultry TNE 1700 6200 25 500
    dairy-products TNE 2100 5600 10 200
    canned-food CT 7 32 500 5000
    snacks-confectionery CT 9 45 300 3000
    noodles-pasta CT 5 22 500 5000
    sauces-condiments CT 7 28 500 5000
    spices-seasonings KGM 1.8 16 500 10000
    edible-oils TNE 800 2600 15 500
    soft-drinks-juices CT 4 16 1000 5000
    wine-spirits H87 1.5 40 1200 12000
    honey KGM 2 9 500 20000
    surgical-masks H87 0.01 0.08 10000 500000
    respirators H87 0.05 0.35 10000 200000
    disposable-gloves BX 1.5 6 1000 20000
    syringes-needles H87 0.02 0.12 10000 500000
    wound-dressings H87 0.03 2 5000 100000
    infusion-sets-catheters H87 0.1 2.5 5000 100000
    isolation-gowns H87 0.3 3 5000 50000
    medical-cotton-swabs BG 0.1 1.5 5000 100000
    diagnostic-test-kits H87 0.3 5 1000 50000
    patient-monitors H87 150 2800 5 100
    ultrasound-scanners H87 1500 32000 1 10
    x-ray-equipment SET 6000 90000 1 3
    hospital-beds H87 150 2600 5 50
    wheelchairs H87 40 650 20 200
    dental-equipment H87 8 12000 1 100
    laboratory-equipment H87 60 25000 1 50
    sterilizers-autoclaves H87 300 15000 1 20
    blood-pressure-monitors H87 4 25 500 5000
    thermometers H87 0.5 15 1000 10000
    pulse-oximeters H87 3 15 500 5000
    massagers H87 5 160 100 1000
    hearing-aids H87 10 250 100 1000
    nebulizers-oxygen-concentrators H87 15 750 20 500
    orthopedic-braces H87 1 30 200 3000
    apis-intermediates KGM 5 2000 1 1000
    plant-extracts KGM 8 220 25 1000
    dietary-supplements H87 1 8 1000 10000
    veterinary-medicines H87 0.5 12 1000 20000
    yoga-mats H87 2 15 200 2000
    dumbbells-kettlebells KGM 0.9 2.8 1000 10000
    treadmills H87 150 2600 10 100
    exercise-bikes H87 60 950 20 200
    resistance-bands SET 1 8 500 5000
    commercial-gym-equipment SET 300 6500 1 20
    sports-balls H87 1.5 15 500 5000
    rackets H87 3 60 300 3000
    golf-equipment H87 5 300 100 1000
    table-tennis-billiards H87 50 2200 5 50
    bicycles H87 40 600 50 500
    camping-tents H87 10 300 100 1000
    sleeping-bags H87 5 50 200 2000
    fishing-tackle H87 0.1 80 500 10000
    skateboards-scooters H87 8 120 100 1000
    water-sports H87 60 420 20 200
    swimming-accessories H87 0.5 6 500 5000
    musical-instruments H87 10 2000 10 200
    playground-equipment SET 500 30000 1 5
    arcade-machines H87 300 6500 1 20
    office-paper PK 1.6 3.6 1600 16000
    notebooks H87 0.2 3 1000 10000
    pens H87 0.02 1 5000 100000
    pencils-crayons H87 0.01 0.3 10000 100000
    markers-highlighters H87 0.05 1 5000 50000
    printers H87 60 900 10 200
    label-printers H87 25 300 20 500
    toner-ink-cartridges H87 2 60 100 2000
    paper-shredders H87 30 400 20 200
    whiteboards H87 5 150 100 1000
    interactive-flat-panels H87 550 4200 1 20
    calculators H87 1 15 500 5000
    teaching-aids H87 5 500 10 500
    cctv-cameras H87 8 160 50 1000
    nvr-dvr H87 25 420 20 500
    video-doorbells-intercoms H87 9 160 50 1000
    burglar-alarms SET 15 220 50 500
    access-control H87 20 550 20 500
    smart-door-locks H87 25 220 50 500
    safes H87 30 1500 10 200
    security-scanners H87 15 9000 1 100
    fire-extinguishers H87 5 60 500 5000
    smoke-gas-detectors H87 2 25 500 5000
    fire-hoses-hydrants H87 5 120 100 1000
    safety-helmets H87 1 12 500 5000
    safety-shoes PR 6 35 500 3000
    work-gloves PR 0.1 3 5000 50000
    safety-goggles-face-shields H87 0.3 5 1000 10000
    reflective-vests H87 0.3 3 1000 10000
    fall-protection SET 8 60 100 1000
    hearing-protection PR 0.01 6 1000 50000
    gas-masks H87 3 60 100 1000
    traffic-cones-barriers H87 1 25 200 3000
    speed-bumps-road-studs H87 1 40 200 3000
    bearings H87 0.2 60 500 10000
    valves H87 5 800 50 1000
    water-pumps H87 25 3000 10 500
    air-compressors H87 300 22000 1 50
    vacuum-pumps H87 60 9000 1 50
    industrial-fans-blowers H87 30 3000 5 200
    hydraulic-pumps-motors H87 40 2500 10 200
    cylinders H87 15 900 20 500
    pneumatic-components H87 3 120 100 2000
    gearboxes-reducers H87 40 3500 5 200
    gears-sprockets H87 1 200 100 3000
    transmission-chains MTR 1.5 40 100 3000
    couplings-shafts H87 2 300 50 1000
    linear-guides-ball-screws H87 10 600 20 500
    conveyor-belts MTR 8 90 50 1000
    forklifts H87 6500 32000 1 5
    cranes-hoists SET 300 90000 1 10
    conveyors SET 600 25000 1 10
    pallet-trucks-stackers H87 150 6000 1 50
    warehouse-racking TNE 900 1500 5 50
    aerial-work-platforms H87 3000 45000 1 5
    industrial-boilers SET 9000 250000 1 1
    heat-exchangers H87 400 30000 1 10
    chillers-cooling-towers SET 2000 90000 1 3
    tanks-pressure-vessels SET 1500 80000 1 3
    industrial-filtration SET 300 30000 1 10
    water-treatment-equipment SET 900 90000 1 3
    industrial-dryers SET 2000 90000 1 2
    industrial-mixers SET 600 40000 1 5
    industrial-furnaces SET 2500 150000 1 2
    diesel-engines H87 600 25000 1 20
    plcs H87 50 1500 10 200
    frequency-inverters H87 40 2200 10 200
    servo-motors-drives SET 80 1600 10 200
    industrial-robots SET 12000 65000 1 5
    hmi-touch-panels H87 80 900 10 200
    process-instruments H87 20 1500 10 500
    luggage-suitcases SET 18 160 100 1000
    wallets-card-holders H87 0.8 15 300 3000
    handbags H87 3 60 100 1000
    ride-on-toys H87 18 160 20 300
    baby-strollers H87 25 260 50 500
    child-car-seats H87 25 200 50 500
    baby-feeding-bottles H87 0.5 5 1000 10000
    rc-toys H87 3 80 100 1000
    building-blocks SET 1.5 40 200 3000
    false-eyelashes PR 0.2 3 1000 20000
    wigs-hair-extensions H87 8 260 10 500
    perfumes H87 1.5 25 500 5000
    electric-toothbrushes H87 4 40 200 3000
    shavers-trimmers H87 3.5 40 200 3000
    beauty-devices H87 5 300 50 1000
    diapers-sanitary-pads H87 0.03 0.2 50000 500000
    wet-wipes PK 0.15 1.5 5000 50000
    tissue-toilet-paper RO 0.08 1 10000 100000
    makeup-brushes SET 1 15 300 5000
    paintings-wall-art H87 3 300 20 500
    electric-bicycles H87 250 1300 5 100
    electric-scooters H87 110 620 10 200
    motorcycles H87 450 3500 10 100
    electric-motorcycles H87 300 2500 10 100
    electric-tricycles H87 500 2600 5 50
    passenger-cars H87 6500 42000 1 20
    trucks H87 15000 95000 1 10
    buses-coaches H87 30000 160000 1 5
    trailers H87 6000 32000 1 10
    special-purpose-vehicles H87 20000 200000 1 3
    golf-carts H87 2000 7500 1 20
    atvs-utvs H87 800 9500 5 50
    boats-yachts H87 2000 450000 1 5
    shipping-containers H87 1500 5200 1 50
    railway-equipment H87 100 250000 1 100
    """
)

# Singular product names where the category's own name does not split cleanly.
NOUNS: dict[str, tuple[str, ...]] = {
    "edm-machines": ("EDM Machine", "Wire Cut EDM Machine"),
    "press-brakes": ("Press Brake", "Sheet Metal Bending Machine"),
    "fruit-vegetable-processing-machinery": (
        "Fruit Processing Line",
        "Vegetable Washing Machine",
        "Juice Extractor Machine",
    ),
    "grain-milling-machinery": ("Flour Mill Machine", "Maize Milling Machine"),
    "beverage-processing-machinery": ("Juice Production Line", "Water Bottling Plant"),
    "bakery-machinery": ("Bread Oven", "Dough Mixer", "Biscuit Production Line"),
    "meat-processing-machinery": ("Meat Grinder", "Bone Saw Machine", "Meat Slicer"),
    "feed-processing-machinery": ("Feed Pellet Mill", "Feed Mixer"),
    "concrete-machinery": ("Concrete Mixer", "Concrete Pump", "Concrete Batching Plant"),
    "crushers-screens": ("Jaw Crusher", "Cone Crusher", "Vibrating Screen"),
    "pcb": ("PCB", "PCB Assembly", "Multilayer PCB"),
    "display-modules": ("LCD Module", "TFT Display Module", "OLED Display"),
    "switchgear": ("Distribution Box", "Low-voltage Switchgear", "Switch Cabinet"),
    "electric-wires-cables": ("Power Cable", "Electric Wire", "Control Cable"),
    "cable-ties-accessories": ("Nylon Cable Tie", "Cable Clip", "Wire Terminal"),
    "led-chips": ("SMD LED", "LED Chip", "High Power LED"),
    "lamp-holders-accessories": ("Lamp Holder", "Lamp Socket", "Ceiling Rose"),
    "neon-signs": ("LED Neon Sign", "LED Neon Flex", "Illuminated Sign"),
    "holiday-lights": ("Christmas String Light", "LED Fairy Lights", "Icicle Light"),
    "marble-granite": ("Marble Slab", "Granite Countertop", "Marble Tile"),
    "quartz-stone": ("Quartz Slab", "Quartz Countertop"),
    "architectural-glass": ("Tempered Glass", "Insulated Glass Unit", "Laminated Glass"),
    "steel-structures": ("Steel Structure Warehouse", "Prefab Steel Building"),
    "scaffolding-formwork": ("Ringlock Scaffolding", "Steel Formwork", "Scaffolding Prop"),
    "door-window-hardware": ("Window Handle", "Door Closer", "Sliding Door Roller"),
    "wood-laminate-flooring": ("Laminate Flooring", "Engineered Wood Flooring"),
    "spc-vinyl-flooring": ("SPC Flooring", "Vinyl Plank Flooring", "LVT Flooring"),
    "ceiling-systems": ("Aluminium Ceiling Panel", "Mineral Fibre Ceiling Tile", "T-Grid"),
    "showers": ("Shower Head", "Thermostatic Shower Set", "Rain Shower System"),
    "industrial-acids": ("Sulphuric Acid", "Hydrochloric Acid", "Phosphoric Acid"),
    "organic-solvents": ("Toluene", "Methanol", "Acetone"),
    "polyethylene": ("HDPE Granules", "LDPE Resin", "LLDPE Film Grade"),
    "polypropylene": ("PP Homopolymer", "PP Copolymer", "Polypropylene Granules"),
    "engineering-plastics": ("ABS Resin", "PA6 Nylon Granules", "Polycarbonate Resin"),
    "color-masterbatch": ("Black Masterbatch", "White Masterbatch", "Colour Masterbatch"),
    "pigments-dyes": ("Iron Oxide Pigment", "Reactive Dye", "Disperse Dye"),
    "fertilizers": ("Urea 46%", "NPK Compound Fertilizer", "Ammonium Sulphate"),
    "pesticides": ("Glyphosate", "Imidacloprid", "Mancozeb"),
    "cleaning-agents": ("Dishwashing Liquid", "Floor Cleaner", "Hand Sanitizer"),
    "water-treatment-chemicals": ("Polyaluminium Chloride", "Polyacrylamide", "TCCA Tablets"),
    "food-additives": ("Citric Acid", "Xanthan Gum", "Sodium Benzoate"),
    "plasticizers": ("DOTP Plasticizer", "DINP", "Epoxidized Soybean Oil"),
    "catalysts": ("Hydrogenation Catalyst", "Zeolite Catalyst", "FCC Catalyst"),
    "lubricants": ("Engine Oil", "Hydraulic Oil", "Lithium Grease"),
    "industrial-gases": ("Argon Gas", "Nitrogen Gas", "CO2 Gas Cylinder"),
    "geotextiles": ("Nonwoven Geotextile", "Woven Geotextile", "Geomembrane"),
    "filter-cloth": ("Filter Press Cloth", "Needle Felt Filter Bag"),
    "tank-tops": ("Tank Top", "Sports Vest"),
    "kids-clothing": ("Kids T-Shirt", "Children's Dress", "Kids Tracksuit"),
    "workwear-uniforms": ("Work Overall", "Chef Uniform", "Work Jacket"),
    "garment-accessories": ("Metal Button", "Nylon Zipper", "Woven Label"),
    "fine-jewelry": ("925 Silver Ring", "18K Gold Necklace", "Sterling Silver Earrings"),
    "fashion-jewelry": ("Fashion Necklace", "Stainless Steel Bracelet", "Fashion Earrings"),
    "power-tool-accessories": ("SDS Drill Bit", "TCT Saw Blade", "Diamond Saw Blade"),
    "welding-consumables": ("E6013 Welding Rod", "MIG Welding Wire", "Flux-cored Wire"),
    "anchors-rivets": ("Wedge Anchor", "Blind Rivet", "Sleeve Anchor"),
    "chains-rigging": ("Lifting Chain", "Shackle", "Turnbuckle"),
    "abrasives": ("Cutting Disc", "Flap Disc", "Sanding Belt"),
    "pistons-rings": ("Piston", "Piston Ring Set"),
    "auto-filters": ("Oil Filter", "Air Filter", "Fuel Filter"),
    "gaskets-seals": ("Cylinder Head Gasket", "Oil Seal"),
    "auto-belts": ("Timing Belt", "V-ribbed Belt"),
    "brake-discs-drums": ("Brake Disc", "Brake Drum"),
    "suspension-parts": ("Control Arm", "Ball Joint", "Stabilizer Link"),
    "steering-parts": ("Tie Rod End", "Steering Rack"),
    "car-tires": ("Passenger Car Tyre", "SUV Tyre", "PCR Tyre"),
    "truck-bus-tires": ("Truck Tyre", "TBR Tyre"),
    "tail-signal-lights": ("LED Tail Light", "Turn Signal Light"),
    "alternators-starters": ("Alternator", "Starter Motor"),
    "body-parts": ("Front Bumper", "Side Mirror", "Fender"),
    "car-electronics-accessories": ("Car Charger", "Magnetic Car Phone Holder"),
    "car-care": ("Car Shampoo", "Tyre Shine", "Microfibre Car Towel"),
    "motorcycle-parts": ("Motorcycle Chain Kit", "Motorcycle Brake Lever", "CDI Unit"),
    "phone-holders-selfie-sticks": ("Phone Holder", "Selfie Stick", "Selfie Stick Tripod"),
    "home-audio": ("Soundbar", "Home Theatre System"),
    "vr-headsets": ("VR Headset", "VR Glasses"),
    "desktop-mini-pcs": ("Mini PC", "Desktop Computer", "All-in-one PC"),
    "keyboards-mice": ("Mechanical Keyboard", "Wireless Mouse", "Keyboard and Mouse Combo"),
    "ssds-memory": ("SSD", "DDR4 RAM Module", "NVMe SSD"),
    "usb-flash-drives": ("USB Flash Drive", "Micro SD Card"),
    "network-routers": ("WiFi Router", "Network Switch", "4G LTE Router"),
    "tv-boxes": ("Android TV Box", "Set-top Box"),
    "game-consoles": ("Retro Game Console", "Wireless Game Controller"),
    "smart-home-devices": ("Smart Plug", "Smart Switch", "Zigbee Gateway"),
    "e-cigarettes": ("Disposable Vape", "Pod System"),
    "refrigerators": ("Refrigerator", "Chest Freezer", "Beverage Cooler"),
    "vacuum-cleaners": ("Vacuum Cleaner", "Robot Vacuum", "Cordless Stick Vacuum"),
    "water-purifiers-dispensers": ("RO Water Purifier", "Water Dispenser"),
    "coffee-tables": ("Coffee Table", "Side Table"),
    "bean-bags": ("Bean Bag", "Pouf"),
    "frying-pans-woks": ("Frying Pan", "Wok"),
    "shoe-cabinets": ("Shoe Cabinet", "Shoe Rack"),
    "beds": ("Bed Frame", "Upholstered Bed", "Metal Bed"),
    "nightstands-dressers": ("Nightstand", "Dresser", "Chest of Drawers"),
    "filing-cabinets": ("Filing Cabinet", "Steel Storage Cabinet", "Locker"),
    "office-workstations": ("Office Workstation", "Office Partition"),
    "outdoor-furniture": ("Garden Furniture Set", "Outdoor Sofa", "Patio Table"),
    "hotel-furniture": ("Hotel Bedroom Furniture Set", "Hotel Furniture"),
    "restaurant-bar-furniture": ("Restaurant Chair", "Bar Stool", "Restaurant Table"),
    "school-furniture": ("School Desk and Chair", "Classroom Furniture"),
    "kids-furniture": ("Kids Bed", "Kids Study Table", "Kids Wardrobe"),
    "bamboo-rattan-furniture": ("Rattan Chair", "Bamboo Shelf", "Wicker Sofa Set"),
    "furniture-parts": ("Office Chair Base", "Gas Lift Cylinder", "Furniture Leg"),
    "cutlery": ("Stainless Steel Cutlery Set", "Flatware Set"),
    "ceramic-tableware": ("Porcelain Dinner Set", "Ceramic Plate", "Ceramic Mug"),
    "glassware-drinkware": ("Drinking Glass", "Wine Glass", "Glass Mug"),
    "vacuum-flasks": ("Vacuum Flask", "Stainless Steel Tumbler", "Thermos Bottle"),
    "food-containers": ("Food Storage Container", "Glass Meal Prep Container", "Lunch Box"),
    "kitchen-utensils": ("Silicone Spatula", "Kitchen Utensil Set", "Vegetable Peeler"),
    "storage-boxes": ("Storage Box", "Storage Bin", "Plastic Storage Container"),
    "laundry-baskets-racks": ("Laundry Basket", "Clothes Drying Rack"),
    "cleaning-tools": ("Spin Mop", "Broom", "Microfibre Mop"),
    "duvets-pillows": ("Duvet", "Pillow", "Memory Foam Pillow"),
    "blankets-throws": ("Fleece Blanket", "Knitted Throw"),
    "cushions": ("Cushion Cover", "Throw Pillow"),
    "table-linen": ("Tablecloth", "Table Runner", "Cloth Napkin"),
    "aroma-diffusers": ("Aroma Diffuser", "Reed Diffuser", "Scented Sachet"),
    "pet-supplies": ("Pet Bed", "Dog Leash", "Cat Scratcher"),
    "bathroom-sets": ("Bathroom Accessory Set", "Shower Curtain"),
    "paper-cups-food-packaging": ("Paper Cup", "Kraft Food Box", "Paper Bowl"),
    "stand-up-pouches": ("Stand-up Pouch", "Zipper Pouch", "Retort Pouch"),
    "bubble-wrap": ("Bubble Wrap Roll", "Air Column Bag", "Bubble Mailer"),
    "cosmetic-packaging": ("Cosmetic Jar", "Airless Pump Bottle", "Lipstick Tube"),
    "tin-cans": ("Tin Can", "Metal Gift Tin", "Aluminium Can"),
    "caps-closures": ("Bottle Cap", "Trigger Sprayer", "Lotion Pump"),
    "printed-matter": ("Brochure", "Catalogue Printing", "Hardcover Book Printing"),
    "printing-machines": ("Flexo Printing Machine", "Offset Printing Machine"),
    "paper-converting-machines": ("Paper Cup Machine", "Paper Bag Machine", "Slitting Machine"),
    "steel-coils": ("Hot Rolled Steel Coil", "Cold Rolled Steel Coil"),
    "galvanized-prepainted-steel": ("Galvanized Steel Coil", "PPGI Coil", "Galvalume Sheet"),
    "rebar-steel-bars": ("Deformed Steel Rebar", "Steel Round Bar"),
    "steel-sections": ("H Beam", "Steel Angle", "Steel Channel"),
    "wire-mesh-fencing": ("Welded Wire Mesh", "Chain Link Fence", "Fence Panel"),
    "aluminium-sheets-foil": ("Aluminium Sheet", "Aluminium Coil", "Aluminium Foil"),
    "copper-products": ("Copper Tube", "Copper Bar", "Copper Sheet"),
    "zinc-lead-ingots": ("Zinc Ingot", "Lead Ingot"),
    "titanium-products": ("Titanium Bar", "Titanium Sheet", "Titanium Wire"),
    "rare-earths": ("Neodymium Oxide", "Cerium Oxide", "Lanthanum Oxide"),
    "coal-coke": ("Metallurgical Coke", "Steam Coal", "Anthracite"),
    "graphite-carbon": ("Graphite Electrode", "Graphite Powder", "Graphite Block"),
    "refractories": ("Refractory Brick", "Castable Refractory", "Ceramic Fibre Blanket"),
    "ferroalloys-silicon": ("Ferrosilicon", "Silicon Metal 553", "Ferromanganese"),
    "industrial-minerals": ("Quartz Sand", "Talc Powder", "Kaolin Clay"),
    "metal-castings": ("Ductile Iron Casting", "Aluminium Die Casting", "Investment Casting"),
    "forgings": ("Forged Flange", "Forged Shaft", "Forged Ring"),
    "sheet-metal-stamping": ("Metal Stamping Part", "Sheet Metal Enclosure"),
    "cnc-machined-parts": ("CNC Turned Part", "CNC Milled Part", "Precision Machined Part"),
    "grains-beans": ("Yellow Corn", "Soybeans", "Red Kidney Beans"),
    "nuts-kernels": ("Cashew Kernels", "Almonds", "Walnut Kernels"),
    "fresh-fruits": ("Fresh Apples", "Fresh Mandarin Oranges", "Fresh Grapes"),
    "fresh-vegetables": ("Fresh Potatoes", "Fresh Onions", "Fresh Carrots"),
    "garlic-ginger": ("Fresh Garlic", "Fresh Ginger"),
    "dried-fruits-vegetables": ("Raisins", "Dehydrated Onion Flakes", "Dried Apricots"),
    "seeds-seedlings": ("Hybrid Vegetable Seeds", "Sunflower Seeds for Planting"),
    "animal-feed": ("Fish Meal", "Poultry Feed", "Soybean Meal"),
    "frozen-seafood": ("Frozen Shrimp", "Frozen Squid", "Frozen Tilapia Fillet"),
    "frozen-meat-poultry": ("Frozen Chicken Paws", "Frozen Beef", "Frozen Pork Cuts"),
    "dairy-products": ("Whole Milk Powder", "Butter", "Cheddar Cheese"),
    "canned-food": ("Canned Tuna", "Canned Sweet Corn", "Canned Peaches"),
    "snacks-confectionery": ("Chocolate Bar", "Gummy Candy", "Potato Chips"),
    "noodles-pasta": ("Instant Noodles", "Spaghetti", "Rice Noodles"),
    "sauces-condiments": ("Soy Sauce", "Tomato Ketchup", "Oyster Sauce"),
    "spices-seasonings": ("Black Pepper", "Chilli Powder", "Star Anise"),
    "edible-oils": ("Refined Sunflower Oil", "Extra Virgin Olive Oil", "Palm Oil"),
    "soft-drinks-juices": ("Carbonated Soft Drink", "Mango Juice", "Energy Drink"),
    "wine-spirits": ("Red Wine", "Vodka", "Baijiu"),
    "honey": ("Natural Honey", "Acacia Honey", "Royal Jelly"),
    "respirators": ("KN95 Mask", "FFP2 Respirator"),
    "syringes-needles": ("Disposable Syringe", "Hypodermic Needle"),
    "wound-dressings": ("Gauze Bandage", "Adhesive Wound Dressing", "Elastic Bandage"),
    "infusion-sets-catheters": ("Infusion Set", "IV Cannula", "Foley Catheter"),
    "isolation-gowns": ("Isolation Gown", "Protective Coverall"),
    "medical-cotton-swabs": ("Medical Cotton Ball", "Cotton Swab", "Absorbent Cotton Roll"),
    "diagnostic-test-kits": ("Rapid Test Kit", "Pregnancy Test Strip", "Glucose Test Strip"),
    "dental-equipment": ("Dental Chair", "Dental Handpiece", "Dental Impression Material"),
    "laboratory-equipment": ("Centrifuge", "Laboratory Incubator", "Biosafety Cabinet"),
    "nebulizers-oxygen-concentrators": ("Nebulizer", "Oxygen Concentrator"),
    "orthopedic-braces": ("Knee Brace", "Lumbar Support Belt", "Wrist Splint"),
    "apis-intermediates": ("Pharmaceutical Intermediate", "API Powder"),
    "plant-extracts": ("Ginseng Extract", "Green Tea Extract", "Curcumin Powder"),
    "dietary-supplements": ("Vitamin C Tablets", "Fish Oil Softgels", "Collagen Powder"),
    "veterinary-medicines": ("Veterinary Injection", "Ivermectin Tablets", "Poultry Vitamin"),
    "dumbbells-kettlebells": ("Cast Iron Dumbbell", "Kettlebell", "Adjustable Dumbbell"),
    "commercial-gym-equipment": ("Smith Machine", "Cable Crossover", "Leg Press Machine"),
    "sports-balls": ("Football", "Basketball", "Volleyball"),
    "golf-equipment": ("Golf Club Set", "Golf Ball", "Golf Bag"),
    "table-tennis-billiards": ("Table Tennis Table", "Billiard Table", "Pool Cue"),
    "fishing-tackle": ("Fishing Rod", "Spinning Reel", "Fishing Lure"),
    "skateboards-scooters": ("Skateboard", "Kick Scooter", "Longboard"),
    "water-sports": ("Inflatable SUP Board", "Surfboard", "Kayak"),
    "swimming-accessories": ("Swimming Goggles", "Swim Cap", "Kickboard"),
    "musical-instruments": ("Acoustic Guitar", "Digital Piano", "Violin"),
    "playground-equipment": ("Outdoor Playground", "Indoor Soft Play", "Slide"),
    "arcade-machines": ("Claw Machine", "Arcade Game Machine", "Basketball Arcade Machine"),
    "office-paper": ("A4 Copy Paper", "Copy Paper 80gsm"),
    "notebooks": ("Spiral Notebook", "Hardcover Notebook", "Planner Diary"),
    "pencils-crayons": ("HB Pencil", "Colour Pencil Set", "Wax Crayons"),
    "files-folders": ("File Folder", "Lever Arch File", "Document Bag"),
    "staplers-punches": ("Stapler", "Hole Punch"),
    "scissors-cutters": ("Office Scissors", "Pencil Sharpener", "Paper Cutter"),
    "erasers-correction": ("Eraser", "Correction Tape"),
    "toner-ink-cartridges": ("Toner Cartridge", "Ink Cartridge"),
    "teaching-aids": ("Anatomy Model", "Teaching Globe", "Geometry Set"),
    "nvr-dvr": ("NVR", "DVR"),
    "video-doorbells-intercoms": ("Video Doorbell", "Video Intercom"),
    "burglar-alarms": ("Burglar Alarm System", "WiFi Alarm Kit"),
    "access-control": ("Access Control Terminal", "Face Recognition Terminal"),
    "security-scanners": ("Walk-through Metal Detector", "Hand-held Metal Detector"),
    "smoke-gas-detectors": ("Smoke Detector", "Gas Leak Detector"),
    "fire-hoses-hydrants": ("Fire Hose", "Fire Hydrant", "Fire Hose Reel"),
    "safety-goggles-face-shields": ("Safety Goggles", "Face Shield"),
    "fall-protection": ("Full Body Safety Harness", "Lanyard with Shock Absorber"),
    "hearing-protection": ("Ear Plugs", "Ear Muffs"),
    "gas-masks": ("Full Face Gas Mask", "Half Mask Respirator"),
    "traffic-cones-barriers": ("Traffic Cone", "Road Barrier"),
    "speed-bumps-road-studs": ("Rubber Speed Bump", "Solar Road Stud"),
    "hydraulic-pumps-motors": ("Hydraulic Gear Pump", "Hydraulic Motor"),
    "cylinders": ("Hydraulic Cylinder", "Pneumatic Cylinder"),
    "pneumatic-components": ("Solenoid Valve", "Air Filter Regulator", "Pneumatic Fitting"),
    "gearboxes-reducers": ("Worm Gear Reducer", "Helical Gearbox", "Planetary Gearbox"),
    "couplings-shafts": ("Jaw Coupling", "Drive Shaft", "Flexible Coupling"),
    "linear-guides-ball-screws": ("Linear Guide Rail", "Ball Screw"),
    "cranes-hoists": ("Electric Wire Rope Hoist", "Overhead Crane", "Chain Hoist"),
    "conveyors": ("Belt Conveyor", "Roller Conveyor", "Screw Conveyor"),
    "pallet-trucks-stackers": ("Hand Pallet Truck", "Electric Stacker"),
    "warehouse-racking": ("Pallet Racking", "Shelving Rack", "Cantilever Rack"),
    "aerial-work-platforms": ("Scissor Lift", "Boom Lift"),
    "industrial-boilers": ("Steam Boiler", "Hot Water Boiler", "Biomass Boiler"),
    "chillers-cooling-towers": ("Water Chiller", "Cooling Tower"),
    "tanks-pressure-vessels": ("Stainless Steel Tank", "Pressure Vessel", "Mixing Tank"),
    "industrial-filtration": ("Bag Filter Housing", "Filter Press", "Cartridge Filter"),
    "water-treatment-equipment": ("RO Water Treatment Plant", "Water Softener"),
    "industrial-dryers": ("Spray Dryer", "Rotary Dryer", "Fluid Bed Dryer"),
    "industrial-mixers": ("Ribbon Mixer", "High Shear Mixer", "Agitator"),
    "industrial-furnaces": ("Muffle Furnace", "Induction Furnace", "Curing Oven"),
    "plcs": ("PLC Controller", "PLC Module"),
    "servo-motors-drives": ("AC Servo Motor", "Servo Drive"),
    "hmi-touch-panels": ("HMI Touch Screen", "Operator Panel"),
    "process-instruments": ("Pressure Transmitter", "Flow Meter", "Level Sensor"),
    "tool-bags-hard-cases": ("Tool Bag", "Hard Case", "Equipment Case"),
    "drawstring-gym-bags": ("Drawstring Bag", "Gym Bag"),
    "dolls": ("Fashion Doll", "Baby Doll", "Doll House"),
    "rc-toys": ("RC Car", "RC Helicopter", "RC Boat"),
    "educational-toys": ("STEM Kit", "Wooden Puzzle", "Science Kit"),
    "baby-toys": ("Baby Rattle", "Activity Gym", "Teether"),
    "ride-on-toys": ("Kids Electric Car", "Balance Bike", "Ride-on Car"),
    "outdoor-water-toys": ("Water Gun", "Sandbox Toy Set", "Inflatable Pool"),
    "board-card-games": ("Board Game", "Playing Cards", "Card Game"),
    "die-cast-toy-vehicles": ("Die-cast Car Model", "Toy Truck"),
    "pretend-play-toys": ("Kitchen Play Set", "Doctor Play Set", "Tool Play Set"),
    "novelty-fidget-toys": ("Fidget Spinner", "Pop It Fidget Toy", "Squishy Toy"),
    "eye-makeup": ("Eyeshadow Palette", "Mascara", "Eyeliner"),
    "face-makeup": ("Liquid Foundation", "Pressed Powder", "Blush"),
    "nail-polish": ("Gel Nail Polish", "Nail Polish", "Press-on Nails"),
    "facial-skincare": ("Face Serum", "Moisturising Cream", "Facial Cleanser"),
    "sheet-masks": ("Sheet Mask", "Hydrogel Eye Patch"),
    "shampoo-conditioner": ("Shampoo", "Hair Conditioner"),
    "wigs-hair-extensions": ("Human Hair Wig", "Hair Extensions", "Lace Front Wig"),
    "soap-body-wash": ("Handmade Soap", "Body Wash", "Hotel Soap"),
    "toothbrushes-oral-care": ("Toothbrush", "Toothpaste", "Dental Floss"),
    "shavers-trimmers": ("Electric Shaver", "Hair Clipper", "Beard Trimmer"),
    "razors-blades": ("Disposable Razor", "Razor Blades"),
    "deodorants": ("Roll-on Deodorant", "Deodorant Spray"),
    "diapers-sanitary-pads": ("Baby Diaper", "Sanitary Pad", "Adult Diaper"),
    "tissue-toilet-paper": ("Toilet Paper Roll", "Facial Tissue", "Jumbo Roll Tissue"),
    "beauty-devices": ("Facial Steamer", "IPL Hair Removal Device", "LED Face Mask"),
    "christmas-decorations": ("Christmas Tree", "Christmas Ornament", "Christmas Wreath"),
    "party-festive-supplies": ("Party Decoration Set", "Birthday Banner", "Party Tableware"),
    "resin-crafts": ("Resin Figurine", "Resin Statue"),
    "ceramic-crafts": ("Ceramic Figurine", "Porcelain Vase", "Ceramic Ornament"),
    "wood-crafts": ("Wooden Craft", "Wooden Ornament", "Wooden Sign"),
    "metal-crafts": ("Metal Wall Art", "Metal Ornament", "Brass Figurine"),
    "glass-crafts": ("Glass Ornament", "Crystal Figurine", "Glass Paperweight"),
    "paintings-wall-art": ("Oil Painting", "Canvas Wall Art", "Framed Print"),
    "art-supplies": ("Acrylic Paint Set", "Stretched Canvas", "Artist Brush Set"),
    "diy-craft-supplies": ("Glass Beads", "DIY Craft Kit", "Jewellery Making Beads"),
    "religious-crafts": ("Rosary", "Buddha Statue", "Cross Pendant"),
    "keychains-badges": ("Custom Keychain", "Enamel Pin", "Embroidered Badge"),
    "embroidery-textile-crafts": ("Embroidered Patch", "Cross Stitch Kit"),
    "gifts-souvenirs": ("Souvenir Magnet", "Promotional Gift Set", "Souvenir Mug"),
    "electric-motorcycles": ("Electric Motorcycle", "Electric Moped"),
    "passenger-cars": ("Electric Car", "SUV", "Sedan"),
    "trucks": ("Dump Truck", "Light Truck", "Tractor Head"),
    "buses-coaches": ("City Bus", "Coach", "Minibus"),
    "trailers": ("Semi-trailer", "Flatbed Trailer", "Tanker Trailer"),
    "special-purpose-vehicles": ("Fire Truck", "Refrigerated Truck", "Garbage Truck"),
    "golf-carts": ("Golf Cart", "Electric Sightseeing Car"),
    "atvs-utvs": ("ATV", "UTV", "Quad Bike"),
    "boats-yachts": ("Aluminium Fishing Boat", "Inflatable Boat", "Yacht"),
    "shipping-containers": ("20ft Shipping Container", "40ft High Cube Container"),
    "railway-equipment": ("Railway Wheel", "Rail Fastening System", "Steel Rail"),
}


# Modifiers by product family: a leaf takes the first family whose pattern matches its code,
# else its top-level category's default (generic words that fit everything in it). Adjectives
# carry their Chinese, which a Chinese title reuses.
@dataclass(frozen=True)
class Family:
    pattern: re.Pattern[str] | None
    adjectives: tuple[tuple[str, str], ...]
    materials: tuple[str, ...]
    specs: tuple[str, ...]
    uses: tuple[str, ...]


FAMILIES: dict[str, list[Family]] = {}


def _split(text: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in text.split(";") if part.strip())


def _family(
    top: str,
    pattern: str | None,
    adjectives: str = "",
    materials: str = "",
    specs: str = "",
    uses: str = "",
) -> None:
    pairs = []
    for item in _split(adjectives):
        english, _sep, chinese = item.partition("=")
        pairs.append((english.strip(), chinese.strip()))
    FAMILIES.setdefault(top, []).append(
        Family(
            re.compile(pattern) if pattern else None,
            tuple(pairs),
            _split(materials),
            _split(specs),
            _split(uses),
        )
    )


def family_of(code: str, top: str) -> Family:
    families = FAMILIES.get(top, [])
    for family in families:
        if family.pattern is not None and family.pattern.search(code):
            return family
    for family in families:
        if family.pattern is None:
            return family
    return Family(None, (), (), (), ())


# Machinery
_family(
    "machinery",
    r"laser",
    "CNC=数控; High-precision=高精度; Automatic=全自动",
    "",
    "{1500|3000|6000|12000}W Fiber Laser; {1300x2500|1500x3000|2000x4000} mm Working Area; "
    "{Raycus|IPG|Max} Laser Source",
    "for Metal Sheet; for Stainless Steel; with CE Certificate",
)
_family(
    "machinery",
    r"lathe|machining|milling|drilling-machines|grinding|edm|plasma|waterjet|press|shearing|"
    r"punching|sawing",
    "CNC=数控; High-precision=高精度; Heavy-duty=重型; Automatic=全自动",
    "",
    "{3|5.5|7.5|11|15|22} kW; {1000|1500|2000|3000} mm; {Siemens|Fanuc|GSK|Syntec} Controller",
    "for Metal Processing; with CE Certificate; with Installation Service",
)
_family(
    "machinery",
    r"injection|extruder|blow-moulding|recycling|rubber",
    "Automatic=全自动; Energy-saving=节能; High-speed=高速",
    "",
    "{90|160|250|380|530} Ton; {100|200|500|1000} kg/h; Servo Motor",
    "for PET Bottles; for PP PE Film; with CE Certificate",
)
_family(
    "machinery",
    r"3d-printers",
    "Desktop=桌面; Industrial=工业; High-precision=高精度",
    "",
    "{220x220x250|300x300x400|500x500x500} mm Build Volume; {FDM|Resin|SLA}",
    "for Education; for Prototyping",
)
_family(
    "machinery",
    r"filling|packing|labelling|sealing|shrink|bottle-washing",
    "Automatic=全自动; Semi-automatic=半自动; High-speed=高速",
    "Stainless Steel 304",
    "{20|40|60|120} Bottles/min; {1000|2000|5000|8000} BPH; {30|60|120} Bags/min",
    "for Water; for Food; for Cosmetics; for Pharmaceuticals",
)
_family(
    "machinery",
    r"bakery|meat|fruit|beverage|grain|feed",
    "Automatic=全自动; Commercial=商用; Industrial=工业",
    "Stainless Steel 304",
    "{100|300|500|1000|2000} kg/h; {380V|220V} {50Hz|60Hz}",
    "for Food Factory; for Restaurant; for Small Business",
)
_family(
    "machinery",
    r"tractors|harvesters|seeders|sprayers|irrigation",
    "Agricultural=农用; Heavy-duty=重型; Multi-function=多功能",
    "",
    "{25|50|80|120|180} HP; {4WD|2WD}; {2|4|6}-row",
    "for Farm; for Orchard; for Rice Field",
)
_family(
    "machinery",
    r"excavators|loaders|bulldozers|rollers|concrete|crushers|rigs",
    "Heavy-duty=重型; Hydraulic=液压; Brand-new=全新",
    "",
    "{1.7|3.5|6|13|22|36} Ton; {Cummins|Yanmar|Kubota|Weichai} Engine; {Euro V|EPA Tier 4}",
    "for Construction; for Mining; for Road Building",
)
_family(
    "machinery",
    r"sewing|knitting|looms|embroidery|wood|edge-banding",
    "Computerized=电脑; Automatic=全自动; High-speed=高速",
    "",
    "{1325|1530|2040} Work Table; Servo Motor; {4|6|9|12} Heads",
    "for Garment Factory; for Furniture Making",
)
_family("machinery", None, "Automatic=全自动; Industrial=工业; Heavy-duty=重型")
# Industrial equipment
_family(
    "industrial-equipment",
    r"compressors|pumps|fans",
    "Industrial=工业; Energy-saving=节能; High-efficiency=高效",
    "Cast Iron; Stainless Steel 304",
    "{0.75|1.5|2.2|4|7.5|15|37} kW; {380V 50Hz|220V 60Hz}; {8|10|13} bar",
    "for Water Supply; for Factory; for Mining",
)
_family(
    "industrial-equipment",
    r"valves|pneumatic|cylinders|hydraulic",
    "Industrial=工业; Heavy-duty=重型",
    "Stainless Steel 316; Brass; Cast Iron; Carbon Steel",
    "DN{15|25|50|80|100}; PN{16|25|40}; {1/4|1/2|1|2} inch",
    "for Water; for Oil and Gas; for Steam",
)
_family(
    "industrial-equipment",
    r"bearings|gear|chains|couplings|linear",
    "High-precision=高精度; Heavy-duty=重型",
    "Chrome Steel; Carbon Steel; Stainless Steel",
    "{ISO|DIN|ANSI} Standard",
    "for Machinery; for Agricultural Machinery; for Automation",
)
_family(
    "industrial-equipment",
    r"forklifts|cranes|conveyor|pallet|racking|aerial",
    "Electric=电动; Heavy-duty=重型; Industrial=工业",
    "",
    "{1|2|3|5|10} Ton; {3|4.5|6|12} m Lifting Height",
    "for Warehouse; for Logistics Centre",
)
_family(
    "industrial-equipment",
    r"boilers|exchangers|chillers|tanks|filtration|water-treatment|dryers|mixers|furnaces",
    "Industrial=工业; Energy-saving=节能",
    "Stainless Steel 304; Stainless Steel 316L; Carbon Steel",
    "{500|1000|2000|5000} L; {0.5|1|2|4|10} t/h",
    "for Food Industry; for Chemical Plant; for Pharmaceutical Plant",
)
_family(
    "industrial-equipment",
    r"plcs|inverters|servo|robots|hmi|instruments|engines",
    "Industrial=工业; Original=原装; Programmable=可编程",
    "",
    "{0.4|0.75|2.2|5.5|15} kW; RS485 Modbus; {4-20mA|0-10V} Output",
    "for Automation; for CNC Machines",
)
_family("industrial-equipment", None, "Industrial=工业; Heavy-duty=重型")
# Electrical and electronics
_family(
    "electrical-electronics",
    r"^pcb",
    "Custom=定制; High-quality=优质",
    "FR4; Aluminium Base",
    "{2|4|6|8|10}-layer; {1.0|1.6|2.0} mm Thick; {HASL|ENIG} Finish",
    "for Consumer Electronics; for LED Lighting",
)
_family(
    "electrical-electronics",
    r"integrated|capacitors|resistors|diodes|inductors|crystal",
    "Original=原装; New=全新",
    "",
    "{0402|0603|0805|1206|SOP-8|QFN-32|SOT-23} Package; {RoHS} Compliant",
    "",
)
_family(
    "electrical-electronics",
    r"connectors|relays|sensors|display",
    "Original=原装; Industrial=工业级",
    "",
    "{2|4|6|8|12} Pin; {5|12|24}V DC; {0.96|1.3|2.4|3.5|7} inch",
    "for Automotive; for Industrial Control",
)
_family(
    "electrical-electronics",
    r"power-supplies|adapters|inverters|ups|transformers|stabilizers",
    "Industrial=工业; High-efficiency=高效; Pure Sine Wave=纯正弦波",
    "",
    "{12V|24V|48V} {5A|10A|20A}; {300|600|1000|3000|5000}W; {110V|220V} Input",
    "for Home Use; for Solar System; for LED Lighting",
)
_family(
    "electrical-electronics",
    r"solar",
    "Monocrystalline=单晶; High-efficiency=高效; Waterproof=防水",
    "",
    "{100|200|300|450|550}W; Mono PERC; {12V|24V|48V}; {10|20|30|40|60}A",
    "for Home Solar System; for Off-grid Use",
)
_family(
    "electrical-electronics",
    r"batteries|energy-storage",
    "Rechargeable=可充电; Deep Cycle=深循环",
    "LiFePO4",
    "{12V|24V|48V|51.2V}; {7|20|50|100|200} Ah; {5|10|15} kWh",
    "for Solar Storage; for Golf Carts; for UPS",
)
_family(
    "electrical-electronics",
    r"breakers|contactors|switchgear|switches|strips|plugs|meters|insulators|chargers|test",
    "Smart=智能; Waterproof=防水; Industrial=工业",
    "",
    "{1P|2P|3P|4P}; {6|10|16|32|63}A; {230V|400V}",
    "for Home Use; for Industrial Use; with CE Certificate",
)
_family(
    "electrical-electronics",
    r"wires|cable|conduits",
    "Flame-retardant=阻燃; Flexible=柔性",
    "Copper; PVC; Nylon 66",
    "{1.5|2.5|4|6|10|16} mm²; {300/500V|450/750V|0.6/1kV}",
    "for Building Wiring; for Industrial Use",
)
_family(
    "electrical-electronics",
    r"motors|generator",
    "Three-phase=三相; Silent=静音; Industrial=工业",
    "",
    "{0.75|2.2|7.5|15|37} kW; {10|20|50|100|500} kVA; {2|4|6} Pole",
    "for Factory; for Hospital Backup Power",
)
_family("electrical-electronics", None, "Original=原装; Industrial=工业级")
# Lights and lighting
_family(
    "lights-lighting",
    r"led-chips|led-modules",
    "High-brightness=高亮; Original=原装",
    "",
    "{2835|3030|5050|5730} SMD; {0.2|0.5|1|3}W; {3000|4000|6500}K",
    "for Backlight; for LED Bulbs",
)
_family(
    "lights-lighting",
    r"drivers|lamp-holders",
    "Waterproof=防水; Dimmable=可调光",
    "",
    "{12V|24V|36V} Constant Voltage; {300|700|1050} mA Constant Current; IP{20|67}",
    "for LED Strip; for LED Panel",
)
_family(
    "lights-lighting",
    None,
    "Dimmable=可调光; Waterproof=防水; Energy-saving=节能; Smart=智能; Commercial=商用",
    "Aluminium; Die-cast Aluminium; PC; Glass",
    "{5|9|12|18|24|36|50|100|150|200}W; {3000|4000|5000|6500}K; IP{20|44|65|66}; CRI>{80|90}; "
    "{2|3|5}-year Warranty",
    "for Warehouse; for Office; for Garden; for Hotel Projects; with CE RoHS",
)
# Construction and decoration
_family(
    "construction-decoration",
    r"ceramic-tiles|marble|quartz",
    "Modern=现代; Anti-slip=防滑; Luxury=豪华",
    "",
    "{600x600|600x1200|800x800|300x600} mm; {Matte|Glossy|Polished} Finish",
    "for Floor and Wall; for Kitchen; for Hotel Projects",
)
_family(
    "construction-decoration",
    r"flooring",
    "Waterproof=防水; Anti-slip=防滑",
    "",
    "{4|5|6|8|12} mm; AC{3|4|5}; Click Lock",
    "for Living Room; for Commercial Use",
)
_family(
    "construction-decoration",
    r"wall-panels|ceiling|wallpaper|gypsum",
    "Fireproof=防火; Waterproof=防水; Decorative=装饰",
    "PVC; WPC; Aluminium",
    "{600x600|1200x2400} mm; {9|12} mm",
    "for Interior Decoration; for Office",
)
_family("construction-decoration", r"cement", "", "", "{OPC|Portland} {42.5|52.5}", "")
_family(
    "construction-decoration",
    r"glass",
    "Tempered=钢化; Laminated=夹胶",
    "",
    "{5|6|8|10|12} mm; Low-E",
    "for Curtain Wall; for Windows",
)
_family(
    "construction-decoration",
    r"insulation|waterproofing|roofing",
    "Waterproof=防水; Fireproof=防火",
    "",
    "{1.2|1.5|2|3|4} mm; {0.3|0.4|0.5} mm",
    "for Roof; for Basement",
)
_family(
    "construction-decoration",
    r"structures|container|scaffolding",
    "Prefab=预制; Modular=模块化",
    "",
    "{20|40} ft; Q235/Q355 Steel",
    "for Warehouse; for Site Office; for Workshop",
)
_family(
    "construction-decoration",
    r"doors|windows|hardware",
    "Modern=现代; Soundproof=隔音",
    "Aluminium; uPVC; Solid Wood; Steel",
    "Double Glazed; Thermal Break",
    "for Villa; for Apartment",
)
_family("construction-decoration", r"toilets|basins", "Modern=现代", "Ceramic", "", "")
_family(
    "construction-decoration",
    r"faucets|showers",
    "Modern=现代; Thermostatic=恒温",
    "Brass; Stainless Steel 304",
    "Chrome Finish; Matte Black Finish",
    "for Bathroom; for Kitchen",
)
_family(
    "construction-decoration",
    r"bathtubs|shower-enclosures",
    "Modern=现代; Freestanding=独立式",
    "Acrylic; Tempered Glass",
    "{1500|1700|1800} mm",
    "",
)
_family(
    "construction-decoration",
    r"sinks",
    "Handmade=手工",
    "Stainless Steel 304; Granite Composite",
    "",
    "",
)
_family(
    "construction-decoration",
    r"cabinets",
    "Modern=现代; Custom=定制",
    "Solid Wood; PVC; Plywood",
    "",
    "for Apartment Projects; for Villa",
)
_family(
    "construction-decoration",
    r"pipes|fittings",
    "",
    "",
    "{20|25|32|50|110|160} mm; {PN10|PN16|PN20}; {ASTM|DIN|ISO} Standard",
    "for Water Supply; for Drainage",
)
_family("construction-decoration", None, "Modern=现代")
# Chemicals
_family(
    "chemicals",
    r"paints|coatings|inks|adhesives|sealants",
    "Waterproof=防水; Eco-friendly=环保; Fast-drying=快干",
    "",
    "{1|4|5|20} L; {Water-based|Solvent-based}; {Matte|Gloss}",
    "for Wood; for Metal; for Concrete",
)
_family(
    "chemicals",
    r"polyethylene|polypropylene|pvc-resin|pet-resin|engineering|masterbatch|rubber",
    "Virgin=原生; Recycled=再生",
    "",
    "{Injection|Film|Extrusion|Blow Moulding} Grade; 25 kg Bag",
    "for Packaging; for Pipes",
)
_family(
    "chemicals",
    r"fertilizers|pesticides",
    "Agricultural=农用",
    "",
    "{25|50} kg Bag; Granular; {95|97}% TC",
    "",
)
_family("chemicals", r"food-additives", "Food Grade=食品级", "", "{25} kg Bag; {FCC|E-number}")
_family(
    "chemicals",
    None,
    "Industrial Grade=工业级; High-purity=高纯度",
    "",
    "{98|99|99.5}% Purity; {25|50} kg Bag; {200|1000} L Drum",
    "with COA and MSDS; REACH Registered",
)
# Textiles
_family(
    "textiles",
    r"yarn|thread|fibre",
    "Raw White=本白; Dyed=染色",
    "",
    "{20s|30s|40s|60s}; {150D/48F|75D/36F}",
    "for Weaving; for Knitting",
)
_family(
    "textiles",
    r"geotextiles|webbing|ribbons|filter|leather",
    "Durable=耐用; Custom=定制",
    "",
    "{100|200|400} gsm; {10|25|38|50} mm",
    "",
)
_family(
    "textiles",
    None,
    "Soft=柔软; Breathable=透气; Printed=印花; Dyed=染色",
    "",
    "{100|150|180|220|280|320} gsm; {57|58|60|63} inch Width; {OEKO-TEX|GRS|GOTS} Certified",
    "for Garments; for Home Textile; for Sportswear",
)
# Apparel and accessories
_family(
    "apparel-accessories",
    r"sneakers|shoes|boots|sandals",
    "Casual=休闲; Fashion=时尚; Lightweight=轻量",
    "Genuine Leather; PU Leather; Mesh; Canvas",
    "Sizes {36-45|39-46|EU 35-42}",
    "for Men; for Women; for Kids",
)
_family(
    "apparel-accessories",
    r"jewelry",
    "Fashion=时尚; Vintage=复古",
    "Stainless Steel; 925 Sterling Silver; 18K Gold Plated",
    "",
    "for Women; for Men; for Gift",
)
_family(
    "apparel-accessories",
    r"watches",
    "Fashion=时尚; Luxury=豪华",
    "Stainless Steel",
    "{3|5|10} ATM Waterproof; Quartz Movement",
    "for Men; for Women",
)
_family(
    "apparel-accessories",
    r"sunglasses|eyeglass",
    "Fashion=时尚; Vintage=复古",
    "Acetate; TR90; Metal",
    "UV400 Polarized",
    "for Men; for Women",
)
_family(
    "apparel-accessories",
    r"belts|gloves",
    "Fashion=时尚",
    "Genuine Leather; PU Leather",
    "",
    "for Men; for Women",
)
_family(
    "apparel-accessories",
    r"garment|hair",
    "Custom=定制",
    "Metal; Nylon; Resin",
    "",
    "",
)
_family(
    "apparel-accessories",
    None,
    "Custom=定制; Casual=休闲; Fashion=时尚; Oversized=宽松; Slim Fit=修身",
    "100% Cotton; Cotton Polyester; Polyester; Nylon; Linen",
    "{180|220|240|280|320} gsm; Sizes {S-XL|S-XXL|XS-3XL}",
    "for Men; for Women; for Kids; Unisex; with Custom Logo",
)
# Hardware and tools
_family(
    "hardware-tools",
    r"power-drills|rotary|angle|electric-saws|impact|heat|lawn|chainsaws|pressure|welding-mach",
    "Cordless=无绳; Brushless=无刷; Professional=专业",
    "",
    "{12|18|20|21}V; {500|750|1000|1200|2000}W",
    "for DIY; for Construction; with Custom Logo",
)
_family(
    "hardware-tools",
    r"bolts|nuts|screws|washers|anchors|nails",
    "",
    "Stainless Steel 304; Carbon Steel; Galvanized Steel",
    "M{4|5|6|8|10|12}; {DIN 933|DIN 934|ISO 4017|DIN 125}; Grade {4.8|8.8|10.9}",
    "",
)
_family(
    "hardware-tools",
    r"locks|hinges|slides|handles|casters",
    "Heavy-duty=重型",
    "Zinc Alloy; Stainless Steel 304; Brass; Aluminium",
    "",
    "for Furniture; for Doors",
)
_family(
    "hardware-tools",
    r"chains|ropes",
    "Heavy-duty=重型",
    "Galvanized Steel; Stainless Steel 316",
    "{6|8|10|12} mm",
    "for Lifting; for Marine Use",
)
_family("hardware-tools", r"abrasives|accessories", "", "", "{4|4.5|5|7} inch; {60|80|120} Grit")
_family("hardware-tools", r"welding-cons", "", "", "{2.5|3.2|4.0} mm; AWS {E6013|E7018|ER70S-6}")
_family("hardware-tools", r"ladders", "Foldable=折叠", "Aluminium; Fibreglass", "{3|5|7} Steps")
_family(
    "hardware-tools",
    None,
    "Professional=专业; Heavy-duty=重型",
    "Chrome Vanadium Steel; Carbon Steel",
    "{6|8|10|12} inch",
    "for DIY; for Workshop; with Custom Logo",
)
# Auto parts
_family(
    "auto-parts",
    r"headlights|tail|batteries|alternators|dash|electronics|spark",
    "OEM Quality=原厂品质; High-performance=高性能",
    "",
    "{12V|24V}; {E-Mark|DOT} Certified",
    "for Toyota; for Honda; for Volkswagen; for Hyundai; for Ford",
)
_family(
    "auto-parts",
    r"^car-tires",
    "All-season=四季; High-performance=高性能",
    "",
    "{185/65R15|205/55R16|225/45R17|265/70R16}",
    "for Passenger Cars; for SUV",
)
_family("auto-parts", r"truck-bus", "Heavy-duty=重型", "", "{295/80R22.5|315/80R22.5|12R22.5}")
_family("auto-parts", r"motorcycle-tires", "", "", "{2.75-18|90/90-17|110/70-17}")
_family(
    "auto-parts",
    None,
    "OEM Quality=原厂品质; Aftermarket=售后; High-performance=高性能",
    "",
    "",
    "for Toyota; for Honda; for Volkswagen; for Hyundai; for Ford; for Nissan",
)
# Consumer electronics
_family(
    "consumer-electronics",
    r"power-banks",
    "Portable=便携; Fast Charging=快充",
    "",
    "{5000|10000|20000} mAh; PD {20|22.5|65}W",
)
_family(
    "consumer-electronics",
    r"chargers",
    "Fast Charging=快充",
    "",
    "{20|33|65|100}W; USB-C PD",
    "for iPhone; for Android",
)
_family(
    "consumer-electronics",
    r"usb-cables",
    "Braided=编织",
    "",
    "{1|1.5|2} m; {3A|5A}",
    "for iPhone; for Android",
)
_family(
    "consumer-electronics",
    r"mobile-phones",
    "Smart=智能",
    "",
    "{6.5|6.7|6.8} inch; {4|8|12}GB+{128|256}GB; {4G|5G}",
)
_family("consumer-electronics", r"tablets", "Smart=智能", "", "{8|10.1|11} inch; {4G|WiFi}")
_family(
    "consumer-electronics",
    r"laptops|desktop",
    "Ultra-slim=超薄",
    "",
    "Intel Core {i5|i7}; {8|16|32}GB RAM; {256|512}GB SSD",
)
_family(
    "consumer-electronics",
    r"monitors|televisions",
    "Smart=智能",
    "",
    "{24|27|32|43|55|65} inch; {4K UHD|Full HD}",
)
_family(
    "consumer-electronics", r"projectors", "Portable=便携", "", "{1080P|4K}; {5000|9000} Lumens"
)
_family(
    "consumer-electronics",
    r"earphones|headphones|speakers|microphones|audio",
    "Wireless=无线; Portable=便携",
    "",
    "Bluetooth {5.3|5.4}; ENC Noise Cancelling",
)
_family(
    "consumer-electronics",
    r"smart-watches|fitness|vr",
    "Smart=智能",
    "",
    "{1.43|1.83|2.01} inch AMOLED; Heart Rate Monitor",
)
_family(
    "consumer-electronics",
    r"ssds|flash",
    "High-speed=高速",
    "",
    "{128GB|256GB|512GB|1TB|2TB}; USB 3.0",
)
_family(
    "consumer-electronics",
    r"air-conditioners",
    "Inverter=变频",
    "",
    "{9000|12000|18000|24000} BTU; R32",
)
_family(
    "consumer-electronics",
    r"refrigerators|washing|microwave|fryers|kettles|coffee|blenders|vacuum|purifiers|fans|"
    r"hair|water|heaters",
    "Smart=智能; Household=家用",
    "",
    "{220-240V|110-120V}; {CE|CB|ETL} Certified",
    "for Home; for Hotel",
)
_family("consumer-electronics", None, "Smart=智能; Portable=便携", "", "", "OEM Logo Available")
# Furniture
_family("furniture", r"mattresses", "Hotel=酒店", "", "Pocket Spring; Memory Foam; {20|25|30} cm")
_family(
    "furniture",
    r"sofas|recliners|sofa-beds|bean|chairs|beds",
    "Modern=现代; Nordic=北欧; Luxury=豪华",
    "Velvet; Genuine Leather; Linen Fabric; Boucle",
    "",
    "for Living Room; for Hotel; for Home",
)
_family(
    "furniture",
    r"outdoor|rattan",
    "Modern=现代; Weatherproof=防晒",
    "Aluminium; Rattan; Teak",
    "",
    "for Garden; for Hotel",
)
_family(
    "furniture",
    r"hotel|restaurant|school",
    "Commercial=商用; Custom=定制",
    "Solid Wood; Stainless Steel",
    "",
    "",
)
_family("furniture", r"parts", "", "Steel; Nylon", "", "")
_family(
    "furniture",
    None,
    "Modern=现代; Nordic=北欧; Minimalist=简约",
    "Solid Wood; Oak; MDF; Metal Frame",
    "{1200|1400|1600|1800} mm; Knock-down Packing",
    "for Living Room; for Office; for Home",
)
# Home supplies
_family(
    "home-supplies",
    r"knives|cutlery",
    "Professional=专业",
    "Stainless Steel 304; Damascus Steel",
    "Set of {3|5|6|24}",
)
_family(
    "home-supplies",
    r"cookware|frying|bakeware",
    "Non-stick=不粘",
    "Aluminium; Cast Iron; Stainless Steel 304; Carbon Steel",
    "{20|24|28|30} cm",
    "for Induction Hob",
)
_family(
    "home-supplies",
    r"tableware|vases",
    "Nordic=北欧; Handmade=手工",
    "Porcelain; Stoneware; Bone China",
    "Set of {4|6|16|20}",
)
_family(
    "home-supplies",
    r"glassware",
    "Lead-free=无铅",
    "Borosilicate Glass; Crystal Glass",
    "{250|350|500} ml",
)
_family(
    "home-supplies",
    r"flasks|bottles|containers",
    "Reusable=可重复使用; Leak-proof=防漏",
    "Stainless Steel 304; Tritan; BPA-free PP; Borosilicate Glass",
    "{350|500|750|1000} ml",
)
_family("home-supplies", r"cutting|utensils", "Eco-friendly=环保", "Bamboo; Silicone; Acacia Wood")
_family(
    "home-supplies",
    r"towels|bedding|duvets|blankets|curtains|carpets|cushions|linen",
    "Soft=柔软; Luxury=豪华",
    "100% Cotton; Microfibre; Polyester; Linen",
    "{Queen|King|Twin} Size",
    "for Hotel; for Home",
)
_family(
    "home-supplies",
    r"storage|hangers|laundry|cleaning|trash",
    "Foldable=折叠; Stackable=可叠放",
    "PP Plastic; Bamboo; Stainless Steel",
)
_family("home-supplies", None, "Decorative=装饰; Nordic=北欧", "", "", "for Home; for Gift")
# Packaging and printing
_family(
    "packaging-printing",
    r"cartons|boxes|paper|pulp|labels|printed|thermal",
    "Custom Printed=定制印刷; Eco-friendly=环保; Recyclable=可回收",
    "Kraft Paper; Art Paper",
    "{80|120|250|350} gsm; CMYK Printing",
    "for Shipping; for Food; for Gift",
)
_family(
    "packaging-printing",
    r"plastic|pouches|garbage|film|bubble|tapes|caps",
    "Custom Printed=定制印刷; Biodegradable=可降解",
    "PE; PET; PP; BOPP",
    "{20|50|80} micron",
    "for Food; for Shipping",
)
_family(
    "packaging-printing",
    r"glass|tin|cosmetic",
    "Custom=定制",
    "",
    "{30|50|100|250|500} ml",
    "for Cosmetics; for Food",
)
_family(
    "packaging-printing",
    r"machines",
    "Automatic=全自动; High-speed=高速",
    "",
    "{4|6|8} Colour; {100|200} m/min",
)
_family("packaging-printing", None, "Custom=定制; Eco-friendly=环保")
# Metallurgy, minerals and energy
_family("metallurgy-minerals", r"rebar", "", "", "HRB{400|500}; {10|12|16|20|25} mm")
_family(
    "metallurgy-minerals",
    r"stainless",
    "Prime=优质",
    "",
    "{AISI 304|AISI 316L|201|430}; {2B|BA|No.4} Finish",
    "with Mill Test Certificate",
)
_family(
    "metallurgy-minerals",
    r"steel|wire|mesh",
    "Prime=优质; Hot-dip=热镀锌",
    "",
    "{Q235B|SS400|S355JR|ASTM A36}; {0.5|1.0|2.0|3.0|6.0} mm",
    "for Construction",
)
_family(
    "metallurgy-minerals",
    r"aluminium",
    "Anodized=阳极氧化",
    "",
    "{6061-T6|6063-T5|1060|3003|5052}",
    "for Windows and Doors; for Industry",
)
_family("metallurgy-minerals", r"copper", "", "", "{C11000|C12200} 99.9%")
_family("metallurgy-minerals", r"iron-ore", "", "", "Fe {58|62|65}%")
_family("metallurgy-minerals", r"coal", "", "", "{5500|6000} kcal")
_family("metallurgy-minerals", r"ferroalloys", "", "", "Si {72|75}%")
_family(
    "metallurgy-minerals",
    r"castings|forgings|stamping|machined",
    "Custom=定制; Precision=精密",
    "Aluminium 6061; Stainless Steel 304; Carbon Steel; Brass; Ductile Iron",
    "{±0.01|±0.02|±0.05} mm Tolerance; ISO 9001 Certified",
    "for Automotive; for Machinery",
)
_family("metallurgy-minerals", None, "", "", "{99|99.5|99.9}% Purity")
# Agriculture and food
_family(
    "agriculture-food",
    r"fresh|garlic",
    "Fresh=新鲜; Grade A=A级; Organic=有机",
    "",
    "{10|20|25} kg Carton; {New Crop|2026 Crop}",
    "for Export",
)
_family(
    "agriculture-food",
    r"rice|grains|nuts|dried|seeds|spices|tea|coffee|honey",
    "Premium=优质; Organic=有机; Natural=天然",
    "",
    "{10|20|25|50} kg Bag; {New Crop|2026 Crop}",
    "for Export; Bulk Supply",
)
_family("agriculture-food", r"wine", "Premium=优质", "", "750 ml Bottle", "Private Label Available")
_family(
    "agriculture-food",
    None,
    "Premium=优质; Halal=清真",
    "",
    "{HACCP|ISO 22000|BRC} Certified",
    "Private Label Available; for Export",
)
# Health and medicine
_family(
    "health-medicine",
    r"masks|respirators|gloves|syringes|dressings|infusion|gowns|swabs|kits",
    "Disposable=一次性; Medical=医用; Sterile=无菌",
    "",
    "{CE|FDA|ISO 13485} Certified; {50|100} pcs/box",
    "for Hospital; for Clinic",
)
_family(
    "health-medicine",
    r"apis|extracts|supplements|veterinary",
    "Natural=天然",
    "",
    "{98|99}% Purity; GMP Certified",
    "",
)
_family(
    "health-medicine",
    None,
    "Portable=便携; Digital=数字; Medical=医用",
    "",
    "{CE|FDA} Certified; Class {I|II}",
    "for Hospital; for Home Use",
)
# Sports and entertainment
_family(
    "sports-entertainment",
    r"bicycles",
    "Lightweight=轻量",
    "Aluminium Frame; Carbon Fibre",
    "{20|26|27.5|29} inch; {7|21|24} Speed",
)
_family(
    "sports-entertainment",
    r"yoga|dumbbells|treadmills|bikes|bands|gym",
    "Professional=专业; Home=家用",
    "",
    "",
    "for Gym; for Home",
)
_family("sports-entertainment", None, "Professional=专业; Outdoor=户外; Lightweight=轻量")
# Office and school supplies
_family(
    "office-supplies",
    r"paper|notebooks|sticky|files",
    "Eco-friendly=环保",
    "Recycled Paper; Kraft Paper",
    "{A4|A5|B5}; {70|80} gsm",
    "for School; for Office",
)
_family(
    "office-supplies",
    r"pens|pencils|markers|erasers|staplers|scissors|organizers",
    "Custom=定制; Student=学生",
    "",
    "Pack of {10|12|24}",
    "for School; for Promotion",
)
_family("office-supplies", r"panels", "Smart=智能", "", "{65|75|86} inch; 4K Touch")
_family("office-supplies", None, "Office=办公", "", "", "for Office")
# Security and protection
_family(
    "security-protection",
    r"cctv|doorbells",
    "Smart=智能; Waterproof=防水",
    "",
    "{2MP|4MP|5MP|8MP}; IP{66|67}; {WiFi|PoE}",
    "for Home Security",
)
_family("security-protection", r"nvr", "Smart=智能", "", "{4|8|16|32} Channel")
_family(
    "security-protection",
    r"helmets",
    "Industrial=工业",
    "ABS; HDPE",
    "{EN 397|ANSI Z89.1}",
    "for Construction Site",
)
_family(
    "security-protection",
    r"safety-shoes",
    "Anti-smash=防砸",
    "Genuine Leather",
    "{S1P|S3} EN ISO 20345",
)
_family(
    "security-protection", r"gloves", "Cut-resistant=防割", "Nitrile-coated; Latex-coated", "EN 388"
)
_family("security-protection", r"goggles", "Anti-fog=防雾", "Polycarbonate", "ANSI Z87.1")
_family("security-protection", r"vests", "High-visibility=高可见度", "Polyester", "EN ISO 20471")
_family("security-protection", r"fall", "", "", "EN 361")
_family("security-protection", r"extinguishers", "", "", "{1|2|4|6|9} kg; ABC Dry Powder")
_family("security-protection", r"cones|bumps", "Reflective=反光", "PVC; Rubber")
_family("security-protection", None, "Smart=智能; Industrial=工业", "", "", "OEM Available")
# Luggage, bags and cases
_family(
    "bags-cases",
    r"backpacks|laptop",
    "Waterproof=防水; Anti-theft=防盗",
    "Nylon; Polyester; RPET",
    "{15.6|17} inch Laptop",
    "for Business; for School",
)
_family("bags-cases", r"luggage", "Lightweight=轻量", "ABS PC; Aluminium", "{20|24|28} inch")
_family(
    "bags-cases",
    None,
    "Fashion=时尚; Custom=定制",
    "Nylon; Polyester; PU Leather; Canvas",
    "",
    "for Travel; for Women; with Custom Logo",
)
# Toys and baby products
_family("toys", r"plush", "Soft=柔软", "", "{20|30|40|60} cm", "for Kids; for Gift")
_family(
    "toys",
    r"baby|strollers|car-seats|feeding",
    "Safe=安全",
    "",
    "{EN|ASTM} Certified",
    "for Babies",
)
_family(
    "toys",
    None,
    "Educational=益智; Creative=创意",
    "",
    "Age {3+|6+|8+}; {EN71|ASTM F963} Certified",
    "for Kids; for Gift",
)
# Beauty and personal care
_family(
    "beauty-personal-care",
    r"devices|electric|shavers",
    "Rechargeable=可充电",
    "",
    "",
    "for Home Use",
)
_family(
    "beauty-personal-care",
    None,
    "Private Label=贴牌; Natural=天然; Long-lasting=持久",
    "",
    "{10|30|50|100|250|500} ml",
    "OEM ODM Available",
)
# Arts and crafts
_family(
    "arts-crafts",
    None,
    "Handmade=手工; Custom=定制; Decorative=装饰",
    "",
    "{10|15|20|30|60} cm",
    "for Home Decoration; for Gift",
)
# Transportation
_family(
    "transportation",
    r"electric|golf",
    "Electric=电动",
    "",
    "{48V|60V|72V}; {500|1000|2000|3000}W; {50|80|120} km Range",
    "for Adults; for Delivery",
)
_family(
    "transportation",
    r"motorcycles|cars|trucks|buses|trailers|special|atvs",
    "Brand-new=全新",
    "",
    "{Euro 5|Euro 6|EPA} Emission",
    "for Export",
)
_family("transportation", None, "Brand-new=全新")
_family("service", None)


# Head nouns in other languages for translated titles: "<noun> <model>" says what the listing is
# without pretending to translate the rest.
HEAD_NOUNS: dict[str, dict[str, str]] = {
    "es": {
        "Machine": "Máquina",
        "Light": "Luz",
        "Lamp": "Lámpara",
        "Bulb": "Bombilla",
        "Cable": "Cable",
        "Battery": "Batería",
        "Panel": "Panel",
        "Pump": "Bomba",
        "Valve": "Válvula",
        "Bearing": "Rodamiento",
        "Chair": "Silla",
        "Table": "Mesa",
        "Sofa": "Sofá",
        "Bag": "Bolsa",
        "Backpack": "Mochila",
        "Shirt": "Camisa",
        "T-Shirt": "Camiseta",
        "Dress": "Vestido",
        "Shoe": "Zapato",
        "Boot": "Bota",
        "Tile": "Baldosa",
        "Pipe": "Tubo",
        "Door": "Puerta",
        "Window": "Ventana",
        "Box": "Caja",
        "Bottle": "Botella",
        "Fabric": "Tela",
        "Yarn": "Hilo",
        "Tea": "Té",
        "Rice": "Arroz",
        "Oil": "Aceite",
        "Camera": "Cámara",
        "Phone": "Teléfono",
        "Charger": "Cargador",
        "Speaker": "Altavoz",
        "Watch": "Reloj",
        "Tyre": "Neumático",
        "Filter": "Filtro",
        "Towel": "Toalla",
        "Toy": "Juguete",
        "Mask": "Mascarilla",
        "Glove": "Guante",
        "Bed": "Cama",
        "Mattress": "Colchón",
        "Cabinet": "Armario",
        "Inverter": "Inversor",
        "Motor": "Motor",
        "Sensor": "Sensor",
        "Helmet": "Casco",
        "Lock": "Cerradura",
        "Bicycle": "Bicicleta",
        "Scooter": "Patinete",
        "Truck": "Camión",
        "Paint": "Pintura",
        "Bolt": "Perno",
        "Screw": "Tornillo",
        "Brush": "Cepillo",
        "Sock": "Calcetín",
        "Jacket": "Chaqueta",
    },
    "fr": {
        "Machine": "Machine",
        "Light": "Lumière",
        "Lamp": "Lampe",
        "Bulb": "Ampoule",
        "Cable": "Câble",
        "Battery": "Batterie",
        "Pump": "Pompe",
        "Valve": "Vanne",
        "Bearing": "Roulement",
        "Chair": "Chaise",
        "Table": "Table",
        "Sofa": "Canapé",
        "Bag": "Sac",
        "Shirt": "Chemise",
        "Dress": "Robe",
        "Tile": "Carreau",
        "Door": "Porte",
        "Box": "Boîte",
        "Bottle": "Bouteille",
        "Fabric": "Tissu",
        "Tea": "Thé",
        "Camera": "Caméra",
        "Charger": "Chargeur",
        "Watch": "Montre",
        "Tyre": "Pneu",
        "Filter": "Filtre",
        "Towel": "Serviette",
        "Toy": "Jouet",
        "Glove": "Gant",
        "Bed": "Lit",
        "Motor": "Moteur",
        "Helmet": "Casque",
        "Lock": "Serrure",
        "Bicycle": "Vélo",
        "Jacket": "Veste",
    },
    "de": {
        "Machine": "Maschine",
        "Light": "Leuchte",
        "Lamp": "Lampe",
        "Bulb": "Glühbirne",
        "Cable": "Kabel",
        "Battery": "Batterie",
        "Pump": "Pumpe",
        "Valve": "Ventil",
        "Bearing": "Lager",
        "Chair": "Stuhl",
        "Table": "Tisch",
        "Sofa": "Sofa",
        "Bag": "Tasche",
        "Shirt": "Hemd",
        "Dress": "Kleid",
        "Tile": "Fliese",
        "Door": "Tür",
        "Box": "Karton",
        "Bottle": "Flasche",
        "Fabric": "Stoff",
        "Tea": "Tee",
        "Camera": "Kamera",
        "Charger": "Ladegerät",
        "Watch": "Uhr",
        "Tyre": "Reifen",
        "Filter": "Filter",
        "Towel": "Handtuch",
        "Toy": "Spielzeug",
        "Glove": "Handschuh",
        "Bed": "Bett",
        "Motor": "Motor",
        "Helmet": "Helm",
        "Lock": "Schloss",
        "Bicycle": "Fahrrad",
        "Jacket": "Jacke",
    },
    "ru": {
        "Machine": "Станок",
        "Light": "Светильник",
        "Lamp": "Лампа",
        "Bulb": "Лампочка",
        "Cable": "Кабель",
        "Battery": "Аккумулятор",
        "Pump": "Насос",
        "Valve": "Клапан",
        "Bearing": "Подшипник",
        "Chair": "Стул",
        "Table": "Стол",
        "Sofa": "Диван",
        "Bag": "Сумка",
        "Shirt": "Рубашка",
        "Dress": "Платье",
        "Tile": "Плитка",
        "Door": "Дверь",
        "Box": "Коробка",
        "Bottle": "Бутылка",
        "Fabric": "Ткань",
        "Tea": "Чай",
        "Camera": "Камера",
        "Charger": "Зарядное устройство",
        "Watch": "Часы",
        "Tyre": "Шина",
        "Filter": "Фильтр",
        "Towel": "Полотенце",
        "Toy": "Игрушка",
        "Glove": "Перчатки",
        "Bed": "Кровать",
        "Motor": "Двигатель",
        "Helmet": "Каска",
        "Lock": "Замок",
        "Bicycle": "Велосипед",
        "Jacket": "Куртка",
    },
    "pt": {
        "Machine": "Máquina",
        "Light": "Luminária",
        "Lamp": "Lâmpada",
        "Bulb": "Lâmpada",
        "Cable": "Cabo",
        "Battery": "Bateria",
        "Pump": "Bomba",
        "Valve": "Válvula",
        "Bearing": "Rolamento",
        "Chair": "Cadeira",
        "Table": "Mesa",
        "Sofa": "Sofá",
        "Bag": "Bolsa",
        "Shirt": "Camisa",
        "Dress": "Vestido",
        "Tile": "Azulejo",
        "Door": "Porta",
        "Box": "Caixa",
        "Bottle": "Garrafa",
        "Fabric": "Tecido",
        "Tea": "Chá",
        "Camera": "Câmera",
        "Charger": "Carregador",
        "Watch": "Relógio",
        "Tyre": "Pneu",
        "Filter": "Filtro",
        "Towel": "Toalha",
        "Toy": "Brinquedo",
        "Glove": "Luva",
        "Bed": "Cama",
        "Motor": "Motor",
        "Helmet": "Capacete",
        "Lock": "Fechadura",
        "Bicycle": "Bicicleta",
        "Jacket": "Jaqueta",
    },
    "ar": {
        "Machine": "آلة",
        "Light": "مصباح",
        "Lamp": "مصباح",
        "Bulb": "لمبة",
        "Cable": "كابل",
        "Battery": "بطارية",
        "Pump": "مضخة",
        "Valve": "صمام",
        "Bearing": "محمل",
        "Chair": "كرسي",
        "Table": "طاولة",
        "Sofa": "أريكة",
        "Bag": "حقيبة",
        "Shirt": "قميص",
        "Dress": "فستان",
        "Tile": "بلاط",
        "Door": "باب",
        "Box": "صندوق",
        "Bottle": "زجاجة",
        "Fabric": "قماش",
        "Tea": "شاي",
        "Camera": "كاميرا",
        "Charger": "شاحن",
        "Watch": "ساعة",
        "Tyre": "إطار",
        "Filter": "فلتر",
        "Towel": "منشفة",
        "Toy": "لعبة",
        "Glove": "قفاز",
        "Bed": "سرير",
        "Motor": "محرك",
        "Helmet": "خوذة",
        "Lock": "قفل",
        "Bicycle": "دراجة",
        "Jacket": "سترة",
    },
    "ja": {
        "Machine": "機械",
        "Light": "ライト",
        "Lamp": "ランプ",
        "Bulb": "電球",
        "Cable": "ケーブル",
        "Battery": "バッテリー",
        "Pump": "ポンプ",
        "Valve": "バルブ",
        "Bearing": "ベアリング",
        "Chair": "椅子",
        "Table": "テーブル",
        "Sofa": "ソファ",
        "Bag": "バッグ",
        "Shirt": "シャツ",
        "Dress": "ドレス",
        "Tile": "タイル",
        "Door": "ドア",
        "Box": "箱",
        "Bottle": "ボトル",
        "Fabric": "生地",
        "Tea": "茶",
        "Camera": "カメラ",
        "Charger": "充電器",
        "Watch": "腕時計",
        "Tyre": "タイヤ",
        "Filter": "フィルター",
        "Towel": "タオル",
        "Toy": "おもちゃ",
        "Glove": "手袋",
        "Bed": "ベッド",
        "Motor": "モーター",
        "Helmet": "ヘルメット",
        "Lock": "錠",
        "Bicycle": "自転車",
        "Jacket": "ジャケット",
    },
}
# The word each language puts before the model number ("model", "型号").
MODEL_WORD = {
    "zh-hans": "型号",
    "es": "modelo",
    "fr": "modèle",
    "de": "Modell",
    "ru": "модель",
    "pt": "modelo",
    "ar": "طراز",
    "ja": "型番",
}
# Synonyms of head nouns that map onto the vocabulary above.
HEAD_ALIASES = {
    "Machinery": "Machine",
    "Lathe": "Machine",
    "Light": "Light",
    "Lights": "Light",
    "Downlight": "Light",
    "Spotlight": "Light",
    "Headlamp": "Lamp",
    "Flashlight": "Lamp",
    "Wire": "Cable",
    "Tire": "Tyre",
    "Mice": "Mouse",
    "Coat": "Jacket",
    "Blouse": "Shirt",
    "Polo Shirt": "Shirt",
    "Sneaker": "Shoe",
    "Stool": "Chair",
    "Desk": "Table",
    "Carton": "Box",
    "Jar": "Bottle",
    "Earphone": "Speaker",
    "Headphone": "Speaker",
    "Soundbar": "Speaker",
    "Smart Watch": "Watch",
    "Respirator": "Mask",
    "Tote": "Bag",
    "Handbag": "Bag",
    "Suitcase": "Bag",
    "Wallet": "Bag",
    "Padlock": "Lock",
}

# Service listings: titles with {port} or {city} filled in from the supplier.
SERVICE_TITLES: dict[str, tuple[str, ...]] = {
    "freight-forwarding": (
        "Door-to-door Freight Forwarding from {city} to Europe and the USA",
        "Freight Forwarder in {city}: FCL, LCL and Air Cargo",
    ),
    "sea-freight": (
        "FCL and LCL Sea Freight from {port} to Rotterdam, Hamburg and Felixstowe",
        "Sea Freight Shipping from {port} to Los Angeles and New York",
    ),
    "air-freight-express": (
        "Air Freight from {city} to Worldwide Airports, 3 to 5 Days",
        "Express Courier Service from {city}: DHL, FedEx, UPS Rates",
    ),
    "rail-road-freight": (
        "China-Europe Railway Freight to Duisburg and Warsaw",
        "Cross-border Trucking from {city} to Central Asia",
    ),
    "warehousing-fulfillment": (
        "Bonded Warehouse and Order Fulfilment in {city}",
        "Consolidation Warehouse in {city} for Mixed Containers",
    ),
    "customs-brokerage": (
        "Export Customs Clearance at {port}",
        "Customs Broker for Import and Export Declarations in {city}",
    ),
    "quality-inspection": (
        "Pre-shipment Inspection Service in {city}, AQL Sampling",
        "Third-party Quality Inspection and Loading Supervision in {city}",
    ),
    "factory-audits": (
        "Factory Audit and Supplier Verification in {city}",
        "Social Compliance Audit (BSCI, SMETA) in {city}",
    ),
    "testing-certification": (
        "CE, RoHS and FCC Testing and Certification Service",
        "Product Testing Laboratory Service for EN and ASTM Standards",
    ),
    "sourcing-agents": (
        "Sourcing Agent in {city}: Supplier Search, Samples and Quality Control",
        "Purchasing Agent for Small Orders from {city} Markets",
    ),
    "oem-odm-manufacturing": (
        "OEM and ODM Manufacturing Service with Private Label",
        "Contract Manufacturing from Prototype to Mass Production",
    ),
    "printing-services": (
        "Offset Printing Service for Catalogues and Brochures",
        "Custom Packaging Printing Service, Low MOQ",
    ),
    "product-packaging-design": (
        "Product and Packaging Design Service for Retail",
        "Industrial Design and 3D Rendering Service",
    ),
    "product-photography": (
        "Product Photography Service with White Background",
        "E-commerce Product Photos and Video Service in {city}",
    ),
    "trade-finance-payment": (
        "Letter of Credit Advisory and Export Finance Service",
        "Trade Finance and Supplier Payment Service",
    ),
    "translation-localization": (
        "Technical Translation Service: English, Chinese, Spanish, German",
        "Manual and Packaging Localisation Service in 20 Languages",
    ),
    "trade-show-services": (
        "Trade Show Booth Design and Construction Service",
        "Canton Fair Guide and Interpreter Service",
    ),
}

# Where a demo industry's suppliers list their products: top-level categories by weight.
INDUSTRY_TOPS: dict[str, tuple[tuple[str, int], ...]] = {
    "machinery": (("machinery", 70), ("industrial-equipment", 30)),
    "electrical_equipment": (
        ("electrical-electronics", 70),
        ("industrial-equipment", 12),
        ("security-protection", 10),
        ("lights-lighting", 8),
    ),
    "lights_lighting": (("lights-lighting", 88), ("electrical-electronics", 12)),
    "construction_decoration": (
        ("construction-decoration", 72),
        ("metallurgy-minerals", 18),
        ("furniture", 10),
    ),
    "textiles_apparel": (
        ("apparel-accessories", 50),
        ("textiles", 32),
        ("bags-cases", 18),
    ),
    "hardware_tools": (
        ("hardware-tools", 65),
        ("security-protection", 15),
        ("industrial-equipment", 10),
        ("metallurgy-minerals", 10),
    ),
    "furniture": (("furniture", 80), ("office-supplies", 10), ("home-supplies", 10)),
    "home_supplies": (
        ("home-supplies", 42),
        ("arts-crafts", 14),
        ("toys", 13),
        ("beauty-personal-care", 11),
        ("sports-entertainment", 11),
        ("bags-cases", 9),
    ),
    "auto_parts": (("auto-parts", 75), ("transportation", 25)),
    "packaging_printing": (("packaging-printing", 72), ("office-supplies", 20), ("service", 8)),
    "consumer_electronics": (
        ("consumer-electronics", 70),
        ("security-protection", 10),
        ("office-supplies", 6),
        ("toys", 5),
        ("health-medicine", 5),
        ("sports-entertainment", 4),
    ),
    "agriculture_food": (("agriculture-food", 85), ("health-medicine", 15)),
    "chemicals": (
        ("chemicals", 60),
        ("beauty-personal-care", 14),
        ("health-medicine", 14),
        ("metallurgy-minerals", 12),
    ),
}

# What goes in the box, by how the product is counted.
PACKAGING = {
    "H87": (
        "Each piece in a polybag, {n} pieces per export carton",
        "Individual colour box, {n} pieces per master carton",
        "Neutral white box, {n} pieces per carton, cartons on pallets",
    ),
    "SET": (
        "Seaworthy plywood case with moisture-proof film",
        "Wooden crate, fixed on a steel base for container loading",
        "Stretch-wrapped on a pallet, spare parts box included",
    ),
    "PR": ("Each pair in a shoe box, {n} pairs per carton", "{n} pairs per polybag and carton"),
    "MTR": ("{n} m per roll, rolls wrapped in PE film", "On wooden drums of {n} m"),
    "MTK": ("Cartons on fumigated pallets, {n} m² per pallet", "Wooden crates of {n} m²"),
    "KGM": ("{n} kg woven bags on pallets", "{n} kg drums, 80 drums per 20' container"),
    "TNE": (
        "25 kg bags, {n} t per 20' container",
        "1 t jumbo bags, {n} t per 20' container",
        "Bulk in containers, about {n} t per 20' container",
    ),
    "LTR": ("{n} L drums on pallets", "IBC tanks of 1,000 L"),
    "CT": ("{n} units per carton, cartons shrink-wrapped on pallets",),
    "RO": ("{n} rolls per carton",),
    "BX": ("{n} boxes per carton",),
    "BG": ("{n} bags per carton",),
    "PK": ("{n} packs per carton, 20 cartons per pallet",),
    "FTK": ("Rolled, {n} sq ft per bundle",),
    "C62": ("Service: no physical packaging",),
}

REJECTION_REASONS = (
    {"images": "Show the product itself; the main photo is a company logo."},
    {"title": "Say what the product is first; drop the promotional words."},
    {"price_min": "The price looks like a placeholder; give a real FOB price."},
    {"description": "Remove the e-mail address and phone number from the description."},
    {"category": "This product belongs in another category; please move it."},
    {"attributes.power": "The stated power does not match the title."},
)

DESCRIPTION_CLOSINGS = (
    "Samples are available, and our team answers inquiries within 24 hours.",
    "OEM and ODM orders are welcome: logo, colour and packaging can be customised.",
    "Every order is inspected before shipment and comes with a quality report.",
    "Mixed orders and trial quantities are welcome for new buyers.",
)

# Top-level category names in other languages: a translated title falls back to "<industry>
# <model word> <model>" when the product's head noun is not in HEAD_NOUNS.
TOP_NAMES: dict[str, dict[str, str]] = {
    "es": {
        "machinery": "Maquinaria",
        "electrical-electronics": "Material eléctrico",
        "lights-lighting": "Iluminación",
        "construction-decoration": "Material de construcción",
        "chemicals": "Producto químico",
        "textiles": "Textil",
        "apparel-accessories": "Prenda de vestir",
        "hardware-tools": "Herramienta",
        "auto-parts": "Recambio de automóvil",
        "consumer-electronics": "Electrónica de consumo",
        "furniture": "Mueble",
        "home-supplies": "Artículo para el hogar",
        "packaging-printing": "Embalaje",
        "metallurgy-minerals": "Producto metalúrgico",
        "agriculture-food": "Producto alimentario",
        "health-medicine": "Producto sanitario",
        "sports-entertainment": "Artículo deportivo",
        "office-supplies": "Material de oficina",
        "security-protection": "Equipo de seguridad",
        "industrial-equipment": "Equipo industrial",
        "bags-cases": "Bolso",
        "toys": "Juguete",
        "beauty-personal-care": "Cosmético",
        "arts-crafts": "Artesanía",
        "transportation": "Vehículo",
    },
    "fr": {
        "machinery": "Machine",
        "electrical-electronics": "Matériel électrique",
        "lights-lighting": "Éclairage",
        "construction-decoration": "Matériau de construction",
        "chemicals": "Produit chimique",
        "textiles": "Textile",
        "apparel-accessories": "Vêtement",
        "hardware-tools": "Outil",
        "auto-parts": "Pièce automobile",
        "consumer-electronics": "Électronique grand public",
        "furniture": "Meuble",
        "home-supplies": "Article ménager",
        "packaging-printing": "Emballage",
        "metallurgy-minerals": "Produit métallurgique",
        "agriculture-food": "Produit alimentaire",
        "health-medicine": "Produit médical",
        "sports-entertainment": "Article de sport",
        "office-supplies": "Fourniture de bureau",
        "security-protection": "Équipement de sécurité",
        "industrial-equipment": "Équipement industriel",
        "bags-cases": "Sac",
        "toys": "Jouet",
        "beauty-personal-care": "Cosmétique",
        "arts-crafts": "Artisanat",
        "transportation": "Véhicule",
    },
    "de": {
        "machinery": "Maschine",
        "electrical-electronics": "Elektrotechnik",
        "lights-lighting": "Beleuchtung",
        "construction-decoration": "Baustoff",
        "chemicals": "Chemikalie",
        "textiles": "Textil",
        "apparel-accessories": "Bekleidung",
        "hardware-tools": "Werkzeug",
        "auto-parts": "Autoteil",
        "consumer-electronics": "Unterhaltungselektronik",
        "furniture": "Möbel",
        "home-supplies": "Haushaltsartikel",
        "packaging-printing": "Verpackung",
        "metallurgy-minerals": "Metallprodukt",
        "agriculture-food": "Lebensmittel",
        "health-medicine": "Medizinprodukt",
        "sports-entertainment": "Sportartikel",
        "office-supplies": "Bürobedarf",
        "security-protection": "Sicherheitsausrüstung",
        "industrial-equipment": "Industrieausrüstung",
        "bags-cases": "Tasche",
        "toys": "Spielzeug",
        "beauty-personal-care": "Kosmetik",
        "arts-crafts": "Kunsthandwerk",
        "transportation": "Fahrzeug",
    },
    "ru": {
        "machinery": "Оборудование",
        "electrical-electronics": "Электротехника",
        "lights-lighting": "Освещение",
        "construction-decoration": "Стройматериалы",
        "chemicals": "Химическая продукция",
        "textiles": "Текстиль",
        "apparel-accessories": "Одежда",
        "hardware-tools": "Инструмент",
        "auto-parts": "Автозапчасть",
        "consumer-electronics": "Электроника",
        "furniture": "Мебель",
        "home-supplies": "Товары для дома",
        "packaging-printing": "Упаковка",
        "metallurgy-minerals": "Металлопродукция",
        "agriculture-food": "Продукты питания",
        "health-medicine": "Медицинские изделия",
        "sports-entertainment": "Спорттовары",
        "office-supplies": "Канцтовары",
        "security-protection": "Средства защиты",
        "industrial-equipment": "Промышленное оборудование",
        "bags-cases": "Сумка",
        "toys": "Игрушка",
        "beauty-personal-care": "Косметика",
        "arts-crafts": "Сувенир",
        "transportation": "Транспортное средство",
    },
    "pt": {
        "machinery": "Máquina",
        "electrical-electronics": "Material elétrico",
        "lights-lighting": "Iluminação",
        "construction-decoration": "Material de construção",
        "chemicals": "Produto químico",
        "textiles": "Têxtil",
        "apparel-accessories": "Vestuário",
        "hardware-tools": "Ferramenta",
        "auto-parts": "Autopeça",
        "consumer-electronics": "Eletrônico",
        "furniture": "Móvel",
        "home-supplies": "Utilidade doméstica",
        "packaging-printing": "Embalagem",
        "metallurgy-minerals": "Produto metalúrgico",
        "agriculture-food": "Alimento",
        "health-medicine": "Produto médico",
        "sports-entertainment": "Artigo esportivo",
        "office-supplies": "Material de escritório",
        "security-protection": "Equipamento de segurança",
        "industrial-equipment": "Equipamento industrial",
        "bags-cases": "Bolsa",
        "toys": "Brinquedo",
        "beauty-personal-care": "Cosmético",
        "arts-crafts": "Artesanato",
        "transportation": "Veículo",
    },
    "ar": {
        "machinery": "آلات",
        "electrical-electronics": "معدات كهربائية",
        "lights-lighting": "إضاءة",
        "construction-decoration": "مواد بناء",
        "chemicals": "مواد كيميائية",
        "textiles": "منسوجات",
        "apparel-accessories": "ملابس",
        "hardware-tools": "أدوات",
        "auto-parts": "قطع غيار سيارات",
        "consumer-electronics": "إلكترونيات",
        "furniture": "أثاث",
        "home-supplies": "مستلزمات منزلية",
        "packaging-printing": "تغليف",
        "metallurgy-minerals": "منتجات معدنية",
        "agriculture-food": "مواد غذائية",
        "health-medicine": "مستلزمات طبية",
        "sports-entertainment": "معدات رياضية",
        "office-supplies": "لوازم مكتبية",
        "security-protection": "معدات السلامة",
        "industrial-equipment": "معدات صناعية",
        "bags-cases": "حقيبة",
        "toys": "لعبة",
        "beauty-personal-care": "مستحضرات تجميل",
        "arts-crafts": "حرف يدوية",
        "transportation": "مركبة",
    },
    "ja": {
        "machinery": "機械",
        "electrical-electronics": "電気機器",
        "lights-lighting": "照明",
        "construction-decoration": "建材",
        "chemicals": "化学品",
        "textiles": "繊維",
        "apparel-accessories": "衣料品",
        "hardware-tools": "工具",
        "auto-parts": "自動車部品",
        "consumer-electronics": "家電",
        "furniture": "家具",
        "home-supplies": "日用品",
        "packaging-printing": "包装資材",
        "metallurgy-minerals": "金属製品",
        "agriculture-food": "食品",
        "health-medicine": "医療用品",
        "sports-entertainment": "スポーツ用品",
        "office-supplies": "事務用品",
        "security-protection": "安全用品",
        "industrial-equipment": "産業機器",
        "bags-cases": "バッグ",
        "toys": "玩具",
        "beauty-personal-care": "化粧品",
        "arts-crafts": "工芸品",
        "transportation": "車両",
    },
}
