import type { Unit } from "./types";

// The demo catalogue's category tree: for every leaf category the brands and the name templates
// (with sizes, materials and price formulas) that products are generated from. Pure data.

/** Rounds a price to a "shelf" value: x.x9 / x.x5 endings for bigger amounts. */
function shelf(euros: number): number {
  if (euros >= 100) return Math.round(euros) - 0.01;
  if (euros >= 10) return Math.round(euros * 10) / 10 - 0.01;
  return euros;
}

// ---------------------------------------------------------------------------------------------
// Category tree

export type Lang = "de" | "nl" | "en";

export type Made = {
  name: string;
  unit: Unit;
  /** Price per priceUnit, in euros. */
  price: number;
  priceUnit?: number;
  min?: number;
  pack?: number;
  vat?: string;
  unspsc?: string;
  /** One sentence about the article, in the language of its name. */
  info: string;
};

export type Template = {
  lang: Lang;
  dims: readonly (readonly string[])[];
  make: (v: readonly string[], i: readonly number[]) => Made;
};

export type Leaf = {
  slug: string;
  name: string;
  description: string;
  unspsc: string;
  brands: readonly string[];
  templates: readonly Template[];
};

export type Top = { slug: string; name: string; description: string; prefix: string; skuBase: number; leaves: Leaf[] };

const n = (s: string) => Number.parseFloat(s.replace(",", ".").replace(/[^0-9.]/g, ""));
export const at = <T>(list: readonly T[], index: number): T => list[((index % list.length) + list.length) % list.length]!;

const METRIC = ["M4", "M5", "M6", "M8", "M10", "M12", "M16", "M20"];
const LENGTHS = ["10", "12", "16", "20", "25", "30", "35", "40", "50", "60", "70", "80", "100", "120"];
const PIPE = ["3/8", "1/2", "3/4", "1", "1 1/4", "1 1/2", "2"];

/** Metric screws up to M12 are priced per 100 and sold in boxes of 100; bigger ones per piece in packs of 10. */
function screw(name: string, size: string, length: string, factor: number, info: string): Made {
  const d = n(size);
  const l = n(length);
  const per100 = (1.5 + 0.0044 * d * d * l) * factor;
  return d <= 12
    ? { name, unit: "C62", price: per100, priceUnit: 100, min: 100, pack: 100, info }
    : { name, unit: "C62", price: per100 / 100 + 0.08, priceUnit: 1, min: 10, pack: 10, info };
}

export const TOPS: Top[] = [
  {
    slug: "fasteners",
    name: "Fasteners",
    description: "Screws, bolts, nuts, washers and anchors to DIN and ISO standards.",
    prefix: "FAS",
    skuBase: 10001,
    leaves: [
      {
        slug: "screws-and-bolts",
        name: "Screws & Bolts",
        description: "Hexagon bolts, socket head cap screws, countersunk and chipboard screws.",
        unspsc: "31161500",
        brands: ["Bolzwerk", "Nordfix", "Hagener Schraubenwerk", "Fixon", "Van Leeuwen Bevestiging"],
        templates: [
          {
            lang: "de",
            dims: [METRIC, LENGTHS, ["8.8 verzinkt", "8.8 blank", "10.9 blank", "Edelstahl A2", "Edelstahl A4"]],
            make: ([s = "", l = "", f = ""], [, , fi = 0]) =>
              screw(`Sechskantschraube DIN 933 ${s}x${l} ${f}`, s, l, [1, 0.9, 1.3, 2.6, 3.8][fi]!, "Sechskantschraube mit Gewinde bis Kopf nach DIN 933 / ISO 4017."),
          },
          {
            lang: "de",
            dims: [METRIC, LENGTHS, ["8.8 verzinkt", "10.9 blank", "12.9 schwarz", "Edelstahl A2"]],
            make: ([s = "", l = "", f = ""], [, , fi = 0]) =>
              screw(`Zylinderschraube DIN 912 ${s}x${l} ${f}`, s, l, [1.2, 1.4, 1.6, 3][fi]!, "Zylinderschraube mit Innensechskant nach DIN 912 / ISO 4762."),
          },
          {
            lang: "nl",
            dims: [METRIC, LENGTHS, ["8.8 verzinkt", "RVS A2", "RVS A4", "10.9 zwart"]],
            make: ([s = "", l = "", f = ""], [, , fi = 0]) =>
              screw(`Zeskantbout DIN 933 ${s}x${l} ${f}`, s, l, [1, 2.6, 3.8, 1.3][fi]!, "Zeskantbout met volledige draad volgens DIN 933."),
          },
          {
            lang: "de",
            dims: [["3,0x16", "3,5x30", "4,0x40", "4,5x50", "5,0x60", "5,0x80", "6,0x100", "6,0x120"], ["TX", "PZ"], ["gelb verzinkt", "blau verzinkt", "Edelstahl A2"]],
            make: ([s = "", d = "", f = ""], [si = 0, , fi = 0]) => ({
              name: `Spanplattenschraube ${s} mm ${d} Senkkopf ${f}`,
              unit: "C62",
              price: (9 + si * 7.5) * [1, 1, 3.2][fi]!,
              priceUnit: 1000,
              min: 1000,
              pack: 1000,
              info: "Spanplattenschraube mit Teilgewinde und Fräsrippen für Holz- und Plattenwerkstoffe.",
            }),
          },
        ],
      },
      {
        slug: "nuts-and-washers",
        name: "Nuts & Washers",
        description: "Hexagon nuts, lock nuts, flat washers and spring washers.",
        unspsc: "31161700",
        brands: ["Bolzwerk", "Nordfix", "Fixon", "Van Leeuwen Bevestiging"],
        templates: [
          {
            lang: "de",
            dims: [["M3", "M4", "M5", "M6", "M8", "M10", "M12", "M16", "M20", "M24"], ["Festigkeitsklasse 8 verzinkt", "Festigkeitsklasse 10 blank", "Edelstahl A2", "Edelstahl A4"]],
            make: ([s = "", f = ""], [si = 0, fi = 0]) => ({
              name: `Sechskantmutter DIN 934 ${s} ${f}`,
              unit: "C62",
              price: (1.2 + 0.06 * n(s) * n(s)) * [1, 1.3, 2.8, 4][fi]!,
              priceUnit: 100,
              min: 100,
              pack: 100,
              unspsc: "31161700",
              info: si > 7 ? "Große Sechskantmutter für Stahlbau und Maschinenbau." : "Sechskantmutter mit Regelgewinde nach DIN 934 / ISO 4032.",
            }),
          },
          {
            lang: "de",
            dims: [["M3", "M4", "M5", "M6", "M8", "M10", "M12", "M16", "M20"], ["Stahl verzinkt", "Stahl blank", "Edelstahl A2", "Edelstahl A4"], ["DIN 125", "DIN 9021"]],
            make: ([s = "", f = "", d = ""], [, fi = 0, di = 0]) => ({
              name: `Unterlegscheibe ${d} ${s} ${f}`,
              unit: "C62",
              price: (4 + 0.22 * n(s) * n(s)) * [1, 0.85, 2.6, 3.9][fi]! * (di ? 1.6 : 1),
              priceUnit: 1000,
              min: 1000,
              pack: 1000,
              unspsc: "31161800",
              info: "Flache Scheibe zur Lastverteilung unter Schraubenkopf und Mutter.",
            }),
          },
          {
            lang: "de",
            dims: [["M4", "M5", "M6", "M8", "M10", "M12", "M16"], ["verzinkt", "Edelstahl A2"]],
            make: ([s = "", f = ""], [, fi = 0]) => ({
              name: `Sicherungsmutter DIN 985 ${s} ${f}`,
              unit: "C62",
              price: (2.4 + 0.09 * n(s) * n(s)) * (fi ? 2.7 : 1),
              priceUnit: 100,
              min: 100,
              pack: 100,
              unspsc: "31161700",
              info: "Selbstsichernde Mutter mit Polyamid-Klemmteil nach DIN 985.",
            }),
          },
          {
            lang: "nl",
            dims: [["M4", "M5", "M6", "M8", "M10", "M12"], ["verzinkt", "RVS A2"]],
            make: ([s = "", f = ""], [, fi = 0]) => ({
              name: `Zeskantmoer DIN 934 ${s} ${f}`,
              unit: "C62",
              price: (1.2 + 0.06 * n(s) * n(s)) * (fi ? 2.8 : 1),
              priceUnit: 100,
              min: 100,
              pack: 100,
              unspsc: "31161700",
              info: "Zeskantmoer met metrische draad volgens DIN 934.",
            }),
          },
        ],
      },
      {
        slug: "anchors-and-wall-plugs",
        name: "Anchors & Wall Plugs",
        description: "Nylon plugs, frame fixings and heavy-duty anchors for concrete and masonry.",
        unspsc: "31162000",
        brands: ["Fixon", "Dübelwerk Süd", "Nordfix"],
        templates: [
          {
            lang: "de",
            dims: [["5x25", "6x30", "8x40", "10x50", "12x60", "14x70"], ["Nylondübel", "Universaldübel", "Spreizdübel"]],
            make: ([s = "", t = ""], [si = 0]) => ({
              name: `${t} ${s} mm`,
              unit: "C62",
              price: 2.9 + si * 2.4,
              priceUnit: 100,
              min: 100,
              pack: 100,
              info: "Dübel für Beton, Vollstein und Lochstein.",
            }),
          },
          {
            lang: "de",
            dims: [["M8x75", "M10x95", "M10x115", "M12x110", "M12x135", "M16x145"], ["galvanisch verzinkt", "Edelstahl A4"]],
            make: ([s = "", f = ""], [si = 0, fi = 0]) => ({
              name: `Schwerlastanker ${s} ${f}`,
              unit: "C62",
              price: (1.1 + si * 0.45) * (fi ? 2.9 : 1),
              min: 10,
              pack: 10,
              info: "Bauaufsichtlich zugelassener Anker für gerissenen und ungerissenen Beton.",
            }),
          },
          {
            lang: "de",
            dims: [["8x80", "10x100", "10x120", "10x160", "10x200"], ["Senkkopf TX40", "Sechskant SW13"]],
            make: ([s = "", h = ""], [si = 0]) => ({
              name: `Rahmendübel ${s} mm ${h}`,
              unit: "C62",
              price: 28 + si * 9,
              priceUnit: 100,
              min: 100,
              pack: 100,
              info: "Langschaftdübel mit vormontierter Schraube für Fenster- und Türrahmen.",
            }),
          },
        ],
      },
    ],
  },
  {
    slug: "hand-tools",
    name: "Hand Tools",
    description: "Wrenches, screwdrivers, pliers and measuring tools for workshop and site.",
    prefix: "TOL",
    skuBase: 20001,
    leaves: [
      {
        slug: "wrenches-and-sockets",
        name: "Wrenches & Sockets",
        description: "Combination spanners, torque wrenches and socket sets.",
        unspsc: "27111700",
        brands: ["Kraftmeister", "Gedorf", "Stahlwerk Remscheid", "Van Houten Gereedschap"],
        templates: [
          {
            lang: "de",
            dims: [["1/4 Zoll", "3/8 Zoll", "1/2 Zoll", "3/4 Zoll"], ["5-25 Nm", "20-100 Nm", "40-200 Nm", "60-340 Nm"], ["", "mit Umschaltknarre", "digital"]],
            make: ([d = "", r = "", v = ""], [di = 0, ri = 0, vi = 0]) => ({
              name: `Drehmomentschlüssel ${d} ${r}${v ? ` ${v}` : ""}`,
              unit: "C62",
              price: shelf((79 + di * 25 + ri * 30) * [1, 1.15, 2.1][vi]!),
              info: "Kalibrierter Drehmomentschlüssel mit Werksprüfzeugnis nach DIN EN ISO 6789.",
            }),
          },
          {
            lang: "de",
            dims: [["6", "7", "8", "10", "11", "12", "13", "14", "15", "16", "17", "19", "22", "24", "27", "30", "32"], ["", "mit Ratsche"]],
            make: ([s = "", v = ""], [si = 0, vi = 0]) => ({
              name: `Ring-Maulschlüssel ${s} mm${v ? ` ${v}` : ""}`,
              unit: "C62",
              price: shelf((5.5 + si * 1.1) * (vi ? 2.6 : 1)),
              info: "Ring-Maulschlüssel aus Chrom-Vanadium-Stahl, verchromt.",
            }),
          },
          {
            lang: "de",
            dims: [["1/4 Zoll", "3/8 Zoll", "1/2 Zoll"], ["24-teilig", "36-teilig", "57-teilig", "94-teilig"]],
            make: ([d = "", c = ""], [di = 0, ci = 0]) => ({
              name: `Steckschlüsselsatz ${d} ${c}`,
              unit: "SET",
              price: shelf(49 + di * 30 + ci * 45),
              info: "Steckschlüsselsatz im Kunststoffkoffer mit Umschaltknarre und Verlängerungen.",
            }),
          },
          {
            lang: "nl",
            dims: [["6-19 mm", "8-22 mm", "6-32 mm"], ["8-delig", "12-delig", "22-delig"]],
            make: ([r = "", c = ""], [ri = 0, ci = 0]) => ({
              name: `Ringsteeksleutelset ${r} ${c}`,
              unit: "SET",
              price: shelf(29 + ri * 20 + ci * 25),
              info: "Set ringsteeksleutels van chroom-vanadiumstaal in een handige houder.",
            }),
          },
        ],
      },
      {
        slug: "screwdrivers-and-bits",
        name: "Screwdrivers & Bits",
        description: "Screwdrivers, VDE screwdrivers and bit sets.",
        unspsc: "27111700",
        brands: ["Kraftmeister", "Gedorf", "Bitfix", "Van Houten Gereedschap"],
        templates: [
          {
            lang: "de",
            dims: [["Schlitz 3,5x75", "Schlitz 5,5x125", "Schlitz 8x175", "Kreuzschlitz PH1x80", "Kreuzschlitz PH2x100", "Pozidriv PZ2x100", "Torx TX20x100", "Torx TX25x100", "Torx TX30x115"], ["2K-Griff", "VDE isoliert 1000 V"]],
            make: ([t = "", g = ""], [ti = 0, gi = 0]) => ({
              name: `Schraubendreher ${t} mm ${g}`,
              unit: "C62",
              price: shelf((4.2 + ti * 0.6) * (gi ? 1.9 : 1)),
              info: gi ? "Einzeln stückgeprüfter VDE-Schraubendreher nach IEC 60900." : "Schraubendreher mit ergonomischem Zweikomponentengriff.",
            }),
          },
          {
            lang: "de",
            dims: [["10-teilig", "16-teilig", "32-teilig", "48-teilig", "71-teilig"], ["PH/PZ/TX", "Torx", "Torsion PH/PZ/TX", "Innensechskant"]],
            make: ([c = "", t = ""], [ci = 0, ti = 0]) => ({
              name: `Bit-Satz 1/4 Zoll ${c} ${t}`,
              unit: "SET",
              price: shelf((9.9 + ci * 8) * (ti === 2 ? 1.4 : 1)),
              info: "Bit-Satz mit Schnellwechsel-Bithalter in robuster Box.",
            }),
          },
          {
            lang: "en",
            dims: [["TX", "PH2", "PZ2"], ["10 pcs", "25 pcs"], ["25 mm", "50 mm"]],
            make: ([t = "", c = "", l = ""], [, ci = 0, li = 0]) => ({
              name: `Impact bit set 1/4" ${t} ${l} ${c}`,
              unit: "SET",
              price: shelf((8.5 + li * 3) * (ci ? 2.2 : 1)),
              info: "Impact-rated bits for cordless impact drivers, with torsion zone.",
            }),
          },
        ],
      },
      {
        slug: "pliers-and-cutters",
        name: "Pliers & Cutters",
        description: "Combination pliers, side cutters and water pump pliers.",
        unspsc: "27112100",
        brands: ["Kraftmeister", "Gedorf", "Zangenwerk Wuppertal"],
        templates: [
          {
            lang: "de",
            dims: [["Kombizange", "Seitenschneider", "Spitzzange", "Abisolierzange", "Wasserpumpenzange"], ["160 mm", "180 mm", "200 mm", "250 mm"], ["poliert", "VDE 1000 V"]],
            make: ([t = "", l = "", f = ""], [ti = 0, li = 0, fi = 0]) => ({
              name: `${t} ${l} ${f}`,
              unit: "C62",
              price: shelf((13 + ti * 2.5 + li * 2) * (fi ? 1.5 : 1)),
              info: "Zange aus Werkzeugstahl, ölgehärtet, mit Mehrkomponentengriffen.",
            }),
          },
          {
            lang: "nl",
            dims: [["Combinatietang", "Zijkniptang", "Waterpomptang", "Punttang"], ["160 mm", "200 mm", "250 mm"]],
            make: ([t = "", l = ""], [ti = 0, li = 0]) => ({
              name: `${t} ${l}`,
              unit: "C62",
              price: shelf(12.5 + ti * 2 + li * 3),
              info: "Tang van gehard gereedschapsstaal met comfortabele handgrepen.",
            }),
          },
        ],
      },
      {
        slug: "measuring-tools",
        name: "Measuring Tools",
        description: "Folding rules, tape measures, calipers and spirit levels.",
        unspsc: "27111800",
        brands: ["Messtechnik Schwaben", "Gedorf", "Precisa"],
        templates: [
          {
            lang: "de",
            dims: [["Gliedermaßstab Holz 2 m", "Gliedermaßstab Glasfaser 2 m", "Maßband 3 m", "Maßband 5 m", "Maßband 8 m", "Wasserwaage Aluminium 60 cm", "Wasserwaage Aluminium 100 cm", "Messschieber 150 mm", "Messschieber digital 150 mm"], ["", "EG-Genauigkeitsklasse II"]],
            make: ([t = "", c = ""], [ti = 0, ci = 0]) => ({
              name: `${t}${c && ti < 5 ? ` ${c}` : c ? " mit Prüfprotokoll" : ""}`,
              unit: "C62",
              price: shelf([6.9, 9.9, 7.5, 11.9, 16.9, 24.9, 34.9, 29.9, 44.9][ti]! * (ci ? 1.35 : 1)),
              info: "Messwerkzeug für Werkstatt und Baustelle.",
            }),
          },
          {
            lang: "en",
            dims: [["Digital caliper 150 mm IP67", "Digital caliper 200 mm", "Laser distance meter 50 m", "Laser distance meter 100 m", "Steel rule 500 mm", "Steel rule 1000 mm"]],
            make: ([t = ""], [ti = 0]) => ({
              name: t,
              unit: "PCE",
              price: [54.9, 79, 89, 149, 12.9, 21.9][ti]!,
              info: "Precise measuring instrument for quality control in the workshop.",
            }),
          },
        ],
      },
    ],
  },
  {
    slug: "power-tools",
    name: "Power Tools",
    description: "Cordless and corded power tools with accessories.",
    prefix: "PWR",
    skuBase: 70001,
    leaves: [
      {
        slug: "cordless-tools",
        name: "Cordless Tools",
        description: "Cordless drills, impact drivers and grinders on 12 V and 18 V platforms.",
        unspsc: "27112700",
        brands: ["Voltmann", "Akkutec", "Brandt Elektrowerkzeuge"],
        templates: [
          {
            lang: "de",
            dims: [["Akku-Bohrschrauber", "Akku-Schlagbohrschrauber", "Akku-Schlagschrauber", "Akku-Winkelschleifer 125 mm", "Akku-Säbelsäge"], ["12 V", "18 V"], ["Solo", "2x 2,0 Ah", "2x 4,0 Ah", "2x 5,0 Ah im Koffer"]],
            make: ([t = "", v = "", k = ""], [ti = 0, vi = 0, ki = 0]) => ({
              name: `${t} ${v} ${k}`,
              unit: "PCE",
              price: shelf(89 + ti * 20 + vi * 40 + ki * 70),
              unspsc: "27112700",
              info: "Bürstenloser Motor, LED-Arbeitslicht und kompatibel mit allen Akkus der Plattform.",
            }),
          },
          {
            lang: "en",
            dims: [["Cordless drill driver", "Cordless impact driver", "Cordless hammer drill"], ["18 V"], ["bare tool", "2 x 4.0 Ah kit"]],
            make: ([t = "", v = "", k = ""], [ti = 0, , ki = 0]) => ({
              name: `${t} ${v} ${k}`,
              unit: "PCE",
              price: shelf(119 + ti * 25 + ki * 140),
              info: "Brushless cordless tool for professional daily use.",
            }),
          },
        ],
      },
      {
        slug: "corded-tools",
        name: "Corded Tools",
        description: "Angle grinders, rotary hammers, jigsaws and sanders.",
        unspsc: "27112700",
        brands: ["Voltmann", "Brandt Elektrowerkzeuge", "Schleifkraft"],
        templates: [
          {
            lang: "de",
            dims: [["Winkelschleifer 125 mm", "Winkelschleifer 230 mm", "Bohrhammer SDS-plus", "Stichsäge", "Exzenterschleifer 150 mm", "Schlagbohrmaschine"], ["750 W", "1200 W", "1700 W"]],
            make: ([t = "", w = ""], [ti = 0, wi = 0]) => ({
              name: `${t} ${w}`,
              unit: "PCE",
              price: shelf(69 + ti * 18 + wi * 45),
              info: "Netzbetriebenes Elektrowerkzeug mit Sanftanlauf und Wiederanlaufschutz.",
            }),
          },
          {
            lang: "nl",
            dims: [["Haakse slijper 125 mm", "Boorhamer SDS-plus", "Decoupeerzaag", "Klopboormachine"], ["800 W", "1100 W"]],
            make: ([t = "", w = ""], [ti = 0, wi = 0]) => ({
              name: `${t} ${w}`,
              unit: "PCE",
              price: shelf(74 + ti * 22 + wi * 40),
              info: "Krachtig elektrisch gereedschap voor professioneel gebruik.",
            }),
          },
        ],
      },
      {
        slug: "power-tool-accessories",
        name: "Power Tool Accessories",
        description: "Cutting discs, drill bits and sanding discs.",
        unspsc: "27112800",
        brands: ["Schleifkraft", "Bohrtec", "Voltmann"],
        templates: [
          {
            lang: "de",
            dims: [["115x1,0", "125x1,0", "125x1,6", "125x2,5", "178x1,6", "230x1,9"], ["INOX", "Metall", "Stein"]],
            make: ([s = "", m = ""], [si = 0, mi = 0]) => ({
              name: `Trennscheibe ${s} mm ${m}`,
              unit: "PCE",
              price: (0.95 + si * 0.55) * [1.2, 1, 1.1][mi]!,
              min: 10,
              pack: 10,
              info: "Trennscheibe gerade, in der 10er-Dose geliefert.",
            }),
          },
          {
            lang: "de",
            dims: [["2,0", "2,5", "3,0", "3,3", "4,0", "4,2", "5,0", "6,0", "6,8", "8,0", "8,5", "10,0", "12,0"], ["HSS-G", "HSS-Co 5 %"]],
            make: ([d = "", m = ""], [, mi = 0]) => ({
              name: `Spiralbohrer DIN 338 ${m} Ø ${d} mm`,
              unit: "PCE",
              price: (0.7 + n(d) * 0.38) * (mi ? 2.1 : 1),
              min: 10,
              pack: 10,
              info: "Geschliffener Spiralbohrer nach DIN 338 mit 135° Spitzenwinkel.",
            }),
          },
          {
            lang: "de",
            dims: [["SDS-plus 5-teilig", "SDS-plus 7-teilig", "SDS-max 4-teilig", "HSS 19-teilig", "HSS 25-teilig"]],
            make: ([t = ""], [ti = 0]) => ({
              name: `Bohrersatz ${t}`,
              unit: "SET",
              price: shelf([19.9, 27.9, 89, 24.9, 39.9][ti]!),
              info: "Bohrersatz in stabiler Kassette.",
            }),
          },
        ],
      },
    ],
  },
  {
    slug: "safety-gear",
    name: "Safety Gear",
    description: "Personal protective equipment: gloves, eye, hearing and respiratory protection.",
    prefix: "SAF",
    skuBase: 40001,
    leaves: [
      {
        slug: "protective-gloves",
        name: "Protective Gloves",
        description: "Work gloves, cut protection and disposable gloves.",
        unspsc: "46181504",
        brands: ["Handsafe", "Protekt", "Veiligwerk"],
        templates: [
          {
            lang: "de",
            dims: [["Nitril", "Nitril-Foam", "PU-beschichtet", "Leder", "Schnittschutz Level C", "Kälteschutz"], ["Größe 7", "Größe 8", "Größe 9", "Größe 10", "Größe 11"]],
            make: ([t = "", s = ""], [ti = 0]) => ({
              name: `Schutzhandschuh ${t} ${s}`,
              unit: "PR",
              price: [2.15, 2.95, 1.65, 5.9, 7.4, 6.2][ti]!,
              info: "Arbeitshandschuh nach EN 388, atmungsaktiv und griffsicher.",
            }),
          },
          {
            lang: "nl",
            dims: [["nitril", "PU", "leer", "snijbestendig"], ["maat 8", "maat 9", "maat 10"]],
            make: ([t = "", s = ""], [ti = 0]) => ({
              name: `Werkhandschoen ${t} ${s}`,
              unit: "PR",
              price: [2.2, 1.7, 5.8, 7.2][ti]!,
              info: "Werkhandschoen volgens EN 388 met goede grip.",
            }),
          },
          {
            lang: "de",
            dims: [["Nitril puderfrei", "Latex puderfrei", "Vinyl"], ["Größe S", "Größe M", "Größe L", "Größe XL"]],
            make: ([t = "", s = ""], [ti = 0]) => ({
              name: `Einweghandschuh ${t} ${s} Box 100 Stück`,
              unit: "BX",
              price: [7.9, 6.9, 4.5][ti]!,
              info: "Einmalhandschuhe für Werkstatt, Lager und Reinigung.",
            }),
          },
        ],
      },
      {
        slug: "eye-protection",
        name: "Eye Protection",
        description: "Safety spectacles, goggles and welding glasses.",
        unspsc: "46181804",
        brands: ["Protekt", "Klarsicht", "Veiligwerk"],
        templates: [
          {
            lang: "de",
            dims: [["Schutzbrille", "Vollsichtbrille", "Überbrille", "Schweißerschutzbrille"], ["klar", "getönt", "gelb", "IR 5"], ["EN 166", "EN 166/170", "EN 166/172"]],
            make: ([t = "", l = "", e = ""], [ti = 0, li = 0]) => ({
              name: `${t} ${l} ${e}`,
              unit: "PCE",
              price: shelf(4.9 + ti * 2.8 + li * 0.6),
              info: "Schutzbrille mit kratzfester und beschlagfreier Scheibe.",
            }),
          },
          {
            lang: "nl",
            dims: [["Veiligheidsbril", "Ruimzichtbril"], ["helder", "getint"]],
            make: ([t = "", l = ""], [ti = 0]) => ({
              name: `${t} ${l} EN 166`,
              unit: "PCE",
              price: 5.2 + ti * 4,
              info: "Veiligheidsbril met krasvaste en anticondens coating.",
            }),
          },
        ],
      },
      {
        slug: "hearing-and-respiratory",
        name: "Hearing & Respiratory Protection",
        description: "Ear plugs, ear muffs and particle respirators.",
        unspsc: "46182000",
        brands: ["Protekt", "Atemfrei", "Handsafe"],
        templates: [
          {
            lang: "de",
            dims: [["FFP1", "FFP2", "FFP3"], ["ohne Ventil", "mit Ventil"]],
            make: ([c = "", v = ""], [ci = 0, vi = 0]) => ({
              name: `Atemschutzmaske ${c} NR ${v}`,
              unit: "PCE",
              price: 0.9 + ci * 0.7 + vi * 0.6,
              min: 10,
              pack: 10,
              unspsc: "46182001",
              info: "Partikelfiltrierende Halbmaske nach EN 149, einzeln verpackt.",
            }),
          },
          {
            lang: "de",
            dims: [["Gehörschutzstöpsel SNR 37 dB Box 200 Paar", "Gehörschutzstöpsel mit Kordel Box 100 Paar", "Kapselgehörschutz SNR 30 dB", "Kapselgehörschutz SNR 33 dB für Helmmontage"]],
            make: ([t = ""], [ti = 0]) => ({
              name: t,
              unit: ti < 2 ? "BX" : "PCE",
              price: [24.9, 39.9, 17.9, 26.9][ti]!,
              unspsc: "46181902",
              info: "Gehörschutz nach EN 352 für Lärmbereiche in Produktion und Werkstatt.",
            }),
          },
          {
            lang: "en",
            dims: [["Hi-vis vest EN ISO 20471 yellow", "Hi-vis vest EN ISO 20471 orange"], ["size M", "size L", "size XL", "size XXL"]],
            make: ([t = "", s = ""]) => ({
              name: `${t} ${s}`,
              unit: "PCE",
              price: 3.9,
              unspsc: "46181500",
              info: "High-visibility vest with two reflective bands.",
            }),
          },
        ],
      },
    ],
  },
  {
    slug: "office-supplies",
    name: "Office Supplies",
    description: "Paper, writing instruments, filing and technical literature.",
    prefix: "OFF",
    skuBase: 80001,
    leaves: [
      {
        slug: "paper",
        name: "Paper",
        description: "Copy paper and printer paper by the box.",
        unspsc: "14111507",
        brands: ["Papyrus Nord", "Blanco", "Papierfabriek Holland"],
        templates: [
          {
            lang: "de",
            dims: [["A4", "A3"], ["75", "80", "90", "100", "120", "160"], ["weiß", "hochweiß", "Recycling"]],
            make: ([f = "", g = "", c = ""], [fi = 0, gi = 0, ci = 0]) => ({
              name: `Kopierpapier ${f} ${g} g/m² ${c}`,
              unit: "BX",
              price: shelf((22 + gi * 5.5) * (fi ? 2 : 1) * [1, 1.15, 0.95][ci]!),
              info: `Karton mit 5 Paketen à 500 Blatt, geeignet für Laser- und Tintenstrahldrucker.`,
            }),
          },
          {
            lang: "nl",
            dims: [["A4", "A3"], ["80", "100"], ["wit", "gerecycled"]],
            make: ([f = "", g = "", c = ""], [fi = 0, gi = 0]) => ({
              name: `Kopieerpapier ${f} ${g} g/m² ${c}`,
              unit: "BX",
              price: shelf((23 + gi * 9) * (fi ? 2 : 1)),
              info: "Doos met 5 pakken van 500 vel.",
            }),
          },
        ],
      },
      {
        slug: "writing-instruments",
        name: "Writing Instruments",
        description: "Ballpoint pens, markers and pencils.",
        unspsc: "44121700",
        brands: ["Schreibwerk", "Blanco", "Markant"],
        templates: [
          {
            lang: "de",
            dims: [["Kugelschreiber", "Gelschreiber", "Textmarker", "Permanentmarker 1-3 mm", "Fineliner 0,4 mm"], ["blau", "schwarz", "rot", "grün", "gelb"]],
            make: ([t = "", c = ""], [ti = 0]) => ({
              name: `${t} ${c}`,
              unit: "PCE",
              price: [0.69, 1.29, 0.89, 1.49, 0.99][ti]!,
              min: 10,
              pack: 10,
              info: "Im Zehnerpack für Büro, Lager und Werkstatt.",
            }),
          },
          {
            lang: "de",
            dims: [["Tabellenbuch Metall", "Tabellenbuch Elektrotechnik", "Fachkunde Metall", "Tabellenbuch Sanitär-, Heizungs- und Klimatechnik"], ["Ausgabe 2024", "Ausgabe 2025"]],
            make: ([t = "", e = ""], [ti = 0]) => ({
              name: `${t}, ${e}`,
              unit: "PCE",
              price: [38.9, 41.9, 45.5, 47.9][ti]!,
              vat: "7.00",
              unspsc: "55101500",
              info: "Fachbuch für Ausbildung und Praxis, gebunden.",
            }),
          },
        ],
      },
      {
        slug: "filing",
        name: "Filing",
        description: "Lever arch files, suspension files and sheet protectors.",
        unspsc: "44122000",
        brands: ["Ordnungswerk", "Blanco", "Markant"],
        templates: [
          {
            lang: "de",
            dims: [["Ordner A4 50 mm", "Ordner A4 80 mm", "Hängemappe A4", "Schnellhefter A4"], ["blau", "schwarz", "rot", "grau", "grün"]],
            make: ([t = "", c = ""], [ti = 0]) => ({
              name: `${t} ${c}`,
              unit: "PCE",
              price: [2.49, 2.79, 0.89, 0.39][ti]!,
              min: ti >= 2 ? 10 : 1,
              pack: ti >= 2 ? 10 : 1,
              info: "Robustes Ablagesystem für Lieferscheine, Zeichnungen und Prüfprotokolle.",
            }),
          },
          {
            lang: "de",
            dims: [["Prospekthülle A4 PP 0,06 mm", "Prospekthülle A4 PP 0,12 mm", "Sichthülle A4 PVC"]],
            make: ([t = ""], [ti = 0]) => ({
              name: `${t} Box 100 Stück`,
              unit: "BX",
              price: [4.9, 7.9, 9.5][ti]!,
              info: "Dokumentenhüllen im Karton zu 100 Stück.",
            }),
          },
        ],
      },
    ],
  },
  {
    slug: "cleaning-hygiene",
    name: "Cleaning & Hygiene",
    description: "Industrial cleaners, hand care, wipes and absorbents.",
    prefix: "CLE",
    skuBase: 50001,
    leaves: [
      {
        slug: "industrial-cleaners",
        name: "Industrial Cleaners",
        description: "Brake cleaners, degreasers and all-purpose cleaners.",
        unspsc: "47131800",
        brands: ["Reinol Chemie", "Cleanwerk", "Schoonmaak Partners"],
        templates: [
          {
            lang: "de",
            dims: [["Bremsenreiniger", "Kaltreiniger", "Industriereiniger Konzentrat", "Allzweckreiniger", "Glasreiniger"], ["1 l", "5 l Kanister", "10 l Kanister"]],
            make: ([t = "", s = ""], [ti = 0, si = 0]) => {
              const litres = [1, 5, 10][si]!;
              return {
                name: `${t} ${s}`,
                unit: "LTR",
                price: [5.9, 6.4, 7.8, 3.9, 4.2][ti]! * [1, 0.8, 0.7][si]!,
                min: litres,
                pack: litres,
                info: "Reiniger für Werkstatt und Produktion, rückstandsfrei abtrocknend.",
              };
            },
          },
          {
            lang: "de",
            dims: [["Bremsenreiniger", "Schnellreiniger", "Etikettenlöser", "Schaumreiniger"], ["400 ml", "500 ml"]],
            make: ([t = "", s = ""], [ti = 0]) => ({
              name: `${t} ${s} Spraydose`,
              unit: "PCE",
              price: [4.95, 4.75, 7.9, 6.4][ti]!,
              min: ti === 0 ? 12 : 1,
              pack: ti === 0 ? 12 : 1,
              info: "Spraydose mit 360°-Ventil für die Anwendung über Kopf.",
            }),
          },
          {
            lang: "nl",
            dims: [["Remmenreiniger", "Ontvetter", "Allesreiniger"], ["500 ml spuitbus", "5 liter"]],
            make: ([t = "", s = ""], [ti = 0, si = 0]) => ({
              name: `${t} ${s}`,
              unit: si ? "LTR" : "PCE",
              price: si ? 5.2 + ti : 4.8 + ti * 0.5,
              min: si ? 5 : 1,
              pack: si ? 5 : 1,
              info: "Krachtige reiniger voor werkplaats en productie.",
            }),
          },
        ],
      },
      {
        slug: "hand-care",
        name: "Hand Care",
        description: "Hand cleaners, skin protection and dispensers.",
        unspsc: "53131600",
        brands: ["Hautwohl", "Cleanwerk", "Reinol Chemie"],
        templates: [
          {
            lang: "de",
            dims: [["Handreiniger mit Reibemittel", "Handwaschpaste", "Hautschutzcreme", "Hautpflegecreme"], ["250 ml Tube", "2 l Flasche", "10 l Eimer"]],
            make: ([t = "", s = ""], [ti = 0, si = 0]) => ({
              name: `${t} ${s}`,
              unit: "PCE",
              price: shelf([4.5, 3.9, 6.9, 6.5][ti]! * [1, 4.5, 18][si]!),
              info: "Hautverträglich, dermatologisch getestet und frei von Lösemitteln.",
            }),
          },
          {
            lang: "nl",
            dims: [["Handreiniger", "Huidbeschermingscrème"], ["2 liter", "250 ml"]],
            make: ([t = "", s = ""], [ti = 0, si = 0]) => ({
              name: `${t} ${s}`,
              unit: "PCE",
              price: shelf((ti ? 7 : 4.4) * (si ? 1 : 4.3)),
              info: "Huidvriendelijk en dermatologisch getest.",
            }),
          },
        ],
      },
      {
        slug: "wipes-and-paper-hygiene",
        name: "Wipes & Paper Hygiene",
        description: "Cleaning rolls, paper towels and toilet paper.",
        unspsc: "14111700",
        brands: ["Papyrus Nord", "Tissuwerk", "Cleanwerk"],
        templates: [
          {
            lang: "de",
            dims: [["Putztuchrolle 2-lagig 1000 Blatt", "Putztuchrolle 3-lagig 500 Blatt", "Papierhandtücher Z-Falz 2-lagig Karton 3200 Blatt", "Toilettenpapier 3-lagig 8x250 Blatt", "Reinigungstücher Vlies 50 Stück"], ["weiß", "blau"]],
            make: ([t = "", c = ""], [ti = 0]) => ({
              name: `${t} ${c}`,
              unit: ti === 2 ? "BX" : "PCE",
              price: [17.9, 15.9, 24.9, 5.9, 9.9][ti]!,
              info: "Saugstark und reißfest für Werkstatt, Küche und Sanitärbereich.",
            }),
          },
        ],
      },
      {
        slug: "absorbents",
        name: "Absorbents",
        description: "Oil binding granulate and absorbent mats.",
        unspsc: "47131900",
        brands: ["Absorbo", "Reinol Chemie"],
        templates: [
          {
            lang: "de",
            dims: [["Ölbindemittel Granulat Typ III R", "Ölbindemittel Typ I/II/III R", "Universal-Bindemittel mineralisch"], ["Sack 10 kg", "Sack 20 kg"]],
            make: ([t = "", s = ""], [ti = 0, si = 0]) => ({
              name: `${t} ${s}`,
              unit: "KGM",
              price: [0.89, 1.19, 0.69][ti]! * (si ? 0.92 : 1),
              min: si ? 20 : 10,
              pack: si ? 20 : 10,
              info: "Bindet Öl, Kraftstoffe und Kühlschmierstoffe schnell und rutschfest.",
            }),
          },
          {
            lang: "de",
            dims: [["Bindevlies Öl 40x50 cm", "Bindevlies Universal 40x50 cm", "Bindeschlauch Universal 3 m"]],
            make: ([t = ""], [ti = 0]) => ({
              name: t,
              unit: "PCE",
              price: [0.79, 0.69, 9.9][ti]!,
              min: ti < 2 ? 10 : 1,
              pack: ti < 2 ? 10 : 1,
              info: "Saugfähiges Vlies aus Polypropylen für Leckagen und Tropfstellen.",
            }),
          },
        ],
      },
    ],
  },
  {
    slug: "electrical-installation",
    name: "Electrical Installation",
    description: "Cables, installation material and lighting.",
    prefix: "ELE",
    skuBase: 30001,
    leaves: [
      {
        slug: "cables",
        name: "Cables",
        description: "Installation cables and flexible cables sold by the metre.",
        unspsc: "26121600",
        brands: ["Kabelwerk Rhein", "Leitwerk", "Kabelfabriek Delft"],
        templates: [
          {
            lang: "de",
            dims: [["NYM-J", "NYM-O", "H07RN-F", "H05VV-F", "NYY-J"], ["3x1,5", "3x2,5", "5x1,5", "5x2,5", "5x4", "5x6", "5x10", "7x1,5"]],
            make: ([t = "", c = ""], [ti = 0]) => {
              const [cores = 3, mm = 1.5] = c.split("x").map(n);
              const colour = ti < 2 ? "grau" : ti === 3 ? "weiß" : "schwarz";
              const name =
                ti === 0 ? `Installationskabel ${t} ${c} mm² ${colour}` : ti === 4 ? `Erdkabel ${t} ${c} mm² ${colour}` : ti === 1 ? `Mantelleitung ${t} ${c} mm² ${colour}` : `Gummischlauchleitung ${t} ${c} mm² ${colour}`;
              return {
                name: ti === 3 ? `PVC-Schlauchleitung ${t} ${c} mm² ${colour}` : name,
                unit: "MTR",
                price: 0.12 + cores * mm * 0.13 * [1, 1, 1.7, 1.1, 1.3][ti]!,
                info: "Kabel vom Ring, Abgabe meterweise ab 1 m.",
              };
            },
          },
          {
            lang: "nl",
            dims: [["YMvK", "XMvK", "VMvL"], ["3G1,5", "3G2,5", "5G2,5", "5G4"]],
            make: ([t = "", c = ""], [ti = 0, ci = 0]) => ({
              name: `Installatiekabel ${t} ${c} mm²`,
              unit: "MTR",
              price: (0.75 + ci * 0.6) * [1, 1.2, 0.9][ti]!,
              info: "Kabel per meter geleverd, geschikt voor vaste installatie.",
            }),
          },
          {
            lang: "en",
            dims: [["H05VV-F", "H07RN-F"], ["3G1.5", "3G2.5"], ["white", "black"]],
            make: ([t = "", c = "", col = ""], [ti = 0, ci = 0]) => ({
              name: `Flexible cable ${t} ${c} mm² ${col}`,
              unit: "MTR",
              price: (0.85 + ci * 0.5) * (ti ? 1.6 : 1),
              info: "Flexible cable cut to length from the drum.",
            }),
          },
        ],
      },
      {
        slug: "installation-material",
        name: "Installation Material",
        description: "Junction boxes, terminals, ferrules and cable ties.",
        unspsc: "39121300",
        brands: ["Elektrofix", "Leitwerk", "Installa"],
        templates: [
          {
            lang: "de",
            dims: [["Abzweigdose Aufputz IP65 85x85 mm", "Abzweigdose Aufputz IP65 100x100 mm", "Geräteverbindungsdose 68 mm", "Verbindungsklemme 3-Leiter", "Verbindungsklemme 5-Leiter", "Schutzkontakt-Steckdose Aufputz IP44"], ["grau", "weiß"]],
            make: ([t = "", c = ""], [ti = 0]) => ({
              name: `${t} ${c}`,
              unit: "PCE",
              price: [2.9, 3.6, 0.59, 0.32, 0.44, 7.9][ti]!,
              min: ti >= 2 && ti <= 4 ? 10 : 1,
              pack: ti >= 2 && ti <= 4 ? 10 : 1,
              unspsc: "39121300",
              info: "Installationsmaterial nach VDE für Feucht- und Trockenräume.",
            }),
          },
          {
            lang: "de",
            dims: [["0,5", "0,75", "1,0", "1,5", "2,5", "4", "6", "10"], ["isoliert", "unisoliert"]],
            make: ([s = "", i = ""], [si = 0, ii = 0]) => ({
              name: `Aderendhülsen ${s} mm² ${i}`,
              unit: "C62",
              price: (1.4 + si * 0.5) * (ii ? 0.6 : 1),
              priceUnit: 100,
              min: 100,
              pack: 100,
              unspsc: "39121400",
              info: "Aderendhülsen nach DIN 46228 für feindrähtige Leiter.",
            }),
          },
          {
            lang: "de",
            dims: [["2,5x100", "3,6x140", "4,8x200", "7,6x300", "9,0x450"], ["schwarz UV-beständig", "natur"]],
            make: ([s = "", c = ""], [si = 0]) => ({
              name: `Kabelbinder ${s} mm ${c} Beutel 100 Stück`,
              unit: "BX",
              price: 1.4 + si * 1.9,
              unspsc: "39121700",
              info: "Kabelbinder aus Polyamid 6.6, halogenfrei.",
            }),
          },
        ],
      },
      {
        slug: "lighting",
        name: "Lighting",
        description: "LED high bays, batten luminaires and tubes.",
        unspsc: "39111500",
        brands: ["Lumatec", "Lichtwerk", "Helder Verlichting"],
        templates: [
          {
            lang: "de",
            dims: [["LED-Hallenstrahler 100 W", "LED-Hallenstrahler 150 W", "LED-Feuchtraumleuchte 1200 mm 36 W", "LED-Feuchtraumleuchte 1500 mm 50 W", "LED-Strahler 50 W IP65"], ["3000 K", "4000 K", "5000 K"]],
            make: ([t = "", k = ""], [ti = 0]) => ({
              name: `${t} ${k}`,
              unit: "PCE",
              price: shelf([89, 119, 39, 49, 29][ti]!),
              info: "Energieeffiziente LED-Leuchte mit langer Lebensdauer.",
            }),
          },
          {
            lang: "de",
            dims: [["600 mm 9 W", "1200 mm 18 W", "1500 mm 24 W"], ["830", "840", "865"]],
            make: ([t = "", c = ""], [ti = 0]) => ({
              name: `LED-Röhre T8 ${t} ${c}`,
              unit: "PCE",
              price: 4.9 + ti * 1.5,
              min: 10,
              pack: 10,
              info: "LED-Röhre als Ersatz für Leuchtstofflampen, im Zehnerkarton.",
            }),
          },
        ],
      },
    ],
  },
  {
    slug: "adhesives-sealants",
    name: "Adhesives & Sealants",
    description: "Industrial adhesives, sealants, foams and tapes.",
    prefix: "ADH",
    skuBase: 90001,
    leaves: [
      {
        slug: "adhesives",
        name: "Adhesives",
        description: "Instant adhesives, epoxies, construction adhesives and threadlockers.",
        unspsc: "31201600",
        brands: ["Klebtec", "Haftwerk", "Lijmfabriek Twente"],
        templates: [
          {
            lang: "de",
            dims: [["Sekundenkleber 20 g", "Sekundenkleber Gel 20 g", "2K-Epoxidkleber 24 ml Doppelspritze", "Montagekleber 290 ml Kartusche", "Konstruktionsklebstoff MS-Polymer 290 ml", "Schraubensicherung mittelfest 50 ml", "Schraubensicherung hochfest 50 ml"]],
            make: ([t = ""], [ti = 0]) => ({
              name: t,
              unit: "PCE",
              price: [6.9, 7.4, 9.9, 6.5, 11.9, 19.9, 21.9][ti]!,
              info: "Industrieklebstoff für Metall, Kunststoff und Holz.",
            }),
          },
          {
            lang: "nl",
            dims: [["Secondelijm 20 gram", "Montagelijm 290 ml koker", "Tweecomponentenlijm 24 ml"]],
            make: ([t = ""], [ti = 0]) => ({
              name: t,
              unit: "PCE",
              price: [6.7, 6.2, 9.5][ti]!,
              info: "Sterke lijm voor metaal, kunststof en hout.",
            }),
          },
        ],
      },
      {
        slug: "sealants-and-foams",
        name: "Sealants & Foams",
        description: "Silicones, acrylic sealants and polyurethane foam.",
        unspsc: "31201600",
        brands: ["Klebtec", "Dichtfix", "Haftwerk"],
        templates: [
          {
            lang: "de",
            dims: [["Sanitär-Silikon", "Neutral-Silikon", "Acryl-Dichtstoff", "Hybrid-Dichtstoff"], ["weiß", "transparent", "grau", "schwarz", "jasmin"], ["310 ml"]],
            make: ([t = "", c = "", s = ""], [ti = 0]) => ({
              name: `${t} ${c} ${s} Kartusche`,
              unit: "PCE",
              price: [5.9, 6.9, 3.4, 9.9][ti]!,
              info: "Dauerelastischer Dichtstoff für Fugen im Innen- und Außenbereich.",
            }),
          },
          {
            lang: "de",
            dims: [["PU-Montageschaum", "PU-Pistolenschaum", "Brandschutzschaum B1"], ["500 ml", "750 ml"]],
            make: ([t = "", s = ""], [ti = 0, si = 0]) => ({
              name: `${t} ${s}`,
              unit: "PCE",
              price: [6.9, 8.9, 19.9][ti]! * (si ? 1.3 : 1),
              info: "Einkomponentiger Polyurethanschaum zum Montieren, Dämmen und Füllen.",
            }),
          },
        ],
      },
      {
        slug: "tapes",
        name: "Tapes",
        description: "Duct tape, insulating tape, masking and double-sided tape.",
        unspsc: "31201500",
        brands: ["Tapewerk", "Klebtec"],
        templates: [
          {
            lang: "de",
            dims: [["Gewebeband 50 mm x 50 m", "Isolierband 19 mm x 20 m", "Kreppband 30 mm x 50 m", "Doppelseitiges Klebeband 19 mm x 25 m", "Aluminium-Klebeband 50 mm x 50 m"], ["silber", "schwarz", "gelb", "blau", "rot"]],
            make: ([t = "", c = ""], [ti = 0]) => ({
              name: `${t} ${c}`,
              unit: "PCE",
              price: [6.9, 0.99, 2.4, 5.9, 8.9][ti]!,
              min: ti === 1 ? 10 : 1,
              pack: ti === 1 ? 10 : 1,
              info: "Klebeband für Montage, Reparatur und Kennzeichnung.",
            }),
          },
          {
            lang: "en",
            dims: [["Duct tape 48 mm x 50 m", "Masking tape 38 mm x 50 m", "Floor marking tape 50 mm x 33 m"], ["silver", "yellow/black", "white"]],
            make: ([t = "", c = ""], [ti = 0]) => ({
              name: `${t} ${c}`,
              unit: "PCE",
              price: [7.2, 2.6, 14.9][ti]!,
              info: "Professional tape for maintenance and warehouse marking.",
            }),
          },
        ],
      },
    ],
  },
  {
    slug: "workshop-chemicals",
    name: "Workshop Chemicals & Lubricants",
    description: "Oils, greases, technical sprays and metalworking fluids.",
    prefix: "CHE",
    skuBase: 11001,
    leaves: [
      {
        slug: "lubricants",
        name: "Oils & Greases",
        description: "Hydraulic, gear and compressor oils and greases.",
        unspsc: "15121500",
        brands: ["Schmierwerk", "Lubrix", "Oliehandel Rotterdam"],
        templates: [
          {
            lang: "de",
            dims: [["Hydrauliköl HLP 32", "Hydrauliköl HLP 46", "Hydrauliköl HLP 68", "Getriebeöl CLP 220", "Kompressorenöl VDL 100", "Motoröl 10W-40", "Sägekettenöl"], ["Kanister 5 l", "Kanister 10 l", "Kanister 20 l"]],
            make: ([t = "", s = ""], [ti = 0, si = 0]) => {
              const litres = [5, 10, 20][si]!;
              return {
                name: `${t} ${s}`,
                unit: "LTR",
                price: [3.4, 3.4, 3.6, 5.9, 6.4, 6.9, 3.1][ti]! * [1, 0.92, 0.85][si]!,
                min: litres,
                pack: litres,
                info: "Mineralölbasiertes Schmiermittel, Preis pro Liter.",
              };
            },
          },
          {
            lang: "de",
            dims: [["Mehrzweckfett NLGI 2", "Hochtemperaturfett NLGI 2", "Langzeitfett Lithium-Komplex"], ["Kartusche 400 g", "Dose 1 kg"]],
            make: ([t = "", s = ""], [ti = 0, si = 0]) => ({
              name: `${t} ${s}`,
              unit: "PCE",
              price: [4.9, 8.9, 7.4][ti]! * (si ? 2.2 : 1),
              info: "Schmierfett für Wälz- und Gleitlager.",
            }),
          },
          {
            lang: "de",
            dims: [["Mehrzweckfett NLGI 2", "Wälzlagerfett NLGI 3"], ["Eimer 5 kg", "Eimer 10 kg"]],
            make: ([t = "", s = ""], [ti = 0, si = 0]) => ({
              name: `${t} ${s}`,
              unit: "KGM",
              price: (ti ? 8.9 : 7.5) * (si ? 0.9 : 1),
              min: si ? 10 : 5,
              pack: si ? 10 : 5,
              info: "Lose Ware im Eimer, Preis pro Kilogramm.",
            }),
          },
        ],
      },
      {
        slug: "technical-sprays",
        name: "Technical Sprays",
        description: "Multi-purpose oil, penetrating oil, chain and contact sprays.",
        unspsc: "15121500",
        brands: ["Schmierwerk", "Lubrix", "Sprühtec"],
        templates: [
          {
            lang: "de",
            dims: [["Multifunktionsöl", "Rostlöser mit MoS2", "Kettenspray", "Silikonspray", "Kontaktspray", "Zinkspray hell", "Schneidöl-Spray", "Kältespray"], ["300 ml", "400 ml", "500 ml"]],
            make: ([t = "", s = ""], [ti = 0, si = 0]) => ({
              name: `${t} ${s} Spraydose`,
              unit: "PCE",
              price: [5.9, 6.9, 8.9, 7.4, 9.9, 11.9, 8.4, 9.4][ti]! * [0.85, 1, 1.15][si]!,
              unspsc: ti === 1 || ti === 5 ? "15121800" : "15121500",
              info: "Technisches Spray mit Sprührohr für präzise Anwendung.",
            }),
          },
          {
            lang: "nl",
            dims: [["Kruipolie", "Kettingspray", "Siliconenspray", "Contactspray"], ["400 ml spuitbus"]],
            make: ([t = "", s = ""], [ti = 0]) => ({
              name: `${t} ${s}`,
              unit: "PCE",
              price: [6.5, 8.7, 7.2, 9.6][ti]!,
              info: "Technische spray voor onderhoud en reparatie.",
            }),
          },
          {
            lang: "en",
            dims: [["Penetrating oil", "PTFE dry lubricant", "White lithium grease spray"], ["400 ml aerosol"]],
            make: ([t = "", s = ""], [ti = 0]) => ({
              name: `${t} ${s}`,
              unit: "PCE",
              price: [6.8, 10.9, 8.5][ti]!,
              info: "Maintenance spray for workshop and production.",
            }),
          },
        ],
      },
      {
        slug: "metalworking-fluids",
        name: "Metalworking Fluids",
        description: "Coolants, cutting oils and cutting pastes.",
        unspsc: "15121500",
        brands: ["Schmierwerk", "Kühltec"],
        templates: [
          {
            lang: "de",
            dims: [["Kühlschmierstoff-Konzentrat wassermischbar", "Schneidöl nichtwassermischbar", "Bohr- und Schneidöl"], ["Kanister 5 l", "Kanister 20 l"]],
            make: ([t = "", s = ""], [ti = 0, si = 0]) => ({
              name: `${t} ${s}`,
              unit: "LTR",
              price: [7.9, 6.4, 8.9][ti]! * (si ? 0.85 : 1),
              min: si ? 20 : 5,
              pack: si ? 20 : 5,
              info: "Für Drehen, Fräsen, Bohren und Gewindeschneiden.",
            }),
          },
          {
            lang: "de",
            dims: [["Gewindeschneidpaste 500 g", "Bohrpaste 250 g", "Trennmittel 1 l"]],
            make: ([t = ""], [ti = 0]) => ({
              name: t,
              unit: "PCE",
              price: [14.9, 9.9, 8.5][ti]!,
              info: "Verbessert Standzeit und Oberflächengüte.",
            }),
          },
        ],
      },
    ],
  },
  {
    slug: "plumbing",
    name: "Plumbing",
    description: "Valves, fittings and pipes for water and heating installations.",
    prefix: "PLU",
    skuBase: 60001,
    leaves: [
      {
        slug: "valves",
        name: "Valves",
        description: "Ball valves, check valves and stop valves.",
        unspsc: "40141600",
        brands: ["Armaturenwerk Sauerland", "Kranenfabriek Zwolle", "Aquafix"],
        templates: [
          {
            lang: "de",
            dims: [PIPE, ["IG/IG", "IG/AG"], ["Hebelgriff", "Flügelgriff"]],
            make: ([s = "", c = "", h = ""], [si = 0, , hi = 0]) => ({
              name: `Kugelhahn Messing ${s} Zoll ${c} mit ${h}`,
              unit: "PCE",
              price: shelf((7.9 + si * si * 3.4) * (hi ? 0.95 : 1)),
              info: "Kugelhahn aus vernickeltem Messing, PN 25, für Trinkwasser und Heizung.",
            }),
          },
          {
            lang: "nl",
            dims: [PIPE, ["hendel", "vlinderhendel"], ["", "en aftap"]],
            make: ([s = "", h = "", a = ""], [si = 0, , ai = 0]) => ({
              name: `Kogelkraan messing ${s} inch met ${h}${a ? ` ${a}` : ""}`,
              unit: "PCE",
              price: shelf((8.4 + si * si * 3.6) * (ai ? 1.25 : 1)),
              info: "Kogelkraan van vernikkeld messing, geschikt voor drinkwater en verwarming.",
            }),
          },
          {
            lang: "de",
            dims: [PIPE, ["Rückschlagventil", "Schrägsitzventil", "Absperrventil"]],
            make: ([s = "", t = ""], [si = 0, ti = 0]) => ({
              name: `${t} Messing ${s} Zoll`,
              unit: "PCE",
              price: shelf((6.5 + si * si * 3) * [1, 1.8, 1.4][ti]!),
              info: "Armatur aus Messing mit Innengewinde nach EN 10226.",
            }),
          },
        ],
      },
      {
        slug: "fittings",
        name: "Fittings",
        description: "Press fittings, threaded fittings and compression fittings.",
        unspsc: "40183100",
        brands: ["Armaturenwerk Sauerland", "Pressfix", "Kranenfabriek Zwolle"],
        templates: [
          {
            lang: "de",
            dims: [["Bogen 90°", "Bogen 45°", "T-Stück", "Muffe", "Übergangsmuffe IG"], ["12 mm", "15 mm", "18 mm", "22 mm", "28 mm", "35 mm"]],
            make: ([t = "", d = ""], [ti = 0, di = 0]) => ({
              name: `Pressfitting Kupfer ${t} ${d}`,
              unit: "PCE",
              price: (1.6 + di * 1.3) * [1, 1, 1.5, 0.8, 1.7][ti]!,
              min: 10,
              pack: 10,
              info: "Pressfitting mit SC-Contur für Trinkwasser- und Heizungsinstallation.",
            }),
          },
          {
            lang: "de",
            dims: [["Doppelnippel", "Reduziernippel", "Winkel IG/AG", "Verschlusskappe", "Reduziermuffe"], PIPE],
            make: ([t = "", s = ""], [ti = 0, si = 0]) => ({
              name: `${t} Messing ${s} Zoll`,
              unit: "PCE",
              price: (0.9 + si * si * 0.8) * [1, 1.2, 1.6, 0.8, 1.3][ti]!,
              info: "Gewindefitting aus Messing, blank.",
            }),
          },
          {
            lang: "nl",
            dims: [["Knelkoppeling recht", "Knelkoppeling knie", "Knelkoppeling T-stuk"], ["12 mm", "15 mm", "22 mm", "28 mm"]],
            make: ([t = "", d = ""], [ti = 0, di = 0]) => ({
              name: `${t} ${d}`,
              unit: "PCE",
              price: (2.4 + di * 1.5) * [1, 1.2, 1.5][ti]!,
              info: "Knelkoppeling van messing voor koperen buis.",
            }),
          },
        ],
      },
      {
        slug: "pipes",
        name: "Pipes",
        description: "Copper, composite and drainage pipes.",
        unspsc: "40171500",
        brands: ["Rohrwerk Ost", "Aquafix", "Pressfix"],
        templates: [
          {
            lang: "de",
            dims: [["Kupferrohr halbhart", "Mehrschichtverbundrohr", "PE-X-Rohr mit Sauerstoffsperre"], ["12x1", "15x1", "16x2", "18x1", "20x2", "22x1", "26x3", "28x1,5"]],
            make: ([t = "", d = ""], [ti = 0, di = 0]) => ({
              name: `${t} ${d} mm`,
              unit: "MTR",
              price: (1.2 + di * 0.9) * [3.2, 1.6, 1][ti]!,
              info: "Rohr für Trinkwasser- und Heizungsinstallation, Abgabe pro Meter.",
            }),
          },
          {
            lang: "de",
            dims: [["DN 40", "DN 50", "DN 75", "DN 110"], ["250 mm", "500 mm", "1000 mm", "2000 mm"]],
            make: ([d = "", l = ""], [di = 0, li = 0]) => ({
              name: `HT-Rohr ${d} ${l}`,
              unit: "PCE",
              price: (1.4 + di * 1.1) * (1 + li * 0.8),
              info: "Abflussrohr aus Polypropylen mit Steckmuffe.",
            }),
          },
        ],
      },
    ],
  },
  {
    slug: "storage-transport",
    name: "Storage & Transport",
    description: "Storage bins, shelving and transport equipment.",
    prefix: "STO",
    skuBase: 12001,
    leaves: [
      {
        slug: "bins-and-containers",
        name: "Bins & Containers",
        description: "Open-fronted storage bins and Euro containers.",
        unspsc: "24112400",
        brands: ["Lagerfix", "Opbergwerk", "Boxline"],
        templates: [
          {
            lang: "de",
            dims: [["Größe 1", "Größe 2", "Größe 3", "Größe 4", "Größe 5"], ["blau", "rot", "gelb", "grün", "grau"]],
            make: ([s = "", c = ""], [si = 0]) => ({
              name: `Sichtlagerkasten ${s} ${c}`,
              unit: "PCE",
              price: 1.9 + si * si * 1.4,
              min: si < 3 ? 10 : 1,
              pack: si < 3 ? 10 : 1,
              info: "Stapelbarer Sichtlagerkasten aus Polypropylen mit Etikettenfeld.",
            }),
          },
          {
            lang: "de",
            dims: [["300x200x120", "400x300x220", "600x400x120", "600x400x220", "600x400x320", "600x400x420"], ["grau", "blau"], ["", "mit Scharnierdeckel"]],
            make: ([s = "", c = "", d = ""], [si = 0, , di = 0]) => ({
              name: `Eurobehälter ${s} mm ${c}${d ? ` ${d}` : ""}`,
              unit: "PCE",
              price: shelf((4.9 + si * 3.2) * (di ? 1.8 : 1)),
              info: "Eurobehälter aus Polypropylen, stapelbar, lebensmittelecht.",
            }),
          },
          {
            lang: "nl",
            dims: [["maat 2", "maat 3", "maat 4"], ["blauw", "rood", "geel"]],
            make: ([s = "", c = ""], [si = 0]) => ({
              name: `Magazijnbak ${s} ${c}`,
              unit: "PCE",
              price: 2.5 + si * 2.2,
              info: "Stapelbare magazijnbak van polypropyleen.",
            }),
          },
        ],
      },
      {
        slug: "shelving",
        name: "Shelving",
        description: "Boltless shelving and heavy-duty racks.",
        unspsc: "24102000",
        brands: ["Lagerfix", "Regalbau Nord", "Opbergwerk"],
        templates: [
          {
            lang: "de",
            dims: [["Steckregal verzinkt", "Schwerlastregal", "Fachbodenregal Grundregal", "Fachbodenregal Anbauregal"], ["1800x900x400 mm", "2000x1000x500 mm", "2000x1200x600 mm"], ["4 Böden", "5 Böden"]],
            make: ([t = "", s = "", b = ""], [ti = 0, si = 0, bi = 0]) => ({
              name: `${t} ${s} ${b}`,
              unit: "PCE",
              price: shelf((69 + ti * 45 + si * 25) * (bi ? 1.15 : 1)),
              info: "Regal für Lager und Werkstatt, Fachlast je nach Ausführung bis 350 kg.",
            }),
          },
        ],
      },
      {
        slug: "transport-equipment",
        name: "Transport Equipment",
        description: "Sack trucks, platform trolleys and dollies.",
        unspsc: "24101500",
        brands: ["Rollwerk", "Transportec", "Lagerfix"],
        templates: [
          {
            lang: "de",
            dims: [["Sackkarre Luftbereifung 200 kg", "Sackkarre Vollgummi 250 kg", "Plattformwagen 900x600 mm 300 kg", "Plattformwagen 1200x800 mm 500 kg", "Transportroller 600x400 mm 250 kg", "Treppensackkarre 170 kg"]],
            make: ([t = ""], [ti = 0]) => ({
              name: t,
              unit: "PCE",
              price: [69, 79, 119, 189, 24.9, 249][ti]!,
              info: "Robustes Transportgerät für Lager, Werkstatt und Warenannahme.",
            }),
          },
          {
            lang: "en",
            dims: [["Platform trolley 900 x 600 mm 300 kg", "Folding sack truck 150 kg", "Shelf trolley 3 shelves 250 kg"]],
            make: ([t = ""], [ti = 0]) => ({
              name: t,
              unit: "PCE",
              price: [115, 59, 169][ti]!,
              info: "Sturdy trolley for warehouse and workshop.",
            }),
          },
        ],
      },
    ],
  },
];
