using Xunit.Abstractions;
using Xunit.Sdk;

namespace ClassScan.TestSupport.Engines;

/// <summary>An xunit fact whose skip reason also comes from its concrete class's engine requirement
/// (<see cref="ContractFactDiscoverer.EngineSkipReason"/>). Serialisable like <see cref="XunitTestCase"/>: the runner
/// rebuilds it from the method and asks again, so the reason is the one of the machine that runs it.</summary>
public sealed class ContractTestCase : XunitTestCase
{
    [Obsolete("Called by the de-serializer; should only be called by deriving classes for de-serialization purposes")]
    public ContractTestCase()
    {
    }

    public ContractTestCase(IMessageSink diagnosticMessageSink, TestMethodDisplay defaultMethodDisplay, TestMethodDisplayOptions defaultMethodDisplayOptions, ITestMethod testMethod)
        : base(diagnosticMessageSink, defaultMethodDisplay, defaultMethodDisplayOptions, testMethod)
    {
    }

    protected override string? GetSkipReason(IAttributeInfo factAttribute) =>
        ContractFactDiscoverer.EngineSkipReason(TestMethod) ?? base.GetSkipReason(factAttribute);
}
