// Who may see what (docs/protocol.md, "Authorization"): a request may only
// name the logged-in customer's own lines, customer code and contracts. A
// refusal names the field, never whether the value exists.
import { TelcoError } from "../errors";
import { linesOf, type Session } from "./session-store";

export function assertOwnsLine(
  session: Session,
  msisdn: string,
  field = "msisdn",
): void {
  if (!linesOf(session).includes(msisdn))
    throw new TelcoError("FORBIDDEN", field);
}

export function assertOwnsCustomerCode(
  session: Session,
  customerCode: string,
): void {
  if (session.customerCode !== customerCode)
    throw new TelcoError("FORBIDDEN", "customerCode");
}

/** The contract must be the customer's, and the line one of that contract's. */
export function assertOwnsContractLine(
  session: Session,
  ids: { customerCode: string; contractCode: string; msisdn: string },
): void {
  assertOwnsCustomerCode(session, ids.customerCode);

  const contract = session.contracts.find(
    (candidate) => candidate.id === ids.contractCode,
  );
  if (!contract) throw new TelcoError("FORBIDDEN", "contractCode");

  if (!contract.lines.includes(ids.msisdn))
    throw new TelcoError("FORBIDDEN", "msisdn");
}
