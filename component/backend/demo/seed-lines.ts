// The demo lines: line info, credit and the offers active on each. Customers
// own them through the contracts of seed-data.ts.
import type { Bundle, LineInfo, Offer } from "../telco-backend";

export interface SeedLine {
  info: LineInfo;
  /** Euros with two decimals, as cmd_credit answers it. */
  credit: string;
  options: Offer[];
  promotions: Offer[];
  services: Offer[];
}

/** 1 GB in the "mega" unit of the spec's bundles. */
const GB = 1024;

function bundle(type: string, consumed: number, total: number): Bundle {
  return { type, consumed, total };
}

function active(
  title: string,
  description: string,
  activationDate: string,
  bundles: Bundle[] = [],
): Offer {
  return {
    title,
    description,
    state: "attivo",
    activationDate,
    bundle: bundles,
  };
}

export const DEMO_LINES: readonly SeedLine[] = [
  {
    info: {
      description: "Linea principale",
      msisdn: "3404589485",
      paymentType: "prepaid",
      activationDate: "14/03/2019",
      expirationSimDate: "14/03/2029",
      productId: "ONE-SMART-100-5G",
      simType: "5G",
      PUK: "48213967",
    },
    credit: "10.00",
    options: [
      active(
        "Smart 100 5G",
        "1000 minuti, 200 SMS e 100 Giga in 5G",
        "01/11/2026",
        [
          bundle("minutes", 312, 1000),
          bundle("sms", 45, 200),
          bundle("mega", 38 * GB, 100 * GB),
        ],
      ),
    ],
    promotions: [
      active(
        "Giga Extra",
        "10 Giga in più ogni mese per 12 mesi",
        "01/06/2026",
        [bundle("mega", 2 * GB, 10 * GB)],
      ),
    ],
    services: [
      active(
        "Ti ho cercato",
        "SMS con le chiamate perse a telefono spento",
        "14/03/2019",
      ),
      active(
        "Segreteria telefonica",
        "Messaggi vocali quando non puoi rispondere",
        "14/03/2019",
      ),
    ],
  },
  {
    info: {
      description: "Linea Giulio",
      msisdn: "3407834889",
      paymentType: "prepaid",
      activationDate: "02/09/2021",
      expirationSimDate: "02/09/2031",
      productId: "ONE-YOUNG-50",
      simType: "4G",
      PUK: "73920158",
    },
    credit: "4.50",
    options: [
      active(
        "Young 50",
        "500 minuti, 100 SMS e 50 Giga per gli under 30",
        "02/11/2026",
        [
          bundle("minutes", 120, 500),
          bundle("sms", 10, 100),
          bundle("mega", 20 * GB, 50 * GB),
        ],
      ),
    ],
    promotions: [],
    services: [
      active(
        "Roaming UE",
        "Minuti, SMS e Giga dell'offerta anche in Europa",
        "02/09/2021",
      ),
    ],
  },
  {
    info: {
      description: "Linea ufficio",
      msisdn: "3304578577",
      paymentType: "postpaid",
      activationDate: "10/01/2017",
      expirationSimDate: "10/01/2027",
      productId: "ONE-BUSINESS-CALL",
      simType: "4G",
      PUK: "20586431",
    },
    credit: "25.30",
    options: [
      active(
        "Business Call",
        "2000 minuti e 30 Giga per i professionisti",
        "01/11/2026",
        [bundle("minutes", 845, 2000), bundle("mega", 9800, 30 * GB)],
      ),
      active(
        "Estero 500",
        "500 minuti verso fissi e mobili esteri",
        "15/11/2026",
        [bundle("minutes", 35, 500)],
      ),
    ],
    promotions: [],
    services: [],
  },
  {
    info: {
      description: "Linea personale",
      msisdn: "3209876543",
      paymentType: "prepaid",
      activationDate: "23/05/2022",
      expirationSimDate: "23/05/2032",
      productId: "ONE-SMART-70",
      simType: "4G",
      PUK: "61047285",
    },
    credit: "7.20",
    options: [
      active("Smart 70", "1000 minuti, 100 SMS e 70 Giga", "23/11/2026", [
        bundle("minutes", 640, 1000),
        bundle("sms", 3, 100),
        bundle("mega", 51 * GB, 70 * GB),
      ]),
    ],
    promotions: [
      active(
        "Raddoppio Giga",
        "Giga raddoppiati fino al 31/12/2026",
        "23/11/2026",
        [bundle("mega", 0, 10 * GB)],
      ),
    ],
    services: [],
  },
];
