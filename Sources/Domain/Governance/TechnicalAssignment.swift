import Foundation

/// A technical assignment (`GLOSSARY.md`: `TechnicalAssignment`; issue 22, item 4): what the КМЦ asks an organisation
/// or an innovation site to do (`001_4390f67d15d9225c.txt` §2.5.2, §5.5) — the basis, the goals, the content of the
/// work, the expected results, the terms and the financing, as the model assignment of `000_5375b2a087477e6d.txt` has
/// them — and the results it is to present (§3.3), each a plan item with evidence once issued.
public enum AssignmentStatus: String, CaseIterable, Codable, Sendable {
    case draft, issued

    public var title: String {
        switch self {
        case .draft: "Проект"
        case .issued: "Выдано"
        }
    }
}

/// The forms in which results are presented (`000_5375b2a087477e6d.txt` §3.3): a regulation, an educational project,
/// a report, an analytic note — or another the КМЦ names.
public enum AssignmentDeliverableKind: String, CaseIterable, Codable, Sendable {
    case regulation, project, report, analyticNote, other

    public var title: String {
        switch self {
        case .regulation: "Положение"
        case .project: "Образовательный проект"
        case .report: "Отчёт"
        case .analyticNote: "Аналитическая справка"
        case .other: "Иной результат"
        }
    }

    /// The kind a line names by its first word: «положение», «проект», «отчёт», «справка», «иное».
    static func named(_ word: String) -> AssignmentDeliverableKind? {
        let word = word.lowercased().replacingOccurrences(of: "ё", with: "е")
        if word.hasPrefix("положени") { return .regulation }
        if word.hasPrefix("проект") || word.hasPrefix("образовательный проект") { return .project }
        if word.hasPrefix("отчет") { return .report }
        if word.hasPrefix("справк") || word.hasPrefix("аналитическ") { return .analyticNote }
        if word.hasPrefix("ино") || word.hasPrefix("друг") { return .other }
        return nil
    }
}

/// A result the organisation presents by a day.
public struct AssignmentDeliverable: Codable, Equatable, Sendable {
    public var kind: AssignmentDeliverableKind
    public var title: String
    public var dueOn: CivilDay

    public init(kind: AssignmentDeliverableKind, title: String, dueOn: CivilDay) {
        self.kind = kind
        self.title = title
        self.dueOn = dueOn
    }

    /// «положение; Положение о ресурсном центре; 01.10.2026».
    public var line: String { [kind.title.lowercased(), title, dueOn.formatted].joined(separator: "; ") }

    /// Results written one per line: «вид; название; срок ДД.ММ.ГГГГ», the day within the assignment's term; errors
    /// name the line.
    public static func parse(
        _ text: String, term: ClosedRange<CivilDay>?, field: String, errors: inout FieldErrors
    ) -> [AssignmentDeliverable] {
        var deliverables: [AssignmentDeliverable] = []
        let lines = text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
        for (number, line) in lines.enumerated() {
            let cells = line.split(separator: ";", omittingEmptySubsequences: false)
                .map { $0.trimmingCharacters(in: .whitespaces) }
            guard cells.count == 3, !cells[1].isEmpty else {
                errors.add(field, "Строка \(number + 1): «вид; название; срок ДД.ММ.ГГГГ» — три поля.")
                continue
            }
            guard cells[1].count <= 500 else {
                errors.add(field, "Строка \(number + 1): название не длиннее 500 символов.")
                continue
            }
            guard let kind = AssignmentDeliverableKind.named(cells[0]) else {
                errors.add(
                    field,
                    "Строка \(number + 1): вид результата — положение, проект, отчёт, справка или иное.")
                continue
            }
            guard let day = CivilDay.parse(cells[2]) else {
                errors.add(field, "Строка \(number + 1): срок — дата в виде ДД.ММ.ГГГГ.")
                continue
            }
            if let term, !term.contains(day) {
                errors.add(
                    field,
                    "Строка \(number + 1): срок в пределах срока задания, с \(term.lowerBound.formatted) по "
                        + "\(term.upperBound.formatted).")
                continue
            }
            deliverables.append(AssignmentDeliverable(kind: kind, title: cells[1], dueOn: day))
        }
        if deliverables.count > 30 { errors.add(field, "Не больше 30 результатов.") }
        return deliverables
    }

    /// The four forms of `000_5375b2a087477e6d.txt` §3.3 over an academic year that starts in September of
    /// `startYear`: what a new assignment's form offers.
    public static func standard(startYear: Int) -> [AssignmentDeliverable] {
        [
            (AssignmentDeliverableKind.regulation, "Положение о ресурсном центре", 10, 1, startYear),
            (.project, "Образовательный проект в рамках сети", 11, 1, startYear),
            (
                .report, "Отчёт по итогам образовательной деятельности в качестве ресурсного центра", 5, 31,
                startYear + 1
            ),
            (
                .analyticNote, "Аналитическая справка по результатам внедрения модели ресурсного центра", 6, 15,
                startYear + 1
            ),
        ].map { AssignmentDeliverable(kind: $0.0, title: $0.1, dueOn: CivilDay(year: $0.4, month: $0.2, day: $0.3)!) }
    }
}

/// What an assignment's form says, checked: the texts, the term, the results.
public struct AssignmentInput: Equatable, Sendable {
    public var title: String
    public var basis: String?
    public var goals: String
    public var content: String
    public var results: String
    public var financing: String?
    public var startsOn: CivilDay
    public var endsOn: CivilDay
    public var deliverables: [AssignmentDeliverable]

    public init(
        title: String, basis: String?, goals: String, content: String, results: String, financing: String?,
        startsOn: CivilDay, endsOn: CivilDay, deliverables: [AssignmentDeliverable]
    ) {
        self.title = title
        self.basis = basis
        self.goals = goals
        self.content = content
        self.results = results
        self.financing = financing
        self.startsOn = startsOn
        self.endsOn = endsOn
        self.deliverables = deliverables
    }

    /// Reads the form: the title, goals, content and expected results required; the term from its first day to its
    /// last, within three years; at least one result, each due within the term.
    public static func check(_ fields: (String) -> String?, errors: inout FieldErrors) -> AssignmentInput? {
        let title = errors.required("title", fields("title"), max: 300)
        let basis = errors.optional("basis", fields("basis"), max: 4000)
        let goals = errors.required("goals", fields("goals"), max: 8000)
        let content = errors.required("content", fields("content"), max: 8000)
        let results = errors.required("results", fields("results"), max: 8000)
        let financing = errors.optional("financing", fields("financing"), max: 4000)
        let startsOn = errors.day("startsOn", fields("startsOn"), required: true)
        let endsOn = errors.day("endsOn", fields("endsOn"), required: true)
        var term: ClosedRange<CivilDay>?
        if let startsOn, let endsOn {
            if endsOn < startsOn {
                errors.add("endsOn", "Срок окончания — не раньше начала.")
            } else if endsOn.number - startsOn.number > 3 * 366 {
                errors.add("endsOn", "Задание выдаётся не больше чем на три года.")
            } else {
                term = startsOn...endsOn
            }
        }
        let deliverables = AssignmentDeliverable.parse(
            fields("deliverables") ?? "", term: term, field: "deliverables", errors: &errors)
        if deliverables.isEmpty { errors.add("deliverables", "Укажите хотя бы один результат задания.") }
        guard errors.isEmpty, let startsOn, let endsOn else { return nil }
        return AssignmentInput(
            title: title, basis: basis, goals: goals, content: content, results: results, financing: financing,
            startsOn: startsOn, endsOn: endsOn, deliverables: deliverables)
    }

    /// The form's fields of what was read.
    public var fields: [String: String] {
        [
            "title": title, "basis": basis ?? "", "goals": goals, "content": content, "results": results,
            "financing": financing ?? "", "startsOn": startsOn.formatted, "endsOn": endsOn.formatted,
            "deliverables": deliverables.map(\.line).joined(separator: "\n"),
        ]
    }
}
