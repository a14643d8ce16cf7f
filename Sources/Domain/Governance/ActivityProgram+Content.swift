import Foundation

/// A member of the centre's working group (`003_256a4293e3c370c5.txt` §3.5): heads of the city's organisations and of
/// its methodical associations, specialists, teachers with achievements; the base organisation's head leads it.
public struct WorkingGroupMember: Codable, Equatable, Sendable {
    public var name: String
    /// Position and place of work.
    public var position: String

    public init(name: String, position: String) {
        self.name = name
        self.position = position
    }

    public var line: String { name + "; " + position }

    /// Members written one per line: «ФИО; должность, место работы».
    public static func parse(_ text: String, field: String, errors: inout FieldErrors) -> [WorkingGroupMember] {
        var members: [WorkingGroupMember] = []
        let lines = text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
        for (number, line) in lines.enumerated() {
            let cells = line.split(separator: ";", omittingEmptySubsequences: false)
                .map { $0.trimmingCharacters(in: .whitespaces) }
            guard cells.count == 2, !cells[0].isEmpty, !cells[1].isEmpty, cells.allSatisfy({ $0.count <= 300 })
            else {
                errors.add(
                    field,
                    "Строка \(number + 1): «ФИО; должность, место работы» — два поля, каждое до 300 "
                        + "символов.")
                continue
            }
            members.append(WorkingGroupMember(name: cells[0], position: cells[1]))
        }
        if members.count > 50 { errors.add(field, "Не больше 50 участников.") }
        return members
    }
}

/// What the programme says: the text sections by key, the work plan's rows and the working group.
public struct ActivityProgramContent: Codable, Equatable, Sendable {
    public var texts: [String: String]
    public var rows: [ActivityPlanRow]
    public var group: [WorkingGroupMember]

    public init(texts: [String: String] = [:], rows: [ActivityPlanRow] = [], group: [WorkingGroupMember] = []) {
        self.texts = texts
        self.rows = rows
        self.group = group
    }

    public func text(_ section: ActivityProgramSection) -> String? { texts[section.rawValue] }

    /// The form's fields: each text section by its key, `workPlan` and `group` as lines.
    public var fields: [String: String] {
        var fields = texts
        fields[ActivityProgramSection.workPlan.rawValue] = rows.map(\.line).joined(separator: "\n")
        fields[Self.groupField] = group.map(\.line).joined(separator: "\n")
        return fields
    }

    public static let groupField = "group"

    /// Reads the form's fields. A draft keeps whatever is written, checked only for its form; a submission needs
    /// every section, at least one row of the work plan and at least one member of the working group (§3.5, §4.2).
    public static func check(
        _ fields: (String) -> String?, startYear: Int, submitting: Bool, errors: inout FieldErrors
    ) -> ActivityProgramContent {
        var content = ActivityProgramContent()
        for section in ActivityProgramSection.texts {
            let value = errors.optional(section.rawValue, fields(section.rawValue), max: 20_000)
            if let value { content.texts[section.rawValue] = value }
            if submitting && value == nil { errors.add(section.rawValue, "Заполните раздел «\(section.title)».") }
        }
        let plan = ActivityProgramSection.workPlan.rawValue
        content.rows = ActivityPlanRow.parse(fields(plan) ?? "", startYear: startYear, field: plan, errors: &errors)
        if submitting && content.rows.isEmpty { errors.add(plan, "Впишите хотя бы одно мероприятие плана работы.") }
        content.group = WorkingGroupMember.parse(fields(groupField) ?? "", field: groupField, errors: &errors)
        if submitting && content.group.isEmpty { errors.add(groupField, "Укажите состав рабочей группы РЦ.") }
        return content
    }
}
