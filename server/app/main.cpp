#include "app/Cli.h"

int main(int argc, char** argv) { return rxdesk::app::runCli(argc, argv); }
