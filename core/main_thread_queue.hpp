// Hands results from worker threads back to the main thread, where the UI runs.
#pragma once

#include <functional>
#include <mutex>
#include <vector>

namespace mingle {

class MainThreadQueue {
public:
    // Called after each post, from the posting thread: the GUI wakes its idle event loop here.
    void set_wake(std::function<void()> wake) {
        std::lock_guard lock(mutex_);
        wake_ = std::move(wake);
    }

    // Any thread.
    void post(std::function<void()> task) {
        std::function<void()> wake;
        {
            std::lock_guard lock(mutex_);
            tasks_.push_back(std::move(task));
            wake = wake_;
        }
        if (wake) wake();
    }

    // Main thread: runs what was posted so far. Returns how many tasks ran.
    std::size_t run_pending() {
        std::vector<std::function<void()>> ready;
        {
            std::lock_guard lock(mutex_);
            ready.swap(tasks_);
        }
        for (auto& task : ready) task();
        return ready.size();
    }

private:
    std::mutex mutex_;
    std::vector<std::function<void()>> tasks_;
    std::function<void()> wake_;
};

}  // namespace mingle
