# The `poolscope` page (issue 19): the same core, model, shell, panels and widgets as the desktop app; only
# app/platform differs (web/*.cpp replace the GLFW window, the GL loader and the fontconfig lookup). The
# output is build-web/: our index.html, poolscope.js, poolscope.wasm and poolscope.data (the shipped
# lessons, sample pictures and a subset of the fonts, preloaded into the browser's in-memory file system).
set(POOLSCOPE_WEB_DIR ${CMAKE_CURRENT_SOURCE_DIR}/platform/web)

file(GLOB POOLSCOPE_UI_SOURCES CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/frame.cpp
     ${CMAKE_CURRENT_SOURCE_DIR}/window_session.cpp
     ${CMAKE_CURRENT_SOURCE_DIR}/shell/*.cpp ${CMAKE_CURRENT_SOURCE_DIR}/panels/*.cpp
     ${CMAKE_CURRENT_SOURCE_DIR}/widgets/*.cpp ${CMAKE_CURRENT_SOURCE_DIR}/gpu/*.cpp
     ${CMAKE_CURRENT_SOURCE_DIR}/platform/*.cpp ${CMAKE_CURRENT_SOURCE_DIR}/testing/*.cpp
     ${POOLSCOPE_WEB_DIR}/*.cpp)
# The desktop's GLFW window, glad loader, fontconfig lookup, while loop, worker thread and written files have
# web counterparts in platform/web.
list(REMOVE_ITEM POOLSCOPE_UI_SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/platform/window.cpp
     ${CMAKE_CURRENT_SOURCE_DIR}/platform/gl_loader.cpp ${CMAKE_CURRENT_SOURCE_DIR}/platform/font_files.cpp
     ${POOLSCOPE_WEB_DIR}/font_files_web.cpp
     ${CMAKE_CURRENT_SOURCE_DIR}/platform/main_loop.cpp ${CMAKE_CURRENT_SOURCE_DIR}/platform/background_work.cpp
     ${CMAKE_CURRENT_SOURCE_DIR}/platform/file_offer.cpp)
add_library(poolscope_ui STATIC ${POOLSCOPE_UI_SOURCES})
target_link_libraries(poolscope_ui PUBLIC poolscope_model poolscope_export imgui_web stb_web)
target_compile_definitions(poolscope_ui PRIVATE GLFW_INCLUDE_NONE)  # platform/gl.h is the GL header
target_link_libraries(poolscope PRIVATE poolscope_ui)
target_compile_definitions(poolscope PRIVATE POOLSCOPE_HAS_GUI=1)

# The data the page preloads: lessons (with their pictures), sample pictures, and fonts cut down to the
# characters the app can show (scripts/web_font_subset.py: both translation tables, the lessons, ASCII).
set(POOLSCOPE_WEB_OUT ${CMAKE_BINARY_DIR})
set(POOLSCOPE_WEB_FONTS ${CMAKE_BINARY_DIR}/web-data/fonts)
file(GLOB_RECURSE POOLSCOPE_WEB_TEXT CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/app/*.cpp
     ${PROJECT_SOURCE_DIR}/lessons/*.json)
add_custom_command(
  OUTPUT ${POOLSCOPE_WEB_FONTS}/DejaVuSans.ttf ${POOLSCOPE_WEB_FONTS}/wqy-microhei.ttf
  COMMAND /usr/bin/python3 ${PROJECT_SOURCE_DIR}/scripts/web_font_subset.py ${POOLSCOPE_WEB_FONTS}
          ${PROJECT_SOURCE_DIR}/app ${PROJECT_SOURCE_DIR}/lessons
  DEPENDS ${PROJECT_SOURCE_DIR}/scripts/web_font_subset.py ${POOLSCOPE_WEB_TEXT}
  COMMENT "Subsetting DejaVu Sans and WenQuanYi Micro Hei to the app's characters"
  VERBATIM)
add_custom_target(poolscope_web_fonts DEPENDS ${POOLSCOPE_WEB_FONTS}/DejaVuSans.ttf
                                              ${POOLSCOPE_WEB_FONTS}/wqy-microhei.ttf)
add_dependencies(poolscope poolscope_web_fonts)
file(GLOB_RECURSE POOLSCOPE_WEB_DATA CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/lessons/*
     ${PROJECT_SOURCE_DIR}/assets/*)

set(POOLSCOPE_WEB_EXPORTS _main,_poolscope_state_json,_poolscope_open_file,_poolscope_set_clipboard)
# Without emscripten's code for turning WebGL extensions on: the app draws with WebGL 2's core alone and makes
# its context without them (platform/web/window_web.cpp), so that code was never run (1.3 KB of poolscope.js).
target_link_options(poolscope PRIVATE
  -sGL_SUPPORT_AUTOMATIC_ENABLE_EXTENSIONS=0 -sGL_SUPPORT_SIMPLE_ENABLE_EXTENSIONS=0
  -sUSE_GLFW=3 -sMIN_WEBGL_VERSION=2 -sMAX_WEBGL_VERSION=2 -sALLOW_MEMORY_GROWTH=1 -sFORCE_FILESYSTEM=1
  -sEXPORTED_FUNCTIONS=${POOLSCOPE_WEB_EXPORTS} -sEXPORTED_RUNTIME_METHODS=ccall,callMain,FS,ENV
  -sINVOKE_RUN=0 -lidbfs.js -sWASM_BIGINT -sENVIRONMENT=web -sMALLOC=emmalloc
  "SHELL:--preload-file ${PROJECT_SOURCE_DIR}/lessons@/poolscope/lessons"
  "SHELL:--preload-file ${PROJECT_SOURCE_DIR}/assets@/poolscope/assets"
  "SHELL:--preload-file ${POOLSCOPE_WEB_FONTS}@/poolscope/fonts"
  "SHELL:--exclude-file *.md" "SHELL:--exclude-file *schema.json" "SHELL:--exclude-file *characters.txt")
# The page's files too: web_page.py runs after a link, so a page edit relinks.
set(POOLSCOPE_WEB_PAGE_FILES ${POOLSCOPE_WEB_DIR}/index.html ${POOLSCOPE_WEB_DIR}/poolscope_page.js
    ${POOLSCOPE_WEB_DIR}/sw.js ${POOLSCOPE_WEB_DIR}/manifest.webmanifest ${PROJECT_SOURCE_DIR}/scripts/web_page.py
    ${PROJECT_SOURCE_DIR}/packaging/poolscope-192.png ${PROJECT_SOURCE_DIR}/packaging/poolscope-512.png
    ${PROJECT_SOURCE_DIR}/packaging/poolscope.svg)
set_property(TARGET poolscope APPEND PROPERTY LINK_DEPENDS ${POOLSCOPE_WEB_PAGE_FILES} ${POOLSCOPE_WEB_DATA}
             ${POOLSCOPE_WEB_FONTS}/DejaVuSans.ttf ${POOLSCOPE_WEB_FONTS}/wqy-microhei.ttf)
set_target_properties(poolscope PROPERTIES SUFFIX ".js")
# The page's key bindings, generated from the app's bindings table (one source: scripts/gen_page_keys.py).
set(POOLSCOPE_WEB_KEYS ${POOLSCOPE_WEB_OUT}/poolscope_keys.js)
add_custom_command(
  OUTPUT ${POOLSCOPE_WEB_KEYS}
  COMMAND /usr/bin/python3 ${PROJECT_SOURCE_DIR}/scripts/gen_page_keys.py
          ${CMAKE_CURRENT_SOURCE_DIR}/panels/actions_table.cpp ${POOLSCOPE_WEB_KEYS}
  DEPENDS ${PROJECT_SOURCE_DIR}/scripts/gen_page_keys.py ${CMAKE_CURRENT_SOURCE_DIR}/panels/actions_table.cpp
  COMMENT "Generating the page's key bindings from the app's bindings table"
  VERBATIM)
add_custom_target(poolscope_page_keys DEPENDS ${POOLSCOPE_WEB_KEYS})
add_dependencies(poolscope poolscope_page_keys)
# Our page (emcc's HTML output goes through a minifier that fails on Debian) beside the program, with the
# build's version, the service worker and manifest (offline, installable), and the single-file page for
# notebooks (scripts/web_page.py says what each is; it versions and inlines the generated key bindings too).
add_custom_command(TARGET poolscope POST_BUILD
  COMMAND /usr/bin/python3 ${PROJECT_SOURCE_DIR}/scripts/web_page.py ${POOLSCOPE_WEB_DIR}
          ${PROJECT_SOURCE_DIR}/packaging ${POOLSCOPE_WEB_OUT}
  VERBATIM)
