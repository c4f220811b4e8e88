// Local declaration for `mathjs/lib/browser/math.js`, mathjs 15.2.0's single-file build
// (CommonJS/UMD; its default export is a complete mathjs instance). mathjs ships types
// for its ESM entry only; tsconfig `paths` maps the specifier here.
import type { MathJsInstance } from 'mathjs';
declare const math: MathJsInstance;
export default math;
