#include "import_job.hpp"

#include <filesystem>

namespace mingle::import {

ImportJob::ImportJob(std::string database_path, ImportRequest request, MainThreadQueue& queue, Done on_done)
    : progress_(std::make_shared<ImportProgress>()), finished_(std::make_shared<std::atomic<bool>>(false)) {
    if (!request.source.is_pasted()) {
        std::error_code ec;
        progress_->bytes_total = std::filesystem::file_size(request.source.path, ec);
        if (ec) progress_->bytes_total = 0;
    }
    worker_ = std::thread([database_path = std::move(database_path), request = std::move(request), &queue,
                           on_done = std::move(on_done), progress = progress_, finished = finished_]() {
        auto result = [&]() -> Result<ImportSummary> {
            auto db = storage::Database::open(database_path);
            if (!db.ok()) return db.error();
            return run_import(**db, request, progress.get());
        }();
        finished->store(true);
        queue.post([on_done, result = std::move(result)]() { on_done(result); });
    });
}

ImportJob::~ImportJob() {
    cancel();
    if (worker_.joinable()) worker_.join();
}

float ImportJob::fraction() const {
    if (finished()) return 1.0f;
    if (progress_->bytes_total == 0) return 0.0f;
    return static_cast<float>(static_cast<double>(progress_->bytes_done.load()) /
                              static_cast<double>(progress_->bytes_total));
}

}  // namespace mingle::import
