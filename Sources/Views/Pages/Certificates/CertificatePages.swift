import Foundation
import Domain

/// A group's final attestation: one line per student with the form, passed or not, grade or score and date.
public struct ResultsPage: Sendable {
    public struct Row: Sendable {
        public var studentID: String, name: String, attendance: String
        /// The version of the student's result the form was made from (0: none yet), against lost updates.
        public var version: Int
        public init(studentID: String, name: String, attendance: String, version: Int = 0) {
            self.studentID = studentID; self.name = name; self.attendance = attendance; self.version = version
        }
    }
    public var title: String
    public var crumbs: [Crumb]
    public var intro: String
    public var action: String?
    public var notice: String?
    public var rows: [Row]
    public var values: FormValues
    public var errors: FieldErrors
    public init(title: String, crumbs: [Crumb], intro: String, action: String?, notice: String?, rows: [Row], values: FormValues, errors: FieldErrors = FieldErrors()) {
        self.title = title; self.crumbs = crumbs; self.intro = intro; self.action = action; self.notice = notice; self.rows = rows
        self.values = values; self.errors = errors
    }

    public static let mock = ResultsPage(title: "Итоговая аттестация: Математика-10", crumbs: [], intro: "", action: "/groups/x/results", notice: nil,
                                         rows: [Row(studentID: "s1", name: "Ёлкин Артём Ильич", attendance: "90 %")],
                                         values: FormValues(single: ["form-s1": "credit", "passed-s1": "yes"]))

    public func render(_ ctx: PageContext) -> String {
        Layout.page(ctx, title: title, crumbs: crumbs + [Crumb(title)]) {
            el("h1") { title }
            el("p", .cls("muted")) { intro }
            if let notice { el("div", .cls("warning"), Attr("role", "status")) { notice } }
            if rows.isEmpty { UI.empty("В группе нет обучающихся.") } else {
                el("form", .cls("stacked wide"), Attr("method", "post"), Attr("action", action ?? ""), Attr("novalidate", "novalidate")) {
                    Layout.csrf(ctx)
                    UI.formError(errors.isEmpty ? nil : "Итоги не сохранены: исправьте выделенные поля.")
                    el("table", .cls("list")) {
                        el("thead") { el("tr") { for h in ["Обучающийся", "Посещаемость", "Форма", "Результат", "Оценка или баллы", "Дата"] { el("th") { h } } } }
                        el("tbody") {
                            for r in rows {
                                el("tr") {
                                    el("td") { r.name; UI.hidden("v-" + r.studentID, String(r.version)) }
                                    el("td") { r.attendance }
                                    cell("form-" + r.studentID, r.name + ": форма", options: AttestationForm.allCases.map { ($0.rawValue, $0.title) }, empty: "—")
                                    cell("passed-" + r.studentID, r.name + ": результат", options: [("yes", "зачтено"), ("no", "не зачтено")], empty: "—")
                                    input("grade-" + r.studentID, r.name + ": оценка")
                                    input("day-" + r.studentID, r.name + ": дата", placeholder: "ДД.ММ.ГГГГ")
                                }
                            }
                        }
                    }
                    if action != nil { el("div", .cls("actions")) { UI.submit("Сохранить итоги") } }
                }
            }
        }
    }

    func cell(_ name: String, _ label: String, options: [(String, String)], empty: String) -> Node {
        el("td", .cls(errors[name] == nil ? "" : "has-error")) {
            el("select", .name(name), Attr("aria-label", label), .flag("disabled", action == nil)) {
                el("option", .value("")) { empty }
                for (v, t) in options { el("option", .value(v), .flag("selected", values[name] == v)) { t } }
            }
            if let e = errors[name] { el("p", .cls("error")) { e } }
        }
    }

    func input(_ name: String, _ label: String, placeholder: String? = nil) -> Node {
        el("td", .cls(errors[name] == nil ? "" : "has-error")) {
            el("input", .type("text"), .name(name), .value(values[name] ?? ""), Attr("aria-label", label), Attr("size", "10"),
               Attr("placeholder", placeholder), .flag("disabled", action == nil))
            if let e = errors[name] { el("p", .cls("error")) { e } }
        }
    }
}

/// Certificates for print: one per A4 landscape page, many in one print job.
public struct CertificatePrintPage: Sendable {
    public struct Item: Sendable {
        public var number: String, code: String, name: String, program: String, hours: Int, center: String, period: String, issued: String
        public var authority: String, annulled: Bool
        public init(number: String, code: String, name: String, program: String, hours: Int, center: String, period: String, issued: String,
                    authority: String, annulled: Bool) {
            self.number = number; self.code = code; self.name = name; self.program = program; self.hours = hours; self.center = center
            self.period = period; self.issued = issued; self.authority = authority; self.annulled = annulled
        }
    }
    public var title: String
    public var items: [Item]
    public var verifyHint: String
    public init(title: String, items: [Item], verifyHint: String) { self.title = title; self.items = items; self.verifyHint = verifyHint }

    public static let mock = CertificatePrintPage(title: "Сертификаты", items: [Item(number: "СК-2026-00001", code: "7Q2M-9XKD", name: "Ёлкин Артём Ильич",
        program: "Олимпиадная математика", hours: 64, center: "МБОУ «Гимназия № 2»", period: "01.09.2026 — 20.05.2027", issued: "25.05.2027",
        authority: "Управление образования", annulled: false)], verifyHint: "/verify")

    public func render(_ ctx: PageContext) -> String {
        Layout.page(ctx, title: title, crumbs: []) {
            el("p", .cls("no-print")) { "Печать: Ctrl+P, альбомная ориентация A4; «Сохранить как PDF» даёт PDF. Каждый сертификат — на своей странице." }
            if items.isEmpty { UI.empty("Сертификатов нет.") }
            for i in items {
                el("section", .cls("certificate")) {
                    el("p", .cls("cert-authority")) { i.authority }
                    el("h1") { "Сертификат" }
                    el("p", .cls("cert-sub")) { "о прослушивании профильного курса" }
                    el("p", .cls("cert-name")) { i.name }
                    el("p") { "прослушал(а) курс «\(i.program)» в объёме \(RussianPlural.count(i.hours, "часа", "часов", "часов"))" }
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

/// The public verification of a certificate by its number and code: no more than the student's initials.
public struct VerifyPage: Sendable {
    public struct Found: Sendable {
        public var number: String, initials: String, program: String, hours: Int, center: String, period: String, issued: String
        public var annulled: String?
        public init(number: String, initials: String, program: String, hours: Int, center: String, period: String, issued: String, annulled: String?) {
            self.number = number; self.initials = initials; self.program = program; self.hours = hours; self.center = center
            self.period = period; self.issued = issued; self.annulled = annulled
        }
    }
    public var values: FormValues
    public var found: Found?
    public var message: String?
    public init(values: FormValues, found: Found?, message: String?) { self.values = values; self.found = found; self.message = message }

    public static let mock = VerifyPage(values: FormValues(), found: Found(number: "СК-2026-00001", initials: "Ё. А. И.", program: "Олимпиадная математика",
                                                                       hours: 64, center: "МБОУ «Гимназия № 2»", period: "01.09.2026 — 20.05.2027",
                                                                       issued: "25.05.2027", annulled: nil), message: nil)

    public func render(_ ctx: PageContext) -> String {
        Layout.page(ctx, title: "Проверка сертификата", crumbs: [Crumb("Сеть", SiteURL.home.path), Crumb("Проверка сертификата")]) {
            el("h1") { "Проверка сертификата" }
            el("form", .cls("filters"), Attr("method", "get"), Attr("action", "/verify")) {
                FieldSpec("number", "Номер сертификата", hint: "Например, СК-2026-00042").render(values: values, errors: FieldErrors())
                FieldSpec("code", "Код проверки", hint: "Восемь знаков с сертификата").render(values: values, errors: FieldErrors())
                el("button", .type("submit")) { "Проверить" }
            }
            if let message { el("div", .cls("warning"), Attr("role", "alert")) { message } }
            if let f = found {
                el("div", .cls("panel")) {
                    el("h2") { f.annulled == nil ? "Сертификат действителен" : "Сертификат аннулирован" }
                    if let a = f.annulled { el("p", .cls("error")) { "Причина: " + a } }
                    el("dl", .cls("facts")) {
                        for (k, v) in [("Номер", f.number), ("Обучающийся", f.initials), ("Курс", f.program),
                                       ("Объём", RussianPlural.count(f.hours, "час", "часа", "часов")), ("Ресурсный центр", f.center),
                                       ("Сроки", f.period), ("Выдан", f.issued)] {
                            el("dt") { k }; el("dd") { v }
                        }
                    }
                }
            }
        }
    }
}

extension Stylesheet {
    public static let certificateCSS = """
    .certificate { background: #fff; border: 6px double #8a6d1f; padding: 2.2rem 3rem; margin: 0 auto 1.5rem; max-width: 60rem; min-height: 36rem;
      text-align: center; font-family: "Times New Roman", serif; position: relative; }
    .certificate h1 { font-size: 2.4rem; letter-spacing: .2em; text-transform: uppercase; margin: .8rem 0 .2rem; }
    .cert-authority { font-size: 1rem; } .cert-sub { font-size: 1.2rem; font-style: italic; margin-top: 0; }
    .cert-name { font-size: 1.8rem; font-weight: bold; margin: 1.6rem 0 1rem; }
    .cert-foot { margin-top: 2.5rem; text-align: left; font-size: .95rem; }
    .cert-annulled { color: var(--err); font-size: 1.6rem; font-weight: bold; border: 3px solid var(--err); display: inline-block; padding: .2rem 1rem; }
    @page certificate { size: A4 landscape; margin: 12mm; }
    @media print { .certificate { page: certificate; break-after: page; border-width: 6px; margin: 0; max-width: none; min-height: 170mm; } }
    """
}
