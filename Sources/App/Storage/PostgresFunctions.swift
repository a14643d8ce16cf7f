import Domain
import SQLKit
import Vapor

/// PostgreSQL functions that are part of the code (`ApplicationService.OneCourse`): after the migrations, each is
/// created again when the database's body differs from this build's, under the migrations' lock, so processes of one
/// version agree and a new version replaces the old one.
enum PostgresFunctions {
    static func install(on db: any SQLDatabase) async throws {
        let name = ApplicationService.OneCourse.functionName
        let stored = try await db.raw(
            "SELECT oid::regprocedure::text AS signature, prosrc FROM pg_proc WHERE proname = \(bind: name)"
        ).all()
        let body = ApplicationService.OneCourse.functionBody
        if stored.count == 1, try stored[0].decode(column: "prosrc", as: String.self) == body { return }
        // In one transaction: a running process never finds the function missing.
        try await db.raw("BEGIN").run()
        do {
            for row in stored {
                try await db.raw("DROP FUNCTION \(unsafeRaw: try row.decode(column: "signature", as: String.self))")
                    .run()
            }
            try await db.raw("\(unsafeRaw: ApplicationService.OneCourse.functionDefinition)").run()
            try await db.raw("COMMIT").run()
        } catch {
            try? await db.raw("ROLLBACK").run()
            throw error
        }
    }

    static func remove(on db: any SQLDatabase) async throws {
        let name = ApplicationService.OneCourse.functionName
        for row in try await db.raw(
            "SELECT oid::regprocedure::text AS signature FROM pg_proc WHERE proname = \(bind: name)"
        ).all() {
            try await db.raw("DROP FUNCTION \(unsafeRaw: try row.decode(column: "signature", as: String.self))").run()
        }
    }
}
