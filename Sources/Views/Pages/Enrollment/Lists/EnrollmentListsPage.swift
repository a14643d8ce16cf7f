import Domain
import Foundation

/// «Списки КМЦ»: the lists the viewer may see, newest first, with their state.
public struct EnrollmentListsPage: Sendable {
    /// One list (`state`: as stored; dates already written).
    public struct Row: Sendable {
        public var url: String, group: String, center: String, items: Int, state: String, created: String
        public var createdBy: String, sent: String?
        public init(
            url: String, group: String, center: String, items: Int, state: String, created: String,
            createdBy: String, sent: String?
        ) {
            self.url = url
            self.group = group
            self.center = center
            self.items = items
            self.state = state
            self.created = created
            self.createdBy = createdBy
            self.sent = sent
        }
    }

    public var query: ListQuery, rows: [Row], total: Int
    /// The viewer composes lists (and is told where a new one starts).
    public var composer: Bool

    public init(query: ListQuery, rows: [Row], total: Int, composer: Bool) {
        self.query = query
        self.rows = rows
        self.total = total
        self.composer = composer
    }

    public static let mock = EnrollmentListsPage(
        query: ListQuery(sort: "created", descending: true),
        rows: [
            Row(
                url: "/lists/00000000-0000-0000-0000-000000000001", group: "Информатика-10", center: "Лицей № 2",
                items: 4, state: "accepted", created: "01.09.2025 10:00", createdBy: "Ёлкина Ольга Петровна",
                sent: "02.09.2025 09:30"),
            Row(
                url: "/lists/00000000-0000-0000-0000-000000000002", group: "Химия-9", center: "Лицей № 2", items: 0,
                state: "draft", created: "03.09.2025 11:00", createdBy: "Ёлкина Ольга Петровна", sent: nil),
        ],
        total: 2, composer: true)

    /// The registry list the controller renders.
    public var list: RegistryList {
        var list = RegistryList(
            title: "Списки КМЦ", area: .groups, query: query,
            filters: [
                FieldSpec(
                    "state", "Состояние",
                    .select(
                        ["draft", "sent", "accepted", "returned"].map { ($0, EnrollmentWords.Lists.state($0)) },
                        empty: "Все"))
            ],
            columns: [
                Column("Группа"), Column("Ресурсный центр"), Column("Обучающихся"), Column("Состояние"),
                Column("Составлен"), Column("Отправлен"),
            ],
            rows: rows.map { list in
                [
                    .link(list.group, list.url), .text(list.center), .text(String(list.items)),
                    .tag(
                        EnrollmentWords.Lists.state(list.state),
                        list.state == "accepted" ? "signed" : list.state == "returned" ? "expired" : "draft"),
                    .text(list.created + ", " + list.createdBy), .text(list.sent ?? ""),
                ]
            },
            total: total, noun: ("список", "списка", "списков"), createTitle: nil,
            warnings: composer
                ? ["Новый список составляется из карточки группы: «Группы» → группа → «Составить список КМЦ»."] : [],
            emptyText: "Списков пока нет.")
        list.searchAction = SiteURL.lists.path
        return list
    }
}
