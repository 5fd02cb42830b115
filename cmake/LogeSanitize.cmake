# Sanitizers for the whole build (Loge's code, its tests and tools; never the
# prebuilt libLLVM, ANTLR runtime or system libraries, which stay
# uninstrumented). LOGE_SANITIZE is the value of -fsanitize=, e.g.
#   -DLOGE_SANITIZE=address,undefined   (tools/test-sanitizers.sh)
#   -DLOGE_SANITIZE=thread              (the concurrency tests)
# Undefined behaviour is fatal (-fno-sanitize-recover) so that a test that
# triggers it fails instead of printing a warning nobody reads.
set(LOGE_SANITIZE "" CACHE STRING "Build everything with -fsanitize=<value> (empty: none)")

if(LOGE_SANITIZE)
  set(_loge_san -fsanitize=${LOGE_SANITIZE} -fno-omit-frame-pointer)
  if(LOGE_SANITIZE MATCHES "undefined")
    list(APPEND _loge_san -fno-sanitize-recover=undefined)
  endif()
  add_compile_options(${_loge_san})
  add_link_options(-fsanitize=${LOGE_SANITIZE})
  # Link lines built outside CMake (tests that link AOT artifacts by hand)
  # need the same runtime.
  string(REPLACE ";" " " LOGE_SANITIZE_LINK_FLAGS "-fsanitize=${LOGE_SANITIZE}")
  message(STATUS "Loge: sanitizers ${LOGE_SANITIZE}")
else()
  set(LOGE_SANITIZE_LINK_FLAGS "")
endif()

# libFuzzer targets (tests/fuzz): clang only. Every object gets the fuzzer's
# coverage instrumentation, so one build serves both the sanitized test
# suite and the fuzz targets (tools/test-sanitizers.sh, tools/fuzz.sh).
option(LOGE_FUZZ "Build the libFuzzer targets of tests/fuzz (clang, with LOGE_SANITIZE)" OFF)
if(LOGE_FUZZ)
  if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
    message(FATAL_ERROR "LOGE_FUZZ needs clang (e.g. -DCMAKE_CXX_COMPILER=clang++-14 -DCMAKE_C_COMPILER=clang-14)")
  endif()
  add_compile_options(-fsanitize=fuzzer-no-link)
endif()

# The executables of the tests labelled `concurrency` (run under
# ThreadSanitizer by tools/test-sanitizers.sh, which builds only this
# target in its TSan build). Register one with loge_concurrency_test(<exe>)
# and give its tests the label: gtest_discover_tests(<exe> PROPERTIES
# LABELS concurrency).
add_custom_target(concurrency_tests)
function(loge_concurrency_test target)
  add_dependencies(concurrency_tests ${target})
endfunction()
