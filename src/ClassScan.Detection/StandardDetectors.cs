using ClassScan.Core.Findings;
using ClassScan.Detection.Confidential;
using ClassScan.Detection.Health;
using ClassScan.Detection.Individuals;
using ClassScan.Detection.Osl;
using ClassScan.Detection.Personnummer;
using ClassScan.Detection.Procurement;
using ClassScan.Detection.Security;
using ClassScan.Detection.Sensitive;

namespace ClassScan.Detection;

/// <summary>
/// The detectors a scan runs, in one list: the scan, training, evaluation, the rule-book tests and the benchmarks
/// all take it from here, so a new detector cannot be missing from one of them. Order is the order of evidence in
/// reports' tie-breaks only; each detector is independent.
/// </summary>
public static class StandardDetectors
{
    /// <param name="time">The clock the personnummer detector uses to resolve the century of 10-digit numbers.</param>
    public static IReadOnlyList<IDetector> Create(TimeProvider time) =>
    [
        new PersonnummerDetector(time),
        new OslMarkingDetector(),
        new HealthDetector(),
        new SensitiveCategoryDetector(),
        new IndividualDetector(),
        new ConfidentialDetailsDetector(),
        new SecurityArrangementDetector(),
        new TenderEvaluationDetector(),
    ];
}
