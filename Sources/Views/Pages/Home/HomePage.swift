import Domain
import Foundation

/// The public page of the network (`000_5375b2a087477e6d.txt` §3.2.7: the centre's web page).
public struct HomePage: Sendable {
    public struct Center: Sendable {
        public var name: String
        public var subjects: [String]
        public var directions: [String]
        public init(name: String, subjects: [String], directions: [String]) {
            self.name = name
            self.subjects = subjects
            self.directions = directions
        }
    }

    public struct Contact: Sendable {
        public var name: String
        public var kind: String
        public var address: String?
        public var phone: String?
        public var email: String?
        public var website: String?
        public init(name: String, kind: String, address: String?, phone: String?, email: String?, website: String?) {
            self.name = name
            self.kind = kind
            self.address = address
            self.phone = phone
            self.email = email
            self.website = website
        }
    }

    public var municipalityName: String?
    public var yearTitle: String?
    public var centers: [Center]
    public var contacts: [Contact]

    public init(municipalityName: String?, yearTitle: String?, centers: [Center], contacts: [Contact]) {
        self.municipalityName = municipalityName
        self.yearTitle = yearTitle
        self.centers = centers
        self.contacts = contacts
    }

    public static let mock = HomePage(
        municipalityName: "Городской округ Заречный", yearTitle: "2025/2026",
        centers: [
            Center(
                name: "МБОУ «Гимназия № 2»", subjects: ["математика", "физика"],
                directions: ["методы работы с одарёнными детьми"])
        ],
        contacts: [
            Contact(
                name: "МБОУ «Гимназия № 2»", kind: "Общеобразовательная школа", address: "ул. Лесная, 4",
                phone: "+7 (900) 000-00-02", email: "gym2@example.ru", website: nil)
        ])

    public func render(_ ctx: PageContext) -> String {
        Layout.page(ctx, title: "Муниципальная сеть") {
            el("h1") { "Муниципальная сеть школ" + (municipalityName.map { " — \($0)" } ?? "") }
            el("div", .cls("panel")) {
                el("p") {
                    "Школы, ресурсные центры, учреждения дополнительного образования и партнёры муниципалитета "
                        + "работают как одна сеть: ресурсные центры ведут сетевые профильные курсы и подготовку к "
                        + "олимпиадам для учащихся разных школ, координационно-методический центр (КМЦ) согласует "
                        + "программы и формирует списки групп, орган управления образованием подводит итоги и издаёт "
                        + "приказы."
                }
                el("p") { el("a", .cls("button primary"), .href(SiteURL.catalog.path)) { "Каталог сетевых программ" } }
                el("p", .cls("muted")) {
                    "Расписание, мероприятия и проверка сертификатов появятся здесь по мере подключения разделов."
                }
            }
            el("h2") { "Ресурсные центры" + (yearTitle.map { " в \($0) учебном году" } ?? "") }
            if centers.isEmpty {
                UI.empty("Ресурсные центры на текущий учебный год ещё не определены.")
            } else {
                el("div", .cls("cards")) {
                    for c in centers {
                        el("div", .cls("panel centre")) {
                            el("h3") { c.name }
                            if !c.subjects.isEmpty {
                                el("p") {
                                    el("strong") { "Предметы: " }
                                    c.subjects.joined(separator: ", ")
                                }
                            }
                            if !c.directions.isEmpty {
                                el("p", .cls("muted")) { "Направления: " + c.directions.joined(separator: "; ") }
                            }
                        }
                    }
                }
            }
            el("h2") { "Контакты организаций сети" }
            if contacts.isEmpty {
                UI.empty("Организации ещё не внесены в реестр.")
            } else {
                el("table", .cls("list")) {
                    el("thead") {
                        el("tr") {
                            el("th") { "Организация" }
                            el("th") { "Адрес" }
                            el("th") { "Телефон" }
                            el("th") { "Почта и сайт" }
                        }
                    }
                    el("tbody") {
                        for c in contacts {
                            el("tr") {
                                el("td") {
                                    c.name
                                    el("br")
                                    el("span", .cls("muted")) { c.kind }
                                }
                                el("td") { c.address ?? "—" }
                                el("td") { c.phone ?? "—" }
                                el("td") {
                                    if let e = c.email { el("a", .href("mailto:" + e)) { e } } else { "—" }
                                    if let w = c.website {
                                        el("br")
                                        el("a", .href(w), Attr("rel", "noopener")) { w }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
