using System.Reflection;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace ClassScan.TestSupport.Engines;

/// <summary>Finds <see cref="ContractFactAttribute"/> tests: one <see cref="ContractTestCase"/> per method and concrete class.</summary>
public sealed class ContractFactDiscoverer(IMessageSink diagnosticMessageSink) : IXunitTestCaseDiscoverer
{
    public IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute) =>
        [new ContractTestCase(diagnosticMessageSink, discoveryOptions.MethodDisplayOrDefault(), discoveryOptions.MethodDisplayOptionsOrDefault(), testMethod)];

    /// <summary>The skip reason of the class's <see cref="EngineRequirementAttribute"/>s, or null when none applies.</summary>
    internal static string? EngineSkipReason(ITestMethod testMethod) =>
        testMethod.TestClass.Class.ToRuntimeType()?.GetCustomAttributes<EngineRequirementAttribute>(inherit: true)
            .Select(a => a.SkipReason).FirstOrDefault(r => r is not null);
}
