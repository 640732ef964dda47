// Runs one generated case on its runtime and returns {output, indices?} as N x C x H x W nested arrays of
// numbers (indices as the runtime numbers them), or {error: message}.
'use strict';

const { poolModel } = require('./onnx_model');

function nestNCHW(data, [N, C, H, W], at) {
  const out = [];
  for (let n = 0; n < N; ++n) {
    const planes = [];
    for (let c = 0; c < C; ++c) {
      planes.push(Array.from({ length: H }, (_, y) => Array.from({ length: W }, (_, x) => Number(data[at(n, c, y, x)]))));
    }
    out.push(planes);
  }
  return out;
}

// ---------------------------------------------------------------- ONNX Runtime (CPU execution provider)
let ort = null;
async function runOnnx(spec, x) {
  if (!ort) {
    ort = require('onnxruntime-node');
    ort.env.logLevel = 'fatal';
  }
  const shape = [x.length, x[0].length, x[0][0].length, x[0][0][0].length];
  try {
    const model = poolModel(spec.opType, spec.attrs, shape, spec.outputs);
    const session = await ort.InferenceSession.create(model, { executionProviders: ['cpu'], logSeverityLevel: 4 });
    const feeds = { X: new ort.Tensor('float32', Float32Array.from(x.flat(3)), shape) };
    const result = await session.run(feeds);
    const answer = {};
    for (const name of spec.outputs) {
      const t = result[name];
      const [N, C, H, W] = t.dims.map(Number);
      const at = (n, c, y, xx) => ((n * C + c) * H + y) * W + xx;
      answer[name === 'Y' ? 'output' : 'indices'] = nestNCHW(t.data, [N, C, H, W], at);
    }
    await session.release();
    return answer;
  } catch (e) {
    return { error: String(e.message || e).split('\n')[0] };
  }
}

// ---------------------------------------------------------------- TensorFlow.js (CPU backend)
let tf = null;
async function runTf(spec, x) {
  if (!tf) {
    tf = require('@tensorflow/tfjs');
    await tf.setBackend('cpu');
  }
  const [N, C, H, W] = [x.length, x[0].length, x[0][0].length, x[0][0][0].length];
  const nhwc = new Float32Array(N * H * W * C);
  for (let n = 0; n < N; ++n)
    for (let c = 0; c < C; ++c)
      for (let y = 0; y < H; ++y)
        for (let xx = 0; xx < W; ++xx) nhwc[((n * H + y) * W + xx) * C + c] = x[n][c][y][xx];
  try {
    return tf.tidy(() => {
      const input = tf.tensor4d(nhwc, [N, H, W, C]);
      let values, indices = null;
      if (spec.mode === 'pool') {
        values = tf.pool(input, spec.k, spec.kind, spec.padding, spec.d, spec.s);
      } else if (spec.mode === 'argmax') {
        const r = tf.maxPoolWithArgmax(input, spec.k, spec.s, spec.padding, spec.includeBatch);
        values = r.result;
        indices = r.indexes;
      } else {
        const op = spec.kind === 'max' ? tf.maxPool : tf.avgPool;
        values = op(input, spec.k, spec.s, spec.padding);
      }
      const [on, oh, ow, oc] = values.shape;
      const at = (n, c, y, xx) => ((n * oh + y) * ow + xx) * oc + c;
      const answer = { output: nestNCHW(values.dataSync(), [on, oc, oh, ow], at) };
      if (indices) answer.indices = nestNCHW(indices.dataSync(), [on, oc, oh, ow], at);
      return answer;
    });
  } catch (e) {
    return { error: String(e.message || e).split('\n')[0] };
  }
}

function versions() {
  const v = (name) => require(`${name}/package.json`).version;
  return { 'onnxruntime-node': v('onnxruntime-node'), '@tensorflow/tfjs': v('@tensorflow/tfjs') };
}

module.exports = { runOnnx, runTf, versions };
