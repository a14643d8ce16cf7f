import Domain
import Foundation

/// The form that withdraws a student from a group or transfers them to another group with a free place.
public struct GroupWithdrawPage: Sendable {
    /// An open group with free places the student may be transferred to.
    public struct Target: Sendable {
        public var id: UUID, name: String, program: String, center: String, free: Int
        public init(id: UUID, name: String, program: String, center: String, free: Int) {
            self.id = id
            self.name = name
            self.program = program
            self.center = center
            self.free = free
        }
    }

    public var groupID: UUID, groupName: String, enrollmentID: UUID, studentName: String
    public var targets: [Target]
    public var values: FormValues, errors: FieldErrors, conflict: String?

    public init(
        groupID: UUID, groupName: String, enrollmentID: UUID, studentName: String, targets: [Target],
        values: FormValues, errors: FieldErrors = FieldErrors(), conflict: String? = nil
    ) {
        self.groupID = groupID
        self.groupName = groupName
        self.enrollmentID = enrollmentID
        self.studentName = studentName
        self.targets = targets
        self.values = values
        self.errors = errors
        self.conflict = conflict
    }

    public static let mock = GroupWithdrawPage(
        groupID: UUID(uuidString: "00000000-0000-0000-0000-000000000001")!, groupName: "Информатика-10",
        enrollmentID: UUID(uuidString: "00000000-0000-0000-0000-0000000000e1")!, studentName: "Ёлкин Артём Ильич",
        targets: [
            Target(
                id: UUID(uuidString: "00000000-0000-0000-0000-000000000002")!, name: "Информатика-10Б",
                program: "Основы программирования", center: "Лицей № 2", free: 3)
        ],
        values: FormValues(single: ["date": "01.12.2025"]))

    /// The reasons a student leaves a group (the form's choices; the last one asks for a comment).
    public static let reasons = [
        "по заявлению родителя (законного представителя)", "по состоянию здоровья", "смена школы или переезд",
        "не посещает занятия", "завершил(а) обучение досрочно", "другая причина",
    ]

    /// The registry form the controller renders.
    public var form: RegistryForm {
        let base = SiteURL.record(.groups, groupID).path
        return RegistryForm(
            title: "Отчисление или перевод",
            crumbs: [Crumb("Группы", SiteURL.list(.groups).path), Crumb(groupName, base)],
            action: base + "/withdraw/\(enrollmentID.uuidString.lowercased())", cancelURL: base,
            fields: [
                FieldSpec(
                    "reason", "Причина", .select(Self.reasons.map { ($0, $0) }, empty: "— выберите —"), required: true),
                FieldSpec("comment", "Пояснение", hint: "Обязательно, если выбрана «другая причина»."),
                FieldSpec("date", "Дата", .date, required: true),
                FieldSpec(
                    "target", "Перевести в группу",
                    .select(
                        targets.map {
                            (
                                $0.id.uuidString.lowercased(),
                                "\($0.name) — \($0.program), \($0.center) (свободно \($0.free))"
                            )
                        },
                        empty: "— не переводить, только отчислить —"),
                    hint: "Перевод выполняется, только если в выбранной группе есть место."),
            ],
            values: values, errors: errors, conflict: conflict,
            intro: "«\(studentName)» выбывает из группы «\(groupName)». Освободившееся место сразу получит первый из "
                + "листа ожидания; запись останется в истории.")
    }
}
