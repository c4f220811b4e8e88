/**
 * Large matrix products split across threads that share one WebAssembly memory: a
 * fork–join team for {@link createMatrixWorkspace}'s `team` option.
 *
 * The calling thread and `helpers` helper threads each compute a band of rows of C with
 * the same kernels (kernels/wasmGemm.ts, kernels/packedGemm.ts) on the same shared
 * memory; every entry of C is computed by one thread in the same order as without a
 * team, so the results are bit-identical to the single-threaded workspace. The calling
 * thread hands out a band by writing its arguments into a `SharedArrayBuffer` of control
 * words and waking the helper (`Atomics.notify`), computes its own band, and waits
 * (`Atomics.wait`) until every helper has stored its done word: the products stay
 * synchronous, so the training loop and the matrix flow use a team without any change.
 *
 * This module is browser-safe: it starts no thread. The host does, and connects the two
 * ends: in Node, `@jepa-dynamics/cli`'s `startNodeProductTeam` (worker_threads); in a
 * browser, Web Workers whose `onmessage` passes our messages to {@link serveProductHelper}.
 * Requirements: shared memory (`SharedArrayBuffer`; in a browser, a cross-origin isolated
 * page) and a calling thread that may block in `Atomics.wait` (Node's main thread and
 * workers may; a browser's main thread may not, so there the workspace must live in a
 * worker). Why not a task pool (piscina, tinypool)? Their tasks resolve promises on the
 * caller's event loop, which a product called synchronously in the middle of a training
 * step cannot wait for; the helpers here are a fixed team woken through shared memory.
 *
 * @module
 */
import { InvalidArgumentError } from '../errors/InvalidArgumentError.js';
import { validateInteger } from '../validate/validateInteger.js';
import { packedProduct } from './kernels/packedGemm.js';
import { instantiateWasmGemmOn, type WasmGemm } from './kernels/wasmGemm.js';

/** Control words per helper: one block of 128 bytes each in the team's control buffer (two blocks never share a cache line). */
const WORDS = 32;
/** Word offsets within a helper's block. */
const SEQ = 0; // command sequence number, incremented by the calling thread for each command
const TYPE = 1; // the command: PRODUCT or YIELD
const DONE = 2; // the last sequence number the helper finished
const ATTACHED = 3; // the id of the memory the helper has instantiated the kernels on
const FAILED = 4; // 1 when the helper's last command threw
const ARGS = 5; // PRODUCT's arguments: kind, c, a, b, m, k, n, rows, n4, flags, packA, packB (12 words)

const PRODUCT = 1;
/** Return to the host's event loop, to receive a message (a new memory to attach). */
const YIELD = 2;
/** `kind` of a band: the packed loop nest, or the in-place 4×4 kernel. */
const KIND_PACKED = 1;
const KIND_GEMM4 = 2;

/** Iterations a waiting thread polls its word before it sleeps in `Atomics.wait` (a futex wake costs tens of µs). */
const SPIN = 20000;

/** The message a host delivers to helper thread `index` (structured-cloneable: shared memory only). */
export interface ProductHelperMessage {
  /** Tags the message, so that a worker with other duties can tell it apart. */
  readonly kind: 'jepa-dynamics/product-helper';
  /** The workspace's shared `WebAssembly.Memory`. */
  readonly memory: { readonly buffer: SharedArrayBuffer };
  /** Whether to instantiate the relaxed-SIMD (FMA) kernels. */
  readonly fma: boolean;
  /** The team's control words. */
  readonly control: SharedArrayBuffer;
  /** The helper's index: its block of control words. */
  readonly index: number;
  /** The memory's id, stored in the helper's `ATTACHED` word once its kernels are instantiated. */
  readonly memoryId: number;
}

/**
 * How a team reaches its helper threads; what a host provides to {@link createProductTeam}.
 */
export interface ProductTeamHost {
  /** Number of helper threads (the calling thread computes a band as well). */
  readonly helpers: number;
  /** Delivers `message` to helper `index` (`worker.postMessage(message)`), which must pass it to {@link serveProductHelper}. */
  post(index: number, message: ProductHelperMessage): void;
  /** How long the calling thread waits for a helper before it throws; default 60 000 ms. */
  readonly timeoutMs?: number;
}

/** A band of rows of C for one thread: the arguments of {@link ProductTeam.run}'s bands. */
export interface ProductBand {
  /** The loop nest: `'packed'` (kernels/packedGemm.ts) or `'gemm4'` (operands read in place). */
  readonly kind: 'packed' | 'gemm4';
  /** Byte offsets of C, A and B in the shared memory, already advanced to the band's first row. */
  readonly c: number;
  readonly a: number;
  readonly b: number;
  /** The full shapes (row lengths) of the product. */
  readonly m: number;
  readonly k: number;
  readonly n: number;
  /** Rows in the band (a multiple of 4) and the 4-aligned column count. */
  readonly rows: number;
  readonly n4: number;
  readonly transA: boolean;
  readonly transB: boolean;
  /** Byte offset of this thread's packing scratch (Ã, then B̃ at `packA + 8·PACK_MC·PACK_KC`). */
  readonly packA: number;
  readonly packB: number;
}

/** A shared WebAssembly memory (`WebAssembly.Memory` created with `shared: true`). */
export interface SharedMemory {
  readonly buffer: SharedArrayBuffer;
}

/**
 * The calling thread's end of a team of helper threads; see the module comment. One team
 * serves any number of workspaces, one product at a time; the helpers hold the kernels on
 * one memory, and a product on another workspace's memory first moves them to it (one
 * message round trip per helper). The helpers keep the last memory they were given alive
 * until they are given another or stopped.
 */
export interface ProductTeam {
  /** Number of helper threads. */
  readonly helpers: number;
  /**
   * Makes every helper instantiate the kernels on `memory` unless they already have,
   * blocking until they have. Throws when a helper does not answer within the timeout or
   * cannot instantiate the kernels.
   */
  attach(memory: SharedMemory, fma: boolean): void;
  /**
   * Runs `bands[0]` on the calling thread through `own` and `bands[h + 1]` on helper h (at
   * most `helpers + 1` bands), on `memory` (attached first if needed), and returns when all
   * are done. Throws when a helper failed or did not answer in time.
   */
  run(memory: SharedMemory, fma: boolean, bands: readonly ProductBand[], own: (band: ProductBand) => void): void;
}

/** Ids of the memories attached so far, across teams (an id names one memory). */
let nextMemoryId = 1;
const memoryIds = new WeakMap<SharedMemory, number>();

/**
 * Creates the calling thread's end of a team whose helpers the host has started (see
 * the module comment). Cost: one `SharedArrayBuffer` of 128 bytes per helper.
 *
 * @param host - the helper count, how to reach them, and the timeout.
 * @throws `InvalidArgumentError` when `helpers` is not an integer ≥ 1, the timeout is not
 *   positive, the engine has no `SharedArrayBuffer` (a browser page that is not
 *   cross-origin isolated), or this thread may not block in `Atomics.wait` (a browser's
 *   main thread).
 * @returns the team.
 * @example
 * ```ts
 * // the host's helpers are started elsewhere (Node: startNodeProductTeam in @jepa-dynamics/cli)
 * const team = createProductTeam({ helpers: 1, post: () => {}, timeoutMs: 1 });
 * team.helpers; // => 1
 * ```
 */
export function createProductTeam(host: ProductTeamHost): ProductTeam {
  const where = 'createProductTeam';
  const helpers = validateInteger(where, 'host.helpers', host.helpers, 1);
  const timeoutMs = host.timeoutMs ?? 60000;
  if (!(timeoutMs > 0)) throw new InvalidArgumentError(where, 'host.timeoutMs', 'must be a positive number of milliseconds', timeoutMs);
  if (typeof SharedArrayBuffer === 'undefined')
    throw new InvalidArgumentError(
      where,
      'SharedArrayBuffer',
      'must exist: a team shares memory between threads (in a browser the page must be cross-origin isolated)',
      'undefined',
    );
  const control = new Int32Array(new SharedArrayBuffer(4 * WORDS * helpers));
  try {
    // the values differ, so this returns 'not-equal' at once where blocking is allowed, and throws where it is not
    Atomics.wait(control, SEQ, 1, 0);
  } catch (e) {
    throw new InvalidArgumentError(
      where,
      'Atomics.wait',
      `must be allowed on the calling thread, which blocks while helpers compute (a browser's main thread may not block: create the workspace in a worker): ${e instanceof Error ? e.message : String(e)}`,
      'refused',
    );
  }
  let attached: SharedMemory | null = null;
  let attachedFma = false;
  /** The sequence number of each helper's command in the current product (no allocation per product). */
  const sequences = new Int32Array(helpers);

  /** Waits until `word` of helper h equals `value`; false on timeout. */
  const waitFor = (h: number, word: number, value: number): boolean => {
    const index = h * WORDS + word;
    for (let spin = 0; spin < SPIN; spin++) if (Atomics.load(control, index) === value) return true;
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const seen = Atomics.load(control, index);
      if (seen === value) return true;
      const left = deadline - Date.now();
      if (left <= 0) return false;
      Atomics.wait(control, index, seen, left);
    }
  };
  const command = (h: number, type: number): number => {
    Atomics.store(control, h * WORDS + TYPE, type);
    const seq = Atomics.add(control, h * WORDS + SEQ, 1) + 1;
    Atomics.notify(control, h * WORDS + SEQ);
    return seq;
  };

  const attach = (memory: SharedMemory, fma: boolean): void => {
    if (memory === attached && fma === attachedFma) return;
    let memoryId = memoryIds.get(memory);
    if (memoryId === undefined) {
      memoryId = nextMemoryId++;
      memoryIds.set(memory, memoryId);
    }
    attached = null;
    for (let h = 0; h < helpers; h++) {
      Atomics.store(control, h * WORDS + FAILED, 0);
      command(h, YIELD); // a helper in its loop returns to its event loop, where the message waits
      host.post(h, { kind: 'jepa-dynamics/product-helper', memory, fma, control: control.buffer as SharedArrayBuffer, index: h, memoryId });
    }
    for (let h = 0; h < helpers; h++) {
      if (!waitFor(h, ATTACHED, memoryId))
        throw new Error(
          `ProductTeam: helper ${h} did not instantiate the kernels within ${timeoutMs} ms (is its thread running, and does it pass messages of kind 'jepa-dynamics/product-helper' to serveProductHelper?)`,
        );
      if (Atomics.load(control, h * WORDS + FAILED) === 1)
        throw new Error(`ProductTeam: helper ${h} could not instantiate the WebAssembly kernels on the shared memory`);
    }
    attached = memory;
    attachedFma = fma;
  };

  return {
    helpers,
    attach,
    run(memory, fma, bands, own) {
      attach(memory, fma);
      let started = 0;
      for (let h = 0; h + 1 < bands.length && h < helpers; h++) {
        const band = bands[h + 1];
        const base = h * WORDS + ARGS;
        control[base] = band.kind === 'packed' ? KIND_PACKED : KIND_GEMM4;
        control[base + 1] = band.c;
        control[base + 2] = band.a;
        control[base + 3] = band.b;
        control[base + 4] = band.m;
        control[base + 5] = band.k;
        control[base + 6] = band.n;
        control[base + 7] = band.rows;
        control[base + 8] = band.n4;
        control[base + 9] = (band.transA ? 1 : 0) | (band.transB ? 2 : 0);
        control[base + 10] = band.packA;
        control[base + 11] = band.packB;
        Atomics.store(control, h * WORDS + FAILED, 0);
        sequences[started++] = command(h, PRODUCT);
      }
      let problem = '';
      try {
        own(bands[0]);
      } finally {
        // the helpers' bands are awaited even when the own band threw: no product may still run when this returns
        for (let h = 0; h < started; h++) {
          if (!waitFor(h, DONE, sequences[h])) problem ||= `helper ${h} did not finish its band within ${timeoutMs} ms`;
          else if (Atomics.load(control, h * WORDS + FAILED) === 1) problem ||= `helper ${h} failed while computing its band`;
        }
      }
      if (problem !== '') throw new Error(`ProductTeam: ${problem}`);
    },
  };
}

/** A band record to be filled in (products reuse their records rather than allocate). */
export function emptyBand(): Mutable<ProductBand> {
  return { kind: 'packed', c: 0, a: 0, b: 0, m: 0, k: 0, n: 0, rows: 0, n4: 0, transA: false, transB: false, packA: 0, packB: 0 };
}

/** What every thread of a team does with its band: the band's loop nest with the kernels `gemm`. */
export function computeBand(gemm: WasmGemm, band: ProductBand): void {
  if (band.kind === 'packed')
    packedProduct(
      gemm,
      band.c,
      band.a,
      band.b,
      band.m,
      band.k,
      band.n,
      band.rows,
      band.n4,
      band.transA,
      band.transB,
      band.packA,
      band.packB,
    );
  else gemm.gemm4(band.a, band.b, band.c, band.rows, band.n4, band.k, band.k * 8, band.n * 8, band.n * 8);
}

/** `T` with its fields writable. */
type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** The kernels on `memory`, or `null` when the engine cannot instantiate them there. */
function instantiate(memory: SharedMemory, fma: boolean): WasmGemm | null {
  try {
    return instantiateWasmGemmOn(memory, fma);
  } catch {
    return null;
  }
}

/** The helper thread's kernels: on which memory (by id) and the instance. */
let helperKernels: { memoryId: number; gemm: WasmGemm } | null = null;

/**
 * The helper thread's end of a team: a worker passes every {@link ProductHelperMessage}
 * it receives here. The call instantiates the kernels on the message's memory, then
 * serves products until the calling thread sends it back to the event loop (to receive
 * the next memory); it returns then. Returns `false` at once for any other message, so a
 * worker with other duties can route its messages through it.
 *
 * @param message - the message the worker received.
 * @returns whether the message was a team message (served).
 * @example
 * ```ts
 * serveProductHelper({ kind: 'something else' }); // => false
 * ```
 */
export function serveProductHelper(message: unknown): boolean {
  if (typeof message !== 'object' || message === null || (message as { kind?: unknown }).kind !== 'jepa-dynamics/product-helper')
    return false;
  const { memory, fma, control: buffer, index, memoryId } = message as ProductHelperMessage;
  const control = new Int32Array(buffer);
  const base = index * WORDS;
  // read the sequence number before announcing the memory, so that no command issued after the announcement is missed
  let last = Atomics.load(control, base + SEQ);
  const gemm =
    helperKernels !== null && helperKernels.memoryId === memoryId && helperKernels.gemm.fma === fma
      ? helperKernels.gemm
      : instantiate(memory, fma);
  if (gemm === null) {
    helperKernels = null;
    Atomics.store(control, base + FAILED, 1);
    Atomics.store(control, base + ATTACHED, memoryId);
    Atomics.notify(control, base + ATTACHED);
    return true;
  }
  helperKernels = { memoryId, gemm };
  // the band of each command, read from the control words into one record
  const band = emptyBand();
  Atomics.store(control, base + ATTACHED, memoryId);
  Atomics.notify(control, base + ATTACHED);
  for (;;) {
    let spin = 0;
    while (Atomics.load(control, base + SEQ) === last) {
      if (++spin > SPIN) Atomics.wait(control, base + SEQ, last);
    }
    last = Atomics.load(control, base + SEQ);
    if (Atomics.load(control, base + TYPE) === YIELD) return true;
    try {
      const a = base + ARGS;
      band.kind = control[a] === KIND_PACKED ? 'packed' : 'gemm4';
      band.c = control[a + 1];
      band.a = control[a + 2];
      band.b = control[a + 3];
      band.m = control[a + 4];
      band.k = control[a + 5];
      band.n = control[a + 6];
      band.rows = control[a + 7];
      band.n4 = control[a + 8];
      band.transA = (control[a + 9] & 1) !== 0;
      band.transB = (control[a + 9] & 2) !== 0;
      band.packA = control[a + 10];
      band.packB = control[a + 11];
      computeBand(gemm, band);
    } catch {
      Atomics.store(control, base + FAILED, 1);
    }
    Atomics.store(control, base + DONE, last);
    Atomics.notify(control, base + DONE);
  }
}
