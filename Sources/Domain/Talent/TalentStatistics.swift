import Foundation

/// The olympiads' and contests' statistics (issue 21, item 8): results counted by subject × grade competed for (every
/// grade its own column), by school, by level × academic year with the trend, and by sex. A result is one achievement:
/// a student in two subjects counts in both.
public enum TalentStatistics {
    /// One result as counted.
    public struct Entry: Sendable, Equatable {
        public var student: UUID
        /// The olympiad's subject, or nil for a contest's nomination.
        public var subject: String?
        public var grade: Int
        public var result: AchievementResult
        public var level: ContestLevel
        /// The academic year's title («2026/2027»).
        public var year: String
        public var school: String
        public var sex: Sex?
        /// The staff registry's teachers and trainers who prepared the student, by name.
        public var preparers: [String]

        public init(
            student: UUID, subject: String?, grade: Int, result: AchievementResult, level: ContestLevel, year: String,
            school: String, sex: Sex?, preparers: [String] = []
        ) {
            self.student = student
            self.subject = subject
            self.grade = grade
            self.result = result
            self.level = level
            self.year = year
            self.school = school
            self.sex = sex
            self.preparers = preparers
        }
    }

    /// Results, and of them prize-winners and winners.
    public struct Counts: Sendable, Equatable {
        public var results = 0
        public var prizeWinners = 0
        public var winners = 0

        public init(results: Int = 0, prizeWinners: Int = 0, winners: Int = 0) {
            self.results = results
            self.prizeWinners = prizeWinners
            self.winners = winners
        }

        mutating func add(_ result: AchievementResult) {
            results += 1
            if result == .prizeWinner { prizeWinners += 1 }
            if result == .winner { winners += 1 }
        }

        /// Winners and prize-winners together.
        public var awarded: Int { prizeWinners + winners }

        /// «12 / 3 / 1»: results, prize-winners, winners.
        public var text: String { results == 0 ? "—" : "\(results) / \(prizeWinners) / \(winners)" }
    }

    /// A row of a table: its title, a count per column and the row's total.
    public struct Row: Sendable, Equatable {
        public var title: String
        public var cells: [Counts]
        public var total: Counts
        /// Distinct students of the row (the schools' table).
        public var students: Int

        public init(title: String, cells: [Counts], total: Counts, students: Int = 0) {
            self.title = title
            self.cells = cells
            self.total = total
            self.students = students
        }
    }

    /// A table: its columns' titles and rows, and the totals per column.
    public struct Table: Sendable, Equatable {
        public var columns: [String]
        public var rows: [Row]
        public var totals: Row

        public init(columns: [String], rows: [Row], totals: Row) {
            self.columns = columns
            self.rows = rows
            self.totals = totals
        }
    }

    /// The title of results without an olympiad subject.
    public static let noSubject = "номинации конкурсов"

    /// A table of `entries` by `rowKey` × `columns`.
    static func table<Key: Hashable>(
        _ entries: [Entry], columns: [Key], title: (Key) -> String, rowKey: (Entry) -> String, column: (Entry) -> Key,
        rowOrder: [String]? = nil
    ) -> Table {
        table(
            entries, columns: columns, title: title, rows: { entry, put in put(rowKey(entry)) }, column: column,
            rowOrder: rowOrder)
    }

    /// A table of `entries` × `columns` whose rows `rows` names for each entry (an entry counts in each row it is
    /// named in — once each, the caller's care — and once in the totals). Rows are handed over one by one, without an
    /// array per entry: the statistics page counts the municipality's results five times per request.
    static func table<Key: Hashable>(
        _ entries: [Entry], columns: [Key], title: (Key) -> String, rows: (Entry, (String) -> Void) -> Void,
        column: (Entry) -> Key, rowOrder: [String]? = nil
    ) -> Table {
        var cells: [String: [Key: Counts]] = [:]
        var students: [String: Set<UUID>] = [:]
        var totals: [Key: Counts] = [:]
        var grand = Counts()
        var all = Set<UUID>()
        for entry in entries {
            let key = column(entry)
            rows(entry) { row in
                cells[row, default: [:]][key, default: Counts()].add(entry.result)
                students[row, default: []].insert(entry.student)
            }
            totals[key, default: Counts()].add(entry.result)
            grand.add(entry.result)
            all.insert(entry.student)
        }
        let order = rowOrder.map { $0.filter { cells[$0] != nil } } ?? cells.keys.sorted()
        let rows = order.map { row in
            var total = Counts()
            let line = columns.map { key in
                let counts = cells[row]?[key] ?? Counts()
                total.results += counts.results
                total.prizeWinners += counts.prizeWinners
                total.winners += counts.winners
                return counts
            }
            return Row(title: row, cells: line, total: total, students: students[row]?.count ?? 0)
        }
        return Table(
            columns: columns.map(title), rows: rows,
            totals: Row(
                title: "Всего", cells: columns.map { totals[$0] ?? Counts() }, total: grand, students: all.count))
    }

    /// Subjects × the grades competed for (each grade present its own column, in order); subjects alphabetically, the
    /// contests' nominations last.
    public static func bySubjectAndGrade(_ entries: [Entry]) -> Table {
        let grades = Set(entries.map(\.grade)).sorted()
        let subjects = Set(entries.compactMap(\.subject)).sorted()
        return table(
            entries, columns: grades, title: { "\($0) класс" }, rowKey: { $0.subject ?? noSubject },
            column: { $0.grade }, rowOrder: subjects + [noSubject])
    }

    /// Schools by name, with the distinct students of each; one column.
    public static func bySchool(_ entries: [Entry]) -> Table {
        table(
            entries, columns: [0], title: { _ in "Результатов / призёров / победителей" }, rowKey: \.school,
            column: { _ in 0 })
    }

    /// Levels (school first) × the academic years given, oldest first.
    public static func byLevelAndYear(_ entries: [Entry], years: [String]) -> Table {
        table(
            entries.filter { years.contains($0.year) }, columns: years, title: { $0 }, rowKey: { $0.level.title },
            column: { $0.year }, rowOrder: ContestLevel.allCases.map(\.title))
    }

    /// The teachers and trainers who prepared the results (named from the staff registry), by name, with the distinct
    /// students of each; a result prepared by two counts for both, once in the totals; results naming nobody are left
    /// out.
    public static func byPreparer(_ entries: [Entry]) -> Table {
        let named = entries.filter { !$0.preparers.isEmpty }
        return table(
            named, columns: [0], title: { _ in "Результатов / призёров / победителей" },
            rows: { entry, put in
                for name in entry.preparers.count == 1 ? entry.preparers : Array(Set(entry.preparers)) { put(name) }
            },
            column: { _ in 0 },
            rowOrder: Set(named.flatMap(\.preparers)).sorted { (TextKey.sort($0), $0) < (TextKey.sort($1), $1) })
    }

    /// The sexes, the registry's unknown last; one column.
    public static func bySex(_ entries: [Entry]) -> Table {
        let unknown = "не указан"
        return table(
            entries, columns: [0], title: { _ in "Результатов / призёров / победителей" },
            rowKey: { $0.sex?.title ?? unknown }, column: { _ in 0 },
            rowOrder: [Sex.female.title, Sex.male.title, unknown])
    }

    /// How a row's awarded count moved from the year before: «↑ 3», «↓ 1», «=»; nil for the first year.
    public static func trend(_ cells: [Counts], at index: Int) -> String? {
        guard index > 0, index < cells.count else { return nil }
        let change = cells[index].awarded - cells[index - 1].awarded
        return change > 0 ? "↑ \(change)" : change < 0 ? "↓ \(-change)" : "="
    }
}
