import Foundation

/// The generated network's rows (`NetworkGenerator`), buffered per table and written many at a time through the write
/// connection — multi-row INSERTs on the SQLite writer's connection, COPY on PostgreSQL (`WriteConnection.insert`), all
/// in the caller's one transaction. Tables are written in `order`, parents before children, so a flush never writes a
/// row before the row it refers to.
final class GeneratorRows {
    /// Rows kept before everything buffered is written.
    static let flushAt = 40_000

    private let db: any WriteConnection
    private var buffers: [String: [[DBValue]]] = [:]
    private var buffered = 0
    private let columns: [String: [String]]
    /// Rows written so far (the progress bar's measure).
    private(set) var written = 0

    init(_ db: any WriteConnection) {
        self.db = db
        columns = Dictionary(uniqueKeysWithValues: Self.order.map { ($0.table, $0.columns) })
    }

    /// Adds a row of `table` (its values in `order`'s column order); writes everything once enough is buffered.
    func add(_ table: String, _ values: [DBValue]) async throws {
        precondition(columns[table]?.count == values.count, "generator row of \(table) does not fit its columns")
        buffers[table, default: []].append(values)
        buffered += 1
        if buffered >= Self.flushAt { try await flush() }
    }

    /// Writes every buffered row, parents first.
    func flush() async throws {
        for (table, names) in Self.order {
            guard let rows = buffers[table], !rows.isEmpty else { continue }
            buffers[table] = nil
            try await db.insert(into: table, columns: names, count: rows.count) { rows[$0] }
            written += rows.count
        }
        buffered = 0
    }

    /// The first of `count` registry numbers of the municipality (`StudentRegistryNumbers`), once its row is written.
    func claimRegistryNumbers(_ count: Int, municipalityID: UUID) async throws -> Int {
        try await flush()
        return try await StudentRegistryNumbers.claim(count, municipalityID: municipalityID, on: db)
    }

    /// An audit entry in the same transaction, as `Audit.record` writes it.
    func audit(_ entry: Audit.Row) async throws {
        try await db.audit(entry)
    }
}
