import Domain
import Fluent
import SQLKit
import Vapor

/// `setka migrate`: the deploy step on PostgreSQL. Holds an advisory lock so processes started together do not race.
struct SetkaMigrateCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Flag(name: "revert", help: "Revert the last batch of migrations") var revert: Bool
    }
    var help: String { "Creates or updates the database tables" }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await Migrate.run(app, revert: signature.revert)
        context.console.print(signature.revert ? "Последняя партия миграций отменена." : "База данных обновлена.")
    }
}

enum Migrate {
    static func run(_ app: Application, revert: Bool = false) async throws {
        if app.setkaConfig.isPostgres {
            try await app.db.withConnection { conn in
                guard let database = conn as? any SQLDatabase else { return }
                try await MigrationLock.holding(on: database) {
                    if revert { try await PostgresFunctions.remove(on: database) }
                    try await migrate(app, revert: revert)
                    if !revert { try await PostgresFunctions.install(on: database) }
                }
            }
        } else {
            try await migrate(app, revert: revert)
        }
    }

    private static func migrate(_ app: Application, revert: Bool) async throws {
        if revert { try await app.autoRevert() } else { try await app.autoMigrate() }
    }
}
