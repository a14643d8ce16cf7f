import Domain
import Foundation
import Vapor

/// `setka generate --scale town|region [--seed N] [--year 2026]`: fills an empty database with a made-up network
/// (`NetworkGenerator`), with a progress bar on stderr, and prints the logins.
struct GenerateCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "scale", help: "town (≈ 15 школ, 6 000 обучающихся) или region (≈ 600 школ, 200 000)")
        var scale: String?
        @Option(name: "seed", help: "число: та же сеть для того же числа") var seed: String?
        @Option(name: "year", help: "первый год учебного года (2026 для 2026/2027); по умолчанию текущий")
        var year: String?
    }
    var help: String { "Fills an empty database with a generated network (town or region)" }

    func run(using context: CommandContext, signature: Signature) async throws {
        guard let scale = NetworkScale.named(signature.scale ?? "town") else {
            throw GenerateCommandError("Неизвестный размер сети «\(signature.scale ?? "")»: town или region.")
        }
        guard let seed = UInt64(signature.seed ?? "1") else {
            throw GenerateCommandError("Зерно (--seed) должно быть неотрицательным целым числом.")
        }
        var year: Int?
        if let text = signature.year {
            guard let value = Int(text), (2000...2100).contains(value) else {
                throw GenerateCommandError("Год (--year) должен быть числом вроде 2026.")
            }
            year = value
        }
        let app = context.application
        try await Migrate.run(app)
        let started = Date()
        let bar = ProgressBar()
        let summary = try await NetworkGenerator(scale: scale, seed: seed, year: year) { done, what in
            bar.show(done, what)
        }.run(on: app)
        bar.show(1, "статистика для планировщика запросов")
        try await DatabaseStatistics.refresh(app)
        bar.finish()
        let seconds = Date().timeIntervalSince(started)
        context.console.print(
            "Сеть создана за \(String(format: "%.1f", seconds)) с: муниципалитетов — \(summary.municipalities), "
                + "организаций — \(summary.organizations), обучающихся — \(summary.students), "
                + "групп — \(summary.groups), зачислений — \(summary.enrollments), занятий — \(summary.lessons), "
                + "отметок — \(summary.marks), итоговых результатов — \(summary.results), "
                + "сертификатов — \(summary.certificates), достижений — \(summary.achievements), "
                + "участников муниципального этапа — \(summary.olympiadParticipants), "
                + "мер поддержки — \(summary.supportMeasures), маршрутов — \(summary.routes), "
                + "пунктов планов — \(summary.planItems), "
                + "пользователей — \(summary.users).")
        context.console.print(NetworkGenerator.loginsText(summary))
    }
}

struct GenerateCommandError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// A one-line bar on stderr, redrawn when the share or the stage changes.
final class ProgressBar: @unchecked Sendable {  // `last` is guarded by `lock`
    private let lock = NSLock()
    private var last = ""

    func show(_ done: Double, _ what: String) {
        let share = min(max(done, 0), 1)
        let filled = Int(share * 30)
        let line =
            "\r[" + String(repeating: "#", count: filled) + String(repeating: " ", count: 30 - filled) + "] "
            + String(format: "%3d%%", Int(share * 100)) + " " + what
        lock.lock()
        defer { lock.unlock() }
        guard line != last else { return }
        let padding = String(repeating: " ", count: max(0, last.count - line.count))
        last = line
        FileHandle.standardError.write(Data((line + padding).utf8))
    }

    func finish() { FileHandle.standardError.write(Data("\n".utf8)) }
}
