// A one-node ONNX model (ModelProto) written as protobuf bytes by hand, so the generator needs no ONNX or
// protobuf package: ir_version 9, the default domain at OPSET, one float input X (N x C x H x W) and the
// node's outputs. Field numbers are those of onnx/onnx.proto.
'use strict';

const OPSET = 19;  // AveragePool gained dilations in 19; LpPool has had them since 18
const IR_VERSION = 9;

function varint(value) {
  let n = BigInt(value);
  if (n < 0n) n += 1n << 64n;  // int64 fields: two's complement, ten bytes
  const out = [];
  do {
    let byte = Number(n & 0x7fn);
    n >>= 7n;
    if (n > 0n) byte |= 0x80;
    out.push(byte);
  } while (n > 0n);
  return out;
}
const tag = (field, wire) => varint((field << 3) | wire);
const intField = (field, v) => [...tag(field, 0), ...varint(v)];
const bytesField = (field, bytes) => [...tag(field, 2), ...varint(bytes.length), ...bytes];
const stringField = (field, text) => bytesField(field, [...Buffer.from(text, 'utf8')]);

// AttributeProto: name = 1, i = 3, s = 4, ints = 8, type = 20 (INT 2, STRING 3, INTS 7).
function attribute(name, value) {
  const body = stringField(1, name);
  if (Array.isArray(value)) {
    for (const v of value) body.push(...intField(8, v));
    body.push(...intField(20, 7));
  } else if (typeof value === 'string') {
    body.push(...bytesField(4, [...Buffer.from(value, 'utf8')]), ...intField(20, 3));
  } else {
    body.push(...intField(3, value), ...intField(20, 2));
  }
  return body;
}

// ValueInfoProto with a float tensor type (elem_type 1) of the given shape (or no shape).
function valueInfo(name, shape) {
  const info = stringField(1, name);
  const tensorType = intField(1, 1);
  if (shape) {
    const dims = [];
    for (const d of shape) dims.push(...bytesField(1, intField(1, d)));
    tensorType.push(...bytesField(2, dims));
  }
  info.push(...bytesField(2, bytesField(1, tensorType)));
  return info;
}

// opType: "MaxPool", "AveragePool", "LpPool", "GlobalMaxPool", ...; attrs: {name: int | int[] | string}.
function poolModel(opType, attrs, inputShape, outputs) {
  const node = [...stringField(1, 'X')];
  for (const o of outputs) node.push(...stringField(2, o));
  node.push(...stringField(4, opType));
  for (const [name, value] of Object.entries(attrs)) node.push(...bytesField(5, attribute(name, value)));
  const graph = [...bytesField(1, node), ...stringField(2, 'pool'), ...bytesField(11, valueInfo('X', inputShape))];
  for (const o of outputs) graph.push(...bytesField(12, stringField(1, o)));
  const opset = [...stringField(1, ''), ...intField(2, OPSET)];
  return Uint8Array.from([...intField(1, IR_VERSION), ...bytesField(8, opset), ...bytesField(7, graph)]);
}

module.exports = { poolModel, OPSET };
