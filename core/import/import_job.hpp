// A big import runs off the main thread, on its own database connection. Progress is read through
// atomics; the result comes back through the main-thread queue.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <thread>

#include "core/import/importer.hpp"
#include "core/main_thread_queue.hpp"

namespace mingle::import {

class ImportJob {
public:
    using Done = std::function<void(Result<ImportSummary>)>;

    // Starts at once. `on_done` runs on the main thread, from queue.run_pending().
    ImportJob(std::string database_path, ImportRequest request, MainThreadQueue& queue, Done on_done);
    // Cancels (the import rolls back) and waits for the worker.
    ~ImportJob();

    ImportJob(const ImportJob&) = delete;
    ImportJob& operator=(const ImportJob&) = delete;

    // 0..1 by bytes read (pasted text jumps from 0 to 1).
    float fraction() const;
    std::uint64_t rows() const { return progress_->rows.load(std::memory_order_relaxed); }
    bool finished() const { return finished_->load(); }
    void cancel() { progress_->cancel = true; }

private:
    std::shared_ptr<ImportProgress> progress_;
    std::shared_ptr<std::atomic<bool>> finished_;
    std::thread worker_;
};

}  // namespace mingle::import
