namespace ClassScan.TestSupport.Engines;

/// <summary>On a concrete contract test class: what its engine needs (a server, a tool). <see cref="SkipReason"/> is
/// null when it is there; otherwise every <see cref="ContractFactAttribute"/> test of the class is skipped with it.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = true)]
public abstract class EngineRequirementAttribute : Attribute
{
    /// <summary>Why the engine cannot run here ("not run"), or null when it can (or when CI requires it: then it fails loudly).</summary>
    public abstract string? SkipReason { get; }
}
