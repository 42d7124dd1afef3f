extension AlignmentProblem {
    /// Checks the problem's data before any solve.
    ///
    /// - Throws: ``TerritoryError`` naming the unit, territory or measure at fault.
    public func validate() throws {
        if units.isEmpty { throw TerritoryError.invalidProblem("no units to assign") }
        if territories.isEmpty { throw TerritoryError.invalidProblem("no territories") }
        var unitIDs = Set<String>()
        for unit in units {
            if unit.id.isEmpty { throw TerritoryError.invalidProblem("a unit has an empty id") }
            if !unitIDs.insert(unit.id).inserted { throw TerritoryError.duplicateID(unit.id, kind: "unit") }
            if !unit.location.isValid {
                throw TerritoryError.invalidUnit(unit.id, reason: "location \(unit.location) is not a valid point")
            }
            if unit.measures.count != measures.count {
                throw TerritoryError.invalidUnit(
                    unit.id, reason: "has \(unit.measures.count) measure values, expected \(measures.count)")
            }
            for (k, value) in unit.measures.enumerated() where !(value.isFinite && value >= 0) {
                throw TerritoryError.invalidUnit(
                    unit.id, reason: "measure \(measures[k].name) is \(value), expected a finite value ≥ 0")
            }
        }
        var territoryIDs = Set<String>()
        for territory in territories {
            if territory.id.isEmpty { throw TerritoryError.invalidProblem("a territory has an empty id") }
            if !territoryIDs.insert(territory.id).inserted {
                throw TerritoryError.duplicateID(territory.id, kind: "territory")
            }
            if !territory.centre.isValid {
                throw TerritoryError.invalidTerritory(
                    territory.id, reason: "centre \(territory.centre) is not a valid point")
            }
            if !(territory.capacity.isFinite && territory.capacity > 0) {
                throw TerritoryError.invalidTerritory(
                    territory.id, reason: "capacity \(territory.capacity), expected a finite value > 0")
            }
        }
        for unit in units {
            if let current = unit.currentTerritory, !current.isEmpty, !territoryIDs.contains(current) {
                throw TerritoryError.invalidUnit(unit.id, reason: "current territory \(current) is not a territory")
            }
            if unit.locked && (unit.currentTerritory ?? "").isEmpty {
                throw TerritoryError.invalidUnit(unit.id, reason: "is locked but has no current territory")
            }
        }
        for (k, measure) in measures.enumerated() {
            if !(measure.tolerance.isFinite && measure.tolerance >= 0) {
                throw TerritoryError.invalidMeasure(
                    measure.name, reason: "tolerance \(measure.tolerance), expected a finite value ≥ 0")
            }
            if measure.target == .upperLimit {
                guard let limit = measure.limit, limit.isFinite, limit > 0, measure.tolerance == 1 else {
                    throw TerritoryError.invalidMeasure(
                        measure.name,
                        reason:
                            "upper limit \(measure.limit.map { "\($0)" } ?? "missing"); expected a finite limit > 0 "
                            + "(BalanceMeasure.upperLimit(name:limit:))")
                }
            }
            if measure.target == .given {
                for territory in territories {
                    guard let targets = territory.targets, targets.count == measures.count, let value = targets[k]
                    else {
                        throw TerritoryError.invalidTerritory(
                            territory.id, reason: "no given target for measure \(measure.name)")
                    }
                    if !(value.isFinite && value >= 0) {
                        throw TerritoryError.invalidTerritory(
                            territory.id, reason: "target \(value) for \(measure.name), expected a finite value ≥ 0")
                    }
                }
            }
        }
        if let k = compactnessMeasure, !(0..<measures.count).contains(k) {
            throw TerritoryError.invalidProblem(
                "compactness measure index \(k) is not one of \(measures.count) measures")
        }
        try validateDisruption()
        if let adjacency, adjacency.count != units.count {
            throw TerritoryError.invalidProblem(
                "adjacency has \(adjacency.count) units, the problem \(units.count)")
        }
        switch centrePolicy {
        case .fixed: break
        case .relocate(let rounds):
            if rounds < 1 { throw TerritoryError.invalidProblem("relocation rounds \(rounds), expected ≥ 1") }
        case .choose(let count):
            if count < 1 || count > territories.count {
                throw TerritoryError.invalidProblem(
                    "choose \(count) centres among \(territories.count) candidates, expected 1...\(territories.count)")
            }
            // Every candidate holding a locked unit must open; more of them than `count` cannot be.
            let lockedCentres = Set(units.filter(\.locked).compactMap(\.currentTerritory))
            if lockedCentres.count > count {
                throw TerritoryError.invalidProblem(
                    "choose \(count) centres, but \(lockedCentres.count) candidates hold locked units and must "
                        + "all open (\(lockedCentres.sorted().prefix(5).joined(separator: ", "))…); "
                        + "expected a territory count ≥ \(lockedCentres.count)")
            }
        }
    }

    private func validateDisruption() throws {
        let budget = disruption
        for (name, share) in [
            ("max moved account share", budget.maxMovedAccountShare),
            ("max moved value share", budget.maxMovedValueShare),
        ] {
            if let share, !(share.isFinite && share >= 0 && share <= 1) {
                throw TerritoryError.invalidProblem("\(name) \(share), expected a value in 0...1")
            }
        }
        if !(budget.penaltyPerMovedValue.isFinite && budget.penaltyPerMovedValue >= 0) {
            throw TerritoryError.invalidProblem(
                "penalty per moved value \(budget.penaltyPerMovedValue), expected a finite value ≥ 0")
        }
        if budget.isActive, !(0..<measures.count).contains(budget.valueMeasure) {
            if budget.maxMovedValueShare != nil || budget.penaltyPerMovedValue > 0 {
                throw TerritoryError.invalidProblem(
                    "disruption value measure index \(budget.valueMeasure) is not one of \(measures.count) measures")
            }
        }
    }
}
