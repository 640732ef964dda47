# The browser build's dependencies (issue 19), without the host's CMake packages (emscripten's sysroot hides
# them): nlohmann-json and stb headers from Debian's -dev packages, Dear ImGui 1.86's sources from Debian's
# source package (scripts/fetch_imgui_source.sh, into the build directory) with its GLFW and OpenGL ES 3
# backends, which emscripten maps onto the browser (-sUSE_GLFW=3, WebGL 2).

# The core and the app use C++ exceptions (nlohmann-json's parse errors); emscripten ignores them by default.
add_compile_options(-fexceptions)
add_link_options(-fexceptions)

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

execute_process(
  COMMAND ${PROJECT_SOURCE_DIR}/scripts/fetch_imgui_source.sh ${CMAKE_BINARY_DIR}/imgui-source
  OUTPUT_VARIABLE POOLSCOPE_IMGUI_SOURCE OUTPUT_STRIP_TRAILING_WHITESPACE
  RESULT_VARIABLE fetch_result)
if(NOT fetch_result EQUAL 0)
  message(FATAL_ERROR "could not fetch Dear ImGui's sources (apt-get source imgui); see the lines above")
endif()
add_library(imgui_web STATIC
  ${POOLSCOPE_IMGUI_SOURCE}/imgui.cpp ${POOLSCOPE_IMGUI_SOURCE}/imgui_draw.cpp
  ${POOLSCOPE_IMGUI_SOURCE}/imgui_tables.cpp ${POOLSCOPE_IMGUI_SOURCE}/imgui_widgets.cpp
  ${POOLSCOPE_IMGUI_SOURCE}/backends/imgui_impl_glfw.cpp ${POOLSCOPE_IMGUI_SOURCE}/backends/imgui_impl_opengl3.cpp)
target_include_directories(imgui_web SYSTEM PUBLIC ${POOLSCOPE_IMGUI_SOURCE} ${POOLSCOPE_WEB_SYSINC})
# WebGL 2 is OpenGL ES 3.0: the backend's "#version 300 es" shaders (it would pick ES 2 on emscripten).
target_compile_definitions(imgui_web PUBLIC IMGUI_IMPL_OPENGL_ES3)
target_compile_options(imgui_web PRIVATE -w)  # not ours to fix
