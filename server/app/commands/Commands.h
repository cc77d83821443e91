#pragma once

#include "app/CommandLine.h"
#include "app/CommandOutput.h"
#include "app/Settings.h"
#include "auth/Principal.h"
#include "core/Clock.h"

namespace rxdesk::app {

/// What every CLI command gets: its parsed arguments, the settings, the clock, the output.
struct CommandContext {
    const CommandLine& args;
    const Settings& settings;
    const Clock& clock;
    CommandOutput& out;
};

/// Each returns the process exit code; failures throw rxdesk::Error.
int initCommand(CommandContext& ctx);    ///< rxdesk init
int userCommand(CommandContext& ctx);    ///< rxdesk user add|disable|reset-totp
int clientCommand(CommandContext& ctx);  ///< rxdesk client add|revoke|list
int auditCommand(CommandContext& ctx);   ///< rxdesk audit verify
int backupCommand(CommandContext& ctx);  ///< rxdesk backup DEST
int demoCommand(CommandContext& ctx);    ///< rxdesk demo (loads demo data)
int routesCommand(CommandContext& ctx);  ///< rxdesk routes (every HTTP route and its permission)
int retentionCommand(CommandContext& ctx);  ///< rxdesk retention run (remove expired prescriptions)
int drugsCommand(CommandContext& ctx);  ///< rxdesk drugs import|supplement FILE

/// The audit identity of the command-line operator.
auth::Caller cliCaller();

}  // namespace rxdesk::app
