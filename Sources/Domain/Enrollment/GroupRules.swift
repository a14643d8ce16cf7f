import Foundation

/// Group capacity rules.
public enum GroupRules {
    /// Default volume of a network group: 64 teaching hours a year (`000_5375b2a087477e6d.txt` §4.1).
    public static let defaultHours = 64

    /// Capacity can never be set below the number already enrolled (issue 3).
    public static func validateCapacity(_ capacity: Int?, enrolled: Int, errors: inout FieldErrors) {
        guard let capacity else { return }
        if capacity < 1 {
            errors.add("capacity", "Вместимость группы — не меньше одного места.")
        } else if capacity < enrolled {
            errors.add(
                "capacity",
                "В группе уже \(RussianPlural.count(enrolled, "зачисленный", "зачисленных", "зачисленных")): "
                    + "вместимость не может быть меньше."
            )
        }
    }

    /// A waiting-list position as shown: 1 + the number of students still waiting who came earlier.
    /// Positions move up by themselves when someone ahead leaves.
    public static func position(ofSequence seq: Int, waitingSequences: [Int]) -> Int {
        1 + waitingSequences.filter { $0 < seq }.count
    }
}
