// Random cases for each runtime: the `poolscope compute` line (PoolScope's JSON, in the framework's own key
// names), the layer for reference.js, and how to run it on the runtime. Fixed seed: the files are stable.
'use strict';

function makeRng(seed) {
  let a = seed >>> 0;
  const next = () => {  // mulberry32
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    random: next,
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: (items) => items[Math.floor(next() * items.length)],
    chance: (p) => next() < p,
  };
}

// N x C x H x W values: small integers and quarters (sums exact in float32), some tenths (rounding), and
// in some cases NaN, +inf, -inf, or a whole plane of -inf.
// exactSums: integers and quarters only, whose float32 sums are exact (TensorFlow.js sums a window in
// double precision where TensorFlow and PoolScope sum in float32; with exact sums both round only the division).
function randomInput(rng, rank, maxSide, exactSums = false) {
  const N = rank === 4 ? rng.int(1, 2) : 1, C = rank >= 3 ? rng.int(1, 3) : 1;
  const H = rng.int(1, maxSide), W = rng.int(1, maxSide);
  const specials = rng.chance(0.2), negInfPlane = rng.chance(0.05);
  const value = () => {
    if (specials && rng.chance(0.15)) return rng.pick([NaN, Infinity, -Infinity, -Infinity]);
    const r = rng.random();
    if (r < 0.5) return rng.int(-5, 9);
    if (r < 0.85 || exactSums) return rng.int(-20, 20) / 4;
    return Math.fround(rng.int(-99, 99) / 10);
  };
  const x = [];
  for (let n = 0; n < N; ++n) {
    const planes = [];
    for (let c = 0; c < C; ++c) {
      const allNegInf = negInfPlane && c === 0;
      planes.push(Array.from({ length: H }, () => Array.from({ length: W }, () => (allNegInf ? -Infinity : value()))));
    }
    x.push(planes);
  }
  return x;
}

// The input at the case's rank (PoolScope takes H x W, C x H x W or N x C x H x W), non-finite as strings.
function valueText(v) {
  if (Number.isNaN(v)) return 'nan';
  if (v === Infinity) return 'inf';
  if (v === -Infinity) return '-inf';
  return v;
}
function mapNested(x, f) {
  return Array.isArray(x) ? x.map((e) => mapNested(e, f)) : f(x);
}
function atRank(x4, rank) {
  let x = x4;
  for (let r = 4; r > rank; --r) x = x[0];
  return x;
}

const pair = (rng, lo, hi, square = 0.4) => {
  const a = rng.int(lo, hi);
  return rng.chance(square) ? [a, a] : [a, rng.int(lo, hi)];
};

// ---------------------------------------------------------------- ONNX Runtime
function onnxCase(rng, id) {
  const rank = rng.pick([2, 3, 4, 4]);
  const x = randomInput(rng, rank, 7);
  const H = x[0][0].length, W = x[0][0][0].length;
  const roll = rng.random();
  const kind = roll < 0.36 ? 'max' : roll < 0.66 ? 'avg' : 'lp';
  const global = rng.chance(0.12);
  const op = { max: 'max_pool2d', avg: 'avg_pool2d', lp: 'lp_pool2d' }[kind];
  const json = { id, convention: 'onnx', op, input: mapNested(atRank(x, rank), valueText) };
  const attrs = {};
  const layer = { framework: 'onnx', kind, k: [H, W], s: [1, 1], d: [1, 1], mode: 'explicit', pads: [0, 0, 0, 0],
                  ceil: false, includePad: false, p: 2, indices: null };
  if (kind === 'lp' && rng.chance(0.8)) {
    layer.p = rng.pick([1, 2, 3, 4]);
    json.p = attrs.p = layer.p;
  }
  const opType = (global ? 'Global' : '') + { max: 'MaxPool', avg: 'AveragePool', lp: 'LpPool' }[kind];
  const outputs = ['Y'];
  if (global) {
    json.global_pool = true;
    return { json, layer, x, ort: { opType, attrs, outputs } };
  }
  layer.k = pair(rng, 1, 4);
  json[rng.pick(['kernel_shape', 'kernel_shape', 'kernel_size'])] = attrs.kernel_shape = layer.k;
  if (rng.chance(0.7)) {
    layer.s = pair(rng, 1, 3);
    json.strides = attrs.strides = layer.s;
  }
  if (rng.chance(0.45)) {
    layer.d = pair(rng, 1, 3, 0.5);
    json.dilations = attrs.dilations = layer.d;
  }
  const padRoll = rng.random();
  if (padRoll < 0.3) {
    const mode = rng.pick(['SAME_UPPER', 'SAME_LOWER', 'VALID']);
    layer.mode = mode.toLowerCase();
    json.auto_pad = attrs.auto_pad = mode;
  } else if (padRoll < 0.8) {
    const side = (k) => (rng.chance(0.04) ? k : rng.int(0, k - 1));  // pad == kernel: refused
    layer.pads = [side(layer.k[0]), side(layer.k[1]), side(layer.k[0]), side(layer.k[1])];
    json.pads = attrs.pads = layer.pads;
  }
  if (rng.chance(0.4)) {
    layer.ceil = rng.chance(0.75);
    json.ceil_mode = attrs.ceil_mode = layer.ceil ? 1 : 0;
  }
  if (kind === 'avg' && rng.chance(0.5)) {
    layer.includePad = rng.chance(0.5);
    json.count_include_pad = attrs.count_include_pad = layer.includePad ? 1 : 0;
  }
  if (kind === 'max' && rng.chance(0.4)) {
    json.return_indices = true;
    outputs.push('Indices');
    layer.indices = 'onnx';
    if (rng.chance(0.5)) {
      json.storage_order = attrs.storage_order = rng.int(0, 1);
      if (attrs.storage_order === 1) layer.indices = 'onnx_col';
    }
  }
  return { json, layer, x, ort: { opType, attrs, outputs } };
}

// ---------------------------------------------------------------- TensorFlow.js
// mode: 'keras' (tf.keras MaxPool2D / AvgPool2D: tf.maxPool / tf.avgPool), 'pool' (tf.nn.pool with
// dilations), 'explicit' (tf.nn.max_pool2d with padding [[0,0],[t,b],[l,r],[0,0]]), 'argmax'
// (tf.nn.max_pool_with_argmax).
function tfCase(rng, id) {
  const rank = rng.pick([2, 3, 4, 4]);
  const roll = rng.random();
  const mode = roll < 0.35 ? 'keras' : roll < 0.65 ? 'pool' : roll < 0.82 ? 'explicit' : 'argmax';
  let kind = mode === 'argmax' || mode === 'explicit' ? 'max' : rng.pick(['max', 'avg']);
  if (mode === 'explicit' && rng.chance(0.08)) kind = 'avg';  // avg_pool2d takes no explicit padding
  const x = randomInput(rng, rank, mode === 'pool' ? 8 : 7, kind === 'avg');
  const json = { id, convention: 'tensorflow', op: kind === 'max' ? 'max_pool2d' : 'avg_pool2d',
                 input: mapNested(atRank(x, rank), valueText) };
  const layer = { framework: 'tensorflow', kind, k: pair(rng, 1, mode === 'pool' ? 3 : 4), s: null, d: [1, 1],
                  mode: 'valid', pads: [0, 0, 0, 0], ceil: false, includePad: false, p: 2, indices: null };
  json[rng.pick(['pool_size', 'kernel_size'])] = layer.k;
  const tf = { mode, kind, k: layer.k, s: null, d: [1, 1], padding: 'valid', includeBatch: false };
  if (mode === 'pool') {
    layer.d = rng.chance(0.85) ? pair(rng, 1, 3, 0.5) : [1, 1];
    if (layer.d[0] === 1 && layer.d[1] === 1 && rng.chance(0.7)) layer.d = [2, rng.int(1, 3)];
    json[rng.pick(['dilations', 'dilation_rate'])] = layer.d;
    tf.d = layer.d;
    layer.s = [1, 1];  // tf.nn.pool's default
    if (rng.chance(0.15)) layer.s = pair(rng, 1, 3);  // strides > 1 with dilation > 1: refused
    // Without dilation the layer reads as Keras's, whose strides default to the pool size: write them out.
    const plain = layer.d[0] === 1 && layer.d[1] === 1;
    if (rng.chance(0.6) || plain || layer.s[0] > 1 || layer.s[1] > 1) json.strides = layer.s;
  } else if (mode === 'explicit') {
    layer.s = pair(rng, 1, 3);
    json.strides = layer.s;
    const side = (k) => (rng.chance(0.05) ? k : rng.int(0, k - 1));
    layer.pads = [side(layer.k[0]), side(layer.k[1]), side(layer.k[0]), side(layer.k[1])];
    layer.mode = 'explicit';
    const batch = rng.chance(0.04) ? 1 : 0;
    tf.padding = [[batch, 0], [layer.pads[0], layer.pads[2]], [layer.pads[1], layer.pads[3]], [0, 0]];
    json.padding = tf.padding;
  } else {
    layer.s = rng.chance(0.7) ? pair(rng, 1, 3) : layer.k;  // Keras: strides default to pool_size
    if (layer.s !== layer.k || mode === 'argmax') json.strides = layer.s;
  }
  if (mode !== 'explicit') {
    const same = rng.chance(0.5);
    layer.mode = same ? 'same_upper' : 'valid';
    tf.padding = same ? 'same' : 'valid';
    if (same || rng.chance(0.5)) json.padding = rng.pick(same ? ['same', 'SAME'] : ['valid', 'VALID']);
  }
  if (mode === 'argmax') {
    json.return_indices = true;
    tf.includeBatch = rng.chance(0.5);
    if (tf.includeBatch || rng.chance(0.5)) json.include_batch_in_index = tf.includeBatch;
    layer.indices = tf.includeBatch ? 'tf_batch' : 'tf';
  }
  tf.s = layer.s;
  return { json, layer, x, tf };
}

module.exports = { makeRng, onnxCase, tfCase, valueText, mapNested, atRank };
