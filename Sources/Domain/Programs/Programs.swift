import Foundation

/// Kinds of network programmes (issue 3; `000_5375b2a087477e6d.txt` §4.2: the programme follows the group's target —
/// olympiads, projects, creative contests).
public enum ProgramKind: String, CaseIterable, Codable, Sendable {
    case profile, olympiad, project, creative, additional, shift, chess
    public var title: String {
        switch self {
        case .profile: "профильный курс"
        case .olympiad: "подготовка к олимпиаде"
        case .project: "проектная деятельность"
        case .creative: "подготовка к творческим конкурсам"
        case .additional: "дополнительная общеразвивающая программа"
        case .shift: "профильная смена"
        case .chess: "шахматы"
        }
    }
}

public enum StudyForm: String, CaseIterable, Codable, Sendable {
    case fullTime = "full_time", distance, blended
    public var title: String {
        switch self {
        case .fullTime: "очная"
        case .distance: "дистанционная"
        case .blended: "смешанная"
        }
    }
}

/// Agreement of a programme with the КМЦ (`000_5375b2a087477e6d.txt` §4.2): drafted by the centre, submitted,
/// agreed or returned with a comment. Only agreed programmes open groups.
public enum ProgramApproval: String, CaseIterable, Codable, Sendable {
    case draft, submitted, agreed, returned
    public var title: String {
        switch self {
        case .draft: "черновик"
        case .submitted: "на согласовании в КМЦ"
        case .agreed: "согласована КМЦ"
        case .returned: "возвращена на доработку"
        }
    }

    /// The centre edits a programme only while it is its own draft.
    public var isEditable: Bool { self == .draft || self == .returned }
    public var canSubmit: Bool { self == .draft || self == .returned }
    public var canReview: Bool { self == .submitted }
}

/// One module of a programme: a name and its hours.
public struct ProgramModule: Equatable, Sendable {
    public var name: String
    public var hours: Int
    public init(name: String, hours: Int) { self.name = name; self.hours = hours }
}

public enum ProgramRules {
    /// Parses modules written one per line as «Название — 16» (also «;», «:» or «,» before the hours).
    public static func parseModules(_ text: String?, totalHours: Int?, errors: inout FieldErrors) -> [ProgramModule] {
        var modules: [ProgramModule] = []
        let lines = (text ?? "").split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        for (i, line) in lines.enumerated() {
            let separators: [Character] = ["—", "-", ";", ":", ","]
            guard let cut = line.lastIndex(where: { separators.contains($0) }),
                  let hours = Int(line[line.index(after: cut)...].trimmingCharacters(in: .whitespaces)), hours > 0 else {
                errors.add("modules", "Строка \(i + 1): напишите модуль как «Название — 16» (часы числом).")
                return []
            }
            let name = line[..<cut].trimmingCharacters(in: .whitespaces)
            guard !name.isEmpty else { errors.add("modules", "Строка \(i + 1): у модуля нет названия."); return [] }
            modules.append(ProgramModule(name: name, hours: hours))
        }
        if let total = totalHours, !modules.isEmpty {
            let sum = modules.reduce(0) { $0 + $1.hours }
            if sum != total { errors.add("modules", "Сумма часов модулей (\(sum)) должна совпадать с объёмом программы (\(total)).") }
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
