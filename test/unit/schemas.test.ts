// The JSON Schemas of schemas/ against the spec's examples (telco-messages,
// every request and response section) and against the inputs they must refuse.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

import Ajv, { type ValidateFunction } from "ajv";
import addFormats from "ajv-formats";

const SCHEMA_DIR = join(__dirname, "..", "..", "schemas");
const BASE_ID = "https://xmpp-telco-component/schemas/";
const ACTIONS = [
  "cmd_login",
  "cmd_customer",
  "cmd_line_info",
  "cmd_active_options",
  "cmd_active_promotions",
  "cmd_active_services",
  "cmd_credit",
  "cmd_payment_methods",
  "cmd_recharge",
  "cmd_auto_recharge",
  "cmd_last_recharges",
  "cmd_dashboard",
  "chat_text",
];
const KINDS = ["request", "response"];

type Payload = Record<string, unknown>;

function readSchemas(): Payload[] {
  return readdirSync(SCHEMA_DIR)
    .filter((file) => file.endsWith(".json"))
    .map((file) => JSON.parse(readFileSync(join(SCHEMA_DIR, file), "utf8")));
}

// Compiled once, as the component does at start-up; strict mode throws on
// any schema it finds ambiguous.
const ajv = new Ajv({ strict: true });
addFormats(ajv);
for (const schema of readSchemas()) ajv.addSchema(schema);

function validator(name: string): ValidateFunction {
  const validate = ajv.getSchema(`${BASE_ID}${name}.json`);
  if (!validate) throw new Error(`no schema ${name}`);
  return validate;
}

/** The first failure, as the component reports it (allErrors stays off). */
function firstFailure(name: string, payload: unknown) {
  const validate = validator(name);
  expect(validate(payload)).toBe(false);
  const [error] = validate.errors ?? [];
  return { instancePath: error?.instancePath, keyword: error?.keyword };
}

function expectValid(name: string, payload: unknown): void {
  const validate = validator(name);
  validate(payload);
  expect(validate.errors ?? []).toEqual([]);
}

/**
 * Every subschema that constrains data, so that size limits can be checked
 * everywhere; an `if` only tests a condition, so it is left out.
 */
function* subschemas(node: unknown): Generator<Payload> {
  if (node === null || typeof node !== "object") return;
  if (!Array.isArray(node)) yield node as Payload;
  for (const [key, child] of Object.entries(node)) {
    if (key !== "if") yield* subschemas(child);
  }
}

// Spec examples. Requests as the tolerant reader leaves them: keys trimmed,
// the bare 00030 turned into "00030", an empty <payload /> into {}.
const LINE = { msisdn: "3404589485" };
const CARD = {
  cardNumber: "4958 3483 3248 4239",
  owner: "Mario Rossi",
  expiryDate: "23/12/2024",
  securityCode: "484",
};
const PAYMENT_METHOD = {
  type: "card|paypal|account|code",
  code: "4234829343294392",
  cardInfo: CARD,
};
const CONTRACT = {
  customerCode: "1294941",
  contractCode: "BX19HY",
  msisdn: "3407834889",
};
const RECHARGE = {
  ...CONTRACT,
  msisdnToRecharge: "3407834889",
  amount: 30,
  label: "30 euro",
  value: "00030",
  paymentMethod: PAYMENT_METHOD,
};
const AUTO_RECHARGE = {
  ...CONTRACT,
  label: "al rinnovo dell’offerta",
  value: "00030",
  paymentMethod: PAYMENT_METHOD,
};
const RANGE = {
  startDate: "2018-04-26T12:00:00-07:30",
  endDate: "2018-04-26T12:00:00-07:30",
};

const CHAT_TEXT = {
  text: "Ciao Will",
  data: {
    paymentMethod: "Post",
    resetSession: false,
    token:
      "S4SH03dYinKTZKGkhh+qQ0EHP3zvBkG3KbrPbddfuDCLXlI3IEFg93klbjybj3OtCv8hbjDEsGKwcBcZK2/yyh+XarnYflC6zq0nujOCjYA=",
    useChatDynamic: true,
  },
};

const REQUESTS: Array<[string, Payload]> = [
  ["cmd_login", { username: "3304578577", password: "mycoolpassword" }],
  ["cmd_customer", {}],
  ["cmd_line_info", LINE],
  ["cmd_active_options", LINE],
  ["cmd_active_promotions", LINE],
  ["cmd_active_services", LINE],
  ["cmd_credit", LINE],
  ["cmd_payment_methods", CONTRACT],
  ["cmd_recharge", RECHARGE],
  ["cmd_auto_recharge", AUTO_RECHARGE],
  ["cmd_last_recharges", RANGE],
  ["cmd_dashboard", LINE],
  ["chat_text", CHAT_TEXT],
];

// Responses in canonical form: valid JSON, trimmed keys, value as a digit
// string, items added to the offer lists, the spec's placeholder lines
// ("329xxxxxxx") written as digits, card numbers masked.
const OK = { error: false, reason: "", status: 200 };
const LINES = ["3291111111", "3292222222", "3293333333"];
const LINE_INFO = {
  description: "line description",
  msisdn: "3495833484",
  paymentType: "payment type",
  activationDate: "date",
  expirationSimDate: "date",
  productId: "myidentifier",
  simType: "4G",
  PUK: "454458",
};
const OFFER = {
  title: "xxxxxxxxxxxxx",
  description: "yyyyyyyyyyyyy",
  state: "attivo",
  activationDate: "data",
  bundle: [
    { type: "minutes", consumed: 100, total: 200 },
    { type: "sms", consumed: 2, total: 2000 },
    { type: "mega", consumed: 5500, total: 10000 },
  ],
};
const CUSTOMER = {
  ...OK,
  customerCode: "xxxxxxxxxxxxx",
  name: "FRANCESCO",
  surname: "ROMANO",
  sex: "M",
  fiscalCode: "YYYYYYYYYYYYYYYYYY",
  birth: {
    city: "NAPOLI",
    country: "ITALIA",
    cityCode: "NA",
    faxNumber: "00000000000",
    phoneNumber: "00000000000",
    date: "02/09/1978",
  },
  title: "Sig.",
  email: "AAAAAAAAAAGMAIL.COM",
  vatCode: "",
  consentLaw19603: "Y",
  segment: "Consumer",
  sites: [
    {
      type: "Sede Legale",
      particleSTICA: "VIA",
      address: "XXXXXXXXXXXX",
      houseNumber: "25",
      postalCode: "80129",
      place: "",
      city: "NAPOLI",
      province: "NA",
      country: "ITALIA",
    },
  ],
  profile: "Consumer",
  contracts: [
    { id: "numero contratto", expiryDate: "data cessazione", lines: LINES },
  ],
};
const STORED_CARD = {
  code: "PM1",
  cardInfo: {
    cardNumber: "**** **** **** 4239",
    owner: "Mario Rossi",
    expiryDate: "23/12/2024",
  },
};
const RECHARGE_RECORD = {
  type: "ok",
  msisdn: "3341234567",
  amount: "10",
  amountBonus: "",
  rechargingDate: "",
};
const RECEIPT = {
  ...OK,
  transactionID: "k323ejd2nxo3ic3n",
  rechargedAmount: 30,
  value: "00010",
  label: "30 euro",
};
const DASHBOARD = {
  ...OK,
  lineInfo: LINE_INFO,
  activeOptions: [OFFER],
  activePromotions: [OFFER],
  activeServices: [OFFER],
  credit: { creditAmount: "10.00" },
};

const RESPONSES: Array<[string, Payload]> = [
  ["cmd_login", { ...OK, lines: LINES }],
  ["cmd_customer", CUSTOMER],
  ["cmd_line_info", { ...OK, ...LINE_INFO }],
  ["cmd_active_options", { ...OK, ...OFFER, items: [OFFER] }],
  ["cmd_active_promotions", { ...OK, ...OFFER, items: [OFFER] }],
  ["cmd_active_services", { ...OK, ...OFFER, items: [OFFER] }],
  ["cmd_credit", { ...OK, creditAmount: "10.00" }],
  [
    "cmd_payment_methods",
    {
      ...OK,
      paymentMethods: [
        STORED_CARD,
        {
          code: "PM2",
          cardInfo: {
            cardNumber: "**** **** **** 4239",
            owner: "Federico Rossi",
            expiryDate: "23/12/2022",
          },
        },
      ],
    },
  ],
  ["cmd_recharge", RECEIPT],
  ["cmd_auto_recharge", OK],
  ["cmd_last_recharges", { ...OK, data: [RECHARGE_RECORD, RECHARGE_RECORD] }],
  ["cmd_dashboard", DASHBOARD],
  ["chat_text", { ...OK, text: "Credito residuo: 10,00 EUR" }],
];

describe("the schema set", () => {
  it("has a request and a response schema for every action", () => {
    const files = readdirSync(SCHEMA_DIR).sort();
    const expected = ACTIONS.flatMap((action) =>
      KINDS.map((kind) => `${action}.${kind}.json`),
    );

    expect(files).toEqual([...expected, "common.json"].sort());
  });

  it("compiles every schema in Ajv strict mode", () => {
    for (const action of ACTIONS) {
      for (const kind of KINDS) {
        expect(validator(`${action}.${kind}`)).toBeInstanceOf(Function);
      }
    }
  });

  it("bounds every string and array, patterns and formats included", () => {
    for (const node of readSchemas().flatMap((schema) => [
      ...subschemas(schema),
    ])) {
      const bounded = node.type === "string" || "pattern" in node;
      if (bounded || "format" in node) expect(node).toHaveProperty("maxLength");
      if (node.type === "array") expect(node).toHaveProperty("maxItems");
    }
  });
});

describe("request schemas", () => {
  it.each(REQUESTS)("accept the spec's %s example", (action, payload) => {
    expectValid(`${action}.request`, payload);
  });

  it("accept a recharge value sent as a plain number", () => {
    expectValid("cmd_recharge.request", { ...RECHARGE, value: 30 });
  });

  it("accept a payment method given by its code alone", () => {
    const paymentMethod = { type: "code", code: "4234829343294392" };
    expectValid("cmd_recharge.request", { ...RECHARGE, paymentMethod });
  });

  it("reject a line request without msisdn", () => {
    expect(firstFailure("cmd_line_info.request", {})).toEqual({
      instancePath: "",
      keyword: "required",
    });
  });

  it("reject an msisdn with letters", () => {
    const payload = { msisdn: "34045894AB" };
    expect(firstFailure("cmd_credit.request", payload)).toEqual({
      instancePath: "/msisdn",
      keyword: "pattern",
    });
  });

  it("reject a misspelt field", () => {
    const payload = { ...LINE, msisnd: "3404589485" };
    expect(firstFailure("cmd_dashboard.request", payload)).toEqual({
      instancePath: "",
      keyword: "additionalProperties",
    });
  });

  it("reject any field in a customer request", () => {
    expect(firstFailure("cmd_customer.request", LINE)).toEqual({
      instancePath: "",
      keyword: "additionalProperties",
    });
  });

  it("reject a recharge of 0 euros", () => {
    const payload = { ...RECHARGE, amount: 0 };
    expect(firstFailure("cmd_recharge.request", payload)).toEqual({
      instancePath: "/amount",
      keyword: "exclusiveMinimum",
    });
  });

  it("reject a recharge above 1000 euros", () => {
    const payload = { ...RECHARGE, amount: 1000.01 };
    expect(firstFailure("cmd_recharge.request", payload)).toEqual({
      instancePath: "/amount",
      keyword: "maximum",
    });
  });

  it("reject a payment method with neither code nor card", () => {
    const payload = { ...RECHARGE, paymentMethod: { type: "card" } };
    // The first of the anyOf branch failures: the code is missing.
    expect(firstFailure("cmd_recharge.request", payload)).toEqual({
      instancePath: "/paymentMethod",
      keyword: "required",
    });
  });

  it("reject a recharge value that is not digits", () => {
    const payload = { ...RECHARGE, value: "-30" };
    expect(firstFailure("cmd_recharge.request", payload)).toEqual({
      instancePath: "/value",
      keyword: "pattern",
    });
  });

  it("reject an unknown payment type", () => {
    const paymentMethod = { ...PAYMENT_METHOD, type: "card|cash" };
    const payload = { ...AUTO_RECHARGE, paymentMethod };
    expect(firstFailure("cmd_auto_recharge.request", payload)).toEqual({
      instancePath: "/paymentMethod/type",
      keyword: "pattern",
    });
  });

  it("reject a card expiry date that is not dd/mm/yyyy", () => {
    const cardInfo = { ...CARD, expiryDate: "2024-12-23" };
    const paymentMethod = { ...PAYMENT_METHOD, cardInfo };
    expect(
      firstFailure("cmd_recharge.request", { ...RECHARGE, paymentMethod }),
    ).toEqual({
      instancePath: "/paymentMethod/cardInfo/expiryDate",
      keyword: "pattern",
    });
  });

  it("reject a last-recharges range that is not RFC 3339", () => {
    const payload = { ...RANGE, startDate: "26/04/2018" };
    expect(firstFailure("cmd_last_recharges.request", payload)).toEqual({
      instancePath: "/startDate",
      keyword: "format",
    });
  });
});

describe("response schemas", () => {
  it.each(RESPONSES)("accept the spec's %s example", (action, payload) => {
    expectValid(`${action}.response`, payload);
  });

  it.each(ACTIONS)("accept a bare error reply to %s", (action) => {
    const payload = {
      error: true,
      reason: "Internal server error",
      status: 500,
    };
    expectValid(`${action}.response`, payload);
  });

  it("require the success fields on status 200", () => {
    expect(firstFailure("cmd_credit.response", OK)).toEqual({
      instancePath: "",
      keyword: "required",
    });
  });

  it("accept an empty offer list without top-level offer fields", () => {
    expectValid("cmd_active_options.response", { ...OK, items: [] });
  });

  it("require the first offer at the top level when one is active", () => {
    const payload = { ...OK, items: [OFFER] };
    expect(firstFailure("cmd_active_services.response", payload)).toEqual({
      instancePath: "",
      keyword: "required",
    });
  });

  it("reject an unmasked card number", () => {
    const cardInfo = { ...STORED_CARD.cardInfo, cardNumber: CARD.cardNumber };
    const payload = { ...OK, paymentMethods: [{ ...STORED_CARD, cardInfo }] };
    expect(firstFailure("cmd_payment_methods.response", payload)).toEqual({
      instancePath: "/paymentMethods/0/cardInfo/cardNumber",
      keyword: "pattern",
    });
  });

  it("reject a partly masked card number", () => {
    const cardInfo = {
      ...STORED_CARD.cardInfo,
      cardNumber: "**** 3483 3248 4239",
    };
    const payload = { ...OK, paymentMethods: [{ ...STORED_CARD, cardInfo }] };
    expect(firstFailure("cmd_payment_methods.response", payload)).toEqual({
      instancePath: "/paymentMethods/0/cardInfo/cardNumber",
      keyword: "pattern",
    });
  });

  it("reject a security code in a payment method", () => {
    const cardInfo = { ...STORED_CARD.cardInfo, securityCode: "484" };
    const payload = { ...OK, paymentMethods: [{ ...STORED_CARD, cardInfo }] };
    expect(firstFailure("cmd_payment_methods.response", payload)).toEqual({
      instancePath: "/paymentMethods/0/cardInfo",
      keyword: "additionalProperties",
    });
  });

  it("reject a recharge value sent as a number", () => {
    const payload = { ...RECEIPT, value: 10 };
    expect(firstFailure("cmd_recharge.response", payload)).toEqual({
      instancePath: "/value",
      keyword: "type",
    });
  });

  it("accept a failed dashboard that carries the sections that succeeded", () => {
    const payload = {
      error: true,
      reason: "Service unavailable: telco backend unreachable",
      status: 503,
      lineInfo: LINE_INFO,
      credit: { creditAmount: "10.00" },
    };
    expectValid("cmd_dashboard.response", payload);
  });

  it("require every dashboard section on status 200", () => {
    const payload: Payload = { ...DASHBOARD };
    delete payload.credit;
    expect(firstFailure("cmd_dashboard.response", payload)).toEqual({
      instancePath: "",
      keyword: "required",
    });
  });
});
