import Fluent
import Testing
import Vapor
import VaporTesting

@testable import App

/// Every AppTests suite nests here so they run one at a time (PostgreSQL tests share one database).
@Suite(.serialized) struct AppTests {}
