# Compiler settings shared by every planflow target, applied through an
# interface library so third-party code is not affected.
add_library(planflow_options INTERFACE)
add_library(planflow::options ALIAS planflow_options)

target_compile_options(planflow_options INTERFACE -Wall -Wextra -Wpedantic)
if(PLANFLOW_WERROR)
  target_compile_options(planflow_options INTERFACE -Werror)
endif()
# Boost.DLL uses std::filesystem instead of linking Boost.Filesystem.
target_compile_definitions(planflow_options INTERFACE BOOST_DLL_USE_STD_FS
                                                      BOOST_ASIO_NO_DEPRECATED)

if(PLANFLOW_SANITIZE)
  # Debian's SOCI is built without RTTI data UBSan's vptr check needs.
  target_compile_options(planflow_options INTERFACE
    -fsanitize=${PLANFLOW_SANITIZE} -fno-omit-frame-pointer -fno-sanitize=vptr)
  target_link_options(planflow_options INTERFACE
    -fsanitize=${PLANFLOW_SANITIZE} -fno-sanitize=vptr)
endif()

# Fuzzing builds (clang only) instrument everything for coverage and check
# memory with ASan; the targets themselves carry -fsanitize=fuzzer.
if(PLANFLOW_FUZZ)
  target_compile_options(planflow_options INTERFACE -fsanitize=fuzzer-no-link,address -fno-omit-frame-pointer)
  target_link_options(planflow_options INTERFACE -fsanitize=address)
endif()

if(PLANFLOW_CCACHE)
  find_program(CCACHE_PROGRAM ccache)
  if(CCACHE_PROGRAM)
    set(CMAKE_CXX_COMPILER_LAUNCHER "${CCACHE_PROGRAM}")
  endif()
endif()
