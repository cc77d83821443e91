# rxdesk_add_subfolders(): adds every sub-folder of the current folder that has a
# CMakeLists.txt, except those named in RXDESK_EXCLUDE_MODULES (a developer's escape hatch
# for building part of the tree while another part is being edited).
set(RXDESK_EXCLUDE_MODULES "" CACHE STRING "Sub-folders to leave out of the build (for development)")

function(rxdesk_add_subfolders)
    file(GLOB children LIST_DIRECTORIES true ${CMAKE_CURRENT_SOURCE_DIR}/*)
    get_filename_component(parent ${CMAKE_CURRENT_SOURCE_DIR} NAME)
    foreach(dir ${children})
        get_filename_component(name ${dir} NAME)
        # A folder is left out by its name ("spool") or with its parent ("unit/spool").
        if(IS_DIRECTORY ${dir} AND EXISTS ${dir}/CMakeLists.txt AND NOT name IN_LIST RXDESK_EXCLUDE_MODULES
           AND NOT "${parent}/${name}" IN_LIST RXDESK_EXCLUDE_MODULES)
            add_subdirectory(${dir})
        endif()
    endforeach()
endfunction()
