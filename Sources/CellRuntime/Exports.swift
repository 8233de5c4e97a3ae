// What every chapter cell sees without importing it: Foundation's math and the plotting API.
@_exported import Foundation
@_exported import Plot
