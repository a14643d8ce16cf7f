import Documents
import Domain
import Fluent
import SQLKit
import Vapor
import Views

/// Imports a school's students from CSV or XLSX (issue 3): the file is kept for the preview and checked again on
/// commit; nothing is written unless every row is valid; children already in the registry are matched and, when
/// the user agrees, merged (the previous values are kept, so the whole import can be undone); a child registered
/// in another school is refused without revealing who or where to a school; one audit record per batch.
///
/// The work is split so that both databases share it: `plan` reads and validates the file (no database), a lookup
/// finds the file's children in the registry (Fluent here, raw on SQLite's writer in `+SQLite`), `StudentImport.classify` (Domain) decides
/// what each row is, and `merged`/`freshGuardians` compute what is written.
enum StudentImportService {
    typealias Registered = StudentImport.RegisteredChild
    typealias Analysis = StudentImport.Analysis

    /// Who may see which school's children: decides how much a refusal may say.
    typealias Visibility = @Sendable (UUID) -> Bool

    /// Reads and validates the file: no database.
    static func plan(_ data: Data, fileName: String, zone: TimeZone) throws -> StudentImport.Plan {
        try planCache.plan(data, fileName: fileName, zone: zone) {
            StudentImport.plan(try TableReader.read(data, fileName: fileName).rows, timeZone: zone)
        }
    }

    /// Plans of recently checked files (`ImportPlanCache`).
    static let planCache = ImportPlanCache()

    /// The preview: the file checked row by row and against the registry as it is now.
    static func analyse(
        _ data: Data, fileName: String, schoolID: UUID, municipalityID: UUID, zone: TimeZone,
        canSee: Visibility, on db: any Database
    ) async throws -> Analysis {
        let plan = try plan(data, fileName: fileName, zone: zone)
        guard plan.fileErrors.isEmpty, !plan.rows.isEmpty else {
            return Analysis(plan: plan, matches: [:], errors: plan.errors)
        }
        let found = try await registered(plan.rows.map(\.identityKey), municipalityID: municipalityID, on: db)
        return StudentImport.classify(plan, found: found, schoolID: schoolID, canSee: canSee)
    }

    /// A merged child's values before the merge, as the batch keeps them (`snapshot`), read back by the revert and by
    /// the child's history.
    struct Snapshot: Sendable {
        var id: UUID, version: Int, grade: Int, letter: String?, sex: String?, specialNeeds: Bool, consentOn: Date?,
            consentBy: String?, status: String

        init?(_ fields: [String: String]) {
            guard let id = fields["id"].flatMap(UUID.init(uuidString:)),
                let version = fields["version"].flatMap(Int.init)
            else {
                return nil
            }
            func text(_ key: String) -> String? { fields[key].flatMap { $0.isEmpty ? nil : $0 } }
            self.id = id
            self.version = version
            grade = Int(fields["grade"] ?? "") ?? 1
            letter = text("letter")
            sex = text("sex")
            specialNeeds = fields["special_needs"] == "1"
            consentOn = fields["consent_on"].flatMap(Double.init).map { Date(timeIntervalSince1970: $0) }
            consentBy = text("consent_by")
            status = fields["status"] ?? RecordStatus.active.rawValue
        }

        /// The snapshots a batch keeps (none for a batch without merges or with unreadable ones).
        static func all(_ batch: StudentImportBatch) -> [Snapshot] {
            ((try? JSONDecoder().decode([[String: String]].self, from: Data((batch.merges ?? "[]").utf8))) ?? [])
                .compactMap(Snapshot.init)
        }
    }

    /// What a revert restores: the values before the merge, and the version the merge wrote.
    static func snapshot(_ registered: Registered) -> [String: String] {
        [
            "id": registered.id.uuidString, "version": String(registered.version + 1),
            "grade": String(registered.grade), "letter": registered.letter ?? "",
            "sex": registered.sex ?? "",
            "special_needs": registered.specialNeeds ? "1" : "0",
            "consent_on": registered.consentOn.map { String($0.timeIntervalSince1970) } ?? "",
            "consent_by": registered.consentBy ?? "", "status": registered.status,
        ]
    }

    /// Ids for a batch's new children in increasing order — a millisecond time stamp and random bits, as in UUID
    /// version 7, then a counter — so that the primary-key index takes them at its end instead of at random pages.
    struct OrderedIDs {
        private var head: [UInt8]
        private var counter: UInt64 = UInt64.random(in: 0..<1 << 40)
        init(now: Date = Date()) {
            let ms = UInt64(max(0, now.timeIntervalSince1970 * 1000))
            head =
                (0..<6).map { UInt8(truncatingIfNeeded: ms >> (40 - 8 * UInt64($0))) } + [
                    0x70 | UInt8.random(in: 0...15), UInt8.random(in: 0...255),
                ]
        }
        mutating func next() -> UUID {
            counter += 1
            let count = counter
            let headBytes = head
            func byte(_ shift: UInt64) -> UInt8 { UInt8(truncatingIfNeeded: count >> shift) }
            return UUID(
                uuid: (
                    headBytes[0], headBytes[1], headBytes[2], headBytes[3], headBytes[4], headBytes[5], headBytes[6],
                    headBytes[7], 0x80 | (byte(56) & 0x3F), byte(48), byte(40), byte(32), byte(24),
                    byte(16), byte(8), byte(0)
                ))
        }
    }

    /// New children in the byte order of their identity keys, which is nearly that of their sort keys too (both begin
    /// with the names), with time-ordered ids given in that order: each of the three indexes then grows at one end
    /// instead of at random pages, which cut SQLite's insert of 100 000 rows to a third.
    /// The sort compares the keys' first 32 bytes as four integers and the whole keys only when those are equal.
    static func inIndexOrder(_ rows: [StudentImport.Row], now: Date) -> [(UUID, StudentImport.Row)] {
        struct Item {
            var prefix: (UInt64, UInt64, UInt64, UInt64)
            var index: Int
        }
        var items = rows.indices.map { i -> Item in
            var words: [UInt64] = [0, 0, 0, 0]
            for (offset, byte) in rows[i].identityKey.utf8.prefix(32).enumerated() {
                words[offset / 8] |= UInt64(byte) << (56 - 8 * UInt64(offset % 8))
            }
            return Item(prefix: (words[0], words[1], words[2], words[3]), index: i)
        }
        items.sort { left, right in
            left.prefix != right.prefix
                ? left.prefix < right.prefix
                : ByteKey(rows[left.index].identityKey) < ByteKey(rows[right.index].identityKey)
        }
        var ids = OrderedIDs(now: now)
        return items.map { (ids.next(), rows[$0.index]) }
    }

    struct Outcome: Sendable {
        var created: Int
        var merged: Int
        var skipped: Int
    }

    /// Commits a previewed batch in one write transaction: checks the file again against the registry as it is now,
    /// inserts the new children in bulk, merges the matched ones the user did not skip, and writes one audit record.
    static func commit(batchID: UUID, skipLines: Set<Int>, canSee: @escaping Visibility, req: Request) async throws
        -> Outcome
    {
        _ = try req.requireUser()
        return try await commit(batchID: batchID, skipLines: skipLines, canSee: canSee, app: req.application, req: req)
    }
}
