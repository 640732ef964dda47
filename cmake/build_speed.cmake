# How the trees build faster (issue 34: `make test` on a fresh 2-core machine, no compiler cache).
#
# Precompiled headers (POOLSCOPE_PCH), in the clang trees (asan, web). nlohmann-json, GoogleTest and the
# standard headers most files include cost 1-3 s of parsing and template instantiation in every file that
# includes them. They are compiled once per library, and once for all the GoogleTest programs together
# (poolscope_test_pch: the programs differ only in -D paths, which those headers never read), and each file of
# those targets starts with them (the compiler's -include).
# Not with GCC 12 (the release tree): it forgets libstdc++'s own `#pragma GCC diagnostic` inside a precompiled
# header (GCC bug 64117, fixed in 13), and the false -Warray-bounds / -Wstringop-overflow that libstdc++
# silences there come back in our files. Off too under a compiler launcher (ccache): a cache hit is quicker
# still, and ccache cannot reuse objects built against a precompiled header unless its sloppiness allows it.
#
# Unity builds (POOLSCOPE_UNITY, the release, asan and browser trees): each library and each GoogleTest
# program is compiled as batches of 8 files, one translation unit each, so the compiler parses and instantiates
# the heavy headers (nlohmann-json above all) once a batch instead of once a file: the release tree's build
# fell from 1,507 to 675 s of CPU, the browser tree's from ~445 to 237 s (its wasm grew by 297 bytes). The
# files of a target therefore share one namespace per batch: a file's own helpers (anonymous namespace) need
# names no other file of its target uses; what several files share lives in one header (core/src/int_text.h,
# app/cli/cli_text.h, tests/*/..._util.h). A file that defines a library's implementation macro before
# including it (stb_image) compiles alone. The debug preset uses neither batches nor precompiled headers:
# build it to check that every file includes what it uses.
#
# The test programs' own files in the release tree (POOLSCOPE_TEST_OPT, default -O1 instead of -O3): the code
# under test is the libraries', compiled as shipped; the test files only call it, and -O3 made them the larger
# part of the tree's compile time for nothing.
set(POOLSCOPE_GCC_12 FALSE)
if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU" AND CMAKE_CXX_COMPILER_VERSION VERSION_LESS 13)
  set(POOLSCOPE_GCC_12 TRUE)
endif()
if(CMAKE_CXX_COMPILER_LAUNCHER OR POOLSCOPE_GCC_12)
  set(POOLSCOPE_PCH_DEFAULT OFF)
else()
  set(POOLSCOPE_PCH_DEFAULT ON)
endif()
option(POOLSCOPE_PCH "Precompile nlohmann-json, GoogleTest, ImGui and common headers" ${POOLSCOPE_PCH_DEFAULT})
set(POOLSCOPE_TEST_OPT "-O1" CACHE STRING "Optimisation of the GoogleTest programs' own files (Release)")
if(CMAKE_BUILD_TYPE STREQUAL "Debug" AND NOT POOLSCOPE_SANITIZE)
  set(POOLSCOPE_UNITY_DEFAULT OFF)
else()
  set(POOLSCOPE_UNITY_DEFAULT ON)
endif()
option(POOLSCOPE_UNITY "Compile the libraries and test programs in batches of files (unity build)"
       ${POOLSCOPE_UNITY_DEFAULT})

set(POOLSCOPE_PCH_STD_HEADERS <algorithm> <cmath> <cstdint> <cstdio> <filesystem> <fstream> <map> <memory>
    <optional> <sstream> <string> <string_view> <utility> <vector>)

# Every target created in `dir` and the folders below it.
function(poolscope_targets_below dir out_var)
  get_property(targets DIRECTORY ${dir} PROPERTY BUILDSYSTEM_TARGETS)
  get_property(subdirs DIRECTORY ${dir} PROPERTY SUBDIRECTORIES)
  foreach(sub IN LISTS subdirs)
    poolscope_targets_below(${sub} sub_targets)
    list(APPEND targets ${sub_targets})
  endforeach()
  set(${out_var} ${targets} PARENT_SCOPE)
endfunction()

# Runs once every target exists: deferred to the end of the top-level CMakeLists.txt (after its return() in
# the browser build too), so test programs added later are covered without a line of their own.
function(poolscope_speed_up_build)
  set(gtest_programs "")
  if(TARGET GTest::gtest)
    poolscope_targets_below(${PROJECT_SOURCE_DIR}/tests test_targets)
    foreach(target IN LISTS test_targets)
      get_target_property(type ${target} TYPE)
      get_target_property(libs ${target} LINK_LIBRARIES)
      if(type STREQUAL "EXECUTABLE" AND libs MATCHES "GTest::")
        list(APPEND gtest_programs ${target})
      endif()
    endforeach()
  endif()
  if(gtest_programs AND POOLSCOPE_PCH)
    set(pch_source ${CMAKE_BINARY_DIR}/poolscope_test_pch.cpp)
    file(CONFIGURE OUTPUT ${pch_source} CONTENT "// The object that carries the test programs' precompiled header.\n")
    add_library(poolscope_test_pch OBJECT ${pch_source})
    target_link_libraries(poolscope_test_pch PRIVATE GTest::gtest nlohmann_json::nlohmann_json)
    target_precompile_headers(poolscope_test_pch PRIVATE <gtest/gtest.h> <nlohmann/json.hpp>
                              ${POOLSCOPE_PCH_STD_HEADERS})
  endif()
  foreach(target IN LISTS gtest_programs ITEMS poolscope_test_pch)
    if(TARGET ${target})
      target_compile_options(${target} PRIVATE $<$<CONFIG:Release>:${POOLSCOPE_TEST_OPT}>)
    endif()
    if(POOLSCOPE_UNITY AND NOT target STREQUAL "poolscope_test_pch")
      set_target_properties(${target} PROPERTIES UNITY_BUILD ON UNITY_BUILD_BATCH_SIZE 8)
    endif()
    if(POOLSCOPE_PCH AND NOT target STREQUAL "poolscope_test_pch")
      target_precompile_headers(${target} REUSE_FROM poolscope_test_pch)
    endif()
  endforeach()

  # The ASan tree (Debug, -O0 elsewhere): the libraries under test (the UI's too) at -O1, as sanitizer builds usually are.
  # At -O0 the core's loops ran 10-50x slower than shipped under ASan: one test (67 million matrix tokens up
  # to the element limit) took 210 s of the suite's 600. -O1 keeps every check ASan and UBSan make.
  if(POOLSCOPE_SANITIZE)
    foreach(lib poolscope_core poolscope_cli poolscope_model poolscope_export poolscope_ui)
      if(TARGET ${lib})
        target_compile_options(${lib} PRIVATE $<$<CONFIG:Debug>:-O1>)
      endif()
    endforeach()
  endif()

  if(POOLSCOPE_UNITY)
    foreach(lib poolscope_core poolscope_cli poolscope_model poolscope_export poolscope_ui)
      if(TARGET ${lib})
        set_target_properties(${lib} PROPERTIES UNITY_BUILD ON UNITY_BUILD_BATCH_SIZE 8)
      endif()
    endforeach()
    # Its STB_IMAGE_IMPLEMENTATION and STBI_* settings must meet stb_image.h first, and go no further.
    set_source_files_properties(image/picture.cpp DIRECTORY ${PROJECT_SOURCE_DIR}/app
                                PROPERTIES SKIP_UNITY_BUILD_INCLUSION ON)
  endif()

  if(NOT POOLSCOPE_PCH)
    return()
  endif()
  foreach(lib poolscope_core poolscope_cli poolscope_model poolscope_export)
    if(TARGET ${lib})
      target_precompile_headers(${lib} PRIVATE <nlohmann/json.hpp> ${POOLSCOPE_PCH_STD_HEADERS})
    endif()
  endforeach()
  if(TARGET poolscope_ui)
    target_precompile_headers(poolscope_ui PRIVATE <imgui.h> <nlohmann/json.hpp> ${POOLSCOPE_PCH_STD_HEADERS})
  endif()
endfunction()
cmake_language(DEFER DIRECTORY ${PROJECT_SOURCE_DIR} CALL poolscope_speed_up_build)
