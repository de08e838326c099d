// The embedded demo backend's public face: the factory and the seeded data.
export { DemoBackend, openDemoBackend } from "./demo-backend";
export type { DemoBackendMethod, DemoBackendOptions } from "./demo-backend";
export { DEMO_CUSTOMERS } from "./seed-data";
export type { SeedCustomer } from "./seed-data";
export { DEMO_LINES } from "./seed-lines";
export type { SeedLine } from "./seed-lines";
