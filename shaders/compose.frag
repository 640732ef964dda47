// Turns one to three R32F channel planes into an RGBA8 picture for the screen: value * u_scale, clamped
// to [0, 1]. One plane is drawn as grey tinted by u_tint (white for grayscale, red/green/blue for a
// single colour channel). Display only: the pooled numbers stay in the R32F planes.
#version 330 core

uniform sampler2D u_plane0;
uniform sampler2D u_plane1;
uniform sampler2D u_plane2;
uniform int u_channels;  // 1 or 3
uniform float u_scale;   // 1/255 for 8-bit pictures
uniform vec3 u_tint;     // used when u_channels == 1

layout(location = 0) out vec4 out_color;

void main() {
    ivec2 p = ivec2(gl_FragCoord.xy);
    vec3 rgb;
    if (u_channels == 1) {
        rgb = u_tint * texelFetch(u_plane0, p, 0).r;
    } else {
        rgb = vec3(texelFetch(u_plane0, p, 0).r, texelFetch(u_plane1, p, 0).r, texelFetch(u_plane2, p, 0).r);
    }
    out_color = vec4(clamp(rgb * u_scale, 0.0, 1.0), 1.0);
}
