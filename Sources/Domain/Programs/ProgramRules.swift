import Foundation

public enum ProgramRules {
    /// Parses modules written one per line as «Название — 16» (also «;», «:» or «,» before the hours).
    public static func parseModules(_ text: String?, totalHours: Int?, errors: inout FieldErrors) -> [ProgramModule] {
        var modules: [ProgramModule] = []
        let lines = (text ?? "").split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
        for (i, line) in lines.enumerated() {
            let separators: [Character] = ["—", "-", ";", ":", ","]
            guard let cut = line.lastIndex(where: { separators.contains($0) }),
                let hours = Int(line[line.index(after: cut)...].trimmingCharacters(in: .whitespaces)), hours > 0
            else {
                errors.add("modules", "Строка \(i + 1): напишите модуль как «Название — 16» (часы числом).")
                return []
            }
            let name = line[..<cut].trimmingCharacters(in: .whitespaces)
            guard !name.isEmpty else {
                errors.add("modules", "Строка \(i + 1): у модуля нет названия.")
                return []
            }
            modules.append(ProgramModule(name: name, hours: hours))
        }
        if let total = totalHours, !modules.isEmpty {
            let sum = modules.reduce(0) { $0 + $1.hours }
            if sum != total {
                errors.add("modules", "Сумма часов модулей (\(sum)) должна совпадать с объёмом программы (\(total)).")
            }
        }
        return modules
    }

    public static func formatModules(_ modules: [ProgramModule]) -> String {
        modules.map { "\($0.name) — \($0.hours)" }.joined(separator: "\n")
    }

    public static func validateGrades(from: Int?, to: Int?, errors: inout FieldErrors) {
        if let from, let to, to < from { errors.add("gradeTo", "Последний класс не может быть меньше первого.") }
    }
}
