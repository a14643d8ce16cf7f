import Domain
import Fluent
import SQLKit
import Vapor

/// `setka demo`: loads the demo municipality if the database has none.
struct DemoCommand: AsyncCommand {
    struct Signature: CommandSignature {}
    var help: String { "Loads the demo municipality (made-up town, users for every role)" }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await Migrate.run(app)
        if try await DemoData.load(app) {
            context.console.print("Демо-данные загружены.")
            context.console.print(DemoData.loginsText)
        } else {
            context.console.print("В базе уже есть данные: демо не загружено.")
        }
    }
}
