/**
 * How many random inputs a fuzz test sends: a quarter in `npm test`, all of them in `npm run
 * test:full` (GUIDE_TEST_FULL=1). Seeds are fixed, so the quick lane sends the first part of the
 * same sequence the full lane sends.
 */
export const fuzzCount = (full: number): number => (process.env.GUIDE_TEST_FULL === "1" ? full : Math.ceil(full / 4));
