// 2D max and avg pooling of four channel planes at once (RGBA32F), one fragment per output cell, with
// PyTorch 1.13's rules exactly as the CPU core (core/src/pool_forward.cpp) applies them; the core stays the reference.
// Inputs are read with texelFetch (integer coordinates, no filtering); texture row y is input row ih.
#version 330 core

uniform sampler2D u_input;       // RGBA32F: four channel planes at once, values exactly as the core holds them
uniform ivec2 u_input_size;      // (W, H)
uniform int u_op;                // 0 = max_pool2d, 1 = avg_pool2d
uniform ivec2 u_kernel;          // (kw, kh)
uniform ivec2 u_stride;          // (sw, sh)
uniform ivec2 u_pad_begin;       // (left, top)
uniform ivec2 u_pad_end;         // (right, bottom)
uniform ivec2 u_dilation;        // (dw, dh); 1 for avg
uniform int u_divisor_rule;      // 0 = window area (count_include_pad), 1 = real cells, 2 = override
uniform int u_divisor_override;  // used when u_divisor_rule == 2

layout(location = 0) out vec4 out_value;

// NaN and -inf are spelled with bit patterns: a shader compiler may fold isnan() away or treat a
// comparison with NaN as true, and the core's max must keep NaN (PyTorch propagates it).
bvec4 is_nan(vec4 v) {
    return greaterThan(floatBitsToUint(v) & uvec4(0x7fffffffu), uvec4(0x7f800000u));
}
const uint kNegativeInfinityBits = 0xff800000u;

vec4 max_pool(ivec2 o) {
    ivec2 start = o * u_stride - u_pad_begin;
    ivec2 end = min(start + (u_kernel - 1) * u_dilation + 1, u_input_size);
    // Padding never wins: step the first tap past the begin padding by whole dilations.
    ivec2 first = start;
    if (first.x < 0) first.x += ((-first.x + u_dilation.x - 1) / u_dilation.x) * u_dilation.x;
    if (first.y < 0) first.y += ((-first.y + u_dilation.y - 1) / u_dilation.y) * u_dilation.y;
    vec4 best = vec4(uintBitsToFloat(kNegativeInfinityBits));
    uvec4 seen_nan = uvec4(0u);
    // Same order and test as the core, per channel: `v > best || isnan(v)`; once NaN is taken nothing
    // beats it.
    for (int ih = first.y; ih < end.y; ih += u_dilation.y) {
        for (int iw = first.x; iw < end.x; iw += u_dilation.x) {
            vec4 v = texelFetch(u_input, ivec2(iw, ih), 0);
            uvec4 nan = uvec4(is_nan(v));
            uvec4 take = nan | ((uvec4(1u) - seen_nan) & uvec4(greaterThan(v, best)));
            best = mix(best, v, bvec4(take));
            seen_nan |= nan;
        }
    }
    return best;
}

vec4 avg_pool(ivec2 o) {
    ivec2 start = o * u_stride - u_pad_begin;
    // The window may reach into the end padding but not past it (ceil_mode overhang is not counted).
    ivec2 end = min(start + u_kernel, u_input_size + u_pad_end);
    ivec2 first = max(start, ivec2(0));
    ivec2 last = min(end, u_input_size);
    if (first.x >= last.x || first.y >= last.y) return vec4(0.0);
    int divisor;
    if (u_divisor_rule == 2)
        divisor = u_divisor_override;
    else if (u_divisor_rule == 0)
        divisor = (end.y - start.y) * (end.x - start.x);
    else
        divisor = (last.y - first.y) * (last.x - first.x);
    // float32 sum in row-major order, then one division: the core's order, so the rounding matches.
    vec4 sum = vec4(0.0);
    for (int ih = first.y; ih < last.y; ++ih)
        for (int iw = first.x; iw < last.x; ++iw)
            sum += texelFetch(u_input, ivec2(iw, ih), 0);
    return sum / float(divisor);
}

void main() {
    ivec2 o = ivec2(gl_FragCoord.xy);  // (ow, oh)
    out_value = (u_op == 0) ? max_pool(o) : avg_pool(o);
}
