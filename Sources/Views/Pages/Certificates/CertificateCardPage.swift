import Domain
import Foundation

/// A certificate's card: what it certifies, its state, and print and annulment for who may.
public struct CertificateCardPage: Sendable {
    public var number: String, code: String, student: String, course: String, hours: Int, center: String
    public var period: String, issued: String, issuedBy: String, valid: Bool
    /// Why it was annulled, if a reason was given.
    public var annulReason: String?
    public var url: String, groupURL: String
    public var mayPrint: Bool, mayAnnul: Bool

    public init(
        number: String, code: String, student: String, course: String, hours: Int, center: String, period: String,
        issued: String, issuedBy: String, valid: Bool, annulReason: String?, url: String, groupURL: String,
        mayPrint: Bool, mayAnnul: Bool
    ) {
        self.number = number
        self.code = code
        self.student = student
        self.course = course
        self.hours = hours
        self.center = center
        self.period = period
        self.issued = issued
        self.issuedBy = issuedBy
        self.valid = valid
        self.annulReason = annulReason
        self.url = url
        self.groupURL = groupURL
        self.mayPrint = mayPrint
        self.mayAnnul = mayAnnul
    }

    public static let mock = CertificateCardPage(
        number: "2026-000123", code: "K7Q2-M9XD", student: "Берестова Алина Игоревна", course: "Основы робототехники",
        hours: 72, center: "ЦДО «Кванториум»", period: "01.09.2025 — 25.05.2026", issued: "26.05.2026",
        issuedBy: "Иванова Мария Сергеевна", valid: true, annulReason: nil, url: "/certificates/c",
        groupURL: "/groups/x", mayPrint: true, mayAnnul: true)

    /// The card the controller renders.
    public var card: RegistryCard {
        var actions: [RegistryCard.Action] = [
            .link("Сертификаты группы", groupURL + "/certificates", primary: false)
        ]
        if mayPrint { actions.insert(.link("Печать", url + "/print", primary: false), at: 0) }
        if mayAnnul { actions.insert(.link("Аннулировать", url + "/annul", primary: false), at: 0) }
        let reason = annulReason.map { ": \($0)" } ?? ""
        return RegistryCard(
            title: CertificatesWords.printTitle(number), area: .certificates, status: nil,
            facts: [
                ("Номер", number), ("Код проверки", code), ("Обучающийся", student), ("Курс", course),
                ("Объём", RussianPlural.count(hours, "час", "часа", "часов")), ("Ресурсный центр", center),
                ("Сроки", period), ("Выдан", issued + ", " + issuedBy),
                ("Состояние", CertificatesWords.status(valid: valid) + reason),
            ],
            actions: actions,
            warnings: valid ? [] : ["Сертификат аннулирован" + reason + ". Публичная проверка сообщает об этом."],
            history: nil)
    }
}

/// The form that annuls a certificate with a reason.
public struct CertificateAnnulPage: Sendable {
    public var number: String, student: String, url: String
    public var values: FormValues, errors: FieldErrors
    public init(number: String, student: String, url: String, values: FormValues, errors: FieldErrors) {
        self.number = number
        self.student = student
        self.url = url
        self.values = values
        self.errors = errors
    }

    public static let mock = CertificateAnnulPage(
        number: "2026-000123", student: "Берестова Алина Игоревна", url: "/certificates/c", values: FormValues(),
        errors: FieldErrors())

    /// The form the controller renders.
    public var form: RegistryForm {
        RegistryForm(
            title: "Аннулировать сертификат",
            crumbs: [Crumb("Сертификаты", SiteURL.certificates.path), Crumb(number, url)],
            action: url + "/annul", cancelURL: url,
            fields: [
                FieldSpec(
                    "reason", "Причина", .textarea, required: true, hint: "Её покажет публичная проверка сертификата.")
            ],
            values: values, errors: errors,
            intro:
                "Сертификат № \(number) (\(student)) станет недействительным. После этого обучающемуся можно "
                + "выдать новый сертификат за этот курс.",
            submitTitle: "Аннулировать")
    }
}

/// The municipality's certificates as a registry list, searched by number or name.
public struct CertificateListPage: Sendable {
    /// One certificate.
    public struct Row: Sendable {
        public var number: String, url: String, student: String, course: String, issued: String, valid: Bool
        public init(number: String, url: String, student: String, course: String, issued: String, valid: Bool) {
            self.number = number
            self.url = url
            self.student = student
            self.course = course
            self.issued = issued
            self.valid = valid
        }
    }
    public var query: ListQuery
    /// The registry's common search field.
    public var searchFilter: FieldSpec
    public var centers: [(value: String, title: String)]
    public var rows: [Row]
    public var total: Int

    public init(
        query: ListQuery, searchFilter: FieldSpec, centers: [(value: String, title: String)], rows: [Row], total: Int
    ) {
        self.query = query
        self.searchFilter = searchFilter
        self.centers = centers
        self.rows = rows
        self.total = total
    }

    public static let mock = CertificateListPage(
        query: ListQuery(sort: "issued"), searchFilter: FieldSpec("q", "Поиск", .text("search")),
        centers: [("c1", "ЦДО «Кванториум»")],
        rows: [
            Row(
                number: "2026-000123", url: "/certificates/c", student: "Берестова Алина Игоревна",
                course: "Основы робототехники", issued: "26.05.2026", valid: true)
        ],
        total: 1)

    /// The list the controller renders.
    public var list: RegistryList {
        RegistryList(
            title: "Сертификаты", area: .certificates, query: query,
            filters: [
                searchFilter,
                FieldSpec("organization", "Ресурсный центр", .select(centers, empty: "Все центры")),
                FieldSpec(
                    "status", "Состояние",
                    .select([("valid", "действителен"), ("annulled", "аннулирован")], empty: "Все")),
            ],
            columns: [
                Column("Номер", sort: "number"), Column("Обучающийся"), Column("Курс"), Column("Выдан", sort: "issued"),
                Column("Состояние"),
            ],
            rows: rows.map { certificate in
                [
                    .link(certificate.number, certificate.url), .text(certificate.student), .text(certificate.course),
                    .text(certificate.issued),
                    certificate.valid ? .tag("действителен", "active") : .tag("аннулирован", "expired"),
                ]
            },
            total: total, noun: ("сертификат", "сертификата", "сертификатов"), createTitle: nil,
            emptyText: "Сертификатов пока нет: их выдают центры по группам после итоговой аттестации.")
    }
}
