// What counts as a leaked secret in published files. Used by leak-scan.test.ts.

/**
 * Account IDs that AWS's own documentation uses as examples: 123456789012 (IAM user guide, "an
 * account ID such as 123456789012") and 111122223333 / 444455556666 / 777788889999 (the IAM and
 * Organizations policy examples). Anything else with 12 digits may be someone's real account.
 */
export const DOCUMENTATION_ACCOUNTS = ["123456789012", "111122223333", "444455556666", "777788889999"];

export interface Leak {
  kind: "access-key" | "secret-key" | "account-id";
  match: string;
}

const RULES: Array<{ kind: Leak["kind"]; pattern: RegExp; allowed?: (match: string) => boolean }> = [
  // Access key IDs: AKIA (long-term, IAM users) and ASIA (temporary, STS), then 16 upper-case letters or digits.
  { kind: "access-key", pattern: /(?<![A-Z0-9])(?:AKIA|ASIA)[A-Z0-9]{16}(?![A-Z0-9])/g },
  // A secret key written into a config or env file: 40 characters of base64 after the variable name.
  { kind: "secret-key", pattern: /(?:aws_secret_access_key|AWS_SECRET_ACCESS_KEY)\s*[=:]\s*["']?([A-Za-z0-9/+]{40})(?![A-Za-z0-9/+])/g },
  // Exactly 12 digits standing alone: not part of a longer number, a decimal, or a word or hex
  // string such as a SHA-256 hash (an account ID sits between separators: ":", quotes, spaces).
  { kind: "account-id", pattern: /(?<![\w.])\d{12}(?!\w)/g, allowed: (m) => DOCUMENTATION_ACCOUNTS.includes(m) },
];

export function findLeaks(text: string): Leak[] {
  return RULES.flatMap(({ kind, pattern, allowed }) =>
    [...text.matchAll(pattern)].map((m) => m[1] ?? m[0]).filter((m) => !allowed?.(m)).map((match) => ({ kind, match })),
  );
}
