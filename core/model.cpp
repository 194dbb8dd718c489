#include "model.hpp"

namespace mingle {

std::string Person::display_name() const {
    if (first_name.empty()) return last_name.empty() ? email : last_name;
    if (last_name.empty()) return first_name;
    return first_name + " " + last_name;
}

}  // namespace mingle
