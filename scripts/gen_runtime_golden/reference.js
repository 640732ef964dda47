// What each framework's specification says a layer gives, written from the documents (not from PoolScope's
// C++ and not from the runtimes), so the generator can tell a runtime's answer that follows its spec from one
// that departs from it. Float32 arithmetic as the kernels do it: sums accumulate in float32, in row-major
// window order; a max takes a NaN (IEEE 754 maximum: the max of a set holding NaN is NaN).
//   ONNX (Operators.md, opset 19): MaxPool / AveragePool / LpPool / Global*Pool. Explicit pads
//     [top, left, bottom, right]: out = floor_or_ceil((in + pads - ((k-1)*d + 1)) / s) + 1, and with ceil_mode
//     "sliding windows that would start in the right padded region are ignored". auto_pad SAME_UPPER /
//     SAME_LOWER: out = ceil(in / s), total padding (out-1)*s + (k-1)*d + 1 - in (extra cell at the end /
//     start); VALID: out = floor((in - ((k-1)*d + 1)) / s) + 1; ceil_mode does not change either (the spec's
//     two formulas agree). count_include_pad counts pad cells (never the ceil_mode overhang past them).
//     LpPool: (sum of |x|^p over the window's input cells)^(1/p). Indices flat over N*C*H*W (storage_order 1:
//     column-major within the plane). ONNX Runtime refuses pads >= kernel ("Pad should be smaller than
//     kernel"), which PoolScope follows.
//   TensorFlow (tf.nn.pool, tf.nn.max_pool2d, tf.nn.max_pool_with_argmax, Keras pooling layers): SAME:
//     out = ceil(in / s), padding max((out-1)*s + (k-1)*d + 1 - in, 0), the odd cell at the end; VALID:
//     out = ceil((in - (k-1)*d) / s); explicit [[0,0],[t,b],[l,r],[0,0]] (max_pool2d only): out =
//     floor((in + t + b - k) / s) + 1, each pad smaller than the window. "The reduction never includes
//     out-of-bounds positions" (tf.nn.pool): average divides by the input cells only, max ignores padding.
//     dilation_rate > 1 needs strides 1. argmax: ((b*H + y)*W + x)*C + c (b only with include_batch_in_index).
'use strict';

class Rejected extends Error {}

const f32 = Math.fround;

// One axis: {out, before, after}. mode: 'explicit' | 'valid' | 'same_upper' | 'same_lower'.
function axis(framework, n, k, s, d, mode, begin, end, ceil) {
  const ek = (k - 1) * d + 1;
  if (mode === 'same_upper' || mode === 'same_lower') {
    const out = Math.ceil(n / s);
    const total = Math.max((out - 1) * s + ek - n, 0);
    const small = Math.floor(total / 2);
    return mode === 'same_upper' ? { out, before: small, after: total - small }
                                 : { out, before: total - small, after: small };
  }
  if (mode === 'valid') {
    const out = framework === 'onnx' ? Math.floor((n - ek) / s) + 1 : Math.ceil((n - ek + 1) / s);
    if (out < 1) throw new Rejected('valid: the window does not fit');
    return { out, before: 0, after: 0 };
  }
  const slide = n + begin + end - ek;
  let out = (ceil ? Math.ceil(slide / s) : Math.floor(slide / s)) + 1;
  if (ceil && (out - 1) * s >= n + begin) out -= 1;  // would start in the end padding
  if (out < 1) throw new Rejected('output too small');
  return { out, before: begin, after: end };
}

// layer: {framework, kind 'max'|'avg'|'lp', k, s, d, mode, pads [t,l,b,r], ceil, includePad, p,
//         indices: null | 'onnx' | 'onnx_col' | 'tf' | 'tf_batch'}.
// x: N x C x H x W nested arrays of float32 values. Returns {output, indices?, emptyWindow, nanMaxWindow,
// negInfMaxWindow, touchesPadding}.
function evaluate(layer, x) {
  const N = x.length, C = x[0].length, H = x[0][0].length, W = x[0][0][0].length;
  const [t, l, b, r] = layer.pads;
  const ah = axis(layer.framework, H, layer.k[0], layer.s[0], layer.d[0], layer.mode, t, b, layer.ceil);
  const aw = axis(layer.framework, W, layer.k[1], layer.s[1], layer.d[1], layer.mode, l, r, layer.ceil);
  const flags = { emptyWindow: false, nanMaxWindow: false, negInfMaxWindow: false, touchesPadding: false };
  const output = [], indices = [];
  for (let n = 0; n < N; ++n) {
    const on = [], inn = [];
    for (let c = 0; c < C; ++c) {
      const plane = x[n][c], oc = [], ic = [];
      for (let i = 0; i < ah.out; ++i) {
        const row = [], irow = [];
        for (let j = 0; j < aw.out; ++j) {
          const hs = i * layer.s[0] - ah.before, ws = j * layer.s[1] - aw.before;
          const cells = [];  // [value, y, x] of the input cells, row-major
          let padded = 0;    // taps on pad cells (not the ceil_mode overhang)
          for (let a = 0; a < layer.k[0]; ++a) {
            const y = hs + a * layer.d[0];
            for (let q = 0; q < layer.k[1]; ++q) {
              const xx = ws + q * layer.d[1];
              if (y >= 0 && y < H && xx >= 0 && xx < W) cells.push([plane[y][xx], y, xx]);
              else if (y < H + ah.after && xx < W + aw.after) ++padded;
            }
          }
          if (padded) flags.touchesPadding = true;
          if (!cells.length) flags.emptyWindow = true;
          if (layer.kind === 'max') {
            let best = -Infinity, at = cells.length ? cells[0] : [0, 0, 0];
            for (const cell of cells) {
              if (cell[0] > best || Number.isNaN(cell[0])) { best = cell[0]; at = cell; }
            }
            if (cells.some((cell) => Number.isNaN(cell[0]))) flags.nanMaxWindow = true;
            if (cells.length && cells.every((cell) => cell[0] === -Infinity)) flags.negInfMaxWindow = true;
            row.push(best);
            irow.push(flatIndex(layer.indices, n, c, at[1], at[2], N, C, H, W));
          } else if (layer.kind === 'avg') {
            let sum = 0;
            for (const cell of cells) sum = f32(sum + cell[0]);
            const count = cells.length + (layer.includePad ? padded : 0);
            row.push(f32(sum / count));
          } else {
            let sum = 0;
            for (const cell of cells) sum = f32(sum + f32(Math.abs(cell[0]) ** layer.p));
            row.push(f32(sum ** f32(1 / layer.p)));
          }
        }
        oc.push(row);
        ic.push(irow);
      }
      on.push(oc);
      inn.push(ic);
    }
    output.push(on);
    indices.push(inn);
  }
  const answer = { output, ...flags };
  if (layer.indices) answer.indices = indices;
  return answer;
}

function flatIndex(kind, n, c, y, x, N, C, H, W) {
  switch (kind) {
    case 'onnx': return (n * C + c) * H * W + y * W + x;
    case 'onnx_col': return (n * C + c) * H * W + x * H + y;
    case 'tf': return (y * W + x) * C + c;
    case 'tf_batch': return ((n * H + y) * W + x) * C + c;
    default: return -1;
  }
}

module.exports = { evaluate, Rejected };
