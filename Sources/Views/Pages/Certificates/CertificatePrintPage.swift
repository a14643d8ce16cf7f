import Domain
import Foundation

/// Certificates for print: one per A4 landscape page, many in one print job.
public struct CertificatePrintPage: Sendable {
    /// `center`: the resource centre's short name («МБОУ «Гимназия № 2»»), which follows «в ресурсном центре» in the
    /// sentence; `sex`: the student's, which the verb agrees with (nil when the registry does not know it).
    public struct Item: Sendable {
        public var number: String, code: String, name: String, sex: Sex?, program: String, hours: Int, center: String,
            period: String, issued: String
        public var authority: String, annulled: Bool
        public init(
            number: String, code: String, name: String, sex: Sex?, program: String, hours: Int, center: String,
            period: String, issued: String, authority: String, annulled: Bool
        ) {
            self.number = number
            self.code = code
            self.name = name
            self.sex = sex
            self.program = program
            self.hours = hours
            self.center = center
            self.period = period
            self.issued = issued
            self.authority = authority
            self.annulled = annulled
        }
    }
    public var title: String
    public var items: [Item]
    public var verifyHint: String
    public init(title: String, items: [Item], verifyHint: String) {
        self.title = title
        self.items = items
        self.verifyHint = verifyHint
    }

    public static let mock = CertificatePrintPage(
        title: "Сертификаты",
        items: [
            Item(
                number: "СК-2026-00001", code: "7Q2M-9XKD", name: "Ёлкин Артём Ильич", sex: .male,
                program: "Олимпиадная математика", hours: 64, center: "МБОУ «Гимназия № 2»",
                period: "01.09.2026 — 20.05.2027", issued: "25.05.2027",
                authority: "Управление образования", annulled: false),
            Item(
                number: "СК-2026-00002", code: "4HX2-PL7C", name: "Ёлкина Вера Ильинична", sex: .female,
                program: "Олимпиадная математика", hours: 64, center: "МБОУ «Гимназия № 2»",
                period: "01.09.2026 — 20.05.2027", issued: "25.05.2027",
                authority: "Управление образования", annulled: false),
        ], verifyHint: "/verify")

    public func render(_ ctx: PageContext) -> String {
        Layout.page(ctx, title: title, crumbs: []) {
            el("p", .cls("no-print")) {
                "Печать: Ctrl+P, альбомная ориентация A4; «Сохранить как PDF» даёт PDF. Каждый сертификат — на своей "
                    + "странице."
            }
            if items.isEmpty { UI.empty("Сертификатов нет.") }
            for i in items {
                el("section", .cls("certificate")) {
                    el("p", .cls("cert-authority")) { i.authority }
                    el("h1") { "Сертификат" }
                    el("p", .cls("cert-sub")) { "о прослушивании профильного курса" }
                    el("p", .cls("cert-name")) { i.name }
                    el("p") {
                        Sex.agree(i.sex, masculine: "прослушал", feminine: "прослушала")
                            + " курс «\(i.program)» в объёме "
                            + "\(RussianPlural.count(i.hours, "часа", "часов", "часов"))"
                    }
                    el("p") { "в ресурсном центре \(i.center), \(i.period)." }
                    if i.annulled { el("p", .cls("cert-annulled")) { "АННУЛИРОВАН" } }
                    el("div", .cls("cert-foot")) {
                        el("p") { "№ \(i.number) · дата выдачи \(i.issued)" }
                        el("p") { "Проверка подлинности: \(verifyHint), код \(i.code)" }
                        el("p") { "Руководитель ______________________   М. П." }
                    }
                }
            }
        }
    }
}
