#include "core/Error.h"

namespace rxdesk {

Error::Error(ErrorKind kind, std::string code, std::string message, std::string field)
    : std::runtime_error(std::move(message)),
      kind_(kind),
      code_(std::move(code)),
      field_(std::move(field)) {}

}  // namespace rxdesk
