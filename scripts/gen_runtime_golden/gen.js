#!/usr/bin/env node
// Golden data from the real runtimes: tests/golden/runtimes/{onnxruntime,tfjs}_{cases,expected}.jsonl.
// Each random case runs on its runtime (ONNX Runtime's CPU provider at opset 19; TensorFlow.js's CPU backend,
// which implements TensorFlow's pooling kernels) and through reference.js, the specification's answer. Where
// the two agree, the expected answer is the runtime's. Where they differ, the case must fall under one of the
// known departures below (else the generator stops: an unexplained difference is a bug here or a departure
// nobody has described); PoolScope follows the specification there, so the expected answer is the spec's and
// the line also carries the runtime's own answer and the departure's name, which tests check explicitly.
//
//     cd scripts/gen_runtime_golden && npm ci && node gen.js           # writes the files
//     node gen.js --check                                              # fails if they would change
'use strict';

const fs = require('fs');
const path = require('path');
const { evaluate, Rejected } = require('./reference');
const { makeRng, onnxCase, tfCase, valueText, mapNested, atRank } = require('./cases');
const { fixedCases } = require('./fixed_cases');
const { runOnnx, runTf, versions } = require('./runtimes');
const { classify, DEPARTURES } = require('./departures');

const OUT_DIR = path.join(__dirname, '..', '..', 'tests', 'golden', 'runtimes');
const SEED = 20261205;
const COUNTS = { onnxruntime: 900, tfjs: 700 };

// Checks the specification makes before any window is read; throws Rejected.
function specChecks(c) {
  const L = c.layer;
  if (L.framework === 'onnx') {
    const [t, l, b, r] = L.pads;
    if (t >= L.k[0] || b >= L.k[0] || l >= L.k[1] || r >= L.k[1]) throw new Rejected('pad >= kernel');
    return;
  }
  const s = L.s, d = L.d;
  if ((d[0] > 1 || d[1] > 1) && (s[0] > 1 || s[1] > 1)) throw new Rejected('strides > 1 with dilation_rate > 1');
  if (c.tf.mode === 'explicit') {
    if (L.kind !== 'max') throw new Rejected('avg_pool2d takes no explicit padding');
    if (c.tf.padding[0][0] || c.tf.padding[0][1]) throw new Rejected('batch padding');
    const [t, l, b, r] = L.pads;
    if (t >= L.k[0] || b >= L.k[0] || l >= L.k[1] || r >= L.k[1]) throw new Rejected('pad >= window');
  }
}

function reference(c) {
  try {
    specChecks(c);
    const x = c.x;
    const layer = { ...c.layer };
    if (c.json.global_pool) layer.k = [x[0][0].length, x[0][0][0].length];
    return evaluate(layer, x);
  } catch (e) {
    if (e instanceof Rejected) return { error: e.message };
    throw e;
  }
}

const f32bits = (v) => new Uint32Array(Float32Array.of(v).buffer)[0];
function ulps(a, b) {
  const key = (v) => { const i = f32bits(v) | 0; return i < 0 ? -2147483648 - i : i; };
  return Math.abs(key(a) - key(b));
}
// The C++ tests' rule (tests/golden/golden_compare.cpp): max bit for bit, averages within 4 ulp or 1e-6.
function valuesAgree(e, a, exact) {
  if (Number.isNaN(e) || Number.isNaN(a)) return Number.isNaN(e) && Number.isNaN(a);
  if (exact) return f32bits(e) === f32bits(a);
  if (e === a) return true;
  if (!Number.isFinite(e) || !Number.isFinite(a)) return false;
  return ulps(e, a) <= 4 || Math.abs(e - a) <= 1e-6 * Math.max(Math.abs(e), Math.abs(a));
}
function nestedAgree(e, a, exact) {
  if (Array.isArray(e) !== Array.isArray(a)) return false;
  if (!Array.isArray(e)) return valuesAgree(e, a, exact);
  return e.length === a.length && e.every((v, i) => nestedAgree(v, a[i], exact));
}
function answersAgree(ref, rt, kind) {
  if ('error' in ref || 'error' in rt) return 'error' in ref && 'error' in rt;
  if (!nestedAgree(ref.output, rt.output, kind === 'max')) return false;
  if (!ref.indices) return true;
  return nestedAgree(ref.indices, rt.indices, true);
}

function answerLine(id, answer, rank) {
  if ('error' in answer) return { id, error: true, message: answer.error };
  const line = { id, output: mapNested(atRank(answer.output, rank), valueText) };
  if (answer.indices) line.indices = atRank(answer.indices, rank);
  return line;
}

async function build(runtime) {
  const rng = makeRng(SEED + (runtime === 'tfjs' ? 1 : 0));
  const cases = [], expected = [], tally = { agree: 0, errors: 0, skippedEmpty: 0, departures: {} };
  const unexplained = [];
  const fixed = fixedCases(runtime);
  for (let i = 0; cases.length < COUNTS[runtime] + fixed.length; ++i) {
    const id = `${runtime}-${String(i).padStart(4, '0')}`;
    const c = i < fixed.length ? fixed[i] : runtime === 'onnxruntime' ? onnxCase(rng, id) : tfCase(rng, id);
    const rank = depth(c.json.input);
    const ref = reference(c);
    // A window with no input cell (dilation stepping over the input): the specifications do not say what it
    // gives (ONNX Runtime writes the lowest float, TensorFlow pads zeros); such cases are left out.
    if (ref.emptyWindow) { ++tally.skippedEmpty; continue; }
    // Random sizes often make a window larger than the input; keep a quarter of those, they teach one thing.
    if (!c.fixed && 'error' in ref && /too small|does not fit/.test(ref.error) && rng.chance(0.75)) continue;
    const rt = runtime === 'onnxruntime' ? await runOnnx(c.ort, c.x) : await runTf(c.tf, c.x);
    const kind = c.layer.kind;
    if (answersAgree(ref, rt, kind)) {
      cases.push(c.json);
      expected.push(answerLine(c.json.id, 'error' in ref ? { error: rt.error } : rt, rank));
      ++tally.agree;
      if ('error' in ref) ++tally.errors;
      continue;
    }
    const departure = classify(runtime, c, ref, rt);
    if (!departure) {
      unexplained.push({ case: c.json, reference: ref, runtime: rt });
      continue;
    }
    tally.departures[departure] = (tally.departures[departure] || 0) + 1;
    cases.push(c.json);
    const line = answerLine(c.json.id, ref, rank);
    line.departure = departure;
    line.runtime = answerLine(c.json.id, rt, rank);
    delete line.runtime.id;
    expected.push(line);
  }
  return { cases, expected, tally, unexplained };
}

function depth(x) {
  let d = 0;
  for (let t = x; Array.isArray(t); t = t[0]) ++d;
  return d;
}

const dump = (items) => items.map((x) => JSON.stringify(x) + '\n').join('');

async function main() {
  const check = process.argv.includes('--check');
  const files = {};
  const summary = { seed: SEED, versions: versions(), opset: require('./onnx_model').OPSET, runtimes: {} };
  let failed = false;
  for (const runtime of ['onnxruntime', 'tfjs']) {
    const { cases, expected, tally, unexplained } = await build(runtime);
    summary.runtimes[runtime] = { cases: cases.length, ...tally };
    files[`${runtime}_cases.jsonl`] = dump(cases);
    files[`${runtime}_expected.jsonl`] = dump(expected);
    if (unexplained.length) {
      failed = true;
      console.error(`${runtime}: ${unexplained.length} unexplained differences; the first ones:`);
      for (const u of unexplained.slice(0, 6)) console.error(JSON.stringify(u));
      if (process.env.DUMP) fs.writeFileSync(`/tmp/unexplained_${runtime}.json`, JSON.stringify(unexplained));
    }
  }
  summary.departures = DEPARTURES;
  files['summary.json'] = JSON.stringify(summary, null, 2) + '\n';
  console.log(JSON.stringify(summary.runtimes, null, 2));
  if (failed) process.exit(1);
  if (check) {
    for (const [name, text] of Object.entries(files)) {
      const file = path.join(OUT_DIR, name);
      if (!fs.existsSync(file) || fs.readFileSync(file, 'utf8') !== text) {
        console.error(`tests/golden/runtimes/${name} is out of date`);
        process.exit(1);
      }
    }
    return;
  }
  fs.mkdirSync(OUT_DIR, { recursive: true });
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(OUT_DIR, name), text);
}

main().catch((e) => { console.error(e); process.exit(1); });
