// Routes from the SDK's operation schemas: a service module names its operation and behaviour; the
// method and path come from src/generated/constraints.json, and the input is checked before the handler.
import type { Route, RouteSpec } from "./contract";
import { contracts, validateRequest } from "./input-validation";

/**
 * Turns service specs into routes: method and path from the SDK's operation schema, and a handler
 * that checks the input against AWS's model first, so a route can't drift from the client.
 */
export function defineRoutes(specs: RouteSpec[]): Route[] {
  return specs.map((spec) => {
    const contract = contracts[spec.operation];
    if (!contract) throw new Error(`No contract for ${spec.operation}: add it to scripts/build-constraints.ts and rebuild`);
    // S3 reports bad input with its own codes (InvalidArgument, MalformedXML…), never AWS JSON's
    // "validation errors detected": its routes skip the engine (and the tables carry no S3 shapes).
    const validate = contract.service !== "s3";
    return {
      ...spec,
      service: contract.service,
      method: contract.method,
      pattern: contract.uri,
      handle(req, ctx) {
        if (validate) validateRequest(spec.operation, req);
        return spec.handle(req, ctx);
      },
    };
  });
}
