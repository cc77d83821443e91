# rxdesk_add_test(NAME <name> LABEL unit|integration|e2e SOURCES ... LIBS ...)
# Builds one GoogleTest binary and registers its tests with ctest under the label.
function(rxdesk_add_test)
    cmake_parse_arguments(T "" "NAME;LABEL" "SOURCES;LIBS" ${ARGN})
    add_executable(${T_NAME} ${T_SOURCES})
    target_link_libraries(${T_NAME} PRIVATE ${T_LIBS} GTest::gtest GTest::gtest_main)
    target_include_directories(${T_NAME} PRIVATE ${PROJECT_SOURCE_DIR}/tests)
    gtest_discover_tests(${T_NAME}
        DISCOVERY_MODE PRE_TEST
        PROPERTIES LABELS ${T_LABEL}
                   ENVIRONMENT "RXDESK_SOURCE_DIR=${PROJECT_SOURCE_DIR};RXDESK_BINARY_DIR=${PROJECT_BINARY_DIR}")
endfunction()
