import Domain
import Foundation

/// A group's certificates: who is ready (passed and attended enough), who has one, and the bulk issue.
public struct GroupCertificatesPage: Sendable {
    /// One student of the group.
    public struct Row: Sendable {
        /// The certificate the student has, or whether one will be issued (else why not).
        public enum Certificate: Sendable {
            case issued(number: String, url: String)
            case ready
            case notReady(reason: String?)
        }
        public var name: String, percent: Int, passed: Bool?, certificate: Certificate
        public init(name: String, percent: Int, passed: Bool?, certificate: Certificate) {
            self.name = name
            self.percent = percent
            self.passed = passed
            self.certificate = certificate
        }
    }
    public var groupName: String, program: String, center: String, minimumAttendance: Int, ready: Int
    /// The group's page (the certificates, results and print links hang below it).
    public var groupURL: String
    public var mayIssue: Bool, mayPrint: Bool
    /// Why the final assessment is not finished yet, if it is not.
    public var unfinished: String?
    public var rows: [Row]

    public init(
        groupName: String, program: String, center: String, minimumAttendance: Int, ready: Int, groupURL: String,
        mayIssue: Bool, mayPrint: Bool, unfinished: String?, rows: [Row]
    ) {
        self.groupName = groupName
        self.program = program
        self.center = center
        self.minimumAttendance = minimumAttendance
        self.ready = ready
        self.groupURL = groupURL
        self.mayIssue = mayIssue
        self.mayPrint = mayPrint
        self.unfinished = unfinished
        self.rows = rows
    }

    public static let mock = GroupCertificatesPage(
        groupName: "Робототехника-7", program: "Основы робототехники", center: "ЦДО «Кванториум»",
        minimumAttendance: 75, ready: 1, groupURL: "/groups/x", mayIssue: true, mayPrint: true, unfinished: nil,
        rows: [
            Row(name: "Ёлкин Артём Ильич", percent: 90, passed: true, certificate: .ready),
            Row(
                name: "Берестова Алина Игоревна", percent: 95, passed: true,
                certificate: .issued(number: "2026-000123", url: "/certificates/c")),
            Row(
                name: "Шмелёв Пётр Олегович", percent: 40, passed: nil, certificate: .notReady(reason: "мало посещений")
            ),
        ])

    /// The card the controller renders.
    public var card: RegistryCard {
        var actions: [RegistryCard.Action] = []
        if mayIssue {
            actions.append(
                .link(CertificatesWords.Issue.link(ready), groupURL + "/certificates/issue", primary: true))
        }
        actions.append(.link("Итоговая аттестация", groupURL + "/results", primary: false))
        if mayPrint { actions.append(.link("Печать сертификатов", groupURL + "/certificates/print", primary: false)) }
        let cells: [[Cell]] = rows.map { student in
            let certificate: Cell
            switch student.certificate {
            case .issued(let number, let url): certificate = .link(number, url)
            case .ready: certificate = .tag("будет выдан", "active")
            case .notReady(let reason): certificate = .text(reason ?? "")
            }
            return [
                .text(student.name), .text("\(student.percent) %"),
                .text(student.passed.map { $0 ? "зачтено" : "не зачтено" } ?? "—"),
                certificate,
            ]
        }
        return RegistryCard(
            title: CertificatesWords.groupTitle(groupName), area: .groups, status: nil,
            facts: [
                ("Программа", program), ("Ресурсный центр", center),
                (
                    "Условие",
                    "итоговая аттестация пройдена и посещено не меньше \(minimumAttendance) % проведённых часов"
                ),
                ("Готовы к выдаче", String(ready)),
            ],
            actions: actions, warnings: unfinished.map { [$0] } ?? [],
            sections: [
                RegistryCard.Section(
                    title: "Обучающиеся", columns: ["Обучающийся", "Посещаемость", "Аттестация", "Сертификат"],
                    rows: cells, emptyText: "В группе нет обучающихся.")
            ], history: nil)
    }
}
