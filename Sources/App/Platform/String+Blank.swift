import Foundation

extension String {
    func ifBlank(_ other: String) -> String { isEmpty ? other : self }
}
