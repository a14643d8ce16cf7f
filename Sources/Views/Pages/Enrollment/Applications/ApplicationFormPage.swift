import Domain
import Foundation

/// The ИУП form: the courses of a campaign by priority and, for a guardian, the agreement.
public struct ApplicationFormPage: Sendable {
    /// A group the student may choose.
    public struct Group: Sendable {
        public var id: UUID, name: String, program: String, center: String, free: Int, capacity: Int
        public init(id: UUID, name: String, program: String, center: String, free: Int, capacity: Int) {
            self.id = id
            self.name = name
            self.program = program
            self.center = center
            self.free = free
            self.capacity = capacity
        }
    }

    public var campaignID: UUID, campaign: String, mode: CampaignMode, maxCourses: Int, choiceSlots: Int
    /// Days to confirm (first come) and when the window closes, already written (ranked).
    public var confirmDays: Int, closes: String
    public var studentID: UUID, student: String, grade: Int
    public var groups: [Group]
    /// The signed-in guardian's name, when a guardian fills the form.
    public var guardian: String?
    public var values: FormValues, errors: FieldErrors, conflict: String?

    public init(
        campaignID: UUID, campaign: String, mode: CampaignMode, maxCourses: Int, choiceSlots: Int, confirmDays: Int,
        closes: String, studentID: UUID, student: String, grade: Int, groups: [Group], guardian: String?,
        values: FormValues, errors: FieldErrors = FieldErrors(), conflict: String? = nil
    ) {
        self.campaignID = campaignID
        self.campaign = campaign
        self.mode = mode
        self.maxCourses = maxCourses
        self.choiceSlots = choiceSlots
        self.confirmDays = confirmDays
        self.closes = closes
        self.studentID = studentID
        self.student = student
        self.grade = grade
        self.groups = groups
        self.guardian = guardian
        self.values = values
        self.errors = errors
        self.conflict = conflict
    }

    public static let mock = ApplicationFormPage(
        campaignID: UUID(uuidString: "00000000-0000-0000-0000-0000000000c1")!,
        campaign: "Запись на сетевые курсы, 2026/2027", mode: .firstCome, maxCourses: 2, choiceSlots: 3,
        confirmDays: 3, closes: "31.05.2026 23:59",
        studentID: UUID(uuidString: "00000000-0000-0000-0000-0000000000b1")!,
        student: "Ёлкин Артём Ильич", grade: 10,
        groups: [
            Group(
                id: UUID(uuidString: "00000000-0000-0000-0000-000000000001")!, name: "Информатика-10",
                program: "Основы программирования", center: "Лицей № 2", free: 3, capacity: 12)
        ],
        guardian: "Ёлкина Ольга Петровна", values: FormValues())

    /// The registry form the controller renders.
    public var form: RegistryForm {
        let options = groups.map {
            (
                $0.id.uuidString.lowercased(),
                "\($0.program) — \($0.name), \($0.center) (свободно \($0.free) из \($0.capacity))"
            )
        }
        var fields = (1...choiceSlots).map { slot in
            FieldSpec(
                "choice\(slot)", slot == 1 ? "Курс — приоритет 1" : "Приоритет \(slot)",
                .select(options, empty: slot == 1 ? "— выберите курс —" : "— не выбран —"), required: slot == 1)
        }
        if let guardian {
            fields.append(
                FieldSpec(
                    "agree", "Согласие родителя (законного представителя)",
                    .checkboxes([("yes", "Я, \(guardian), согласен(на) с индивидуальным учебным планом ребёнка")]),
                    required: true))
        }
        let how =
            mode == .firstCome
            ? "Места даются в порядке подачи: ответ — сразу (зачислен или место в листе ожидания). Заявку должны "
                + "подтвердить родитель и школа в течение "
                + "\(RussianPlural.count(confirmDays, "дня", "дней", "дней")), иначе место освободится."
            : "Места распределяются после закрытия приёма (\(closes)) "
                + "жеребьёвкой: каждому по очереди — самый приоритетный курс со свободным местом. До распределения "
                + "заявку должны подтвердить родитель и школа."
        return RegistryForm(
            title: "ИУП: \(student)", crumbs: [Crumb("Мои заявки", "/applications")],
            action: "/applications/new?campaign=\(campaignID.uuidString.lowercased())"
                + "&student=\(studentID.uuidString.lowercased())",
            cancelURL: "/applications", fields: fields, values: values, errors: errors, conflict: conflict,
            intro: "\(campaign). Можно получить курсов: \(maxCourses). " + how
                + (groups.isEmpty ? " Для \(grade) класса курсов в этой кампании нет." : ""))
    }
}
