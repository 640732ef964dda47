// One triangle that covers the whole viewport (no vertex buffer: positions come from gl_VertexID).
// Every pass of the GPU pooler draws it into an FBO sized to the output, one fragment per output cell.
#version 330 core

void main() {
    vec2 corner = vec2(float((gl_VertexID << 1) & 2), float(gl_VertexID & 2));
    gl_Position = vec4(corner * 2.0 - 1.0, 0.0, 1.0);
}
