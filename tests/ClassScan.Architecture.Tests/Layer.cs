namespace ClassScan.Architecture.Tests;

/// <summary>
/// Where a src project sits. Arrows point from the outside in: the host knows everything, nothing knows the host,
/// and the kernel knows nothing. Adapters (files, databases, networks, processes) and the rules on text never know
/// each other, so that a detector can be tested without a disk and a new report format never touches a detector.
/// </summary>
internal enum Layer
{
    /// <summary>Records, interfaces and vocabulary every other project speaks (ClassScan.Core). References nothing.</summary>
    Kernel,

    /// <summary>Pure work on text and bytes: the rule book, detectors, extractors, language identification.</summary>
    Domain,

    /// <summary>Orchestration over the domain: the scan pipeline and the trained model on top of it.</summary>
    Application,

    /// <summary>The outside world: sources, the state database, report files, the extraction worker process.</summary>
    Adapter,

    /// <summary>The composition root (the CLI): wires adapters to the application.</summary>
    Host,
}
