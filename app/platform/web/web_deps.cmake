# The browser build's dependencies (issue 19), without the host's CMake packages (emscripten's sysroot hides
# them): nlohmann-json and stb headers from Debian's -dev packages, Dear ImGui 1.86's sources from Debian's
# source package (scripts/fetch_imgui_source.sh, into the build directory) with its GLFW and OpenGL ES 3
# backends, which emscripten maps onto the browser (-sUSE_GLFW=3, WebGL 2).

# The core and the app use C++ exceptions (nlohmann-json's parse errors); emscripten ignores them by default.
# WebAssembly's own exception handling (Chrome 95, Firefox 100, Safari 15.2 and later), not emscripten's
# JavaScript emulation, which sends every call that may throw through a JavaScript trampoline: the wasm is
# 2.01 -> 1.63 MB (750 -> 701 KB gzip), the page's first lesson parse ~15 % shorter (bench/README.md).
add_compile_options(-fwasm-exceptions)
add_link_options(-fwasm-exceptions)

# emcc's link runs node on emscripten's JavaScript optimizer, which needs Debian's node modules (acorn): the
# links carry the web preset's environment themselves, so a bare `ninja -C build-web` links too.
set(POOLSCOPE_WEB_LINK_ENV ${CMAKE_COMMAND} -E env NODE_PATH=/usr/share/nodejs EMSDK_PYTHON=/usr/bin/python3)
set(CMAKE_C_LINKER_LAUNCHER ${POOLSCOPE_WEB_LINK_ENV})
set(CMAKE_CXX_LINKER_LAUNCHER ${POOLSCOPE_WEB_LINK_ENV})

# /usr/include holds glibc's headers too, which must not shadow emscripten's: link only the two libraries.
set(POOLSCOPE_WEB_SYSINC ${CMAKE_BINARY_DIR}/sysinc)
file(MAKE_DIRECTORY ${POOLSCOPE_WEB_SYSINC})
foreach(dir nlohmann stb)
  if(NOT EXISTS /usr/include/${dir})
    message(FATAL_ERROR "/usr/include/${dir} is missing: run scripts/setup-deps.sh")
  endif()
  file(CREATE_LINK /usr/include/${dir} ${POOLSCOPE_WEB_SYSINC}/${dir} SYMBOLIC)
endforeach()
add_library(nlohmann_json::nlohmann_json INTERFACE IMPORTED)
target_include_directories(nlohmann_json::nlohmann_json SYSTEM INTERFACE ${POOLSCOPE_WEB_SYSINC})

# Sources no binary Debian package ships for emscripten, from Debian's source packages (bookworm).
function(poolscope_fetch_source package version out_var)
  execute_process(
    COMMAND ${PROJECT_SOURCE_DIR}/scripts/fetch_debian_source.sh ${package} ${version}
            ${CMAKE_BINARY_DIR}/${package}-source
    OUTPUT_VARIABLE source_dir OUTPUT_STRIP_TRAILING_WHITESPACE
    RESULT_VARIABLE fetch_result)
  if(NOT fetch_result EQUAL 0)
    message(FATAL_ERROR "could not fetch the sources of ${package} (apt-get source); see the lines above")
  endif()
  set(${out_var} ${source_dir} PARENT_SCOPE)
endfunction()
poolscope_fetch_source(imgui 1.86+ds-1 POOLSCOPE_IMGUI_SOURCE)  # must match libimgui-dev's headers
poolscope_fetch_source(giflib any POOLSCOPE_GIFLIB_SOURCE)
add_library(imgui_web STATIC
  ${POOLSCOPE_IMGUI_SOURCE}/imgui.cpp ${POOLSCOPE_IMGUI_SOURCE}/imgui_draw.cpp
  ${POOLSCOPE_IMGUI_SOURCE}/imgui_tables.cpp ${POOLSCOPE_IMGUI_SOURCE}/imgui_widgets.cpp
  ${POOLSCOPE_IMGUI_SOURCE}/backends/imgui_impl_glfw.cpp ${POOLSCOPE_IMGUI_SOURCE}/backends/imgui_impl_opengl3.cpp
  ${POOLSCOPE_IMGUI_SOURCE}/misc/cpp/imgui_stdlib.cpp)
target_include_directories(imgui_web SYSTEM PUBLIC ${POOLSCOPE_IMGUI_SOURCE} ${POOLSCOPE_IMGUI_SOURCE}/misc/cpp
                           ${POOLSCOPE_WEB_SYSINC})
# WebGL 2 is OpenGL ES 3.0: the backend's "#version 300 es" shaders (it would pick ES 2 on emscripten).
target_compile_definitions(imgui_web PUBLIC IMGUI_IMPL_OPENGL_ES3)
target_compile_options(imgui_web PRIVATE -w)  # not ours to fix

# giflib (the exports' GIF writer; GIF::GIF as find_package(GIF) names it on the desktop).
add_library(giflib_web STATIC
  ${POOLSCOPE_GIFLIB_SOURCE}/egif_lib.c ${POOLSCOPE_GIFLIB_SOURCE}/dgif_lib.c ${POOLSCOPE_GIFLIB_SOURCE}/gifalloc.c
  ${POOLSCOPE_GIFLIB_SOURCE}/gif_err.c ${POOLSCOPE_GIFLIB_SOURCE}/gif_hash.c
  ${POOLSCOPE_GIFLIB_SOURCE}/openbsd-reallocarray.c)
target_include_directories(giflib_web SYSTEM PUBLIC ${POOLSCOPE_GIFLIB_SOURCE})
target_compile_options(giflib_web PRIVATE -w)
add_library(GIF::GIF ALIAS giflib_web)

# stb's implementations (Debian's libstb on the desktop): truetype and image_write for the exports and the
# screenshots; stb_image's lives in app/image/picture.cpp on both.
add_library(stb_web STATIC ${CMAKE_CURRENT_LIST_DIR}/stb_web.c)
target_include_directories(stb_web SYSTEM PUBLIC ${POOLSCOPE_WEB_SYSINC}/stb)
target_compile_options(stb_web PRIVATE -w)
