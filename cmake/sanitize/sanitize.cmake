# KOHO_SANITIZE=ON: every koho target (libraries, koho, tools, tests, bench)
# is built with AddressSanitizer and UndefinedBehaviorSanitizer, and every
# executable carries its own runtime options (default_options.cpp), so a
# sanitizer report ends any koho process — a test binary or the `koho` a test
# spawns — with exit code 86 whoever started it. `make test-sanitize` builds
# this in build-san with g++ and runs the whole suite (meant for .ci/run).
#
# Third-party libraries (cairo, pango, libav*, …) are Debian's and are not
# instrumented: ASan still checks koho's reads and writes into their buffers
# and LeakSanitizer still sees their allocations.
option(KOHO_SANITIZE "Build with -fsanitize=address,undefined (make test-sanitize)" OFF)
if(NOT KOHO_SANITIZE)
  return()
endif()

# The compiler is GCC (Debian's g++-12): clang-14 (and 16) cannot compile
# Debian qpdf 11's headers in C++20 against libstdc++ 12 (JSON.hh destroys a
# std::vector<JSON> before JSON is complete), so every print/ file fails
# with clang. The libFuzzer harnesses, which need clang and no qpdf, have
# their own build (KOHO_FUZZ, `make fuzz-smoke`). Clang still works here for
# the targets it can compile.
#
# address,undefined: out-of-bounds, use-after-free/return/scope, leaks,
# double free; signed overflow, shifts, bad enum/bool loads, null and
# misaligned pointers, float→int overflow, vptr (the libraries are static, so
# RTTI is whole-program; clang adds `function`: indirect calls through a
# wrong type).
# float-divide-by-zero and (for GCC) float-cast-overflow are not in
# `undefined`: added, since a 0 width or scale reaching a division is a
# layout bug whose inf/NaN would silently end up in a PDF or a frame, and a
# huge or NaN length cast to a pixel count is undefined behaviour. Not added: unsigned-integer-overflow and
# implicit-conversion (clang only; defined behaviour, wanted in hashes and
# pixel maths).
# -fno-sanitize-recover=all: the first report ends the process.
# _GLIBCXX_ASSERTIONS: libstdc++ checks operator[], front(), back() on
# vector/string/array/span — indexes inside a container's spare capacity,
# which ASan cannot see.
# -O1 and line tables only (-g1): fast enough to run the suite, cheap to
# compile and link, and every stack frame still has its file:line.
set(KOHO_SANITIZE_FLAGS
  -fsanitize=address,undefined,float-divide-by-zero,float-cast-overflow
  -fno-sanitize-recover=all
  -fno-omit-frame-pointer)
if(CMAKE_CXX_COMPILER_ID MATCHES "Clang")
  set(KOHO_SANITIZE_DEBUG -gline-tables-only)
else()
  set(KOHO_SANITIZE_DEBUG -g1)
endif()
add_compile_options(${KOHO_SANITIZE_FLAGS} -O1 ${KOHO_SANITIZE_DEBUG} -D_GLIBCXX_ASSERTIONS)
add_link_options(${KOHO_SANITIZE_FLAGS})

# Each executable gets the runtime options compiled in (the LeakSanitizer
# suppressions' path substituted); added once every directory is read
# (cmake_language DEFER), when all targets exist.
configure_file(${CMAKE_CURRENT_LIST_DIR}/default_options.cpp.in
               ${CMAKE_BINARY_DIR}/generated/sanitize/default_options.cpp @ONLY)

function(koho_sanitize_executables_in dir)
  get_property(targets DIRECTORY ${dir} PROPERTY BUILDSYSTEM_TARGETS)
  foreach(target IN LISTS targets)
    get_target_property(type ${target} TYPE)
    if(type STREQUAL "EXECUTABLE")
      target_sources(${target} PRIVATE ${CMAKE_BINARY_DIR}/generated/sanitize/default_options.cpp)
    endif()
  endforeach()
  get_property(subdirs DIRECTORY ${dir} PROPERTY SUBDIRECTORIES)
  foreach(subdir IN LISTS subdirs)
    koho_sanitize_executables_in(${subdir})
  endforeach()
endfunction()
cmake_language(DEFER DIRECTORY ${CMAKE_SOURCE_DIR} CALL koho_sanitize_executables_in ${CMAKE_SOURCE_DIR})
