import Foundation

/// A report form an administrator writes (issue 22, item 5: «The administrator defines a report form (indicators typed
/// as number, share, text, date, table, with validation and units)»), as text: one indicator a line, «название; тип;
/// единица; обязательный; откуда» — the type «число», «доля», «текст», «дата» or «таблица: графа, графа, …»; the unit
/// optional; «да» when it must be filled to submit; for a number, where Setka counts it from (`ReportSource.word`). A
/// line «> …» under an indicator is its hint. Keys are the indicators' places («p1», «p2», …): a campaign keeps the text
/// it was announced with, so the keys of its reports never move.
extension ReportForm {
    public static let textIndicatorLimit = 100
    public static let tableColumnLimit = 8

    /// The indicators of the text, or nil with the first problem named by its line under `field`.
    public static func indicators(_ text: String, field: String, errors: inout FieldErrors) -> [ReportIndicator]? {
        var indicators: [ReportIndicator] = []
        var titles: Set<String> = []
        for (index, raw) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            let number = index + 1
            func refuse(_ message: String) -> [ReportIndicator]? {
                errors.add(field, "Строка \(number): " + message)
                return nil
            }
            if line.isEmpty { continue }
            if line.hasPrefix(">") {
                let hint = line.dropFirst().trimmingCharacters(in: .whitespaces)
                guard !indicators.isEmpty else { return refuse("подсказка «>» — под строкой показателя.") }
                let last = indicators.count - 1
                let joined = indicators[last].hint.map { $0 + " " + hint } ?? hint
                guard !hint.isEmpty, joined.count <= 1000 else {
                    return refuse("после «>» напишите подсказку (до 1000 символов на показатель).")
                }
                indicators[last].hint = joined
                continue
            }
            let cells = line.split(separator: ";", omittingEmptySubsequences: false)
                .map { $0.trimmingCharacters(in: .whitespaces) }
            guard cells.count >= 2, cells.count <= 5 else {
                return refuse("«название; тип; единица; обязательный; откуда» — от двух до пяти полей через «;».")
            }
            func cell(_ at: Int) -> String? { at < cells.count && !cells[at].isEmpty ? cells[at] : nil }
            guard let title = cell(0), title.count <= 300 else {
                return refuse("укажите название показателя (до 300 символов).")
            }
            guard titles.insert(title.lowercased()).inserted else {
                return refuse("показатель «\(title)» уже есть — назовите его иначе.")
            }
            guard let kind = cell(1).flatMap(Self.kind) else {
                return refuse(
                    "тип — «число», «доля», «текст», «дата» или «таблица: графа, графа, …» (от одной до "
                        + "\(tableColumnLimit) граф).")
            }
            let unit = cell(2) ?? ""
            guard unit.count <= 20 else { return refuse("единица — не длиннее 20 символов («чел.», «ч», «%»).") }
            var required = false
            if let said = cell(3)?.lowercased() {
                guard let value = ["да": true, "нет": false][said] else {
                    return refuse("обязательный — «да» или «нет» (или ничего).")
                }
                required = value
            }
            var source: ReportSource?
            if let said = cell(4)?.lowercased() {
                guard let found = ReportSource.allCases.first(where: { $0.word == said }) else {
                    return refuse(
                        "откуда — одно из: "
                            + ReportSource.allCases.map { "«\($0.word)»" }.joined(separator: ", ") + ".")
                }
                guard kind == .number else { return refuse("Setka считает только показатели-числа.") }
                source = found
            }
            guard indicators.count < textIndicatorLimit else {
                errors.add(field, "Не больше \(textIndicatorLimit) показателей в форме.")
                return nil
            }
            indicators.append(
                ReportIndicator(
                    "p\(indicators.count + 1)", title, kind, unit: unit, required: required, source: source))
        }
        guard !indicators.isEmpty else {
            errors.add(field, "Напишите хотя бы один показатель.")
            return nil
        }
        return indicators
    }

    /// «число» → `.number`, «таблица: Мероприятие, Дата» → `.table([…])`; nil for anything else.
    static func kind(_ word: String) -> ReportIndicator.Kind? {
        let lowered = word.lowercased()
        switch lowered {
        case "число": return .number
        case "доля", "доля, %", "доля %": return .share
        case "текст": return .text
        case "дата": return .date
        default:
            guard lowered.hasPrefix("таблица") else { return nil }
            let rest = word.dropFirst("таблица".count).trimmingCharacters(in: .whitespaces)
            guard rest.hasPrefix(":") else { return nil }
            let columns = rest.dropFirst().split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            guard !columns.isEmpty, columns.count <= tableColumnLimit,
                columns.allSatisfy({ !$0.isEmpty && $0.count <= 100 })
            else { return nil }
            return .table(columns)
        }
    }

    /// The text of the indicators, as the editor shows it back (`indicators(_:field:errors:)` reads it the same).
    public static func text(_ indicators: [ReportIndicator]) -> String {
        indicators.map { indicator in
            let kind: String =
                switch indicator.kind {
                case .number: "число"
                case .share: "доля"
                case .text: "текст"
                case .date: "дата"
                case .table(let columns): "таблица: " + columns.joined(separator: ", ")
                }
            var cells = [
                indicator.title, kind, indicator.unit, indicator.required ? "да" : "", indicator.source?.word ?? "",
            ]
            while cells.count > 2, cells.last == "" { cells.removeLast() }
            let line = cells.joined(separator: "; ")
            return indicator.hint.map { line + "\n> " + $0 } ?? line
        }.joined(separator: "\n")
    }
}

extension ReportSource {
    /// How the form's text names it.
    public var word: String {
        switch self {
        case .studentsCovered: "обучающиеся"
        case .groups: "группы"
        case .hoursDelivered: "часы"
        case .certificates: "сертификаты"
        case .achievements: "достижения"
        case .planItemsDone: "выполненные пункты"
        case .planItemsOverdue: "просроченные пункты"
        }
    }
}
