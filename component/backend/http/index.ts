// The HTTP telco backend (BACKEND=http): its factory, settings and contract.
export { HttpBackend } from "./http-backend";
export type { HttpBackendOptions } from "./http-backend";
export { readHttpBackendConfig } from "./config";
export type { HttpBackendConfig } from "./config";
export { backendContract, loadContract } from "./contract";
export type { BackendContract, Operation, OperationId } from "./contract";
