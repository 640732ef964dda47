// Turns one or three channel planes (an RGBA32F texture) into an RGBA8 picture for the screen:
// value * u_scale, clamped to [0, 1]. One plane is drawn as grey tinted by u_tint (white for grayscale, red/green/blue for a
// single colour channel). Display only: the pooled numbers stay in the RGBA32F planes.
#version 330 core

uniform sampler2D u_planes;  // RGBA32F: channel planes 0..3
uniform int u_channels;  // 1 or 3
uniform float u_scale;   // 1/255 for 8-bit pictures
uniform vec3 u_tint;     // used when u_channels == 1

layout(location = 0) out vec4 out_color;

void main() {
    ivec2 p = ivec2(gl_FragCoord.xy);
    vec3 rgb;
    if (u_channels == 1) {
        rgb = u_tint * texelFetch(u_planes, p, 0).r;
    } else {
        rgb = texelFetch(u_planes, p, 0).rgb;
    }
    out_color = vec4(clamp(rgb * u_scale, 0.0, 1.0), 1.0);
}
