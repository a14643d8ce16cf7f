import Domain
import Foundation

/// The form that drafts a new order: its kind and academic year.
public struct OrderNewPage: Sendable {
    public var years: [(value: String, title: String)]
    public var values: FormValues, errors: FieldErrors
    public init(years: [(value: String, title: String)], values: FormValues, errors: FieldErrors) {
        self.years = years
        self.values = values
        self.errors = errors
    }

    public static let mock = OrderNewPage(
        years: [("y1", "2026/2027")], values: FormValues(single: ["year": "y1"]), errors: FieldErrors())

    /// The form the controller renders.
    public var form: RegistryForm {
        RegistryForm(
            title: "Подготовить приказ", crumbs: [Crumb("Приказы", SiteURL.orders.path)],
            action: SiteURL.orders.path + "/new", cancelURL: SiteURL.orders.path,
            fields: [
                FieldSpec(
                    "kind", "Вид приказа",
                    .select(OrderKind.allCases.map { ($0.rawValue, $0.title(year: "____")) }, empty: "— выберите —"),
                    required: true),
                FieldSpec("year", "Учебный год", .select(years, empty: nil), required: true),
            ],
            values: values, errors: errors,
            intro:
                "Проект приказа составляется по данным Сетки за учебный год: центры, программы, группы, расписание, "
                + "итоги, сертификаты, договоры.",
            submitTitle: "Составить проект")
    }
}

/// The trail of an order's own pages: the registry, then the order by its kind.
private func orderCrumbs(_ kind: OrderKind, _ url: String) -> [Crumb] {
    [Crumb("Приказы", SiteURL.orders.path), Crumb(kind.short, url)]
}

/// The form that changes a draft order: number, date and, for support and gratitude, the teachers named.
public struct OrderEditPage: Sendable {
    /// A teacher of the year who may be named: their organisations, groups and hours from the journal.
    public struct Teacher: Sendable {
        public var id: String, name: String, organizations: String, groups: [String], hours: Int
        public init(id: String, name: String, organizations: String, groups: [String], hours: Int) {
            self.id = id
            self.name = name
            self.organizations = organizations
            self.groups = groups
            self.hours = hours
        }
    }
    public var title: String, kind: OrderKind, url: String, version: Int
    public var teachers: [Teacher]
    /// The year's round of teachers' support is approved: the order names its teachers, there is nothing to pick.
    public var fromRound: Bool
    public var values: FormValues, errors: FieldErrors, conflict: String?

    public init(
        title: String, kind: OrderKind, url: String, version: Int, teachers: [Teacher], fromRound: Bool = false,
        values: FormValues, errors: FieldErrors, conflict: String?
    ) {
        self.title = title
        self.kind = kind
        self.url = url
        self.version = version
        self.teachers = teachers
        self.fromRound = fromRound
        self.values = values
        self.errors = errors
        self.conflict = conflict
    }

    public static let mock = OrderEditPage(
        title: "Об объявлении благодарностей по итогам работы муниципальной сети профильных курсов в 2026/2027 "
            + "учебном году", kind: .gratitude, url: "/orders/x", version: 1,
        teachers: [
            Teacher(
                id: "t1", name: "Орлов Денис Андреевич", organizations: "Гимназия № 2", groups: ["Математика-10"],
                hours: 36)
        ],
        values: FormValues(), errors: FieldErrors(), conflict: nil)

    /// The form the controller renders.
    public var form: RegistryForm {
        var fields = [
            FieldSpec("number", "Номер приказа", hint: "Присваивается при подписании; можно указать заранее."),
            FieldSpec("day", "Дата приказа", .date),
        ]
        if kind.needsRecipients && !fromRound {
            fields.append(
                FieldSpec(
                    "recipients", "Педагоги",
                    .checkboxes(
                        teachers.map { teacher in
                            (
                                teacher.id,
                                "\(teacher.name) — \(teacher.organizations); \(teacher.groups.joined(separator: ", ")); "
                                    + "проведено \(teacher.hours) ч"
                            )
                        }),
                    hint: teachers.isEmpty
                        ? "В этом году у групп нет педагогов."
                        : "Пока распределение поддержки педагогов этого учебного года не утверждено, педагогов "
                            + "выбирает администратор; после утверждения приказ назовёт педагогов распределения."))
        }
        return RegistryForm(
            title: "Изменить проект приказа", crumbs: orderCrumbs(kind, url), action: url + "/edit", cancelURL: url,
            fields: fields, values: values, errors: errors, version: version, conflict: conflict,
            intro: title + ". После сохранения документ составляется заново по текущим данным."
                + (kind.needsRecipients && fromRound
                    ? " Педагоги и суммы — из утверждённого распределения поддержки педагогов." : ""))
    }
}

/// The form that signs an order with its number and date.
public struct OrderSignPage: Sendable {
    public var title: String, kind: OrderKind, url: String, version: Int
    public var values: FormValues, errors: FieldErrors
    public init(title: String, kind: OrderKind, url: String, version: Int, values: FormValues, errors: FieldErrors) {
        self.title = title
        self.kind = kind
        self.url = url
        self.version = version
        self.values = values
        self.errors = errors
    }

    public static let mock = OrderSignPage(
        title: "Об утверждении расписания занятий муниципальной сети профильного обучения на 2026/2027 учебный год",
        kind: .schedule, url: "/orders/x", version: 2, values: FormValues(single: ["day": "01.09.2026"]),
        errors: FieldErrors())

    /// The form the controller renders.
    public var form: RegistryForm {
        RegistryForm(
            title: "Подписать приказ", crumbs: orderCrumbs(kind, url), action: url + "/sign", cancelURL: url,
            fields: [
                FieldSpec("number", "Номер приказа", required: true),
                FieldSpec("day", "Дата приказа", .date, required: true),
            ],
            values: values, errors: errors, version: version,
            intro: title
                + ". Подписанный приказ нельзя изменить: документ сохранится таким, какой он сейчас по данным.",
            submitTitle: "Подписать")
    }
}

/// The confirmation before a draft order is deleted.
public struct OrderDeletePage: Sendable {
    public var title: String, kind: OrderKind, url: String, version: Int
    public init(title: String, kind: OrderKind, url: String, version: Int) {
        self.title = title
        self.kind = kind
        self.url = url
        self.version = version
    }

    public static let mock = OrderDeletePage(
        title: "Об организации сетевого взаимодействия муниципальных образовательных учреждений в 2026/2027 учебном "
            + "году", kind: .interaction, url: "/orders/x", version: 1)

    /// The form the controller renders.
    public var form: RegistryForm {
        RegistryForm(
            title: "Удалить проект приказа", crumbs: orderCrumbs(kind, url), action: url + "/delete", cancelURL: url,
            fields: [], values: FormValues(), version: version,
            intro: "Проект «\(title)» будет удалён. Подписанные приказы удалить нельзя.", submitTitle: "Удалить проект")
    }
}
