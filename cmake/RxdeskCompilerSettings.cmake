# Warnings, sanitizers and ccache for every target in the tree.
find_program(CCACHE_PROGRAM ccache)
if(CCACHE_PROGRAM)
    set(CMAKE_CXX_COMPILER_LAUNCHER ${CCACHE_PROGRAM})
endif()

add_compile_options(-Wall -Wextra -Wpedantic -Wno-unused-parameter)
# GCC 12 reports impossible overlaps inside std::string when optimising (-Wrestrict false
# positives, GCC bug 105329); they would bury the first run's output of scripts/run.
add_compile_options($<$<AND:$<CXX_COMPILER_ID:GNU>,$<NOT:$<CONFIG:Debug>>>:-Wno-restrict>)

if(RXDESK_SANITIZE)
    add_compile_options(-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
    add_link_options(-fsanitize=address,undefined)
endif()
