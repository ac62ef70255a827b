/**
 * A deliberately small evaluator for the policies the batch service role uses, so their tests can
 * state cases as allow/deny. It is NOT IAM. It handles: Effect Allow/Deny; a Principal of the form
 * { Service }; Action as an exact name or a list of them; Resource "*", exact, or with IAM's
 * wildcards (* any run of characters, ? one character), alone or in a list; and the condition
 * operators StringEquals, StringLike, ArnEquals and ArnLike (the last two match like StringLike,
 * as AWS's condition-operator reference says ARN operators accept * and ?). It follows AWS's policy
 * evaluation logic: an explicit Deny wins, then any Allow, else the implicit deny; every operator and
 * key in a statement must hold; a key holds if it matches any listed value; a missing key makes all
 * four operators false. It throws on anything else (NotAction, other operators, policy variables).
 * Expected outcomes in the tests are worked out by hand from AWS's docs, not from this code.
 */
export interface IamRequest {
  action: string;
  resource?: string;
  /** For trust policies: the service asking to assume the role. */
  principalService?: string;
  context?: Record<string, string>;
}
interface Statement {
  Effect: string;
  Principal?: { Service?: string | string[] };
  Action: string | string[];
  NotAction?: unknown;
  Resource?: string | string[];
  Condition?: Record<string, Record<string, string | string[]>>;
}

const glob = (pattern: string) =>
  new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*").replace(/\?/g, ".")}$`);

export function evaluate(policy: { Statement: Statement[] }, request: IamRequest): "allow" | "deny" {
  const holds = (operator: string, key: string, wanted: string[]): boolean => {
    if (/\$\{/.test(wanted.join(""))) throw new Error("evaluator: policy variables are not supported");
    const actual = request.context?.[key];
    if (actual === undefined) return false;
    switch (operator) {
      case "StringEquals":
        return wanted.includes(actual);
      case "StringLike":
      case "ArnEquals":
      case "ArnLike":
        return wanted.some((w) => glob(w).test(actual));
      default:
        throw new Error(`evaluator: unsupported operator ${operator}`);
    }
  };
  const applies = (s: Statement) => {
    if (s.NotAction !== undefined) throw new Error("evaluator: NotAction is not supported");
    const actions = [s.Action].flat();
    if (actions.some((a) => a.includes("*"))) throw new Error("evaluator: wildcard actions are not supported");
    if (!actions.includes(request.action)) return false;
    if (s.Principal && ![s.Principal.Service ?? []].flat().includes(request.principalService ?? "")) return false;
    if (s.Resource !== undefined && !(request.resource !== undefined && [s.Resource].flat().some((r) => r === "*" || glob(r).test(request.resource!)))) return false;
    return Object.entries(s.Condition ?? {}).every(([operator, keys]) =>
      Object.entries(keys).every(([key, v]) => holds(operator, key, [v].flat())),
    );
  };
  const matching = policy.Statement.filter(applies);
  if (matching.some((s) => s.Effect === "Deny")) return "deny";
  return matching.some((s) => s.Effect === "Allow") ? "allow" : "deny";
}
