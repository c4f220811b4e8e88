/**
 * DOP853: the Dormand–Prince 8(5,3) method with Hairer's 7th-order continuous
 * extension (Hairer, Nørsett & Wanner, *Solving ODEs I*, 2nd ed., §II.10;
 * Hairer's code `dop853.f`). Twelve stages plus the FSAL evaluation at the new
 * point: 12 f-evaluations per accepted step, 11 per rejected one; the dense
 * output costs three more stages per accepted step. The error estimate combines
 * a 5th- and a 3rd-order estimator as in DP86CO.
 *
 * @module
 */

import { startDerivative } from './countedRhs.js';
import { HairerController } from './hairerController.js';
import { hairerStiffnessTest } from './hairerStiffnessTest.js';
import type { MethodDefinition } from './methodDefinition.js';
import { oneStepMethod } from './oneStepMethod.js';
import { stageEigenvalueEstimate } from './stageEigenvalueEstimate.js';
import { createStepOutcome, judgeErrorNorm, type StepOutcome } from './stepOutcome.js';
import type { Stepper, StepperContext } from './stepper.js';

// Coefficients of dop853.f (Hairer & Wanner; Dormand & Prince 1981), named
// A<stage>_<stage> (1-based stages as in the Fortran, stage 13 = f at the new
// point), B = row 13, ER the 5th-order error weights, BHH the 3rd-order
// embedded weights, D4..D7 the dense-output rows, C the nodes.
const A2_1 = 5.26001519587677318785587544488e-2;
const A3_1 = 1.97250569845378994544595329183e-2;
const A3_2 = 5.91751709536136983633785987549e-2;
const A4_1 = 2.95875854768068491816892993775e-2;
const A4_3 = 8.87627564304205475450678981324e-2;
const A5_1 = 2.41365134159266685502369798665e-1;
const A5_3 = -8.84549479328286085344864962717e-1;
const A5_4 = 9.24834003261792003115737966543e-1;
const A6_1 = 3.7037037037037037037037037037e-2;
const A6_4 = 1.70828608729473871279604482173e-1;
const A6_5 = 1.25467687566822425016691814123e-1;
const A7_1 = 3.7109375e-2;
const A7_4 = 1.70252211019544039314978060272e-1;
const A7_5 = 6.02165389804559606850219397283e-2;
const A7_6 = -1.7578125e-2;
const A8_1 = 3.70920001185047927108779319836e-2;
const A8_4 = 1.70383925712239993810214054705e-1;
const A8_5 = 1.07262030446373284651809199168e-1;
const A8_6 = -1.53194377486244017527936158236e-2;
const A8_7 = 8.27378916381402288758473766002e-3;
const A9_1 = 6.24110958716075717114429577812e-1;
const A9_4 = -3.36089262944694129406857109825;
const A9_5 = -8.68219346841726006818189891453e-1;
const A9_6 = 2.75920996994467083049415600797e1;
const A9_7 = 2.01540675504778934086186788979e1;
const A9_8 = -4.34898841810699588477366255144e1;
const A10_1 = 4.77662536438264365890433908527e-1;
const A10_4 = -2.48811461997166764192642586468;
const A10_5 = -5.90290826836842996371446475743e-1;
const A10_6 = 2.12300514481811942347288949897e1;
const A10_7 = 1.52792336328824235832596922938e1;
const A10_8 = -3.32882109689848629194453265587e1;
const A10_9 = -2.03312017085086261358222928593e-2;
const A11_1 = -9.3714243008598732571704021658e-1;
const A11_4 = 5.18637242884406370830023853209;
const A11_5 = 1.09143734899672957818500254654;
const A11_6 = -8.14978701074692612513997267357;
const A11_7 = -1.85200656599969598641566180701e1;
const A11_8 = 2.27394870993505042818970056734e1;
const A11_9 = 2.49360555267965238987089396762;
const A11_10 = -3.0467644718982195003823669022;
const A12_1 = 2.27331014751653820792359768449;
const A12_4 = -1.05344954667372501984066689879e1;
const A12_5 = -2.00087205822486249909675718444;
const A12_6 = -1.79589318631187989172765950534e1;
const A12_7 = 2.79488845294199600508499808837e1;
const A12_8 = -2.85899827713502369474065508674;
const A12_9 = -8.87285693353062954433549289258;
const A12_10 = 1.23605671757943030647266201528e1;
const A12_11 = 6.43392746015763530355970484046e-1;
const A13_1 = 5.42937341165687622380535766363e-2;
const A13_6 = 4.45031289275240888144113950566;
const A13_7 = 1.89151789931450038304281599044;
const A13_8 = -5.8012039600105847814672114227;
const A13_9 = 3.1116436695781989440891606237e-1;
const A13_10 = -1.52160949662516078556178806805e-1;
const A13_11 = 2.01365400804030348374776537501e-1;
const A13_12 = 4.47106157277725905176885569043e-2;
const A14_1 = 5.61675022830479523392909219681e-2;
const A14_7 = 2.53500210216624811088794765333e-1;
const A14_8 = -2.46239037470802489917441475441e-1;
const A14_9 = -1.24191423263816360469010140626e-1;
const A14_10 = 1.5329179827876569731206322685e-1;
const A14_11 = 8.20105229563468988491666602057e-3;
const A14_12 = 7.56789766054569976138603589584e-3;
const A14_13 = -8.298e-3;
const A15_1 = 3.18346481635021405060768473261e-2;
const A15_6 = 2.83009096723667755288322961402e-2;
const A15_7 = 5.35419883074385676223797384372e-2;
const A15_8 = -5.49237485713909884646569340306e-2;
const A15_11 = -1.08347328697249322858509316994e-4;
const A15_12 = 3.82571090835658412954920192323e-4;
const A15_13 = -3.40465008687404560802977114492e-4;
const A15_14 = 1.41312443674632500278074618366e-1;
const A16_1 = -4.28896301583791923408573538692e-1;
const A16_6 = -4.69762141536116384314449447206;
const A16_7 = 7.68342119606259904184240953878;
const A16_8 = 4.06898981839711007970213554331;
const A16_9 = 3.56727187455281109270669543021e-1;
const A16_13 = -1.39902416515901462129418009734e-3;
const A16_14 = 2.9475147891527723389556272149;
const A16_15 = -9.15095847217987001081870187138;
const ER1 = 0.1312004499419488073250102996e-1;
const ER6 = -0.1225156446376204440720569753e1;
const ER7 = -0.4957589496572501915214079952;
const ER8 = 0.1664377182454986536961530415e1;
const ER9 = -0.350328848749973681688648729;
const ER10 = 0.3341791187130174790297318841;
const ER11 = 0.8192320648511571246570742613e-1;
const ER12 = -0.2235530786388629525884427845e-1;
const D4_1 = -0.84289382761090128651353491142e1;
const D4_6 = 0.5667149535193777696253178359;
const D4_7 = -0.30689499459498916912797304727e1;
const D4_8 = 0.2384667656512069828772814968e1;
const D4_9 = 0.21170345824450282767155149946e1;
const D4_10 = -0.8713915837779729920678990749;
const D4_11 = 0.2240437430260788275854177165e1;
const D4_12 = 0.6315787787694688181557024929;
const D4_13 = -0.889903364513333108206981174e-1;
const D4_14 = 0.18148505520854727256656404962e2;
const D4_15 = -0.91946323924783554000451984436e1;
const D4_16 = -0.44360363875948939664310572e1;
const D5_1 = 0.10427508642579134603413151009e2;
const D5_6 = 0.24228349177525818288430175319e3;
const D5_7 = 0.16520045171727028198505394887e3;
const D5_8 = -0.37454675472269020279518312152e3;
const D5_9 = -0.22113666853125306036270938578e2;
const D5_10 = 0.77334326684722638389603898808e1;
const D5_11 = -0.30674084731089398182061213626e2;
const D5_12 = -0.93321305264302278729567221706e1;
const D5_13 = 0.15697238121770843886131091075e2;
const D5_14 = -0.31139403219565177677282850411e2;
const D5_15 = -0.93529243588444783865713862664e1;
const D5_16 = 0.3581684148639408375246589854e2;
const D6_1 = 0.19985053242002433820987653617e2;
const D6_6 = -0.38703730874935176555105901742e3;
const D6_7 = -0.18917813819516756882830838328e3;
const D6_8 = 0.52780815920542364900561016686e3;
const D6_9 = -0.11573902539959630126141871134e2;
const D6_10 = 0.68812326946963000169666922661e1;
const D6_11 = -0.1000605096691083840318386098e1;
const D6_12 = 0.7777137798053443209286926574;
const D6_13 = -0.27782057523535084065932004339e1;
const D6_14 = -0.60196695231264120758267380846e2;
const D6_15 = 0.84320405506677161018159903784e2;
const D6_16 = 0.1199229113618278932803513003e2;
const D7_1 = -0.25693933462703749003312586129e2;
const D7_6 = -0.15418974869023643374053993627e3;
const D7_7 = -0.23152937917604549567536039109e3;
const D7_8 = 0.3576391179106141237828534991e3;
const D7_9 = 0.93405324183624310003907691704e2;
const D7_10 = -0.37458323136451633156875139351e2;
const D7_11 = 0.10409964950896230045147246184e3;
const D7_12 = 0.29840293426660503123344363579e2;
const D7_13 = -0.43533456590011143754432175058e2;
const D7_14 = 0.963245539591882829483949506e2;
const D7_15 = -0.39177261675615439165231486172e2;
const D7_16 = -0.14972683625798562581422125276e3;
const C2 = 0.526001519587677318785587544488e-1;
const C3 = 0.789002279381515978178381316732e-1;
const C4 = 0.11835034190722739672675719751;
const C5 = 0.28164965809277260327324280249;
const C6 = 0.333333333333333333333333333333;
const C7 = 0.25;
const C8 = 0.307692307692307692307692307692;
const C9 = 0.651282051282051282051282051282;
const C10 = 0.6;
const C11 = 0.857142857142857142857142857142;
const C14 = 0.1;
const C15 = 0.2;
const C16 = 0.777777777777777777777777777778;
const BHH1 = 0.244094488188976377952755905512;
const BHH2 = 0.733846688281611857341361741547;
const BHH3 = 0.220588235294117647058823529412e-1;

/** DOP853 stepper: buffers preallocated, nothing allocated per step. */
class Dop853Stepper implements Stepper {
  readonly f0: Float64Array;
  readonly denseSize: number;
  private readonly k: Float64Array[];
  private readonly ystage: Float64Array;
  /** Argument of stage 12 (kept for the eigenvalue estimate). */
  private readonly y12: Float64Array;
  /** The accepted state of the last step (a reference, valid until the driver reuses it). */
  private yAccepted: Float64Array;
  private readonly outcome: StepOutcome = createStepOutcome();

  constructor(private readonly ctx: StepperContext) {
    const n = ctx.n;
    this.f0 = new Float64Array(n);
    // k[1] is f0; k[2..16] the other stages (k[13] = f at the new point).
    this.k = [];
    for (let s = 0; s <= 16; s++) this.k.push(s === 1 ? this.f0 : new Float64Array(s === 0 ? 0 : n));
    this.ystage = new Float64Array(n);
    this.y12 = new Float64Array(n);
    this.yAccepted = this.y12;
    this.denseSize = 8 * n;
  }

  start(t0: number, y0: Float64Array, f0?: Float64Array): void {
    startDerivative(this.ctx.rhs, t0, y0, this.f0, f0);
  }

  attempt(t: number, y: Float64Array, h: number, yNew: Float64Array): StepOutcome {
    const { n, rhs, rtol, atol } = this.ctx;
    const k = this.k;
    const k1 = k[1],
      k2 = k[2],
      k3 = k[3],
      k4 = k[4],
      k5 = k[5],
      k6 = k[6];
    const k7 = k[7],
      k8 = k[8],
      k9 = k[9],
      k10 = k[10],
      k11 = k[11],
      k12 = k[12];
    const y1 = this.ystage;
    const y12 = this.y12;
    for (let i = 0; i < n; i++) y1[i] = y[i] + h * A2_1 * k1[i];
    rhs.eval(t + C2 * h, y1, k2);
    for (let i = 0; i < n; i++) y1[i] = y[i] + h * (A3_1 * k1[i] + A3_2 * k2[i]);
    rhs.eval(t + C3 * h, y1, k3);
    for (let i = 0; i < n; i++) y1[i] = y[i] + h * (A4_1 * k1[i] + A4_3 * k3[i]);
    rhs.eval(t + C4 * h, y1, k4);
    for (let i = 0; i < n; i++) y1[i] = y[i] + h * (A5_1 * k1[i] + A5_3 * k3[i] + A5_4 * k4[i]);
    rhs.eval(t + C5 * h, y1, k5);
    for (let i = 0; i < n; i++) y1[i] = y[i] + h * (A6_1 * k1[i] + A6_4 * k4[i] + A6_5 * k5[i]);
    rhs.eval(t + C6 * h, y1, k6);
    for (let i = 0; i < n; i++) y1[i] = y[i] + h * (A7_1 * k1[i] + A7_4 * k4[i] + A7_5 * k5[i] + A7_6 * k6[i]);
    rhs.eval(t + C7 * h, y1, k7);
    for (let i = 0; i < n; i++) {
      y1[i] = y[i] + h * (A8_1 * k1[i] + A8_4 * k4[i] + A8_5 * k5[i] + A8_6 * k6[i] + A8_7 * k7[i]);
    }
    rhs.eval(t + C8 * h, y1, k8);
    for (let i = 0; i < n; i++) {
      y1[i] = y[i] + h * (A9_1 * k1[i] + A9_4 * k4[i] + A9_5 * k5[i] + A9_6 * k6[i] + A9_7 * k7[i] + A9_8 * k8[i]);
    }
    rhs.eval(t + C9 * h, y1, k9);
    for (let i = 0; i < n; i++) {
      y1[i] = y[i] + h * (A10_1 * k1[i] + A10_4 * k4[i] + A10_5 * k5[i] + A10_6 * k6[i] + A10_7 * k7[i] + A10_8 * k8[i] + A10_9 * k9[i]);
    }
    rhs.eval(t + C10 * h, y1, k10);
    for (let i = 0; i < n; i++) {
      y1[i] =
        y[i] +
        h *
          (A11_1 * k1[i] + A11_4 * k4[i] + A11_5 * k5[i] + A11_6 * k6[i] + A11_7 * k7[i] + A11_8 * k8[i] + A11_9 * k9[i] + A11_10 * k10[i]);
    }
    rhs.eval(t + C11 * h, y1, k11);
    const tph = t + h;
    for (let i = 0; i < n; i++) {
      y12[i] =
        y[i] +
        h *
          (A12_1 * k1[i] +
            A12_4 * k4[i] +
            A12_5 * k5[i] +
            A12_6 * k6[i] +
            A12_7 * k7[i] +
            A12_8 * k8[i] +
            A12_9 * k9[i] +
            A12_10 * k10[i] +
            A12_11 * k11[i]);
    }
    rhs.eval(tph, y12, k12);
    // DP86CO's error norm: a 5th-order estimate scaled by a 3rd-order one,
    // err = |h|·E5/√(n·(E5² + 0.01·E3²))·E5 in Hairer's notation (Solving ODEs I, §II.10).
    let err = 0;
    let err2 = 0;
    for (let i = 0; i < n; i++) {
      const b =
        A13_1 * k1[i] + A13_6 * k6[i] + A13_7 * k7[i] + A13_8 * k8[i] + A13_9 * k9[i] + A13_10 * k10[i] + A13_11 * k11[i] + A13_12 * k12[i];
      const yn = y[i] + h * b;
      yNew[i] = yn;
      const sk = atol[i] + rtol * Math.max(Math.abs(y[i]), Math.abs(yn));
      const e3 = b - BHH1 * k1[i] - BHH2 * k9[i] - BHH3 * k12[i];
      err2 += (e3 / sk) ** 2;
      const e5 = ER1 * k1[i] + ER6 * k6[i] + ER7 * k7[i] + ER8 * k8[i] + ER9 * k9[i] + ER10 * k10[i] + ER11 * k11[i] + ER12 * k12[i];
      err += (e5 / sk) ** 2;
    }
    let deno = err + 0.01 * err2;
    if (deno <= 0) deno = 1;
    return judgeErrorNorm(this.outcome, Math.abs(h) * err * Math.sqrt(1 / (n * deno)));
  }

  accept(t: number, y: Float64Array, h: number, yNew: Float64Array, dense: Float64Array | null): void {
    const { n, rhs } = this.ctx;
    const k = this.k;
    const k1 = k[1],
      k6 = k[6],
      k7 = k[7],
      k8 = k[8],
      k9 = k[9],
      k10 = k[10],
      k11 = k[11],
      k12 = k[12];
    const k13 = k[13],
      k14 = k[14],
      k15 = k[15],
      k16 = k[16];
    rhs.eval(t + h, yNew, k13);
    if (dense !== null) {
      const y1 = this.ystage;
      for (let i = 0; i < n; i++) {
        y1[i] =
          y[i] +
          h *
            (A14_1 * k1[i] +
              A14_7 * k7[i] +
              A14_8 * k8[i] +
              A14_9 * k9[i] +
              A14_10 * k10[i] +
              A14_11 * k11[i] +
              A14_12 * k12[i] +
              A14_13 * k13[i]);
      }
      rhs.eval(t + C14 * h, y1, k14);
      for (let i = 0; i < n; i++) {
        y1[i] =
          y[i] +
          h *
            (A15_1 * k1[i] +
              A15_6 * k6[i] +
              A15_7 * k7[i] +
              A15_8 * k8[i] +
              A15_11 * k11[i] +
              A15_12 * k12[i] +
              A15_13 * k13[i] +
              A15_14 * k14[i]);
      }
      rhs.eval(t + C15 * h, y1, k15);
      for (let i = 0; i < n; i++) {
        y1[i] =
          y[i] +
          h *
            (A16_1 * k1[i] +
              A16_6 * k6[i] +
              A16_7 * k7[i] +
              A16_8 * k8[i] +
              A16_9 * k9[i] +
              A16_13 * k13[i] +
              A16_14 * k14[i] +
              A16_15 * k15[i]);
      }
      rhs.eval(t + C16 * h, y1, k16);
      // Coefficients of CONTD8: y(t + θh) = c0 + θ(c1 + (1−θ)(c2 + θ(c3 + (1−θ)·P(θ)))),
      // P(θ) = c4 + θ(c5 + (1−θ)(c6 + θ·c7)).
      for (let i = 0; i < n; i++) {
        const ydiff = yNew[i] - y[i];
        const bspl = h * k1[i] - ydiff;
        dense[i] = y[i];
        dense[n + i] = ydiff;
        dense[2 * n + i] = bspl;
        dense[3 * n + i] = ydiff - h * k13[i] - bspl;
        dense[4 * n + i] =
          h *
          (D4_1 * k1[i] +
            D4_6 * k6[i] +
            D4_7 * k7[i] +
            D4_8 * k8[i] +
            D4_9 * k9[i] +
            D4_10 * k10[i] +
            D4_11 * k11[i] +
            D4_12 * k12[i] +
            D4_13 * k13[i] +
            D4_14 * k14[i] +
            D4_15 * k15[i] +
            D4_16 * k16[i]);
        dense[5 * n + i] =
          h *
          (D5_1 * k1[i] +
            D5_6 * k6[i] +
            D5_7 * k7[i] +
            D5_8 * k8[i] +
            D5_9 * k9[i] +
            D5_10 * k10[i] +
            D5_11 * k11[i] +
            D5_12 * k12[i] +
            D5_13 * k13[i] +
            D5_14 * k14[i] +
            D5_15 * k15[i] +
            D5_16 * k16[i]);
        dense[6 * n + i] =
          h *
          (D6_1 * k1[i] +
            D6_6 * k6[i] +
            D6_7 * k7[i] +
            D6_8 * k8[i] +
            D6_9 * k9[i] +
            D6_10 * k10[i] +
            D6_11 * k11[i] +
            D6_12 * k12[i] +
            D6_13 * k13[i] +
            D6_14 * k14[i] +
            D6_15 * k15[i] +
            D6_16 * k16[i]);
        dense[7 * n + i] =
          h *
          (D7_1 * k1[i] +
            D7_6 * k6[i] +
            D7_7 * k7[i] +
            D7_8 * k8[i] +
            D7_9 * k9[i] +
            D7_10 * k10[i] +
            D7_11 * k11[i] +
            D7_12 * k12[i] +
            D7_13 * k13[i] +
            D7_14 * k14[i] +
            D7_15 * k15[i] +
            D7_16 * k16[i]);
      }
    }
    k1.set(k13);
    this.yAccepted = yNew;
  }

  eigenvalueEstimate(): number {
    // k13 and k12 are f at t + h of y_new and of stage 12's argument.
    return stageEigenvalueEstimate(this.k[13], this.k[12], this.yAccepted, this.y12);
  }

  interpolate(coef: Float64Array, offset: number, theta: number, out: Float64Array): void {
    const n = this.ctx.n;
    const s = theta;
    const s1 = 1 - theta;
    for (let i = 0; i < n; i++) {
      const o = offset + i;
      const conpar = coef[o + 4 * n] + s * (coef[o + 5 * n] + s1 * (coef[o + 6 * n] + s * coef[o + 7 * n]));
      out[i] = coef[o] + s * (coef[o + n] + s1 * (coef[o + 2 * n] + s * (coef[o + 3 * n] + s1 * conpar)));
    }
  }
}

/**
 * The DOP853 method: Hairer's defaults safety 0.9, facMin 0.333, facMax 6, β 0;
 * stability boundary 6.1 on the negative real axis (Hairer's stiffness test threshold).
 */
export const DOP853: MethodDefinition = oneStepMethod({
  name: 'dop853',
  order: 8,
  errorOrder: 5,
  denseOrder: 7,
  stiff: false,
  needs: [],
  summary: "Dormand–Prince 8(5,3), Hairer's DOP853",
  hinitOrder: 8,
  controllerDefaults: { safety: 0.9, facMin: 0.333, facMax: 6, beta: 0 },
  createController: (settings) => new HairerController(settings, 1 / 8 - settings.beta * 0.2),
  stabilityBoundary: 6.1,
  stiffnessTest: hairerStiffnessTest(6.1),
  estimatesEigenvalues: true,
  createStepper: (context) => new Dop853Stepper(context),
});
