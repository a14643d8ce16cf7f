import Domain
import Foundation

/// The public verification of a certificate by its number and code: no more than the student's initials.
public struct VerifyPage: Sendable {
    public struct Found: Sendable {
        public var number: String, initials: String, program: String, hours: Int, center: String, period: String,
            issued: String
        public var annulled: String?
        public init(
            number: String, initials: String, program: String, hours: Int, center: String, period: String,
            issued: String, annulled: String?
        ) {
            self.number = number
            self.initials = initials
            self.program = program
            self.hours = hours
            self.center = center
            self.period = period
            self.issued = issued
            self.annulled = annulled
        }
    }
    public var values: FormValues
    public var found: Found?
    public var message: String?
    public init(values: FormValues, found: Found?, message: String?) {
        self.values = values
        self.found = found
        self.message = message
    }

    public static let mock = VerifyPage(
        values: FormValues(),
        found: Found(
            number: "СК-2026-00001", initials: "Ё. А. И.", program: "Олимпиадная математика",
            hours: 64, center: "МБОУ «Гимназия № 2»", period: "01.09.2026 — 20.05.2027",
            issued: "25.05.2027", annulled: nil), message: nil)

    public func render(_ ctx: PageContext) -> String {
        Layout.page(
            ctx, title: "Проверка сертификата",
            crumbs: [Crumb("Сеть", SiteURL.home.path), Crumb("Проверка сертификата")]
        ) {
            el("h1") { "Проверка сертификата" }
            el("form", .cls("filters"), Attr("method", "get"), Attr("action", "/verify")) {
                FieldSpec("number", "Номер сертификата", hint: "Например, СК-2026-00042").render(
                    values: values, errors: FieldErrors())
                FieldSpec("code", "Код проверки", hint: "Восемь знаков с сертификата").render(
                    values: values, errors: FieldErrors())
                el("button", .type("submit")) { "Проверить" }
            }
            if let message { el("div", .cls("warning"), Attr("role", "alert")) { message } }
            if let certificate = found {
                el("div", .cls("panel")) {
                    el("h2") { certificate.annulled == nil ? "Сертификат действителен" : "Сертификат аннулирован" }
                    if let reason = certificate.annulled { el("p", .cls("error")) { "Причина: " + reason } }
                    el("dl", .cls("facts")) {
                        for (label, value) in [
                            ("Номер", certificate.number), ("Обучающийся", certificate.initials),
                            ("Курс", certificate.program),
                            ("Объём", RussianPlural.count(certificate.hours, "час", "часа", "часов")),
                            ("Ресурсный центр", certificate.center),
                            ("Сроки", certificate.period), ("Выдан", certificate.issued),
                        ] {
                            el("dt") { label }
                            el("dd") { value }
                        }
                    }
                }
            }
        }
    }
}
