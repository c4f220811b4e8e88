/**
 * The messages between the page and the derivation worker, which holds the computer algebra
 * (@jepa-dynamics/symbolic with algebrite and mathjs): the page loads it only when the
 * derivation view opens.
 * @module
 */
import type { Objective } from '@jepa-dynamics/core';
import type { Certificate } from '@jepa-dynamics/symbolic';

/** The page asks for the derivation of one objective at one depth. */
export interface DeriveRequest {
  type: 'derive';
  id: number;
  objective: Objective;
  depth: number;
}

/** One displayed line of the derivation: `lhs = latex`, with a note. */
export interface DerivationLine {
  /** Left-hand side (LaTeX), or a step's name in words. */
  lhs: string;
  /** Right-hand side (LaTeX). */
  latex: string;
  /** A remark in figure text (`_{…}`, `^{…}` marks sub- and superscripts). */
  note: string;
}

/** A derivation, ready to typeset. */
export interface DeriveOutcome {
  type: 'derivation';
  id: number;
  objective: Objective;
  depth: number;
  lines: DerivationLine[];
  /** The any-L form of t(u) (LaTeX). */
  general: string;
  /** When t*_p exists, in words. */
  existence: string;
  certificates: Certificate[];
  /** `derivationLatex(…, { standalone: true })`: a complete LaTeX document. */
  latexSource: string;
  /** The derivation as data: flow and integral (every expression in CAS, text and LaTeX form), the any-L form, every certificate. */
  document: Record<string, unknown>;
  /** Milliseconds: loading the computer algebra (first request only) and deriving. */
  loadMs: number;
  deriveMs: number;
}

/** The derivation failed. */
export interface DeriveFailure {
  type: 'error';
  id: number;
  message: string;
}

/** Anything the derivation worker sends. */
export type DerivationWorkerMessage = DeriveOutcome | DeriveFailure;
