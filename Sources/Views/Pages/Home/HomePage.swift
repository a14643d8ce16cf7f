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
                el("p", .cls("actions")) {
                    el("a", .cls("button primary"), .href(SiteURL.catalog.path)) { "Каталог сетевых программ" }
                    el("a", .cls("button"), .href(SiteURL.schedule.path)) { "Расписание сети на месяц" }
                    el("a", .cls("button"), .href(SiteURL.winners.path)) { "Наши победители" }
                    el("a", .cls("button"), .href(SiteURL.verify.path)) { "Проверить сертификат" }
                }
            }
            el("h2") { "Ресурсные центры" + (yearTitle.map { " в \($0) учебном году" } ?? "") }
            if centers.isEmpty {
                UI.empty("Ресурсные центры на текущий учебный год ещё не определены.")
            } else {
                el("div", .cls("cards")) {
                    for center in centers {
                        el("div", .cls("panel centre")) {
                            el("h3") { center.name }
                            if !center.subjects.isEmpty {
                                el("p") {
                                    el("strong") { "Предметы: " }
                                    center.subjects.joined(separator: ", ")
                                }
                            }
                            if !center.directions.isEmpty {
                                el("p", .cls("muted")) { "Направления: " + center.directions.joined(separator: "; ") }
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
                        for contact in contacts {
                            el("tr") {
                                el("td") {
                                    contact.name
                                    el("br")
                                    el("span", .cls("muted")) { contact.kind }
                                }
                                el("td") { contact.address ?? "—" }
                                el("td") { contact.phone ?? "—" }
                                el("td") {
                                    if let email = contact.email {
                                        el("a", .href("mailto:" + email)) { email }
                                    } else {
                                        "—"
                                    }
                                    if let website = contact.website {
                                        el("br")
                                        el("a", .href(website), Attr("rel", "noopener")) { website }
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
