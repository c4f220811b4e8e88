import { describe, expect, it } from 'vitest';
import { casToTex, casToText } from '../src/notation.js';
import { parseCas } from '../src/notation.js';
import { pruneTrivial } from '../src/pruneTrivial.js';
import { texOfNode } from '../src/texOfNode.js';

const tex = (cas: string): string => texOfNode(parseCas(cas), (name) => name);

describe('casToTex(cas): LaTeX as a person writes it', () => {
  it.each([
    // [CAS, before (mathjs toTex with braced symbols), after]
    ['u^4', '{{u}}^{4}', 'u^{4}'],
    ['1+1*u', '1+1\\cdot{u}', '1+u'],
    ['3^(1/2)', '{3}^{\\frac{1}{2}}', '\\sqrt{3}'],
    ['lam*u^4-s2*u^5', '{\\lambda}\\cdot{{u}}^{4}-{\\sigma^2}\\cdot{{u}}^{5}', '\\lambda u^{4}-\\sigma^2 u^{5}'],
    ['1+0*u*rho^(-1/4)+(u*rho^(-1/4))^2', '', '1+\\left(u \\rho^{-1/4}\\right)^{2}'],
    ['p^(1/3)*rho^(1/4)', '', '\\sqrt[3]{p} \\sqrt[4]{\\rho}'],
    ['(p^(1/3))^2', '', '\\left(\\sqrt[3]{p}\\right)^{2}'],
    ['-1/(2*u^2)', '', '-\\frac{1}{2 u^{2}}'],
    ['s2^3', '', '\\left(\\sigma^2\\right)^{3}'],
    ['log(u)-log(rho-u)', '', '\\ln(u)-\\ln\\left(\\rho-u\\right)'],
    ['2*3*lam', '', '2 \\cdot 3 \\lambda'],
  ])('%s → %s', (cas, before, after) => {
    expect(casToTex(cas)).toBe(after);
    if (before !== '') expect(casToTex(cas)).not.toBe(before);
    for (const bad of ['{{', '1\\cdot', '\\cdot{', '^{\\frac{1}{2}}']) expect(casToTex(cas)).not.toContain(bad);
  });

  it('keeps the parentheses the operators need, and no others', () => {
    expect(tex('a-(b-c)')).toBe('a-\\left(b-c\\right)');
    expect(tex('a-(b*c)')).toBe('a-b c');
    expect(tex('(a+b)*(c-d)')).toBe('\\left(a+b\\right) \\left(c-d\\right)');
    expect(tex('(a*b)^2')).toBe('\\left(a b\\right)^{2}');
    expect(tex('(-a)^2')).toBe('\\left(-a\\right)^{2}');
    expect(tex('a*(-b)')).toBe('a \\left(-b\\right)');
    expect(tex('-(a+b)')).toBe('-\\left(a+b\\right)');
    expect(tex('a^(b+1)')).toBe('a^{b+1}');
    expect(tex('(a/b)^2')).toBe('\\left(\\frac{a}{b}\\right)^{2}');
  });
});

describe('pruneTrivial(tree)', () => {
  it('applies 0·x = 0, 1·x = x, x ± 0 = x, 0 − x = −x, x/1 = x, x¹ = x, x⁰ = 1 bottom-up', () => {
    const pruned = (cas: string): string => pruneTrivial(parseCas(cas)).toString();
    expect(pruned('1+0*u*rho')).toBe('1');
    expect(pruned('0*atan(x/(1+0*x))+y')).toBe('y');
    expect(pruned('1*u^1/1')).toBe('u');
    expect(pruned('0-u')).toBe('-u');
    expect(pruned('x^0+u-0')).toBe('1 + u');
  });

  it('leaves the value unchanged (evaluated at random points)', () => {
    for (const cas of ['1+0*u*rho^(-1/4)+(u*rho^(-1/4))^2', '1*u^1/1-0*log(u)', '(p^(1/3))^2*1']) {
      const [a, b] = [parseCas(cas).compile(), pruneTrivial(parseCas(cas)).compile()];
      for (const scope of [
        { u: 0.3, rho: 1.7, p: 0.5 },
        { u: 2.5, rho: 0.2, p: 0.9 },
      ])
        expect(b.evaluate(scope)).toBeCloseTo(a.evaluate(scope) as number, 14);
    }
  });

  it('casToText prunes too', () => {
    expect(casToText('1+0*u*rho+1*lam')).toBe('1 + λ');
  });
});
