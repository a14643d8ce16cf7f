import Foundation

public enum KmcRules {
    /// The КМЦ composition is approved for one to two years (`001_4390f67d15d9225c.txt` §5.1).
    public static func validateTerm(from: Date?, to: Date?, timeZone: TimeZone, errors: inout FieldErrors) {
        guard let from, let to else { return }
        var cal = Calendar(identifier: .gregorian)
        cal.timeZone = timeZone
        guard to > from else {
            errors.add("termTo", "Окончание срока должно быть позже начала.")
            return
        }
        let oneYear = cal.date(byAdding: DateComponents(year: 1, day: -1), to: from)!
        let twoYears = cal.date(byAdding: DateComponents(year: 2), to: from)!
        if to < oneYear || to > twoYears {
            errors.add("termTo", "Состав КМЦ утверждается на срок от одного до двух лет.")
        }
    }
}
