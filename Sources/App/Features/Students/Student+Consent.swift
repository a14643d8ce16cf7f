import Domain
import Foundation
import Views

extension Student {
    /// The student's consent to the processing of personal data as a line of text: given (when, by whom), withdrawn, or
    /// missing.
    func consentText(zone: TimeZone) -> String {
        StudentsWords.consent(
            givenOn: consentOn.map { RuDate.format($0, timeZone: zone) }, givenBy: consentBy,
            withdrawnOn: consentWithdrawnAt.map { RuDate.format($0, timeZone: zone) },
            withdrawnBy: consentWithdrawnBy)
    }
}
