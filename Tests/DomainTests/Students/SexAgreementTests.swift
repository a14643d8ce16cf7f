import Domain
import Testing

@Suite struct SexAgreementTests {
    @Test func wordsAgreeWithTheSexOrShowBothForms() {
        #expect(Sex.agree(.male, masculine: "прослушал", feminine: "прослушала") == "прослушал")
        #expect(Sex.agree(.female, masculine: "прослушал", feminine: "прослушала") == "прослушала")
        // Unknown: the blank-form way when the feminine extends the masculine, both words otherwise.
        #expect(Sex.agree(nil, masculine: "зачислен", feminine: "зачислена") == "зачислен(а)")
        #expect(Sex.agree(nil, masculine: "переведён", feminine: "переведена") == "переведён/переведена")
        #expect(Sex.agree(nil, masculine: "его", feminine: "её", unknown: "его (её)") == "его (её)")
        #expect(Sex.agree(.female, masculine: "его", feminine: "её", unknown: "его (её)") == "её")
    }
}
