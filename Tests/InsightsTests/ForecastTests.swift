import Foundation
import SalesData
import TestSupport
import Testing

@testable import Insights

@Suite struct ForecastTests {
    func day(_ text: String) -> CalendarDate { ScorecardFixture.day(text) }

    /// Deal A 100 won with p 0.7, deal B 50 with p 0.6: outcomes 0 (0.12), 50 (0.18), 100 (0.28),
    /// 150 (0.42); cumulative 0.12, 0.30, 0.58, 1.00, so P10 = 0, P50 = 100, P90 = 150; mean 100.
    @Test func twoDealPipelineMatchesTheHandComputedDistribution() {
        let reps = [Rep(id: "M", name: "M"), Rep(id: "R", name: "R", managerID: "M")]
        let deals = [
            OpenDeal(owner: "R", amount: 100, probability: 0.7), OpenDeal(owner: "R", amount: 50, probability: 0.6),
        ]
        let rows = BookingsForecaster.distribution(
            of: deals, reps: reps, booked: ["R": 20], simulations: 20_000, seed: 7)
        for (level, key) in [(Scorecard.Level.rep, "R"), (.team, "M"), (.company, "company")] {
            let row = rows.first { $0.level == level && $0.key == key }
            #expect(row?.expected == 120)  // 20 booked + 0.7 × 100 + 0.6 × 50
            #expect(row?.p10 == 20 && row?.p50 == 120 && row?.p90 == 170)
        }
        let again = BookingsForecaster.distribution(
            of: deals, reps: reps, booked: ["R": 20], simulations: 20_000, seed: 7)
        #expect(again == rows)
    }

    /// One calibration point, 2026-09-10 with a window to 2026-09-20.
    ///
    /// D1 (age 9) won in the window, D2
    /// (age 5) lost, D3 (age 132) still open: young deals 1 of 2, old deals 0 of 1. Forecast as of
    /// 2026-09-20: D4 (age 5, 1,000) counts 0.5 × 1,000; T2, an order without a deal, is the run-rate.
    @Test func calibrationUsesOnlyOutcomesKnownAtTheAsOfDay() throws {
        let forecast = try calibrationForecast(recordedSinceJanuary: true)
        #expect(forecast.calibration.openDeals == [2, 0, 0, 1, 0])
        #expect(forecast.calibration.wonDeals == [1, 0, 0, 0, 0])
        let company = try #require(forecast.company)
        #expect(company.booked == 2_300 && company.expectedPipeline == 500 && company.expectedRunRate == 300)
        #expect(company.expected == 3_100)
        #expect(company.openDeals == 2)  // D3 and D4
    }

    /// Without T0 bookings start on 2026-09-15, after the only calibration point: that point's
    /// window would count no run-rate that was never recorded, so it is skipped. (Before the fix the
    /// demo backtest forecast 12 % low with points from 2022, when no bookings were recorded.)
    @Test func noCalibrationPointBeforeBookingsWereRecorded() throws {
        let forecast = try calibrationForecast(recordedSinceJanuary: false)
        #expect(forecast.calibration.openDeals == [0, 0, 0, 0, 0] && forecast.calibration.runRates.isEmpty)
    }

    /// As of 2026-09-20 for a period starting in 5 days, the point 2026-09-10 only counts what
    /// happens in (2026-09-15, 2026-09-20]: D1, won on 2026-09-15, no longer counts; T2 still does.
    @Test func aLaterPeriodOnlyCountsOutcomesFromItsStart() throws {
        let data = try calibrationData(recordedSinceJanuary: true)
        var settings = ForecastSettings()
        settings.lookbackDays = 15
        settings.stepDays = 100
        let forecaster = BookingsForecaster(dataset: data, settings: settings)
        let now = forecaster.calibrate(asOf: day("2026-09-20"), horizonDays: 10)
        let later = forecaster.calibrate(asOf: day("2026-09-20"), horizonDays: 10, leadDays: 5)
        #expect(now.wonDeals == [1, 0, 0, 0, 0] && later.wonDeals == [0, 0, 0, 0, 0])
        #expect(later.openDeals == [2, 0, 0, 1, 0] && later.runRates == [["R1": 300]])
    }

    /// D2, lost, is worth 1,500: young deals won 500 of 2,000 open, so D4 counts 0.25 × 1,000.
    /// (Before the fix probabilities counted deals, 1 of 2, and D4 counted 500.)
    @Test func winProbabilitiesWeighDealsByAmount() throws {
        let forecast = try calibrationForecast(recordedSinceJanuary: true, lostAmount: 1_500)
        #expect(forecast.calibration.openAmount == [2_000, 0, 0, 500, 0])
        #expect(forecast.calibration.wonAmount == [500, 0, 0, 0, 0])
        #expect(forecast.company?.expectedPipeline == 250)
    }

    /// T3, a 200 refund on 2026-09-16 of D5 (won on 2026-08-01, before the point 2026-09-10), is
    /// no open deal's booking, so it is run-rate: 300 − 200. (Before the fix it was dropped as a
    /// deal created before the point, and booked + pipeline + run-rate missed it.)
    @Test func runRateHoldsEveryBookingThatIsNotAnOpenDeal() throws {
        let forecast = try calibrationForecast(recordedSinceJanuary: true, refund: true)
        #expect(forecast.calibration.runRates == [["R1": 100]])
        #expect(forecast.calibration.pastForecasts.map(\.booked) == [["R1": 2_100]])  // T1 + T2 − T3
        #expect(forecast.company?.expectedRunRate == 100)
    }

    /// A steady run-rate is forecast exactly, with a closed interval, and the future is ignored.
    ///
    /// R1 books one 100 order every day from 2025-01-01: every past forecast of a 92-day window is
    /// exactly 9,200, so the interval from history closes on the forecast. A 1,000,000 order after
    /// the as-of day changes nothing.
    @Test func steadyRunRateGivesAnExactIntervalAndIgnoresTheFuture() throws {
        let start = day("2025-01-01")
        let orders = (0..<638).map { offset in  // to the as-of day 2026-09-30
            Transaction(
                id: TransactionID("T\(offset)"), kind: .order, date: start.adding(days: offset), accountID: "A1",
                amount: 100, ownerID: "R1")
        }
        let future = Transaction(
            id: "TF", kind: .order, date: day("2026-10-15"), accountID: "A1", amount: 1_000_000, ownerID: "R1")
        let here = GeoPoint(latitude: 40, longitude: -100)
        func forecast(_ lines: [Transaction]) throws -> ForecastRow? {
            let data = try SalesDataset(
                accounts: [Account(id: "A1", name: "Alpha", location: here)], reps: [Rep(id: "R1", name: "Riley")],
                transactions: lines)
            return BookingsForecaster(dataset: data).forecast(
                period: try ReportingPeriod(parsing: "2026-Q4", calendar: .calendarYear), asOf: day("2026-09-30")
            ).company
        }
        let company = try #require(try forecast(orders))
        #expect(isApproximatelyEqual(company.expected, 9_200) && company.booked == 0 && company.openDeals == 0)
        #expect(isApproximatelyEqual(company.p10, 9_200) && isApproximatelyEqual(company.p90, 9_200))
        #expect(company.pastForecasts > 40)
        #expect(try forecast(orders + [future]) == company)
    }

    /// Log ratios 0, ±0.1, ±0.2, 0, ±0.1 (mean 0, s = 0.130931) from weekly points with a 14-day
    /// horizon count as n_eff = 8 × 7 ÷ 14 = 4; t₀.₉(3) = 1.6377, so the half-width is
    /// 1.6377 × 0.130931 × √1.25 = 0.239735 and the factors are e^∓0.239735 = 0.786837 and 1.270912.
    @Test func historicalSpreadIsTheStudentIntervalOfTheLogRatios() {
        let spread = ForecastResiduals.spread(
            [0, 0.1, -0.1, 0.2, -0.2, 0, 0.1, -0.1], stepDays: 7, horizonDays: 14)
        #expect(abs(spread.lowFactor - 0.786837) < 1e-5 && abs(spread.highFactor - 1.270912) < 1e-5)
        #expect(spread.medianFactor == 1 && spread.count == 8)
        #expect(ForecastResiduals.studentQuantile90(degreesOfFreedom: 1) == 3.0777)
        #expect(abs(ForecastResiduals.studentQuantile90(degreesOfFreedom: 40) - 1.3031) < 5e-4)
        var row = ForecastRow(
            level: .rep, key: "R1", booked: 100, expectedPipeline: 300, expectedRunRate: 100, expected: 500, p10: 0,
            p50: 0, p90: 0, openDeals: 1, openAmount: 600)
        row.applyHistoricalInterval(spread)
        #expect(abs(row.p10 - (100 + 400 * 0.786837)) < 1e-2 && row.p50 == 500 && row.pastForecasts == 8)
    }

    func calibrationForecast(recordedSinceJanuary: Bool, lostAmount: Double = 500, refund: Bool = false) throws
        -> BookingsForecast
    {
        let data = try calibrationData(
            recordedSinceJanuary: recordedSinceJanuary, lostAmount: lostAmount, refund: refund)
        var settings = ForecastSettings()
        settings.lookbackDays = 15
        settings.stepDays = 100
        return BookingsForecaster(dataset: data, settings: settings)
            .forecast(period: try ReportingPeriod(parsing: "2026-Q3", calendar: .calendarYear), asOf: day("2026-09-20"))
    }

    func calibrationData(recordedSinceJanuary: Bool, lostAmount: Double = 500, refund: Bool = false) throws
        -> SalesDataset
    {
        let here = GeoPoint(latitude: 40, longitude: -100)
        func deal(
            _ id: OpportunityID, _ created: String, _ close: String, closed: Bool, won: Bool, amount: Double = 500
        ) -> Opportunity {
            Opportunity(
                id: id, accountID: "A1", ownerID: "R1", amount: amount,
                stage: closed ? (won ? "Closed Won" : "Closed Lost") : "Proposal",
                probability: 0.5, createdDate: day(created), closeDate: day(close), isClosed: closed, isWon: won)
        }
        let data = try SalesDataset(
            accounts: [Account(id: "A1", name: "Alpha", location: here)], reps: [Rep(id: "R1", name: "Riley")],
            opportunities: [
                deal("D1", "2026-09-01", "2026-09-15", closed: true, won: true),
                deal("D2", "2026-09-05", "2026-09-12", closed: true, won: false, amount: lostAmount),
                deal("D3", "2026-05-01", "2026-12-31", closed: false, won: false),
                deal("D4", "2026-09-15", "2026-09-30", closed: false, won: false, amount: 1_000),
            ] + (refund ? [deal("D5", "2026-06-01", "2026-08-01", closed: true, won: true, amount: 200)] : []),
            transactions: [
                Transaction(
                    id: "T1", kind: .booking, date: day("2026-09-15"), accountID: "A1", opportunityID: "D1",
                    amount: 2_000, ownerID: "R1"),
                Transaction(
                    id: "T2", kind: .order, date: day("2026-09-18"), accountID: "A1", amount: 300, ownerID: "R1"),
            ]
                // Before the period and every window; it marks when recorded bookings begin.
                + (recordedSinceJanuary
                    ? [
                        Transaction(
                            id: "T0", kind: .order, date: day("2026-01-15"), accountID: "A1", amount: 100, ownerID: "R1"
                        )
                    ] : [])
                + (refund
                    ? [
                        Transaction(
                            id: "T3", kind: .refund, date: day("2026-09-16"), accountID: "A1", opportunityID: "D5",
                            amount: -200, ownerID: "R1")
                    ] : []))
        return data
    }
}
