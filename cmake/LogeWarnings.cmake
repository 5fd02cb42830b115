# One place for the warning flags of Loge's own targets (never third-party code).
function(loge_set_warnings target)
  target_compile_options(${target} PRIVATE
    $<$<CXX_COMPILER_ID:GNU,Clang>:-Wall -Wextra -Wnon-virtual-dtor
      -Wold-style-cast -Wcast-align -Wunused -Woverloaded-virtual
      -Wimplicit-fallthrough>
    # GCC 12 at -O2/-O3 reports false positives inside libstdc++'s string
    # code (GCC bug 105651): keep the warning off rather than the build red.
    $<$<CXX_COMPILER_ID:GNU>:-Wno-restrict>
    $<$<BOOL:${LOGE_WERROR}>:-Werror>)
endfunction()
