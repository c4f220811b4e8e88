// Local declaration for algebrite 1.4.0 (CommonJS, ships no types). tsconfig `paths`
// maps `#algebrite` (the package.json import that resolves to it) here. Only the entry point the derivation pipeline uses is declared:
// `run` evaluates one algebrite expression and returns its printed result ("Stop: …" on error).
interface AlgebriteApi {
  run(expression: string): string;
}
declare const Algebrite: AlgebriteApi;
export default Algebrite;
