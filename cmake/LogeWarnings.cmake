# One place for the warning flags of Loge's own targets (never third-party code).
function(loge_set_warnings target)
  target_compile_options(${target} PRIVATE
    $<$<CXX_COMPILER_ID:GNU,Clang>:-Wall -Wextra -Wnon-virtual-dtor
      -Wold-style-cast -Wcast-align -Wunused -Woverloaded-virtual -Wnull-dereference
      -Wimplicit-fallthrough>
    $<$<BOOL:${LOGE_WERROR}>:-Werror>)
endfunction()
