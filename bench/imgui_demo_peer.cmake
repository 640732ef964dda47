# The ImGui demo peer of issue 13 (bench/imgui_demo_peer.cpp): built with the app, beside `poolscope` in the
# build directory, so `make bench-app` can time the two alternately on the same renderer.
pkg_check_modules(IMGUI_PEER_DEPS REQUIRED IMPORTED_TARGET imgui glfw3)
find_package(OpenGL REQUIRED)
# With the app's draw counter (and the switch that turns it on), so POOLSCOPE_DRAW_STATS=1 prints the same
# per-frame counts for both programs.
add_executable(imgui_demo_peer ${CMAKE_CURRENT_LIST_DIR}/imgui_demo_peer.cpp
                               ${PROJECT_SOURCE_DIR}/app/testing/draw_stats.cpp
                               ${PROJECT_SOURCE_DIR}/app/model/env_flag.cpp)
target_include_directories(imgui_demo_peer PRIVATE ${PROJECT_SOURCE_DIR}/app)
target_link_libraries(imgui_demo_peer PRIVATE PkgConfig::IMGUI_PEER_DEPS OpenGL::GL ${CMAKE_DL_LIBS})
set_target_properties(imgui_demo_peer PROPERTIES RUNTIME_OUTPUT_DIRECTORY ${CMAKE_BINARY_DIR})
