// The font atlas as a GL texture for our renderer (draw_renderer.h): the texture ImGui's OpenGL backend would
// make, without the rest of the backend's device objects. Its shaders draw nothing while our renderer draws,
// and in a browser each program is compiled and checked in round trips to the GPU process while the page
// waits for its first frame (bench/README.md). ImGui's backend starts only when it draws (renderer.h).
#pragma once

struct ImFontAtlas;

namespace poolscope::app {

class FontTexture {
  public:
    // (Re)makes the texture from the atlas as it is now, as RGBA like the backend's (our shader reads the
    // colour and the alpha of one texture kind: glyphs and cell pictures alike), and sets the atlas' TexID.
    // Needs the GL context current.
    void upload(ImFontAtlas& atlas);
    void destroy();
    bool made() const { return name_ != 0; }

  private:
    unsigned name_ = 0;
};

}  // namespace poolscope::app
