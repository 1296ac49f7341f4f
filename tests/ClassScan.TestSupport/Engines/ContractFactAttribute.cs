using Xunit;
using Xunit.Sdk;

namespace ClassScan.TestSupport.Engines;

/// <summary>
/// A fact of a contract suite (an abstract test class run once per implementation): like <see cref="FactAttribute"/>,
/// but skipped with the reason for a concrete test class whose engine is not available on this machine (an
/// <see cref="EngineRequirementAttribute"/> on that class, e.g. <c>[RequiresPostgres]</c>), so the SQLite subclass
/// runs everywhere and the PostgreSQL one reports "not run" on a bare clone instead of failing. An attribute on the
/// method cannot know which subclass runs it; the discoverer can.
/// </summary>
[XunitTestCaseDiscoverer("ClassScan.TestSupport.Engines.ContractFactDiscoverer", "ClassScan.TestSupport")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class ContractFactAttribute : FactAttribute;
