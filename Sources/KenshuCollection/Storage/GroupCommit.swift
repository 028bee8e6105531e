import Foundation
import GRDB

/// Group commit for SQLite: writes that arrive while a transaction is being committed wait and
/// are committed together in the next one, each inside its own savepoint (one failing write
/// rolls back only itself). With `synchronous = FULL` every commit costs an fsync; sharing it
/// among concurrent submissions keeps throughput up under load without weakening the
/// guarantee: each caller resumes only after the transaction holding its write committed.
final class GroupCommit: @unchecked Sendable {
  typealias Work = @Sendable (Database) throws -> StoreWrite

  private struct Pending: Sendable {
    let work: Work
    let continuation: CheckedContinuation<StoreWrite, any Error>
  }

  /// Writes per transaction at most, so that one commit stays short.
  static let batchLimit = 256

  private let pool: DatabasePool
  // Guards `pending` and `draining`; never held across a suspension.
  private let lock = NSLock()
  private var pending: [Pending] = []
  private var draining = false

  init(pool: DatabasePool) { self.pool = pool }

  /// Runs `work` in a transaction shared with other concurrent writes; returns its result once
  /// that transaction committed, or throws when the transaction (or `work`) failed.
  func perform(_ work: @escaping Work) async throws -> StoreWrite {
    try await withCheckedThrowingContinuation { continuation in
      let start = lock.withLock {
        pending.append(Pending(work: work, continuation: continuation))
        if draining { return false }
        draining = true
        return true
      }
      if start { Task { await self.drain() } }
    }
  }

  private func nextBatch() -> [Pending] {
    lock.withLock {
      let batch = Array(pending.prefix(Self.batchLimit))
      pending.removeFirst(batch.count)
      if batch.isEmpty { draining = false }
      return batch
    }
  }

  private func drain() async {
    while true {
      let batch = nextBatch()
      if batch.isEmpty { return }
      do {
        let results: [Result<StoreWrite, any Error>] = try await pool.write { db in
          batch.map { item in
            var outcome: Result<StoreWrite, any Error> = .failure(StoreError("write not run"))
            do {
              try db.inSavepoint {
                do {
                  outcome = .success(try item.work(db))
                  return .commit
                } catch {
                  outcome = .failure(error)
                  return .rollback
                }
              }
            } catch {
              outcome = .failure(error)
            }
            return outcome
          }
        }
        for (item, result) in zip(batch, results) { item.continuation.resume(with: result) }
      } catch {
        // The commit failed: nothing of this batch is stored, and every caller hears so.
        for item in batch { item.continuation.resume(throwing: error) }
      }
    }
  }
}
