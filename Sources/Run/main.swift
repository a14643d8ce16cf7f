import App
import Logging
import Vapor

var env = try Environment.detect()
try LoggingSystem.bootstrap(from: &env)

let config: AppConfig
do {
    config = try AppConfig.fromEnvironment()
} catch {
    FileHandle.standardError.write(Data("\(error)\n".utf8))
    exit(1)
}

let app = try await Application.make(env)
do {
    try await configure(app, config: config)
    try await Startup.prepare(app, arguments: CommandLine.arguments)
    try await app.execute()
} catch {
    // A failed command says why in one line and exits non-zero, without a crash report.
    FileHandle.standardError.write(
        Data("Ошибка: \((error as? any AbortError)?.reason ?? String(describing: error))\n".utf8))
    try? await app.asyncShutdown()
    exit(1)
}
try await app.asyncShutdown()
