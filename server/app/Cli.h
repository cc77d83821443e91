#pragma once

namespace rxdesk::app {

/// The `rxdesk` command line: dispatches to serve, init, user, client, audit, backup, demo.
/// Errors print one line on stderr and give a non-zero exit code.
int runCli(int argc, char** argv);

}  // namespace rxdesk::app
