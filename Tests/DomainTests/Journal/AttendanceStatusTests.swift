import Domain
import Testing

@Suite struct AttendanceStatusTests {
    /// One student's mark agrees with the student's sex; an unknown sex keeps both forms, as the general legend does.
    @Test(arguments: [
        (
            Sex?.some(.male),
            ["присутствовал", "отсутствовал по уважительной причине", "отсутствовал без уважительной причины"]
        ),
        (
            Sex?.some(.female),
            [
                "присутствовала", "отсутствовала по уважительной причине", "отсутствовала без уважительной причины",
            ]
        ),
        (
            Sex?.none,
            [
                "присутствовал(а)", "отсутствовал(а) по уважительной причине",
                "отсутствовал(а) без уважительной причины",
            ]
        ),
    ])
    func oneStudentsMarkAgreesWithTheSex(sex: Sex?, titles: [String]) {
        #expect([AttendanceStatus.present, .excused, .absent].map { $0.title(for: sex) } == titles)
    }

    @Test func theGeneralTitleKeepsBothForms() {
        #expect(AttendanceStatus.present.title == "присутствовал(а)")
        #expect(AttendanceStatus.absent.title == "отсутствовал(а) без уважительной причины")
    }
}
