// Cases written by hand, first in each file: the examples of issue 30 and one of each departure the notes
// name, so every departure is tested even if the random cases happen to miss it.
'use strict';

const { valueText, mapNested } = require('./cases');

const arange = (h, w, start = 0) => Array.from({ length: h }, (_, y) => Array.from({ length: w }, (_, x) => start + y * w + x));
const as4d = (plane) => [[plane]];

function onnx(id, kind, plane, attrs, extra = {}) {
  const opType = { max: 'MaxPool', avg: 'AveragePool', lp: 'LpPool' }[kind];
  const op = { max: 'max_pool2d', avg: 'avg_pool2d', lp: 'lp_pool2d' }[kind];
  const k = attrs.kernel_shape;
  const mode = attrs.auto_pad ? attrs.auto_pad.toLowerCase() : 'explicit';
  const layer = { framework: 'onnx', kind, k, s: attrs.strides || [1, 1], d: attrs.dilations || [1, 1], mode,
                  pads: attrs.pads || [0, 0, 0, 0], ceil: !!attrs.ceil_mode, includePad: !!attrs.count_include_pad,
                  p: attrs.p || 2, indices: extra.indices ? 'onnx' : null };
  const json = { id, convention: 'onnx', op, input: mapNested(plane, valueText), ...attrs };
  const outputs = ['Y'];
  if (extra.indices) {
    json.return_indices = true;
    outputs.push('Indices');
  }
  return { fixed: true, json, layer, x: as4d(plane), ort: { opType, attrs, outputs } };
}

function tf(id, kind, plane, opts) {
  const { mode, k, s, padding = 'valid', d = [1, 1], includeBatch = false } = opts;
  const explicit = Array.isArray(padding);
  const layer = { framework: 'tensorflow', kind, k, s, d, mode: explicit ? 'explicit' : padding === 'same' ? 'same_upper' : 'valid',
                  pads: explicit ? [padding[1][0], padding[2][0], padding[1][1], padding[2][1]] : [0, 0, 0, 0],
                  ceil: false, includePad: false, p: 2, indices: mode === 'argmax' ? (includeBatch ? 'tf_batch' : 'tf') : null };
  const json = { id, convention: 'tensorflow', op: kind === 'max' ? 'max_pool2d' : 'avg_pool2d',
                 input: mapNested(plane, valueText), pool_size: k, strides: s, padding };
  if (mode === 'pool') json.dilations = d;
  if (mode === 'argmax') {
    json.return_indices = true;
    json.include_batch_in_index = includeBatch;
  }
  return { fixed: true, json, layer, x: as4d(plane), tf: { mode, kind, k, s, d, padding, includeBatch } };
}

function fixedCases(runtime) {
  if (runtime === 'onnxruntime') {
    return [
      // Issue 30's minimal case: AveragePool with dilations (opset 19) gives [[2.5]].
      onnx('onnx-avg-dilations-1', 'avg', [[1, 2], [3, 4]], { kernel_shape: [2, 2], dilations: [1, 1] }),
      onnx('onnx-avg-dilations-2', 'avg', arange(5, 5), { kernel_shape: [2, 2], dilations: [2, 2], pads: [1, 1, 1, 1], count_include_pad: 1 }),
      onnx('onnx-lppool-p3', 'lp', arange(4, 4, -6), { kernel_shape: [3, 2], strides: [1, 2], pads: [1, 0, 1, 1], p: 3 }),
      onnx('onnx-lppool-dilated-ceil', 'lp', arange(5, 6), { kernel_shape: [2, 2], strides: [2, 2], dilations: [2, 1], ceil_mode: 1, p: 1 }),
      // Departures: VALID with ceil_mode, SAME with dilations, SAME needing no padding, a window past the input.
      onnx('onnx-valid-ceil_mode', 'max', arange(3, 3, 1), { kernel_shape: [2, 2], strides: [2, 2], auto_pad: 'VALID', ceil_mode: 1 }),
      onnx('onnx-same-dilated', 'max', arange(3, 3, 1), { kernel_shape: [2, 2], dilations: [2, 2], auto_pad: 'SAME_UPPER' }),
      onnx('onnx-same-stride-past-kernel', 'avg', arange(2, 6), { kernel_shape: [1, 1], strides: [1, 2], auto_pad: 'SAME_LOWER' }),
      onnx('onnx-window-past-input', 'avg', arange(1, 5), { kernel_shape: [2, 3], strides: [2, 2] }),
      onnx('onnx-max-nan', 'max', [[NaN, 1], [2, 3]], { kernel_shape: [2, 2] }, { indices: true }),
      onnx('onnx-max-neg-inf', 'max', [[-Infinity, -Infinity], [-Infinity, -Infinity]], { kernel_shape: [2, 2] }),
    ];
  }
  return [
    // Issue 30's explicit padding example, tf.nn.max_pool2d(x, 3, 1, padding=[[0,0],[1,1],[2,2],[0,0]]).
    tf('tf-explicit-padding', 'max', arange(4, 5), { mode: 'explicit', k: [3, 3], s: [1, 1], padding: [[0, 0], [1, 1], [2, 2], [0, 0]] }),
    tf('tf-pool-dilated-valid', 'avg', arange(5, 6), { mode: 'pool', k: [2, 2], s: [1, 1], d: [2, 3] }),
    tf('tf-pool-dilated-same', 'max', arange(3, 3, -9), { mode: 'pool', k: [2, 2], s: [1, 1], d: [2, 2], padding: 'same' }),
    tf('tf-argmax', 'max', arange(4, 4), { mode: 'argmax', k: [2, 2], s: [2, 2], padding: 'same' }),
    tf('tf-argmax-batch', 'max', arange(3, 5), { mode: 'argmax', k: [2, 3], s: [1, 2], padding: 'same', includeBatch: true }),
    tf('tf-argmax-neg-inf', 'max', [[-Infinity, -Infinity], [-Infinity, 1]], { mode: 'argmax', k: [1, 1], s: [1, 1] }),
    tf('tf-explicit-pad-too-large', 'max', arange(3, 3), { mode: 'explicit', k: [2, 2], s: [2, 2], padding: [[0, 0], [0, 1], [0, 2], [0, 0]] }),
  ];
}

module.exports = { fixedCases };
