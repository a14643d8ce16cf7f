import AsyncHTTPClient
import Documents
import Domain
import Fluent
import NIOCore
import SQLKit
import Vapor

/// `setka bench-import --rows 100000`: builds a CSV of that many students and imports it into a new school
/// as the import page does — the preview, then the commit (de-duplicate, insert in one transaction) — and prints the
/// time
/// of each, and of a commit on a process that did not keep the preview's checked rows (it reads and validates again).
struct BenchImportCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "rows") var rows: Int?
    }
    var help: String { "Times the import of a generated CSV of students" }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await Migrate.run(app)
        let rowCount = signature.rows ?? 100_000
        let municipality = Municipality(name: "Импорт \(UUID().uuidString.prefix(6))")
        try await municipality.create(on: app.db)
        let school = Organization()
        school.$municipality.id = municipality.id!
        school.kind = OrganizationKind.school.rawValue
        school.fullName = "Школа импорта"
        school.shortName = "Школа импорта"
        school.status = RecordStatus.active.rawValue
        school.searchKey = "школа"
        school.sortKey = "школа"
        school.version = 1
        try await school.create(on: app.db)
        let surnames = [
            "Алексеев", "Борисов", "Васильев", "Гаврилов", "Дмитриев", "Ефимов", "Жданов", "Зуев", "Ильин", "Карпов",
        ]
        let word = StudentImport.madeUpWord
        var csv = StudentImport.header.prefix(8).joined(separator: ";") + "\n"
        for i in 0..<rowCount {
            let day = 1 + i % 28
            let month = 1 + (i / 28) % 12
            let yearOf = 2008 + (i / 336) % 10
            csv +=
                "\(surnames[i % 10])-\(word(i));Иван;Петрович;\(String(format: "%02d.%02d.%04d", day, month, yearOf));"
                + "м;\(1 + i % 11);А;нет\n"
        }
        let data = Data(csv.utf8)
        func batch(into school: Organization) async throws -> StudentImportBatch {
            let batch = StudentImportBatch()
            batch.$municipality.id = school.$municipality.id
            batch.$school.id = school.id!
            batch.createdByName = "bench"
            batch.createdAt = Date()
            batch.fileName = "bench.csv"
            batch.format = "csv"
            batch.state = StudentImportBatch.State.preview.rawValue
            batch.rowCount = rowCount
            batch.createdCount = 0
            batch.mergedCount = 0
            batch.skippedCount = 0
            batch.content = data
            try await batch.create(on: app.db)
            return batch
        }
        let first = try await batch(into: school)
        let clock = ContinuousClock()
        let t0 = clock.now
        // The preview, as the import page shows it: read, validate, de-duplicate against the registry.
        let analysis = try await StudentImportService.analyse(
            data, fileName: "bench.csv", schoolID: school.id!, municipalityID: municipality.id!,
            zone: MunicipalClock.defaultZone, canSee: { _ in true }, on: app.db)
        let t1 = clock.now
        guard analysis.isValid else {
            context.console.print("Файл не прошёл проверку: \(analysis.errors.prefix(3))")
            return
        }
        // The commit, as the page's button runs it after the preview: the preview's checked rows (kept by this
        // process),
        // de-duplicated again under the write lock, then inserted, in one transaction.
        let outcome = try await StudentImportService.commit(
            batchID: first.id!, skipLines: [], canSee: { _ in true }, app: app, req: nil)
        let t2 = clock.now
        guard outcome.created == rowCount else {
            context.console.print("Добавлено \(outcome.created) из \(rowCount)")
            return
        }
        // The same file committed by a process that did not show the preview (behind a load balancer): read and
        // validated again as well. Into a second municipality, so that nobody is a duplicate.
        let municipality2 = Municipality(name: "Импорт \(UUID().uuidString.prefix(6))")
        try await municipality2.create(on: app.db)
        let school2 = Organization()
        school2.$municipality.id = municipality2.id!
        school2.kind = school.kind
        school2.fullName = school.fullName
        school2.shortName = school.shortName
        school2.status = school.status
        school2.searchKey = school.searchKey
        school2.sortKey = school.sortKey
        school2.version = 1
        try await school2.create(on: app.db)
        let second = try await batch(into: school2)
        StudentImportService.planCache.removeAll()
        let t3 = clock.now
        let outcome2 = try await StudentImportService.commit(
            batchID: second.id!, skipLines: [], canSee: { _ in true }, app: app, req: nil)
        let t4 = clock.now
        guard outcome2.created == rowCount else {
            context.console.print("Добавлено \(outcome2.created) из \(rowCount)")
            return
        }
        func seconds(_ duration: Duration) -> Double {
            Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
        }
        context.console.print(
            String(
                format: "import of %d rows (%.1f MB CSV): preview (read + validate + de-duplicate) %.2f s; "
                    + "commit after it (de-duplicate + insert, one transaction) %.2f s; "
                    + "commit on a process without the preview (read + validate + de-duplicate + insert) %.2f s",
                rowCount, Double(data.count) / 1_048_576, seconds(t1 - t0), seconds(t2 - t1), seconds(t4 - t3)))
    }
}
