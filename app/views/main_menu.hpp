// The menu bar: file actions, which view to show, interface language.
#pragma once

namespace mingle::app {

class App;

class MainMenu {
public:
    // Returns the height the bar takes.
    float draw(App& app);
};

}  // namespace mingle::app
