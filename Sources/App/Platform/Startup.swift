import Fluent
import NIOCore
import Vapor

/// What `setka serve` does before it listens: on SQLite migrate and load the demo into a new database;
/// when there are no users, print the one-time setup token.
public enum Startup {
    public static func prepare(_ app: Application, arguments: [String]) async throws {
        let command = arguments.dropFirst().first { !$0.hasPrefix("-") } ?? "serve"
        guard command == "serve" else { return }
        let config = app.setkaConfig
        if !config.isPostgres {
            try await Migrate.run(app)
            if config.loadDemo, try await DemoData.load(app) {
                app.logger.notice("Загружен демонстрационный муниципалитет «\(DemoData.municipalityName)».")
            }
        }
        let users: Int
        do {
            users = try await User.query(on: app.db).count()
        } catch {
            app.logger.critical("База данных не подготовлена: выполните «setka migrate». (\(error))")
            throw error
        }
        // First-come holds nobody confirmed in time are freed every minute (pages and the API also do it when opened).
        let loop = app.eventLoopGroup.next()
        let scheduled = loop.scheduleRepeatedAsyncTask(initialDelay: .seconds(5), delay: .seconds(60)) { _ in
            loop.makeFutureWithTask { try? await ApplicationService.expireOverdue(app) }
        }
        app.lifecycle.use(CancelOnShutdown(task: scheduled))
        if users == 0 {
            let token = Secrets.token()
            app.setupToken = token
            app.logger.notice("Первый запуск: откройте /setup и введите код установки: \(token)")
        } else if config.loadDemo && !config.isPostgres {
            app.logger.notice("\(DemoData.loginsText)")
        }
    }
}

/// Stops a repeated task when the application shuts down.
struct CancelOnShutdown: LifecycleHandler {
    let task: RepeatedTask
    func shutdown(_ application: Application) { task.cancel() }
}
