// The known ways a runtime departs from its specification. PoolScope follows the specification in each; the
// golden line then carries the spec's answer, the runtime's own answer and the departure's name, and
// tests/golden/runtime_golden_test.cpp checks both. classify() names the departure that explains a
// difference between a runtime's answer and reference.js, or returns null (the generator then stops).
'use strict';

const DEPARTURES = {
  max_nan:
    'A max window holding NaN. Neither specification says what a max of NaN is; PoolScope keeps one rule for ' +
    'every framework, IEEE 754 maximum (NaN wins, as in PyTorch and NumPy). The runtimes compare with `>` and ' +
    'lose the NaN in ways that depend on the code path: ONNX Runtime without Indices (MLAS) skips it, with ' +
    'Indices keeps it only when it comes first; TensorFlow.js never takes it (an all-NaN window gives -inf).',
  ort_max_lowest_float:
    'ONNX Runtime MaxPool without Indices starts from the lowest finite float, so a window of -inf gives ' +
    '-3.4028235e38; the max of -inf values is -inf.',
  ort_same_undilated_kernel:
    'auto_pad SAME_UPPER / SAME_LOWER with dilations > 1: ONNX Runtime computes the padding from the undilated ' +
    'kernel, so its output is smaller than the ceil(in / stride) the spec promises (or it refuses the layer); ' +
    'the spec pads (out-1)*stride + (kernel-1)*dilation + 1 - in.',
  ort_same_negative_padding:
    'auto_pad SAME when a stride larger than the kernel needs no padding: ONNX Runtime\'s formula goes ' +
    'negative and it refuses ("padding values must be non-negative"); no padding already gives the ' +
    'ceil(in / stride) outputs SAME asks for.',
  ort_valid_ceil_mode:
    'auto_pad VALID with ceil_mode 1: ONNX Runtime rounds up (as ONNX shape inference does) and adds a window ' +
    'that runs past the input; the operator text gives floor((in - ((k-1)*d + 1)) / s) + 1 for VALID, ceil_mode ' +
    'or not.',
  ort_window_larger_than_input:
    'A window larger than the (padded) input: the spec\'s formula gives no output (floor of a negative ' +
    'quotient), but ONNX Runtime truncates toward zero and pools one window reaching past the input.',
  tf_dilated_same_zero_padding:
    'tf.nn.pool with dilations > 1 and padding SAME: TensorFlow (and TensorFlow.js after it) runs the pooling ' +
    'on a space_to_batch copy padded with zeros, so the zeros enter the max and the average; tf.nn.pool\'s ' +
    'documentation says "the reduction never includes out-of-bounds positions".',
  tfjs_pad_not_smaller:
    'tf.nn.max_pool2d explicit padding as large as the window: TensorFlow\'s kernel refuses it ("padding ... ' +
    'needs to be smaller than the window size"); TensorFlow.js pools windows of padding only.',
  tfjs_avg_explicit_padding:
    'tf.nn.avg_pool2d takes padding "SAME" or "VALID" only; TensorFlow.js also takes explicit numbers.',
  tfjs_batch_padding:
    'Explicit padding of the batch dimension: TensorFlow refuses it ("Nonzero explicit padding in the batch or ' +
    'depth dimensions is not supported"); TensorFlow.js ignores it.',
  tfjs_empty_output:
    'A window larger than the input: TensorFlow refuses it ("Negative dimension size"); TensorFlow.js returns ' +
    'an empty tensor.',
  tfjs_argmax_no_max:
    'tf.nn.max_pool_with_argmax on a window of -inf (or NaN): TensorFlow reports the window\'s first cell; ' +
    'TensorFlow.js starts from -inf, never finds a larger value and reports -1.',
};

const hasError = (answer) => 'error' in answer;
const dilated = (L) => L.d[0] > 1 || L.d[1] > 1;
const isSame = (L) => L.mode === 'same_upper' || L.mode === 'same_lower';

function classifyOnnx(c, ref, rt) {
  const L = c.layer;
  if (isSame(L) && dilated(L)) return 'ort_same_undilated_kernel';
  if (isSame(L) && hasError(rt) && /padding values must be non-negative/.test(rt.error)) return 'ort_same_negative_padding';
  if (L.mode === 'valid' && L.ceil && !hasError(ref) && !hasError(rt)) return 'ort_valid_ceil_mode';
  if (hasError(ref) && /too small|does not fit/.test(ref.error) && !hasError(rt)) return 'ort_window_larger_than_input';
  if (hasError(ref) || hasError(rt)) return null;
  if (L.kind === 'max' && ref.nanMaxWindow) return 'max_nan';
  if (L.kind === 'max' && ref.negInfMaxWindow) return 'ort_max_lowest_float';
  return null;
}

function classifyTf(c, ref, rt) {
  const L = c.layer, mode = c.tf.mode;
  if (hasError(ref) && !hasError(rt)) {
    if (ref.error === 'pad >= window') return 'tfjs_pad_not_smaller';
    if (ref.error === 'avg_pool2d takes no explicit padding') return 'tfjs_avg_explicit_padding';
    if (ref.error === 'batch padding') return 'tfjs_batch_padding';
    if (/too small|does not fit/.test(ref.error) && rt.output.flat(3).length === 0) return 'tfjs_empty_output';
    return null;
  }
  if (hasError(ref) || hasError(rt)) return null;
  if (mode === 'pool' && isSame(L) && dilated(L) && ref.touchesPadding) return 'tf_dilated_same_zero_padding';
  if (L.kind === 'max' && ref.nanMaxWindow) return 'max_nan';
  if (mode === 'argmax' && ref.negInfMaxWindow) return 'tfjs_argmax_no_max';
  return null;
}

function classify(runtime, c, ref, rt) {
  return runtime === 'onnxruntime' ? classifyOnnx(c, ref, rt) : classifyTf(c, ref, rt);
}

module.exports = { classify, DEPARTURES };
