import Foundation
import Testing

@testable import Domain

/// Issue 21, item 8: results counted by subject × grade (every grade its own column), by school with distinct
/// students, by level × year with the trend, and by sex.
@Suite struct TalentStatisticsTests {
    let a = UUID()
    let b = UUID()

    func entry(
        _ student: UUID, _ subject: String?, _ grade: Int, _ result: AchievementResult,
        level: ContestLevel = .municipal,
        year: String = "2026/2027", school: String = "СОШ № 1", sex: Sex? = .female
    ) -> TalentStatistics.Entry {
        TalentStatistics.Entry(
            student: student, subject: subject, grade: grade, result: result, level: level, year: year, school: school,
            sex: sex)
    }

    @Test func subjectsByGradeEachGradeItsOwnColumnAndTheNominationsLast() {
        let table = TalentStatistics.bySubjectAndGrade([
            entry(a, "физика", 11, .winner), entry(a, "математика", 9, .participant),
            entry(b, "математика", 9, .prizeWinner), entry(b, nil, 10, .winner),
        ])
        #expect(table.columns == ["9 класс", "10 класс", "11 класс"])
        #expect(table.rows.map(\.title) == ["математика", "физика", TalentStatistics.noSubject])
        #expect(table.rows[0].cells[0] == TalentStatistics.Counts(results: 2, prizeWinners: 1, winners: 0))
        #expect(table.rows[0].cells[1].text == "—")
        #expect(table.totals.total == TalentStatistics.Counts(results: 4, prizeWinners: 1, winners: 2))
        #expect(table.totals.students == 2)
    }

    @Test func aResultOfTwoPreparersCountsForBothAndOnceInTheTotals() {
        var shared = entry(a, "физика", 11, .winner)
        shared.preparers = ["Смирнова Анна Викторовна", "Тарасов Глеб Олегович"]
        var own = entry(b, "физика", 10, .participant)
        own.preparers = ["Смирнова Анна Викторовна"]
        let table = TalentStatistics.byPreparer([shared, own, entry(b, "химия", 10, .winner)])
        #expect(table.rows.map(\.title) == ["Смирнова Анна Викторовна", "Тарасов Глеб Олегович"])
        #expect(table.rows[0].total == TalentStatistics.Counts(results: 2, prizeWinners: 0, winners: 1))
        #expect(table.rows[0].students == 2)
        #expect(table.rows[1].total == TalentStatistics.Counts(results: 1, prizeWinners: 0, winners: 1))
        // The result naming nobody is not counted; the shared one once.
        #expect(table.totals.total == TalentStatistics.Counts(results: 2, prizeWinners: 0, winners: 1))
    }

    @Test func schoolsCountDistinctStudentsAndSexesKeepTheUnknownLast() {
        let entries = [
            entry(a, "физика", 11, .winner), entry(a, "математика", 11, .participant),
            entry(b, "математика", 9, .participant, school: "Гимназия № 2", sex: nil),
        ]
        let schools = TalentStatistics.bySchool(entries)
        #expect(schools.rows.map(\.title) == ["Гимназия № 2", "СОШ № 1"])
        #expect(schools.rows[1].students == 1 && schools.rows[1].total.results == 2)
        let sexes = TalentStatistics.bySex(entries)
        #expect(sexes.rows.map(\.title) == ["женский", "не указан"])
    }

    @Test func levelsByYearShowTheTrendOfTheAwarded() {
        let table = TalentStatistics.byLevelAndYear(
            [
                entry(a, "физика", 11, .winner, year: "2025/2026"),
                entry(a, "физика", 11, .winner, year: "2026/2027"),
                entry(b, "физика", 11, .prizeWinner, year: "2026/2027"),
                entry(b, "физика", 11, .participant, level: .school, year: "2026/2027"),
                entry(b, "физика", 11, .winner, year: "2019/2020"),
            ], years: ["2025/2026", "2026/2027"])
        #expect(table.rows.map(\.title) == ["школьный", "муниципальный"])
        #expect(TalentStatistics.trend(table.rows[1].cells, at: 1) == "↑ 1")
        #expect(TalentStatistics.trend(table.rows[1].cells, at: 0) == nil)
        #expect(table.totals.total.results == 4)
    }
}
