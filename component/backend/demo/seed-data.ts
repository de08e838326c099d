// The demo customers: the spec's FRANCESCO ROMANO and a second customer, to
// show that one account cannot reach another's data. Invented data only.
import type {
  ContractSummary,
  CustomerProfile,
  RechargeRecord,
  StoredCard,
} from "../telco-backend";

export interface SeedCustomer {
  username: string;
  /** In clear only here, so the demo can be tried: the database keeps a scrypt hash. */
  password: string;
  profile: Omit<CustomerProfile, "contracts">;
  /** Each line is described in DEMO_LINES. */
  contracts: ContractSummary[];
  cards: StoredCard[];
  recharges: RechargeRecord[];
}

export const DEMO_CUSTOMERS: readonly SeedCustomer[] = [
  {
    username: "3304578577",
    password: "mycoolpassword",
    profile: {
      customerCode: "1294941",
      name: "FRANCESCO",
      surname: "ROMANO",
      sex: "M",
      fiscalCode: "RMNFNC78P02F839S",
      birth: {
        city: "NAPOLI",
        country: "ITALIA",
        cityCode: "NA",
        faxNumber: "",
        phoneNumber: "0815550123",
        date: "02/09/1978",
      },
      title: "Sig.",
      email: "francesco.romano@example.it",
      vatCode: "",
      consentLaw19603: "Y",
      segment: "Consumer",
      sites: [
        {
          type: "Sede Legale",
          particleSTICA: "VIA",
          address: "TOLEDO",
          houseNumber: "25",
          postalCode: "80134",
          place: "",
          city: "NAPOLI",
          province: "NA",
          country: "ITALIA",
        },
      ],
      profile: "Consumer",
    },
    contracts: [
      {
        id: "BX19HY",
        expiryDate: "31/12/2027",
        lines: ["3404589485", "3407834889", "3304578577"],
      },
    ],
    cards: [
      {
        code: "4234829343294392",
        cardNumber: "4958 3483 3248 4239",
        owner: "Mario Rossi",
        expiryDate: "23/12/2028",
      },
      {
        code: "5595348332484239",
        cardNumber: "4595 3483 3248 4239",
        owner: "Federico Rossi",
        expiryDate: "23/12/2028",
      },
    ],
    recharges: [
      {
        type: "ok",
        msisdn: "3404589485",
        amount: "10",
        amountBonus: "",
        rechargingDate: "2026-01-15T09:30:00.000Z",
      },
      {
        type: "ok",
        msisdn: "3407834889",
        amount: "5",
        amountBonus: "",
        rechargingDate: "2026-02-03T18:05:00.000Z",
      },
      {
        type: "ok",
        msisdn: "3404589485",
        amount: "20",
        amountBonus: "5",
        rechargingDate: "2026-03-20T11:42:00.000Z",
      },
    ],
  },
  {
    username: "3209876543",
    password: "secondpassword",
    profile: {
      customerCode: "2207731",
      name: "GIULIA",
      surname: "ESPOSITO",
      sex: "F",
      fiscalCode: "SPSGLI85E52H501Q",
      birth: {
        city: "ROMA",
        country: "ITALIA",
        cityCode: "RM",
        faxNumber: "",
        phoneNumber: "0655501234",
        date: "12/05/1985",
      },
      title: "Sig.ra",
      email: "giulia.esposito@example.it",
      vatCode: "",
      consentLaw19603: "N",
      segment: "Consumer",
      sites: [
        {
          type: "Sede Legale",
          particleSTICA: "VIA",
          address: "APPIA NUOVA",
          houseNumber: "112",
          postalCode: "00183",
          place: "",
          city: "ROMA",
          province: "RM",
          country: "ITALIA",
        },
      ],
      profile: "Consumer",
    },
    contracts: [
      { id: "CQ44RT", expiryDate: "30/06/2028", lines: ["3209876543"] },
    ],
    cards: [
      {
        code: "6312774590123381",
        cardNumber: "5312 7745 9012 3381",
        owner: "Giulia Esposito",
        expiryDate: "31/08/2029",
      },
    ],
    recharges: [
      {
        type: "ok",
        msisdn: "3209876543",
        amount: "15",
        amountBonus: "",
        rechargingDate: "2026-02-28T08:15:00.000Z",
      },
    ],
  },
];
